import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../ingest/errors.js';
import { failureReasons, ProgressLine } from './progress.js';

test('the progress line counts outcomes and rate, and keeps messages above itself', () => {
  let screen = '';
  const line = new ProgressLine({ write: (t) => (screen += t), columns: 200 });
  line.record({ source: 'a', status: 'ingested' });
  line.record({ source: 'b', status: 'duplicate' });
  line.print('parallax: c: broken');
  line.record({ source: 'c', status: 'failed' });
  assert.match(line.text(), /^3 read · 1 new · 1 duplicates · 0 already stored · 1 failed · [\d.]+\/s · \ds$/);
  assert.ok(screen.includes('\r\x1b[2Kparallax: c: broken\n'), 'the message is printed on a cleared line');
  line.finish();
  assert.ok(screen.endsWith('\r\x1b[2K'), 'the line is cleared at the end');
});

test('failures are grouped by reason, most frequent first', () => {
  const failed = (source: string, problem: string) => ({ source, status: 'failed' as const, error: new InputError(source, problem) });
  const reasons = failureReasons([
    failed('a.html', 'file is 210000000 bytes, more than the 67108864-byte limit'),
    failed('b.html', 'file is 99000000 bytes, more than the 67108864-byte limit'),
    failed('c.json', 'malformed JSON'),
    { source: 'd', status: 'ingested' },
  ]);
  assert.deepEqual(reasons.map((r) => [r.count, r.example]), [[2, 'a.html'], [1, 'c.json']]);
});
