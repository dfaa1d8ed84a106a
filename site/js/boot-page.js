// Start of the stand-alone page. Two builds of it (tools/build-site.mjs):
// - the single file (ivp-rekenhulp.html): the core's bytes sit in the page
//   itself, no request is made, the CSP says connect-src 'none' from the start;
// - the served page (index.html): the core is the file ivp-rekenhulp.wasm
//   beside it, fetched once and cached. Its CSP allows connect-src 'self' for
//   that; once the core is loaded (or has failed) the page adds a second
//   policy, connect-src 'none', so nothing can leave the page after it loads
//   (policies only add up: a later one cannot loosen an earlier one).
import { ivpLoadCore, ivpMark, ivpUnpackInlineCore } from './ivp.js';
import { ivpMount } from './mount.js';

const IVP_CORE_FILE = 'ivp-rekenhulp.wasm';

function ivpCloseConnections() {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "connect-src 'none'";
  document.head.append(meta);
}

// → the core's compiled module, its bytes, or its URL (ivpLoadCore).
async function ivpCoreSource() {
  // Being made ready since the top of the page: the inlined core unpacked
  // and compiled (site/early-inline-core.js), or the core file
  // fetched and compiled while it streams in (site/early-core.js).
  const early = document.getElementById('ivp-core-early');
  const inline = document.getElementById('ivp-wasm');
  if (early && early.ivpCore) {
    if (!inline) return early.ivpCore;
    try { return await early.ivpCore; } catch { /* once more below, which shows what failed */ }
  }
  if (inline) {
    const decoder = document.getElementById('ivp-unlzma');
    const bytes = await ivpUnpackInlineCore(inline.textContent, decoder ? decoder.textContent : '');
    ivpMark('ivp-core-bytes');
    return bytes;
  }
  if (!/^https?:$/.test(location.protocol)) {
    throw new Error(`deze pagina heeft het bestand ${IVP_CORE_FILE} nodig en werkt alleen via een website; ` +
      'open voor gebruik zonder internet het bestand ivp-rekenhulp.html');
  }
  return new URL(IVP_CORE_FILE, location.href);
}

(async function ivpStart() {
  ivpMark('ivp-boot');
  const root = document.getElementById('ivp-app');
  if (!root) return;
  try {
    let core;
    try {
      core = await ivpLoadCore(await ivpCoreSource());
    } finally {
      ivpCloseConnections();
    }
    let storage = null;
    try { storage = window.localStorage; } catch { storage = null; }
    ivpMount(root, core, { storage });
  } catch (error) {
    const box = document.getElementById('ivp-error');
    box.hidden = false;
    box.textContent = 'De rekenhulp kon niet starten in deze browser. Probeer een recente versie van ' +
      `Firefox, Chrome, Edge of Safari. (${error && error.message ? error.message : error})`;
  }
}());
