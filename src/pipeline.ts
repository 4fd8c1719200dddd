import { analyzeArticle } from './analyze/analyze.js';
import { InputError } from './ingest/errors.js';
import { extractHtml } from './ingest/extract-html.js';
import { extractText } from './ingest/extract-text.js';
import type { AnalyzedArticle, Article, ArticleDraft, RawDocument, TextDoc } from './model/types.js';
import { canonicalText, SHORT_TEXT_CHARS, shortHash, simHashOfCanonical } from './stories/fingerprint.js';
import { analyzedText, buildTextDoc } from './text/build-doc.js';

/** Extraction: markup or plain text to an ArticleDraft with role-marked blocks. */
export function extract(raw: RawDocument): ArticleDraft {
  return raw.format === 'html' ? extractHtml(raw) : extractText(raw);
}

/** The article record: a stable id (from the canonical URL, else the text), hashes for duplicate detection. */
export function describeArticle(draft: ArticleDraft, doc: TextDoc, ingestedAt: string): Article {
  const body = analyzedText(doc);
  const canonical = canonicalText(body);
  if (canonical === '') throw new InputError(draft.source, 'no article text found');
  const url = draft.url ? normalizeUrl(draft.url) : null;
  return {
    // A short text alone does not tell articles apart (see SHORT_TEXT_CHARS): its headline is part of its identity.
    id: url ? idOfUrl(url) : shortHash(body.length < SHORT_TEXT_CHARS ? `text:${canonicalText(draft.title ?? '')}\n${canonical}` : `text:${canonical}`),
    url,
    outlet: draft.outlet ?? (url ? new URL(url).hostname.replace(/^www\./, '') : null),
    title: draft.title ?? '',
    author: draft.author,
    publishedAt: draft.publishedAt,
    modifiedAt: draft.modifiedAt,
    metadataSources: !draft.outlet && url ? { ...draft.metadataSources, outlet: 'url-host' } : draft.metadataSources,
    ingestedAt,
    source: draft.source,
    externalId: draft.suppliedId,
    lang: doc.lang,
    contentHash: shortHash(canonical, 32),
    fingerprint: simHashOfCanonical(canonical),
    duplicateOf: null,
  };
}

/** The id of an article that has a URL, known from extraction alone (an article without one is known by its text). */
export function urlIdentity(draft: ArticleDraft): string | null {
  const url = draft.url ? normalizeUrl(draft.url) : null;
  return url ? idOfUrl(url) : null;
}

function idOfUrl(normalizedUrl: string): string {
  return shortHash(`url:${normalizedUrl}`);
}

/** Extraction and the text layer: the article record (with its id) and its text, ready for analysis. */
export function prepareDocument(draft: ArticleDraft, ingestedAt: string): { article: Article; doc: TextDoc } {
  const doc = buildTextDoc(draft);
  return { article: describeArticle(draft, doc, ingestedAt), doc };
}

/** One document through every pure stage: extract, text layer, analysis. Throws InputError for unusable input. */
export function processDocument(raw: RawDocument, ingestedAt: string = raw.fetchedAt): AnalyzedArticle {
  const { article, doc } = prepareDocument(extract(raw), ingestedAt);
  return analyzeArticle(article, doc);
}

/**
 * The analysis without its word tokens: they serve analysis only (neither placement nor the store reads them) and
 * are over half of what an analysis holds, in memory and in a message between threads.
 */
export function withoutWordTokens(analyzed: AnalyzedArticle): AnalyzedArticle {
  return { ...analyzed, doc: { ...analyzed.doc, tokens: [] } };
}

/** URL identity: no fragment, no tracking parameters, lower-case host. */
export function normalizeUrl(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    for (const key of [...u.searchParams.keys()]) if (/^(utm_|fbclid|gclid|ref$|cmpid)/i.test(key)) u.searchParams.delete(key);
    return u.toString();
  } catch {
    return null;
  }
}
