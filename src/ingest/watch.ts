import type { Store } from '../store/store.js';
import { StoryWindow } from '../stories/assign.js';
import { fail, InputError, type Result } from './errors.js';
import { looksLikeFeed, parseFeed } from './feeds.js';
import type { Fetcher, Validators } from './fetch.js';
import { ingestDocuments, type IngestOutcome, type IngestSummary } from './run.js';
import { feedDocuments, feedItemSource, pageOf } from './sources.js';
import type { RawDocument } from '../model/types.js';

export interface PollResult {
  feed: string;
  /** The server said nothing changed (304), so no item was read. */
  notModified: boolean;
  summary: IngestSummary;
}

/**
 * Polls feeds and ingests what is new. Each feed is fetched with the ETag and Last-Modified of its previous answer,
 * so an unchanged feed costs one 304; items already read by this watcher are not fetched again, and an article
 * already stored is a no-op anyway, so a restarted watcher re-reads but never duplicates.
 */
export class FeedWatcher {
  private readonly validators = new Map<string, Validators>();
  private readonly seen = new Set<string>();
  private readonly window = new StoryWindow();

  constructor(
    private readonly store: Store,
    private readonly fetcher: Fetcher,
    private readonly onOutcome: (outcome: IngestOutcome) => void = () => {},
  ) {}

  async poll(feeds: string[]): Promise<PollResult[]> {
    const results: PollResult[] = [];
    for (const feed of feeds) results.push(await this.pollOne(feed));
    return results;
  }

  private async pollOne(url: string): Promise<PollResult> {
    const now = () => new Date().toISOString();
    const documents: Result<RawDocument>[] = [];
    let notModified = false;
    try {
      const fetched = await this.fetcher.fetch(url, this.validators.get(url));
      this.validators.set(url, { etag: fetched.etag, lastModified: fetched.lastModified });
      notModified = fetched.notModified;
      if (!notModified) {
        const page = pageOf(fetched, url, now);
        const feed = page.ok && looksLikeFeed(page.value.content) ? parseFeed(page.value.content) : null;
        if (!page.ok) documents.push(page);
        else if (!feed) documents.push(fail(new InputError(url, 'not an RSS or Atom feed')));
        else {
          // Items are named as in the whole feed, so that one keeps its name when others come and go.
          const fresh = feed.items.filter((item, index) => !this.seen.has(feedItemSource(url, item, index)));
          const named = new Map(feed.items.map((item, index) => [item, feedItemSource(url, item, index)]));
          for (const item of fresh) {
            for await (const doc of feedDocuments({ ...feed, items: [item] }, url, this.fetcher, now)) {
              documents.push(doc.ok ? { ok: true, value: { ...doc.value, source: named.get(item)! } } : fail(new InputError(named.get(item)!, doc.error.problem)));
            }
          }
        }
      }
    } catch (err) {
      documents.push(fail(err instanceof InputError ? err : new InputError(url, (err as Error).message)));
    }
    const summary = await ingestDocuments(this.store, documents, this.onOutcome, this.window);
    // A failed item is tried again at the next poll; the others are not fetched again.
    for (const outcome of summary.outcomes) if (outcome.status !== 'failed') this.seen.add(outcome.source);
    return { feed: url, notModified, summary };
  }
}
