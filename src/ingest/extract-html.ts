import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { ArticleDraft, BlockRole, DraftBlock, MetadataField, RawDocument } from '../model/types.js';
import { normalizeInline } from '../text/normalize.js';
import { classifyTextBlock, isLinkSectionLabel, markGallerySlides } from './block-roles.js';
import { InputError } from './errors.js';
import { draftFromBlocks, type ExtractedMeta } from './extract-text.js';
import { estimateDepth, flattenDeep, MAX_MARKUP_DEPTH } from './html-depth.js';

/** Elements whose content is never article text. */
// <form> is not dropped: ASP.NET and similar sites wrap the whole page in one; its controls are.
const DROPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'button', 'select', 'textarea', 'input', 'nav', 'canvas', 'object', 'embed', 'head']);
/** class/id words of page furniture: menus, share bars, related lists, comments, ads, cookie notices. */
const FURNITURE = /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|share|sharing|social|related|recommend\w*|promo|advert\w*|ads?|sponsor\w*|cookie\w*|consent|newsletter|subscribe|comments?|sidebar|footer|masthead|toolbar|popup|modal|banner|outbrain|taboola|gallery|slideshow|carousel|lightbox|meta|byline|bio|notification)($|[\s_-])/i;
/** Class/id words that name content: an element so named is not furniture ("l-sidebar-fixed l-article-body"). */
const CONTENT_NAME = /article|body|column|content|main/i;
const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'figcaption', 'pre', 'dd', 'dt', 'td', 'caption']);
/** Tags that flow inside a paragraph; an element holding only these (and text) is itself a paragraph. */
const INLINE_TAGS = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'img']);
/** Stands for <br> in collected text, so paragraphs separated by blank lines of <br><br> can be split. */
const LINE_BREAK = '\u2028';
/** Text shorter than this, directly inside a container between its blocks, is a label rather than a paragraph. */
const MIN_LOOSE_TEXT_CHARS = 40;
/** Siblings of the chosen container holding at least this share of its text belong to the article too. */
const SIBLING_SHARE = 0.2;
/** Wrappers climbed from the best container to find its sibling blocks; higher up, siblings are page regions. */
const MAX_WRAPPER_LEVELS = 2;
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Paragraphs shorter than this add little evidence that their container holds the article. */
const MIN_SCORED_CHARS = 25;
const MAX_LINK_DENSITY = 0.5;

interface HtmlBlock {
  tag: string;
  text: string;
  linkChars: number;
  /** The element the text belongs to: the paragraph itself, or the container of a run of loose text. */
  element: Element;
  /** The element whose score this block raises: a paragraph's parent, or the container of loose text. */
  container: Element | null;
  inFurniture: boolean;
}

/** HTML to an ArticleDraft: metadata from JSON-LD, OpenGraph and meta tags; the body from the best-scored container. */
export function extractHtml(doc: RawDocument): ArticleDraft {
  const depth = estimateDepth(doc.content);
  if (depth > MAX_MARKUP_DEPTH) throw new InputError(doc.source, `markup nested about ${depth} levels deep, more than the ${MAX_MARKUP_DEPTH}-level limit`);
  const dom = parseDocument(doc.content, { decodeEntities: true });
  flattenDeep(dom);
  const meta = readMetadata(dom.children);
  const blocks: HtmlBlock[] = [];
  const pageChars = dom.children.reduce((sum, node) => sum + normalizeInline(textOf(node).text).length, 0);
  const teasers = teaserCards(dom.children);
  collectBlocks(dom.children, false, blocks, pageChars, teasers);
  const containers = articleContainers(blocks);
  const chosen = blocks.filter((b) => !b.inFurniture && (containers.length === 0 || containers.some((c) => isInside(b.element, c))));
  const draftBlocks = markGallerySlides(withoutRepeats(chosen.map((b) => ({ role: roleOf(b), text: b.text })).filter((b) => b.text !== '')));
  if (meta.title && draftBlocks[0]?.role === 'heading' && sameText(draftBlocks[0].text, meta.title)) draftBlocks.shift();
  return draftFromBlocks(doc, preferPublisherBody(draftBlocks, meta.articleBody), meta);
}

