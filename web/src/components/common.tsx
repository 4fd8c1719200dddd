import type { ComponentChildren } from 'preact';
import type { Loaded } from '../hooks.js';

export function Status<T>({ loaded, children }: { loaded: Loaded<T>; children: (value: T) => ComponentChildren }) {
  if (loaded.state === 'loading') return <p class="status" role="status">Loading…</p>;
  if (loaded.state === 'error') return <p class="status error" role="alert">{loaded.message}</p>;
  return <>{children(loaded.value)}</>;
}

/** A source's letter in its color; the same letter and color name the source everywhere on the story page. */
export function SourceBadge({ letter, index, title }: { letter: string; index: number; title?: string }) {
  return (
    <span class={`badge src-${index % 8}`} title={title} aria-label={title ? `source ${letter}: ${title}` : `source ${letter}`}>
      {letter}
    </span>
  );
}

/** Text with some ranges marked; the text is always rendered as text, never as markup. */
export function Marked({ text, ranges, markClass = '' }: { text: string; ranges: readonly (readonly [number, number])[]; markClass?: string }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark class={markClass}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

export function LangTag({ lang }: { lang: string }) {
  return <span class="lang" lang="en">{lang}</span>;
}
