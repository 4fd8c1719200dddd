import units from '../../data/units.json' with { type: 'json' };
import type { Span } from '../model/types.js';
import type { Lexicon } from '../analyze/lexicon.js';
import { monthNamed } from './dates.js';
import { stem } from './stem.js';
import { isStopWord } from './stopwords.js';
import { startsWithCapital } from './segment.js';

export interface NumberMention {
  value: number;
  /** Lower and upper bound for vague quantities ("thousands" = 2,000 to 10,000), else [value, value]. */
  range: [number, number];
  unit: string | null;
  approximate: boolean;
  span: Span;
  text: string;
}

/** Vague plurals ("thousands") cover up to this multiple of their lower bound. */
const VAGUE_RANGE_FACTOR = 5;
const UNIT_LOOKAHEAD_WORDS = 4;
const MIN_WORDED_NUMBER = 10;

const UNIT_STEMS: [string, string][] = Object.entries(units)
  .filter(([key]) => !key.startsWith('_'))
  .flatMap(([unit, stems]) => (stems as string[]).map((s) => [s.toLowerCase(), unit] as [string, string]))
  .sort((a, b) => b[0].length - a[0].length);

/** Numbers in a stretch of text (offsets relative to `base`), with unit, approximation and magnitude words applied. */
export function findNumbers(text: string, base: number, lex: Lexicon): NumberMention[] {
  const out: NumberMention[] = [];
  const { pattern, approximatorAtEnd, decimalMark } = patternsFor(lex);
  const calendar = clockDateAndPhoneSpans(text);
  for (const m of text.matchAll(pattern)) {
    const groups = m.groups ?? {};
    const leading = m[0].length - m[0].trimStart().length;
    const at = m.index + leading;
    const matched = m[0].trim();
    if (calendar.some(([from, to]) => at < to && at + matched.length > from)) continue;
    if (groups.words !== undefined && !/^[\s-]*$/.test(groups.words) && !isWordBoundary(text, at)) continue;
    let value: number;
    let range: [number, number];
    let approximate = false;
    let unit: string | null = null;
    if (groups.digits !== undefined) {
      if (!groups.currency && isInsideCode(text, at)) continue;
      value = parseDigits(groups.digits, decimalMark);
      if (!groups.currency && !groups.mult) {
        if (isOrdinal(text.slice(at + matched.length), lex)) continue;
        const date = dayOfMonth(text, at, at + matched.length, value, lex.lang);
        if (date) {
          const dateValue = DATE_MONTH_FACTOR * (date.month + 1) + value;
          out.push({ value: dateValue, range: [dateValue, dateValue], unit: 'date', approximate: false, span: [base + date.span[0], base + date.span[1]], text: text.slice(...date.span) });
          continue;
        }
      }
      if (groups.mult) value *= lex.multipliers[groups.mult.toLowerCase()] ?? 1;
      if (groups.currency) unit = currencyUnit(groups.currency);
      range = [value, value];
      if (!groups.mult && !groups.currency && /^\d{4}$/.test(groups.digits) && value >= 1800 && value <= 2100) unit = 'year';
    } else if (groups.vague !== undefined) {
      value = lex.vagueNumbers[groups.vague.toLowerCase()];
      range = [value, value * VAGUE_RANGE_FACTOR];
      approximate = true;
    } else {
      const parsed = parseNumberWords(groups.words.trim().toLowerCase().split(/[\s-]+/), lex);
      // Small counts in words ("the two ministers") are description, not figures anyone would dispute.
      if (parsed === null || parsed < MIN_WORDED_NUMBER) continue;
      value = parsed;
      range = [value, value];
    }
    const before = text.slice(Math.max(0, at - 30), at).toLowerCase();
    const approximator = approximatorAtEnd?.exec(before);
    let start = at;
    if (approximator) {
      approximate = true;
      start = at - (before.length - approximator.index - approximator[0].search(/\S/u));
    }
    const end = at + matched.length;
    const rest = text.slice(end);
    if (unit === null) unit = percentUnit(rest, lex) ?? unitAfter(rest, lex);
    out.push({ value, range, unit, approximate, span: [base + start, base + end], text: text.slice(start, end) });
  }
  return out;
}

interface NumberPatterns {
  pattern: RegExp;
  approximatorAtEnd: RegExp | null;
  decimalMark: string;
}

