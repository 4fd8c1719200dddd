import type { StorySummary } from '../store/store.js';

/** Independent sources of a story: its articles that are not copies of another. */
export function independentSources(story: Pick<StorySummary, 'articles'>): number {
  return story.articles.filter((a) => !a.duplicateOf).length;
}
