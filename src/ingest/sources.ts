import { statSync } from 'node:fs';
import picomatch from 'picomatch';
import type { RawDocument } from '../model/types.js';
import { decodeText } from './decode.js';
import { fail, InputError, ok, type Result } from './errors.js';
import { type Feed, type FeedItem, looksLikeFeed, parseFeed } from './feeds.js';
import { type Fetched, Fetcher } from './fetch.js';
import { describeFsError, FEED_EXTENSIONS, formatExtension, readBytes, readFile, walk, WARC_EXTENSIONS } from './readers.js';
import { readWarc } from './warc.js';

export interface SourceOptions {
  /** Globs a file under a directory must match (any of them); files named directly are always read. */
  include?: string[];
  /** Globs that leave a file under a directory out. */
  exclude?: string[];
  /** The HTTP client for URLs and for feed items that carry only a summary; none: such inputs fail. */
  fetcher?: Fetcher;
  now?: () => string;
}

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/**
 * Every document the inputs name: files, directories (recursive, filtered by globs), JSON/JSONL, RSS/Atom feed
 * files, WARC files, and URLs of articles or feeds. One result per document; a bad item is an error value and
 * reading goes on.
 */
export async function* readSources(inputs: string[], options: SourceOptions = {}): AsyncGenerator<Result<RawDocument>> {
  const now = options.now ?? (() => new Date().toISOString());
  const accept = globFilter(options.include, options.exclude);
  for (const input of inputs) {
    if (isUrl(input)) {
      yield* readUrl(input, options.fetcher, now);
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
      yield fail(new InputError(input, 'only http and https URLs are read'));
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = statSync(input).isDirectory();
    } catch (err) {
      yield fail(new InputError(input, describeFsError(err)));
      continue;
    }
    if (isDirectory) {
      for (const file of walk(input, (path) => accept(path.slice(input.length).replace(/^[/\\]+/, '')))) yield* readPath(file, options.fetcher, now);
    } else {
      yield* readPath(input, options.fetcher, now);
    }
  }
}

function globFilter(include: string[] = [], exclude: string[] = []): (relative: string) => boolean {
  const included = include.length > 0 ? picomatch(include, { dot: false }) : () => true;
  const excluded = exclude.length > 0 ? picomatch(exclude, { dot: false }) : () => false;
  // A pattern without a slash matches at any depth, as in .gitignore: "*.html" takes a/b/c.html too.
  const base = (path: string) => path.split(/[/\\]/).pop() ?? path;
  const matches = (test: (p: string) => boolean, path: string) => test(path) || test(base(path));
  return (path) => matches(included, path) && !matches(excluded, path);
}

async function* readPath(path: string, fetcher: Fetcher | undefined, now: () => string): AsyncGenerator<Result<RawDocument>> {
  const ext = formatExtension(path);
  if (WARC_EXTENSIONS.has(ext)) {
    yield* readWarc(path);
    return;
  }
  if (FEED_EXTENSIONS.has(ext)) {
    const bytes = readBytes(path);
    if (!bytes.ok) {
      yield fail(bytes.error);
      return;
    }
    let text: string;
    try {
      text = decodeText(bytes.value, path);
    } catch (err) {
      yield fail(new InputError(path, (err as Error).message));
      return;
    }
    const feed = looksLikeFeed(text) ? parseFeed(text) : null;
    if (!feed) {
      yield fail(new InputError(path, 'not an RSS or Atom feed'));
      return;
    }
    yield* feedDocuments(feed, path, fetcher, now);
    return;
  }
  yield* readFile(path, now);
}

async function* readUrl(url: string, fetcher: Fetcher | undefined, now: () => string): AsyncGenerator<Result<RawDocument>> {
  if (!fetcher) {
    yield fail(new InputError(url, 'URLs are not fetched here'));
    return;
  }
  let fetched: Fetched;
  try {
    fetched = await fetcher.fetch(url);
  } catch (err) {
    yield fail(err instanceof InputError ? err : new InputError(url, (err as Error).message));
    return;
  }
  const page = pageOf(fetched, url, now);
  if (!page.ok) {
    yield page;
    return;
  }
  const feed = isFeedType(fetched.contentType) || looksLikeFeed(page.value.content) ? parseFeed(page.value.content) : null;
  if (feed) yield* feedDocuments(feed, url, fetcher, now);
  else yield page;
}

function isFeedType(contentType: string | null): boolean {
  return contentType !== null && /(rss|atom|rdf)\+xml|^(application|text)\/xml$/.test(contentType);
}

/** A fetched response as a document: decoded by its declared charset (or sniffed), named by the URL asked for. */
export function pageOf(fetched: Fetched, source: string, now: () => string): Result<RawDocument> {
  if (fetched.contentType && !/html|xml|text\/plain/.test(fetched.contentType)) {
    return fail(new InputError(source, `not a web page or feed (${fetched.contentType})`));
  }
  let content: string;
  try {
    content = decodeText(fetched.body, source, fetched.charset);
  } catch (err) {
    return fail(new InputError(source, (err as Error).message));
  }
  if (content.trim() === '') return fail(new InputError(source, 'empty response'));
  const format = fetched.contentType === 'text/plain' ? 'text' : 'html';
  return ok({ source, format, content, meta: { url: fetched.url }, fetchedAt: now() });
}

/** The name a feed item's document goes by: the feed, and the item's link (or id, or position). */
export function feedItemSource(feed: string, item: FeedItem, index: number): string {
  return `${feed}#${item.url ?? item.id ?? `item-${index + 1}`}`;
}

/**
 * A feed's items as documents: the item's own HTML when the feed carries the full text, else the article fetched
 * from the item's link; the feed's title and the item's title, date and author are the metadata.
 */
export async function* feedDocuments(feed: Feed, source: string, fetcher: Fetcher | undefined, now: () => string): AsyncGenerator<Result<RawDocument>> {
  if (feed.items.length === 0) {
    yield fail(new InputError(source, 'the feed has no items'));
    return;
  }
  for (const [index, item] of feed.items.entries()) {
    const name = feedItemSource(source, item, index);
    const meta = {
      ...(item.id ? { id: item.id } : {}),
      ...(item.title ? { title: item.title } : {}),
      ...(item.url ? { url: item.url } : {}),
      ...(feed.title ? { outlet: feed.title } : {}),
      ...(item.author ? { author: item.author } : {}),
      ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}),
    };
    if (!item.summaryOnly) {
      yield ok({ source: name, format: 'html', content: item.html, meta, fetchedAt: now() });
      continue;
    }
    if (!item.url || !fetcher) {
      yield fail(new InputError(name, item.url ? 'the feed gives only a summary, and fetching is off' : 'the feed gives only a summary and no link'));
      continue;
    }
    try {
      const page = pageOf(await fetcher.fetch(item.url), name, now);
      if (page.ok) page.value.meta = { ...meta, ...page.value.meta, url: page.value.meta.url ?? item.url };
      yield page;
    } catch (err) {
      yield fail(new InputError(name, `the feed gives only a summary and the article could not be fetched: ${(err as InputError).problem ?? (err as Error).message}`));
    }
  }
}