const patterns = new Map<string, NumberPatterns>();

/** The regular expressions for a language's numbers, compiled once. */
function patternsFor(lex: Lexicon): NumberPatterns {
  let found = patterns.get(lex.lang);
  if (found) return found;
  const alternation = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|') || '(?!)';
  const multiplierWords = alternation(Object.keys(lex.multipliers));
  const vagueWords = alternation(Object.keys(lex.vagueNumbers));
  const numberWords = alternation(Object.keys(lex.numberWords));
  const pattern = new RegExp(
    [
      `(?<currency>[$€£¥₽])?\\s?(?<digits>\\d{1,3}(?:[,. \\u00a0\\u202f]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?)(?:\\s?(?<mult>${multiplierWords})\\.?(?![\\p{L}]))?`,
      `(?<vague>${vagueWords})(?![\\p{L}])`,
      `(?<words>(?:(?:${numberWords})[\\s-]?)+)(?![\\p{L}])`,
    ].join('|'),
    'giu',
  );
  const approximatorAtEnd = lex.approximators.length ? new RegExp(`(?:^|[\\s(])(?:${alternation(lex.approximators)})\\s*$`, 'u') : null;
  found = { pattern, approximatorAtEnd, decimalMark: decimalMarkOf(lex.lang) };
  patterns.set(lex.lang, found);
  return found;
}

const decimalMarks = new Map<string, string>();

/** The decimal separator of a language, from ICU's number formats. */
function decimalMarkOf(lang: string): string {
  let mark = decimalMarks.get(lang);
  if (mark === undefined) {
    try {
      mark = new Intl.NumberFormat(lang === 'und' ? 'en' : lang).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
    } catch {
      mark = '.';
    }
    decimalMarks.set(lang, mark);
  }
  return mark;
}

function parseDigits(digits: string, decimalMark: string): number {
  const groupSep = /^\d{1,3}(?:([,. \u00a0\u202f])\d{3})+(?:[.,]\d+)?$/.exec(digits)?.[1];
  if (groupSep) {
    // One separator that is also this language's decimal mark is a decimal ("1,500" in Russian text is 1.5).
    const single = digits.split(groupSep).length === 2;
    if (!(groupSep === decimalMark && single)) return Number(digits.split(groupSep).join('').replace(/,/g, '.'));
  }
  return Number(digits.replace(',', '.'));
}

function parseNumberWords(words: string[], lex: Lexicon): number | null {
  let total = 0;
  let current = 0;
  for (const word of words) {
    const n = lex.numberWords[word];
    if (n === undefined) return null;
    if (n >= 1000) {
      total += (current || 1) * n;
      current = 0;
    } else if (n === 100) current = (current || 1) * 100;
    else current += n;
  }
  return total + current;
}

function percentUnit(rest: string, lex: Lexicon): string | null {
  const next = rest.trimStart().toLowerCase();
  return lex.percentWords.some((w) => next.startsWith(w)) ? '%' : null;
}

/** The counted noun after a number ("8,000 North Korean soldiers" → troops), skipping names and "of". */
function unitAfter(rest: string, lex: Lexicon): string | null {
  // The counted noun is in the number's own phrase: "Room 204, officials said" counts no officials.
  const phrase = rest.split(CLAUSE_BREAK, 1)[0];
  const words = phrase.match(/[\p{L}\p{M}$€]+/gu)?.slice(0, UNIT_LOOKAHEAD_WORDS) ?? [];
  for (const word of words) {
    const lower = word.toLowerCase();
    const unit = canonicalUnit(lower, lex.lang);
    // A known unit counts whatever its case ("US-Dollar", "Soldaten"); other capitalized words are names, except
    // in languages that capitalize every noun.
    if (isCanonicalUnit(unit)) return unit;
    if (startsWithCapital(word) && !NOUNS_CAPITALIZED.has(lex.lang)) continue;
    if (isStopWord(lower, lex.lang)) continue;
    return unit;
  }
  return null;
}

/** Punctuation that ends a number's phrase: a comma, a colon, a bracket, a sentence's end. */
const CLAUSE_BREAK = /[,;:!?()[\]]|\.(?:\s|$)/u;

/** Languages whose orthography capitalizes every noun, so a capital letter does not mark a name. */
const NOUNS_CAPITALIZED = new Set(['de', 'lb']);

