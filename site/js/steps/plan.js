// Mijn IVP (docs/ivp-model.md): per provision when it is needed and its
// real dates; beside the budget the printed table of the ALS protocol.
import { ivpElement, ivpMissing } from '../dom.js';
import { ivpDutchDate, ivpEuro, ivpJoin, ivpRange } from '../format.js';
import { ivpTracksOf } from '../result-tables.js';

// The core decides everything (docs/ivp-model.md, docs/result.md "Mijn IVP");
// these functions only carry the user's answers to the scenario and show
// the result's `table_budget`, `plan` and per provision `in_plan`, `calloff`.
const IVP_PLAN_EVENTS = [['melding', 'Afgeroepen (gemeld) op'], ['aanvraag', 'Aanvraag gedaan op'],
  ['beschikking', 'Besluit (beschikking) op'], ['doorgegeven', 'Doorgegeven aan de leverancier op'],
  ['passing', 'Passing op'], ['levering', 'Geleverd op']];
const IVP_PLAN_KEYS = ['needed', 'actual', 'keep_in_budget'];
const IVP_CALLOFF_LABEL = { melding: 'vanaf uw eerste melding op', werkelijk: 'afgeroepen op', verwacht: 'afroepen uiterlijk op' };

// Document and section, never a line number (those are for maintainers, in data/).
function ivpPlanSource(source) {
  if (!source) return '';
  return [source.document || 'ALS protocol hulpmiddelen', source.section].filter(Boolean).join(', ');
}

function ivpPlanField(id, label, control) {
  return ivpElement('div', { className: 'ivp-field' }, ivpElement('label', { for: id, className: 'ivp-field-label', text: label }), control);
}

// Built once per provision row (focus stays where it is while the result changes).
export function ivpPlanControls(p, cell) {
  const attr = (what, extra = {}) => ({ id: `ivp-${what}-${p.id}`, 'data-plan-id': p.id, 'data-plan': what, ...extra });
  const kind = ivpElement('select', attr('need-kind'),
    ...[['', 'Weet ik nog niet'], ['now', 'Nu'], ['months', 'Over ongeveer … maanden'], ['date', 'Op een datum']]
      .map(([value, text]) => ivpElement('option', { value, text })));
  const months = ivpElement('input', attr('need-months', { type: 'text', inputmode: 'numeric', autocomplete: 'off' }));
  const date = ivpElement('input', attr('need-date', { type: 'date' }));
  const monthsField = ivpPlanField(months.id, 'Over hoeveel maanden?', months);
  const dateField = ivpPlanField(date.id, 'Op welke datum?', date);
  monthsField.hidden = true;
  dateField.hidden = true;
  const actual = new Map(IVP_PLAN_EVENTS.map(([event]) => [event,
    ivpElement('input', attr(`actual-${event}`, { type: 'date', 'data-event': event }))]));
  const keep = ivpElement('input', attr('keep', { type: 'checkbox' }));
  const keepLabel = ivpElement('label', { for: keep.id, className: 'ivp-check', hidden: true }, keep,
    ivpElement('span', { text: 'Toch meetellen in mijn budget' }));
  const out = ivpElement('p', { className: 'ivp-note ivp-plan-out', hidden: true });
  const when = ivpElement('p', { className: 'ivp-note ivp-plan-when' });
  cell.append(out, keepLabel, ivpElement('details', { className: 'ivp-more ivp-plan-dates' },
    ivpElement('summary', { text: 'Wanneer nodig? Uw data', 'aria-label': `Wanneer nodig? Uw data: ${p.name}` }),
    ivpPlanField(kind.id, `Wanneer heeft u ${p.name.toLowerCase()} nodig?`, kind), monthsField, dateField,
    ivpElement('p', { className: 'ivp-subhead', text: 'Wat is er al gebeurd? Vul de data in die u weet.' }),
    ...IVP_PLAN_EVENTS.map(([event, label]) => ivpPlanField(actual.get(event).id, label, actual.get(event))), when));
  return { kind, months, date, monthsField, dateField, actual, keep, keepLabel, out, when };
}

// A change in a plan control: into the state. True when it was one.
export function ivpPlanInput(target, state) {
  const id = target.getAttribute('data-plan-id');
  const what = target.getAttribute('data-plan');
  if (!id || !what) return false;
  if (what === 'keep') {
    if (target.checked) state.keep.add(id); else state.keep.delete(id);
  } else if (what.startsWith('need-')) {
    const need = { ...(state.needed.get(id) || {}) };
    need[{ 'need-kind': 'kind', 'need-months': 'months', 'need-date': 'date' }[what]] = target.value;
    state.needed.set(id, need);
    const row = target.closest('details');
    if (what === 'need-kind' && row) {
      row.querySelector(`#ivp-need-months-${CSS.escape(id)}`).closest('.ivp-field').hidden = target.value !== 'months';
      row.querySelector(`#ivp-need-date-${CSS.escape(id)}`).closest('.ivp-field').hidden = target.value !== 'date';
    }
  } else if (what.startsWith('actual-')) {
    const events = { ...(state.actual.get(id) || {}) };
    if (target.value) events[target.getAttribute('data-event')] = target.value;
    else delete events[target.getAttribute('data-event')];
    state.actual.set(id, events);
  }
  return true;
}

