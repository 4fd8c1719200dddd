import { useState } from 'preact/hooks';
import { api, type EntitySummary } from '../api.js';
import { Status } from '../components/common.js';
import { ago, plural } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';
import { href } from '../router.js';

const SCRIPT_NAMES = new Intl.DisplayNames(['en'], { type: 'script' });

function scriptName(code: string): string {
  try {
    return SCRIPT_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}

export function EntityPage({ id }: { id: string }) {
  const loaded = useLoad(() => api.entity(id), [id]);
  useTitle(loaded.state === 'done' ? loaded.value.entity.name : 'Entity');
  return (
    <main id="main" class="page">
      <Status loaded={loaded}>
        {({ entity, stories }) => {
          const byScript = new Map<string, string[]>();
          for (const a of entity.aliases) byScript.set(a.script, [...(byScript.get(a.script) ?? []), a.text]);
          return (
            <>
              <p class="crumbs">
                <a href="#/entities">Entities</a> / <span class="mono">{entity.id}</span>
              </p>
              <h1 dir="auto">{entity.name}</h1>
              <p class="muted">
                {entity.type} · mentioned in {plural(entity.articles, 'article')} across {plural(entity.stories, 'story', 'stories')}
              </p>
              <h2>Names</h2>
              <dl class="aliases-list">
                {[...byScript].map(([script, names]) => (
                  <>
                    <dt>{scriptName(script)}</dt>
                    <dd dir="auto">{names.join(' · ')}</dd>
                  </>
                ))}
              </dl>
              <h2>Stories</h2>
              <ol class="story-list compact">
                {stories.items.map((s) => (
                  <li class="story-row">
                    <a href={href('story', s.id)} class="story-link">
                      <span class="story-title" dir="auto">{s.title}</span>
                    </a>
                    <div class="story-meta">
                      <span>{plural(s.sources, 'source')}</span>
                      <span class="langs">{s.languages.join(' ')}</span>
                      <time dateTime={s.lastSeen}>{ago(s.lastSeen)}</time>
                    </div>
                  </li>
                ))}
              </ol>
            </>
          );
        }}
      </Status>
    </main>
  );
}

export function EntitiesPage({ params }: { params: URLSearchParams }) {
  useTitle('Entities');
  const [q, setQ] = useState(params.get('q') ?? '');
  const type = params.get('type') ?? '';
  const query = params.get('q') ?? '';
  const loaded = useLoad(() => api.entities({ q: query, type }), [query, type]);
  const go = (next: { q?: string; type?: string }) => (location.hash = href('entities', undefined, { q: next.q ?? query, type: next.type ?? type }));
  return (
    <main id="main" class="page">
      <h1>Entities</h1>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q });
        }}
      >
        <label>
          Name
          <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} placeholder="any spelling or alias" />
        </label>
        <label>
          Type
          <select value={type} onChange={(e) => go({ type: e.currentTarget.value })}>
            <option value="">any</option>
            {['person', 'country', 'organization', 'location', 'event', 'other'].map((t) => (
              <option value={t}>{t}</option>
            ))}
          </select>
        </label>
        <button type="submit">Find</button>
      </form>
      <Status loaded={loaded}>
        {(page) =>
          page.items.length === 0 ? (
            <p class="empty">No entity matches.</p>
          ) : (
            <table class="entity-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Type</th>
                  <th scope="col">Also written</th>
                  <th scope="col" class="num">Articles</th>
                  <th scope="col" class="num">Stories</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((e: EntitySummary) => (
                  <tr>
                    <td>
                      <a href={href('entity', e.id)} dir="auto">{e.name}</a>
                    </td>
                    <td>{e.type}</td>
                    <td class="muted" dir="auto">{e.aliases.map((a) => a.text).filter((t) => t !== e.name).slice(0, 6).join(' · ')}</td>
                    <td class="num">{e.articles}</td>
                    <td class="num">{e.stories}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Status>
    </main>
  );
}
