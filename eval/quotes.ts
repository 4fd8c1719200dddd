import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findQuotedSpans } from '../src/analyze/quote-marks.js';
import type { AnalyzedArticle, Span } from '../src/model/types.js';
import { processDocument } from '../src/pipeline.js';
import { DATA as SHARED_DATA } from '../bench/corpus.js';

/**
 * Quotes and attributions against PolNeAR (English news; every attribution: direct and indirect speech, beliefs,
 * intentions). Precision counts found quotes lying at least half inside a labeled content; recall counts labeled
 * contents at least half covered by found quotes (quote marks and edge punctuation aside) — see `tally`. The
 * exact-bounds figure asks for the same first and last character. Where several annotators labeled a text, the
 * first annotation file (by name) is used.
 */

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

export interface QuoteEvaluation {
  system: string;
  /** Direct quotes (labeled content inside quotation marks) against the quotes found as direct. */
  direct: Score;
  /** Of the matched direct quotes whose label names a source, the share whose speaker is that source. */
  speakerAccuracy: number;
  /** Of the matched attributions with a labeled cue, the share whose cue overlaps it. */
  cueAccuracy: number;
  /** Every labeled attribution against every quote found (direct, partial, indirect). */
  all: Score;
  /** Matched with exactly the same boundaries (marks and edge punctuation aside). */
  allExact: Score;
}

interface Attribution {
  /** From the first to the last character of the content. */
  content: Span;
  /** The content's pieces: a quote interrupted by "she told AFP." is one attribution in two pieces. */
  fragments: Span[];
  source: Span | null;
  cue: Span | null;
  direct: boolean;
}

interface Found {
  content: Span;
  direct: boolean;
  speaker: { span: Span | null; name: string } | null;
  cue: Span | null;
}

