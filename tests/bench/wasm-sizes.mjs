#!/usr/bin/env node
// Where the bytes of the core are: the size of every section and of every
// function's code, by name, in a WebAssembly module that carries a name
// section (each section also gzipped alone). Run by hand (not a test); the
// sections of any module, the functions by name on a build linked with --profiling-funcs:
//   NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B /tmp/wasm-prof -DCMAKE_BUILD_TYPE=Release \
//     "-DIVP_WASM_OPT=-Oz -flto --profiling-funcs"
//   NODE_PATH=/usr/share/nodejs cmake --build /tmp/wasm-prof -j2 --target ivp_wasm
//   node tests/bench/wasm-sizes.mjs /tmp/wasm-prof/ivp_wasm.wasm [TOP]
// The name section only adds names: the code and data are those of the
// release build (same flags otherwise). Names are demangled with c++filt when
// it is installed (binutils). Results go to docs/perf.md ("Where the bytes are").
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('gebruik: node tests/bench/wasm-sizes.mjs MODULE.wasm [TOP]');
  process.exit(2);
}
const top = Number(topArg || 30);
const bytes = readFileSync(file);

// A cursor over the module's bytes: LEB128 integers and length-prefixed names.
function reader(start) {
  let at = start;
  const r = {
    get at() { return at; },
    seek(to) { at = to; },
    byte() { return bytes[at++]; },
    uint() {
      let value = 0; let shift = 0; let b;
      do { b = bytes[at++]; value += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
      return value;
    },
    name() { const length = r.uint(); const text = bytes.toString('utf8', at, at + length); at += length; return text; },
  };
  return r;
}

// Imported functions come first in the function index space.
function countFunctionImports(r, end) {
  let functions = 0;
  for (let n = r.uint(); n > 0; n -= 1) {
    r.name(); r.name();
    const kind = r.byte();
    if (kind === 0) { r.uint(); functions += 1; }
    else if (kind === 1) { r.byte(); if (r.byte() & 1) { r.uint(); r.uint(); } else r.uint(); }
    else if (kind === 2) { if (r.byte() & 1) { r.uint(); r.uint(); } else r.uint(); }
    else if (kind === 3) { r.byte(); r.byte(); }
    else if (kind === 4) { r.byte(); r.uint(); }
  }
  r.seek(end);
  return functions;
}

function readFunctionNames(r, end, names) {
  while (r.at < end) {
    const subsection = r.byte(); const length = r.uint(); const next = r.at + length;
    if (subsection === 1) for (let n = r.uint(); n > 0; n -= 1) { const index = r.uint(); names.set(index, r.name()); }
    r.seek(next);
  }
}

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start',
  'element', 'code', 'data', 'datacount', 'tag'];
const sections = [];
const codeSizes = [];
const names = new Map();
let imported = 0;
const r = reader(8);
while (r.at < bytes.length) {
  const id = r.byte(); const length = r.uint(); const end = r.at + length;
  if (id === 0) {
    const name = r.name();
    sections.push([`custom "${name}"`, length, end - length]);
    if (name === 'name') readFunctionNames(r, end, names);
  } else {
    sections.push([SECTION_NAMES[id] || `section ${id}`, length, end - length]);
    if (id === 2) imported = countFunctionImports(r, end);
    if (id === 10) for (let n = r.uint(); n > 0; n -= 1) { const size = r.uint(); codeSizes.push(size); r.seek(r.at + size); }
  }
  r.seek(end);
}

let functions = codeSizes.map((size, i) => ({ size, name: names.get(i + imported) || `function ${i + imported}` }));
try {
  const demangled = execFileSync('c++filt', { input: functions.map((f) => f.name).join('\n'), maxBuffer: 1 << 28 })
    .toString().split('\n');
  functions = functions.map((f, i) => ({ ...f, name: demangled[i] || f.name }));
} catch { /* c++filt missing: mangled names */ }

// Groups as perf.md names them; with LTO, templates inlined into a function
// count as that function's code.
function group(name) {
  if (name.startsWith('ivp::') || /^\w[\w:<>, ]* ivp::/.test(name)) return 'ivp:: (the core, with what LTO inlined into it)';
  if (name.includes('nlohmann')) return 'nlohmann/json (not inlined)';
  if (name.includes('std::')) return 'C++ library';
  if (/embind|emscripten/.test(name)) return 'embind';
  return 'C library and the rest';
}

// nlohmann::json's full template name is 300 characters: print it as `json`.
function shortName(name) {
  let text = name.replace(/std::__2::/g, 'std::');
  for (let at = text.indexOf('nlohmann::json_abi_'); at >= 0; at = text.indexOf('nlohmann::json_abi_', at + 1)) {
    const open = text.indexOf('basic_json<', at);
    if (open < 0) break;
    let depth = 0; let end = open + 'basic_json'.length;
    do { if (text[end] === '<') depth += 1; else if (text[end] === '>') depth -= 1; end += 1; } while (depth > 0 && end < text.length);
    text = `${text.slice(0, at)}json${text.slice(end)}`;
  }
  return text;
}

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(`${file}: ${bytes.length} bytes`);
// Each section also gzipped alone (-9): what it adds to a download, roughly
// (gzip of the whole module finds a little more across sections).
console.log(`  ${'section'.padEnd(30)} ${'bytes'.padStart(9)} ${'gzip -9 alone'.padStart(14)}`);
for (const [name, length, start] of sections) {
  const gzipped = gzipSync(bytes.subarray(start, start + length), { level: 9 }).length;
  console.log(`  section ${name.padEnd(22)} ${String(length).padStart(9)} ${String(gzipped).padStart(14)}`);
}
const byGroup = new Map();
for (const f of functions) byGroup.set(group(f.name), (byGroup.get(group(f.name)) || 0) + f.size);
console.log(`code by group (${functions.length} functions):`);
for (const [name, size] of [...byGroup].sort((a, b) => b[1] - a[1])) console.log(`  ${kb(size).padStart(9)}  ${name}`);
console.log(`the ${top} largest functions:`);
for (const f of [...functions].sort((a, b) => b.size - a.size).slice(0, top)) {
  const short = shortName(f.name);
  console.log(`  ${String(f.size).padStart(7)}  ${short.length > 150 ? `${short.slice(0, 147)}...` : short}`);
}
