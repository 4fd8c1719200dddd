import { useEffect, useState } from 'preact/hooks';

export interface Route {
  page: 'stories' | 'story' | 'article' | 'entity' | 'entities' | 'search' | 'missing';
  id?: string;
  params: URLSearchParams;
}

/** Routes live in the hash (#/story/ID), so any static server and any reload land on the right page. */
export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'stories', params };
  const [page, id] = parts;
  if (page === 'story' && id) return { page: 'story', id, params };
  if (page === 'article' && id) return { page: 'article', id, params };
  if (page === 'entity' && id) return { page: 'entity', id, params };
  if (page === 'entities') return { page: 'entities', params };
  if (page === 'search') return { page: 'search', params };
  return { page: 'missing', params };
}

export function href(page: string, id?: string, params?: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) if (value !== undefined && value !== '') query.set(key, String(value));
  return `#/${page}${id ? `/${encodeURIComponent(id)}` : ''}${query.size > 0 ? `?${query}` : ''}`;
}

/** A link to the sentence or span of an article that an item came from. */
export function spanHref(article: string, span: readonly [number, number]): string {
  return href('article', article, { start: span[0], end: span[1] });
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
