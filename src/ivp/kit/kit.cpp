#include "ivp/kit/kit.h"

#include <algorithm>

#include "ivp/costs/costs.h"
#include "ivp/base/data_reader.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/error.h"
#include "ivp/base/json_input.h"
#include "ivp/base/json_object.h"
#include "ivp/dates/timeline.h"

namespace ivp {

using json = nlohmann::json;

namespace {

// A seed source names its line and quotes the text (as the policies do).
constexpr SourceRules kKitSources{/*quote=*/true, /*line_with_seed=*/true, /*page=*/false};

void check_when(const DataReader& r, const json& when, const std::string& where, const Catalogue& catalogue) {
    r.object(when, where, "Een voorwaarde");
    r.keys(when, where, {"always", "category", "provision", "pgb_possible"});
    if (when.size() != 1) r.fail(where, "precies één voorwaarde: always, category, provision of pgb_possible");
    if (when.contains("category")) {
        const auto c = r.text(when, where, "category");
        if (c != "hulpmiddel" && c != "woonvoorziening" && c != "vervoer" && c != "zvw")
            r.fail(pointer_join(where, "category"), "onbekende categorie; gebruik hulpmiddel, woonvoorziening, vervoer of zvw");
    }
    if (when.contains("provision") && !catalogue.find(r.text(when, where, "provision")))
        r.fail(pointer_join(where, "provision"), "onbekende voorziening");
    for (const char* flag : {"always", "pgb_possible"})
        if (when.contains(flag) && !r.flag(when, where, flag, false)) r.fail(pointer_join(where, flag), "moet true zijn");
}

// Items of one list: unique ids, a text, a cite for people and a source for us.
void check_items(const DataReader& r, const json& list, const std::string& where,
                 std::initializer_list<std::string_view> optional, std::vector<std::string>* ids) {
    std::vector<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto w = pointer_join(where, i);
        r.object(list[i], w, "Een punt");
        r.keys(list[i], w, {"id", "text", "cite", "source"}, optional);
        const auto id = r.text(list[i], w, "id");
        if (std::find(seen.begin(), seen.end(), id) != seen.end()) r.fail(pointer_join(w, "id"), "dubbele id");
        seen.push_back(id);
        r.text(list[i], w, "text");
        r.text(list[i], w, "cite");
        r.source(list[i], w, "source");
    }
    if (ids) *ids = std::move(seen);
}

}  // namespace

KitData parse_kit(const json& data, const std::string& file, const Catalogue& catalogue) {
    const DataReader r(file, kKitSources);
    r.keys(data, "", {"$comment", "checklist", "requests", "escalation", "bezwaar"});
    KitData k;
    k.checklist = r.array(data, "", "checklist", /*non_empty=*/true);
    check_items(r, k.checklist, "/checklist", {"points", "date_milestone"}, &k.checklist_ids);
    k.requests = r.array(data, "", "requests", /*non_empty=*/true);
    check_items(r, k.requests, "/requests", {"when"}, nullptr);
    for (std::size_t i = 0; i < k.requests.size(); ++i)
        check_when(r, r.field(k.requests[i], pointer_join("/requests", i), "when"),
                   pointer_join(pointer_join("/requests", i), "when"), catalogue);
    const auto& esc = r.field(data, "", "escalation");
    r.keys(esc, "/escalation", {"$comment", "wait", "steps"});
    k.wait = r.field(esc, "/escalation", "wait");
    r.keys(k.wait, "/escalation/wait", {"werkdagen", "basis", "reasoning"});
    k.wait_werkdagen = static_cast<int>(r.integer(k.wait, "/escalation/wait", "werkdagen", 0, 60, "Het aantal werkdagen"));
    if (r.text(k.wait, "/escalation/wait", "basis") != "aanname") r.fail("/escalation/wait/basis", "moet \"aanname\" zijn");
    r.text(k.wait, "/escalation/wait", "reasoning");
    k.steps = r.array(esc, "/escalation", "steps", /*non_empty=*/true);
    check_items(r, k.steps, "/escalation/steps", {"who", "contact"}, nullptr);
    k.bezwaar = r.field(data, "", "bezwaar");
    r.keys(k.bezwaar, "/bezwaar", {"weken", "label", "cite", "source", "bekendmaking"});
    k.bezwaar_weken = static_cast<int>(r.integer(k.bezwaar, "/bezwaar", "weken", 1, 52, "Het aantal weken"));
    r.text(k.bezwaar, "/bezwaar", "label");
    r.text(k.bezwaar, "/bezwaar", "cite");
    r.text(k.bezwaar, "/bezwaar", "source");
    k.sources.add_all(data);
    return k;
}

const KitData& embedded_kit() {
    static const KitData kit =
        parse_kit(parse_data_json(embedded::data_file("kit.json")), "data/kit.json", embedded_catalogue());
    return kit;
}

