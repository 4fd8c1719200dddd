import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featureHash } from '../../stories/scoring-vector.js';
import { FeatureCountTable } from './feature-count-table.js';

test('the feature count table answers what a map would, through growth, repeated adds and colliding slots', () => {
  const table = new FeatureCountTable(4);
  const expected = new Map<number, number>();
  // Hashes of real features, plus ones that fall in the same slot and the reserved 0.
  const hashes = [...Array.from({ length: 5000 }, (_, i) => featureHash(`t:word${i}`)), 0, 1, 2 ** 31 - 1, -(2 ** 31), 16, 32, 48];
  for (const [i, hash] of hashes.entries()) {
    const count = (i % 7) + 1;
    table.add(hash, count);
    const key = hash || 1;
    expected.set(key, (expected.get(key) ?? 0) + count);
    if (i % 3 === 0) {
      table.add(hash, 2);
      expected.set(key, expected.get(key)! + 2);
    }
  }
  assert.equal(table.size, expected.size);
  for (const [hash, count] of expected) assert.equal(table.get(hash), count);
  assert.equal(table.get(featureHash('t:absent')), 0);
  assert.equal(table.get(0), expected.get(1), 'a hash of 0 is kept under 1');
  assert.ok(table.bytes <= 8 * 4 * expected.size, 'at most half full, a power of two');
});
