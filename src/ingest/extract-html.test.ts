import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractHtml } from './extract-html.js';
import { articleText } from './extract-text.js';

const page = `<!doctype html><html lang="en"><head>
<title>Floods hit Velka valley | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Floods hit Velka valley">
<link rel="canonical" href="https://news.example.com/2024/05/floods-velka">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Floods hit the Velka valley","datePublished":"2024-05-02T08:30:00+02:00","author":{"@type":"Person","name":"Jana Novak"},"publisher":{"@type":"Organization","name":"Example News"}}</script>
</head><body>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="share-bar"><a href="#">Share on social media</a></div>
<main><article>
<h1>Floods hit the Velka valley</h1>
<figure><img src="x.jpg"><figcaption>Rescuers in Velka. Photo: Reuters</figcaption></figure>
<p>Floods forced more than 3,000 people from their homes in the Velka valley on Thursday, regional officials said.</p>
<p>“The water rose faster than anyone expected,” said Mayor Petra Kral, who ordered the evacuation of four villages.</p>
<div class="ad-slot"><p>Advertisement: buy our premium subscription today and save money on everything.</p></div>
<p>Rescue teams from neighbouring regions joined the effort overnight, and the army sent helicopters.</p>
<aside class="related-articles"><h3>Related</h3><ul><li><a href="/a">Storm warning issued for the north of the country</a></li></ul></aside>
</article></main>
<footer><p>Copyright Example News. All rights reserved. Contact us at the newsroom for corrections.</p></footer>
<div id="cookie-consent"><p>We use cookies to improve your experience on this website and for analytics.</p></div>
</body></html>`;

test('extracts the article body, marks captions and drops page furniture', () => {
  const draft = extractHtml({ source: 'page.html', format: 'html', content: page, meta: {}, fetchedAt: '2024-05-02T10:00:00.000Z' });
  const body = draft.blocks.filter((b) => b.role === 'body').map((b) => b.text);
  assert.deepEqual(body, [
    'Floods forced more than 3,000 people from their homes in the Velka valley on Thursday, regional officials said.',
    '“The water rose faster than anyone expected,” said Mayor Petra Kral, who ordered the evacuation of four villages.',
    'Rescue teams from neighbouring regions joined the effort overnight, and the army sent helicopters.',
  ]);
  assert.ok(draft.blocks.some((b) => b.role === 'caption' && b.text.includes('Photo: Reuters')));
  const all = draft.blocks.map((b) => b.text).join(' ');
  for (const furniture of ['Home', 'Share on social media', 'Advertisement', 'Storm warning', 'cookies', 'Copyright']) {
    assert.ok(!all.includes(furniture), `${furniture} is not in the article`);
  }
});

test('metadata comes from JSON-LD first, then OpenGraph and the canonical link', () => {
  const draft = extractHtml({ source: 'page.html', format: 'html', content: page, meta: {}, fetchedAt: '2024-05-02T10:00:00.000Z' });
  assert.equal(draft.title, 'Floods hit the Velka valley');
  assert.equal(draft.outlet, 'Example News');
  assert.equal(draft.author, 'Jana Novak');
  assert.equal(draft.publishedAt, '2024-05-02T06:30:00.000Z');
  assert.equal(draft.url, 'https://news.example.com/2024/05/floods-velka');
  assert.equal(draft.declaredLang, 'en');
  assert.deepEqual(draft.metadataSources, { title: 'json-ld', outlet: 'json-ld', author: 'json-ld', publishedAt: 'json-ld', url: 'canonical-link', lang: 'html-lang' });
});

test('without JSON-LD, dates come from meta tags, <time>, then the URL; the modification time too; each choice recorded', () => {
  const body = '<article><p>Floods forced more than 3,000 people from their homes in the Velka valley on Thursday, officials said.</p></article>';
  const draft = (head: string, extra = '') =>
    extractHtml({ source: 'p.html', format: 'html', content: `<html><head>${head}</head><body>${extra}${body}</body></html>`, meta: {}, fetchedAt: '2024-05-09T00:00:00Z' });
  const og = draft('<meta property="article:published_time" content="2024-05-02T08:30:00+02:00"><meta property="article:modified_time" content="2024-05-03T09:00:00Z">');
  assert.deepEqual([og.publishedAt, og.modifiedAt, og.metadataSources.publishedAt, og.metadataSources.modifiedAt], ['2024-05-02T06:30:00.000Z', '2024-05-03T09:00:00.000Z', 'opengraph', 'opengraph']);
  const time = draft('<title>Floods</title>', '<time datetime="2024-05-04T10:00:00-05:00" itemprop="datePublished">May 4</time>');
  assert.deepEqual([time.publishedAt, time.metadataSources.publishedAt, time.metadataSources.title], ['2024-05-04T15:00:00.000Z', 'time-element', 'title-tag']);
  const fromUrl = draft('<link rel="canonical" href="https://news.example/world/2024/05/06/floods-velka/">');
  assert.deepEqual([fromUrl.publishedAt, fromUrl.metadataSources.publishedAt], ['2024-05-06T00:00:00.000Z', 'url']);
  const compact = draft('<meta property="og:url" content="https://news.example/a/20240507-floods.html">');
  assert.equal(compact.publishedAt, '2024-05-07T00:00:00.000Z');
  const bylined = draft('', '<a rel="author" href="/staff/jn">Jana Novak</a>');
  assert.deepEqual([bylined.author, bylined.metadataSources.author], ['Jana Novak', 'author-link']);
  const supplied = extractHtml({ source: 'p.html', format: 'html', content: `<html><head><title>Page title</title></head><body>${body}</body></html>`, meta: { title: 'Feed title', publishedAt: '2024-05-08T00:00:00Z' }, fetchedAt: '2024-05-09T00:00:00Z' });
  assert.deepEqual([supplied.title, supplied.metadataSources.title, supplied.metadataSources.publishedAt], ['Feed title', 'record', 'record']);
});

