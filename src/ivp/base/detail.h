#pragma once
// How much of the result a call builds (docs/perf.md, "Rekenkern").
//
// `full` is the contract of `ivp calc` (docs/result.md). `lean` is what the
// page needs at every change: exactly the parts of the full result that the
// amounts (`overrides`) reach, at the same paths — schema, budget, per
// provision id/amount/amount_source and the protocol pgb, and the eigen
// bijdrage total and per_year (the cost-price cap) — and nothing else
// (about 5 kB of the 530 kB). Everything else comes from ivp::explain, which
// the page asks for only when more than an amount changed. Lean and the
// explanation merged (objects key by key, provisions by id) are exactly the
// full result.
namespace ivp {

enum class Detail { full, lean };

}  // namespace ivp
