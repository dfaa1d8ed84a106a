// The hostile-input table (tests/hostile/scenarios.json, also run on the core
// by tests/unit/hostile_input_test.cpp) through both front doors:
//   CLI  (`ivp calc`): exit 2, nothing on stdout, one Dutch line on stderr
//        naming the place ("ivp: Fout in /melding: …"); exit 0 for ok cases.
//   WASM (`calculate`): {"error":{"message","where"}} with the very same
//        message and place; for ok cases the same result as the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWasm } from './wasm-loader.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ivp = process.env.IVP_BIN || join(root, 'build/native/ivp');
const table = JSON.parse(readFileSync(join(root, 'tests/hostile/scenarios.json'), 'utf8'));

// The bytes of a case: `text`, `raw` (\xNN = one byte) or `build` (+ pad_to).
export function inputOf(c) {
  if (c.text !== undefined) return Buffer.from(c.text, 'utf8');
  if (c.raw !== undefined) {
    const parts = [];
    const re = /\\x([0-9a-fA-F]{2})/g;
    let last = 0;
    for (let m; (m = re.exec(c.raw)); last = re.lastIndex) {
      parts.push(Buffer.from(c.raw.slice(last, m.index), 'utf8'), Buffer.from([parseInt(m[1], 16)]));
    }
    parts.push(Buffer.from(c.raw.slice(last), 'utf8'));
    return Buffer.concat(parts);
  }
  let text = c.build.map(([piece, times]) => piece.repeat(times)).join('');
  if (c.pad_to !== undefined) text = text.padEnd(c.pad_to, ' ');
  return Buffer.from(text, 'utf8');
}

function checkPlace(where, c, label) {
  if (c.where_prefix !== undefined) assert.ok(where.startsWith(c.where_prefix), `${label}: where ${where.slice(0, 80)}`);
  else assert.equal(where, c.where, `${label}: where`);
}

test('hostile scenarios: CLI exit 2 with a Dutch message naming the place, WASM the same error as data', async (t) => {
  const core = await loadWasm();
  let wasmSkipped = 0;
  for (const c of table.cases) {
    const input = inputOf(c);
    const cli = spawnSync(ivp, ['calc', '--today', table.today], { input, maxBuffer: 64 << 20 });
    const stdout = cli.stdout.toString('utf8');
    const stderr = cli.stderr.toString('utf8');
    // A JS string cannot carry invalid UTF-8: the page never sends such bytes
    // (it passes JSON.stringify output), so WASM gets only the cases it can.
    const asText = input.toString('utf8');
    const wasmCan = Buffer.from(asText, 'utf8').equals(input);
    if (!wasmCan) wasmSkipped += 1;
    const wasm = wasmCan ? core.calculate(asText, table.today) : null;
    if (c.expect === 'ok') {
      assert.equal(cli.status, 0, `${c.name}: CLI exit ${cli.status}: ${stderr}`);
      assert.equal(stderr, '', `${c.name}: stderr`);
      if (wasm !== null) assert.equal(JSON.stringify(JSON.parse(wasm), null, 2) + '\n', stdout, `${c.name}: WASM = CLI`);
      continue;
    }
    assert.equal(cli.status, 2, `${c.name}: CLI exit ${cli.status} (signal ${cli.signal}): ${stderr.slice(0, 300)}`);
    assert.equal(stdout, '', `${c.name}: nothing on stdout`);
    assert.match(stderr, /^ivp: .*\n$/s, `${c.name}: one message`);
    assert.ok(stderr.includes(c.message), `${c.name}: "${c.message}" not in ${stderr.slice(0, 300)}`);
    if (c.where !== '' || c.where_prefix) assert.ok(stderr.startsWith('ivp: Fout in /'), `${c.name}: place named`);
    if (wasm === null) continue;
    const parsed = JSON.parse(wasm);
    assert.deepEqual(Object.keys(parsed), ['error'], `${c.name}: WASM gives only an error, no partial result`);
    assert.deepEqual(Object.keys(parsed.error).sort(), ['message', 'where'], c.name);
    checkPlace(parsed.error.where, c, `${c.name} (WASM)`);
    const describe = parsed.error.where === '' ? parsed.error.message : `Fout in ${parsed.error.where}: ${parsed.error.message}`;
    assert.equal(stderr, `ivp: ${describe}\n`, `${c.name}: CLI and WASM say the same`);
  }
  t.diagnostic(`${table.cases.length} cases; WASM skipped for ${wasmSkipped} with invalid UTF-8 (a JS string cannot hold them)`);
});
