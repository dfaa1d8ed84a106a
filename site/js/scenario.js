// State and scenario: what the user entered (the state), the scenario the
// core gets from it, a loaded scenario put back into the state and the form,
// and the core's answer for a scenario (the lean result plus the explanation
// it keeps). The last good result stays on screen while an input is wrong
// (site/js/errors.js); a file or a remembered scenario is only applied after
// the core accepted it (site/js/steps/start.js).
// ctx (site/js/mount.js): core, catalogue, today, state, rows, factControls,
// interview, kit, explained, $, update.
import { ivpAmountFromText } from './format.js';
import { ivpWithExplanation, ivpWithSituation } from './ivp.js';
import { ivpWithRulebook } from './result-tables.js';
import { IVP_KIT_DATES, ivpKitMerge } from './steps/kit.js';
import { ivpPlanApply, ivpPlanScenario } from './steps/plan.js';
import { factValue } from './steps/situation.js';

// What the page holds of the user's input; `today` is the default melding.
export function ivpCreateState(today, allIds) {
  return {
    melding: today,
    selected: new Set(allIds),
    amountText: new Map(),  // id → what the user typed
    profileText: new Map(),  // fact id → what the user typed or chose ('' = unknown)
    unknown: new Set(),  // fact ids answered "weet ik niet" (sent as null: not asked again)
    policy: '',  // the municipality's policy pack by id ('' = the core's default, the Wmo 2015)
    pack: null,  // a policy pack the user loaded (sent as policy_pack, saved with the scenario)
    step: 'start',
    // Mijn IVP (steps/plan.js ivpPlan*): per provision when it is needed, its real
    // dates, whether a "nee" is counted anyway, and the scenario keys the page
    // has no field for (kept as loaded, so a saved file loads back unchanged).
    needed: new Map(),  // id → { kind: 'now'|'months'|'date', months, date }
    actual: new Map(),  // id → { event: 'YYYY-MM-DD' }
    keep: new Set(),
    kept: {},
  };
}

// The answers as JSON carries them; "weet ik niet" is sent as null.
function scenarioProfile(state, factControls) {
  const profile = {};
  for (const [id, text] of state.profileText) {
    const entry = factControls.get(id);
    if (entry && text !== '') profile[id] = factValue(entry.fact, text);
  }
  for (const id of state.unknown) if (!(id in profile)) profile[id] = null;
  return profile;
}

// --- the scenario, from the state -----------------------------------------------------
export function scenario(ctx) {
  const { catalogue, state, factControls } = ctx;
  const kit = ctx.kit;
  const s = { schema: 1, melding: state.melding, provisions: [], overrides: {} };
  for (const p of catalogue.provisions) {
    if (state.selected.has(p.id)) s.provisions.push(p.id);
    const typed = state.amountText.get(p.id);
    if (typed !== undefined && typed.trim() !== '') {
      const amount = ivpAmountFromText(typed);
      if (amount !== p.amount) s.overrides[p.id] = { amount };
    }
  }
  const profile = scenarioProfile(state, factControls);
  if (Object.keys(profile).length) s.profile = profile;
  if (state.pack && state.policy === state.pack.id) s.policy_pack = state.pack;
  else if (state.policy) s.policy = state.policy;
  const out = ivpPlanScenario(s, state);  // needed, actual, keep_in_budget and the keys kept as loaded
  if (!kit) return out;
  // The kit owns checklist, brief and its own dates (steps/kit.js): its date
  // fields replace the copies kept from a loaded file, so a cleared one stays cleared.
  if (out.dates) {
    out.dates = { ...out.dates };
    for (const [id] of IVP_KIT_DATES) delete out.dates[id];
    if (!Object.keys(out.dates).length) delete out.dates;
  }
  return ivpKitMerge(out, kit.scenarioPart());
}

