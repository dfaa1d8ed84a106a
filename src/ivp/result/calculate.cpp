#include "ivp/result/calculate.h"

#include "ivp/budget/budget.h"
#include "ivp/costs/costs.h"
#include "ivp/base/error.h"
#include "ivp/base/json_input.h"
#include "ivp/base/json_object.h"
#include "ivp/kit/kit.h"
#include "ivp/budget/plan.h"
#include "ivp/eligibility/policy.h"
#include "ivp/result/questions.h"
#include "ivp/eligibility/policy_pack.h"
#include "ivp/dates/terms.h"
#include "ivp/dates/timeline.h"
#include "ivp/result/read_scenario.h"
#include "ivp/result/result_json.h"

namespace ivp {

namespace {

nlohmann::json range_json(const Range& r) { return JsonObject().add("min", r.min).add("max", r.max); }

nlohmann::json law_budget_json(const LawBudget& b) {
    return JsonObject()
        .add("client_bound", range_json(b.client_bound))
        .add("reusable", range_json(b.reusable))
        .add("total", range_json(b.total));
}

nlohmann::json budget_json(const Budget& budget) {
    return JsonObject()
        .add("wmo", law_budget_json(budget.wmo))
        .add("zvw", law_budget_json(budget.zvw))
        .add("total", range_json(budget.total))
        .add("unit", "EUR");
}

nlohmann::json sla_json(const Sla& sla) {
    return JsonObject()
        .add("revalidatie", sla.revalidatie)
        .add("financier", sla.financier)
        .add("leverancier", sla.leverancier)
        .add("totaal", sla.totaal);
}

// The lean result (ivp/detail.h): exactly the parts of the full result that
// depend on the amounts (`overrides`), at the same paths, and nothing else.
// Which parts those are follows from where calculate() reads an amount:
// compute_budget (budget), each provision's amount and amount_source, the pgb
// under the protocol in financing_json, and the cost-price cap of the eigen
// bijdrage (costs_json: total and per_year). The tests vary the amounts of
// many scenarios and check that the explanation (full minus lean) does not
// change (tests/unit/lean_explain_test.cpp).
//
// It reads only the catalogue, the facts, the plan policy (the ALS protocol:
// which provisions count in the budget) and the eigen bijdrage's rules, so
// calculate_text() gives it without building the whole rulebook: the page's
// first call is a lean one (docs/perf.md "Start-up").
struct LeanRules {
    const Catalogue& catalogue;
    const Policy* plan;  // plan_policy() of the rulebook's policies
    const FactsCatalogue& facts;
    const EigenBijdrageRules& eigen_bijdrage;
};

nlohmann::json lean_result(const Scenario& scenario, const LeanRules& rules) {
    const Catalogue& catalogue = rules.catalogue;
    nlohmann::json provisions = nlohmann::json::array();
    for (std::size_t i = 0; i < catalogue.provisions.size(); ++i) {
        if (!scenario.selected[i]) continue;
        const auto& p = catalogue.provisions[i];
        nlohmann::json entry = JsonObject()
                                   .add("id", p.id)
                                   .add("amount", scenario.amount(catalogue, i))
                                   .add("amount_source", scenario.override_eur[i] ? "override" : "table");
        auto financing = financing_amounts_json(scenario, catalogue, i);
        if (!financing.empty()) entry["financing"] = std::move(financing);
        provisions.push_back(std::move(entry));
    }
    return JsonObject()
        .add("schema", kResultSchema)
        .add("budget", budget_json(compute_budget(catalogue, scenario, budget_mask(scenario, catalogue, rules.plan, rules.facts))))
        .add("provisions", std::move(provisions))
        .add("costs", JsonObject().add("eigen_bijdrage", eigen_bijdrage_amounts_json(scenario, catalogue, rules.eigen_bijdrage)));
}

}  // namespace

namespace {

// One selected provision: its row, amounts, eligibility under each policy,
// financing, the plan's fields, and its delivery (the tracks go in the
// `timelines` table, shared with the provisions that have the same ones).
nlohmann::json provision_entry(const Scenario& scenario, std::size_t i, const Rulebook& rulebook, bool in_plan,
                               const std::vector<Policy>& policies, const ProfileAnswers& answers,
                               std::set<std::string>& open_facts, TimelineTable& timelines, ResultDraft& draft) {
    const Catalogue& catalogue = rulebook.catalogue;
    const auto& p = catalogue.provisions[i];
    // Geschiktheid under each policy side by side (docs/eligibility.md).
    auto assessed = eligibility(p, answers, policies, rulebook.facts);
    collect_open_facts(assessed, open_facts);
    nlohmann::json entry =
        JsonObject()
            .add("id", p.id)
            .add("name", p.name)
            .add("law", to_string(p.law))
            .add("kind", to_string(p.kind))
            .add("amount", scenario.amount(catalogue, i))
            .add("amount_source", scenario.override_eur[i] ? "override" : "table")
            .add("financing", financing_json(scenario, catalogue, i, rulebook.financing, rulebook.eigen_bijdrage));  // docs/costs.md
    // The row's own fields that no scenario changes (table_amount, need,
    // need_reason, sla_werkdagen, source) are the rulebook's `provisions`
    // (catalogue_rows_json), put back by the merge.
    // The three delivery tracks (src/ivp/dates/timeline.cpp, docs/dates.md).
    ProvisionTracks tracks = provision_tracks(scenario, i, catalogue, rulebook.terms, rulebook.calendar);
    add_plan_fields(entry, scenario, i, in_plan, assessed, catalogue, rulebook.calendar, tracks.als_protocol.end);
    const Date contract = rulebook.calendar.add_working_days(provision_calloff(scenario, i, p, rulebook.calendar).date,
                                                             p.sla.totaal);
    entry["delivery"] = JsonObject()
                            .add("als_protocol", format_iso_date(contract))
                            .add("timeline", timelines.add(p.id, std::move(tracks)));
    draft.eligibility.emplace_back(p.id, std::move(assessed));  // written as text, not built (result_draft.h)
    return entry;
}

// Years of the melding whose Atw art. 3 lid 3 days were not checked.
nlohmann::json calendar_notes(const Scenario& scenario, const Calendar& calendar) {
    nlohmann::json notes = nlohmann::json::array();
    const int melding_year = year_of(scenario.melding);
    for (int y = melding_year; y <= std::min(melding_year + 1, calendar.last_year()); ++y)
        if (!calendar.lid3_known(y))
            notes.push_back("Voor " + std::to_string(y) +
                            " is niet nagegaan of er extra dagen bij Koninklijk Besluit met feestdagen zijn "
                            "gelijkgesteld (Algemene termijnenwet art. 3 lid 3); de data rekenen daarom "
                            "alleen met de feestdagen van lid 1 en 2.");
    return notes;
}

// The parts that do not depend on the profile or the amounts. The tables of
// texts are the rulebook's (src/ivp/result/rulebook_json.h): the result names
// it and carries only what the rulebook cannot have (a carried pack).
void add_tables(JsonObject& out, const Scenario& scenario, const Rulebook& rulebook,
                const std::vector<Policy>& policies) {
    out.add("rulebook", rulebook.id)
        .add("table_budget", table_budget_json())
        .add("policies", policies_json(policies))  // by id; a carried pack whole
        .add("sources", sources_json(policies))    // a carried pack's; every other source is the rulebook's
        .add("notes", calendar_notes(scenario, rulebook.calendar))
        .add("disclaimer",
             "Dit is een indicatie op basis van het ALS protocol hulpmiddelen, geen besluit. De gemeente beslist per "
             "persoon (maatwerk).");
}

void add_header(JsonObject& out, const Scenario& scenario, const Catalogue& catalogue) {
    out.add("schema", kResultSchema)
        .add("catalogue", catalogue.id)
        .add("melding", format_iso_date(scenario.melding))
        .add("melding_source", scenario.melding_given ? "scenario" : "today")
        .add("peildatum", format_iso_date(scenario.peildatum))
        .add("peildatum_source", scenario.peildatum_given ? "scenario" : "today");
}

// The request's procedure, the late decision, the provisions' tracks (in
// `timelines`, added by provision_entry), the events their terms start
// from, and the keukentafel kit, which reads them (src/ivp/kit/kit.cpp,
// docs/kit.md). The procedure and the tracks stay typed in the draft; the
// anchors are numbered first, the procedure's then the tracks', so a
// milestone's `from` is the same place whatever order the text is written in.
void add_delivery(ResultDraft& draft, JsonObject& out, const Scenario& scenario, const Rulebook& rulebook,
                  const nlohmann::json& provisions, TimelineTable timelines) {
    Procedure request = procedure_timeline(scenario, rulebook.terms, rulebook.calendar);
    leave_texts_to_tables(request, rulebook.terms);
    number_anchors(request, draft.anchors);
    timelines.number_anchors(draft.anchors);
    nlohmann::json late = to_json(late_decision(scenario, rulebook.terms, rulebook.calendar));
    std::vector<const Track*> als_tracks;  // in the order of `provisions`
    for (const auto& p : provisions)
        als_tracks.push_back(&timelines.tracks(p.at("delivery").at("timeline").get_ref<const std::string&>()).als_protocol);
    out.add("kit", kit_json(scenario, rulebook.catalogue, rulebook.terms, rulebook.calendar, request, provisions,
                            als_tracks, late))
        .add("late_decision", std::move(late))
        .add("anchors", draft.anchors.to_json());
    draft.procedure = std::move(request);
    draft.timelines = std::move(timelines);
}

}  // namespace

nlohmann::json calculate(const Scenario& scenario, const Rulebook& rulebook, Detail detail) {
    if (detail == Detail::lean)
        return lean_result(scenario, {rulebook.catalogue, plan_policy(rulebook.policies), rulebook.facts, rulebook.eigen_bijdrage});
    return draft_tree(calculate_draft(scenario, rulebook));
}

ResultDraft calculate_draft(const Scenario& scenario, const Rulebook& rulebook) {
    ResultDraft draft;
    const Catalogue& catalogue = rulebook.catalogue;
    const std::vector<bool> in_plan = budget_mask(scenario, catalogue, rulebook.policies, rulebook.facts);  // Mijn IVP (src/ivp/budget/plan.h)
    // The municipality's pack the scenario chose (or loaded), then the protocol.
    const auto selection = select_policies(rulebook, scenario.policy, scenario.policy_pack.get());
    const auto& policies = *selection;
    std::set<std::string> open_facts;  // named by an open question: their texts go in `facts`
    const ProfileAnswers answers(scenario.profile, rulebook.facts);  // once for every assessment
    TimelineTable timelines;
    nlohmann::json provisions = nlohmann::json::array();
    for (std::size_t i = 0; i < catalogue.provisions.size(); ++i)
        if (scenario.selected[i])
            provisions.push_back(
                provision_entry(scenario, i, rulebook, in_plan[i], policies, answers, open_facts, timelines, draft));
    auto others = other_provisions(answers, policies, rulebook.facts);
    collect_open_facts(others, open_facts);
    JsonObject out;
    add_header(out, scenario, catalogue);
    add_delivery(draft, out, scenario, rulebook, provisions, std::move(timelines));
    out.add("budget", budget_json(compute_budget(catalogue, scenario, in_plan)))
        .add("plan", plan_summary(provisions))
        .add("costs", costs_json(scenario, catalogue, rulebook.eigen_bijdrage))  // docs/costs.md; the rules of financing are the rulebook's
        .add("questions", questions_json(scenario, rulebook, policies))  // the interview (docs/eligibility.md)
        .add("facts", facts_json(open_facts, rulebook.facts))  // every open fact's id; its question and help are the rulebook's
        .add("provisions", std::move(provisions));
    add_tables(out, scenario, rulebook, policies);
    draft.tree = out.take();
    draft.others = std::move(others);
    draft.policies = selection;  // the assessments point into them
    return draft;
}

ResultDraft calculate_text_draft(std::string_view scenario_json, Date today) {
    const auto& rulebook = embedded_rulebook();
    const auto input = parse_user_json(scenario_json);
    return calculate_draft(parse_scenario(input, rulebook.catalogue, today), rulebook);
}

nlohmann::json calculate_text(std::string_view scenario_json, Date today, Detail detail) {
    if (detail == Detail::lean) {
        // The parts of embedded_rulebook() the lean result reads, each built
        // when first needed, not the whole rulebook (see lean_result).
        const Catalogue& catalogue = embedded_catalogue();
        const auto input = parse_user_json(scenario_json);
        const Scenario scenario = parse_scenario(input, catalogue, today);
        return lean_result(scenario, {catalogue, embedded_policy(kPlanPolicy), embedded_facts(), embedded_eigen_bijdrage()});
    }
    const auto& rulebook = embedded_rulebook();
    const auto input = parse_user_json(scenario_json);
    const Scenario scenario = parse_scenario(input, rulebook.catalogue, today);
    return calculate(scenario, rulebook, detail);
}

nlohmann::json calculate_default(Date today) {
    const auto& rulebook = embedded_rulebook();
    return calculate(default_scenario(rulebook.catalogue, today), rulebook);
}

nlohmann::json catalogue_rows_json(const Catalogue& catalogue) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& p : catalogue.provisions) {
        nlohmann::json entry = JsonObject()
                                   .add("table_amount", p.amount_eur)
                                   .add("need", to_string(p.need))
                                   .add("sla_werkdagen", sla_json(p.sla))
                                   .add("source", catalogue_source_id(p));
        if (p.need == Need::conditional) entry["need_reason"] = p.need_reason;
        out[p.id] = std::move(entry);
    }
    return out;
}

