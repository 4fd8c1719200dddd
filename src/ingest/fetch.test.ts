import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { Fetcher } from './fetch.js';

let server: Server;
let base: string;
let flaky = 0;
const starts: number[] = [];

before(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251', etag: '"v1"' });
      return res.end('<html><body><p>hello</p></body></html>');
    }
    if (path === '/cached') {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"' });
      return res.end('fresh');
    }
    if (path.startsWith('/hop/')) {
      const n = Number(path.slice(5));
      res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/article' });
      return res.end();
    }
    if (path === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('x'.repeat(5000));
    }
    if (path === '/flaky') {
      flaky++;
      if (flaky < 3) return res.writeHead(503).end();
      return res.end('recovered');
    }
    if (path === '/slow') return setTimeout(() => res.end('late'), 2000);
    if (path === '/polite') {
      starts.push(Date.now());
      return res.end('ok');
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

const local = (options = {}) => new Fetcher({ allowPrivate: true, politenessMs: 0, backoffMs: 10, ...options });

test('internal addresses are refused unless allowed, by literal address and by what a name resolves to', async () => {
  const strict = new Fetcher({ politenessMs: 0 });
  await assert.rejects(strict.fetch(`${base}/article`), /refused: 127\.0\.0\.1 is a loopback address.*--allow-private/);
  await strict.close();
  // A name that resolves to an internal address is refused when connecting, where the resolved address is used:
  // a DNS answer that changes between a check and the connection (rebinding) cannot get through.
  const port = new URL(base).port;
  const rebinding = new Fetcher({
    politenessMs: 0,
    lookup: ((_host: string, _options: unknown, callback: (e: null, a: { address: string; family: number }[]) => void) =>
      callback(null, [{ address: '127.0.0.1', family: 4 }])) as unknown as typeof import('node:dns').lookup,
  });
  await assert.rejects(rebinding.fetch(`http://news.example:${port}/article`), /refused: news\.example resolves to 127\.0\.0\.1 is a loopback address/);
  await rebinding.close();
  const strict2 = new Fetcher({ politenessMs: 0 });
  await assert.rejects(strict2.fetch('http://169.254.169.254/latest/meta-data/'), /link-local|linkLocal/);
  await assert.rejects(strict2.fetch('file:///etc/passwd'), /only http and https/);
  await assert.rejects(strict2.fetch('ftp://example.org/x'), /only http and https/);
  await assert.rejects(strict2.fetch(`http://localhost:${port}/`), /local name/);
  await strict2.close();
  const allowed = local();
  const page = await allowed.fetch(`${base}/article`);
  assert.equal(page.status, 200);
  assert.equal(page.charset, 'windows-1251');
  assert.equal(page.contentType, 'text/html');
  await allowed.close();
});

test('redirects are followed up to the limit, each hop re-checked', async () => {
  const fetcher = local({ maxRedirects: 3 });
  assert.equal((await fetcher.fetch(`${base}/hop/2`)).url, `${base}/article`);
  await assert.rejects(fetcher.fetch(`${base}/hop/5`), /more than 3 redirects/);
  await fetcher.close();
});

test('bodies are capped, slow servers time out, transient failures are retried and 4xx are not', async () => {
  const fetcher = local({ maxBytes: 1000, timeoutMs: 300, retries: 2 });
  await assert.rejects(fetcher.fetch(`${base}/big`), /more than the 1000-byte limit|exceeds the 1000-byte limit/);
  await assert.rejects(fetcher.fetch(`${base}/slow`), /timed out/);
  assert.equal(Buffer.from((await fetcher.fetch(`${base}/flaky`)).body).toString(), 'recovered');
  assert.equal(flaky, 3, 'two 503s, then success');
  await assert.rejects(fetcher.fetch(`${base}/missing`), /answered 404/);
  await fetcher.close();
});

test('conditional GET: an unchanged resource answers 304 and is marked not modified', async () => {
  const fetcher = local();
  const first = await fetcher.fetch(`${base}/cached`);
  assert.equal(first.etag, '"v1"');
  const second = await fetcher.fetch(`${base}/cached`, { etag: first.etag });
  assert.equal(second.notModified, true);
  await fetcher.close();
});

test('requests to one host are spaced by the politeness delay', async () => {
  const fetcher = local({ politenessMs: 150, perHostConcurrency: 1 });
  await Promise.all([1, 2, 3].map(() => fetcher.fetch(`${base}/polite`)));
  const gaps = starts.slice(1).map((t, i) => t - starts[i]);
  assert.ok(gaps.every((g) => g >= 110), `gaps ${gaps.join(', ')} ms`);
  await fetcher.close();
});
