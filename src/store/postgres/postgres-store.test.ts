import { after } from 'node:test';
import pg from 'pg';
import { storeContract } from '../store-contract.js';
import { dropTestDatabases, newTestDatabase, postgresAvailable } from './test-database.js';

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