/** Shorter paragraphs repeat in real articles (list items of a recipe, a menu per day); longer ones are copies. */
const MIN_REPEATED_CHARS = 100;

/** A paragraph printed again (a gallery's captions, a pull quote, a teaser of the lead) is the article's once. */
function withoutRepeats(blocks: DraftBlock[]): DraftBlock[] {
  const seen = new Set<string>();
  return blocks.filter((b) => {
    if (b.role !== 'body' || b.text.length < MIN_REPEATED_CHARS) return true;
    if (seen.has(b.text)) return false;
    seen.add(b.text);
    return true;
  });
}

/** The markup yields less than this share of the publisher's own articleBody: the page is rendered by script. */
const PUBLISHER_BODY_SHARE = 0.5;

/**
 * Pages whose text is filled in by script carry it only in JSON-LD `articleBody`. When the markup yields much less
 * than that, the publisher's text replaces the body blocks (captions and headings found in the markup stay).
 */
function preferPublisherBody(blocks: DraftBlock[], articleBody: string | null): DraftBlock[] {
  if (!articleBody) return blocks;
  const found = blocks.filter((b) => b.role === 'body').reduce((n, b) => n + b.text.length, 0);
  if (found >= PUBLISHER_BODY_SHARE * articleBody.length) return blocks;
  const paragraphs = articleBody.split(/\n\s*\n|\r?\n/u).map(normalizeInline).filter(Boolean);
  return [...blocks.filter((b) => b.role !== 'body'), ...paragraphs.map((text) => ({ role: 'body' as const, text }))];
}

function roleOf(block: HtmlBlock): BlockRole {
  if (block.tag === 'figcaption' || block.tag === 'caption') return 'caption';
  if (block.text.length > 0 && block.linkChars / block.text.length > MAX_LINK_DENSITY) return 'boilerplate';
  const byForm = classifyTextBlock(block.text);
  if (HEADING_TAGS.has(block.tag)) return byForm === 'boilerplate' ? byForm : 'heading';
  return byForm === 'heading' ? 'body' : byForm;
}

/** Page-level elements whose classes describe the page's state ("one-sidebar", "nav-open"), not their own role. */
const NEVER_FURNITURE = new Set(['html', 'body', 'main', 'article']);
/** An element named like furniture that holds this share of the page's text is the page's content wrapper. */
const CONTENT_WRAPPER_SHARE = 0.4;

function namedAsFurniture(el: Element, tag: string): boolean {
  const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  return !NEVER_FURNITURE.has(tag) && FURNITURE.test(names) && !CONTENT_NAME.test(names);
}

function holdsMostText(el: Element, pageChars: number): boolean {
  return pageChars > 0 && normalizeInline(textOf(el).text).length >= CONTENT_WRAPPER_SHARE * pageChars;
}

function collectBlocks(nodes: AnyNode[], inFurniture: boolean, out: HtmlBlock[], pageChars: number, teasers: ReadonlySet<Element>): void {
  for (const node of nodes) {
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const el = node as Element;
    const tag = el.name.toLowerCase();
    if (DROPPED_TAGS.has(tag) || isHidden(el)) continue;
    const furniture = inFurniture || tag === 'aside' || tag === 'footer' || teasers.has(el) || (namedAsFurniture(el, tag) && !holdsMostText(el, pageChars));
    if (BLOCK_TAGS.has(tag) && !containsBlock(el)) {
      pushBlock(out, tag, el, el.children, furniture);
      continue;
    }
    if (!BLOCK_TAGS.has(tag) && el.children.length > 0 && el.children.every(isInlineNode)) {
      // A <div> or <td> of text and inline tags is a paragraph (or several, split at <br><br>).
      pushBlock(out, 'div', el, el.children, furniture);
      continue;
    }
    collectMixed(el, furniture, out, pageChars, teasers);
  }
}

