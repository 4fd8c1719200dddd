import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeText } from './decode.js';

const russian = 'Министр иностранных дел заявил, что переговоры продолжатся на следующей неделе в Москве.';

test('UTF-8 with and without BOM, and UTF-16 with BOM', () => {
  assert.equal(decodeText(Buffer.from(russian, 'utf8'), 'x'), russian);
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(russian, 'utf8')]), 'x'), russian);
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(russian, 'utf16le')]), 'x'), russian);
});

test('a legacy Cyrillic encoding is detected', () => {
  // windows-1251 bytes of the sentence, built from the code page's layout (А = 0xC0 … я = 0xFF, Ё/ё aside).
  const bytes = Buffer.from([...russian].map((ch) => {
    const code = ch.codePointAt(0)!;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    return code;
  }));
  assert.equal(decodeText(bytes, 'x'), russian);
});

test('binary and empty input are refused with a reason', () => {
  assert.throws(() => decodeText(Buffer.from([1, 2, 0, 4]), 'img.txt'), /img\.txt: binary content/);
  assert.throws(() => decodeText(Buffer.alloc(0), 'e.txt'), /e\.txt: empty file/);
  // Zero-rich binary (an image's pixel rows) is not mistaken for BOM-less UTF-16.
  const pixels = Buffer.alloc(4096);
  for (let i = 0; i < pixels.length; i += 2) pixels[i] = (i * 7) % 31;
  assert.throws(() => decodeText(pixels, 'raw.txt'), /raw\.txt: binary content/);
});
