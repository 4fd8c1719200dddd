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
export async function benchmarkWorkers(count: number): Promise<{ workers: number; seconds: number; perSecond: number; stored: number }[] | null> {
  if (!(await postgresAvailable())) return null;
  const now = new Date().toISOString();
  const documents = generateArticles(count)
    .map((r, i) => recordToDocument(r, `bench:${i}`, now, () => new InputError('bench', '')))
    .filter((d): d is { ok: true; value: RawDocument } => d.ok)
    .map((d) => d.value);
  const results: { workers: number; seconds: number; perSecond: number; stored: number }[] = [];
  for (const workers of [1, 2, 4]) {
    const db = await newTestDatabase();
    const queue = new JobQueue(db);
    await queue.enqueue(documents);
    await queue.close();
    const start = process.hrtime.bigint();
    await Promise.all(Array.from({ length: workers }, () => worker(db)));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    const stored = Number((await client.query('SELECT COUNT(*) AS n FROM articles')).rows[0].n);
    await client.end();
    if (results.length > 0 && stored !== results[0].stored) throw new Error(`${workers} workers stored ${stored} articles, 1 worker ${results[0].stored}`);
    results.push({ workers, seconds, perSecond: documents.length / seconds, stored });
  }
  await dropTestDatabases();
  return results;
}
