import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lookupCountry } from './gazetteer.js';

test('countries, capitals and demonyms are found in their inflected forms, whatever their first letters', () => {
  assert.equal(lookupCountry(['России'], 'ru')?.code, 'RU');
  assert.equal(lookupCountry(['Brüssel'], 'de')?.code, 'BE', 'the German stemmer folds the umlaut');
  assert.equal(lookupCountry(['Südafrika'], 'de')?.code, 'ZA');
  assert.equal(lookupCountry(['North', 'Korea'], 'en')?.code, 'KP');
  assert.equal(lookupCountry(['Pyongyang'], 'en')?.form, 'capital');
  assert.equal(lookupCountry(['Zebra'], 'en'), undefined);
});