const OPENING = /^[“"„«‘]/u;

/** A span without quote marks, spaces and punctuation at its edges. */
function trimmed(text: string, [start, end]: Span): Span {
  const slice = text.slice(start, end);
  const lead = slice.length - slice.replace(/^[\s“”"„«»‘’'.,;:!?—–-]+/u, '').length;
  const trail = slice.length - slice.replace(/[\s“”"„«»‘’'.,;:!?—–-]+$/u, '').length;
  return lead + trail >= slice.length ? [start, end] : [start + lead, end - trail];
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

function readPolnear(dir: string): { name: string; text: string; gold: Attribution[] }[] {
  const annotations = readdirSync(join(dir, 'attributions'));
  return readdirSync(join(dir, 'text'))
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, 'text', name), 'utf8');
      const spans = new Map<string, { type: string; span: Span; fragments: Span[] }>();
      const gold: Attribution[] = [];
      // Annotation files carry the annotator's suffix: "<text name>_<annotator>.ann".
      const annotation = annotations.sort().find((a) => a.startsWith(`${name.replace(/\.txt$/, '')}_`) && a.endsWith('.ann'));
      if (!annotation) throw new Error(`PolNeAR: no annotation for ${name}`);
      const ann = readFileSync(join(dir, 'attributions', annotation), 'utf8').split('\n');
      for (const line of ann) {
        const m = /^(T\d+)\t(\S+) ([\d ;]+)\t/.exec(line);
        if (!m) continue;
        const fragments = m[3].split(';').map((f): Span => {
          const [start, end] = f.split(' ').map(Number);
          return [start, end];
        });
        const offsets = fragments.flat();
        spans.set(m[1], { type: m[2], span: [Math.min(...offsets), Math.max(...offsets)], fragments });
      }
      for (const line of ann) {
        if (!line.startsWith('E')) continue;
        const roles = new Map(line.split('\t')[1].split(' ').map((r) => r.split(':') as [string, string]));
        const labeled = spans.get(roles.get('Content') ?? '');
        if (!labeled) continue;
        const content = labeled.span;
        gold.push({
          content: trimmed(text, content),
          fragments: labeled.fragments.map((f) => trimmed(text, f)),
          source: spans.get(roles.get('Source') ?? '')?.span ?? null,
          cue: spans.get(roles.get('Cue') ?? '')?.span ?? null,
          direct: OPENING.test(text.slice(content[0], content[1]).trimStart()),
        });
      }
      return { name, text, gold };
    });
}

/**
 * Offsets of the analyzed text mapped back to the file: the text layer re-joins lines and normalizes spaces, so
 * the two are walked together, skipping whitespace either side may have alone.
 */
function offsetMap(normalized: string, raw: string): (offset: number) => number {
  const map = new Int32Array(normalized.length + 1);
  let j = 0;
  for (let i = 0; i < normalized.length; i++) {
    while (j < raw.length && normalized[i] !== raw[j] && /\s/u.test(raw[j])) j++;
    if (j < raw.length && normalized[i] === raw[j]) {
      map[i] = j++;
      continue;
    }
    // A character the text layer changed or added, or a stretch it left out (the title line): look ahead in the
    // file for what follows.
    const ahead = raw.indexOf(normalized.slice(i, i + 16), j);
    if (ahead !== -1 && ahead - j <= 4096) {
      j = ahead;
      map[i] = j++;
      continue;
    }
    map[i] = j;
  }
  map[normalized.length] = j;
  return (offset) => map[Math.max(0, Math.min(offset, normalized.length))];
}

function analyze(text: string, source: string): AnalyzedArticle {
  return processDocument({ source, format: 'text', content: text, meta: { lang: 'en' }, fetchedAt: '2024-01-01T00:00:00.000Z' });
}

/**
 * Where spans near `anchor` (offsets of the analyzed text) lie in the file. The walk of offsetMap can lose its place
 * where the text layer rewrote a stretch: the anchor's words are looked up near where the walk put them, and spans
 * close by are shifted with them when their words are there too.
 */
function locator(text: string, normalized: string, toRaw: (offset: number) => number, anchor: Span): (s: Span) => Span {
  // The anchor's opening words: the whole of it may hold a line the text layer re-joined.
  const words = normalized.slice(anchor[0], Math.min(anchor[1], anchor[0] + 24));
  const near = toRaw(anchor[0]);
  const at = text.indexOf(words, Math.max(0, near - 2000));
  const shift = at !== -1 && Math.abs(at - near) <= 4000 ? at - anchor[0] : null;
  const end = (offset: number): number => {
    // An end is found by the words before it, searched from the shifted start.
    const tail = normalized.slice(Math.max(anchor[0], offset - 24), offset);
    const from = shift !== null ? Math.max(0, offset + shift - tail.length - 400) : 0;
    const found = shift !== null ? text.indexOf(tail, from) : -1;
    return found !== -1 && Math.abs(found + tail.length - (offset + shift!)) <= 400 ? found + tail.length : toRaw(offset);
  };
  return (s) => {
    if (shift !== null && text.slice(s[0] + shift, s[1] + shift) === normalized.slice(s[0], s[1])) return [s[0] + shift, s[1] + shift];
    if (shift !== null && s[0] === anchor[0] && s[1] === anchor[1]) {
      const to = end(s[1]);
      return [s[0] + shift, to > s[0] + shift ? to : s[1] + shift];
    }
    return [toRaw(s[0]), toRaw(s[1])];
  };
}

/** The file with each run of whitespace as one space, and where each of its characters is in the file. */
function collapseWhitespace(raw: string): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (/\s/u.test(raw[i])) {
      if (text.endsWith(' ')) continue;
      text += ' ';
    } else text += raw[i];
    offsets.push(i);
  }
  return { text, offsets };
}

/**
 * A span of the analyzed text found by its own words in the file (whitespace aside), at the occurrence nearest to
 * where the offset walk puts it: exact wherever the text layer left the words as they were, which the walk alone
 * is not after a stretch it rewrote.
 */
