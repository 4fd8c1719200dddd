import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PACKAGE_ROOT } from '../src/paths.js';
import { seededDatabase, startServer, type RunningServer } from './server-harness.js';

// Debian's chromium, installed by scripts/setup; a browser build downloaded by Playwright is not used (or allowed).
const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const SCREENSHOTS = join(PACKAGE_ROOT, 'test-output', 'screenshots');
const TOKEN = 'browser-test-token';

let server: RunningServer;
let browser: Browser;

before(async () => {
  assert.ok(CHROMIUM, 'Chromium is needed for the browser tests: run scripts/setup (apt-get install chromium) or set CHROMIUM_PATH');
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startServer(await seededDatabase(), { token: TOKEN });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(path: string, viewport = { width: 1440, height: 1000 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(server.url + path);
  return { page, errors };
}

async function seedStoryId(): Promise<string> {
  const response = await fetch(`${server.url}/api/stories?q=Lavrov`);
  return ((await response.json()) as { items: { id: string }[] }).items[0].id;
}

test('the story page puts the sources side by side: the aligned quote row and the 8,000-troops conflict', async () => {
  const { page, errors } = await open('/');
  await page.getByRole('link', { name: /North Korea's foreign minister met/ }).first().click();
  await page.locator('[data-fact]').first().waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'story.png') });
  await page.screenshot({ path: join(SCREENSHOTS, 'story-full.png'), fullPage: true });

  const quoteRow = page.locator('.quote-row.aligned', { hasText: 'Russian comrades' });
  assert.equal(await quoteRow.count(), 1, 'one row holds the quote as both sources render it');
  assert.equal(await quoteRow.locator('.quote').count(), 2);
  assert.ok((await quoteRow.locator('ins').count()) > 0 && (await quoteRow.locator('del').count()) > 0, 'word changes are marked');

  const troops = page.locator('.fact.conflict', { hasText: '8,000' });
  assert.equal(await troops.count(), 1);
  const troopsText = await troops.locator('.row-head').innerText();
  assert.match(troopsText, /Attributed differently/);
  assert.match(troopsText, /Washington vs U\.S\. Secretary of State Antony Blinken/);
  assert.equal(await troops.locator('mark.figure').count(), 2, 'the figure is marked in both sources');

  // Every item leads to its sentence: follow the Blinken claim to the article and find it highlighted.
  await troops.locator('a.claim', { hasText: 'Blinken' }).click();
  const followed = page.locator('mark.followed');
  await followed.first().waitFor();
  assert.match(await followed.allInnerTexts().then((t) => t.join('')), /8,000 North Korean soldiers/);
  assert.ok(await followed.first().isVisible());
  assert.ok(await followed.first().evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }), 'scrolled into view');
  await page.screenshot({ path: join(SCREENSHOTS, 'article-highlight.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the story list updates live when an article arrives', async () => {
  const { page, errors } = await open('/');
  await page.locator('.live.on').waitFor();
  const response = await fetch(`${server.url}/api/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ title: 'Lighthouse keepers strike on the Faroe coast', text: 'Lighthouse keepers on the Faroe coast went on strike on Monday over pay, their union said.\n\nShipping was not affected.' }),
  });
  assert.equal(response.status, 200);
  const row = page.locator('.story-row.fresh', { hasText: 'Lighthouse keepers strike' });
  await row.waitFor({ timeout: 10_000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a hostile article renders inert: its markup is shown as text and no script runs', async () => {
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const response = await fetch(`${server.url}/api/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({
      title: `Harbour ${payload}`,
      outlet: `<b onmouseover=alert(1)>Evil Wire</b>`,
      url: 'javascript:window.__pwned=3',
      text: `The harbour of Valparaiso reopened ${payload} on Tuesday after the storm, the port authority said.\n\nShips queued outside.`,
    }),
  });
  const { items } = (await response.json()) as { items: { articleId: string; storyId: string }[] };
  for (const path of [`/#/story/${items[0].storyId}`, `/#/article/${items[0].articleId}`]) {
    const { page } = await open(path);
    await page.locator('h1').waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.locator('main script, main img[src="x"], main b').count(), 0, 'no element was made from article text');
    assert.match(await page.locator('main').innerText(), /<img src=x onerror=/, 'the markup is shown as text');
    if (path.includes('article')) assert.equal(await page.getByRole('link', { name: 'original' }).count(), 0, 'a javascript: URL is not made a link');
    await page.close();
  }
});

test('entity pages and search reach the same story; keyboard and phone layouts work', async () => {
  const storyId = await seedStoryId();
  const { page, errors } = await open('/#/entities?q=Sergey');
  await page.getByRole('link', { name: 'Sergei Lavrov' }).click();
  await page.getByRole('heading', { name: 'Sergei Lavrov' }).waitFor();
  assert.equal(await page.locator(`a[href="#/story/${storyId}"]`).count(), 1);

  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Search articles');
  await page.keyboard.type('Kursk');
  await page.keyboard.press('Enter');
  await page.locator('.hit').first().waitFor();
  assert.equal(await page.locator('.hit').count(), 2);
  assert.equal(await page.locator('.hit mark').first().innerText(), 'Kursk');
  assert.deepEqual(errors, []);
  await page.close();

  const phone = await open(`/#/story/${storyId}`, { width: 390, height: 844 });
  await phone.page.locator('[data-fact]').first().waitFor();
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 1, `no sideways scrolling on a phone (overflow ${overflow}px)`);
  await phone.page.screenshot({ path: join(SCREENSHOTS, 'story-phone.png') });
  await phone.page.close();
});

test('right-to-left and CJK text keep their direction and glyphs', async () => {
  const response = await fetch(`${server.url}/api/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify([
      { title: 'وزير الخارجية يلتقي نظيره', lang: 'ar', text: 'قال وزير الخارجية يوم الجمعة إن المحادثات كانت مثمرة، وفقا لوكالة الأنباء.\n\nوأضاف أن الجانبين اتفقا على مواصلة الحوار.' },
      { title: '外长会见俄罗斯外长', lang: 'zh', text: '朝鲜外务相崔善姬星期五在莫斯科会见了俄罗斯外长拉夫罗夫。\n\n双方讨论了两国关系。' },
    ]),
  });
  const { items } = (await response.json()) as { items: { articleId: string }[] };
  const arabic = await open(`/#/article/${items[0].articleId}`);
  await arabic.page.locator('.para p').first().waitFor();
  assert.equal(await arabic.page.locator('.para p').first().evaluate((el) => getComputedStyle(el).direction), 'rtl');
  assert.equal(await arabic.page.locator('h1').evaluate((el) => getComputedStyle(el).direction), 'rtl');
  await arabic.page.screenshot({ path: join(SCREENSHOTS, 'article-rtl.png') });
  await arabic.page.close();
  const chinese = await open(`/#/article/${items[1].articleId}`);
  await chinese.page.locator('.para p').first().waitFor();
  assert.match(await chinese.page.locator('.para p').first().innerText(), /崔善姬/);
  await chinese.page.screenshot({ path: join(SCREENSHOTS, 'article-cjk.png') });
  await chinese.page.close();
});
