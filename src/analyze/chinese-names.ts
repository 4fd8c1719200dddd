import { join } from 'node:path';
import { readGzipLines } from '../gzip-lines.js';
import type { TextDoc, Token } from '../model/types.js';
import { DATA_DIR } from '../paths.js';
import { conceptsOf } from '../text/concepts.js';
import { toLatin } from '../text/translit.js';
import type { Lexicon } from './lexicon.js';
import { sentenceRuns, sentenceTokens } from './unspaced-names.js';
import { nameWord, type Word } from './words.js';

/** Persons and places CC-CEDICT names, with their English names (train/chinese-names.ts). */
export const CHINESE_NAMES_FILE = join(DATA_DIR, 'lang', 'zh-names.tsv.gz');

interface KnownName {
  type: 'person' | 'location';
  english: string;
}

let known: Map<string, KnownName> | null = null;
let longestKnown = 0;

function knownNames(): Map<string, KnownName> {
  if (known) return known;
  known = new Map();
  for (const line of readGzipLines(CHINESE_NAMES_FILE)) {
    const [han, kind, english] = line.split('\t');
    if (!english) continue;
    known.set(han, { type: kind === 'p' ? 'person' : 'location', english });
    longestKnown = Math.max(longestKnown, han.length);
  }
  return known;
}

/** A name in Han characters, with how English writes it. */
export interface ChineseName {
  words: Word[];
  type: 'person' | 'location';
  /** "Xi Jinping", "Vladimir Putin", "Beijing", "Wang Wenbin"; absent for a foreign name given only in Han. */
  latin?: string;
}

const HAN = /^\p{Script=Han}+$/u;
/** Given names are of one or two characters. */
const MAX_GIVEN_NAME = 2;
/** Characters that end a name rather than continue it: particles, prepositions, dates. */
const NOT_IN_NAMES = new Set([...'的了在是和与與及也都将將对對向把被从從于於为為等日月年又就已仍曾并並而但这這那该該其说說称稱']);

/**
 * Characters Chinese spells foreign names with ("斯", "尔", "伊"): a name the table knows ("克勒", Köhler) is no name
 * where they continue it (part of a longer foreign name), and a family name followed by them starts a foreign name
 * ("罗杰斯" is Rogers, not Luo Jiesi).
 */
const TRANSLITERATION = new Set([...'斯尔爾伊哈乌烏迪纳納娜妮莉拉洛卡基姆托夫维維奇亚亞塔尼布普格蒂森逊遜顿頓兹茲茨莫诺諾奥奧阿埃芬']);

/** More characters of foreign names: a known name next to one is part of a longer one (德克勒克, de Klerk). */
const NEIGHBOURS_OF_FOREIGN_NAMES = new Set([...TRANSLITERATION, ...'克德特勒罗羅里利马馬米丁贝貝林森']);
const MIN_NAME_INSIDE_WORD = 3;

/**
 * Names in Chinese text, which has neither spaces nor capitals: persons and places CC-CEDICT knows ("习近平" → Xi
 * Jinping, "普京" → Vladimir Putin, "北京" → Beijing), read where the segmenter's words start and end; and a name
 * the dictionary lacks when a common family name (the language file's `surnames`) begins one or two more
 * characters that a title or a speech verb adjoins ("发言人汪文斌表示" → Wang Wenbin, read in pinyin).
 */
