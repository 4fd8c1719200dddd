import { resolve } from 'node:path';
import { DATA, readJsonl, type SourceRecord } from '../bench/corpus.js';
import { processDocument } from '../src/pipeline.js';
import { articleVector, chooseStory, growStory, startStory, type FeatureVector, type StoryState } from '../src/stories/cluster.js';
import { bcubed } from './bcubed.js';
import { DocumentFrequencies } from '../src/stories/idf.js';

/**
 * The baseline's join threshold (TF-IDF cosine to a story centroid): 0.2 reproduces the reference figures in
 * ../shared/data/README.md (≈ 0.95 F1 on en-giveme5w1h, ≈ 0.66 on xling-wmt with precision 0.93 / recall 0.52).
 */
const BASELINE_THRESHOLD = 0.2;

export interface ClusteringScore {
  set: string;
  articles: number;
  stories: number;
  system: { precision: number; recall: number; f1: number };
  baseline: { precision: number; recall: number; f1: number };
}

/** Parallax's streaming story assignment, in arrival order, with every article "now" (the sets have no dates). */
function clusterWithParallax(records: SourceRecord[]): string[] {
  const stories: StoryState[] = [];
  const at = '2024-01-01T00:00:00.000Z';
  const df = new DocumentFrequencies();
  return records.map((r, i) => {
    let analyzed;
    try {
      analyzed = processDocument({ source: r.id, format: 'text', content: r.text, meta: { title: r.title, lang: r.lang ?? undefined, url: r.url }, fetchedAt: at });
    } catch {
      return `unusable-${i}`; // No article text (e.g. only a copyright notice): a story of its own, counted against recall.
    }
    const raw = articleVector(analyzed);
    df.add(raw);
    const vector = df.weigh(raw);
    const choice = chooseStory(vector, stories);
    const index = stories.findIndex((s) => s.id === choice.storyId);
    if (index >= 0) {
      stories[index] = growStory(stories[index], analyzed, vector, at);
      return stories[index].id;
    }
    const story = { ...startStory(analyzed, vector, at), id: `s${i}` };
    stories.push(story);
    return story.id;
  });
}

/** Baseline: TF-IDF over lower-cased words, streaming assignment to the nearest centroid, no translation. */
export function clusterWithTfIdf(records: SourceRecord[], threshold = BASELINE_THRESHOLD): string[] {
  const docs = records.map((r) => (`${r.title} ${r.text}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2));
  const df = new Map<string, number>();
  for (const words of docs) for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
  const vectors = docs.map((words) => {
    const tf = new Map<string, number>();
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v: FeatureVector = {};
    let norm = 0;
    for (const [w, n] of tf) {
      v[w] = (1 + Math.log(n)) * Math.log(docs.length / df.get(w)!);
      norm += v[w] ** 2;
    }
    for (const w in v) v[w] /= Math.sqrt(norm) || 1;
    return v;
  });
  const centroids: { id: string; sum: FeatureVector; norm: number }[] = [];
  return vectors.map((v, i) => {
    let best = -1;
    let bestScore = 0;
    centroids.forEach((c, k) => {
      let dot = 0;
      for (const w in v) if (c.sum[w] !== undefined) dot += v[w] * c.sum[w];
      const score = dot / (c.norm || 1);
      if (score > bestScore) [best, bestScore] = [k, score];
    });
    if (best >= 0 && bestScore >= threshold) {
      const c = centroids[best];
      for (const w in v) c.sum[w] = (c.sum[w] ?? 0) + v[w];
      c.norm = Math.sqrt(Object.values(c.sum).reduce((s, x) => s + x * x, 0));
      return c.id;
    }
    centroids.push({ id: `b${i}`, sum: { ...v }, norm: 1 });
    return `b${i}`;
  });
}

export function evaluateClustering(): ClusteringScore[] {
  const sets: [string, SourceRecord[]][] = [
    ['en-giveme5w1h', readJsonl(resolve(DATA, 'clustering/en-giveme5w1h/articles.jsonl'))],
    ['xling-wmt', readJsonl(resolve(DATA, 'clustering/xling-wmt/articles.jsonl'))],
  ];
  const englishWmt = sets[1][1].filter((r) => r.lang === 'en');
  sets.push(['xling-wmt (English only)', englishWmt]);
  return sets.map(([set, records]) => {
    const usable = records.filter((r) => r.text && r.text.trim());
    const gold = usable.map((r) => String(r.story));
    return {
      set,
      articles: usable.length,
      stories: new Set(gold).size,
      system: bcubed(clusterWithParallax(usable), gold),
      baseline: bcubed(clusterWithTfIdf(usable), gold),
    };
  });
}