// The scenario keys of the plan; keys the page has no field for stay as loaded.
export function ivpPlanScenario(s, state) {
  const out = { ...state.kept, ...s };
  const needed = {};
  for (const [id, n] of state.needed) {
    if (n.kind === 'now') needed[id] = { months: 0 };
    else if (n.kind === 'months' && String(n.months || '').trim() !== '') {
      const months = Number(String(n.months).trim());
      needed[id] = { months: Number.isFinite(months) ? months : String(n.months) };
    } else if (n.kind === 'date' && n.date) needed[id] = n.date;
  }
  const actual = {};
  for (const [id, events] of state.actual) if (Object.keys(events).length) actual[id] = events;
  if (Object.keys(needed).length) out.needed = needed; else delete out.needed;
  if (Object.keys(actual).length) out.actual = actual; else delete out.actual;
  if (state.keep.size) out.keep_in_budget = [...state.keep]; else delete out.keep_in_budget;
  return out;
}

// A loaded scenario (accepted by the core) into the state and the controls.
export function ivpPlanApply(s, state, rows) {
  // policy and policy_pack (the policy box), checklist and brief (steps/kit.js)
  // are owned by other parts of the page: never kept here behind their back.
  const known = new Set(['schema', 'melding', 'provisions', 'overrides', 'profile', ...IVP_PLAN_KEYS,
    'policy', 'policy_pack', 'checklist', 'brief']);
  state.kept = Object.fromEntries(Object.entries(s).filter(([key]) => !known.has(key)));
  state.needed = new Map(Object.entries(s.needed || {}).map(([id, v]) => [id,
    typeof v === 'string' ? { kind: 'date', date: v } : v.months === 0 ? { kind: 'now' } : { kind: 'months', months: String(v.months) }]));
  state.actual = new Map(Object.entries(s.actual || {}).map(([id, events]) => [id, { ...events }]));
  state.keep = new Set(s.keep_in_budget || []);
  for (const [id, row] of rows) {
    const c = row.plan;
    const need = state.needed.get(id) || {};
    c.kind.value = need.kind || '';
    c.months.value = need.months || '';
    c.date.value = need.date || '';
    c.monthsField.hidden = need.kind !== 'months';
    c.dateField.hidden = need.kind !== 'date';
    const events = state.actual.get(id) || {};
    for (const [event, input] of c.actual) input.value = events[event] || '';
    c.keep.checked = state.keep.has(id);
  }
}

// The provisions in the order they will be called off (the core's plan.order).
export function ivpPlanOrder(result) {
  const order = result.plan && Array.isArray(result.plan.order) ? result.plan.order : [];
  const byId = new Map(result.provisions.map((p) => [p.id, p]));
  const ordered = order.map((id) => byId.get(id)).filter(Boolean);
  return ordered.length === result.provisions.length ? ordered : [...result.provisions];
}

// One provision's SLA window: from its call-off to its delivery; too slow or not.
// `result`: the result `p` belongs to (its `timelines`).
export function ivpPlanWindow(result, p) {
  const tracks = ivpTracksOf(result, p);
  const c = p.calloff;
  if (!c) return [];
  const lines = [ivpElement('p', { className: 'ivp-note',
    text: `Termijn: ${IVP_CALLOFF_LABEL[c.kind] || 'vanaf'} ${ivpDutchDate(c.date)}, klaar op ${ivpDutchDate(p.delivery.als_protocol)}.` })];
  if (c.needed) {
    lines.push(ivpElement('p', { className: c.too_slow ? 'ivp-plan-slow' : 'ivp-note',
      text: c.too_slow ? `Te laat: u heeft het nodig op ${ivpDutchDate(c.needed)}, maar volgens de termijnen is het er pas op ${ivpDutchDate(tracks ? tracks.als_protocol.end : p.delivery.als_protocol)}.`
        : c.kind === 'werkelijk' ? `Op tijd voor ${ivpDutchDate(c.needed)}.`
          : `Op tijd voor ${ivpDutchDate(c.needed)}, als u uiterlijk ${ivpDutchDate(c.latest || c.date)} afroept.` }));
  }
  return lines;
}

