#include "ivp/calculate.h"

#include "ivp/budget.h"
#include "ivp/costs.h"
#include "ivp/error.h"
#include "ivp/json_input.h"
#include "ivp/policy.h"
#include "ivp/terms.h"
#include "ivp/timeline.h"

namespace ivp {

namespace {

nlohmann::json range_json(const Range& r) { return {{"min", r.min}, {"max", r.max}}; }

nlohmann::json law_budget_json(const LawBudget& b) {
    return {{"client_bound", range_json(b.client_bound)},
            {"reusable", range_json(b.reusable)},
            {"total", range_json(b.total)}};
}

nlohmann::json sla_json(const Sla& sla) {
    return {{"revalidatie", sla.revalidatie},
            {"financier", sla.financier},
            {"leverancier", sla.leverancier},
            {"totaal", sla.totaal}};
}

}  // namespace

nlohmann::json calculate(const Scenario& scenario, const Catalogue& catalogue, const Calendar& calendar,
                         Detail detail) {
    const bool full = detail == Detail::full;
    const Budget budget = compute_budget(catalogue, scenario);
    nlohmann::json provisions = nlohmann::json::array();
    for (std::size_t i = 0; i < catalogue.provisions.size(); ++i) {
        if (!scenario.selected[i]) continue;
        const auto& p = catalogue.provisions[i];
        nlohmann::json entry = {
            {"id", p.id},
            {"name", p.name},
            {"law", to_string(p.law)},
            {"kind", to_string(p.kind)},
            {"amount", scenario.amount(catalogue, i)},
            {"table_amount", p.amount_eur},
            {"amount_source", scenario.override_eur[i] ? "override" : "table"},
            {"need", to_string(p.need)},
            {"sla_werkdagen", sla_json(p.sla)},
            {"delivery",
             {{"als_protocol", format_iso_date(calendar.add_working_days(scenario.melding, p.sla.totaal))}}},
            {"financing", financing_json(scenario, catalogue, i)},  // docs/costs.md
            // Geschiktheid under each policy side by side (docs/eligibility.md).
            {"eligibility", eligibility(p, scenario.profile, embedded_policies(), embedded_facts(), detail)},
            {"source", p.source},
        };
        if (p.need == Need::conditional) entry["need_reason"] = p.need_reason;
        // The three delivery tracks (src/ivp/timeline.cpp, docs/dates.md).
        // Lean leaves them (and every other part that does not depend on the
        // amounts) to ivp::explain, which the page asks for less often.
        if (full) entry["delivery"]["tracks"] = provision_tracks(scenario, i, catalogue, embedded_terms(), calendar);
        provisions.push_back(std::move(entry));
    }
    nlohmann::json notes = nlohmann::json::array();
    const int melding_year = year_of(scenario.melding);
    for (int y = melding_year; y <= std::min(melding_year + 1, calendar.last_year()); ++y)
        if (!calendar.lid3_known(y))
            notes.push_back("Voor " + std::to_string(y) +
                            " is niet nagegaan of er extra dagen bij Koninklijk Besluit met feestdagen zijn "
                            "gelijkgesteld (Algemene termijnenwet art. 3 lid 3); de data rekenen daarom "
                            "alleen met de feestdagen van lid 1 en 2.");
    nlohmann::json result = {
        {"schema", kResultSchema},
        {"catalogue", catalogue.id},
        {"melding", format_iso_date(scenario.melding)},
        {"melding_source", scenario.melding_given ? "scenario" : "today"},
        {"budget",
         {{"wmo", law_budget_json(budget.wmo)},
          {"zvw", law_budget_json(budget.zvw)},
          {"total", range_json(budget.total)},
          {"unit", "EUR"}}},
        {"provisions", std::move(provisions)},
        {"costs", costs_json(scenario, catalogue)},  // eigen bijdrage, docs/costs.md
        {"other_provisions",
         full ? other_provisions(scenario.profile, embedded_policies(), embedded_facts()) : nlohmann::json()},
        {"policies", full ? policies_summary(embedded_policies()) : nlohmann::json()},
        {"procedure", full ? procedure_timeline(scenario, embedded_terms(), calendar) : nlohmann::json()},
        {"late_decision", full ? late_decision(scenario, embedded_terms(), calendar) : nlohmann::json()},
        {"terms", full ? terms_json(embedded_terms()) : nlohmann::json()},
        {"peildatum", format_iso_date(scenario.peildatum)},
        {"peildatum_source", scenario.peildatum_given ? "scenario" : "today"},
        {"notes", std::move(notes)},
        {"disclaimer",
         "Dit is een indicatie op basis van het ALS protocol hulpmiddelen, geen besluit. De gemeente beslist "
         "per persoon (maatwerk)."},
    };
    // Lean: what does not depend on the amounts is left to ivp::explain.
    if (!full)
        for (const char* key : {"other_provisions", "policies", "procedure", "late_decision", "terms"}) result.erase(key);
    return result;
}

nlohmann::json calculate_text(std::string_view scenario_json, Date today, Detail detail) {
    const auto& catalogue = embedded_catalogue();
    const auto input = parse_user_json(scenario_json);
    const Scenario scenario = parse_scenario(input, catalogue, today);
    return calculate(scenario, catalogue, embedded_calendar(), detail);
}

nlohmann::json calculate_default(Date today) {
    const auto& catalogue = embedded_catalogue();
    return calculate(default_scenario(catalogue, today), catalogue, embedded_calendar());
}

nlohmann::json catalogue_json(const Catalogue& catalogue) {
    nlohmann::json provisions = nlohmann::json::array();
    for (const auto& p : catalogue.provisions) {
        nlohmann::json entry = {{"id", p.id},
                                {"name", p.name},
                                {"law", to_string(p.law)},
                                {"kind", to_string(p.kind)},
                                {"amount", p.amount_eur},
                                {"need", to_string(p.need)},
                                {"sla_werkdagen", sla_json(p.sla)},
                                {"source", p.source}};
        if (p.need == Need::conditional) entry["need_reason"] = p.need_reason;
        provisions.push_back(std::move(entry));
    }
    nlohmann::json constraints = nlohmann::json::array();
    for (const auto& c : catalogue.constraints) {
        nlohmann::json members = nlohmann::json::array();
        for (auto m : c.members) members.push_back(catalogue.provisions[m].id);
        constraints.push_back({{"id", c.id},
                               {"type", c.type == ConstraintType::at_most_one ? "at_most_one" : "at_least_one"},
                               {"members", members},
                               {"text", c.text},
                               {"source", c.source}});
    }
    return {{"id", catalogue.id}, {"title", catalogue.title}, {"provisions", provisions}, {"constraints", constraints}};
}

}  // namespace ivp
