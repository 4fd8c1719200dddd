import type { AnalyzedArticle } from '../model/types.js';
import type { Store } from '../store/store.js';
import { DocumentFrequencies } from './idf.js';
import { articleVector, candidateOf, chooseStory, growStory, mergeStories, startStory, storyToMerge, windowStart, DORMANT_DAYS, type StoryCandidate, type StoryState } from './cluster.js';
import { strongestKeys, type ScoringVector } from './scoring-vector.js';

/** SimHash bits within which two articles are the same copy (syndicated text with small edits). */
export const NEAR_DUPLICATE_BITS = 3;
/** Active stories compared against each new article. */
const CANDIDATE_STORIES = 500;

/** Features of a story's centroid that index it, and of an article that look it up. */
const INDEXED_STORY_FEATURES = 60;
const QUERY_ARTICLE_FEATURES = 40;
/** A feature shared by more stories than this ("said", a frequent country) does not tell stories apart. */
const MAX_POSTING = 100;
/** Candidate stories scored in full per article. */
const SCORED_CANDIDATES = 64;

/**
 * The active stories as scoring needs them, kept between articles, with an inverted index from each story's
 * strongest features to the story: an article is scored only against stories that share one of its strongest
 * features, and each centroid is read from the store once, not per article. Only the scoring form of a centroid is
 * kept (see ScoringVector); the story an article joins is read whole from the store.
 */
export class StoryWindow {
  private readonly entries = new Map<string, WindowEntry>();
  private readonly postings = new Map<number, Set<string>>();

  /** Stories kept; a few times the candidates listed per article, so that the active ones stay. */
  constructor(private readonly capacity = 4 * CANDIDATE_STORIES) {}

  async candidates(store: Store, since: string, vector: ScoringVector): Promise<StoryCandidate[]> {
    const active = await store.activeStoryIds(since, CANDIDATE_STORIES);
    // A story another process grew since it was cached is re-read: its size changes with every article, while its
    // last activity may not (an older article joining).
    const stale = active.filter((a) => {
      const cached = this.entries.get(a.id);
      return !cached || cached.lastSeen !== a.lastSeen || cached.size !== a.size;
    }).map((a) => a.id);
    for (const state of stale.length ? await store.storyStates(stale) : []) this.remember(state);
    const activeIds = new Set(active.map((a) => a.id));
    const shared = new Map<string, number>();
    for (const feature of strongestKeys(vector, QUERY_ARTICLE_FEATURES)) {
      const ids = this.postings.get(feature);
      if (!ids || ids.size > MAX_POSTING) continue;
      for (const id of ids) if (activeIds.has(id)) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    // The stories sharing most of the article's strongest features: scoring every story that shares one of them
    // was the costliest step of the decision, and a story sharing one feature of forty is not the article's.
    const ranked = [...shared.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, SCORED_CANDIDATES);
    return ranked.map(([id]) => this.entries.get(id)!);
  }

  remember(state: StoryState): void {
    this.forget(state.id);
    const indexed = strongestKeys(state.centroid, INDEXED_STORY_FEATURES);
    this.entries.set(state.id, { ...candidateOf(state), size: state.size, indexed });
    for (const f of indexed) {
      let ids = this.postings.get(f);
      if (!ids) this.postings.set(f, (ids = new Set()));
      ids.add(state.id);
    }
    // The least recently remembered goes: Map keeps insertion order, and a grown story is inserted anew.
    if (this.entries.size > this.capacity) this.forget(this.entries.keys().next().value as string);
  }

  forget(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    for (const f of entry.indexed) {
      const ids = this.postings.get(f);
      ids?.delete(id);
      if (ids?.size === 0) this.postings.delete(f);
    }
  }
}

interface WindowEntry extends StoryCandidate {
  size: number;
  /** The feature hashes under which the story is in the inverted index. */
  indexed: number[];
}


export interface StoryDecision {
  story: StoryState;
  created: boolean;
  duplicateOf: string | null;
  /** A story that turned out to be the same as `story` and is merged into it with this article. */
  absorbed: string | null;
  /** The article's clustering features, to be counted into the document frequencies when it is stored. */
  features: string[];
}

/**
 * Where a new article belongs: with its original when it is a duplicate, else in the most similar active story
 * (merged with another active story when the grown story has become one with it), else in a story of its own.
 */
export async function decideStory(store: Store, analyzed: AnalyzedArticle, window: StoryWindow = new StoryWindow()): Promise<StoryDecision> {
  const { article } = analyzed;
  const at = article.publishedAt ?? article.ingestedAt;
  const raw = articleVector(analyzed);
  const features = [...raw.keys()];
  const frequencies = await store.documentFrequencies(features);
  // Weighed as if this article were already counted, as streaming TF-IDF does.
  const df = new DocumentFrequencies(frequencies.counts, frequencies.documents + 1, 1);
  const vector = df.weighForScoring(raw);
  const duplicateOf = await store.findDuplicate(article.contentHash, article.fingerprint, NEAR_DUPLICATE_BITS);
  if (duplicateOf) {
    const story = await store.storyOf(duplicateOf);
    if (story) return { story: growStory(story, analyzed, vector, at), created: false, duplicateOf, absorbed: null, features };
  }
  const candidates = await window.candidates(store, windowStart(at, DORMANT_DAYS), vector);
  const choice = chooseStory(vector, candidates, at);
  // Read whole from the store only now: the story the article joins, and one it may merge with. Another process may
  // have merged it away in between; the article then starts a story of its own.
  const [joined] = choice.storyId ? await store.storyStates([choice.storyId]) : [];
  if (joined) {
    const grown = growStory(joined, analyzed, vector, at);
    // The article may be what shows that its story and another are one event.
    const other = storyToMerge(grown, candidates);
    const [otherState] = other ? await store.storyStates([other.id]) : [];
    if (!otherState) return { story: grown, created: false, duplicateOf: null, absorbed: null, features };
    const merged = mergeStories(grown, otherState);
    return { story: merged.story, created: false, duplicateOf: null, absorbed: merged.absorbed, features };
  }
  return { story: startStory(analyzed, vector, at), created: true, duplicateOf: null, absorbed: null, features };
}
