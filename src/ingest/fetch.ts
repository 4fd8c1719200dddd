import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, fetch, type Response } from 'undici';
import { refusedAddress } from './address-policy.js';
import { InputError } from './errors.js';

export interface FetchOptions {
  /** Whole request, headers and body, in milliseconds. */
  timeoutMs: number;
  /** Largest body read; a larger response is refused, not truncated. */
  maxBytes: number;
  maxRedirects: number;
  /** Further attempts after a network error, a timeout, 429 or 5xx, with exponential backoff. */
  retries: number;
  backoffMs: number;
  /** Requests in flight to one host at a time. */
  perHostConcurrency: number;
  /** Least time between the starts of two requests to one host. */
  politenessMs: number;
  /** Fetch private, loopback and link-local addresses too (for a local server or an intranet). */
  allowPrivate: boolean;
  userAgent: string;
  /** Name resolution (the system resolver unless a test gives its own). */
  lookup?: typeof dnsLookup;
}

export const DEFAULT_FETCH: FetchOptions = {
  timeoutMs: 20_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  retries: 2,
  backoffMs: 500,
  perHostConcurrency: 2,
  politenessMs: 1000,
  allowPrivate: false,
  userAgent: 'Parallax/0.1 (news comparison; +https://github.com/parallax-news/parallax)',
};

