// The interview's answer → next question and updated verdicts, in Chromium,
// run by hand (not part of ./dev test):
//   node tests/bench/interview-bench.mjs [PROFILES]     (default 30; needs dist/)
// Opens the real page (dist/ivp-rekenhulp.html), goes to step 2 and answers
// whole interviews by pressing the answer buttons, for PROFILES complete
// profiles made from a seed (tests/node/prng.mjs). Each answer is timed from
// the button's click() to its return: the click handler is synchronous and
// does all of it — the core's lean result and its situation part (after an
// answer only the profile changed: src/ivp/api/situation.h), the merges, the
// re-render of verdicts, costs and summary, and the next question with focus
// on its heading. Style and layout after the handler are not included.
// file:// pages have 100 µs timer resolution: fine for millisecond figures.
// With --profile, Chromium's CPU profiler runs during the interviews and the
// self time is summed by where it goes (the core's WebAssembly, JSON.parse,
// the page's scripts by function), to say what an answer's time is made of.
// Results go to docs/perf.md ("Interview").
import { launch, distUrl } from '../browser/chromium.mjs';

const args = process.argv.slice(2);
const profiling = args.includes('--profile');
const profiles = Number(args.find((a) => /^\d+$/.test(a)) || 30);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(distUrl);
  await page.locator('#ivp-total', { hasText: '302.000' }).waitFor();
  await page.locator('#ivp-tab-situatie').click();
  const cdp = profiling ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const report = await page.evaluate(async (profiles) => {
    const $ = (s) => document.querySelector(s);
    // mulberry32, as tests/node/prng.mjs
    let seed = 20261201;
    const rand = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const facts = [...document.querySelectorAll('.ivp-fact')].map((f) => ({
      question: f.querySelector('legend').textContent,
      labels: [...f.querySelectorAll('label.ivp-check')].filter((l) => l.querySelector('input').value !== '')
        .map((l) => l.textContent),
      number: !f.querySelector('input[type="radio"]'),
    }));
    const times = [];
    const counts = [];
    for (let n = 0; n < profiles; n += 1) {
      const answer = new Map(facts.map((f) => [f.question,
        f.number ? String(Math.floor(rand() ** 3 * 30)) : f.labels[Math.floor(rand() * f.labels.length)]]));
      let asked = 0;
      for (;;) {
        const q = $('#ivp-iv-question').textContent;
        if (!answer.has(q)) break;  // the end: no question left
        const a = answer.get(q);
        let button;
        if ($('#ivp-iv-number')) { $('#ivp-iv-number').value = a; button = $('#ivp-iv-answers button[type="submit"]'); }
        else button = [...document.querySelectorAll('#ivp-iv-answers button')].find((b) => b.textContent === a);
        const t0 = performance.now();
        button.click();
        times.push(performance.now() - t0);
        asked += 1;
        if (asked > facts.length) throw new Error('the interview does not end');
      }
      counts.push(asked);
      // Start again from an empty profile (not timed): "Wis alles", confirmed.
      $('#ivp-clear-all').click();
      $('#ivp-clear-confirm').click();
    }
    times.sort((a, b) => a - b);
    const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
    return { answers: times.length, p50: at(0.5), p95: at(0.95), max: times[times.length - 1],
      mean: times.reduce((a, b) => a + b, 0) / times.length,
      questionsMean: counts.reduce((a, b) => a + b, 0) / counts.length, questionsMax: Math.max(...counts),
      flatForm: facts.length };
  }, profiles);
  if (cdp) {
    // Self time per node, summed by a label: WebAssembly functions together,
    // the page's script functions by name, the rest by V8's name for them.
    const { profile } = await cdp.send('Profiler.stop');
    const dt = new Map(profile.nodes.map((n) => [n.id, 0]));
    for (let i = 0; i < profile.samples.length; i += 1) dt.set(profile.samples[i], dt.get(profile.samples[i]) + profile.timeDeltas[i]);
    const by = new Map();
    let total = 0;
    for (const n of profile.nodes) {
      const f = n.callFrame;
      if (['(idle)', '(program)', '(garbage collector)'].includes(f.functionName) && f.functionName !== '(garbage collector)') continue;
      const wasm = f.url.startsWith('wasm://') || /^\$?func\d+|^\$/.test(f.functionName) && f.url === '';
      const label = wasm ? 'WebAssembly (the core)' : `${f.functionName || '(anonymous)'}${f.url ? '' : ' [native]'}`;
      by.set(label, (by.get(label) || 0) + dt.get(n.id));
      total += dt.get(n.id);
    }
    console.log(`CPU profile: ${(total / 1000).toFixed(0)} ms sampled; self time by where it goes:`);
    for (const [label, t] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
      console.log(`  ${(100 * t / total).toFixed(1).padStart(5)} %  ${(t / 1000).toFixed(0).padStart(6)} ms  ${label}`);
    }
  }
  const ms = (x) => `${x.toFixed(2)} ms`;
  console.log(`${report.answers} answers over ${profiles} interviews (flat form: ${report.flatForm} questions; ` +
    `asked per interview: mean ${report.questionsMean.toFixed(1)}, max ${report.questionsMax})`);
  console.log(`answer → next question and verdicts: p50 ${ms(report.p50)}, p95 ${ms(report.p95)}, ` +
    `mean ${ms(report.mean)}, max ${ms(report.max)}`);
} finally {
  await browser.close();
}
