import type { Result } from '../ingest/errors.js';
import { Fetcher } from '../ingest/fetch.js';
import { readSources } from '../ingest/sources.js';
import type { RawDocument } from '../model/types.js';
import type { Output } from './output.js';

/** How commands that read inputs find and fetch them (the options shared by ingest, extract, analyze, compare). */
export interface InputOptions {
  include?: string[];
  exclude?: string[];
  /** Fetch private, loopback and link-local addresses too. */
  allowPrivate?: boolean;
  /** False with --no-fetch: URLs and summary-only feed items fail instead of being fetched. */
  fetch?: boolean;
}

/** The documents the inputs name, and the function that releases what reading them opened. */
export function openInputs(inputs: string[], options: InputOptions = {}): { documents: AsyncGenerator<Result<RawDocument>>; close: () => Promise<void> } {
  const fetcher = options.fetch === false ? undefined : new Fetcher({ allowPrivate: options.allowPrivate ?? false });
  return {
    documents: readSources(inputs, { include: options.include, exclude: options.exclude, fetcher }),
    close: async () => fetcher?.close(),
  };
}

/**
 * Runs `handle` on every document the inputs name. A file that cannot be read, or a document `handle` rejects, is
 * reported on stderr with its name and counted; the others go on. Returns the number of failures.
 */
export async function forEachDocument(inputs: string[], io: Output, handle: (raw: RawDocument) => void, options: InputOptions = {}): Promise<number> {
  let failed = 0;
  const { documents, close } = openInputs(inputs, options);
  try {
    for await (const item of documents) {
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
  } finally {
    await close();
  }
  return failed;
}
