// The keukentafel kit on the page (docs/kit.md): the checklist and "wat u mag
// vragen" in the print (checked in the PDF text with pdftotext), a letter
// made on the page (text, download, print of the letter alone), and the kit
// fields kept in a saved file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distUrl, launch, openRecorded, screenshot } from './chromium.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function pdfText(page, name) {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const dir = mkdtempSync(join(tmpdir(), 'ivp-kit-'));
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');
}

async function toSummary(page) {
  await page.focus('#ivp-tab-samenvatting');
  await page.keyboard.press('Enter');
  await page.locator('#ivp-kit-checklist li').first().waitFor();
}

test('print: the kit holds what to ask and the checklist, each with its source, ticked items marked', async () => {
  const { context, page, requests, problems } = await openRecorded(browser, distUrl);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  await toSummary(page);
  // Tick one item by keyboard (Space on the focused checkbox).
  await page.focus('[data-check="functioneel_advies"]');
  await page.keyboard.press('Space');
  assert.equal(await page.isChecked('[data-check="functioneel_advies"]'), true);
  await page.locator('.ivp-kit-print-checklist li', { hasText: '☑' }).waitFor({ state: 'attached' });
  const text = await pdfText(page, 'kit-print');
  assert.match(text, /Wat ik mag vragen \(ALS protocol\)/);
  assert.match(text, /Integraal Voorzieningen Plan \(IVP\) ALS met een budget/);
  assert.match(text, /pgb of een financiële tegemoetkoming/, 'the full plan has Wmo provisions: a pgb line');
  assert.match(text, /Bron: ALS protocol hulpmiddelen, Onderdelen van het IVP ALS, 4\) Cliëntondersteuning/);
  assert.match(text, /Voorbereiding \(checklist\)/);
  assert.match(text, /☑ Maak samen met uw behandelaar/);
  assert.match(text, /☐ Doe een officiële melding/);
  assert.match(text, /wie u bent/, 'the points of the persoonlijk plan');
  const kitPart = text.slice(text.indexOf('Wat ik mag vragen'));
  assert.doesNotMatch(kitPart, /regel \d+/, 'no line numbers for people in the kit');
  assert.doesNotMatch(text, /Maak een ingebrekestelling/, 'the controls are not printed');
  await screenshot(page, 'kit-summary');
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a Zvw-only plan gets no pgb line in "wat u mag vragen"', async () => {
  const { context, page } = await openRecorded(browser, distUrl);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  await page.focus('#ivp-tab-voorzieningen');
  await page.keyboard.press('Enter');
  await page.click('#ivp-none');
  await page.check('#ivp-sel-ad-matras');
  await toSummary(page);
  const asks = await page.locator('#ivp-kit-requests').textContent();
  assert.match(asks, /Integraal Voorzieningen Plan/);
  assert.doesNotMatch(asks, /pgb of een financiële tegemoetkoming/);
  await context.close();
});

