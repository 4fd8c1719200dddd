/** A problem with one input item: names the input (and line) so the user can find it. */
export class InputError extends Error {
  constructor(
    readonly source: string,
    readonly problem: string,
    readonly line?: number,
  ) {
    super(`${source}${line === undefined ? '' : `:${line}`}: ${problem}`);
    this.name = 'InputError';
  }
}

/** The outcome of reading one item: a value or the error that names it. Errors are values at boundaries. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: InputError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(error: InputError): Result<T> {
  return { ok: false, error };
}

/** Turns any thrown value into an InputError attributed to `source`. */
export function asInputError(source: string, err: unknown): InputError {
  if (err instanceof InputError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new InputError(source, message);
}
