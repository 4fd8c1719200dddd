import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATA } from '../bench/corpus.js';
import { KATAKANA_NAMES_FILE } from '../src/analyze/katakana-names.js';
import { gzipLines } from '../src/gzip-lines.js';

/**
 * Compiles data/lang/ja-katakana-names.tsv.gz: how a foreign name written in katakana is spelled in Latin letters
 * ("ブレア" blair, "セルゲイ" sergei), from the Wikidata name pairs in ../shared/data/train/translit (Merhav & Ash
 * 2018, CC0), training parts only (`_80`; the evaluation reads the `_20` parts). A katakana word keeps its commonest
 * spelling when that spelling is seen at least MIN_COUNT times and makes at least MIN_SHARE of the word's pairs
 * ("ブレア": blair 30, brea 2, bréa 2). Deterministic.
 *   npm run build:katakana-names
 */
const DIR = resolve(DATA, 'train/translit/wikidata-names');
const FILES = ['wd_japanese_80', 'wd_katakana_80'];
const MIN_COUNT = 2;
const MIN_SHARE = 0.5;

const spellings = new Map<string, Map<string, number>>();
for (const file of FILES) {
  for (const line of readFileSync(join(DIR, file), 'utf8').split('\n')) {
    const [latin, katakana, n] = line.split('\t');
    if (!latin || !katakana || !n || !/^[\p{Script=Latin}'’-]+$/u.test(latin)) continue;
    // The katakana side is written letter by letter ("ブ レ ア").
    const word = katakana.replace(/ /g, '');
    const counts = spellings.get(word) ?? new Map<string, number>();
    counts.set(latin, (counts.get(latin) ?? 0) + Number(n));
    spellings.set(word, counts);
  }
}
const lines: string[] = [];
for (const [word, counts] of spellings) {
  let best = '';
  let top = 0;
  let total = 0;
  for (const [latin, n] of counts) {
    total += n;
    if (n > top || (n === top && latin < best)) [best, top] = [latin, n];
  }
  if (top >= MIN_COUNT && top / total >= MIN_SHARE) lines.push(`${word}\t${best}`);
}
lines.sort();
const bytes = gzipLines(lines);
writeFileSync(KATAKANA_NAMES_FILE, bytes);
console.log(`${lines.length} katakana names, ${(bytes.length / 1024).toFixed(0)} KiB`);