const CANONICAL_UNITS = new Set(Object.keys(units).filter((k) => !k.startsWith('_')));

/** Whether a unit is one of the shared kinds (troops, USD, %, year…) rather than the stem of a counted word. */
export function isCanonicalUnit(unit: string | null): boolean {
  return unit !== null && (unit === '%' || isCalendarUnit(unit) || CANONICAL_UNITS.has(unit));
}

/** Years and dates (July 27 as 727): compared only with their own kind, and only exactly. */
export function isCalendarUnit(unit: string | null): boolean {
  return unit === 'year' || unit === 'date';
}

/** Canonical unit for a counted word: a known unit group ("soldiers" → troops) or the word's stem. */
export function canonicalUnit(word: string, lang: string): string {
  const stemmed = stem(word, lang);
  for (const [prefix, unit] of UNIT_STEMS) if (stemmed.startsWith(prefix) || word.startsWith(prefix)) return unit;
  return stemmed;
}

function currencyUnit(symbol: string): string {
  return { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₽': 'RUB' }[symbol] ?? symbol;
}

/**
 * Clock times ("10:30", "14:00"), dates in digits ("12.03.2024", "2024-03-12", "3/12/24") and international phone
 * numbers: digits that state no quantity. Scores and ratios written with a colon ("2:1") go with the times.
 */
const CLOCK_DATE_PHONE = /(?<![\p{N}.,:])(?:\d{1,2}:\d{2}(?::\d{2})?|\d{1,4}([./-])\d{1,2}\1\d{1,4}|\+\d[\d ()\u00a0-]{6,}\d)(?![\p{N}]|[.,:]\p{N})/gu;

function clockDateAndPhoneSpans(text: string): Span[] {
  return [...text.matchAll(CLOCK_DATE_PHONE)].map((m) => [m.index, m.index + m[0].length] as Span);
}

/** A number with an ordinal ending ("89th", "5-й"): a rank, not a quantity. */
function isOrdinal(rest: string, lex: Lexicon): boolean {
  const suffix = lex.ordinalSuffixes.find((s) => rest.startsWith(s));
  return suffix !== undefined && !/^[\p{L}\p{N}]/u.test(rest.slice(suffix.length));
}

/** A date's value: month × 100 + day (July 27 = 727), comparable across languages and free of any year. */
const DATE_MONTH_FACTOR = 100;

/**
 * A day of the month beside the month's name ("5 марта", "March 5", "3. Oktober", "le 5 mars"): the month, and the
 * span of both.
 */
function dayOfMonth(text: string, start: number, end: number, value: number, lang: string): { month: number; span: Span } | null {
  if (!Number.isInteger(value) || value < 1 || value > 31) return null;
  const after = /^\.?\s*(?:de\s+|of\s+)?(\p{L}+)(\.?)/u.exec(text.slice(end, end + 20));
  const monthAfter = after ? monthNamed(after[1], after[2] === '.', lang) : null;
  // An abbreviation's dot is part of the date; a full name's is the sentence's.
  if (after && monthAfter) return { month: monthAfter.month, span: [start, end + after[0].length - (monthAfter.abbreviated ? 0 : after[2].length)] };
  const lookBehind = text.slice(Math.max(0, start - 20), start);
  const before = /(\p{L}+)(\.?)\s*$/u.exec(lookBehind);
  const monthBefore = before ? monthNamed(before[1], before[2] === '.', lang) : null;
  if (before && monthBefore) return { month: monthBefore.month, span: [start - (lookBehind.length - before.index), end] };
  return null;
}

/**
 * Digits written onto a word's letters are part of a name or code, not a figure: "H7N5", "MH17", "COVID-19", "F-35",
 * "Су-27". Scripts written without spaces put figures right after words ("約8000人"), so only spaced scripts count.
 * Across a hyphen, a code has a capital: "mid-2017", "pre-2020" and "top-10" are a year and a figure.
 */
const CODE_BEFORE_DIGITS = /(?:^|[^\p{L}])(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}])(\p{L}+)(-?)$/u;

function isInsideCode(text: string, at: number): boolean {
  const code = at > 0 ? CODE_BEFORE_DIGITS.exec(text.slice(Math.max(0, at - 12), at)) : null;
  return code !== null && (code[2] === '' || /\p{Lu}/u.test(code[1]));
}

function isWordBoundary(text: string, at: number): boolean {
  return at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1]);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
