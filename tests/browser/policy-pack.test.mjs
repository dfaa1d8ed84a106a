// Choosing or loading the municipality's policy on the page (issue 16,
// docs/policy-pack.md): the Wmo 2015 is the default, Hattem 2014 can be
// chosen, and a pack loaded from a file changes the verdicts; a broken pack
// is refused with the file's name and the place, and the last good state
// stays; a saved file carries the loaded pack and opens the same way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distUrl, launch, openRecorded, root, screenshot } from './chromium.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const go = async (page, step) => { await page.focus(`#ivp-tab-${step}`); await page.keyboard.press('Enter'); };
const pack = readFileSync(join(root, 'tests/packs/voorbeeldrecht-2026.json'), 'utf8');
const file = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
// Facts under which the three policies differ for the traplift: Hattem says
// no (the transfer to the traplift's seat is not safe, §4.5.3), the Wmo 2015 leaves it open, the
// invented Voorbeeldrecht grants it (its article 8 holds, the 10.000 euro cap is kept).
const scenario = {
  schema: 1, melding: '2026-11-23', provisions: ['traplift', 'scootmobiel'],
  profile: { hoofdverblijf_gemeente: true, woning_heeft_trap: true, traplopen_probleem: true, trapleuning_volstaat: false,
    kosten_aanpassen_woning: 8000, veilig_overstappen_traplift: false },
};
const trapliftVerdict = (page) => page.locator('tr[data-id="traplift"] .ivp-verdict').first().textContent();

test('the verdicts follow the chosen or loaded policy; a broken pack changes nothing; a saved file keeps the pack', async () => {
  const { context, page, problems, requests } = await openRecorded(browser, distUrl);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  await page.setInputFiles('#ivp-load-file', file('situatie.json', JSON.stringify(scenario)));
  await page.locator('#ivp-file-status', { hasText: 'is geopend' }).waitFor();

  await go(page, 'situatie');
  const radios = page.locator('#ivp-policy-choices input[type="radio"]');
  assert.equal(await radios.count(), 2);
  assert.match(await page.locator('#ivp-policy-choices').textContent(), /Wmo 2015 \(de wet, voor elke gemeente\) \(standaard\).*voorbeeld: gemeente Hattem \(2014\)/);
  assert.equal(await page.isChecked('#ivp-policy-choices input[value="wmo-2015"]'), true);
  await go(page, 'voorzieningen');
  assert.equal(await trapliftVerdict(page), 'Hangt ervan af');

  // Hattem 2014, by keyboard: focus the radio and press space.
  await go(page, 'situatie');
  await page.focus('#ivp-policy-choices input[value="hattem-2014"]');
  await page.keyboard.press('Space');
  await go(page, 'voorzieningen');
  assert.equal(await trapliftVerdict(page), 'Nee, waarschijnlijk niet');

  // A pack from a file.
  await go(page, 'situatie');
  await page.setInputFiles('#ivp-policy-file', file('voorbeeldrecht.json', pack));
  await page.locator('#ivp-policy-status', { hasText: 'is geladen' }).waitFor();
  assert.equal(await radios.count(), 3);
  assert.equal(await page.isChecked('#ivp-policy-choices input[value="voorbeeldrecht-2026"]'), true);
  await go(page, 'voorzieningen');
  assert.equal(await trapliftVerdict(page), 'Ja, waarschijnlijk wel');
  assert.match(await page.locator('tr[data-id="traplift"] .ivp-eligibility').textContent(), /Voorbeeldrecht/);

  // A broken pack: a Dutch message naming the file and the place; nothing changes.
  await go(page, 'situatie');
  const broken = JSON.parse(pack);
  broken.criteria[1].condition.and[0].var = 'woning_heeft_lift';
  await page.setInputFiles('#ivp-policy-file', file('kapot.json', JSON.stringify(broken)));
  const status = page.locator('#ivp-policy-status');
  await status.filter({ hasText: 'kapot.json' }).waitFor();
  const message = await status.textContent();
  assert.match(message, /"kapot\.json" kan niet worden geladen \(op de plek \/criteria\/1\/condition\/and\/0\/var\): onbekend feit "woning_heeft_lift"/);
  assert.match(message, /Er is niets veranderd/);
  for (const junk of ['{"id":', '[]', JSON.stringify({ ...JSON.parse(pack), kind: 'protocol' })]) {
    await page.setInputFiles('#ivp-policy-file', file('ander.json', junk));
    await status.filter({ hasText: 'ander.json' }).waitFor();
    await page.setInputFiles('#ivp-policy-file', file('kapot.json', JSON.stringify(broken)));
    await status.filter({ hasText: 'kapot.json' }).waitFor();
  }
  assert.equal(await page.isChecked('#ivp-policy-choices input[value="voorbeeldrecht-2026"]'), true);
  await screenshot(page, 'policy-pack-situatie');
  await go(page, 'voorzieningen');
  assert.equal(await trapliftVerdict(page), 'Ja, waarschijnlijk wel');

  // Saved and opened again: the pack travels in the file.
  await go(page, 'start');
  const [download] = await Promise.all([page.waitForEvent('download'), (async () => {
    await page.focus('#ivp-save-file');
    await page.keyboard.press('Enter');
  })()]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.policy_pack.id, 'voorbeeldrecht-2026');
  await page.setInputFiles('#ivp-load-file', file('anders.json', JSON.stringify(scenario)));
  await page.locator('#ivp-file-status', { hasText: '"anders.json" is geopend' }).waitFor();
  assert.equal(await trapliftVerdict(page), 'Hangt ervan af');
  await page.setInputFiles('#ivp-load-file', file('met-beleid.json', JSON.stringify(saved)));
  await page.locator('#ivp-file-status', { hasText: '"met-beleid.json" is geopend' }).waitFor();
  assert.equal(await trapliftVerdict(page), 'Ja, waarschijnlijk wel');
  assert.deepEqual(problems, []);
  assert.deepEqual(requests, []);
  await context.close();
});
