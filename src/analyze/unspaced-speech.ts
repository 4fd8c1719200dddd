import type { Span, TextDoc } from '../model/types.js';
import { isStopWord } from '../text/stopwords.js';
import type { Lexicon } from './lexicon.js';
import type { QuotedSpan } from './quote-marks.js';
import type { SpeechFrame } from './reported-speech.js';

/** Farthest a cue may stand from its quotation's mark, in characters: "」と述べた" , "”，外交部发言人汪文斌说". */
const MAX_CUE_DISTANCE = 16;
/** Longest subject phrase taken as a source, in characters. */
const MAX_SOURCE_CHARS = 30;
/** Punctuation that ends a phrase in unspaced writing (and in the Latin text it quotes). */
const PHRASE_END = /[、。，,；;：:！!？?（）()「」『』“”"\s]/u;

/**
 * Reporting frames of a sentence in a language written without spaces between words (Japanese, Chinese), where the
 * word-by-word rules of reported speech find no words. A quotation is attributed by a cue of the language's lexicon
 * next to its marks: after the closing mark, through a quoting particle (「…」と述べた) or a comma (“…”，他说), or
 * before the opening mark (汪文斌说：“…”). The source is the phrase between the mark and the cue, else the phrase that
 * ends in a subject particle before the quotation (アルジェリアは「…」と述べた), else the phrase just before the cue.
 */
export function findUnspacedFrames(doc: TextDoc, sentence: number, quoted: QuotedSpan[], lex: Lexicon): SpeechFrame[] {
  const [start, end] = doc.sentences[sentence].span;
  const frames: SpeechFrame[] = [];
  for (const q of quoted) {
    if (q.close < start || q.close >= end) continue;
    const frame = cueAfter(doc, q, start, end, lex) ?? cueBefore(doc, q, start, lex);
    if (frame) frames.push({ ...frame, sentence });
  }
  for (const frame of indirectFrames(doc, start, end, quoted, lex)) {
    if (!frames.some((f) => f.cue.span[0] < frame.cue.span[1] && frame.cue.span[0] < f.cue.span[1])) frames.push({ ...frame, sentence });
  }
  return frames.sort((a, b) => a.cue.span[0] - b.cue.span[0]);
}

/** Reported content shorter than this (characters) is a phrase, not a statement. */
const MIN_INDIRECT_CHARS = 6;

/**
 * Indirect speech, where the language's data file says on which side of the cue the report stands: after it, past
 * a comma or colon (Chinese "汪文斌表示，此举干涉了中国内政。"), or before it, ended by a quoting particle (Japanese
 * "外務省は、…と述べた。"). Reports holding a quotation are left to the quotation's frame.
 */
function indirectFrames(doc: TextDoc, start: number, end: number, quoted: QuotedSpan[], lex: Lexicon): Found[] {
  const text = doc.text.slice(start, end);
  const found: Found[] = [];
  for (const cue of lex.cues) {
    for (let at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + cue.length)) {
      const cueSpan: Span = [start + at, start + at + cue.length];
      if (quoted.some((q) => cueSpan[0] > q.open && cueSpan[0] < q.close)) continue;
      const frame = lex.reportBeforeCue ? reportBefore(doc, cueSpan, start, lex) : reportAfter(doc, cueSpan, start, end, lex);
      if (!frame || !frame.content || frame.content[1] - frame.content[0] < MIN_INDIRECT_CHARS) continue;
      if (/[「」『』“”"«»]/u.test(doc.text.slice(frame.content[0], frame.content[1]))) continue;
      found.push({ ...frame, cue: { text: cue, span: cueSpan } });
    }
  }
  return found;
}

function reportAfter(doc: TextDoc, cue: Span, sentenceStart: number, sentenceEnd: number, lex: Lexicon): Omit<Found, 'cue'> | null {
  const after = /^[，,：:]\s*/u.exec(doc.text.slice(cue[1], sentenceEnd));
  if (!after) return null;
  const source = phraseBefore(doc.text, cue[0], sentenceStart, lex);
  let contentEnd = sentenceEnd;
  while (contentEnd > cue[1] && /[\s。．.!！?？]/u.test(doc.text[contentEnd - 1])) contentEnd--;
  const content = trimmedSpan(doc.text, cue[1] + after[0].length, contentEnd);
  return source && content ? { source, content: content.span, inherited: false, nominal: false } : null;
}

function reportBefore(doc: TextDoc, cue: Span, sentenceStart: number, lex: Lexicon): Omit<Found, 'cue'> | null {
  const before = doc.text.slice(sentenceStart, cue[0]);
  const particle = lex.quoteParticles.find((p) => before.endsWith(p));
  if (!particle) return null;
  const reportEnd = cue[0] - particle.length;
  const source = subjectBefore(doc, reportEnd, sentenceStart, lex);
  if (!source) return null;
  // The report runs from past the subject's particle (and a comma) to the quoting particle.
  const rest = doc.text.slice(source.span[1], reportEnd);
  const subjectParticle = lex.topicParticles.find((p) => rest.startsWith(p)) ?? '';
  const from = source.span[1] + subjectParticle.length + (/^[、，,\s]*/u.exec(rest.slice(subjectParticle.length))?.[0].length ?? 0);
  const content = trimmedSpan(doc.text, from, reportEnd);
  return content ? { source, content: content.span, inherited: false, nominal: false } : null;
}

type Found = Omit<SpeechFrame, 'sentence'>;
/** Words of the text with their span: a source as written. */
type Phrase = NonNullable<SpeechFrame['source']>;

function cueAfter(doc: TextDoc, q: QuotedSpan, sentenceStart: number, sentenceEnd: number, lex: Lexicon): Found | null {
  const from = q.close + 1;
  const window = doc.text.slice(from, Math.min(sentenceEnd, from + MAX_CUE_DISTANCE));
  const particle = lex.quoteParticles.find((p) => window.startsWith(p)) ?? '';
  const comma = particle ? '' : (/^[，,]\s*/u.exec(window)?.[0] ?? '');
  // A language with quoting particles links a quotation to its cue through one; Chinese needs none ("…，”这位官员说").
  if (!particle && !comma && lex.quoteParticles.length > 0) return null;
  const cue = firstCue(window, particle.length + comma.length, lex);
  if (!cue) return null;
  const cueSpan: Span = [from + cue.at, from + cue.at + cue.text.length];
  // "”，外交部发言人汪文斌说", "」と外務省は述べた": the source may stand between the mark and the cue.
  const between = trimmedSpan(doc.text, from + particle.length + comma.length, cueSpan[0]);
  const subject = between && (particle ? withoutParticle(between, lex) : subjectOnly(between, lex));
  const source = subject ?? subjectBefore(doc, q.open, sentenceStart, lex);
  return { cue: { text: cue.text, span: cueSpan }, source, content: null, inherited: false, nominal: false };
}

function cueBefore(doc: TextDoc, q: QuotedSpan, sentenceStart: number, lex: Lexicon): Found | null {
  const before = doc.text.slice(sentenceStart, q.open).replace(/[：:，,\s]+$/u, '');
  const cue = lex.cues.find((c) => before.endsWith(c));
  if (!cue) return null;
  const cueStart = sentenceStart + before.length - cue.length;
  const source = phraseBefore(doc.text, cueStart, sentenceStart, lex);
  return { cue: { text: cue, span: [cueStart, cueStart + cue.length] }, source, content: null, inherited: false, nominal: false };
}

/** The cue of the lexicon that starts first in `window` at or after `from` (the longest of those starting there). */
function firstCue(window: string, from: number, lex: Lexicon): { text: string; at: number } | null {
  let best: { text: string; at: number } | null = null;
  for (const cue of lex.cues) {
    const at = window.indexOf(cue, from);
    if (at < 0 || PHRASE_END.test(window.slice(from, at))) continue;
    if (!best || at < best.at || (at === best.at && cue.length > best.text.length)) best = { text: cue, at };
  }
  return best;
}

/**
 * The sentence's topic before the quotation or report: its first phrase that ends in a subject particle, without the
 * particle ("政府は、港の閉鎖は…と発表した" → "政府", not the "閉鎖" of the report).
 */
function subjectBefore(doc: TextDoc, open: number, sentenceStart: number, lex: Lexicon): Phrase | null {
  const text = doc.text.slice(sentenceStart, open);
  // The data file lists the particles strongest first: the topic (は) before the subject (が) before "also" (も).
  for (const particle of lex.topicParticles) {
    for (let at = text.indexOf(particle); at > 0; at = text.indexOf(particle, at + 1)) {
      const phrase = phraseBefore(doc.text, sentenceStart + at, sentenceStart, lex);
      if (phrase) return phrase;
    }
  }
  return null;
}

/** A phrase that ends in a subject particle, without it ("外務省は" → "外務省"); null for any other phrase. */
function withoutParticle(phrase: Phrase, lex: Lexicon): Phrase | null {
  const particle = lex.topicParticles.find((p) => phrase.text.endsWith(p) && phrase.text.length > p.length);
  return particle ? { text: phrase.text.slice(0, -particle.length), span: [phrase.span[0], phrase.span[1] - particle.length] } : null;
}

/**
 * The phrase that ends at `end`: back to the previous punctuation, at most MAX_SOURCE_CHARS, without a cue it ends
 * in ("这名官员补充说" → "这名官员"). Null when what is left cannot name anyone: a date ("12日"), one character, a stop word.
 */
function phraseBefore(text: string, end: number, sentenceStart: number, lex: Lexicon): Phrase | null {
  let start = end;
  while (start > sentenceStart && end - start < MAX_SOURCE_CHARS && !PHRASE_END.test(text[start - 1])) start--;
  let phrase = trimmedSpan(text, start, end);
  const cue = phrase && lex.cues.find((c) => phrase!.text.endsWith(c) && phrase!.text.length > c.length);
  if (phrase && cue) phrase = trimmedSpan(text, phrase.span[0], phrase.span[1] - cue.length);
  if (phrase) phrase = subjectOnly(phrase, lex);
  if (!phrase || phrase.text.length < MIN_SOURCE_CHARS || /^\p{N}/u.test(phrase.text) || isStopWord(phrase.text, lex.lang)) return null;
  return phrase;
}
const MIN_SOURCE_CHARS = 2;

/**
 * The subject of a phrase before a cue, without an opener ("据俄罗斯经济部" → 俄罗斯经济部) and up to the first word
 * that ends a subject: a preposition, a time word, an adverb ("这名官员向记者" → 这名官员, "克里姆林宫今天" →
 * 克里姆林宫). A word that ends a subject within its first MIN_SOURCE_CHARS characters is part of it ("他现在" stays).
 */
function subjectOnly(phrase: Phrase, lex: Lexicon): Phrase | null {
  const opener = lex.sourceOpeners.find((o) => phrase.text.startsWith(o) && phrase.text.length > o.length);
  const from = phrase.span[0] + (opener?.length ?? 0);
  const text = phrase.text.slice(opener?.length ?? 0);
  if (lex.prepositions.some((p) => text.startsWith(p)) || lex.subjectEnders.includes(text)) return null;
  for (let i = 0; i < text.length; ) {
    const ender = lex.subjectEnders.find((e) => text.startsWith(e, i));
    if (!ender) i++;
    else if (i >= MIN_SOURCE_CHARS) return { text: text.slice(0, i), span: [from, from + i] };
    else i += ender.length;
  }
  return opener ? { text, span: [from, phrase.span[1]] } : phrase;
}

function trimmedSpan(text: string, start: number, end: number): Phrase | null {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  return trimmed ? { text: trimmed, span: [start + lead, start + lead + trimmed.length] } : null;
}
