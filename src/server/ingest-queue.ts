import { ingestDocuments, type IngestSummary } from '../ingest/run.js';
import type { Result } from '../ingest/errors.js';
import type { RawDocument } from '../model/types.js';
import type { Store } from '../store/store.js';
import { StoryWindow } from '../stories/assign.js';

/**
 * Ingestion requests run one after another: placing an article in a story reads the active stories and writes
 * one back, so two requests interleaved could both start a story for the same event. One window of active
 * stories serves every request of the server's life.
 */
export class IngestQueue {
  private readonly window = new StoryWindow();
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: Store) {}

  run(documents: Result<RawDocument>[]): Promise<IngestSummary> {
    const next = this.tail.then(() => ingestDocuments(this.store, documents, undefined, this.window));
    // The queue goes on after a failed request; the failure itself reaches that request's caller.
    this.tail = next.catch(() => undefined);
    return next;
  }
}