// ---------------------------------------------------------------------------
// The scenario's own fields.

namespace {

// A line the user typed: a text of at most `max` characters without control
// characters (a newline only where `multiline`).
std::string typed_text(const json& v, const std::string& where, std::size_t max, bool multiline) {
    if (!v.is_string()) throw InputError(where, "dit moet een tekst zijn, maar is " + dutch_type_name(v) + ".");
    const auto text = v.get<std::string>();
    if (text.size() > max)
        throw InputError(where, "deze tekst is te lang (meer dan " + std::to_string(max) + " tekens).");
    for (unsigned char c : text)
        if ((c < 0x20 && !(multiline && c == '\n')) || c == 0x7f)
            throw InputError(where, multiline ? "deze tekst bevat een teken dat geen letter, cijfer of nieuwe regel is."
                                              : "deze tekst moet op één regel staan, zonder tabs of andere stuurtekens.");
    return text;
}

}  // namespace

void read_kit_fields(const json& input, Scenario& s) {
    if (input.contains("checklist")) {
        const auto& list = input.at("checklist");
        if (!list.is_array())
            throw InputError("/checklist", "checklist moet een lijst van afgevinkte punten zijn, maar is " +
                                               dutch_type_name(list) + ".");
        const auto& known = embedded_kit().checklist_ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto where = pointer_join("/checklist", i);
            if (!list[i].is_string()) throw InputError(where, "een punt van de checklist is een id (een tekst).");
            const auto id = list[i].get<std::string>();
            if (std::find(known.begin(), known.end(), id) == known.end())
                throw InputError(where, "onbekend punt " + quote_for_message(id) + " van de checklist.");
            if (std::find(s.checklist.begin(), s.checklist.end(), id) != s.checklist.end())
                throw InputError(where, quote_for_message(id) + " staat twee keer in de checklist.");
            s.checklist.push_back(id);
        }
    }
    if (input.contains("brief")) {
        const auto& b = input.at("brief");
        require_object(b, "/brief", "brief");
        reject_unknown_keys(b, "/brief", {"naam", "adres", "gemeente"});
        if (b.contains("naam")) s.brief_naam = typed_text(b.at("naam"), "/brief/naam", 200, false);
        if (b.contains("adres")) s.brief_adres = typed_text(b.at("adres"), "/brief/adres", 400, true);
        if (b.contains("gemeente")) s.brief_gemeente = typed_text(b.at("gemeente"), "/brief/gemeente", 200, false);
    }
}

// ---------------------------------------------------------------------------
// The result's `kit`.

Date bezwaar_deadline(Date bekendmaking, int weken, const Calendar& calendar) {
    // 6:8 lid 1: the term starts the day after the bekendmaking; six weeks
    // from that day end on bekendmaking + 42 days.
    return calendar.atw_extend(add_days(bekendmaking, 7 * weken));
}

namespace {

bool before(Date a, Date b) { return std::chrono::sys_days{a} < std::chrono::sys_days{b}; }

const Milestone* find_milestone(const std::vector<Milestone>& milestones, std::string_view id) {
    for (const auto& m : milestones)
        if (m.id == id) return &m;
    return nullptr;
}

// Per item only what the scenario decides: its id, whether it is ticked and
// its date. The item's text, cite, source and points are the same in every
// result: the rulebook's `kit.checklist.<id>` (kit_texts_json).
json checklist_json(const Scenario& s, const KitData& kit, const Procedure& procedure) {
    json out = json::array();
    for (const auto& item : kit.checklist) {
        json entry = JsonObject().add("id", item.at("id"));
        entry["done"] = std::find(s.checklist.begin(), s.checklist.end(), item.at("id").get<std::string>()) !=
                        s.checklist.end();
        if (item.contains("date_milestone")) {
            const auto* m = find_milestone(procedure.wmo_2015, item.at("date_milestone").get<std::string>());
            if (m) entry["date"] = format_iso_date(m->date);
        }
        out.push_back(std::move(entry));
    }
    return out;
}

// Names of the selected provisions for which `when` holds (empty when none);
// {"always": true} holds without naming any.
std::vector<std::string> matching(const json& when, const Scenario& s, const Catalogue& catalogue, const Terms& terms) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < catalogue.provisions.size(); ++i) {
        if (!s.selected[i]) continue;
        const auto& p = catalogue.provisions[i];
        bool hit = false;
        if (when.contains("category")) hit = to_string(terms.category[i]) == when.at("category").get<std::string>();
        if (when.contains("provision")) hit = p.id == when.at("provision").get<std::string>();
        // Under the protocol every Wmo provision may be a pgb (5) Verstrekkingen,
        // financing.json als_protocol.preferred_forms); the zorgverzekeraar decides for Zvw.
        if (when.contains("pgb_possible")) hit = p.law == Law::wmo;
        if (hit) names.push_back(p.name);
    }
    return names;
}

