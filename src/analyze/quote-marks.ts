import type { Span, TextDoc } from '../model/types.js';
import { isAnalyzedRole } from '../text/build-doc.js';
import { UNSPACED_LETTER } from '../text/segment.js';

export interface QuotedSpan {
  /** Offsets of the opening and closing marks. */
  open: number;
  close: number;
  /** The text between the marks. */
  content: Span;
  /** Paragraph where the quote opens. */
  paragraph: number;
}

/** Closing marks each opening mark accepts, across conventions: “…” (en), „…“ (de), «…» (fr, ru), 「…」 (ja, zh). */
const CLOSERS: Record<string, string> = {
  '“': '”',
  '„': '“”',
  '«': '»',
  '»': '«',
  '‹': '›',
  '「': '」',
  '『': '』',
  '"': '"',
  '‚': '‘’',
};

/**
 * Every mark that opens or closes a quotation: the scan jumps from one to the next, since other characters change
 * nothing (reading each character of the text had cost 2% of the analysis).
 */
const MARKS = new RegExp(`[${[...new Set([...Object.keys(CLOSERS), ...Object.values(CLOSERS).join('')])].join('')}]`, 'gu');

/**
 * Quotations marked in the article's analyzed paragraphs. Straight quotes open at a word start and close at the next
 * straight quote; a quote left open at a paragraph's end continues when the next paragraph opens with the same mark
 * (the multi-paragraph convention).
 */
export function findQuotedSpans(doc: TextDoc): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let carried: { mark: string; open: number; paragraph: number } | null = null;
  for (const p of doc.paragraphs) {
    if (!isAnalyzedRole(p.role)) {
      carried = null;
      continue;
    }
    const [start, end] = p.span;
    const stack: { mark: string; open: number; paragraph: number }[] = [];
    let from = start;
    if (carried) {
      if (doc.text[start] === carried.mark) {
        stack.push(carried);
        from = start + 1;
      }
      carried = null;
    }
    // Within the paragraph's own text, so that a search for the next mark stops at its end.
    const paragraph = doc.text.slice(0, end);
    MARKS.lastIndex = from;
    for (let mark = MARKS.exec(paragraph); mark !== null; mark = MARKS.exec(paragraph)) {
      const i = mark.index;
      const ch = mark[0];
      const top = stack[stack.length - 1];
      if (top && CLOSERS[top.mark].includes(ch) && isClosingPosition(doc.text, i, top.mark)) {
        stack.pop();
        if (stack.length === 0 || top.mark !== ch) {
          out.push({ open: top.open, close: i, content: [top.open + 1, i], paragraph: top.paragraph });
        }
        continue;
      }
      if (ch in CLOSERS && isOpeningPosition(doc.text, i, start) && stack.length < 3) {
        stack.push({ mark: ch, open: i, paragraph: p.index });
      }
    }
    if (stack.length === 1) carried = stack[0];
  }
  return out.filter((q) => q.content[1] > q.content[0]).sort((a, b) => a.open - b.open);
}

/** Marks that French typography separates from the quoted words by a space: « Nous … ». */
const SPACED_MARKS = new Set(['«', '‹']);

/**
 * Writing without spaces between words puts an opening mark right after a word (アルジェリアは「…」, 他说：“…”): there any
 * mark but the straight ones opens.
 */
const UNSPACED_PUNCTUATION = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f\u201d]/u;
const unspacedBefore = (ch: string) => UNSPACED_LETTER.test(ch) || UNSPACED_PUNCTUATION.test(ch);

function isOpeningPosition(text: string, i: number, paragraphStart: number): boolean {
  const before = i > paragraphStart ? text[i - 1] : ' ';
  const after = text[i + 1] ?? ' ';
  const spacedContext = /[\s([{\-–—:/]|[“„«‹「『"']/u.test(before) || (unspacedBefore(before) && text[i] !== '"' && text[i] !== "'");
  return spacedContext && (SPACED_MARKS.has(text[i]) || !/\s/u.test(after));
}

function isClosingPosition(text: string, i: number, openMark: string): boolean {
  if (openMark !== '"' && openMark !== '‚') return true;
  const before = text[i - 1] ?? ' ';
  return !/\s/u.test(before);
}

/** Whether an offset lies inside any quotation (between its marks). */
export function insideQuote(quotes: QuotedSpan[], offset: number): QuotedSpan | undefined {
  return quotes.find((q) => offset > q.open && offset < q.close);
}
