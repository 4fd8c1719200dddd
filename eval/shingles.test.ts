import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageCounts, shingleScore } from './shingles.js';

test('shingle counts: exact match, extra text and missing text', () => {
  const truth = 'one two three four five six';
  assert.deepEqual(pageCounts(truth, truth), { tp: 3, fp: 0, fn: 0 });
  assert.deepEqual(pageCounts(truth, `${truth} seven`), { tp: 3, fp: 1, fn: 0 });
  assert.deepEqual(pageCounts(truth, 'one two three four'), { tp: 1, fp: 0, fn: 2 });
});

test('an empty output counts for recall only, as in the published figures', () => {
  const score = shingleScore([
    { truth: 'a b c d e', predicted: 'a b c d e' },
    { truth: 'f g h i j', predicted: '' },
  ]);
  assert.equal(score.precision, 1);
  assert.equal(score.recall, 0.5);
});
