#include "ivp/budget/plan.h"

#include <algorithm>

#include "ivp/base/insertion_sort.h"
#include "ivp/base/data_reader.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/error.h"
#include "ivp/base/json_input.h"
#include "ivp/base/json_object.h"
#include "ivp/eligibility/policy.h"

namespace ivp {

namespace {

using json = nlohmann::json;
using namespace std::chrono;

constexpr const char* kFile = "data/ivp-plan.json";
constexpr std::int64_t kMaxNeededMonths = 120;  // the IVP runs 2 to 5 years (seed 000, line 121)

bool before(Date a, Date b) { return sys_days{a} < sys_days{b}; }
Date later(Date a, Date b) { return before(a, b) ? b : a; }

// One cell of the printed table: {min, max, source}, the source with its document.
json table_cell(const DataReader& r, const json& data, const std::string& where, const json& document) {
    r.keys(data, where, {"min", "max", "source"});
    json cell = JsonObject()
                    .add("min", r.integer(data, where, "min", 0, 10'000'000))
                    .add("max", r.integer(data, where, "max", 0, 10'000'000))
                    .add("source", r.source(data, where, "source"));
    if (cell["min"].get<std::int64_t>() > cell["max"].get<std::int64_t>())
        r.fail(where, "min is groter dan max");
    cell["source"]["document"] = document.at("title");
    return cell;
}

json table_law(const DataReader& r, const json& data, const std::string& where, const json& document) {
    r.keys(data, where, {"client_bound", "reusable", "printed_total"});
    json law = JsonObject()
                   .add("client_bound", table_cell(r, r.field(data, where, "client_bound"), where + "/client_bound", document))
                   .add("reusable", table_cell(r, r.field(data, where, "reusable"), where + "/reusable", document));
    const auto total_at = where + "/printed_total";
    const auto& total = r.field(data, where, "printed_total");
    r.keys(total, total_at, {"amount", "approximate", "source"});
    law["printed_total"] = r.integer(total, total_at, "amount", 0, 10'000'000);
    law["printed_total_approximate"] = r.flag(total, total_at, "approximate", false);
    law["printed_total_source"] = r.source(total, total_at, "source");
    law["printed_total_source"]["document"] = document.at("title");
    return law;
}

struct PlanData {
    json table_budget;
    json assumptions;
    json remedies;
};

// Each assumption says plainly that it is ours, and gives its reasoning; it
// has no `source`, because no text says it (docs/ivp-model.md).
json read_assumptions(const DataReader& r, const json& data) {
    const auto& list = r.array(data, "", "assumptions", true);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto at = "/assumptions/" + std::to_string(i);
        r.keys(list[i], at, {"id", "basis", "text", "reasoning"});
        if (r.text(list[i], at, "basis") != "aanname") r.fail(at + "/basis", "basis moet \"aanname\" zijn");
        (void)r.text(list[i], at, "id");
        (void)r.text(list[i], at, "text");
        (void)r.text(list[i], at, "reasoning");
    }
    return list;
}

json read_remedies(const DataReader& r, const json& data, const json& document) {
    json list = r.array(data, "", "remedies", true);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto at = "/remedies/" + std::to_string(i);
        r.keys(list[i], at, {"id", "title", "text", "source"}, {"also"});
        (void)r.text(list[i], at, "id");
        (void)r.text(list[i], at, "title");
        (void)r.text(list[i], at, "text");
        (void)r.source(list[i], at, "source");
        list[i]["source"]["document"] = document.at("title");
        if (list[i].contains("also")) {
            (void)r.source(list[i], at, "also");
            list[i]["also"]["document"] = document.at("title");
        }
    }
    return list;
}

