import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from './segment.js';

const sentences = (text: string, lang: string) => splitSentences(text, lang).map(([s, e]) => text.slice(s, e));

test('abbreviations and initials do not end sentences', () => {
  assert.deepEqual(sentences('Earlier, U.S. Secretary of State Jane Roe spoke. Mr. Smith agreed with Dr. Jones. It ended.', 'en'), [
    'Earlier, U.S. Secretary of State Jane Roe spoke.',
    'Mr. Smith agreed with Dr. Jones.',
    'It ended.',
  ]);
  assert.deepEqual(sentences('Сергей В. Лавров прибыл в 2024 г. в Москву. Переговоры начались.', 'ru'), [
    'Сергей В. Лавров прибыл в 2024 г. в Москву.',
    'Переговоры начались.',
  ]);
});

test('an acronym at the end of a sentence still ends it before a sentence-starting word', () => {
  assert.deepEqual(sentences('The troops were sent to the U.S. The next day they left.', 'en'), ['The troops were sent to the U.S.', 'The next day they left.']);
});
