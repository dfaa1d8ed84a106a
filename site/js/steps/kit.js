// The keukentafel kit on the page (docs/kit.md): the checklist to tick, what
// to ask, the dates of the request, the escalation when a term has passed,
// and the letters. Everything shown comes from the core's `result.kit`,
// `result.late_decision` and its `letter()`; this file decides no rule.

import { ivpElement } from '../dom.js';
import { ivpDutchDate, ivpJoin } from '../format.js';

export const IVP_KIT_DATES = [
  ['aanvraag', 'Datum van uw aanvraag', 'De dag dat u de aanvraag deed (na het gesprek). Vanaf deze dag heeft de gemeente twee weken om te beslissen.'],
  ['beschikking', 'Datum van het besluit (beschikking)', 'De datum op de brief met het besluit. Vanaf de dag erna hebt u zes weken om bezwaar te maken.'],
  ['ingebrekestelling', 'Datum dat de gemeente uw ingebrekestelling ontving', 'Alleen als u al een ingebrekestelling hebt gestuurd.'],
];

// Adds the kit's part to a scenario; `dates` are merged, so that dates
// another part of the page entered are kept.
export function ivpKitMerge(s, part) {
  for (const [key, value] of Object.entries(part)) {
    if (key === 'dates') s.dates = { ...(s.dates || {}), ...value };
    else s[key] = value;
  }
  return s;
}

// "(Bron: …)" for a kit item: document and section, never a line number.
function ivpKitCite(item) {
  return ivpElement('span', { className: 'ivp-kit-cite', text: ` (Bron: ${item.cite})` });
}

// The kit's date fields (the dates of the request), each input in `dateInputs`.
function kitDateFields(dateInputs) {
  return IVP_KIT_DATES.map(([id, label, help]) => {
    const input = ivpElement('input', { type: 'date', id: `ivp-kit-date-${id}`, 'data-kit-date': id, 'aria-describedby': `ivp-kit-date-${id}-help` });
    dateInputs.set(id, input);
    return ivpElement('div', { className: 'ivp-field' },
      ivpElement('label', { for: input.id, className: 'ivp-field-label', text: label }), input,
      ivpElement('p', { id: `ivp-kit-date-${id}-help`, className: 'ivp-hint', text: help }));
  });
}

// A text field of the letter (name, address, municipality) → [control, field].
function kitTextField(id, label, multiline) {
  const control = ivpElement(multiline ? 'textarea' : 'input', multiline
    ? { id, rows: 3, autocomplete: 'off', 'data-kit-brief': id.replace('ivp-kit-brief-', '') }
    : { id, type: 'text', autocomplete: 'off', 'data-kit-brief': id.replace('ivp-kit-brief-', '') });
  return [control, ivpElement('div', { className: 'ivp-field' },
    ivpElement('label', { for: id, className: 'ivp-field-label', text: label }), control)];
}

