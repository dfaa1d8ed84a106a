#!/usr/bin/env node
// How small could the result get without changing its contract? Reads a
// result (the CLI's `ivp calc` output) on stdin and applies, one after the
// other, every further encoding the result could still use without touching
// the contract's fields (DESIGN.md "Contract"; docs/result.md), printing the
// compact size after each. Nothing here is used by the core or the page: it
// measures what a change would bring before anyone builds it (docs/perf.md,
// "What the result's 60 kB would take").
//
//   ./dev ivp calc --today 2026-12-03 --default | node tests/bench/result-encodings.mjs
//
// Each step is a real encoding (a merge could put back exactly what it takes
// out); they are applied to a copy and never written anywhere.
import { readFileSync } from 'node:fs';

const result = JSON.parse(readFileSync(0, 'utf8'));
const size = (value) => JSON.stringify(value).length;
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const dropIf = (object, key, value) => {
  if (object && Object.hasOwn(object, key) && same(object[key], value)) delete object[key];
};

// Entries of `list` whose `part` is the same as an earlier entry's: the part
// written as that entry's id instead (as `delivery.timeline` already does).
function shareAmong(list, get, set) {
  const first = new Map();
  for (const entry of list) {
    const key = JSON.stringify(get(entry));
    if (key === undefined) continue;
    if (first.has(key)) set(entry, first.get(key));
    else first.set(key, entry.id);
  }
}

const steps = [
  ['eligibility.policies shared with an earlier provision that has the same assessments', (r) =>
    shareAmong(r.provisions, (p) => p.eligibility && p.eligibility.policies, (p, id) => { p.eligibility.policies = id; })],
  ['per provision, defaults left out (in_plan true, plan_kept false, amount_source "table", differs false, prior_purchase {answer: null})', (r) => {
    for (const p of r.provisions) {
      dropIf(p, 'in_plan', true);
      dropIf(p, 'plan_kept', false);
      dropIf(p, 'amount_source', 'table');
      if (p.eligibility) dropIf(p.eligibility, 'differs', false);
      if (p.financing) dropIf(p.financing, 'prior_purchase', { answer: null });
      const pgb = p.financing && p.financing.als_protocol && p.financing.als_protocol.pgb;
      if (pgb) dropIf(pgb, 'amount_source', 'table');
    }
  }],
  ['calloff left out where it is the melding', (r) => {
    for (const p of r.provisions) if (same(p.calloff, { date: r.melding, kind: 'melding' })) delete p.calloff;
  }],
  ['in timelines, defaults left out (applies true, status "open", atw_verschoven false)', (r) => {
    for (const tracks of Object.values(r.timelines || {})) {
      for (const track of Object.values(tracks)) {
        dropIf(track, 'applies', true);
        for (const m of track.milestones || []) { dropIf(m, 'status', 'open'); dropIf(m, 'atw_verschoven', false); }
      }
    }
  }],
  ['eligibility.policy left out where it is the scenario\'s policy', (r) => {
    const policy = r.provisions.map((p) => p.eligibility && p.eligibility.policy).find(Boolean);
    for (const p of r.provisions) if (p.eligibility) dropIf(p.eligibility, 'policy', policy);
  }],
  ['financing shared with an earlier provision that has the same', (r) =>
    shareAmong(r.provisions, (p) => p.financing, (p, id) => { p.financing = id; })],
  ['milestones as arrays [id, date, from, term amount?, {rest}?]', (r) => {
    for (const tracks of Object.values(r.timelines || {})) {
      for (const track of Object.values(tracks)) {
        if (!Array.isArray(track.milestones)) continue;
        track.milestones = track.milestones.map(({ id, date, from, term, ...rest }) => {
          const row = [id, date, from];
          if (term) row.push(term.amount);
          return Object.keys(rest).length ? [...row, rest] : row;
        });
      }
    }
  }],
];

const work = structuredClone(result);
console.log(`${size(work)} bytes: the result as written`);
for (const [what, apply] of steps) {
  apply(work);
  console.log(`${size(work)} bytes: + ${what}`);
}

// What the contract's own reason sentences repeat: every copy of a sentence
// after its first, in `provisions[].eligibility.reasons`.
const seen = new Map();
let sentences = 0;
let repeated = 0;
for (const p of result.provisions) {
  for (const s of (p.eligibility && p.eligibility.reasons) || []) {
    const n = size(s) + 1;
    sentences += n;
    if (seen.has(s)) repeated += n; else seen.set(s, true);
  }
}
console.log(`contract: provisions[].eligibility.reasons ${sentences} bytes, of which ${repeated} are repeats of a sentence given before (${seen.size} distinct sentences)`);

// And with the contract changed: each sentence given once, in a table
// (`reason_texts`), and `eligibility.reasons` holding their places; then the
// assessments shared as above.
const changed = structuredClone(result);
const texts = [];
const place = new Map();
for (const p of changed.provisions) {
  if (!p.eligibility) continue;
  p.eligibility.reasons = (p.eligibility.reasons || []).map((s) => {
    if (!place.has(s)) { place.set(s, texts.length); texts.push(s); }
    return place.get(s);
  });
}
changed.reason_texts = texts;
console.log(`${size(changed)} bytes: the result as written, but its reasons by their place in one table of sentences (a contract change)`);
steps[0][1](changed);
console.log(`${size(changed)} bytes: + ${steps[0][0]}`);
