import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectParagraphLanguages } from './langid.js';

test('each paragraph keeps its own language; short ones take the article language', () => {
  const result = detectParagraphLanguages(
    [
      { text: 'Министр заявил, что переговоры продолжатся на следующей неделе / фото пресс-службы', analyzed: false },
      { text: 'The foreign minister said on Monday that talks with the delegation would continue next week in the capital.', analyzed: true },
      { text: 'Talks go on', analyzed: true },
      { text: 'Both sides described the meeting as constructive and agreed to exchange further proposals before the summit.', analyzed: true },
    ],
    null,
  );
  assert.equal(result.article, 'en');
  assert.deepEqual(result.paragraphs, ['ru', 'en', 'en', 'en']);
});
