/**
 * A light suffix-stripping stemmer for Icelandic (Snowball has none): it removes the definite article suffixed to
 * nouns ("-inn", "-inu", "-anna"), then one case, number, gender or verb ending ("-um", "-ar", "-ur", "-aði", "-t"),
 * so that inflections of one lemma meet ("ólíklegt", "ólíklegur" → "ólíkleg"; "ákvörðun", "ákvörðunina" →
 * "ákvörðun"). Vowel changes inside the stem (ö/a: "sögu", "saga") are left alone. Stems keep at least three
 * letters.
 */
// The plural article after a plural ending ("uppsagnir-nar") is taken with it: "-nar" alone ends "stjórnar".
const ARTICLES = ['irnar', 'irnir', 'urnar', 'urnir', 'arnar', 'arnir', 'unum', 'unnar', 'unni', 'anna', 'inum', 'innar', 'inni', 'inna', 'ins', 'inn', 'ina', 'inu', 'ið', 'in'].sort((a, b) => b.length - a.length);
const ENDINGS = [
  'uðust', 'uðum', 'uðuð', 'aðir', 'aðar', 'aður', 'aðri', 'aðra', 'uðu', 'aði', 'aðs', 'ast', 'ist', 'ust', 'ari', 'ara', 'asta', 'ustu', 'ustum',
  'anir', 'um', 'ar', 'ir', 'ur', 'is', 'ri', 'ra', 'an', 'uð', 'ið', 'að', 'st',
  'a', 'i', 'u', 's', 't', 'r',
].sort((a, b) => b.length - a.length);
const MIN_STEM = 3;
const VOWEL = /[aáeéiíoóuúyýöæ]/u;

function strip(word: string, endings: string[], keepVowel: boolean): string {
  for (const ending of endings) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    if (stem.length >= MIN_STEM && (!keepVowel || VOWEL.test(stem))) return stem;
  }
  return word;
}

export function stemIcelandic(word: string): string {
  if (word.length <= MIN_STEM + 1) return word;
  return strip(strip(word, ARTICLES, true), ENDINGS, true);
}
