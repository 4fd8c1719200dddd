import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../analyze/test-helpers.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { decideStory, StoryWindow } from './assign.js';
import { articleVector } from './cluster.js';
import { toScoringVector } from './scoring-vector.js';

const flood = 'Floods in the Velka valley forced 3,000 people from their homes, Ruritanian officials in Prague said, as Austrian rescue teams arrived.';
const floodFollowUp = 'Austrian rescue teams reached the flooded Velka valley, where 3,000 people left their homes, officials in Prague said on Sunday.';
const bank = 'The European Central Bank left interest rates unchanged on Thursday, citing slowing inflation and weak growth in Italy.';

async function storeWith(texts: string[]) {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'parallax-assign-')), 'a.db'));
  const window = new StoryWindow();
  const decisions = [];
  for (const text of texts) {
    const analyzed = analyzeText(text, { url: `https://example.com/${decisions.length}` });
    const decision = await decideStory(store, analyzed, window);
    analyzed.article.duplicateOf = decision.duplicateOf;
    await store.saveArticle({ analyzed, story: decision.story, features: decision.features });
    window.remember(decision.story);
    decisions.push(decision);
  }
  return { store, window, decisions };
}

test('a follow-up joins its story; an unrelated article starts its own; an exact copy is a duplicate', async () => {
  const { store, decisions } = await storeWith([flood, bank, floodFollowUp, flood]);
  const [first, second, third, fourth] = decisions;
  assert.equal(first.created, true);
  assert.equal(second.created, true);
  assert.notEqual(second.story.id, first.story.id);
  assert.equal(third.story.id, first.story.id);
  assert.equal(third.duplicateOf, null);
  assert.equal(fourth.story.id, first.story.id);
  assert.ok(fourth.duplicateOf, 'the same text under another URL is a duplicate');
  await store.close();
});

test('the window proposes only stories sharing a feature, and forgets evicted stories', async () => {
  const { store, decisions } = await storeWith([flood, bank]);
  const window = new StoryWindow(1);
  const follow = toScoringVector(articleVector(analyzeText(floodFollowUp)));
  const since = '2000-01-01T00:00:00.000Z';
  // Capacity 1: loading both stories keeps only the most recently remembered one.
  const candidates = await window.candidates(store, since, follow);
  assert.ok(candidates.length <= 1);
  const fresh = new StoryWindow();
  const found = await fresh.candidates(store, since, follow);
  assert.ok(found.some((s) => s.id === decisions[0].story.id), 'the flood story is proposed for the flood follow-up');
  const unrelated = toScoringVector(articleVector(analyzeText('Astronomers observed a comet near Jupiter with new telescopes.')));
  assert.deepEqual(await fresh.candidates(store, since, unrelated), [], 'nothing is proposed for an article sharing no feature');
  await store.close();
});
