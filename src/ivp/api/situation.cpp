#include "ivp/api/situation.h"

#include "ivp/api/boundary.h"
#include "ivp/result/calculate.h"
#include "ivp/costs/costs.h"
#include "ivp/base/error.h"
#include "ivp/result/explain.h"
#include "ivp/base/json_input.h"
#include "ivp/eligibility/policy.h"
#include "ivp/eligibility/policy_pack.h"
#include "ivp/result/questions.h"
#include "ivp/result/read_scenario.h"

namespace ivp {

using nlohmann::json;

namespace {

// The per-provision parts an answer can change: the verdicts, the financing
// texts that read a fact, and whether the ALS protocol's verdict keeps the
// provision in the personal budget (src/ivp/budget/plan.h).
constexpr const char* kProvisionParts[] = {"eligibility", "financing", "in_plan", "plan_reason", "plan_reasons",
                                           "plan_kept"};
// The top-level parts: the eigen bijdrage, the other provisions, the
// questions, the plan's summary (what left the budget) and the kit (what to
// ask follows the plan).
constexpr const char* kTopParts[] = {"costs", "other_provisions", "questions", "plan", "kit"};

}  // namespace

// Taken from the whole explanation: one place decides each part, so the
// situation cannot drift from explain() when a part starts to read a fact.
json situation(const Scenario& s, const Rulebook& rb) {
    const auto full = explain(s, rb);
    json provisions = json::object();
    for (const auto& [id, entry] : full.at("provisions").items()) {
        json part = json::object();
        for (const char* key : kProvisionParts)
            if (entry.contains(key)) part[key] = entry.at(key);
        provisions[id] = std::move(part);
    }
    json out = {{"provisions", std::move(provisions)}};
    for (const char* key : kTopParts)
        if (full.contains(key)) out[key] = full.at(key);
    return out;
}

void apply_situation(json& explanation, const json& part) {
    auto& provisions = explanation.at("provisions");
    for (const auto& [id, entry] : part.at("provisions").items())
        for (const char* key : kProvisionParts) {
            if (entry.contains(key)) provisions[id][key] = entry.at(key);
            else provisions[id].erase(key);  // explain() leaves an emptied part out too
        }
    for (const auto& [key, value] : part.items())
        if (key != "provisions") explanation[key] = value;
}

std::string situation_json_text(std::string_view scenario_json, std::string_view today) {
    try {
        const auto date = parse_iso_date(today);
        if (!date) return error_json_text("De datum van vandaag (" + quote_for_message(today) + ") is ongeldig.", "");
        const auto& rb = embedded_rulebook();
        return situation(parse_scenario(parse_user_json(scenario_json), rb.catalogue, *date), rb).dump();
    } catch (const InputError& e) {
        return error_json_text(e.what(), e.where());
    } catch (const std::exception& e) {
        return error_json_text(std::string("Onverwachte fout: ") + e.what(), "");
    }
}

}  // namespace ivp
