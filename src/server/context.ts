import type { Fetcher } from '../ingest/fetch.js';
import type { Store } from '../store/store.js';
import type { ComparisonCache } from './comparison-cache.js';
import type { IngestQueue } from './ingest-queue.js';
import type { StoryFeed } from './story-feed.js';

/** What every route module is given: the store and the server's long-lived helpers. */
export interface ServerContext {
  store: Store;
  comparisons: ComparisonCache;
  feed: StoryFeed;
  ingest: IngestQueue;
  /** Rejects a request that may not write. */
  guardWrite: (request: import('fastify').FastifyRequest) => Promise<void>;
  /** Largest number of articles one ingest request may carry. */
  maxBatch: number;
  /** The HTTP client for URLs clients ask the server to read. */
  fetcher: Fetcher;
}
