// The page both Chromium benchmarks run in: blank, served cross-origin
// isolated (COOP/COEP) from a routed fake origin with no network — so
// performance.now() resolves 5 µs, not 100 µs — with the core's Emscripten
// glue loaded and then `scripts` (source texts). Returns the page and the
// core's bytes as base64, for page.evaluate to hand over as wasmBinary.
// `wasmDir`: the build to load (default build/wasm), e.g. another checkout's
// to compare before and after a change on the same machine in the same minute.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../browser/chromium.mjs';

export async function openBenchPage(browser, scripts = [], wasmDir = join(root, 'build/wasm')) {
  const page = await browser.newPage();
  await page.route('**/*', (route) => route.fulfill({
    status: 200, contentType: 'text/html', body: '<!doctype html><title>bench</title>',
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  }));
  await page.goto('https://bench.invalid/');
  await page.addScriptTag({ content: readFileSync(join(wasmDir, 'ivp_wasm.js'), 'utf8') });
  for (const content of scripts) await page.addScriptTag({ content });
  return { page, wasm: readFileSync(join(wasmDir, 'ivp_wasm.wasm')).toString('base64') };
}
