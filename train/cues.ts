import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATA } from '../bench/corpus.js';
import { DATA_DIR } from '../src/paths.js';

/**
 * Learns English attribution cues ("condemned", "endorsed", "declined") from PolNeAR's train and dev parts in
 * ../shared/data/train (the evaluation reads the test part only) into data/lang/learned/en.json. The hand-written
 * cues of data/lang/en.json stay; a learned cue is a word that is part of a labeled cue in most of its
 * occurrences and whose content follows it. Deterministic: the same data gives the same file.
 *   npm run train:cues
 */
const CORPUS = resolve(DATA, 'train/quotes/en-polnear');
/** Fewer labeled uses than this say little about a word. */
const MIN_CUE_USES = 6;
/** Share of a word's occurrences inside a labeled cue. */
const MIN_CUE_SHARE = 0.5;
/** Share of its attributions whose content comes after the cue: the analysis looks for content there. */
const MIN_CONTENT_AFTER = 0.7;
/** A word this often after an article or possessive is a noun ("the assertion"), not a reporting verb. */
const MAX_AFTER_DETERMINER = 0.3;
const DETERMINER = /^(?:a|an|the|his|her|their|its|our|my|your|this|that)$/u;
/** Adverbs and the like: "repeatedly said" labels the adverb with the cue, but it reports nothing itself. */
const NOT_A_VERB = /(?:ly|tion|sion|ment|ness)$/u;
/**
 * Words that pass the counts but report no one's words as a quote would show them: an adjective and a noun
 * ("eager", "complaints"), and verbs of showing or doing whose object PolNeAR labels ("unveiled a memorial plaque",
 * "posted a video", "listed the names", "unleashed", "restricting", "sided with").
 */
const NOT_REPORTING = new Set(['eager', 'complaints', 'unveiled', 'posted', 'listed', 'unleashed', 'restricting', 'sided']);

interface WordCounts {
  seen: number;
  inCue: number;
  afterDeterminer: number;
  contentAfter: number;
  contentBefore: number;
}

function brat(lines: string[]): { spans: Map<string, [number, number][]>; relations: Map<string, string>[] } {
  const spans = new Map<string, [number, number][]>();
  for (const line of lines) {
    const m = /^(T\d+)\t\S+ ([\d ;]+)\t/u.exec(line);
    if (m) spans.set(m[1], m[2].split(';').map((f) => f.split(' ').map(Number) as [number, number]));
  }
  const relations = lines.filter((l) => l.startsWith('E')).map((l) => new Map(l.split('\t')[1].split(' ').map((r) => r.split(':') as [string, string])));
  return { spans, relations };
}

const counts = new Map<string, WordCounts>();
const count = (word: string): WordCounts => {
  let c = counts.get(word);
  if (!c) counts.set(word, (c = { seen: 0, inCue: 0, afterDeterminer: 0, contentAfter: 0, contentBefore: 0 }));
  return c;
};
let articles = 0;
for (const part of ['train', 'dev']) {
  const dir = join(CORPUS, part);
  if (!existsSync(dir)) throw new Error(`train:cues: ${dir} is missing (see ../shared/data/README.md)`);
  const annotations = readdirSync(join(dir, 'attributions')).sort();
  for (const name of readdirSync(join(dir, 'text')).sort()) {
    const annotation = annotations.find((a) => a.startsWith(`${name.replace(/\.txt$/u, '')}_`));
    if (!annotation) continue;
    articles++;
    const text = readFileSync(join(dir, 'text', name), 'utf8');
    const { spans, relations } = brat(readFileSync(join(dir, 'attributions', annotation), 'utf8').split('\n'));
    const cueAt = new Uint8Array(text.length);
    for (const roles of relations) {
      const cue = spans.get(roles.get('Cue') ?? '');
      if (!cue) continue;
      for (const [start, end] of cue) cueAt.fill(1, start, end);
      const content = spans.get(roles.get('Content') ?? '');
      const cueWords = text.slice(cue[0][0], cue[cue.length - 1][1]).toLowerCase().match(/\p{L}+/gu) ?? [];
      const head = cueWords[cueWords.length - 1];
      if (!content || !head) continue;
      if (content[0][0] > cue[0][0]) count(head).contentAfter++;
      else count(head).contentBefore++;
    }
    let previous = '';
    for (const m of text.matchAll(/\p{L}+/gu)) {
      const word = m[0].toLowerCase();
      const c = count(word);
      c.seen++;
      if (cueAt[m.index]) c.inCue++;
      if (DETERMINER.test(previous)) c.afterDeterminer++;
      previous = word;
    }
  }
}

const handWritten = new Set((JSON.parse(readFileSync(join(DATA_DIR, 'lang', 'en.json'), 'utf8')) as { cues: string[] }).cues);
const learned = [...counts]
  .filter(([word, c]) => {
    const attributions = c.contentAfter + c.contentBefore;
    return (
      !handWritten.has(word) &&
      !NOT_A_VERB.test(word) &&
      !NOT_REPORTING.has(word) &&
      c.inCue >= MIN_CUE_USES &&
      c.inCue / c.seen >= MIN_CUE_SHARE &&
      attributions > 0 &&
      c.contentAfter / attributions >= MIN_CONTENT_AFTER &&
      c.afterDeterminer / c.seen <= MAX_AFTER_DETERMINER
    );
  })
  .sort(([a, x], [b, y]) => y.inCue - x.inCue || a.localeCompare(b));

mkdirSync(join(DATA_DIR, 'lang', 'learned'), { recursive: true });
const out = {
  _source: `Learned by train/cues.ts from PolNeAR (train and dev parts, ${articles} articles): words inside a labeled attribution cue in at least ${MIN_CUE_SHARE * 100}% of ${MIN_CUE_USES}+ uses, with the content after them. Each takes a reported clause or object after it, like the zero-complementizer cues of en.json.`,
  cues: learned.map(([word]) => word),
  _uses: Object.fromEntries(learned.map(([word, c]) => [word, `${c.inCue}/${c.seen}`])),
};
writeFileSync(join(DATA_DIR, 'lang', 'learned', 'en.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(`${learned.length} cues learned from ${articles} articles into data/lang/learned/en.json`);
