import * as lists from 'stopword';
import { languageWords } from './language-file.js';
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
  return languageWords(lang, 'stopWords');
}

/** Whether a lower-cased word is a stop word in `lang` (or in English, which news in every language quotes). */
export function isStopWord(word: string, lang: string): boolean {
  return stopWords(lang).has(word) || (lang !== 'en' && stopWords('en').has(word));
}
