import type { ComparisonEntity, Fact, QuoteGroup, SourceCoverage } from '../model/comparison.js';
import type { Article } from '../model/types.js';

/**
 * The article that carried a fact first: the earliest publication time among its supporters. None when fewer than
 * two supporters are dated, or when the earliest time is shared (a tie says nothing about who was first).
 */
export function firstReporter(supporters: string[], published: Map<string, string | null>): string | null {
  const dated = [...new Set(supporters)]
    .map((id) => ({ id, at: published.get(id) ?? null }))
    .filter((d): d is { id: string; at: string } => d.at !== null)
    .map((d) => ({ id: d.id, time: Date.parse(d.at) }))
    .filter((d) => !Number.isNaN(d.time))
    .sort((a, b) => a.time - b.time);
  if (dated.length < 2 || dated[0].time === dated[1].time) return null;
  return dated[0].id;
}

/** Per source, which entities, quote groups and facts of the story it carries, and which facts it had first. */
export function sourceCoverage(articles: Pick<Article, 'id'>[], entities: ComparisonEntity[], quotes: QuoteGroup[], facts: Fact[]): SourceCoverage[] {
  return articles.map(({ id }) => ({
    article: id,
    entities: entities.filter((e) => (e.mentions[id] ?? 0) > 0).map((e) => e.id),
    quotes: quotes.filter((q) => q.variants.some((v) => v.article === id)).map((q) => q.id),
    facts: facts.filter((f) => f.support.some((s) => s.article === id)).map((f) => f.id),
    first: facts.filter((f) => f.firstReportedBy === id).map((f) => f.id),
  }));
}
