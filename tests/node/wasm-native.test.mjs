// One answer everywhere: the WASM module (as the page loads it) and the
// native CLI give byte-identical results for the same scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadWasm } from './wasm-loader.mjs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ivp = process.env.IVP_BIN || join(root, 'build/native/ivp');

export { loadWasm };

const today = '2026-11-23';
const scenarios = [
  {},
  { melding: '2026-04-02', provisions: ['traplift', 'zorgunit', 'aanbouw-woning'] },
  { melding: '2027-12-24', overrides: { driewielfiets: { amount: 9000 }, eetrobot: { amount: 0 } } },
  { provisions: [] },
];

test('WASM and native CLI agree on results', async () => {
  const core = await loadWasm();
  for (const scenario of scenarios) {
    const text = JSON.stringify(scenario);
    const native = execFileSync(ivp, ['calc', '--today', today], { input: text, encoding: 'utf8', maxBuffer: 1 << 28 });
    const wasm = core.calculate(text, today);
    assert.deepEqual(JSON.parse(wasm), JSON.parse(native), text);
    assert.equal(JSON.stringify(JSON.parse(wasm), null, 2) + '\n', native, `byte-identical for ${text}`);
  }
});

test('WASM returns the same Dutch error as the CLI, as data', async () => {
  const core = await loadWasm();
  const text = '{"overrides":{"traplift":{"amount":-1}}}';
  const cli = spawnSync(ivp, ['calc', '--today', today], { input: text, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(cli.status, 2);
  assert.equal(cli.stdout, '');
  const wasm = JSON.parse(core.calculate(text, today));
  assert.equal(wasm.error.where, '/overrides/traplift/amount');
  assert.equal(cli.stderr.trim(), `ivp: Fout in ${wasm.error.where}: ${wasm.error.message}`);
});
