// The served page only (index.html; tools/build-site.mjs puts this at the top
// of <head>, right after the CSP): starts fetching and compiling the core the
// moment the page begins to load, so that the download and the compilation
// run beside the browser's parse of the rest of the page (about 200 kB: the
// markup, the style sheet and the page's script) instead of after it
// (docs/perf.md, "Start-up"). site/js/boot-page.js takes the compiled module
// from this element (`ivpCore`: a promise) and instantiates it; nothing is
// fetched twice. Opened from file:// it does nothing: boot-page.js then says
// in Dutch to open the single file. Plain ES5: it must not fail to parse in an
// old browser before the page's own message can show.
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || !/^https?:$/.test(location.protocol) || typeof fetch !== 'function' ||
      typeof WebAssembly !== 'object' || typeof WebAssembly.compile !== 'function') return;
  var url = new URL('ivp-rekenhulp.wasm', location.href).href;
  var compiled = fetch(url, { credentials: 'omit' }).then(function (response) {
    if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
    // Compiled while it streams in; a server that does not say
    // application/wasm gets the slower path (as site/js/ivp.js ivpInstantiateFile).
    var type = (response.headers.get('Content-Type') || '').split(';')[0].trim();
    if (typeof WebAssembly.compileStreaming === 'function' && type === 'application/wasm') {
      return WebAssembly.compileStreaming(response);
    }
    return response.arrayBuffer().then(function (bytes) { return WebAssembly.compile(bytes); });
  });
  // A failure is reported where the promise is used (boot-page.js), not as an
  // unhandled rejection before that.
  compiled.catch(function () {});
  me.ivpCore = compiled;
}());
