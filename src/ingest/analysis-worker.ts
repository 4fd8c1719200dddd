import { parentPort } from 'node:worker_threads';
import { analyzeArticle } from '../analyze/analyze.js';
import type { ArticleDraft } from '../model/types.js';
import { prepareDocument, withoutWordTokens } from '../pipeline.js';
import { packAnalysis, type AnalysisReply, type AnalysisRequest } from './analysis-pool.js';

/** A thread of the analysis pool: the text layer and analysis of one extracted article per message. */
if (!parentPort) throw new Error('analysis-worker runs as a worker thread of the analysis pool');
const port = parentPort;
port.on('message', (request: AnalysisRequest) => {
  let reply: AnalysisReply;
  try {
    const { article, doc } = prepareDocument(request.draft as ArticleDraft, request.ingestedAt);
    reply = { id: request.id, ok: true, analyzed: packAnalysis(withoutWordTokens(analyzeArticle(article, doc))) };
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    const problem = (error as { problem?: unknown }).problem;
    reply = { id: request.id, ok: false, name: error.name, message: error.message, problem: typeof problem === 'string' ? problem : null };
  }
  port.postMessage(reply);
});
