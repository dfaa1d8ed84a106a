#include "ivp/costs/costs.h"

#include <algorithm>
#include <limits>
#include <set>

#include "ivp/base/calendar.h"
#include "ivp/base/data_reader.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/error.h"
#include "ivp/base/json_input.h"
#include "ivp/base/json_object.h"

namespace ivp {

namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------
// Reading the data files. A fault here is ours (DataError), named by path.

// The catalogue index of the provision named by `id`.
std::size_t provision(const DataReader& r, const Catalogue& catalogue, const json& id, const std::string& where) {
    if (!id.is_string()) r.fail(where, "moet een id van een voorziening zijn");
    const auto index = catalogue.find(id.get<std::string>());
    if (!index) r.fail(where, "onbekende voorziening \"" + id.get<std::string>() + "\"");
    return *index;
}

DatedRule read_dated_rule(const DataReader& r, const json& data, const char* key) {
    const auto where = pointer_join("", key);
    const auto& obj = r.field(data, "", key);
    r.keys(obj, where, {"valid_from", "text", "source"});
    return {r.date(obj, where, "valid_from"), r.text(obj, where, "text"), r.source(obj, where, "source")};
}

constexpr std::size_t kNoGroup = static_cast<std::size_t>(-1);

json text_and_source(const DataReader& r, const json& obj, const std::string& where) {
    return JsonObject().add("text", r.text(obj, where, "text")).add("source", r.source(obj, where, "source"));
}

}  // namespace

// ---------------------------------------------------------------------------
// Eigen bijdrage: dated parameters.

const TariffPeriod* EigenBijdrageRules::period_on(Date d) const {
    for (const auto& p : periods)
        if (p.contains(d)) return &p;
    return nullptr;
}

const TariffPeriod* EigenBijdrageRules::last_known_on_or_before(Date d) const {
    const TariffPeriod* out = nullptr;
    for (const auto& p : periods)
        if (p.regime == Regime::abonnementstarief && p.valid_from <= d) out = &p;
    return out;
}

const Exemption* EigenBijdrageRules::exemption(const std::string& id) const {
    for (const auto& e : exemptions)
        if (e.id == id) return &e;
    return nullptr;
}

std::int64_t monthly_eurocents(const TariffPeriod& period) {
    if (period.periods_per_year == 12) return period.amount_eurocents;
    // 13 periods of 4 weeks a year, spread over 12 months; rounding is an
    // explicit step: half a cent or more rounds up.
    const std::int64_t per_year = period.amount_eurocents * period.periods_per_year;  // [0, 13 × 10^7]
    const std::int64_t whole = per_year / 12;
    const std::int64_t rest = per_year % 12;  // [0, 11]
    return 2 * rest >= 12 ? whole + 1 : whole;
}

