/**
 * A light suffix-stripping stemmer for Ukrainian, after the Russian Snowball stemmer's word classes (reflexive,
 * adjectival, verbal and nominal endings), since Snowball has no Ukrainian. It conflates the inflections of one
 * lemma ("швидкий", "швидке", "швидкої" → "швидк"; "вага", "вагу" → "ваг"), which the bilingual lexicon and the
 * cue lists are keyed by. Stems keep at least MIN_STEM letters, counted from the first vowel on, so short words
 * are not cut to nothing.
 */
const VOWEL = /[аеєиіїоуюя]/u;
const REFLEXIVE = /(?:ся|сь)$/u;
/** Endings by class, each list longest first; the longest ending that leaves a long enough stem is removed. */
const ENDINGS = [
  // adjectives and participles
  'ьому', 'ього', 'ими', 'іми', 'ого', 'ому', 'ої', 'ій', 'ий', 'ім', 'им', 'их', 'іх', 'ою', 'ею', 'єю', 'ує',
  // verbs; after а/я only the ending goes ("допомагати", "допомагають" → "допомага"), as in Russian Snowball
  'ували', 'увала', 'увати', 'ювати', 'уватиме', 'итиме', 'ітиме',
  'ити', 'іти', 'ути', 'оти', 'ила', 'іла', 'ули', 'или', 'іли', 'ило', 'іло',
  'ємо', 'имо', 'емо', 'ете', 'ите', 'ють', 'уть', 'ить', 'іть', 'ив', 'ів', 'ув',
  'ти', 'ть', 'ла', 'ло', 'ли', 'ме',
  // nouns
  'ами', 'ями', 'ові', 'еві', 'єві', 'ам', 'ям', 'ах', 'ях', 'їв', 'ей', 'ом', 'ем', 'єм',
  'а', 'я', 'о', 'е', 'є', 'у', 'ю', 'і', 'ї', 'и', 'ь', 'й',
].sort((a, b) => b.length - a.length);
const MIN_STEM = 2;

export function stemUkrainian(word: string): string {
  const firstVowel = word.search(VOWEL);
  if (firstVowel < 0) return word;
  // Letters before and including the first vowel always stay: "знав" keeps "зна", not "з".
  const protectedLength = firstVowel + 1;
  let stem = word;
  if (REFLEXIVE.test(stem) && stem.length - 2 - protectedLength >= MIN_STEM) stem = stem.slice(0, -2);
  // Past tense after а/я: "сказав", "сказала" → "сказа".
  if (/[ая]в$/u.test(stem) && stem.length - 1 - protectedLength >= MIN_STEM - 1) return stem.slice(0, -1);
  for (const ending of ENDINGS) {
    if (stem.endsWith(ending) && stem.length - ending.length - protectedLength >= MIN_STEM - 1 && stem.length - ending.length >= 3) {
      stem = stem.slice(0, -ending.length);
      break;
    }
  }
  // "зусиль" / "зусилля": a soft sign or doubled consonant left at the end is the same stem.
  if (stem.endsWith('ь')) stem = stem.slice(0, -1);
  if (stem.length > 3 && stem[stem.length - 1] === stem[stem.length - 2] && !VOWEL.test(stem[stem.length - 1])) stem = stem.slice(0, -1);
  return stem;
}
