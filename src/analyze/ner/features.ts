import { lookupCountry } from '../gazetteer.js';
import { lexicon } from '../lexicon.js';
import { isStopWord } from '../../text/stopwords.js';

/**
 * Features of one token for the entity tagger: the word and its neighbours, its shape and affixes, what the
 * document says of the word elsewhere, and what the language's data files and the country gazetteer know of it.
 * Nothing here names a language: the language only selects data.
 */
export interface TaggingContext {
  lang: string;
  /** Lower-cased words written in lower case somewhere in the document: a capitalized one may still be common. */
  lowercaseSeen: Set<string>;
  /** Lower-cased words written capitalized somewhere not at a sentence start: likely names wherever they occur. */
  capitalizedInside: Set<string>;
  /**
   * Types already given to each word in this document (its earlier sentences): a name is usually the same kind of
   * thing throughout one article, and the first, clearer mention helps the later, ambiguous ones.
   */
  history: Map<string, Record<string, number>>;
}

export interface TokenView {
  text: string;
  lower: string;
  shape: string;
  short: string;
}

export function tokenView(text: string): TokenView {
  const shape = wordShape(text);
  return { text, lower: text.toLowerCase(), shape, short: shape.replace(/(.)\1+/g, '$1') };
}

/** Context built from all the sentences of one document (lists of token texts). */
export function documentContext(sentences: string[][], lang: string): TaggingContext {
  const lowercaseSeen = new Set<string>();
  const capitalizedInside = new Set<string>();
  for (const tokens of sentences) {
    const allCaps = tokens.filter((t) => /\p{L}/u.test(t)).every((t) => t === t.toUpperCase());
    tokens.forEach((t, i) => {
      if (!/^\p{L}/u.test(t)) return;
      if (t[0] === t[0].toLowerCase()) lowercaseSeen.add(t.toLowerCase());
      else if (i > 0 && !allCaps && /\p{Ll}/u.test(t) && !/^[«"„“'(]$/u.test(tokens[i - 1])) capitalizedInside.add(t.toLowerCase());
    });
  }
  return { lang, lowercaseSeen, capitalizedInside, history: new Map() };
}

const SHAPE_CACHE = new Map<string, string>();
function wordShape(text: string): string {
  const cached = SHAPE_CACHE.get(text);
  if (cached !== undefined) return cached;
  let shape = '';
  for (const ch of text.slice(0, 12)) {
    if (/\p{Lu}/u.test(ch)) shape += 'X';
    else if (/\p{Ll}/u.test(ch)) shape += 'x';
    else if (/\p{N}/u.test(ch)) shape += 'd';
    else shape += ch;
  }
  if (SHAPE_CACHE.size < 200_000) SHAPE_CACHE.set(text, shape);
  return shape;
}

/** What the gazetteer and the language's lexicon say of one word (cached per language and word). */
const LEXICAL_CACHE = new Map<string, string[]>();
function lexicalFeatures(lower: string, lang: string): string[] {
  const key = `${lang}\u0000${lower}`;
  const cached = LEXICAL_CACHE.get(key);
  if (cached) return cached;
  const out: string[] = [];
  const country = lookupCountry([lower], lang);
  if (country) out.push(`gaz=${country.form}`);
  const lex = lexicon(lang);
  if (lex.organizationWords.has(lower)) out.push('lex=org');
  if (lex.locationWords.has(lower)) out.push('lex=loc');
  if (lex.roleHeads.includes(lower) || lex.roleIndex.has(lower)) out.push('lex=role');
  if (lex.locativePrepositions.has(lower)) out.push('lex=locprep');
  if (lex.cues.includes(lower)) out.push('lex=cue');
  if (isStopWord(lower, lang)) out.push('lex=stop');
  if (LEXICAL_CACHE.size < 500_000) LEXICAL_CACHE.set(key, out);
  return out;
}

/** Features of token i given the two tags before it: those of the word alone, then those of its context. */
export function tokenFeatures(tokens: TokenView[], i: number, prev: string, prev2: string, ctx: TaggingContext, allCaps: boolean): string[] {
  return [...wordFeatures(tokens[i], ctx.lang), ...contextFeatures(tokens, i, prev, prev2, ctx, allCaps)];
}

/** Features of the word itself, the same wherever it occurs: a tagger may score them once per word. */
export function wordFeatures(t: TokenView, lang: string): string[] {
  const f: string[] = ['bias', `w=${t.lower}`, `s=${t.shape}`, `ss=${t.short}`];
  const len = t.lower.length;
  for (let k = 1; k <= 4 && k < len; k++) f.push(`pre${k}=${t.lower.slice(0, k)}`, `suf${k}=${t.lower.slice(-k)}`);
  for (const lx of lexicalFeatures(t.lower, lang)) f.push(lx);
  return f;
}

/** Features of the word in its sentence and document, with the tags before it. */
export function contextFeatures(tokens: TokenView[], i: number, prev: string, prev2: string, ctx: TaggingContext, allCaps: boolean): string[] {
  const t = tokens[i];
  const at = (k: number) => tokens[i + k];
  const p1 = at(-1);
  const n1 = at(1);
  const p2 = at(-2);
  const n2 = at(2);
  const f: string[] = [
    `p1=${prev}`,
    `p2=${prev2}|${prev}`,
    `p1s=${prev}|${t.short}`,
    `p1w=${prev}|${t.lower}`,
    `w-1=${p1?.lower ?? '<s>'}`,
    `w+1=${n1?.lower ?? '</s>'}`,
    `w-2=${p2?.lower ?? '<s>'}`,
    `w+2=${n2?.lower ?? '</s>'}`,
    `s-1=${p1?.short ?? '<s>'}`,
    `s+1=${n1?.short ?? '</s>'}`,
    `s-1s+1=${p1?.short ?? '<s>'}|${t.short}|${n1?.short ?? '</s>'}`,
    `w-1w=${p1?.lower ?? '<s>'}|${t.lower}`,
    `ww+1=${t.lower}|${n1?.lower ?? '</s>'}`,
  ];
  if (p1) f.push(`suf3-1=${p1.lower.slice(-3)}`);
  if (n1) f.push(`suf3+1=${n1.lower.slice(-3)}`);
  if (i === 0) f.push(`first|${t.short}`);
  if (allCaps) f.push(`allcaps-sentence|${t.short}`);
  const capitalized = /^\p{Lu}/u.test(t.text);
  if (capitalized) {
    f.push(ctx.lowercaseSeen.has(t.lower) ? 'cap-lc-seen' : 'cap-lc-unseen');
    if (ctx.capitalizedInside.has(t.lower)) f.push(i === 0 || allCaps ? 'cap-elsewhere-first' : 'cap-elsewhere');
  } else if (!allCaps && i !== 0 && ctx.capitalizedInside.has(t.lower)) f.push('doc-cap-elsewhere');
  const seenAs = ctx.history.get(t.lower);
  if (seenAs) {
    const best = Object.entries(seenAs).sort((a, b) => b[1] - a[1])[0][0];
    f.push(`hist=${best}`, `hist=${best}|${capitalized}`);
  }
  if (p1) for (const lx of lexicalFeatures(p1.lower, ctx.lang)) f.push(`-1${lx}`);
  if (n1) for (const lx of lexicalFeatures(n1.lower, ctx.lang)) f.push(`+1${lx}`);
  if (n2) for (const lx of lexicalFeatures(n2.lower, ctx.lang)) if (lx === 'lex=org' || lx === 'lex=loc') f.push(`+2${lx}`);
  return f;
}

export function isAllCapsSentence(tokens: TokenView[]): boolean {
  let letters = 0;
  for (const t of tokens) {
    if (!/\p{L}/u.test(t.text)) continue;
    letters++;
    if (/\p{Ll}/u.test(t.text)) return false;
  }
  return letters > 1;
}

/** Records the types a tagged sentence gave its words, for the sentences after it. */
export function remember(ctx: TaggingContext, tokens: TokenView[], tags: string[]): void {
  tags.forEach((tag, i) => {
    if (tag === 'O' || !/^\p{Lu}/u.test(tokens[i].text)) return;
    const type = tag.slice(2);
    const seen = ctx.history.get(tokens[i].lower) ?? {};
    seen[type] = (seen[type] ?? 0) + 1;
    ctx.history.set(tokens[i].lower, seen);
  });
}
