import { after } from 'node:test';
import { storeContract } from '../store-contract.js';
import { dropTestDatabases, newTestDatabase, postgresAvailable } from './test-database.js';

if (await postgresAvailable()) {
  storeContract('PostgreSQL', newTestDatabase);
  after(dropTestDatabases);
}
