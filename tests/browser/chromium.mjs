// Launches Debian's Chromium through playwright-core (no browser download)
// and records every request and CSP violation of a page.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const distFile = join(root, 'dist/ivp-rekenhulp.html');
export const distUrl = pathToFileURL(distFile).href;
export const screenshotDir = join(root, 'test-results');

export async function launch() {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (run ./dev test)`);
  // Every browser context is a new browser window, and Chromium 156 starts two
  // renderers of its own for a new window's address bar (the omnibox popups,
  // chrome://omnibox-popup.top-chrome/), never shown headless: about 180 ms of
  // CPU on the same cores while a page loads, the browser's work, not the
  // page's (docs/perf.md, "The browser's own start-up in the timings").
  // Switched off; an unknown feature name is ignored by other versions.
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-default-apps',
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'],
  });
}

// A page whose requests (other than `allowedUrl` itself) and CSP violations
// are collected, so that a test can assert there were none.
export async function openRecorded(browser, url, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (request) => { if (request.url() !== url) requests.push(request.url()); });
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(url);
  return { context, page, requests, problems };
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  // A full-page picture of a tall page (every detail open, 320 px wide) is
  // big; on a loaded machine it took over the default 30 s. It is evidence to
  // look at, not a timing check.
  await page.screenshot({ path, fullPage: true, timeout: 120_000 });
  return path;
}

// dist/ over http on a free loopback port (Node's own http module), for the
// tests that need an http origin (save-from-browser, the embed demo).
export async function serveDist() {
  const { createServer } = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
    '.wasm': 'application/wasm' };
  const server = createServer(async (request, response) => {
    const name = new URL(request.url, 'http://localhost').pathname.replace(/^\/+/, '') || 'index.html';
    // The browser asks every http origin for its icon by itself; a host site has one.
    if (name === 'favicon.ico') { response.writeHead(204).end(); return; }
    if (!/^[\w.-]+$/.test(name)) { response.writeHead(404).end(); return; }
    try {
      const body = await readFile(join(root, 'dist', name));
      response.writeHead(200, { 'Content-Type': types[name.slice(name.lastIndexOf('.'))] || 'application/octet-stream' });
      response.end(body);
    } catch { response.writeHead(404).end(); }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) };
}

// Presses Tab (or Shift+Tab) until the focused element matches `selector`:
// the keyboard is the only input. Fails after `max` presses.
export async function tabTo(page, selector, { back = false, max = 400 } = {}) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const hit = await page.evaluate((sel) => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      return !!el && el.matches(sel);
    }, selector);
    if (hit) return i + 1;
  }
  throw new Error(`${selector} not reached with ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses`);
}

export const STEPS = ['start', 'situatie', 'voorzieningen', 'budget', 'tijdlijn', 'samenvatting'];

// The elements a person can operate that are on screen now (the target of a
// check box or radio button is its label: clicking the label toggles it).
export async function smallTargets(page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('a, button, input:not([type="checkbox"]):not([type="radio"]), select, textarea, summary, label.ivp-check')];
    return all.filter((el) => el.checkVisibility() && !el.classList.contains('ivp-skip'))
      .map((el) => { const r = el.getBoundingClientRect(); return { id: el.id || el.textContent.trim().slice(0, 40), w: Math.round(r.width), h: Math.round(r.height) }; })
      .filter((t) => t.w < 44 || t.h < 44);
  });
}

// By keyboard alone: open step 3 (voorzieningen) and take the electric
// wheelchair out of the plan; waits until the total follows (302.000 → 272.000).
export async function deselectWheelchairByKeyboard(page) {
  await page.focus('#ivp-tab-voorzieningen');
  await page.keyboard.press('Enter');
  await page.focus('#ivp-sel-elektrische-rolstoel');
  await page.keyboard.press('Space');
  await page.locator('#ivp-total', { hasText: '272.000' }).waitFor();
}
