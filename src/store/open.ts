import { InputError } from '../ingest/errors.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export const DEFAULT_DB = 'parallax.db';

/** The store a location names: a SQLite file path (default ./parallax.db, or $PARALLAX_DB). */
export function openStore(location: string | undefined = process.env.PARALLAX_DB): Store {
  const target = location && location.trim() !== '' ? location : DEFAULT_DB;
  if (/^postgres(ql)?:\/\//i.test(target)) {
    throw new InputError(target, 'PostgreSQL is not supported by this version; use a SQLite file path');
  }
  try {
    return new SqliteStore(target);
  } catch (err) {
    throw new InputError(target, `cannot open the database: ${(err as Error).message}`);
  }
}
