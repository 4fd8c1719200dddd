import { Fetcher } from '../ingest/fetch.js';
import type { IngestOutcome } from '../ingest/run.js';
import { FeedWatcher } from '../ingest/watch.js';
import { openStore } from '../store/open.js';
import type { Output } from './output.js';

export interface WatchOptions {
  db?: string;
  interval: number;
  once?: boolean;
  allowPrivate?: boolean;
  quiet?: boolean;
}

/** `parallax watch FEED...`: polls the feeds every interval and ingests new items until interrupted. */
export async function watchCommand(feeds: string[], options: WatchOptions, io: Output): Promise<number> {
  const bad = feeds.filter((f) => !/^https?:\/\//i.test(f));
  if (bad.length > 0) {
    io.err(`parallax: ${bad.join(', ')}: watch takes feed URLs (http or https)`);
    return 2;
  }
  const store = openStore(options.db);
  const fetcher = new Fetcher({ allowPrivate: options.allowPrivate ?? false });
  let failures = 0;
  const watcher = new FeedWatcher(store, fetcher, (o: IngestOutcome) => {
    if (o.status === 'failed') {
      failures++;
      io.err(`parallax: ${o.error?.message ?? o.source}`);
    } else if (!options.quiet && o.status !== 'unchanged') io.err(`${o.status.padEnd(10)} ${o.title ?? o.source} → story ${o.storyId}`);
  });
  let stopping = false;
  let wake: () => void = () => {};
  const stop = () => {
    stopping = true;
    wake();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    while (!stopping) {
      const started = new Date();
      const results = await watcher.poll(feeds);
      const line = results
        .map((r) => (r.notModified ? `${r.feed}: not modified` : `${r.feed}: ${r.summary.ingested} new, ${r.summary.duplicates} duplicates, ${r.summary.unchanged} already stored, ${r.summary.failed} failed`))
        .join('; ');
      io.out(`${started.toISOString()} ${line}`);
      if (options.once) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, options.interval * 1000).unref();
      });
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await fetcher.close();
    await store.close();
  }
  return failures > 0 && options.once ? 1 : 0;
}
