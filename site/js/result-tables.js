// The result's tables (docs/result.md, "Tables and ids"): the core gives each
// source, criterion, policy and fact once and refers to it by id. Plain
// look-ups for the renderers; nothing is computed here. A value that is
// already an object (an older result, a stand-in in a test) is used as is.
import { ivpText } from './format.js';

// A source by id: {seed?, title?, section, line?, page?, text (the quote), url?, cite?}.
export function ivpSourceOf(result, id) {
  if (id && typeof id === 'object') return id;
  const sources = result && result.sources;
  return typeof id === 'string' && sources && sources[id] ? sources[id] : null;
}

// A policy of `result.policies` by id.
export function ivpPolicyOf(result, id) {
  const policies = result && Array.isArray(result.policies) ? result.policies : [];
  return policies.find((p) => p && p.id === id) || null;
}

// A criterion of a policy: {text, if_not?, exceptions?, derived_from?, source (id)}.
export function ivpCriterionOf(result, policyId, criterionId) {
  const p = ivpPolicyOf(result, policyId);
  return p && p.criteria && typeof criterionId === 'string' ? p.criteria[criterionId] || null : null;
}

// The sentence of a reason: its own text when it has one (the rule said the
// plain way round, with its exceptions, or by a derived fact), else the rule.
export function ivpReasonText(result, policyId, reason) {
  if (!reason || typeof reason !== 'object' || typeof reason.text === 'string') return ivpText(reason);
  const c = ivpCriterionOf(result, policyId, reason.criterion);
  return c && typeof c.text === 'string' ? c.text : ivpText(reason);
}

// The source of a reason: its own (not a criterion: zvw, niet gedekt), else its criterion's.
export function ivpReasonSource(result, policyId, reason) {
  if (!reason || typeof reason !== 'object') return null;
  if (reason.source) return ivpSourceOf(result, reason.source);
  const c = ivpCriterionOf(result, policyId, reason.criterion);
  return c ? ivpSourceOf(result, c.source) : null;
}

// A delivery track's shared texts (`result.tracks.<name>`: label, basis, and
// for the municipality its id and caveat); the provision's track has its dates.
export function ivpTrackOf(result, name) {
  return (result && result.tracks && result.tracks[name]) || {};
}

// A provision's three delivery tracks: provisions with the same tracks share
// one entry of `result.timelines`, named by `delivery.timeline`.
export function ivpTracksOf(result, p) {
  const id = p && p.delivery && p.delivery.timeline;
  const timelines = result && result.timelines;
  return typeof id === 'string' && timelines && timelines[id] ? timelines[id] : null;
}

// A milestone's label: its own (the Zvw financier's), else the table's (`result.terms`).
export function ivpMilestoneLabel(result, m) {
  if (m.label) return m.label;
  const t = result && result.terms && result.terms[m.id];
  return t && t.label ? t.label : m.id;
}

// An SLA phase's label: its own (the Zvw financier's), else the table's (`result.phases`).
export function ivpPhaseLabel(result, ph) {
  if (ph.label) return ph.label;
  const t = result && result.phases && result.phases[ph.id];
  return t && t.label ? t.label : ph.id;
}

// The rulebook's tables (docs/result.md "Result and rulebook"): a result names
// the rulebook it was made with (`rulebook`) and refers to its tables by id;
// the page reads them once (core.rulebook(), scenario.js) and puts them back
// where the result refers to them, exactly as the core's with_rulebook() does
// (src/ivp/result/rulebook_json.cpp; tests/node/rulebook.test.mjs checks that
// the two agree): `policies[]` whole, `sources`, `facts` with their texts,
// `terms`, `tracks`, `phases`, `policy_choices`, `costs.financing`,
// `plan.assumptions`, `plan.remedies`, the texts of `kit.checklist[]` and
// `kit.requests[]`, each assessment's `form`, `policy` and `quantities` (when
// left out), and its compact reasons and open questions whole
// (`{criterion, outcome}`, the Zvw one with its text and source), and each
// provision's `financing` its group's part (`provision_financing`), and every
// eigen bijdrage `reason_id` its text, `reason` (`eigen_bijdrage_reasons`),
// and each provision its row's fields (`provisions`); and, from the result's own
// `anchors`, each milestone's `from` in `timelines` and `procedure`, and each
// phase an object again (not the rulebook's, but the same merge); `procedure`
// and `late_decision` their texts (`tracks`, `terms`, `late_decision`). A carried
// pack (`policy_pack`) is whole in the result, its sources too. Neither the result's nor the rulebook's objects are written
// to: the page keeps the explanation between lean results. A result without
// `rulebook` (a stand-in, an older core) has its tables itself.
// An object with its keys in the order the core writes them (sorted), so that
// a part the page shows key by key (costs, ivpOutline) comes in the same order
// as when the core wrote the tables in.
const ivpSorted = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

