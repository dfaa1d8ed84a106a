#!/usr/bin/env node
// Builds dist/:
//   ivp-rekenhulp.html  one self-contained page (CSS, JS and the WASM core
//       inlined) that works from file:// with no network, under a strict CSP
//       (connect-src 'none') whose script and style hashes are computed here;
//   index.html + ivp-rekenhulp.wasm  the served site: the same page, but the
//       core is a file of its own, compiled while it streams in and cached
//       (site/js/boot-page.js; docs/perf.md "Served site");
//   ivp-rekenhulp-embed.js  one script defining <ivp-rekenhulp> (shadow DOM)
//       for other websites; it loads the same ivp-rekenhulp.wasm;
//   ivp-rekenhulp-embed-inline.js  the same with the core inlined, for a host
//       whose CSP allows no connection at all;
//   embed.html + embed-host.css  a demo host page with a strict CSP;
//   toegankelijkheid.html  the accessibility statement.
// Reproducible: no timestamps.
//
//   node tools/build-site.mjs [WASM_BUILD_DIR] [OUT_DIR]
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packInlineCore } from './pack-core.mjs';
import { bundleSite, bundleEarlyScript, minifyCss, minifyGlue } from './site-bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const wasmDir = resolve(process.argv[2] || join(root, 'build/wasm'));
const outDir = resolve(process.argv[3] || join(root, 'dist'));
const read = (path) => readFileSync(path, 'utf8');
const site = (name) => read(join(root, 'site', name));
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// Text that sits inside <script> must not close it early.
const safeInScript = (text) => text.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');

// The Emscripten glue minified (esbuild, as the bundle is built): generated
// code nobody reads in the page, 32.4 kB -> 17.5 kB, 9.1 -> 6.9 kB gzip, less
// script for the browser to parse before the page starts (docs/perf.md,
// "Start-up"). Its top-level name, createIvpModule, is kept (a script's
// top-level names are not renamed). The bundle of site/js is minified too
// (tools/site-bundle.mjs says why).
const glue = minifyGlue(read(join(wasmDir, 'ivp_wasm.js')));
const wasm = readFileSync(join(wasmDir, 'ivp_wasm.wasm'));
// Inlined cores (the single file, the inline embed) are LZMA + base64, with
// their decoder, a WebAssembly module of 2 kB gzip, beside them
// (tools/pack-core.mjs, site/js/unpack.js): 36 kB gzip smaller than the
// Zopfli gzip they were, for about 21 ms more of decoding (docs/perf.md, "The
// inlined core as LZMA"). The build checks that the decoder gives the core
// back byte for byte. The served .wasm stays as it is: the server compresses
// it and the browser stream-compiles it.
const inlineCore = await packInlineCore(join(wasmDir, 'ivp_wasm.wasm'));

// The page's text in ASCII only: with a few dozen non-ASCII characters in
// it, Chromium spent 30-35 ms of the main thread decoding the single file
// before its script ran, about 9 ms with the same text escaped (docs/perf.md,
// "Start-up"). JavaScript and CSS get their own escapes, the markup
// character references; the text on screen is the same.
const jsAscii = (text) => text.replace(/[^\x00-\x7f]/gu, (c) => c.split('').map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''));
const cssAscii = (text) => text.replace(/[^\x00-\x7f]/gu, (c) => `\\${c.codePointAt(0).toString(16)} `);
const htmlAscii = (text) => text.replace(/[^\x00-\x7f]/gu, (c) => `&#x${c.codePointAt(0).toString(16)};`);
const css = cssAscii(minifyCss(site('style.css')));
const app = htmlAscii(site('app.html'));

const fill = (template, values) => template.replace(/\{\{(\w+)\}\}/g, (all, key) => {
  if (!(key in values)) throw new Error(`site template: unknown placeholder ${all}`);
  return values[key];
});

