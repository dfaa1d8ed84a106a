// Thin wrapper around the WASM core (Squoosh style): the module is a pure
// function, this file only hands it its bytes and turns JSON text into
// objects. No rule is computed here.
// createIvpModule is the Emscripten glue, which the build puts in front of
// the bundle inside one closure (tools/build-site.mjs).
/* global createIvpModule */

// Start-up phases as User Timing marks (docs/perf.md, "Start-up"): a
// profiler's timeline shows them, and tests/bench/load-time.mjs --profile
// prints them. A mark costs microseconds; none is made after start-up.
export function ivpMark(name) {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

// The inlined core (the single file, the inline embed): LZMA, then base64,
// with its decoder beside it (site/js/unpack.js says why).
export { ivpDecodeBase64, ivpUnpackInlineCore } from './unpack.js';

// lean result + explanation → the full result, exactly as calculate() gives it
// (src/ivp/result/explain.h merge_explanation): objects merged key by key, each
// provision by its id. Changes and returns `lean`.
export function ivpWithExplanation(lean, explanation) {
  const merge = (target, extra) => {
    for (const [key, value] of Object.entries(extra)) {
      const have = target[key];
      if (have && typeof have === 'object' && !Array.isArray(have) && value && typeof value === 'object' && !Array.isArray(value)) {
        merge(have, value);
      } else {
        target[key] = value;
      }
    }
  };
  for (const p of lean.provisions) {
    const more = explanation.provisions[p.id];
    if (more) merge(p, more);
  }
  const { provisions, ...rest } = explanation;
  merge(lean, rest);
  return lean;
}

// An explanation + the situation part for a new profile (src/ivp/api/situation.h
// apply_situation): each part the situation holds replaces the old one whole;
// of an object part (costs, plan) each key it holds does, the other keys
// (the financing texts, the order by call-off) stay. A provision without
// `eligibility` kept its verdicts (situationSince: no changed fact reaches
// them), one without `financing` kept it, and a provision, `other_provisions`
// or `costs` not given is unchanged. Changes and returns `explanation`.
const IVP_VERDICT_PARTS = ['eligibility', 'in_plan', 'plan_reason', 'plan_reasons', 'plan_kept'];
export function ivpWithSituation(explanation, situation) {
  for (const [id, entry] of Object.entries(situation.provisions)) {
    const target = explanation.provisions[id];
    if (!target) continue;
    // The same parts as kVerdictParts and kFinancing in src/ivp/api/situation.cpp:
    // the financing only when given (an answer that reaches none of its facts
    // leaves it out; it is never empty).
    if ('eligibility' in entry) {
      for (const key of IVP_VERDICT_PARTS) {
        if (key in entry) target[key] = entry[key]; else delete target[key];
      }
    }
    if ('financing' in entry) target.financing = entry.financing;
  }
  // costs and plan hold only the keys an answer reaches (kMergedByKey in
  // src/ivp/api/situation.cpp); every other part is replaced whole.
  for (const [key, value] of Object.entries(situation)) {
    if (key === 'provisions') continue;
    const old = explanation[key];
    if ((key === 'costs' || key === 'plan') && old && typeof old === 'object') Object.assign(old, value);
    else explanation[key] = value;
  }
  return explanation;
}

// The core as a file of its own (a served site): compiled while it streams
// in, and cached by the browser, so the page and the embed share one copy.
// A server that does not say application/wasm gets the slower path.
async function ivpInstantiateFile(url, imports) {
  const response = await fetch(url, { credentials: 'omit' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  if (typeof WebAssembly.instantiateStreaming === 'function' &&
      (response.headers.get('Content-Type') || '').split(';')[0].trim() === 'application/wasm') {
    return WebAssembly.instantiateStreaming(response, imports);
  }
  return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}

// Loads the core from its bytes (Uint8Array: inlined in the single file),
// its compiled WebAssembly.Module (the served page compiles it from the top
// of the page on: site/early-core.js) or the URL of its .wasm file. Bytes are handed over directly (wasmBinary), so the glue
// never tries fetch(): the single file stays silent under connect-src 'none'.
export async function ivpLoadCore(source) {
  let failed = null;
  const failure = new Promise((resolve, reject) => { failed = reject; });
  const options = { print: () => {}, printErr: () => {} };
  if (source instanceof Uint8Array) {
    options.wasmBinary = source;
  } else if (source instanceof WebAssembly.Module) {
    options.instantiateWasm = (imports, done) => {
      WebAssembly.instantiate(source, imports).then((instance) => done(instance, source), failed);
      return {};
    };
  } else {
    options.instantiateWasm = (imports, done) => {
      ivpInstantiateFile(String(source), imports).then((r) => done(r.instance, r.module), failed);
      return {};
    };
  }
  const module = await Promise.race([createIvpModule(options), failure]);
  ivpMark('ivp-core-ready');
  return ivpCoreApi(module);
}

// The core's JSON answer → {result} or {error}.
function ivpOutcome(text) {
  const parsed = JSON.parse(text);
  return parsed.error ? { error: parsed.error } : { result: parsed };
}

// The page's view of the embind module: objects in, objects out. A table of
// one-line calls, easier to read whole than cut up.
function ivpCoreApi(module) {
  // Until the page has shown its first whole result (startupDone(), called by
  // mount.js), each call is a User Timing measure "ivp-core <name>": which
  // calls start-up makes and what each costs. Then none, so a long session
  // adds no entries.
  let tracing = typeof performance !== 'undefined' && typeof performance.measure === 'function';
  const traced = (name, call) => {
    if (!tracing) return call();
    const start = performance.now();
    try { return call(); } finally { performance.measure(`ivp-core ${name}`, { start, end: performance.now() }); }
  };
  const outcome = (name, call) => traced(name, () => ivpOutcome(call()));
  return {
    startupDone() { tracing = false; },
    // Whether this build of the core has a function (e.g. 'ics'), without calling it.
    offers(name) { return typeof module[name] === 'function'; },
    // → {result} or {error: {message, where}}; never throws for bad input.
    calculate(scenario, today) {
      return outcome('calculate', () => module.calculate(JSON.stringify(scenario), today));
    },
    // The page's call at every change: the result without the parts that do
    // not depend on the amounts (the explanation of the verdicts, delivery
    // tracks, procedure, texts), which explain() gives (docs/perf.md).
    calculateLean(scenario, today) {
      return outcome('calculateLean', () => module.calculateLean(JSON.stringify(scenario), today));
    },
    explain(scenario, today) {
      return outcome('explain', () => module.explain(JSON.stringify(scenario), today));
    },
    // After an answer: only the parts of the explanation the profile reaches;
    // given the profile of the explanation the page holds, only the verdicts
    // a changed answer reaches (a core without situationSince gives them all).
    situation(scenario, today, previousProfile) {
      if (previousProfile && typeof module.situationSince === 'function') {
        return outcome('situationSince', () => module.situationSince(JSON.stringify(scenario), JSON.stringify(previousProfile), today));
      }
      return outcome('situation', () => module.situation(JSON.stringify(scenario), today));
    },
    // The same for text as a user's file holds it: a file that is not JSON
    // gets the core's own Dutch message.
    calculateText(text, today) {
      return outcome('calculateText', () => module.calculate(text, today));
    },
    // A policy pack the user loads (docs/policy-pack.md), checked by the
    // core as `ivp validate FILE` does → {result:{ok,id,title,label,…}} or {error}.
    validatePolicyPack(text) {
      return outcome('validatePolicyPack', () => module.validatePolicyPack(text));
    },
    catalogue() {
      return traced('catalogue', () => JSON.parse(module.catalogue()));
    },
    // The tables every result refers to by id (docs/result.md "Result and
    // rulebook"); null when this build's results still carry them.
    rulebook() {
      return typeof module.rulebook === 'function' ? traced('rulebook', () => JSON.parse(module.rulebook())) : null;
    },
    // The questions of "uw situatie" (data/facts.json); null when this build
    // of the core does not offer them.
    facts() {
      return typeof module.facts === 'function' ? traced('facts', () => JSON.parse(module.facts())) : null;
    },
    // An iCalendar file of the delivery dates, when the core can make one:
    // → {text} or {error} or null (not in this build).
    ics(scenario, today) {
      if (typeof module.ics !== 'function') return null;
      const text = traced('ics', () => module.ics(JSON.stringify(scenario), today));
      if (text.startsWith('{')) {
        try { const parsed = JSON.parse(text); if (parsed.error) return { error: parsed.error }; } catch { /* not JSON: an ics text */ }
      }
      return { text };
    },
    // A letter (docs/kit.md): → {text} or {error} or null (not in this build).
    letter(kind, scenario, today) {
      if (typeof module.letter !== 'function') return null;
      const parsed = traced('letter', () => JSON.parse(module.letter(kind, JSON.stringify(scenario), today)));
      return parsed.error ? { error: parsed.error } : { text: parsed.text };
    },
  };
}
