// Results: whether a provision is likely granted, per policy, with the
// reasons, their sources and the questions still open; how it is paid.
// Shown in the rows of step 3 and, in one line each, in the summary. Every
// verdict and reason comes from the core (`provisions[].eligibility`,
// `financing`); this module only puts them into words.
// ctx (site/js/mount.js): lastResult, rows, questionText.
import { ivpElement, ivpMissing } from '../dom.js';
import { ivpEuro, ivpJoin, ivpText } from '../format.js';
import { ivpOutline } from '../outline.js';
import { criterionQuote, ivpSourceText, sourceWithQuote } from '../sources.js';
import { ivpPolicyOf, ivpReasonSource, ivpReasonText, ivpSourceOf } from '../result-tables.js';

export const IVP_VERDICT_LABEL = { ja: 'Ja, waarschijnlijk wel', nee: 'Nee, waarschijnlijk niet', onbekend: 'Hangt ervan af' };
export const IVP_POLICY_LABEL = { 'wmo-2015': 'Wmo 2015 (de wet, voor elke gemeente)', 'hattem-2014': 'Voorbeeld: gemeente Hattem (2014)', 'als-protocol': 'ALS protocol' };
const IVP_OUTCOME_LABEL = { voldaan: 'Voldaan', 'niet voldaan': 'Niet voldaan', onbekend: 'Nog niet bekend',
  'niet van toepassing': 'Geldt niet' };
const IVP_FORM_LABEL = { natura: 'Zorg in natura', pgb: 'Persoonsgebonden budget (pgb)', financiele_tegemoetkoming: 'Financiële tegemoetkoming' };