function findInFile(file: { text: string; offsets: number[] }, normalized: string, span: Span, hint: number): Span | null {
  const needle = normalized.slice(span[0], span[1]).replace(/\s+/gu, ' ').trim();
  // Short stretches ("said", a name) occur all over: the walk places them better.
  if (needle.length < 12) return null;
  let best: number | null = null;
  for (let at = file.text.indexOf(needle); at !== -1; at = file.text.indexOf(needle, at + 1)) {
    if (best === null || Math.abs(file.offsets[at] - hint) < Math.abs(file.offsets[best] - hint)) best = at;
  }
  return best === null ? null : [file.offsets[best], file.offsets[best + needle.length - 1] + 1];
}

function parallaxQuotes(text: string, analyzed: AnalyzedArticle): Found[] {
  const toRaw = offsetMap(analyzed.doc.text, text);
  const file = collapseWhitespace(text);
  return analyzed.quotes.map((q) => {
    const walk = locator(text, analyzed.doc.text, toRaw, q.span);
    const place = (s: Span): Span => findInFile(file, analyzed.doc.text, s, toRaw(s[0])) ?? walk(s);
    return {
      content: trimmed(text, place(q.span)),
      direct: q.kind === 'direct',
      speaker: q.speaker ? { span: q.speaker.span ? place(q.speaker.span) : null, name: q.speaker.name } : null,
      cue: q.cue ? place(q.cue.span) : null,
    };
  });
}