/** Children of a container: blocks recurse; runs of loose text between them become paragraphs of their own. */
function collectMixed(el: Element, furniture: boolean, out: HtmlBlock[], pageChars: number, teasers: ReadonlySet<Element>): void {
  let run: AnyNode[] = [];
  const flush = () => {
    const text = run.map((n) => textOf(n).text).join('');
    if (normalizeInline(text.replaceAll(LINE_BREAK, ' ')).length >= MIN_LOOSE_TEXT_CHARS) pushBlock(out, 'div', el, run, furniture);
    run = [];
  };
  for (const child of el.children) {
    if (isInlineNode(child)) run.push(child);
    else {
      flush();
      collectBlocks([child], furniture, out, pageChars, teasers);
      // What follows "You may also like" in the same container is a list of other articles.
      if (child.type === 'tag' && opensLinkSection(child as Element)) furniture = true;
    }
  }
  flush();
}

function opensLinkSection(el: Element): boolean {
  // Only a heading: the same words in a paragraph ("Leggi anche") announce one link and the article goes on.
  return HEADING_TAGS.has(el.name) && isLinkSectionLabel(normalizeInline(textOf(el).text));
}

function isInlineNode(node: AnyNode): boolean {
  if (node.type === 'text') return true;
  if (node.type !== 'tag') return node.type === 'comment';
  const el = node as Element;
  return INLINE_TAGS.has(el.name) && el.children.every(isInlineNode);
}

/** Adds the text of `nodes` as one block per <br><br>-separated paragraph. */
function pushBlock(out: HtmlBlock[], tag: string, element: Element, nodes: AnyNode[], inFurniture: boolean): void {
  let text = '';
  let linkChars = 0;
  for (const node of nodes) {
    const part = textOf(node);
    text += part.text;
    linkChars += part.linkChars;
  }
  const paragraphs = text.split(new RegExp(`${LINE_BREAK}\\s*${LINE_BREAK}`, 'u'));
  for (const paragraph of paragraphs) {
    const normalized = normalizeInline(paragraph.replaceAll(LINE_BREAK, ' '));
    if (!normalized) continue;
    const share = paragraphs.length > 1 ? normalized.length / Math.max(1, text.length) : 1;
    const loose = nodes !== element.children;
    const container = loose ? element : flowContainer(element);
    out.push({ tag, text: normalized, linkChars: Math.round(linkChars * share), element, container, inFurniture });
  }
}

/** Cards of a listing that repeat at least this often under one parent: "most read", "recent articles" rails. */
const MIN_TEASER_CARDS = 3;
/** A card is a headline with a picture or a line of summary; longer text is an article's own section. */
const MAX_TEASER_CHARS = 400;
const TEASER_CARD_TAGS = new Set(['div', 'li', 'article', 'section']);

/**
 * Teaser cards: siblings of one kind (same tag and leading class names, see cardKind) that each link elsewhere and carry a picture or a
 * headline, with little text. Related-article rails and "you may like" grids look like this; paragraphs and list
 * items of an article do not.
 */
function teaserCards(nodes: AnyNode[]): Set<Element> {
  const cards = new Set<Element>();
  const visit = (el: Element) => {
    const groups = new Map<string, Element[]>();
    for (const child of el.children) {
      if (child.type !== 'tag') continue;
      const c = child as Element;
      if (!TEASER_CARD_TAGS.has(c.name)) continue;
      const key = `${c.name}.${cardKind(c.attribs.class)}`;
      const group = groups.get(key);
      if (group) group.push(c);
      else groups.set(key, [c]);
    }
    for (const group of groups.values()) {
      if (group.length >= MIN_TEASER_CARDS && group.every(isTeaserCard)) for (const card of group) cards.add(card);
    }
    for (const child of el.children) if (child.type === 'tag' && !cards.has(child as Element)) visit(child as Element);
  };
  for (const node of nodes) if (node.type === 'tag') visit(node as Element);
  return cards;
}

