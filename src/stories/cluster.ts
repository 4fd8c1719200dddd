import type { AnalyzedArticle, Story } from '../model/types.js';
import { foldedNameKey } from '../analyze/names.js';
import { shortHash } from './fingerprint.js';
import { scoringCosine, toScoringVector, type ScoringVector } from './scoring-vector.js';

export type FeatureVector = Record<string, number>;

/** What clustering keeps of a story between articles (the Story record). */
export type StoryState = Story;

/** Weights of feature kinds: named things cross languages and identify events better than common words. */
const WEIGHTS = { person: 3, organization: 2.5, location: 2, event: 2.5, other: 1, country: 1, term: 1.5, number: 2 } as const;
const JOIN_THRESHOLD = 0.18;
/**
 * Two stories whose centroids are this similar are one: typically the first reports of an event split between two
 * stories (an early article too short to join), which the articles arriving later bridge. Well above the join
 * threshold, since a centroid is broader than an article.
 */
const MERGE_THRESHOLD = 0.35;
const CENTROID_FEATURES = 400;
/** Stories inactive for longer than this stop taking new articles. */
export const STORY_WINDOW_DAYS = 7;

/** The article as a unit-length feature vector: entity ids, content stems and the figures it states. */
export function articleVector(a: AnalyzedArticle): FeatureVector {
  // Summed in a Map, turned into an object once: adding hundreds of keys to an object one by one cost more.
  const vector = new Map<string, number>();
  const add = (key: string, weight: number) => vector.set(key, (vector.get(key) ?? 0) + weight);
  const types = new Map(a.entities.map((e) => [e.id, e.type]));
  // A one-word name of no known type ("Euro", "Windows", "Oscar") names a topic more than an event: stories about
  // different events share it.
  const topical = new Set(a.entities.filter((e) => e.type === 'other' && !/\s/u.test(e.name.trim())).map((e) => e.id));
  const counts = new Map<string, number>();
  for (const m of a.mentions) if (!topical.has(m.entity)) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  for (const [entity, count] of counts) add(entityFeature(entity), WEIGHTS[types.get(entity) ?? 'other'] * (1 + Math.log(count)));
  // A word with several translations counts a fraction to each of them.
  for (const [term, count] of Object.entries(a.terms)) add(`t:${term}`, WEIGHTS.term * (count >= 1 ? 1 + Math.log(count) : count));
  for (const claim of a.claims) {
    for (const v of claim.values) if (v.unit !== 'year' && v.value >= 10) add(`n:${v.value}`, WEIGHTS.number);
  }
  let norm = 0;
  for (const w of vector.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  const out: FeatureVector = {};
  for (const [key, w] of vector) out[key] = w / norm;
  return out;
}

/**
 * An entity as a clustering feature: countries by code; names by their skeleton without case endings and without
 * the type, which taggers in different languages assign differently ("Иркутске" as a place, "Irkutsk" as an
 * organization).
 */
function entityFeature(id: string): string {
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon);
  return kind === 'country' ? `e:${id}` : `e:${foldedNameKey(id.slice(colon + 1))}`;
}

export interface Assignment {
  storyId: string | null;
  score: number;
}

/** A story as scoring sees it: its id and its centroid as a scoring vector. */
export interface StoryCandidate {
  readonly id: string;
  readonly vector: ScoringVector;
}

export function candidateOf(story: StoryState): StoryCandidate {
  return { id: story.id, vector: toScoringVector(story.centroid) };
}

/** The best story for an article among the active ones, or null when none is similar enough to join. */
export function chooseStory(vector: FeatureVector, candidates: readonly StoryCandidate[]): Assignment {
  const article = toScoringVector(vector);
  let best: Assignment = { storyId: null, score: 0 };
  for (const story of candidates) {
    const score = scoringCosine(article, story.vector);
    if (score > best.score) best = { storyId: story.id, score };
  }
  return best.score >= JOIN_THRESHOLD ? best : { storyId: null, score: best.score };
}

/** The story among `others` that `story` has become one with (centroids at least MERGE_THRESHOLD alike), if any. */
export function storyToMerge(story: StoryState, others: readonly StoryCandidate[]): StoryCandidate | null {
  const vector = toScoringVector(story.centroid);
  let best: StoryCandidate | null = null;
  let bestScore = MERGE_THRESHOLD;
  for (const other of others) {
    if (other.id === story.id) continue;
    const score = scoringCosine(vector, other.vector);
    if (score >= bestScore) [best, bestScore] = [other, score];
  }
  return best;
}