namespace {

// `/covered`: the range the tariffs answer for.
void read_covered(const DataReader& r, const json& data, int first_year, int last_year, EigenBijdrageRules& out) {
    const auto& covered = r.field(data, "", "covered");
    r.keys(covered, "/covered", {"first", "last"});
    out.first = r.date(covered, "/covered", "first");
    out.last = r.date(covered, "/covered", "last");
    // The tariffs must answer for every date a scenario may carry: exactly
    // the calendar's range (data/calendar.json), no more and no less.
    const Date range_first{std::chrono::year{first_year}, std::chrono::January, std::chrono::day{1}};
    const Date range_last{std::chrono::year{last_year}, std::chrono::December, std::chrono::day{31}};
    if (out.first != range_first || out.last != range_last)
        r.fail("/covered", "moet precies het bereik van de kalender zijn: " + format_iso_date(range_first) +
                               " tot en met " + format_iso_date(range_last));
}

Regime read_regime(const DataReader& r, const json& p, const std::string& where) {
    const auto regime = r.text(p, where, "regime");
    if (regime == "inkomensafhankelijk") return Regime::inkomensafhankelijk;
    if (regime == "abonnementstarief") return Regime::abonnementstarief;
    if (regime == "onbekend") return Regime::onbekend;
    r.fail(where + "/regime", "is inkomensafhankelijk, abonnementstarief of onbekend");
}

// The amount and its period: only an abonnementstarief has them.
void read_amount(const DataReader& r, const json& p, const std::string& where, TariffPeriod& t) {
    if (t.regime == Regime::abonnementstarief) {
        t.amount_eurocents = r.integer(p, where, "amount_eurocents", 0, 1'000'000, "Het bedrag");
        t.period = r.text(p, where, "period");
        t.periods_per_year = static_cast<int>(r.integer(p, where, "periods_per_year", 12, 13, "Het aantal perioden"));
        if (!(t.period == "maand" && t.periods_per_year == 12) && !(t.period == "4 weken" && t.periods_per_year == 13))
            r.fail(where + "/period", "\"maand\" hoort bij 12 perioden per jaar, \"4 weken\" bij 13");
    } else if (p.contains("amount_eurocents")) {
        r.fail(where + "/amount_eurocents", "alleen een abonnementstarief heeft een bedrag");
    }
}

// One entry of `/periods`, on its own; read_periods checks how it joins the others.
TariffPeriod read_tariff_period(const DataReader& r, const json& p, const std::string& where) {
    r.keys(p, where,
           {"valid_from", "valid_until", "regime", "amount_eurocents", "period", "periods_per_year", "text",
            "source"});
    TariffPeriod t;
    t.valid_from = r.date(p, where, "valid_from");
    t.valid_until = r.date(p, where, "valid_until");
    if (t.valid_until < t.valid_from) r.fail(where + "/valid_until", "ligt vóór valid_from");
    t.regime = read_regime(r, p, where);
    read_amount(r, p, where, t);
    t.text = r.text(p, where, "text");
    t.source = r.source(p, where, "source");
    return t;
}

// `/periods`: in order over exactly [out.first, out.last].
void read_periods(const DataReader& r, const json& data, EigenBijdrageRules& out) {
    const auto& periods = r.array(data, "", "periods", /*non_empty=*/true);
    for (std::size_t i = 0; i < periods.size(); ++i) {
        const auto where = pointer_join("/periods", i);
        TariffPeriod t = read_tariff_period(r, periods[i], where);
        // No gap, no overlap: each period starts the day after the last ends.
        if (i == 0 && t.valid_from != out.first)
            r.fail(where + "/valid_from", "de eerste periode begint op " + format_iso_date(out.first));
        if (i > 0 && t.valid_from != add_days(out.periods.back().valid_until, 1))
            r.fail(where + "/valid_from", t.valid_from <= out.periods.back().valid_until
                                              ? "overlapt met de vorige periode"
                                              : "laat een gat na de vorige periode");
        out.periods.push_back(std::move(t));
    }
    if (out.periods.back().valid_until != out.last)
        r.fail(pointer_join("/periods", periods.size() - 1) + "/valid_until",
               "de laatste periode eindigt op " + format_iso_date(out.last));
}

void read_ivp_years(const DataReader& r, const json& data, EigenBijdrageRules& out) {
    const auto& years = r.field(data, "", "ivp_years");
    r.keys(years, "/ivp_years", {"min", "max", "text", "source"});
    out.ivp_years_min = static_cast<int>(r.integer(years, "/ivp_years", "min", 1, 10, "Het aantal jaren"));
    out.ivp_years_max = static_cast<int>(r.integer(years, "/ivp_years", "max", out.ivp_years_min, 10, "Het aantal jaren"));
    out.ivp_years = JsonObject()
                        .add("min", out.ivp_years_min)
                        .add("max", out.ivp_years_max)
                        .add("text", r.text(years, "/ivp_years", "text"))
                        .add("source", r.source(years, "/ivp_years", "source"));
}

Exemption read_exemption(const DataReader& r, const Catalogue& catalogue, const json& e, const std::string& where) {
    r.keys(e, where, {"id", "valid_from", "provisions", "fact", "facts", "text", "source"});
    Exemption ex;
    ex.id = r.text(e, where, "id");
    ex.valid_from = r.date(e, where, "valid_from");
    if (e.contains("provisions")) {
        const auto& list = r.array(e, where, "provisions", /*non_empty=*/true);
        for (std::size_t j = 0; j < list.size(); ++j)
            ex.provisions.push_back(provision(r, catalogue, list[j], pointer_join(where + "/provisions", j)));
    }
    ex.text = r.text(e, where, "text");
    ex.source = r.source(e, where, "source");
    return ex;
}

void read_exemptions(const DataReader& r, const json& data, const Catalogue& catalogue, EigenBijdrageRules& out) {
    const auto& exemptions = r.array(data, "", "exemptions");
    for (std::size_t i = 0; i < exemptions.size(); ++i)
        out.exemptions.push_back(read_exemption(r, catalogue, exemptions[i], pointer_join("/exemptions", i)));
    // The rules in costs.cpp read these three by name.
    for (const char* id : {"rolstoel", "jonger_dan_18", "partner_onder_aow_leeftijd"})
        if (!out.exemption(id)) r.fail("/exemptions", std::string("de vrijstelling \"") + id + "\" ontbreekt");
}

void read_woningaanpassingen(const DataReader& r, const json& data, const Catalogue& catalogue,
                             EigenBijdrageRules& out) {
    const auto& wa = r.field(data, "", "woningaanpassingen");
    r.keys(wa, "/woningaanpassingen", {"provisions", "text", "source"});
    out.woningaanpassing.assign(catalogue.provisions.size(), false);
    const auto& wa_list = r.array(wa, "/woningaanpassingen", "provisions");
    for (std::size_t j = 0; j < wa_list.size(); ++j) {
        const auto index = provision(r, catalogue, wa_list[j], pointer_join("/woningaanpassingen/provisions", j));
        if (catalogue.provisions[index].law != Law::wmo)
            r.fail(pointer_join("/woningaanpassingen/provisions", j), "een woningaanpassing valt onder de Wmo");
        out.woningaanpassing[index] = true;
    }
    out.woningaanpassingen = text_and_source(r, wa, "/woningaanpassingen");
}

json read_not_modelled(const DataReader& r, const json& data) {
    const auto& nm = r.array(data, "", "not_modelled");
    json out = json::array();
    for (std::size_t i = 0; i < nm.size(); ++i) {
        const auto where = pointer_join("/not_modelled", i);
        r.keys(nm[i], where, {"id", "text", "source"});
        out.push_back(JsonObject()
                          .add("id", r.text(nm[i], where, "id"))
                          .add("text", r.text(nm[i], where, "text"))
                          .add("source", r.source(nm[i], where, "source")));
    }
    return out;
}

// `/proposal_2027`, checked and kept as it stands.
const json& read_proposal_2027(const DataReader& r, const json& data) {
    const auto& prop = r.field(data, "", "proposal_2027");
    r.keys(prop, "/proposal_2027",
           {"status", "title", "text", "min_eurocents_per_month", "max_eurocents_per_month", "proposed_from",
            "status_detail", "source"});
    // The proposal must stay marked as what it is.
    if (r.text(prop, "/proposal_2027", "status") != "voorstel, nog niet besloten")
        r.fail("/proposal_2027/status", "moet \"voorstel, nog niet besloten\" zijn zolang de wet niet is aangenomen");
    r.text(prop, "/proposal_2027", "title");
    r.text(prop, "/proposal_2027", "text");
    r.text(prop, "/proposal_2027", "status_detail");
    r.date(prop, "/proposal_2027", "proposed_from");
    r.integer(prop, "/proposal_2027", "min_eurocents_per_month", 0, 1'000'000, "Het bedrag");
    r.integer(prop, "/proposal_2027", "max_eurocents_per_month", 0, 1'000'000, "Het bedrag");
    r.source(prop, "/proposal_2027", "source");
    return prop;
}

}  // namespace

EigenBijdrageRules parse_eigen_bijdrage(const json& data, const std::string& file, const Catalogue& catalogue,
                                        int first_year, int last_year) {
    const DataReader r(file);
    r.keys(data, "",
           {"$comment", "covered", "periods", "once_per_household", "cost_price_cap", "payment_start", "ivp_years",
            "exemptions", "woningaanpassingen", "not_modelled", "proposal_2027"});
    EigenBijdrageRules out;
    read_covered(r, data, first_year, last_year, out);
    read_periods(r, data, out);
    out.once_per_household = read_dated_rule(r, data, "once_per_household");
    out.cost_price_cap = read_dated_rule(r, data, "cost_price_cap");
    const auto& start = r.field(data, "", "payment_start");
    r.keys(start, "/payment_start", {"text", "source"});
    out.payment_start = text_and_source(r, start, "/payment_start");
    read_ivp_years(r, data, out);
    read_exemptions(r, data, catalogue, out);
    read_woningaanpassingen(r, data, catalogue, out);
    out.not_modelled = read_not_modelled(r, data);
    out.proposal_2027 = read_proposal_2027(r, data);
    out.sources.add_all(data);
    return out;
}

const EigenBijdrageRules& embedded_eigen_bijdrage() {
    static const EigenBijdrageRules rules = [] {
        const auto& calendar = embedded_calendar();
        return parse_eigen_bijdrage(parse_data_json(embedded::data_file("eigen-bijdrage.json")), "data/eigen-bijdrage.json",
                                    embedded_catalogue(), calendar.first_year(), calendar.last_year());
    }();
    return rules;
}

// ---------------------------------------------------------------------------
// Financing forms.

const json* FinancingRules::form(const std::string& id) const {
    for (const auto& f : forms)
        if (f.at("id") == id) return &f;
    return nullptr;
}

