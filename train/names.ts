import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATA } from '../bench/corpus.js';
import { PERSON_NAMES_FILE } from '../src/analyze/ner/name-words.js';
import { gzipLines } from '../src/gzip-lines.js';

/**
 * Builds data/ner/person-names.txt.gz, the words of personal names the entity tagger knows as such (a feature, not a
 * decision): the Latin and Cyrillic sides of the Wikidata name pairs in ../shared/data/train/translit (Merhav & Ash
 * 2018, CC0), training part only, words seen at least MIN_COUNT times. Deterministic.
 *   npm run train:names
 */
const DIR = resolve(DATA, 'train/translit/wikidata-names');
const FILES = ['wd_russian_80', 'wd_arabic_80', 'wd_hebrew_80', 'wd_katakana_80', 'wd_japanese_80', 'wd_chinese_80', 'wd_korean_80'];
const MIN_COUNT = 2;
const MIN_LENGTH = 2;

const counts = new Map<string, number>();
const count = (word: string, n: number) => {
  const w = word.toLowerCase();
  if (w.length >= MIN_LENGTH && /^[\p{L}'’-]+$/u.test(w)) counts.set(w, (counts.get(w) ?? 0) + n);
};
for (const file of FILES) {
  for (const line of readFileSync(join(DIR, file), 'utf8').split('\n')) {
    const [latin, other, n] = line.split('\t');
    if (!latin || !n) continue;
    count(latin, Number(n));
    // The Cyrillic side is written letter by letter ("з е р ф ю с с").
    if (file === 'wd_russian_80') count(other.replace(/ /g, ''), Number(n));
  }
}
const words = [...counts].filter(([, n]) => n >= MIN_COUNT).map(([w]) => w).sort();
const bytes = gzipLines(words);
writeFileSync(PERSON_NAMES_FILE, bytes);
console.log(`${words.length} name words, ${(bytes.length / 1024).toFixed(0)} KiB`);
