/**
 * The database could not take a write (disk full, file too large, read-only, I/O failure). Not the input's fault:
 * the run stops, what was committed before stays, and the failed article left nothing behind.
 */
export class StoreError extends Error {
  constructor(
    readonly location: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${location}: ${problem}`, options);
    this.name = 'StoreError';
  }
}

/** SQLite's result codes for a write the file system refused (SQLITE_FULL: no space; IOERR: EFBIG, EIO, …). */
export function isSqliteWriteFailure(err: unknown): err is Error & { code: string } {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN)/.test(code);
}
