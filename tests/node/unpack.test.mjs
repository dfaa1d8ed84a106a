// The inlined core's packing (tools/pack-core.mjs) and the page's unpacking
// (site/js/unpack.js with the decoder site/unlzma/unlzma.c): every kind of
// input comes back byte for byte, and a damaged pack gives an error or bytes
// of the declared size, never a hang or a write outside the decoder's buffers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileUnlzma, packInlineCore, packLzma } from '../../tools/pack-core.mjs';
import { ivpUnlzmaWith } from '../../site/js/unpack.js';
import { mulberry32 } from './prng.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const decoderModule = new WebAssembly.Module(compileUnlzma());
// A fresh instance per decode: as on the page, where the decoder runs once.
const unlzma = (packed) => ivpUnlzmaWith(new WebAssembly.Instance(decoderModule, {}).exports, packed);

const dir = mkdtempSync(join(tmpdir(), 'ivp-unpack-test-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const fileWith = (name, bytes) => { const path = join(dir, name); writeFileSync(path, bytes); return path; };

test('every kind of input comes back byte for byte, with the settings of the build and others', () => {
  const random = mulberry32(17);
  const noise = Buffer.alloc(200_000);
  for (let i = 0; i < noise.length; i += 1) noise[i] = Math.floor(random() * 256);
  const inputs = {
    'one byte': Buffer.from([0x2a]),
    'a text': readFileSync(join(root, 'data/policies/hattem-2014.json')),
    'noise (incompressible)': noise,
    'one byte repeated (long matches)': Buffer.alloc(1_500_000, 7),
    'the core': readFileSync(join(root, 'build/wasm/ivp_wasm.wasm')),
  };
  for (const [what, bytes] of Object.entries(inputs)) {
    const path = fileWith('input', bytes);
    for (const settings of [{ lc: 3, lp: 0, pb: 2 }, { lc: 0, lp: 2, pb: 0 }, { lc: 4, lp: 0, pb: 4 }]) {
      const back = unlzma(new Uint8Array(packLzma(path, settings)));
      assert.equal(Buffer.compare(Buffer.from(back), bytes), 0, `${what}, ${JSON.stringify(settings)}`);
    }
  }
});

test('the build packs the core with its decoder and checks it', async () => {
  const wasmPath = join(root, 'build/wasm/ivp_wasm.wasm');
  const { core, decoder } = await packInlineCore(wasmPath);
  const packed = Buffer.from(core, 'base64');
  assert.ok(packed.length < readFileSync(wasmPath).length * 0.3, 'LZMA packs the core to under 30 %');
  assert.equal(Buffer.compare(Buffer.from(decoder, 'base64'), compileUnlzma()), 0, 'the decoder builds the same bytes every time');
});

test('a damaged pack gives an error or bytes of the declared size', () => {
  const packed = new Uint8Array(packLzma(join(root, 'data/policies/wmo-2015.json')));
  const size = readFileSync(join(root, 'data/policies/wmo-2015.json')).length;
  const random = mulberry32(5);
  const outcomes = { error: 0, bytes: 0 };
  const check = (damaged, what) => {
    let out;
    try {
      out = unlzma(damaged);
    } catch (error) {
      assert.ok(error instanceof Error, what);
      if (!(error instanceof RangeError)) assert.match(error.message, /beschadigd/, what);
      outcomes.error += 1;
      return;
    }
    assert.equal(out.length, size, what);
    outcomes.bytes += 1;
  };
  for (const cut of [0, 5, 12, 13, 17, 18, 100, packed.length >> 1, packed.length - 1]) check(packed.slice(0, cut), `cut at ${cut}`);
  for (let i = 0; i < 400; i += 1) {
    const damaged = packed.slice();
    const at = 13 + Math.floor(random() * (packed.length - 13));
    damaged[at] ^= 1 << Math.floor(random() * 8);
    check(damaged, `bit flipped at ${at}`);
  }
  const badProps = packed.slice(); badProps[0] = 225; check(badProps, 'properties byte 225');
  const huge = packed.slice(); huge[9] = 1; check(huge, 'a size of 2^32 or more');
  assert.ok(outcomes.error > 0, 'some damage is found');
});