const NAME_AFTER = /^[\s,]*(?:(?:said|says|told|added|wrote)\s+)?((?:\p{Lu}[\p{L}'’.-]*\s?){1,3}|he|she|they)/u;
const NAME_BEFORE = /((?:\p{Lu}[\p{L}'’.-]*\s?){1,3}|he|she|they)[^.“”"]{0,40}$/u;

/** The baseline: text between quotation marks, said by the nearest capitalized words after it, else before it. */
function quoteMarkBaseline(text: string, analyzed: AnalyzedArticle): Found[] {
  const doc = analyzed.doc;
  const toRaw = offsetMap(doc.text, text);
  return findQuotedSpans(doc).map((q) => {
    const place = locator(text, doc.text, toRaw, q.content);
    const after = NAME_AFTER.exec(doc.text.slice(q.close + 1, q.close + 80));
    const before = after ? null : NAME_BEFORE.exec(doc.text.slice(Math.max(0, q.open - 80), q.open));
    let speaker: Found['speaker'] = null;
    if (after) {
      const at = q.close + 1 + after.index + after[0].length - after[1].length;
      speaker = { span: place([at, at + after[1].trimEnd().length]), name: after[1].trim() };
    } else if (before) {
      const at = Math.max(0, q.open - 80) + before.index;
      speaker = { span: place([at, at + before[1].trimEnd().length]), name: before[1].trim() };
    }
    return { content: trimmed(text, place(q.content)), direct: true, speaker, cue: null };
  });
}

interface Tally {
  found: number;
  gold: number;
  correctFound: number;
  correctGold: number;
}

const score = (t: Tally): Score => {
  const precision = t.found ? t.correctFound / t.found : 0;
  const recall = t.gold ? t.correctGold / t.gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

/** Characters of `span` inside any of `spans` (which do not overlap each other much: contents, pieces). */
function inside(span: Span, spans: Span[]): number {
  return spans.reduce((n, s) => n + overlap(span, s), 0);
}

/** Whether at least half of a found quote lies inside the labeled content's pieces. */
function matches(f: Found, g: Attribution): boolean {
  return inside(f.content, g.fragments) >= 0.5 * (f.content[1] - f.content[0]);
}

/** Found quotes paired with the labeled content most of them lies in (each found quote at most once). */
function pairs(found: Found[], gold: Attribution[]): [Found, Attribution][] {
  const out: [Found, Attribution][] = [];
  for (const f of found) {
    let best: Attribution | undefined;
    let bestOverlap = 0;
    for (const g of gold) {
      if (!matches(f, g)) continue;
      const o = inside(f.content, g.fragments);
      if (o > bestOverlap) [best, bestOverlap] = [g, o];
    }
    if (best) out.push([f, best]);
  }
  return out;
}

/**
 * Precision over found quotes (at least half inside a labeled content); recall over labeled contents (at least half
 * of their characters covered by found quotes). Quotes split where a label joins pieces, or joined where labels
 * split, count as far as they cover each other.
 */
function tally(found: Found[], gold: Attribution[], paired: [Found, Attribution][], into: { found: number; gold: number; correctFound: number; correctGold: number }): void {
  into.found += found.length;
  into.gold += gold.length;
  into.correctFound += paired.length;
  const spans = found.map((f) => f.content);
  for (const g of gold) {
    const length = g.fragments.reduce((n, piece) => n + piece[1] - piece[0], 0);
    const covered = g.fragments.reduce((n, piece) => n + inside(piece, spans), 0);
    if (covered >= 0.5 * length) into.correctGold++;
  }
}

function lastWord(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words[words.length - 1] ?? '';
}

/** The speaker is right when it is the labeled source, or names the same person (same last word). */
function speakerRight(text: string, speaker: Found['speaker'], source: Span): boolean {
  if (!speaker) return false;
  if (speaker.span && overlap(speaker.span, source) > 0) return true;
  return lastWord(speaker.name) !== '' && lastWord(speaker.name) === lastWord(text.slice(source[0], source[1]));
}

export function evaluateQuotes(): QuoteEvaluation[] {
  const docs = readPolnear(join(SHARED_DATA, 'quotes/en-polnear'));
  const systems: [string, (text: string, a: AnalyzedArticle) => Found[]][] = [
    ['Parallax', parallaxQuotes],
    ['quote-mark baseline', quoteMarkBaseline],
  ];
  const analyzed = docs.map((d) => analyze(d.text, d.name));
  return systems.map(([name, find]) => {
    const direct: Tally = { found: 0, gold: 0, correctFound: 0, correctGold: 0 };
    const all: Tally = { found: 0, gold: 0, correctFound: 0, correctGold: 0 };
    const exact: Tally = { found: 0, gold: 0, correctFound: 0, correctGold: 0 };
    let speakers = 0;
    let speakersRight = 0;
    let cues = 0;
    let cuesRight = 0;
    docs.forEach((doc, i) => {
      const found = find(doc.text, analyzed[i]);
      const directFound = found.filter((f) => f.direct);
      const directGold = doc.gold.filter((g) => g.direct);
      const directPairs = pairs(directFound, directGold);
      tally(directFound, directGold, directPairs, direct);
      for (const [f, g] of directPairs) {
        if (!g.source) continue;
        speakers++;
        if (speakerRight(doc.text, f.speaker, g.source)) speakersRight++;
      }
      const allPairs = pairs(found, doc.gold);
      tally(found, doc.gold, allPairs, all);
      const exactPairs = allPairs.filter(([f, g]) => g.fragments.some((piece) => piece[0] === f.content[0] && piece[1] === f.content[1]));
      exact.found += found.length;
      exact.gold += doc.gold.length;
      exact.correctFound += exactPairs.length;
      exact.correctGold += new Set(exactPairs.map((p) => p[1])).size;
      for (const [f, g] of allPairs) {
        if (!g.cue) continue;
        cues++;
        if (f.cue && overlap(f.cue, g.cue) > 0) cuesRight++;
      }
    });
    return {
      system: name,
      direct: score(direct),
      speakerAccuracy: speakers ? speakersRight / speakers : 0,
      cueAccuracy: cues ? cuesRight / cues : 0,
      all: score(all),
      allExact: score(exact),
    };
  });
}