// A compact reason whole again, as the core's with_rulebook() does
// (src/ivp/result/result_json.cpp write_reason): "<n><o>" is {criterion,
// outcome}, the criterion by its place n in its policy's sorted criteria, the
// outcome by its letter; "zvw" is the policy's Zvw reason, its text and source
// from the rulebook's `zvw.<policy>`.
const IVP_OUTCOMES = { v: 'voldaan', n: 'niet voldaan', o: 'onbekend', t: 'niet van toepassing' };
function ivpWholeReason(r, criteria, zvw) {
  if (typeof r !== 'string') return r;
  if (r === 'zvw' && zvw) return { criterion: 'zvw', outcome: IVP_OUTCOMES.t, source: zvw.source, text: zvw.text };
  const m = /^(\d{1,4})([vnot])$/.exec(r);
  const criterion = m && criteria ? criteria[Number(m[1])] : undefined;
  if (criterion === undefined) throw new Error(`Een reden die het regelboek niet kent: ${r}.`);
  return { criterion, outcome: IVP_OUTCOMES[m[2]] };
}

// The keys of `a` and of `b` in one object, in the core's order, when each
// already has its keys in that order (as the core wrote them; names, no
// integer-like keys): a merge of two sorted lists, no sort. `b`'s value wins
// for a key in both; `both(x, y)`, when given, makes that value instead.
// A merge per provision runs at every result shown: sorting each one's keys
// anew (ivpSorted) cost four times as much (docs/perf.md).
function ivpSortedUnion(a, b, both) {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const out = {};
  let i = 0;
  for (const k of kb) {
    while (i < ka.length && ka[i] < k) { out[ka[i]] = a[ka[i]]; i += 1; }
    if (i < ka.length && ka[i] === k) {
      out[k] = both ? both(a[k], b[k]) : b[k];
      i += 1;
    } else {
      out[k] = b[k];
    }
  }
  for (; i < ka.length; i += 1) out[ka[i]] = a[ka[i]];
  return out;
}

// `extra` put into `base` as nlohmann's update(…, merge_objects) does: an
// object into an object key by key, anything else replaces; keys in the
// core's order at every level. Neither argument is written to.
const ivpIsObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
function ivpDeepMerged(base, extra) {
  return ivpSortedUnion(base, extra, (old, value) => (ivpIsObject(old) && ivpIsObject(value) ? ivpDeepMerged(old, value) : value));
}

// Each provision's row fields (`provisions`: table_amount, need, need_reason, sla_werkdagen, source).
function ivpWithRows(provisions, rulebook) {
  const rows = rulebook.provisions || {};
  return provisions.map((p) => (Object.hasOwn(rows, p.id) ? ivpSortedUnion(rows[p.id], p) : p));
}

// The sources the result held: the assessed built-in policies', the rows of
// its provisions (`provisions`: already with their row fields) and the data
// files'; a carried pack's are in the result already.
function ivpSourcesOf(result, rulebook, own, provisions) {
  const all = rulebook.sources;
  const sources = { ...result.sources };
  for (const id of own) for (const s of rulebook.policy_sources[id]) sources[s] = all[s];
  for (const p of provisions) sources[p.source] = all[p.source];
  for (const s of rulebook.data_sources) sources[s] = all[s];
  return ivpSorted(sources);
}

