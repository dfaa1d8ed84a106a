#!/usr/bin/env node
// Builds dist/: one self-contained HTML file (CSS, JS and the WASM core
// inlined) that works from file:// with no network, under a strict CSP whose
// script and style hashes are computed here. Reproducible: no timestamps.
//
//   node tools/build-site.mjs [WASM_BUILD_DIR] [OUT_DIR]
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const wasmDir = resolve(process.argv[2] || join(root, 'build/wasm'));
const outDir = resolve(process.argv[3] || join(root, 'dist'));
const read = (path) => readFileSync(path, 'utf8');
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// Text that sits inside <script> must not close it early.
const safeInScript = (text) => text.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');

const glue = read(join(wasmDir, 'ivp_wasm.js'));
const wasmBase64 = readFileSync(join(wasmDir, 'ivp_wasm.wasm')).toString('base64');
// One closure around everything: nothing leaks into a host page's globals.
const script = safeInScript(
  `(function () {\n${glue}\n${read(join(root, 'site/ivp.js'))}\n${read(join(root, 'site/app.js'))}\n}());`);
const css = read(join(root, 'site/style.css'));

export const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(css)}`,
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const fill = (template, values) => template.replace(/\{\{(\w+)\}\}/g, (all, key) => {
  if (!(key in values)) throw new Error(`site template: unknown placeholder ${all}`);
  return values[key];
});

const html = fill(read(join(root, 'site/index.html')), {
  CSP: csp, CSS: css, SCRIPT: script, WASM_BASE64: wasmBase64,
});

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'ivp-rekenhulp.html'), html);
writeFileSync(join(outDir, 'index.html'), html);
console.error(`dist: ivp-rekenhulp.html ${html.length} bytes (wasm ${wasmBase64.length * 3 / 4 | 0} bytes)`);
