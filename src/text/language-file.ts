import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../paths.js';

/** Each language's data file as read, or null for a language without one. */
const files = new Map<string, Record<string, unknown> | null>();

function read(lang: string): Record<string, unknown> | null {
  let file = files.get(lang);
  if (file === undefined) {
    const path = join(DATA_DIR, 'lang', `${lang}.json`);
    file = /^[a-z]{2,3}$/u.test(lang) && existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : null;
    files.set(lang, file);
  }
  return file;
}

/** Whether the language has a data file (data/lang/<lang>.json). */
export function hasLanguageFile(lang: string): boolean {
  return read(lang) !== null;
}

/** The language's data file as read, or an empty object for a language without one. */
export function languageFile(lang: string): Record<string, unknown> {
  return read(lang) ?? {};
}

/** A list of words from the language's data file; absent or malformed lists are empty. */
export function languageWords(lang: string, field: string): string[] {
  const list = languageFile(lang)[field];
  return Array.isArray(list) ? list.filter((w): w is string => typeof w === 'string') : [];
}
