import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

const KEEPALIVE_MS = 15_000;

export async function eventRoutes(app: FastifyInstance, { feed }: ServerContext): Promise<void> {
  app.get<{ Headers: { 'last-event-id'?: string } }>(
    '/api/events',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['stories'],
        summary: 'Server-sent events: a "story" event with the story summary each time a story gains articles',
        description:
          'Each event\'s id is a cursor; a client that reconnects with Last-Event-ID receives what it missed. Writes by any process sharing the database are seen.',
        headers: { type: 'object', properties: { 'last-event-id': { type: 'string', pattern: '^[0-9]{1,15}$' } } },
      },
    },
    async (request, reply) => {
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-content-type-options': 'nosniff',
        // Proxies such as nginx buffer responses unless told not to, which would hold events back.
        'x-accel-buffering': 'no',
      });
      const lastId = request.headers['last-event-id'];
      const unsubscribe = await feed.subscribe(
        (event) => raw.write(`id: ${event.cursor}\nevent: story\ndata: ${JSON.stringify(event.story)}\n\n`),
        lastId === undefined ? undefined : Number(lastId),
      );
      // The headers go out with this first write, after subscribing: a client that has them misses no later write.
      raw.write('retry: 3000\n\n');
      const keepalive = setInterval(() => raw.write(': keepalive\n\n'), KEEPALIVE_MS);
      request.raw.on('close', () => {
        clearInterval(keepalive);
        unsubscribe();
      });
    },
  );
}