namespace {

// `/forms`: each form once, with its label, explanation and source.
std::set<std::string> read_forms(const DataReader& r, const json& forms) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < forms.size(); ++i) {
        const auto where = pointer_join("/forms", i);
        r.keys(forms[i], where, {"id", "label", "explanation", "source"});
        const auto id = r.text(forms[i], where, "id");
        if (!ids.insert(id).second) r.fail(where + "/id", "dubbele id \"" + id + "\"");
        r.text(forms[i], where, "label");
        r.text(forms[i], where, "explanation");
        r.source(forms[i], where, "source");
    }
    return ids;
}

// A list of form ids, each one of `/forms`.
std::vector<std::string> known_forms(const DataReader& r, const std::set<std::string>& form_ids, const json& list,
                                     const std::string& where) {
    std::vector<std::string> ids;
    if (!list.is_array()) r.fail(where, "moet een lijst van vormen zijn");
    for (std::size_t j = 0; j < list.size(); ++j) {
        const auto at = pointer_join(where, j);
        if (!list[j].is_string() || !form_ids.count(list[j].get<std::string>()))
            r.fail(at, "onbekende vorm; gebruik een id uit /forms");
        ids.push_back(list[j].get<std::string>());
    }
    return ids;
}

// `/als_protocol` and `/hattem`: texts with their sources, checked key by key.
json read_texts(const DataReader& r, const json& data, const char* key, std::initializer_list<std::string_view> allowed,
                std::initializer_list<const char*> texts, std::initializer_list<const char*> sources) {
    const auto where = std::string("/") + key;
    const auto& obj = r.field(data, "", key);
    r.keys(obj, where, allowed);
    for (const char* k : texts) r.text(obj, where, k);
    for (const char* k : sources) r.source(obj, where, k);
    return obj;
}

// The provisions of a group: each in exactly one group, under the group's law.
void read_group_members(const DataReader& r, const Catalogue& catalogue, const json& e, const std::string& where,
                        std::size_t g, FinancingGroup& group, std::vector<std::size_t>& group_of) {
    const auto& members = r.array(e, where, "provisions", /*non_empty=*/true);
    for (std::size_t j = 0; j < members.size(); ++j) {
        const auto at = pointer_join(where + "/provisions", j);
        const auto index = provision(r, catalogue, members[j], at);
        if (group_of[index] != kNoGroup) r.fail(at, "staat al in een andere groep");
        if (catalogue.provisions[index].law != group.law) r.fail(at, "valt onder een andere wet dan de groep");
        group_of[index] = g;
        group.provisions.push_back(index);
    }
}

FinancingGroup read_group(const DataReader& r, const Catalogue& catalogue, const std::set<std::string>& form_ids,
                          const json& e, std::size_t g, std::vector<std::size_t>& group_of) {
    const auto where = pointer_join("/groups", g);
    r.keys(e, where,
           {"id", "label", "law", "provisions", "hattem_forms", "hattem_text", "hattem_source", "als_text",
            "als_source"});
    FinancingGroup group;
    group.id = r.text(e, where, "id");
    group.label = r.text(e, where, "label");
    const auto law = r.text(e, where, "law");
    if (law != "wmo" && law != "zvw") r.fail(where + "/law", "is wmo of zvw");
    group.law = law == "wmo" ? Law::wmo : Law::zvw;
    read_group_members(r, catalogue, e, where, g, group, group_of);
    group.hattem_forms = known_forms(r, form_ids, r.field(e, where, "hattem_forms"), where + "/hattem_forms");
    r.text(e, where, "hattem_text");
    r.source(e, where, "hattem_source");
    if (e.contains("als_text") != e.contains("als_source")) r.fail(where, "als_text en als_source horen bij elkaar");
    if (e.contains("als_text")) {
        r.text(e, where, "als_text");
        r.source(e, where, "als_source");
    }
    group.definition = e;
    return group;
}

}  // namespace

FinancingRules parse_financing(const json& data, const std::string& file, const Catalogue& catalogue) {
    const DataReader r(file);
    r.keys(data, "", {"$comment", "forms", "als_protocol", "hattem", "groups"});
    FinancingRules out;
    const auto& forms = r.array(data, "", "forms", /*non_empty=*/true);
    const std::set<std::string> form_ids = read_forms(r, forms);
    out.forms = forms;
    out.als_protocol = read_texts(r, data, "als_protocol",
                                  {"preferred_forms", "text", "source", "amount_text", "amount_source",
                                   "prior_purchase_text", "prior_purchase_source"},
                                  {"text", "amount_text", "prior_purchase_text"},
                                  {"source", "amount_source", "prior_purchase_source"});
    known_forms(r, form_ids, r.field(out.als_protocol, "/als_protocol", "preferred_forms"),
                "/als_protocol/preferred_forms");
    out.hattem = read_texts(r, data, "hattem",
                            {"pgb_text", "pgb_source", "maintenance_text", "maintenance_source", "residual_text",
                             "residual_source", "prior_purchase_text", "prior_purchase_source"},
                            {"pgb_text", "maintenance_text", "residual_text", "prior_purchase_text"},
                            {"pgb_source", "maintenance_source", "residual_source", "prior_purchase_source"});
    const auto& groups = r.array(data, "", "groups", /*non_empty=*/true);
    out.group_of.assign(catalogue.provisions.size(), kNoGroup);
    for (std::size_t g = 0; g < groups.size(); ++g)
        out.groups.push_back(read_group(r, catalogue, form_ids, groups[g], g, out.group_of));
    for (std::size_t i = 0; i < out.group_of.size(); ++i)
        if (out.group_of[i] == kNoGroup)
            r.fail("/groups", "voorziening \"" + catalogue.provisions[i].id + "\" staat in geen enkele groep");
    out.sources.add_all(data);
    return out;
}

const FinancingRules& embedded_financing() {
    static const FinancingRules rules =
        parse_financing(parse_data_json(embedded::data_file("financing.json")), "data/financing.json", embedded_catalogue());
    return rules;
}

// ---------------------------------------------------------------------------
// Evaluating the rules for a scenario.

