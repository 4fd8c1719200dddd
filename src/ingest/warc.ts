import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { brotliDecompressSync, createGunzip, gunzipSync, inflateSync } from 'node:zlib';
import type { RawDocument } from '../model/types.js';
import { ByteReader } from './byte-reader.js';
import { decodeText } from './decode.js';
import { fail, InputError, ok, type Result } from './errors.js';

/** A record's block larger than this is skipped unread (web pages are far smaller: this is video or a dump). */
const MAX_RECORD_BYTES = 20 * 1024 * 1024;
/** Longest header section of a WARC record or of the HTTP response inside it. */
const MAX_HEADER_BYTES = 64 * 1024;
const CRLF2 = Buffer.from('\r\n\r\n');

/**
 * HTML pages in a WARC or WARC.gz file (as in Common Crawl's news crawl): each `response` record with a 2xx HTML
 * payload becomes a document named `file#uri`, fetched at the record's WARC-Date. Other records are passed over.
 * The file is streamed (gzip members included), each block bounded; a malformed or truncated record ends the file
 * with an error naming its offset, and the pages before it stand.
 */
export async function* readWarc(path: string): AsyncGenerator<Result<RawDocument>> {
  let gzip: boolean;
  try {
    const handle = await open(path, 'r');
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    await handle.close();
    gzip = head[0] === 0x1f && head[1] === 0x8b;
    if (!gzip && head.toString('latin1') !== 'WARC/') {
      yield fail(new InputError(path, 'not a WARC file (it does not start with "WARC/")'));
      return;
    }
  } catch (err) {
    yield fail(new InputError(path, (err as Error).message));
    return;
  }
  const stream = gzip ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
  const reader = new ByteReader(stream as AsyncIterable<Buffer>);
  let records = 0;
  try {
    for (;;) {
      await reader.skipAny([0x0d, 0x0a]);
      const start = reader.offset;
      const headerBytes = await reader.readUntil(CRLF2, MAX_HEADER_BYTES);
      if (headerBytes === null) break;
      const { version, headers } = parseHeaders(headerBytes.toString('latin1'));
      if (!/^WARC\/\d/.test(version)) throw new Error(`expected a WARC record at offset ${start}, found ${JSON.stringify(version.slice(0, 20))}`);
      const length = Number(headers.get('content-length'));
      if (!Number.isInteger(length) || length < 0) throw new Error(`record at offset ${start} has no valid Content-Length`);
      records++;
      const type = headers.get('warc-type');
      const uri = (headers.get('warc-target-uri') ?? `record-${records}`).replace(/^<|>$/g, '');
      const source = `${path}#${uri}`;
      if (type !== 'response' || length > MAX_RECORD_BYTES) {
        await reader.skip(length);
        if (type === 'response' && length > MAX_RECORD_BYTES) yield fail(new InputError(source, `record of ${length} bytes, more than the ${MAX_RECORD_BYTES}-byte limit`));
        continue;
      }
      const block = await reader.readExactly(length);
      const page = httpPage(block, source, headers.get('warc-date') ?? null, uri);
      if (page) yield page;
    }
  } catch (err) {
    yield fail(new InputError(path, `invalid WARC after ${records} record${records === 1 ? '' : 's'}: ${(err as Error).message}`));
    return;
  }
  if (records === 0) yield fail(new InputError(path, 'not a WARC file (no record found)'));
}

function parseHeaders(text: string): { version: string; headers: Map<string, string> } {
  const [first, ...lines] = text.split(/\r?\n/);
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { version: first.trim(), headers };
}

/** The HTML page in an HTTP response block, or null when the response is not a 2xx HTML page. */
function httpPage(block: Buffer, source: string, warcDate: string | null, uri: string): Result<RawDocument> | null {
  const end = block.indexOf(CRLF2);
  if (end < 0) return fail(new InputError(source, 'HTTP response without a header end'));
  const { version: statusLine, headers } = parseHeaders(block.subarray(0, end).toString('latin1'));
  const status = Number(/^HTTP\/[\d.]+\s+(\d{3})/.exec(statusLine)?.[1] ?? 0);
  const contentType = headers.get('content-type') ?? '';
  if (status < 200 || status >= 300 || !/html/i.test(contentType)) return null;
  let body: Buffer = block.subarray(end + 4);
  try {
    if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) body = dechunk(body);
    const encoding = (headers.get('content-encoding') ?? '').toLowerCase();
    const limit = { maxOutputLength: MAX_RECORD_BYTES };
    if (encoding === 'gzip' || encoding === 'x-gzip') body = gunzipSync(body, limit);
    else if (encoding === 'deflate') body = inflateSync(body, limit);
    else if (encoding === 'br') body = brotliDecompressSync(body, limit);
  } catch (err) {
    return fail(new InputError(source, `cannot decode the response body: ${(err as Error).message}`));
  }
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1] ?? null;
  let content: string;
  try {
    content = decodeText(body, source, charset);
  } catch (err) {
    return fail(new InputError(source, (err as Error).message));
  }
  const date = warcDate ? new Date(warcDate) : null;
  return ok({
    source,
    format: 'html',
    content,
    meta: { url: uri },
    fetchedAt: date && !Number.isNaN(date.getTime()) ? date.toISOString() : new Date().toISOString(),
  });
}

/** A body sent with Transfer-Encoding: chunked, joined back. */
function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) throw new Error('truncated chunked body');
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1').split(';')[0], 16);
    if (Number.isNaN(size)) throw new Error('bad chunk size');
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 2;
    if (start + size > body.length) throw new Error('truncated chunked body');
    parts.push(body.subarray(start, start + size));
    at = start + size + 2;
  }
}
