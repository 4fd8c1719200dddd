import { toLatin } from '../text/translit.js';

/**
 * A spelling-independent key for a personal or place name: transliterated to Latin, stripped of diacritics, and
 * with the letter groups that romanization systems disagree on folded together, so that "Sergei", "Sergey",
 * "Sergej", "Сергей" and "Сергій" share one key ("sergi").
 */
export function nameSkeleton(name: string): string {
  return toLatin(name)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(foldWord)
    .join('-');
}

function foldWord(word: string): string {
  return word
    .replace(/[yj]/g, 'i')
    .replace(/w/g, 'v')
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'h')
    .replace(/x/g, 'ks')
    .replace(/t[sz]/g, 'c')
    .replace(/ck/g, 'k')
    .replace(/ou/g, 'u')
    .replace(/ei|ii|ie(?=$)/g, 'i')
    .replace(/(.)\1+/g, '$1');
}
