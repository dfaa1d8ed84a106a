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
#include "ivp/result/result_draft.h"

namespace ivp {

nlohmann::json situation(const Scenario& scenario, const Rulebook& rulebook);

// The same for a caller that holds the explanation of `previous_profile` (the
// same scenario otherwise; a profile as validate_profile gives it): a
// provision none of whose assessments reads a fact that differs between the
// two profiles has no verdict parts (no `eligibility`, `in_plan`,
// `plan_reason(s)`, `plan_kept`: the ones held are still right), and
// `other_provisions` is left out when none of them reads such a fact; the
// financing texts when no such fact is in kFinancingReads, and `costs` when
// none is in kEigenBijdrageReads (ivp/costs/costs.h); a provision with
// nothing left is left out. The plan, questions and facts are given as by
// situation().
// nullptr: situation().
nlohmann::json situation_since(const Scenario& scenario, const nlohmann::json* previous_profile, const Rulebook& rulebook);
// The same before it is written (result_draft.h); the page gets its text.
ResultDraft situation_draft(const Scenario& scenario, const nlohmann::json* previous_profile, const Rulebook& rulebook);

// Replaces, in `explanation`, every part `situation` holds (whole values, not
// merged: a reason or question that is gone must go). A provision's verdict
// parts are replaced only when it has `eligibility` (explain() always has
// it), its `financing` only when given (explain() always has it: a group at
// least), and `other_provisions` and `costs` only when given.
void apply_situation(nlohmann::json& explanation, const nlohmann::json& situation);

// Text in, text out, errors as data (as ivp/boundary.h).
std::string situation_json_text(std::string_view scenario_json, std::string_view today);
// situation_since() with the previous profile as JSON text (the page's call
// after an answer); a text that is not a valid profile: situation().
std::string situation_since_json_text(std::string_view scenario_json, std::string_view previous_profile_json,
                                      std::string_view today);

}  // namespace ivp