export function chineseNames(doc: TextDoc, sentence: number, lex: Lexicon): ChineseName[] {
  const table = knownNames();
  const tokens = sentenceTokens(doc, sentence);
  const found: ChineseName[] = dottedNames(doc, sentence, tokens, lex);
  const dotted = found.map((n) => n.words[0].span);
  for (let i = 0; i < tokens.length; i++) {
    const start = tokens[i].span[0];
    if (dotted.some(([from, to]) => from < tokens[i].span[1] && start < to)) continue;
    let matched = 0;
    // The longest known name from here; a name of three characters or more may end inside a word of the segmenter,
    // which reads "习近平和" as 习 + 近 + 平和 (peaceful).
    for (let length = Math.min(longestKnown, tokens[tokens.length - 1].span[1] - start); length >= 2 && !matched; length--) {
      const end = start + length;
      const endsWord = tokens.findIndex((t) => t.span[1] === end);
      if (endsWord < 0 && length < MIN_NAME_INSIDE_WORD) continue;
      const text = doc.text.slice(start, end);
      const name = HAN.test(text) ? table.get(text) : undefined;
      if (!name || NEIGHBOURS_OF_FOREIGN_NAMES.has(doc.text[start - 1] ?? '') || NEIGHBOURS_OF_FOREIGN_NAMES.has(doc.text[end] ?? '')) continue;
      found.push({ type: name.type, latin: name.english, words: [nameWord(text, start, i === 0)] });
      matched = endsWord >= 0 ? endsWord - i + 1 : tokens.findIndex((t) => t.span[1] > end) - i + 1;
    }
    if (!matched) matched = titledName(doc, tokens, i, lex, found);
    i += Math.max(matched, 1) - 1;
  }
  return found;
}

/**
 * Parts of a foreign name in Han characters, joined by a middle dot: 莎拉·斯夸尔, 安东尼·布林肯; a part may be two
 * joined by a hyphen, as a double surname is (博伊德·道格拉斯-戴维斯).
 */
const DOTTED_NAME = /\p{Script=Han}+(?:[·•・]\p{Script=Han}{1,6}(?:[-‐－]\p{Script=Han}{1,6})?){1,3}/gu;
/** Transliterated given names are of one to five characters (弗拉基米尔); a longer first part holds other words. */
const MAX_FIRST_PART = 5;
/** "安东尼·布林肯 (Antony Blinken)": the name as its owner writes it, right after the transliteration. */
const LATIN_AFTER = /^\s*[(（]\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s*[)）]/u;

/**
 * Foreign names written in Han characters with a middle dot between their parts, as Chinese writes them ("主席莎拉·
 * 斯夸尔" → 莎拉·斯夸尔): persons, less a title written before the first part. Where the text gives the name in
 * Latin letters right after ("安东尼·布林肯 (Antony Blinken)"), the entity takes that name.
 */
function dottedNames(doc: TextDoc, sentence: number, tokens: readonly Token[], lex: Lexicon): ChineseName[] {
  const { text, runs } = sentenceRuns(doc, sentence, DOTTED_NAME);
  const found: ChineseName[] = [];
  for (const { run, at, offset } of runs) {
    const dot = run.search(/[·•・]/u);
    const firstPart = run.slice(0, dot);
    // The title nearest the name ends the words before it: "美国国务卿安东尼" → 安东尼.
    let cut = Math.max(0, ...lex.personPrefixes.map((t) => (firstPart.lastIndexOf(t) >= 0 ? firstPart.lastIndexOf(t) + t.length : 0)));
    // And a conjunction or particle before it: "当乔伊", "尽管迈克尔".
    const lead = lex.wordsBeforeNames.find((w) => firstPart.startsWith(w, cut) && dot - cut - w.length >= 2);
    if (lead) cut += lead.length;
    if (dot - cut < 1 || dot - cut > MAX_FIRST_PART) continue;
    let name = run.slice(cut);
    // The run goes on into the words after the name: a word of the language the segmenter reads after the last dot
    // ("杨拒绝了": 拒绝, refused), unless it is a name or spelled with the characters of foreign names (布林肯 holds
    // 林肯, Lincoln); then a speech verb, a title, a particle ("斯夸尔说", "普京周六").
    const lastPart = at + cut + name.search(/[^·•・]*$/u);
    const next = tokens.find((t) => t.span[0] > lastPart && t.span[0] < at + run.length && isWordAfterName(doc.text.slice(t.span[0], t.span[1])));
    if (next) name = name.slice(0, next.span[0] - at - cut);
    const particle = [...name.slice(lastPart - at - cut + 1)].findIndex((c) => NOT_IN_NAMES.has(c));
    if (particle >= 0) name = name.slice(0, lastPart - at - cut + 1 + particle);
    for (let tail = trailingWord(name, lex); tail > 0; tail = trailingWord(name, lex)) name = name.slice(0, name.length - tail);
    if (!/[·•・]\p{Script=Han}/u.test(name)) continue;
    // The surname may be a person the dictionary knows (弗拉基米尔·普京: 普京, Vladimir Putin).
    const surname = knownNames().get(name.slice(name.search(/[^·•・]*$/u)));
    const written = name.length === run.length - cut ? LATIN_AFTER.exec(text.slice(offset + run.length))?.[1] : undefined;
    // Only a full name: "Douglas (name)" says nothing of which Douglas.
    const latin = written ?? (surname?.type === 'person' && surname.english.includes(' ') ? surname.english : undefined);
    found.push({ type: 'person', latin, words: [nameWord(name, at + cut, offset + cut === 0)] });
  }
  return found;
}

