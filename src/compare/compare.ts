import type { Comparison } from '../model/comparison.js';
import type { AnalyzedArticle } from '../model/types.js';
import { mergeStoryEntities } from './entities.js';
import { sourceCoverage } from './coverage.js';
import { alignFacts } from './facts.js';
import { contrastFraming } from './framing.js';
import { alignQuotes } from './quotes.js';

/** How the sources of one story compare: entities, quote variants, facts and framing, each traced to its spans. */
export function compareStory(story: { id: string; title: string }, articles: AnalyzedArticle[]): Comparison {
  const entities = mergeStoryEntities(articles);
  const quotes = alignQuotes(articles, entities);
  const facts = alignFacts(articles, entities);
  return {
    story: { id: story.id, title: story.title, languages: [...new Set(articles.map((a) => a.article.lang))] },
    articles: articles.map(({ article }) => ({
      id: article.id,
      title: article.title,
      outlet: article.outlet,
      url: article.url,
      lang: article.lang,
      publishedAt: article.publishedAt,
      duplicateOf: article.duplicateOf,
    })),
    entities: entities.entities,
    quotes,
    facts,
    framing: contrastFraming(articles),
    coverage: sourceCoverage(articles.map((a) => a.article), entities.entities, quotes, facts),
  };
}
