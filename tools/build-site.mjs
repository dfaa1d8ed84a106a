#!/usr/bin/env node
// Builds dist/:
//   ivp-rekenhulp.html (and index.html)  one self-contained page (CSS, JS and
//       the WASM core inlined) that works from file:// with no network, under
//       a strict CSP whose script and style hashes are computed here;
//   ivp-rekenhulp-embed.js  one script defining <ivp-rekenhulp> (shadow DOM,
//       core inlined) for other websites;
//   embed.html + embed-host.css  a demo host page with a strict CSP;
//   toegankelijkheid.html  the accessibility statement.
// Reproducible: no timestamps.
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
const site = (name) => read(join(root, 'site', name));
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// Text that sits inside <script> must not close it early.
const safeInScript = (text) => text.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');

const glue = read(join(wasmDir, 'ivp_wasm.js'));
const wasmBase64 = readFileSync(join(wasmDir, 'ivp_wasm.wasm')).toString('base64');
const css = site('style.css');
const app = site('app.html');

const fill = (template, values) => template.replace(/\{\{(\w+)\}\}/g, (all, key) => {
  if (!(key in values)) throw new Error(`site template: unknown placeholder ${all}`);
  return values[key];
});

const cspOf = (scriptSrc, styleHash) => [
  "default-src 'none'",
  `script-src ${scriptSrc}`,
  `style-src ${styleHash}`,
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// --- the single page ---------------------------------------------------------
// One closure around everything: nothing leaks into the page's globals.
const script = safeInScript(
  `(function () {\n'use strict';\n${glue}\n${site('ivp.js')}\n${site('kit.js')}\n${site('app.js')}\n${site('boot-page.js')}\n}());`);
export const csp = cspOf(`${sha256(script)} 'wasm-unsafe-eval'`, sha256(css));
const html = fill(site('index.html'), { CSP: csp, CSS: css, APP: app, SCRIPT: script, WASM_BASE64: wasmBase64 });

// --- the embed script ------------------------------------------------------------
const embed = `/*! IVP-rekenhulp: <ivp-rekenhulp> element. Alles wordt in de browser berekend; er wordt niets verstuurd. */\n` +
  `(function () {\n'use strict';\n` +
  `const IVP_EMBED_WASM = ${JSON.stringify(wasmBase64)};\n` +
  `const IVP_EMBED_HTML = ${JSON.stringify(app)};\n` +
  `const IVP_EMBED_CSS = ${JSON.stringify(css)};\n` +
  `${glue}\n${site('ivp.js')}\n${site('kit.js')}\n${site('app.js')}\n${site('embed.js')}\n}());\n`;

// --- the accessibility statement -----------------------------------------------
const statementCss = site('statement.css');
const statement = fill(site('toegankelijkheid.html'), { CSP: cspOf("'none'", sha256(statementCss)), CSS: statementCss });

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'ivp-rekenhulp.html'), html);
writeFileSync(join(outDir, 'index.html'), html);
writeFileSync(join(outDir, 'ivp-rekenhulp-embed.js'), embed);
writeFileSync(join(outDir, 'embed.html'), site('embed.html'));
writeFileSync(join(outDir, 'embed-host.css'), site('embed-host.css'));
writeFileSync(join(outDir, 'toegankelijkheid.html'), statement);
console.error(`dist: ivp-rekenhulp.html ${html.length} bytes, ivp-rekenhulp-embed.js ${embed.length} bytes ` +
  `(wasm ${wasmBase64.length * 3 / 4 | 0} bytes)`);
