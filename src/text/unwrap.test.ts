import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unwrapParagraphs } from './unwrap.js';

test('re-joins lines wrapped mid-sentence and keeps paragraph breaks', () => {
  const raw = [
    'The committee met on Tuesday to discuss the budget for the coming year and',
    'agreed to postpone the vote until the following week.',
    '',
    'Members of the opposition said the delay was a sign of weakness in the',
    'governing coalition, which has lost two seats since the spring.',
  ].join('\n');
  assert.deepEqual(unwrapParagraphs(raw), [
    'The committee met on Tuesday to discuss the budget for the coming year and agreed to postpone the vote until the following week.',
    'Members of the opposition said the delay was a sign of weakness in the governing coalition, which has lost two seats since the spring.',
  ]);
});

test('an indented line starts a new paragraph inside a wrapped block', () => {
  const raw = [
    'The minister spoke for an hour about the new rules on imports and exports,',
    'according to people present.',
    ' “We will not back down,” she said at the end of the long session with the',
    'press in the capital.',
  ].join('\n');
  const paragraphs = unwrapParagraphs(raw);
  assert.equal(paragraphs.length, 2);
  assert.ok(paragraphs[1].startsWith('“We will not back down,”'));
  assert.ok(paragraphs[1].endsWith('press in the capital.'));
});

test('text with one paragraph per line is left as it is', () => {
  const raw = 'First paragraph ends here.\nSecond paragraph ends here too.\nThird one as well.';
  assert.equal(unwrapParagraphs(raw).length, 3);
});

test('a wrapped compound keeps its hyphen', () => {
  const raw = 'The envoy met Kim Yo-\njong and others in a long and difficult meeting that lasted until late\nin the evening.';
  assert.match(unwrapParagraphs(raw)[0], /Kim Yo-jong and others/);
});
