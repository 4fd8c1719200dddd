import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { analyzeText } from '../../analyze/test-helpers.js';
import { articleVector, startStory } from '../../stories/cluster.js';
import { toScoringVector } from '../../stories/scoring-vector.js';
import { storeContract } from '../store-contract.js';
import { SqliteStore } from './sqlite-store.js';

storeContract('SQLite', async () => join(mkdtempSync(join(tmpdir(), 'parallax-store-')), 'test.db'), async (location, sql) => {
  const db = new Database(location);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
});

test('SQLite: the recent stories kept in memory follow this store\'s writes and another connection\'s', async () => {
  const location = join(mkdtempSync(join(tmpdir(), 'parallax-store-')), 'recent.db');
  const store = new SqliteStore(location);
  const other = new SqliteStore(location);
  const write = async (target: SqliteStore, text: string, at: string, absorbed?: string) => {
    const a = analyzeText(text, { url: `https://example.com/${encodeURIComponent(text)}` });
    const story = { ...startStory(a, toScoringVector(articleVector(a)), at), lastSeen: at };
    await target.saveArticle({ analyzed: a, story, features: [...articleVector(a).keys()], absorbed: absorbed ?? null });
    return story;
  };
  const fresh = async (since: string, limit: number) => {
    const reader = new SqliteStore(location);
    try {
      return await reader.activeStoryIds(since, limit);
    } finally {
      await reader.close();
    }
  };
  const first = await write(store, 'Floods hit Velka on Sunday.', '2024-10-01T00:00:00.000Z');
  assert.deepEqual(await store.activeStoryIds('2024-01-01T00:00:00.000Z', 2), await fresh('2024-01-01T00:00:00.000Z', 2));
  await write(store, 'Rates rose in Orlov on Monday.', '2024-10-03T00:00:00.000Z');
  await write(store, 'A bridge opened in Brenn on Tuesday.', '2024-10-02T00:00:00.000Z');
  assert.deepEqual((await store.activeStoryIds('2024-01-01T00:00:00.000Z', 2)).map((s) => s.lastSeen), ['2024-10-03T00:00:00.000Z', '2024-10-02T00:00:00.000Z']);
  assert.deepEqual(await store.activeStoryIds('2024-10-02T12:00:00.000Z', 2), await fresh('2024-10-02T12:00:00.000Z', 2), 'only the stories active since then');
  await write(other, 'A ship sank near Tamsk on Friday.', '2024-10-05T00:00:00.000Z');
  assert.deepEqual(await store.activeStoryIds('2024-01-01T00:00:00.000Z', 2), await fresh('2024-01-01T00:00:00.000Z', 2), 'another connection\'s story is seen');
  await write(store, 'Floods hit Velka again on Saturday.', '2024-10-06T00:00:00.000Z', first.id);
  assert.deepEqual(await store.activeStoryIds('2024-01-01T00:00:00.000Z', 3), await fresh('2024-01-01T00:00:00.000Z', 3), 'after a merge');
  await store.close();
  await other.close();
});

test('SQLite: document frequencies read before the pending counts are folded stay right after the fold', async () => {
  const location = join(mkdtempSync(join(tmpdir(), 'parallax-store-')), 'fold.db');
  const store = new SqliteStore(location);
  const base = analyzeText('Floods hit Velka on Sunday.', { url: 'https://example.com/fold' });
  const asked = ['t:flood', 'e:velka', 'e:orlov', 't:none'];
  // More articles than are folded together, so that the counts read early are read again after a fold.
  for (let i = 0; i < 600; i++) {
    const a = { ...base, article: { ...base.article, id: `fold-${i}`, url: `https://example.com/fold/${i}`, contentHash: `hash-${i}` } };
    const features = i % 3 === 0 ? ['t:flood', 'e:velka'] : ['t:flood', 'e:orlov'];
    await store.saveArticle({ analyzed: a, story: startStory(a, toScoringVector(articleVector(a)), a.article.ingestedAt), features });
    if (i % 50 === 0) await store.documentFrequencies(asked);
  }
  const reader = new SqliteStore(location);
  assert.deepEqual(await store.documentFrequencies(asked), await reader.documentFrequencies(asked));
  assert.deepEqual(await store.documentFrequencies(asked), { documents: 600, counts: new Map([['t:flood', 600], ['e:velka', 200], ['e:orlov', 400]]) });
  await reader.close();
  await store.close();
});
