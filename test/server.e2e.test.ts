import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Comparison } from '../src/model/comparison.js';
import { BACKENDS } from './backends.js';
import { seededDatabase, startServer, type RunningServer } from './server-harness.js';

for (const backend of BACKENDS) describe(backend, () => {
  const TOKEN = 'test-token-5f1c';
  let server: RunningServer;

  before(async () => {
    server = await startServer(await seededDatabase(backend), { token: TOKEN });
  });
  after(async () => server.stop());

  async function get(path: string, init?: RequestInit) {
    const response = await fetch(server.url + path, init);
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, headers: response.headers, body: type.includes('json') ? await response.json() : await response.text() };
  }

  function post(path: string, body: unknown, token: string | null = TOKEN) {
    return get(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  test('stories are listed with paging, filters and full-text search', async () => {
    const all = await get('/api/stories');
    assert.equal(all.status, 200);
    assert.equal(all.body.total, 1);
    const [story] = all.body.items;
    assert.equal(story.sources, 2);
    assert.equal(story.articles.length, 2);
    assert.equal((await get('/api/stories?q=Kursk%20troops')).body.total, 1);
    assert.equal((await get('/api/stories?q=zeppelin')).body.total, 0);
    assert.equal((await get('/api/stories?lang=ru')).body.total, 0);
    assert.equal((await get('/api/stories?entity=Pyongyang')).body.total, 1, 'an alias finds the story');
    assert.equal((await get('/api/stories?minSources=3')).body.total, 0);
    const paged = await get('/api/stories?limit=1&offset=1');
    assert.deepEqual([paged.body.total, paged.body.items.length, paged.body.offset], [1, 0, 1]);
    assert.equal((await get(`/api/stories/${story.id}`)).body.id, story.id);
  });

  test('bad requests get a 4xx with one JSON error shape naming the problem', async () => {
    const tooMany = await get('/api/stories?limit=500');
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body.error.code, 'invalid_request');
    assert.match(tooMany.body.error.message, /limit/);
    assert.equal(tooMany.body.error.details[0].field, 'querystring.limit');
    assert.equal((await get('/api/stories?since=last%20week')).status, 400);
    assert.equal((await get('/api/stories?since=2024-13-45')).status, 400, 'a date shaped right but impossible');
    assert.equal((await get('/api/stories?colour=red')).status, 400, 'unknown parameters are refused, not ignored');
    const missing = await get('/api/stories/s-nothing/comparison');
    assert.deepEqual([missing.status, missing.body.error.code], [404, 'not_found']);
    assert.equal((await get('/api/articles/nope')).status, 404);
    assert.equal((await get('/api/entities/person:nobody')).status, 404);
    assert.equal((await get('/api/no/such/thing')).body.error.status, 404);
    assert.equal((await get('/api/search')).status, 400, 'search needs words');
  });

  test('the comparison of the seed story: aligned quote with word changes, the 8,000-troops conflict, coverage', async () => {
    const [story] = (await get('/api/stories')).body.items;
    const { status, body } = await get(`/api/stories/${story.id}/comparison`);
    assert.equal(status, 200);
    const comparison = body as Comparison;
    const aligned = comparison.quotes.find((q) => q.variants.length === 2 && q.variants.some((v) => v.text.includes('Russian comrades')));
    assert.ok(aligned, 'the "Russian comrades" quote is aligned across both sources');
    assert.ok(aligned.variants[1].changes?.some((c) => c.op === 'added') && aligned.variants[1].changes?.some((c) => c.op === 'removed'));
    const troops = comparison.facts.find((f) => f.support.some((s) => s.values.some((v) => v.value === 8000)));
    assert.ok(troops);
    assert.equal(troops.status, 'conflict');
    assert.ok(troops.differences.some((d) => d.kind === 'attribution'));
    assert.equal(comparison.coverage.length, 2);
    assert.ok(comparison.coverage.every((c) => c.facts.includes(troops.id)));
  });

  test('an article comes with its paragraphs, sentences and analysis as spans of its text', async () => {
    const [story] = (await get('/api/stories')).body.items;
    const { body } = await get(`/api/articles/${story.articles[0].id}`);
    assert.equal(body.storyId, story.id);
    assert.ok(body.paragraphs.length > 3);
    for (const q of body.quotes) assert.equal(body.text.slice(q.span[0], q.span[1]), q.text);
    const hits = await get('/api/search?q=Kursk');
    assert.equal(hits.body.total, 2);
    const hit = hits.body.items[0];
    assert.equal(hit.snippet.slice(hit.highlights[0][0], hit.highlights[0][1]), 'Kursk');
  });

  test('entities are listed by reach and found by any alias; an entity page lists its stories', async () => {
    const list = await get('/api/entities?type=person&limit=5');
    assert.ok(list.body.items.some((e: { name: string }) => e.name === 'Sergei Lavrov'));
    const found = await get('/api/entities?q=Sergey');
    assert.equal(found.body.items[0].id, 'person:sergi-lavrov');
    const page = await get(`/api/entities/${encodeURIComponent('person:sergi-lavrov')}`);
    assert.equal(page.body.entity.name, 'Sergei Lavrov');
    assert.equal(page.body.stories.total, 1);
  });

  test('writes need the token; an article is ingested once, and a bad one stores nothing', async () => {
    const article = { title: 'Harbour reopens', text: 'The harbour of Valparaiso reopened on Tuesday after the storm, the port authority said.\n\nShips queued outside.', outlet: 'Test Wire' };
    assert.equal((await post('/api/articles', article, null)).status, 401);
    const wrong = await post('/api/articles', article, 'guess');
    assert.deepEqual([wrong.status, wrong.body.error.code], [401, 'unauthorized']);
    const events = openEvents();
    await events.connected;
    const first = await post('/api/articles', article);
    assert.equal(first.status, 200);
    assert.equal(first.body.items[0].status, 'ingested');
    const again = await post('/api/articles', article);
    assert.equal(again.body.items[0].status, 'unchanged', 're-ingesting is a no-op');
    const update = await events.next((e) => e.id === first.body.items[0].storyId);
    assert.equal(update.title, 'Harbour reopens', 'the live stream announces the new story');
    events.close();

    const before = (await get('/api/stats')).body.articles;
    const bad = await post('/api/articles', [{ title: 'fine', text: 'A good record about the harbour and the storm.' }, { title: 'no body' }]);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'invalid_article');
    assert.match(bad.body.error.message, /body\[1\]/);
    assert.equal((await get('/api/stats')).body.articles, before, 'nothing of the batch was stored');
    assert.equal((await post('/api/articles', '{"text": ')).body.error.code, 'invalid_json');
    const huge = await postOversized('/api/articles', 12 * 1024 * 1024);
    assert.equal(huge.status, 413);
    assert.equal((JSON.parse(huge.body) as { error: { code: string } }).error.code, 'body_too_large');
  });

  test('a URL is fetched and ingested on request; internal addresses only when the server allows them', async () => {
    const site = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><head><title>Lighthouse keepers strike</title></head><body><article><p>Lighthouse keepers on the Faroe coast went on strike on Monday over pay, their union said, and ships were warned.</p><p>The strike is the first in forty years.</p></article></body></html>');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}/strike`;
    try {
      const refused = await post('/api/fetch', { url });
      assert.deepEqual([refused.status, refused.body.error.code], [400, 'fetch_failed']);
      assert.match(refused.body.error.message, /loopback/);
      assert.equal((await post('/api/fetch', { url: 'file:///etc/passwd' })).status, 400);
      const open = await startServer(server.db, { token: TOKEN, args: ['--allow-private'] });
      try {
        const response = await fetch(`${open.url}/api/fetch`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ url }) });
        const result = (await response.json()) as { ingested: number; items: { title: string }[] };
        assert.equal(response.status, 200);
        assert.equal(result.ingested, 1);
        assert.equal(result.items[0].title, 'Lighthouse keepers strike');
      } finally {
        await open.stop();
      }
    } finally {
      site.close();
    }
  });

  test('the server sends security headers and describes itself in OpenAPI', async () => {
    const page = await get('/');
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    const spec = (await get('/openapi.json')).body;
    assert.equal(spec.openapi, '3.1.0');
    for (const path of ['/api/fetch', '/api/stories', '/api/stories/{id}/comparison', '/api/articles/{id}', '/api/search', '/api/entities', '/api/entities/{id}', '/api/articles', '/api/events']) {
      assert.ok(spec.paths[path], `${path} is described`);
    }
    assert.deepEqual(spec.paths['/api/articles'].post.security, [{ bearer: [] }]);
  });

  test('a client over its request budget is told to slow down', async () => {
    const limited = await startServer(server.db, { args: ['--rate-limit', '5'] });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await fetch(`${limited.url}/api/stats`)).status);
      assert.deepEqual(statuses.slice(0, 5), [200, 200, 200, 200, 200]);
      const refused = await fetch(`${limited.url}/api/stats`);
      assert.equal(refused.status, 429);
      assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'rate_limited');
    } finally {
      await limited.stop();
    }
  });

  /**
   * Announces a body larger than the server takes and sends its first bytes: the server answers 413 from the
   * length alone and may close the connection while the rest is still being sent, which is not a failure here.
   */
  function postOversized(path: string, length: number): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(server.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': length, authorization: `Bearer ${TOKEN}` },
      });
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPIPE' && err.code !== 'ECONNRESET') reject(err);
      });
      request.write('{"text": "' + 'x'.repeat(64 * 1024));
    });
  }

  /** Reads the server-sent events stream until a story event matches. */
  function openEvents() {
    const controller = new AbortController();
    const response = fetch(`${server.url}/api/events`, { signal: controller.signal });
    let buffer = '';
    return {
      /** Resolves once the server has subscribed this stream (it sends its headers only then). */
      connected: response.then(() => undefined),
      async next(match: (story: { id: string; title: string }) => boolean) {
        const reader = (await response).body!.getReader();
        const decoder = new TextDecoder();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) throw new Error('event stream ended');
          buffer += decoder.decode(value, { stream: true });
          for (const block of buffer.split('\n\n')) {
            const data = /^data: (.*)$/m.exec(block);
            if (/^event: story$/m.test(block) && data) {
              const story = JSON.parse(data[1]);
              if (match(story)) {
                reader.releaseLock();
                return story;
              }
            }
          }
        }
      },
      close: () => controller.abort(),
    };
  }
});