export interface Fetched {
  /** The address the content came from, after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  contentType: string | null;
  charset: string | null;
  etag: string | null;
  lastModified: string | null;
  body: Uint8Array;
}

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

/** A URL that could not be fetched: names it and says why (an InputError, so a run reports it per item). */
export class FetchError extends InputError {
  constructor(url: string, problem: string, readonly retryable = false) {
    super(url, problem);
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * An HTTP client for untrusted URLs: http(s) only; every hop of a redirect re-checked; the addresses a name
 * resolves to checked at connection time, so DNS rebinding cannot slip a private address in after the check;
 * bodies capped; per-host concurrency and politeness; retries with backoff on transient failures.
 */
export class Fetcher {
  readonly options: FetchOptions;
  private readonly agent: Agent;
  private readonly hosts = new Map<string, { active: number; lastStart: number; waiting: (() => void)[] }>();

  constructor(options: Partial<FetchOptions> = {}) {
    this.options = { ...DEFAULT_FETCH, ...options };
    const allowPrivate = this.options.allowPrivate;
    const resolve = this.options.lookup ?? dnsLookup;
    this.agent = new Agent({
      connect: {
        timeout: this.options.timeoutMs,
        lookup: (hostname, lookupOptions, callback) => {
          resolve(hostname, { ...lookupOptions, all: true }, (err, addresses) => {
            if (err) return callback(err, '', 4);
            const list = addresses as LookupAddress[];
            const refused = allowPrivate ? null : list.map((a) => refusedAddress(a.address)).find((r) => r !== null);
            if (refused) return callback(Object.assign(new Error(`refused: ${hostname} resolves to ${refused}`), { code: 'EREFUSEDADDRESS' }), '', 4);
            if ((lookupOptions as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
            callback(null, list[0].address, list[0].family);
          });
        },
      },
    });
  }

  async fetch(url: string, validators: Validators = {}): Promise<Fetched> {
    let attempt = 0;
    for (;;) {
      try {
        return await this.fetchOnce(url, validators);
      } catch (err) {
        const error = err instanceof FetchError ? err : new FetchError(url, describe(err), true);
        if (!error.retryable || attempt >= this.options.retries) throw error;
        await sleep(this.options.backoffMs * 2 ** attempt);
        attempt++;
      }
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private async fetchOnce(startUrl: string, validators: Validators): Promise<Fetched> {
    let url = startUrl;
    for (let hop = 0; ; hop++) {
      const target = this.check(url, startUrl);
      const release = await this.slot(target.host);
      let response: Response;
      try {
        response = await fetch(target, {
          dispatcher: this.agent,
          redirect: 'manual',
          signal: AbortSignal.timeout(this.options.timeoutMs),
          headers: {
            'user-agent': this.options.userAgent,
            accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5',
            ...(validators.etag ? { 'if-none-match': validators.etag } : {}),
            ...(validators.lastModified ? { 'if-modified-since': validators.lastModified } : {}),
          },
        });
      } catch (err) {
        release();
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        if (cause?.code === 'EREFUSEDADDRESS') throw new FetchError(startUrl, `${cause.message} (use --allow-private to fetch it)`);
        throw new FetchError(startUrl, describe(err), true);
      }
      try {
        if (REDIRECTS.has(response.status)) {
          const location = response.headers.get('location');
          await response.body?.cancel();
          if (!location) throw new FetchError(startUrl, `redirect ${response.status} without a Location header`);
          if (hop >= this.options.maxRedirects) throw new FetchError(startUrl, `more than ${this.options.maxRedirects} redirects`);
          url = new URL(location, target).toString();
          continue;
        }
        const header = (name: string) => response.headers.get(name);
        if (response.status === 304) {
          await response.body?.cancel();
          return { url: target.toString(), status: 304, notModified: true, contentType: null, charset: null, etag: header('etag'), lastModified: header('last-modified'), body: new Uint8Array() };
        }
        if (response.status === 429 || response.status >= 500) {
          await response.body?.cancel();
          throw new FetchError(startUrl, `the server answered ${response.status}`, true);
        }
        if (response.status >= 400) {
          await response.body?.cancel();
          throw new FetchError(startUrl, `the server answered ${response.status}`);
        }
        const body = await this.readCapped(response, startUrl);
        const contentType = header('content-type');
        return {
          url: target.toString(),
          status: response.status,
          notModified: false,
          contentType: contentType?.split(';')[0].trim().toLowerCase() ?? null,
          charset: /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? null,
          etag: header('etag'),
          lastModified: header('last-modified'),
          body,
        };
      } finally {
        release();
      }
    }
  }

  /** The URL if it may be fetched: http(s), and not a literal internal address. Names resolve at connect time. */
  private check(url: string, source: string): URL {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new FetchError(source, `not a URL: ${JSON.stringify(url)}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FetchError(source, `only http and https URLs are fetched, not ${parsed.protocol}`);
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    if (!this.options.allowPrivate && isIP(host)) {
      const refused = refusedAddress(host);
      if (refused) throw new FetchError(source, `refused: ${refused} (use --allow-private to fetch it)`);
    }
    if (!this.options.allowPrivate && /^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i.test(host)) {
      throw new FetchError(source, `refused: ${host} is a local name (use --allow-private to fetch it)`);
    }
    return parsed;
  }

  private async readCapped(response: Response, source: string): Promise<Uint8Array> {
    const declared = Number(response.headers.get('content-length'));
    if (declared > this.options.maxBytes) {
      await response.body?.cancel();
      throw new FetchError(source, `response is ${declared} bytes, more than the ${this.options.maxBytes}-byte limit`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      // Throwing out of the loop cancels the stream: the rest is never downloaded.
      if (size > this.options.maxBytes) throw new FetchError(source, `response exceeds the ${this.options.maxBytes}-byte limit`);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  /** Waits for a free slot on a host, honoring the politeness delay; returns the release function. */
  private async slot(host: string): Promise<() => void> {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, lastStart: 0, waiting: [] };
      this.hosts.set(host, state);
    }
    while (state.active >= this.options.perHostConcurrency) await new Promise<void>((resolve) => state!.waiting.push(resolve));
    state.active++;
    const wait = state.lastStart + this.options.politenessMs - Date.now();
    state.lastStart = Math.max(Date.now(), state.lastStart + this.options.politenessMs);
    if (wait > 0) await sleep(wait);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      state!.active--;
      state!.waiting.shift()?.();
    };
  }
}

function describe(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timed out';
  if (e.cause?.code === 'ENOTFOUND') return 'no such host';
  if (e.cause?.code === 'ECONNREFUSED') return 'connection refused';
  return e.cause?.message ?? e.message ?? String(err);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
