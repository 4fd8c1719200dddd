import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conceptsOf, hasConcepts } from './concepts.js';

test('words of each language reach the English stems they translate to, through their own stems', () => {
  assert.ok(conceptsOf('солдаты', 'ru').includes('soldier'));
  assert.ok(conceptsOf('Regierung', 'de').includes('govern'));
  assert.ok(conceptsOf('ministre', 'fr').includes('minist'));
  assert.ok(conceptsOf('vojnici', 'hr').includes('soldier'));
  // Ukrainian has no English dictionary in Debian: it reaches English through Apertium's Russian one.
  assert.ok(conceptsOf('війна', 'uk').includes('war'));
  assert.deepEqual(conceptsOf('troops', 'en'), ['troop']);
});

test('stop words, figures and languages without a lexicon give no concepts', () => {
  assert.deepEqual(conceptsOf('и', 'ru'), []);
  assert.deepEqual(conceptsOf('8000', 'de'), []);
  assert.equal(hasConcepts('zz'), false);
  assert.deepEqual(conceptsOf('word', 'zz'), []);
});

test('an elided article or preposition is not part of the word', () => {
  assert.ok(conceptsOf("l'économie", 'fr').includes('economi'));
  assert.ok(conceptsOf('d’euros', 'fr').length > 0);
});

test('a Ukrainian word the Ukrainian lexicon lacks is read as its Russian cognate', () => {
  assert.ok(conceptsOf('ракету', 'uk').includes('rocket'));
  assert.ok(conceptsOf('діалог', 'uk').some((c) => c.startsWith('dialog')));
  assert.ok(conceptsOf('уряд', 'uk').includes('govern'), 'the Apertium path where the Russian word is longer than the Ukrainian');
});

test('inflected forms a stemmer leaves apart reach their lemma\'s concepts (Apertium\'s analysers)', () => {
  assert.ok(conceptsOf('sagði', 'is').includes('say'), 'Icelandic past tense of segja');
  assert.ok(conceptsOf('sögðu', 'is').includes('say'));
  // Apertium translates fólk by the lemma "person"; an English text has its form "people".
  assert.ok(conceptsOf('fólkið', 'is').includes('peopl'));
});

test('a compound the lexicon lacks is read from its parts, in languages that list their linking elements', () => {
  const ministry = conceptsOf('heilbrigðisráðuneytinu', 'is');
  assert.ok(ministry.includes('health') && ministry.includes('ministri'), ministry.join(' '));
  assert.ok(conceptsOf('laugardagsmorgun', 'is').includes('saturday'));
  // French lists no linking elements: an unknown word stays unknown rather than split into chance words.
  assert.deepEqual(conceptsOf('ministresante', 'fr'), []);
});

test('Chinese words, simplified and traditional, reach English through CC-CEDICT', () => {
  assert.ok(conceptsOf('政府', 'zh').includes('govern'));
  assert.ok(conceptsOf('经济', 'zh').includes('economi'));
  assert.ok(conceptsOf('經濟', 'zh').includes('economi'));
});