namespace {

// Kleene's three-valued logic: an unanswered fact is unknown, and `and`/`or`
// give a definite answer whenever the known part already decides it.
enum class Tri { no, yes, unknown };

Tri tri_and(Tri a, Tri b) {
    if (a == Tri::no || b == Tri::no) return Tri::no;
    if (a == Tri::yes && b == Tri::yes) return Tri::yes;
    return Tri::unknown;
}
Tri tri_or(Tri a, Tri b) {
    if (a == Tri::yes || b == Tri::yes) return Tri::yes;
    if (a == Tri::no && b == Tri::no) return Tri::no;
    return Tri::unknown;
}
Tri tri_not(Tri a) { return a == Tri::unknown ? Tri::unknown : (a == Tri::yes ? Tri::no : Tri::yes); }

Tri boolean_fact(const json& profile, const char* id) {
    if (!profile.contains(id) || !profile.at(id).is_boolean()) return Tri::unknown;
    return profile.at(id).get<bool>() ? Tri::yes : Tri::no;
}

// The exemption for under-18s reads the one age question the site asks
// (fact "leeftijd", shared with the eligibility rules).
Tri under_18(const json& profile) {
    if (!profile.contains("leeftijd") || !profile.at("leeftijd").is_number()) return Tri::unknown;
    return profile.at("leeftijd").get<double>() < 18 ? Tri::yes : Tri::no;
}

Tri choice_fact_is(const json& profile, const char* id, const char* value) {
    if (!profile.contains(id) || !profile.at(id).is_string()) return Tri::unknown;
    return profile.at(id).get<std::string>() == value ? Tri::yes : Tri::no;
}

json tri_json(Tri t) { return t == Tri::yes ? json(true) : t == Tri::no ? json(false) : json(nullptr); }

std::string regime_name(Regime r) {
    switch (r) {
        case Regime::inkomensafhankelijk: return "inkomensafhankelijk";
        case Regime::abonnementstarief: return "abonnementstarief";
        case Regime::onbekend: return "onbekend";
    }
    return "onbekend";
}

// "€ 21,80" — for the Dutch sentences the result carries.
std::string euro_text(std::int64_t cents) {
    std::string euros = std::to_string(cents / 100);
    std::string grouped;
    for (std::size_t i = 0; i < euros.size(); ++i) {
        if (i > 0 && (euros.size() - i) % 3 == 0) grouped += '.';
        grouped += euros[i];
    }
    const auto c = cents % 100;  // [0, 99]
    return "€ " + grouped + "," + (c < 10 ? "0" : "") + std::to_string(c);
}

json period_json(const TariffPeriod& p) {
    json out = JsonObject()
                   .add("valid_from", format_iso_date(p.valid_from))
                   .add("valid_until", format_iso_date(p.valid_until))
                   .add("regime", regime_name(p.regime))
                   .add("text", p.text)
                   .add("source", p.source);
    if (p.regime == Regime::abonnementstarief) {
        out["amount"] = JsonObject().add("eurocents", p.amount_eurocents).add("unit", "eurocent").add("period", p.period);
        out["per_month_eurocents"] = monthly_eurocents(p);
        if (p.periods_per_year != 12)
            out["conversion"] = "Per maand omgerekend: " + std::to_string(p.periods_per_year) + " × " +
                                euro_text(p.amount_eurocents) + " / 12, afgerond op hele centen = " +
                                euro_text(monthly_eurocents(p)) + ".";
    }
    return out;
}

// Why a provision counts for the eigen bijdrage or not, by id: the result
// writes the id (`reason_id`), the rulebook's `eigen_bijdrage_reasons` gives
// each text once (charge_reason_texts), and the merge puts the text back as
// `reason`. An exemption's reason is its own id ("rolstoel", "jonger_dan_18").
constexpr const char* kChargeZvw = "zvw";
constexpr const char* kChargeMinorHousing = "kind_woningaanpassing";
constexpr const char* kChargeAgeUnknown = "leeftijd_onbekend";
constexpr const char* kChargeAgeAndMunicipalityUnknown = "leeftijd_en_gemeente_onbekend";
constexpr const char* kChargeCounts = "abonnementstarief";

// Whether the eigen bijdrage counts provision i, with the reason.
struct ProvisionCharge {
    Tri charged = Tri::yes;
    std::string reason_id;  // a key of charge_reason_texts()
    std::vector<std::string> open_facts;
    std::string exemption;  // the id of the exemption that made it "no"
};

ProvisionCharge provision_charge(const Scenario& s, const Catalogue& catalogue, const EigenBijdrageRules& rules,
                                 std::size_t i, Date on) {
    const auto& p = catalogue.provisions[i];
    if (p.law != Law::wmo) return {Tri::no, kChargeZvw, {}, ""};
    const auto* rolstoel = rules.exemption("rolstoel");
    if (on >= rolstoel->valid_from &&
        std::find(rolstoel->provisions.begin(), rolstoel->provisions.end(), i) != rolstoel->provisions.end())
        return {Tri::no, rolstoel->id, {}, rolstoel->id};
    const auto* minor = rules.exemption("jonger_dan_18");
    if (on >= minor->valid_from) {
        const Tri young = under_18(s.profile);
        if (young == Tri::yes)
            return rules.woningaanpassing[i] ? ProvisionCharge{Tri::unknown, kChargeMinorHousing, {}, ""}
                                             : ProvisionCharge{Tri::no, minor->id, {}, minor->id};
        if (young == Tri::unknown && !rules.woningaanpassing[i])
            return {Tri::unknown, kChargeAgeUnknown, {"leeftijd"}, ""};
        if (young == Tri::unknown) return {Tri::unknown, kChargeAgeAndMunicipalityUnknown, {"leeftijd"}, ""};
    }
    return {Tri::yes, kChargeCounts, {}, ""};
}

}  // namespace

json charge_reason_texts(const EigenBijdrageRules& rules) {
    const auto* rolstoel = rules.exemption("rolstoel");
    const auto* minor = rules.exemption("jonger_dan_18");
    return JsonObject()
        .add(kChargeZvw, "Dit hulpmiddel komt uit de zorgverzekering (Zvw); de eigen bijdrage van de Wmo geldt hier niet.")
        .add(rolstoel->id, rolstoel->text)
        .add(kChargeMinorHousing,
             "Voor een kind onder de 18 jaar mag de gemeente voor een woningaanpassing wel een eigen bijdrage vragen; "
             "dat hangt af van uw gemeente.")
        .add(minor->id, minor->text)
        .add(kChargeAgeUnknown, "Hangt af van de leeftijd: " + minor->text)
        .add(kChargeAgeAndMunicipalityUnknown, "Hangt af van de leeftijd en van uw gemeente: " + minor->text)
        .add(kChargeCounts, "Deze Wmo-voorziening valt onder de eigen bijdrage (abonnementstarief).");
}

