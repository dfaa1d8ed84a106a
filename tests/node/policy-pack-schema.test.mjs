// The JSON Schema of a policy pack (schema/policy-pack.schema.json, for
// authors' editors) and the core's validator (`ivp validate FILE`, WASM
// validatePolicyPack) agree: both accept every pack we ship and the example
// of docs/policy-pack.md, and both refuse every broken pack of
// tests/packs/broken.json that the schema can see ("schema": "reject"); the
// core also refuses the rest (facts, ids, real dates, rules that can never be
// true or false), each at the place the table names. Hostile packs are
// refused cleanly by the CLI (exit 2, one Dutch line) and by WASM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { loadWasm } from './wasm-loader.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ivp = process.env.IVP_BIN || join(root, 'build/native/ivp');
const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));

const ajv = new Ajv({ allErrors: true, strict: false });
const packSchema = readJson('schema/policy-pack.schema.json');
ajv.addSchema(packSchema);
const validPack = ajv.getSchema(packSchema.$id);
const validScenario = ajv.compile(readJson('schema/scenario.schema.json'));

const example = readJson('tests/packs/voorbeeldrecht-2026.json');
const table = readJson('tests/packs/broken.json');
const shipped = readdirSync(join(root, 'data/policies')).filter((f) => f.endsWith('.json')).map((f) => `data/policies/${f}`);

// JSON Patch (RFC 6902): the add, replace and remove the table uses.
function patched(doc, patch) {
  const out = structuredClone(doc);
  for (const op of patch) {
    const parts = op.path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = parts.pop();
    const parent = parts.reduce((o, k) => o[Array.isArray(o) ? Number(k) : k], out);
    if (op.op === 'remove') { if (Array.isArray(parent)) parent.splice(Number(last), 1); else delete parent[last]; }
    else if (op.op === 'add' && Array.isArray(parent)) parent.splice(Number(last), 0, op.value);
    else parent[Array.isArray(parent) ? Number(last) : last] = op.value;
  }
  return out;
}

function cliValidate(text) {
  const dir = mkdtempSync(join(tmpdir(), 'ivp-pack-'));
  const file = join(dir, 'pack.json');
  writeFileSync(file, text);
  return { file, ...spawnSync(ivp, ['validate', file], { encoding: 'utf8' }) };
}

test('every shipped pack and the guide example: the schema and the core both accept', async () => {
  const core = await loadWasm();
  for (const path of [...shipped, 'tests/packs/voorbeeldrecht-2026.json']) {
    const pack = readJson(path);
    assert.ok(validPack(pack), `${path}: ${ajv.errorsText(validPack.errors)}`);
    assert.equal(pack.$schema, '../../schema/policy-pack.schema.json', `${path} names the schema`);
    if (pack.kind !== 'gemeente') continue;  // a loaded pack is a municipality's
    const r = JSON.parse(core.validatePolicyPack(JSON.stringify(pack)));
    assert.equal(r.ok, true, `${path}: ${JSON.stringify(r.error)}`);
  }
  const cli = cliValidate(readFileSync(join(root, 'tests/packs/voorbeeldrecht-2026.json')));
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stdout, /^ok {2}.*voorbeeldrecht-2026: 3 criteria, 15 voorzieningen/);
});

test('every broken pack: the core refuses it at its place, the schema wherever it can see it', async () => {
  const core = await loadWasm();
  assert.ok(table.cases.length >= 20);
  let schemaRejects = 0;
  for (const c of table.cases) {
    const pack = patched(example, c.patch);
    const text = JSON.stringify(pack);
    const wasm = JSON.parse(core.validatePolicyPack(text));
    assert.ok(wasm.error, `${c.name}: WASM accepted it`);
    assert.equal(wasm.error.where, c.where, `${c.name}: ${wasm.error.message}`);
    const cli = cliValidate(text);
    assert.equal(cli.status, 2, `${c.name}: ${cli.stdout}`);
    assert.equal(cli.stdout, '');
    assert.ok(cli.stderr.startsWith(`ivp: Fout in ${cli.file}${c.where ? ` op ${c.where}` : ''}: ${wasm.error.message}`), `${c.name}: ${cli.stderr}`);
    const schemaOk = validPack(pack);
    assert.equal(schemaOk ? 'accept' : 'reject', c.schema, `${c.name}: schema ${schemaOk ? 'accepts' : ajv.errorsText(validPack.errors)}`);
    if (!schemaOk) schemaRejects += 1;
  }
  assert.ok(schemaRejects >= 12, `the schema sees ${schemaRejects} of the broken packs`);
});

