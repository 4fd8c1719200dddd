import { join } from 'node:path';
import { readGzipLines } from '../gzip-lines.js';
import type { TextDoc } from '../model/types.js';
import { DATA_DIR } from '../paths.js';
import { conceptsOf } from '../text/concepts.js';
import type { Lexicon } from './lexicon.js';
import { sentenceRuns } from './unspaced-names.js';
import { nameWord, type Word } from './words.js';

/** Readings of Japanese names in kanji, compiled from IPAdic by train/japanese-names.ts. */
export const JAPANESE_NAMES_FILE = join(DATA_DIR, 'lang', 'ja-names.tsv.gz');

interface Reading {
  /** Hepburn romaji as English writes it ("kishida", "oita"). */
  romaji: string;
  /** IPAdic's word cost: lower for commoner words. */
  cost: number;
}

interface NameTable {
  surnames: Map<string, Reading>;
  givenNames: Map<string, Reading>;
  places: Map<string, Reading>;
}

let table: NameTable | null = null;

function names(): NameTable {
  if (table) return table;
  table = { surnames: new Map(), givenNames: new Map(), places: new Map() };
  const byKind: Record<string, Map<string, Reading>> = { s: table.surnames, g: table.givenNames, p: table.places };
  for (const line of readGzipLines(JAPANESE_NAMES_FILE)) {
    const [name, kind, romaji, cost] = line.split('\t');
    if (romaji) byKind[kind]?.set(name, { romaji, cost: Number(cost) });
  }
  return table;
}

/** A name written in kanji, with how English writes it. */
export interface KanjiName {
  /** The surname and given name of a person (or the surname alone), or the place. */
  words: Word[];
  type: 'person' | 'location';
  /** The name as English writes it, given name first: "Fumio Kishida", "Fukushima". */
  latin: string;
  /** The romaji of each of `words`, in their order. */
  latinParts: string[];
}

const KANJI_RUN = /[\p{Script=Han}々ヶ]+/gu;
/** Administrative units written after a place's name (福島県, 名古屋市): the name is the place. */
const PLACE_UNITS = ['都', '道', '府', '県', '市', '区', '町', '村', '郡', '州'];
/** A place named alone, with no unit after it, must be about this common (IPAdic's cost) to be read as a place. */
const MAX_BARE_PLACE_COST = 5000;
const MAX_NAME_LENGTH = 6;

/**
 * Japanese names written in kanji: 岸田文雄首相 (Fumio Kishida), 久保選手 (Kubo), 福島県 (Fukushima). Kanji carry no
 * capitals, and a name's characters are also words, so a run of kanji is a name only with evidence:
 * - a person: a surname and a given name both known to the name table and each of two characters or more, or
 *   followed by a title or honorific of the language file (`personSuffixes`: 首相, 選手, さん); a known surname
 *   alone before such a title is a person too (the linker ties it to the full name);
 * - a place: a known place before an administrative unit (県, 市, 町), or a common place standing alone.
 * A run the bilingual lexicon knows as a word is not a name. The readings make the names' ids the ones English
 * spellings get, so "岸田" and "Kishida" are one person across articles.
 */
export function kanjiNames(doc: TextDoc, sentence: number, lex: Lexicon): KanjiName[] {
  const table = names();
  if (table.surnames.size === 0) return [];
  const { text, runs } = sentenceRuns(doc, sentence, KANJI_RUN);
  const found: KanjiName[] = [];
  for (const { run, at, offset } of runs) {
    // The language file lists titles longest first: 元首相 before 首相.
    const inRun = lex.personSuffixes.find((s) => run.endsWith(s) && s.length < run.length);
    const name = inRun ? run.slice(0, run.length - inRun.length) : run;
    const titled = inRun !== undefined || lex.personSuffixes.some((s) => text.startsWith(s, offset + run.length));
    if (name.length > MAX_NAME_LENGTH) continue;
    // A surname before a title is a name even where it is also a word (内堀知事: 内堀, inner moat).
    const titledSurname = titled && name.length >= 2 ? table.surnames.get(name) : undefined;
    const person = titledSurname
      ? { type: 'person' as const, parts: [name], latin: capitalize(titledSurname.romaji), latinParts: [titledSurname.romaji] }
      : isWord(name) ? null : (personName(name, titled, table) ?? nameBeforeWord(name, table));
    if (person) {
      found.push({ ...person, words: wordsOf(person.parts, at, offset === 0) });
      continue;
    }
    const place = placeName(name, table);
    if (place) found.push({ type: 'location', latin: capitalize(place.romaji), latinParts: [place.romaji], words: wordsOf([place.name], at, offset === 0) });
  }
  return found;
}

