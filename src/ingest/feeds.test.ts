import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksLikeFeed, parseFeed } from './feeds.js';

const long = 'The ministers met in Moscow on Friday and spoke for three hours about trade, troops and treaties. '.repeat(10);

test('RSS 2.0: full content from content:encoded, summaries marked, dates and authors normalized', () => {
  const xml = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel><title>Example Wire</title><link>https://wire.example/</link>
  <item><title>Ministers meet</title><link>https://wire.example/a</link><guid>a-1</guid><pubDate>Fri, 01 Nov 2024 09:30:00 +0200</pubDate>
    <dc:creator>Jane Roe</dc:creator><description>Short teaser.</description><content:encoded><![CDATA[<p>${long}</p>]]></content:encoded></item>
  <item><title>Teaser only &amp; more</title><link>https://wire.example/b</link><description>&lt;p&gt;Read on.&lt;/p&gt;</description></item>
  </channel></rss>`;
  assert.ok(looksLikeFeed(xml));
  const feed = parseFeed(xml)!;
  assert.equal(feed.title, 'Example Wire');
  const [a, b] = feed.items;
  assert.deepEqual([a.id, a.url, a.author, a.publishedAt, a.summaryOnly], ['a-1', 'https://wire.example/a', 'Jane Roe', '2024-11-01T07:30:00.000Z', false]);
  assert.match(a.html, /^<p>The ministers met/);
  assert.equal(b.title, 'Teaser only & more');
  assert.equal(b.html, '<p>Read on.</p>', 'escaped HTML in a description is decoded once');
  assert.equal(b.summaryOnly, true);
});

test('Atom: alternate links, published dates, content preferred to summary', () => {
  const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><link rel="self" href="https://n.example/feed"/><link href="https://n.example/"/>
  <entry><id>urn:1</id><title>One</title><link rel="alternate" href="https://n.example/1"/><published>2024-11-02T10:00:00Z</published>
   <author><name>A. Writer</name></author><summary>Sum.</summary><content type="html">&lt;p&gt;${long}&lt;/p&gt;</content></entry></feed>`;
  const feed = parseFeed(xml)!;
  assert.equal(feed.link, 'https://n.example/');
  const [one] = feed.items;
  assert.deepEqual([one.id, one.url, one.author, one.publishedAt, one.summaryOnly], ['urn:1', 'https://n.example/1', 'A. Writer', '2024-11-02T10:00:00.000Z', false]);
});

test('RSS 1.0 (RDF) items and non-feeds', () => {
  const xml = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel><title>RDF</title></channel><item rdf:about="https://r.example/x"><title>X</title><dc:date>2024-11-03</dc:date><description>d</description></item></rdf:RDF>`;
  assert.ok(looksLikeFeed(xml));
  const [x] = parseFeed(xml)!.items;
  assert.deepEqual([x.url, x.publishedAt], ['https://r.example/x', '2024-11-03T00:00:00.000Z']);
  assert.equal(looksLikeFeed('<html><body>no</body></html>'), false);
});
