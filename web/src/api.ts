import type { Comparison } from '../../src/model/comparison.js';
import type { Claim, Entity, Mention, Paragraph, Quote, Sentence, Article } from '../../src/model/types.js';

export type { Comparison };

export interface StoryArticle {
  id: string;
  title: string;
  url: string | null;
  outlet: string | null;
  lang: string;
  publishedAt: string | null;
  duplicateOf: string | null;
}

export interface Story {
  id: string;
  title: string;
  firstSeen: string;
  lastSeen: string;
  size: number;
  sources: number;
  languages: string[];
  articles: StoryArticle[];
}

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export interface ArticleView {
  article: Article;
  storyId: string;
  text: string;
  lang: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  entities: Entity[];
  mentions: Mention[];
  quotes: Quote[];
  claims: Claim[];
}

export interface EntitySummary extends Entity {
  articles: number;
  stories: number;
}

export interface SearchHit {
  article: Pick<StoryArticle, 'id' | 'title' | 'outlet' | 'lang' | 'publishedAt' | 'url'>;
  storyId: string;
  snippet: string;
  highlights: [number, number][];
}

/** An error the API answered with, carrying its message for display. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function get<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, String(value));
  const url = query.size > 0 ? `${path}?${query}` : path;
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiFailure(0, 'The server cannot be reached. Is `parallax serve` running?');
  }
  const body = (await response.json().catch(() => null)) as { error?: { message: string } } | null;
  if (!response.ok) throw new ApiFailure(response.status, body?.error?.message ?? `the server answered ${response.status}`);
  return body as T;
}

export const api = {
  stories: (params: { q?: string; lang?: string; minSources?: number; sort?: string; limit?: number; offset?: number }) => get<Page<Story>>('/api/stories', params),
  story: (id: string) => get<Story>(`/api/stories/${encodeURIComponent(id)}`),
  comparison: (id: string) => get<Comparison>(`/api/stories/${encodeURIComponent(id)}/comparison`),
  article: (id: string) => get<ArticleView>(`/api/articles/${encodeURIComponent(id)}`),
  search: (q: string, offset = 0) => get<Page<SearchHit>>('/api/search', { q, offset, limit: 20 }),
  entities: (params: { q?: string; type?: string; offset?: number }) => get<Page<EntitySummary>>('/api/entities', { ...params, limit: 50 }),
  entity: (id: string) => get<{ entity: EntitySummary; stories: Page<Story> }>(`/api/entities/${encodeURIComponent(id)}`, { limit: 50 }),
};
