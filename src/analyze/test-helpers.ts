import type { AnalyzedArticle, RawDocument } from '../model/types.js';
import { processDocument } from '../pipeline.js';

/** Analyzes a plain-text article written for a test. */
export function analyzeText(content: string, meta: RawDocument['meta'] = {}): AnalyzedArticle {
  return processDocument({ source: 'test.txt', format: 'text', content, meta, fetchedAt: '2024-10-01T00:00:00.000Z' });
}
