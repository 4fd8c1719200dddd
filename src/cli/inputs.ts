import { readInputs } from '../ingest/readers.js';
import type { RawDocument } from '../model/types.js';
import type { Output } from './output.js';

/**
 * Runs `handle` on every document the inputs name. A file that cannot be read, or a document `handle` rejects, is
 * reported on stderr with its name and counted; the others go on. Returns the number of failures.
 */
export function forEachDocument(inputs: string[], io: Output, handle: (raw: RawDocument) => void): number {
  let failed = 0;
  for (const item of readInputs(inputs)) {
    if (!item.ok) {
      io.err(`parallax: ${item.error.message}`);
      failed++;
      continue;
    }
    try {
      handle(item.value);
    } catch (err) {
      io.err(`parallax: ${(err as Error).message}`);
      failed++;
    }
  }
  return failed;
}