/**
 * Whether the bilingual lexicon knows the text as a common word: it translates it, and not by its reading as a name
 * (the lexicon translates 名古屋 as Nagoya).
 */
function isWord(text: string, romaji?: string): boolean {
  const concepts = conceptsOf(text, 'ja');
  return concepts.length > 0 && !(romaji && concepts.some((c) => romaji.startsWith(c) || c.startsWith(romaji)));
}

interface PersonReading {
  type: 'person';
  parts: string[];
  latin: string;
  latinParts: string[];
}

function personName(name: string, titled: boolean, table: NameTable): PersonReading | null {
  // Surname and given name of two characters or more each; with a title, a one-character part too (a titled name
  // that is a surname as a whole, 宮原選手, never comes here: it is Miyahara, not 宮 + 原).
  const full = fullName(name, 2, table) ?? (titled ? fullName(name, 1, table) : null);
  if (full) return full;
  if (!titled) return null;
  // A titled name whose given name the table lacks (久保建英選手): the surname gives the reading.
  for (let i = Math.min(3, name.length - 1); i >= 2; i--) {
    const known = table.surnames.get(name.slice(0, i));
    if (known && name.length - i <= MAX_UNKNOWN_GIVEN_NAME) return { type: 'person', parts: [name.slice(0, i), name.slice(i)], latin: capitalize(known.romaji), latinParts: [known.romaji, ''] };
  }
  return null;
}

/**
 * A full name followed, in the same run of kanji, by a word the lexicon knows, mostly a role the language file does
 * not list as a title (福島寛人署長: 署長, police chief).
 */
function nameBeforeWord(run: string, table: NameTable): PersonReading | null {
  for (let tail = MIN_TAIL_WORD; run.length - tail >= 4; tail++) {
    if (isWord(run.slice(run.length - tail))) return fullName(run.slice(0, run.length - tail), 2, table);
  }
  return null;
}

const MIN_TAIL_WORD = 2;

/** Most Japanese given names are of two kanji; a longer unknown tail is mostly another word (甘利明衆院). */
const MAX_UNKNOWN_GIVEN_NAME = 2;

/** The commonest split of a name into a known surname and a known given name, each at least `minPart` long. */
function fullName(name: string, minPart: number, table: NameTable): PersonReading | null {
  let best: { surname: Reading; given: Reading; at: number } | null = null;
  for (let i = minPart; i <= name.length - minPart; i++) {
    const surname = table.surnames.get(name.slice(0, i));
    const given = table.givenNames.get(name.slice(i));
    if (surname && given && (!best || surname.cost + given.cost < best.surname.cost + best.given.cost)) best = { surname, given, at: i };
  }
  if (!best) return null;
  const { surname, given, at } = best;
  return { type: 'person', parts: [name.slice(0, at), name.slice(at)], latin: `${capitalize(given.romaji)} ${capitalize(surname.romaji)}`, latinParts: [surname.romaji, given.romaji] };
}

function placeName(name: string, table: NameTable): { name: string; romaji: string } | null {
  const unit = PLACE_UNITS.find((u) => name.endsWith(u));
  const withoutUnit = unit && name.length > unit.length + 1 ? name.slice(0, name.length - unit.length) : null;
  const place = withoutUnit ? table.places.get(withoutUnit) : undefined;
  if (withoutUnit && place && !isWord(withoutUnit, place.romaji)) return { name: withoutUnit, romaji: place.romaji };
  const bare = name.length >= 2 ? table.places.get(name) : undefined;
  return bare && bare.cost <= MAX_BARE_PLACE_COST && !isWord(name, bare.romaji) ? { name, romaji: bare.romaji } : null;
}

function wordsOf(parts: string[], at: number, sentenceStart: boolean): Word[] {
  let offset = at;
  return parts.map((part, k) => {
    const word = nameWord(part, offset, k === 0 && sentenceStart);
    offset += part.length;
    return word;
  });
}

function capitalize(romaji: string): string {
  return romaji.charAt(0).toUpperCase() + romaji.slice(1);
}
