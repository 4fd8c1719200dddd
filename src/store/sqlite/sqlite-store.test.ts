import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeContract } from '../store-contract.js';

storeContract('SQLite', async () => join(mkdtempSync(join(tmpdir(), 'parallax-store-')), 'test.db'));
