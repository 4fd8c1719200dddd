import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from './test-helpers.js';

test('claims carry values and who the article attributes them to', () => {
  const a = analyzeText(
    [
      'Paris said Monday it had evidence that about 4,000 Ruritanian troops were massed near the border.',
      'According to Reuters News, the troops arrived in late May.',
      'Ruritanian intelligence suggests that 12 battalions could be moved within days.',
      'The weather was cold.',
    ].join('\n\n'),
  );
  const [paris, reuters, intel] = a.claims;
  assert.equal(a.claims.length, 3, 'a sentence without figures or reporting is not a claim');
  assert.equal(paris.attribution?.text, 'Paris');
  assert.equal(paris.attribution?.entity, 'country:FR');
  assert.deepEqual(paris.values.map((v) => [v.value, v.unit, v.approximate]), [[4000, 'troops', true]]);
  assert.equal(reuters.attribution?.text, 'Reuters News');
  assert.equal(intel.attribution?.text, 'Ruritanian intelligence');
  assert.equal(intel.values[0].value, 12);
  assert.equal(a.doc.text.slice(paris.span[0], paris.span[1]), paris.text);
});

test('a sentence with two reports yields a claim per report, each with its own source', () => {
  const a = analyzeText('According to Reuters News, the talks ended early; however, Ruritanian intelligence suggests that 12 battalions could be moved within days.');
  assert.deepEqual(
    a.claims.map((c) => [c.attribution?.text, c.text]),
    [
      ['Reuters News', 'According to Reuters News, the talks ended early'],
      ['Ruritanian intelligence', 'Ruritanian intelligence suggests that 12 battalions could be moved within days.'],
    ],
  );
  const reuters = a.quotes.find((q) => q.speaker?.surface === 'Reuters News');
  assert.equal(reuters?.text, 'the talks ended early');
});
