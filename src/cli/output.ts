/** Where a command writes: results to stdout, progress and errors to stderr. Injected so tests can capture. */
export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
  /** stderr when it is a terminal, for progress drawn in place; absent when piped or captured. */
  terminal?: { write: (text: string) => void; columns: number };
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  terminal: process.stderr.isTTY ? { write: (text) => process.stderr.write(text), columns: process.stderr.columns || 100 } : undefined,
};

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Shortens text to `width` characters on one line. */
export function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}

export function shortDate(iso: string | null): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '—';
}
