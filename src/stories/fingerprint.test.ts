import assert from 'node:assert/strict';
import { test } from 'node:test';
import { earliestNear, hammingDistance, simHash } from './fingerprint.js';

const base = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} describes the flooding in the northern valley and the rescue work.`).join(' ');

test('near-identical texts are a few bits apart, unrelated texts far apart', () => {
  const edited = `${base} Reporting by a wire service; editing by a desk editor.`;
  const other = Array.from({ length: 60 }, (_, i) => `Item ${i}: the central bank kept interest rates unchanged amid slowing inflation.`).join(' ');
  assert.ok(hammingDistance(simHash(base), simHash(edited)) <= 3);
  assert.ok(hammingDistance(simHash(base), simHash(other)) > 12);
  assert.equal(hammingDistance(simHash(base), simHash(base.toUpperCase())), 0);
});

test('the earliest near candidate is the one of smallest position within the distance, whatever the order given', () => {
  const candidates: [number, string][] = [[9, '000000000000000e'], [4, '1f0f00000000000f'], [7, '070000000000000f']];
  assert.equal(earliestNear(candidates, '000000000000000f', 3), 7);
  assert.equal(earliestNear(candidates, '000000000000000f', 1), 9);
  assert.equal(earliestNear(candidates, 'ffffffffffffffff', 3), null);
});
