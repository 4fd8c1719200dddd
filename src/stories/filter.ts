import type { StorySummary } from '../store/store.js';

export interface StoryFilter {
  /** Keep stories with at least one article in this language. */
  lang?: string;
  /** Keep stories active at or after this time (ISO 8601). */
  since?: string;
  /** Keep stories that started at or before this time. */
  until?: string;
  /** Keep stories whose ids are in this set (e.g. those mentioning an entity). */
  ids?: Set<string>;
  /** Keep stories with at least this many independent sources (duplicates do not count). */
  minSources?: number;
  sort?: 'size' | 'recent';
  limit?: number;
}

/** Independent sources of a story: its articles that are not copies of another. */
export function independentSources(story: StorySummary): number {
  return story.articles.filter((a) => !a.duplicateOf).length;
}

/** The stories a reader asked for, in the order asked for. */
export function filterStories(stories: StorySummary[], filter: StoryFilter): StorySummary[] {
  const kept = stories.filter(
    (s) =>
      (!filter.lang || s.articles.some((a) => a.lang === filter.lang)) &&
      (!filter.since || s.lastSeen >= filter.since) &&
      (!filter.until || s.firstSeen <= filter.until) &&
      (!filter.ids || filter.ids.has(s.id)) &&
      (filter.minSources === undefined || independentSources(s) >= filter.minSources),
  );
  const sorted =
    filter.sort === 'size'
      ? [...kept].sort((a, b) => independentSources(b) - independentSources(a) || b.lastSeen.localeCompare(a.lastSeen))
      : [...kept].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen) || a.id.localeCompare(b.id));
  return filter.limit === undefined ? sorted : sorted.slice(0, filter.limit);
}
