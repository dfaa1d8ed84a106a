// The inlined core packed for the single file and the inline embed
// (tools/build-site.mjs): LZMA by Debian's xz (xz-utils), its decoder
// site/unlzma/unlzma.c compiled by clang's wasm32 target (Debian clang and
// lld), both installed by ./dev. Every packed core is decoded here with the
// page's own code (site/js/unpack.js) and the decoder the page gets, and
// must give the core back byte for byte, or the build stops.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ivpUnpackInlineCore } from '../site/js/unpack.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// lc=3, lp=0, pb=2 (xz's defaults) packed this core smallest of the settings
// tried (docs/perf.md, "The inlined core as LZMA").
export const LZMA_SETTINGS = { lc: 3, lp: 0, pb: 2 };

function run(command, args, what) {
  try {
    return execFileSync(command, args, { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const said = error.stderr ? String(error.stderr).trim() : error.message;
    throw new Error(`pack-core: ${what} failed (${command}; ./dev installs it): ${said}`);
  }
}

// site/unlzma/unlzma.c → the decoder module's bytes (no C library, no imports;
// the same bytes on every run).
export function compileUnlzma() {
  const dir = mkdtempSync(join(tmpdir(), 'ivp-unlzma-'));
  try {
    const out = join(dir, 'unlzma.wasm');
    run('clang', ['--target=wasm32', '-O3', '-nostdlib', '-ffreestanding', '-Wall', '-Wextra', '-Werror',
      '-Wl,--no-entry', '-Wl,--export-dynamic', '-o', out, join(root, 'site/unlzma/unlzma.c')], 'compiling the LZMA decoder');
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// A file → its bytes packed: the 13-byte header site/unlzma/unlzma.c reads,
// then xz's raw LZMA1 stream.
export function packLzma(path, { lc, lp, pb } = LZMA_SETTINGS) {
  const raw = readFileSync(path);
  const stream = run('xz', ['--format=raw', `--lzma1=preset=9e,lc=${lc},lp=${lp},pb=${pb}`, '--stdout', path], 'LZMA (xz)');
  const header = Buffer.alloc(13);
  header[0] = (pb * 5 + lp) * 9 + lc;
  header.writeUInt32LE(1 << 26, 1);  // preset 9e's dictionary, 64 MiB; the decoder keeps the whole output
  header.writeUInt32LE(raw.length, 5);  // bytes 9-12 stay 0: below 2^32
  return Buffer.concat([header, stream]);
}

// The core file → { core, decoder }: both base64, checked to decode back.
export async function packInlineCore(wasmPath) {
  const decoder = compileUnlzma();
  const packed = packLzma(wasmPath);
  const core = packed.toString('base64');
  const decoderText = decoder.toString('base64');
  const back = await ivpUnpackInlineCore(core, decoderText);
  if (Buffer.compare(Buffer.from(back), readFileSync(wasmPath)) !== 0) {
    throw new Error(`pack-core: the LZMA decoder does not give ${wasmPath} back byte for byte`);
  }
  return { core, decoder: decoderText };
}
