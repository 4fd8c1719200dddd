import { diffWords } from 'diff';
import type { WordChange } from '../model/comparison.js';

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang === 'und' ? undefined : lang, { granularity: 'word' });
    segmenters.set(lang, s);
  }
  return s;
}

/**
 * How `variant` reads against `reference`, word by word: kept, added, or dropped (a dropped run is the reference's
 * words that the variant lacks). Words are cut by ICU, so Chinese or Japanese without spaces diff by word too.
 * Case is ignored: a quote starting mid-sentence should not count its first word as changed.
 */
export function wordDiff(reference: string, variant: string, lang: string): WordChange[] {
  const changes = diffWords(reference, variant, { ignoreCase: true, intlSegmenter: segmenter(lang) });
  const out: WordChange[] = [];
  for (const c of changes) {
    const op = c.added ? 'added' : c.removed ? 'removed' : 'same';
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += c.value;
    else out.push({ text: c.value, op });
  }
  return out;
}

/** Share of the variant's and the reference's words that the diff keeps, 0..1. */
export function keptShare(changes: WordChange[]): number {
  const words = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  let kept = 0;
  let total = 0;
  for (const c of changes) {
    const n = words(c.text);
    total += c.op === 'same' ? 2 * n : n;
    if (c.op === 'same') kept += 2 * n;
  }
  return total === 0 ? 1 : kept / total;
}
