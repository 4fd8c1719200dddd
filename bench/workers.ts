import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { JobQueue } from '../src/ingest/job-queue.js';
import { recordToDocument } from '../src/ingest/readers.js';
import { InputError } from '../src/ingest/errors.js';
import type { RawDocument } from '../src/model/types.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { dropTestDatabases, newTestDatabase, postgresAvailable } from '../src/store/postgres/test-database.js';
import { generateArticles } from './corpus.js';

const CLI = join(PACKAGE_ROOT, 'bin', 'parallax.js');

function worker(db: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'worker', '--db', db, '--until-empty', '-q'], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
  });
}

/**
 * Throughput of `parallax worker` processes sharing one PostgreSQL queue: the same articles, queued afresh into a
 * new database for each run, taken by 1, 2 and 4 workers. The ratio is against one worker in the same run.
 */
export interface WorkersRun {
  workers: number;
  /** Wall time from starting the processes to the last one's exit. */
  seconds: number;
  perSecond: number;
  /** Between the first and the last article stored: throughput without the processes' start (models loading). */
  steadyPerSecond: number;
  /** From starting the processes to the first article stored. */
  startSeconds: number;
  stored: number;
}

export async function benchmarkWorkers(count: number): Promise<WorkersRun[] | null> {
  if (!(await postgresAvailable())) return null;
  const now = new Date().toISOString();
  const documents = generateArticles(count)
    .map((r, i) => recordToDocument(r, `bench:${i}`, now, () => new InputError('bench', '')))
    .filter((d): d is { ok: true; value: RawDocument } => d.ok)
    .map((d) => d.value);
  const results: WorkersRun[] = [];
  for (const workers of [1, 2, 4]) {
    const db = await newTestDatabase();
    const queue = new JobQueue(db);
    await queue.enqueue(documents);
    await queue.close();
    const startedAt = Date.now();
    const start = process.hrtime.bigint();
    await Promise.all(Array.from({ length: workers }, () => worker(db)));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    const row = (await client.query('SELECT COUNT(*) AS n, MIN(ingested_at) AS first, MAX(ingested_at) AS last FROM articles')).rows[0];
    const stored = Number(row.n);
    const first = Date.parse(row.first as string);
    const steadySeconds = (Date.parse(row.last as string) - first) / 1000;
    await client.end();
    if (results.length > 0 && stored !== results[0].stored) throw new Error(`${workers} workers stored ${stored} articles, 1 worker ${results[0].stored}`);
    results.push({ workers, seconds, perSecond: documents.length / seconds, steadyPerSecond: (stored - 1) / steadySeconds, startSeconds: (first - startedAt) / 1000, stored });
  }
  await dropTestDatabases();
  return results;
}
