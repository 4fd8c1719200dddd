import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DATA_DIR } from '../paths.js';
import { stem } from './stem.js';
import { isStopWord } from './stopwords.js';

/** Where train/bilingual.ts writes the compiled bilingual lexicons, one file per language. */
export const BILINGUAL_DIR = join(DATA_DIR, 'bilingual');

/**
 * The key a word is looked up by in its language's lexicon: its stem, or null for words that carry no meaning of
 * their own (stop words, single letters, figures).
 */
export function conceptKey(word: string, lang: string): string | null {
  // "l'économie", "dell'anno": the elided article or preposition is a word of its own.
  const lower = word.toLowerCase().replace(ELIDED, '');
  if (lower.length < 2 || /^\p{N}/u.test(lower) || isStopWord(lower, lang)) return null;
  return stem(lower, lang);
}

const ELIDED = /^\p{Script=Latin}{1,3}['’](?=\p{L}{2})/u;

const tables = new Map<string, Map<string, readonly string[]> | null>();
const NONE: readonly string[] = [];

function tableOf(lang: string): Map<string, readonly string[]> | null {
  let table = tables.get(lang);
  if (table === undefined) {
    const file = join(BILINGUAL_DIR, `${lang}.tsv.gz`);
    table = existsSync(file) ? parse(gunzipSync(readFileSync(file)).toString('utf8')) : null;
    tables.set(lang, table);
  }
  return table;
}

function parse(text: string): Map<string, readonly string[]> {
  const table = new Map<string, readonly string[]>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) table.set(line.slice(0, tab), line.slice(tab + 1).split(' '));
  }
  return table;
}

/**
 * The English word stems a word of `lang` may translate to: the language-independent "concepts" two renderings of
 * one statement share. An English word is its own concept; a word the lexicon lacks has none.
 */
export function conceptsOf(word: string, lang: string): readonly string[] {
  const key = conceptKey(word, lang);
  if (!key) return NONE;
  if (lang === 'en') return [key];
  return tableOf(lang)?.get(key) ?? NONE;
}

/** Whether a language has a bilingual lexicon to English (English itself always has). */
export function hasConcepts(lang: string): boolean {
  return lang === 'en' || tableOf(lang) !== null;
}
