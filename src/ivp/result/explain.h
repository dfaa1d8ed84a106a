#pragma once
// The parts of the result that do not depend on the amounts (docs/perf.md,
// "Rekenkern"; ivp/detail.h).
//
// The page recomputes the lean result at every change and asks for this
// explanation only when something other than an amount changes (the
// profile, the selection, the melding, dates): typing an amount, the most
// frequent change, costs only the lean call. Shape:
//   {"provisions": {"<id>": {…}}, "other_provisions": […], "policies": […],
//    "procedure": {…}, "late_decision": {…}, "timelines": {…}}
// plus every other key of the full result, where each part holds exactly what
// the lean result leaves out (everything the amounts do not reach).
// merge_explanation() puts the two together into the full result of
// `ivp calc`, byte for byte.
#include <nlohmann/json.hpp>
#include <string_view>

#include "ivp/base/calendar.h"
#include "ivp/model/catalogue.h"
#include "ivp/base/date.h"
#include "ivp/rulebook/rulebook.h"
#include "ivp/model/scenario.h"
#include "ivp/result/result_draft.h"

namespace ivp {

nlohmann::json explain(const Scenario& scenario, const Rulebook& rulebook);
// The same before it is written (result_draft.h): its text is what the page gets.
ResultDraft explain_draft(const Scenario& scenario, const Rulebook& rulebook);

// Parses and validates like calculate_text (the same InputError on bad input).
nlohmann::json explain_text(std::string_view scenario_json, Date today);
ResultDraft explain_text_draft(std::string_view scenario_json, Date today);

// Removes from `full` what `lean` already says: objects key by key
// (recursively), anything else removed when lean has the key; objects left
// empty are removed too.
void remove_lean_parts(nlohmann::json& full, const nlohmann::json& lean);

// lean + explanation → full: objects merged key by key (recursively), each
// provision by its id. The page does the same in JS
// (site/js/ivp.js ivpWithExplanation).
void merge_explanation(nlohmann::json& lean_result, const nlohmann::json& explanation);

}  // namespace ivp
