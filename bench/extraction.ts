import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { decodeText } from '../src/ingest/decode.js';
import { extractHtml } from '../src/ingest/extract-html.js';
import { DATA } from './corpus.js';

export interface ExtractorSpeed {
  name: string;
  pagesPerSecond: number;
}

function pages(): { id: string; html: string }[] {
  const dir = resolve(DATA, 'extraction-benchmark/html');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => ({ id: f, html: decodeText(gunzipSync(readFileSync(resolve(dir, f))), f) }));
}

function rate(list: { id: string; html: string }[], rounds: number, extract: (html: string, id: string) => unknown): number {
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const p of list) extract(p.html, p.id);
  return (list.length * rounds) / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Pages per second on the 119 benchmark pages: Parallax's extractor and Readability on two DOMs, in one run. */
export function benchmarkExtraction(): ExtractorSpeed[] {
  const list = pages();
  const ours = (html: string, id: string) => {
    try {
      return extractHtml({ source: id, format: 'html', content: html, meta: {}, fetchedAt: '' });
    } catch {
      return null; // A page with no article costs what it cost to find that out.
    }
  };
  const readabilityLinkedom = (html: string) => {
    const { document } = parseHTML(html);
    return new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  };
  const readabilityJsdom = (html: string) => {
    const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() }); // silent: jsdom reports every CSS it cannot parse
    const result = new Readability(dom.window.document).parse();
    dom.window.close();
    return result;
  };
  rate(list, 1, ours); // warm-up
  return [
    { name: 'Parallax (htmlparser2 + scoring)', pagesPerSecond: rate(list, 5, ours) },
    { name: 'Readability on linkedom', pagesPerSecond: rate(list, 1, readabilityLinkedom) },
    { name: 'Readability on jsdom', pagesPerSecond: rate(list, 1, readabilityJsdom) },
  ];
}
