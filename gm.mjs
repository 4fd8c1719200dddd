import { DATA, readJsonl } from '/work/main/dist/bench/corpus.js';
import { mkdtempSync } from 'node:fs'; import { tmpdir } from 'node:os'; import { join, resolve } from 'node:path';
import { ok } from '/work/main/dist/src/ingest/errors.js';
import { ingestDocuments } from '/work/main/dist/src/ingest/run.js';
import { SqliteStore } from '/work/main/dist/src/store/sqlite/sqlite-store.js';
const recs = readJsonl(resolve(DATA, 'clustering/en-giveme5w1h/articles.jsonl'));
const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'px-')), 'e.db'));
const at = '2024-01-01T00:00:00.000Z';
const docs = recs.map((r) => ok({ source: r.id, format: 'text', content: r.text, meta: { title: r.title, lang: r.lang ?? undefined, url: r.url, publishedAt: r.publishedAt ?? at }, fetchedAt: at }));
const { outcomes } = await ingestDocuments(store, docs);
const sys = []; for (const [i, o] of outcomes.entries()) { const s = o.articleId ? await store.storyOf(o.articleId) : null; sys.push(s?.id ?? `u${i}`); }
const byGold = new Map(); recs.forEach((r, i) => { (byGold.get(r.story) ?? byGold.set(r.story, []).get(r.story)).push(i); });
for (const [g, members] of byGold) {
  const stories = new Set(members.map(i => sys[i]));
  if (stories.size < 2) continue;
  console.log(`\n== ${g}: ${members.length} articles in ${stories.size} stories`);
  for (const i of members.sort((a, b) => sys[a] < sys[b] ? -1 : 1)) console.log(`  ${i} ${sys[i].slice(2, 8)} ${(recs[i].publishedAt ?? '').slice(0, 10)} ${recs[i].text.length.toString().padStart(6)} ${(recs[i].title ?? '').slice(0, 90)}`);
}
