import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DATA_DIR } from '../../paths.js';

/** Words of personal names in Latin and Cyrillic script, built by train/names.ts. */
export const PERSON_NAMES_FILE = join(DATA_DIR, 'ner', 'person-names.txt.gz');

let names: Set<string> | null = null;

/** Whether a lower-cased word is known as part of someone's name ("sergei", "лавров", "okonkwo"). */
export function isPersonNameWord(lower: string): boolean {
  names ??= existsSync(PERSON_NAMES_FILE) ? new Set(gunzipSync(readFileSync(PERSON_NAMES_FILE)).toString('utf8').split('\n').filter(Boolean)) : new Set();
  return names.has(lower);
}
