#pragma once
// The rulebook's tables: every text that is the same in every result, given
// once (docs/result.md "Result and rulebook"). A result names the rulebook it
// was made with (`rulebook`, the Rulebook's id) and refers to these tables by
// id; with_rulebook() puts them back, giving the whole result as it was
// before the tables moved out (the check of tests/unit/rulebook_json_test.cpp).
#include <nlohmann/json.hpp>
#include <string>

#include "ivp/rulebook/rulebook.h"

namespace ivp {

// {rulebook, schema, policies: {id: policy}, policy_sources: {policy id: [source ids]},
//  data_sources: [source ids], sources: {id: source}, forms: {policy: {provision: {text, source}}},
//  facts: {id: {question, help}}, terms, tracks, phases, policy_choices, financing (costs.financing),
//  plan: {assumptions, remedies}, kit: {checklist: {id: texts}, requests: {id: texts}}}.
nlohmann::json rulebook_json(const Rulebook& rulebook);

// The embedded rulebook's tables, and as compact text; each made once.
const nlohmann::json& embedded_rulebook_tables();
const std::string& embedded_rulebook_json_text();

// `result` (calculate()'s full result, or the explanation merged with the
// lean result) with the rulebook's tables put back where the result refers to
// them: `policies[]` whole, `sources` (of the policies, the selected rows and
// the data files, as calculate() wrote them before), `facts` with their texts,
// `terms`, `tracks`, `phases`, `policy_choices`, `costs.financing`,
// `plan.assumptions`, `plan.remedies`, the texts of `kit.checklist[]` and
// `kit.requests[]` and each
// assessment's `form`; `rulebook` is taken out. Throws DataError when the
// result names another rulebook.
nlohmann::json with_rulebook(nlohmann::json result, const nlohmann::json& rulebook);

}  // namespace ivp