nlohmann::json catalogue_json(const Catalogue& catalogue) {
    nlohmann::json provisions = nlohmann::json::array();
    for (const auto& p : catalogue.provisions) {
        nlohmann::json entry = JsonObject()
                                   .add("id", p.id)
                                   .add("name", p.name)
                                   .add("law", to_string(p.law))
                                   .add("kind", to_string(p.kind))
                                   .add("amount", p.amount_eur)
                                   .add("need", to_string(p.need))
                                   .add("sla_werkdagen", sla_json(p.sla))
                                   .add("source", p.source);
        if (p.need == Need::conditional) entry["need_reason"] = p.need_reason;
        provisions.push_back(std::move(entry));
    }
    nlohmann::json constraints = nlohmann::json::array();
    for (const auto& c : catalogue.constraints) {
        nlohmann::json members = nlohmann::json::array();
        for (auto m : c.members) members.push_back(catalogue.provisions[m].id);
        constraints.push_back(JsonObject()
                                  .add("id", c.id)
                                  .add("type", c.type == ConstraintType::at_most_one ? "at_most_one" : "at_least_one")
                                  .add("members", std::move(members))
                                  .add("text", c.text)
                                  .add("source", c.source));
    }
    return JsonObject()
        .add("id", catalogue.id)
        .add("title", catalogue.title)
        .add("provisions", std::move(provisions))
        .add("constraints", std::move(constraints));
}

