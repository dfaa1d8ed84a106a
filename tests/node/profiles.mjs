// Generated profiles for the eligibility comparisons (the benchmark
// tests/bench/eligibility-vs-jsonlogic.mjs and the test
// criteria-vs-jsonlogic.test.mjs): every fact of data/facts.json answered
// with probability `answered` — a yes/no at random, an integer small more
// often (r³ over its range: the rules' thresholds are small), a choice at
// random. A plain module, not a test file.
import { mulberry32 } from './prng.mjs';

// One random answer to `fact` from the generator `r` (one draw), or
// undefined for a type that is not generated (a date).
export function randomAnswer(fact, r) {
  if (fact.type === 'boolean') return r() < 0.5;
  if (fact.type === 'integer') return fact.min + Math.floor(r() ** 3 * (fact.max - fact.min + 1));
  if (fact.type === 'choice') return fact.choices[Math.floor(r() * fact.choices.length)].value;
  return undefined;
}

export function generateProfiles(facts, count, seed, answered = 1) {
  const r = mulberry32(seed);
  const out = [];
  for (let i = 0; i < count; i += 1) {
    const profile = {};
    for (const f of facts) {
      if (r() >= answered) continue;
      const answer = randomAnswer(f, r);
      if (answer === undefined) throw new Error(`generateProfiles: feit ${f.id} van type ${f.type} wordt niet gegenereerd`);
      profile[f.id] = answer;
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
