// The single file only (ivp-rekenhulp.html; tools/build-site.mjs bundles this
// with site/js/unpack.js and puts it at the top of <head>, right after the
// core inlined there as LZMA then base64, and its decoder): unpacks the core
// and starts compiling it (off the page's thread) the moment the page begins
// to load, beside the browser's parse of the rest of the page (the markup,
// the style sheet and the page's script; docs/perf.md, "Start-up").
// site/js/boot-page.js takes the compiled module from this element
// (`ivpCore`: a promise) and instantiates it. A browser without
// WebAssembly or Promise gets nothing here, and the page's script says what
// it lacks. The served page has site/early-core.js instead. Plain ES5: it
// must not fail to parse in an old browser before the page's own message can
// show.
import { ivpUnpackInlineCore } from './js/unpack.js';

(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || typeof Promise !== 'function' || typeof WebAssembly !== 'object' ||
      typeof WebAssembly.compile !== 'function') return;
  var inline = document.getElementById('ivp-wasm');
  var decoder = document.getElementById('ivp-unlzma');
  if (!inline || !decoder) return;
  var compiled;
  try {
    compiled = ivpUnpackInlineCore(inline.textContent, decoder.textContent).then(function (bytes) {
      if (typeof performance === 'object' && typeof performance.mark === 'function') performance.mark('ivp-core-bytes');
      return WebAssembly.compile(bytes);
    });
  } catch (error) {
    return;
  }
  // On a failure boot-page.js shows the message; not an unhandled
  // rejection before that.
  compiled['catch'](function () {});
  me.ivpCore = compiled;
}());
