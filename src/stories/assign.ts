import type { AnalyzedArticle } from '../model/types.js';
import type { Store } from '../store/store.js';
import { articleVector, chooseStory, growStory, startStory, windowStart, type StoryState } from './cluster.js';

/** SimHash bits within which two articles are the same copy (syndicated text with small edits). */
export const NEAR_DUPLICATE_BITS = 3;
/** Active stories compared against each new article. */
const CANDIDATE_STORIES = 500;

/** Parsed story states kept between articles, so each centroid is read from the store once, not per article. */
export class StoryWindow {
  private readonly states = new Map<string, StoryState>();

  constructor(private readonly capacity = 5000) {}

  async candidates(store: Store, since: string): Promise<StoryState[]> {
    const active = await store.activeStoryIds(since, CANDIDATE_STORIES);
    const stale = active.filter((a) => this.states.get(a.id)?.lastSeen !== a.lastSeen).map((a) => a.id);
    for (const state of stale.length ? await store.storyStates(stale) : []) this.remember(state);
    return active.map((a) => this.states.get(a.id)).filter((s): s is StoryState => s !== undefined);
  }

  remember(state: StoryState): void {
    this.states.delete(state.id);
    this.states.set(state.id, state);
    if (this.states.size > this.capacity) this.states.delete(this.states.keys().next().value as string);
  }
}

export interface StoryDecision {
  story: StoryState;
  created: boolean;
  duplicateOf: string | null;
}

/**
 * Where a new article belongs: with its original when it is a duplicate, else in the most similar active story,
 * else in a story of its own.
 */
export async function decideStory(store: Store, analyzed: AnalyzedArticle, window: StoryWindow = new StoryWindow()): Promise<StoryDecision> {
  const { article } = analyzed;
  const at = article.publishedAt ?? article.ingestedAt;
  const vector = articleVector(analyzed);
  const duplicateOf = await store.findDuplicate(article.contentHash, article.fingerprint, NEAR_DUPLICATE_BITS);
  if (duplicateOf) {
    const story = await store.storyOf(duplicateOf);
    if (story) return { story: growStory(story, analyzed, vector, at), created: false, duplicateOf };
  }
  const candidates = await window.candidates(store, windowStart(at));
  const choice = chooseStory(vector, candidates);
  const joined = candidates.find((s) => s.id === choice.storyId);
  if (joined) return { story: growStory(joined, analyzed, vector, at), created: false, duplicateOf: null };
  return { story: startStory(analyzed, vector, at), created: true, duplicateOf: null };
}