export function ivpPlanTable(table) {
  const LAWS = [['wmo', 'Wmo (gemeente)'], ['zvw', 'Zvw (zorgverzekeraar)']];
  const KINDS = [['client_bound', 'Cliëntgebonden'], ['reusable', 'Herinzetbaar']];
  const rows = [];
  for (const [law, lawLabel] of LAWS) {
    for (const [kind, kindLabel] of KINDS) {
      const cell = table[law][kind];
      rows.push(ivpElement('tr', {}, ivpElement('th', { scope: 'row', text: `${lawLabel}, ${kindLabel.toLowerCase()}` }),
        ivpElement('td', { className: 'ivp-amount', text: ivpRange(cell) }), ivpElement('td', { className: 'ivp-source', text: ivpPlanSource(cell.source) })));
    }
    rows.push(ivpElement('tr', {}, ivpElement('th', { scope: 'row', text: `${lawLabel}, totaal` }),
      ivpElement('td', { className: 'ivp-amount', text: `${table[law].printed_total_approximate ? 'ca. ' : ''}${ivpEuro(table[law].printed_total)}` }),
      ivpElement('td', { className: 'ivp-source', text: ivpPlanSource(table[law].printed_total_source) })));
  }
  return ivpElement('table', { className: 'ivp-table ivp-table-budget' },
    ivpElement('caption', { text: 'De tabel van het ALS protocol, zoals hij gedrukt staat' }),
    ivpElement('thead', {}, ivpElement('tr', {}, ...['Deel', 'Bedrag in de tabel', 'Bron'].map((t) => ivpElement('th', { scope: 'col', text: t })))),
    ivpElement('tbody', {}, ...rows));
}

function ivpPlanAssumptions(plan) {
  return ivpElement('details', { className: 'ivp-more ivp-assumptions' },
    ivpElement('summary', { text: 'Onze aannames bij uw plan' }),
    ivpElement('p', { text: 'Dit staat niet in het ALS protocol. Het zijn keuzes van de rekenhulp, met de reden.' }),
    ivpElement('ul', {}, ...plan.assumptions.map((a) => ivpElement('li', {},
      ivpElement('strong', { text: 'Onze aanname: ' }), a.text, ivpElement('p', { className: 'ivp-note', text: `Waarom: ${a.reasoning}` })))));
}

function ivpPlanTooSlow(result) {
  const plan = result.plan;
  if (!plan || !plan.too_slow || !plan.too_slow.length) return [];
  const names = result.provisions.filter((p) => plan.too_slow.includes(p.id)).map((p) => p.name);
  return [ivpElement('div', { className: 'ivp-notice ivp-too-slow', role: 'note' },
    ivpElement('p', {}, ivpElement('strong', { text: 'Te laat voor wanneer u het nodig heeft: ' }), ivpJoin(names)),
    ivpElement('p', { text: 'Met de termijnen van het ALS protocol komt dit pas na de datum die u noemde. Het protocol noemt twee dingen die u kunt vragen:' }),
    ivpElement('ul', {}, ...plan.remedies.map((r) => ivpElement('li', {}, ivpElement('strong', { text: `${r.title}. ` }), r.text,
      ivpElement('p', { className: 'ivp-source', text: `Bron: ${[r.source, r.also].filter(Boolean).map(ivpPlanSource).join('; ')}` })))))];
}

// Beside the budget: the printed table, our assumptions; per row: in the budget or not, and why.
export function ivpPlanRender(result, root, rows) {
  const byId = new Map(result.provisions.map((p) => [p.id, p]));
  for (const [id, row] of rows) {
    const p = byId.get(id);
    const c = row.plan;
    const out = p && p.in_plan === false;
    c.out.hidden = !(out || (p && p.plan_kept));
    c.out.textContent = p && p.plan_reason ? `${p.plan_reason}${(p.plan_reasons || []).length ? ` Niet voldaan: ${p.plan_reasons.map((r) => r.text).join(' ')}` : ''}` : '';
    c.keepLabel.hidden = !(out || (p && p.plan_kept));
    c.when.textContent = p && p.calloff ? ivpPlanWindow(result, p).map((e) => e.textContent).join(' ') : '';
  }
  const table = root.querySelector('#ivp-table-budget');
  if (table) {
    table.replaceChildren(...(result.table_budget
      ? [ivpElement('h3', { text: 'Uw plan naast de tabel van het ALS protocol' }),
        ivpElement('p', { text: `${result.table_budget.note} Uw budget hierboven: ${ivpRange(result.budget.total)}.` }),
        ivpPlanTable(result.table_budget)] : [ivpMissing('De tabel van het ALS protocol')]));
  }
  const assumptions = root.querySelector('#ivp-assumptions');
  if (assumptions) assumptions.replaceChildren(...(result.plan ? [ivpPlanAssumptions(result.plan)] : []));
  const slow = root.querySelector('#ivp-too-slow');
  if (slow) slow.replaceChildren(...ivpPlanTooSlow(result));
}

// For the print: the table beside the plan, what left the budget, what is too slow.
export function ivpPlanPrint(result) {
  const parts = [];
  if (result.table_budget) parts.push(ivpElement('p', { text: 'Naast mijn plan: de tabel van het ALS protocol.' }), ivpPlanTable(result.table_budget));
  const out = result.provisions.filter((p) => p.in_plan === false);
  if (out.length) {
    parts.push(ivpElement('p', { text: `Telt niet mee in mijn budget (het ALS protocol zegt "nee" bij mijn antwoorden): ${ivpJoin(out.map((p) => p.name))}.` }));
  }
  if (result.plan) {
    parts.push(...ivpPlanTooSlow(result),
      ivpElement('p', { className: 'ivp-note', text: `Onze aannames: ${result.plan.assumptions.map((a) => a.text).join(' ')}` }));
  }
  return parts;
}
