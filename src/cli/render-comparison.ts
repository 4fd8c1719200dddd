import type { Comparison } from '../model/comparison.js';
import { lexicon } from '../analyze/lexicon.js';
import { attributionLabel } from '../compare/attribution-label.js';
import { clip } from './output.js';

const WIDTH = 110;

/** A comparison as a reader scans it: sources lettered, then quotes, facts and framing with the source of each line. */
export function renderComparison(c: Comparison): string {
  const letter = new Map(c.articles.map((a, i) => [a.id, String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '')]));
  const tag = (id: string) => `[${letter.get(id) ?? '?'}]`;
  const lines: string[] = [];
  const independent = c.articles.filter((a) => !a.duplicateOf).length;
  lines.push(`Story ${c.story.id}: ${c.story.title}`);
  lines.push(`${c.articles.length} articles (${independent} independent) · languages: ${c.story.languages.join(', ')}`);
  lines.push('', 'SOURCES');
  for (const a of c.articles) {
    const where = a.outlet ?? a.url ?? '';
    const dup = a.duplicateOf ? `  (duplicate of ${tag(a.duplicateOf)})` : '';
    lines.push(`  ${tag(a.id)} ${a.id}  ${a.lang}  ${clip(a.title, 60)}${where ? `  — ${where}` : ''}${dup}`);
  }
  lines.push('', 'ENTITIES');
  for (const e of c.entities.slice(0, 15)) {
    const counts = Object.entries(e.mentions).map(([id, n]) => `${tag(id)}${n}`).join(' ');
    const aliases = e.aliases.filter((a) => a !== e.name);
    lines.push(`  ${clip(`${e.name} (${e.type})${aliases.length ? ` = ${aliases.join(' = ')}` : ''}`, 70).padEnd(72)} ${counts}`);
  }
  if (c.entities.length > 15) lines.push(`  … and ${c.entities.length - 15} more`);
  lines.push('', 'QUOTES');
  for (const q of c.quotes) {
    const shared = q.variants.length > 1 ? `${q.variants.length} renderings` : 'one source';
    lines.push(`  ${q.id} ${q.speaker.name} — ${shared}`);
    for (const v of q.variants) {
      lines.push(`     ${tag(v.article)} ${v.kind.padEnd(8)} “${clip(v.text, WIDTH - 30)}”${attributionNote(v.speakerSurface, v.cue, v.lang)}`);
      const changed = (v.changes ?? []).filter((ch) => ch.op !== 'same' && /[\p{L}\p{N}]/u.test(ch.text));
      if (changed.length) lines.push(`              ${clip(changed.map((ch) => `${ch.op === 'added' ? '+' : '−'}${ch.text.trim()}`).join('  '), WIDTH - 14)}`);
    }
  }
  lines.push('', 'FACTS');
  const names = new Map(c.entities.map((e) => [e.id, e.name]));
  for (const f of c.facts) {
    lines.push(`  ${f.id} ${f.status.toUpperCase()}${f.differences.length ? ` — ${f.differences.map((d) => `${d.kind}: ${d.detail}${d.sameAffiliation ? ' (same side)' : ''}`).join('; ')}` : ''}`);
    for (const s of f.support) {
      const by = s.attribution ? `${attributionLabel(s.attribution, s.attributionEntities ?? s.attributionEntity, names)}: ` : '';
      lines.push(`     ${tag(s.article)} ${clip(by + s.text, WIDTH - 10)}`);
    }
    if (f.notReportedBy.length && f.support.length > 1) lines.push(`     not reported by ${f.notReportedBy.map(tag).join(' ')}`);
    if (f.firstReportedBy) lines.push(`     first: ${tag(f.firstReportedBy)}`);
  }
  const framing = c.framing.filter((f) => f.terms.length);
  if (framing.length) {
    lines.push('', 'FRAMING');
    for (const f of framing) lines.push(`  ${tag(f.article)} ${f.terms.join(', ')}`);
  }
  lines.push('', 'COVERAGE');
  for (const cov of c.coverage) {
    const first = cov.first.length ? `, first with ${cov.first.join(' ')}` : '';
    lines.push(`  ${tag(cov.article)} ${cov.entities.length} entities, ${cov.quotes.length} quotes, ${cov.facts.length} facts${first}`);
  }
  return lines.join('\n');
}

/** "(she added)", "(according to Blinken)": the cue and the speaker as the article words them. */
function attributionNote(surface: string | undefined, cue: string | null, lang: string): string {
  if (!surface) return cue ? ` (${cue})` : '';
  if (!cue) return ` (${surface})`;
  const prefix = lexicon(lang).prefixCues.includes(cue.toLowerCase());
  return prefix ? ` (${cue.toLowerCase()} ${surface})` : ` (${surface} ${cue})`;
}
