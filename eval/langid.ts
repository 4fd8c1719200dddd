import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATA } from '../bench/corpus.js';
import { detectLanguage } from '../src/text/langid.js';

/** Languages news in this project comes in, all supported by eld: the set the accuracy figures are over. */
export const LANGID_LANGUAGES = ['en', 'ru', 'uk', 'de', 'fr', 'es', 'pl', 'it', 'pt', 'nl', 'cs', 'bg', 'tr', 'ar', 'ja', 'zh'];

export interface LangIdScore {
  name: string;
  sentences: number;
  wordPairs: number;
}

function items(kind: 'sentences' | 'word-pairs', lang: string): string[] {
  const path = resolve(DATA, 'langid/lingua', kind, `${lang}.txt`);
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()) : [];
}

function accuracy(detect: (text: string) => string, kind: 'sentences' | 'word-pairs'): number {
  let right = 0;
  let total = 0;
  for (const lang of LANGID_LANGUAGES) {
    for (const text of items(kind, lang)) {
      total++;
      if (detect(text) === lang) right++;
    }
  }
  return total ? right / total : 0;
}

/** Accuracy of Parallax's detector (eld medium) next to eld large, the library's most accurate model, in one run. */
export async function evaluateLanguageId(): Promise<LangIdScore[]> {
  const ours = (text: string) => detectLanguage(text).lang;
  const { eld: large } = await import('eld/large');
  const reference = (text: string) => large.detect(text).language;
  return [
    { name: 'Parallax (eld medium)', sentences: accuracy(ours, 'sentences'), wordPairs: accuracy(ours, 'word-pairs') },
    { name: 'eld large (reference)', sentences: accuracy(reference, 'sentences'), wordPairs: accuracy(reference, 'word-pairs') },
  ];
}
