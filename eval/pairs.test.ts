import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTsv } from './pairs.js';

test('tab-separated values: quoted fields keep their tabs, line breaks and doubled quotation marks', () => {
  const rows = parseTsv('a\tb\tc\n"x\ty"\t"say ""no""\nnow"\tplain\r\n\nlast\t\t\n');
  assert.deepEqual(rows, [
    ['a', 'b', 'c'],
    ['x\ty', 'say "no"\nnow', 'plain'],
    ['last', '', ''],
  ]);
});
