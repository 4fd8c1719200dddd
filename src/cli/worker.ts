import { JobQueue } from '../ingest/job-queue.js';
import type { IngestOutcome } from '../ingest/run.js';
import { openStore } from '../store/open.js';
import type { Output } from './output.js';

export interface WorkerOptions {
  db?: string;
  batch: number;
  untilEmpty?: boolean;
  quiet?: boolean;
}

/** `parallax worker`: takes queued documents from PostgreSQL and ingests them, until interrupted or the queue is empty. */
export async function workerCommand(options: WorkerOptions, io: Output): Promise<number> {
  const location = options.db ?? process.env.PARALLAX_DB ?? '';
  if (!/^postgres(ql)?:\/\//i.test(location)) {
    io.err('parallax: a worker needs a PostgreSQL database (--db postgres://… or PARALLAX_DB)');
    return 2;
  }
  const store = openStore(location);
  const queue = new JobQueue(location);
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const counts = { ingested: 0, duplicate: 0, unchanged: 0, failed: 0 };
  const started = Date.now();
  try {
    const processed = await queue.work(store, {
      batchSize: options.batch,
      untilEmpty: options.untilEmpty,
      shouldStop: () => stopping,
      onOutcome: (o: IngestOutcome) => {
        counts[o.status]++;
        if (o.status === 'failed') io.err(`parallax: ${o.error?.message ?? o.source}`);
        else if (!options.quiet) io.err(`${o.status.padEnd(10)} ${o.source}${o.storyId ? ` → story ${o.storyId}` : ''}`);
      },
    });
    const seconds = (Date.now() - started) / 1000;
    io.out(`${processed} jobs: ${counts.ingested} ingested, ${counts.duplicate} duplicates, ${counts.unchanged} already stored, ${counts.failed} failed in ${seconds.toFixed(1)} s`);
    return 0;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await queue.close();
    await store.close();
  }
}
