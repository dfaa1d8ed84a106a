// The embeddable element <ivp-rekenhulp>: the same app in a shadow root, so
// the host page's CSS cannot reach in and ours cannot leak out. The build
// puts the core (base64), the markup and the CSS in front of this file, all
// inside one closure: the only global it adds is the element's name.
/* global ivpLoadCore, ivpDecodeBase64, ivpMount, IVP_EMBED_WASM, IVP_EMBED_HTML, IVP_EMBED_CSS */
let ivpCorePromise = null;
const ivpCoreOnce = () => {
  ivpCorePromise = ivpCorePromise || ivpLoadCore(ivpDecodeBase64(IVP_EMBED_WASM));
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
      box.textContent = 'De rekenhulp kon niet starten in deze browser. Staat \'wasm-unsafe-eval\' in de ' +
        `Content-Security-Policy van deze pagina? (${error && error.message ? error.message : error})`;
    }
  }
}

if (!customElements.get('ivp-rekenhulp')) customElements.define('ivp-rekenhulp', IvpRekenhulpElement);