// The kit's own elements (made once), put into `box`.
function kitView(box) {
  const checklistBox = ivpElement('ul', { className: 'ivp-kit-list', id: 'ivp-kit-checklist' });
  const requestsBox = ivpElement('ul', { className: 'ivp-kit-list', id: 'ivp-kit-requests' });
  const escalationBox = ivpElement('div', { id: 'ivp-kit-escalation' });
  const bezwaarLine = ivpElement('p', { id: 'ivp-kit-bezwaar' });
  const dateInputs = new Map();
  const dateFields = kitDateFields(dateInputs);
  const [naam, naamField] = kitTextField('ivp-kit-brief-naam', 'Uw naam', false);
  const [adres, adresField] = kitTextField('ivp-kit-brief-adres', 'Uw adres (straat en huisnummer, postcode en plaats)', true);
  const [gemeente, gemeenteField] = kitTextField('ivp-kit-brief-gemeente', 'Naam van uw gemeente', false);
  const briefInputs = { naam, adres, gemeente };
  const letterStatus = ivpElement('p', { id: 'ivp-kit-letter-status', className: 'ivp-hint', role: 'status' });
  const letterText = ivpElement('pre', { id: 'ivp-letter-text', className: 'ivp-letter', tabindex: '0' });
  const letterBox = ivpElement('section', { className: 'ivp-letter-box', id: 'ivp-letter-box', 'aria-label': 'De brief', hidden: true }, letterText,
    ivpElement('div', { className: 'ivp-actions ivp-noprint' },
      ivpElement('button', { type: 'button', id: 'ivp-letter-download', text: 'Bewaar de brief als tekstbestand' }),
      ivpElement('button', { type: 'button', id: 'ivp-letter-print', text: 'Druk de brief af (of bewaar als PDF)' })));
  box.replaceChildren(
    ivpElement('h3', { id: 'ivp-kit-title', text: 'Uw keukentafel-kit' }),
    ivpElement('p', { text: 'Wat u vooraf regelt, wat u mag vragen, en wat u doet als de gemeente te laat is. Wat u afvinkt en invult, wordt alleen bewaard als u op "Bewaar als bestand" drukt of de browser laat onthouden.' }),
    ivpElement('h4', { text: 'Voorbereiden: vink af wat u gedaan hebt' }), checklistBox,
    ivpElement('h4', { text: 'Wat u mag vragen' }),
    ivpElement('p', { className: 'ivp-hint', text: 'Volgens het ALS protocol hulpmiddelen, gekozen bij de voorzieningen in uw plan.' }), requestsBox,
    ivpElement('h4', { text: 'De data van uw aanvraag' }), ...dateFields,
    ivpElement('h4', { text: 'Als een termijn voorbij is' }), escalationBox,
    ivpElement('h4', { text: 'Brieven' }),
    ivpElement('p', { text: 'Een ingebrekestelling stuurt u als de gemeente niet op tijd beslist. Een bezwaarschrift stuurt u als u het niet eens bent met het besluit. De rekenhulp vult de data in; u kijkt de brief na en zet uw handtekening.' }),
    bezwaarLine, naamField, adresField, gemeenteField,
    ivpElement('div', { className: 'ivp-actions' },
      ivpElement('button', { type: 'button', id: 'ivp-letter-ingebrekestelling', 'data-letter': 'ingebrekestelling', text: 'Maak een ingebrekestelling' }),
      ivpElement('button', { type: 'button', id: 'ivp-letter-bezwaar', 'data-letter': 'bezwaar', text: 'Maak een bezwaarschrift' })),
    letterStatus, letterBox);
  return { box, checklistBox, requestsBox, escalationBox, bezwaarLine, dateInputs, briefInputs, letterStatus, letterText, letterBox };
}

// --- the scenario's part -------------------------------------------------------------
function scenarioPart(k) {
  const { state } = k;
  const part = {};
  if (state.checklist.size) part.checklist = [...state.checklist];
  const dates = Object.fromEntries(Object.entries(state.dates).filter(([, v]) => v));
  if (Object.keys(dates).length) part.dates = dates;
  const brief = Object.fromEntries(Object.entries(state.brief).filter(([, v]) => v.trim() !== ''));
  if (Object.keys(brief).length) part.brief = brief;
  return part;
}

function apply(k, s) {
  const { state } = k;
  const { dateInputs, briefInputs, letterBox, letterStatus } = k.v;
  state.checklist = new Set(Array.isArray(s.checklist) ? s.checklist : []);
  state.dates = {};
  for (const [id] of IVP_KIT_DATES) {
    const v = s.dates && typeof s.dates[id] === 'string' ? s.dates[id] : '';
    if (v) state.dates[id] = v;
    dateInputs.get(id).value = v;
  }
  for (const key of Object.keys(briefInputs)) {
    state.brief[key] = s.brief && typeof s.brief[key] === 'string' ? s.brief[key] : '';
    briefInputs[key].value = state.brief[key];
  }
  letterBox.hidden = true;
  letterStatus.textContent = '';
}

