// The rekenhulp: a flow of six steps (start → uw situatie → voorzieningen →
// IVP-budget → tijdlijn → samenvatting). It sends the scenario to the core at
// every change and shows what the core returns. It computes no rule itself:
// it only formats. A section the core does not (yet) return is shown as
// "nog niet beschikbaar in deze versie", never filled in here.
// Works in a document and inside a shadow root: everything is looked up from
// `root`, nothing from `document` globals.
//
// This module wires the others together (docs/site.md, "Modules"): it makes
// the context every step shares (ctx), mounts the steps in page order, and
// runs the loop input → scenario → core → render.
import { ivpDownload, ivpElement } from './dom.js';
import { clearErrors, showError } from './errors.js';
import { ivpToday, ivpRange } from './format.js';
import { ivpGlossaryMount } from './glossary.js';
import { ivpMark } from './ivp.js';
import { compute, ivpCreateState, scenario } from './scenario.js';
import { ivpSetDocuments } from './sources.js';
import { renderBars, renderCosts, renderTotals } from './steps/budget.js';
import { renderEligibility } from './steps/eligibility.js';
import { ivpKitMount } from './steps/kit.js';
import { ivpStepsMount } from './steps/nav.js';
import { ivpPlanRender } from './steps/plan.js';
import { ivpPolicyMount, renderPolicyChoices } from './steps/policy.js';
import { ivpProvisionsMount } from './steps/provisions.js';
import { ivpRestore, ivpStartMount, rememberNow } from './steps/start.js';
import { ivpSituationMount } from './steps/situation.js';
import { ivpSummaryMount, renderSummary } from './steps/summary.js';
import { ivpIcsMount, renderTimeline } from './steps/timeline.js';

// What every step of one mounted rekenhulp shares. Per mount, never module
// state: a page may hold two <ivp-rekenhulp> elements.
function ivpContext(root, core, options) {
  const catalogue = core.catalogue();
  const factsData = core.facts();
  const today = options.today || ivpToday();
  const ctx = {
    root, core, catalogue, today,
    facts: factsData && Array.isArray(factsData.facts) ? factsData.facts : null,
    storage: options.storage === undefined ? null : options.storage,
    $: (selector) => root.querySelector(selector),
    $$: (selector) => [...root.querySelectorAll(selector)],
    state: ivpCreateState(today, catalogue.provisions.map((p) => p.id)),
    rows: new Map(),  // provision id → its row in step 3 (steps/provisions.js)
    factControls: new Map(),  // fact id → its question in the form (steps/situation.js)
    lastResult: null,
    lastTotalText: '',
    explained: null,  // the explanation kept between lean results (scenario.js compute)
    policyChoicesKey: '',
    kit: null,  // steps/kit.js, mounted with the forms (mountForms)
    interview: null,  // steps/interview.js, made by steps/situation.js
    showStep: null,  // steps/nav.js
    questionText: null,  // steps/situation.js
    staleSteps: new Set(),  // steps whose content is older than lastResult (renderStep)
    startup: 'first',  // 'first' → 'lean' (the first view's lean result is on screen) → 'done' (render)
    leanOnly: false,  // on screen is a lean result without its explanation (completeStart)
    formsMounted: false,  // the forms of steps 2 and 3 are built (mountForms)
  };
  ctx.mountForms = () => mountForms(ctx);
  ctx.renderStep = (step) => { if (step !== 'start') completeStart(ctx); renderStep(ctx, step); };
  ctx.update = (options) => update(ctx, options);
  ctx.scenario = () => scenario(ctx);
  ctx.showError = (error) => showError(ctx, error);
  ctx.rememberNow = () => rememberNow(ctx);
  ctx.download = (name, type, text) => ivpDownload(root, name, type, text);
  ctx.print = () => { completeStart(ctx); renderAllSteps(ctx); (options.print || (() => window.print()))(); };
  return ctx;
}

// "Totaal bijgewerkt: …" for screen readers, only when the total changed.
function announceTotal(ctx, result) {
  const totalText = ivpRange(result.budget.total);
  if (totalText !== ctx.lastTotalText) {
    ctx.$('#ivp-status').textContent = `Totaal bijgewerkt: ${totalText}, ${result.provisions.length} voorzieningen.`;
    ctx.lastTotalText = totalText;
  }
}

// What each step shows of a result. After an answer of the interview only the
// visible step is rendered, with the totals bar and the interview: building
// every step's DOM after each answer was most of an answer's time
// (docs/perf.md, "Interview"). A step left behind is rendered when it is shown
// (steps/nav.js), and every step before printing. Any other change renders
// every step at once, as before.
const STEP_RENDERERS = {
  voorzieningen(ctx, result) {
    renderEligibility(ctx, new Map(result.provisions.map((p) => [p.id, p])));
    ivpPlanRender(result, ctx.root, ctx.rows);
  },
  budget(ctx, result) {
    renderBars(ctx, result.budget);
    renderCosts(ctx, result);
    ivpPlanRender(result, ctx.root, ctx.rows);
    ctx.$('#ivp-notes').replaceChildren(...(result.notes || []).map((n) => ivpElement('li', { text: n })));
  },
  tijdlijn(ctx, result) {
    renderTimeline(ctx, result);
    ivpPlanRender(result, ctx.root, ctx.rows);
  },
  samenvatting(ctx, result) {
    renderSummary(ctx, result);
    if (ctx.kit) ctx.kit.render(result);
  },
};

