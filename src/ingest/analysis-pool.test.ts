import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeArticle } from '../analyze/analyze.js';
import { extract, prepareDocument, processDocument } from '../pipeline.js';
import { AnalysisPool, packAnalysis, unpackAnalysis } from './analysis-pool.js';

const text = 'Sergei Lavrov said on Monday that 8,000 troops had crossed the border, the constructor of __proto__ said.\n\nThe ministry in Moscow denied the report, citing its own figures.';

test('an analysis crosses between threads with its terms as arrays, and comes back the same', () => {
  const analyzed = processDocument({ source: 'pool-test', format: 'text', content: text, meta: { title: 'Troops' }, fetchedAt: '2024-01-01T00:00:00.000Z' });
  const packed = packAnalysis(analyzed);
  assert.equal('terms' in packed, false);
  assert.ok(packed.termKeys.length > 3);
  assert.deepEqual(unpackAnalysis(structuredClone(packed)), analyzed);
});

test('the pool answers what analysis on this thread gives', async () => {
  const pool = new AnalysisPool(1);
  try {
    const draft = extract({ source: 'pool-test', format: 'text', content: text, meta: { title: 'Troops' }, fetchedAt: '2024-01-01T00:00:00.000Z' });
    const fromPool = await pool.analyze(draft, '2024-01-01T00:00:00.000Z');
    const { article, doc } = prepareDocument(draft, '2024-01-01T00:00:00.000Z');
    assert.deepEqual(fromPool.terms, analyzeArticle(article, doc).terms);
    assert.equal(fromPool.article.id, article.id);
  } finally {
    await pool.close();
  }
});
