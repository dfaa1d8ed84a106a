// Mijn IVP on the page: the personal budget beside the ALS protocol's printed
// table, call-off dates per provision, "te laat" with the protocol's
// remedies, and a scenario with real dates that survives save and load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { distUrl, launch, openRecorded, screenshot } from './chromium.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const total = (page) => page.locator('#ivp-total').textContent();

async function ids(page) {
  return page.$$eval('#ivp-tables tr[data-id]', (rows) => rows.map((r) => r.getAttribute('data-id')));
}

async function saveScenario(page) {
  await goto(page, 'start');  // the save button is on the first step
  const [download] = await Promise.all([page.waitForEvent('download'), (async () => {
    await page.focus('#ivp-save-file');
    await page.keyboard.press('Enter');
  })()]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

async function load(page, scenario) {
  await page.setInputFiles('#ivp-load-file', { name: 'mijn-ivp.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(scenario)) });
  await page.locator('#ivp-file-status', { hasText: 'is geopend' }).waitFor();
}

async function goto(page, step) {
  await page.focus(`#ivp-tab-${step}`);
  await page.keyboard.press('Enter');
}

test('no stairs, adaptable inside: a personal budget without traplift, aanbouw and zorgunit, beside the printed table', async () => {
  const { context, page, requests, problems } = await openRecorded(browser, distUrl);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  await load(page, { schema: 1, melding: '2026-11-23',
    profile: { woning_heeft_trap: false, inpandig_aanpasbaar: true } });
  // 302,000 (one of aanbouw and zorgunit) - 20,000 - traplift 6,000; no range left.
  await page.locator('#ivp-total', { hasText: '276.000' }).waitFor();
  assert.equal(await total(page), '€\u00a0276.000');
  await goto(page, 'voorzieningen');
  for (const id of ['traplift', 'aanbouw-woning', 'zorgunit']) {
    const note = page.locator(`tr[data-id="${id}"] .ivp-plan-out`);
    assert.equal(await note.isVisible(), true, id);
    assert.match(await note.textContent(), /telt dit niet mee in uw budget/, id);
  }
  assert.equal(await page.locator('tr[data-id="elektrische-rolstoel"] .ivp-plan-out').isVisible(), false);
  // The user ticks the traplift back in, by keyboard.
  await page.focus('#ivp-keep-traplift');
  await page.keyboard.press('Space');
  await page.locator('#ivp-total', { hasText: '282.000' }).waitFor();
  assert.equal(await total(page), '€\u00a0282.000');
  await goto(page, 'budget');
  const table = page.locator('#ivp-table-budget table');
  assert.match(await table.textContent(), /75\.000 – €\u00a0108\.000/);
  assert.match(await table.textContent(), /ca\. €\u00a0150\.000/);
  assert.doesNotMatch(await table.textContent(), /regel \d/, 'no line numbers shown to a person');
  assert.match(await page.locator('#ivp-assumptions').textContent(), /Onze aanname/);
  assert.doesNotMatch(await page.locator('#ivp-h-budget ~ p').first().textContent(), /iedereen met ALS/);
  await screenshot(page, 'plan-budget-beside-table');
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a scenario with call-off and real dates round-trips through save and load unchanged', async () => {
  const { context, page, requests, problems } = await openRecorded(browser, distUrl);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  const all = await ids(page);
  const scenario = {
    schema: 1, melding: '2026-11-23', provisions: all, overrides: {},
    profile: { woning_heeft_trap: false, inpandig_aanpasbaar: true },
    dates: { gesprek: '2026-12-01', aanvraag: '2026-12-10' },
    actual: {
      traplift: { melding: '2027-01-11', aanvraag: '2027-01-12', beschikking: '2027-02-01', doorgegeven: '2027-02-02',
        passing: '2027-02-09', levering: '2027-03-01' },
      'elektrische-rolstoel': { melding: '2027-02-01' },
    },
    needed: { eetrobot: '2027-06-01', plafondlift: { months: 0 }, spraakcomputer: { months: 6 } },
    keep_in_budget: ['zorgunit'],
    peildatum: '2026-11-23',
  };
  await load(page, scenario);
  await goto(page, 'voorzieningen');
  assert.equal(await page.inputValue('#ivp-actual-levering-traplift'), '2027-03-01');
  assert.equal(await page.inputValue('#ivp-need-kind-eetrobot'), 'date');
  assert.equal(await page.inputValue('#ivp-need-months-spraakcomputer'), '6');
  assert.equal(await page.isChecked('#ivp-keep-zorgunit'), true);
  assert.deepEqual(await saveScenario(page), scenario, 'saved as loaded');

  // The eetrobot, needed on 1 June 2027: called off in time, delivered that day.
  await goto(page, 'tijdlijn');
  const item = page.locator('#ivp-timeline li', { hasText: 'Eetrobot' }).first();
  assert.match(await item.textContent(), /klaar op 1 juni 2027/);
  assert.match(await item.textContent(), /afroepen uiterlijk op 30 maart 2027/);
  // The plafondlift is needed now: too slow, with the protocol's remedies.
  const slow = page.locator('#ivp-too-slow');
  assert.match(await slow.textContent(), /Plafondlift/);
  assert.match(await slow.textContent(), /spoedprocedure/i);
  assert.match(await slow.textContent(), /tijdelijke voorziening/i);
  await screenshot(page, 'plan-timeline');

  // A real date entered by keyboard on the page is saved too, and loads back.
  await goto(page, 'voorzieningen');
  await page.locator('tr[data-id="eetrobot"] .ivp-plan-dates summary').click();
  await page.fill('#ivp-actual-aanvraag-eetrobot', '2027-04-01');
  await page.locator('#ivp-actual-aanvraag-eetrobot').dispatchEvent('change');
  const withDate = await saveScenario(page);
  assert.deepEqual(withDate.actual.eetrobot, { aanvraag: '2027-04-01' });
  await page.focus('#ivp-clear-all');
  await page.keyboard.press('Enter');
  await page.focus('#ivp-clear-confirm');
  await page.keyboard.press('Enter');
  await page.locator('#ivp-total', { hasText: '282.000' }).waitFor();
  assert.equal(await page.inputValue('#ivp-actual-levering-traplift'), '');
  await load(page, withDate);
  assert.deepEqual(await saveScenario(page), withDate, 'loads back unchanged');
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
  await context.close();
});
