// The single file only (ivp-rekenhulp.html; tools/build-site.mjs puts this at
// the top of <head>, right after the core inlined there as gzip, then base64):
// decodes the core, inflates it with the browser's DecompressionStream and
// starts compiling it (off the page's thread) the moment the page begins to
// load, beside the browser's parse of the rest of the page (the markup, the
// style sheet and the page's script; docs/perf.md, "Start-up"). site/js/boot-page.js takes the compiled module
// from this element (`ivpCore`: a promise) and instantiates it. A browser
// without DecompressionStream gets nothing here: boot-page.js then inflates
// the core itself (fflate), as before. The served page has
// site/early-core.js instead. Plain ES5: it must not fail to parse in an old
// browser before the page's own message can show.
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || typeof Promise !== 'function' || typeof WebAssembly !== 'object' ||
      typeof WebAssembly.compile !== 'function') return;
  var inline = document.getElementById('ivp-wasm');
  var compiled = inline ? fromInline(inline.textContent) : null;
  if (!compiled) return;
  // On a failure boot-page.js takes the slower path, where the promise is
  // used, not as an unhandled rejection before that.
  compiled['catch'](function () {});
  me.ivpCore = compiled;

  // The inlined core → a promise of its compiled module, or null when this
  // browser cannot inflate it natively.
  function fromInline(text) {
    if (typeof DecompressionStream !== 'function' || typeof Response !== 'function') return null;
    var inflate;
    try {
      var packed = decodeBase64(text);
      inflate = new DecompressionStream('gzip');
      // The whole text in one chunk, in memory (a Blob's stream goes through
      // the browser process and came out in many small pieces, later).
      var writer = inflate.writable.getWriter();
      writer.write(packed)['catch'](function () {});
      writer.close()['catch'](function () {});
    } catch (error) {
      return null;
    }
    return new Response(inflate.readable).arrayBuffer().then(function (bytes) {
      if (typeof performance === 'object' && typeof performance.mark === 'function') performance.mark('ivp-core-bytes');
      return WebAssembly.compile(bytes);
    });
  }

  // Native where the browser has it (Chromium 140, Firefox 133, Safari
  // 18.2): about a millisecond for the inlined core.
  function decodeBase64(text) {
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text.trim());
    var binary = atob(text.replace(/\s+/g, ''));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
}());
