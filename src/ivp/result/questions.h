#pragma once
// The guided interview's questions (docs/eligibility.md, "De vragen van het
// interview"): the result's top-level `questions`, most decisive first —
//   [{fact, question, help, decides: [ids], group}]
// Only facts that are absent from the profile (a fact given as null was asked
// and answered "weet ik niet": never again) and whose answer could change a
// verdict of the selected provisions or of the other provisions, under any
// policy the calculation assesses, or a figure (a policy's quantity such as the
// normtijden, or the eigen bijdrage; `decides` then names "eigen_bijdrage").
// Empty when no answer can change anything. The page asks questions[0] next.
#include <nlohmann/json.hpp>

#include "ivp/rulebook/rulebook.h"
#include "ivp/model/scenario.h"

namespace ivp {

// `policies`: the ones this calculation assesses (the chosen municipality's
// pack and the protocol, select_policies of ivp/policy_pack.h).
nlohmann::json questions_json(const Scenario& scenario, const Rulebook& rulebook, const std::vector<Policy>& policies);
// The same for the policies the scenario chooses.
nlohmann::json questions_json(const Scenario& scenario, const Rulebook& rulebook);

}  // namespace ivp
