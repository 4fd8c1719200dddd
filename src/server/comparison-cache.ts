import { compareStory } from '../compare/compare.js';
import type { Comparison } from '../model/comparison.js';
import type { Store } from '../store/store.js';

/**
 * Comparisons computed on demand and kept while their story is unchanged: the key holds the story's size and
 * last activity, so a story that grows is compared afresh. Least recently used entries go first.
 */
export class ComparisonCache {
  private readonly entries = new Map<string, Comparison>();

  constructor(
    private readonly store: Store,
    private readonly capacity = 64,
  ) {}

  async get(storyId: string): Promise<Comparison | null> {
    const story = await this.store.getStory(storyId);
    if (!story) return null;
    const key = `${story.id}|${story.articles.length}|${story.lastSeen}`;
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const comparison = compareStory(story, await this.store.storyArticles(story.id));
    this.entries.set(key, comparison);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return comparison;
  }
}
