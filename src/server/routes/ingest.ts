import type { FastifyInstance } from 'fastify';
import { InputError } from '../../ingest/errors.js';
import type { Result } from '../../ingest/errors.js';
import { recordToDocument } from '../../ingest/readers.js';
import type { IngestSummary } from '../../ingest/run.js';
import { readSources } from '../../ingest/sources.js';
import type { RawDocument } from '../../model/types.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../errors.js';

const articleRecord = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: ['string', 'number'], description: "the publisher's own id, kept as externalId" },
    text: { type: 'string', maxLength: 2_000_000, description: 'plain text (paragraphs separated by blank lines); or give html' },
    html: { type: 'string', maxLength: 5_000_000, description: 'a whole page or a fragment: the article body is extracted' },
    title: { type: 'string', maxLength: 2000 },
    url: { type: 'string', maxLength: 4000 },
    outlet: { type: 'string', maxLength: 500 },
    author: { type: 'string', maxLength: 1000 },
    publishedAt: { type: 'string', maxLength: 100 },
    lang: { type: 'string', maxLength: 20 },
  },
} as const;

const outcomeSchema = {
  type: 'object',
  properties: {
    ingested: { type: 'integer' },
    duplicates: { type: 'integer' },
    unchanged: { type: 'integer' },
    failed: { type: 'integer' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          index: { type: 'integer' },
          source: { type: 'string' },
          status: { type: 'string', enum: ['ingested', 'duplicate', 'unchanged', 'failed'] },
          error: { type: 'string' },
          articleId: { type: 'string' },
          storyId: { type: 'string' },
          duplicateOf: { type: ['string', 'null'] },
          title: { type: 'string' },
        },
      },
    },
  },
} as const;

function report(summary: IngestSummary) {
  return {
    ingested: summary.ingested,
    duplicates: summary.duplicates,
    unchanged: summary.unchanged,
    failed: summary.failed,
    items: summary.outcomes.map((o, index) => ({
      index,
      source: o.source,
      status: o.status,
      articleId: o.articleId,
      storyId: o.storyId,
      duplicateOf: o.duplicateOf ?? null,
      title: o.title,
      error: o.error?.problem,
    })),
  };
}

/** Most items read from one feed URL per request. */
const MAX_FEED_ITEMS = 200;

export async function ingestRoutes(app: FastifyInstance, { ingest, feed, guardWrite, maxBatch, fetcher }: ServerContext): Promise<void> {
  app.post<{ Body: { url: string } }>(
    '/api/fetch',
    {
      preHandler: guardWrite,
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['ingest'],
        summary: 'Fetch a URL and ingest what it holds: an article page, or every item of an RSS/Atom feed',
        description:
          'Feed items that carry only a summary are fetched in full. Private, loopback and link-local addresses are refused unless the server runs with --allow-private. ' +
          'A URL that cannot be fetched is a 400 naming the reason.',
        security: [{ bearer: [] }],
        body: { type: 'object', required: ['url'], additionalProperties: false, properties: { url: { type: 'string', minLength: 8, maxLength: 4000, pattern: '^[hH][tT][tT][pP][sS]?://' } } },
        response: { 200: outcomeSchema, 400: { $ref: 'Error#' }, 401: { $ref: 'Error#' }, 403: { $ref: 'Error#' } },
      },
    },
    async (request) => {
      // Fetch first, outside the write queue: a slow site must not hold up other writers.
      const documents: Result<RawDocument>[] = [];
      for await (const item of readSources([request.body.url], { fetcher })) {
        documents.push(item);
        if (documents.length >= MAX_FEED_ITEMS) break;
      }
      if (documents.length === 1 && !documents[0].ok) {
        const error = documents[0].error;
        throw new ApiError(400, 'fetch_failed', error.message, [{ field: 'body.url', problem: error.problem }]);
      }
      const summary = await ingest.run(documents);
      void feed.poll();
      return report(summary);
    },
  );


  app.post<{ Body: Record<string, unknown> | Record<string, unknown>[] }>(
    '/api/articles',
    {
      preHandler: guardWrite,
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['ingest'],
        summary: 'Ingest one article or an array of them (the JSON record format of `parallax ingest`)',
        description:
          'Each article is analyzed, placed in a story and stored in one transaction. An article already stored is reported as "unchanged". ' +
          'If any record is invalid, nothing is stored and the answer is 400 naming each bad record.',
        security: [{ bearer: [] }],
        body: { anyOf: [articleRecord, { type: 'array', minItems: 1, maxItems: maxBatch, items: articleRecord }] },
        response: {
          200: outcomeSchema,
          400: { $ref: 'Error#' },
          401: { $ref: 'Error#' },
          403: { $ref: 'Error#' },
        },
      },
    },
    async (request) => {
      const records = Array.isArray(request.body) ? request.body : [request.body];
      const fetchedAt = new Date().toISOString();
      const documents = records.map((record, index) =>
        recordToDocument(record, `request[${index}]`, fetchedAt, () => new InputError(`request[${index}]`, '')),
      );
      const invalid = documents.flatMap((d, index) => (d.ok ? [] : [{ field: `body[${index}]`, problem: d.error.problem }]));
      if (invalid.length > 0) {
        // All or nothing: a client fixing one record re-sends the batch, and re-sending stored ones is a no-op anyway.
        throw new ApiError(400, 'invalid_article', `invalid article: ${invalid.map((i) => `${i.field}: ${i.problem}`).join('; ')}`, invalid);
      }
      const summary = await ingest.run(documents);
      // Analysis can still refuse a well-formed record (an HTML page with no article in it). The others are stored
      // by then, each in its own transaction, so the answer reports per item; only a wholly refused request is a 400.
      if (summary.failed === summary.outcomes.length) {
        const details = summary.outcomes.map((o, index) => ({ field: `body[${index}]`, problem: o.error?.problem ?? 'could not be analyzed' }));
        throw new ApiError(400, 'invalid_article', details.map((d) => `${d.field}: ${d.problem}`).join('; '), details);
      }
      void feed.poll();
      return report(summary);
    },
  );
}
