// The page: builds the form from the catalogue, sends the scenario to the
// core at every change and shows the result. It computes no rule itself;
// it only formats what the core returns. Works inside a shadow root too
// (everything is looked up from `root`, nothing from `document` globals).
/* global ivpLoadCore, ivpDecodeBase64 */
'use strict';

const IVP_KIND_LABEL = { client_bound: 'cliëntgebonden', reusable: 'herinzetbaar' };
const IVP_LAW_LABEL = { wmo: 'Wmo (gemeente)', zvw: 'Zvw (zorgverzekeraar)' };
const IVP_MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
  'september', 'oktober', 'november', 'december'];

function ivpEuro(amount) {
  return '€\u00a0' + Math.round(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function ivpRange(range) {
  return range.min === range.max ? ivpEuro(range.min) : `${ivpEuro(range.min)} – ${ivpEuro(range.max)}`;
}

function ivpDutchDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${IVP_MONTHS[m - 1]} ${y}`;
}

function ivpToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// What a person types as an amount ("5.000", "€ 5000", "5 000") into the
// number JSON carries. Anything that is not a plain number is passed on as
// text, so the core's Dutch message explains what is wrong.
function ivpAmountFromText(text) {
  let t = text.trim().replace(/^€\s*/, '').replace(/[\s\u00a0]/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '');
  t = t.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : text;
}

function ivpElement(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null) continue;
    if (key === 'text') el.textContent = value;
    else if (key === 'className') el.className = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

function ivpMount(root, core, options = {}) {
  const catalogue = core.catalogue();
  const today = options.today || ivpToday();
  const state = {
    melding: today,
    selected: new Set(catalogue.provisions.map((p) => p.id)),
    amountText: new Map(),  // id → what the user typed
  };
  const $ = (selector) => root.querySelector(selector);
  const rows = new Map();

  // --- build the form once ---------------------------------------------------
  const meldingInput = $('#ivp-melding');
  meldingInput.value = state.melding;

  const tables = $('#ivp-tables');
  for (const law of ['wmo', 'zvw']) {
    const heading = ivpElement('h3', { id: `ivp-h-${law}`, text: IVP_LAW_LABEL[law] });
    const table = ivpElement('table', { className: 'ivp-table', 'aria-labelledby': `ivp-h-${law}` });
    table.append(ivpElement('thead', {}, ivpElement('tr', {},
      ivpElement('th', { scope: 'col', text: 'In het plan' }),
      ivpElement('th', { scope: 'col', text: 'Soort' }),
      ivpElement('th', { scope: 'col', text: 'Bedrag' }),
      ivpElement('th', { scope: 'col', text: 'Levering volgens ALS-protocol' }))));
    const body = ivpElement('tbody');
    for (const p of catalogue.provisions.filter((q) => q.law === law)) {
      const checkId = `ivp-sel-${p.id}`;
      const amountId = `ivp-amount-${p.id}`;
      const errorId = `ivp-err-${p.id}`;
      const noteId = `ivp-note-${p.id}`;
      const check = ivpElement('input', { type: 'checkbox', id: checkId, checked: true, 'data-id': p.id,
        'aria-describedby': p.need_reason ? noteId : undefined });
      const nameCell = ivpElement('td', { className: 'ivp-name' },
        ivpElement('label', { for: checkId, className: 'ivp-check' }, check,
          ivpElement('span', { text: p.name })));
      if (p.need_reason) {
        nameCell.append(ivpElement('p', { id: noteId, className: 'ivp-note',
          text: `Niet altijd nodig: ${p.need_reason.text}` }));
      }
      const amount = ivpElement('input', { type: 'text', inputmode: 'numeric', id: amountId,
        value: String(p.amount), 'data-id': p.id, autocomplete: 'off',
        'aria-describedby': `${errorId} ivp-amount-help` });
      const amountCell = ivpElement('td', { className: 'ivp-amount' },
        ivpElement('label', { for: amountId, className: 'ivp-visually-hidden',
          text: `Bedrag voor ${p.name} in euro` }),
        ivpElement('span', { className: 'ivp-euro', 'aria-hidden': 'true', text: '€' }), amount,
        ivpElement('p', { id: errorId, className: 'ivp-field-error', hidden: true }));
      const delivery = ivpElement('td', { className: 'ivp-delivery' });
      body.append(ivpElement('tr', { 'data-id': p.id }, nameCell,
        ivpElement('td', { text: IVP_KIND_LABEL[p.kind] }), amountCell, delivery));
      rows.set(p.id, { check, amount, error: amountCell.querySelector('.ivp-field-error'), delivery, provision: p });
    }
    table.append(body);
    tables.append(ivpElement('section', { className: 'ivp-law' }, heading, table));
  }

  // --- the scenario, from the form --------------------------------------------
  function scenario() {
    const s = { schema: 1, melding: state.melding, provisions: [], overrides: {} };
    for (const p of catalogue.provisions) {
      if (state.selected.has(p.id)) s.provisions.push(p.id);
      const typed = state.amountText.get(p.id);
      if (typed !== undefined && typed.trim() !== '') {
        const amount = ivpAmountFromText(typed);
        if (amount !== p.amount) s.overrides[p.id] = { amount };
      }
    }
    return s;
  }

  // --- showing a result ----------------------------------------------------------
  const status = $('#ivp-status');
  const errorBox = $('#ivp-error');

  function showError(error) {
    errorBox.hidden = false;
    errorBox.textContent = `Uw laatste wijziging is nog niet verwerkt: ${error.message} ` +
      'De bedragen hieronder horen bij uw laatste juiste invoer.';
    const match = /^\/overrides\/([^/]+)/.exec(error.where || '');
    if (match && rows.has(match[1])) {
      const row = rows.get(match[1]);
      row.amount.setAttribute('aria-invalid', 'true');
      row.error.hidden = false;
      row.error.textContent = error.message;
    } else if ((error.where || '').startsWith('/melding')) {
      meldingInput.setAttribute('aria-invalid', 'true');
      const meldingError = $('#ivp-melding-error');
      meldingError.hidden = false;
      meldingError.textContent = error.message;
    }
  }

  function clearErrors() {
    errorBox.hidden = true;
    errorBox.textContent = '';
    for (const row of rows.values()) {
      row.amount.removeAttribute('aria-invalid');
      row.error.hidden = true;
      row.error.textContent = '';
    }
    meldingInput.removeAttribute('aria-invalid');
    $('#ivp-melding-error').hidden = true;
  }

  function renderBars(budget) {
    const parts = [
      ['wmo', 'client_bound', 'Wmo cliëntgebonden'], ['wmo', 'reusable', 'Wmo herinzetbaar'],
      ['zvw', 'client_bound', 'Zvw cliëntgebonden'], ['zvw', 'reusable', 'Zvw herinzetbaar']];
    const scale = Math.max(budget.total.max, 1);
    for (const bound of ['min', 'max']) {
      const bar = $(`#ivp-bar-${bound}`);
      bar.replaceChildren();
      for (const [law, kind, label] of parts) {
        const value = budget[law][kind][bound];
        const segment = ivpElement('span', { className: `ivp-seg ivp-seg-${law}-${kind}`, title: `${label}: ${ivpEuro(value)}` });
        segment.style.width = `${(100 * value) / scale}%`;
        bar.append(segment);
      }
      bar.setAttribute('aria-label', `${bound === 'min' ? 'Minimum' : 'Maximum'} ${ivpEuro(budget.total[bound])}: ` +
        parts.map(([law, kind, label]) => `${label} ${ivpEuro(budget[law][kind][bound])}`).join(', '));
    }
    for (const [law, kind] of parts) $(`#ivp-legend-${law}-${kind}`).textContent = ivpRange(budget[law][kind]);
  }

  function render(result) {
    const b = result.budget;
    $('#ivp-total').textContent = ivpRange(b.total);
    $('#ivp-total-wmo').textContent = ivpRange(b.wmo.total);
    $('#ivp-total-zvw').textContent = ivpRange(b.zvw.total);
    renderBars(b);
    const byId = new Map(result.provisions.map((p) => [p.id, p]));
    for (const [id, row] of rows) {
      const p = byId.get(id);
      row.delivery.textContent = p ? `${ivpDutchDate(p.delivery.als_protocol)} (${p.sla_werkdagen.totaal} werkdagen)` : '—';
    }
    $('#ivp-count').textContent = String(result.provisions.length);
    $('#ivp-notes').replaceChildren(...result.notes.map((n) => ivpElement('li', { text: n })));
    status.textContent = `Totaal bijgewerkt: ${ivpRange(b.total)}.`;
    root.dispatchEvent(new CustomEvent('ivp-result', { detail: result, bubbles: true, composed: true }));
  }

  function update() {
    const outcome = core.calculate(scenario(), today);
    if (outcome.error) {
      clearErrors();
      showError(outcome.error);
      return;
    }
    clearErrors();
    render(outcome.result);
  }

  // --- events ---------------------------------------------------------------------
  meldingInput.addEventListener('input', () => { state.melding = meldingInput.value; update(); });
  tables.addEventListener('change', (event) => {
    const id = event.target.getAttribute('data-id');
    if (event.target.type !== 'checkbox' || !id) return;
    if (event.target.checked) state.selected.add(id); else state.selected.delete(id);
    update();
  });
  tables.addEventListener('input', (event) => {
    const id = event.target.getAttribute('data-id');
    if (event.target.type !== 'text' || !id) return;
    state.amountText.set(id, event.target.value);
    update();
  });
  const setAll = (on) => {
    for (const [id, row] of rows) { row.check.checked = on; if (on) state.selected.add(id); else state.selected.delete(id); }
    update();
  };
  $('#ivp-all').addEventListener('click', () => setAll(true));
  $('#ivp-none').addEventListener('click', () => setAll(false));
  $('#ivp-reset-amounts').addEventListener('click', () => {
    state.amountText.clear();
    for (const row of rows.values()) row.amount.value = String(row.provision.amount);
    update();
  });

  update();
  return { update, scenario };
}

// Start: the core's bytes sit in the page itself (no request is made).
(async function ivpStart() {
  const root = document.getElementById('ivp-app');
  if (!root) return;
  try {
    const bytes = ivpDecodeBase64(document.getElementById('ivp-wasm').textContent);
    const core = await ivpLoadCore(bytes);
    root.classList.remove('ivp-loading');
    ivpMount(root, core);
  } catch (error) {
    const box = document.getElementById('ivp-error');
    box.hidden = false;
    box.textContent = 'De rekenhulp kon niet starten in deze browser. Probeer een recente versie van ' +
      `Firefox, Chrome, Edge of Safari. (${error && error.message ? error.message : error})`;
  }
}());
