import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * The compiled data files (word lists, name tables, bilingual lexicons) are gzip text, one entry per line, written by
 * the scripts in train/ and read at run time.
 */

/** The lines of a data file, without empty ones; none when the file has not been built. */
export function readGzipLines(file: string): string[] {
  return existsSync(file) ? gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean) : [];
}

/** Lines as a data file, in the order given, with no timestamp in the gzip header: a rebuild is byte-identical. */
export function gzipLines(lines: readonly string[]): Buffer {
  const bytes = gzipSync(Buffer.from(lines.join('\n') + '\n'), { level: 9 });
  bytes.writeUInt32LE(0, 4);
  return bytes;
}