/** Cards of one listing share their leading class names; names with digits are per item ("post-7816"). */
function cardKind(classes: string | undefined): string {
  return (classes ?? '').split(/\s+/u).filter((name) => name && !/\d/u.test(name)).slice(0, 2).join('.');
}

function isTeaserCard(card: Element): boolean {
  let link = false;
  let picture = false;
  let headline = false;
  const stack: AnyNode[] = [...card.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'tag') continue;
    const el = node as Element;
    if (el.name === 'a' && el.attribs.href) link = true;
    else if (el.name === 'img' || el.name === 'picture') picture = true;
    else if (HEADING_TAGS.has(el.name)) headline = true;
    stack.push(...el.children);
  }
  return link && (picture || headline) && normalizeInline(textOf(card).text).length <= MAX_TEASER_CHARS;
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Markup a reader never sees: metadata copies of the article for crawlers, collapsed menus. */
function isHidden(el: Element): boolean {
  return 'hidden' in el.attribs || (el.attribs.style !== undefined && HIDDEN_STYLE.test(el.attribs.style));
}

/** The element a paragraph's text flows in: its parent, or for a list item, the element holding the list. */
function flowContainer(element: Element): Element | null {
  const parent = element.parent?.type === 'tag' ? (element.parent as Element) : null;
  if (element.name === 'li' && parent && (parent.name === 'ul' || parent.name === 'ol') && parent.parent?.type === 'tag') return parent.parent as Element;
  return parent;
}

function containsBlock(el: Element): boolean {
  return el.children.some((c) => c.type === 'tag' && (BLOCK_TAGS.has((c as Element).name) || containsBlock(c as Element)));
}

function textOf(node: AnyNode, inLink = false): { text: string; linkChars: number } {
  if (node.type === 'text') {
    const data = (node as unknown as { data: string }).data;
    return { text: data, linkChars: inLink ? data.trim().length : 0 };
  }
  if (node.type !== 'tag') return { text: '', linkChars: 0 };
  const el = node as Element;
  if (DROPPED_TAGS.has(el.name) || isHidden(el)) return { text: '', linkChars: 0 };
  if (el.name === 'br') return { text: LINE_BREAK, linkChars: 0 };
  let text = '';
  let linkChars = 0;
  for (const child of el.children) {
    const part = textOf(child, inLink || el.name === 'a');
    text += part.text;
    linkChars += part.linkChars;
  }
  return { text, linkChars };
}

/**
 * The element holding the article: paragraphs vote for their parent (fully) and grandparent (half), weighted by
 * their length without link text, as in Readability's scoring.
 */
function isScored(block: HtmlBlock): boolean {
  return !block.inFurniture && (block.tag === 'p' || block.tag === 'div' || block.tag === 'li') && block.text.length - block.linkChars >= MIN_SCORED_CHARS && block.linkChars / block.text.length <= MAX_LINK_DENSITY;
}

/**
 * The elements holding the article: paragraphs vote for their container (fully) and its parent (half), weighted by
 * their length without link text, as in Readability's scoring; siblings of the winner that carry a good share of
 * text join it, since long articles are often split into several blocks.
 */
