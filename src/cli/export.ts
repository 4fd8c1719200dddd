import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { compareStory } from '../compare/compare.js';
import type { AnalyzedArticle } from '../model/types.js';
import { openStore } from '../store/open.js';
import type { Store, StoryQuery, StorySummary } from '../store/store.js';
import type { Output } from './output.js';

/** `parallax export`: the archive as JSON Lines, articles (re-ingestable) or one comparison per story. */
export interface ExportOptions extends Omit<StoryQuery, 'text' | 'offset' | 'limit' | 'sort'> {
  db?: string;
  search?: string;
  comparisons?: boolean;
  /** Write here (replaced only once the export is complete) instead of to standard output. */
  out?: string;
}

/** Stories read from the store at a time. */
const PAGE = 100;

/**
 * An article as `parallax ingest` reads a JSON record (id, title, text, url, outlet, author, publishedAt, lang),
 * with what the archive adds: its story, the original it duplicates, its id in the source.
 */
function exportedArticle(a: AnalyzedArticle, story: string) {
  const { article } = a;
  return {
    id: article.id,
    title: article.title,
    text: a.doc.text,
    url: article.url,
    outlet: article.outlet,
    author: article.author,
    publishedAt: article.publishedAt,
    modifiedAt: article.modifiedAt,
    lang: article.lang,
    story,
    duplicateOf: article.duplicateOf,
    externalId: article.externalId,
  };
}

export async function exportCommand(options: ExportOptions, io: Output): Promise<number> {
  const partial = options.out ? `${options.out}.partial-${process.pid}` : null;
  let file: number | null = null;
  try {
    if (partial) file = openSync(partial, 'w');
  } catch (err) {
    io.err(`parallax: ${options.out}: cannot write the export there (${(err as Error).message})`);
    return 2;
  }
  const store = openStore(options.db);
  const write = (line: string) => (file === null ? io.out(line) : writeSync(file, `${line}\n`));
  try {
    let stories = 0;
    let articles = 0;
    for await (const story of storiesOf(store, { ...options, text: options.search })) {
      const members = await store.storyArticles(story.id);
      stories++;
      articles += members.length;
      if (options.comparisons) write(JSON.stringify(compareStory(story, members)));
      else for (const a of members) write(JSON.stringify(exportedArticle(a, story.id)));
    }
    if (file !== null && partial && options.out) {
      closeSync(file);
      file = null;
      renameSync(partial, options.out);
    }
    const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
    io.err(`parallax: exported ${options.comparisons ? count(stories, 'comparison') : `${count(articles, 'article')} of ${count(stories, 'story').replace(/ys$/u, 'ies')}`}${options.out ? ` to ${options.out}` : ''}`);
    return 0;
  } catch (err) {
    // Nothing half-written is left under the name asked for, nor beside it.
    if (file !== null) closeSync(file);
    if (partial) rmSync(partial, { force: true });
    throw err;
  } finally {
    await store.close();
  }
}

/** Every story the query selects, oldest activity last, read a page at a time. */
async function* storiesOf(store: Store, query: StoryQuery): AsyncGenerator<StorySummary> {
  for (let offset = 0; ; offset += PAGE) {
    const { items } = await store.queryStories({ ...query, sort: 'recent', limit: PAGE, offset });
    yield* items;
    if (items.length < PAGE) return;
  }
}
