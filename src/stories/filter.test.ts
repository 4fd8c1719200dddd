import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StorySummary } from '../store/store.js';
import { filterStories } from './filter.js';

const article = (id: string, lang: string, duplicateOf: string | null = null) => ({ id, url: null, title: id, outlet: null, lang, duplicateOf, publishedAt: null });
const story = (id: string, firstSeen: string, lastSeen: string, articles: StorySummary['articles']): StorySummary => ({
  id, title: id, firstSeen, lastSeen, size: articles.length, languages: [...new Set(articles.map((a) => a.lang))], articles,
});
const stories = [
  story('big', '2024-05-01', '2024-05-03', [article('a1', 'en'), article('a2', 'ru'), article('a3', 'en', 'a1')]),
  story('recent', '2024-05-09', '2024-05-10', [article('b1', 'en')]),
  story('old', '2024-01-01', '2024-01-02', [article('c1', 'de'), article('c2', 'de')]),
];

test('filters by language, dates, ids and independent sources; sorts and limits', () => {
  assert.deepEqual(filterStories(stories, {}).map((s) => s.id), ['recent', 'big', 'old']);
  assert.deepEqual(filterStories(stories, { lang: 'ru' }).map((s) => s.id), ['big']);
  assert.deepEqual(filterStories(stories, { since: '2024-05-01' }).map((s) => s.id), ['recent', 'big']);
  assert.deepEqual(filterStories(stories, { until: '2024-02-01' }).map((s) => s.id), ['old']);
  assert.deepEqual(filterStories(stories, { ids: new Set(['old']) }).map((s) => s.id), ['old']);
  assert.deepEqual(filterStories(stories, { minSources: 2 }).map((s) => s.id), ['big', 'old']);
  assert.deepEqual(filterStories(stories, { minSources: 3 }).map((s) => s.id), [], 'a duplicate is not a source');
  assert.deepEqual(filterStories(stories, { sort: 'size', limit: 2 }).map((s) => s.id), ['big', 'old']);
});
