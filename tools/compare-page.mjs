// Compares what two builds of the single offline file show: for a few
// scenarios, the text of the whole page after every step has been rendered
// (the print-only parts and closed <details> included: textContent), and a
// screenshot of step 3, the timeline and the print of each, to look at.
//
//   node tools/compare-page.mjs OLD_DIST NEW_DIST [OUT_DIR]
//
// Prints per scenario whether the texts are the same (and the first place
// they differ); exit 1 when any differs. Screenshots go to OUT_DIR (default
// test-results/compare-page).
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, root, STEPS } from '../tests/browser/chromium.mjs';

const [oldDist, newDist, outDir = join(root, 'test-results/compare-page')] = process.argv.slice(2);
if (!oldDist || !newDist) { console.error('usage: compare-page.mjs OLD_DIST NEW_DIST [OUT_DIR]'); process.exit(2); }
mkdirSync(outDir, { recursive: true });

const golden = JSON.parse(readFileSync(join(root, 'tests/golden/eligibility/piet-huurwoning-met-trap.json'), 'utf8')).scenario;
const pack = JSON.parse(readFileSync(join(root, 'tests/packs/voorbeeldrecht-2026.json'), 'utf8'));
const scenarios = {
  default: null,
  hattem: { ...golden, melding: '2026-11-23', needed: { traplift: { months: 0 } } },
  pack: { schema: 1, melding: '2026-11-23', policy_pack: pack, provisions: ['traplift', 'scootmobiel', 'spalken'],
    profile: { woning_heeft_trap: true } },
};

async function textOf(browser, dist, name, scenario) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(join(resolve(dist), 'ivp-rekenhulp.html')).href);
  await page.locator('#ivp-total', { hasText: '€' }).waitFor();
  if (scenario) {
    await page.setInputFiles('#ivp-load-file', { name: 'mijn-ivp.json', mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(scenario)) });
    await page.locator('#ivp-file-status', { hasText: 'is geopend' }).waitFor();
  }
  const tag = dist === oldDist ? 'old' : 'new';
  for (const step of STEPS) {
    await page.focus(`#ivp-tab-${step}`);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(100);
    if (step === 'voorzieningen' || step === 'tijdlijn') {
      await page.screenshot({ path: join(outDir, `${name}-${step}-${tag}.png`), fullPage: true, timeout: 120_000 });
    }
  }
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(outDir, `${name}-print-${tag}.png`), fullPage: true, timeout: 120_000 });
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true);
    for (const el of body.querySelectorAll('script, style, template')) el.remove();
    return body.textContent.replace(/\s+/g, ' ');
  });
  await context.close();
  if (errors.length) throw new Error(`${dist} ${name}: ${errors.join('; ')}`);
  return text;
}

const browser = await launch();
let failed = 0;
try {
  for (const [name, scenario] of Object.entries(scenarios)) {
    const a = await textOf(browser, oldDist, name, scenario);
    const b = await textOf(browser, newDist, name, scenario);
    if (a === b) {
      console.log(`${name}: same text (${a.length} characters)`);
    } else {
      failed += 1;
      let i = 0;
      while (i < a.length && a[i] === b[i]) i += 1;
      console.log(`${name}: DIFFERENT at ${i}:\n  old …${a.slice(Math.max(0, i - 80), i + 120)}\n  new …${b.slice(Math.max(0, i - 80), i + 120)}`);
    }
  }
} finally {
  await browser.close();
}
console.log(`screenshots in ${outDir}`);
process.exit(failed ? 1 : 0);
