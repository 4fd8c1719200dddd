import abbreviations from '../../data/abbreviations.json' with { type: 'json' };
import type { Span } from '../model/types.js';
import { isStopWord } from './stopwords.js';

const KNOWN_ABBREVIATIONS: Record<string, Set<string>> = Object.fromEntries(
  Object.entries(abbreviations)
    .filter(([key]) => !key.startsWith('_'))
    .map(([lang, list]) => [lang, new Set(list as string[])]),
);

const segmenters = new Map<string, { sentence: Intl.Segmenter; word: Intl.Segmenter }>();

function segmentersFor(lang: string) {
  let found = segmenters.get(lang);
  if (!found) {
    const locale = lang === 'und' ? 'en' : lang;
    found = {
      sentence: new Intl.Segmenter(locale, { granularity: 'sentence' }),
      word: new Intl.Segmenter(locale, { granularity: 'word' }),
    };
    segmenters.set(lang, found);
  }
  return found;
}

/**
 * Sentence spans of `text` (offsets relative to `text`), from ICU's sentence rules, with the breaks ICU makes after
 * abbreviations and initials ("U.S. Secretary", "Mr. Smith", "Сергей В. Лавров") undone.
 */
export function splitSentences(text: string, lang: string): Span[] {
  const raw: [number, number][] = [];
  for (const seg of segmentersFor(lang).sentence.segment(text)) {
    const start = seg.index + (seg.segment.length - seg.segment.trimStart().length);
    const end = seg.index + seg.segment.trimEnd().length;
    if (end > start) raw.push([start, end]);
  }
  const merged: [number, number][] = [];
  for (const span of raw) {
    const prev = merged[merged.length - 1];
    if (prev && endsWithAbbreviation(text.slice(prev[0], prev[1]), text.slice(span[0], span[1]), lang)) prev[1] = span[1];
    else merged.push(span);
  }
  return merged;
}

/** Whether a break between `before` and `after` falls after an abbreviation rather than at a sentence end. */
function endsWithAbbreviation(before: string, after: string, lang: string): boolean {
  const match = /(?:^|[\s(«"“])((?:\p{L}{1,3}\.)*\p{L}+)\.$/u.exec(before);
  if (!match) return false;
  const word = match[1];
  const nextWord = /^[\p{L}\p{N}]+/u.exec(after)?.[0] ?? '';
  const nextIsLower = /^\p{Ll}/u.test(nextWord);
  if (nextIsLower || /^\d/u.test(nextWord)) return true;
  const isInitial = /^\p{Lu}$/u.test(word);
  if (isInitial) return true;
  if (KNOWN_ABBREVIATIONS[lang]?.has(word.toLowerCase()) || KNOWN_ABBREVIATIONS.en.has(word.toLowerCase())) {
    return !isStopWord(nextWord.toLowerCase(), lang);
  }
  // Dotted acronyms ("U.S.", "т.е.") end a sentence only when the next word is one that typically starts one.
  if (word.includes('.')) return !isStopWord(nextWord.toLowerCase(), lang);
  return false;
}

export interface WordToken {
  span: Span;
  text: string;
}

/** Word tokens (letters and numbers, no punctuation) of `text`, offsets relative to `text`. */
export function splitWords(text: string, lang: string): WordToken[] {
  const out: WordToken[] = [];
  for (const seg of segmentersFor(lang).word.segment(text)) {
    if (seg.isWordLike) out.push({ span: [seg.index, seg.index + seg.segment.length], text: seg.segment });
  }
  return out;
}
