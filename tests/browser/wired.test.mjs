// The real core's fields on the page (not a stand-in): financing per
// provision from costs.financing, the quoted source behind a reason, the
// timeline as a Gantt chart with the same dates in a table, the request's
// milestones with their status, and the .ics file made by core.ics().
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { distUrl, launch, openRecorded } from './chromium.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open() {
  const opened = await openRecorded(browser, distUrl);
  await opened.page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  return opened;
}
const go = async (page, step) => { await page.focus(`#ivp-tab-${step}`); await page.keyboard.press('Enter'); };

test('voorzieningen: how a provision is paid, in words, and the quoted source behind a reason', async () => {
  const { context, page, problems } = await open();
  await go(page, 'voorzieningen');
  const traplift = await page.locator('tr[data-id="traplift"] .ivp-eligibility').textContent();
  assert.match(traplift, /Hoe wordt het betaald\?/);
  assert.match(traplift, /Zorg in natura: De gemeente regelt/, 'form explained from costs.financing.forms');
  assert.match(traplift, /Persoonsgebonden budget \(pgb\)/);
  assert.match(traplift, /Het ALS protocol: bij voorkeur persoonsgebonden budget \(pgb\) en financiële tegemoetkoming\./);
  assert.match(traplift, /pgb of financiële tegemoetkoming van €\u00a06\.000 \(het bedrag uit de IVP-tabel\)/);
  assert.doesNotMatch(traplift, /\[object Object\]|undefined/);
  const hoogLaag = await page.locator('tr[data-id="hoog-laagbed"] .ivp-eligibility').textContent();
  assert.match(hoogLaag, /De zorgverzekeraar beslist hoe u dit krijgt/);
  // A Zvw provision is not "no": it is the zorgverzekeraar's to grant, not the municipality's.
  const hoogLaagVerdict = await page.locator('tr[data-id="hoog-laagbed"] .ivp-verdict').first().textContent();
  assert.equal(hoogLaagVerdict, 'Via de zorgverzekeraar (Zvw), niet via de gemeente');
  assert.doesNotMatch(await page.locator('tr[data-id="hoog-laagbed"]').textContent(), /Nee, waarschijnlijk niet/);
  // A reason's quote: the reason carries no text; the page finds it in policies[].criteria and puts it behind a <details>.
  const quote = page.locator('tr[data-id="traplift"] .ivp-reason .ivp-quote').first();
  assert.match(await quote.locator('summary').textContent(), /^Bron: [^,]+, /);
  assert.doesNotMatch(await quote.locator('summary').textContent(), /regel \d/);
  assert.ok((await quote.locator('blockquote').textContent()).length > 20, 'the quoted text is there');
  assert.equal(await quote.evaluate((d) => d.open), false, 'closed until asked');
  assert.deepEqual(problems, []);
  await context.close();
});

test('tijdlijn: Gantt chart with "vandaag", the same dates in a table, milestones with status and next step, .ics download', async () => {
  const { context, page, problems } = await open();
  // Today's date as the summary writes it (a step renders when it is shown).
  await go(page, 'samenvatting');
  const today = await page.evaluate(() => document.querySelector('.ivp-made').textContent.replace(/^Gemaakt op (.*) met.*$/, '$1'));
  await go(page, 'tijdlijn');
  assert.equal(await page.locator('.ivp-gantt').getAttribute('aria-hidden'), 'true', 'the picture is hidden; the table carries the data');
  assert.ok(await page.locator('.ivp-gantt-bars').count() >= 3, 'one chart row per group of provisions');
  assert.ok(await page.locator('.ivp-gantt-bars .ivp-gantt-today').count() >= 3, 'vandaag is marked in every row');
  assert.ok(await page.locator('.ivp-gantt-bars .ivp-gantt-leverancier').count() >= 3);
  const table = await page.locator('.ivp-gantt-table').textContent();
  assert.ok(table.includes(`vandaag is ${today}`), `caption names today (${today})`);
  assert.match(table, /ALS protocolWmo 2015Gemeente/);
  assert.match(table, /Traplift/);
  assert.match(table, /geldt niet/, 'a Zvw provision has no Wmo 2015 track');
  // Every provision of the plan is in exactly one row of the table.
  const rows = await page.locator('.ivp-gantt-table tbody th').allTextContents();
  assert.equal(rows.join(', ').replace(/ en /g, ', ').split(', ').length, 34);
  const proc = await page.locator('.ivp-procedure').textContent();
  assert.match(proc, /Besluit \(beschikking\) op uw aanvraag, uiterlijk/);
  assert.match(proc, /Loopt nog/);
  assert.match(proc, /Neem het functioneel advies van uw revalidatieteam/);
  assert.match(proc, /Als de gemeente te laat beslist/);
  assert.match(proc, /ingebrekestelling/);
  // The .ics file, made by the core.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#ivp-save-ics')]);
  assert.match(download.suggestedFilename(), /^mijn-ivp-\d{4}-\d{2}-\d{2}\.ics$/);
  const ics = readFileSync(await download.path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /BEGIN:VEVENT/);
  assert.match(ics, /END:VCALENDAR\r\n$/);
  assert.deepEqual(problems, []);
  await context.close();
});
