// What would the inlined core cost if it were packed with LZMA instead of
// Zopfli's gzip, as it was before 2026-12-03? Run by hand (not part of ./dev test):
//   node tests/bench/lzma-core.mjs [PAGES] [WASM_DIR]   (default 10 pages, build/wasm)
// Sizes: the core as the single file carries it now (Zopfli gzip, then
// base64) and as raw LZMA (`xz --format=raw --lzma1=preset=9e,lc=3,lp=0,pb=2`,
// Debian's xz-utils), each as base64 under gzip -9, which is what the single
// file's size counts. Time: a fresh page per round (so every decode is a
// first, cold one, as at start-up) decodes the LZMA core with the JavaScript
// decoder (tests/bench/lzma/unlzma.js, not kept) and with the decoder the page
// uses (site/unlzma/unlzma.c, tools/pack-core.mjs), against the browser's
// DecompressionStream on the Zopfli gzip core, which the page used before.
// Each decode is checked to give the core's bytes. docs/perf.md, "The inlined
// core as LZMA". Each time includes the base64 decode, as on the page.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, root } from '../browser/chromium.mjs';
import { unlzma } from './lzma/unlzma.js';
import { compileUnlzma, packLzma } from '../../tools/pack-core.mjs';
import { bundleSite } from '../../tools/site-bundle.mjs';

const pages = Number(process.argv[2] || 10);
const wasmFile = join(process.argv[3] || join(root, 'build/wasm'), 'ivp_wasm.wasm');
const core = readFileSync(wasmFile);

// Packed as the single file carries it now, and as LZMA with our header.
let zopfli;
try {
  zopfli = execFileSync('zopfli', ['-c', wasmFile], { maxBuffer: 1 << 26 });
} catch (error) {
  throw new Error(`lzma-core: this comparison needs Zopfli (Debian package zopfli, no longer installed by ./dev): ${error.message}`);
}
const lzma = packLzma(wasmFile);
if (Buffer.compare(Buffer.from(unlzma(new Uint8Array(lzma))), core) !== 0) throw new Error('unlzma.js does not give the core back');

const decoder = compileUnlzma();
// The page's unpacking, bundled as the build bundles it.
const unpackScript = bundleSite({ contents: "import { ivpUnpackInlineCore } from './unpack.js';\nwindow.ivpUnpackInlineCore = ivpUnpackInlineCore;\n" });

const gz = (buffer) => gzipSync(buffer, { level: 9 }).length;
console.log(`core ${core.length} B; Zopfli ${zopfli.length} B, as base64 under gzip -9 ${gz(Buffer.from(zopfli.toString('base64')))} B; ` +
  `LZMA ${lzma.length} B, as base64 under gzip -9 ${gz(Buffer.from(lzma.toString('base64')))} B; ` +
  `decoders: unlzma.js ${gz(readFileSync(join(root, 'tests/bench/lzma/unlzma.js')))} B gzip (with comments), unlzma.wasm ${decoder.length} B, ${gz(decoder)} B gzip`);

const checksum = (bytes) => { let h = 0; for (const b of bytes) h = (h * 31 + b) >>> 0; return h; };
const expected = checksum(core);
const timings = { gzipStream: [], lzmaJs: [], lzmaWasm: [] };
const browser = await launch();
try {
  for (let round = 0; round < pages; round += 1) {
    for (const kind of Object.keys(timings)) {
      const page = await browser.newPage();
      await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>lzma</title>' }));
      await page.goto('https://bench.invalid/');
      if (kind === 'lzmaWasm') await page.addScriptTag({ content: unpackScript });
      if (kind === 'lzmaJs') await page.addScriptTag({ content: readFileSync(join(root, 'tests/bench/lzma/unlzma.js'), 'utf8').replace('export function', 'function') });
      const result = await page.evaluate(async ({ kind, packed, decoder }) => {
        const t0 = performance.now();
        const bytes = kind === 'lzmaWasm' ? null : Uint8Array.fromBase64(packed);
        let out;
        if (kind === 'gzipStream') {
          const stream = new DecompressionStream('gzip');
          const writer = stream.writable.getWriter();
          writer.write(bytes); writer.close();
          out = new Uint8Array(await new Response(stream.readable).arrayBuffer());
        } else if (kind === 'lzmaJs') {
          out = unlzma(bytes);  // eslint-disable-line no-undef
        } else {
          out = await window.ivpUnpackInlineCore(packed, decoder);  // the page's own code (site/js/unpack.js)
        }
        const ms = performance.now() - t0;
        let h = 0; for (const b of out) h = (h * 31 + b) >>> 0;
        return { ms, h };
      }, { kind, packed: (kind === 'gzipStream' ? zopfli : lzma).toString('base64'), decoder: decoder.toString('base64') });
      if (result.h !== expected) throw new Error(`${kind}: not the core's bytes`);
      timings[kind].push(result.ms);
      await page.close();
    }
  }
} finally {
  await browser.close();
}
const p50 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const [kind, xs] of Object.entries(timings)) {
  console.log(`${kind.padEnd(11)} p50 ${p50(xs).toFixed(1)} ms, min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)} (${xs.length} fresh pages)`);
}
