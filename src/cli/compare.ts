import { existsSync } from 'node:fs';
import { compareStory } from '../compare/compare.js';
import type { AnalyzedArticle } from '../model/types.js';
import { isUrl } from '../ingest/sources.js';
import { processDocument } from '../pipeline.js';
import { openStore } from '../store/open.js';
import { forEachDocument, type InputOptions } from './inputs.js';
import { json, type Output } from './output.js';
import { renderComparison } from './render-comparison.js';

/**
 * `parallax compare <story-id>` compares a stored story; `parallax compare FILE...` analyzes the files as one story
 * without touching the database.
 */
export async function compareCommand(targets: string[], options: { db?: string; json?: boolean } & InputOptions, io: Output): Promise<number> {
  const comparison = targets.every((t) => existsSync(t) || isUrl(t)) ? await compareFiles(targets, io, options) : await compareStored(targets, options.db, io);
  if (!comparison) return 1;
  io.out(options.json ? json(comparison) : renderComparison(comparison));
  return 0;
}

async function compareFiles(paths: string[], io: Output, options: InputOptions) {
  const articles: AnalyzedArticle[] = [];
  const failed = await forEachDocument(paths, io, (raw) => articles.push(processDocument(raw)), options);
  if (failed > 0) return null;
  if (articles.length === 0) {
    io.err('parallax: no article to compare');
    return null;
  }
  const unique = [...new Map(articles.map((a) => [a.article.id, a])).values()];
  const first = unique[0].article;
  return compareStory({ id: `files-${first.id}`, title: first.title }, unique);
}

async function compareStored(targets: string[], db: string | undefined, io: Output) {
  if (targets.length !== 1) {
    io.err(`parallax: ${targets.filter((t) => !existsSync(t)).join(', ')}: no such file, and more than one story id given`);
    return null;
  }
  const store = openStore(db);
  try {
    const story = await store.getStory(targets[0]);
    if (!story) {
      io.err(`parallax: ${targets[0]}: no such story or file (list stories with: parallax stories)`);
      return null;
    }
    return compareStory(story, await store.storyArticles(story.id));
  } finally {
    await store.close();
  }
}
