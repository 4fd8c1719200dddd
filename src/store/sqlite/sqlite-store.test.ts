import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { storeContract } from '../store-contract.js';

storeContract('SQLite', async () => join(mkdtempSync(join(tmpdir(), 'parallax-store-')), 'test.db'), async (location, sql) => {
  const db = new Database(location);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
});
