import { availableParallelism } from 'node:os';
import { AnalysisPool } from '../src/ingest/analysis-pool.js';
import type { ArticleDraft } from '../src/model/types.js';

export interface ThreadRate {
  threads: number;
  perSecond: number;
}

/** Documents each thread analyzes before timing starts: the threads load their models on first use. */
const WARM_UP_PER_THREAD = 30;

/**
 * The text layer and analysis of extracted drafts in an analysis pool (as `parallax ingest` runs them), at one
 * thread and at one per core (at most 4): how analysis scales with cores. Drafts are reused in turn after the warm-up.
 */
export async function benchmarkThreads(drafts: ArticleDraft[], ingestedAt: string): Promise<ThreadRate[]> {
  const cores = Math.min(4, availableParallelism());
  const rates: ThreadRate[] = [];
  for (const threads of [...new Set([1, cores])]) {
    const pool = new AnalysisPool(threads);
    try {
      await Promise.all(drafts.slice(0, WARM_UP_PER_THREAD * threads).map((d) => pool.analyze(d, ingestedAt).catch(() => null)));
      const start = process.hrtime.bigint();
      await Promise.all(drafts.map((d) => pool.analyze(d, ingestedAt).catch(() => null)));
      rates.push({ threads, perSecond: drafts.length / (Number(process.hrtime.bigint() - start) / 1e9) });
    } finally {
      await pool.close();
    }
  }
  return rates;
}
