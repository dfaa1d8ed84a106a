// The inlined core unpacked: the single file (ivp-rekenhulp.html) and the
// inline embed carry the core as LZMA, then base64, and its decoder as a
// small WebAssembly module of its own, also base64 (site/unlzma/unlzma.c,
// packed and checked by tools/pack-core.mjs). LZMA makes the single file
// 36 kB gzip smaller than Zopfli's gzip did; decoding costs about 33 ms at
// start-up against 12 for the browser's own gunzip (docs/perf.md, "The
// inlined core as LZMA"). No browser decodes LZMA itself, so no fallback is
// needed either: every browser that runs the core runs its decoder.
//
// Plain ES5 syntax: site/early-inline-core.js bundles this module at the top
// of <head>, where an old browser must not fail to parse it before the page
// can say what it lacks. Used there and by site/js/ivp.js.

// Base64 text → bytes. Native where the browser has it (Chromium 140,
// Firefox 133, Safari 18.2): about a millisecond for the inlined core.
export function ivpDecodeBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text.trim());
  var binary = atob(text.replace(/\s+/g, ''));
  var bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// The core's base64 text and its decoder's → a promise of the core's bytes.
export function ivpUnpackInlineCore(coreText, decoderText) {
  var packed = ivpDecodeBase64(coreText);
  return WebAssembly.instantiate(ivpDecodeBase64(decoderText), {}).then(function (made) {
    return ivpUnlzmaWith(made.instance.exports, packed);
  });
}

// The decoder's exports (memory, probs_needed, unlzma) and the packed bytes
// (the 13-byte header, then the LZMA stream) → the decoded bytes. Lays out in
// the decoder's memory the packed bytes, the output and the probabilities.
export function ivpUnlzmaWith(decoder, packed) {
  if (packed.length < 13 || (packed[9] | packed[10] | packed[11] | packed[12]) !== 0) {
    throw new Error('de ingebouwde rekenkern is beschadigd (kop)');
  }
  var size = (packed[5] | (packed[6] << 8) | (packed[7] << 16) | (packed[8] << 24)) >>> 0;
  var memory = decoder.memory;
  var base = memory.buffer.byteLength;
  var outAt = base + packed.length;
  var probsAt = outAt + size;
  probsAt += probsAt % 2;  // the probabilities are 16-bit: an even address
  var end = probsAt + 2 * decoder.probs_needed(packed[0]);
  memory.grow(Math.ceil((end - base) / 65536));
  new Uint8Array(memory.buffer, base, packed.length).set(packed);
  var failed = decoder.unlzma(base, packed.length, outAt, size, probsAt);
  if (failed !== 0) throw new Error('de ingebouwde rekenkern is beschadigd (LZMA, controle ' + failed + ')');
  return new Uint8Array(memory.buffer, outAt, size).slice();
}