PlanData parse_plan_data(const json& data) {
    const DataReader r(kFile, SourceRules{.quote = true, .line_with_seed = true});
    return r.guard([&] {
        r.keys(data, "", {"$comment", "source_document", "table_budget", "assumptions", "remedies"});
        const auto& document = r.field(data, "", "source_document");
        r.keys(document, "/source_document", {"seed", "title"});
        (void)r.text(document, "/source_document", "title");
        const auto& table = r.field(data, "", "table_budget");
        r.keys(table, "/table_budget", {"label", "note", "wmo", "zvw"});
        PlanData out;
        out.table_budget =
            JsonObject()
                .add("label", r.text(table, "/table_budget", "label"))
                .add("note", r.text(table, "/table_budget", "note"))
                .add("wmo", table_law(r, r.field(table, "/table_budget", "wmo"), "/table_budget/wmo", document))
                .add("zvw", table_law(r, r.field(table, "/table_budget", "zvw"), "/table_budget/zvw", document))
                .add("unit", "EUR");
        out.assumptions = read_assumptions(r, data);
        out.remedies = read_remedies(r, data, document);
        return out;
    });
}

const PlanData& plan_data() {
    static const PlanData data = parse_plan_data(parse_data_json(embedded::data_file("ivp-plan.json")));
    return data;
}

// "in about N months": the same day N months after the peildatum, or the
// last day of that month when it has no such day (assumption
// "maanden-vanaf-vandaag" in data/ivp-plan.json).
Date months_after(Date from, std::int64_t months) {
    const year_month_day moved = from + std::chrono::months{months};
    return moved.ok() ? moved : year_month_day{moved.year() / moved.month() / last};
}

Date read_needed(const json& v, const std::string& where, Date peildatum) {
    Date date;
    if (v.is_string()) {
        const auto parsed = parse_iso_date(v.get<std::string>());
        if (!parsed)
            throw InputError(where, quote_for_message(v.get<std::string>()) +
                                        " is geen bestaande datum. Schrijf jaar-maand-dag, bijvoorbeeld \"2026-03-15\".");
        date = *parsed;
    } else if (v.is_object()) {
        reject_unknown_keys(v, where, {"months"});
        if (!v.contains("months")) throw InputError(pointer_join(where, "months"), "het aantal maanden ontbreekt.");
        date = months_after(peildatum, require_integer(v.at("months"), pointer_join(where, "months"), 0,
                                                       kMaxNeededMonths, "Het aantal maanden"));
    } else {
        throw InputError(where, "wanneer u dit nodig heeft, moet een datum zijn als \"2026-03-15\" of "
                                "{\"months\": 3}, maar is " + dutch_type_name(v) + ".");
    }
    const auto& calendar = embedded_calendar();
    if (!calendar.supports(date))
        throw InputError(where, "de datum " + format_iso_date(date) + " valt buiten de kalender van deze rekenhulp (" +
                                    std::to_string(calendar.first_year()) + " tot en met " +
                                    std::to_string(calendar.last_year()) + ").");
    return date;
}

std::size_t plan_provision(const Catalogue& catalogue, const json& id, const std::string& where) {
    if (!id.is_string()) throw InputError(where, "een voorziening wordt genoemd met haar id, een tekst.");
    const auto index = catalogue.find(id.get<std::string>());
    if (!index)
        throw InputError(where, "onbekende voorziening " + quote_for_message(id.get<std::string>()) +
                                    ". Gebruik een id uit de IVP-tabel, bijvoorbeeld \"traplift\".");
    return *index;
}

void read_needed_dates(const json& input, const Catalogue& catalogue, Scenario& s) {
    const auto& needed = input.at("needed");
    require_object(needed, "/needed", "needed");
    const auto& calendar = embedded_calendar();
    for (const auto& [id, value] : needed.items()) {
        const auto where = pointer_join("/needed", id);
        const auto i = plan_provision(catalogue, json(id), where);
        s.needed[i] = read_needed(value, where, s.peildatum);
        // The delivery from the call-off must fit the calendar too.
        const auto& p = catalogue.provisions[i];
        try {
            (void)calendar.add_working_days(provision_calloff(s, i, p, calendar).date, p.sla.totaal);
        } catch (const InputError&) {
            throw InputError(where, "de levering na " + format_iso_date(*s.needed[i]) +
                                        " valt buiten de kalender van deze rekenhulp. Kies een eerdere datum.");
        }
    }
}

