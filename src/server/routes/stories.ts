import type { FastifyInstance } from 'fastify';
import { STORY_SORTS, type StorySort, type StorySummary } from '../../store/store.js';
import { independentSources } from '../../stories/sources.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../errors.js';
import { dateParam, errorResponses, idParams, openObject, pageOf, pagingQuery } from '../schemas.js';

interface StoriesQuery {
  q?: string;
  lang?: string;
  since?: string;
  until?: string;
  entity?: string;
  minSources?: number;
  sort?: StorySort;
  limit: number;
  offset: number;
}

export function withSources(story: StorySummary): StorySummary & { sources: number } {
  return { ...story, sources: independentSources(story) };
}

/** Normalizes a validated date parameter to the stored ISO form, so "2024-11-01" compares as the day's start. */
function isoTime(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new ApiError(400, 'invalid_request', `invalid querystring: ${name} is not a date: ${JSON.stringify(value)}`, [{ field: `querystring.${name}`, problem: 'not a date' }]);
  return new Date(time).toISOString();
}

export async function storyRoutes(app: FastifyInstance, { store, comparisons }: ServerContext): Promise<void> {
  app.get<{ Querystring: StoriesQuery }>(
    '/api/stories',
    {
      schema: {
        tags: ['stories'],
        summary: 'List stories, newest activity first, filtered and searched',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            q: { type: 'string', maxLength: 500, description: 'full-text search: stories with an article containing every word' },
            lang: { type: 'string', pattern: '^[a-z]{2,3}$', description: 'stories with an article in this language (ISO 639-1)' },
            since: { ...dateParam, description: 'stories active at or after this time' },
            until: { ...dateParam, description: 'stories that started at or before this time' },
            entity: { type: 'string', maxLength: 200, description: 'stories mentioning this entity (id, name or alias)' },
            minSources: { type: 'integer', minimum: 1, maximum: 10_000, description: 'at least this many independent sources' },
            sort: { type: 'string', enum: [...STORY_SORTS], default: 'recent', description: 'recent: last seen first; size: most independent sources first; growth: most articles in the 24 hours before the newest article' },
            ...pagingQuery,
          },
        },
        response: { 200: pageOf('StorySummary'), 400: errorResponses[400] },
      },
    },
    async (request) => {
      const { q, since, until, limit, offset, ...rest } = request.query;
      const page = await store.queryStories({ ...rest, text: q, since: isoTime(since, 'since'), until: isoTime(until, 'until'), limit, offset });
      return { total: page.total, limit, offset, items: page.items.map(withSources) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/stories/:id',
    {
      schema: {
        tags: ['stories'],
        summary: 'One story with its articles',
        params: idParams,
        response: { 200: { $ref: 'StorySummary#' }, ...errorResponses },
      },
    },
    async (request) => {
      const story = await store.getStory(request.params.id);
      if (!story) throw new ApiError(404, 'not_found', `no story with id ${JSON.stringify(request.params.id)}`);
      return withSources(story);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/stories/:id/comparison',
    {
      schema: {
        tags: ['stories'],
        summary: 'How the sources of a story compare: entities, aligned quote variants with word changes, facts, framing, coverage',
        params: idParams,
        response: { 200: openObject('A comparison as in schema/comparison.schema.json, with differences, notReportedBy, firstReportedBy, changes and coverage added'), ...errorResponses },
      },
    },
    async (request) => {
      const comparison = await comparisons.get(request.params.id);
      if (!comparison) throw new ApiError(404, 'not_found', `no story with id ${JSON.stringify(request.params.id)}`);
      return comparison;
    },
  );
}
