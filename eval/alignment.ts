import { resolve } from 'node:path';
import { DATA, readJsonl, type SourceRecord } from '../bench/corpus.js';
import { compareStory } from '../src/compare/compare.js';
import { foldNested } from '../src/compare/quotes.js';
import type { AnalyzedArticle, Claim, Quote } from '../src/model/types.js';
import { processDocument } from '../src/pipeline.js';

/**
 * Cross-lingual alignment on xling-wmt, where each story is an article and its human translation(s): every quote
 * and numeric claim in one version has a counterpart in the other. The counterpart is not labeled, so it is
 * derived from what a translation preserves: order (quotes at the same relative place, matched mutually nearest)
 * and figures (claims with the same values, nearest place among those). Items without such a counterpart are left
 * out; what counts is whether alignment puts each pair in one group, and how often it puts an item with another.
 */

export interface AlignmentScore {
  pair: string;
  stories: number;
  quotes: Tally;
  /** The same with counterparts by position alone (any length), as measured before: shown for comparison. */
  quotesByPosition: Tally;
  claims: Tally;
}

export interface Tally {
  pairs: number;
  correct: number;
  /** Aligned, but to another item of the other version. */
  wrong: number;
}

/** Pairs whose relative positions differ by more than this are not counterparts. */
const MAX_SHIFT = 0.12;

/**
 * A quote and its translation differ in length by far less than this factor (characters; the languages here write
 * about as many characters per statement). Without it, where one version has more quotes found than the other, the
 * nearest by position was often another statement ("segja til um það" against a two-sentence quote), and correct
 * alignments counted as wrong ones.
 */
const MAX_LENGTH_RATIO = 3;

interface Placed<T> {
  item: T;
  at: number;
  key: string;
  /** Characters of the item's text. */
  length: number;
}

/** Mutually nearest items by relative position, among those with the same key and a comparable length. */
function counterparts<T>(a: Placed<T>[], b: Placed<T>[], lengthRatio = MAX_LENGTH_RATIO): [T, T][] {
  const comparable = (x: Placed<unknown>, y: Placed<unknown>) => Math.max(x.length, y.length) <= lengthRatio * Math.max(1, Math.min(x.length, y.length));
  const nearest = <X, Y>(x: Placed<X>, ys: Placed<Y>[]) =>
    ys.filter((y) => y.key === x.key && comparable(x, y)).sort((p, q) => Math.abs(p.at - x.at) - Math.abs(q.at - x.at))[0];
  const out: [T, T][] = [];
  for (const x of a) {
    const y = nearest(x, b);
    if (!y || Math.abs(y.at - x.at) > MAX_SHIFT || nearest(y, a) !== x) continue;
    out.push([x.item, y.item]);
  }
  return out;
}

function analyze(r: SourceRecord): AnalyzedArticle | null {
  try {
    return processDocument({ source: r.id, format: 'text', content: r.text, meta: { id: r.id, title: r.title, lang: r.lang, url: r.url }, fetchedAt: '2024-01-01T00:00:00.000Z' });
  } catch {
    return null;
  }
}

const valueKey = (c: Claim) => c.values.map((v) => `${v.value}`).sort().join('|');

export function evaluateAlignment(): AlignmentScore[] {
  const records = readJsonl(resolve(DATA, 'clustering/xling-wmt/articles.jsonl'));
  const byStory = new Map<string, SourceRecord[]>();
  for (const r of records) byStory.set(r.story!, [...(byStory.get(r.story!) ?? []), r]);
  const scores = new Map<string, AlignmentScore>();
  for (const [story, members] of byStory) {
    const analyzed = members.map(analyze).filter((a): a is AnalyzedArticle => a !== null);
    if (analyzed.length < 2) continue;
    const comparison = compareStory({ id: story, title: story }, analyzed);
    const quoteGroup = new Map<string, number>();
    comparison.quotes.forEach((g, i) => g.variants.forEach((v) => quoteGroup.set(`${v.article}:${v.span[0]}`, i)));
    const factGroup = new Map<string, number>();
    comparison.facts.forEach((f, i) => f.support.forEach((s) => factGroup.set(`${s.article}:${s.span[0]}`, i)));
    for (let i = 0; i < analyzed.length; i++) {
      for (let j = i + 1; j < analyzed.length; j++) {
        const [a, b] = [analyzed[i], analyzed[j]].sort((x, y) => x.article.lang.localeCompare(y.article.lang));
        const pair = `${a.article.lang}-${b.article.lang}`;
        const score = scores.get(pair) ?? { pair, stories: 0, quotes: { pairs: 0, correct: 0, wrong: 0 }, quotesByPosition: { pairs: 0, correct: 0, wrong: 0 }, claims: { pairs: 0, correct: 0, wrong: 0 } };
        scores.set(pair, score);
        score.stories++;
        const placeQuote = (x: AnalyzedArticle) => foldNested(x.quotes).map((q) => ({ item: { article: x.article.id, q }, at: q.span[0] / x.doc.text.length, key: '', length: q.text.length }));
        tally(score.quotes, counterparts(placeQuote(a), placeQuote(b)), quoteGroup, b.article.id);
        tally(score.quotesByPosition, counterparts(placeQuote(a), placeQuote(b), Infinity), quoteGroup, b.article.id);
        const placeClaim = (x: AnalyzedArticle) =>
          x.claims.filter((c) => c.values.length > 0).map((c) => ({ item: { article: x.article.id, q: c }, at: c.span[0] / x.doc.text.length, key: valueKey(c), length: 1 }));
        tally(score.claims, counterparts(placeClaim(a), placeClaim(b)), factGroup, b.article.id);
      }
    }
  }
  return [...scores.values()].sort((x, y) => y.stories - x.stories);
}

function tally(t: Tally, pairs: [{ article: string; q: Quote | Claim }, { article: string; q: Quote | Claim }][], group: Map<string, number>, other: string): void {
  const members = new Map<number, string[]>();
  for (const [key, g] of group) members.set(g, [...(members.get(g) ?? []), key]);
  for (const [x, y] of pairs) {
    t.pairs++;
    const gx = group.get(`${x.article}:${x.q.span[0]}`);
    const gy = group.get(`${y.article}:${y.q.span[0]}`);
    if (gx !== undefined && gx === gy) t.correct++;
    else if (gx !== undefined && (members.get(gx) ?? []).some((k) => k.startsWith(`${other}:`))) t.wrong++;
  }
}
