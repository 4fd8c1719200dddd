import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { generateArticles } from '../bench/corpus.js';
import { BACKENDS, newDatabase } from './backends.js';
import { CLI, runCli } from './run-cli.js';

if (BACKENDS.includes('PostgreSQL')) {
  test('a worker rides out the database dropping its connections mid-run: every article stored once', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-faults-'));
    const file = join(dir, 'articles.jsonl');
    writeFileSync(file, generateArticles(300, 7).map((r) => JSON.stringify(r)).join('\n'));
    // The reference: the same file ingested by one process on SQLite, with no fault.
    const reference = await newDatabase('SQLite');
    assert.equal((await runCli(['ingest', '-q', '--db', reference, file])).code, 0);
    const expected = JSON.parse((await runCli(['stats', '--db', reference, '--json'])).stdout).articles as number;

    const db = await newDatabase('PostgreSQL');
    assert.equal((await runCli(['ingest', '--queue', '--db', db, file])).code, 0);
    const worker = spawn(process.execPath, [CLI, 'worker', '-q', '--until-empty', '--db', db], { env: { ...process.env, PARALLAX_DB: '' } });
    let stderr = '';
    worker.stderr.on('data', (d: Buffer) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => worker.on('close', resolve));
    const admin = new pg.Client({ connectionString: db });
    await admin.connect();
    const name = new URL(db).pathname.slice(1);
    let drops = 0;
    try {
      for (const wait of [2500, 2500]) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        if (worker.exitCode !== null) break;
        const { rows } = await admin.query('SELECT COUNT(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
        drops += rows[0].n as number;
      }
    } finally {
      await admin.end();
    }
    assert.equal(await exited, 0, stderr);
    assert.ok(drops > 0, 'connections were dropped while the worker ran');
    const stats = JSON.parse((await runCli(['stats', '--db', db, '--json'])).stdout);
    assert.equal(stats.articles, expected, `every article stored exactly once (${drops} connections dropped)`);
  });
}