// --- showing the result's kit ----------------------------------------------------------
function renderChecklist(k, kit) {
  const { state } = k;
  const { checklistBox } = k.v;
  checklistBox.replaceChildren(...kit.checklist.map((item) => {
    const check = ivpElement('input', { type: 'checkbox', 'data-check': item.id });
    check.checked = state.checklist.has(item.id);
    const label = ivpElement('label', { className: 'ivp-check ivp-kit-check' }, check,
      ivpElement('span', { text: item.date ? `${item.text} Uiterlijk ${ivpDutchDate(item.date)}.` : item.text }));
    const points = item.points ? [ivpElement('ul', { className: 'ivp-kit-points' }, ...item.points.map((p) => ivpElement('li', { text: p })))] : [];
    return ivpElement('li', {}, label, ...points, ivpElement('p', { className: 'ivp-note', text: `Bron: ${item.cite}` }));
  }));
}

// Many names read as a wall: the first three and how many more.
const names = (list) => (list.length > 4 ? `${list.slice(0, 3).join(', ')} en ${list.length - 3} andere` : ivpJoin(list));
function requestItem(q) {
  return ivpElement('li', {}, q.text, ...(q.voor ? [ivpElement('span', { className: 'ivp-kit-voor', text: ` (bij: ${names(q.voor)})` })] : []),
    ivpKitCite(q));
}

function stepItem(step) {
  const parts = [ivpElement('strong', { text: `${ivpDutchDate(step.date)}: ${step.who || 'U'}` }), ` — ${step.text}`];
  if (step.contact) parts.push(ivpElement('span', { className: 'ivp-kit-contact', text: ` (${step.contact})` }));
  if (step.dwangsom_eerste_dag) parts.push(` De dwangsom loopt dan vanaf ${ivpDutchDate(step.dwangsom_eerste_dag)} tot uiterlijk ${ivpDutchDate(step.dwangsom_laatste_dag)}${step.dwangsom_maximum ? `, samen ten hoogste ${step.dwangsom_maximum.tekst}` : ''}.`);
  parts.push(ivpKitCite(step));
  return ivpElement('li', {}, ...parts);
}

function escalationBlocks(kit) {
  const terms = kit.escalation.terms;
  if (!terms.length) return [ivpElement('p', { text: 'Er is nu geen termijn voorbij. Vult u de echte data in, dan ziet u hier wat u doet als de gemeente of de leverancier te laat is.' })];
  // Terms whose steps (and their dates) are the same are shown together,
  // with the steps once.
  const groups = new Map();
  for (const t of terms) {
    const key = JSON.stringify(t.steps.map((st) => [st.id, st.date]));
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(t);
  }
  const termLine = (t) => ivpElement('li', {}, ivpElement('strong', { text: `${t.label}${t.provisions ? ` (${names(t.provisions)})` : ''}` }),
    `: de termijn eindigde op ${ivpDutchDate(t.termijn_einde)}.`);
  return [ivpElement('p', { className: 'ivp-hint', text: kit.escalation.wait.reasoning }),
    ...[...groups.values()].map((group) => ivpElement('div', { className: 'ivp-kit-term' },
      ivpElement('p', { text: group.length > 1 ? 'Deze termijnen zijn voorbij:' : 'Deze termijn is voorbij:' }),
      ivpElement('ul', {}, ...group.map(termLine)),
      ivpElement('p', { text: 'Wat u kunt doen, in deze volgorde:' }),
      ivpElement('ol', { className: 'ivp-kit-steps' }, ...group[0].steps.map(stepItem))))];
}

function bezwaarText(kit) {
  const b = kit.bezwaar;
  if (!b) return 'Vult u de datum van het besluit in, dan ziet u hier tot wanneer u bezwaar kunt maken.';
  return `Bezwaar maken kan tot en met ${ivpDutchDate(b.termijn_einde)}${b.atw_verschoven ? ' (doorgeschoven omdat de zes weken op een weekend of feestdag eindigden)' : ''}.${b.status === 'verstreken' ? ' Die dag is voorbij.' : ''} (Bron: ${b.cite})`;
}

function render(k, result) {
  const { box, requestsBox, escalationBox, bezwaarLine } = k.v;
  const kit = result && result.kit;
  box.hidden = !kit;
  if (!kit) return;
  renderChecklist(k, kit);
  requestsBox.replaceChildren(...kit.requests.map(requestItem));
  escalationBox.replaceChildren(...escalationBlocks(kit));
  bezwaarLine.textContent = bezwaarText(kit);
}

