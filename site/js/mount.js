// The rekenhulp: a flow of six steps (start → uw situatie → voorzieningen →
// IVP-budget → tijdlijn → samenvatting). It sends the scenario to the core at
// every change and shows what the core returns. It computes no rule itself:
// it only formats. A section the core does not (yet) return is shown as
// "nog niet beschikbaar in deze versie", never filled in here.
// Works in a document and inside a shadow root: everything is looked up from
// `root`, nothing from `document` globals.
import { ivpWithExplanation, ivpWithSituation } from './ivp.js';
import { IVP_KIT_DATES, ivpKitMerge, ivpKitMount } from './steps/kit.js';

const IVP_STEPS = ['start', 'situatie', 'voorzieningen', 'budget', 'tijdlijn', 'samenvatting'];
const IVP_STEP_LABEL = { start: 'Start', situatie: 'Uw situatie', voorzieningen: 'Voorzieningen',
  budget: 'IVP-budget', tijdlijn: 'Tijdlijn', samenvatting: 'Samenvatting' };
const IVP_KIND_LABEL = { client_bound: 'cliëntgebonden', reusable: 'herinzetbaar' };
const IVP_LAW_LABEL = { wmo: 'Wmo (gemeente)', zvw: 'Zvw (zorgverzekeraar)' };
const IVP_VERDICT_LABEL = { ja: 'Ja, waarschijnlijk wel', nee: 'Nee, waarschijnlijk niet', onbekend: 'Hangt ervan af' };
const IVP_POLICY_LABEL = { 'wmo-2015': 'Wmo 2015 (de wet, voor elke gemeente)', 'hattem-2014': 'Voorbeeld: gemeente Hattem (2014)', 'als-protocol': 'ALS protocol' };
const IVP_MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
  'september', 'oktober', 'november', 'december'];
const IVP_OUTCOME_LABEL = { voldaan: 'Voldaan', 'niet voldaan': 'Niet voldaan', onbekend: 'Nog niet bekend',
  'niet van toepassing': 'Geldt niet' };
const IVP_FORM_LABEL = { natura: 'Zorg in natura', pgb: 'Persoonsgebonden budget (pgb)', financiele_tegemoetkoming: 'Financiële tegemoetkoming' };
const IVP_STATUS_LABEL = { open: 'Loopt nog', verstreken: 'Termijn voorbij', gehaald: 'Gehaald', niet_gehaald: 'Niet gehaald', onbekend: 'Onbekend' };
const IVP_LATE_LABEL = { termijn_loopt: 'de termijn loopt nog', te_laat: 'de gemeente is te laat', op_tijd: 'op tijd beslist', te_laat_beslist: 'te laat beslist' };
const IVP_MISSING = 'nog niet beschikbaar in deze versie';
const IVP_STORAGE_KEY = 'ivp-rekenhulp-scenario';

// Words explained where they appear, in B1 Dutch (docs/glossary.md explains them for developers).
const IVP_GLOSSARY = {
  melding: ['melding', 'Het eerste contact met de gemeente over uw hulpvraag, bijvoorbeeld een telefoontje of een formulier. Vanaf die dag lopen de termijnen van de wet.'],
  ivp: ['IVP (Integraal Voorzieningen Plan)', 'Een plan voor alle voorzieningen die u de komende jaren nodig kunt hebben, met één budget. Het ALS protocol vraagt de gemeente zo\'n plan te maken bij de eerste melding.'],
  keukentafelgesprek: ['keukentafelgesprek', 'Het gesprek met iemand van de gemeente over wat u nodig hebt. Vaak bij u thuis. U mag iemand meenemen, zoals uw mantelzorger.'],
  mantelzorger: ['mantelzorger', 'Iemand die voor u zorgt omdat hij of zij u kent: uw partner, een familielid of een vriend.'],
  wmo: ['Wmo', 'De Wet maatschappelijke ondersteuning 2015. Via deze wet helpt de gemeente, bijvoorbeeld met een aanpassing in huis of een rolstoel.'],
  zvw: ['Zvw', 'De Zorgverzekeringswet. Via deze wet betaalt uw zorgverzekeraar sommige hulpmiddelen, zoals een tillift of een hoog-laagbed.'],
  maatwerk: ['maatwerk', 'De gemeente kijkt per persoon wat nodig is. Daarom is wat u hier ziet een inschatting en geen besluit.'],
  clientgebonden: ['cliëntgebonden', 'Alleen voor u te gebruiken, zoals een aanpassing aan uw huis of auto.'],
  herinzetbaar: ['herinzetbaar', 'Een hulpmiddel dat na gebruik terug kan en dan door iemand anders wordt gebruikt, zoals een rolstoel of tillift.'],
  verstrekkingenboek: ['verstrekkingenboek', 'Een boek van de gemeente met de regels voor voorzieningen. Hier gebruiken we als voorbeeld dat van de gemeente Hattem uit 2014. Vergelijk het met de regels (verordening) van uw eigen gemeente.'],
  eigenbijdrage: ['eigen bijdrage', 'Het bedrag dat u zelf betaalt voor sommige Wmo-voorzieningen. Het CAK rekent het uit en stuurt de rekening.'],
  pgb: ['pgb (persoonsgebonden budget)', 'Geld om een voorziening zelf te kopen of te regelen, in plaats van dat de gemeente hem levert.'],
  werkdag: ['werkdag', 'Maandag tot en met vrijdag, behalve feestdagen zoals Koningsdag en Kerstmis (volgens de Algemene termijnenwet).'],
  sla: ['SLA (afspraak over termijnen)', 'De afspraak in het ALS protocol over hoeveel werkdagen elke stap mag duren: de revalidatie, de gemeente of zorgverzekeraar, en de leverancier.'],
  beschikking: ['beschikking', 'De brief waarin de gemeente officieel beslist over uw aanvraag. Daartegen kunt u bezwaar maken.'],
  aanvraag: ['aanvraag', 'Het officiële verzoek om een voorziening, na het gesprek (onderzoek) met de gemeente.'],
};