function articleContainers(blocks: HtmlBlock[]): Element[] {
  const scores = new Map<Element, number>();
  const subtreeChars = new Map<Element, number>();
  for (const block of blocks) {
    if (!isScored(block) || !block.container) continue;
    const ownChars = block.text.length - block.linkChars;
    const weight = 1 + Math.min(ownChars / 100, 3);
    scores.set(block.container, (scores.get(block.container) ?? 0) + weight);
    const grand = block.container.parent as Element | null;
    if (grand?.type === 'tag') scores.set(grand, (scores.get(grand) ?? 0) + weight / 2);
    // From the paragraph itself: a paragraph beside the best container is one of its siblings with text.
    for (let el: Element | null = block.element; el && el.type === 'tag'; el = el.parent as Element | null) {
      subtreeChars.set(el, (subtreeChars.get(el) ?? 0) + ownChars);
    }
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  if (!best) return [];
  // The publisher's own marking of the body (schema.org microdata) wins when it holds real text.
  const marked = markedBody(best);
  if (marked && (subtreeChars.get(marked) ?? 0) >= MARKED_BODY_SHARE * (subtreeChars.get(best) ?? 0)) return [marked];
  // Climb through wrappers that add no text of their own, to the level where the article's other blocks are siblings.
  const direct = best.parent as Element | null;
  if (direct?.type === 'tag' && (direct.name === 'article' || direct.name === 'main')) return [direct];
  const bestChars = subtreeChars.get(best) ?? 0;
  let node: Element = best;
  for (let level = 0; level < MAX_WRAPPER_LEVELS && node.parent?.type === 'tag' && (subtreeChars.get(node.parent as Element) ?? 0) === bestChars; level++) {
    node = node.parent as Element;
  }
  const parent = node.parent as Element | null;
  if (parent?.type !== 'tag') return [node];
  return parent.children.filter((c): c is Element => c === node || (c.type === 'tag' && (subtreeChars.get(c as Element) ?? 0) >= SIBLING_SHARE * bestChars));
}

/** A microdata-marked body holding at least this share of the best container's text is taken as the article. */
const MARKED_BODY_SHARE = 0.5;

/** The element marked itemprop="articleBody" in the page of `near`, if any. */
function markedBody(near: Element): Element | null {
  let root: AnyNode = near;
  while (root.parent) root = root.parent;
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'tag' && /(^|\s)articleBody(\s|$)/.test((node as Element).attribs.itemprop ?? '')) return node as Element;
    if ('children' in node) for (const child of (node as Element).children) stack.push(child);
  }
  return null;
}

