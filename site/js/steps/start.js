// Step 1, "Start": the date of the melding, and the user's input kept on
// their own computer: a file to save and open, this browser's storage (only
// while the box is ticked; never a cookie), and "Alles wissen". A file or a
// remembered scenario replaces what is on screen only after the core
// accepted it.
// ctx (site/js/mount.js): $, core, today, storage, state, update, download.
import { applyScenario, scenario } from '../scenario.js';

const IVP_STORAGE_KEY = 'ivp-rekenhulp-scenario';

// Saves the scenario in this browser, only while the box is ticked.
export function rememberNow(ctx) {
  const { $, storage } = ctx;
  const remember = $('#ivp-remember');
  if (!storage || !remember.checked) return;
  try { storage.setItem(IVP_STORAGE_KEY, JSON.stringify(scenario(ctx))); } catch { /* full or blocked: nothing to do */ }
}

function meldingField(ctx) {
  const meldingInput = ctx.$('#ivp-melding');
  // The date the field starts with, as its default (the attribute): the same
  // on screen and in `value`. Setting `value` on a date field before the
  // page's first style and layout (the single file can start before them) took
  // 18-33 ms of the page's thread there, before the first result, against
  // 0.2 ms on a page laid out once; the attribute leaves that work to the
  // first layout (docs/perf.md, "Start-up"). A date put back later
  // (applyScenario) sets `value`.
  meldingInput.setAttribute('value', ctx.state.melding);
  meldingInput.addEventListener('input', () => { ctx.state.melding = meldingInput.value; ctx.update(); });
}

// "Bewaar als bestand" and "Open een bewaard bestand".
function fileButtons(ctx) {
  const { $, core, today } = ctx;
  const fileStatus = $('#ivp-file-status');
  const download = ctx.download;
  $('#ivp-save-file').addEventListener('click', () => {
    download(`mijn-ivp-${today}.json`, 'application/json', `${JSON.stringify(scenario(ctx), null, 2)}\n`);
    fileStatus.classList.remove('ivp-field-error');
    fileStatus.textContent = `Het bestand "mijn-ivp-${today}.json" staat in uw map met downloads.`;
  });
  const loadInput = $('#ivp-load-file');
  loadInput.addEventListener('change', async () => {
    const file = loadInput.files && loadInput.files[0];
    if (!file) return;
    const text = await file.text();
    loadInput.value = '';
    // The core judges the file first; only a file it accepts replaces what is on screen.
    const outcome = core.calculateText(text, today);
    if (outcome.error) {
      fileStatus.classList.add('ivp-field-error');
      fileStatus.textContent = `Dit bestand kan niet worden geopend: ${outcome.error.message} Uw gegevens op het scherm zijn niet veranderd.`;
      return;
    }
    applyScenario(ctx, JSON.parse(text));
    fileStatus.classList.remove('ivp-field-error');
    fileStatus.textContent = `Het bestand "${file.name}" is geopend.`;
  });
}

// "Onthoud mijn gegevens in deze browser".
function rememberBox(ctx) {
  const { $, storage } = ctx;
  const fileStatus = $('#ivp-file-status');
  const remember = $('#ivp-remember');
  remember.disabled = !storage;
  remember.addEventListener('change', () => {
    if (!storage) return;
    if (remember.checked) rememberNow(ctx);
    else { try { storage.removeItem(IVP_STORAGE_KEY); } catch { /* blocked */ } }
    fileStatus.classList.remove('ivp-field-error');
    fileStatus.textContent = remember.checked ? 'Uw gegevens worden nu in deze browser onthouden.' : 'Uw gegevens worden niet meer onthouden in deze browser.';
  });
}

// Wiping asks once more: a press by accident (a switch, a dwell click)
// must not throw away an hour of work.
function clearAllBox(ctx) {
  const { $, storage } = ctx;
  const fileStatus = $('#ivp-file-status');
  const remember = $('#ivp-remember');
  const clearBox = $('#ivp-clear-box');
  const clearAll = $('#ivp-clear-all');
  const setClearBox = (open) => { clearBox.hidden = !open; clearAll.setAttribute('aria-expanded', String(open)); };
  clearAll.addEventListener('click', () => { setClearBox(true); $('#ivp-clear-confirm').focus(); });
  $('#ivp-clear-cancel').addEventListener('click', () => { setClearBox(false); clearAll.focus(); });
  $('#ivp-clear-confirm').addEventListener('click', () => {
    setClearBox(false);
    clearAll.focus();
    if (storage) { try { storage.removeItem(IVP_STORAGE_KEY); } catch { /* blocked */ } }
    remember.checked = false;
    applyScenario(ctx, {});
    fileStatus.classList.remove('ivp-field-error');
    fileStatus.textContent = 'Alles is gewist. U begint opnieuw.';
  });
}

export function ivpStartMount(ctx) {
  meldingField(ctx);
  fileButtons(ctx);
  rememberBox(ctx);
  clearAllBox(ctx);
}

// What this browser remembered (only there when the user ticked the box):
// applied when the core accepts it. True when it was.
export function ivpRestore(ctx) {
  const { $, core, storage, today } = ctx;
  const remember = $('#ivp-remember');
  let restored = false;
  if (storage) {
    let saved = null;
    try { saved = storage.getItem(IVP_STORAGE_KEY); } catch { saved = null; }
    if (saved && !core.calculateText(saved, today).error) {
      remember.checked = true;
      applyScenario(ctx, JSON.parse(saved));
      restored = true;
    }
  }
  return restored;
}
