#include "ivp/explain.h"

#include "ivp/json_input.h"
#include "ivp/policy.h"

namespace ivp {

namespace {

void merge_into(nlohmann::json& target, const nlohmann::json& extra) {
    for (const auto& [key, value] : extra.items()) {
        auto found = target.find(key);
        if (found != target.end() && found->is_object() && value.is_object())
            merge_into(*found, value);
        else
            target[key] = value;
    }
}

}  // namespace

nlohmann::json without(const nlohmann::json& full, const nlohmann::json& lean) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, value] : full.items()) {
        const auto found = lean.find(key);
        if (found == lean.end()) {
            out[key] = value;
        } else if (value.is_object() && found->is_object()) {
            auto rest = without(value, *found);
            if (!rest.empty()) out[key] = std::move(rest);
        }
    }
    return out;
}

// Computes the full eligibility and takes away the lean one, so the two can
// never disagree about which parts belong where.
nlohmann::json explain(const Scenario& scenario, const Catalogue& catalogue) {
    const auto& policies = embedded_policies();
    const auto& facts = embedded_facts();
    nlohmann::json provisions = nlohmann::json::object();
    for (std::size_t i = 0; i < catalogue.provisions.size(); ++i) {
        if (!scenario.selected[i]) continue;
        const auto& p = catalogue.provisions[i];
        const auto full = eligibility(p, scenario.profile, policies, facts, Detail::full);
        const auto lean = eligibility(p, scenario.profile, policies, facts, Detail::lean);
        provisions[p.id] = {{"eligibility", without(full, lean)}};
    }
    return {{"provisions", std::move(provisions)},
            {"other_provisions", other_provisions(scenario.profile, policies, facts)}};
}

nlohmann::json explain_text(std::string_view scenario_json, Date today) {
    const auto& catalogue = embedded_catalogue();
    const auto input = parse_user_json(scenario_json);
    return explain(parse_scenario(input, catalogue, today), catalogue);
}

void merge_explanation(nlohmann::json& lean_result, const nlohmann::json& explanation) {
    const auto& by_id = explanation.at("provisions");
    for (auto& p : lean_result.at("provisions")) {
        const auto found = by_id.find(p.at("id").get<std::string>());
        if (found != by_id.end()) merge_into(p, *found);
    }
    lean_result["other_provisions"] = explanation.at("other_provisions");
}

}  // namespace ivp
