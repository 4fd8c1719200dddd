import type { Store, StorySummary } from '../store/store.js';
import { independentSources } from '../stories/sources.js';

export type StoryEvent = { cursor: number; story: StorySummary & { sources: number } };
type Listener = (event: StoryEvent) => void;

/** Most stories announced per poll; a bulk ingest announces its latest stories, and clients page the rest. */
const MAX_PER_POLL = 50;

/**
 * Story updates for live readers. Polls the store's change cursor, so writes by any process (a `parallax ingest`
 * in another terminal, a worker) reach the browser; one poll serves every subscriber, and none runs without them.
 */
export class StoryFeed {
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | null = null;
  private cursor: number | null = null;
  private polling: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly intervalMs = 1000,
  ) {}

  /** Events after `from` (a cursor the client saw last), then every new one; returns the unsubscribe function. */
  async subscribe(listener: Listener, from?: number): Promise<() => void> {
    if (this.cursor === null) this.cursor = await this.store.latestChange();
    if (from !== undefined && from < this.cursor) {
      for (const event of await this.eventsBetween(from)) listener(event);
    }
    this.listeners.add(listener);
    if (!this.timer) this.timer = setInterval(() => void this.poll(), this.intervalMs);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Checks for changes now (after a write through the API) rather than at the next tick. */
  poll(): Promise<void> {
    if (this.polling || this.listeners.size === 0 || this.cursor === null) return this.polling ?? Promise.resolve();
    this.polling = (async () => {
      const events = await this.eventsBetween(this.cursor!);
      if (events.length > 0) this.cursor = events[events.length - 1].cursor;
      for (const event of events) for (const listener of this.listeners) listener(event);
    })()
      .catch((err: unknown) => {
        // A failed poll is retried at the next tick; the error must still be seen.
        console.error(`parallax: story feed: ${(err as Error).message}`);
      })
      .finally(() => {
        this.polling = null;
      });
    return this.polling;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async eventsBetween(from: number): Promise<StoryEvent[]> {
    const { cursor, stories } = await this.store.changesSince(from);
    const events: StoryEvent[] = [];
    for (const id of stories.slice(-MAX_PER_POLL)) {
      const story = await this.store.getStory(id);
      if (story) events.push({ cursor, story: { ...story, sources: independentSources(story) } });
    }
    return events;
  }
}
