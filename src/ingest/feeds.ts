import type { Element } from 'domhandler';
import { getElementsByTagName, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';

export interface Feed {
  title: string | null;
  /** The site the feed belongs to. */
  link: string | null;
  items: FeedItem[];
}

export interface FeedItem {
  id: string | null;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  author: string | null;
  /** The item's HTML: the full content when the feed carries it, else the summary. */
  html: string;
  /** True when the feed gives only a summary, so the article has to be fetched from `url`. */
  summaryOnly: boolean;
}

/** Items whose text is shorter than this are summaries, even when the feed puts them in a content element. */
const FULL_TEXT_CHARS = 700;

/** Whether a text is an RSS, RDF or Atom document (by its root element). */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2000).replace(/<\?xml[^>]*>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '').trimStart();
  return /^<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

/** RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom, with content:encoded, dc:creator and Atom content preferred to summaries. */
export function parseFeed(xml: string): Feed | null {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const root = doc.children.find((n): n is Element => n.type === 'tag');
  if (!root) return null;
  const name = root.name.toLowerCase();
  const first = (parent: Element, ...tags: string[]) => {
    for (const tag of tags) {
      const found = getElementsByTagName(tag, parent.children, true, 1)[0];
      if (found) return found;
    }
    return undefined;
  };
  const text = (parent: Element, ...tags: string[]) => {
    const el = first(parent, ...tags);
    const value = el ? textContent(el).trim() : '';
    return value === '' ? null : value;
  };
  if (name === 'feed') {
    const links = (parent: Element) => getElementsByTagName('link', parent.children, false);
    const alternate = (parent: Element) => {
      const all = links(parent);
      const best = all.find((l) => !l.attribs.rel || l.attribs.rel === 'alternate') ?? all[0];
      return best?.attribs.href ?? null;
    };
    return {
      title: text(root, 'title'),
      link: alternate(root),
      items: getElementsByTagName('entry', root.children, false).map((entry) => {
        const content = text(entry, 'content');
        const summary = text(entry, 'summary');
        const html = content ?? summary ?? '';
        return {
          id: text(entry, 'id'),
          title: text(entry, 'title'),
          url: alternate(entry),
          publishedAt: isoDate(text(entry, 'published', 'updated')),
          author: (() => {
            const author = first(entry, 'author');
            return author ? text(author, 'name') : null;
          })(),
          html,
          summaryOnly: !content || plainLength(html) < FULL_TEXT_CHARS,
        };
      }),
    };
  }
  if (name === 'rss' || name === 'rdf:rdf') {
    const channel = first(root, 'channel') ?? root;
    return {
      title: text(channel, 'title'),
      link: text(channel, 'link'),
      items: getElementsByTagName('item', root.children, true).map((item) => {
        const content = text(item, 'content:encoded');
        const description = text(item, 'description');
        const html = content ?? description ?? '';
        return {
          id: text(item, 'guid'),
          title: text(item, 'title'),
          url: text(item, 'link') ?? (item.attribs['rdf:about'] || null),
          publishedAt: isoDate(text(item, 'pubDate', 'dc:date')),
          author: text(item, 'dc:creator', 'author'),
          html,
          summaryOnly: !content || plainLength(html) < FULL_TEXT_CHARS,
        };
      }),
    };
  }
  return null;
}

function isoDate(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function plainLength(html: string): number {
  return html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().length;
}
