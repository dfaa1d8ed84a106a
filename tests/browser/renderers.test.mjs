// The renderers against result shapes the core does not return yet in every
// build (per-policy verdicts, delivery tracks, costs, facts): the site's
// modules (site/js/, bundled by esbuild as the build does) and site/app.html are mounted on a blank page with a stand-in core that returns
// a fixed result. This checks only the rendering: what is there is shown, what
// is absent says "nog niet beschikbaar in deze versie"; nothing is computed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, root } from './chromium.mjs';
import { bundleSite } from '../../tools/site-bundle.mjs';

// ivpMount as a global of this blank page only, so the test can call it.
const appJs = bundleSite({ contents: "import { ivpMount } from './mount.js';\nwindow.ivpMount = ivpMount;\n" });
const appHtml = readFileSync(join(root, 'site/app.html'), 'utf8');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const catalogue = { provisions: [
  { id: 'traplift', name: 'Traplift', law: 'wmo', kind: 'reusable', amount: 6000 },
  { id: 'hoog-laagbed', name: 'Hoog-laagbed', law: 'zvw', kind: 'reusable', amount: 15000 }] };
const range = (min, max) => ({ min, max });
const budget = { total: range(21000, 21000), wmo: { total: range(6000, 6000), client_bound: range(0, 0), reusable: range(6000, 6000) },
  zvw: { total: range(15000, 15000), client_bound: range(0, 0), reusable: range(15000, 15000) } };
const source = { seed: '000_8243b2686b6c1bab.txt', section: 'IVP-tabel', line: 263 };

async function mount(result, facts) {
  const page = await browser.newPage();
  await page.setContent(`<main id="ivp-app">${appHtml}</main>`);
  await page.addScriptTag({ content: appJs });
  await page.evaluate(({ catalogue, result, facts }) => {
    // eslint-disable-next-line no-undef
    ivpMount(document.getElementById('ivp-app'), {
      catalogue: () => catalogue, facts: () => facts, ics: () => null,
      calculate: () => ({ result }), calculateText: () => ({ result }),
    }, { today: '2026-11-23' });
  }, { catalogue, result, facts });
  return page;
}

// A step is rendered when it is shown (site/js/mount.js): open the step that
// holds `selector` by its button, as a person would, then read it.
async function shown(page, selector) {
  const step = await page.locator(selector).first().evaluate((el) => el.closest('[data-step]').getAttribute('data-step'));
  await page.click(`#ivp-tab-${step}`);
  return page.locator(selector);
}

test('absent sections say "nog niet beschikbaar in deze versie"', async () => {
  const provisions = catalogue.provisions.map((p) => ({ ...p, source, delivery: { als_protocol: '2027-01-20' }, sla_werkdagen: { totaal: 40 } }));
  const page = await mount({ budget, provisions, melding: '2026-11-23' }, null);
  const text = async (sel) => (await shown(page, sel)).textContent();
  assert.match(await text('#ivp-facts'), /Vragen over uw situatie: nog niet beschikbaar in deze versie/);
  assert.match(await text('#ivp-costs'), /De eigen bijdrage: nog niet beschikbaar in deze versie/);
  assert.match(await text('#ivp-timeline'), /termijnen van de Wmo 2015 en van de gemeente: nog niet beschikbaar/);
  assert.match(await text('tr[data-id="traplift"] .ivp-eligibility'), /Oordeel: nog niet beschikbaar/);
  assert.match(await text('#ivp-summary'), /Vragen die het oordeel nog bepalen: nog niet beschikbaar/);
  assert.equal(await (await shown(page, '#ivp-ics-actions')).isVisible(), false);
  assert.match(await text('#ivp-ics-missing'), /nog niet beschikbaar/);
  await page.close();
});

test('per-policy verdicts, open questions, tracks, costs and facts are shown as the core gives them', async () => {
  const provisions = [{
    ...catalogue.provisions[0], source, sla_werkdagen: { totaal: 40 },
    eligibility: {
      verdict: 'onbekend', reasons: ['Het hangt af van de trap.'], open_questions: ['trap_in_huis'],
      policies: { 'hattem-2014': { verdict: 'nee', reasons: ['Hattem: eerst verhuizen (primaat van verhuizen).'] },
        'als-protocol': { verdict: 'ja', reasons: ['Het ALS protocol: vooruitlopend op de achteruitgang.'] } },
    },
    delivery: { als_protocol: '2027-01-20', timeline: 'traplift' },
  }];
  // The tracks, in the result's `timelines` table under the id the provision names.
  const timelines = { traplift: {
    als_protocol: { label: 'ALS protocol (SLA)', phases: [{ label: 'Levering', start: '2027-01-06', end: '2027-01-20', werkdagen: 10 }], end: '2027-01-20' },
    wmo_2015: { label: 'Wmo 2015 (wet)', applies: true, milestones: [{ label: 'Beschikking uiterlijk', date: '2027-01-04' }] },
  } };
  const costs = { eigen_bijdrage: { summary: 'U betaalt € 0 of € 21,80 per maand.', per_month: { min: 0, max: 2180, unit: 'eurocent' },
    open_questions: ['aow_leeftijd_bereikt'] } };
  const facts = { facts: [
    { id: 'trap_in_huis', type: 'boolean', question: 'Hebt u een trap in huis?' },
    { id: 'aow_leeftijd_bereikt', type: 'boolean', question: 'Hebt u de AOW-leeftijd bereikt?' }] };
  const page = await mount({ budget, provisions, timelines, costs, melding: '2026-11-23' }, facts);
  const row = await (await shown(page, 'tr[data-id="traplift"] .ivp-eligibility')).textContent();
  assert.match(row, /Hangt ervan af/);
  assert.match(row, /Voorbeeld: gemeente Hattem \(2014\): Nee, waarschijnlijk niet/);
  assert.match(row, /ALS protocol: Ja, waarschijnlijk wel/);
  assert.match(row, /primaat van verhuizen/);
  assert.match(row, /Dit bepaalt het nog:Hebt u een trap in huis\?/, 'an open question given as a fact id is asked in its words');
  const timeline = await (await shown(page, '#ivp-timeline')).textContent();
  assert.match(timeline, /Levering: 6 januari 2027 tot 20 januari 2027 \(10 werkdagen\)/);
  assert.match(timeline, /Beschikking uiterlijk: 4 januari 2027/);
  assert.doesNotMatch(timeline, /nog niet beschikbaar/);
  const costsText = await (await shown(page, '#ivp-costs')).textContent();
  assert.match(costsText, /U betaalt € 0 of € 21,80 per maand\./);
  assert.match(costsText, /Per maand€\u00a00,00 – €\u00a021,80/);
  assert.equal(await page.locator('.ivp-fact').count(), 2);
  const summary = await (await shown(page, '#ivp-summary')).textContent();
  assert.match(summary, /Hebt u een trap in huis\? \(bij: Traplift\)/);
  assert.match(summary, /Hebt u de AOW-leeftijd bereikt\? \(bij: eigen bijdrage\)/);
  assert.match(summary, /Bronnen/);
  await page.close();
});
