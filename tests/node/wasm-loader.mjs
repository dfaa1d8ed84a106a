// Loads build/wasm/ivp_wasm.js as the page does (bytes handed over as
// wasmBinary). A plain module, not a test file, so importing it runs no tests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const wasmDir = join(root, 'build/wasm');

// `dir`: another build's wasm directory (a benchmark comparing two builds).
export async function loadWasm(dir = wasmDir) {
  const create = createRequire(import.meta.url)(join(resolve(dir), 'ivp_wasm.js'));
  return create({ wasmBinary: readFileSync(join(resolve(dir), 'ivp_wasm.wasm')) });
}
