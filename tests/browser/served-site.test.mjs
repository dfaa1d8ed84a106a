// The served site (dist/index.html): the core is the file ivp-rekenhulp.wasm,
// fetched once while the page loads; after that the page closes every
// connection itself (a second CSP, connect-src 'none'), so nothing can leave
// it. The single file (ivp-rekenhulp.html) stays connect-src 'none' from the
// start (single-file.test.mjs, offline-save.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, openRecorded, root, serveDist, deselectWheelchairByKeyboard } from './chromium.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

const cspOf = (page) => page.$$eval('meta[http-equiv="Content-Security-Policy"]', (all) => all.map((m) => m.content));

test('index.html over http loads the core file once, then allows no connection', async () => {
  const url = `${server.url}/index.html`;
  const { context, page, requests, problems } = await openRecorded(browser, url);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  assert.deepEqual(requests.map((r) => new URL(r).pathname), ['/ivp-rekenhulp.wasm'], 'the core, and nothing else');
  assert.equal(await page.locator('#ivp-wasm').count(), 0, 'the core is not inlined in the served page');
  const policies = await cspOf(page);
  assert.equal(policies.length, 2, policies.join(' | '));
  assert.match(policies[0], /connect-src 'self'/);
  assert.equal(policies[1], "connect-src 'none'");
  assert.deepEqual(problems, []);

  // After load: the page computes without any request …
  await deselectWheelchairByKeyboard(page);
  assert.equal(requests.length, 1);
  // … and a request made on purpose, even to its own origin, is blocked by the page's CSP.
  const outcome = await page.evaluate(async () => {
    try { await fetch('ivp-rekenhulp.wasm'); return 'fetched'; } catch (error) { return `blocked: ${error.name}`; }
  });
  assert.equal(outcome, 'blocked: TypeError');
  assert.equal(requests.length, 1, 'the blocked request never left the page');
  assert.ok(problems.some((p) => /Content Security Policy/i.test(p) && /connect-src 'none'/.test(p)), problems.join('\n'));
  await context.close();
});

// The core is fetched and compiled from the top of the page on
// (site/early-core.js); a server that does not send application/wasm gets
// the slower compile from the bytes, still one request, the same result.
test('index.html from a server without application/wasm still loads the core once and computes', async () => {
  const url = `${server.url}/index.html`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(`${server.url}/ivp-rekenhulp.wasm`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  const requests = [];
  const problems = [];
  page.on('request', (r) => { if (r.url() !== url) requests.push(new URL(r.url()).pathname); });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  assert.deepEqual(requests, ['/ivp-rekenhulp.wasm']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('index.html from file:// says in Dutch to open the single file, and makes no request', async () => {
  const url = pathToFileURL(join(root, 'dist/index.html')).href;
  const { context, page, requests } = await openRecorded(browser, url);
  const box = page.locator('#ivp-error');
  await box.waitFor();
  assert.match(await box.textContent(), /open voor gebruik zonder internet het bestand ivp-rekenhulp\.html/);
  assert.deepEqual(requests, []);
  await context.close();
});

test('the served page offers the single file for use without internet', async () => {
  const { context, page } = await openRecorded(browser, `${server.url}/index.html`);
  const link = page.locator('.ivp-page-footer a[download]');
  assert.equal(await link.getAttribute('href'), 'ivp-rekenhulp.html');
  const box = await link.boundingBox();
  assert.ok(box.height >= 44, `link height ${box.height}`);
  await context.close();
});

test('the inline embed works on a host whose CSP allows no connection at all', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const url = `${server.url}/inline-host.html`;
  // The demo host page, but with connect-src 'none' and the inline script.
  const host = readFileSync(join(root, 'dist/embed.html'), 'utf8')
    .replace("connect-src 'self'", "connect-src 'none'")
    .replace('src="ivp-rekenhulp-embed.js"', 'src="ivp-rekenhulp-embed-inline.js"');
  assert.match(host, /connect-src 'none'/);
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: host }));
  const requests = [];
  const problems = [];
  page.on('request', (r) => { if (r.url() !== url) requests.push(new URL(r.url()).pathname); });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  await page.locator('ivp-rekenhulp').locator('#ivp-total', { hasText: '302.000' }).waitFor();
  assert.deepEqual(requests.sort(), ['/embed-host.css', '/ivp-rekenhulp-embed-inline.js']);
  assert.deepEqual(problems, []);
  await context.close();
});
