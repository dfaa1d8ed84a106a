// Step 3, "Voorzieningen": a table per law (Wmo, Zvw) with a row per
// provision of the catalogue: in the plan or not, the amount (the table's or
// the user's quote), the verdict cell (filled by eligibility.js) and the
// plan's controls (plan.js). The user's choices go into the state.
// ctx (site/js/mount.js): $, catalogue, state, rows, update.
import { ivpElement } from '../dom.js';
import { ivpPlanControls, ivpPlanInput } from './plan.js';

const IVP_KIND_LABEL = { client_bound: 'cliëntgebonden', reusable: 'herinzetbaar' };
const IVP_LAW_LABEL = { wmo: 'Wmo (gemeente)', zvw: 'Zvw (zorgverzekeraar)' };

// One row: check box, amount field, verdict cell; the plan's controls.
function provisionRow(p) {
  const checkId = `ivp-sel-${p.id}`;
  const amountId = `ivp-amount-${p.id}`;
  const errorId = `ivp-err-${p.id}`;
  const noteId = `ivp-note-${p.id}`;
  const check = ivpElement('input', { type: 'checkbox', id: checkId, checked: true, 'data-id': p.id,
    'aria-describedby': p.need_reason ? noteId : undefined });
  const nameCell = ivpElement('td', { className: 'ivp-name' },
    ivpElement('label', { for: checkId, className: 'ivp-check' }, check, ivpElement('span', { text: p.name })),
    ivpElement('p', { className: 'ivp-note', text: IVP_KIND_LABEL[p.kind] }));
  if (p.need_reason) {
    nameCell.append(ivpElement('p', { id: noteId, className: 'ivp-note',
      text: `Niet altijd nodig: ${p.need_reason.text}` }));
  }
  const amount = ivpElement('input', { type: 'text', inputmode: 'numeric', id: amountId,
    value: String(p.amount), 'data-id': p.id, autocomplete: 'off',
    'aria-describedby': `${errorId} ivp-amount-help` });
  const amountCell = ivpElement('td', { className: 'ivp-amount' },
    ivpElement('label', { for: amountId, className: 'ivp-visually-hidden', text: `Bedrag voor ${p.name} in euro` }),
    ivpElement('span', { className: 'ivp-euro', 'aria-hidden': 'true', text: '€' }), amount,
    ivpElement('p', { id: errorId, className: 'ivp-field-error', hidden: true }));
  const verdict = ivpElement('td', { className: 'ivp-eligibility' });
  const tr = ivpElement('tr', { 'data-id': p.id }, nameCell, amountCell, verdict);
  return { tr, row: { check, amount, error: amountCell.querySelector('.ivp-field-error'), verdict, provision: p,
    plan: ivpPlanControls(p, nameCell) } };
}

function lawTable(ctx, law) {
  const heading = ivpElement('h3', { id: `ivp-h-${law}`, text: IVP_LAW_LABEL[law] });
  const table = ivpElement('table', { className: 'ivp-table', 'aria-labelledby': `ivp-h-${law}` });
  table.append(ivpElement('thead', {}, ivpElement('tr', {},
    ivpElement('th', { scope: 'col', text: 'In het plan' }),
    ivpElement('th', { scope: 'col', text: 'Bedrag' }),
    ivpElement('th', { scope: 'col', text: 'Krijgt u het?' }))));
  const body = ivpElement('tbody');
  for (const p of ctx.catalogue.provisions.filter((q) => q.law === law)) {
    const { tr, row } = provisionRow(p);
    body.append(tr);
    ctx.rows.set(p.id, row);
  }
  table.append(body);
  return ivpElement('section', { className: 'ivp-law' }, heading, table);
}

export function ivpProvisionsMount(ctx) {
  const { $, state, rows } = ctx;
  const update = () => ctx.update();
  const tables = $('#ivp-tables');
  for (const law of ['wmo', 'zvw']) tables.append(lawTable(ctx, law));
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
  tables.addEventListener('change', (event) => { if (ivpPlanInput(event.target, state)) update(); });
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
}
