import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { ApiError } from '../errors.js';
import { errorResponses, idParams, openObject, pageOf, pagingQuery } from '../schemas.js';

export async function articleRoutes(app: FastifyInstance, { store }: ServerContext): Promise<void> {
  app.get<{ Params: { id: string } }>(
    '/api/articles/:id',
    {
      schema: {
        tags: ['articles'],
        summary: 'One article: metadata, text, paragraphs with roles and languages, sentences, and what analysis found, all as spans of the text',
        params: idParams,
        response: { 200: openObject('article, storyId, text, paragraphs, sentences, entities, mentions, quotes, claims'), ...errorResponses },
      },
    },
    async (request) => {
      const found = await store.article(request.params.id);
      if (!found) throw new ApiError(404, 'not_found', `no article with id ${JSON.stringify(request.params.id)}`);
      const { analyzed, storyId } = found;
      return {
        article: analyzed.article,
        storyId,
        text: analyzed.doc.text,
        lang: analyzed.doc.lang,
        paragraphs: analyzed.doc.paragraphs,
        sentences: analyzed.doc.sentences,
        entities: analyzed.entities,
        mentions: analyzed.mentions,
        quotes: analyzed.quotes,
        claims: analyzed.claims,
      };
    },
  );

  app.get<{ Querystring: { q: string; limit: number; offset: number } }>(
    '/api/search',
    {
      schema: {
        tags: ['articles'],
        summary: 'Full-text search over articles, best match first, with snippets whose matched words are given as ranges',
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['q'],
          properties: { q: { type: 'string', minLength: 1, maxLength: 500 }, ...pagingQuery },
        },
        response: { 200: pageOf('ArticleHit'), 400: errorResponses[400] },
      },
    },
    async (request) => {
      const { q, limit, offset } = request.query;
      const page = await store.searchArticles(q, limit, offset);
      return { total: page.total, limit, offset, items: page.items };
    },
  );
}

export const articleHitSchema = {
  $id: 'ArticleHit',
  type: 'object',
  additionalProperties: true,
  properties: {
    article: { type: 'object', additionalProperties: true },
    storyId: { type: 'string' },
    snippet: { type: 'string' },
    highlights: { type: 'array', items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 } },
  },
} as const;
