// libFuzzer target: the loaders and validators of data/ — parse_catalogue
// (the IVP catalogue with its constraints) and parse_facts (data/facts.json)
// — on fuzzed JSON. A data file that is wrong must fail with a DataError
// naming file and place, never crash; a catalogue that passes validation must
// be computable (the budget enumeration is bounded by kMaxLinkedConditionals).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "ivp/budget/budget.h"
#include "ivp/result/calculate.h"
#include "ivp/model/catalogue.h"
#include "ivp/model/facts.h"
#include "ivp/base/json_input.h"
#include "ivp/rulebook/rulebook.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    nlohmann::json json;
    try {
        json = ivp::parse_user_json(text);  // the same size and depth limits as user input
    } catch (const ivp::InputError&) {
        return 0;
    }
    try {
        const auto catalogue = ivp::parse_catalogue(json, "fuzz.json");
        const auto today = *ivp::parse_iso_date("2026-11-23");
        const auto scenario = ivp::default_scenario(catalogue, today);
        const auto budget = ivp::compute_budget(catalogue, scenario);
        if (budget.total.min > budget.total.max) ivp_fuzz::finding("budget min > max", json.dump());
        (void)ivp::catalogue_json(catalogue).dump();
        // The other data files, validated against this catalogue as at
        // start-up: they name the embedded provisions, so most catalogues are
        // refused here (a DataError); one that passes must be computable.
        const ivp::CustomRulebook rulebook([&](std::string_view path, nlohmann::json& data) {
            if (path == "als-ivp-catalogue.json") data = json;
        });
        (void)ivp::calculate(ivp::default_scenario(rulebook.rulebook().catalogue, today), rulebook.rulebook()).dump();
    } catch (const ivp::DataError& e) {
        ivp_fuzz::check_serializable(e.what(), "");
    } catch (const std::exception& e) {
        ivp_fuzz::finding("parse_catalogue: unexpected exception", e.what());
    }
    try {
        const auto facts = ivp::parse_facts(json, "fuzz.json");
        // A profile that names every fact with a value of the wrong kind must
        // be refused with an InputError, whatever the facts say.
        nlohmann::json profile = nlohmann::json::object();
        for (const auto& f : facts.facts) profile[f.id] = nlohmann::json::array();
        if (!facts.facts.empty()) {
            try {
                (void)ivp::validate_profile(profile, facts);
                ivp_fuzz::finding("a list passed as a fact value", profile.dump());
            } catch (const ivp::InputError& e) {
                ivp_fuzz::check_where(e.where());
            }
        }
    } catch (const ivp::DataError& e) {
        ivp_fuzz::check_serializable(e.what(), "");
    } catch (const std::exception& e) {
        ivp_fuzz::finding("parse_facts: unexpected exception", e.what());
    }
    return 0;
}
