import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unmarkSnippet } from '../snippets.js';
import { ftsQuery } from './fts.js';

test('user words become quoted FTS5 terms; operators and punctuation are text, not syntax', () => {
  assert.equal(ftsQuery('Lavrov AND "Choe'), '"Lavrov" "AND" "Choe"');
  assert.equal(ftsQuery('КНДР: войска-8,000'), '"КНДР" "войска" "8" "000"');
  assert.equal(ftsQuery(' -*() '), null);
});

test('snippet markers become highlight ranges', () => {
  const { snippet, highlights } = unmarkSnippet('the \uE000Lavrov\uE001 said \uE000Choe\uE001…');
  assert.equal(snippet, 'the Lavrov said Choe…');
  assert.deepEqual(highlights.map(([s, e]) => snippet.slice(s, e)), ['Lavrov', 'Choe']);
});
