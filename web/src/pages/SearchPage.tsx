import { api } from '../api.js';
import { LangTag, Marked, Status } from '../components/common.js';
import { formatDate, plural } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';
import { href } from '../router.js';

export function SearchPage({ params }: { params: URLSearchParams }) {
  const q = params.get('q') ?? '';
  useTitle(q ? `“${q}”` : 'Search');
  const loaded = useLoad(() => (q ? api.search(q) : Promise.resolve(null)), [q]);
  return (
    <main id="main" class="page">
      <h1>Search{q && <> for “{q}”</>}</h1>
      {!q && <p class="empty">Type words in the search box: articles containing all of them are listed, best match first.</p>}
      <Status loaded={loaded}>
        {(page) =>
          page && (
            <>
              <p class="count">{plural(page.total, 'article')}</p>
              <ol class="hits">
                {page.items.map((hit) => (
                  <li class="hit">
                    <a href={href('story', hit.storyId)} class="story-link" dir="auto">
                      {hit.article.title}
                    </a>
                    <p class="muted small">
                      {hit.article.outlet ?? 'unknown outlet'} · <LangTag lang={hit.article.lang} /> · {formatDate(hit.article.publishedAt)} ·{' '}
                      <a href={href('article', hit.article.id)}>article</a>
                    </p>
                    <p class="snippet" dir="auto" lang={hit.article.lang}>
                      <Marked text={hit.snippet} ranges={hit.highlights} />
                    </p>
                  </li>
                ))}
              </ol>
            </>
          )
        }
      </Status>
    </main>
  );
}
