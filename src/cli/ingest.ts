import { availableParallelism } from 'node:os';
import { JobQueue } from '../ingest/job-queue.js';
import { ingestDocuments, type IngestOutcome } from '../ingest/run.js';
import type { RawDocument } from '../model/types.js';
import { openStore } from '../store/open.js';
import { StoreError } from '../store/store-error.js';
import { openInputs, type InputOptions } from './inputs.js';
import { json, type Output } from './output.js';
import { failureReasons, ProgressLine } from './progress.js';

export interface IngestOptions extends InputOptions {
  db?: string;
  json?: boolean;
  quiet?: boolean;
  /** Queue the documents for `parallax worker` processes instead of analyzing them here (PostgreSQL only). */
  queue?: boolean;
  /** Analysis threads (see IngestOptions.threads); by default one fewer than the cores, at most 4. */
  threads?: number;
}

function defaultThreads(): number {
  return Math.max(0, Math.min(4, availableParallelism() - 1));
}

/** `parallax ingest --queue`: reads the inputs and leaves the analysis to workers. */
async function enqueueCommand(inputs: string[], options: IngestOptions, io: Output): Promise<number> {
  const location = options.db ?? process.env.PARALLAX_DB ?? '';
  if (!/^postgres(ql)?:\/\//i.test(location)) {
    io.err('parallax: --queue needs a PostgreSQL database (--db postgres://… or PARALLAX_DB): workers share the work through it');
    return 2;
  }
  const queue = new JobQueue(location);
  const { documents, close } = openInputs(inputs, options);
  let queued = 0;
  let failed = 0;
  let batch: RawDocument[] = [];
  try {
    for await (const item of documents) {
      if (!item.ok) {
        failed++;
        io.err(`parallax: ${item.error.message}`);
        continue;
      }
      batch.push(item.value);
      if (batch.length >= 100) {
        await queue.enqueue(batch);
        queued += batch.length;
        batch = [];
      }
    }
    await queue.enqueue(batch);
    queued += batch.length;
  } finally {
    await close();
    await queue.close();
  }
  io.out(options.json ? json({ queued, failed }) : `${queued} queued for workers, ${failed} failed to read`);
  return failed > 0 ? 1 : 0;
}

/** `parallax ingest <paths...>`: reads, analyzes, clusters and stores; a bad item is reported and skipped. */
export async function ingestCommand(inputs: string[], options: IngestOptions, io: Output): Promise<number> {
  if (options.queue) return enqueueCommand(inputs, options, io);
  const store = openStore(options.db);
  const { documents, close } = openInputs(inputs, options);
  try {
    let seen = 0;
    const started = Date.now();
    // On a terminal a progress line replaces the line per article; piped, each article gets a line.
    const progress = io.terminal && !options.quiet ? new ProgressLine(io.terminal) : null;
    let stored = 0;
    const summary = await ingestDocuments(store, documents, (o: IngestOutcome) => {
      seen++;
      if (o.status === 'ingested' || o.status === 'duplicate') stored++;
      if (progress) {
        progress.record(o);
        if (o.status === 'failed') progress.print(`parallax: ${o.error?.message ?? o.source}`);
        return;
      }
      if (o.status === 'failed') io.err(`parallax: ${o.error?.message ?? o.source}`);
      else if (!options.quiet && !options.json) io.err(describe(o));
      if (!options.quiet && seen % 500 === 0) io.err(`… ${seen} items, ${(seen / ((Date.now() - started) / 1000)).toFixed(0)}/s`);
    }, undefined, { threads: options.threads ?? defaultThreads() }).catch((err: unknown) => {
      progress?.finish();
      if (!(err instanceof StoreError)) throw err;
      io.err(`parallax: ${err.message}`);
      io.err(`parallax: stopped after ${seen} items; the ${stored} articles stored before are kept. Make room and run the same command again: what is stored is skipped.`);
      return null;
    });
    if (summary === null) return 1;
    progress?.finish();
    const failures = summary.outcomes.filter((o) => o.status === 'failed').map((o) => ({ source: o.source, error: o.error?.problem, line: o.error?.line }));
    if (options.json) {
      io.out(json({ ingested: summary.ingested, duplicates: summary.duplicates, unchanged: summary.unchanged, failed: summary.failed, storiesStarted: summary.storiesStarted, storiesMerged: summary.storiesMerged, failures, items: summary.outcomes.map(({ error, ...rest }) => ({ ...rest, error: error?.message })) }));
    } else {
      const parts = [`${summary.ingested} ingested`, `${summary.duplicates} duplicates`, `${summary.unchanged} already stored`, `${summary.failed} failed`];
      io.out(`${parts.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      if (summary.storiesStarted + summary.storiesMerged > 0) io.out(`Stories: ${summary.storiesStarted} started, ${summary.storiesMerged} merged into another`);
      const reasons = failureReasons(summary.outcomes);
      if (reasons.length > 0) {
        io.out('Failed, by reason:');
        for (const r of reasons.slice(0, 10)) io.out(`  ${String(r.count).padStart(5)} × ${r.reason}  (e.g. ${r.example})`);
      }
      if (summary.ingested === 0 && summary.duplicates === 0 && summary.unchanged > 0 && summary.failed === 0) io.out('Nothing new: every article was already in the database.');
    }
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await close();
    await store.close();
  }
}

function describe(o: IngestOutcome): string {
  if (o.status === 'unchanged') return `already stored  ${o.source}`;
  if (o.status === 'duplicate') return `duplicate       ${o.source} (of ${o.duplicateOf}) → story ${o.storyId}`;
  const merge = o.absorbed ? ` (story ${o.absorbed} merged into it)` : '';
  return `ingested        ${o.source} → ${o.newStory ? 'new story' : 'story'} ${o.storyId}${merge}`;
}
