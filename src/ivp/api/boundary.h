#pragma once
// The text boundary of the core, shared by the WASM module and the CLI's
// `calc-lines`: JSON text in, JSON text out, errors as data. Because both
// call this one function, "one answer everywhere" reduces to the compilers
// (g++ native, em++ wasm32) agreeing — which tests/node/one-answer.test.mjs
// checks on generated scenarios.
#include <string>
#include <string_view>

#include "ivp/base/error.h"  // error_json_text

namespace ivp {

// The compact result JSON of calculate_text(scenario_json, today), or
// {"error":{"message":…,"where":…}} for bad input (where is a JSON Pointer,
// "" for the whole input). Never throws for bad input; `today` is YYYY-MM-DD.
std::string calculate_json_text(std::string_view scenario_json, std::string_view today);

// The same for the page's per-keystroke call: the lean result (ivp/detail.h),
// and the explanation that completes it (ivp/explain.h). The page asks for
// the explanation only when the profile or the selection changes.
std::string calculate_lean_json_text(std::string_view scenario_json, std::string_view today);
std::string explain_json_text(std::string_view scenario_json, std::string_view today);

// The embedded catalogue as the page shows it (catalogue_json), as compact
// text written straight from the structs (catalogue_json_text in
// result/calculate.h), not dump(): the page's first calls then run no
// nlohmann serializer at all, in the browser a family of functions less to
// compile before the first result (docs/perf.md, "Start-up").
std::string catalogue_json_text();

}  // namespace ivp
