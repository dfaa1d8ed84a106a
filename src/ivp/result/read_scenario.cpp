#include "ivp/result/read_scenario.h"

#include <algorithm>
#include "ivp/dates/actual_dates.h"

#include "ivp/base/calendar.h"
#include "ivp/base/error.h"
#include "ivp/model/facts.h"
#include "ivp/base/json_input.h"
#include "ivp/base/text.h"
#include "ivp/kit/kit.h"
#include "ivp/budget/plan.h"
#include "ivp/eligibility/policy_pack.h"

namespace ivp {
namespace {

void read_schema(const nlohmann::json& input) {
    if (!input.contains("schema")) return;
    const auto& v = input.at("schema");
    if (!v.is_number_integer() && !v.is_number_float())
        throw InputError("/schema", join_text({"schema moet een getal zijn (nu 1), maar is ", dutch_type_name(v), "."}));
    const auto schema = require_integer(v, "/schema", 1, 1'000'000, "Het schemanummer");
    if (schema > kScenarioSchema)
        throw InputError("/schema", join_text({"dit scenario heeft schema ", std::to_string(schema),
                                               ", nieuwer dan deze rekenhulp kent (", std::to_string(kScenarioSchema),
                                               "). Gebruik een nieuwere versie van de rekenhulp."}));
}

// The longest SLA of the catalogue must end inside the calendar, or a
// delivery date could not be computed; say so at the melding, the cause.
void require_room_for_deliveries(Date melding, const Catalogue& catalogue, const std::string& where) {
    int longest = 0;
    for (const auto& p : catalogue.provisions) longest = std::max(longest, p.sla.totaal);
    const auto& calendar = embedded_calendar();
    try {
        (void)calendar.add_working_days(melding, longest);
    } catch (const InputError&) {
        throw InputError(where, join_text({"de melding ", format_iso_date(melding),
                                           " ligt te dicht bij het einde van de kalender van deze rekenhulp (",
                                           std::to_string(calendar.last_year()), "): een leverdatum ",
                                           std::to_string(longest), " werkdagen later valt daarbuiten."}));
    }
}

Date read_melding(const nlohmann::json& input, Date today) {
    if (!input.contains("melding")) return today;
    const auto& v = input.at("melding");
    if (!v.is_string())
        throw InputError("/melding", join_text({"de datum van de melding moet een tekst zijn als \"2026-03-15\", maar is ",
                                                dutch_type_name(v), "."}));
    const auto date = parse_iso_date(v.get<std::string>());
    if (!date)
        throw InputError("/melding", join_text({quote_for_message(v.get<std::string>()),
                                                " is geen bestaande datum. Schrijf jaar-maand-dag, bijvoorbeeld "
                                                "\"2026-03-15\"."}));
    const auto& calendar = embedded_calendar();
    if (!calendar.supports(*date))
        throw InputError("/melding", join_text({"de melding ", format_iso_date(*date),
                                                " valt buiten de kalender van deze rekenhulp (",
                                                std::to_string(calendar.first_year()), " tot en met ",
                                                std::to_string(calendar.last_year()), ")."}));
    return *date;
}

std::size_t known_provision(const Catalogue& catalogue, const nlohmann::json& id, const std::string& where) {
    if (!id.is_string())
        throw InputError(where, join_text({"een voorziening wordt aangeduid met haar id (een tekst), maar dit is ",
                                           dutch_type_name(id), "."}));
    const auto index = catalogue.find(id.get<std::string>());
    if (!index)
        throw InputError(where, join_text({"onbekende voorziening ", quote_for_message(id.get<std::string>()),
                                           ". Gebruik een id uit de IVP-tabel, bijvoorbeeld \"traplift\"."}));
    return *index;
}

}  // namespace

namespace {

// `provisions`: the selected ids, each once (default: all).
void read_selection(const nlohmann::json& input, const Catalogue& catalogue, Scenario& s) {
    if (!input.contains("provisions")) return;
    const auto& list = input.at("provisions");
    if (!list.is_array())
        throw InputError("/provisions", join_text({"provisions moet een lijst van ids zijn, maar is ", dutch_type_name(list), "."}));
    s.selected.assign(catalogue.provisions.size(), false);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto where = pointer_join("/provisions", i);
        const auto index = known_provision(catalogue, list[i], where);
        if (s.selected[index])
            throw InputError(where, join_text({quote_for_message(list[i].get<std::string>()), " staat twee keer in de lijst."}));
        s.selected[index] = true;
    }
}

// `overrides`: {"<id>": {"amount": euros}}, the user's own quotes.
void read_overrides(const nlohmann::json& input, const Catalogue& catalogue, Scenario& s) {
    if (!input.contains("overrides")) return;
    const auto& overrides = input.at("overrides");
    require_object(overrides, "/overrides", "overrides");
    for (const auto& [id, entry] : overrides.items()) {
        const auto where = pointer_join("/overrides", id);
        const auto index = known_provision(catalogue, nlohmann::json(id), where);
        require_object(entry, where, "Een aangepast bedrag");
        reject_unknown_keys(entry, where, {"amount"});
        if (!entry.contains("amount")) throw InputError(pointer_join(where, "amount"), "het bedrag ontbreekt.");
        s.override_eur[index] =
            require_integer(entry.at("amount"), pointer_join(where, "amount"), 0, kMaxOverrideEur, "Het bedrag in euro's");
    }
}

// `profile`: only facts of data/facts.json, each of its type; null = asked,
// "weet ik niet".
void read_profile(const nlohmann::json& input, Scenario& s) {
    if (!input.contains("profile")) return;
    s.profile = validate_profile(input.at("profile"), embedded_facts());
    for (const auto& [id, value] : input.at("profile").items())
        if (value.is_null()) s.unanswered.insert(id);
}

}  // namespace

Scenario parse_scenario(const nlohmann::json& input, const Catalogue& catalogue, Date today) {
    require_object(input, "", "Een scenario");
    // schema first: a newer file must say so rather than fail on a new key.
    read_schema(input);
    reject_unknown_keys(input, "", {"schema", "melding", "provisions", "overrides", "profile", "dates", "actual", "peildatum",
                                     "checklist", "brief", "needed", "keep_in_budget", "policy", "policy_pack"});
    Scenario s = default_scenario(catalogue, today);
    s.melding = read_melding(input, today);
    s.melding_given = input.contains("melding");
    if (embedded_calendar().supports(s.melding))
        require_room_for_deliveries(s.melding, catalogue, s.melding_given ? "/melding" : "");
    read_selection(input, catalogue, s);
    read_overrides(input, catalogue, s);
    read_profile(input, s);
    // Dates of what really happened and the peildatum (src/ivp/dates/actual_dates.cpp).
    read_actual_dates(input, catalogue, s);
    // The checklist and the letters' sender (src/ivp/kit/kit.cpp).
    read_kit_fields(input, s);
    // When the user needs each provision, and which "nee" they count anyway.
    read_plan_input(input, catalogue, s);
    // The municipality's policy pack: by id or by content (src/ivp/eligibility/policy_pack.cpp).
    // Only a named `policy` is looked up among the built-in packs: without
    // one, no pack is parsed here (the page's first call names none).
    static const std::vector<Policy> no_policies;
    auto choice = read_policy_choice(input, catalogue, input.contains("policy") ? embedded_policies() : no_policies,
                                     embedded_facts());
    s.policy = std::move(choice.id);
    s.policy_pack = std::move(choice.pack);
    return s;
}

}  // namespace ivp
