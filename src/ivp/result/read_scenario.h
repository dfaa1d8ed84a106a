#pragma once
// Reading a scenario (docs/scenario.md): the user's JSON becomes a Scenario.
// It sits above the computations because each one owns its own scenario keys
// (the kit its checklist and letter fields, the plan `needed` and
// `keep_in_budget`, eligibility the policy pack, the dates `actual`): this
// reader calls their readers, they never call up.
#include <nlohmann/json.hpp>

#include "ivp/model/catalogue.h"
#include "ivp/base/date.h"
#include "ivp/model/scenario.h"

namespace ivp {

// Validates and reads a parsed scenario; throws InputError naming the field.
Scenario parse_scenario(const nlohmann::json& input, const Catalogue& catalogue, Date today);

}  // namespace ivp
