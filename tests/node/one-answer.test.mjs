// One answer everywhere: the native CLI and the WASM module give
// byte-identical answers on 1,000 generated scenarios (seeded, so a failure
// is reproducible: IVP_SEED=<n> to try another). Random selections,
// overrides with edge values and number spellings (0, the limit, 7000.0, 7e3),
// melding dates across the calendar, around feestdagen and at year ends, facts
// of data/facts.json (whatever facts exist when this runs), and about one in
// eight invalid on purpose — where the error must be identical too.
// The CLI runs once for all scenarios of a `today` (`ivp calc-lines`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWasm } from './wasm-loader.mjs';
import { mulberry32 } from './prng.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ivp = process.env.IVP_BIN || join(root, 'build/native/ivp');
const COUNT = Number(process.env.IVP_SCENARIOS || 1000);
const SEED = Number(process.env.IVP_SEED || 20261123);


const iso = (d) => d.toISOString().slice(0, 10);
const addDays = (isoDate, n) => iso(new Date(Date.parse(`${isoDate}T00:00:00Z`) + n * 86400000));

function generator(rand, catalogue, facts, feestdagen) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const ids = catalogue.provisions.map((p) => p.id);
  const RAW = (text) => `@@${text}@@`;  // a number spelled exactly so in the JSON text

  function melding() {
    const r = rand();
    if (r < 0.4) return addDays('2015-01-01', int(0, 31000));               // anywhere, some past the end
    if (r < 0.8) return addDays(pick(feestdagen), int(-3, 3));               // around a feestdag
    if (r < 0.95) return `${int(2015, 2098)}-12-${String(int(20, 31)).padStart(2, '0')}`;  // year end
    return addDays('2099-06-01', int(0, 213));                               // near the calendar's end
  }
  function amount() {
    return pick([RAW('0'), RAW('1'), RAW('10000000'), RAW('7000.0'), RAW('7e3'), RAW('-0'),
      RAW(String(int(0, 10000000))), RAW(String(int(0, 50000))), RAW(String(int(100, 20000)))]);
  }
  function factValue(f) {
    switch (f.type) {
      case 'boolean': return pick([true, false, null]);
      case 'integer': return pick([f.min, f.max, int(f.min, f.max), null]);
      case 'choice': return pick([...f.choices.map((c) => c.value), null]);
      case 'date': return pick([melding(), null]);
      default: return null;
    }
  }
  function valid() {
    const s = {};
    if (rand() < 0.7) s.schema = 1;
    if (rand() < 0.9) s.melding = melding();
    if (rand() < 0.8) s.provisions = ids.filter(() => rand() < rand());
    if (rand() < 0.6) {
      s.overrides = {};
      for (const id of ids) if (rand() < 0.15) s.overrides[id] = { amount: amount() };
    }
    if (facts.length && rand() < 0.7) {
      s.profile = {};
      for (const f of facts) if (rand() < 0.5) s.profile[f.id] = factValue(f);
    }
    return s;
  }
  // One mistake each, as a person or a broken page could make it.
  const mistakes = [
    (s) => { s.melding = pick(['2027-02-29', '2026-13-01', '0000-01-01', '2014-12-31', '2100-01-01', '5-1-2026', '']); },
    (s) => { s.provisions = [...(s.provisions || []), pick(['lift', 'Traplift', '', 'traplift '])]; },
    (s) => { s.provisions = ['traplift', 'traplift']; },
    (s) => { s.overrides = { [pick(ids)]: { amount: pick([RAW('-1'), RAW('10000001'), RAW('12.5'), '5000', null, RAW('1e400')]) } }; },
    (s) => { s.overrides = { [pick(ids)]: { bedrag: 1 } }; },
    (s) => { s.schema = pick([2, 0, '1', 1.5]); },
    (s) => { s[pick(['meldng', 'provision', 'Schema'])] = 1; },
    (s) => { s.profile = pick([[], { onbekend_feit: true }, 'ja']); },
    (s) => { s.provisions = pick(['traplift', {}, [3]]); },
  ];
  return function next() {
    const s = valid();
    const broken = rand() < 0.125;
    if (broken) pick(mistakes)(s);
    let text = JSON.stringify(s).replace(/"@@(.*?)@@"/g, '$1');
    if (broken && rand() < 0.15) text = text.slice(0, int(0, text.length - 1));  // truncated
    return text;
  };
}

