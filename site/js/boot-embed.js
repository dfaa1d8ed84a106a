// The embeddable element <ivp-rekenhulp>: the same app in a shadow root, so
// the host page's CSS cannot reach in and ours cannot leak out. The build
// puts the markup and the CSS (IVP_EMBED_HTML, IVP_EMBED_CSS) in front of the
// bundle, all inside one closure: the only global it adds is the element's name. The core is the file
// ivp-rekenhulp.wasm beside this script (the same file the site's own page
// loads, so a visitor's browser caches one copy); the host's CSP must allow
// that one URL in connect-src (README, "Insluiten"). A build with the core
// inlined (IVP_EMBED_WASM, LZMA + base64, and its decoder IVP_EMBED_UNLZMA:
// ivp-rekenhulp-embed-inline.js) makes no request at all.
/* global IVP_EMBED_HTML, IVP_EMBED_CSS */
import { ivpLoadCore, ivpUnpackInlineCore } from './ivp.js';
import { ivpMount } from './mount.js';

// Read now: document.currentScript is only set while this script first runs.
const ivpEmbedCoreUrl = document.currentScript && document.currentScript.src
  ? new URL('ivp-rekenhulp.wasm', document.currentScript.src) : null;
let ivpCorePromise = null;
const ivpCoreOnce = () => {
  /* global IVP_EMBED_WASM, IVP_EMBED_UNLZMA */
  if (!ivpCorePromise) {
    if (typeof IVP_EMBED_WASM === 'string') ivpCorePromise = ivpUnpackInlineCore(IVP_EMBED_WASM, IVP_EMBED_UNLZMA).then(ivpLoadCore);
    else if (ivpEmbedCoreUrl) ivpCorePromise = ivpLoadCore(ivpEmbedCoreUrl);
    else ivpCorePromise = Promise.reject(new Error('de plaats van ivp-rekenhulp.wasm is onbekend'));
  }
  return ivpCorePromise;
};

class IvpRekenhulpElement extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    // A constructed style sheet, not a <style> element: it needs no
    // 'unsafe-inline' in the host's style-src.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(IVP_EMBED_CSS);
    shadow.adoptedStyleSheets = [sheet];
    const holder = document.createElement('div');
    holder.className = 'ivp-embed';
    holder.innerHTML = IVP_EMBED_HTML;
    shadow.append(holder);
    try {
      const core = await ivpCoreOnce();
      let storage = null;
      try { storage = window.localStorage; } catch { storage = null; }
      ivpMount(holder, core, { storage });
    } catch (error) {
      const box = holder.querySelector('#ivp-error');
      box.hidden = false;
      box.textContent = 'De rekenhulp kon niet starten in deze browser. Staan \'wasm-unsafe-eval\' (script-src) en het ' +
        `adres van ivp-rekenhulp.wasm (connect-src) in de Content-Security-Policy van deze pagina? (${error && error.message ? error.message : error})`;
    }
  }
}

if (!customElements.get('ivp-rekenhulp')) customElements.define('ivp-rekenhulp', IvpRekenhulpElement);
