import { availableParallelism } from 'node:os';
import { AnalysisPool } from '../src/ingest/analysis-pool.js';
import type { ArticleDraft } from '../src/model/types.js';

export interface ThreadRate {
  threads: number;
  perSecond: number;
}

/**
 * Share of the drafts analyzed before timing starts. Threads load their models on first use, and their per-word
 * caches (token views, stems, word scores) fill over the first few hundred articles: what a long ingest runs at.
 */
const WARM_UP_SHARE = 0.4;

/**
 * The text layer and analysis of extracted drafts in an analysis pool (as `parallax ingest` runs them), at one
 * thread and at one per core (at most 4): how analysis scales with cores. The drafts timed are not those of the warm-up.
 */
export async function benchmarkThreads(drafts: ArticleDraft[], ingestedAt: string): Promise<ThreadRate[]> {
  const cores = Math.min(4, availableParallelism());
  const rates: ThreadRate[] = [];
  for (const threads of [...new Set([1, cores])]) {
    const pool = new AnalysisPool(threads);
    try {
      const warmUp = Math.floor(drafts.length * WARM_UP_SHARE);
      await Promise.all(drafts.slice(0, warmUp).map((d) => pool.analyze(d, ingestedAt).catch(() => null)));
      const timed = drafts.slice(warmUp);
      const start = process.hrtime.bigint();
      await Promise.all(timed.map((d) => pool.analyze(d, ingestedAt).catch(() => null)));
      rates.push({ threads, perSecond: timed.length / (Number(process.hrtime.bigint() - start) / 1e9) });
    } finally {
      await pool.close();
    }
  }
  return rates;
}
