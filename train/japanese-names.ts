import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toRomaji } from 'wanakana';
import { JAPANESE_NAMES_FILE } from '../src/analyze/kanji-names.js';
import { gzipLines } from '../src/gzip-lines.js';

/**
 * Compiles data/lang/ja-names.tsv.gz, the readings of Japanese names written in kanji, from the proper-name
 * lexicons of IPAdic, the dictionary of the MeCab morphological analyser (Debian package mecab-ipadic; BSD-style
 * licence of NAIST/ICOT). Each line: the name in kanji, its kind (s surname, g given name, p place), its reading
 * in Hepburn romaji as English writes it, without long vowels ("岸田" s kishida, "大分" p oita) and IPAdic's word cost, lower for commoner words. A name with several
 * readings keeps its commonest. Deterministic.
 *
 *   apt-get install mecab-ipadic
 *   npm run build:japanese-names
 */
const IPADIC = '/usr/share/mecab/dic/ipadic';
const SOURCES: { file: string; kind: (row: string[]) => string | null }[] = [
  { file: 'Noun.name.csv', kind: (row) => (row[7] === '姓' ? 's' : row[7] === '名' ? 'g' : null) },
  // Countries are the gazetteer's (ICU names).
  { file: 'Noun.place.csv', kind: (row) => (row[7] === '一般' ? 'p' : null) },
];
/** Kanji and the iteration marks 々 and ヶ, which names are written in. */
const KANJI_NAME = /^[\p{Script=Han}々ヶ]{1,5}$/u;

if (!existsSync(IPADIC)) throw new Error(`${IPADIC} not found: apt-get install mecab-ipadic`);
const best = new Map<string, { reading: string; cost: number }>();
for (const source of SOURCES) {
  const text = new TextDecoder('euc-jp').decode(readFileSync(join(IPADIC, source.file)));
  for (const line of text.split('\n')) {
    const row = line.split(',');
    if (row.length < 13 || !KANJI_NAME.test(row[0])) continue;
    const kind = source.kind(row);
    if (!kind) continue;
    const cost = Number(row[3]);
    // The pronunciation marks long vowels with ー, which English spellings drop ("オーイタ": Oita, "ソーマ": Soma).
    const reading = toRomaji(row[12].replace(/ー/g, '')).replace(/[^a-z]/g, '');
    if (!reading) continue;
    const key = `${row[0]}\t${kind}`;
    const seen = best.get(key);
    if (!seen || cost < seen.cost || (cost === seen.cost && reading < seen.reading)) best.set(key, { reading, cost });
  }
}
const lines = [...best].map(([key, { reading, cost }]) => `${key}\t${reading}\t${cost}`).sort();
const bytes = gzipLines(lines);
writeFileSync(JAPANESE_NAMES_FILE, bytes);
console.log(`${lines.length} names, ${(bytes.length / 1024).toFixed(0)} KiB`);
