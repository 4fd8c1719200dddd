import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timeMarks } from './dates.js';

test('weekdays and months are found in any language ICU knows, inflected forms included', () => {
  assert.deepEqual([...timeMarks('Washington said Thursday that troops arrived in early August.', 'en').weekdays], [4]);
  assert.deepEqual([...timeMarks('Washington said Thursday that troops arrived in early August.', 'en').months], [7]);
  assert.deepEqual([...timeMarks('Министр заявил в пятницу, что войска прибыли в ноябре.', 'ru').weekdays], [5]);
  assert.deepEqual([...timeMarks('Der Minister sagte am Freitag, im Januar sei nichts geschehen.', 'de').months], [0]);
  assert.deepEqual([...timeMarks('Le ministre a déclaré vendredi 8 novembre', 'fr').months], [10]);
});

test('words that only look like dates are not dates', () => {
  const marks = timeMarks('The talks may march on, and she said nothing more.', 'en');
  assert.deepEqual([marks.weekdays.size, marks.months.size], [0, 0]);
});
