import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstReporter } from './coverage.js';

test('the first reporter is the earliest dated supporter, and nobody when dates tie or are missing', () => {
  const published = new Map<string, string | null>([
    ['a', '2024-11-01T10:00:00Z'],
    ['b', '2024-11-01T09:30:00+00:00'],
    ['c', null],
    ['d', '2024-11-01T11:30:00+02:00'],
  ]);
  assert.equal(firstReporter(['a', 'b', 'c'], published), 'b');
  assert.equal(firstReporter(['a', 'd'], published), 'd', 'times are compared in UTC: 11:30+02:00 is before 10:00Z');
  assert.equal(firstReporter(['b', 'd'], published), null, 'a tie says nothing');
  assert.equal(firstReporter(['a', 'c'], published), null, 'one dated supporter says nothing');
});
