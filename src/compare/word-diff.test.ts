import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keptShare, wordDiff } from './word-diff.js';

test('a variant is read against the reference as kept, added and dropped words', () => {
  const changes = wordDiff('there are around 8,000 troops in the Kursk region', 'There are 8,000 soldiers in the Kursk region', 'en');
  const by = (op: string) => changes.filter((c) => c.op === op).map((c) => c.text.trim());
  assert.ok(by('removed').some((t) => /around/.test(t)), 'the hedge that was dropped');
  assert.ok(by('removed').some((t) => /troops/.test(t)) && by('added').some((t) => /soldiers/.test(t)), 'a word replaced');
  assert.ok(!by('added').some((t) => /There/.test(t)), 'case is not a change');
  assert.equal(changes.filter((c) => c.op !== 'removed').map((c) => c.text).join(''), 'There are 8,000 soldiers in the Kursk region', 'the variant reads whole');
  assert.ok(keptShare(changes) > 0.6 && keptShare(changes) < 1);
});

test('words without spaces are cut by ICU, so a Chinese variant diffs by word', () => {
  const changes = wordDiff('朝鲜外长会见了俄罗斯外长', '朝鲜外长会见了美国外长', 'zh');
  assert.ok(changes.some((c) => c.op === 'same' && c.text.includes('朝鲜')));
  assert.ok(changes.some((c) => c.op === 'added' && c.text.includes('美国')));
  assert.ok(changes.some((c) => c.op === 'removed' && c.text.includes('俄罗斯')));
});
