import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import pg from 'pg';
import { storeContract } from '../store-contract.js';
import { PostgresStore } from './postgres-store.js';
import { dropTestDatabases, newTestDatabase, postgresAvailable, TEST_PG_URL } from './test-database.js';

if (await postgresAvailable()) {
  storeContract('PostgreSQL', newTestDatabase, async (location, sql) => {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  });
  after(dropTestDatabases);
}

if (await postgresAvailable()) {
  test('a migration that could not run (the database was not there yet) is tried again by the next call', async () => {
    const url = await newTestDatabase();
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    const name = new URL(url).pathname.slice(1);
    // The store opens while its database is gone, as after a restart or while an administrator recreates it.
    await admin.query(`DROP DATABASE ${name}`);
    const store = new PostgresStore(url);
    try {
      await assert.rejects(store.hasArticle('a-1'), /does not exist|cannot connect/u);
      await admin.query(`CREATE DATABASE ${name}`);
      assert.equal(await store.hasArticle('a-1'), false);
    } finally {
      await store.close();
      await admin.end();
    }
  });
}
