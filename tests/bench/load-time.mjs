#!/usr/bin/env node
// Time from navigation start to the first result on screen, in headless
// Chromium, each load in a fresh browser context (an empty cache: a first
// visit). Run by hand (not a test):
//   node tests/bench/load-time.mjs [RUNS] [DIST_DIR …]     (default: dist)
// For every DIST_DIR it times
//   file   ivp-rekenhulp.html opened from file:// (the single file);
//   http   index.html served over http from 127.0.0.1 (the served site);
//   cached index.html again in the same context (the core from the HTTP cache).
// The builds take turns run by run, so the machine's load hits them alike.
// Prints p50/p95/min/max in milliseconds per build and case.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from '../browser/chromium.mjs';

const runs = Number(process.argv[2] || 20);
const dirs = (process.argv.length > 3 ? process.argv.slice(3) : ['dist']).map((d) => resolve(d));

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm' };
// A static server as a host would run one: cacheable files, the right types.
async function serve(dir) {
  const server = createServer(async (request, response) => {
    const name = new URL(request.url, 'http://localhost').pathname.replace(/^\/+/, '') || 'index.html';
    if (!/^[\w.-]+$/.test(name)) { response.writeHead(404).end(); return; }
    try {
      const body = await readFile(join(dir, name));
      response.writeHead(200, { 'Content-Type': types[name.slice(name.lastIndexOf('.'))] || 'application/octet-stream',
        'Cache-Control': 'max-age=3600' });
      response.end(body);
    } catch { response.writeHead(404).end(); }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) };
}

async function firstResult(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.__ivpFirstResult !== undefined);
  return page.evaluate(() => window.__ivpFirstResult);
}

const browser = await launch();
const builds = [];
for (const dir of dirs) builds.push({ dir, server: await serve(dir), times: { file: [], http: [], cached: [] } });
for (let i = 0; i < runs; i += 1) {
  for (const build of builds) {
    const context = await browser.newContext();
    // Registered before any page script: records when the page shows its first result.
    await context.addInitScript(() => {
      document.addEventListener('ivp-result', () => {
        if (window.__ivpFirstResult === undefined) window.__ivpFirstResult = performance.now();
      }, true);
    });
    const page = await context.newPage();
    build.times.file.push(await firstResult(page, pathToFileURL(join(build.dir, 'ivp-rekenhulp.html')).href));
    await page.close();
    const served = await context.newPage();
    build.times.http.push(await firstResult(served, `${build.server.url}/index.html`));
    build.times.cached.push(await firstResult(served, `${build.server.url}/index.html`));
    await context.close();
  }
}
await browser.close();
for (const build of builds) await build.server.close();

const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50_ms: +pick(0.5).toFixed(1), p95_ms: +pick(0.95).toFixed(1), min_ms: +sorted[0].toFixed(1),
    max_ms: +sorted[sorted.length - 1].toFixed(1) };
};
for (const build of builds) {
  for (const [kind, times] of Object.entries(build.times)) {
    console.log(JSON.stringify({ build: build.dir, case: kind, runs, ...stats(times) }));
  }
}