const cspOf = (scriptSrc, styleHash, connectSrc = "'none'") => [
  "default-src 'none'",
  `script-src ${scriptSrc}`,
  `style-src ${styleHash}`,
  `connect-src ${connectSrc}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// --- the page: single file and served --------------------------------------------
// The site's modules (site/js/) are bundled by esbuild (tools/site-bundle.mjs)
// from one entry each: boot-page.js for the page, boot-embed.js for the
// embed. One closure around the Emscripten glue and the bundle: nothing leaks
// into the page's globals. Both page builds run the same modules; boot-page.js
// takes the inlined core when the page has one, else it fetches
// ivp-rekenhulp.wasm (connect-src 'self', closed to 'none' by the page once
// the core is loaded). Both pages run the same script (one hash).
const script = jsAscii(safeInScript(
  `(function () {\n'use strict';\n${glue}\n${bundleSite('boot-page.js', { minify: true })}}());`));
// Both pages start getting their core ready at the top of <head>, beside the
// parse of the rest of the page: the served page fetches ivp-rekenhulp.wasm
// and compiles it while it streams in (site/early-core.js); the single file
// unpacks and compiles the core inlined right before its script
// (site/early-inline-core.js, bundled with site/js/unpack.js). Each has its
// own hash in script-src.
const earlyOf = (name) => safeInScript(site(name).replace(/^\s*\/\/.*\n/gm, ''));  // their comments stay in the source
const early = earlyOf('early-core.js');
const earlyInline = safeInScript(bundleEarlyScript('early-inline-core.js'));
export const csp = cspOf(`${sha256(earlyInline)} ${sha256(script)} 'wasm-unsafe-eval'`, sha256(css));
export const servedCsp = cspOf(`${sha256(early)} ${sha256(script)} 'wasm-unsafe-eval'`, sha256(css), "'self'");
const html = fill(htmlAscii(site('index.html')), { CSP: csp, CSS: css, APP: app, SCRIPT: script, FOOTER_MORE: '',
  EARLY: `<script type="application/x-lzma-base64" id="ivp-wasm">${inlineCore.core}</script>\n` +
    `<script type="application/wasm-base64" id="ivp-unlzma">${inlineCore.decoder}</script>\n` +
    `<script id="ivp-core-early">${earlyInline}</script>\n` });
const servedHtml = fill(htmlAscii(site('index.html')), { CSP: servedCsp, CSS: css, APP: app, SCRIPT: script,
  EARLY: `<script id="ivp-core-early">${early}</script>\n`,
  FOOTER_MORE: htmlAscii('<br><a href="ivp-rekenhulp.html" download>De rekenhulp als één bestand, voor gebruik zonder internet</a>') });

// --- the embed script ------------------------------------------------------------
const embedOf = (withCore) => `/*! IVP-rekenhulp: <ivp-rekenhulp> element. Alles wordt in de browser berekend; er wordt niets verstuurd. */\n` +
  `(function () {\n'use strict';\n` +
  (withCore ? `const IVP_EMBED_WASM = ${JSON.stringify(inlineCore.core)};\nconst IVP_EMBED_UNLZMA = ${JSON.stringify(inlineCore.decoder)};\n` : '') +
  `const IVP_EMBED_HTML = ${JSON.stringify(app)};\n` +
  `const IVP_EMBED_CSS = ${JSON.stringify(css)};\n` +
  `${glue}\n${bundleSite('boot-embed.js', { minify: true })}}());\n`;
const embed = jsAscii(embedOf(false));
const embedInline = jsAscii(embedOf(true));

// --- the accessibility statement -----------------------------------------------
const statementCss = site('statement.css');
const statement = fill(site('toegankelijkheid.html'), { CSP: cspOf("'none'", sha256(statementCss)), CSS: statementCss });

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'ivp-rekenhulp.html'), html);
writeFileSync(join(outDir, 'index.html'), servedHtml);
writeFileSync(join(outDir, 'ivp-rekenhulp.wasm'), wasm);
writeFileSync(join(outDir, 'ivp-rekenhulp-embed.js'), embed);
writeFileSync(join(outDir, 'ivp-rekenhulp-embed-inline.js'), embedInline);
writeFileSync(join(outDir, 'embed.html'), site('embed.html'));
writeFileSync(join(outDir, 'embed-host.css'), site('embed-host.css'));
writeFileSync(join(outDir, 'toegankelijkheid.html'), statement);
console.error(`dist: ivp-rekenhulp.html ${html.length} bytes, index.html ${servedHtml.length} bytes, ` +
  `ivp-rekenhulp-embed.js ${embed.length} bytes, ivp-rekenhulp.wasm ${wasm.length} bytes`);
