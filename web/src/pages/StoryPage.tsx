import type { ComponentChildren } from 'preact';
import { api, type Comparison } from '../api.js';
import { attributionLabel } from '../../../src/compare/attribution-label.js';
import { LangTag, SourceBadge, Status } from '../components/common.js';
import { formatDate, languageName, plural, sourceLetter } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';
import { href, spanHref } from '../router.js';

type Article = Comparison['articles'][number];
type QuoteGroup = Comparison['quotes'][number];
type Variant = QuoteGroup['variants'][number];
type Fact = Comparison['facts'][number];

interface Sources {
  list: Article[];
  index: Map<string, number>;
  letter: (id: string) => string;
}

export function StoryPage({ id }: { id: string }) {
  const loaded = useLoad(() => api.comparison(id), [id]);
  useTitle(loaded.state === 'done' ? loaded.value.story.title : 'Story');
  return (
    <main id="main" class="page story-page">
      <Status loaded={loaded}>{(c) => <Story comparison={c} />}</Status>
    </main>
  );
}

function Story({ comparison: c }: { comparison: Comparison }) {
  const index = new Map(c.articles.map((a, i) => [a.id, i]));
  const sources: Sources = { list: c.articles, index, letter: (id) => sourceLetter(index.get(id) ?? 0) };
  const independent = c.articles.filter((a) => !a.duplicateOf);
  const conflicts = c.facts.filter((f) => f.status === 'conflict').length;
  const aligned = c.quotes.filter((q) => new Set(q.variants.map((v) => v.article)).size > 1);
  return (
    <>
      <header class="story-head">
        <p class="crumbs">
          <a href="#/">Stories</a> / <span class="mono">{c.story.id}</span>
        </p>
        <h1 dir="auto">{c.story.title}</h1>
        <p class="story-facts">
          {plural(independent.length, 'source')} · {c.story.languages.map(languageName).join(', ')} · {plural(c.facts.length, 'fact')}
          {conflicts > 0 && <strong class="conflict-text"> ({plural(conflicts, 'conflict')})</strong>} · {plural(aligned.length, 'quote')} in several sources
        </p>
      </header>
      <SourceStrip sources={sources} />
      <nav class="section-nav" aria-label="Sections">
        <a href="#facts" onClick={jump('facts')}>Facts</a>
        <a href="#quotes" onClick={jump('quotes')}>Quotes</a>
        <a href="#entities" onClick={jump('entities')}>Entities</a>
        <a href="#framing" onClick={jump('framing')}>Framing &amp; coverage</a>
      </nav>
      <Facts facts={c.facts} sources={sources} names={new Map(c.entities.map((e) => [e.id, e.name]))} />
      <Quotes quotes={c.quotes} sources={sources} />
      <Entities comparison={c} sources={sources} />
      <Framing comparison={c} sources={sources} />
    </>
  );
}

/** In-page links would replace the hash route; scroll instead. */
function jump(id: string) {
  return (event: MouseEvent) => {
    event.preventDefault();
    const target = document.getElementById(id);
    target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    target?.focus({ preventScroll: true });
  };
}

