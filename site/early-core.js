// The top of <head>, in both page builds (tools/build-site.mjs puts this
// right after the CSP): starts getting the core ready the moment the page
// begins to load, so that it is done beside the browser's parse of the rest of
// the page (the markup, the style sheet and the page's script) instead of after
// it (docs/perf.md, "Start-up"). site/js/boot-page.js takes the compiled
// module from this element (`ivpCore`: a promise) and instantiates it.
// - The single file (ivp-rekenhulp.html): the core is inlined just before
//   this script (gzip, then base64); decoded here, inflated by the browser's
//   DecompressionStream and compiled off the page's thread. A browser without
//   DecompressionStream gets nothing here: boot-page.js then inflates the core
//   itself (fflate), as before.
// - The served page (index.html): fetches ivp-rekenhulp.wasm and compiles it
//   while it streams in; nothing is fetched twice. Opened from file:// it does
//   nothing: boot-page.js then says in Dutch to open the single file.
// Plain ES5: it must not fail to parse in an old browser before the page's
// own message can show.
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || typeof Promise !== 'function' || typeof WebAssembly !== 'object' ||
      typeof WebAssembly.compile !== 'function') return;
  var inline = document.getElementById('ivp-wasm');
  var compiled = inline ? fromInline(inline.textContent) : fromFile();
  if (!compiled) return;
  // A failure is reported (or, for the inlined core, the slower path taken)
  // where the promise is used (boot-page.js), not as an unhandled rejection
  // before that.
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

  // The core as a file of its own, fetched over http(s) → a promise of its
  // compiled module; null from file://.
  function fromFile() {
    if (!/^https?:$/.test(location.protocol) || typeof fetch !== 'function') return null;
    var url = new URL('ivp-rekenhulp.wasm', location.href).href;
    return fetch(url, { credentials: 'omit' }).then(function (response) {
      if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
      // Compiled while it streams in; a server that does not say
      // application/wasm gets the slower path (as site/js/ivp.js ivpInstantiateFile).
      var type = (response.headers.get('Content-Type') || '').split(';')[0].trim();
      if (typeof WebAssembly.compileStreaming === 'function' && type === 'application/wasm') {
        return WebAssembly.compileStreaming(response);
      }
      return response.arrayBuffer().then(function (bytes) { return WebAssembly.compile(bytes); });
    });
  }
}());
