// The guided interview of step 2 (site/js/steps/interview.js ivpInterview, src/ivp/result/questions.h):
// from an empty profile the page asks the core's first question; each
// answer updates the verdicts and the next question; the interview ends on
// its own. Once by keyboard alone (Tab, Space, Enter, typing digits), once
// by clicks at the centre of the answer buttons only (as a dwell-click or a
// switch's point-scan does). The answers come from a complete profile made
// from a seed, so the runs answer yes, no, a choice and numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { distUrl, launch, openRecorded, screenshot, tabTo } from './chromium.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const focusedId = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);

// The page's own state, read through what it shows and what the core gave.
const now = (page) => page.evaluate(() => {
  const h = document.getElementById('ivp-iv-question');
  return { question: h.textContent, progress: document.getElementById('ivp-iv-progress').textContent,
    buttons: [...document.querySelectorAll('#ivp-iv-answers button')].map((b) => b.textContent),
    number: !!document.querySelector('#ivp-iv-number') };
});

async function openSituatie(page) {
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  await page.focus('#ivp-tab-situatie');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#ivp-iv-question').isVisible(), true, 'the interview is the default of step 2');
  assert.equal(await page.locator('#ivp-facts').isVisible(), false, 'the flat form waits behind "Alle vragen"');
}

// The label of the answer a complete profile gives to the question shown.
async function answerFor(page, profile, facts) {
  const question = (await now(page)).question;
  const fact = facts.find((f) => f.question === question);
  assert.ok(fact, `a question of data/facts.json: ${question}`);
  const v = profile[fact.id];
  if (fact.type === 'boolean') return { fact, label: v ? 'Ja' : 'Nee' };
  if (fact.type === 'choice') return { fact, label: fact.choices.find((c) => c.value === v).label };
  return { fact, number: String(v) };
}

async function runInterview(page, profile, facts, press) {
  const asked = [];
  for (let n = 0; n < facts.length + 1; n += 1) {
    const state = await now(page);
    if (/geen vragen meer/.test(state.question)) return asked;
    assert.match(state.progress, /^Nog ongeveer (1 vraag die iets beslist|\d+ vragen die iets beslissen)\.$/);
    assert.match(await page.locator('#ivp-iv-why').textContent(), /dit beslist over /);
    const { fact, label, number } = await answerFor(page, profile, facts);
    assert.ok(!asked.includes(fact.id), `asked twice: ${fact.id}`);
    asked.push(fact.id);
    await press({ label, number });
    // The next question (or the end) is shown and focus is on its heading.
    assert.equal(await focusedId(page), 'ivp-iv-question', `focus after answering ${fact.id} (${label || number}): ` +
      await page.evaluate(() => document.activeElement && document.activeElement.outerHTML.slice(0, 200)));
  }
  throw new Error('the interview did not end');
}

// Tab until the answer button with this text has focus (Tab only, no mouse).
async function tabToAnswer(page, label) {
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate((text) => {
      const el = document.activeElement;
      return !!el && el.matches('#ivp-iv-answers button') && el.textContent === text;
    }, label);
    if (hit) return;
  }
  throw new Error(`answer ${label} not reached with Tab`);
}

// The verdicts of step 3 as they are shown there. The page renders a step that
// is not visible when it is shown or printed (site/js/mount.js), so the step
// is brought up to date the way printing does, without moving focus.
async function verdicts(page) {
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  return page.evaluate(() => [...document.querySelectorAll('tr[data-id] .ivp-eligibility')]
    .map((td) => td.closest('tr').dataset.id + ':' + td.textContent.slice(0, 60)));
}

