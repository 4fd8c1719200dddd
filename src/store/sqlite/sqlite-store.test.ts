import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../analyze/test-helpers.js';
import { articleVector, startStory } from '../../stories/cluster.js';
import { SqliteStore } from './sqlite-store.js';

test('an article round-trips with its analysis, and a failed write leaves nothing behind', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'parallax-store-')), 'test.db');
  const store = new SqliteStore(path);
  const a = analyzeText('Paris said Monday that 4,000 Ruritanian troops were massed near the border, officials said.');
  const vector = articleVector(a);
  const features = Object.keys(vector);
  const story = startStory(a, vector, a.article.ingestedAt);
  await store.saveArticle({ analyzed: a, story, features });
  assert.equal(await store.hasArticle(a.article.id), true);
  const [loaded] = await store.storyArticles(story.id);
  assert.equal(loaded.doc.text, a.doc.text);
  assert.deepEqual(loaded.claims, a.claims);
  assert.deepEqual(loaded.quotes, a.quotes);
  assert.equal(await store.findDuplicate(a.article.contentHash, a.article.fingerprint, 0), a.article.id);

  await assert.rejects(store.saveArticle({ analyzed: a, story, features }), /UNIQUE|PRIMARY KEY/);
  const frequencies = await store.documentFrequencies(features);
  assert.equal(frequencies.documents, 1, 'the failed write did not count the article twice');
  assert.deepEqual([...new Set(frequencies.counts.values())], [1]);
  assert.equal(frequencies.counts.size, features.length);
  const stats = await store.stats();
  assert.equal(stats.articles, 1);
  assert.equal(stats.claims, a.claims.length, 'the failed second write added no claims');
  await store.close();
  const reopened = new SqliteStore(path);
  assert.equal((await reopened.stats()).articles, 1, 'migrations are not re-applied on reopen');
  await reopened.close();
});
