// The embed: one <script> and <ivp-rekenhulp> on a host page with a strict
// CSP (no inline script, no eval, no inline style): it computes, host CSS does
// not reach in, ours does not leak out, and it works by keyboard.
// The print: "Mijn IVP voor het keukentafelgesprek" on A4, checked in the PDF
// text (pdftotext from poppler-utils).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distUrl, launch, openRecorded, screenshot, serveDist, tabTo, deselectWheelchairByKeyboard } from './chromium.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

test('embed demo: works under a strict CSP, isolated both ways, by keyboard', async () => {
  const url = `${server.url}/embed.html`;
  const { context, page, requests, problems } = await openRecorded(browser, url);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  // Playwright's locators pierce the open shadow root.
  const el = page.locator('ivp-rekenhulp');
  await el.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  assert.equal(await el.locator('#ivp-total').textContent(), '€\u00a0282.000 – €\u00a0302.000');
  assert.equal(await page.evaluate(() => document.querySelector('ivp-rekenhulp').shadowRoot !== null), true);
  assert.equal(await page.evaluate(() => document.getElementById('ivp-total')), null, 'nothing of ours in the host DOM');

  // Host CSS does not reach in: readable size, our font, our buttons shown.
  const inside = await el.locator('.ivp-root').evaluate((n) => {
    const s = getComputedStyle(n);
    return { size: parseFloat(s.fontSize), family: s.fontFamily, spacing: s.letterSpacing, lineHeight: parseFloat(s.lineHeight) / parseFloat(s.fontSize) };
  });
  assert.ok(inside.size >= 16, `font size ${inside.size}`);
  assert.doesNotMatch(inside.family, /Georgia/);
  assert.equal(inside.spacing, 'normal');
  assert.ok(inside.lineHeight < 2, `line height ${inside.lineHeight}`);
  assert.equal(await el.locator('#ivp-next').isVisible(), true, 'host rule button { display: none } does not reach in');
  assert.equal(await el.locator('#ivp-melding').evaluate((n) => getComputedStyle(n).visibility), 'visible');
  // Ours does not leak out: the host's own button and heading keep the host's style.
  const host = await page.evaluate(() => ({
    button: getComputedStyle(document.querySelector('.host-button')).backgroundColor,
    h1: getComputedStyle(document.querySelector('h1')).textTransform,
    body: getComputedStyle(document.body).fontFamily,
  }));
  assert.deepEqual(host, { button: 'rgb(255, 0, 255)', h1: 'uppercase', body: 'Georgia, serif' });

  // Keyboard into the shadow root: Tab to step 3, Enter, Space on a checkbox.
  await tabTo(page, '#ivp-tab-voorzieningen');
  await page.keyboard.press('Enter');
  await tabTo(page, '#ivp-sel-elektrische-rolstoel');
  await page.keyboard.press('Space');
  await el.locator('#ivp-total', { hasText: '272.000' }).waitFor();
  await screenshot(page, 'embed-demo');

  const own = requests.map((r) => new URL(r).pathname).sort();
  // The core is a file of its own since the served site loads it once (docs/perf.md, "Served site").
  assert.deepEqual(own, ['/embed-host.css', '/ivp-rekenhulp-embed.js', '/ivp-rekenhulp.wasm'],
    'only the host\'s CSS, our one script and the core it loads');
  assert.deepEqual(problems, [], 'no CSP violation, no error');
  await context.close();
});

test('print: "Mijn IVP voor het keukentafelgesprek" on A4 holds the totals, the timeline and the date', async () => {
  const { context, page, requests } = await openRecorded(browser, distUrl);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  // Change something first, so the print must follow the page, from another step.
  await deselectWheelchairByKeyboard(page);
  const today = await page.evaluate(() => document.querySelector('.ivp-made').textContent);
  // The "Afdrukken" button (step 6) opens the browser's print dialog.
  await page.evaluate(() => { window.print = () => { window.ivpPrinted = (window.ivpPrinted || 0) + 1; }; });
  await page.focus('#ivp-tab-samenvatting');
  await page.keyboard.press('Enter');
  await page.focus('#ivp-print');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => window.ivpPrinted), 1);
  await page.focus('#ivp-tab-budget');
  await page.keyboard.press('Enter');
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const dir = mkdtempSync(join(tmpdir(), 'ivp-print-'));
  const file = join(dir, 'mijn-ivp.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  assert.match(info, /Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/);
  assert.match(text, /Mijn IVP voor het keukentafelgesprek/);
  assert.ok(text.includes(today.replace(/\u00a0/g, ' ')), 'the date it was made');
  assert.match(text, /Totaal IVP-budget\s+Wmo \(gemeente\)\s+Zvw \(zorgverzekeraar\)/);
  assert.match(text, /€ 252\.000 – € 272\.000\s+€ 93\.000 – € 113\.000\s+€ 159\.000/);
  assert.match(text, /Voorzieningen \(33\)/);
  assert.match(text, /Tijdlijn/);
  assert.match(text, /Vragen voor het gesprek/);
  assert.match(text, /geen besluit/);
  assert.doesNotMatch(text, /Volgende stap|Alles uitvinken/, 'the controls are not printed');
  assert.doesNotMatch(text, /Elektrische rolstoel/, 'a deselected provision is not in the plan');
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  // The keukentafel kit (what to ask, the checklist, each with its source) adds about a page (docs/kit.md).
  assert.ok(pages >= 1 && pages <= 8, `${pages} pages`);
  writeFileSync(join(dir, 'mijn-ivp.txt'), text);
  assert.deepEqual(requests, []);
  await context.close();
});
