// Sources a person can check (issue 12): no step of the page and not the
// print shows a seed line number ("regel 250"); a source names its document
// and section, links to the published document where one exists, and the
// print ends with a numbered "Bronnen" list that its rows refer to.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { distUrl, launch, openRecorded } from './chromium.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const STEPS = ['start', 'situatie', 'voorzieningen', 'budget', 'tijdlijn', 'samenvatting'];
const LINE_NUMBER = /regel \d|\br\. \d|seed 00\d/i;

async function open() {
  const opened = await openRecorded(browser, distUrl);
  await opened.page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  return opened;
}
const go = async (page, step) => { await page.focus(`#ivp-tab-${step}`); await page.keyboard.press('Enter'); };

test('no step and not the print shows a line number; closed quotes included', async () => {
  const { context, page, problems } = await open();
  for (const step of STEPS) {
    await go(page, step);
    // textContent includes closed <details> and hidden parts: the quote is one click away, so it counts too.
    const text = await page.locator(`section[data-step="${step}"]`).textContent();
    assert.ok(text.length > 50, `step ${step} has content`);
    const hit = LINE_NUMBER.exec(text);
    assert.equal(hit, null, `step ${step} shows "${hit && text.slice(Math.max(0, hit.index - 60), hit.index + 30)}"`);
  }
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => document.body.innerText);
  const hit = LINE_NUMBER.exec(printed);
  assert.equal(hit, null, `the print shows "${hit && printed.slice(Math.max(0, hit.index - 60), hit.index + 30)}"`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a reason names document and section, and links to the published ALS protocol', async () => {
  const { context, page, problems, requests } = await open();
  await go(page, 'voorzieningen');
  const quote = page.locator('tr[data-id="traplift"] .ivp-reason .ivp-quote', { hasText: 'ALS protocol' }).first();
  const summary = await quote.locator('summary').textContent();
  assert.match(summary, /^Bron: ALS protocol hulpmiddelen, /);
  const link = quote.locator('a[href^="https://www.alspatientenvereniging.nl/"]');
  assert.equal(await link.count(), 1, 'the published location, one click away');
  // The default municipality side is the Wmo 2015 itself: its article, with a deep link and version date.
  const wmo = page.locator('tr[data-id="traplift"] .ivp-reason .ivp-quote', { hasText: 'Wet maatschappelijke ondersteuning' }).first();
  assert.equal(await wmo.locator('a[href^="https://wetten.overheid.nl/BWBR0035362/"]').count() >= 1, true, 'the statute, one click away');
  // Hattem's book (chosen by keyboard) has no published location we found: the page says so instead of a link.
  await go(page, 'situatie');
  await page.focus('#ivp-policy-choices input[value="hattem-2014"]');
  await page.keyboard.press('Space');
  await go(page, 'voorzieningen');
  const hattem = page.locator('tr[data-id="traplift"] .ivp-reason .ivp-quote', { hasText: 'Hattem' }).first();
  assert.match(await hattem.textContent(), /geen openbare vindplaats/);
  assert.deepEqual(requests, [], 'rendering a link requests nothing');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the print ends with a numbered Bronnen list that the rows refer to', async () => {
  const { context, page, problems } = await open();
  await go(page, 'samenvatting');
  const summary = page.locator('#ivp-summary');
  const headings = await summary.locator('h4').allTextContents();
  assert.equal(headings.at(-1), 'Bronnen', 'Bronnen is the last section');
  const entries = await summary.locator('ol.ivp-print-sources > li').allTextContents();
  assert.ok(entries.length >= 2, `${entries.length} sources`);
  const rows = await summary.locator('.ivp-print-table tbody td.ivp-source').allTextContents();
  const numbers = [...rows.join(' ').matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  assert.ok(numbers.length > 0, 'rows cite by number');
  for (const n of numbers) assert.ok(n >= 1 && n <= entries.length, `[${n}] is in the list`);
  assert.ok(entries.some((e) => /ALS protocol hulpmiddelen.*https:\/\/www\.alspatientenvereniging\.nl\//.test(e)), entries.join('\n'));
  assert.deepEqual(problems, []);
  await context.close();
});
