import PgBoss from 'pg-boss';
import type { RawDocument } from '../model/types.js';
import type { Store } from '../store/store.js';
import { StoryWindow } from '../stories/assign.js';
import { InputError, ok } from './errors.js';
import { ingestDocuments, type IngestOutcome } from './run.js';

/** The queue of documents waiting to be analyzed and stored. */
export const INGEST_QUEUE = 'parallax-ingest';
/** Attempts after the first for a job whose worker failed (crashed, lost the database); then it is kept as failed. */
const RETRY_LIMIT = 3;
/** A job not finished this long after a worker took it is handed to another (its worker is presumed dead). */
const EXPIRE_SECONDS = 300;

/**
 * Ingestion shared by many worker processes through PostgreSQL, on pg-boss: `enqueue` adds documents, `work` takes
 * them in batches. Delivery is at least once (a job whose worker dies is retried), made safe by ingestion being
 * idempotent: an article already stored is a no-op.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private started: Promise<void> | null = null;

  constructor(url: string) {
    this.boss = new PgBoss({ connectionString: url, max: 3 });
    // pg-boss reports background trouble (maintenance, a dropped connection) as events; they are logged, not fatal.
    this.boss.on('error', (err: Error) => console.error(`parallax: job queue: ${err.message}`));
  }

  private start(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      if (!(await this.boss.getQueue(INGEST_QUEUE))) {
        await this.boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, retryLimit: RETRY_LIMIT, retryDelay: 2, retryBackoff: true, expireInSeconds: EXPIRE_SECONDS });
      }
    })();
    return this.started;
  }

  async enqueue(documents: RawDocument[]): Promise<void> {
    await this.start();
    if (documents.length > 0) await this.boss.insert(documents.map((data) => ({ name: INGEST_QUEUE, data })));
  }

  /** Jobs waiting or running. */
  async pending(): Promise<number> {
    await this.start();
    return (await this.boss.getQueueSize(INGEST_QUEUE, { before: 'completed' })) ?? 0;
  }

  /**
   * Takes jobs and ingests them until `shouldStop` says so (checked between batches); with `untilEmpty`, returns
   * when no job is waiting. A document that cannot be analyzed completes with its failure recorded (retrying would
   * not help); a failure of the store fails the job, which pg-boss retries.
   */
  async work(store: Store, options: { batchSize?: number; untilEmpty?: boolean; shouldStop?: () => boolean; onOutcome?: (o: IngestOutcome) => void } = {}): Promise<number> {
    await this.start();
    const window = new StoryWindow();
    let processed = 0;
    while (!options.shouldStop?.()) {
      const jobs = await this.boss.fetch<RawDocument>(INGEST_QUEUE, { batchSize: options.batchSize ?? 10 });
      if (jobs.length === 0) {
        if (options.untilEmpty) break;
        await new Promise((resolve) => setTimeout(resolve, 1000));
        continue;
      }
      for (const job of jobs) {
        try {
          const summary = await ingestDocuments(store, [ok(job.data)], options.onOutcome, window);
          const outcome = summary.outcomes[0];
          await this.boss.complete(INGEST_QUEUE, job.id, outcome.status === 'failed' ? { failed: outcome.error?.problem } : { status: outcome.status, articleId: outcome.articleId });
        } catch (err) {
          await this.boss.fail(INGEST_QUEUE, job.id, { error: (err as Error).message });
          options.onOutcome?.({ source: job.data.source, status: 'failed', error: new InputError(job.data.source, `will be retried: ${(err as Error).message}`) });
        }
        processed++;
      }
    }
    return processed;
  }

  async close(): Promise<void> {
    if (this.started) await this.started.catch(() => {});
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
