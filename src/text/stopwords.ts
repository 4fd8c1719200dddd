import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as lists from 'stopword';
import { DATA_DIR } from '../paths.js';
import { iso3 } from './languages.js';

const cache = new Map<string, Set<string>>();

/**
 * Stop words of a language (ISO 639-1): the `stopword` package's list, and the `stopWords` of the language's data
 * file (data/lang/<lang>.json) for languages the package lacks (Icelandic).
 */
export function stopWords(lang: string): Set<string> {
  let set = cache.get(lang);
  if (!set) {
    const code = iso3(lang);
    const list = code ? (lists as Record<string, unknown>)[code] : undefined;
    set = new Set([...(Array.isArray(list) ? (list as string[]) : []), ...ownStopWords(lang)].map((w) => w.toLowerCase()));
    cache.set(lang, set);
  }
  return set;
}

function ownStopWords(lang: string): string[] {
  if (!/^[a-z]{2,3}$/u.test(lang)) return [];
  const path = join(DATA_DIR, 'lang', `${lang}.json`);
  if (!existsSync(path)) return [];
  const words = (JSON.parse(readFileSync(path, 'utf8')) as { stopWords?: unknown }).stopWords;
  return Array.isArray(words) ? words.filter((w): w is string => typeof w === 'string') : [];
}

/** Whether a lower-cased word is a stop word in `lang` (or in English, which news in every language quotes). */
export function isStopWord(word: string, lang: string): boolean {
  return stopWords(lang).has(word) || (lang !== 'en' && stopWords('en').has(word));
}
