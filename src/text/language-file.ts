import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../paths.js';

const files = new Map<string, Record<string, unknown>>();

/** The language's data file (data/lang/<lang>.json) as read, or an empty object for a language without one. */
export function languageFile(lang: string): Record<string, unknown> {
  let file = files.get(lang);
  if (!file) {
    const path = join(DATA_DIR, 'lang', `${lang}.json`);
    file = /^[a-z]{2,3}$/u.test(lang) && existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
    files.set(lang, file);
  }
  return file;
}

/** A list of words from the language's data file; absent or malformed lists are empty. */
export function languageWords(lang: string, field: string): string[] {
  const list = languageFile(lang)[field];
  return Array.isArray(list) ? list.filter((w): w is string => typeof w === 'string') : [];
}
