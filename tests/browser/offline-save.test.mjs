// Offline and private: the single file saved from the browser works from
// file:// with the network off; a scenario is saved to a file (Blob + download
// link, no request) and loaded again; a bad file changes nothing; saving in
// this browser happens only after the box is ticked; never a cookie.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { distUrl, launch, openRecorded, screenshot, serveDist, deselectWheelchairByKeyboard } from './chromium.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

const DEFAULT_TOTAL = '€\u00a0282.000 – €\u00a0302.000';
const total = (page) => page.locator('#ivp-total').textContent();

test('the page saved from the browser works from file:// with the network off', async () => {
  const url = `${server.url}/ivp-rekenhulp.html`;
  const { context, page, requests, problems } = await openRecorded(browser, url);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  assert.deepEqual(requests, [], 'over http, too, the page makes no request after it loads');
  assert.deepEqual(problems, []);
  // Two ways a browser saves a page: the HTML as it came ("HTML only") and
  // the HTML of the page as it is now, rendered ("complete").
  const source = await (await page.request.get(url)).text();
  const rendered = await page.content();
  await context.close();

  const dir = mkdtempSync(join(tmpdir(), 'ivp-saved-'));
  for (const [name, html] of [['html-only', source], ['rendered', rendered]]) {
    const file = join(dir, `mijn-rekenhulp-${name}.html`);
    writeFileSync(file, html);
    const offline = await browser.newContext({ offline: true });
    const saved = await offline.newPage();
    const seen = [];
    const errors = [];
    saved.on('request', (r) => { if (!r.url().startsWith('file:')) seen.push(r.url()); });
    saved.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    saved.on('pageerror', (e) => errors.push(e.message));
    await saved.goto(pathToFileURL(file).href);
    await saved.locator('#ivp-total', { hasText: '302.000' }).waitFor();
    // It computes: deselect a provision, the total follows.
    await deselectWheelchairByKeyboard(saved);
    assert.equal(await saved.locator('#ivp-sel-elektrische-rolstoel').count(), 1, `${name}: the table is built once`);
    assert.deepEqual(seen, [], `${name}: no request`);
    assert.deepEqual(errors, [], `${name}: no error or CSP violation`);
    await offline.close();
  }
});

async function saveScenario(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), (async () => {
    await page.focus('#ivp-save-file');
    await page.keyboard.press('Enter');
  })()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8'), url: download.url() };
}

