// Generated profiles for the eligibility comparisons (the benchmark
// tests/bench/eligibility-vs-jsonlogic.mjs and the test
// criteria-vs-jsonlogic.test.mjs): every fact of data/facts.json answered
// with probability `answered` — a yes/no at random, an integer small more
// often (r³ over its range: the rules' thresholds are small), a choice at
// random. A plain module, not a test file.
import { mulberry32 } from './prng.mjs';

export function generateProfiles(facts, count, seed, answered = 1) {
  const r = mulberry32(seed);
  const out = [];
  for (let i = 0; i < count; i += 1) {
    const profile = {};
    for (const f of facts) {
      if (r() >= answered) continue;
      if (f.type === 'boolean') profile[f.id] = r() < 0.5;
      else if (f.type === 'integer') profile[f.id] = f.min + Math.floor(r() ** 3 * (f.max - f.min + 1));
      else if (f.type === 'choice') profile[f.id] = f.choices[Math.floor(r() * f.choices.length)].value;
      else throw new Error(`generateProfiles: feit ${f.id} van type ${f.type} wordt niet gegenereerd`);
    }
    out.push(profile);
  }
  return out;
}

// The coded profile of criteriaTruthsCoded (wasm/ivp_wasm.d.ts): one number
// per fact in catalogue order, NaN for unanswered.
export function encodeProfile(facts, profile, out = new Float64Array(facts.length)) {
  for (let i = 0; i < facts.length; i += 1) {
    const f = facts[i];
    const v = profile[f.id];
    if (v === undefined || v === null) out[i] = NaN;
    else if (f.type === 'choice') out[i] = f.choices.findIndex((c) => c.value === v);
    else out[i] = +v;
  }
  return out;
}
