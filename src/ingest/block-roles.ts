import boilerplate from '../../data/boilerplate.json' with { type: 'json' };
import type { BlockRole, DraftBlock } from '../model/types.js';
import { startsWithCapital } from '../text/segment.js';

const PREFIXES = boilerplate.prefixes.map((p) => p.toLowerCase());
const SECTION_LABELS = boilerplate.sectionLabels.map((p) => p.toLowerCase());
const MAX_SECTION_LABEL_CHARS = 60;
const CREDIT_WORD = `(?:${boilerplate.creditWords.map(escapeRegExp).join('|')})`;
const AGENCY = `(?:${boilerplate.creditAgencies.map(escapeRegExp).join('|')})`;
/** "Photo: X", "photo by X", "/ Collage X", "| Getty Images", "© X": a credit line, not prose. */
const CREDIT_PATTERNS = [
  new RegExp(`(?:^|[\\s(\\[])${CREDIT_WORD}\\s*(?::|by\\b|©)`, 'iu'),
  new RegExp(`[/|]\\s*${CREDIT_WORD}(?=[\\s.:,]|$)`, 'iu'),
  new RegExp(`(?:[/|©]\\s*|${CREDIT_WORD}\\s+)${AGENCY}(?=[\\s.,;:)]|$)`, 'iu'),
  /©/u,
];
const MAX_CAPTION_CHARS = 400;
const MAX_HEADING_WORDS = 14;
const HEADING_END = /[.!?,;:…"”»]$/u;

/** The role of a block of plain text by its form: labels of related links, photo credits, datelines, short headings. */
export function classifyTextBlock(text: string): BlockRole {
  const lower = text.toLowerCase();
  if (PREFIXES.some((p) => lower.startsWith(p))) return 'boilerplate';
  if (isDateline(text)) return 'boilerplate';
  if (text.length <= MAX_CAPTION_CHARS && CREDIT_PATTERNS.some((re) => re.test(text))) return 'caption';
  if (looksLikeHeading(text)) return 'heading';
  return 'body';
}

/** "3/34 28 November 2017 A sign reads … Rex Features": a slide of a gallery, counted against its size. */
const SLIDE_COUNTER = /^(\d{1,3})\s?\/\s?(\d{1,3})\b/u;
/** Slides of one gallery a text must hold before a counter is read as one: "9/11" opens a sentence too. */
const MIN_GALLERY_SLIDES = 3;

/**
 * The slides of a picture gallery printed inline ("1/34 …", "2/34 …"): their captions are kept as captions, not
 * body, and their counters are no figures of the article. A gallery is three or more blocks counted against one size.
 */
export function markGallerySlides(blocks: readonly DraftBlock[]): DraftBlock[] {
  const sizes = blocks.map((b) => {
    const m = SLIDE_COUNTER.exec(b.text);
    return m && Number(m[1]) >= 1 && Number(m[1]) <= Number(m[2]) ? m[2] : null;
  });
  const slides = new Map<string, number>();
  for (const size of sizes) if (size) slides.set(size, (slides.get(size) ?? 0) + 1);
  return blocks.map((b, i) => {
    const size = sizes[i];
    return size && slides.get(size)! >= MIN_GALLERY_SLIDES && b.role === 'body' ? { ...b, role: 'caption' } : b;
  });
}

/** "You may also like", "Most read in world news", "Читайте также": a heading that opens a list of other articles. */
export function isLinkSectionLabel(text: string): boolean {
  if (text.length > MAX_SECTION_LABEL_CHARS) return false;
  const label = text.toLowerCase().replace(/[\s.:…!›»>-]+$/u, '').replace(/[’‘]/gu, "'");
  // "Most read in world news" opens a section; "Related: The 15 Weirdest Galaxies" is one link inside the article.
  return SECTION_LABELS.some((p) => label === p || (label.startsWith(p) && /^\s+(?:in|from|on|about|at)\s/u.test(label.slice(p.length))));
}

export function looksLikeHeading(text: string): boolean {
  const words = text.split(/\s+/u).filter(Boolean);
  return words.length > 0 && words.length <= MAX_HEADING_WORDS && !HEADING_END.test(text) && startsWithCapital(text);
}

/** Locales whose month and weekday names ICU supplies for recognizing a dateline; others still match by digits. */
const DATE_LOCALES = ['en', 'ru', 'uk', 'de', 'fr', 'es', 'pl', 'pt', 'it', 'nl', 'cs', 'hr', 'sv', 'tr', 'is'];
const MAX_DATELINE_CHARS = 80;
/** Words besides dates and times a dateline may carry: "Updated:", "Published on", a place. */
const MAX_DATELINE_OTHER_WORDS = 2;
const TIME_ZONE = /^\p{Lu}{2,4}$/u;
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/u;
const PARTICLE = /^\p{Ll}{1,2}$/u;
const DATE_DIGITS = /\b(?:19|20)\d{2}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/u;

const DATE_WORDS: ReadonlySet<string> = (() => {
  const words = new Set<string>(['am', 'pm', 'a.m', 'p.m', 'utc', 'gmt']);
  for (const locale of DATE_LOCALES) {
    for (let month = 0; month < 12; month++) {
      const date = new Date(Date.UTC(2021, month, 10 + (month % 7)));
      for (const options of [{ month: 'long' }, { month: 'short' }, { day: 'numeric', month: 'long' }, { day: 'numeric', month: 'short' }, { weekday: 'long' }, { weekday: 'short' }] as const) {
        for (const part of new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).formatToParts(date)) {
          if (part.type === 'month' || part.type === 'weekday') words.add(part.value.toLowerCase().replace(/\.$/u, ''));
        }
      }
    }
  }
  return words;
})();

/** "18 Nov 2019, 19:09", "Updated: November 20, 2019 - 11:28 AMT", "2018-08-16": when, not what. */
export function isDateline(text: string): boolean {
  if (text.length > MAX_DATELINE_CHARS || !DATE_DIGITS.test(text)) return false;
  let other = 0;
  for (const word of text.match(/\p{L}+(?:[.-]\p{L}+)*/gu) ?? []) {
    // Time zones (AMT, CET, MSK), ordinal suffixes (20th) and particles ("22 de janeiro", "в 10:00") belong to the date.
    if (DATE_WORDS.has(word.toLowerCase()) || TIME_ZONE.test(word) || ORDINAL_SUFFIX.test(word) || PARTICLE.test(word)) continue;
    if (++other > MAX_DATELINE_OTHER_WORDS) return false;
  }
  return true;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
