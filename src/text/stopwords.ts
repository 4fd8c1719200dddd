import * as lists from 'stopword';
import { iso3 } from './languages.js';

const cache = new Map<string, Set<string>>();

/** Stop words of a language (ISO 639-1), from the `stopword` package; empty for languages it lacks. */
export function stopWords(lang: string): Set<string> {
  let set = cache.get(lang);
  if (!set) {
    const code = iso3(lang);
    const list = code ? (lists as Record<string, unknown>)[code] : undefined;
    set = new Set(Array.isArray(list) ? (list as string[]).map((w) => w.toLowerCase()) : []);
    cache.set(lang, set);
  }
  return set;
}

/** Whether a lower-cased word is a stop word in `lang` (or in English, which news in every language quotes). */
export function isStopWord(word: string, lang: string): boolean {
  return stopWords(lang).has(word) || (lang !== 'en' && stopWords('en').has(word));
}
