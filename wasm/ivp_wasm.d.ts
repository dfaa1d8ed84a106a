// Hand-written types for the Emscripten module built from wasm/bindings.cpp
// (build/wasm/ivp_wasm.js). The boundary is JSON text in, JSON text out.

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
  /** The IVP catalogue: provisions with amounts, SLA, constraints and sources. */
  catalogue(): string;
  /** data/facts.json as embedded: the questions of the "uw situatie" step. */
  facts(): string;
  /**
   * The scenario's deadlines as an iCalendar text (RFC 5545), or the same
   * `{"error":{…}}` JSON as calculate() on bad input.
   */
  ics(scenarioJson: string, today: string): string;
}

declare function createIvpModule(options: IvpModuleOptions): Promise<IvpModule>;
export default createIvpModule;
