import type { TextDoc, Token } from '../model/types.js';
import { lookupCountry } from './gazetteer.js';
import { nameWord, type Word } from './words.js';

/** A country named in text written without spaces (Japanese, Chinese): 中国政府, パキスタンの, 俄罗斯总统. */
export interface UnspacedCountry {
  words: Word[];
  type: 'country';
  countryCode: string;
}

/** Country names run over at most this many of the segmenter's words ("俄罗斯" may come as 俄 + 罗斯). */
const MAX_COUNTRY_TOKENS = 3;

/**
 * Countries by their names in the language (ICU's), read off the segmenter's words, so that a name starts and ends
 * where words do. A capital (ワシントン, 东京) is a city as often as its government: not a country mention here.
 */
export function unspacedCountries(doc: TextDoc, sentence: number, lang: string): UnspacedCountry[] {
  const tokens = sentenceTokens(doc, sentence);
  const found: UnspacedCountry[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let k = Math.min(MAX_COUNTRY_TOKENS, tokens.length - i); k >= 1; k--) {
      const span = [tokens[i].span[0], tokens[i + k - 1].span[1]] as const;
      const name = doc.text.slice(span[0], span[1]);
      if (/\s/u.test(name)) continue;
      const country = lookupCountry([name], lang);
      if (!country || country.form !== 'name') continue;
      found.push({ type: 'country', countryCode: country.code, words: [nameWord(name, span[0], i === 0)] });
      i += k - 1;
      break;
    }
  }
  return found;
}

/** A run of one script in a sentence: its text, where it starts in the document and in the sentence. */
export interface ScriptRun {
  run: string;
  at: number;
  offset: number;
}

/** The sentence's text and its runs matching `pattern` (a global regular expression of one script's letters). */
export function sentenceRuns(doc: TextDoc, sentence: number, pattern: RegExp): { text: string; runs: ScriptRun[] } {
  const [start, end] = doc.sentences[sentence].span;
  const text = doc.text.slice(start, end);
  return { text, runs: [...text.matchAll(pattern)].map((m) => ({ run: m[0], at: start + m.index, offset: m.index })) };
}

const tokensByDoc = new WeakMap<TextDoc, Token[][]>();

/** The segmenter's words of one sentence. */
export function sentenceTokens(doc: TextDoc, sentence: number): Token[] {
  let bySentence = tokensByDoc.get(doc);
  if (!bySentence) {
    bySentence = doc.sentences.map(() => []);
    for (const token of doc.tokens) bySentence[token.sentence]?.push(token);
    tokensByDoc.set(doc, bySentence);
  }
  return bySentence[sentence] ?? [];
}