namespace {

struct HouseholdExemption {
    Tri exempt = Tri::no;
    std::vector<std::string> open_facts;
};

// CAK: married or with a partner, and at least one of the two below the
// AOW-leeftijd: no eigen bijdrage (since 2019).
HouseholdExemption partner_under_aow(const Scenario& s, const EigenBijdrageRules& rules, Date on) {
    const auto* rule = rules.exemption("partner_onder_aow_leeftijd");
    if (on < rule->valid_from) return {};
    const Tri partner = choice_fact_is(s.profile, "huishouden", "met_partner");
    const Tri someone_under = tri_or(tri_not(boolean_fact(s.profile, "aow_leeftijd_bereikt")),
                                     tri_not(boolean_fact(s.profile, "partner_aow_leeftijd_bereikt")));
    HouseholdExemption out{tri_and(partner, someone_under), {}};
    if (out.exempt == Tri::unknown)
        for (const char* id : {"huishouden", "aow_leeftijd_bereikt", "partner_aow_leeftijd_bereikt"})
            if (!s.profile.contains(id)) out.open_facts.push_back(id);
    return out;
}

// One month of the projection: the tariff of that month's own year.
struct MonthTariff {
    int year = 0;
    std::int64_t eurocents = 0;
    enum class Basis { tarief, schatting, niet_berekend } basis = Basis::tarief;
};

MonthTariff tariff_for_month(const EigenBijdrageRules& rules, Date month_start) {
    MonthTariff m;
    m.year = year_of(month_start);
    const TariffPeriod* p = rules.period_on(month_start);
    if (p && p->regime == Regime::abonnementstarief) {
        m.eurocents = monthly_eurocents(*p);
        return m;
    }
    if (p && p->regime == Regime::inkomensafhankelijk) {
        m.basis = MonthTariff::Basis::niet_berekend;
        return m;
    }
    // No published tariff: the last known one, marked as an estimate.
    const TariffPeriod* known = rules.last_known_on_or_before(month_start);
    if (!known) {
        m.basis = MonthTariff::Basis::niet_berekend;
        return m;
    }
    m.eurocents = monthly_eurocents(*known);
    m.basis = MonthTariff::Basis::schatting;
    return m;
}

Date first_of_next_month(Date d) {
    const auto ym = std::chrono::year_month{d.year(), d.month()} + std::chrono::months{1};
    return Date{ym.year(), ym.month(), std::chrono::day{1}};
}

Date add_months(Date first_of_month, int n) {
    const auto ym = std::chrono::year_month{first_of_month.year(), first_of_month.month()} + std::chrono::months{n};
    return Date{ym.year(), ym.month(), std::chrono::day{1}};
}

struct Projection {
    std::optional<std::int64_t> total;  // nullopt when a month cannot be computed
    bool contains_estimate = false;
    bool capped = false;
};

// The sum over the first `months` months, never above `cap` (when given):
// the cost price of the most expensive provision still being paid off.
Projection project(const std::vector<MonthTariff>& months, int count, std::optional<std::int64_t> cap) {
    Projection out;
    std::int64_t sum = 0;
    for (int m = 0; m < count; ++m) {
        if (months[m].basis == MonthTariff::Basis::niet_berekend) return {};
        out.contains_estimate = out.contains_estimate || months[m].basis == MonthTariff::Basis::schatting;
        sum += months[m].eurocents;
    }
    if (cap && sum > *cap) {
        sum = *cap;
        out.capped = true;
    }
    out.total = sum;
    return out;
}

json range_cents(std::int64_t lo, std::int64_t hi) {
    return JsonObject().add("min", lo).add("max", hi).add("unit", "eurocent");
}

// What the eigen bijdrage counts among the selected provisions, each with
// its reason, and the dearest provision of each set (the cost-price cap).
struct Charges {
    std::vector<std::pair<std::size_t, ProvisionCharge>> provisions;  // selected, in catalogue order
    int certain = 0, possible = 0;
    std::int64_t cap_certain = 0, cap_possible = 0;  // eurocents
};

Charges count_charges(const Scenario& s, const Catalogue& catalogue, const EigenBijdrageRules& rules, Date on) {
    Charges out;
    for (std::size_t i = 0; i < catalogue.provisions.size(); ++i) {
        if (!s.selected[i]) continue;
        auto charge = provision_charge(s, catalogue, rules, i, on);
        const std::int64_t cost = s.amount(catalogue, i) * 100;
        if (catalogue.provisions[i].law == Law::wmo && charge.charged == Tri::yes) {
            ++out.certain;
            out.cap_certain = std::max(out.cap_certain, cost);
        }
        if (catalogue.provisions[i].law == Law::wmo && charge.charged != Tri::no) {
            ++out.possible;
            out.cap_possible = std::max(out.cap_possible, cost);
        }
        out.provisions.emplace_back(i, std::move(charge));
    }
    return out;
}

// The tariff the household pays from the melding: the published one, or for
// later years the last known one (an estimate); nullptr if none is known.
const TariffPeriod* tariff_used(const EigenBijdrageRules& rules, Date on) {
    const TariffPeriod* rule = rules.period_on(on);
    if (!rule) throw DataError("data/eigen-bijdrage.json", "/periods", "geen periode voor " + format_iso_date(on));
    return rule->regime == Regime::onbekend ? rules.last_known_on_or_before(on) : rule;
}

bool computable(const TariffPeriod* used) { return used && used->regime == Regime::abonnementstarief; }

// Pays for sure: a counted provision and certainly no household exemption.
// May pay: a provision that may count and the exemption not certain.
struct WhoPays {
    bool pays = false;
    bool may_pay = false;
};

WhoPays who_pays(const Charges& charges, const HouseholdExemption& household) {
    return {charges.certain > 0 && household.exempt == Tri::no,
            charges.possible > 0 && household.exempt != Tri::yes};
}

// Whether the cost-price cap holds for payments starting the month after the
// melding (the rule's valid_from); before it the total is not capped.
bool cost_price_cap_applies(const EigenBijdrageRules& rules, Date on) {
    return first_of_next_month(on) >= rules.cost_price_cap.valid_from;
}

// The tariff of each of `count` months from `start` on.
std::vector<MonthTariff> month_tariffs(const EigenBijdrageRules& rules, Date start, int count) {
    std::vector<MonthTariff> months;
    for (int m = 0; m < count; ++m) months.push_back(tariff_for_month(rules, add_months(start, m)));
    return months;
}

// `total`: from what the household pays for sure over the shortest IVP
// (`horizon_min` months) to what it may pay over the longest (all `months`).
void put_total(json& out, json& notes, const std::vector<MonthTariff>& months, int horizon_min, bool cap_applies,
               WhoPays who, const Charges& charges) {
    const int horizon_max = static_cast<int>(months.size());
    const auto cap = [&](std::int64_t c) { return cap_applies ? std::optional<std::int64_t>(c) : std::nullopt; };
    const Projection lo = who.pays ? project(months, horizon_min, cap(charges.cap_certain)) : Projection{0, false, false};
    const Projection hi = who.may_pay ? project(months, horizon_max, cap(charges.cap_possible)) : Projection{0, false, false};
    if (lo.total && hi.total) {
        out["total"] = range_cents(*lo.total, *hi.total);
        out["total"]["contains_estimate"] = lo.contains_estimate || hi.contains_estimate;
        out["total"]["cost_price_cap_applied"] = lo.capped || hi.capped;
    } else {
        out["total"] = nullptr;
        notes.push_back("Een deel van de IVP-periode valt in jaren waarin de eigen bijdrage van inkomen en "
                        "vermogen afhing; het totaal is daarom niet berekend.");
    }
}

// Year by year over all `months`, paid until the total reaches `limit`.
json per_year_json(const std::vector<MonthTariff>& months, std::int64_t limit) {
    const int horizon_max = static_cast<int>(months.size());
    json per_year = json::array();
    std::int64_t paid = 0;
    for (int m = 0; m < horizon_max;) {
        const int year = months[m].year;
        json row = JsonObject().add("year", year).add("months", 0).add("per_month_eurocents", months[m].eurocents);
        std::int64_t amount = 0;
        std::string basis = "tarief";
        for (; m < horizon_max && months[m].year == year; ++m) {
            row["months"] = row["months"].get<int>() + 1;
            if (months[m].basis == MonthTariff::Basis::schatting) basis = "schatting";
            if (months[m].basis == MonthTariff::Basis::niet_berekend) basis = "niet_berekend";
            const std::int64_t due = std::min(months[m].eurocents, limit - paid);  // the cap, month by month
            amount += due;
            paid += due;
        }
        row["basis"] = basis;
        row["amount_eurocents"] = basis == "niet_berekend" ? json(nullptr) : json(amount);
        row["unit"] = "eurocent";
        per_year.push_back(std::move(row));
    }
    return per_year;
}

// The eigen bijdrage over the IVP years, from the month after the melding,
// each month at its own year's tariff and never above the cost price:
// sets `total`, `total_months`, `starts` and `per_year` of `out`. These are
// the only parts of costs.eigen_bijdrage that depend on the amounts (through
// the cap), so they are what the lean result carries.
void put_projection(json& out, json& notes, const EigenBijdrageRules& rules, Date on, WhoPays who,
                    const Charges& charges) {
    const Date start = first_of_next_month(on);
    const int horizon_max = 12 * rules.ivp_years_max;
    const int horizon_min = 12 * rules.ivp_years_min;
    const std::vector<MonthTariff> months = month_tariffs(rules, start, horizon_max);
    const bool cap_applies = cost_price_cap_applies(rules, on);
    put_total(out, notes, months, horizon_min, cap_applies, who, charges);
    out["total_months"] = JsonObject().add("min", who.pays ? horizon_min : 0).add("max", who.may_pay ? horizon_max : 0);
    out["starts"] = format_iso_date(start);

    // Year by year, for the longest IVP, if the household pays.
    const std::int64_t limit = cap_applies ? charges.cap_possible : std::numeric_limits<std::int64_t>::max();
    out["per_year"] = who.may_pay ? per_year_json(months, limit) : json::array();
}

// Who pays the eigen bijdrage, and for which provisions: the part of
// costs.eigen_bijdrage that the profile decides (costs_json() and
// eigen_bijdrage_who_pays_json() both build it here, so they cannot differ).
struct Classified {
    Charges charges;
    HouseholdExemption household;
    json applies_to = json::array(), exempt = json::array(), depends = json::array(), not_applicable = json::array();
    json exemptions_applied = json::array();
    std::vector<std::string> open_facts;
};

// The charges, the household exemption and the open questions, without JSON.
void classify_charges(Classified& c, const Scenario& s, const Catalogue& catalogue, const EigenBijdrageRules& rules,
                      Date on) {
    c.charges = count_charges(s, catalogue, rules, on);
    std::vector<std::string>& open_facts = c.open_facts;
    for (const auto& [i, charge] : c.charges.provisions)
        for (const auto& f : charge.open_facts)
            if (std::find(open_facts.begin(), open_facts.end(), f) == open_facts.end()) open_facts.push_back(f);
    c.household = partner_under_aow(s, rules, on);
    const auto& household = c.household;
    // An exempt household pays nothing whatever the provisions: their questions no longer matter.
    if (household.exempt == Tri::yes) open_facts.clear();
    for (const auto& f : household.open_facts)
        if (std::find(open_facts.begin(), open_facts.end(), f) == open_facts.end()) open_facts.push_back(f);
}

json exemption_json(const Exemption& e) { return JsonObject().add("id", e.id).add("text", e.text).add("source", e.source); }

Classified classify(const Scenario& s, const Catalogue& catalogue, const EigenBijdrageRules& rules, Date on) {
    Classified c;
    classify_charges(c, s, catalogue, rules, on);
    const Charges& charges = c.charges;
    json& applies_to = c.applies_to;
    json& exempt = c.exempt;
    json& depends = c.depends;
    json& not_applicable = c.not_applicable;
    for (const auto& [i, charge] : charges.provisions) {
        const auto& p = catalogue.provisions[i];
        json item = JsonObject().add("id", p.id).add("reason_id", charge.reason_id);
        if (!charge.exemption.empty()) item["exemption"] = charge.exemption;
        if (p.law != Law::wmo)
            not_applicable.push_back(item);
        else if (charge.charged == Tri::yes)
            applies_to.push_back(p.id);
        else if (charge.charged == Tri::unknown)
            depends.push_back(item);
        else
            exempt.push_back(item);
    }
    const auto& household = c.household;
    json& exemptions_applied = c.exemptions_applied;
    if (household.exempt == Tri::yes) {
        const auto* e = rules.exemption("partner_onder_aow_leeftijd");
        exemptions_applied.push_back(exemption_json(*e));
    }
    for (const char* id : {"rolstoel", "jonger_dan_18"}) {
        const auto* e = rules.exemption(id);
        bool used_here = false;
        for (const auto& x : exempt) used_here = used_here || x.value("exemption", "") == e->id;
        if (used_here) exemptions_applied.push_back(exemption_json(*e));
    }
    return c;
}

std::string status_of(const TariffPeriod* used, WhoPays who) {
    if (!computable(used)) return "niet_berekend";
    if (who.pays) return "betaalt";
    if (!who.may_pay) return "betaalt_niet";
    return "hangt_af";
}

}  // namespace

