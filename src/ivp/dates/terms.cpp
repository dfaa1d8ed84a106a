#include "ivp/dates/terms.h"

#include <limits>
#include <optional>
#include <nlohmann/json.hpp>
#include <string_view>

#include "ivp/base/data_reader.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/error.h"
#include "ivp/base/sources.h"

namespace ivp {

namespace {

constexpr const char* kFile = "data/terms.json";

// Sources here are quoted in the timeline: a seed reference names its line
// and the sentence (or the source is one plain sentence, see source_of).
const DataReader& reader() {
    static const DataReader r(kFile, SourceRules{.quote = true, .line_with_seed = true});
    return r;
}

[[noreturn]] void bad(const std::string& where, const std::string& message) { reader().fail(where, message); }

const nlohmann::json& at(const nlohmann::json& object, const std::string& key, const std::string& where) {
    return reader().field(object, where, key);
}

std::string text(const nlohmann::json& object, const std::string& key, const std::string& where) {
    return reader().text(object, where, key);
}

// A source is either a sentence, or a seed reference {seed, section, line, text}
// that we render as one sentence so that every term reads the same way.
std::string source_of(const nlohmann::json& object, const std::string& where) {
    const auto& s = at(object, "source", where);
    if (s.is_string() && !s.get<std::string>().empty()) return s.get<std::string>();
    if (!s.is_object()) bad(where + "/source", "moet een tekst of een seed-verwijzing zijn");
    const std::string w = where + "/source";
    const auto seed = text(s, "seed", w);  // rendered below: a title or url alone will not do
    reader().source(object, where, "source");
    // The document's title (data/sources.json), not the seed file or its line (issue 12).
    const auto doc = document_for_seed(seed);
    const std::string title = doc.is_object() ? doc.at("title").get<std::string>() : seed;
    return title + ", " + text(s, "section", w) + ": \"" + text(s, "text", w) + "\"";
}

Term term(const nlohmann::json& object, const std::string& where, TermUnit unit, const char* unit_key) {
    const auto n = static_cast<int>(reader().integer(object, where, unit_key, 1, 400, "De termijn"));
    return Term{n, unit, text(object, "label", where), text(object, "cite", where), source_of(object, where)};
}

Date date_at(const nlohmann::json& object, const std::string& key, const std::string& where) {
    return reader().date(object, where, key);
}

}  // namespace

std::string_view to_string(TermUnit unit) {
    switch (unit) {
        case TermUnit::werkdagen: return "werkdagen";
        case TermUnit::dagen: return "dagen";
        case TermUnit::weken: return "weken";
    }
    return "?";
}

std::string_view to_string(ProcedureCategory category) {
    switch (category) {
        case ProcedureCategory::hulpmiddel: return "hulpmiddel";
        case ProcedureCategory::woonvoorziening: return "woonvoorziening";
        case ProcedureCategory::vervoer: return "vervoer";
        case ProcedureCategory::zvw: return "zvw";
    }
    return "?";
}

const DwangsomAmounts* Terms::dwangsom_for(Date received) const {
    for (const auto& a : dwangsom_amounts) {
        if (std::chrono::sys_days{received} < std::chrono::sys_days{a.valid_from}) continue;
        if (a.valid_until && std::chrono::sys_days{received} >= std::chrono::sys_days{*a.valid_until}) continue;
        return &a;
    }
    return nullptr;
}

namespace {

// The ALS protocol's SLA phases: their labels, cite and source.
void parse_sla_phases(const nlohmann::json& als, Terms& t) {
    const std::string w = "/als_protocol/sla_phases";
    const auto& phases = at(als, "sla_phases", "/als_protocol");
    auto label = [&](const char* key) { return text(at(phases, key, w), "label", w + "/" + key); };
    t.sla_label_revalidatie = label("revalidatie");
    t.sla_label_financier_wmo = label("financier_wmo");
    t.sla_label_financier_zvw = label("financier_zvw");
    t.sla_label_leverancier = label("leverancier");
    t.sla_cite = text(phases, "cite", w);
    t.sla_source = source_of(phases, w);
}

// The ALS protocol's procedure terms, all in working days.
void parse_procedure(const nlohmann::json& als, Terms& t) {
    const std::string pw = "/als_protocol/procedure";
    const auto& procedure = at(als, "procedure", "/als_protocol");
    auto wd = [&](const char* key) { return term(at(procedure, key, pw), pw + "/" + key, TermUnit::werkdagen, "werkdagen"); };
    t.melding_doorgegeven = wd("melding_doorgegeven");
    t.passing_gepland = wd("passing_gepland");
    t.levering_zonder_levertijd = wd("levering_zonder_levertijd");
    t.levering_met_levertijd = wd("levering_met_levertijd");
    t.woning_enkelvoudig = wd("woning_enkelvoudig");
    t.woning_meervoudig = wd("woning_meervoudig");
}

std::optional<ProcedureCategory> category_named(const std::string& c) {
    if (c == "hulpmiddel") return ProcedureCategory::hulpmiddel;
    if (c == "woonvoorziening") return ProcedureCategory::woonvoorziening;
    if (c == "vervoer") return ProcedureCategory::vervoer;
    if (c == "zvw") return ProcedureCategory::zvw;
    return std::nullopt;
}

// Catala's rule: every provision of the catalogue gets a category, and no
// category names a provision that does not exist.
void parse_categories(const nlohmann::json& als, const Catalogue& catalogue, Terms& t) {
    const auto& categories = at(als, "categories", "/als_protocol");
    t.category.assign(catalogue.provisions.size(), ProcedureCategory::zvw);
    for (const auto& [id, value] : categories.items()) {
        if (id == "$comment") continue;
        const auto index = catalogue.find(id);
        if (!index) bad("/als_protocol/categories/" + id, "onbekende voorziening");
        const std::string c = value.is_string() ? value.get<std::string>() : "";
        const auto category = category_named(c);
        if (!category) bad("/als_protocol/categories/" + id, "categorie moet hulpmiddel, woonvoorziening, vervoer of zvw zijn");
        t.category[*index] = *category;
        if ((c == "zvw") != (catalogue.provisions[*index].law == Law::zvw))
            bad("/als_protocol/categories/" + id, "zvw hoort precies bij de voorzieningen van de Zvw");
    }
    for (const auto& p : catalogue.provisions)
        if (!categories.contains(p.id)) bad("/als_protocol/categories", "categorie ontbreekt voor \"" + p.id + "\"");
}

// The Wmo 2015's own terms (persoonlijk plan, onderzoek, beschikking).
void parse_wmo_2015(const nlohmann::json& data, Terms& t) {
    const auto& wmo = at(data, "wmo_2015", "");
    t.persoonlijk_plan = term(at(wmo, "persoonlijk_plan", "/wmo_2015"), "/wmo_2015/persoonlijk_plan", TermUnit::dagen, "dagen");
    t.onderzoek = term(at(wmo, "onderzoek", "/wmo_2015"), "/wmo_2015/onderzoek", TermUnit::weken, "weken");
    t.beschikking = term(at(wmo, "beschikking", "/wmo_2015"), "/wmo_2015/beschikking", TermUnit::weken, "weken");
    const auto& mogelijk = at(wmo, "aanvraag_mogelijk", "/wmo_2015");
    t.aanvraag_mogelijk_label = text(mogelijk, "label", "/wmo_2015/aanvraag_mogelijk");
    t.aanvraag_mogelijk_cite = text(mogelijk, "cite", "/wmo_2015/aanvraag_mogelijk");
    t.aanvraag_mogelijk_source = source_of(mogelijk, "/wmo_2015/aanvraag_mogelijk");
}

// The example municipality's terms (beslistermijn, verdaging).
void parse_gemeente(const nlohmann::json& data, Terms& t) {
    const auto& gemeente = at(data, "gemeente", "");
    t.gemeente_id = text(gemeente, "id", "/gemeente");
    t.gemeente_title = text(gemeente, "title", "/gemeente");
    t.gemeente_caveat = text(gemeente, "caveat", "/gemeente");
    t.gemeente_beslistermijn = term(at(gemeente, "beslistermijn", "/gemeente"), "/gemeente/beslistermijn", TermUnit::weken, "weken");
    t.gemeente_verdaging = term(at(gemeente, "verdaging", "/gemeente"), "/gemeente/verdaging", TermUnit::weken, "weken");
}

constexpr std::int64_t kMaxInt = std::numeric_limits<int>::max();

// The dwangsom's tiers of one period; they add up to max_dagen.
std::vector<DwangsomTier> parse_tiers(const nlohmann::json& tiers, const std::string& w, int max_dagen) {
    std::vector<DwangsomTier> out;
    reader().array_value(tiers, w + "/tiers");
    std::int64_t total_days = 0;
    for (std::size_t k = 0; k < tiers.size(); ++k) {
        const auto tw = w + "/tiers/" + std::to_string(k);
        const auto days = static_cast<int>(reader().integer(tiers[k], tw, "days", 1, kMaxInt, "Het aantal dagen"));
        const auto cents = reader().integer(tiers[k], tw, "eurocents_per_day", 0, 1'000'000'000, "Het bedrag");
        out.push_back({days, cents});
        total_days += days;
    }
    if (total_days != max_dagen) bad(w + "/tiers", "de schijven tellen niet op tot max_dagen");
    return out;
}

// One dated period of dwangsom amounts. A date-coverage check (Catala/
// OpenFisca): periods follow each other without a gap or an overlap, and
// only the last one is open-ended.
DwangsomAmounts parse_amounts_period(const nlohmann::json& period, const std::string& w, const Terms& t) {
    DwangsomAmounts a;
    a.valid_from = date_at(period, "valid_from", w);
    const auto& until = at(period, "valid_until", w);
    if (!until.is_null()) a.valid_until = date_at(period, "valid_until", w);
    const auto& tiers = at(period, "tiers", w);
    if (!tiers.is_null()) a.tiers = parse_tiers(tiers, w, t.dwangsom_max_dagen);
    a.source = source_of(period, w);
    if (!t.dwangsom_amounts.empty()) {
        const auto& previous = t.dwangsom_amounts.back();
        if (!previous.valid_until || std::chrono::sys_days{*previous.valid_until} != std::chrono::sys_days{a.valid_from})
            bad(w + "/valid_from", "sluit niet aan op valid_until van de vorige periode");
    }
    if (a.valid_until && std::chrono::sys_days{*a.valid_until} <= std::chrono::sys_days{a.valid_from})
        bad(w + "/valid_until", "ligt niet na valid_from");
    return a;
}

// Awb 4:17: the dwangsom bij niet tijdig beslissen, dated amounts.
void parse_awb_4_17(const nlohmann::json& data, Terms& t) {
    const auto& awb = at(data, "awb_4_17", "");
    t.dwangsom_max_dagen = static_cast<int>(reader().integer(awb, "/awb_4_17", "max_dagen", 1, kMaxInt, "Het aantal dagen"));
    t.dwangsom_wachttijd_dagen =
        static_cast<int>(reader().integer(awb, "/awb_4_17", "wachttijd_dagen", 1, kMaxInt, "Het aantal dagen"));
    t.dwangsom_source = source_of(awb, "/awb_4_17");
    const auto& amounts = reader().array(awb, "/awb_4_17", "amounts", /*non_empty=*/true);
    for (std::size_t i = 0; i < amounts.size(); ++i)
        t.dwangsom_amounts.push_back(parse_amounts_period(amounts[i], "/awb_4_17/amounts/" + std::to_string(i), t));
    if (t.dwangsom_amounts.back().valid_until) bad("/awb_4_17/amounts", "de laatste periode moet open zijn (valid_until null)");
}

}  // namespace

Terms parse_terms(const std::string& json_text, const Catalogue& catalogue) {
    nlohmann::json data;
    try {
        data = parse_data_json(json_text);
    } catch (const JsonTextError& e) {
        bad("", std::string("geen geldige JSON: ") + e.what());
    }
    Terms t;
    const auto& als = at(data, "als_protocol", "");
    parse_sla_phases(als, t);
    parse_procedure(als, t);
    parse_categories(als, catalogue, t);
    parse_wmo_2015(data, t);
    parse_gemeente(data, t);
    parse_awb_4_17(data, t);
    return t;
}

const Terms& embedded_terms() {
    static const Terms terms = parse_terms(std::string(embedded::data_file("terms.json")), embedded_catalogue());
    return terms;
}

}  // namespace ivp
