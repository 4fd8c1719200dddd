import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { Fetcher } from '../ingest/fetch.js';
import type { Store } from '../store/store.js';
import { writeGuard } from './auth.js';
import { ComparisonCache } from './comparison-cache.js';
import type { ServerContext } from './context.js';
import { errorSchema, installErrorHandlers } from './errors.js';
import { IngestQueue } from './ingest-queue.js';
import { articleHitSchema, articleRoutes } from './routes/articles.js';
import { entityRoutes, entitySummarySchema } from './routes/entities.js';
import { eventRoutes } from './routes/events.js';
import { ingestRoutes } from './routes/ingest.js';
import { storyRoutes } from './routes/stories.js';
import { storySummarySchema } from './schemas.js';
import { StoryFeed } from './story-feed.js';

export interface ServerOptions {
  store: Store;
  /** Bearer token that write endpoints require; without one the server takes no writes. */
  token?: string;
  /** Largest request body in bytes. */
  bodyLimit?: number;
  /** Requests per minute per client address. */
  rateLimit?: number;
  /** How often live readers' store is checked for new articles. */
  feedIntervalMs?: number;
  /** Folder of the built web UI; defaults to the one built with the package. */
  webRoot?: string;
  logger?: boolean;
  /** Let clients have private, loopback and link-local addresses fetched (refused by default). */
  allowPrivate?: boolean;
}

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web', import.meta.url));

/** The HTTP API and the web UI, on one Fastify instance; the caller listens and closes it. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? 10 * 1024 * 1024, ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allowUnionTypes: true } } });
  const feed = new StoryFeed(options.store, options.feedIntervalMs);
  const context: ServerContext = {
    store: options.store,
    comparisons: new ComparisonCache(options.store),
    feed,
    ingest: new IngestQueue(options.store),
    guardWrite: writeGuard(options.token),
    maxBatch: 100,
    fetcher: new Fetcher({ allowPrivate: options.allowPrivate ?? false }),
  };
  app.addHook('onClose', async () => {
    feed.stop();
    await context.fetcher.close();
  });
  installErrorHandlers(app);
  await app.register(helmet, {
    // The UI loads only its own scripts and styles; article text is rendered as text, and this is the second line.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Served over plain HTTP on localhost by default: upgrading requests to https would break every fetch.
        upgradeInsecureRequests: null,
      },
    },
    // HSTS belongs to whatever terminates TLS in front of the server, not to a plain-HTTP default.
    hsts: false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, {
    max: options.rateLimit ?? 600,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: { status: 429, code: 'rate_limited', message: `too many requests: at most ${context.max} per ${context.after}; retry later` },
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Parallax API', version: '1', description: 'Stories across outlets and languages: who says what, in which words, and where they disagree.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the PARALLAX_TOKEN the server was started with' } } },
    },
  });
  for (const schema of [errorSchema, storySummarySchema, articleHitSchema, entitySummarySchema]) app.addSchema(schema);

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { tags: ['meta'], summary: 'Liveness: 200 when the server answers and the store is readable' } }, async () => {
    await options.store.stats();
    return { ok: true };
  });
  app.get('/api/stats', { schema: { tags: ['meta'], summary: 'Counts of articles, duplicates, stories, entities, quotes and claims' } }, async () => options.store.stats());
  await app.register(async (scope) => {
    await storyRoutes(scope, context);
    await articleRoutes(scope, context);
    await entityRoutes(scope, context);
    await ingestRoutes(scope, context);
    await eventRoutes(scope, context);
  });

  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: 'index.html', wildcard: false });
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/plain').send(`The web UI is not built (no ${webRoot}). Run "npm run build"; the API is at /api and described at /openapi.json.`),
    );
  }
  return app;
}
