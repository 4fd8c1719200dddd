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

test('a source of several joined names is attributed to all of them', () => {
  const a = analyzeText(
    [
      'At the same time, Paris and Berlin did not comment on the 4,000 troops, insisting that the exercise was routine.',
      'Senators Maria Velasquez and John Harlow said that 12 battalions had crossed the river.',
      'Paris met Berlin on Monday and said that 300 observers would arrive.',
      'Reuters, citing Pentagon officials, said that 500 troops had arrived.',
    ].join('\n\n'),
  );
  const [capitals, senators, met, citing] = a.claims;
  assert.equal(citing.attribution?.entities, undefined, 'a source citing another is not a joint source');
  assert.equal(citing.attribution?.text, 'Reuters, citing Pentagon officials', 'the attribution as written');
  assert.match(citing.attribution?.entity ?? '', /reuters/u, 'the one citing is the one speaking');
  assert.equal(capitals.attribution?.text, 'Paris and Berlin');
  assert.deepEqual(capitals.attribution?.entities, ['country:FR', 'country:DE']);
  assert.equal(senators.attribution?.entities?.length, 2, 'two people named as one subject');
  assert.equal(met.attribution?.text, 'Paris', 'the object of the first verb is not a source');
  assert.equal(met.attribution?.entities, undefined);
  const quote = a.quotes.find((q) => q.speaker?.surface === 'Paris and Berlin');
  assert.deepEqual(quote?.speaker?.entities, ['country:FR', 'country:DE']);
  assert.equal(quote?.speaker?.name, 'France and Germany');
});