test(`native CLI and WASM give byte-identical answers on ${COUNT} generated scenarios`, async (t) => {
  const core = await loadWasm();
  const catalogue = core.catalogue ? JSON.parse(core.catalogue()) : null;
  const facts = JSON.parse(readFileSync(join(root, 'data/facts.json'), 'utf8')).facts || [];
  const rand = mulberry32(SEED);
  const years = [2015, 2026, 2027, 2098, 2099, ...Array.from({ length: 8 }, () => 2015 + Math.floor(rand() * 85))];
  const feestdagen = years.flatMap((y) =>
    execFileSync(ivp, ['feestdagen', String(y)], { encoding: 'utf8' }).trim().split('\n').map((l) => l.slice(0, 10)));
  const next = generator(rand, catalogue, facts, feestdagen);
  const todays = ['2026-11-23', '2015-01-01', '2099-06-30'];
  const batches = new Map(todays.map((d) => [d, []]));
  for (let i = 0; i < COUNT; i += 1) batches.get(todays[i % todays.length]).push(next());

  let results = 0, errors = 0, cliMs = 0, wasmMs = 0;
  for (const [today, scenarios] of batches) {
    let t0 = performance.now();
    const out = execFileSync(ivp, ['calc-lines', '--today', today], {
      input: scenarios.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 30 });
    cliMs += performance.now() - t0;
    const lines = out.split('\n');
    assert.equal(lines.pop(), '', 'calc-lines ends with a newline');
    assert.equal(lines.length, scenarios.length, 'one answer per scenario');
    t0 = performance.now();
    const wasm = scenarios.map((s) => core.calculate(s, today));
    wasmMs += performance.now() - t0;
    scenarios.forEach((s, i) => {
      assert.equal(wasm[i], lines[i], `today ${today}, scenario ${s}`);
      if (lines[i].startsWith('{"error":')) errors += 1; else results += 1;
    });
  }
  // The generator must produce both kinds, or the comparison proves little.
  assert.ok(results >= COUNT * 0.5, `only ${results} results`);
  assert.ok(errors >= COUNT * 0.05, `only ${errors} errors`);
  t.diagnostic(`seed ${SEED}: ${results} results, ${errors} errors identical; ` +
    `CLI calc-lines ${cliMs.toFixed(0)} ms (3 processes), WASM ${wasmMs.toFixed(0)} ms in-process`);
});

test('calc-lines answers as `ivp calc` does (same result, same error), so the batch is the contract', async (t) => {
  const rand = mulberry32(SEED + 1);
  const core = await loadWasm();
  const next = generator(rand, JSON.parse(core.catalogue()), [], ['2026-04-06', '2026-12-25']);
  const scenarios = Array.from({ length: 40 }, next);
  const today = '2026-11-23';
  const lines = execFileSync(ivp, ['calc-lines', '--today', today], { input: scenarios.join('\n'), encoding: 'utf8', maxBuffer: 1 << 28 })
    .trimEnd().split('\n');
  const t0 = performance.now();
  scenarios.forEach((s, i) => {
    const one = spawnSync(ivp, ['calc', '--today', today], { input: s, encoding: 'utf8', maxBuffer: 1 << 28 });
    const line = JSON.parse(lines[i]);
    if (line.error) {
      assert.equal(one.status, 2, s);
      const describe = line.error.where === '' ? line.error.message : `Fout in ${line.error.where}: ${line.error.message}`;
      assert.equal(one.stderr, `ivp: ${describe}\n`, s);
    } else {
      assert.equal(one.status, 0, s);
      assert.equal(one.stdout, JSON.stringify(line, null, 2) + '\n', s);
    }
  });
  const perSpawn = (performance.now() - t0) / scenarios.length;
  t.diagnostic(`one \`ivp calc\` process per scenario: ${perSpawn.toFixed(1)} ms each, so 1,000 would take ${perSpawn.toFixed(1)} s`);
});

test('the catalogue is the same natively and in WASM (ivp catalogus = catalogue())', async () => {
  const core = await loadWasm();
  const native = execFileSync(ivp, ['catalogus'], { encoding: 'utf8' });
  assert.equal(JSON.stringify(JSON.parse(core.catalogue()), null, 2) + '\n', native);
});
