// The single file only (ivp-rekenhulp.html; tools/build-site.mjs puts this at
// the top of <head>, right after the core inlined there as gzip, then base64):
// decodes the core, inflates it with the browser's DecompressionStream and
// compiles it the moment the page begins to load, before the browser parses
// the rest of the page (the markup, the style sheet and the page's script;
// docs/perf.md, "Start-up"). site/js/boot-page.js takes the compiled module
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
    if (typeof DecompressionStream !== 'function') return null;
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
    return readAll(inflate.readable).then(function (bytes) {
      if (typeof performance === 'object' && typeof performance.mark === 'function') performance.mark('ivp-core-bytes');
      return compileNow(bytes);
    });
  }

  // A stream's chunks as one array, read in promise callbacks only: the
  // inflated core is there within this script's own turn, before the browser
  // goes on with the page (Response.arrayBuffer() finished in a task of its
  // own, after the browser had painted the page once).
  function readAll(stream) {
    var reader = stream.getReader();
    var chunks = [];
    var length = 0;
    function next() {
      return reader.read().then(function (step) {
        if (step.done) return joined();
        chunks.push(step.value);
        length += step.value.length;
        return next();
      });
    }
    function joined() {
      var bytes = new Uint8Array(length);
      var at = 0;
      for (var i = 0; i < chunks.length; i += 1) {
        bytes.set(chunks[i], at);
        at += chunks[i].length;
      }
      return bytes;
    }
    return next();
  }

  // Compiled at once: the browser compiles each function lazily, when it is
  // first called, so this decodes and checks the module (a few ms) and the
  // page's script finds it ready; it can start the rekenhulp before the page
  // is first painted, which is then painted once, with the first result.
  // WebAssembly.compile() ends in a task of its own, after which the browser
  // painted the page and laid it out again with the result. A browser that
  // refuses to compile this much at once on the page's thread gets that.
  function compileNow(bytes) {
    try {
      return new WebAssembly.Module(bytes);
    } catch (error) {
      return WebAssembly.compile(bytes);
    }
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