// The verdicts per policy, wherever the core puts them in `eligibility`:
// a key holding {verdict…}, an array of them, or a map of them.
export function ivpPolicyVerdicts(eligibility) {
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

export const ivpPolicyLabel = (policy) => IVP_POLICY_LABEL[policy] || policy;

// A Zvw provision is not the municipality's to grant: "nee" under a Wmo
// policy means "ask the zorgverzekeraar", and must not read as "you won't get it".
const IVP_ELSEWHERE_LABEL = 'Via de zorgverzekeraar (Zvw), niet via de gemeente';

export function ivpFinancier(eligibility) {
  const policies = eligibility && eligibility.policies ? Object.values(eligibility.policies) : [];
  return policies.some((v) => v && v.financier === 'zorgverzekeraar') ? 'zorgverzekeraar' : null;
}

export function ivpVerdictText(verdict, financier) {
  if (financier === 'zorgverzekeraar') return IVP_ELSEWHERE_LABEL;
  return IVP_VERDICT_LABEL[verdict] || String(verdict);
}

export function ivpVerdictBadge(verdict, financier) {
  if (financier === 'zorgverzekeraar') {
    return ivpElement('span', { className: 'ivp-verdict ivp-verdict-elders', text: IVP_ELSEWHERE_LABEL });
  }
  const known = Object.hasOwn(IVP_VERDICT_LABEL, verdict);
  return ivpElement('span', { className: `ivp-verdict ivp-verdict-${known ? verdict : 'onbekend'}`,
    text: known ? IVP_VERDICT_LABEL[verdict] : String(verdict) });
}

// One reason of a policy: the outcome in words, the rule, and its source.
export function reasonItem(ctx, policy, reason) {
  if (typeof reason === 'string') return ivpElement('li', { text: reason });
  const outcome = IVP_OUTCOME_LABEL[reason.outcome] || reason.outcome;
  const item = ivpElement('li', { className: `ivp-reason ivp-reason-${String(reason.outcome || '').replace(/\s+/g, '-')}` },
    ivpElement('span', { className: 'ivp-outcome', text: outcome ? `${outcome}: ` : '' }), ivpElement('span', { text: ivpReasonText(ctx.lastResult, policy, reason) }));
  const source = ivpReasonSource(ctx.lastResult, policy, reason);
  const cite = (source && source.cite) || ivpSourceText(source);
  const src = sourceWithQuote(cite, criterionQuote(ctx.lastResult, policy, reason), 'Bron', source);
  if (src) item.append(src);
  return item;
}

// Reasons, open questions and the verdict of each policy, side by side.
export function eligibilityDetails(ctx, eligibility) {
  const box = ivpElement('div', { className: 'ivp-why' });
  const policies = ivpPolicyVerdicts(eligibility);
  if (policies.length) {
    const list = ivpElement('ul', { className: 'ivp-policies' });
    for (const v of policies) {
      const item = ivpElement('li', {}, ivpElement('strong', { text: `${v.label || (ivpPolicyOf(ctx.lastResult, v.policy) || {}).label || ivpPolicyLabel(v.policy)}: ` }), ivpVerdictBadge(v.verdict, v.financier));
      const reasons = v.reasons || [];
      if (reasons.length) item.append(ivpElement('ul', { className: 'ivp-reasons' }, ...reasons.map((r) => reasonItem(ctx, v.policy, r))));
      if (v.form && v.form.text) item.append(ivpElement('p', { text: v.form.text }));
      if (v.source) item.append(ivpElement('p', { className: 'ivp-source', text: `Bron: ${ivpSourceText(v.source)}` }));
      list.append(item);
    }
    box.append(list);
    const note = ctx.lastResult && Array.isArray(ctx.lastResult.policies)
      ? ctx.lastResult.policies.filter((x) => x.note).map((x) => x.note) : [];
    for (const n of note) box.append(ivpElement('p', { className: 'ivp-hint', text: n }));
  } else {
    box.append(ivpMissing('Het oordeel per beleid (gemeente en ALS protocol)'));
    // Without a verdict per policy the reasons of the default policy are all there is.
    const reasons = (eligibility.reasons || []).map(ivpText).filter(Boolean);
    if (reasons.length) box.append(ivpElement('p', { className: 'ivp-subhead', text: 'Waarom:' }),
      ivpElement('ul', {}, ...reasons.map((r) => ivpElement('li', { text: r }))));
  }
  const open = (eligibility.open_questions || []).map(ctx.questionText).filter(Boolean);
  if (open.length) box.append(ivpElement('p', { className: 'ivp-subhead', text: 'Dit bepaalt het nog:' }),
    ivpElement('ul', {}, ...open.map((q) => ivpElement('li', { text: q }))));
  return box;
}

// How a provision is paid, in words: the forms the municipality offers
// (natura, pgb, financiële tegemoetkoming), what the ALS protocol prefers and
// what the pgb amounts to. Texts and sources come from `costs.financing`;
// the provision only refers to them by id.
export function financingDetails(ctx, financing, provision) {
  const shared = ctx.lastResult && ctx.lastResult.costs && ctx.lastResult.costs.financing;
  if (!shared || typeof financing !== 'object' || !financing.group) return ivpOutline(financing);
  const formOf = (id) => (shared.forms || []).find((f) => f.id === id) || { id, label: IVP_FORM_LABEL[id] || id };
  const formNames = (ids) => (ids || []).map((id) => formOf(id).label.toLowerCase());
  const group = (shared.groups || {})[financing.group] || {};
  // A source by id in the result's `sources` (docs/result.md), with its quote.
  const quoted = (id) => { const src = ivpSourceOf(ctx.lastResult, id); return sourceWithQuote(ivpSourceText(src), src && src.text, 'Bron', src); };
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
      const src = quoted(f.source);
      if (src) li.append(src);
      return li;
    })));
  }
  if (group.hattem_text) {
    box.append(ivpElement('p', { text: group.hattem_text }));
    const src = quoted(group.hattem_source);
    if (src) box.append(src);
  }
  const als = financing.als_protocol;
  if (als) {
    const pgb = als.pgb && typeof als.pgb.amount_eur === 'number'
      ? ` Is de voorziening in natura niet goed genoeg, dan krijgt u een pgb of financiële tegemoetkoming van ${ivpEuro(als.pgb.amount_eur)} (${als.pgb.amount_source === 'override' ? 'het bedrag dat u invulde' : 'het bedrag uit de IVP-tabel'}).` : '';
    box.append(ivpElement('p', { text: `Het ALS protocol: bij voorkeur ${ivpJoin(formNames(als.preferred_forms))}.${pgb}` }));
    const a = shared.als_protocol || {};
    const src = quoted(a.source);
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

export function renderEligibility(ctx, byId) {
  for (const [id, row] of ctx.rows) {
    const p = byId.get(id);
    if (!p) {
      row.verdict.replaceChildren(ivpElement('span', { className: 'ivp-hint', text: 'Niet in het plan' }));
    } else if (!p.eligibility || typeof p.eligibility.verdict !== 'string') {
      row.verdict.replaceChildren(ivpMissing('Oordeel'));
    } else {
      const details = ivpElement('details', { className: 'ivp-more' },
        ivpElement('summary', { text: 'Waarom?', 'aria-label': `Waarom? ${p.name}` }), eligibilityDetails(ctx, p.eligibility));
      if (p.financing) details.append(ivpElement('p', { className: 'ivp-subhead', text: 'Hoe wordt het betaald?' }), financingDetails(ctx, p.financing, p));
      row.verdict.replaceChildren(ivpVerdictBadge(p.eligibility.verdict, ivpFinancier(p.eligibility)), details);
    }
  }
}

// One line why, for the summary: for "onbekend" how many questions are
// still open; otherwise the first reason of the default policy, without its
// outcome word and its citation (the provision's row names the source).
export function oneLineReason(eligibility) {
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

// The source of the reason that oneLineReason quotes: the default policy's
// first reason; `result` holds the tables it refers to.
export function firstReasonSource(result, eligibility) {
  const main = eligibility.policies && eligibility.policy ? eligibility.policies[eligibility.policy] : null;
  const first = main && Array.isArray(main.reasons) ? main.reasons[0] : null;
  if (eligibility.verdict === 'onbekend' && (eligibility.open_questions || []).length) return null;
  return first ? ivpReasonSource(result, eligibility.policy, first) : null;
}
