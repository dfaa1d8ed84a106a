#include "ivp/result/explain.h"

#include "ivp/result/calculate.h"
#include "ivp/base/json_input.h"
#include "ivp/result/read_scenario.h"

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

void remove_lean_parts(nlohmann::json& full, const nlohmann::json& lean) {
    for (const auto& [key, value] : lean.items()) {
        const auto found = full.find(key);
        if (found == full.end()) continue;
        if (found->is_object() && value.is_object()) {
            remove_lean_parts(*found, value);
            if (!found->empty()) continue;
        }
        full.erase(found);
    }
}

// The full result without the lean one, so the two can never disagree about
// which parts belong where. Lean is small (only what the amounts reach), so
// this costs about as much as the full result; the page asks for it only
// when something other than an amount changes. The provisions' eligibility
// and other_provisions hold no amount: they stay typed (result_draft.h).
ResultDraft explain_draft(const Scenario& scenario, const Rulebook& rulebook) {
    ResultDraft draft = calculate_draft(scenario, rulebook);
    auto& full = draft.tree;
    auto lean = calculate(scenario, rulebook, Detail::lean);
    nlohmann::json provisions = nlohmann::json::object();
    const auto& lean_provisions = lean.at("provisions");
    auto& full_provisions = full.at("provisions");
    for (std::size_t i = 0; i < full_provisions.size(); ++i) {
        auto& p = full_provisions[i];
        auto id = p.at("id").get<std::string>();
        remove_lean_parts(p, lean_provisions.at(i));
        provisions[std::move(id)] = std::move(p);
    }
    full.erase("provisions");
    lean.erase("provisions");
    remove_lean_parts(full, lean);
    full["provisions"] = std::move(provisions);
    return draft;
}

nlohmann::json explain(const Scenario& scenario, const Rulebook& rulebook) {
    return draft_tree(explain_draft(scenario, rulebook));
}

ResultDraft explain_text_draft(std::string_view scenario_json, Date today) {
    const auto& rulebook = embedded_rulebook();
    const auto input = parse_user_json(scenario_json);
    return explain_draft(parse_scenario(input, rulebook.catalogue, today), rulebook);
}

nlohmann::json explain_text(std::string_view scenario_json, Date today) {
    return draft_tree(explain_text_draft(scenario_json, today));
}

void merge_explanation(nlohmann::json& lean_result, const nlohmann::json& explanation) {
    const auto& by_id = explanation.at("provisions");
    for (auto& p : lean_result.at("provisions")) {
        const auto found = by_id.find(p.at("id").get<std::string>());
        if (found != by_id.end()) merge_into(p, *found);
    }
    for (const auto& [key, value] : explanation.items())
        if (key != "provisions") {
            if (lean_result.contains(key) && lean_result[key].is_object() && value.is_object())
                merge_into(lean_result[key], value);
            else
                lean_result[key] = value;
        }
}

}  // namespace ivp
