import { openStore } from '../store/open.js';
import type { StoryQuery } from '../store/store.js';
import { independentSources } from '../stories/sources.js';
import { clip, json, shortDate, type Output } from './output.js';

/** `parallax stories`: every story with its sources and languages. */
export interface StoriesOptions extends Omit<StoryQuery, 'text' | 'offset'> {
  db?: string;
  json?: boolean;
  search?: string;
}


export async function storiesCommand(options: StoriesOptions, io: Output): Promise<number> {
  const store = openStore(options.db);
  try {
    const { items: stories } = await store.queryStories({ ...options, text: options.search });
    if (options.json) {
      io.out(json(stories.map(({ articles, ...s }) => ({ ...s, articles: articles.map(({ publishedAt, ...a }) => ({ ...a, publishedAt })) }))));
      return 0;
    }
    if (stories.length === 0) {
      io.out(options.entity || options.search || options.lang || options.since || options.until || options.minSources ? 'No story matches.' : 'No stories yet. Add articles with: parallax ingest <paths...>');
      return 0;
    }
    io.out(`${'STORY'.padEnd(16)} ${'ARTICLES'.padStart(8)} ${'SOURCES'.padStart(7)}  ${'LANGS'.padEnd(8)} ${'FIRST SEEN'.padEnd(16)}  ${'LAST SEEN'.padEnd(16)}  TITLE`);
    for (const s of stories) {
      io.out(`${s.id.padEnd(16)} ${String(s.size).padStart(8)} ${String(independentSources(s)).padStart(7)}  ${s.languages.join(',').padEnd(8)} ${shortDate(s.firstSeen).padEnd(16)}  ${shortDate(s.lastSeen).padEnd(16)}  ${clip(s.title, 70)}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

/** `parallax stats`: counts of what the database holds. */
export async function statsCommand(options: { db?: string; json?: boolean }, io: Output): Promise<number> {
  const store = openStore(options.db);
  try {
    const stats = await store.stats();
    if (options.json) io.out(json(stats));
    else for (const [key, value] of Object.entries(stats)) io.out(`${key.padEnd(11)} ${value}`);
    return 0;
  } finally {
    await store.close();
  }
}
