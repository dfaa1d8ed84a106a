// Start of the stand-alone page: the core's bytes sit in the page itself
// (no request is made).
/* global ivpLoadCore, ivpDecodeBase64, ivpMount */
(async function ivpStart() {
  const root = document.getElementById('ivp-app');
  if (!root) return;
  try {
    const bytes = ivpDecodeBase64(document.getElementById('ivp-wasm').textContent);
    const core = await ivpLoadCore(bytes);
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