function isWordAfterName(token: string): boolean {
  return token.length >= 2 && isWord(token) && !knownNames().has(token) && ![...token].every((c) => NEIGHBOURS_OF_FOREIGN_NAMES.has(c));
}

function isWord(text: string): boolean {
  return conceptsOf(text, 'zh').length > 0;
}

/** How many characters at the end of a name are a word after it, or 0. */
function trailingWord(name: string, lex: Lexicon): number {
  const word = [...lex.cues, ...lex.personSuffixes, ...lex.subjectEnders].find((w) => name.endsWith(w) && w.length < name.length);
  if (word) return word.length;
  return NOT_IN_NAMES.has(name[name.length - 1]) ? 1 : 0;
}


/** A family name and a given name of single-character words, with a title or speech verb next to them. */
function titledName(doc: TextDoc, tokens: readonly Token[], i: number, lex: Lexicon, found: ChineseName[]): number {
  const text = doc.text;
  const surname = text.slice(tokens[i].span[0], tokens[i].span[1]);
  if (!lex.surnames.has(surname)) return 0;
  let given = 0;
  while (given < MAX_GIVEN_NAME && i + 1 + given < tokens.length) {
    const token = tokens[i + 1 + given];
    const char = text.slice(token.span[0], token.span[1]);
    if (char.length !== 1 || !HAN.test(char) || NOT_IN_NAMES.has(char) || token.span[0] !== tokens[i + given].span[1]) break;
    if (TRANSLITERATION.has(char)) return 0;
    if (given > 0 && startsTitle(text, token.span[0], lex)) break;
    given++;
  }
  if (given === 0) return 0;
  const start = tokens[i].span[0];
  const end = tokens[i + given].span[1];
  const before = text.slice(Math.max(0, start - 8), start);
  // A word of the language is no name, whatever stands next to it ("时任总统": then-serving president).
  if (isWord(text.slice(start, end))) return 0;
  const titled = lex.personPrefixes.some((t) => before.endsWith(t)) || startsTitle(text, end, lex) || lex.cues.some((c) => text.startsWith(c, end));
  if (!titled) return 0;
  const [family, ...rest] = toLatin(text.slice(start, end)).split(/\s+/u);
  const pinyin = (syllables: string[]) => syllables.join('').toLowerCase().replace(/^./u, (c) => c.toUpperCase());
  const latin = `${pinyin([family])} ${pinyin(rest)}`;
  found.push({ type: 'person', latin, words: [nameWord(text.slice(start, end), start, i === 0)] });
  return given + 1;
}

function startsTitle(text: string, at: number, lex: Lexicon): boolean {
  return lex.personSuffixes.some((t) => text.startsWith(t, at));
}