json eigen_bijdrage_who_pays_json(const Scenario& s, const Catalogue& catalogue, const EigenBijdrageRules& rules) {
    const Date on = s.melding;
    auto c = classify(s, catalogue, rules, on);
    json out = JsonObject()
                   .add("status", status_of(tariff_used(rules, on), who_pays(c.charges, c.household)))
                   .add("applies_to", std::move(c.applies_to))
                   .add("depends", std::move(c.depends))
                   .add("exempt", std::move(c.exempt))
                   .add("exemptions_applied", std::move(c.exemptions_applied))
                   .add("open_questions", std::move(c.open_facts));
    rules.sources.intern(out);
    return out;
}

namespace {

// The probing key of eigen_bijdrage_who_pays(): exactly what
// eigen_bijdrage_who_pays_json() builds its keys from, in the same order: the
// status; per Wmo provision whether it counts, and when it does not for sure,
// its reason and exemption (applies_to lists ids only; the Zvw ones are not in
// it); whether the household is exempt (exemptions_applied). The exemptions
// applied per provision follow from the exemption ids.
std::string who_pays_key(const Charges& charges, const HouseholdExemption& household, const Catalogue& catalogue,
                         const EigenBijdrageRules& rules, Date on) {
    std::string key = status_of(tariff_used(rules, on), who_pays(charges, household));
    key += household.exempt == Tri::yes ? "|H" : "|-";
    for (const auto& [i, charge] : charges.provisions) {
        if (catalogue.provisions[i].law != Law::wmo) continue;
        key += '\x1e';
        key += std::to_string(i);
        key += charge.charged == Tri::yes ? 'y' : charge.charged == Tri::unknown ? 'u' : 'n';
        if (charge.charged == Tri::yes) continue;
        key += charge.exemption;
        key += '\x1f';
        key += charge.reason_id;
    }
    return key;
}

std::size_t tri_index(Tri t) { return static_cast<std::size_t>(t); }

}  // namespace

