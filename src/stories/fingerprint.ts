import { createHash } from 'node:crypto';

/** Hex digest of a string, shortened: ids and content hashes. */
export function shortHash(text: string, length = 16): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * A text shorter than this is a copy of another only under the same headline: what is left of a video page, a
 * paywall or an error page ("Chat with us in Facebook Messenger. Find out what's happening in the world as it
 * unfolds.") is the same under unrelated headlines, while a syndicated copy carries the report itself.
 */
export const SHORT_TEXT_CHARS = 300;

/** Text reduced to its words, so layout, case and punctuation changes do not change the hash. */
export function canonicalText(text: string): string {
  return text.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const SHINGLE_WORDS = 3;

/**
 * 64-bit SimHash over word 3-shingles, as 16 hex digits. Syndicated copies that differ in a headline, byline or a
 * trailing paragraph stay within a few bits of each other.
 */
export function simHash(text: string): string {
  return simHashOfCanonical(canonicalText(text));
}

const SPACE = 0x20;

/** simHash of a text already reduced by canonicalText (the article record computes that once for both hashes). */
export function simHashOfCanonical(canonical: string): string {
  const words = canonical.split(' ').filter(Boolean);
  // How many shingles set each bit; a bit of the result is set when more than half of them set it. Adding the bit
  // itself, not ±1 on a branch, keeps the loop free of unpredictable branches.
  const ones = new Int32Array(64);
  const n = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < n; i++) {
    // FNV-1a of the shingle "w1 w2 w3", continued word by word instead of building the string.
    let h = 0x811c9dc5;
    const last = Math.min(words.length, i + SHINGLE_WORDS);
    for (let k = i; k < last; k++) {
      if (k > i) h = Math.imul(h ^ SPACE, 0x01000193);
      h = fnv1a(words[k], h);
    }
    const hi = mix32(h >>> 0);
    const lo = mix32(hi ^ 0x9e3779b9);
    for (let b = 0; b < 32; b++) {
      ones[b] += (hi >>> b) & 1;
      ones[32 + b] += (lo >>> b) & 1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (2 * ones[b] > n) hi |= 1 << b;
    if (2 * ones[32 + b] > n) lo |= 1 << b;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/**
 * The four 16-bit bands of a SimHash. Two fingerprints within 3 bits of each other agree exactly on at least one
 * band (pigeonhole), so an index on the bands finds near-duplicates without scanning.
 */
export function simHashBands(fingerprint: string): [number, number, number, number] {
  return [0, 4, 8, 12].map((i) => parseInt(fingerprint.slice(i, i + 4), 16)) as [number, number, number, number];
}

/**
 * The write position of the earliest stored article within `maxDistance` bits of `fingerprint`, among candidates
 * given as [position, fingerprint]; null when none is.
 */
export function earliestNear(candidates: readonly [number, string][], fingerprint: string, maxDistance: number): number | null {
  let earliest: number | null = null;
  for (const [position, candidate] of candidates) {
    if ((earliest === null || position < earliest) && hammingDistance(candidate, fingerprint) <= maxDistance) earliest = position;
  }
  return earliest;
}

/** Number of differing bits between two SimHashes. */
export function hammingDistance(a: string, b: string): number {
  let bits = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) {
      x &= x - 1;
      bits++;
    }
  }
  return bits;
}

/** 32-bit FNV-1a of a string. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finalizer: spreads FNV's weak low bits over the whole word. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
