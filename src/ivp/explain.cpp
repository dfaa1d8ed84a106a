#include "ivp/explain.h"

#include "ivp/calculate.h"
#include "ivp/json_input.h"

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

// The full result without the lean one, so the two can never disagree about
// which parts belong where: computing both costs about 1.3 times the full
// result, and the page asks for it only when something other than an amount
// changes.
nlohmann::json explain(const Scenario& scenario, const Catalogue& catalogue, const Calendar& calendar) {
    auto full = calculate(scenario, catalogue, calendar, Detail::full);
    auto lean = calculate(scenario, catalogue, calendar, Detail::lean);
    nlohmann::json provisions = nlohmann::json::object();
    const auto& lean_provisions = lean.at("provisions");
    for (std::size_t i = 0; i < full.at("provisions").size(); ++i) {
        const auto& p = full.at("provisions")[i];
        provisions[p.at("id").get<std::string>()] = without(p, lean_provisions.at(i));
    }
    full.erase("provisions");
    lean.erase("provisions");
    auto out = without(full, lean);
    out["provisions"] = std::move(provisions);
    return out;
}

nlohmann::json explain_text(std::string_view scenario_json, Date today) {
    const auto& catalogue = embedded_catalogue();
    const auto input = parse_user_json(scenario_json);
    return explain(parse_scenario(input, catalogue, today), catalogue, embedded_calendar());
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