json requests_json(const Scenario& s, const KitData& kit, const Catalogue& catalogue, const Terms& terms) {
    json out = json::array();
    for (const auto& item : kit.requests) {
        const auto& when = item.at("when");
        json entry = JsonObject().add("id", item.at("id"));  // its text, cite and source: kit_texts_json
        if (!when.contains("always")) {
            const auto names = matching(when, s, catalogue, terms);
            if (names.empty()) continue;
            entry["voor"] = names;
        }
        out.push_back(std::move(entry));
    }
    return out;
}

// The first working day on or after `date`.
Date working_day_from(Date date, const Calendar& calendar) {
    return calendar.is_working_day(date) ? date : calendar.add_working_days(date, 1);
}

// The protocol's steps (contact person, casemanager, Het Juiste Loket) from
// `start`, each `wait` working days after the previous one (an assumption).
json protocol_steps(Date start, const KitData& kit, const Calendar& calendar) {
    json steps = json::array();
    int order = 0;
    for (const auto& step : kit.steps) {
        json entry = step;
        entry["order"] = ++order;
        entry["date"] = format_iso_date(calendar.add_working_days(start, (order - 1) * kit.wait_werkdagen));
        steps.push_back(std::move(entry));
    }
    return steps;
}

// The last step for the Wmo beschikking: the ingebrekestelling of Awb 4:17,
// with the dates of late_decision. It need not wait for the other steps.
json ingebrekestelling_step(int order, const json& late, const Terms& terms) {
    const auto& d = late.at("dwangsom");
    json step = JsonObject()
                    .add("id", "ingebrekestelling")
                    .add("order", order)
                    .add("who", "Het college van burgemeester en wethouders")
                    .add("date", d.at("ingebrekestelling_ontvangen"))
                    .add("dwangsom_eerste_dag", d.at("eerste_dag"))
                    .add("dwangsom_laatste_dag", d.at("laatste_dag"))
                    .add("letter", "ingebrekestelling")
                    .add("text",
                         "Stuur een ingebrekestelling: een brief waarin u de gemeente vraagt alsnog binnen twee weken "
                         "te beslissen. U hoeft niet te wachten op de stappen hiervoor: hoe eerder de gemeente de brief "
                         "ontvangt, hoe eerder de dwangsom loopt. Bewaar het bewijs dat de gemeente hem ontving.")
                    .add("cite", "Awb art. 4:17 lid 1 tot en met 3")
                    .add("source", terms.dwangsom_source);
    if (d.contains("maximum")) step["dwangsom_maximum"] = d.at("maximum");
    return step;
}

// `label` and `basis`: the milestone's own, or for a provision's milestone
// the result's tables (src/ivp/dates/timeline.h milestone_label).
json escalation_entry(const Milestone& milestone, const std::string& label, const std::string& basis, Date peildatum,
                      const KitData& kit, const Calendar& calendar) {
    const Date end = milestone.date;
    const Date after = add_days(end, 1);
    const Date start = working_day_from(before(after, peildatum) ? peildatum : after, calendar);
    return JsonObject()
        .add("milestone", milestone.id)
        .add("label", label)
        .add("termijn_einde", format_iso_date(end))
        .add("basis", basis)
        .add("steps", protocol_steps(start, kit, calendar));
}

// After a late onderzoek the client may file the aanvraag: one more step, on
// the day of the first.
void add_aanvraag_indienen_step(json& steps) {
    steps.push_back(JsonObject()
                        .add("id", "aanvraag_indienen")
                        .add("order", steps.size() + 1)
                        .add("date", steps[0]["date"])
                        .add("text",
                             "U mag nu zelf een aanvraag indienen, ook als het onderzoek niet klaar "
                             "is. Doe dat schriftelijk en bewaar een kopie. Dan gaat de termijn voor "
                             "het besluit lopen.")
                        .add("cite", "Wmo 2015 art. 2.3.2 lid 9"));
}

// The Wmo procedure's missed terms, each its own entry.
void put_wmo_escalations(json& terms, const Scenario& s, const KitData& kit, const Terms& tables,
                         const Calendar& calendar, const Procedure& procedure, const json& late) {
    for (const auto& m : procedure.wmo_2015) {
        const auto& id = m.id;
        if (m.status != "verstreken" || id == "wmo_persoonlijk_plan") continue;
        // Once the aanvraag is in, a late onderzoek is no longer the next thing to chase.
        if (id == "wmo_onderzoek" && s.dates.count("aanvraag")) continue;
        json entry = escalation_entry(m, milestone_label(tables, m), milestone_basis(tables, m, ""), s.peildatum, kit, calendar);
        if (id == "wmo_onderzoek") add_aanvraag_indienen_step(entry["steps"]);
        if (id == "wmo_beschikking" && late.contains("dwangsom"))
            entry["steps"].push_back(ingebrekestelling_step(static_cast<int>(entry["steps"].size()) + 1, late, tables));
        terms.push_back(std::move(entry));
    }
}