// Puts a scenario (already accepted by the core) into the state and the form.
export function applyScenario(ctx, s) {
  if (ctx.mountForms) ctx.mountForms();  // the forms it fills (mount.js)
  const { $, state, today, rows, factControls } = ctx;
  const kit = ctx.kit;
  const allIds = ctx.catalogue.provisions.map((p) => p.id);
  state.melding = typeof s.melding === 'string' ? s.melding : today;
  state.selected = new Set(Array.isArray(s.provisions) ? s.provisions : allIds);
  state.amountText = new Map(Object.entries(s.overrides || {}).map(([id, o]) => [id, String(o.amount)]));
  state.profileText = new Map(Object.entries(s.profile || {})
    .filter(([, v]) => v !== null && v !== undefined).map(([id, v]) => [id, String(v)]));
  state.unknown = new Set(Object.entries(s.profile || {}).filter(([, v]) => v === null).map(([id]) => id));
  ctx.interview.reset();
  $('#ivp-melding').value = state.melding;
  for (const [id, row] of rows) {
    row.check.checked = state.selected.has(id);
    row.amount.value = state.amountText.has(id) ? state.amountText.get(id) : String(row.provision.amount);
  }
  for (const [id, entry] of factControls) entry.control.set(state.profileText.get(id) || '');
  state.pack = s.policy_pack && typeof s.policy_pack === 'object' ? s.policy_pack : null;
  state.policy = typeof s.policy === 'string' ? s.policy : (state.pack ? state.pack.id : '');
  if (kit) kit.apply(s);
  ivpPlanApply(s, state, rows);
  ctx.update();
}

// At every change the core gives the lean result: only what the amounts
// reach (budget, amounts, the protocol pgb, the eigen bijdrage totals).
// Everything else (verdicts, reasons, delivery dates, costs texts) does not
// depend on the amounts, so it is asked for again only when something else
// changes, and merged in: render() sees the full result (docs/perf.md,
// "Rekenkern").
// A core without the split (a stand-in, an older build) gives the full result.
// `leanOnly` (the first view at start-up, mount.js): the lean result alone,
// `{result, lean: true}`, when there is no explanation yet to merge.
export function compute(ctx, s, options = {}) {
  const outcome = computeResult(ctx, s, options);
  if (outcome.error || outcome.lean) return outcome;
  return { result: ivpWithRulebook(outcome.result, rulebookOf(ctx)) };
}

// The rulebook's tables (result-tables.js ivpWithRulebook): read from the core
// once, when the first whole result needs them — after the first view, which
// shows the lean result alone.
function rulebookOf(ctx) {
  if (ctx.rulebook === undefined) ctx.rulebook = typeof ctx.core.rulebook === 'function' ? ctx.core.rulebook() : null;
  return ctx.rulebook;
}

function computeResult(ctx, s, { leanOnly = false }) {
  const { core, today } = ctx;
  const split = typeof core.calculateLean === 'function' && typeof core.explain === 'function';
  let explained = ctx.explained;
  if (!split) return core.calculate(s, today);
  const outcome = core.calculateLean(s, today);
  if (outcome.error) return outcome;
  if (leanOnly && !explained) return { result: outcome.result, lean: true };
  const key = JSON.stringify({ ...s, overrides: undefined });
  const rest = JSON.stringify({ ...s, overrides: undefined, profile: undefined });
  if (explained && explained.key !== key && explained.rest === rest && typeof core.situation === 'function') {
    // Only the profile changed (an answer): only what it reaches, and of the
    // verdicts only those a changed answer reaches (src/ivp/api/situation.h).
    const part = core.situation(s, today, explained.profile);
    if (part.error) return part;
    explained = { key, rest, profile: s.profile || {}, explanation: ivpWithSituation(explained.explanation, part.result) };
  } else if (!explained || explained.key !== key) {
    const more = core.explain(s, today);
    if (more.error) return more;
    explained = { key, rest, profile: s.profile || {}, explanation: more.result };
  }
  ctx.explained = explained;
  return { result: ivpWithExplanation(outcome.result, explained.explanation) };
}