function SourceStrip({ sources }: { sources: Sources }) {
  return (
    <section class="source-strip" aria-label="Sources" style={{ '--cols': sources.list.length }}>
      {sources.list.map((a, i) => (
        <article class={`source-card${a.duplicateOf ? ' duplicate' : ''}`}>
          <SourceBadge letter={sourceLetter(i)} index={i} />
          <div>
            <a href={href('article', a.id)} class="source-title" dir="auto">
              {a.title}
            </a>
            <p class="muted small">
              {a.outlet ?? hostOf(a.url) ?? 'unknown outlet'} · <LangTag lang={a.lang} /> · {formatDate(a.publishedAt)}
              {a.duplicateOf && <> · copy of {sources.letter(a.duplicateOf)}</>}
            </p>
          </div>
        </article>
      ))}
    </section>
  );
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** A table whose columns are the sources: a header row of badges, then one row per item. */
function SourceGrid({ sources, label, children }: { sources: Sources; label: string; children: ComponentChildren }) {
  return (
    <div class="grid-scroll">
      <div class="source-grid" role="table" aria-label={label} style={{ '--cols': sources.list.length }}>
        <div class="grid-row grid-head" role="row">
          <div class="row-head" role="columnheader">
            {label}
          </div>
          {sources.list.map((a, i) => (
            <div class="cell" role="columnheader">
              <SourceBadge letter={sourceLetter(i)} index={i} /> <span class="col-title muted small" dir="auto">{a.outlet ?? hostOf(a.url) ?? a.title}</span>
            </div>
          ))}
        </div>
        {children}
      </div>
    </div>
  );
}

/** One source's cell in a row; on a phone, where columns stack, it names its source itself. */
function Cell({ sources, article, empty, children, lang }: { sources: Sources; article: string; empty?: boolean; lang?: string; children?: ComponentChildren }) {
  const i = sources.index.get(article) ?? 0;
  return (
    <div class={`cell${empty ? ' empty-cell' : ''}`} role="cell" lang={lang}>
      <span class="cell-source" aria-hidden="true">
        <SourceBadge letter={sourceLetter(i)} index={i} />
      </span>
      {children}
    </div>
  );
}

const STATUS_LABEL = { consensus: 'Consensus', unique: 'Unique', conflict: 'Conflict' } as const;
const DIFFERENCE_LABEL: Record<string, string> = { value: 'Figures differ', attribution: 'Attributed differently', approximation: 'Hedged differently', time: 'Time differs', place: 'Place differs' };

function Facts({ facts, sources, names }: { facts: Fact[]; sources: Sources; names: Map<string, string> }) {
  return (
    <section id="facts" tabIndex={-1} class="section">
      <h2>Facts</h2>
      <p class="section-help">Claims with figures or attributions, aligned across sources. A conflict names what differs; a blank cell is a source that does not report the fact.</p>
      {facts.length === 0 ? (
        <p class="empty">No claims found.</p>
      ) : (
        <SourceGrid sources={sources} label="Fact">
          {facts.map((f) => (
            <div class={`grid-row fact ${f.status}`} role="row" data-fact={f.id}>
              <div class="row-head" role="rowheader">
                <span class={`status-pill ${f.status}`}>{STATUS_LABEL[f.status]}</span>
                <span class="fact-id mono">{f.id}</span>
                {f.differences.map((d) => (
                  <p class="difference">
                    <strong>{DIFFERENCE_LABEL[d.kind] ?? d.kind}:</strong> <span dir="auto">{d.detail}</span>
                    {d.sameAffiliation && <span class="muted"> (same side)</span>}
                  </p>
                ))}
              </div>
              {sources.list.map((a) => {
                const support = f.support.filter((s) => s.article === a.id);
                if (support.length === 0) {
                  return (
                    <Cell sources={sources} article={a.id} empty>
                      {f.notReportedBy.includes(a.id) && f.support.length > 1 ? <span class="not-reported">not reported</span> : ''}
                    </Cell>
                  );
                }
                return (
                  <Cell sources={sources} article={a.id}>
                    {support.map((s) => (
                      <a class="claim" href={spanHref(s.article, s.span)} dir="auto" lang={a.lang}>
                        {s.attribution && <span class="attribution">{attributionLabel(s.attribution, s.attributionEntities ?? s.attributionEntity, names)}</span>}
                        <ClaimText text={s.text} values={s.values.map((v) => v.text)} />
                      </a>
                    ))}
                    {f.firstReportedBy === a.id && <span class="first-flag">first</span>}
                  </Cell>
                );
              })}
            </div>
          ))}
        </SourceGrid>
      )}
    </section>
  );
}

/** The claim's sentence with its figures marked. */
function ClaimText({ text, values }: { text: string; values: string[] }) {
  const ranges: [number, number][] = [];
  for (const v of values) {
    const at = v ? text.indexOf(v) : -1;
    if (at >= 0) ranges.push([at, at + v.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s < at) continue;
    parts.push(text.slice(at, s), <mark class="figure">{text.slice(s, e)}</mark>);
    at = e;
  }
  parts.push(text.slice(at));
  return <span class="claim-text">{parts}</span>;
}

function Quotes({ quotes, sources }: { quotes: QuoteGroup[]; sources: Sources }) {
  const shared = quotes.filter((q) => new Set(q.variants.map((v) => v.article)).size > 1);
  const single = quotes.filter((q) => !shared.includes(q));
  return (
    <section id="quotes" tabIndex={-1} class="section">
      <h2>Quotes</h2>
      <p class="section-help">
        The same statement as each source renders it. Against the first rendering, <ins>added words</ins> and <del>dropped words</del> are marked.
      </p>
      {quotes.length === 0 ? (
        <p class="empty">No quotes found.</p>
      ) : (
        <SourceGrid sources={sources} label="Speaker">
          {[...shared, ...single].map((q) => (
            <div class={`grid-row quote-row${shared.includes(q) ? ' aligned' : ''}`} role="row" data-quote={q.id}>
              <div class="row-head" role="rowheader">
                {q.speaker.entity ? <a href={href('entity', q.speaker.entity)}>{q.speaker.name}</a> : <span>{q.speaker.name}</span>}
                <span class="muted small"> · {shared.includes(q) ? `${new Set(q.variants.map((v) => v.article)).size} sources` : 'one source'}</span>
              </div>
              {sources.list.map((a) => {
                const variants = q.variants.filter((v) => v.article === a.id);
                return (
                  <Cell sources={sources} article={a.id} empty={variants.length === 0}>
                    {variants.map((v) => (
                      <QuoteVariantView variant={v} />
                    ))}
                  </Cell>
                );
              })}
            </div>
          ))}
        </SourceGrid>
      )}
    </section>
  );
}

function QuoteVariantView({ variant: v }: { variant: Variant }) {
  const attribution = [v.speakerSurface, v.cue].filter(Boolean).join(' ');
  return (
    <a class={`quote ${v.kind}`} href={spanHref(v.article, v.span)} lang={v.lang}>
      <q dir="auto">{v.changes ? <Changes changes={v.changes} /> : v.text}</q>
      <span class="quote-meta muted small">
        {v.kind}
        {attribution && <> · {attribution}</>}
        {v.similarity < 1 && <> · {Math.round(v.similarity * 100)}% alike</>}
      </span>
    </a>
  );
}

function Changes({ changes }: { changes: NonNullable<Variant['changes']> }) {
  return (
    <>
      {changes.map((c) => (c.op === 'added' ? <ins>{c.text}</ins> : c.op === 'removed' ? <del>{c.text}</del> : c.text))}
    </>
  );
}

function Entities({ comparison: c, sources }: { comparison: Comparison; sources: Sources }) {
  const most = Math.max(1, ...c.entities.flatMap((e) => Object.values(e.mentions)));
  return (
    <section id="entities" tabIndex={-1} class="section">
      <h2>Entities</h2>
      <p class="section-help">Who and what each source mentions, with the names it uses merged across spellings and scripts.</p>
      <SourceGrid sources={sources} label="Entity">
        {c.entities.slice(0, 40).map((e) => (
          <div class="grid-row entity-row" role="row">
            <div class="row-head" role="rowheader">
              <a href={href('entity', e.id)}>{e.name}</a> <span class="muted small">{e.type}</span>
              {e.aliases.length > 1 && (
                <p class="aliases muted small" dir="auto">
                  {e.aliases.filter((a) => a !== e.name).join(' · ')}
                </p>
              )}
            </div>
            {sources.list.map((a, i) => {
              const n = e.mentions[a.id] ?? 0;
              return (
                <Cell sources={sources} article={a.id} empty={n === 0}>
                  {n > 0 ? (
                    <span class="bar-wrap" title={`${n} mentions`}>
                      <span class={`bar src-${i % 8}`} style={{ width: `${Math.max(6, (n / most) * 100)}%` }} />
                      <span class="bar-n">{n}</span>
                    </span>
                  ) : (
                    <span class="muted">—</span>
                  )}
                </Cell>
              );
            })}
          </div>
        ))}
      </SourceGrid>
    </section>
  );
}

function Framing({ comparison: c, sources }: { comparison: Comparison; sources: Sources }) {
  return (
    <section id="framing" tabIndex={-1} class="section">
      <h2>Framing &amp; coverage</h2>
      <p class="section-help">Loaded or distinctive wording each source uses, and how much of the story it carries.</p>
      <SourceGrid sources={sources} label="">
        <div class="grid-row" role="row">
          <div class="row-head" role="rowheader">
            Framing terms
          </div>
          {sources.list.map((a) => {
            const terms = c.framing.find((f) => f.article === a.id)?.terms ?? [];
            return (
              <Cell sources={sources} article={a.id} lang={a.lang}>
                {terms.length ? terms.map((t) => <span class="term" dir="auto">{t}</span>) : <span class="muted">—</span>}
              </Cell>
            );
          })}
        </div>
        <div class="grid-row" role="row">
          <div class="row-head" role="rowheader">
            Coverage
          </div>
          {sources.list.map((a) => {
            const cov = c.coverage.find((x) => x.article === a.id);
            return (
              <Cell sources={sources} article={a.id}>
                {cov ? (
                  <ul class="coverage">
                    <li>{plural(cov.facts.length, 'fact')} of {c.facts.length}</li>
                    <li>{plural(cov.quotes.length, 'quote')} of {c.quotes.length}</li>
                    <li>{plural(cov.entities.length, 'entity', 'entities')} of {c.entities.length}</li>
                    {cov.first.length > 0 && <li>first with {cov.first.join(', ')}</li>}
                  </ul>
                ) : (
                  '—'
                )}
              </Cell>
            );
          })}
        </div>
      </SourceGrid>
    </section>
  );
}