// The kit's part of the print ("Mijn IVP voor het keukentafelgesprek").
function summarySections(result) {
  const kit = result && result.kit;
  if (!kit) return [];
  const h = (t) => ivpElement('h4', { text: t });
  const checklist = ivpElement('ul', { className: 'ivp-kit-print-checklist' }, ...kit.checklist.map((item) => ivpElement('li', {},
    `${item.done ? '☑' : '☐'} ${item.text}${item.date ? ` Uiterlijk ${ivpDutchDate(item.date)}.` : ''}`,
    ...(item.points ? [` Schrijf op: ${item.points.join('; ')}.`] : []), ivpKitCite(item))));
  const out = [h('Wat ik mag vragen (ALS protocol)'), ivpElement('ol', { className: 'ivp-kit-print-requests' }, ...kit.requests.map(requestItem)),
    h('Voorbereiding (checklist)'), checklist];
  if (kit.escalation.terms.length) out.push(h('Als een termijn voorbij is'), ...escalationBlocks(kit));
  if (kit.bezwaar) out.push(ivpElement('p', { text: bezwaarText(kit) }));
  return out;
}

// --- events -----------------------------------------------------------------------
function makeLetter(k, kind) {
  const { core, ctx, state } = k;
  const { letterBox, letterStatus, letterText } = k.v;
  const out = core.letter ? core.letter(kind, ctx.scenario(), ctx.today) : null;
  if (!out) { letterStatus.textContent = 'Brieven maken kan nog niet in deze versie.'; return; }
  if (out.error) {
    letterBox.hidden = true;
    letterStatus.classList.add('ivp-field-error');
    letterStatus.textContent = `Deze brief kan nu niet: ${out.error.message}`;
    return;
  }
  state.letter = { kind, text: out.text };
  letterText.textContent = out.text;
  letterBox.hidden = false;
  letterStatus.classList.remove('ivp-field-error');
  letterStatus.textContent = `De ${kind === 'bezwaar' ? 'bezwaarbrief' : 'ingebrekestelling'} staat hieronder. Lees hem na en vul in wat tussen haken staat.`;
  letterText.focus();
}

function kitEvents(k) {
  const { root, ctx, state } = k;
  const { box, checklistBox, dateInputs, briefInputs } = k.v;
  checklistBox.addEventListener('change', (event) => {
    const id = event.target.getAttribute('data-check');
    if (!id) return;
    if (event.target.checked) state.checklist.add(id); else state.checklist.delete(id);
    ctx.update();
  });
  for (const [id, input] of dateInputs) {
    const onDate = () => { if (state.dates[id] === input.value) return; state.dates[id] = input.value; ctx.update(); };
    input.addEventListener('input', onDate);
    input.addEventListener('change', onDate);
  }
  // Typing a name does not recompute anything: it is only kept for the letter and a save.
  for (const [key, input] of Object.entries(briefInputs)) input.addEventListener('input', () => { state.brief[key] = input.value; ctx.remember(); });
  for (const button of box.querySelectorAll('[data-letter]')) button.addEventListener('click', () => makeLetter(k, button.getAttribute('data-letter')));
  box.querySelector('#ivp-letter-download').addEventListener('click', () => {
    if (state.letter) ctx.download(`${state.letter.kind}-${ctx.today}.txt`, 'text/plain;charset=utf-8', state.letter.text);
  });
  box.querySelector('#ivp-letter-print').addEventListener('click', () => {
    // Only the letter on paper: the print style hides the rest while this class is set.
    const page = root.querySelector('.ivp-root') || root;
    page.classList.add('ivp-printing-letter');
    try { ctx.print(); } finally { page.classList.remove('ivp-printing-letter'); }
  });
}

// ctx: {today, download(name, type, text), print(), update(), remember()}.
export function ivpKitMount(root, core, ctx) {
  const box = root.querySelector('#ivp-kit');
  const state = { checklist: new Set(), dates: {}, brief: { naam: '', adres: '', gemeente: '' }, letter: null };
  if (!box) return null;
  const k = { root, core, ctx, state, v: kitView(box) };
  kitEvents(k);
  return { scenarioPart: () => scenarioPart(k), apply: (s) => apply(k, s), render: (result) => render(k, result), summarySections };
}
