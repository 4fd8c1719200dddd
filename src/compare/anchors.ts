import { lexicon } from '../analyze/lexicon.js';
import { nameSkeleton } from '../analyze/names.js';
import type { AnalyzedArticle, Span } from '../model/types.js';
import { findNumbers } from '../text/numbers.js';
import { splitWords, startsWithCapital } from '../text/segment.js';
import { toLatin } from '../text/translit.js';

/**
 * What a stretch of text keeps in any language: the entities it mentions (ids are shared across scripts), the
 * names it writes (capitalized words, transliterated to Latin and reduced to a skeleton, so "Лавров" meets
 * "Lavrov"), and its figures. Two renderings of one statement in different languages share these, not words.
 */
export function anchorsOf(article: AnalyzedArticle, span: Span, lang: string, canonical: (id: string | null) => string | null): Set<string> {
  const out = new Set<string>();
  for (const m of article.mentions) {
    if (m.via === 'pronoun' || m.span[0] < span[0] || m.span[1] > span[1]) continue;
    const id = canonical(m.entity);
    if (id) out.add(`e:${id}`);
  }
  const text = article.doc.text.slice(span[0], span[1]);
  for (const word of splitWords(text, lang)) {
    if (!startsWithCapital(word.text) || word.text.length < 3 || word.span[0] === 0) continue;
    const skeleton = nameSkeleton(toLatin(word.text));
    if (skeleton.length >= 3) out.add(`n:${skeleton}`);
  }
  for (const n of findNumbers(text, span[0], lexicon(lang))) if (n.unit !== 'year') out.add(`v:${n.value}`);
  return out;
}

/** Anchors computed on first use: only items compared across languages need them. */
export function lazyAnchors(article: AnalyzedArticle, span: Span, lang: string, canonical: (id: string | null) => string | null): () => Set<string> {
  return lazy(() => anchorsOf(article, span, lang, canonical));
}

/** A value computed on first use and kept. */
export function lazy<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= compute());
}

/**
 * How strongly two anchor sets say "same statement": shared anchors over the smaller set, discounted when only one
 * is shared (one common name is weak evidence).
 */
export function anchorAgreement(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const overlap = shared / Math.min(a.size, b.size);
  return shared >= 2 ? overlap : overlap * 0.5;
}
