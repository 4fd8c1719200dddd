import type { AnalyzedArticle, Article, Entity, Mention, Paragraph, Sentence } from '../model/types.js';
import type { StoryState } from '../stories/cluster.js';
import { decodeSparseVector } from '../stories/scoring-vector.js';
import type { StorySummary } from './store.js';

/** A database row as both backends return it: column name → value. */
export type Row = Record<string, unknown>;

/**
 * How a backend hands back a JSON column: SQLite as text to parse, PostgreSQL (JSONB) already parsed. The row
 * mapping below is shared; only this differs.
 */
export type JsonColumn = (value: unknown) => unknown;

export const parseJsonText: JsonColumn = (value) => (value === null || value === undefined ? null : JSON.parse(value as string));
export const parsedJson: JsonColumn = (value) => value ?? null;

export function storyState(row: Row, json: JsonColumn): StoryState {
  return {
    id: row.id as string,
    title: row.title as string,
    firstSeen: row.first_seen as string,
    lastSeen: row.last_seen as string,
    size: row.size as number,
    languages: json(row.languages) as string[],
    centroid: decodeSparseVector(json(row.centroid)),
  };
}

/** A story as listed: its state without the centroid, its size counted from the articles given. */
export function storySummary(story: Row, articles: Row[], json: JsonColumn): StorySummary {
  // Read from the row, not through storyState: a listing has no use for the centroid, and decoding one per story
  // listed would be its largest cost.
  return {
    id: story.id as string,
    title: story.title as string,
    firstSeen: story.first_seen as string,
    lastSeen: story.last_seen as string,
    size: articles.length,
    languages: json(story.languages) as string[],
    articles: articles.map((a) => ({
      id: a.id as string,
      url: (a.url as string | null) ?? null,
      title: a.title as string,
      outlet: (a.outlet as string | null) ?? null,
      lang: a.lang as string,
      duplicateOf: (a.duplicate_of as string | null) ?? null,
      publishedAt: (a.published_at as string | null) ?? null,
    })),
  };
}

export function analyzedFromRow(row: Row, json: JsonColumn): AnalyzedArticle {
  const structure = json(row.structure) as { paragraphs: Paragraph[]; sentences: Sentence[]; lang: string };
  const analysis = json(row.analysis) as Omit<AnalyzedArticle, 'article' | 'doc'>;
  const article: Article = {
    id: row.id as string,
    url: (row.url as string | null) ?? null,
    outlet: (row.outlet as string | null) ?? null,
    title: row.title as string,
    author: (row.author as string | null) ?? null,
    publishedAt: (row.published_at as string | null) ?? null,
    modifiedAt: (row.modified_at as string | null) ?? null,
    metadataSources: (json(row.metadata_sources) as Article['metadataSources'] | null) ?? {},
    ingestedAt: row.ingested_at as string,
    source: row.source as string,
    externalId: (row.external_id as string | null) ?? null,
    lang: row.lang as string,
    contentHash: row.content_hash as string,
    fingerprint: row.fingerprint as string,
    duplicateOf: (row.duplicate_of as string | null) ?? null,
  };
  return {
    article,
    doc: { text: row.text as string, paragraphs: structure.paragraphs, sentences: structure.sentences, tokens: [], lang: structure.lang },
    ...analysis,
  };
}

export function entityFromRow(row: Row, json: JsonColumn): Entity {
  return { id: row.id as string, name: row.name as string, type: row.type as Entity['type'], aliases: json(row.aliases) as Entity['aliases'] };
}

export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** The feature_df row that counts articles rather than a feature. */
export const DOCUMENTS_KEY = '#documents';

/** How many times an article mentions each entity: the entity_articles rows both stores write. */
export function mentionCounts(mentions: readonly Mention[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  return counts;
}
