// Conformance of our C++ JsonLogic evaluator (src/ivp/eligibility/jsonlogic.cpp, through
// `ivp jsonlogic`) with the npm reference implementation json-logic-js 2.0.5:
// the shared JsonLogic test suite (when ../shared/reference is present),
// 12,000 generated rule/data pairs from a fixed seed, and a coercion matrix
// (every pair of awkward values through every binary operator), compared
// result by result.
//
//   IVP_BIN=build/native/ivp node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './prng.mjs';

const require = createRequire(import.meta.url);
let jsonLogic;
try {
  jsonLogic = require('json-logic-js');
} catch {
  throw new Error('json-logic-js ontbreekt (de referentie om mee te vergelijken): voer eerst `npm ci` uit');
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ivp = process.env.IVP_BIN ?? join(root, 'build', 'native', 'ivp');
const sharedTests = join(root, '..', 'shared', 'reference', 'jsonlogic-tests.json');

// The form both sides compare: NaN, ±Infinity and undefined are spelled out
// (JSON.stringify would silently turn them into null), object keys sorted.
function canonical(v, top = true) {
  if (v === undefined) return top ? { $js: 'undefined' } : null;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { $js: 'NaN' };
    if (v === Infinity) return { $js: 'Infinity' };
    if (v === -Infinity) return { $js: '-Infinity' };
    return v === 0 ? 0 : v;  // -0 prints as 0 in JSON
  }
  if (Array.isArray(v)) return v.map((x) => canonical(x, false));
  if (v !== null && typeof v === 'object') {
    const out = {};
    for (const k of Object.keys(v).sort()) out[k] = canonical(v[k], false);
    return out;
  }
  return v;
}

function reference(rule, data) {
  // Both sides get the case as JSON text: the same object reused in a
  // generated case would otherwise be "==" to itself only in JavaScript.
  rule = JSON.parse(JSON.stringify(rule));
  data = data === undefined ? undefined : JSON.parse(JSON.stringify(data));
  const log = console.log;
  console.log = () => {};  // the `log` operator prints; our core does no I/O
  try {
    return { result: canonical(jsonLogic.apply(rule, data)) };
  } catch (e) {
    return { error: true };
  } finally {
    console.log = log;
  }
}

