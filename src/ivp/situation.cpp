#include "ivp/situation.h"

#include "ivp/boundary.h"
#include "ivp/calculate.h"
#include "ivp/costs.h"
#include "ivp/error.h"
#include "ivp/explain.h"
#include "ivp/json_input.h"
#include "ivp/policy.h"
#include "ivp/policy_pack.h"
#include "ivp/questions.h"

namespace ivp {

using nlohmann::json;

json situation(const Scenario& s, const Rulebook& rb) {
    const auto lean = calculate(s, rb, Detail::lean);
    const auto& lean_provisions = lean.at("provisions");
    // The municipality's pack the scenario chose (or loaded), then the protocol.
    const auto policies = select_policies(rb.policies, s.policy, s.policy_pack.get());
    json provisions = json::object();
    std::size_t n = 0;
    for (std::size_t i = 0; i < rb.catalogue.provisions.size(); ++i) {
        if (!s.selected[i]) continue;
        const auto& p = rb.catalogue.provisions[i];
        json entry = {{"eligibility", eligibility(p, s.profile, policies, rb.facts)},
                      {"financing", financing_json(s, rb.catalogue, i, rb.financing, rb.eigen_bijdrage)}};
        remove_lean_parts(entry, lean_provisions.at(n++));
        provisions[p.id] = std::move(entry);
    }
    json costs = costs_json(s, rb.catalogue, rb.eigen_bijdrage, rb.financing);
    remove_lean_parts(costs, lean.at("costs"));
    return {{"provisions", std::move(provisions)},
            {"costs", std::move(costs)},
            {"other_provisions", other_provisions(s.profile, policies, rb.facts)},
            {"questions", questions_json(s, rb, policies)}};
}

void apply_situation(json& explanation, const json& part) {
    auto& provisions = explanation.at("provisions");
    for (const auto& [id, entry] : part.at("provisions").items())
        for (const char* key : {"eligibility", "financing"}) {
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
