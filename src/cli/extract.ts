import { articleText } from '../ingest/extract-text.js';
import { extract } from '../pipeline.js';
import { buildTextDoc } from '../text/build-doc.js';
import { forEachDocument, type InputOptions } from './inputs.js';
import type { Output } from './output.js';

/** `parallax extract <files...>`: what extraction finds in each input, without analysis or storage. */
export async function extractCommand(inputs: string[], options: { json?: boolean } & InputOptions, io: Output): Promise<number> {
  const failed = await forEachDocument(inputs, io, (raw) => {
    const draft = extract(raw);
    const doc = buildTextDoc(draft);
    const record = {
      source: draft.source,
      title: draft.title,
      text: articleText(draft.blocks),
      outlet: draft.outlet,
      author: draft.author,
      publishedAt: draft.publishedAt,
      modifiedAt: draft.modifiedAt,
      url: draft.url,
      lang: doc.lang,
      metadataSources: draft.metadataSources,
      blocks: draft.blocks.map((b, i) => ({ role: b.role, lang: doc.paragraphs[i].lang, text: b.text })),
    };
    if (options.json) {
      io.out(JSON.stringify(record));
      return;
    }
    io.out(`== ${record.source}`);
    io.out(`${'title'.padEnd(12)} ${record.title ?? '—'}${record.metadataSources.title ? `  (${record.metadataSources.title})` : ''}`);
    const from = (key: string) => (record.metadataSources[key as keyof typeof record.metadataSources] ? `  (${record.metadataSources[key as keyof typeof record.metadataSources]})` : '');
    for (const key of ['outlet', 'author', 'publishedAt', 'modifiedAt', 'url', 'lang'] as const) io.out(`${key.padEnd(12)} ${record[key] ?? '—'}${from(key)}`);
    for (const block of record.blocks) io.out(`\n[${block.role}, ${block.lang}] ${block.text}`);
    io.out('');
  }, options);
  return failed > 0 ? 1 : 0;
}