test('save a scenario to a file and load it again; a bad file changes nothing', async () => {
  const { context, page, requests, problems } = await openRecorded(browser, distUrl);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  await page.focus('#ivp-tab-voorzieningen');
  await page.keyboard.press('Enter');
  await page.focus('#ivp-sel-elektrische-rolstoel');
  await page.keyboard.press('Space');
  await page.fill('#ivp-amount-vervoersvoorziening', '12.500');
  await page.locator('#ivp-total', { hasText: '274.500' }).waitFor();
  await page.focus('#ivp-tab-start');
  await page.keyboard.press('Enter');
  await page.fill('#ivp-melding', '2027-03-01');

  const saved = await saveScenario(page);
  assert.match(saved.name, /^mijn-ivp-\d{4}-\d{2}-\d{2}\.json$/);
  assert.match(saved.url, /^blob:/, 'made in the page, not fetched');
  const scenario = JSON.parse(saved.text);
  assert.equal(scenario.schema, 1);
  assert.equal(scenario.melding, '2027-03-01');
  assert.equal(scenario.provisions.length, 33);
  assert.ok(!scenario.provisions.includes('elektrische-rolstoel'));
  assert.deepEqual(scenario.overrides, { vervoersvoorziening: { amount: 12500 } });

  // Wipe everything (two presses: the button asks once more), then load the file.
  await page.focus('#ivp-clear-all');
  await page.keyboard.press('Enter');
  await page.focus('#ivp-clear-confirm');
  await page.keyboard.press('Enter');
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  assert.equal(await total(page), DEFAULT_TOTAL);
  await page.setInputFiles('#ivp-load-file', { name: saved.name, mimeType: 'application/json', buffer: Buffer.from(saved.text) });
  await page.locator('#ivp-total', { hasText: '274.500' }).waitFor();
  assert.equal(await page.inputValue('#ivp-melding'), '2027-03-01');
  assert.match(await page.locator('#ivp-file-status').textContent(), /is geopend/);
  assert.equal(await page.isChecked('#ivp-sel-elektrische-rolstoel'), false);
  assert.equal(await page.inputValue('#ivp-amount-vervoersvoorziening'), '12500');

  // Bad files: not JSON, a newer schema, an unknown key. Each gets the core's
  // Dutch message; the state on screen stays as it was.
  const bad = [
    ['kapot.json', '{"schema":1, "melding": ', /JSON|ongeldig|onvolledig/i],
    ['nieuwer.json', '{"schema":99}', /schema 99/],
    ['typfout.json', '{"schema":1,"provisons":[]}', /provisons/],
  ];
  for (const [name, text, message] of bad) {
    await page.setInputFiles('#ivp-load-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.locator('#ivp-file-status', { hasText: 'kan niet worden geopend' }).waitFor();
    assert.match(await page.locator('#ivp-file-status').textContent(), message, name);
    assert.equal(await total(page), '€\u00a0254.500 – €\u00a0274.500', `${name}: nothing lost`);
    assert.equal(await page.inputValue('#ivp-melding'), '2027-03-01');
  }
  await screenshot(page, 'load-bad-file');

  // An older, shorter file (schema 1 written before overrides and profile
  // existed: only a melding and a selection) still loads.
  await page.setInputFiles('#ivp-load-file', { name: 'oud.json', mimeType: 'application/json',
    buffer: Buffer.from('{"schema":1,"melding":"2026-01-05","provisions":["traplift","sta-op-stoel"]}') });
  await page.locator('#ivp-count', { hasText: /^2$/ }).waitFor();
  // Both count: every selected provision is in the plan (no answers rule one out).
  assert.equal(await total(page), '€\u00a014.000');
  assert.equal(await page.inputValue('#ivp-melding'), '2026-01-05');
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('this browser remembers only after the box is ticked; "alles wissen" forgets; no cookie', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => { if (r.url() !== distUrl) requests.push(r.url()); });
  await page.goto(distUrl);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  await page.focus('#ivp-tab-voorzieningen');
  await page.keyboard.press('Enter');
  await page.focus('#ivp-sel-elektrische-rolstoel');
  await page.keyboard.press('Space');
  await page.locator('#ivp-total', { hasText: '272.000' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing stored without consent');

  await page.reload();
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  assert.equal(await total(page), DEFAULT_TOTAL, 'not remembered');

  // Tick the box (keyboard), change something, reload: it is back.
  await page.focus('#ivp-remember');
  await page.keyboard.press('Space');
  await page.focus('#ivp-tab-voorzieningen');
  await page.keyboard.press('Enter');
  await page.focus('#ivp-sel-elektrische-rolstoel');
  await page.keyboard.press('Space');
  await page.locator('#ivp-total', { hasText: '272.000' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.length), 1);
  await page.reload();
  await page.locator('#ivp-total', { hasText: '272.000' }).waitFor();
  assert.equal(await page.isChecked('#ivp-remember'), true);

  // "Alles wissen": asks once more, then forgets the stored copy and the state.
  await page.focus('#ivp-clear-all');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#ivp-clear-confirm').isVisible(), true);
  await page.focus('#ivp-clear-confirm');
  await page.keyboard.press('Enter');
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.equal(await page.isChecked('#ivp-remember'), false);
  await page.reload();
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  assert.equal(await total(page), DEFAULT_TOTAL);

  assert.deepEqual(await context.cookies(), []);
  assert.equal(await page.evaluate(() => document.cookie), '');
  assert.deepEqual(requests, []);
  await context.close();
});
