import type { AnalyzedArticle } from '../model/types.js';

/**
 * Framing terms: where sources qualify the same thing with different words ("sacred struggle" vs "just struggle"),
 * the qualified phrases of each source. Found against the story's other sources, not from a list of loaded words.
 */
export function contrastFraming(articles: AnalyzedArticle[]): { article: string; terms: string[] }[] {
  const sources = articles.filter((a) => !a.article.duplicateOf);
  const modifiersByHead = new Map<string, Map<string, Set<string>>>();
  for (const a of sources) {
    for (const m of a.modifiers) {
      const modifier = m.term.split(/\s+/u)[0].toLowerCase();
      const byArticle = modifiersByHead.get(m.head) ?? new Map<string, Set<string>>();
      byArticle.set(a.article.id, (byArticle.get(a.article.id) ?? new Set()).add(modifier));
      modifiersByHead.set(m.head, byArticle);
    }
  }
  return sources.map((a) => {
    const terms = new Set<string>();
    for (const m of a.modifiers) {
      const byArticle = modifiersByHead.get(m.head);
      if (!byArticle || byArticle.size < 2) continue;
      const modifier = m.term.split(/\s+/u)[0].toLowerCase();
      const othersUse = [...byArticle].some(([id, mods]) => id !== a.article.id && mods.has(modifier));
      if (!othersUse) terms.add(m.term);
    }
    return { article: a.article.id, terms: [...terms] };
  });
}
