import { useEffect, useState } from 'preact/hooks';
import { api, type Page, type Story } from '../api.js';
import { Status } from '../components/common.js';
import { useLoad, useTitle } from '../hooks.js';
import { ago, languageName, plural } from '../format.js';
import { href } from '../router.js';

const PAGE = 25;

/** Story events from the server, as they come; null while disconnected. */
function useStoryEvents(onStory: (story: Story) => void): boolean {
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource('/api/events');
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener('story', (event) => onStory(JSON.parse((event as MessageEvent<string>).data) as Story));
    return () => source.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return live;
}

export function StoryList({ params }: { params: URLSearchParams }) {
  useTitle('Stories');
  const lang = params.get('lang') ?? '';
  const minSources = params.get('minSources') ?? '';
  const sort = params.get('sort') ?? 'recent';
  const [stories, setStories] = useState<Page<Story> | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [more, setMore] = useState(false);
  const loaded = useLoad(() => api.stories({ lang, minSources: minSources ? Number(minSources) : undefined, sort, limit: PAGE }), [lang, minSources, sort]);
  useEffect(() => {
    if (loaded.state === 'done') setStories(loaded.value);
  }, [loaded]);

  const live = useStoryEvents((story) => {
    const matches = (!lang || story.articles.some((a) => a.lang === lang)) && (!minSources || story.sources >= Number(minSources));
    if (!matches) return;
    setStories((page) => {
      if (!page) return page;
      const known = page.items.some((s) => s.id === story.id);
      const items = sort === 'recent' ? [story, ...page.items.filter((s) => s.id !== story.id)] : page.items.map((s) => (s.id === story.id ? story : s));
      return { ...page, items, total: known ? page.total : page.total + 1 };
    });
    setFresh((ids) => new Set(ids).add(story.id));
  });

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    location.hash = href('', undefined, Object.fromEntries(next));
  };

  const loadMore = async () => {
    if (!stories) return;
    setMore(true);
    try {
      const next = await api.stories({ lang, minSources: minSources ? Number(minSources) : undefined, sort, limit: PAGE, offset: stories.items.length });
      setStories({ ...next, items: [...stories.items, ...next.items.filter((s) => !stories.items.some((k) => k.id === s.id))] });
    } finally {
      setMore(false);
    }
  };

  const languages = [...new Set((stories?.items ?? []).flatMap((s) => s.languages))].sort();
  if (lang && !languages.includes(lang)) languages.push(lang);
  return (
    <main id="main" class="page">
      <div class="page-head">
        <h1>Stories</h1>
        <span class={`live ${live ? 'on' : 'off'}`} role="status" title={live ? 'New articles appear as they are ingested' : 'Not receiving updates'}>
          {live ? 'Live' : 'Offline'}
        </span>
      </div>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter stories">
        <label>
          Language
          <select value={lang} onChange={(e) => setFilter('lang', e.currentTarget.value)}>
            <option value="">any</option>
            {languages.map((l) => (
              <option value={l}>{languageName(l)}</option>
            ))}
          </select>
        </label>
        <label>
          Sources
          <select value={minSources} onChange={(e) => setFilter('minSources', e.currentTarget.value)}>
            <option value="">any</option>
            {[2, 3, 5, 10].map((n) => (
              <option value={String(n)}>{n} or more</option>
            ))}
          </select>
        </label>
        <label>
          Order
          <select value={sort} onChange={(e) => setFilter('sort', e.currentTarget.value === 'recent' ? '' : e.currentTarget.value)}>
            <option value="recent">latest activity</option>
            <option value="size">most sources</option>
          </select>
        </label>
      </form>
      <Status loaded={loaded}>
        {() =>
          !stories || stories.items.length === 0 ? (
            <p class="empty">
              {lang || minSources ? 'No story matches these filters.' : 'No stories yet. Add articles with '}
              {!lang && !minSources && <code>parallax ingest &lt;files&gt;</code>}
            </p>
          ) : (
            <>
              <p class="count">{plural(stories.total, 'story', 'stories')}</p>
              <ol class="story-list">
                {stories.items.map((s) => (
                  <StoryRow story={s} fresh={fresh.has(s.id)} />
                ))}
              </ol>
              {stories.items.length < stories.total && (
                <button type="button" class="more" onClick={loadMore} disabled={more}>
                  {more ? 'Loading…' : `Show more (${stories.total - stories.items.length} left)`}
                </button>
              )}
            </>
          )
        }
      </Status>
    </main>
  );
}

function StoryRow({ story, fresh }: { story: Story; fresh: boolean }) {
  const outlets = [...new Set(story.articles.filter((a) => !a.duplicateOf).map((a) => a.outlet ?? a.title.slice(0, 40)))];
  return (
    <li class={`story-row${fresh ? ' fresh' : ''}`} data-story={story.id}>
      <a href={href('story', story.id)} class="story-link">
        <span class="story-title" dir="auto">
          {story.title}
        </span>
      </a>
      <div class="story-meta">
        <span class="sources-count">{plural(story.sources, 'source')}</span>
        {story.size > story.sources && <span class="muted">+{plural(story.size - story.sources, 'copy', 'copies')}</span>}
        <span class="langs">
          {story.languages.map((l) => (
            <span class="lang" title={languageName(l)}>
              {l}
            </span>
          ))}
        </span>
        <time dateTime={story.lastSeen} title={story.lastSeen}>
          {ago(story.lastSeen)}
        </time>
        {fresh && <span class="new-flag">updated</span>}
      </div>
      <div class="outlets muted" dir="auto">
        {outlets.slice(0, 6).join(' · ')}
        {outlets.length > 6 ? ` · +${outlets.length - 6}` : ''}
      </div>
    </li>
  );
}
