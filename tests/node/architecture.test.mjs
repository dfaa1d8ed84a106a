// The layout of src/ivp/ is the architecture (docs/architecture.md): one
// folder per computation or shared layer, in a fixed order from the bottom
// up. A file may include files of its own folder and of folders below it,
// never above; there is no include circle between files; src/ never includes
// Emscripten (wasm/ holds the bindings). These tests read the includes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const core = join(root, 'src/ivp');

// Bottom first; the same order as the picture in docs/architecture.md.
const LAYERS = ['base', 'model', 'eligibility', 'costs', 'budget', 'dates', 'kit', 'rulebook', 'result', 'api'];

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(h|cpp)$/.test(name) ? [path] : [];
  });
}

function includesOf(path) {
  return [...readFileSync(path, 'utf8').matchAll(/^\s*#\s*include\s*[<"]([^>"]+)[>"]/gm)].map((m) => m[1]);
}

const files = sourceFiles(core).map((path) => ({ path, name: relative(join(root, 'src'), path) }));

test('every file of src/ivp/ sits in a known layer folder', () => {
  assert.ok(files.length > 40, `expected the core's files, found ${files.length}`);
  for (const f of files) {
    const folder = f.name.split('/')[1];
    assert.ok(LAYERS.includes(folder), `${f.name}: not in one of the layer folders ${LAYERS.join(', ')}`);
  }
});

test('no file includes a file from a folder above its own', () => {
  let checked = 0;
  for (const f of files) {
    const own = LAYERS.indexOf(f.name.split('/')[1]);
    for (const inc of includesOf(f.path).filter((i) => i.startsWith('ivp/'))) {
      const folder = inc.split('/')[1];
      assert.ok(LAYERS.includes(folder), `${f.name} includes ${inc}: not a layer folder`);
      assert.ok(LAYERS.indexOf(folder) <= own, `${f.name} includes ${inc}: ${folder}/ is above ${f.name.split('/')[1]}/`);
      checked += 1;
    }
  }
  assert.ok(checked > 100, `expected the core's includes, found ${checked}`);
});

test('there is no include circle between the files of src/ivp/', () => {
  const edges = new Map(files.map((f) => [f.name, includesOf(f.path).filter((i) => i.startsWith('ivp/'))]));
  const state = new Map(); // name → 'open' while on the path, 'done' after
  const visit = (name, path) => {
    if (state.get(name) === 'done') return;
    assert.notEqual(state.get(name), 'open', `include circle: ${[...path, name].join(' → ')}`);
    state.set(name, 'open');
    for (const next of edges.get(name) ?? []) visit(next, [...path, name]);
    state.set(name, 'done');
  };
  for (const f of files) visit(f.name, []);
  assert.equal(state.size >= files.length, true);
});

test('src/ never includes Emscripten', () => {
  for (const f of sourceFiles(join(root, 'src'))) {
    for (const inc of includesOf(f)) assert.doesNotMatch(inc, /emscripten/, `${relative(root, f)} includes ${inc}`);
  }
});
