import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from './test-helpers.js';

test('terms are counted as numbers even for words that name properties of every object', () => {
  const a = analyzeText('The constructor of the bridge met another constructor and a prototype builder.');
  assert.equal(a.terms['constructor'], 2);
  assert.equal(typeof a.terms['prototyp'], 'number');
});

test('words of other languages count as the English stems they translate to', () => {
  const ru = analyzeText('Министр обороны сообщил, что солдаты вернулись домой после учений.', { lang: 'ru' });
  assert.ok((ru.terms['soldier'] ?? 0) > 0, JSON.stringify(ru.terms));
});
