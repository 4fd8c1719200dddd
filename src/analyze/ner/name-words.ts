import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DATA_DIR } from '../../paths.js';

/**
 * Word lists the entity tagger reads as features (never as decisions), built by scripts in train/: one lower-cased
 * name per line.
 */

/** Words of personal names in Latin and Cyrillic script (train/names.ts). */
export const PERSON_NAMES_FILE = join(DATA_DIR, 'ner', 'person-names.txt.gz');
/** Names of populated places, some of several words (train/places.ts). */
export const PLACE_NAMES_FILE = join(DATA_DIR, 'ner', 'place-names.txt.gz');

function readLines(file: string): string[] {
  return existsSync(file) ? gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean) : [];
}

/** Writes a word list as the readers here expect it: sorted, gzip with no timestamp, so a rebuild is byte-identical. */
export function wordListBytes(lines: Iterable<string>): Buffer {
  const sorted = [...new Set(lines)].sort();
  const bytes = gzipSync(Buffer.from(sorted.join('\n') + '\n'), { level: 9 });
  bytes.writeUInt32LE(0, 4);
  return bytes;
}

let personWords: Set<string> | null = null;

/** Whether a lower-cased word is known as part of someone's name ("sergei", "лавров", "okonkwo"). */
export function isPersonNameWord(lower: string): boolean {
  personWords ??= new Set(readLines(PERSON_NAMES_FILE));
  return personWords.has(lower);
}

let places: { whole: Set<string>; parts: Set<string> } | null = null;

/**
 * What the place list says of a lower-cased word: 'whole' when it is a place's whole name ("koblenz"), 'part' when
 * it is a word of a longer one ("angeles"), else null.
 */
export function placeNameWord(lower: string): 'whole' | 'part' | null {
  if (!places) {
    places = { whole: new Set(), parts: new Set() };
    for (const name of readLines(PLACE_NAMES_FILE)) {
      const words = name.split(' ');
      if (words.length === 1) places.whole.add(name);
      else for (const word of words) places.parts.add(word);
    }
  }
  return places.whole.has(lower) ? 'whole' : places.parts.has(lower) ? 'part' : null;
}
