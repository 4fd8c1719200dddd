// Re-joins hard-wrapped lines into paragraphs. Text exported from PDFs, e-mail and wire terminals breaks lines at a
// fixed width, often mid-sentence; a paragraph then ends at a blank line, at an indented line, or at a clearly short
// line that closes a sentence.

const SENTENCE_END = /[.!?…:;"”»’)\]]$/u;
const LIST_ITEM = /^\s*(?:[-•*–—]\s|\d{1,3}[.)]\s)/u;
/** A line ending a paragraph is noticeably shorter than the wrap width. */
const SHORT_LINE_RATIO = 0.8;
/** Share of mid-sentence line ends above which a text is taken to be hard-wrapped. */
const WRAPPED_SHARE = 0.3;

/** Splits raw text into paragraphs, re-joining hard-wrapped lines. Returned paragraphs are trimmed and non-empty. */
export function unwrapParagraphs(raw: string): string[] {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const chunks = splitOnBlankLines(lines);
  const wrapped = isHardWrapped(chunks);
  const width = wrapWidth(lines);
  const paragraphs: string[] = [];
  for (const chunk of chunks) {
    if (!wrapped) {
      for (const line of chunk) pushNonEmpty(paragraphs, line);
      continue;
    }
    let current = '';
    for (let i = 0; i < chunk.length; i++) {
      const line = chunk[i];
      current = current === '' ? line.trim() : joinLines(current, line.trim());
      const next = chunk[i + 1];
      if (next === undefined || startsParagraph(line, next, width)) {
        pushNonEmpty(paragraphs, current);
        current = '';
      }
    }
  }
  return paragraphs;
}

function splitOnBlankLines(lines: string[]): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length) chunks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) chunks.push(current);
  return chunks;
}

function isHardWrapped(chunks: string[][]): boolean {
  let inner = 0;
  let midSentence = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length - 1; i++) {
      inner++;
      if (!SENTENCE_END.test(chunk[i].trimEnd())) midSentence++;
    }
  }
  return inner > 0 && midSentence / inner >= WRAPPED_SHARE;
}

/** The width lines were wrapped at: a high percentile of line lengths, robust to a few overlong lines. */
function wrapWidth(lines: string[]): number {
  const lengths = lines.map((l) => l.trimEnd().length).filter((n) => n > 0).sort((a, b) => a - b);
  if (lengths.length === 0) return 0;
  return lengths[Math.floor((lengths.length - 1) * 0.9)];
}

function startsParagraph(line: string, next: string, width: number): boolean {
  if (/^\s+\S/u.test(next) && !/^\s+\S/u.test(line)) return true;
  if (LIST_ITEM.test(next)) return true;
  const trimmed = line.trimEnd();
  return SENTENCE_END.test(trimmed) && trimmed.length < width * SHORT_LINE_RATIO;
}

function joinLines(left: string, right: string): string {
  // A hyphen at a wrap is kept: it is more often part of a compound or a name ("Son-\nhui") than a soft hyphen.
  return left.endsWith('-') && /^\p{Ll}/u.test(right) ? left + right : `${left} ${right}`;
}

function pushNonEmpty(out: string[], text: string): void {
  const trimmed = text.trim();
  if (trimmed !== '') out.push(trimmed);
}
