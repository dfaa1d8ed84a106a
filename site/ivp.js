// Thin wrapper around the WASM core (Squoosh style): the module is a pure
// function, this file only hands it its bytes and turns JSON text into
// objects. No rule is computed here.
/* global createIvpModule */
'use strict';

// Decodes the base64 text of <script type="application/wasm-base64">.
function ivpDecodeBase64(text) {
  const binary = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// Loads the core. The bytes are handed over directly (wasmBinary), so the
// glue never tries fetch(): the page stays silent under connect-src 'none'.
async function ivpLoadCore(wasmBytes) {
  const module = await createIvpModule({
    wasmBinary: wasmBytes,
    print: () => {},
    printErr: () => {},
  });
  return {
    // → {result} or {error: {message, where}}; never throws for bad input.
    calculate(scenario, today) {
      const parsed = JSON.parse(module.calculate(JSON.stringify(scenario), today));
      return parsed.error ? { error: parsed.error } : { result: parsed };
    },
    catalogue() {
      return JSON.parse(module.catalogue());
    },
  };
}
