// Hand-written types for the Emscripten module built from wasm/bindings.cpp
// (build/wasm/ivp_wasm.js). The boundary is JSON text in, JSON text out; the
// criteria* functions of eligibility alone also take numbers and give bytes.

export interface IvpModuleOptions {
  /** The bytes of ivp_wasm.wasm; pass them so the glue never fetches. */
  wasmBinary: Uint8Array | ArrayBuffer;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
  onAbort?: (reason: unknown) => void;
}

export interface IvpModule {
  /**
   * The result JSON of a scenario (docs/scenario.md, docs/result.md), or
   * `{"error":{"message":string,"where":string}}` with a Dutch message and a
   * JSON Pointer. Never throws for bad input. `today` is "YYYY-MM-DD", the
   * default melding date.
   */
  calculate(scenarioJson: string, today: string): string;
  /**
   * Only the parts of the result that the amounts (overrides) reach: schema,
   * budget, per provision id/amount/amount_source and the protocol pgb,
   * costs.eigen_bijdrage.{total, per_year}. The page's call at every change
   * (about 5 kB instead of 530 kB). Same errors as calculate().
   */
  calculateLean(scenarioJson: string, today: string): string;
  /**
   * Everything calculateLean() leaves out, provisions keyed by id:
   * `{"provisions":{"<id>":{…}},"other_provisions":[…],"policies":[…],…}`.
   * Does not depend on the scenario's overrides. Merging it into the lean
   * result (objects key by key, provisions by id) gives calculate() exactly.
   */
  explain(scenarioJson: string, today: string): string;
  /** The parts of the explanation the profile reaches (src/ivp/api/situation.h): after an answer. */
  situation(scenarioJson: string, today: string): string;
  /**
   * The same for a caller that holds the explanation of `previousProfileJson`
   * (the same scenario otherwise): a provision no changed fact reaches has no
   * verdict parts, `other_provisions` is left out when none changed; merged as
   * `site/js/ivp.js` ivpWithSituation does. A text that is not a valid profile
   * is ignored (everything is given).
   */
  situationSince(scenarioJson: string, previousProfileJson: string, today: string): string;
  /**
   * Checks a policy pack (docs/policy-pack.md) as `ivp validate FILE` does:
   * `{"ok":true,"id","title","label","kind","criteria","provisions","untried":[]}`,
   * or `{"error":{"message","where"}}` with `where` a JSON Pointer in the pack.
   */
  validatePolicyPack(packJson: string): string;
  /** The IVP catalogue: provisions with amounts, SLA, constraints and sources. */
  catalogue(): string;
  /**
   * The rulebook's tables that every result refers to by id (sources, policies, facts, terms,
   * tracks, phases, forms, the financing rules): `{"rulebook": id, …}`; a result names the same
   * id in `rulebook` (docs/result.md "Result and rulebook").
   */
  rulebook(): string;
  /** data/facts.json as embedded: the questions of the "uw situatie" step. */
  facts(): string;
  /**
   * The scenario's deadlines as an iCalendar text (RFC 5545), or the same
   * `{"error":{…}}` JSON as calculate() on bad input.
   */
  ics(scenarioJson: string, today: string): string;
  /** A letter as plain text: `{"text": …}`, or `{"error":{message, where}}` when no such letter applies. */
  letter(kind: "ingebrekestelling" | "bezwaar", scenarioJson: string, today: string): string;
  /**
   * Every criterion of every embedded policy, in the order of the truths
   * below: `[{"policy":string,"criterion":string,"rule":JsonLogic}]`.
   */
  criteriaRules(): string;
  /**
   * Eligibility alone: the truth of every criterion for one profile (the
   * scenario's `profile` object as JSON text), one character each — "j"
   * holds, "n" does not, "?" unknown (a fact not answered) — or the
   * `{"error":{…}}` JSON on bad input.
   */
  criteriaTruths(profileJson: string): string;
  /**
   * Where the coded profile goes: a Float64Array over the module's own
   * memory, one number per fact of facts() in order — NaN unanswered, 0/1 for
   * yes/no, the number for an integer fact, the index of the choice for a
   * choice fact. It is detached (byteLength 0) when the memory grows; ask
   * again then.
   */
  criteriaCodes(): Float64Array;
  /**
   * criteriaTruths() for the profile written into criteriaCodes(): true when
   * the characters are in criteriaTruthsView(), false on bad codes (then
   * criteriaError() gives the `{"error":{…}}` JSON naming the fact).
   */
  criteriaTruthsCoded(): boolean;
  /**
   * The answers of the last criteriaTruthsCoded(): a Uint8Array over the
   * module's memory, one character code ("j", "n", "?") per criterion. Detached
   * when the memory grows, like criteriaCodes().
   */
  criteriaTruthsView(): Uint8Array;
  /** The `{"error":{…}}` JSON of the last failed criteriaTruthsCoded(), else "". */
  criteriaError(): string;
}

declare function createIvpModule(options: IvpModuleOptions): Promise<IvpModule>;
export default createIvpModule;
