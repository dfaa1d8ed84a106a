#include "ivp/api/situation.h"

#include "ivp/api/boundary.h"
#include "ivp/budget/plan.h"
#include "ivp/result/calculate.h"
#include "ivp/costs/costs.h"
#include "ivp/base/error.h"
#include "ivp/result/explain.h"
#include "ivp/base/json_input.h"
#include "ivp/eligibility/policy.h"
#include "ivp/eligibility/policy_pack.h"
#include "ivp/result/questions.h"
#include "ivp/result/read_scenario.h"
#include "ivp/result/result_json.h"

#include <algorithm>
#include <iterator>
#include <set>

namespace ivp {

using nlohmann::json;

namespace {

// The per-provision parts an answer can change: the verdicts, the financing
// texts that read a fact, and whether the ALS protocol's verdict keeps the
// provision in the personal budget (src/ivp/budget/plan.h).
constexpr const char* kProvisionParts[] = {"eligibility", "financing", "in_plan", "plan_reason", "plan_reasons",
                                           "plan_kept"};
// The top-level objects that hold only the keys an answer reaches: each key
// given replaces the old one. Every other top-level part (other_provisions,
// questions, facts) replaces the old one whole.
constexpr const char* kMergedByKey[] = {"costs", "plan"};

}  // namespace

// Only what an answer reaches, computed directly: no delivery tracks, no
// procedure, kit, terms or policy texts (they read no fact), and no JSON
// built only to be dropped. Each part is made by the same function that
// makes it for calculate(), with the lean parts taken out as explain() takes
// them out; tests/unit/situation_test.cpp holds the result equal to the same
// parts of a whole explain() for many scenarios and profiles.
json situation(const Scenario& s, const Rulebook& rb) {
    const Catalogue& catalogue = rb.catalogue;
    const auto policies = select_policies(rb.policies, s.policy, s.policy_pack.get());
    const std::vector<bool> in_plan = budget_mask(s, catalogue, rb.policies, rb.facts);
    std::set<std::string> open_facts;  // named by an open question: their texts go in `facts`
    json provisions = json::object();
    for (std::size_t i = 0; i < catalogue.provisions.size(); ++i) {
        if (!s.selected[i]) continue;
        const auto& p = catalogue.provisions[i];
        const auto assessed = eligibility(p, s.profile, policies, rb.facts);
        collect_open_facts(assessed, open_facts);
        json part = {{"eligibility", to_json(assessed, rb.facts)}};
        auto financing = financing_json(s, catalogue, i, rb.financing, rb.eigen_bijdrage);
        remove_lean_parts(financing, financing_amounts_json(s, catalogue, i));
        if (!financing.empty()) part["financing"] = std::move(financing);
        add_plan_verdict_fields(part, s, i, in_plan[i], assessed);
        provisions[p.id] = std::move(part);
    }
    auto costs = costs_json(s, catalogue, rb.eigen_bijdrage);  // without the financing texts: no fact reaches them
    remove_lean_parts(costs, {{"eigen_bijdrage", eigen_bijdrage_amounts_json(s, catalogue, rb.eigen_bijdrage)}});
    const auto others = other_provisions(s.profile, policies, rb.facts);
    collect_open_facts(others, open_facts);
    return {{"provisions", std::move(provisions)},
            {"costs", std::move(costs)},
            {"other_provisions", to_json(others)},
            {"questions", questions_json(s, rb, policies)},
            {"plan", plan_verdict_summary(s, catalogue, in_plan)},
            {"facts", facts_json(open_facts, rb.facts)}};
}

void apply_situation(json& explanation, const json& part) {
    auto& provisions = explanation.at("provisions");
    for (const auto& [id, entry] : part.at("provisions").items())
        for (const char* key : kProvisionParts) {
            if (entry.contains(key)) provisions[id][key] = entry.at(key);
            else provisions[id].erase(key);  // explain() leaves an emptied part out too
        }
    for (const auto& [key, value] : part.items()) {
        if (key == "provisions") continue;
        const bool by_key = std::find(std::begin(kMergedByKey), std::end(kMergedByKey), key) != std::end(kMergedByKey);
        auto found = explanation.find(key);
        if (by_key && found != explanation.end() && found->is_object())
            for (const auto& [sub, v] : value.items()) (*found)[sub] = v;
        else
            explanation[key] = value;
    }
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
