import { transliterate } from 'transliteration';

/** Latin-script rendering of any text (Cyrillic, Greek, CJK, ...), via the `transliteration` package. */
export function toLatin(text: string): string {
  return /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]*$/u.test(text) ? text : transliterate(text);
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
