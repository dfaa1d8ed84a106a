#pragma once
// The parts of the explanation (ivp/explain.h) that the profile reaches: the
// page's call after an answer of the interview (docs/perf.md, "Interview").
// An answer changes only the verdicts, the financing texts that read a fact
// (zelf gekocht, the eigen bijdrage per provision), what stays in the
// personal budget, the eigen bijdrage, the other provisions and the
// questions — not the delivery dates, the procedure, the kit, the terms or
// the policies, which make up most of the explanation and most of its cost.
// Shape:
//   {"provisions": {"<id>": {"eligibility", "financing", "in_plan",
//    "plan_reason", "plan_reasons", "plan_kept"}},
//    "costs": {"eigen_bijdrage", "proposal_2027"}, "plan": {"not_in_budget"},
//    "other_provisions", "questions", "facts"}
// each part exactly as in explain(), lean parts left out. apply_situation()
// puts it into an explanation made for the same scenario with another
// profile: provision parts, other_provisions and questions replace the old
// ones whole, and so does each key given of costs and plan (the rest of
// those two objects, such as the financing texts and the order by call-off,
// reads no fact). The result equals explain() of the new scenario (tested
// in tests/unit/situation_test.cpp; the page does the same, site/js/ivp.js
// ivpWithSituation).
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "ivp/base/date.h"
#include "ivp/rulebook/rulebook.h"
#include "ivp/model/scenario.h"

namespace ivp {

nlohmann::json situation(const Scenario& scenario, const Rulebook& rulebook);

// Replaces, in `explanation`, every part `situation` holds (whole values, not
// merged: a reason or question that is gone must go).
void apply_situation(nlohmann::json& explanation, const nlohmann::json& situation);

// Text in, text out, errors as data (as ivp/boundary.h).
std::string situation_json_text(std::string_view scenario_json, std::string_view today);

}  // namespace ivp
