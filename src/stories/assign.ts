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
  /** Feature hash → the stories indexed under it: entries, not ids, so that a look-up reads no other map. */
  private readonly postings = new Map<number, Set<WindowEntry>>();
  /** Counts calls of `candidates`: an entry whose `activeIn` equals it is among the active stories of this call. */
  private calls = 0;

  /** Stories kept; a few times the candidates listed per article, so that the active ones stay. */
  constructor(private readonly capacity = 4 * CANDIDATE_STORIES) {}

  async candidates(store: Store, since: string, vector: ScoringVector): Promise<WindowCandidate[]> {
    const active = await store.activeStoryIds(since, CANDIDATE_STORIES);
    const call = ++this.calls;
    // A story another process grew since it was cached is re-read. Its size grows with every change (an article
    // joining, a merge), while its last activity may not (an older article joining): the size alone tells.
    const stale: string[] = [];
    for (const a of active) {
      const cached = this.entries.get(a.id);
      if (cached && cached.size === a.size) cached.activeIn = call;
      else stale.push(a.id);
    }
    for (const state of stale.length ? await store.storyStates(stale) : []) this.remember(state).activeIn = call;
    const shared = new Map<WindowEntry, number>();
    for (const feature of strongestKeys(vector, QUERY_ARTICLE_FEATURES)) {
      const indexed = this.postings.get(feature);
      if (!indexed || indexed.size > MAX_POSTING) continue;
      for (const entry of indexed) if (entry.activeIn === call) shared.set(entry, (shared.get(entry) ?? 0) + 1);
    }
    // The stories sharing most of the article's strongest features: scoring every story that shares one of them
    // was the costliest step of the decision, and a story sharing one feature of forty is not the article's.
    const ranked = [...shared.entries()].sort((a, b) => b[1] - a[1] || (a[0].id < b[0].id ? -1 : 1)).slice(0, SCORED_CANDIDATES);
    return ranked.map(([entry]) => entry);
  }

  remember(state: StoryState): WindowEntry {
    this.forget(state.id);
    const indexed = strongestKeys(state.centroid, INDEXED_STORY_FEATURES);
    const entry: WindowEntry = { ...candidateOf(state), state, size: state.size, indexed, activeIn: 0 };
    this.entries.set(state.id, entry);
    for (const f of indexed) {
      let stories = this.postings.get(f);
      if (!stories) this.postings.set(f, (stories = new Set()));
      stories.add(entry);
    }
    // The least recently remembered goes: Map keeps insertion order, and a grown story is inserted anew.
    if (this.entries.size > this.capacity) this.forget(this.entries.keys().next().value as string);
    return entry;
  }

  forget(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    for (const f of entry.indexed) {
      const stories = this.postings.get(f);
      stories?.delete(entry);
      if (stories?.size === 0) this.postings.delete(f);
    }
  }
}

/** A candidate story with its whole state, as the store had it when `candidates` checked its size. */
export interface WindowCandidate extends StoryCandidate {
  readonly state: StoryState;
}

interface WindowEntry extends WindowCandidate {
  size: number;
  /** The feature hashes under which the story is in the inverted index. */
  indexed: number[];
  /** The call of `candidates` that last found the story active. */
  activeIn: number;
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
  // The candidates' states are as the store had them moments ago, when the window checked their sizes against the
  // active stories: reading the chosen one again cost a twentieth of the decision.
  const joined = candidates.find((c) => c.id === choice.storyId);
  if (joined) {
    const grown = growStory(joined.state, analyzed, vector, at);
    // The article may be what shows that its story and another are one event.
    const other = storyToMerge(grown, candidates);
    if (!other) return { story: grown, created: false, duplicateOf: null, absorbed: null, features };
    const merged = mergeStories(grown, other.state);
    return { story: merged.story, created: false, duplicateOf: null, absorbed: merged.absorbed, features };
  }
  return { story: startStory(analyzed, vector, at), created: true, duplicateOf: null, absorbed: null, features };
}
