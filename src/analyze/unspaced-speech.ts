import type { Span, TextDoc } from '../model/types.js';
import { UNSPACED_LETTER } from '../text/segment.js';
import { isStopWord } from '../text/stopwords.js';
import type { Lexicon } from './lexicon.js';
import type { QuotedSpan } from './quote-marks.js';
import type { SpeechFrame } from './reported-speech.js';
import { sentenceAt } from './words.js';

/**
 * Farthest a cue may stand from its quotation's mark, in characters, with no punctuation between: "」と述べた",
 * "”，外交部发言人汪文斌说", "”法国上德地区当地渔业组织 CRPMEM 在一份声明中说".
 */
const MAX_CUE_DISTANCE = 40;
/** Longest subject phrase taken as a source, in characters of the script… */
const MAX_SOURCE_CHARS = 30;
/** …and in all, with the Latin names it holds. */
const LATIN_SOURCE_CHARS = 80;
const PUNCTUATION_END = /[、。，,；;：:！!？?「」『』“”"]/u;

/**
 * Whether the character at `i` ends a phrase in unspaced writing: punctuation does. Brackets and the spaces around
 * Latin words and figures do not: they set off the Latin spelling of a name inside the phrase ("美国驻利比亚大使理查德·诺兰德
 * (Richard Norland) 说", "组织 CRPMEM 在一份声明中说"). A space between two letters of the script itself does: it is
 * where a headline run into the text ends ("…的援助 利兹·特拉斯宣布").
 */
function breaksPhrase(text: string, i: number): boolean {
  if (PUNCTUATION_END.test(text[i])) return true;
  if (!/\s/u.test(text[i])) return false;
  let before = i;
  while (before > 0 && /\s/u.test(text[before])) before--;
  let after = i;
  while (after < text.length - 1 && /\s/u.test(text[after])) after++;
  return UNSPACED_LETTER.test(text[before]) && UNSPACED_LETTER.test(text[after]);
}

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
    const after = cueAfter(doc, q, start, end, lex);
    if (after) {
      frames.push({ ...after, sentence });
      continue;
    }
    // A quotation of several sentences has its cue before it, in the sentence where it opens.
    const opening = q.open >= start ? sentence : sentenceAt(doc, q.open);
    const before = cueBefore(doc, q, doc.sentences[opening].span[0], lex);
    if (before) frames.push({ ...before, sentence: opening });
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
  const subject = between && namesSomeone(particle ? withoutParticle(between, lex) : subjectOnly(between, lex), lex);
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
    if (at < 0 || phraseEndsBetween(window, from, at)) continue;
    if (!best || at < best.at || (at === best.at && cue.length > best.text.length)) best = { text: cue, at };
  }
  return best;
}

function phraseEndsBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (breaksPhrase(text, i)) return true;
  return false;
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
  // Letters of the script count towards the limit; a Latin name set in the phrase is taken whole ("Henry Samueli
  // School of Engineering", "贝伯克 (Annalena Baerbock)").
  let scriptChars = 0;
  while (start > sentenceStart && scriptChars < MAX_SOURCE_CHARS && end - start < LATIN_SOURCE_CHARS && !breaksPhrase(text, start - 1)) {
    start--;
    if (!/[\p{Script=Latin}\s.'()-]/u.test(text[start])) scriptChars++;
  }
  let phrase = trimmedSpan(text, start, end);
  const cue = phrase && lex.cues.find((c) => phrase!.text.endsWith(c) && phrase!.text.length > c.length);
  if (phrase && cue) phrase = trimmedSpan(text, phrase.span[0], phrase.span[1] - cue.length);
  return phrase && namesSomeone(subjectOnly(phrase, lex), lex);
}

/**
 * The subject phrase if it can name a source: a pronoun names the person last named ("，他说："); other short words,
 * figures and stop words name no one.
 */
function namesSomeone(phrase: Phrase | null, lex: Lexicon): Phrase | null {
  if (!phrase) return null;
  if (Object.hasOwn(lex.pronouns, phrase.text)) return phrase;
  if (phrase.text.length < MIN_SOURCE_CHARS || /^\p{N}/u.test(phrase.text) || isStopWord(phrase.text, lex.lang)) return null;
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
  // A pronoun is the whole subject ("他后来在法庭上", "她在 Instagram 上发帖", "他笑着"), unless a noun follows it
  // through a possessive particle ("他们的发言人").
  const pronoun = Object.keys(lex.pronouns).filter((p) => text.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  if (pronoun && text.length > pronoun.length && !lex.possessiveParticles.some((p) => text.startsWith(p, pronoun.length))) {
    return { text: pronoun, span: [from, from + pronoun.length] };
  }
  for (let i = 0; i < text.length; ) {
    const ender = lex.subjectEnders.find((e) => text.startsWith(e, i)) ?? figureAt(text, i);
    if (!ender) {
      i++;
    } else if (i >= MIN_SOURCE_CHARS) {
      const subject = text.slice(0, i).trimEnd();
      return { text: subject, span: [from, from + subject.length] };
    } else {
      i += ender.length;
    }
  }
  return opener ? { text, span: [from, phrase.span[1]] } : phrase;
}

/**
 * A figure set apart by a space at `i` ("浦项工科大学 10 日", "这位参议员 7 月份"): a date or a count, which ends a subject
 * as a time word does. A figure written into the words ("ラグビー７人制", "G7") is part of them. Answers the figure's text
 * with its space, else undefined.
 */
function figureAt(text: string, i: number): string | undefined {
  return /^\s+\p{Nd}+/u.exec(text.slice(i))?.[0];
}

function trimmedSpan(text: string, start: number, end: number): Phrase | null {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  return trimmed ? { text: trimmed, span: [start + lead, start + lead + trimmed.length] } : null;
}
