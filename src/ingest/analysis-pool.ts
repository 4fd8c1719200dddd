import { Worker } from 'node:worker_threads';
import type { AnalyzedArticle, ArticleDraft } from '../model/types.js';
import { InputError } from './errors.js';

export interface AnalysisRequest {
  id: number;
  draft: ArticleDraft;
  ingestedAt: string;
}

export type AnalysisReply =
  | { id: number; ok: true; analyzed: PackedAnalysis }
  | { id: number; ok: false; name: string; message: string; problem: string | null };

/**
 * An analyzed article as it crosses from an analysis thread to the main thread: its terms as two arrays instead of
 * an object of a few hundred keys. Cloning such an object into the main thread cost four times the rest of the
 * article (about 0.8 of 1 ms), on the thread that also places and stores every article.
 */
export interface PackedAnalysis extends Omit<AnalyzedArticle, 'terms'> {
  termKeys: string[];
  termCounts: number[];
}

export function packAnalysis(analyzed: AnalyzedArticle): PackedAnalysis {
  const { terms, ...rest } = analyzed;
  return { ...rest, termKeys: Object.keys(terms), termCounts: Object.values(terms) };
}

export function unpackAnalysis(packed: PackedAnalysis): AnalyzedArticle {
  const { termKeys, termCounts, ...rest } = packed;
  // Without a prototype, as analysis makes it: a term may be any word, "constructor" or "__proto__" too.
  const terms: Record<string, number> = Object.create(null);
  for (let i = 0; i < termKeys.length; i++) terms[termKeys[i]] = termCounts[i];
  return { ...rest, terms };
}

/** The pool itself failed (a thread died): the run stops, unlike when one document fails. */
export class AnalysisPoolError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'AnalysisPoolError';
  }
}

interface Waiting {
  source: string;
  resolve: (analyzed: AnalyzedArticle) => void;
  reject: (err: Error) => void;
}

/**
 * Worker threads that run the text layer and analysis (pure, CPU-bound stages) while the main thread extracts,
 * places and stores: ingestion uses more than one core. Each request goes to the thread with the fewest waiting;
 * a failure of the document comes back as the InputError it threw.
 */
export class AnalysisPool {
  private readonly workers: { worker: Worker; waiting: Map<number, Waiting> }[] = [];
  private nextId = 0;
  private failure: Error | null = null;
  private closing = false;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`an analysis pool needs at least one thread, not ${size}`);
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./analysis-worker.js', import.meta.url));
      const waiting = new Map<number, Waiting>();
      worker.on('message', (reply: AnalysisReply) => {
        const w = waiting.get(reply.id);
        if (!w) return;
        waiting.delete(reply.id);
        if (reply.ok) w.resolve(unpackAnalysis(reply.analyzed));
        else if (reply.name === 'InputError' && reply.problem !== null) w.reject(new InputError(w.source, reply.problem));
        else w.reject(Object.assign(new Error(reply.message), { name: reply.name }));
      });
      // A thread that dies (out of memory, a bug) fails what it held and every later request: the run stops.
      worker.on('error', (err) => this.fail(waiting, new AnalysisPoolError(`an analysis thread failed: ${err.message}`, { cause: err })));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(waiting, new AnalysisPoolError(`an analysis thread stopped (exit code ${code})`));
      });
      this.workers.push({ worker, waiting });
    }
  }

  private fail(waiting: Map<number, Waiting>, err: Error): void {
    this.failure ??= err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  }

  /** The text layer and analysis of `draft`, as prepareDocument then analyzeArticle give them. */
  analyze(draft: ArticleDraft, ingestedAt: string): Promise<AnalyzedArticle> {
    if (this.failure) return Promise.reject(this.failure);
    const target = this.workers.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      target.waiting.set(id, { source: draft.source, resolve, reject });
      target.worker.postMessage({ id, draft, ingestedAt } satisfies AnalysisRequest);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