void read_kept(const json& input, const Catalogue& catalogue, Scenario& s) {
    const auto& list = input.at("keep_in_budget");
    if (!list.is_array())
        throw InputError("/keep_in_budget", "keep_in_budget moet een lijst van ids zijn, maar is " +
                                                dutch_type_name(list) + ".");
    for (std::size_t k = 0; k < list.size(); ++k) {
        const auto where = pointer_join("/keep_in_budget", k);
        const auto i = plan_provision(catalogue, list[k], where);
        if (s.keep_in_budget[i])
            throw InputError(where, quote_for_message(list[k].get<std::string>()) + " staat twee keer in de lijst.");
        s.keep_in_budget[i] = true;
    }
}

}  // namespace

const Policy* plan_policy(const std::vector<Policy>& policies) {
    const auto it = std::find_if(policies.begin(), policies.end(), [](const Policy& p) { return p.id == kPlanPolicy; });
    return it == policies.end() ? nullptr : &*it;
}

namespace {

bool has_own_event(const Scenario& s, std::size_t i) { return i < s.actual.size() && !s.actual[i].empty(); }

// The criteria of the plan policy that are not met for this user, as the
// eligibility part said them ({text, source}: the source by id, docs/result.md).
json failed_reasons(const Assessment& a) {
    json out = json::array();
    for (const auto& r : a.reasons)
        if (r.outcome == "niet voldaan") out.push_back(JsonObject().add("text", r.text).add("source", reason_source_id(*a.policy, r)));
    return out;
}

}  // namespace

void read_plan_input(const json& input, const Catalogue& catalogue, Scenario& s) {
    s.needed.assign(catalogue.provisions.size(), std::nullopt);
    s.keep_in_budget.assign(catalogue.provisions.size(), false);
    if (input.contains("needed")) read_needed_dates(input, catalogue, s);
    if (input.contains("keep_in_budget")) read_kept(input, catalogue, s);
}

CallOff provision_calloff(const Scenario& s, std::size_t i, const Provision& p, const Calendar& calendar) {
    CallOff c{s.melding, "melding", std::nullopt, std::nullopt};
    if (i < s.needed.size()) c.needed = s.needed[i];
    if (c.needed && calendar.supports(add_days(*c.needed, -200)))  // 200 days hold the longest SLA (100 werkdagen)
        c.latest = calendar.add_working_days(*c.needed, -p.sla.totaal);
    if (i < s.actual.size())
        if (const auto own = s.actual[i].find("melding"); own != s.actual[i].end()) {
            c.date = own->second;
            c.kind = "werkelijk";
            return c;
        }
    // A provision with real dates of its own but no melding was requested
    // with the plan: it counts from the first melding, as before.
    if (c.latest && !has_own_event(s, i)) {
        c.date = later(*c.latest, later(s.melding, s.peildatum));
        c.kind = "verwacht";
    }
    return c;
}

std::vector<bool> budget_mask(const Scenario& s, const Catalogue& catalogue, const std::vector<Policy>& policies,
                              const FactsCatalogue& facts) {
    return budget_mask(s, catalogue, plan_policy(policies), facts);
}

std::vector<bool> budget_mask(const Scenario& s, const Catalogue& catalogue, const Policy* policy,
                              const FactsCatalogue& facts) {
    std::vector<bool> mask(s.selected.begin(), s.selected.end());
    if (!policy) return mask;
    const ProfileAnswers answers(s.profile, facts);  // once, not per provision
    for (std::size_t i = 0; i < mask.size(); ++i) {
        if (!mask[i] || (i < s.keep_in_budget.size() && s.keep_in_budget[i])) continue;
        const auto verdict = criteria_verdict(*policy, catalogue.provisions[i].id, answers);
        if (verdict == jsonlogic::Truth::no) mask[i] = false;
    }
    return mask;
}

