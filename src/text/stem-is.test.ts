import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stemIcelandic } from './stem-is.js';

test('inflections of one Icelandic lemma share a stem, with or without the suffixed article', () => {
  const groups = [
    ['ólíklegt', 'ólíklegur', 'ólíkleg'],
    ['ákvörðun', 'ákvörðunina'],
    ['uppsagnir', 'uppsagnirnar'],
    ['atkvæðagreiðsla', 'atkvæðagreiðslunnar'],
    ['fyrirtæki', 'fyrirtækið', 'fyrirtækisins'],
    ['ríkisstjórn', 'ríkisstjórnin', 'ríkisstjórnar'],
    ['flugfreyja', 'flugfreyjur'],
    ['viðræður', 'viðræðum'],
    ['takmark', 'takmarkanir'],
  ];
  for (const group of groups) {
    const stems = new Set(group.map(stemIcelandic));
    assert.equal(stems.size, 1, `${group.join(', ')} → ${[...stems].join(', ')}`);
  }
});

test('short Icelandic words are left whole', () => {
  assert.equal(stemIcelandic('mjög'), 'mjög');
  assert.equal(stemIcelandic('raun'), 'raun');
});
