import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bcubed } from './bcubed.js';

test('B-cubed is 1 for a perfect clustering and penalizes merges and splits', () => {
  assert.deepEqual(bcubed(['a', 'a', 'b'], ['x', 'x', 'y']), { precision: 1, recall: 1, f1: 1 });
  const merged = bcubed(['a', 'a', 'a'], ['x', 'x', 'y']);
  assert.ok(Math.abs(merged.precision - 5 / 9) < 1e-9);
  assert.equal(merged.recall, 1);
  const split = bcubed(['a', 'b', 'c'], ['x', 'x', 'y']);
  assert.equal(split.precision, 1);
  assert.ok(Math.abs(split.recall - 2 / 3) < 1e-9);
});