namespace {

// Pieces of catalogue_json_text, one writer for the whole text. The keys are
// written in the order the tree's map keeps them (sorted by their bytes), as
// json_text writes the tree; they are plain ASCII and need no escape.
void put_key(JsonTextWriter& out, std::string_view key, bool first = false) {
    if (!first) out.put(',');
    out.key(key);
}

void put_integer(JsonTextWriter& out, std::string_view key, std::int64_t value, bool first = false) {
    put_key(out, key, first);
    out.integer(value);
}

void put_string(JsonTextWriter& out, std::string_view key, std::string_view value, bool first = false) {
    put_key(out, key, first);
    out.string(value);
}

void put_value(JsonTextWriter& out, std::string_view key, const nlohmann::json& value) {
    put_key(out, key);
    out.value(value);
}

void put_sla(JsonTextWriter& out, const Sla& sla) {
    put_key(out, "sla_werkdagen");
    out.put('{');
    put_integer(out, "financier", sla.financier, /*first=*/true);
    put_integer(out, "leverancier", sla.leverancier);
    put_integer(out, "revalidatie", sla.revalidatie);
    put_integer(out, "totaal", sla.totaal);
    out.put('}');
}

void put_provision(JsonTextWriter& out, const Provision& p) {
    out.put('{');
    put_integer(out, "amount", p.amount_eur, /*first=*/true);
    put_string(out, "id", p.id);
    put_string(out, "kind", to_string(p.kind));
    put_string(out, "law", to_string(p.law));
    put_string(out, "name", p.name);
    put_string(out, "need", to_string(p.need));
    if (p.need == Need::conditional) put_value(out, "need_reason", p.need_reason);
    put_sla(out, p.sla);
    put_value(out, "source", p.source);
    out.put('}');
}

void put_constraint(JsonTextWriter& out, const Catalogue& catalogue, const Constraint& c) {
    out.put('{');
    put_string(out, "id", c.id, /*first=*/true);
    put_key(out, "members");
    out.put('[');
    for (std::size_t k = 0; k < c.members.size(); ++k) {
        if (k > 0) out.put(',');
        out.string(catalogue.provisions[c.members[k]].id);
    }
    out.put(']');
    put_value(out, "source", c.source);
    put_string(out, "text", c.text);
    put_string(out, "type", c.type == ConstraintType::at_most_one ? "at_most_one" : "at_least_one");
    out.put('}');
}

}  // namespace

std::string catalogue_json_text(const Catalogue& catalogue) {
    return written_text([&catalogue](JsonTextWriter& out) {
        out.put("{\"constraints\":[");
        for (std::size_t i = 0; i < catalogue.constraints.size(); ++i) {
            if (i > 0) out.put(',');
            put_constraint(out, catalogue, catalogue.constraints[i]);
        }
        out.put(']');
        put_string(out, "id", catalogue.id);
        put_key(out, "provisions");
        out.put('[');
        for (std::size_t i = 0; i < catalogue.provisions.size(); ++i) {
            if (i > 0) out.put(',');
            put_provision(out, catalogue.provisions[i]);
        }
        out.put(']');
        put_string(out, "title", catalogue.title);
        out.put('}');
    });
}

}  // namespace ivp
