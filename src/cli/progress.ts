import type { IngestOutcome } from '../ingest/run.js';

/** Writes to a terminal line that is redrawn in place. */
export interface Terminal {
  write: (text: string) => void;
  columns: number;
}

const REDRAW_MS = 100;

/**
 * A one-line progress display for long runs on a terminal: counts by outcome and the rate, redrawn at most ten
 * times a second; messages printed through it appear above the line, which is then drawn again.
 */
export class ProgressLine {
  private counts = { ingested: 0, duplicate: 0, unchanged: 0, failed: 0 };
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly terminal: Terminal) {}

  record(outcome: IngestOutcome): void {
    this.counts[outcome.status]++;
    if (Date.now() - this.lastDraw >= REDRAW_MS) this.draw();
  }

  /** A line of its own (an error), kept above the progress line. */
  print(message: string): void {
    this.clear();
    this.terminal.write(`${message}\n`);
    this.draw();
  }

  finish(): void {
    this.clear();
  }

  text(now = Date.now()): string {
    const total = this.counts.ingested + this.counts.duplicate + this.counts.unchanged + this.counts.failed;
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    return `${total} read · ${this.counts.ingested} new · ${this.counts.duplicate} duplicates · ${this.counts.unchanged} already stored · ${this.counts.failed} failed · ${(total / seconds).toFixed(1)}/s · ${formatDuration(seconds)}`;
  }

  private draw(): void {
    this.lastDraw = Date.now();
    this.terminal.write(`\r\x1b[2K${this.text().slice(0, Math.max(10, this.terminal.columns - 1))}`);
    this.drawn = true;
  }

  private clear(): void {
    if (this.drawn) this.terminal.write('\r\x1b[2K');
    this.drawn = false;
  }
}

function formatDuration(seconds: number): string {
  const s = Math.floor(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** Failures grouped by their reason, most frequent first: what a user fixes, rather than a list of files. */
export function failureReasons(outcomes: IngestOutcome[]): { reason: string; count: number; example: string }[] {
  const groups = new Map<string, { count: number; example: string }>();
  for (const o of outcomes) {
    if (o.status !== 'failed') continue;
    // Numbers differ between items with the same problem ("file is 210 bytes…"): group on the reason's words.
    const reason = (o.error?.problem ?? 'unknown').replace(/\d[\d,.]*/g, 'N').slice(0, 120);
    const group = groups.get(reason);
    if (group) group.count++;
    else groups.set(reason, { count: 1, example: o.error?.source ?? o.source });
  }
  return [...groups.entries()].map(([reason, g]) => ({ reason, ...g })).sort((a, b) => b.count - a.count);
}
