import { transliterate } from 'transliteration';
import { toRomaji } from 'wanakana';

/** Katakana words, with the long-vowel mark and the middle dot or double hyphen between a foreign name's parts. */
export const KATAKANA_RUN = /[\u30A1-\u30FA\u30FC\u31F0-\u31FF\uFF66-\uFF9F]+(?:[\u30FB\uFF1D=][\u30A1-\u30FA\u30FC\u31F0-\u31FF\uFF66-\uFF9F]+)*/gu;

/**
 * Latin-script rendering of any text (Cyrillic, Greek, CJK, ...), via the `transliteration` package; katakana by
 * Hepburn romanization (`wanakana`), which `transliteration` garbles ("ジョー" as "ziyo", a small ッ as "tu"), one
 * word per name part.
 */
export function toLatin(text: string): string {
  if (/^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]*$/u.test(text)) return text;
  const romanized = text.replace(KATAKANA_RUN, (run) => ` ${toRomaji(run).replace(/[/=＝]/gu, ' ')} `).replace(/^ | $/g, '');
  return transliterate(romanized);
}

/** The script of a piece of text by its letters: "Latn", "Cyrl", "Hani", ... (ISO 15924). */
export function scriptOf(text: string): string {
  for (const [script, re] of SCRIPTS) if (re.test(text)) return script;
  return 'Zyyy';
}

const SCRIPTS: [string, RegExp][] = [
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Hang', /\p{Script=Hangul}/u],
  ['Jpan', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hani', /\p{Script=Han}/u],
  ['Latn', /\p{Script=Latin}/u],
];