// Each provision's first missed ALS milestone. Provisions that missed the
// same milestone on the same day share one entry.
std::vector<json> provision_escalations(const Scenario& s, const KitData& kit, const Terms& tables,
                                        const Calendar& calendar, const json& provisions,
                                        const std::vector<const Track*>& als_tracks) {
    std::vector<json> per_provision;
    for (std::size_t k = 0; k < provisions.size(); ++k) {
        const auto& p = provisions[k];
        for (const auto& m : als_tracks.at(k)->milestones) {
            if (m.status != "verstreken") continue;
            const std::string date = format_iso_date(m.date);
            auto same = std::find_if(per_provision.begin(), per_provision.end(), [&](const json& e) {
                return e.at("milestone") == m.id && e.at("termijn_einde") == date;
            });
            if (same == per_provision.end()) {
                per_provision.push_back(escalation_entry(m, milestone_label(tables, m),
                                                         milestone_basis(tables, m, p.at("name").get<std::string>()),
                                                         s.peildatum, kit, calendar));
                same = per_provision.end() - 1;
            }
            (*same)["provisions"].push_back(p.at("name"));
            break;
        }
    }
    return per_provision;
}

// Per missed term (status "verstreken": passed, the event not entered) the
// next steps in order. The Wmo procedure's terms each count; per provision
// only its first missed ALS milestone (the later ones follow from it).
json escalation_json(const Scenario& s, const KitData& kit, const Terms& tables, const Calendar& calendar,
                     const Procedure& procedure, const json& provisions, const std::vector<const Track*>& als_tracks,
                     const json& late) {
    json terms = json::array();
    put_wmo_escalations(terms, s, kit, tables, calendar, procedure, late);
    for (auto& e : provision_escalations(s, kit, tables, calendar, provisions, als_tracks)) terms.push_back(std::move(e));
    return JsonObject().add("wait", kit.wait).add("terms", std::move(terms));
}

json bezwaar_json(const Scenario& s, const KitData& kit, const Calendar& calendar) {
    const auto it = s.dates.find("beschikking");
    if (it == s.dates.end()) return nullptr;
    const Date decided = it->second;
    const Date raw = add_days(decided, 7 * kit.bezwaar_weken);
    const Date end = bezwaar_deadline(decided, kit.bezwaar_weken, calendar);
    return JsonObject()
        .add("label", kit.bezwaar.at("label"))
        .add("beschikking", format_iso_date(decided))
        .add("termijn_start", format_iso_date(add_days(decided, 1)))
        .add("termijn_einde", format_iso_date(end))
        .add("atw_verschoven", before(raw, end))
        .add("term", JsonObject().add("amount", kit.bezwaar_weken).add("unit", "weken"))
        .add("status", before(end, s.peildatum) ? "verstreken" : "open")
        .add("bekendmaking", kit.bezwaar.at("bekendmaking"))
        .add("cite", kit.bezwaar.at("cite"))
        .add("source", kit.bezwaar.at("source"));
}

}  // namespace

json kit_texts_json() {
    const auto& kit = embedded_kit();
    json checklist = json::object(), requests = json::object();
    for (const auto& item : kit.checklist) {
        json entry = item;
        entry.erase("id");
        entry.erase("date_milestone");
        checklist[item.at("id").get<std::string>()] = std::move(entry);
    }
    for (const auto& item : kit.requests)
        requests[item.at("id").get<std::string>()] =
            JsonObject().add("text", item.at("text")).add("cite", item.at("cite")).add("source", item.at("source"));
    json out = JsonObject().add("checklist", std::move(checklist)).add("requests", std::move(requests));
    kit.sources.intern(out);  // by id, as in the result
    return out;
}

json kit_json(const Scenario& s, const Catalogue& catalogue, const Terms& terms, const Calendar& calendar,
              const Procedure& procedure, const json& provisions, const std::vector<const Track*>& als_tracks,
              const json& late) {
    const auto& kit = embedded_kit();
    json out = JsonObject()
                   .add("checklist", checklist_json(s, kit, procedure))
                   .add("requests", requests_json(s, kit, catalogue, terms))
                   .add("escalation", escalation_json(s, kit, terms, calendar, procedure, provisions, als_tracks, late))
                   .add("bezwaar", bezwaar_json(s, kit, calendar));
    kit.sources.intern(out);  // the quoted sources are in the result's `sources`, by id
    return out;
}

}  // namespace ivp
