import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lexicon } from '../analyze/lexicon.js';
import { findNumbers } from './numbers.js';

const numbers = (text: string, lang = 'en') => findNumbers(text, 0, lexicon(lang)).map((n) => ({ value: n.value, unit: n.unit, approximate: n.approximate, text: n.text }));

test('figures with group separators, approximators and counted nouns', () => {
  assert.deepEqual(numbers('Officials said around 12,500 Ruritanian soldiers crossed the border.'), [{ value: 12500, unit: 'troops', approximate: true, text: 'around 12,500' }]);
  assert.deepEqual(numbers('Officials counted 300 troops.'), [{ value: 300, unit: 'troops', approximate: false, text: '300' }]);
  assert.equal(numbers('They met in Room 204, officials said.')[0].unit, null, 'the counted noun is in the number\'s phrase');
});

test('vague quantities, magnitudes, percentages, money and years', () => {
  const [vague] = findNumbers('thousands of troops were moved', 0, lexicon('en'));
  assert.equal(vague.approximate, true);
  assert.deepEqual(vague.range, [2000, 10000]);
  assert.equal(numbers('a loan of $2.5 billion')[0].value, 2.5e9);
  assert.equal(numbers('a loan of $2.5 billion')[0].unit, 'USD');
  assert.equal(numbers('inflation rose 7.5 percent')[0].unit, '%');
  assert.deepEqual(numbers('a visit in 1949'), [{ value: 1949, unit: 'year', approximate: false, text: '1949' }]);
});

test('the decimal mark follows the language', () => {
  assert.equal(numbers('бюджет составил 1,5 млн рублей', 'ru')[0].value, 1.5e6);
  assert.equal(numbers('около 8 000 военных', 'ru')[0].value, 8000);
  assert.equal(numbers('около 8 000 военных', 'ru')[0].unit, 'troops');
  assert.equal(numbers('about 1,500 people')[0].value, 1500);
});

test('small counts written in words are not figures', () => {
  assert.deepEqual(numbers('the two ministers met'), []);
});

test('digits written onto letters are names and codes, not figures', () => {
  assert.deepEqual(numbers('a new case of the H7N5 avian influenza virus'), []);
  assert.deepEqual(numbers('flight MH17 and the F-35 jets; COVID-19 cases'), []);
  assert.deepEqual(numbers('истребители Су-27', 'ru'), []);
  assert.deepEqual(numbers('In mid-2017 the pre-2020 target made the top-10 list.').map((n) => [n.value, n.unit]), [[2017, 'year'], [2020, 'year'], [10, 'list']]);
  assert.equal(numbers('a loan of US$5 billion')[0].value, 5e9);
  assert.equal(numbers('between 10-15 people')[0].value, 10);
  assert.equal(numbers('约8000名士兵', 'zh')[0]?.value, 8000);
});

test('clock times, dates in digits, ordinals and phone numbers are not figures; a day beside its month is a date', () => {
  assert.deepEqual(numbers('The talks start at 10:30 on 12.03.2024, call +1 202 555 0143 to register.'), []);
  assert.deepEqual(numbers('He scored in the 89th minute on March 5, 2024; 300 fans watched.').map((n) => [n.value, n.unit, n.text]), [[305, 'date', 'March 5'], [2024, 'year', '2024'], [300, 'fan', '300']]);
  assert.deepEqual(numbers('Встреча пройдёт в 14:00 5 марта, на 5-й день переговоров; придут 300 солдат.', 'ru').map((n) => [n.value, n.unit]), [[305, 'date'], [300, 'troops']]);
  assert.deepEqual(numbers('le 5 mars, pour la 3e fois, 40 soldats', 'fr').map((n) => [n.value, n.unit]), [[305, 'date'], [40, 'troops']]);
  assert.deepEqual(numbers('am 3. Oktober kamen 500 Soldaten', 'de').map((n) => [n.value, n.unit, n.text]), [[1003, 'date', '3. Oktober'], [500, 'troops', '500']]);
  assert.deepEqual(numbers('Inflation rose to 3.5% in 2023, from 1,5 to 2').map((n) => n.value), [3.5, 2023, 1.5, 2]);
});

test('a day beside an abbreviated month is a date too, where the abbreviation cannot be a word', () => {
  assert.deepEqual(numbers('The vote on Sept. 12 followed the Jan 5 talks; 40 troops.').map((n) => [n.value, n.unit, n.text]), [[912, 'date', 'Sept. 12'], [105, 'date', 'Jan 5'], [40, 'troops', '40']]);
  assert.deepEqual(numbers('с 5 окт. по 7 нояб.', 'ru').map((n) => [n.value, n.text]), [[1005, '5 окт.'], [1107, '7 нояб.']]);
  assert.deepEqual(numbers('a 5 mar y 12 soldados', 'es').map((n) => [n.value, n.unit]), [[5, 'mar'], [12, 'troops']], 'Spanish "mar" (sea) without its dot');
});