void add_plan_verdict_fields(json& entry, const Scenario& s, std::size_t i, bool in_plan, const Eligibility& eligibility) {
    entry["in_plan"] = in_plan;
    const auto plan = std::find_if(eligibility.by_policy.begin(), eligibility.by_policy.end(),
                                   [](const Assessment& a) { return a.policy->id == kPlanPolicy; });
    const bool nee = plan != eligibility.by_policy.end() && plan->covered.value_or(false) && plan->verdict == "nee";
    const bool kept = i < s.keep_in_budget.size() && s.keep_in_budget[i];
    if (nee) {
        entry["plan_reasons"] = failed_reasons(*plan);
        entry["plan_reason"] = kept ? "U telt dit zelf mee, hoewel het ALS protocol bij uw antwoorden \"nee\" zegt."
                                    : "Het ALS protocol zegt bij uw antwoorden \"nee\"; daarom telt dit niet mee in uw "
                                      "budget. U kunt het zelf weer meetellen.";
    }
    entry["plan_kept"] = nee && kept;
}

void add_plan_fields(json& entry, const Scenario& s, std::size_t i, bool in_plan, const Eligibility& eligibility,
                     const Catalogue& catalogue, const Calendar& calendar, Date delivery_end) {
    add_plan_verdict_fields(entry, s, i, in_plan, eligibility);
    const auto& p = catalogue.provisions[i];
    const CallOff c = provision_calloff(s, i, p, calendar);
    json calloff = JsonObject().add("date", format_iso_date(c.date)).add("kind", c.kind);
    if (c.needed) {
        calloff["needed"] = format_iso_date(*c.needed);
        if (c.latest) calloff["latest"] = format_iso_date(*c.latest);
        // ISO dates compare as text.
        calloff["too_slow"] = format_iso_date(delivery_end) > calloff["needed"].get<std::string>();
    }
    entry["calloff"] = std::move(calloff);
}

const json& table_budget_json() { return plan_data().table_budget; }

json plan_summary(const json& provisions) {
    std::vector<std::size_t> order(provisions.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    // Each provision's key made once, not twice per comparison.
    std::vector<std::string> keys;
    if (order.size() > 1)
        for (const auto& p : provisions)
            keys.push_back(p.at("calloff").at("date").get<std::string>() +
                           p.at("delivery").at("als_protocol").get<std::string>());
    insertion_sort(order.begin(), order.end(), [&keys](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    json ids = json::array(), slow = json::array(), out_of_plan = json::array();
    for (auto k : order) ids.push_back(provisions[k].at("id"));
    for (const auto& p : provisions) {
        if (p.at("calloff").value("too_slow", false)) slow.push_back(p.at("id"));
        if (!p.at("in_plan").get<bool>()) out_of_plan.push_back(p.at("id"));
    }
    return JsonObject()
        .add("order", std::move(ids))
        .add("too_slow", std::move(slow))
        .add("not_in_budget", std::move(out_of_plan))
        .add("policy", kPlanPolicy);
}

// The same in every result: the rulebook's `plan` (src/ivp/result/rulebook_json.h).
json plan_rules_json() {
    return JsonObject().add("assumptions", plan_data().assumptions).add("remedies", plan_data().remedies);
}

}  // namespace ivp

namespace ivp {

json plan_verdict_summary(const Scenario& s, const Catalogue& catalogue, const std::vector<bool>& in_plan) {
    json out_of_plan = json::array();
    for (std::size_t i = 0; i < catalogue.provisions.size(); ++i)
        if (s.selected[i] && !in_plan[i]) out_of_plan.push_back(catalogue.provisions[i].id);
    return JsonObject().add("not_in_budget", std::move(out_of_plan));
}

}  // namespace ivp
