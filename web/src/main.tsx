import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ArticlePage } from './pages/ArticlePage.js';
import { EntitiesPage, EntityPage } from './pages/EntityPages.js';
import { SearchPage } from './pages/SearchPage.js';
import { StoryList } from './pages/StoryList.js';
import { StoryPage } from './pages/StoryPage.js';
import { href, useRoute, type Route } from './router.js';
import './styles.css';

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'stories':
      return <StoryList params={route.params} />;
    case 'story':
      return <StoryPage id={route.id!} />;
    case 'article':
      return <ArticlePage id={route.id!} params={route.params} />;
    case 'entity':
      return <EntityPage id={route.id!} />;
    case 'entities':
      return <EntitiesPage params={route.params} />;
    case 'search':
      return <SearchPage params={route.params} />;
    default:
      return (
        <main id="main" class="page">
          <h1>Not found</h1>
          <p>
            There is no such page. <a href="#/">Back to the stories</a>.
          </p>
        </main>
      );
  }
}

function skipToContent(event: MouseEvent) {
  event.preventDefault();
  const main = document.getElementById('main');
  main?.setAttribute('tabindex', '-1');
  main?.focus();
}

function App() {
  const route = useRoute();
  const [q, setQ] = useState(route.page === 'search' ? route.params.get('q') ?? '' : '');
  const searchBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // "/" jumps to search, as in most reading tools, unless the reader is typing somewhere.
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) && !target.isContentEditable) {
        event.preventDefault();
        searchBox.current?.focus();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => scrollTo(0, 0), [route.page, route.id]);
  return (
    <>
      <a class="skip" href="#main" onClick={skipToContent}>
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href="#/" aria-label="Parallax: all stories">
          <span class="brand-mark" aria-hidden="true">▥</span> Parallax
        </a>
        <nav aria-label="Main">
          <a href="#/" aria-current={route.page === 'stories' ? 'page' : undefined}>Stories</a>
          <a href="#/entities" aria-current={route.page === 'entities' || route.page === 'entity' ? 'page' : undefined}>Entities</a>
        </nav>
        <form
          class="search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            if (q.trim()) location.hash = href('search', undefined, { q: q.trim() });
          }}
        >
          <input ref={searchBox} type="search" aria-label="Search articles" placeholder="Search articles  ( / )" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </form>
      </header>
      <Page route={route} />
    </>
  );
}

render(<App />, document.getElementById('app')!);