// `compiled`: through `ivp jsonlogic --compiled` (src/ivp/eligibility/compiled_rules.h)
// where a case fits its subset; `stats.compiled` counts those.
function native(cases, { compiled = false, stats = {} } = {}) {
  assert.ok(existsSync(ivp), `${ivp} ontbreekt: bouw eerst (cmake --build --preset native)`);
  const input = cases.map(([rule, data]) => JSON.stringify({ rule, data })).join('\n') + '\n';
  const run = spawnSync(ivp, compiled ? ['jsonlogic', '--compiled'] : ['jsonlogic'], { input, maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, run.stderr.toString());
  const lines = run.stdout.toString().trimEnd().split('\n');
  assert.equal(lines.length, cases.length);
  stats.compiled = 0;
  return lines.map((l) => {
    const r = JSON.parse(l);
    if (r.compiled) stats.compiled += 1;
    return 'error' in r ? { error: true } : { result: canonical(r.result) };
  });
}

function compare(cases, label, options) {
  const ours = native(cases, options);
  const failures = [];
  cases.forEach(([rule, data], i) => {
    const expected = reference(rule, data);
    try {
      assert.deepStrictEqual(ours[i], expected);
    } catch {
      failures.push({ rule, data, ours: ours[i], reference: expected });
    }
  });
  assert.deepEqual(failures.slice(0, 5), [], `${label}: ${failures.length} of ${cases.length} differ`);
}

test('shared JsonLogic test suite: same results as json-logic-js and as expected', (t) => {
  if (!existsSync(sharedTests)) {
    t.skip(`overgeslagen: ${sharedTests} ontbreekt (alleen aanwezig naast de checkout)`);
    return;
  }
  const cases = JSON.parse(readFileSync(sharedTests, 'utf8')).filter((c) => Array.isArray(c));
  assert.equal(cases.length, 278);
  compare(cases.map(([rule, data]) => [rule, data]), 'shared suite');
  const ours = native(cases.map(([rule, data]) => [rule, data]));
  cases.forEach(([rule, data, expected], i) =>
    assert.deepStrictEqual(ours[i], { result: canonical(expected) }, JSON.stringify({ rule, data })));
});

// ---- generated cases ---------------------------------------------------------


const STRINGS = ['', '0', '1', '-5', '3.5', ' 12 ', '1e3', '0x1f', '0b11', 'abc', 'a,b', 'true', 'null',
  'Infinity', '-Infinity', 'NaN', 'é', '日本', '😀x', '.5', '5.', '1e', '+7', '\t8\n', 'apple', 'b'];
const NUMBERS = [0, 1, 2, 3, -1, -7, 0.5, 2.5, -0.25, 10, 100, 1e21, 1e20, 1.5e20, 1e-7, 1e-6, 2.5e-7, 123.456,
  1 / 3, 0.1, 7, 12, 1e300, 2 ** 53, 5e-324];
// Keys that JavaScript objects do not inherit (no "constructor", "toString").
const KEYS = ['a', 'b', 'c', 'n', 's', 'list', 'obj', '0', '1', 'x'];
const PATHS = ['a', 'b', 'c', 'n', 's', 'list', 'obj', 'obj.a', 'obj.b', 'list.0', 'list.1', 'list.length',
  's.length', 's.0', 'a.b', 'missing', 'obj.list.1', 'x', '0', '', 1, 0];

const OPS = ['==', '===', '!=', '!==', '>', '>=', '<', '<=', '!', '!!', '%', 'log', 'in', 'cat', 'substr', '+',
  '*', '-', '/', 'min', 'max', 'merge', 'var', 'missing', 'missing_some', 'if', '?:', 'and', 'or',
  'map', 'filter', 'reduce', 'all', 'none', 'some'];

function generator(seed) {
  const r = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const int = (n) => Math.floor(r() * n);

  function primitive() {
    switch (int(5)) {
      case 0: return pick(NUMBERS) * (r() < 0.2 ? -1 : 1);
      case 1: return pick(STRINGS);
      case 2: return r() < 0.5;
      case 3: return null;
      default: return int(20) - 5;
    }
  }
  function value(depth) {
    const k = int(depth > 1 ? 4 : 8);
    if (k < 5 || depth > 2) return primitive();
    if (k < 7) return Array.from({ length: int(4) }, () => value(depth + 1));
    const o = {};
    for (let i = int(3); i >= 0; --i) o[pick(KEYS)] = value(depth + 1);
    return o;
  }
  function data() {
    const d = {};
    for (const k of KEYS) if (r() < 0.7) d[k] = value(1);
    if (r() < 0.5) d.list = Array.from({ length: int(5) }, () => (r() < 0.7 ? int(10) - 3 : primitive()));
    if (r() < 0.3) d.obj = { a: value(2), b: primitive(), list: [int(5), pick(STRINGS)] };
    return d;
  }
  function operand(depth, scope) {
    const k = int(10);
    if (depth > 3 || k < 3) return primitive();
    if (k < 6) return { var: scope === 'reduce' ? pick(['current', 'accumulator', 'current.a']) : pick(PATHS) };
    if (k < 7 && depth < 2) return Array.from({ length: int(3) }, () => operand(depth + 1, scope));
    return rule(depth + 1, scope);
  }
  function rule(depth = 0, scope = 'top') {
    const op = pick(OPS);
    const n = () => int(4);
    const args = (count) => Array.from({ length: count }, () => operand(depth, scope));
    switch (op) {
      case 'var': {
        const path = scope === 'reduce' ? pick(['current', 'accumulator']) : pick(PATHS);
        const shape = int(3);
        return { var: shape === 0 ? path : shape === 1 ? [path] : [path, operand(depth, scope)] };
      }
      case 'missing': return { missing: r() < 0.3 ? { merge: [pick(PATHS), [pick(PATHS)]] } : Array.from({ length: n() }, () => pick(PATHS)) };
      case 'missing_some': return { missing_some: [int(4), Array.from({ length: n() }, () => pick(PATHS))] };
      case 'map': case 'filter': case 'all': case 'none': case 'some': {
        const source = r() < 0.6 ? { var: pick(['list', 'obj.list', 'a', 's']) } : operand(depth, scope);
        return { [op]: [source, operand(depth + 1, 'item')] };
      }
      case 'reduce': {
        const source = r() < 0.7 ? { var: pick(['list', 'obj.list', 'a']) } : operand(depth, scope);
        const body = { [pick(['+', '*', 'cat', 'max', 'merge', 'if', 'and'])]: [{ var: 'current' }, { var: 'accumulator' }] };
        return { reduce: r() < 0.7 ? [source, body, primitive()] : [source, rule(depth + 1, 'reduce')] };
      }
      case '!': case '!!': case 'log': return { [op]: r() < 0.5 ? operand(depth, scope) : args(1) };
      case '-': return { [op]: args(1 + int(2)) };
      case 'substr': return { [op]: args(1 + int(3)) };
      default: return { [op]: r() < 0.05 ? operand(depth, scope) : args(n()) };
    }
  }
  return () => [rule(), data()];
}

test('12,000 generated rules: same results as json-logic-js (seed 20141)', () => {
  const next = generator(20141);
  const cases = Array.from({ length: 12000 }, next);
  compare(cases, 'generated');
});

// Every pair of awkward values through every binary operator: the coercion
// matrix of JavaScript (ToNumber, ToPrimitive, ==, <, parseFloat, string
// forms of numbers and arrays), where hand-written semantics usually slip.
const MATRIX_VALUES = [0, 1, -1, 0.5, -2.5, 1e21, 1e-7, 2 ** 53 + 2, '', '0', '1', ' 1 ', '-0', '1e3', '0x10', '0b2',
  'Infinity', 'a', 'A', 'ab', '日本', true, false, null, [], [0], [1, 2], ['a'], [[]], [null], {}, { a: 1 }];
const MATRIX_OPS = ['==', '===', '!=', '!==', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', 'in', 'cat', 'min', 'max',
  'substr', 'merge', 'and', 'or', 'if'];

test(`coercion matrix: ${MATRIX_VALUES.length}² value pairs × ${MATRIX_OPS.length} operators as json-logic-js`, () => {
  const cases = [];
  for (const x of MATRIX_VALUES)
    for (const y of MATRIX_VALUES)
      for (const op of MATRIX_OPS) cases.push([{ [op]: [{ var: 'x' }, { var: 'y' }] }, { x, y }]);
  compare(cases, 'matrix');
});

// ---- the compiled form (src/ivp/eligibility/compiled_rules.h) ----------------------------
// The same cases through `ivp jsonlogic --compiled`: every case inside the
// compiled subset (plain var, literals, ! !! and or if ?: == != === !== < <=
// > >=, primitive data) is answered by the compiled rules, the rest by the
// tree walker; all must equal json-logic-js. The counts make sure the
// compiled path was really taken.

test('compiled rules: the generated and matrix cases as json-logic-js', () => {
  const next = generator(20141);
  const generated = Array.from({ length: 12000 }, next);
  const stats = {};
  compare(generated, 'generated (compiled)', { compiled: true, stats });
  assert.ok(stats.compiled > 300, `only ${stats.compiled} generated cases went through the compiled rules`);
  const matrix = [];
  for (const x of MATRIX_VALUES)
    for (const y of MATRIX_VALUES)
      for (const op of MATRIX_OPS) matrix.push([{ [op]: [{ var: 'x' }, { var: 'y' }] }, { x, y }]);
  compare(matrix, 'matrix (compiled)', { compiled: true, stats });
  assert.ok(stats.compiled > 5000, `only ${stats.compiled} matrix cases went through the compiled rules`);
});

// Rules of the shape the policies use, only inside the compiled subset, on
// primitive data with awkward values (strings that look like numbers, null,
// 0, "", absent keys): every one of them must take the compiled path.
function policyShaped(seed) {
  const r = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const VALUES = [true, false, null, 0, 1, -1, 0.5, 5500, 5501, 1e21, '', '0', '1', ' 1 ', 'a', 'b', '5500', 'x1',
    'alleenstaand', 'met_partner', '😀', 'é'];
  const NAMES = ['a', 'b', 'c', 'n', 's', 'absent'];
  const SHAPED = ['!', '!!', 'and', 'or', 'if', '?:', '==', '!=', '===', '!==', '<', '<=', '>', '>='];
  function operand(depth) {
    const k = r();
    if (depth > 3 || k < 0.3) return pick(VALUES);
    if (k < 0.65) return r() < 0.5 ? { var: pick(NAMES) } : { var: [pick(NAMES)] };
    return rule(depth + 1);
  }
  function rule(depth = 0) {
    const op = pick(SHAPED);
    const count = op === '!' || op === '!!' ? 1 + Math.floor(r() * 2)
      : op === '<' || op === '<=' ? 2 + Math.floor(r() * 2) : Math.floor(r() * 5);
    const args = Array.from({ length: count }, () => operand(depth));
    return { [op]: r() < 0.1 && args.length === 1 ? args[0] : args };
  }
  function data() {
    const d = {};
    for (const name of NAMES.slice(0, 5)) if (r() < 0.85) d[name] = pick(VALUES);
    return d;
  }
  return () => [rule(), data()];
}

test('compiled rules: 6,000 policy-shaped rules, all compiled, as json-logic-js (seed 6)', () => {
  const next = policyShaped(6);
  const cases = Array.from({ length: 6000 }, next);
  const stats = {};
  compare(cases, 'policy-shaped (compiled)', { compiled: true, stats });
  assert.equal(stats.compiled, cases.length);
});
