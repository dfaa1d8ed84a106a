// Compares the outputs of two builds of the CLI for many scenarios: `calc`
// (optionally with extra arguments for the new build, e.g. --met-regelboek
// when the tables moved to the rulebook), `samenvatting`, `ics` and both
// letters. Prints the count and the first differences; exit 1 when any differs.
// `--calc-arg ARG` goes to both builds' `calc` (e.g. --met-regelboek when both
// have a rulebook and the result's own shape changed, not what the merge gives).
//
//   node tools/compare-builds.mjs OLD_IVP NEW_IVP [--new-calc-arg ARG]… [--calc-arg ARG]… [--count N]
//
// Scenarios: the default, the golden (Hattem) scenarios, the fuzz corpus's
// calculate scenarios, the example pack carried, and N (default 120) generated
// with a seeded generator: random melding, peildatum, selection, policy,
// profile, kit dates, call-offs (actual), needed dates, keep_in_budget.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../tests/node/prng.mjs';
import { generateProfiles } from '../tests/node/profiles.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const [oldIvp, newIvp] = args;
const newCalcArgs = [];
const oldCalcArgs = [];
let count = 120;
for (let i = 2; i < args.length; i += 1) {
  if (args[i] === '--new-calc-arg') newCalcArgs.push(args[++i]);
  else if (args[i] === '--calc-arg') { oldCalcArgs.push(args[++i]); newCalcArgs.push(args[i]); }
  else if (args[i] === '--count') count = Number(args[++i]);
}
if (!oldIvp || !newIvp) { console.error('usage: compare-builds.mjs OLD_IVP NEW_IVP [--new-calc-arg ARG]… [--calc-arg ARG]… [--count N]'); process.exit(2); }

const today = '2026-12-01';
const json = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const catalogue = json('data/als-ivp-catalogue.json').provisions.map((p) => p.id);
const facts = json('data/facts.json').facts;
const r = mulberry32(20261202);
const pick = (list) => list[Math.floor(r() * list.length)];
const day = (from, span) => new Date(Date.parse(from) + Math.floor(r() * span) * 86400000).toISOString().slice(0, 10);
const profiles = generateProfiles(facts, count, 7, 0.5);

function generated(i) {
  const melding = day('2026-01-01', 700);
  const s = { schema: 1, melding };
  if (r() < 0.6) s.provisions = catalogue.filter(() => r() < 0.4);
  const chosen = s.provisions || catalogue;
  if (r() < 0.7) s.profile = profiles[i];
  if (r() < 0.4) s.policy = pick(['wmo-2015', 'hattem-2014']);
  if (r() < 0.5) s.peildatum = day(melding, 200);
  if (r() < 0.4) {
    s.dates = {};
    if (r() < 0.8) s.dates.aanvraag = day(melding, 40);
    if (r() < 0.5) s.dates.gesprek = day(melding, 30);
    if (r() < 0.4) s.dates.ingebrekestelling = day(melding, 120);
    if (r() < 0.3) s.dates.beschikking = day(melding, 90);
  }
  if (chosen.length && r() < 0.4) {
    s.actual = {};
    for (const id of chosen) if (r() < 0.2) s.actual[id] = { melding: day(melding, 60) };
  }
  if (chosen.length && r() < 0.4) {
    s.needed = {};
    for (const id of chosen) if (r() < 0.2) s.needed[id] = r() < 0.5 ? { months: Math.floor(r() * 12) } : day(melding, 300);
  }
  if (chosen.length && r() < 0.2) s.keep_in_budget = chosen.filter(() => r() < 0.2);
  if (chosen.length && r() < 0.3) {
    s.overrides = {};
    for (const id of chosen) if (r() < 0.2) s.overrides[id] = { amount: Math.floor(r() * 60000) };
  }
  return s;
}

const scenarios = [
  {},
  ...readdirSync(join(root, 'tests/golden/eligibility')).filter((f) => f.endsWith('.json')).sort()
    .map((f) => json(`tests/golden/eligibility/${f}`).scenario),
  ...readdirSync(join(root, 'tests/fuzz/corpus/calculate')).sort().map((f) => readFileSync(join(root, 'tests/fuzz/corpus/calculate', f), 'utf8')),
  { policy_pack: json('tests/packs/voorbeeldrecht-2026.json'), provisions: ['traplift', 'scootmobiel', 'spalken'] },
  ...Array.from({ length: count }, (_, i) => generated(i)),
];

const run = (bin, argv, input) => {
  const out = spawnSync(bin, argv, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return `${out.status}\n${out.stdout}\n${out.stderr}`;
};

let outputs = 0;
const differ = [];
for (const scenario of scenarios) {
  const text = typeof scenario === 'string' ? scenario : JSON.stringify(scenario);
  const cases = [
    ['calc', ['calc', ...oldCalcArgs, '--today', today], ['calc', ...newCalcArgs, '--today', today]],
    ['samenvatting', ['samenvatting', '--today', today]],
    ['ics', ['ics', '--today', today]],
    ['brief ingebrekestelling', ['brief', 'ingebrekestelling', '--today', today, '-']],
    ['brief bezwaar', ['brief', 'bezwaar', '--today', today, '-']],
  ];
  for (const [name, oldArgs, newArgs = oldArgs] of cases) {
    outputs += 1;
    const a = run(oldIvp, oldArgs, text);
    const b = run(newIvp, newArgs, text);
    if (a !== b) differ.push(`${name}: ${text.slice(0, 160)}`);
  }
}
console.log(`${scenarios.length} scenarios, ${outputs} outputs, ${differ.length} differ`);
for (const d of differ.slice(0, 10)) console.log(`  ${d}`);
process.exit(differ.length ? 1 : 0);
