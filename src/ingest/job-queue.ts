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
/**
 * A job not finished this long after a worker took it goes back to the queue (its worker is presumed dead, e.g.
 * killed): set on each job when it is queued. A batch of documents takes seconds; a slow one is only redone.
 */
const JOB_TIMEOUT_SECONDS = 120;
/** How often a worker looks for jobs whose time ran out (pg-boss maintenance; one worker at a time does it). */
const RECOVERY_INTERVAL_SECONDS = 30;
/** Consecutive failures to reach the queue a worker rides out (with growing pauses) before it gives up. */
const MAX_TROUBLES = 10;
/** Attempts to record that a job ended. */
const SETTLE_ATTEMPTS = 5;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Ingestion shared by many worker processes through PostgreSQL, on pg-boss: `enqueue` adds documents, `work` takes
 * them in batches. Delivery is at least once (a job whose worker dies is retried), made safe by ingestion being
 * idempotent: an article already stored is a no-op.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private started: Promise<void> | null = null;

  private readonly jobTimeout: number;

  constructor(url: string) {
    this.jobTimeout = secondsFromEnvironment('PARALLAX_JOB_TIMEOUT', JOB_TIMEOUT_SECONDS);
    this.boss = new PgBoss({ connectionString: url, max: 3, maintenanceIntervalSeconds: secondsFromEnvironment('PARALLAX_JOB_RECOVERY_INTERVAL', RECOVERY_INTERVAL_SECONDS) });
    // pg-boss reports background trouble (maintenance, a dropped connection) as events; they are logged, not fatal.
    this.boss.on('error', (err: Error) => console.error(`parallax: job queue: ${err.message}`));
  }

  private start(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      if (!(await this.boss.getQueue(INGEST_QUEUE))) {
        await this.boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, retryLimit: RETRY_LIMIT, retryDelay: 2, retryBackoff: true, expireInSeconds: JOB_TIMEOUT_SECONDS });
      }
    })();
    return this.started;
  }

  async enqueue(documents: RawDocument[]): Promise<void> {
    await this.start();
    if (documents.length > 0) await this.boss.insert(documents.map((data) => ({ name: INGEST_QUEUE, data, expireInSeconds: this.jobTimeout })));
  }

  /**
   * Jobs not finished: waiting to be taken, waiting for a retry, or taken by a worker (which may have died: its jobs
   * come back when their time runs out).
   */
  async unfinished(): Promise<number> {
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
    let troubles = 0;
    while (!options.shouldStop?.()) {
      let jobs: PgBoss.Job<RawDocument>[];
      try {
        jobs = await this.boss.fetch<RawDocument>(INGEST_QUEUE, { batchSize: options.batchSize ?? 10 });
        // With none to take but some unfinished (waiting for a retry, or held by a worker that may have died), an
        // emptying worker waits for them too.
        if (jobs.length === 0 && options.untilEmpty && (await this.unfinished()) === 0) break;
        troubles = 0;
      } catch (err) {
        // The database went away (restart, failover, a dropped connection): wait and try again, up to a limit.
        if (++troubles > MAX_TROUBLES) throw err;
        console.error(`parallax: job queue: ${(err as Error).message}; retrying in ${troubles} s`);
        await sleep(troubles * 1000);
        continue;
      }
      if (jobs.length === 0) {
        await sleep(1000);
        continue;
      }
      for (const job of jobs) {
        try {
          const summary = await ingestDocuments(store, [ok(job.data)], options.onOutcome, window);
          const outcome = summary.outcomes[0];
          await this.settle(() => this.boss.complete(INGEST_QUEUE, job.id, outcome.status === 'failed' ? { failed: outcome.error?.problem } : { status: outcome.status, articleId: outcome.articleId }));
        } catch (err) {
          // Not the document's fault (the store failed): the job goes back to the queue for a retry.
          options.onOutcome?.({ source: job.data.source, status: 'failed', error: new InputError(job.data.source, `will be retried: ${(err as Error).message}`) });
          await this.settle(() => this.boss.fail(INGEST_QUEUE, job.id, { error: (err as Error).message }));
        }
        processed++;
      }
    }
    return processed;
  }

  /**
   * Marks a job done or failed, trying again while the connection recovers. If it cannot, the job stays taken
   * and pg-boss hands it out again when it expires: ingestion being idempotent, the worst is a no-op redone.
   */
  private async settle(mark: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await mark();
      } catch (err) {
        if (attempt >= SETTLE_ATTEMPTS) {
          console.error(`parallax: job queue: could not record a job's end (${(err as Error).message}); it will be handed out again`);
          return;
        }
        await sleep(attempt * 500);
      }
    }
  }

  async close(): Promise<void> {
    if (this.started) await this.started.catch(() => {});
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}

/** A number of seconds from an environment variable, or the default when it is unset. */
function secondsFromEnvironment(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1) throw new InputError(name, `must be a whole number of seconds, at least 1 (got ${JSON.stringify(value)})`);
  return seconds;
}
