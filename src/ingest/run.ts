import type { AnalyzedArticle, RawDocument } from '../model/types.js';
import { analyzeArticle } from '../analyze/analyze.js';
import { extract, prepareDocument, urlIdentity } from '../pipeline.js';
import type { Store } from '../store/store.js';
import { decideStory, StoryWindow, type StoryDecision } from '../stories/assign.js';
import { InputError, asInputError, type Result } from './errors.js';

export interface IngestOutcome {
  source: string;
  status: 'ingested' | 'duplicate' | 'unchanged' | 'failed';
  articleId?: string;
  storyId?: string;
  duplicateOf?: string | null;
  /** The article started its story. */
  newStory?: boolean;
  /** A story found to be the same event as `storyId` and merged into it with this article. */
  absorbed?: string | null;
  title?: string;
  error?: InputError;
}

export interface IngestSummary {
  ingested: number;
  duplicates: number;
  unchanged: number;
  failed: number;
  /** Stories started, and stories merged into others, by this run. */
  storiesStarted: number;
  storiesMerged: number;
  outcomes: IngestOutcome[];
}

/**
 * Ingests documents one at a time: each is analyzed, placed in a story and written in one transaction, so a bad
 * item or an interruption never leaves part of an article behind. Re-ingesting an article is a no-op.
 */
export async function ingestDocuments(
  store: Store,
  documents: Iterable<Result<RawDocument>> | AsyncIterable<Result<RawDocument>>,
  onOutcome: (outcome: IngestOutcome) => void = () => {},
  /** Active stories kept between calls by a long-running process (the server); a new one per run otherwise. */
  window: StoryWindow = new StoryWindow(),
): Promise<IngestSummary> {
  const summary: IngestSummary = { ingested: 0, duplicates: 0, unchanged: 0, failed: 0, storiesStarted: 0, storiesMerged: 0, outcomes: [] };
  const record = (outcome: IngestOutcome) => {
    summary.outcomes.push(outcome);
    if (outcome.status === 'ingested') summary.ingested++;
    else if (outcome.status === 'duplicate') summary.duplicates++;
    else if (outcome.status === 'unchanged') summary.unchanged++;
    else summary.failed++;
    if (outcome.newStory) summary.storiesStarted++;
    if (outcome.absorbed) summary.storiesMerged++;
    onOutcome(outcome);
  };
  for await (const item of documents) {
    if (!item.ok) {
      record({ source: item.error.source, status: 'failed', error: item.error });
      continue;
    }
    const raw = item.value;
    // A stage that throws fails that item, with its name, and the run goes on; store lookups stay outside, since a
    // failing store is not the document's fault and stops the run.
    const attempt = <T>(stage: () => T): T | null => {
      try {
        return stage();
      } catch (err) {
        const error = err instanceof Error && err.name === 'InputError' ? asInputError(raw.source, err) : new InputError(raw.source, `could not be analyzed: ${(err as Error).message}`);
        record({ source: raw.source, status: 'failed', error });
        return null;
      }
    };
    // An article already stored is recognized before analysis (by its URL right after extraction, else by its text),
    // so that re-reading an archive, as a resumed run does, costs little.
    const draft = attempt(() => extract(raw));
    if (!draft) continue;
    const byUrl = urlIdentity(draft);
    if (byUrl && (await store.hasArticle(byUrl))) {
      record({ source: raw.source, status: 'unchanged', articleId: byUrl, title: draft.title ?? '' });
      continue;
    }
    const prepared = attempt(() => prepareDocument(draft, new Date().toISOString()));
    if (!prepared) continue;
    if (!byUrl && (await store.hasArticle(prepared.article.id))) {
      record({ source: raw.source, status: 'unchanged', articleId: prepared.article.id, title: prepared.article.title });
      continue;
    }
    const analyzed = attempt(() => analyzeArticle(prepared.article, prepared.doc));
    if (!analyzed) continue;
    // Store failures are not the document's fault: they propagate and stop the run.
    const { article } = analyzed;
    const decision = await placeAnalyzed(store, analyzed, window);
    // Not stored: another worker stored the same article a moment ago.
    if (!decision) {
      record({ source: raw.source, status: 'unchanged', articleId: article.id, title: article.title });
      continue;
    }
    record({
      source: raw.source,
      status: decision.duplicateOf ? 'duplicate' : 'ingested',
      articleId: article.id,
      storyId: decision.story.id,
      duplicateOf: decision.duplicateOf,
      newStory: decision.created,
      absorbed: decision.absorbed,
      title: article.title,
    });
  }
  return summary;
}

/**
 * Places an analyzed article in its story and stores both in one transaction, keeping the window of active stories
 * current; null when the article was already stored. `decide` is the story decision (a benchmark times it alone).
 */
export async function placeAnalyzed(
  store: Store,
  analyzed: AnalyzedArticle,
  window: StoryWindow,
  decide: typeof decideStory = decideStory,
): Promise<StoryDecision | null> {
  const decision = await store.placeArticle(analyzed, async () => {
    const decided = await decide(store, analyzed, window);
    analyzed.article.duplicateOf = decided.duplicateOf;
    return decided;
  });
  if (!decision) return null;
  if (decision.absorbed) window.forget(decision.absorbed);
  window.remember(decision.story);
  return decision;
}
