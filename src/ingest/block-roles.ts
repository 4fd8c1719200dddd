import boilerplate from '../../data/boilerplate.json' with { type: 'json' };
import type { BlockRole } from '../model/types.js';

const PREFIXES = boilerplate.prefixes.map((p) => p.toLowerCase());
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

/** The role of a block of plain text by its form: labels of related links, photo credits, short headings. */
export function classifyTextBlock(text: string): BlockRole {
  const lower = text.toLowerCase();
  if (PREFIXES.some((p) => lower.startsWith(p))) return 'boilerplate';
  if (text.length <= MAX_CAPTION_CHARS && CREDIT_PATTERNS.some((re) => re.test(text))) return 'caption';
  if (looksLikeHeading(text)) return 'heading';
  return 'body';
}

export function looksLikeHeading(text: string): boolean {
  const words = text.split(/\s+/u).filter(Boolean);
  return words.length > 0 && words.length <= MAX_HEADING_WORDS && !HEADING_END.test(text) && /^\p{Lu}/u.test(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
