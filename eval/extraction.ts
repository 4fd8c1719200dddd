import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DATA } from '../bench/corpus.js';
import { decodeText } from '../src/ingest/decode.js';
import { extractHtml } from '../src/ingest/extract-html.js';
import { articleText } from '../src/ingest/extract-text.js';
import { shingleScore } from './shingles.js';

const DIR = resolve(DATA, 'extraction-benchmark');

export interface ExtractionScore {
  name: string;
  /** Pages where the extractor returned nothing (these count for recall only). */
  empty: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The article's text as `parallax extract --json` prints it (body paragraphs and the subheadings between them). */
export function bodyText(html: string, source: string): string {
  try {
    const draft = extractHtml({ source, format: 'html', content: html, meta: {}, fetchedAt: new Date(0).toISOString() });
    return articleText(draft.blocks);
  } catch {
    return ''; // No article found: counted as an empty output, as the benchmark counts it.
  }
}

export function evaluateExtraction(): ExtractionScore[] {
  const truth = JSON.parse(readFileSync(resolve(DIR, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  const ids = Object.keys(truth).sort();
  const ours = ids.map((id) => {
    const html = decodeText(gunzipSync(readFileSync(resolve(DIR, 'html', `${id}.html.gz`))), id);
    return { truth: truth[id].articleBody, predicted: bodyText(html, id) };
  });
  const empty = (pages: { predicted: string }[]) => pages.filter((p) => p.predicted.trim() === '').length;
  const scores: ExtractionScore[] = [{ name: 'Parallax', empty: empty(ours), ...shingleScore(ours) }];
  for (const file of readdirSync(resolve(DIR, 'reference')).filter((f) => f.endsWith('.json')).sort()) {
    const reference = JSON.parse(readFileSync(resolve(DIR, 'reference', file), 'utf8')) as { output: Record<string, { articleBody?: string }> };
    const pages = ids.map((id) => ({ truth: truth[id].articleBody, predicted: reference.output[id]?.articleBody ?? '' }));
    scores.push({ name: file.replace(/\.json$/, ''), empty: empty(pages), ...shingleScore(pages) });
  }
  return scores;
}
