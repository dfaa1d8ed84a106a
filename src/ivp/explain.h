#pragma once
// The explanation of the verdicts, apart from the figures (docs/perf.md,
// "Rekenkern"; ivp/detail.h).
//
// The page recomputes the lean result at every keystroke and asks for the
// explanation only when the profile or the selection changes: it depends on
// nothing else (not on amounts, the melding or dates). Shape:
//   {"provisions": {"<id>": {"eligibility": {…}}}, "other_provisions": […]}
// where each eligibility holds exactly the parts the lean result leaves out
// (reasons, open_questions, and per policy label, title, reasons,
// open_questions, quantities, form). merge_explanation() puts the two
// together into the full result of `ivp calc`, byte for byte.
#include <nlohmann/json.hpp>
#include <string_view>

#include "ivp/catalogue.h"
#include "ivp/date.h"
#include "ivp/scenario.h"

namespace ivp {

nlohmann::json explain(const Scenario& scenario, const Catalogue& catalogue);

// Parses and validates like calculate_text (the same InputError on bad input).
nlohmann::json explain_text(std::string_view scenario_json, Date today);

// `full` without what `lean` already says: objects key by key (recursively),
// anything else dropped when lean has the key. Empty objects are dropped.
nlohmann::json without(const nlohmann::json& full, const nlohmann::json& lean);

// lean + explanation → full: objects merged key by key (recursively), each
// provision by its id, other_provisions added. The page does the same in JS
// (site/ivp.js ivpWithExplanation).
void merge_explanation(nlohmann::json& lean_result, const nlohmann::json& explanation);

}  // namespace ivp
