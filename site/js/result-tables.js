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
