import { DATA, readJsonl } from '/work/main/dist/bench/corpus.js';
import { resolve } from 'node:path';
import { processDocument } from '/work/main/dist/src/pipeline.js';
import { articleVector } from '/work/main/dist/src/stories/cluster.js';
import { toScoringVector, scoringCosine } from '/work/main/dist/src/stories/scoring-vector.js';
import { DocumentFrequencies } from '/work/main/dist/src/stories/idf.js';
const recs = readJsonl(resolve(DATA, 'clustering/en-giveme5w1h/articles.jsonl'));
const at = '2024-01-01T00:00:00.000Z';
const an = recs.map(r => { try { return processDocument({ source: r.id, format: 'text', content: r.text, meta: { title: r.title, lang: r.lang ?? undefined, url: r.url, publishedAt: r.publishedAt ?? at }, fetchedAt: at }); } catch { return null; } });
const df = new DocumentFrequencies(); const raws = an.map(a => a ? articleVector(a) : null); for (const v of raws) if (v) df.add(v);
const weighed = raws.map(v => v ? df.weigh(v) : null);
const [focus, ...others] = process.argv.slice(2).map(Number);
console.log('top', focus, [...weighed[focus]].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, w]) => `${k}:${w.toFixed(2)}`).join(' '));
for (const j of others) {
  const c = scoringCosine(toScoringVector(weighed[focus]), toScoringVector(weighed[j]));
  const shared = [...weighed[focus].keys()].filter(k => weighed[j].has(k)).map(k => [k, weighed[focus].get(k) * weighed[j].get(k)]).sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, w]) => `${k}:${w.toFixed(3)}`);
  console.log(j, c.toFixed(3), recs[j].title.slice(0, 50), '\n    ', shared.join(' '));
  console.log('  top', j, [...weighed[j]].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, w]) => `${k}:${w.toFixed(2)}`).join(' '));
}
