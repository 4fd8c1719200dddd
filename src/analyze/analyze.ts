import type { AnalyzedArticle, Article, TextDoc } from '../model/types.js';
import { extractClaims } from './claims.js';
import { recognizeEntities } from './entities.js';
import { analyzeAttribution } from './quotes.js';
import { extractTerms, nameSpans } from './terms.js';

/** The analysis stage: entities, quotes with speakers, attributed claims and vocabulary of one article. */
export function analyzeArticle(article: Article, doc: TextDoc): AnalyzedArticle {
  const { entities, mentions, persons } = recognizeEntities(doc);
  const { quotes, frames } = analyzeAttribution(doc, entities, mentions, persons);
  const claims = extractClaims(doc, mentions, frames);
  const { terms, modifiers } = extractTerms(doc, nameSpans(mentions));
  return { article, doc, entities, mentions, quotes, claims, terms, modifiers };
}
