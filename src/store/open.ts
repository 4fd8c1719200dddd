import { InputError } from '../ingest/errors.js';
import { PostgresStore } from './postgres/postgres-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export const DEFAULT_DB = 'parallax.db';

/**
 * The store a location names: a postgres:// URL, or a SQLite file path (default ./parallax.db, or $PARALLAX_DB).
 * PostgreSQL connects on first use; a failure to connect is an InputError naming the (password-less) URL.
 */
export function openStore(location: string | undefined = process.env.PARALLAX_DB): Store {
  const target = location && location.trim() !== '' ? location : DEFAULT_DB;
  if (/^postgres(ql)?:\/\//i.test(target)) return new PostgresStore(target);
  try {
    return new SqliteStore(target);
  } catch (err) {
    throw new InputError(target, `cannot open the database: ${(err as Error).message}`);
  }
}
