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

test('Icelandic names come from ICU; an alternative spelling takes no endings of another language', () => {
  assert.equal(lookupCountry(['Íslands'], 'is')?.code, 'IS');
  assert.equal(lookupCountry(['Rússlandi'], 'is')?.code, 'RU');
  assert.equal(lookupCountry(['Männern'], 'de'), undefined, 'German "men" is not the Manx "Mann"');
  assert.equal(lookupCountry(['Mann'], 'en')?.code, 'IM');
  assert.equal(lookupCountry(['Österreicher'], 'de')?.code, 'AT');
});