test('a page without article text is refused with its name', () => {
  assert.throws(
    () => extractHtml({ source: 'empty.html', format: 'html', content: '<html><body><nav><a href="/">Home</a></nav></body></html>', meta: {}, fetchedAt: '2024-01-01T00:00:00Z' }),
    /empty\.html: no article text found/,
  );
});

test('furniture words in page-state classes of the body or content wrapper do not hide the article', () => {
  const html = `<html><body class="single one-sidebar nav-open"><div class="layout-with-sidebar">
    <nav class="menu"><a href="/">Home</a></nav>
    <div class="post"><p>The harbour reopened on Friday after a week of storms kept every ship in port, the port authority said.</p>
    <p>Fishermen said the losses would take months to recover, and asked the government for help with repairs.</p></div>
    <div class="sidebar"><p>Most read: ten recipes for the summer, and other stories you may have missed this week.</p></div>
  </div></body></html>`;
  const draft = extractHtml({ source: 'state.html', format: 'html', content: html, meta: {}, fetchedAt: '2024-01-01T00:00:00Z' });
  const body = draft.blocks.filter((b) => b.role === 'body').map((b) => b.text);
  assert.equal(body.length, 2);
  assert.ok(body[0].startsWith('The harbour reopened'));
  assert.ok(!draft.blocks.some((b) => b.text.includes('Most read')));
});

test('text written straight into a div, with <br><br> between paragraphs, is found and split', () => {
  const html = `<html><body><div id="menu"><a href="/">Home</a> <a href="/news">News</a></div>
    <div class="story">The harbour reopened on Friday after a week of storms kept every ship in port.<br><br>
    Fishermen said the losses would take months to recover,<br>and asked the government for help with repairs.</div></body></html>`;
  const draft = extractHtml({ source: 'div.html', format: 'html', content: html, meta: {}, fetchedAt: '2024-01-01T00:00:00Z' });
  assert.deepEqual(draft.blocks.filter((b) => b.role === 'body').map((b) => b.text), [
    'The harbour reopened on Friday after a week of storms kept every ship in port.',
    'Fishermen said the losses would take months to recover, and asked the government for help with repairs.',
  ]);
});

test('an article split into sibling blocks is taken whole', () => {
  const part = (n: number) => `<div class="article__block"><div class="block-text"><p>Paragraph ${n} of the long report explains one more detail of the harbour reopening and what fishermen expect next.</p></div></div>`;
  const html = `<html><body><div class="article__content">${[1, 2, 3, 4, 5].map(part).join('<div class="ad-slot"><p>Sponsored: buy now</p></div>')}</div>
    <div class="teasers"><p>Elsewhere: a short teaser about a different story entirely that links out to the rest of the site.</p></div></body></html>`;
  const draft = extractHtml({ source: 'split.html', format: 'html', content: html, meta: {}, fetchedAt: '2024-01-01T00:00:00Z' });
  const body = draft.blocks.filter((b) => b.role === 'body').map((b) => b.text);
  assert.equal(body.length, 5);
  assert.ok(body.every((t, i) => t.startsWith(`Paragraph ${i + 1} `)));
});

