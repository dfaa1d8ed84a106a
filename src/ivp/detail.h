#pragma once
// How much of the result a call builds (docs/perf.md, "Rekenkern").
//
// `full` is the contract of `ivp calc` (docs/result.md). `lean` is what the
// page needs at every keystroke: every figure, date and verdict, but not the
// explanation of the verdicts (reasons, open questions with what each answer
// would settle, quantities, form, other_provisions). That explanation depends
// only on the profile and the selection, so the page asks for it separately
// (ivp::explain) and only when those change. Lean and the explanation merged
// (objects key by key, provisions by id) are exactly the full result.
namespace ivp {

enum class Detail { full, lean };

}  // namespace ivp
