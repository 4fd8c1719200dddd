import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stemUkrainian } from './stem-uk.js';

test('inflections of one Ukrainian lemma share a stem', () => {
  const groups = [
    ['швидкий', 'швидке', 'швидкої'],
    ['вага', 'вагу'],
    ['зусиль', 'зусилля'],
    ['рішення', 'рішенням'],
    ['допомагати', 'допомагають', 'допомагає'],
    ['держава', 'держави', 'державою'],
    ['сказав', 'сказала', 'сказали'],
    ['президент', 'президента', 'президентом'],
    ['Зеленський', 'Зеленського', 'Зеленському'],
  ];
  for (const group of groups) {
    const stems = new Set(group.map((w) => stemUkrainian(w.toLowerCase())));
    assert.equal(stems.size, 1, `${group.join(', ')} → ${[...stems].join(', ')}`);
  }
});

test('short words keep the letters up to their first vowel and beyond', () => {
  assert.equal(stemUkrainian('знав'), 'знав');
  assert.equal(stemUkrainian('уряд'), 'уряд');
  assert.ok(stemUkrainian('ліки').length >= 3);
});
