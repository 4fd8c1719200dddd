import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { api, type ArticleView } from '../api.js';
import { LangTag, Status } from '../components/common.js';
import { formatDate, languageName } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';
import { href } from '../router.js';

const ROLE_LABEL: Record<string, string> = { caption: 'Caption', boilerplate: 'Boilerplate', heading: 'Heading' };

export function ArticlePage({ id, params }: { id: string; params: URLSearchParams }) {
  const loaded = useLoad(() => api.article(id), [id]);
  useTitle(loaded.state === 'done' ? loaded.value.article.title : 'Article');
  const start = Number(params.get('start'));
  const end = Number(params.get('end'));
  const highlight: [number, number] | null = params.has('start') && params.has('end') && end > start ? [start, end] : null;
  return (
    <main id="main" class="page article-page">
      <Status loaded={loaded}>{(a) => <Article view={a} highlight={highlight} />}</Status>
    </main>
  );
}

function Article({ view, highlight }: { view: ArticleView; highlight: [number, number] | null }) {
  const marked = useRef<HTMLElement>(null);
  useEffect(() => {
    marked.current?.scrollIntoView({ block: 'center' });
    marked.current?.focus({ preventScroll: true });
  }, [highlight?.[0], highlight?.[1], view.article.id]);
  const { article } = view;
  const quoteSpans = view.quotes.map((q) => q.span);
  return (
    <article lang={view.lang}>
      <p class="crumbs" lang="en">
        <a href="#/">Stories</a> / <a href={href('story', view.storyId)}>story</a> / <span class="mono">{article.id}</span>
      </p>
      <h1 dir="auto">{article.title}</h1>
      <p class="muted article-meta" lang="en">
        {article.outlet ?? 'unknown outlet'}
        {article.author && <> · {article.author}</>} · {formatDate(article.publishedAt)} · {languageName(view.lang)}
        {article.url && (
          <>
            {' '}
            ·{' '}
            <a href={safeUrl(article.url)} rel="noopener noreferrer nofollow" target="_blank">
              original
            </a>
          </>
        )}
        {article.duplicateOf && (
          <>
            {' '}
            · copy of <a href={href('article', article.duplicateOf)}>{article.duplicateOf}</a>
          </>
        )}
      </p>
      <div class="legend muted small" lang="en">
        <span class="legend-quote">quoted</span> <span class="legend-entity">named entity</span> {highlight && <mark>the passage you followed</mark>}
      </div>
      {view.paragraphs.map((p) => {
        const text = view.text.slice(p.span[0], p.span[1]);
        const foreign = p.lang !== 'und' && p.lang !== view.lang;
        return (
          <div class={`para role-${p.role}`} lang={p.lang === 'und' ? undefined : p.lang}>
            {(ROLE_LABEL[p.role] || foreign) && (
              <span class="para-label muted small" lang="en">
                {ROLE_LABEL[p.role] ?? ''} {foreign && <LangTag lang={p.lang} />}
              </span>
            )}
            <p dir="auto">
              <Spans text={text} offset={p.span[0]} view={view} quoteSpans={quoteSpans} highlight={highlight} markedRef={marked} />
            </p>
          </div>
        );
      })}
    </article>
  );
}

/** Only web addresses become links: a stored "javascript:" URL must not run when clicked. */
function safeUrl(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

interface Boundary {
  at: number;
  kind: 'quote' | 'entity' | 'highlight';
  open: boolean;
  entity?: string;
}

/**
 * A paragraph cut at every boundary of a quote, an entity mention or the followed passage, each piece rendered as
 * text inside the elements that cover it.
 */
function Spans(props: {
  text: string;
  offset: number;
  view: ArticleView;
  quoteSpans: readonly (readonly [number, number])[];
  highlight: [number, number] | null;
  markedRef: { current: HTMLElement | null };
}) {
  const { text, offset, view, quoteSpans, highlight, markedRef } = props;
  const end = offset + text.length;
  const clip = (s: number, e: number): [number, number] | null => (e <= offset || s >= end ? null : [Math.max(s, offset), Math.min(e, end)]);
  const cuts = new Set<number>([offset, end]);
  const ranges: { span: [number, number]; kind: Boundary['kind']; entity?: string }[] = [];
  for (const q of quoteSpans) {
    const c = clip(q[0], q[1]);
    if (c) ranges.push({ span: c, kind: 'quote' });
  }
  for (const m of view.mentions) {
    if (m.via === 'pronoun') continue;
    const c = clip(m.span[0], m.span[1]);
    if (c) ranges.push({ span: c, kind: 'entity', entity: m.entity });
  }
  const h = highlight ? clip(highlight[0], highlight[1]) : null;
  if (h) ranges.push({ span: h, kind: 'highlight' });
  for (const r of ranges) {
    cuts.add(r.span[0]);
    cuts.add(r.span[1]);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: ComponentChildren[] = [];
  let highlightStarted = false;
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    const covering = ranges.filter((r) => r.span[0] <= s && r.span[1] >= e);
    let node: ComponentChildren = view.text.slice(s, e);
    const entity = covering.find((r) => r.kind === 'entity');
    if (entity?.entity) node = <a class="entity" href={href('entity', entity.entity)}>{node}</a>;
    if (covering.some((r) => r.kind === 'quote')) node = <span class="quoted">{node}</span>;
    if (covering.some((r) => r.kind === 'highlight')) {
      const first = !highlightStarted;
      highlightStarted = true;
      node = (
        <mark class="followed" ref={first ? (el: HTMLElement | null) => { markedRef.current = el; } : undefined} tabIndex={first ? -1 : undefined}>
          {node}
        </mark>
      );
    }
    pieces.push(node);
  }
  return <>{pieces}</>;
}
