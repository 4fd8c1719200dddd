import { join } from 'node:path';
import { readGzipLines } from '../../gzip-lines.js';
import { DATA_DIR } from '../../paths.js';

/**
 * Word lists the entity tagger reads as features (never as decisions), built by scripts in train/: one lower-cased
 * name per line.
 */

/** Words of personal names in Latin and Cyrillic script (train/names.ts). */
export const PERSON_NAMES_FILE = join(DATA_DIR, 'ner', 'person-names.txt.gz');
/** Names of populated places, some of several words (train/places.ts). */
export const PLACE_NAMES_FILE = join(DATA_DIR, 'ner', 'place-names.txt.gz');

let personWords: Set<string> | null = null;

/** Whether a lower-cased word is known as part of someone's name ("sergei", "лавров", "okonkwo"). */
export function isPersonNameWord(lower: string): boolean {
  personWords ??= new Set(readGzipLines(PERSON_NAMES_FILE));
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
    for (const name of readGzipLines(PLACE_NAMES_FILE)) {
      const words = name.split(' ');
      if (words.length === 1) places.whole.add(name);
      else for (const word of words) places.parts.add(word);
    }
  }
  return places.whole.has(lower) ? 'whole' : places.parts.has(lower) ? 'part' : null;
}