test('the scenario schema accepts saved scenarios with a policy or a loaded pack, and refuses a typo', () => {
  assert.ok(validScenario({ schema: 1, melding: '2026-11-23', policy: 'hattem-2014', profile: { leeftijd: 58 } }), ajv.errorsText(validScenario.errors));
  assert.ok(validScenario({ policy_pack: example }), ajv.errorsText(validScenario.errors));
  assert.equal(validScenario({ polcy: 'hattem-2014' }), false);
  assert.equal(validScenario({ policy_pack: patched(example, [{ op: 'remove', path: '/id' }]) }), false);
});

test('a pack in a scenario changes the verdicts, through the CLI and WASM alike', async () => {
  const core = await loadWasm();
  const profile = { hoofdverblijf_gemeente: true, woning_heeft_trap: true, traplopen_probleem: true, trapleuning_volstaat: false, kosten_aanpassen_woning: 8000 };
  const verdict = (s) => {
    const r = JSON.parse(core.calculate(JSON.stringify({ provisions: ['traplift'], profile, ...s }), '2026-11-23'));
    assert.ok(!r.error, JSON.stringify(r.error));
    return r.provisions[0].eligibility;
  };
  assert.equal(verdict({}).policy, 'wmo-2015');
  assert.equal(verdict({}).verdict, 'onbekend');
  assert.equal(verdict({ policy: 'hattem-2014' }).policy, 'hattem-2014');
  const loaded = verdict({ policy_pack: example });
  assert.deepEqual([loaded.policy, loaded.verdict], ['voorbeeldrecht-2026', 'ja']);
  const cli = spawnSync(ivp, ['calc', '--today', '2026-11-23'], { input: JSON.stringify({ provisions: ['traplift'], profile, policy_pack: example }), encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(JSON.parse(cli.stdout).provisions[0].eligibility.verdict, 'ja');
});

test('hostile packs are refused cleanly by the CLI and WASM', async () => {
  const core = await loadWasm();
  // 5000 levels of "!" (as text: JSON.stringify itself would overflow the stack).
  const deep = `${'{"!":'.repeat(5000)}{"var":"hoofdverblijf_gemeente"}${'}'.repeat(5000)}`;
  const wide = patched(example, []);
  wide.criteria[0].condition = { or: Array.from({ length: 2000 }, (_, i) => ({ var: `feit_${i}` })) };
  const cases = {
    huge: JSON.stringify({ ...example, note: 'x'.repeat(1_100_000) }),
    deep: JSON.stringify(patched(example, [{ op: 'replace', path: '/criteria/0/condition', value: '@DEEP@' }])).replace('"@DEEP@"', deep),
    'wrong types': JSON.stringify({ ...example, criteria: { 0: 'alles' }, provisions: 7 }),
    'unknown facts': JSON.stringify(wide),
    'not JSON': '{"id": "x",',
    'an array': '[]',
  };
  for (const [name, text] of Object.entries(cases)) {
    const wasm = JSON.parse(core.validatePolicyPack(text));
    assert.ok(wasm.error && typeof wasm.error.message === 'string' && wasm.error.message.length < 600, `${name}: ${JSON.stringify(wasm).slice(0, 200)}`);
    const cli = cliValidate(text);
    assert.equal(cli.status, 2, `${name}: ${cli.stderr}`);
    assert.equal(cli.stdout, '');
    assert.equal(cli.stderr.trim().split('\n').length, 1, `${name}: ${cli.stderr}`);
  }
});