test('letter: an ingebrekestelling made on the page, downloaded as text and printed alone; kept in a saved file', async () => {
  const { context, page, requests, problems } = await openRecorded(browser, distUrl);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  await page.fill('#ivp-melding', '2026-03-02');
  await toSummary(page);
  // Without an aanvraag the core says why no letter can be made.
  await page.click('#ivp-letter-ingebrekestelling');
  assert.match(await page.locator('#ivp-kit-letter-status').textContent(), /vul eerst de datum van uw aanvraag in/);
  assert.equal(await page.locator('#ivp-letter-box').isHidden(), true);
  await page.fill('#ivp-kit-date-aanvraag', '2026-04-10');
  await page.fill('#ivp-kit-brief-naam', 'Jan de Vries');
  await page.fill('#ivp-kit-brief-adres', 'Dorpsstraat 1\n8051 AA Hattem');
  await page.fill('#ivp-kit-brief-gemeente', 'Hattem');
  // The escalation shows the steps in order, with Het Juiste Loket's number.
  const escalation = await page.locator('#ivp-kit-escalation').textContent();
  assert.match(escalation, /vaste contactpersoon[\s\S]*casemanager[\s\S]*Het Juiste Loket[\s\S]*030 789 78 78[\s\S]*ingebrekestelling/i);
  await page.focus('#ivp-letter-ingebrekestelling');
  await page.keyboard.press('Enter');
  const letter = await page.locator('#ivp-letter-text').textContent();
  assert.match(letter, /^Jan de Vries\nDorpsstraat 1\n8051 AA Hattem\n/);
  assert.match(letter, /gemeente Hattem/);
  assert.match(letter, /Op 10 april 2026 heb ik een aanvraag gedaan/);
  assert.match(letter, /Die termijn is geëindigd op 24 april 2026/);
  assert.match(letter, /€ 23 per dag voor de eerste 14 dagen/);
  assert.match(letter, /samen ten hoogste € 1\.442,00/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ivp-letter-text', 'focus moves to the letter');
  await screenshot(page, 'kit-letter');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#ivp-letter-download')]);
  assert.match(download.suggestedFilename(), /^ingebrekestelling-\d{4}-\d{2}-\d{2}\.txt$/);
  assert.equal(readFileSync(await download.path(), 'utf8'), letter);

  // "Druk de brief af" prints with only the letter on the paper.
  await page.evaluate(() => { window.print = () => { window.ivpLetterPrint = document.querySelector('.ivp-root').classList.contains('ivp-printing-letter'); }; });
  await page.click('#ivp-letter-print');
  assert.equal(await page.evaluate(() => window.ivpLetterPrint), true);
  assert.equal(await page.evaluate(() => document.querySelector('.ivp-root').classList.contains('ivp-printing-letter')), false);
  await page.evaluate(() => document.querySelector('.ivp-root').classList.add('ivp-printing-letter'));
  const printed = await pdfText(page, 'letter');
  await page.evaluate(() => document.querySelector('.ivp-root').classList.remove('ivp-printing-letter'));
  assert.match(printed, /Geacht college/);
  assert.match(printed, /Met deze brief stel ik u in gebreke/);
  assert.doesNotMatch(printed, /Mijn IVP voor het keukentafelgesprek|Wat ik mag vragen|Bewaar de brief/);

  // The name, the dates and the ticks go into a saved file, and come back.
  await page.focus('#ivp-tab-start');
  await page.keyboard.press('Enter');
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click('#ivp-save-file')]);
  const scenario = JSON.parse(readFileSync(await saved.path(), 'utf8'));
  assert.deepEqual(scenario.brief, { naam: 'Jan de Vries', adres: 'Dorpsstraat 1\n8051 AA Hattem', gemeente: 'Hattem' });
  assert.equal(scenario.dates.aanvraag, '2026-04-10');
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('letter: a bezwaarschrift after a decision names the last day; without a decision the page says why not', async () => {
  const { context, page } = await openRecorded(browser, distUrl);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  await page.fill('#ivp-melding', '2026-01-05');
  await toSummary(page);
  await page.click('#ivp-letter-bezwaar');
  assert.match(await page.locator('#ivp-kit-letter-status').textContent(), /datum van het besluit/);
  await page.fill('#ivp-kit-date-aanvraag', '2026-02-02');
  await page.fill('#ivp-kit-date-beschikking', '2026-02-20');
  assert.match(await page.locator('#ivp-kit-bezwaar').textContent(), /tot en met 7 april 2026/);
  await page.click('#ivp-letter-bezwaar');
  const letter = await page.locator('#ivp-letter-text').textContent();
  assert.match(letter, /Ik maak bezwaar tegen uw besluit van 20 februari 2026/);
  assert.match(letter, /Uiterste dag om bezwaar te maken: 7 april 2026/);
  assert.match(letter, /\[uw naam\]/, 'no name typed: a place to fill in');
  await context.close();
});