// An eigen bijdrage item with `reason_id` as its text, `reason` (`eigen_bijdrage_reasons`).
function ivpWithChargeReason(item, rulebook) {
  if (!item || typeof item.reason_id !== 'string') return item;
  const { reason_id: id, ...rest } = item;
  return ivpSortedUnion(rest, { reason: (rulebook.eigen_bijdrage_reasons || {})[id] });
}

// `b`'s keys put into `a`, neither written to: a key `a` has keeps its place
// (`b`'s value wins); a new key goes right after the last key of `a` that
// sorts before it. For a sorted `a` that is ivpSortedUnion; it also keeps the
// order the page had when `a` starts with keys merged in first: the page's
// eigen bijdrage has the lean result's `per_year` and `total` in front of the
// explanation's keys (site/js/ivp.js ivpWithExplanation).
function ivpWithKeysInPlace(a, b) {
  const keys = Object.keys(a);
  for (const k of Object.keys(b)) {
    if (Object.hasOwn(a, k)) continue;
    let last = -1;
    for (let i = 0; i < keys.length; i += 1) if (keys[i] < k) last = i;
    keys.splice(last + 1, 0, k);
  }
  const out = {};
  for (const k of keys) out[k] = Object.hasOwn(b, k) ? b[k] : a[k];
  return out;
}

// The eigen bijdrage with its reasons' texts and the texts no scenario
// changes (`costs.eigen_bijdrage`, and `costs.with_amounts` where the
// amounts are: the result has `cost_price_cap`), keys in the core's order.
function ivpEigenBijdrageWhole(eb, rulebook) {
  const texts = (rulebook.costs && rulebook.costs.eigen_bijdrage) || {};
  const withAmounts = eb.cost_price_cap && rulebook.costs ? rulebook.costs.with_amounts : null;
  const add = {};  // keys sorted, as the core writes them
  if (withAmounts) add.cost_price_cap = ivpSortedUnion(withAmounts.cost_price_cap, eb.cost_price_cap);
  for (const list of ['depends', 'exempt']) {
    if (Array.isArray(eb[list])) add[list] = eb[list].map((item) => ivpWithChargeReason(item, rulebook));
  }
  if (withAmounts) add.ivp_years = withAmounts.ivp_years;
  if (Array.isArray(eb.not_applicable)) add.not_applicable = eb.not_applicable.map((item) => ivpWithChargeReason(item, rulebook));
  for (const key of ['not_modelled', 'once_per_household']) if (Object.hasOwn(texts, key)) add[key] = texts[key];
  if (withAmounts) add.payment_start = withAmounts.payment_start;
  return ivpWithKeysInPlace(eb, add);
}

// `costs` with the financing rules, the eigen bijdrage whole and the proposal for 2027.
function ivpCostsWhole(costs, rulebook) {
  const eb = costs && costs.eigen_bijdrage;
  const ebWhole = eb && typeof eb === 'object' ? ivpEigenBijdrageWhole(eb, rulebook) : eb;
  const proposal = rulebook.costs ? { proposal_2027: rulebook.costs.proposal_2027 } : {};
  return ivpSorted({ ...costs, ...(eb ? { eigen_bijdrage: ebWhole } : {}), financing: rulebook.financing, ...proposal });
}

// A provision with its financing's group part (`provision_financing`) and reason put back.
function ivpWithFinancing(p, rulebook) {
  const groups = rulebook.provision_financing;
  const f = p.financing;
  if (!f || !groups || !Object.hasOwn(groups, f.group)) return p;
  const whole = ivpDeepMerged(groups[f.group], f);
  return { ...p, financing: whole.eigen_bijdrage ? { ...whole, eigen_bijdrage: ivpWithChargeReason(whole.eigen_bijdrage, rulebook) } : whole };
}

