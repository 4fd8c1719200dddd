/**
 * A light suffix-stripping stemmer for Croatian (Snowball has none): one case, number, gender or verb ending goes
 * ("državi", "države", "državom" → "držav"; "izjavio", "izjavila" → "izjav"), leaving at least three letters
 * with a vowel among them (or a syllabic "r": "prvi" → "prv").
 */
const ENDINGS = [
  'ovima', 'evima', 'ovati', 'ivati', 'avati', 'jela', 'jeli', 'jelo', 'ijeh',
  'ama', 'ima', 'ega', 'emu', 'oga', 'omu', 'ome', 'ovi', 'evi', 'ova', 'eva', 'ove', 'eve', 'ati', 'iti', 'eti', 'uti',
  'ala', 'ila', 'ela', 'ali', 'ili', 'eli', 'alo', 'ilo', 'elo', 'ale', 'ile', 'ele', 'emo', 'imo', 'amo', 'ete', 'ite', 'ate', 'aju', 'uju', 'iju',
  'ao', 'io', 'eo', 'om', 'em', 'og', 'im', 'ih', 'oj', 'ov', 'ev', 'ju', 'mo', 'te', 'ti', 'ći', 'la', 'lo', 'li', 'le',
  'a', 'e', 'i', 'o', 'u',
].sort((a, b) => b.length - a.length);
const MIN_STEM = 3;
const NUCLEUS = /[aeiou]|[^aeiou]r[^aeiou]/u;

export function stemCroatian(word: string): string {
  for (const ending of ENDINGS) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    if (stem.length >= MIN_STEM && NUCLEUS.test(stem)) return stem;
  }
  return word;
}
