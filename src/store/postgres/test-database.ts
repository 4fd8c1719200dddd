import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server the tests use: $PARALLAX_TEST_PG, else the role and database scripts/setup creates. */
export const TEST_PG_URL = process.env.PARALLAX_TEST_PG || 'postgres://parallax:parallax@127.0.0.1:5432/parallax_test';

let available: Promise<boolean> | null = null;

/** Whether the test server answers. In CI it must: a missing server fails the run instead of skipping tests. */
export function postgresAvailable(): Promise<boolean> {
  available ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch (err) {
      if (process.env.CI) throw new Error(`PostgreSQL is needed for the tests and does not answer at ${TEST_PG_URL}: ${(err as Error).message}`);
      console.warn(`PostgreSQL tests skipped: nothing answers at ${TEST_PG_URL} (run scripts/setup, or set PARALLAX_TEST_PG)`);
      return false;
    }
  })();
  return available;
}

const created: string[] = [];

/** A new, empty database on the test server, named for this run; returns its URL. */
export async function newTestDatabase(): Promise<string> {
  const name = `parallax_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  created.push(name);
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops the databases this process created (their stores must be closed). */
export async function dropTestDatabases(): Promise<void> {
  if (created.length === 0) return;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    for (const name of created.splice(0)) await dropWithRetries(admin, name);
  } finally {
    await admin.end();
  }
}

/**
 * An autovacuum worker on the database makes a forced drop fail for want of pg_signal_backend (scripts/setup grants
 * it; a server set up otherwise may not): the worker finishes within moments, so the drop is tried again.
 */
async function dropWithRetries(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '42501' || attempt === 10) throw err;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