function renderStep(ctx, step) {
  if (ctx.staleSteps.delete(step) && ctx.lastResult) STEP_RENDERERS[step](ctx, ctx.lastResult);
}

function renderAllSteps(ctx) {
  for (const step of [...ctx.staleSteps]) renderStep(ctx, step);
}

function render(ctx, result, { visibleOnly = false } = {}) {
  const { root } = ctx;
  ctx.lastResult = result;
  if (!ctx.leanOnly) ivpSetDocuments(result);
  renderTotals(ctx, result);
  for (const step of Object.keys(STEP_RENDERERS)) ctx.staleSteps.add(step);
  // At start only the step on screen is rendered too (docs/perf.md, "Start-up").
  if (visibleOnly || ctx.startup === 'first') renderStep(ctx, ctx.state.step);
  else renderAllSteps(ctx);
  announceTotal(ctx, result);
  root.dispatchEvent(new CustomEvent('ivp-result', { detail: result, bubbles: true, composed: true }));
  if (ctx.startup !== 'done') startupMarks(ctx);
}

// The start-up's User Timing marks: the first result on screen, and the
// first with its explanation (the same moment when it came whole).
function startupMarks(ctx) {
  if (ctx.startup === 'first') ivpMark('ivp-first-result');
  ctx.startup = ctx.leanOnly ? 'lean' : 'done';
  if (ctx.startup === 'lean') return;
  ivpMark('ivp-explained');
  if (ctx.core.startupDone) ctx.core.startupDone();
}

// The loop: the state as a scenario, to the core, and its answer on screen;
// a wrong input keeps the last good result (errors.js).
function update(ctx, options = {}) {
  const outcome = compute(ctx, scenario(ctx), { leanOnly: !!options.leanOnly });
  clearErrors(ctx);
  if (outcome.error) { showError(ctx, outcome.error); return outcome; }
  ctx.leanOnly = !!outcome.lean;
  if (!ctx.leanOnly) mountForms(ctx);
  render(ctx, outcome.result, options);
  if (!ctx.leanOnly) {
    ctx.interview.show(outcome.result);
    renderPolicyChoices(ctx, outcome.result);
  }
  rememberNow(ctx);
  return outcome;
}

// Start-up (docs/perf.md, "Start-up"): the first view is step 1 and the
// totals bar, and all it shows comes from the lean result (the budget and the
// count). The explanation — verdicts, dates, texts: the rest of the result,
// and the costliest first call of the core — follows right after that view is
// painted, or at once when something needs it first (another step, the
// print, the result asked for). Each is an 'ivp-result' event.
function completeStart(ctx) {
  if (!ctx.leanOnly) return;
  update(ctx, { visibleOnly: true });
}

// The forms of steps 2, 3 and 6 — the situation's 85 questions with the
// interview, the table of 34 provisions, the keukentafel kit — are not in the
// first view: they are built when a whole result is first shown (right after
// the first paint, or sooner when needed) or a scenario is applied
// (scenario.js), whichever comes first, and only once. Until then the kit
// adds nothing to the scenario (nothing ticked or filled in yet).
function mountForms(ctx) {
  if (ctx.formsMounted) return;
  ctx.formsMounted = true;
  ivpSituationMount(ctx);
  ivpProvisionsMount(ctx);
  ctx.kit = kitMount(ctx);
}

// After the next paint: a task queued from an animation frame runs after the
// frame it belongs to is drawn. A hidden tab draws no frames; there the timer
// does it.
function afterPaint(callback) {
  let done = false;
  const once = () => { if (!done) { done = true; callback(); } };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 500);
}

// The keukentafel kit: checklist, what to ask, escalation, letters (steps/kit.js).
function kitMount(ctx) {
  return ivpKitMount(ctx.root, ctx.core, { today: ctx.today, download: ctx.download, update: ctx.update,
    remember: ctx.rememberNow, scenario: ctx.scenario, print: ctx.print });
}

export function ivpMount(root, core, options = {}) {
  ivpMark('ivp-mount');
  const ctx = ivpContext(root, core, options);
  // Mounting twice (a page saved from the browser with its rendered content)
  // must not double anything: every filled container starts empty.
  for (const selector of ['#ivp-tables', '#ivp-facts', '.ivp-terms']) for (const el of ctx.$$(selector)) el.replaceChildren();
  ivpGlossaryMount(root);
  ctx.showStep = ivpStepsMount(ctx);
  if (typeof window !== 'undefined') window.addEventListener('beforeprint', () => { completeStart(ctx); renderAllSteps(ctx); });
  ivpStartMount(ctx);
  ivpPolicyMount(ctx);
  ivpSummaryMount(ctx);
  ivpIcsMount(ctx);
  ivpMark('ivp-mounted');
  if (!ivpRestore(ctx)) update(ctx, { leanOnly: true });
  ctx.showStep('start', { focus: false });
  if (ctx.leanOnly) afterPaint(() => completeStart(ctx));
  root.classList && root.classList.remove('ivp-loading');
  const loading = root.querySelector('.ivp-loading');
  if (loading) loading.classList.remove('ivp-loading');
  return { update: ctx.update, scenario: ctx.scenario, showStep: ctx.showStep,
    result: () => { completeStart(ctx); return ctx.lastResult; } };
}

