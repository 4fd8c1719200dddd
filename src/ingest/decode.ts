import chardet from 'chardet';
import { InputError } from './errors.js';

/** Share of control characters above which a byte string is taken to be binary rather than text. */
const MAX_CONTROL_SHARE = 0.02;

/**
 * Decodes document bytes to a string: BOM first, then strict UTF-8, then a declared charset
 * (HTTP header or <meta>), then statistical detection. Binary content is refused.
 */
export function decodeText(bytes: Uint8Array, source: string, declaredCharset?: string | null): string {
  if (bytes.length === 0) throw new InputError(source, 'empty file');
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length));
  // UTF-16 without a BOM is full of zero bytes, which would otherwise read as binary.
  const utf16 = sniffUtf16(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  if (looksBinary(bytes)) throw new InputError(source, 'binary content, not text or HTML');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: fall through to a declared or detected legacy charset.
  }
  for (const candidate of [declaredCharset, sniffMetaCharset(bytes), chardet.detect(bytes)]) {
    const decoder = candidate ? decoderFor(candidate) : null;
    if (decoder) return decoder.decode(bytes);
  }
  throw new InputError(source, 'not valid UTF-8 and no recognizable character set');
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a BOM: text with ASCII in it (spaces, digits, markup) has a zero byte in every ASCII code unit,
 * all on one side of the pair: odd offsets for little-endian, even for big-endian.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  if (sample.length < 8) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const units = sample.length / 2;
  const zeros = even + odd;
  if (zeros < units * 0.1) return null;
  const encoding = odd > even ? 'utf-16le' : 'utf-16be';
  if (Math.min(even, odd) > zeros * 0.1) return null;
  const text = new TextDecoder(encoding).decode(sample);
  const control = text.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return text.includes('\uFFFD') || control > text.length * MAX_CONTROL_SHARE ? null : encoding;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control / sample.length > MAX_CONTROL_SHARE;
}

function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return match ? match[1] : null;
}

function decoderFor(label: string): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(label.toLowerCase());
  } catch {
    return null;
  }
}
