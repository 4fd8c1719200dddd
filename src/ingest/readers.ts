import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { RawDocument, SourceMeta } from '../model/types.js';
import { decodeText } from './decode.js';
import { InputError, asInputError, fail, ok, type Result } from './errors.js';

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
const JSON_EXTENSIONS = new Set(['.json']);
const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);
export const FEED_EXTENSIONS = new Set(['.rss', '.atom', '.xml']);
export const WARC_EXTENSIONS = new Set(['.warc']);

/** Largest input file read whole; larger files are refused with a message rather than exhausting memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The extension that decides the format, looking through a .gz suffix ("page.html.gz" → ".html"). */
export function formatExtension(path: string): string {
  const lower = path.toLowerCase();
  return extname(lower.endsWith('.gz') ? lower.slice(0, -3) : lower);
}

export function isSupportedFile(path: string): boolean {
  const ext = formatExtension(path);
  return [TEXT_EXTENSIONS, HTML_EXTENSIONS, JSON_EXTENSIONS, JSONL_EXTENSIONS, FEED_EXTENSIONS, WARC_EXTENSIONS].some((set) => set.has(ext));
}

/** Supported files under a directory, recursively, in sorted order; hidden entries skipped; `accept` filters. */
export function* walk(dir: string, accept: (path: string) => boolean = () => true): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path, accept);
    else if ((entry.isFile() || entry.isSymbolicLink()) && isSupportedFile(path) && accept(path)) yield path;
  }
}

/** A file's bytes, size-checked and un-gzipped with a cap; an error value names the file and the problem. */
export function readBytes(path: string): Result<Buffer> {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) return fail(new InputError(path, `file is ${size} bytes, more than the ${MAX_FILE_BYTES}-byte limit`));
    bytes = readFileSync(path);
  } catch (err) {
    return fail(new InputError(path, describeFsError(err)));
  }
  if (path.toLowerCase().endsWith('.gz')) {
    try {
      // Capped, so a small file that inflates to gigabytes (a decompression bomb) is refused, not expanded.
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_FILE_BYTES });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const problem = code === 'ERR_BUFFER_TOO_LARGE' || /too large|buffer/i.test((err as Error).message)
        ? `decompresses to more than the ${MAX_FILE_BYTES}-byte limit`
        : `not a valid gzip file (${(err as Error).message})`;
      return fail(new InputError(path, problem));
    }
  }
  return ok(bytes);
}

export function* readFile(path: string, now: () => string): Generator<Result<RawDocument>> {
  const read = readBytes(path);
  if (!read.ok) {
    yield fail(read.error);
    return;
  }
  const bytes = read.value;
  const fetchedAt = now();
  const ext = formatExtension(path);
  let content: string;
  try {
    content = decodeText(bytes, path);
  } catch (err) {
    yield fail(asInputError(path, err));
    return;
  }
  if (content.trim() === '') {
    yield fail(new InputError(path, 'no text (the file is empty or only white space)'));
    return;
  }
  if (JSONL_EXTENSIONS.has(ext)) {
    yield* readJsonLines(path, content, fetchedAt);
  } else if (JSON_EXTENSIONS.has(ext)) {
    yield* readJsonDocument(path, content, fetchedAt);
  } else {
    const format = HTML_EXTENSIONS.has(ext) || (!TEXT_EXTENSIONS.has(ext) && /^\s*</.test(content)) ? 'html' : 'text';
    yield ok({ source: path, format, content, meta: {}, fetchedAt });
  }
}

function* readJsonLines(path: string, content: string, fetchedAt: string): Generator<Result<RawDocument>> {
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (err) {
      yield fail(new InputError(path, `malformed JSON: ${(err as Error).message}`, i + 1));
      continue;
    }
    yield recordToDocument(parsed, `${path}:${i + 1}`, fetchedAt, () => new InputError(path, '', i + 1));
  }
}

function* readJsonDocument(path: string, content: string, fetchedAt: string): Generator<Result<RawDocument>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (err) {
    yield fail(new InputError(path, `malformed JSON: ${(err as Error).message}`));
    return;
  }
  const records = Array.isArray(parsed) ? parsed : [parsed];
  for (let i = 0; i < records.length; i++) {
    const source = Array.isArray(parsed) ? `${path}#${i}` : path;
    yield recordToDocument(records[i], source, fetchedAt, () => new InputError(source, ''));
  }
}

/** Validates one JSON record `{id?, title, text|html, url, outlet, publishedAt, lang}`; unknown fields are ignored. */
export function recordToDocument(
  record: unknown,
  source: string,
  fetchedAt: string,
  locate: () => InputError,
): Result<RawDocument> {
  const problem = (text: string) => {
    const at = locate();
    return fail<RawDocument>(new InputError(at.source, text, at.line));
  };
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return problem('a record must be a JSON object with "text" or "html"');
  }
  const fields = record as Record<string, unknown>;
  const text = fields.text;
  const html = fields.html;
  const body = typeof text === 'string' && text.trim() !== '' ? text : typeof html === 'string' && html.trim() !== '' ? html : null;
  if (body === null) return problem('record has no non-empty "text" or "html" string');
  const meta: SourceMeta = {};
  for (const key of ['id', 'title', 'url', 'outlet', 'author', 'publishedAt', 'lang'] as const) {
    const value = fields[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' && !(key === 'id' && typeof value === 'number')) {
      return problem(`field "${key}" must be a string`);
    }
    meta[key] = String(value);
  }
  if (meta.publishedAt !== undefined && Number.isNaN(Date.parse(meta.publishedAt))) {
    return problem(`field "publishedAt" is not a date: ${JSON.stringify(meta.publishedAt)}`);
  }
  return ok({ source, format: body === text ? 'text' : 'html', content: body, meta, fetchedAt });
}

/** A file-system error as a reader tells the user. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied (cannot read the file)';
  if (code === 'EISDIR') return 'is a directory';
  return (err as Error).message;
}
