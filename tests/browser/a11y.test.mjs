// axe-core on every step (WCAG 2.0/2.1 A and AA rules), reflow at 320 px
// (= 1280 px at 400 % zoom) and 640 px (= 200 % zoom), forced colours
// (high contrast) and reduced motion.
// axe is run with page.evaluate (DevTools evaluation), which the page's CSP
// does not govern, so the CSP stays on: no bypassCSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { STEPS, distUrl, launch, openRecorded, screenshot } from './chromium.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function axe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}

async function openDetails(page) {
  await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
}

test('axe-core finds no WCAG 2.1 A/AA violation on any step', async () => {
  const { context, page, requests } = await openRecorded(browser, distUrl);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  for (const step of STEPS) {
    await page.focus(`#ivp-tab-${step}`);
    await page.keyboard.press('Enter');
    assert.deepEqual(await axe(page), [], `step ${step}`);
    await openDetails(page);
    assert.deepEqual(await axe(page), [], `step ${step}, every <details> open`);
  }
  // An error state too: a bad amount.
  await page.focus('#ivp-tab-voorzieningen');
  await page.keyboard.press('Enter');
  await page.fill('#ivp-amount-spalken', 'veel');
  await page.locator('#ivp-error').waitFor({ state: 'visible' });
  assert.deepEqual(await axe(page), [], 'with an input error shown');
  assert.deepEqual(requests, []);
  await context.close();
});

for (const width of [320, 640, 1280]) {
  test(`every step reflows at ${width} px wide without sideways scrolling or tables sticking out`, async () => {
    const { context, page } = await openRecorded(browser, distUrl, { viewport: { width, height: 800 } });
    await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
    for (const step of STEPS) {
      await page.focus(`#ivp-tab-${step}`);
      await page.keyboard.press('Enter');
      await openDetails(page);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= width, `step ${step}: page is ${scrollWidth} px wide in a ${width} px window`);
      // A table wider than its step's panel runs over the panel's edge even when the page does not scroll.
      const sticking = await page.evaluate(() => [...document.querySelectorAll('table')]
        .filter((t) => t.offsetParent !== null)
        .map((t) => ({ id: t.id || t.className, over: t.getBoundingClientRect().right - t.closest('.ivp-step').getBoundingClientRect().right }))
        .filter((t) => t.over > 1));
      assert.deepEqual(sticking, [], `step ${step}: tables wider than their panel at ${width} px`);
      if (width === 320) await screenshot(page, `narrow-320-${step}`);
    }
    await context.close();
  });
}

test('forced colours (high contrast) and reduced motion: the steps and totals stay readable', async () => {
  const context = await browser.newContext({ forcedColors: 'active', reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(distUrl);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
  await page.focus('#ivp-tab-budget');
  await page.keyboard.press('Enter');
  // The current step is marked by a border style, not by colour alone.
  assert.equal(await page.locator('#ivp-tab-budget').evaluate((el) => getComputedStyle(el).borderTopStyle), 'double');
  // The chart keeps its own colours (forced-color-adjust: none) so segments stay distinct.
  const fills = await page.evaluate(() => [...document.querySelectorAll('#ivp-bar-max rect')].map((r) => getComputedStyle(r).fill));
  assert.equal(new Set(fills).size, 4, `four distinct segment colours, got ${fills}`);
  // Focus is visible: a 4 px outline on the focused step button.
  await page.focus('#ivp-tab-tijdlijn');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.locator('#ivp-tab-tijdlijn').evaluate((el) => getComputedStyle(el).outlineWidth), '4px');
  assert.equal(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true);
  const moving = await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => {
    const s = getComputedStyle(el); return s.animationName !== 'none' || parseFloat(s.transitionDuration) > 0;
  }).length);
  assert.equal(moving, 0, 'no animation or transition');
  await screenshot(page, 'forced-colors-budget');
  await context.close();
});

test('the accessibility statement: no axe violation, no request, linked from the page', async () => {
  const { context, page, requests, problems } = await openRecorded(browser, distUrl.replace(/ivp-rekenhulp\.html$/, 'toegankelijkheid.html'));
  assert.match(await page.locator('h1').textContent(), /Toegankelijkheid/);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
  await context.close();
  const main = await openRecorded(browser, distUrl);
  assert.equal(await main.page.getAttribute('.ivp-page-footer a', 'href'), 'toegankelijkheid.html');
  await main.context.close();
});
