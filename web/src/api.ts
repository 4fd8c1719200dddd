import type { Comparison } from '../../src/model/comparison.js';
import type { Article, Claim, Entity, Mention, Paragraph, Quote, Sentence } from '../../src/model/types.js';
import type { ArticleHit, EntitySummary, Page as StorePage, StorySummary } from '../../src/store/store.js';

export type { Comparison };

export type StoryArticle = StorySummary['articles'][number];

/** A story as the API lists it: the stored summary and its number of independent sources. */
export interface Story extends StorySummary {
  sources: number;
}

/** A page of a list as the API answers it (the store's page, with the paging it was asked for). */
export interface Page<T> extends StorePage<T> {
  limit: number;
  offset: number;
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

export type { EntitySummary };
export type SearchHit = ArticleHit;

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