EigenBijdrageWhoPays eigen_bijdrage_who_pays(const Scenario& s, const Catalogue& catalogue,
                                             const EigenBijdrageRules& rules) {
    const Date on = s.melding;
    Classified c;
    classify_charges(c, s, catalogue, rules, on);
    EigenBijdrageWhoPays out;
    out.key = who_pays_key(c.charges, c.household, catalogue, rules, on);
    out.open_facts = std::move(c.open_facts);
    return out;
}

EigenBijdrageKeys::EigenBijdrageKeys(const Scenario& scenario, const Catalogue& catalogue,
                                     const EigenBijdrageRules& rules)
    : trial_(scenario), catalogue_(catalogue), rules_(rules) {}

const std::string& EigenBijdrageKeys::key_with(const std::string& fact, const json& value) {
    std::optional<json> saved;
    if (const auto it = trial_.profile.find(fact); it != trial_.profile.end()) saved = *it;
    trial_.profile[fact] = value;
    // The key reads the profile only through these two (provision_charge(),
    // partner_under_aow()); the rest of the scenario is the same for every answer.
    const Tri young = under_18(trial_.profile);
    const HouseholdExemption household = partner_under_aow(trial_, rules_, trial_.melding);
    auto& key = keys_[3 * tri_index(young) + tri_index(household.exempt)];
    if (!key) key = who_pays_key(count_charges(trial_, catalogue_, rules_, trial_.melding), household, catalogue_, rules_,
                                 trial_.melding);
    if (saved)
        trial_.profile[fact] = std::move(*saved);
    else
        trial_.profile.erase(fact);
    return *key;
}

namespace {

// The tariff period of the melding's year; when its amount is not known, the
// last known one is used as an estimate, and a note says so.
void put_rule(json& out, json& notes, const TariffPeriod* rule, const TariffPeriod* used, Date on) {
    out["rule_date"] = format_iso_date(on);
    out["rule"] = period_json(*rule);
    if (rule->regime != Regime::onbekend || !used) return;
    out["estimate_from"] = period_json(*used);
    notes.push_back("Het tarief voor " + std::to_string(year_of(on)) +
                    " is nog niet bekend. De bedragen hieronder zijn een schatting met het laatst bekende tarief (" +
                    euro_text(used->amount_eurocents) + " per " + used->period + ", " +
                    std::to_string(year_of(used->valid_from)) + ").");
}

// Who pays for which provision (classify()), as the result lists it.
void put_classified(json& out, const Classified& c) {
    out["applies_to"] = c.applies_to;
    out["depends"] = c.depends;
    out["exempt"] = c.exempt;
    out["not_applicable"] = c.not_applicable;
    out["exemptions_applied"] = c.exemptions_applied;
    out["open_questions"] = c.open_facts;
}

// One plain sentence, in the style of the tests.
std::string summary_sentence(const std::string& status, const TariffPeriod& used, const TariffPeriod& rule, Date on) {
    const std::string year = std::to_string(year_of(on));
    if (status == "betaalt")
        return "In " + year + " betaalt uw huishouden " + euro_text(used.amount_eurocents) + " per " + used.period +
               " eigen bijdrage, één keer voor alle Wmo-voorzieningen samen" +
               (rule.regime == Regime::onbekend ? " (schatting)." : ".");
    if (status == "betaalt_niet")
        return "In " + year + " betaalt uw huishouden geen eigen bijdrage voor deze voorzieningen.";
    return "In " + year + " betaalt uw huishouden € 0 of " + euro_text(used.amount_eurocents) + " per " + used.period +
           " eigen bijdrage; dat hangt af van de open vragen.";
}

// Years whose eigen bijdrage depended on income and wealth: no amounts.
void put_not_computed(json& out, json& notes, Date on) {
    out["per_period"] = nullptr;
    out["per_month"] = nullptr;
    out["total"] = nullptr;
    out["per_year"] = json::array();
    notes.push_back("Voor " + std::to_string(year_of(on)) +
                    " hing de eigen bijdrage af van inkomen en vermogen. Die berekening van het CAK zit niet in "
                    "deze rekenhulp.");
    out["summary"] = "Voor " + std::to_string(year_of(on)) + " rekent deze rekenhulp de eigen bijdrage niet uit.";
}

// The amounts per period, per month and over the IVP years, the cost-price
// cap and the summary sentence.
void put_amounts(json& out, json& notes, const EigenBijdrageRules& rules, Date on, const TariffPeriod& used,
                 const Classified& c) {
    const WhoPays who = who_pays(c.charges, c.household);
    const std::int64_t monthly = monthly_eurocents(used);
    out["per_period"] = range_cents(who.pays ? used.amount_eurocents : 0, who.may_pay ? used.amount_eurocents : 0);
    out["per_period"]["period"] = used.period;
    out["per_month"] = range_cents(who.pays ? monthly : 0, who.may_pay ? monthly : 0);
    put_projection(out, notes, rules, on, who, c.charges);
    const bool cap_applies = cost_price_cap_applies(rules, on);
    // Whether the cap applies is the scenario's; its text, and the IVP years
    // and the payment start that come with the amounts, are the rulebook's
    // (eigen_bijdrage_texts_json).
    out["cost_price_cap"] = JsonObject().add("applies", cap_applies);
    if (!cap_applies)
        notes.push_back("Of in " + std::to_string(year_of(first_of_next_month(on))) +
                        " de eigen bijdrage al begrensd was op de kostprijs, is niet nagegaan; het totaal is "
                        "daarom niet begrensd.");
    out["summary"] = summary_sentence(out["status"].get<std::string>(), used, *rules.period_on(on), on);
}

// The eigen bijdrage as a whole (docs/costs.md): who pays for what, the
// tariff, the amounts, and what the rekenhulp does not model.
json eigen_bijdrage_json(const Scenario& s, const Catalogue& catalogue, const EigenBijdrageRules& rules) {
    const Date on = s.melding;
    const TariffPeriod* used = tariff_used(rules, on);
    const Classified c = classify(s, catalogue, rules, on);
    json out = json::object();
    json notes = json::array();
    put_rule(out, notes, rules.period_on(on), used, on);
    out["status"] = status_of(used, who_pays(c.charges, c.household));
    put_classified(out, c);
    if (computable(used)) put_amounts(out, notes, rules, on, *used, c);
    else put_not_computed(out, notes, on);
    for (const auto& nm : rules.not_modelled) {
        if (nm.at("id") == "zvw_eigen_betalingen" && c.not_applicable.empty()) continue;
        notes.push_back(nm.at("text"));
    }
    out["notes"] = std::move(notes);
    return out;
}

}  // namespace

