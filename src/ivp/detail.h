#pragma once
// How much of the result a call builds (docs/perf.md, "Rekenkern").
//
// `full` is the contract of `ivp calc` (docs/result.md). `lean` is what the
// page needs at every change: everything that depends on the amounts (budget,
// costs, amounts, financing) plus the verdicts, but not the parts that do not
// (the reasons and open questions of the verdicts, the delivery tracks,
// procedure, late_decision, terms, policies, other_provisions). Those come
// from ivp::explain, which the page asks for only when more than an amount
// changed. Lean and the explanation merged (objects key by key, provisions by
// id) are exactly the full result.
namespace ivp {

enum class Detail { full, lean };

}  // namespace ivp
