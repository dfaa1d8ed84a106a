#pragma once
// Mijn IVP: the user's own plan beside the ALS protocol's table
// (docs/ivp-model.md, docs/result.md "Mijn IVP").
//   - the table as printed (data/ivp-plan.json, `table_budget`);
//   - which selected provisions count in the personal budget: the ALS
//     protocol's "nee" for this user leaves it out, unless the user keeps it;
//   - per provision its call-off ("afroep"): the real one entered, else one
//     planned from the date the user needs it, else the first melding;
//   - whether the SLA delivers after that date ("te laat voor de ziekte")
//     and the protocol's remedies for it.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "ivp/base/calendar.h"
#include "ivp/model/catalogue.h"
#include "ivp/base/date.h"
#include "ivp/eligibility/policy.h"
#include "ivp/model/scenario.h"

namespace ivp {

// The policy whose "nee" takes a provision out of the personal budget: read
// by id, not as the default policy (another pack may become the default).
inline constexpr const char* kPlanPolicy = "als-protocol";

// Reads the scenario keys "needed" (id → "YYYY-MM-DD" or {"months": N}) and
// "keep_in_budget" (ids) into `s`, whose melding and peildatum are read.
// Throws InputError naming the field.
void read_plan_input(const nlohmann::json& input, const Catalogue& catalogue, Scenario& s);

// A provision's call-off. kind: "werkelijk" (actual.<id>.melding), "verwacht"
// (planned from `needed`), "melding" (the first melding, nothing else known).
struct CallOff {
    Date date;
    std::string kind;
    std::optional<Date> needed;  // the date the user needs it
    std::optional<Date> latest;  // the last call-off that still delivers by `needed` under the SLA
};
CallOff provision_calloff(const Scenario& s, std::size_t i, const Provision& p, const Calendar& calendar);

// Per catalogue provision: counted in the personal budget (selected, and not
// a "nee" of kPlanPolicy unless the user keeps it).
std::vector<bool> budget_mask(const Scenario& s, const Catalogue& catalogue, const std::vector<Policy>& policies,
                              const FactsCatalogue& facts);
// The policy of kPlanPolicy among `policies`, or nullptr.
const Policy* plan_policy(const std::vector<Policy>& policies);
// The same with the plan policy itself (nullptr: none), which is all it reads.
std::vector<bool> budget_mask(const Scenario& s, const Catalogue& catalogue, const Policy* plan,
                              const FactsCatalogue& facts);

// The plan fields of one selected provision (merged into its result entry):
// in_plan, plan_reason, plan_kept, calloff{date, kind, needed?, latest?,
// too_slow?}. `delivery_end` is the end of its ALS-protocol track; `eligibility`
// is the provision's assessment under the scenario's policies.
void add_plan_fields(nlohmann::json& entry, const Scenario& s, std::size_t i, bool in_plan, const Eligibility& eligibility,
                     const Catalogue& catalogue, const Calendar& calendar, Date delivery_end);

// The part of add_plan_fields() that the answers reach (the ALS protocol's
// verdict): in_plan, plan_reason, plan_reasons, plan_kept. `entry` holds
// eligibility. The interview's after-answer call (src/ivp/api/situation.h)
// gives only these.
void add_plan_verdict_fields(nlohmann::json& entry, const Scenario& s, std::size_t i, bool in_plan,
                             const Eligibility& eligibility);

// The profile's part of `plan`: {"not_in_budget": ids}, as plan_summary()
// gives it, from the selected provisions in catalogue order and the mask
// of budget_mask().
nlohmann::json plan_verdict_summary(const Scenario& s, const Catalogue& catalogue, const std::vector<bool>& in_plan);

// The result's top-level `table_budget` (data/ivp-plan.json).
const nlohmann::json& table_budget_json();

// The result's top-level `plan`: order (ids by call-off), too_slow (ids),
// not_in_budget, policy. `provisions` is the result's provisions with their
// plan fields.
nlohmann::json plan_summary(const nlohmann::json& provisions);

// {assumptions, remedies} (data/ivp-plan.json): the same for every scenario,
// so the rulebook's `plan`, not each result's.
nlohmann::json plan_rules_json();

}  // namespace ivp