test('a page rendered by script falls back to the publisher\'s JSON-LD articleBody', () => {
  const body = 'The harbour reopened on Friday after a week of storms.\nFishermen said the losses would take months to recover, and asked for help.';
  const html = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Harbour reopens', articleBody: body })}</script></head>
    <body><div id="root"><p>Loading the article, please wait while the page finishes.</p></div></body></html>`;
  const draft = extractHtml({ source: 'spa.html', format: 'html', content: html, meta: {}, fetchedAt: '2024-01-01T00:00:00Z' });
  assert.deepEqual(draft.blocks.filter((b) => b.role === 'body').map((b) => b.text), body.split('\n'));
  assert.equal(draft.title, 'Harbour reopens');
});

test('a body marked itemprop="articleBody" is the article; neighbouring lists of other stories are not', () => {
  const item = (i: number) => `<div class="ticker-item"><a href="/n/${i}"><span>Minister ${i} resigns after a long dispute over the budget in parliament</span></a><ul><li>By STAFF WRITER</li><li>11/20/2019 01:${10 + i} PM</li></ul></div>`;
  const html = `<html><body><div class="row"><div itemprop="articleBody">Floods forced more than 3,000 people from their homes in the Velka valley on Thursday, regional officials said.<div class="br"></div>Rescue teams from neighbouring regions joined the effort overnight, and the army sent helicopters to the four villages.</div></div>
    <div class="row"><div class="news-list">${[1, 2, 3, 4, 5, 6, 7, 8].map(item).join('')}</div></div></body></html>`;
  const draft = extractHtml({ source: 'p.html', format: 'html', content: html, meta: {}, fetchedAt: '2024-05-09T00:00:00Z' });
  const body = draft.blocks.filter((b) => b.role === 'body').map((b) => b.text).join(' ');
  assert.match(body, /Floods forced/);
  assert.match(body, /army sent helicopters/);
  assert.doesNotMatch(body, /resigns|STAFF WRITER/);
});

const para = (n: number) => `<p>Paragraph ${n} of the report tells what the council decided on Tuesday and why the vote was close.</p>`;
const extractBody = (html: string) => {
  const draft = extractHtml({ source: 'page.html', format: 'html', content: html, meta: {}, fetchedAt: '2024-05-02T10:00:00.000Z' });
  return { draft, text: articleText(draft.blocks) };
};

test('the article text keeps its subheadings and list items; hidden copies for crawlers are not read', () => {
  const { text } = extractBody(`<html><body><div class="entry">${para(1)}<h2>What happens next</h2>${para(2)}
<ul><li>The first item of the plan is a new bridge over the river, paid for by the region.</li>
<li>The second item is a school in the eastern district, to open in the autumn.</li></ul>${para(3)}</div>
<div style="display:none" itemscope><div itemprop="articleBody">A hidden metadata copy of the report.</div></div>
<div hidden><p>A collapsed menu that a reader never sees on the page at all.</p></div></body></html>`);
  assert.match(text, /Paragraph 1[^]*What happens next[^]*Paragraph 2[^]*new bridge[^]*school[^]*Paragraph 3/u);
  assert.ok(!text.includes('hidden metadata copy') && !text.includes('collapsed menu'));
});

test('an article told in list items is found, not the embedded post beside it', () => {
  const items = [1, 2, 3, 4, 5].map((n) => `<li>Player ${n} played most of the snaps on defense and made several tackles in the second half.</li>`).join('');
  const { text } = extractBody(`<html><body><div class="entry-content"><p>Below, we look at the snap counts on defense for the game.</p>
<div class="embed"><blockquote class="tweet"><p>The highest-graded player on defense was the linebacker, with an elite grade for the day.</p></blockquote></div>
<ul>${items}</ul></div></body></html>`);
  for (let n = 1; n <= 5; n++) assert.ok(text.includes(`Player ${n} played`), `item ${n}`);
});

test('teaser cards, "you may also like" sections, galleries and repeated captions are not the article', () => {
  const card = (n: number) => `<div class="card teaser"><a href="/story-${n}"><img src="${n}.jpg"></a><h3><a href="/story-${n}">Other story number ${n}</a></h3><p>A short summary of another story that the site wants you to read next.</p></div>`;
  const caption = 'A long row of unsold vehicles sits at a dealership in the valley, in a photograph taken on Sunday morning.';
  const { text } = extractBody(`<html><body><article><div class="byline-wrap"><p>Jana Novak, senior correspondent of the newspaper, writes on the city.</p></div><div class="body">${para(1)}<div>${caption}</div>${para(2)}<div>${caption}</div>${para(3)}
<div class="gallery-slides"><p>Back to Gallery: another caption of a picture in the slideshow of the day.</p></div>
<h3>You may also like:</h3><article class="post"><p>A whole other post printed after the heading, with its own long text of several sentences.</p></article>
</div><div class="rail">${card(1)}${card(2)}${card(3)}</div></article></body></html>`);
  assert.match(text, /Paragraph 1[^]*Paragraph 2[^]*Paragraph 3/u);
  assert.equal(text.split(caption).length, 2, 'the repeated caption appears once');
  for (const furniture of ['short summary', 'Back to Gallery', 'whole other post', 'senior correspondent']) assert.ok(!text.includes(furniture), furniture);
});
