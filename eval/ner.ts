import { recognizeEntities } from '../src/analyze/entities.js';
import { nerModel } from '../src/analyze/ner/models.js';
import type { EntityType, Mention } from '../src/model/types.js';
import { buildTextDoc } from '../src/text/build-doc.js';
import { tagDocument, tagsToSpans, type NerType, type TaggedDocument } from '../src/analyze/ner/tagger.js';
import { nerEvaluationSets } from './ner-data.js';

/**
 * Named entities, scored as CoNLL's conlleval does: an entity counts when its tokens and its type both match.
 * The baseline is the classic one of the CoNLL shared task (Tjong Kim Sang & De Meulder 2003): tag a token
 * sequence only if it was seen as an entity, with that type, in the training data — here computed from our own
 * training part so that the gain of the statistical tagger is visible in the same run.
 */

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

export interface NerEvaluation {
  set: string;
  lang: string;
  documents: number;
  entities: number;
  mapping: string;
  tagger: Score | null;
  /** The analysis as articles get it: rule-found name runs typed by the tagger, read from the detokenized text. */
  analysis: Score;
  perType: Partial<Record<NerType, Score>>;
  baseline: Score;
}

interface Counts {
  found: number;
  gold: number;
  correct: number;
}

function score(c: Counts): Score {
  const precision = c.found ? c.correct / c.found : 0;
  const recall = c.gold ? c.correct / c.gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

function keys(tags: string[]): string[] {
  return tagsToSpans(tags).map((s) => `${s.start}:${s.end}:${s.type}`);
}

function count(gold: string[][], predicted: string[][], counts: Counts, perType?: Map<string, Counts>): void {
  gold.forEach((tags, i) => {
    const g = new Set(keys(tags));
    const p = keys(predicted[i]);
    counts.gold += g.size;
    counts.found += p.length;
    for (const k of p) if (g.has(k)) counts.correct++;
    if (!perType) return;
    const byType = (k: string) => {
      const type = k.split(':')[2];
      if (!perType.has(type)) perType.set(type, { found: 0, gold: 0, correct: 0 });
      return perType.get(type)!;
    };
    for (const k of g) byType(k).gold++;
    for (const k of p) {
      byType(k).found++;
      if (g.has(k)) byType(k).correct++;
    }
  });
}

/** Seen-entity baseline: longest token sequences known from training, with their most frequent type. */
export function memorizingTagger(training: TaggedDocument[]): (tokens: string[]) => string[] {
  const typeCounts = new Map<string, Map<string, number>>();
  let longest = 1;
  for (const doc of training) {
    for (const s of doc) {
      for (const span of tagsToSpans(s.tags)) {
        const key = s.tokens.slice(span.start, span.end).join(' ');
        longest = Math.max(longest, span.end - span.start);
        const counts = typeCounts.get(key) ?? new Map<string, number>();
        counts.set(span.type, (counts.get(span.type) ?? 0) + 1);
        typeCounts.set(key, counts);
      }
    }
  }
  const known = new Map<string, string>();
  for (const [key, counts] of typeCounts) known.set(key, [...counts].sort((a, b) => b[1] - a[1])[0][0]);
  return (tokens) => {
    const tags = tokens.map(() => 'O');
    let i = 0;
    while (i < tokens.length) {
      let matched = 0;
      for (let len = Math.min(longest, tokens.length - i); len >= 1 && !matched; len--) {
        const type = known.get(tokens.slice(i, i + len).join(' '));
        if (!type) continue;
        for (let k = 0; k < len; k++) tags[i + k] = `${k === 0 ? 'B' : 'I'}-${type}`;
        matched = len;
      }
      i += matched || 1;
    }
    return tags;
  };
}

export function evaluateNer(trainingSets: Record<string, TaggedDocument[]>): NerEvaluation[] {
  return nerEvaluationSets().map((set) => {
    const model = nerModel(set.lang);
    const baselineTagger = memorizingTagger(trainingSets[set.lang] ?? []);
    const system: Counts = { found: 0, gold: 0, correct: 0 };
    const base: Counts = { found: 0, gold: 0, correct: 0 };
    const analysis: Counts = { found: 0, gold: 0, correct: 0 };
    const perType = new Map<string, Counts>();
    let entities = 0;
    for (const doc of set.documents) {
      const gold = doc.map((s) => s.tags);
      entities += gold.reduce((n, tags) => n + tagsToSpans(tags).length, 0);
      if (model) count(gold, tagDocument(model, doc.map((s) => s.tokens)), system, perType);
      count(gold, doc.map((s) => baselineTagger(s.tokens)), base);
      count(gold, analysisTags(doc, set.lang), analysis);
    }
    return {
      set: set.name,
      lang: set.lang,
      documents: set.documents.length,
      entities,
      mapping: set.mapping,
      tagger: model ? score(system) : null,
      analysis: score(analysis),
      perType: Object.fromEntries([...perType].map(([type, c]) => [type, score(c)])),
      baseline: score(base),
    };
  });
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?)\]}%»“]|'s|n't)$/u;
const NO_SPACE_AFTER = /^[(\[{«„]$/u;

/** Tokens joined back into text as a writer would (no space before a comma), with each token's offset. */
function detokenize(tokens: string[]): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  tokens.forEach((token, i) => {
    if (i > 0 && !NO_SPACE_BEFORE.test(token) && !NO_SPACE_AFTER.test(tokens[i - 1])) text += ' ';
    starts.push(text.length);
    text += token;
  });
  return { text, starts };
}

const GOLD_TYPE: Record<EntityType, string> = { person: 'PER', organization: 'ORG', location: 'LOC', country: 'LOC', event: 'MISC', other: 'MISC' };

function mentionType(m: Mention): string {
  // A demonym ("German officials") names a country in Parallax and is MISC in the CoNLL convention.
  return m.via === 'demonym' ? 'MISC' : GOLD_TYPE[m.type];
}

/** Runs the article analysis on the document, one paragraph per sentence, and reads its mentions back as tags. */
export function analysisTags(doc: TaggedDocument, lang: string): string[][] {
  const sentences = doc.map((s) => detokenize(s.tokens));
  const textDoc = buildTextDoc({
    source: 'eval',
    title: null,
    outlet: null,
    author: null,
    publishedAt: null,
    modifiedAt: null,
    url: null,
    declaredLang: lang,
    metadataSources: {},
    fetchedAt: new Date(0).toISOString(),
    suppliedId: null,
    blocks: sentences.map((s) => ({ role: 'body' as const, text: s.text })),
  });
  const tags = doc.map((s) => s.tokens.map(() => 'O'));
  for (const mention of recognizeEntities(textDoc).mentions) {
    const paragraph = textDoc.paragraphs.find((p) => p.span[0] <= mention.span[0] && mention.span[1] <= p.span[1]);
    if (!paragraph) continue;
    const { starts } = sentences[paragraph.index];
    const from = mention.span[0] - paragraph.span[0];
    const to = mention.span[1] - paragraph.span[0];
    const covered = starts.map((start, k) => ({ k, start })).filter(({ k, start }) => start < to && start + doc[paragraph.index].tokens[k].length > from).map(({ k }) => k);
    const row = tags[paragraph.index];
    if (covered.length === 0 || covered.some((k) => row[k] !== 'O')) continue;
    const type = mentionType(mention);
    covered.forEach((k, n) => (row[k] = `${n === 0 ? 'B' : 'I'}-${type}`));
  }
  return tags;
}
