// The interview's after-answer work of the core alone, as WebAssembly in
// Node, run by hand (not part of ./dev test):
//   node tests/bench/interview-core.mjs [PROFILES]     (default 20; needs build/wasm)
// For PROFILES complete profiles (seeded, tests/node/prng.mjs; every second
// one under the Hattem 2014 pack), answers the core's questions[0] from an
// empty profile until none is left, as the page's guided mode does, and times
// per answer, each as the page calls it (JSON.stringify of the scenario, the
// call, JSON.parse of the answer):
//   since      what the page asks after an answer: situationSince, with the
//              profile before the answer (src/ivp/api/situation.h)
//   situation  the same without the previous profile: every verdict again
//   explain    the whole explanation (what the page asked before the situation)
//   lean       calculateLean, which the page asks at every change as well
// The page's own work (merging, rendering) is in interview-bench.mjs.
// With --compare DIR (another build's build/wasm, e.g. of the commit before a
// change), that build's `situation` is timed too, interleaved with these
// calls answer by answer, so both see the same machine load:
//   node tests/bench/interview-core.mjs 20 --compare ../other-checkout/build/wasm
// Results go to docs/perf.md ("Interview").
import { mulberry32 } from '../node/prng.mjs';
import { randomAnswer } from '../node/profiles.mjs';
import { loadWasm } from '../node/wasm-loader.mjs';

const args = process.argv.slice(2);
const profiles = Number(args.find((a) => /^\d+$/.test(a)) || 20);
const compareDir = args.includes('--compare') ? args[args.indexOf('--compare') + 1] : null;
const today = '2026-11-23';
const core = await loadWasm();
const other = compareDir ? await loadWasm(compareDir) : null;
const facts = JSON.parse(core.facts()).facts;
const ids = JSON.parse(core.catalogue()).provisions.map((p) => p.id);
const rand = mulberry32(20261201);

// Every fact answered: yes/no at random, an integer small more often (r³ over
// its range, as tests/node/profiles.mjs), a choice at random.
function completeProfile() {
  const out = {};
  for (const f of facts) {
    const answer = randomAnswer(f, rand);
    if (answer !== undefined) out[f.id] = answer;
  }
  return out;
}

let previous = {};  // the profile before the answer, as the page keeps it
const cases = {
  since: (s) => JSON.parse(core.situationSince(JSON.stringify(s), JSON.stringify(previous), today)),
  situation: (s) => JSON.parse(core.situation(JSON.stringify(s), today)),
  explain: (s) => JSON.parse(core.explain(JSON.stringify(s), today)),
  lean: (s) => JSON.parse(core.calculateLean(JSON.stringify(s), today)),
};
if (other) cases['other situation'] = (s) => JSON.parse(other.situation(JSON.stringify(s), today));
const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
const asked = [];
// Warm-up (the module's first calls parse the embedded data): one interview, not timed.
for (let n = -1; n < profiles; n += 1) {
  const complete = completeProfile();
  const s = { schema: 1, melding: today, provisions: ids, overrides: {}, profile: {} };
  if (n % 2 !== 0) s.policy = 'hattem-2014';
  let next = JSON.parse(core.explain(JSON.stringify(s), today)).questions;
  let count = 0;
  while (next.length) {
    const fact = next[0].fact;
    previous = { ...s.profile };
    s.profile[fact] = complete[fact];
    count += 1;
    let part = null;
    for (const [name, fn] of Object.entries(cases)) {
      const t0 = performance.now();
      const out = fn(s);
      const t = performance.now() - t0;
      if (out.error) throw new Error(JSON.stringify(out.error));
      if (n >= 0) times[name].push(t);
      if (name === 'since') part = out;
    }
    next = part.questions;
    if (count > facts.length) throw new Error('the interview does not end');
  }
  if (n >= 0) asked.push(count);
}
console.log(`${times.since.length} answers over ${profiles} interviews (asked per interview: mean ` +
  `${(asked.reduce((a, b) => a + b, 0) / asked.length).toFixed(1)}, max ${Math.max(...asked)})`);
console.log('case              p50 ms   p95 ms   mean ms   max ms');
for (const [name, list] of Object.entries(times)) {
  list.sort((a, b) => a - b);
  const q = (p) => list[Math.min(list.length - 1, Math.floor(p * list.length))];
  const mean = list.reduce((a, b) => a + b, 0) / list.length;
  console.log(`${name.padEnd(16)} ${q(0.5).toFixed(2).padStart(7)}  ${q(0.95).toFixed(2).padStart(7)}  ` +
    `${mean.toFixed(2).padStart(8)}  ${list[list.length - 1].toFixed(2).padStart(7)}`);
}
