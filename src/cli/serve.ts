import { buildServer } from '../server/app.js';
import { openStore } from '../store/open.js';
import type { Output } from './output.js';

export interface ServeOptions {
  db?: string;
  host: string;
  port: number;
  rateLimit?: number;
  allowPrivate?: boolean;
}

/** `parallax serve`: the API and web UI until interrupted; the token for writes comes from $PARALLAX_TOKEN. */
export async function serveCommand(options: ServeOptions, io: Output): Promise<number> {
  const store = openStore(options.db);
  const token = process.env.PARALLAX_TOKEN?.trim() || undefined;
  const app = await buildServer({ store, token, rateLimit: options.rateLimit, allowPrivate: options.allowPrivate });
  try {
    const address = await app.listen({ host: options.host, port: options.port });
    io.err(`parallax: serving ${address} (API at ${address}/api, description at ${address}/openapi.json)`);
    io.err(token ? 'parallax: writes enabled for requests bearing $PARALLAX_TOKEN' : 'parallax: read-only: set PARALLAX_TOKEN to accept articles over the API');
  } catch (err) {
    await app.close();
    await store.close();
    io.err(`parallax: cannot listen on ${options.host}:${options.port}: ${(err as Error).message}`);
    return 2;
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
  await store.close();
  return 0;
}
