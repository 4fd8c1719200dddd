import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashString, tokenViews } from './features.js';
import { placeNameWord } from './name-words.js';

const flags = (word: string, lang: string) => new Set(tokenViews([word], lang)[0].lexical);

test('the place list knows whole names and the words of longer ones', () => {
  assert.equal(placeNameWord('koblenz'), 'whole');
  assert.equal(placeNameWord('angeles'), 'part');
  assert.equal(placeNameWord('regierung'), null);
});

test('place names are a feature where the language file keeps it on, not in English', () => {
  assert.ok(flags('Saarbrücken', 'de').has(hashString('gaz=place-whole')));
  assert.ok(!flags('Saarbrücken', 'en').has(hashString('gaz=place-whole')));
});

test('a capitalized word the bilingual dictionary translates is marked common; a name is not', () => {
  // Every German noun is capitalized: the dictionary, not the capital, tells "Regierung" from "Merkel".
  assert.ok(flags('Regierung', 'de').has(hashString('lex=common')));
  assert.ok(!flags('Merkel', 'de').has(hashString('lex=common')));
  assert.ok(!flags('government', 'en').has(hashString('lex=common')));
});