function isInside(node: AnyNode, ancestor: Element): boolean {
  for (let cur: AnyNode | null = node; cur; cur = cur.parent) if (cur === ancestor) return true;
  return false;
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

// ---- metadata ----

/** Meta names that carry a publication date on real pages, besides OpenGraph's article:published_time. */
const DATE_META = ['date', 'pubdate', 'publishdate', 'publish-date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'article.published', 'og:published_time'];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'dc.date.modified', 'dcterms.modified', 'last-modified', 'lastmod'];

/** The first candidate with a value wins; its source is recorded. Candidates are listed best first. */
function pick(field: MetadataField, sources: ExtractedMeta['sources'] & object, candidates: [unknown, string][]): string | null {
  for (const [value, source] of candidates) {
    if (typeof value === 'string' && value.trim() !== '') {
      sources[field] = source;
      return value;
    }
  }
  return null;
}

/** A date in a URL path: /2024/11/05/, /2024-11-05-, /20241105/. */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const match = /(?:^|\/|-|_)((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=\/|-|_|\.|$)/.exec(path);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

function readMetadata(nodes: AnyNode[]): ExtractedMeta & { articleBody: string | null } {
  const metas = new Map<string, string>();
  const ld: Record<string, unknown>[] = [];
  let titleTag: string | null = null;
  let canonical: string | null = null;
  let lang: string | null = null;
  let publishedTime: string | null = null;
  let anyTime: string | null = null;
  let authorLink: string | null = null;
  const visit = (list: AnyNode[]) => {
    for (const node of list) {
      if (node.type !== 'tag' && node.type !== 'script') continue;
      const el = node as Element;
      const name = el.name.toLowerCase();
      if (name === 'html' && el.attribs.lang) lang = el.attribs.lang.split('-')[0].toLowerCase();
      if (name === 'title' && titleTag === null) titleTag = normalizeInline(textOf(el).text);
      if (name === 'meta') {
        const key = (el.attribs.property ?? el.attribs.name ?? el.attribs.itemprop ?? el.attribs['http-equiv'] ?? '').toLowerCase();
        if (key && el.attribs.content && !metas.has(key)) metas.set(key, normalizeInline(el.attribs.content));
      }
      if (name === 'link' && (el.attribs.rel ?? '').toLowerCase() === 'canonical' && el.attribs.href) canonical = el.attribs.href;
      if (name === 'a' && (el.attribs.rel ?? '').toLowerCase().split(/\s+/).includes('author') && authorLink === null) authorLink = normalizeInline(textOf(el).text) || null;
      if (name === 'time' && el.attribs.datetime) {
        const marked = /datepublished/i.test(el.attribs.itemprop ?? '') || 'pubdate' in el.attribs || /publish/i.test(el.attribs.class ?? '');
        if (marked && publishedTime === null) publishedTime = el.attribs.datetime;
        if (anyTime === null) anyTime = el.attribs.datetime;
      }
      if (name === 'script' && (el.attribs.type ?? '').toLowerCase() === 'application/ld+json') {
        ld.push(...parseJsonLd(el.children.map((c) => (c as unknown as { data?: string }).data ?? '').join('')));
      }
      visit(el.children);
    }
  };
  visit(nodes);
  const article = ld.find((item) => /(News)?Article|Report|BlogPosting/.test(String(item['@type'] ?? '')));
  const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? normalizeInline(v) : null);
  const nameOf = (v: unknown): string | null => {
    if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join(', ') || null;
    if (v && typeof v === 'object') return str((v as Record<string, unknown>).name);
    return str(v);
  };
  const valid = (date: string | null) => (date && !Number.isNaN(Date.parse(date)) ? date : null);
  const sources: NonNullable<ExtractedMeta['sources']> = {};
  const url = pick('url', sources, [
    [canonical, 'canonical-link'],
    [metas.get('og:url'), 'opengraph'],
    [str(article?.url), 'json-ld'],
  ]);
  return {
    title: pick('title', sources, [
      [str(article?.headline), 'json-ld'],
      [metas.get('og:title'), 'opengraph'],
      [metas.get('twitter:title'), 'meta'],
      [titleTag, 'title-tag'],
    ]),
    outlet: pick('outlet', sources, [
      [nameOf(article?.publisher), 'json-ld'],
      [metas.get('og:site_name'), 'opengraph'],
      [metas.get('application-name'), 'meta'],
    ]),
    author: pick('author', sources, [
      [nameOf(article?.author), 'json-ld'],
      [metas.get('author'), 'meta'],
      [metas.get('article:author'), 'opengraph'],
      [metas.get('dc.creator'), 'meta'],
      [authorLink, 'author-link'],
    ]),
    publishedAt: pick('publishedAt', sources, [
      [valid(str(article?.datePublished)), 'json-ld'],
      [valid(metas.get('article:published_time') ?? null), 'opengraph'],
      ...DATE_META.map((key): [unknown, string] => [valid(metas.get(key) ?? null), 'meta']),
      [valid(publishedTime), 'time-element'],
      [valid(dateFromUrl(url)), 'url'],
      [valid(anyTime), 'time-element'],
    ]),
    modifiedAt: pick('modifiedAt', sources, [
      [valid(str(article?.dateModified)), 'json-ld'],
      ...MODIFIED_META.map((key): [unknown, string] => [valid(metas.get(key) ?? null), key.startsWith('article:') || key.startsWith('og:') ? 'opengraph' : 'meta']),
    ]),
    url,
    lang: pick('lang', sources, [
      [lang, 'html-lang'],
      [str(article?.inLanguage), 'json-ld'],
    ]),
    sources,
    articleBody: typeof article?.articleBody === 'string' && article.articleBody.trim() ? article.articleBody : null,
  };
}

function parseJsonLd(text: string): Record<string, unknown>[] {
  try {
    const parsed: unknown = JSON.parse(text);
    const items = Array.isArray(parsed) ? parsed : [parsed];
    const out: Record<string, unknown>[] = [];
    for (const item of items) {
      if (!item || typeof item !== 'object') continue;
      const graph = (item as Record<string, unknown>)['@graph'];
      if (Array.isArray(graph)) out.push(...graph.filter((g): g is Record<string, unknown> => !!g && typeof g === 'object'));
      else out.push(item as Record<string, unknown>);
    }
    return out;
  } catch {
    return []; // Broken JSON-LD is common on real pages; the other metadata sources still apply.
  }
}