/**
 * Two stories as one. The larger keeps its id (ties: the older), so that most links stay as they are; the other id
 * is recorded as merged into it.
 */
export function mergeStories(a: StoryState, b: StoryState): { story: StoryState; absorbed: string } {
  const [keep, absorbed] = a.size > b.size || (a.size === b.size && a.firstSeen <= b.firstSeen) ? [a, b] : [b, a];
  return {
    story: {
      ...keep,
      firstSeen: absorbed.firstSeen < keep.firstSeen ? absorbed.firstSeen : keep.firstSeen,
      lastSeen: absorbed.lastSeen > keep.lastSeen ? absorbed.lastSeen : keep.lastSeen,
      size: keep.size + absorbed.size,
      languages: [...new Set([...keep.languages, ...absorbed.languages])],
      centroid: prunedSum(keep.centroid, absorbed.centroid, CENTROID_FEATURES),
    },
    absorbed: absorbed.id,
  };
}

/** A new story seeded by its first article. */
export function startStory(a: AnalyzedArticle, vector: FeatureVector, at: string): StoryState {
  return {
    id: `s-${shortHash(`story:${a.article.id}`, 12)}`,
    title: a.article.title,
    firstSeen: at,
    lastSeen: at,
    size: 1,
    languages: [a.article.lang],
    // The article's weighted vector is made for this decision and never changed after: the story may hold it as is.
    centroid: vector,
  };
}

/** The story after an article joins it. */
export function growStory(story: StoryState, a: AnalyzedArticle, vector: FeatureVector, at: string): StoryState {
  return {
    ...story,
    firstSeen: at < story.firstSeen ? at : story.firstSeen,
    lastSeen: at > story.lastSeen ? at : story.lastSeen,
    size: story.size + 1,
    languages: story.languages.includes(a.article.lang) ? story.languages : [...story.languages, a.article.lang],
    centroid: prunedSum(story.centroid, vector, CENTROID_FEATURES),
  };
}

/** The earliest moment a story must have been active at for an article published at `at` to join it. */
export function windowStart(at: string): string {
  return new Date(Date.parse(at) - STORY_WINDOW_DAYS * 86_400_000).toISOString();
}

/**
 * The sum of two vectors, keeping its `keep` features of largest weight in the sum's order (a's features, then b's
 * new ones); of features tied at the smallest weight kept, the first ones. Summed in a Map: copying and growing an
 * object of hundreds of keys cost three times as much, and this runs for every article placed.
 */
function prunedSum(a: FeatureVector, b: FeatureVector, keep: number): FeatureVector {
  const sum = new Map<string, number>();
  for (const key in a) sum.set(key, a[key]);
  for (const key in b) sum.set(key, (sum.get(key) ?? 0) + b[key]);
  if (sum.size <= keep) return Object.fromEntries(sum);
  const keys: string[] = [];
  const weights = new Float64Array(sum.size);
  for (const [key, w] of sum) weights[keys.push(key) - 1] = w;
  const out: FeatureVector = {};
  for (const i of strongestPositions(weights, keep)) out[keys[i]] = weights[i];
  return out;
}

/**
 * The `n` features of largest weight, in the vector's own order; of features tied at the smallest weight kept, the
 * first ones.
 */
export function strongestFeatures(vector: FeatureVector, n: number): string[] {
  const keys = Object.keys(vector);
  if (keys.length <= n) return keys;
  const weights = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) weights[i] = vector[keys[i]];
  return strongestPositions(weights, n).map((i) => keys[i]);
}

/**
 * Positions of the `n` largest weights, in order; of weights tied at the smallest kept, the first ones. The n-th
 * largest weight is found by sorting the weights alone, a fast numeric sort.
 */
function strongestPositions(weights: Float64Array, n: number): number[] {
  if (n <= 0) return [];
  if (weights.length <= n) return Array.from(weights.keys());
  const smallestKept = weights.slice().sort()[weights.length - n];
  let above = 0;
  for (const w of weights) if (w > smallestKept) above++;
  let tiedRoom = n - above;
  const out: number[] = [];
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] > smallestKept || (weights[i] === smallestKept && tiedRoom-- > 0)) out.push(i);
  }
  return out;
}