json costs_json(const Scenario& s, const Catalogue& catalogue, const EigenBijdrageRules& rules) {
    json out = JsonObject().add("eigen_bijdrage", eigen_bijdrage_json(s, catalogue, rules));
    rules.sources.intern(out);  // the quoted sources are in the result's `sources`, by id
    return out;
}

json eigen_bijdrage_texts_json(const EigenBijdrageRules& rules) {
    json proposal = rules.proposal_2027;
    proposal["applied"] = false;  // never part of the amounts
    json out = JsonObject()
                   .add("eigen_bijdrage",
                        JsonObject()
                            .add("not_modelled", rules.not_modelled)
                            .add("once_per_household", JsonObject()
                                                           .add("text", rules.once_per_household.text)
                                                           .add("source", rules.once_per_household.source)))
                   .add("with_amounts", JsonObject()
                                            .add("ivp_years", rules.ivp_years)
                                            .add("payment_start", rules.payment_start)
                                            .add("cost_price_cap", JsonObject()
                                                                       .add("valid_from", format_iso_date(rules.cost_price_cap.valid_from))
                                                                       .add("text", rules.cost_price_cap.text)
                                                                       .add("source", rules.cost_price_cap.source)))
                   .add("proposal_2027", std::move(proposal));
    rules.sources.intern(out);
    return out;
}

json eigen_bijdrage_amounts_json(const Scenario& s, const Catalogue& catalogue, const EigenBijdrageRules& rules) {
    const Date on = s.melding;
    if (!computable(tariff_used(rules, on))) return JsonObject().add("total", json(nullptr)).add("per_year", json::array());
    const Charges charges = count_charges(s, catalogue, rules, on);
    json out = json::object(), notes = json::array();
    put_projection(out, notes, rules, on, who_pays(charges, partner_under_aow(s, rules, on)), charges);
    return JsonObject().add("total", std::move(out["total"])).add("per_year", std::move(out["per_year"]));
}

json costs_json(const Scenario& s, const Catalogue& catalogue, const EigenBijdrageRules& rules,
                const FinancingRules& financing) {
    json out = costs_json(s, catalogue, rules);
    out["financing"] = financing_rules_json(financing);
    return out;
}

json costs_json(const Scenario& s, const Catalogue& catalogue) {
    return costs_json(s, catalogue, embedded_eigen_bijdrage(), embedded_financing());
}

json financing_rules_json(const FinancingRules& financing) {
    json groups = json::object();
    for (const auto& g : financing.groups) {
        json entry = JsonObject()
                         .add("label", g.label)
                         .add("law", to_string(g.law))
                         .add("hattem_text", g.definition.at("hattem_text"))
                         .add("hattem_source", g.definition.at("hattem_source"));
        if (g.definition.contains("als_text")) {
            entry["als_text"] = g.definition.at("als_text");
            entry["als_source"] = g.definition.at("als_source");
        }
        groups[g.id] = std::move(entry);
    }
    json hattem = financing.hattem;
    hattem["policy"] = "voorbeeld: gemeente Hattem (2014)";
    json out = JsonObject()
                   .add("forms", financing.forms)
                   .add("als_protocol", financing.als_protocol)
                   .add("hattem", std::move(hattem))
                   .add("groups", std::move(groups));
    financing.sources.intern(out);  // the quoted sources are in the result's `sources`, by id
    return out;
}

// What a provision's financing has from its group alone, the same for every
// provision of the group and every scenario: the rulebook gives it once per
// group (`provision_financing`), and the merge puts it back in each
// provision's `financing` (rulebook_json.cpp with_rulebook).
json financing_group_json(const FinancingGroup& group, const FinancingRules& financing) {
    json out = JsonObject().add("label", group.label).add("forms", group.hattem_forms);
    if (group.law == Law::zvw) return out;
    out["als_protocol"] =
        JsonObject()
            .add("preferred_forms", financing.als_protocol.at("preferred_forms"))
            .add("pgb", JsonObject().add("minimum", "minimaal de huur (de bron noemt geen bedrag)"));
    out["hattem"] =
        JsonObject()
            .add("forms", group.hattem_forms)
            // Hattem's figures are in its Besluit, not in the source: null, not invented.
            .add("pgb", JsonObject()
                            .add("amount_eur", json(nullptr))
                            .add("rule", "100% van de prijs in natura, min de contractkorting"))
            .add("maintenance_insurance", JsonObject().add("amount_eur", json(nullptr)));
    out["prior_purchase"] = JsonObject().add("fact", "zelf_aangeschaft");
    return out;
}

json financing_groups_json(const FinancingRules& financing) {
    json out = json::object();
    for (const auto& g : financing.groups) out[g.id] = financing_group_json(g, financing);
    return out;
}

// Per provision only what the scenario decides: its group (the rest of the
// group's part is the rulebook's, above), the protocol pgb's amount, the
// answer on a prior purchase and the eigen bijdrage. The shared texts and
// sources sit once in costs.financing (financing_rules_json), by id.
json financing_json(const Scenario& s, const Catalogue& catalogue, std::size_t i, const FinancingRules& financing,
                    const EigenBijdrageRules& rules) {
    const auto& group = financing.groups[financing.group_of[i]];
    const auto charge = provision_charge(s, catalogue, rules, i, s.melding);
    const auto& p = catalogue.provisions[i];
    json out = JsonObject().add("group", group.id);
    if (p.law == Law::zvw) {
        out["eigen_bijdrage"] = JsonObject().add("status", "niet_van_toepassing").add("reason_id", charge.reason_id);
        return out;
    }
    out.update(financing_amounts_json(s, catalogue, i), /*merge_objects=*/true);
    out["prior_purchase"] = JsonObject().add("answer", tri_json(boolean_fact(s.profile, "zelf_aangeschaft")));
    out["eigen_bijdrage"] =
        JsonObject()
            .add("status", charge.charged == Tri::yes ? "ja" : charge.charged == Tri::no ? "nee" : "onbekend")
            .add("reason_id", charge.reason_id);
    return out;
}

// Under the protocol the pgb of a Wmo provision follows the IVP budget (the
// table, or the user's own quote), and covers at least the rent.
json financing_amounts_json(const Scenario& s, const Catalogue& catalogue, std::size_t i) {
    if (catalogue.provisions[i].law != Law::wmo) return json::object();
    return JsonObject().add(
        "als_protocol",
        JsonObject().add("pgb", JsonObject()
                                    .add("amount_eur", s.amount(catalogue, i))
                                    .add("amount_source", s.override_eur[i] ? "override" : "table")));
}

json financing_json(const Scenario& s, const Catalogue& catalogue, std::size_t i) {
    return financing_json(s, catalogue, i, embedded_financing(), embedded_eigen_bijdrage());
}

}  // namespace ivp