// Each policy's criterion ids in the order its `criteria` is written
// (sorted); the first policy of an id, as ivpPolicyOf finds it.
function ivpCriteriaByPolicy(policies) {
  const criteria = new Map();
  for (const p of policies) {
    if (p && !criteria.has(p.id)) criteria.set(p.id, Object.keys(p.criteria || {}).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return criteria;
}

// A compact open question whole again, as the core's with_rulebook() does
// (src/ivp/result/result_json.cpp write_compact_open_questions): [fact, rank,
// answer, verdict, …] is {fact, decisive, settles: [{answer, verdict}]}.
const IVP_DECISIVE = { 1: 'beslissend', 2: 'kan beslissen', 3: 'telt mee' };
function ivpWholeOpenQuestion(q) {
  if (!Array.isArray(q)) return q;
  const decisive = q.length >= 2 && q.length % 2 === 0 && typeof q[0] === 'string' ? IVP_DECISIVE[q[1]] : undefined;
  if (decisive === undefined) throw new Error(`Een open vraag die het regelboek niet kent: ${JSON.stringify(q)}.`);
  const settles = [];
  for (let k = 2; k < q.length; k += 2) settles.push({ answer: q[k], verdict: q[k + 1] });
  return { decisive, fact: q[0], settles };
}

// An entry's assessments (`byPolicy`) whole: each with its `policy` (the
// key), `financier` ('gemeente' when left out), `quantities` ([] when left out), its compact reasons and open
// questions whole and, for a built-in policy (`own`), the form it names;
// `setPolicies` puts them in a copy of the entry.
function ivpWithAssessments(entry, byPolicy, setPolicies, { rulebook, own, criteria }) {
  const zvwOf = (policy) => (rulebook.zvw && Object.hasOwn(rulebook.zvw, policy) ? rulebook.zvw[policy] : undefined);
  const copy = {};
  for (const [policy, assessment] of Object.entries(byPolicy)) {
    const form = own.has(policy) && rulebook.forms[policy] ? rulebook.forms[policy][entry.id] : undefined;
    const add = {};  // its keys in the core's order (sorted)
    if (!Object.hasOwn(assessment, 'financier')) add.financier = 'gemeente';
    if (form !== undefined) add.form = form;
    if (Array.isArray(assessment.open_questions)) add.open_questions = assessment.open_questions.map(ivpWholeOpenQuestion);
    if (!Object.hasOwn(assessment, 'policy')) add.policy = policy;
    if (!Object.hasOwn(assessment, 'quantities')) add.quantities = [];
    if (Array.isArray(assessment.reasons)) add.reasons = assessment.reasons.map((r) => ivpWholeReason(r, criteria.get(policy), zvwOf(policy)));
    copy[policy] = ivpSortedUnion(assessment, add);
  }
  return setPolicies(copy);
}

// A milestone with its `from` whole again: its place in the result's `anchors`.
function ivpWithAnchor(m, anchors) {
  if (!m || typeof m.from !== 'number') return m;
  if (!Number.isInteger(m.from) || m.from < 0 || m.from >= anchors.length) {
    throw new Error(`Een begin van een termijn dat het resultaat niet heeft: ${m.from}.`);
  }
  return { ...m, from: anchors[m.from] };
}

// A phase [id, start, start_kind, end, werkdagen, label?] whole again (keys in the core's order).
function ivpWholePhase(ph) {
  if (!Array.isArray(ph)) return ph;
  if (ph.length !== 5 && ph.length !== 6) throw new Error(`Een fase die het regelboek niet kent: ${JSON.stringify(ph)}.`);
  const [id, start, startKind, end, werkdagen, label] = ph;
  return ph.length === 6
    ? { end, id, label, start, start_kind: startKind, werkdagen }
    : { end, id, start, start_kind: startKind, werkdagen };
}

// `timelines` whole, as the core's with_rulebook() does (src/ivp/result/
// result_json.cpp AnchorTable, phase_json): each milestone's `from` the
// anchor it names, each phase an object.
function ivpWithTimelines(out, anchors) {
  const track = (t) => ({
    ...t,
    ...(Array.isArray(t.milestones) ? { milestones: t.milestones.map((m) => ivpWithAnchor(m, anchors)) } : {}),
    ...(Array.isArray(t.phases) ? { phases: t.phases.map(ivpWholePhase) } : {}),
  });
  if (!out.timelines) return;
  const timelines = {};
  for (const [id, tracks] of Object.entries(out.timelines)) {
    timelines[id] = Object.fromEntries(Object.entries(tracks).map(([name, t]) => [name, track(t)]));
  }
  out.timelines = timelines;
}

// `procedure` and `late_decision` whole, as the core's with_rulebook() does:
// each part's label, id and caveat (`tracks`), each milestone's `from` (the
// anchor it names) and its label, basis and term (`terms.<id>`: label, cite,
// term) where it left them out, the late decision's texts and its tariff's
// source (`late_decision`).
function ivpWithProcedure(out, rulebook, anchors) {
  const terms = rulebook.terms || {};
  const milestone = (raw) => {
    const m = ivpWithAnchor(raw, anchors);
    const t = Object.hasOwn(terms, m.id) ? terms[m.id] : null;
    if (!t) return m;
    const add = {};  // keys in the core's order
    if (!Object.hasOwn(m, 'basis') && Object.hasOwn(t, 'cite')) add.basis = t.cite;
    if (!Object.hasOwn(m, 'label') && Object.hasOwn(t, 'label')) add.label = t.label;
    if (!Object.hasOwn(m, 'term') && Object.hasOwn(t, 'term')) add.term = t.term;
    return ivpSortedUnion(m, add);
  };
  if (out.procedure) {
    const part = (name) => {
      const p = out.procedure[name];
      return ivpSortedUnion((rulebook.tracks && rulebook.tracks[name]) || {}, { ...p, milestones: p.milestones.map(milestone) });
    };
    out.procedure = { ...out.procedure, gemeente: part('gemeente'), wmo_2015: part('wmo_2015') };
  }
  const texts = rulebook.late_decision;
  if (out.late_decision && texts) {
    const { tarief_sources: tariffs, ...shared } = texts;
    const late = ivpSortedUnion(ivpSorted(shared), out.late_decision);
    const tarief = late.dwangsom && late.dwangsom.tarief;
    if (tarief && !Object.hasOwn(tarief, 'source') && tariffs && Object.hasOwn(tariffs, tarief.valid_from)) {
      late.dwangsom = { ...late.dwangsom, tarief: ivpSortedUnion(tarief, { source: tariffs[tarief.valid_from] }) };
    }
    out.late_decision = late;
  }
}

export function ivpWithRulebook(result, rulebook) {
  if (!result || typeof result.rulebook !== 'string') return result;
  if (!rulebook || rulebook.rulebook !== result.rulebook) {
    throw new Error(`Het resultaat hoort bij regelboek ${result.rulebook}, niet bij ${rulebook && rulebook.rulebook}.`);
  }
  const { rulebook: _id, anchors, ...out } = result;
  const own = new Set();
  out.policies = result.policies.map((p) => {
    if (typeof p !== 'string') return p;
    own.add(p);
    return rulebook.policies[p];
  });
  const provisions = ivpWithRows(result.provisions, rulebook);
  out.sources = ivpSourcesOf(result, rulebook, own, provisions);
  if (Array.isArray(result.facts)) out.facts = Object.fromEntries(result.facts.map((id) => [id, rulebook.facts[id]]));
  for (const key of ['terms', 'tracks', 'phases', 'policy_choices']) out[key] = rulebook[key];
  out.costs = ivpCostsWhole(result.costs, rulebook);
  out.plan = ivpSortedUnion(result.plan, rulebook.plan);
  if (result.kit) {
    const texts = (list) => result.kit[list].map((item) => ivpSortedUnion(rulebook.kit[list][item.id] || {}, item));
    out.kit = { ...result.kit, checklist: texts('checklist'), requests: texts('requests') };
  }
  const tables = { rulebook, own, criteria: ivpCriteriaByPolicy(out.policies) };
  out.provisions = provisions.map((p) => ivpWithFinancing(p.eligibility
    ? ivpWithAssessments(p, p.eligibility.policies, (policies) => ({ ...p, eligibility: { ...p.eligibility, policies } }), tables)
    : p, rulebook));
  if (Array.isArray(result.other_provisions)) {
    out.other_provisions = result.other_provisions.map((o) => ivpWithAssessments(o, o.policies, (policies) => ({ ...o, policies }), tables));
  }
  const anchorTable = Array.isArray(anchors) ? anchors : [];
  ivpWithTimelines(out, anchorTable);
  ivpWithProcedure(out, rulebook, anchorTable);
  return ivpSorted(out);
}