// "a, b en c"
export function ivpJoin(items) {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

function ivpEuro(amount) {
  return '€\u00a0' + Math.round(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function ivpEuroCents(cents) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const euros = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€\u00a0${euros},${String(abs % 100).padStart(2, '0')}`;
}

function ivpRange(range) {
  return range.min === range.max ? ivpEuro(range.min) : `${ivpEuro(range.min)} – ${ivpEuro(range.max)}`;
}

export function ivpDutchDate(iso) {
  const [y, m, d] = String(iso).split('-').map(Number);
  if (!y || !m || !d) return String(iso);
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

export function ivpElement(tag, attributes = {}, ...children) {
  const svg = ['svg', 'rect', 'title', 'text'].includes(tag) && attributes.svg;
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null || key === 'svg') continue;
    if (key === 'text') el.textContent = value;
    else if (key === 'className') el.setAttribute('class', value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

const ivpMissing = (what) => ivpElement('p', { className: 'ivp-missing', text: `${what}: ${IVP_MISSING}.` });

// Readable text of a value whose exact shape the core may still change:
// a string, or an object with one of the usual text fields.
function ivpText(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  for (const key of ['text', 'question', 'label', 'message', 'name', 'title', 'reason', 'id']) {
    if (typeof value[key] === 'string') return value[key];
  }
  return '';
}

// "ALS protocol hulpmiddelen — …, IVP-tabel" from a source object: the
// document, its section or article, and its page where one is known. Never
// the seed line (`line`): that is for maintainers, in data/ (issue 12).
function ivpSourceText(source) {
  if (!source) return '';
  if (typeof source === 'string') return source;
  const parts = [];
  if (source.title) parts.push(source.title);
  if (source.seed) parts.push(ivpDocumentTitle(source.seed));
  if (source.document) parts.push(source.document);
  for (const key of ['section', 'article', 'artikel', 'paragraph', 'table']) if (source[key]) parts.push(String(source[key]));
  if (source.page) parts.push(`pagina ${source.page}`);
  if (source.url) parts.push(source.url);
  return parts.join(', ');
}

// The published documents behind the seeds (data/sources.json, given in
// result.policies[].document): title, link, and a note when there is none.
const IVP_DOCUMENTS = new Map();
function ivpSetDocuments(result) {
  for (const p of (result && Array.isArray(result.policies) ? result.policies : [])) {
    if (p && p.document && p.document.seed) IVP_DOCUMENTS.set(p.document.seed, p.document);
  }
}
function ivpDocumentTitle(seed) {
  const doc = IVP_DOCUMENTS.get(seed);
  if (doc && doc.title) return doc.title;
  return seed.startsWith('000_') ? 'ALS protocol hulpmiddelen' : seed.startsWith('004_') ? 'Verstrekkingenboek Wmo Hattem 2014' : 'brontekst';
}
// The link behind a source: its own (a statute on wetten.overheid.nl, a
// published page), else its document's published location.
function ivpSourceLink(source) {
  if (!source || typeof source !== 'object') return '';
  if (typeof source.url === 'string' && /^https:\/\//.test(source.url)) return source.url;
  const doc = source.seed ? IVP_DOCUMENTS.get(source.seed) : null;
  return doc && typeof doc.url === 'string' ? doc.url : '';
}
// What to say when a seed's document has no published location we found.
function ivpSourceNoLink(source) {
  const doc = source && typeof source === 'object' && source.seed ? IVP_DOCUMENTS.get(source.seed) : null;
  return doc && !doc.url && doc.url_note ? doc.url_note : '';
}

const ivpIsSource = (v) => v && typeof v === 'object' && !Array.isArray(v) &&
  ('seed' in v || 'url' in v || ('title' in v && ('section' in v || 'article' in v)));

// A readable outline of a section whose final shape is not fixed yet
// (e.g. `costs`): texts as sentences, amounts as euros, dates in Dutch,
// sources as "Bron: …". Presentation only.
const IVP_KEY_LABEL = { eigen_bijdrage: 'Eigen bijdrage', valid_from: 'Geldig vanaf', valid_until: 'Geldig tot',
  rule_date: 'Regel van', amount: 'Bedrag', per_month: 'Per maand', total: 'Totaal', status: 'Stand',
  exemptions_applied: 'Uitzonderingen', proposal_2027: 'Voorstel vanaf 2027', total_months: 'Aantal maanden',
  forms: 'Vormen', pgb: 'Pgb', note: 'Let op', regime: 'Regeling', period: 'Periode' };
function ivpOutline(value, key = '', unit = '') {
  if (value === null || value === undefined) return ivpElement('span', { text: 'onbekend' });
  if (typeof value === 'boolean') return ivpElement('span', { text: value ? 'ja' : 'nee' });
  if (typeof value === 'number') {
    if (/eurocent/.test(key) || unit === 'eurocent') return ivpElement('span', { text: ivpEuroCents(value) });
    if (/(_eur$|^amount$|bedrag)/.test(key) || unit === 'EUR') return ivpElement('span', { text: ivpEuro(value) });
    return ivpElement('span', { text: String(value) });
  }
  if (typeof value === 'string') {
    return ivpElement('span', { text: /^\d{4}-\d{2}-\d{2}$/.test(value) ? ivpDutchDate(value) : value });
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return ivpElement('span', { text: 'geen' });
    return ivpElement('ul', {}, ...value.map((item) => ivpElement('li', {}, ivpOutline(item, key, unit))));
  }
  if (ivpIsSource(value)) return ivpElement('span', { className: 'ivp-source', text: `Bron: ${ivpSourceText(value)}` });
  const ownUnit = typeof value.unit === 'string' ? value.unit : unit;
  if ('min' in value && 'max' in value && typeof value.min === 'number') {
    const f = ownUnit === 'eurocent' || /eurocent/.test(key) ? ivpEuroCents : ivpEuro;
    return ivpElement('span', { text: value.min === value.max ? f(value.min) : `${f(value.min)} – ${f(value.max)}` });
  }
  if ('eurocents' in value) return ivpElement('span', { text: `${ivpEuroCents(value.eurocents)}${value.period ? ` per ${value.period}` : ''}` });
  const box = ivpElement('div', { className: 'ivp-outline' });
  const list = ivpElement('dl');
  for (const [k, v] of Object.entries(value)) {
    if (k === 'unit' || k === 'id') continue;
    if (['text', 'label', 'reason', 'explanation', 'caveat'].includes(k) && typeof v === 'string') {
      box.append(ivpElement('p', { text: v }));
    } else if (k === 'source' || k.endsWith('_source')) {
      box.append(ivpElement('p', { className: 'ivp-source', text: `Bron: ${ivpSourceText(v)}` }));
    } else {
      list.append(ivpElement('div', {}, ivpElement('dt', { text: IVP_KEY_LABEL[k] || (k[0].toUpperCase() + k.slice(1)).replace(/_/g, ' ') }),
        ivpElement('dd', {}, ivpOutline(v, k, ownUnit))));
    }
  }
  if (list.childElementCount) box.append(list);
  return box;
}

// The verdicts per policy, wherever the core puts them in `eligibility`:
// a key holding {verdict…}, an array of them, or a map of them.
function ivpPolicyVerdicts(eligibility) {
  const found = [];
  if (!eligibility || typeof eligibility !== 'object') return found;
  const add = (policy, v) => { if (v && typeof v === 'object' && typeof v.verdict === 'string') found.push({ policy, ...v }); };
  for (const [key, value] of Object.entries(eligibility)) {
    if (['verdict', 'reasons', 'open_questions'].includes(key) || !value || typeof value !== 'object') continue;
    if (Array.isArray(value)) for (const v of value) add(v.policy || v.id || key, v);
    else if (typeof value.verdict === 'string') add(key, value);
    else for (const [k, v] of Object.entries(value)) add(k, v);
  }
  return found;
}

const ivpPolicyLabel = (policy) => IVP_POLICY_LABEL[policy] || policy;

// A Zvw provision is not the municipality's to grant: "nee" under a Wmo
// policy means "ask the zorgverzekeraar", and must not read as "you won't get it".
const IVP_ELSEWHERE_LABEL = 'Via de zorgverzekeraar (Zvw), niet via de gemeente';

function ivpFinancier(eligibility) {
  const policies = eligibility && eligibility.policies ? Object.values(eligibility.policies) : [];
  return policies.some((v) => v && v.financier === 'zorgverzekeraar') ? 'zorgverzekeraar' : null;
}

function ivpVerdictText(verdict, financier) {
  if (financier === 'zorgverzekeraar') return IVP_ELSEWHERE_LABEL;
  return IVP_VERDICT_LABEL[verdict] || String(verdict);
}

function ivpVerdictBadge(verdict, financier) {
  if (financier === 'zorgverzekeraar') {
    return ivpElement('span', { className: 'ivp-verdict ivp-verdict-elders', text: IVP_ELSEWHERE_LABEL });
  }
  const known = Object.hasOwn(IVP_VERDICT_LABEL, verdict);
  return ivpElement('span', { className: `ivp-verdict ivp-verdict-${known ? verdict : 'onbekend'}`,
    text: known ? IVP_VERDICT_LABEL[verdict] : String(verdict) });
}

// --- Mijn IVP: when each provision is needed, its real dates, the printed table ---------
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
function ivpPlanControls(p, cell) {
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
function ivpPlanInput(target, state) {
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
function ivpPlanScenario(s, state) {
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
function ivpPlanApply(s, state, rows) {
  // policy and policy_pack (the policy box), checklist and brief (site/kit.js)
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
function ivpPlanOrder(result) {
  const order = result.plan && Array.isArray(result.plan.order) ? result.plan.order : [];
  const byId = new Map(result.provisions.map((p) => [p.id, p]));
  const ordered = order.map((id) => byId.get(id)).filter(Boolean);
  return ordered.length === result.provisions.length ? ordered : [...result.provisions];
}

// One provision's SLA window: from its call-off to its delivery; too slow or not.
function ivpPlanWindow(p) {
  const c = p.calloff;
  if (!c) return [];
  const lines = [ivpElement('p', { className: 'ivp-note',
    text: `Termijn: ${IVP_CALLOFF_LABEL[c.kind] || 'vanaf'} ${ivpDutchDate(c.date)}, klaar op ${ivpDutchDate(p.delivery.als_protocol)}.` })];
  if (c.needed) {
    lines.push(ivpElement('p', { className: c.too_slow ? 'ivp-plan-slow' : 'ivp-note',
      text: c.too_slow ? `Te laat: u heeft het nodig op ${ivpDutchDate(c.needed)}, maar volgens de termijnen is het er pas op ${ivpDutchDate(p.delivery.tracks ? p.delivery.tracks.als_protocol.end : p.delivery.als_protocol)}.`
        : c.kind === 'werkelijk' ? `Op tijd voor ${ivpDutchDate(c.needed)}.`
          : `Op tijd voor ${ivpDutchDate(c.needed)}, als u uiterlijk ${ivpDutchDate(c.latest || c.date)} afroept.` }));
  }
  return lines;
}

function ivpPlanTable(table) {
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
function ivpPlanRender(result, root, rows) {
  const byId = new Map(result.provisions.map((p) => [p.id, p]));
  for (const [id, row] of rows) {
    const p = byId.get(id);
    const c = row.plan;
    const out = p && p.in_plan === false;
    c.out.hidden = !(out || (p && p.plan_kept));
    c.out.textContent = p && p.plan_reason ? `${p.plan_reason}${(p.plan_reasons || []).length ? ` Niet voldaan: ${p.plan_reasons.map((r) => r.text).join(' ')}` : ''}` : '';
    c.keepLabel.hidden = !(out || (p && p.plan_kept));
    c.when.textContent = p && p.calloff ? ivpPlanWindow(p).map((e) => e.textContent).join(' ') : '';
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
function ivpPlanPrint(result) {
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

// --- the guided interview (step 2): one question at a time ----------------------
// The core chooses the questions (result.questions, most decisive first;
// src/ivp/questions.h): this block only shows questions[0] (minus the ones
// the user skipped this visit), sends the answer, and shows the next one the
// core returns. Nothing is timed and nothing moves on by itself: a question
// changes only after a button is pressed, and focus then goes to the new
// question's heading (screen readers, switch users).
const IVP_GROUP_LABEL = { algemeen: 'Algemeen', woning: 'Wonen', rolstoel: 'Rolstoel', verplaatsen: 'Verplaatsen',
  vervoer: 'Vervoer', huishouden: 'Huishouden', kosten: 'Geld' };

function ivpGroupLabel(group) { return IVP_GROUP_LABEL[group] || group || 'Overige vragen'; }

// "Traplift" → "traplift" inside a sentence; "PGBv" and "CVV-pas" stay as they are.
function ivpInSentence(name) {
  return name.length > 1 && name[1] === name[1].toLowerCase() ? name[0].toLowerCase() + name.slice(1) : name;
}

function ivpInterviewQuestionCount(n) {
  return n === 1 ? 'Nog ongeveer 1 vraag die iets beslist.' : `Nog ongeveer ${n} vragen die iets beslissen.`;
}

// ctx: { box, factsBox, facts (by id), catalogue, state, answer(id, text|null) → error|null,
//        answerLabel(fact, text), showResults(), ready }
function ivpInterview(ctx) {
  const { box, factsBox, facts, state } = ctx;
  const iv = { mode: 'guided', result: null, skipped: new Set(), history: [], revisit: null };
  const el = (tag, attributes, ...children) => ivpElement(tag, attributes, ...children);
  const progress = el('p', { id: 'ivp-iv-progress', className: 'ivp-iv-progress' });
  const heading = el('h3', { id: 'ivp-iv-question', tabindex: '-1' });
  const help = el('p', { id: 'ivp-iv-help', className: 'ivp-hint' });
  const why = el('p', { id: 'ivp-iv-why', className: 'ivp-iv-why' });
  const answers = el('div', { id: 'ivp-iv-answers', className: 'ivp-iv-answers', role: 'group', 'aria-labelledby': 'ivp-iv-question' });
  const error = el('p', { id: 'ivp-iv-error', className: 'ivp-field-error', role: 'alert', hidden: true });
  const back = el('button', { type: 'button', id: 'ivp-iv-back', text: 'Terug naar de vorige vraag' });
  const skip = el('button', { type: 'button', id: 'ivp-iv-skip', text: 'Sla deze vraag over' });
  const again = el('button', { type: 'button', id: 'ivp-iv-again', text: 'Stel de overgeslagen vragen toch' });
  const show = el('button', { type: 'button', id: 'ivp-iv-show', text: 'Toon wat ik nu weet' });
  const all = el('button', { type: 'button', id: 'ivp-iv-all', text: 'Alle vragen' });
  const guided = el('button', { type: 'button', id: 'ivp-iv-guided', text: 'Eén vraag tegelijk' });
  const given = el('ul', { id: 'ivp-iv-given', className: 'ivp-iv-given' });
  const givenBox = el('details', { className: 'ivp-iv-given-box' }, el('summary', { id: 'ivp-iv-given-summary' }), given);
  const card = el('div', { className: 'ivp-iv-card' }, progress, heading, help, why, answers, error,
    el('div', { className: 'ivp-actions ivp-iv-nav' }, back, skip, again),
    el('div', { className: 'ivp-actions' }, show, all), givenBox);
  const formBar = el('div', { className: 'ivp-actions ivp-iv-formbar' }, guided);
  box.replaceChildren(card, formBar);

  const names = () => {
    const out = new Map(ctx.catalogue.provisions.map((p) => [p.id, p.name]));
    for (const o of (iv.result && iv.result.other_provisions) || []) out.set(o.id, o.name);
    out.set('eigen_bijdrage', 'de eigen bijdrage');
    return out;
  };
  const questions = () => ((iv.result && iv.result.questions) || []).filter((q) => facts.has(q.fact));
  const current = () => {
    if (iv.revisit) return { fact: iv.revisit, revisit: true };
    return questions().find((q) => !iv.skipped.has(q.fact)) || null;
  };
  const textOf = (id) => {
    if (state.unknown.has(id)) return null;
    const text = state.profileText.get(id);
    return text === '' ? undefined : text;
  };

  function answerButton(label, text, id) {
    const pressed = iv.revisit && textOf(id) === text && (text !== null || state.unknown.has(id));
    const b = el('button', { type: 'button', className: 'ivp-iv-answer', text: label, 'aria-pressed': pressed ? 'true' : 'false' });
    b.addEventListener('click', () => submit(id, text));
    return b;
  }

  function numberForm(fact) {
    const inputId = 'ivp-iv-number';
    const range = Number.isFinite(fact.min) && Number.isFinite(fact.max) ? ` (een getal van ${fact.min} tot en met ${fact.max})` : '';
    const input = el('input', { type: fact.type === 'date' ? 'date' : 'text', id: inputId, autocomplete: 'off',
      inputmode: fact.type === 'integer' ? 'numeric' : undefined, 'aria-describedby': 'ivp-iv-error',
      value: textOf(fact.id) || '' });
    const form = el('form', { className: 'ivp-iv-number' },
      el('label', { for: inputId, className: 'ivp-field-label', text: `Uw antwoord${range}` }), input,
      el('button', { type: 'submit', className: 'ivp-iv-answer', text: 'Verder' }));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (input.value.trim() === '') { showError('Vul een getal in, of kies "Weet ik niet".', input); return; }
      submit(fact.id, input.value.trim());
    });
    return form;
  }

  function showError(message, focusOn) {
    error.hidden = false;
    error.textContent = message;
    if (focusOn) { focusOn.setAttribute('aria-invalid', 'true'); focusOn.focus(); }
  }

  function renderAnswers(fact) {
    const id = fact.id;
    if (fact.type === 'boolean') answers.replaceChildren(answerButton('Ja', 'true', id), answerButton('Nee', 'false', id));
    else if (fact.type === 'choice') {
      answers.replaceChildren(...(fact.choices || []).map((c) => (typeof c === 'string' ? { value: c, label: c } : c))
        .map((c) => answerButton(c.label || c.value, c.value, id)));
    } else answers.replaceChildren(numberForm(fact));
    answers.append(answerButton('Weet ik niet', null, id));
  }

  function renderGiven() {
    const items = [];
    for (const [id, fact] of facts) {
      const text = textOf(id);
      if (text === undefined) continue;
      const change = el('button', { type: 'button', className: 'ivp-iv-change', text: 'Wijzig',
        'aria-label': `Wijzig: ${fact.question}` });
      change.addEventListener('click', () => { iv.revisit = id; render(); focusQuestion(); });
      items.push(el('li', {}, el('span', { text: `${fact.question} ` }),
        el('strong', { text: text === null ? 'Weet ik niet' : ctx.answerLabel(fact, text) }), ' ', change));
    }
    given.replaceChildren(...items);
    givenBox.hidden = items.length === 0;
    givenBox.querySelector('summary').textContent = `Uw antwoorden (${items.length}): bekijken of wijzigen`;
  }

  function render() {
    const guidedMode = iv.mode === 'guided';
    card.hidden = !guidedMode;
    formBar.hidden = guidedMode;
    factsBox.hidden = guidedMode;
    if (!guidedMode) return;
    error.hidden = true;
    const q = current();
    const open = questions().filter((x) => !iv.skipped.has(x.fact)).length;
    back.disabled = iv.history.length === 0 && !iv.revisit;
    skip.hidden = !q;
    again.hidden = !!q || iv.skipped.size === 0;
    renderGiven();
    if (!q) {
      progress.textContent = iv.skipped.size ? `U hebt ${iv.skipped.size === 1 ? '1 vraag' : `${iv.skipped.size} vragen`} overgeslagen.` : '';
      heading.textContent = iv.skipped.size ? 'Er zijn geen andere vragen meer die iets beslissen.' : 'Klaar: er zijn geen vragen meer die iets beslissen.';
      help.textContent = 'Bij "Toon wat ik nu weet" ziet u per voorziening of u die waarschijnlijk krijgt. Een antwoord wijzigen kan altijd hieronder.';
      why.textContent = '';
      answers.replaceChildren();
      return;
    }
    const fact = facts.get(q.fact);
    progress.textContent = q.revisit ? 'U wijzigt een eerder antwoord.' : ivpInterviewQuestionCount(open);
    heading.textContent = fact.question;
    help.textContent = (q.help !== undefined ? q.help : fact.explanation) || '';
    const decides = (q.decides || []).map((id) => ivpInSentence(names().get(id) || id));
    // A long list is cut after six names: the question must stay the first thing one reads.
    const shown = decides.length > 7 ? [...decides.slice(0, 6), `${decides.length - 6} andere voorzieningen`] : decides;
    why.textContent = decides.length ? `Waarom we dit vragen: dit beslist over ${ivpJoin(shown)}.` : '';
    renderAnswers(fact);
  }

  function focusQuestion() { heading.focus(); }

  function submit(id, text) {
    const problem = ctx.answer(id, text);
    if (problem) { render(); showError(problem, answers.querySelector('input')); return; }
    if (iv.revisit !== id) iv.history.push(id);
    iv.revisit = null;
    iv.skipped.delete(id);
    render();
    focusQuestion();
  }

  back.addEventListener('click', () => {
    const previous = iv.revisit ? null : iv.history.pop();
    iv.revisit = previous || null;
    render();
    focusQuestion();
  });
  skip.addEventListener('click', () => {
    const q = current();
    if (q && !q.revisit) iv.skipped.add(q.fact);
    iv.revisit = null;
    render();
    focusQuestion();
  });
  again.addEventListener('click', () => { iv.skipped.clear(); render(); focusQuestion(); });
  show.addEventListener('click', () => ctx.showResults());
  all.addEventListener('click', () => {
    iv.mode = 'form';
    render();
    const first = factsBox.querySelector('h3');
    if (first) first.focus(); else guided.focus();
  });
  guided.addEventListener('click', () => { iv.mode = 'guided'; iv.revisit = null; render(); focusQuestion(); });

  return {
    // Every result: keep it and show the question it asks next (no focus move).
    show(result) {
      iv.result = result;
      if (!Array.isArray(result.questions) || !ctx.ready) {
        // A core without questions: the form, and say the interview is missing.
        iv.mode = 'form';
        guided.hidden = true;
        if (!box.querySelector('.ivp-missing')) box.append(ivpMissing('Eén vraag tegelijk'));
      }
      render();
    },
    reset() { iv.skipped.clear(); iv.history = []; iv.revisit = null; },
  };
}

export function ivpMount(root, core, options = {}) {
  const catalogue = core.catalogue();
  const factsData = core.facts();
  const facts = factsData && Array.isArray(factsData.facts) ? factsData.facts : null;
  const today = options.today || ivpToday();
  const storage = options.storage === undefined ? null : options.storage;
  const $ = (selector) => root.querySelector(selector);
  const $$ = (selector) => [...root.querySelectorAll(selector)];
  const allIds = catalogue.provisions.map((p) => p.id);

  const state = {
    melding: today,
    selected: new Set(allIds),
    amountText: new Map(),  // id → what the user typed
    profileText: new Map(),  // fact id → what the user typed or chose ('' = unknown)
    unknown: new Set(),  // fact ids answered "weet ik niet" (sent as null: not asked again)
    policy: '',  // the municipality's policy pack by id ('' = the core's default, the Wmo 2015)
    pack: null,  // a policy pack the user loaded (sent as policy_pack, saved with the scenario)
    step: 'start',
    // Mijn IVP (ivpPlan* below): per provision when it is needed, its real
    // dates, whether a "nee" is counted anyway, and the scenario keys the page
    // has no field for (kept as loaded, so a saved file loads back unchanged).
    needed: new Map(),  // id → { kind: 'now'|'months'|'date', months, date }
    actual: new Map(),  // id → { event: 'YYYY-MM-DD' }
    keep: new Set(),
    kept: {},
  };
  let lastResult = null;
  let kit = null;  // site/kit.js, mounted below
  let lastTotalText = '';
  const rows = new Map();
  const factControls = new Map();

  // Mounting twice (a page saved from the browser with its rendered content)
  // must not double anything: every filled container starts empty.
  for (const selector of ['#ivp-tables', '#ivp-facts', '.ivp-terms']) for (const el of $$(selector)) el.replaceChildren();

  // --- glossary: a <details> per term, where the term appears -----------------
  for (const holder of $$('.ivp-terms')) {
    for (const term of holder.getAttribute('data-terms').split(/\s+/)) {
      const entry = IVP_GLOSSARY[term];
      if (!entry) continue;
      holder.append(ivpElement('details', { className: 'ivp-term' },
        ivpElement('summary', { text: `Wat betekent "${entry[0]}"?` }), ivpElement('p', { text: entry[1] })));
    }
  }

  // --- steps ------------------------------------------------------------------------
  const stepSections = new Map($$('.ivp-step').map((s) => [s.getAttribute('data-step'), s]));
  const prevButton = $('#ivp-prev');
  const nextButton = $('#ivp-next');
  function showStep(step, { focus = true } = {}) {
    state.step = step;
    for (const [name, section] of stepSections) section.hidden = name !== step;
    for (const button of $$('[data-goto]')) {
      if (button.getAttribute('data-goto') === step) button.setAttribute('aria-current', 'step');
      else button.removeAttribute('aria-current');
    }
    const index = IVP_STEPS.indexOf(step);
    prevButton.hidden = index === 0;
    nextButton.hidden = index === IVP_STEPS.length - 1;
    if (index > 0) prevButton.textContent = `Vorige stap: ${IVP_STEP_LABEL[IVP_STEPS[index - 1]]}`;
    if (index < IVP_STEPS.length - 1) nextButton.textContent = `Volgende stap: ${IVP_STEP_LABEL[IVP_STEPS[index + 1]]}`;
    // Move focus to the new step's heading so a screen reader reads it and
    // keyboard users continue from the top of the step.
    if (focus) stepSections.get(step).querySelector('h2').focus();
  }
  for (const button of $$('[data-goto]')) {
    button.addEventListener('click', () => showStep(button.getAttribute('data-goto')));
  }
  prevButton.addEventListener('click', () => showStep(IVP_STEPS[Math.max(0, IVP_STEPS.indexOf(state.step) - 1)]));
  nextButton.addEventListener('click', () => showStep(IVP_STEPS[Math.min(IVP_STEPS.length - 1, IVP_STEPS.indexOf(state.step) + 1)]));

  // --- step 1: melding ------------------------------------------------------------
  const meldingInput = $('#ivp-melding');
  meldingInput.value = state.melding;

  // --- step 2: the questions of data/facts.json -------------------------------------
  const factsBox = $('#ivp-facts');
  // "Alle vragen": the form, grouped by life area (data/facts.json `group`).
  const groupBoxes = new Map();
  const groupBox = (group) => {
    if (!groupBoxes.has(group)) {
      const id = `ivp-group-${group}`;
      const section = ivpElement('section', { className: 'ivp-fact-group', 'aria-labelledby': id },
        ivpElement('h3', { id, tabindex: '-1', text: ivpGroupLabel(group) }));
      factsBox.append(section);
      groupBoxes.set(group, section);
    }
    return groupBoxes.get(group);
  };
  if (!facts || facts.length === 0) {
    factsBox.append(ivpMissing('Vragen over uw situatie'));
  } else {
    for (const fact of facts) {
      const id = `ivp-fact-${fact.id}`;
      const hintId = `${id}-hint`;
      const errorId = `${id}-error`;
      const fieldset = ivpElement('fieldset', { className: 'ivp-fact', 'aria-describedby': fact.explanation ? hintId : undefined },
        ivpElement('legend', { text: fact.question || fact.id }));
      if (fact.explanation) fieldset.append(ivpElement('p', { id: hintId, className: 'ivp-hint', text: fact.explanation }));
      const error = ivpElement('p', { id: errorId, className: 'ivp-field-error', hidden: true });
      let control;
      if (fact.type === 'boolean' || fact.type === 'choice') {
        const choices = fact.type === 'boolean'
          ? [{ value: 'true', label: 'Ja' }, { value: 'false', label: 'Nee' }]
          : (fact.choices || []).map((c) => (typeof c === 'string' ? { value: c, label: c } : { value: c.value, label: c.label || c.value }));
        choices.push({ value: '', label: 'Weet ik niet / sla over' });
        const group = ivpElement('div', { className: 'ivp-choices' });
        choices.forEach((c, n) => {
          const radio = ivpElement('input', { type: 'radio', name: id, id: `${id}-${n}`, value: c.value,
            'data-fact': fact.id });
          group.append(ivpElement('label', { className: 'ivp-check', for: `${id}-${n}` }, radio, ivpElement('span', { text: c.label })));
        });
        // Nothing is ticked until the user answers: Tab then lands on the first
        // choice, and "weet ik niet" stays a choice of its own, not a default.
        control = { kind: 'radio', set(v) { for (const r of group.querySelectorAll('input')) r.checked = v !== '' && r.value === v; } };
        fieldset.append(group);
      } else {
        const input = ivpElement('input', { type: fact.type === 'date' ? 'date' : 'text', id: `${id}-input`,
          inputmode: fact.type === 'integer' ? 'numeric' : undefined, 'data-fact': fact.id, autocomplete: 'off',
          'aria-describedby': errorId });
        const range = fact.type === 'integer' && Number.isFinite(fact.min) && Number.isFinite(fact.max)
          ? ` (een getal van ${fact.min} tot en met ${fact.max}; leeg laten mag)` : ' (leeg laten mag)';
        fieldset.append(ivpElement('label', { for: `${id}-input`, className: 'ivp-field-label', text: `Uw antwoord${range}` }), input);
        control = { kind: 'input', set(v) { input.value = v; }, input };
      }
      fieldset.append(error);
      groupBox(fact.group || 'algemeen').append(fieldset);
      factControls.set(fact.id, { fact, control, error, fieldset });
    }
  }
  // The answer as JSON carries it; text the core must judge stays text.
  function factValue(fact, text) {
    if (fact.type === 'boolean') return text === 'true';
    if (fact.type === 'integer') { const n = ivpAmountFromText(text); return n; }
    return text;
  }
  const factAnswerLabel = (fact, value) => {
    if (fact.type === 'boolean') return value ? 'ja' : 'nee';
    if (fact.type === 'date') return ivpDutchDate(value);
    if (fact.type === 'choice') {
      const c = (fact.choices || []).find((x) => (typeof x === 'string' ? x : x.value) === value);
      return c && typeof c === 'object' ? (c.label || c.value) : String(value);
    }
    return String(value);
  };

  const interview = ivpInterview({
    box: $('#ivp-interview'), factsBox, facts: new Map((facts || []).map((f) => [f.id, f])), catalogue, state,
    ready: !!(facts && facts.length), answerLabel: (fact, text) => factAnswerLabel(fact, factValue(fact, text)),
    showResults: () => showStep('voorzieningen'),
    // One answer (text, or null for "weet ik niet"): the core's error, else null.
    answer(id, text) {
      const before = [state.profileText.get(id), state.unknown.has(id)];
      const put = (value, unknown) => {
        if (value === undefined) state.profileText.delete(id); else state.profileText.set(id, value);
        if (unknown) state.unknown.add(id); else state.unknown.delete(id);
        factControls.get(id).control.set(value || '');
      };
      put(text === null ? undefined : text, text === null);
      const outcome = update();
      if (!outcome.error) return null;
      put(...before);
      update();
      return outcome.error.message;
    },
  });

  // An open question may come as a fact id: ask it in the fact's own words.
  const questionText = (q) => {
    const id = typeof q === 'string' ? q : q && (q.fact || q.id);
    const entry = typeof id === 'string' ? factControls.get(id) : null;
    if (entry && entry.fact.question) return entry.fact.question;
    return ivpText(q);
  };

  // --- step 3: the provisions, with their verdicts ------------------------------------
  const tables = $('#ivp-tables');
  for (const law of ['wmo', 'zvw']) {
    const heading = ivpElement('h3', { id: `ivp-h-${law}`, text: IVP_LAW_LABEL[law] });
    const table = ivpElement('table', { className: 'ivp-table', 'aria-labelledby': `ivp-h-${law}` });
    table.append(ivpElement('thead', {}, ivpElement('tr', {},
      ivpElement('th', { scope: 'col', text: 'In het plan' }),
      ivpElement('th', { scope: 'col', text: 'Bedrag' }),
      ivpElement('th', { scope: 'col', text: 'Krijgt u het?' }))));
    const body = ivpElement('tbody');
    for (const p of catalogue.provisions.filter((q) => q.law === law)) {
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
      body.append(ivpElement('tr', { 'data-id': p.id }, nameCell, amountCell, verdict));
      rows.set(p.id, { check, amount, error: amountCell.querySelector('.ivp-field-error'), verdict, provision: p,
        plan: ivpPlanControls(p, nameCell) });
    }
    table.append(body);
    tables.append(ivpElement('section', { className: 'ivp-law' }, heading, table));
  }

  // --- the scenario, from the state -----------------------------------------------------
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
    const profile = {};
    for (const [id, text] of state.profileText) {
      const entry = factControls.get(id);
      if (entry && text !== '') profile[id] = factValue(entry.fact, text);
    }
    for (const id of state.unknown) if (!(id in profile)) profile[id] = null;
    if (Object.keys(profile).length) s.profile = profile;
    if (state.pack && state.policy === state.pack.id) s.policy_pack = state.pack;
    else if (state.policy) s.policy = state.policy;
    const out = ivpPlanScenario(s, state);  // needed, actual, keep_in_budget and the keys kept as loaded
    if (!kit) return out;
    // The kit owns checklist, brief and its own dates (site/kit.js): its date
    // fields replace the copies kept from a loaded file, so a cleared one stays cleared.
    if (out.dates) {
      out.dates = { ...out.dates };
      for (const [id] of IVP_KIT_DATES) delete out.dates[id];
      if (!Object.keys(out.dates).length) delete out.dates;
    }
    return ivpKitMerge(out, kit.scenarioPart());
  }

  // Puts a scenario (already accepted by the core) into the state and the form.
  function applyScenario(s) {
    state.melding = typeof s.melding === 'string' ? s.melding : today;
    state.selected = new Set(Array.isArray(s.provisions) ? s.provisions : allIds);
    state.amountText = new Map(Object.entries(s.overrides || {}).map(([id, o]) => [id, String(o.amount)]));
    state.profileText = new Map(Object.entries(s.profile || {})
      .filter(([, v]) => v !== null && v !== undefined).map(([id, v]) => [id, String(v)]));
    state.unknown = new Set(Object.entries(s.profile || {}).filter(([, v]) => v === null).map(([id]) => id));
    interview.reset();
    meldingInput.value = state.melding;
    for (const [id, row] of rows) {
      row.check.checked = state.selected.has(id);
      row.amount.value = state.amountText.has(id) ? state.amountText.get(id) : String(row.provision.amount);
    }
    for (const [id, entry] of factControls) entry.control.set(state.profileText.get(id) || '');
    state.pack = s.policy_pack && typeof s.policy_pack === 'object' ? s.policy_pack : null;
    state.policy = typeof s.policy === 'string' ? s.policy : (state.pack ? state.pack.id : '');
    if (kit) kit.apply(s);
    ivpPlanApply(s, state, rows);
    update();
  }

  // --- showing a result ---------------------------------------------------------------------
  const status = $('#ivp-status');
  const errorBox = $('#ivp-error');

  function showError(error) {
    errorBox.hidden = false;
    errorBox.textContent = `Uw laatste wijziging is nog niet verwerkt: ${error.message} ` +
      'Wat u ziet, hoort bij uw laatste juiste invoer.';
    const where = error.where || '';
    const override = /^\/overrides\/([^/]+)/.exec(where);
    const fact = /^\/profile\/([^/]+)/.exec(where);
    if (override && rows.has(override[1])) {
      const row = rows.get(override[1]);
      row.amount.setAttribute('aria-invalid', 'true');
      row.error.hidden = false;
      row.error.textContent = error.message;
    } else if (fact && factControls.has(fact[1])) {
      const entry = factControls.get(fact[1]);
      entry.error.hidden = false;
      entry.error.textContent = error.message;
      if (entry.control.input) entry.control.input.setAttribute('aria-invalid', 'true');
    } else if (where.startsWith('/policy')) {
      policyStatus.classList.add('ivp-field-error');
      policyStatus.textContent = error.message;
    } else if (where.startsWith('/melding')) {
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
    for (const entry of factControls.values()) {
      entry.error.hidden = true;
      entry.error.textContent = '';
      if (entry.control.input) entry.control.input.removeAttribute('aria-invalid');
    }
    meldingInput.removeAttribute('aria-invalid');
    $('#ivp-melding-error').hidden = true;
  }

  const BAR_PARTS = [
    ['wmo', 'client_bound', 'Wmo cliëntgebonden'], ['wmo', 'reusable', 'Wmo herinzetbaar'],
    ['zvw', 'client_bound', 'Zvw cliëntgebonden'], ['zvw', 'reusable', 'Zvw herinzetbaar']];

  function renderBars(budget) {
    const scale = Math.max(budget.total.max, 1);
    for (const bound of ['min', 'max']) {
      const bar = $(`#ivp-bar-${bound}`);
      bar.replaceChildren();
      let x = 0;
      for (const [law, kind] of BAR_PARTS) {
        const width = (1000 * budget[law][kind][bound]) / scale;
        bar.append(ivpElement('rect', { svg: true, className: `ivp-seg ivp-seg-${law}-${kind}`,
          x: x.toFixed(2), y: '0', width: width.toFixed(2), height: '40' }));
        x += width;
      }
      bar.setAttribute('aria-label', `${bound === 'min' ? 'Minimum' : 'Maximum'} ${ivpEuro(budget.total[bound])}: ` +
        BAR_PARTS.map(([law, kind, label]) => `${label} ${ivpEuro(budget[law][kind][bound])}`).join(', '));
    }
    for (const [law, kind] of BAR_PARTS) $(`#ivp-legend-${law}-${kind}`).textContent = ivpRange(budget[law][kind]);
  }

  // The quoted text behind a reason: the reason's own source.text when it
  // carries one, else the criterion's source, given once per policy in
  // `result.policies[].criteria[<criterion>].source.text`.
  // A reason that names exceptions gets their sentences too: the quote
  // includes the text that limits the rule.
  function criterionQuote(policy, reason) {
    if (reason && reason.source && typeof reason.source.text === 'string') return reason.source.text;
    const p = lastResult && Array.isArray(lastResult.policies) ? lastResult.policies.find((x) => x.id === policy) : null;
    const c = p && p.criteria && reason && p.criteria[reason.criterion];
    const quote = c && c.source && typeof c.source.text === 'string' ? c.source.text : '';
    if (!reason || !Array.isArray(reason.exceptions) || !c || !Array.isArray(c.exceptions)) return quote;
    const limits = c.exceptions.map((e) => e.source && e.source.text).filter((t) => t && t !== quote && !quote.includes(t));
    return [quote, ...new Set(limits)].filter(Boolean).join('\n\n');
  }

  // "Bron: …" and, behind a <details>, the quoted text of the source.
  // With `source`: a link to the published document (or why there is none).
  function sourceWithQuote(cite, quote, label = 'Bron', source = null) {
    if (!cite && !quote) return null;
    const link = ivpSourceLink(source);
    const noLink = link ? '' : ivpSourceNoLink(source);
    if (!quote && !link && !noLink) return ivpElement('p', { className: 'ivp-source', text: `${label}: ${cite}` });
    return ivpElement('details', { className: 'ivp-quote' },
      ivpElement('summary', { text: `${label}: ${cite || 'tekst'}` }),
      ...(quote ? [ivpElement('blockquote', { text: quote })] : []),
      ...(link ? [ivpElement('p', { className: 'ivp-source' }, 'Vindplaats: ',
        ivpElement('a', { href: link, rel: 'noopener noreferrer', text: link }))] : []),
      ...(noLink ? [ivpElement('p', { className: 'ivp-source', text: noLink })] : []));
  }

  // One reason of a policy: the outcome in words, the rule, and its source.
  function reasonItem(policy, reason) {
    if (typeof reason === 'string') return ivpElement('li', { text: reason });
    const outcome = IVP_OUTCOME_LABEL[reason.outcome] || reason.outcome;
    const item = ivpElement('li', { className: `ivp-reason ivp-reason-${String(reason.outcome || '').replace(/\s+/g, '-')}` },
      ivpElement('span', { className: 'ivp-outcome', text: outcome ? `${outcome}: ` : '' }), ivpElement('span', { text: ivpText(reason) }));
    const cite = reason.cite || ivpSourceText(reason.source);
    const src = sourceWithQuote(cite, criterionQuote(policy, reason), 'Bron', reason.source);
    if (src) item.append(src);
    return item;
  }

  // Reasons, open questions and the verdict of each policy, side by side.
  function eligibilityDetails(eligibility) {
    const box = ivpElement('div', { className: 'ivp-why' });
    const policies = ivpPolicyVerdicts(eligibility);
    if (policies.length) {
      const list = ivpElement('ul', { className: 'ivp-policies' });
      for (const v of policies) {
        const item = ivpElement('li', {}, ivpElement('strong', { text: `${v.label || ivpPolicyLabel(v.policy)}: ` }), ivpVerdictBadge(v.verdict, v.financier));
        const reasons = v.reasons || [];
        if (reasons.length) item.append(ivpElement('ul', { className: 'ivp-reasons' }, ...reasons.map((r) => reasonItem(v.policy, r))));
        if (v.form && v.form.text) item.append(ivpElement('p', { text: v.form.text }));
        if (v.source) item.append(ivpElement('p', { className: 'ivp-source', text: `Bron: ${ivpSourceText(v.source)}` }));
        list.append(item);
      }
      box.append(list);
      const note = lastResult && Array.isArray(lastResult.policies)
        ? lastResult.policies.filter((x) => x.note).map((x) => x.note) : [];
      for (const n of note) box.append(ivpElement('p', { className: 'ivp-hint', text: n }));
    } else {
      box.append(ivpMissing('Het oordeel per beleid (gemeente en ALS protocol)'));
      // Without a verdict per policy the reasons of the default policy are all there is.
      const reasons = (eligibility.reasons || []).map(ivpText).filter(Boolean);
      if (reasons.length) box.append(ivpElement('p', { className: 'ivp-subhead', text: 'Waarom:' }),
        ivpElement('ul', {}, ...reasons.map((r) => ivpElement('li', { text: r }))));
    }
    const open = (eligibility.open_questions || []).map(questionText).filter(Boolean);
    if (open.length) box.append(ivpElement('p', { className: 'ivp-subhead', text: 'Dit bepaalt het nog:' }),
      ivpElement('ul', {}, ...open.map((q) => ivpElement('li', { text: q }))));
    return box;
  }

  // How a provision is paid, in words: the forms the municipality offers
  // (natura, pgb, financiële tegemoetkoming), what the ALS protocol prefers and
  // what the pgb amounts to. Texts and sources come from `costs.financing`;
  // the provision only refers to them by id.
  function financingDetails(financing, provision) {
    const shared = lastResult && lastResult.costs && lastResult.costs.financing;
    if (!shared || typeof financing !== 'object' || !financing.group) return ivpOutline(financing);
    const formOf = (id) => (shared.forms || []).find((f) => f.id === id) || { id, label: IVP_FORM_LABEL[id] || id };
    const formNames = (ids) => (ids || []).map((id) => formOf(id).label.toLowerCase());
    const group = (shared.groups || {})[financing.group] || {};
    const box = ivpElement('div', { className: 'ivp-financing' });
    const forms = financing.forms || [];
    if (!forms.length) {
      box.append(ivpElement('p', { text: provision.law === 'zvw'
        ? 'De zorgverzekeraar beslist hoe u dit krijgt (dat rekent deze rekenhulp niet uit).'
        : 'De bron noemt voor deze voorziening geen vorm.' }));
    } else {
      box.append(ivpElement('p', { text: `Bij de gemeente (${shared.hattem && shared.hattem.policy ? shared.hattem.policy : 'voorbeeld'}) kan dit als: ${ivpJoin(formNames(forms))}.` }));
      box.append(ivpElement('ul', {}, ...forms.map((id) => {
        const f = formOf(id);
        const li = ivpElement('li', {}, ivpElement('strong', { text: `${f.label}: ` }), f.explanation || '');
        const src = sourceWithQuote(ivpSourceText(f.source), f.source && f.source.text, 'Bron', f.source);
        if (src) li.append(src);
        return li;
      })));
    }
    if (group.hattem_text) {
      box.append(ivpElement('p', { text: group.hattem_text }));
      const src = sourceWithQuote(ivpSourceText(group.hattem_source), group.hattem_source && group.hattem_source.text, 'Bron', group.hattem_source);
      if (src) box.append(src);
    }
    const als = financing.als_protocol;
    if (als) {
      const pgb = als.pgb && typeof als.pgb.amount_eur === 'number'
        ? ` Is de voorziening in natura niet goed genoeg, dan krijgt u een pgb of financiële tegemoetkoming van ${ivpEuro(als.pgb.amount_eur)} (${als.pgb.amount_source === 'override' ? 'het bedrag dat u invulde' : 'het bedrag uit de IVP-tabel'}).` : '';
      box.append(ivpElement('p', { text: `Het ALS protocol: bij voorkeur ${ivpJoin(formNames(als.preferred_forms))}.${pgb}` }));
      const a = shared.als_protocol || {};
      const src = sourceWithQuote(ivpSourceText(a.source), a.source && a.source.text, 'Bron', a.source);
      if (src) box.append(src);
      if (group.als_text) box.append(ivpElement('p', { text: group.als_text }));
    }
    const hattem = financing.hattem;
    if (hattem && hattem.pgb && hattem.pgb.rule) {
      box.append(ivpElement('p', { text: `Pgb bij de gemeente (voorbeeld Hattem): ${hattem.pgb.rule}. De bron noemt geen bedrag.` }));
    }
    const prior = financing.prior_purchase;
    if (prior && prior.answer === true) {
      for (const t of [shared.als_protocol && shared.als_protocol.prior_purchase_text, shared.hattem && shared.hattem.prior_purchase_text]) {
        if (t) box.append(ivpElement('p', { text: t }));
      }
    }
    const eb = financing.eigen_bijdrage;
    if (eb) {
      const label = { ja: 'Telt mee voor de eigen bijdrage.', nee: 'Telt niet mee voor de eigen bijdrage.',
        onbekend: 'Of dit meetelt voor de eigen bijdrage, hangt nog af van uw antwoorden.',
        niet_van_toepassing: 'Geen eigen bijdrage van de Wmo.' }[eb.status] || `Eigen bijdrage: ${eb.status}.`;
      box.append(ivpElement('p', {}, ivpElement('strong', { text: label }), eb.reason ? ` ${eb.reason}` : ''));
    }
    return box;
  }

  function renderEligibility(byId) {
    for (const [id, row] of rows) {
      const p = byId.get(id);
      if (!p) {
        row.verdict.replaceChildren(ivpElement('span', { className: 'ivp-hint', text: 'Niet in het plan' }));
      } else if (!p.eligibility || typeof p.eligibility.verdict !== 'string') {
        row.verdict.replaceChildren(ivpMissing('Oordeel'));
      } else {
        const details = ivpElement('details', { className: 'ivp-more' },
          ivpElement('summary', { text: 'Waarom?', 'aria-label': `Waarom? ${p.name}` }), eligibilityDetails(p.eligibility));
        if (p.financing) details.append(ivpElement('p', { className: 'ivp-subhead', text: 'Hoe wordt het betaald?' }), financingDetails(p.financing, p));
        row.verdict.replaceChildren(ivpVerdictBadge(p.eligibility.verdict, ivpFinancier(p.eligibility)), details);
      }
    }
  }

  // The costs in brief (each part's `summary` sentence and its amounts per
  // month and in total, as the core gives them), the rest behind "alle details".
  function costsBrief(costs) {
    const box = ivpElement('div', { className: 'ivp-costs-brief' });
    for (const [key, part] of Object.entries(costs)) {
      if (!part || typeof part !== 'object' || Array.isArray(part)) continue;
      const lines = [];
      if (typeof part.summary === 'string') lines.push(ivpElement('p', { className: 'ivp-costs-summary', text: part.summary }));
      const list = ivpElement('dl', { className: 'ivp-print-totals' });
      for (const [k, label] of [['per_month', 'Per maand'], ['total', 'Totaal over de looptijd van het IVP']]) {
        if (part[k] && typeof part[k].min === 'number') {
          list.append(ivpElement('div', {}, ivpElement('dt', { text: label }), ivpElement('dd', {}, ivpOutline(part[k], k))));
        }
      }
      if (list.childElementCount) lines.push(list);
      if (lines.length) box.append(ivpElement('p', { className: 'ivp-subhead', text: IVP_KEY_LABEL[key] || key }), ...lines);
    }
    return box;
  }

  // Open questions anywhere in the costs section (they join the questions for the talk).
  function costsQuestions(costs) {
    const found = [];
    const walk = (value, depth) => {
      if (!value || typeof value !== 'object' || depth > 3) return;
      if (Array.isArray(value.open_questions)) found.push(...value.open_questions.map(questionText).filter(Boolean));
      for (const v of Object.values(value)) if (v && typeof v === 'object' && !Array.isArray(v)) walk(v, depth + 1);
    };
    walk(costs, 0);
    return found;
  }

  function renderCosts(result) {
    const box = $('#ivp-costs');
    if (!result.costs) { box.replaceChildren(ivpMissing('De eigen bijdrage')); return; }
    box.replaceChildren(costsBrief(result.costs), ivpElement('details', { className: 'ivp-more' },
      ivpElement('summary', { text: 'Alle details over wat u zelf betaalt' }), ivpOutline(result.costs)));
  }

  // One track of a provision (ALS protocol, Wmo 2015, the municipality):
  // its phases and milestones as the core gives them.
  function trackBlock(name, track) {
    const block = ivpElement('div', { className: 'ivp-track' },
      ivpElement('p', { className: 'ivp-subhead', text: track.label || name }));
    if (track.applies === false) {
      block.append(ivpElement('p', { text: track.reason || 'Geldt niet voor deze voorziening.' }));
      return block;
    }
    const list = ivpElement('ul');
    for (const ph of track.phases || []) {
      const days = typeof ph.werkdagen === 'number' ? ` (${ph.werkdagen} werkdagen)` : '';
      list.append(ivpElement('li', { text: `${ph.label || ph.id}: ${ph.start ? `${ivpDutchDate(ph.start)} tot ` : ''}${ph.end ? ivpDutchDate(ph.end) : ''}${days}` }));
    }
    for (const m of track.milestones || []) {
      list.append(ivpElement('li', { text: `${m.label || m.id}: ${m.date ? ivpDutchDate(m.date) : 'onbekend'}${m.actual && m.actual.date ? ` (werkelijk: ${ivpDutchDate(m.actual.date)})` : ''}` }));
    }
    if (track.end) list.append(ivpElement('li', {}, ivpElement('strong', { text: `Klaar uiterlijk: ${ivpDutchDate(track.end)}` })));
    block.append(list);
    if (track.caveat) block.append(ivpElement('p', { className: 'ivp-hint', text: ivpText(track.caveat) }));
    const basis = track.basis || track.source;
    if (basis) block.append(ivpElement('p', { className: 'ivp-source', text: `Bron: ${ivpSourceText(basis)}` }));
    return block;
  }

  function tracksOf(delivery) {
    const tracks = delivery && delivery.tracks;
    if (!tracks || typeof tracks !== 'object') return null;
    return Array.isArray(tracks) ? tracks.map((t, n) => [t.id || t.track || String(n), t]) : Object.entries(tracks);
  }

  // Milestones of the request itself (Wmo 2015 and the municipality): when,
  // whether the term was met, and what to do now.
  function procedureBlock(result) {
    const box = ivpElement('div', { className: 'ivp-procedure' });
    const proc = result.procedure;
    const groups = [];
    if (proc && proc.wmo_2015) groups.push([proc.wmo_2015.label || 'Wmo 2015', proc.wmo_2015.milestones || [], null]);
    if (proc && proc.gemeente) groups.push([proc.gemeente.label || 'Gemeente', proc.gemeente.milestones || [], proc.gemeente.caveat]);
    if (!groups.length) { box.append(ivpMissing('De termijnen van uw aanvraag (Wmo 2015)')); return box; }
    box.append(ivpElement('h3', { text: 'Uw aanvraag bij de gemeente' }));
    for (const [label, milestones, caveat] of groups) {
      const table = ivpElement('table', { className: 'ivp-table ivp-milestones' },
        ivpElement('caption', { text: label }),
        ivpElement('thead', {}, ivpElement('tr', {}, ...['Wat', 'Datum', 'Stand', 'Wat kunt u doen?']
          .map((t) => ivpElement('th', { scope: 'col', text: t })))));
      const body = ivpElement('tbody');
      for (const m of milestones) {
        const actual = m.actual && m.actual.date ? ` (werkelijk: ${ivpDutchDate(m.actual.date)})` : '';
        const status = m.status ? ivpElement('span', { className: `ivp-status ivp-status-${m.status}`, text: IVP_STATUS_LABEL[m.status] || m.status }) : '';
        const late = typeof m.werkdagen_verschil === 'number' && m.werkdagen_verschil > 0 ? ` (${m.werkdagen_verschil} werkdagen te laat)` : '';
        body.append(ivpElement('tr', {},
          ivpElement('th', { scope: 'row' }, m.label || m.id, m.basis ? ivpElement('span', { className: 'ivp-source ivp-block', text: m.basis }) : ''),
          ivpElement('td', { className: 'ivp-date', text: `${m.date ? ivpDutchDate(m.date) : 'onbekend'}${actual}` }),
          ivpElement('td', {}, status, late),
          ivpElement('td', { text: m.next_step || '' })));
      }
      table.append(body);
      box.append(table);
      if (caveat) box.append(ivpElement('p', { className: 'ivp-hint', text: caveat }));
    }
    const late = result.late_decision;
    if (late) {
      const d = late.dwangsom;
      const items = [];
      if (late.beslistermijn_einde) items.push(`De gemeente moet uiterlijk ${ivpDutchDate(late.beslistermijn_einde)} beslissen.`);
      if (late.ingebrekestelling_vanaf) items.push(`Vanaf ${ivpDutchDate(late.ingebrekestelling_vanaf)} kunt u de gemeente een brief sturen dat zij te laat is (ingebrekestelling).`);
      if (d) {
        items.push(`${d.voorbeeld ? 'Voorbeeld: ontvangt de gemeente die brief op ' + ivpDutchDate(d.ingebrekestelling_ontvangen || late.ingebrekestelling_vanaf) + ', dan' : 'Dan'} moet de gemeente u vanaf ${ivpDutchDate(d.eerste_dag)} tot uiterlijk ${ivpDutchDate(d.laatste_dag)} een dwangsom per dag betalen.`);
        if (d.bedrag && d.bedrag.tekst) items.push(`Bedrag: ${d.bedrag.tekst}${d.maximum && d.maximum.tekst ? ` (ten hoogste ${d.maximum.tekst})` : ''}.`);
        else if (d.bedrag_onbekend) items.push(d.bedrag_onbekend);
        else if (d.tarief && !d.tarief.tiers) items.push('Hoeveel de dwangsom per dag is, weet de rekenhulp voor die datum niet. Kijk in de Algemene wet bestuursrecht, artikel 4:17 (wetten.overheid.nl).');
      }
      box.append(ivpElement('h3', { text: 'Als de gemeente te laat beslist' }),
        ivpElement('p', {}, ivpElement('strong', { text: `${late.applies_to || 'Het besluit'}: ` }),
          ivpElement('span', { className: `ivp-status ivp-status-${late.status}`, text: IVP_LATE_LABEL[late.status] || late.status || '' })),
        ivpElement('ul', {}, ...items.map((t) => ivpElement('li', { text: t }))));
      if (late.next_step) box.append(ivpElement('p', {}, ivpElement('strong', { text: 'Wat kunt u doen? ' }), late.next_step));
      const basis = sourceWithQuote('Algemene wet bestuursrecht art. 4:17', late.basis, 'Bron');
      if (basis) box.append(basis);
    }
    return box;
  }

  // The delivery of every provision on the three tracks as one Gantt chart
  // (a picture: aria-hidden) and the same dates in a table. Provisions with
  // the same dates share a row, so the chart stays short.
  function ganttBlock(result, provisions) {
    const TRACKS = [['als_protocol', 'ALS protocol'], ['wmo_2015', 'Wmo 2015'], ['gemeente', 'Gemeente']];
    const day = (iso) => { const [y, m, d] = String(iso).split('-').map(Number); return Date.UTC(y, m - 1, d) / 86400000; };
    const groups = new Map();
    for (const p of provisions) {
      const tracks = Object.fromEntries(tracksOf(p.delivery) || []);
      const key = JSON.stringify(TRACKS.map(([id]) => tracks[id] && tracks[id].applies !== false
        ? [(tracks[id].phases || []).map((ph) => [ph.start, ph.end]), tracks[id].end] : null));
      if (!groups.has(key)) groups.set(key, { names: [], tracks });
      groups.get(key).names.push(p.name);
    }
    const now = result.peildatum || today;
    const dates = [result.melding || state.melding, now];
    for (const { tracks } of groups.values()) {
      for (const t of Object.values(tracks)) {
        if (!t || t.applies === false) continue;
        for (const ph of t.phases || []) dates.push(ph.start, ph.end);
        for (const m of t.milestones || []) dates.push(m.date);
        if (t.end) dates.push(t.end);
      }
    }
    const days = dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d || '')).map(day);
    const first = Math.min(...days);
    const last = Math.max(...days);
    const x = (iso) => (1000 * (day(iso) - first)) / Math.max(1, last - first);
    const ROW = 12;
    const chart = ivpElement('div', { className: 'ivp-gantt', 'aria-hidden': 'true' });
    // Month ticks above the chart: an SVG without a viewBox, placed in
    // percentages, so letters are not stretched and no style attribute is
    // needed (the page's CSP allows none, also in a page saved from the browser).
    const axis = ivpElement('svg', { svg: true, className: 'ivp-gantt-axis', focusable: 'false' });
    const start = new Date(first * 86400000);
    for (let m = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)); m.getTime() / 86400000 <= last; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
      const at = `${(x(m.toISOString().slice(0, 10)) / 10).toFixed(2)}%`;
      axis.append(ivpElement('rect', { svg: true, className: 'ivp-gantt-tick', x: at, y: '0', width: '1', height: '100%' }),
        ivpElement('text', { svg: true, x: at, dx: '4', y: '70%', text: IVP_MONTHS[m.getUTCMonth()].slice(0, 3) }));
    }
    axis.append(ivpElement('rect', { svg: true, className: 'ivp-gantt-today', x: `${(x(now) / 10).toFixed(2)}%`, y: '0', width: '3', height: '100%' }));
    chart.append(ivpElement('div', { className: 'ivp-gantt-plot' }, ivpElement('span'), axis));
    const todayX = x(now);
    for (const { names, tracks } of groups.values()) {
      const svg = ivpElement('svg', { svg: true, className: 'ivp-gantt-bars', viewBox: `0 0 1000 ${ROW * TRACKS.length}`, preserveAspectRatio: 'none', focusable: 'false' });
      TRACKS.forEach(([id], n) => {
        const t = tracks[id];
        const y = n * ROW;
        svg.append(ivpElement('rect', { svg: true, className: 'ivp-gantt-lane', x: '0', y: String(y), width: '1000', height: String(ROW) }));
        if (!t || t.applies === false) return;
        for (const ph of t.phases || []) {
          if (!ph.start || !ph.end) continue;
          svg.append(ivpElement('rect', { svg: true, className: `ivp-gantt-phase ivp-gantt-${ph.id || 'phase'}`,
            x: x(ph.start).toFixed(2), y: String(y + 2), width: Math.max(2, x(ph.end) - x(ph.start)).toFixed(2), height: String(ROW - 4) }));
        }
        // The waiting time for the decision, before the supplier's phase, on the legal tracks.
        const firstPhase = (t.phases || [])[0];
        if (id !== 'als_protocol' && firstPhase && firstPhase.start) {
          svg.append(ivpElement('rect', { svg: true, className: 'ivp-gantt-wait',
            x: x(result.melding || state.melding).toFixed(2), y: String(y + 4), width: Math.max(0, x(firstPhase.start) - x(result.melding || state.melding)).toFixed(2), height: String(ROW - 8) }));
        }
        for (const m of t.milestones || []) {
          if (!m.date) continue;
          svg.append(ivpElement('rect', { svg: true, className: `ivp-gantt-mark ivp-status-${m.status || 'open'}`, x: (x(m.date) - 2).toFixed(2), y: String(y), width: '4', height: String(ROW) }));
        }
      });
      svg.append(ivpElement('rect', { svg: true, className: 'ivp-gantt-today', x: (todayX - 2).toFixed(2), y: '0', width: '4', height: String(ROW * TRACKS.length) }));
      const lanes = ivpElement('div', { className: 'ivp-gantt-lanes' }, ...TRACKS.map(([, label]) => ivpElement('span', { text: label })));
      chart.append(ivpElement('div', { className: 'ivp-gantt-row' }, ivpElement('p', { className: 'ivp-gantt-label', text: ivpJoin(names) }),
        ivpElement('div', { className: 'ivp-gantt-plot' }, lanes, svg)));
    }
    chart.append(ivpElement('ul', { className: 'ivp-legend ivp-gantt-legend' },
      ...[['ivp-gantt-revalidatie', 'Advies revalidatieteam'], ['ivp-gantt-financier', 'Besluit gemeente of zorgverzekeraar'],
        ['ivp-gantt-leverancier', 'Levering'], ['ivp-gantt-wait', 'Wachten op het besluit (wet, gemeente)'], ['ivp-gantt-today', `Vandaag (${ivpDutchDate(now)})`]]
        .map(([cls, label]) => ivpElement('li', {}, ivpElement('span', { className: `ivp-swatch ${cls}` }), label)),
      ivpElement('li', { text: 'Streepje: een termijn loopt af.' })));

    const endOf = (t) => (!t ? '—' : t.applies === false ? 'geldt niet' : t.end ? ivpDutchDate(t.end) : 'onbekend');
    const table = ivpElement('table', { className: 'ivp-table ivp-gantt-table' },
      ivpElement('caption', { text: `Klaar uiterlijk, per regeling (vandaag is ${ivpDutchDate(now)})` }),
      ivpElement('thead', {}, ivpElement('tr', {}, ...['Voorzieningen', 'ALS protocol', 'Wmo 2015', 'Gemeente']
        .map((t) => ivpElement('th', { scope: 'col', text: t })))),
      ivpElement('tbody', {}, ...[...groups.values()].map(({ names, tracks }) => ivpElement('tr', {},
        ivpElement('th', { scope: 'row', text: ivpJoin(names) }),
        ...TRACKS.map(([id, label]) => ivpElement('td', { className: 'ivp-date', 'data-label': label, text: endOf(tracks[id]) }))))));
    return [chart, table];
  }

  function renderTimeline(result) {
    $('#ivp-timeline-melding').textContent = ivpDutchDate(result.melding || state.melding);
    const box = $('#ivp-timeline');
    const provisions = ivpPlanOrder(result).filter((p) => p.delivery && p.delivery.als_protocol);
    if (!provisions.length) { box.replaceChildren(ivpElement('p', { text: 'Er staan geen voorzieningen in het plan.' })); return; }
    const anyTracks = provisions.some((p) => tracksOf(p.delivery));
    const maxDays = Math.max(1, ...provisions.map((p) => (p.sla_werkdagen && p.sla_werkdagen.totaal) || 0));
    const list = ivpElement('ol', { className: 'ivp-timeline' });
    for (const p of provisions) {
      const days = p.sla_werkdagen && p.sla_werkdagen.totaal;
      const item = ivpElement('li', {},
        ivpElement('p', { className: 'ivp-timeline-head' }, ivpElement('strong', { text: p.name }),
          ` — volgens het ALS protocol klaar op ${ivpDutchDate(p.delivery.als_protocol)}${days ? ` (${days} werkdagen)` : ''}`),
        ...ivpPlanWindow(p));
      if (days && !anyTracks) {
        // A picture of the same number, for a quick comparison; the text above carries it.
        const bar = ivpElement('svg', { svg: true, className: 'ivp-tbar', viewBox: '0 0 1000 16', preserveAspectRatio: 'none',
          'aria-hidden': 'true', focusable: 'false' });
        bar.append(ivpElement('rect', { svg: true, className: `ivp-seg ivp-seg-${p.law}-${p.kind}`, x: '0', y: '0',
          width: ((1000 * days) / maxDays).toFixed(2), height: '16' }));
        item.append(bar);
      }
      const tracks = tracksOf(p.delivery);
      if (tracks) {
        item.append(ivpElement('details', { className: 'ivp-more' },
          ivpElement('summary', { text: 'Alle termijnen', 'aria-label': `Alle termijnen: ${p.name}` }),
          ...tracks.map(([name, t]) => trackBlock(name, t))));
      }
      list.append(item);
    }
    box.replaceChildren(...(anyTracks ? ganttBlock(result, provisions) : [ivpMissing('De termijnen van de Wmo 2015 en van de gemeente')]),
      ...(result.procedure || result.late_decision ? [procedureBlock(result)] : []),
      ivpElement('h3', { text: 'Per voorziening' }), list);
  }

  // One line why, for the summary: for "onbekend" how many questions are
  // still open; otherwise the first reason of the default policy, without its
  // outcome word and its citation (the provision's row names the source).
  function oneLineReason(eligibility) {
    const open = eligibility.open_questions || [];
    if (eligibility.verdict === 'onbekend' && open.length) {
      return `Hangt nog af van ${open.length === 1 ? '1 vraag' : `${open.length} vragen`} hieronder.`;
    }
    const first = (eligibility.reasons || []).map(ivpText).find(Boolean);
    if (!first) return '';
    const plain = first.replace(/^(voldaan|niet voldaan|onbekend|niet van toepassing):\s*/, '').replace(/\s*\([^()]*\)\s*$/, '');
    const sentence = /^(.+?[.!?])(\s|$)/.exec(plain);
    return sentence ? sentence[1] : plain;
  }

  // --- step 6: "Mijn IVP voor het keukentafelgesprek" (also the print) ---------------
  function renderSummary(result) {
    const b = result.budget;
    const sum = $('#ivp-summary');
    const h = (text) => ivpElement('h4', { text });
    const answered = [];
    for (const [id, text] of state.profileText) {
      const entry = factControls.get(id);
      if (entry && text !== '') answered.push(ivpElement('li', { text: `${entry.fact.question || id} ${factAnswerLabel(entry.fact, factValue(entry.fact, text))}` }));
    }
    const situation = ivpElement('ul', {}, ivpElement('li', { text: `Melding bij de gemeente: ${ivpDutchDate(result.melding || state.melding)}` }), ...answered);

    // Per provision: the verdict and one line why, not every criterion (the
    // print must stay short enough to take to the talk).
    const provTable = ivpElement('table', { className: 'ivp-table ivp-print-table' },
      ivpElement('thead', {}, ivpElement('tr', {}, ...['Voorziening', 'Bedrag', 'Krijg ik het?', 'Bron'].map((t) => ivpElement('th', { scope: 'col', text: t })))));
    const refs = printSourceRefs();
    const provBody = ivpElement('tbody');
    const questions = new Map();
    let anyEligibility = false;
    for (const p of result.provisions) {
      const verdictCell = ivpElement('td');
      if (p.eligibility && typeof p.eligibility.verdict === 'string') {
        anyEligibility = true;
        verdictCell.append(ivpVerdictBadge(p.eligibility.verdict, ivpFinancier(p.eligibility)));
        const verdicts = ivpPolicyVerdicts(p.eligibility);
        // The policies side by side only where they differ.
        if (verdicts.length > 1 && new Set(verdicts.map((v) => v.verdict)).size > 1) {
          verdictCell.append(ivpElement('p', { className: 'ivp-note', text: verdicts.map((v) => `${ivpPolicyLabel(v.policy)}: ${ivpVerdictText(v.verdict, v.financier)}`).join('; ') }));
        }
        const line = oneLineReason(p.eligibility);
        const why = firstReasonSource(p.eligibility);
        if (line) verdictCell.append(ivpElement('p', { className: 'ivp-note', text: why ? `${line} ${refs.cite(why)}` : line }));
        for (const q of p.eligibility.open_questions || []) {
          const text = questionText(q);
          if (text) questions.set(text, [...(questions.get(text) || []), p.name]);
        }
      } else {
        verdictCell.append(ivpElement('span', { text: IVP_MISSING }));
      }
      provBody.append(ivpElement('tr', {}, ivpElement('th', { scope: 'row', text: `${p.name} (${p.law === 'wmo' ? 'Wmo' : 'Zvw'})` }),
        ivpElement('td', { className: 'ivp-amount', text: ivpEuro(p.amount) }), verdictCell,
        ivpElement('td', { className: 'ivp-source', text: p.source ? refs.cite(p.source) : '' })));
    }
    provTable.append(provBody);

    const budget = ivpElement('dl', { className: 'ivp-print-totals' },
      ivpElement('div', {}, ivpElement('dt', { text: 'Totaal IVP-budget' }), ivpElement('dd', { text: ivpRange(b.total) })),
      ivpElement('div', {}, ivpElement('dt', { text: 'Wmo (gemeente)' }), ivpElement('dd', { text: ivpRange(b.wmo.total) })),
      ivpElement('div', {}, ivpElement('dt', { text: 'Zvw (zorgverzekeraar)' }), ivpElement('dd', { text: ivpRange(b.zvw.total) })));

    // The timeline in brief: the request's own deadlines, then the provisions
    // grouped by the day they are ready under the ALS protocol.
    const byDate = new Map();
    for (const p of ivpPlanOrder(result).filter((q) => q.delivery && q.delivery.als_protocol)) {
      const key = `${ivpDutchDate(p.delivery.als_protocol)}${p.sla_werkdagen ? ` (${p.sla_werkdagen.totaal} werkdagen)` : ''}`;
      const from = p.calloff && p.calloff.kind !== 'melding' ? `afroepen ${ivpDutchDate(p.calloff.date)}; ` : '';
      byDate.set(from + key, [...(byDate.get(from + key) || []), p.name]);
    }
    const steps = [];
    const proc = result.procedure;
    for (const m of (proc && proc.wmo_2015 && proc.wmo_2015.milestones) || []) {
      if (!m.date) continue;
      steps.push(ivpElement('tr', {}, ivpElement('th', { scope: 'row', text: m.label || m.id }),
        ivpElement('td', { className: 'ivp-date', text: `${ivpDutchDate(m.date)}${m.status && m.status !== 'open' ? ` — ${(IVP_STATUS_LABEL[m.status] || m.status).toLowerCase()}` : ''}` })));
    }
    const timeline = ivpElement('table', { className: 'ivp-table ivp-print-table' },
      ivpElement('thead', {}, ivpElement('tr', {}, ...['Wat', 'Wanneer'].map((t) => ivpElement('th', { scope: 'col', text: t })))),
      ivpElement('tbody', {}, ...steps, ...[...byDate].map(([when, names]) => ivpElement('tr', {},
        ivpElement('th', { scope: 'row', text: `Klaar volgens het ALS protocol: ${ivpJoin(names)}` }), ivpElement('td', { className: 'ivp-date', text: when })))));
    const late = result.late_decision && result.late_decision.next_step
      ? ivpElement('p', {}, ivpElement('strong', { text: 'Als de gemeente te laat beslist: ' }), result.late_decision.next_step) : null;

    if (result.costs) for (const q of costsQuestions(result.costs)) questions.set(q, [...(questions.get(q) || []), 'eigen bijdrage']);
    let questionBlock;
    if (!anyEligibility && !questions.size) questionBlock = ivpMissing('Vragen die het oordeel nog bepalen');
    else if (!questions.size) questionBlock = ivpElement('p', { text: 'De rekenhulp heeft geen open vragen gevonden.' });
    else {
      const where = (names) => (names.length > 4 ? `${names.slice(0, 3).join(', ')} en ${names.length - 3} andere` : names.join(', '));
      questionBlock = ivpElement('ol', { className: 'ivp-questions' }, ...[...questions].map(([q, names]) => ivpElement('li', { text: `${q} (bij: ${where(names)})` })));
    }

    sum.replaceChildren(
      ivpElement('h3', { id: 'ivp-summary-title', text: 'Mijn IVP voor het keukentafelgesprek' }),
      ivpElement('p', { className: 'ivp-made', text: `Gemaakt op ${ivpDutchDate(today)} met de IVP-rekenhulp.` }),
      h('Mijn situatie in het kort'), situation,
      ...(facts && facts.length ? [] : [ivpMissing('Vragen over uw situatie')]),
      h('Het budget'), budget, ...ivpPlanPrint(result),
      ...(result.costs ? [h('Wat ik zelf betaal'), costsBrief(result.costs)] : [ivpMissing('Eigen bijdrage')]),
      h(`Voorzieningen (${result.provisions.length})`), provTable,
      h('Tijdlijn'), timeline, late,
      h('Vragen voor het gesprek'), questionBlock,
      ...(kit ? kit.summarySections(result) : []),
      ivpElement('p', { className: 'ivp-disclaimer', text: result.disclaimer ||
        'Dit is een indicatie, geen besluit. De gemeente beslist per persoon (maatwerk).' }),
      ...(result.notes || []).map((n) => ivpElement('p', { className: 'ivp-note', text: n })),
      ...(refs.size() ? [h('Bronnen'), refs.list()] : []));
  }

  // The print's numbered sources: a verdict or row says "[2]", the list at
  // the end says what 2 is (document, section, page if known, link).
  function printSourceRefs() {
    const numbers = new Map();
    const entries = [];
    const noLinks = new Map();  // document title -> why there is no link (said once, under the list)
    const cite = (source) => {
      const text = ivpSourceText(source);
      if (!text) return '';
      const link = ivpSourceLink(source);
      const key = `${text}|${link}`;
      if (!numbers.has(key)) {
        numbers.set(key, entries.length + 1);
        const noLink = link ? '' : ivpSourceNoLink(source);
        if (noLink) noLinks.set(ivpDocumentTitle(source.seed), noLink);
        entries.push(`${text}${link && !text.includes(link) ? ` — ${link}` : ''}`);
      }
      return `[${numbers.get(key)}]`;
    };
    const list = () => ivpElement('div', {},
      ivpElement('ol', { className: 'ivp-print-sources' }, ...entries.map((t) => ivpElement('li', { text: t }))),
      ...[...noLinks].map(([title, note]) => ivpElement('p', { className: 'ivp-note', text: `${title}: ${note}` })));
    return { cite, list, size: () => entries.length };
  }

  // The source of the reason that oneLineReason quotes: the default policy's first reason.
  function firstReasonSource(eligibility) {
    const main = eligibility.policies && eligibility.policy ? eligibility.policies[eligibility.policy] : null;
    const first = main && Array.isArray(main.reasons) ? main.reasons[0] : null;
    if (eligibility.verdict === 'onbekend' && (eligibility.open_questions || []).length) return null;
    return first && first.source && typeof first.source === 'object' ? first.source : null;
  }

  function render(result) {
    lastResult = result;
    ivpSetDocuments(result);
    const b = result.budget;
    $('#ivp-total').textContent = ivpRange(b.total);
    $('#ivp-total-all').textContent = ivpRange(b.total);
    $('#ivp-total-wmo').textContent = ivpRange(b.wmo.total);
    $('#ivp-total-zvw').textContent = ivpRange(b.zvw.total);
    $('#ivp-count').textContent = String(result.provisions.length);
    renderBars(b);
    renderEligibility(new Map(result.provisions.map((p) => [p.id, p])));
    renderCosts(result);
    ivpPlanRender(result, root, rows);
    renderTimeline(result);
    renderSummary(result);
    if (kit) kit.render(result);
    $('#ivp-notes').replaceChildren(...(result.notes || []).map((n) => ivpElement('li', { text: n })));
    const totalText = ivpRange(b.total);
    if (totalText !== lastTotalText) {
      status.textContent = `Totaal bijgewerkt: ${totalText}, ${result.provisions.length} voorzieningen.`;
      lastTotalText = totalText;
    }
    root.dispatchEvent(new CustomEvent('ivp-result', { detail: result, bubbles: true, composed: true }));
  }

  // --- saving in this browser (only after the user asks) --------------------------
  const remember = $('#ivp-remember');
  function rememberNow() {
    if (!storage || !remember.checked) return;
    try { storage.setItem(IVP_STORAGE_KEY, JSON.stringify(scenario())); } catch { /* full or blocked: nothing to do */ }
  }

  // At every change the core gives the lean result: only what the amounts
  // reach (budget, amounts, the protocol pgb, the eigen bijdrage totals).
  // Everything else (verdicts, reasons, delivery dates, costs texts) does not
  // depend on the amounts, so it is asked for again only when something else
  // changes, and merged in: render() sees the full result (docs/perf.md,
  // "Rekenkern").
  // A core without the split (a stand-in, an older build) gives the full result.
  const split = typeof core.calculateLean === 'function' && typeof core.explain === 'function';
  let explained = null;
  function compute(s) {
    if (!split) return core.calculate(s, today);
    const outcome = core.calculateLean(s, today);
    if (outcome.error) return outcome;
    const key = JSON.stringify({ ...s, overrides: undefined });
    const rest = JSON.stringify({ ...s, overrides: undefined, profile: undefined });
    if (explained && explained.key !== key && explained.rest === rest && typeof core.situation === 'function') {
      // Only the profile changed (an answer): only what it reaches (src/ivp/situation.h).
      const part = core.situation(s, today);
      if (part.error) return part;
      explained = { key, rest, explanation: ivpWithSituation(explained.explanation, part.result) };
    } else if (!explained || explained.key !== key) {
      const more = core.explain(s, today);
      if (more.error) return more;
      explained = { key, rest, explanation: more.result };
    }
    return { result: ivpWithExplanation(outcome.result, explained.explanation) };
  }
  function update() {
    const outcome = compute(scenario());
    clearErrors();
    if (outcome.error) { showError(outcome.error); return outcome; }
    render(outcome.result);
    interview.show(outcome.result);
    renderPolicyChoices(outcome.result);
    rememberNow();
    return outcome;
  }

  // --- the municipality's policy: a built-in pack, or one the user loads ------------------
  // The choices come from the core (result.policy_choices); a loaded pack is
  // checked by the core (validatePolicyPack, the rules of `ivp validate`)
  // before it replaces anything, and travels in the scenario as policy_pack.
  const policyChoices = $('#ivp-policy-choices');
  const policyStatus = $('#ivp-policy-status');
  const policyFile = $('#ivp-policy-file');
  const policyAbout = $('#ivp-policy-about');
  let policyChoicesKey = '';
  function renderPolicyChoices(result) {
    const builtIn = Array.isArray(result.policy_choices) ? result.policy_choices : [];
    const current = result.policies && result.policies[0] ? result.policies[0].id : '';
    const choices = builtIn.map((c) => ({ id: c.id, label: c.default ? `${c.label} (standaard)` : c.label }));
    if (state.pack && !builtIn.some((c) => c.id === state.pack.id)) {
      choices.push({ id: state.pack.id, label: `${state.pack.label} (geladen bestand)` });
    }
    const key = JSON.stringify([choices, current]);
    if (key === policyChoicesKey) return;
    policyChoicesKey = key;
    // What the chosen policy is, and what it obliges the municipality to do (the Wmo 2015's duties).
    const chosen = result.policies && result.policies[0];
    const duties = chosen && Array.isArray(chosen.duties) ? chosen.duties : [];
    policyAbout.replaceChildren(...(chosen && chosen.note ? [ivpElement('p', { text: chosen.note })] : []),
      ...(duties.length ? [ivpElement('p', { text: 'Wat de gemeente volgens deze regels altijd moet doen:' }),
        ivpElement('ul', { className: 'ivp-duties' }, ...duties.map((d) => ivpElement('li', {}, d.text + ' ',
          ivpElement('span', { className: 'ivp-hint', text: `(Bron: ${ivpSourceText(d.source)})` }))))] : []));
    policyChoices.replaceChildren(...choices.map((c) => {
      const input = ivpElement('input', { type: 'radio', name: 'ivp-policy', value: c.id });
      input.checked = c.id === current;
      return ivpElement('label', { className: 'ivp-check ivp-check-block' }, input, ivpElement('span', { text: c.label }));
    }));
  }
  policyChoices.addEventListener('change', (event) => {
    if (event.target.name !== 'ivp-policy' || !event.target.checked) return;
    state.policy = event.target.value;
    policyStatus.classList.remove('ivp-field-error');
    policyStatus.textContent = '';
    update();
  });
  policyFile.addEventListener('change', async () => {
    const file = policyFile.files && policyFile.files[0];
    if (!file) return;
    const text = await file.text();
    policyFile.value = '';
    const checked = typeof core.validatePolicyPack === 'function'
      ? core.validatePolicyPack(text)
      : { error: { message: `het laden van een beleidsbestand is ${IVP_MISSING}.`, where: '' } };
    if (checked.error) {
      const where = checked.error.where ? ` (op de plek ${checked.error.where})` : '';
      policyStatus.classList.add('ivp-field-error');
      policyStatus.textContent = `Het beleidsbestand "${file.name}" kan niet worden geladen${where}: ` +
        `${checked.error.message.replace(/([^.!?])$/, '$1.')} Er is niets veranderd: de rekenhulp rekent verder met het beleid dat gekozen was.`;
      return;
    }
    state.pack = JSON.parse(text);
    state.policy = state.pack.id;
    policyStatus.classList.remove('ivp-field-error');
    policyStatus.textContent = `Het beleidsbestand "${file.name}" is geladen: ${checked.result.label}. ` +
      'De oordelen gaan nu over dit beleid. Bewaart u uw gegevens als bestand, dan gaat dit beleid mee.';
    update();
  });

  // --- events ---------------------------------------------------------------------------
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
  tables.addEventListener('change', (event) => { if (ivpPlanInput(event.target, state)) update(); });
  const onFact = (event) => {
    const id = event.target.getAttribute('data-fact');
    if (!id) return;
    if (event.target.type === 'radio' && !event.target.checked) return;
    state.profileText.set(id, event.target.value);
    state.unknown.delete(id);
    update();
  };
  factsBox.addEventListener('change', onFact);
  factsBox.addEventListener('input', (event) => { if (event.target.type !== 'radio') onFact(event); });

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

  // --- a file on the user's own computer (no request: a Blob and a download link) ----
  const fileStatus = $('#ivp-file-status');
  const download = (name, type, text) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = ivpElement('a', { href: url, download: name, hidden: true });
    root.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  };
  $('#ivp-save-file').addEventListener('click', () => {
    download(`mijn-ivp-${today}.json`, 'application/json', `${JSON.stringify(scenario(), null, 2)}\n`);
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
    applyScenario(JSON.parse(text));
    fileStatus.classList.remove('ivp-field-error');
    fileStatus.textContent = `Het bestand "${file.name}" is geopend.`;
  });

  remember.disabled = !storage;
  remember.addEventListener('change', () => {
    if (!storage) return;
    if (remember.checked) rememberNow();
    else { try { storage.removeItem(IVP_STORAGE_KEY); } catch { /* blocked */ } }
    fileStatus.classList.remove('ivp-field-error');
    fileStatus.textContent = remember.checked ? 'Uw gegevens worden nu in deze browser onthouden.' : 'Uw gegevens worden niet meer onthouden in deze browser.';
  });
  // Wiping asks once more: a press by accident (a switch, a dwell click)
  // must not throw away an hour of work.
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
    applyScenario({});
    fileStatus.classList.remove('ivp-field-error');
    fileStatus.textContent = 'Alles is gewist. U begint opnieuw.';
  });

  // The keukentafel kit: checklist, what to ask, escalation, letters (site/kit.js).
  kit = typeof ivpKitMount !== 'function' ? null : ivpKitMount(root, core, { today, download, update, remember: rememberNow, scenario: () => scenario(),
    print: () => (options.print || (() => window.print()))() });
  $('#ivp-print').addEventListener('click', () => (options.print || (() => window.print()))());

  const icsActions = $('#ivp-ics-actions');
  const icsProbe = core.ics(scenario(), today);
  icsActions.hidden = icsProbe === null;
  $('#ivp-ics-missing').hidden = icsProbe !== null;
  $('#ivp-save-ics').addEventListener('click', () => {
    const out = core.ics(scenario(), today);
    if (!out || out.error) { showError(out ? out.error : { message: 'Een agenda-bestand maken lukt niet.', where: '' }); return; }
    download(`mijn-ivp-${today}.ics`, 'text/calendar', out.text);
  });

  // What this browser remembered (only there when the user ticked the box).
  let restored = false;
  if (storage) {
    let saved = null;
    try { saved = storage.getItem(IVP_STORAGE_KEY); } catch { saved = null; }
    if (saved && !core.calculateText(saved, today).error) {
      remember.checked = true;
      applyScenario(JSON.parse(saved));
      restored = true;
    }
  }
  if (!restored) update();
  showStep('start', { focus: false });
  root.classList && root.classList.remove('ivp-loading');
  const loading = root.querySelector('.ivp-loading');
  if (loading) loading.classList.remove('ivp-loading');
  return { update, scenario, showStep, result: () => lastResult };
}