for (const [name, seed] of [['keyboard alone', 11], ['clicks at the centres of the answer buttons only', 12]]) {
  test(`a whole interview by ${name}`, async () => {
    const { context, page, requests, problems } = await openRecorded(browser, distUrl);
    await openSituatie(page);
    // The questions' words come from the page's own copy of data/facts.json.
    const facts = await page.evaluate(() => [...document.querySelectorAll('.ivp-fact')].map((f) => {
      const input = f.querySelector('input');
      return { id: input.dataset.fact, question: f.querySelector('legend').textContent,
        type: input.type !== 'radio' ? 'integer' : f.querySelector('input[value="true"]') ? 'boolean' : 'choice',
        choices: [...f.querySelectorAll('label.ivp-check')].map((l) => ({ value: l.querySelector('input').value, label: l.textContent }))
          .filter((c) => c.value !== '') };
    }));
    // A complete profile from the seed: yes/no and choices spread, small numbers (0 is allowed everywhere).
    const profile = {};
    for (const f of facts) {
      if (f.type === 'boolean') profile[f.id] = (f.id.length + seed) % 2 === 0;
      else if (f.type === 'choice') profile[f.id] = f.choices[seed % f.choices.length].value;
      else profile[f.id] = seed % 5;
    }
    const before = await verdicts(page);
    const first = (await now(page)).question;
    const press = name === 'keyboard alone'
      ? async ({ label, number }) => {
        if (number !== undefined) {
          await tabTo(page, '#ivp-iv-number');
          await page.keyboard.type(number);
          await page.keyboard.press('Enter');
        } else {
          await tabToAnswer(page, label);
          await page.keyboard.press(label.length % 2 ? 'Space' : 'Enter');
        }
      }
      : async ({ label, number }) => {
        if (number !== undefined) {
          // A number is typed by the on-screen keyboard of the user's own tool; here: fill, then click "Verder".
          await page.locator('#ivp-iv-number').fill(number);
          label = 'Verder';
        }
        const button = page.locator('#ivp-iv-answers button', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
        await button.scrollIntoViewIfNeeded();  // the user scrolls (or the tool does); then only a click at the centre
        const box = await button.boundingBox();
        assert.ok(box.height >= 64, `answer button at least 64 px high: ${box.height}`);
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      };
    const asked = await runInterview(page, profile, facts, press);
    assert.ok(asked.length > 0, `first question: ${first}`);
    assert.ok(asked.length < facts.length, `asked ${asked.length} of ${facts.length}`);
    assert.notDeepEqual(await verdicts(page), before, 'the answers changed the verdicts');
    await screenshot(page, `interview-end-${seed}`);
    // "Toon wat ik nu weet" goes to the results.
    await page.locator('#ivp-iv-show').click();
    assert.equal(await focusedId(page), 'ivp-h-voorzieningen');
    assert.deepEqual(requests, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('answer buttons are large and well apart; terug, sla over and changing an answer', async () => {
  const { context, page, problems } = await openRecorded(browser, distUrl);
  await openSituatie(page);
  await screenshot(page, 'interview-first-question');
  const boxes = await page.locator('#ivp-iv-answers button').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().toJSON()));
  assert.ok(boxes.length >= 2);
  for (const b of boxes) assert.ok(b.height >= 64 && b.width >= 64, JSON.stringify(b));
  for (let i = 1; i < boxes.length; i += 1) {
    const gap = Math.max(boxes[i].left - boxes[i - 1].right, boxes[i].top - boxes[i - 1].bottom);
    assert.ok(gap >= 16, `answers at least 16 px apart: ${gap}`);
  }
  const q1 = (await now(page)).question;
  const progress1 = (await now(page)).progress;
  // Sla over: another question, the skipped one is not asked again this visit.
  await page.locator('#ivp-iv-skip').click();
  const q2 = (await now(page)).question;
  assert.notEqual(q2, q1);
  assert.equal(await focusedId(page), 'ivp-iv-question');
  // Weet ik niet: counts as asked (sent as null), the next question comes.
  await page.locator('#ivp-iv-answers button', { hasText: /^Weet ik niet$/ }).click();
  const q3 = (await now(page)).question;
  assert.notEqual(q3, q2);
  // Terug: the previous question, with its answer marked; change it to Ja.
  await page.locator('#ivp-iv-back').click();
  assert.equal((await now(page)).question, q2);
  assert.equal(await page.locator('#ivp-iv-answers button[aria-pressed="true"]').textContent(), 'Weet ik niet');
  const yes = page.locator('#ivp-iv-answers button', { hasText: /^Ja$/ });
  if (await yes.count()) {
    await yes.click();
    assert.match(await page.locator('.ivp-iv-given').textContent(), /\bja Wijzig/);
  }
  assert.notEqual(progress1, '');
  // Alle vragen: the form grouped by life area; and back.
  await page.locator('#ivp-iv-all').click();
  assert.equal(await page.locator('#ivp-facts').isVisible(), true);
  const groups = await page.locator('#ivp-facts .ivp-fact-group > h3').allTextContents();
  for (const g of ['Wonen', 'Verplaatsen', 'Rolstoel', 'Huishouden', 'Geld']) assert.ok(groups.includes(g), `group ${g} in ${groups}`);
  await page.locator('#ivp-iv-guided').click();
  assert.equal(await page.locator('#ivp-facts').isVisible(), false);
  assert.equal(await focusedId(page), 'ivp-iv-question');
  assert.deepEqual(problems, []);
  await context.close();
});
