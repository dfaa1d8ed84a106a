#!/usr/bin/env node
// Time from navigation start to the first result on screen, for the single
// file opened from file:// in headless Chromium. Run by hand (not a test):
//   node tests/bench/load-time.mjs [RUNS]
// Prints p50/p95/min/max in milliseconds over RUNS fresh browser contexts.
import { distUrl, launch } from '../browser/chromium.mjs';

const runs = Number(process.argv[2] || 20);
const browser = await launch();
const times = [];
for (let i = 0; i < runs; i += 1) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Registered before any page script: records when the page shows its first result.
  await page.addInitScript(() => {
    document.addEventListener('ivp-result', () => {
      if (window.__ivpFirstResult === undefined) window.__ivpFirstResult = performance.now();
    }, true);
  });
  await page.goto(distUrl);
  await page.waitForFunction(() => window.__ivpFirstResult !== undefined);
  times.push(await page.evaluate(() => window.__ivpFirstResult));
  await context.close();
}
await browser.close();
times.sort((a, b) => a - b);
const pick = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
console.log(JSON.stringify({ runs, p50_ms: +pick(0.5).toFixed(1), p95_ms: +pick(0.95).toFixed(1),
  min_ms: +times[0].toFixed(1), max_ms: +times[times.length - 1].toFixed(1) }));
