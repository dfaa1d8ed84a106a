#pragma once
// A scenario: what the user entered. Schema 1 (docs/scenario.md):
//   {"schema":1, "melding":"YYYY-MM-DD", "provisions":[ids…],
//    "overrides":{"<id>":{"amount":euros}}, "profile":{…facts…}}
// Every field is optional: melding defaults to today (given by the caller, so
// the core never reads a clock), provisions to the whole catalogue.
#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "ivp/model/catalogue.h"
#include "ivp/base/date.h"

namespace ivp {

struct Policy;

inline constexpr int kScenarioSchema = 1;
inline constexpr std::int64_t kMaxOverrideEur = 10'000'000;

struct Scenario {
    int schema = kScenarioSchema;
    Date melding;
    bool melding_given = false;
    // Per catalogue provision (same index as Catalogue::provisions).
    std::vector<bool> selected;
    std::vector<std::optional<std::int64_t>> override_eur;
    nlohmann::json profile = nlohmann::json::object();
    // Facts given as null: asked, answered "weet ik niet" (unknown, and never
    // asked again: src/ivp/result/questions.h).
    std::set<std::string> unanswered;
    // What really happened (docs/scenario.md, "dates" and "actual"): event
    // name → date. `dates` holds the whole request, `actual[i]` provision i.
    std::map<std::string, Date, std::less<>> dates;
    std::vector<std::map<std::string, Date, std::less<>>> actual;
    // The day "by when" questions are answered for (the dwangsom accrued,
    // which terms have passed): the scenario's "peildatum", else today.
    Date peildatum;
    bool peildatum_given = false;
    // The keukentafel kit (src/ivp/kit/kit.h): the checklist items the user
    // ticked, and who sends the letters (kept only when the user saves).
    std::vector<std::string> checklist;
    std::string brief_naam, brief_adres, brief_gemeente;
    // Mijn IVP (src/ivp/budget/plan.h, docs/scenario.md "needed", "keep_in_budget"):
    // per provision the date the user expects to need it, and whether the
    // user counts it in the budget although the ALS protocol says "nee".
    std::vector<std::optional<Date>> needed;
    std::vector<bool> keep_in_budget;
    // The municipality's policy pack (src/ivp/eligibility/policy_pack.h): an id ("" =
    // the default, the Wmo 2015), or a pack the scenario carries by content.
    std::string policy;
    std::shared_ptr<const Policy> policy_pack;

    // The amount that counts for provision i: the user's quote, else the table's.
    std::int64_t amount(const Catalogue& catalogue, std::size_t i) const {
        return override_eur[i] ? *override_eur[i] : catalogue.provisions[i].amount_eur;
    }
};

// The default scenario: the full ALS IVP package, melding `today`.
Scenario default_scenario(const Catalogue& catalogue, Date today);

}  // namespace ivp
