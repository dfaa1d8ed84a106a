// The single self-contained file, opened from file:// in real Chromium:
// it computes, reacts to a deselected provision and a bad amount, and makes
// no network request at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { STEPS, distFile, distUrl, launch, openRecorded, screenshot, smallTargets, deselectWheelchairByKeyboard } from './chromium.mjs';

let browser;
before(async () => {
  assert.ok(existsSync(distFile), `${distFile} missing: build the site first (./dev test does)`);
  browser = await launch();
});
after(async () => { await browser?.close(); });

const total = (page) => page.locator('#ivp-total').textContent();

test('file:// page computes the default IVP budget with no request', async () => {
  const { context, page, requests, problems } = await openRecorded(browser, distUrl);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  assert.equal(await total(page), '€\u00a0282.000 – €\u00a0302.000');
  await screenshot(page, 'single-file-default');
  await page.click('#ivp-tab-budget');  // a step is rendered when it is shown
  assert.equal(await page.locator('#ivp-legend-wmo-client_bound').textContent(), '€\u00a035.000 – €\u00a055.000');
  assert.equal(await page.locator('#ivp-legend-zvw-reusable').textContent(), '€\u00a0140.000');
  assert.deepEqual(requests, [], 'no request may leave the page');
  assert.deepEqual(problems, [], 'no console error or CSP violation');
  await context.close();
});

// The inlined core is LZMA, unpacked by its own small WebAssembly decoder
// (site/js/unpack.js), so a browser without DecompressionStream (Safari
// before 16.4, Firefox before 113) computes the same total.
test('file:// page without DecompressionStream unpacks its core and computes the same', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => { delete window.DecompressionStream; });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(distUrl);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  assert.equal(await page.evaluate(() => typeof window.DecompressionStream), 'undefined');
  assert.equal(await total(page), '€\u00a0282.000 – €\u00a0302.000');
  assert.deepEqual(problems, []);
  await context.close();
});

test('deselecting a provision changes the total, by keyboard alone', async () => {
  const { context, page, requests, problems } = await openRecorded(browser, distUrl);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  await deselectWheelchairByKeyboard(page);  // focus stays on its checkbox
  assert.equal(await total(page), '€\u00a0252.000 – €\u00a0272.000');
  assert.equal(await page.locator('#ivp-count').textContent(), '33');
  assert.match(await page.locator('#ivp-status').textContent(), /252\.000/);
  await page.keyboard.press('Space');
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an own quote replaces the table amount; a bad one keeps the last good result', async () => {
  const { context, page, requests, problems } = await openRecorded(browser, distUrl);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  await page.click('#ivp-tab-voorzieningen');
  await page.fill('#ivp-amount-vervoersvoorziening', '12.500');
  await page.locator('#ivp-total', { hasText: '304.500' }).waitFor();
  assert.equal(await total(page), '€\u00a0284.500 – €\u00a0304.500');
  await page.fill('#ivp-amount-vervoersvoorziening', 'duizend');
  await page.locator('#ivp-error').waitFor({ state: 'visible' });
  assert.match(await page.locator('#ivp-error').textContent(), /heel getal/);
  assert.equal(await page.locator('#ivp-amount-vervoersvoorziening').getAttribute('aria-invalid'), 'true');
  assert.equal(await total(page), '€\u00a0284.500 – €\u00a0304.500', 'last good result stays');
  await screenshot(page, 'single-file-bad-amount');
  await page.fill('#ivp-amount-vervoersvoorziening', '-5');
  assert.match(await page.locator('#ivp-err-vervoersvoorziening').textContent(), /buiten het bereik/);
  await page.fill('#ivp-amount-vervoersvoorziening', '10000');
  await page.locator('#ivp-error').waitFor({ state: 'hidden' });
  assert.equal(await total(page), '€\u00a0282.000 – €\u00a0302.000');
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('interactive elements are at least 44 by 44 pixels, on every step, wide and at 320 px', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 320, height: 640 }]) {
    const { context, page } = await openRecorded(browser, distUrl, { viewport });
    await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
    for (const step of STEPS) {
      await page.click(`#ivp-tab-${step}`);
      // Open every <details>, so the targets inside them are measured too.
      await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
      const counted = await page.evaluate(() => document.querySelectorAll('button, input, summary').length);
      assert.ok(counted > 10, 'the page has controls to measure');
      assert.deepEqual(await smallTargets(page), [], `step ${step} at ${viewport.width} px`);
    }
    await context.close();
  }
});
