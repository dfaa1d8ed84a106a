#include "ivp/dates/timeline.h"

#include <algorithm>
#include <optional>
#include <string>

#include "ivp/dates/actual_dates.h"
#include "ivp/budget/plan.h"

namespace ivp {

namespace {

using nlohmann::json;
using namespace std::chrono;

bool before(Date a, Date b) { return sys_days{a} < sys_days{b}; }

// Where a term starts: an event and its date, entered by the user
// ("werkelijk"), the melding itself, or computed ("verwacht").
struct Anchor {
    std::string event;
    Date date;
    std::string kind;  // "melding", "werkelijk", "verwacht"
};

json anchor_json(const Anchor& a) { return {{"event", a.event}, {"date", format_iso_date(a.date)}, {"kind", a.kind}}; }

Anchor actual_or(const std::optional<Date>& actual, const std::string& event, Date expected) {
    if (actual) return {event, *actual, "werkelijk"};
    return {event, expected, "verwacht"};
}

struct Ends {
    Date end;
    bool atw_moved = false;
};

// The last day of a term. Werkdagen count working days (the N-th working day
// after `from`, `from` not counted). Days and weeks are calendar time; when
// they end on a Saturday, Sunday or feestdag, Atw art. 1 lid 1 moves the end
// to the next day that is none of these.
Ends term_end(const Calendar& calendar, Date from, const Term& term) {
    switch (term.unit) {
        case TermUnit::werkdagen: return {calendar.add_working_days(from, term.amount), false};
        case TermUnit::dagen:
        case TermUnit::weken: {
            const Date raw = add_days(from, term.unit == TermUnit::weken ? 7 * term.amount : term.amount);
            const Date moved = calendar.atw_extend(raw);
            return {moved, sys_days{moved} != sys_days{raw}};
        }
    }
    return {from, false};
}

struct Advice {
    std::string if_open;  // what to do while the term runs
    std::string if_late;  // what to do once it has passed without the event
};

// One deadline: its date, where it starts, what really happened, and whether
// the term was met. `werkdagen_verschil` is positive when late.
json milestone(const std::string& id, const Term& term, const Anchor& from, const std::optional<Date>& actual,
               const std::string& actual_event, const Advice& advice, const Scenario& s, const Calendar& calendar,
               bool late_actual_is_unknown = false) {
    const Ends ends = term_end(calendar, from.date, term);
    json m = {{"id", id},
              {"label", term.label},
              {"date", format_iso_date(ends.end)},
              {"from", anchor_json(from)},
              {"term", {{"amount", term.amount}, {"unit", to_string(term.unit)}}},
              {"basis", term.cite}};
    if (term.unit != TermUnit::werkdagen) m["atw_verschoven"] = ends.atw_moved;
    std::string status;
    if (actual) {
        m["actual"] = {{"event", actual_event}, {"date", format_iso_date(*actual)}};
        m["werkdagen_verschil"] = calendar.working_days_between(ends.end, *actual);
        if (!before(ends.end, *actual)) status = "gehaald";
        else status = late_actual_is_unknown ? "onbekend" : "niet_gehaald";
    } else if (!before(ends.end, s.peildatum)) {
        status = "open";
    } else {
        status = "verstreken";
        m["werkdagen_verschil"] = calendar.working_days_between(ends.end, s.peildatum);
    }
    m["status"] = status;
    if (status == "open" && !advice.if_open.empty()) m["next_step"] = advice.if_open;
    if ((status == "verstreken" || status == "niet_gehaald") && !advice.if_late.empty()) m["next_step"] = advice.if_late;
    if (status == "onbekend")
        m["next_step"] = "De passing was na deze datum. Of de afspraak op tijd gemaakt is, kunnen wij niet zien.";
    return m;
}

// "ALS protocol, IVP-tabel, rij Traplift": short, beside every date of the
// row; the quoted row itself is the provision's `source`. No seed line: a
// person cannot look that up (issue 12; the line stays in data/).
std::string row_cite(const Provision& p) {
    return "ALS protocol, IVP-tabel, rij " + p.name;
}

json phase(const std::string& id, const std::string& label, Date start, Date end, int werkdagen,
           const std::string& start_kind, const std::string& basis) {
    return {{"id", id},
            {"label", label},
            {"start", format_iso_date(start)},
            {"start_kind", start_kind},
            {"end", format_iso_date(end)},
            {"werkdagen", werkdagen},
            {"basis", basis}};
}

// A term of the provision's own SLA row; its full text is the provision's `source`.
Term werkdagen_term(int n, std::string label, std::string cite) {
    return Term{n, TermUnit::werkdagen, std::move(label), std::move(cite), ""};
}

const Advice kSlaAdvice{"", "Deze termijn uit het ALS protocol is voorbij. Vraag uw vaste contactpersoon bij de gemeente "
                            "(of de casemanager) wanneer het wel gebeurt, en wijs op de afspraken (SLA) in het ALS "
                            "protocol."};

const Advice kBeschikkingAdvice{
    "",
    "De gemeente is te laat met het besluit. Stuur een ingebrekestelling: een brief waarin u vraagt om binnen twee "
    "weken alsnog te beslissen. Beslist de gemeente dan nog niet, dan moet zij u een dwangsom betalen (Awb 4:17). "
    "Zie de datums bij \"te laat beslist\"."};

json als_protocol_track(const Scenario& s, std::size_t i, const Provision& p, const Terms& terms,
                        const Calendar& calendar) {
    // The provision's own call-off (afroep): entered, planned or the first melding (src/ivp/budget/plan.h).
    const CallOff calloff = provision_calloff(s, i, p, calendar);
    const Anchor melding{"melding", calloff.date, calloff.kind};
    const auto beschikking = event_date(s, i, "beschikking");
    const auto levering = event_date(s, i, "levering");
    const bool zvw = p.law == Law::zvw;
    const std::string& financier_label = zvw ? terms.sla_label_financier_zvw : terms.sla_label_financier_wmo;
    const std::string row = row_cite(p);

    // The SLA phases follow each other; the supplier's phase runs from the
    // real decision when it is known (a late decision does not shorten it).
    const Date revalidatie_end = calendar.add_working_days(melding.date, p.sla.revalidatie);
    const Date financier_end = calendar.add_working_days(revalidatie_end, p.sla.financier);
    const Anchor leverancier_start = actual_or(beschikking, "beschikking", financier_end);
    const Date leverancier_end = calendar.add_working_days(leverancier_start.date, p.sla.leverancier);

    json phases = json::array({
        phase("revalidatie", terms.sla_label_revalidatie, melding.date, revalidatie_end, p.sla.revalidatie,
              melding.kind, row),
        phase("financier", financier_label, revalidatie_end, financier_end, p.sla.financier, "verwacht", row),
        phase("leverancier", terms.sla_label_leverancier, leverancier_start.date, leverancier_end,
              p.sla.leverancier, leverancier_start.kind, row),
    });

    json milestones = json::array();
    milestones.push_back(milestone(
        "sla_besluit",
        werkdagen_term(p.sla.revalidatie + p.sla.financier, financier_label + " volgens de SLA, uiterlijk", row),
        melding, beschikking, "beschikking", kSlaAdvice, s, calendar));
    milestones.push_back(milestone(
        "sla_levering",
        werkdagen_term(p.sla.leverancier, terms.sla_label_leverancier + " volgens de SLA, uiterlijk", row),
        leverancier_start, levering, "levering", kSlaAdvice, s, calendar));

    json procedure_note;
    const auto category = terms.category[i];
    if (category == ProcedureCategory::hulpmiddel) {
        const auto doorgegeven = event_date(s, i, "doorgegeven");
        const auto passing = event_date(s, i, "passing");
        json m1 = milestone("als_doorgegeven", terms.melding_doorgegeven, melding, doorgegeven, "doorgegeven",
                            kSlaAdvice, s, calendar);
        const Anchor passing_from = actual_or(doorgegeven, "doorgegeven", *parse_iso_date(m1["date"].get<std::string>()));
        json m2 = milestone("als_passing_gepland", terms.passing_gepland, passing_from, passing, "passing", kSlaAdvice, s,
                            calendar, /*late_actual_is_unknown=*/true);
        // Until the passing is known we count from the last day to plan it:
        // the protocol puts the passing itself "uiterlijk in de volgende week".
        const Anchor levering_from = actual_or(passing, "passing", *parse_iso_date(m2["date"].get<std::string>()));
        json m3 = milestone("als_levering_zonder_levertijd", terms.levering_zonder_levertijd, levering_from, levering,
                            "levering", kSlaAdvice, s, calendar);
        json m4 = milestone("als_levering_met_levertijd", terms.levering_met_levertijd, levering_from, levering,
                            "levering", kSlaAdvice, s, calendar);
        for (auto* m : {&m1, &m2, &m3, &m4}) milestones.push_back(std::move(*m));
    } else if (category == ProcedureCategory::woonvoorziening) {
        const Anchor toekenning = actual_or(beschikking, "beschikking", financier_end);
        milestones.push_back(milestone("als_woning_enkelvoudig", terms.woning_enkelvoudig, toekenning, levering,
                                       "levering", kSlaAdvice, s, calendar));
        milestones.push_back(milestone("als_woning_meervoudig", terms.woning_meervoudig, toekenning, levering,
                                       "levering", kSlaAdvice, s, calendar));
    } else if (category == ProcedureCategory::vervoer) {
        procedure_note = "Het ALS protocol noemt voor de vervoersvoorziening (3) geen eigen termijnen; alleen de SLA "
                         "uit de tabel geldt.";
    } else {
        procedure_note = "Het ALS protocol regelt de uitvoering van de Wmo. Voor deze voorziening beslist de "
                         "zorgverzekeraar; alleen de SLA uit de tabel geldt.";
    }
    json track = {{"label", "ALS protocol (SLA)"},
                  {"category", to_string(category)},
                  {"phases", std::move(phases)},
                  {"milestones", std::move(milestones)},
                  {"end", format_iso_date(leverancier_end)},
                  {"basis", terms.sla_cite}};
    if (!procedure_note.is_null()) track["procedure_note"] = procedure_note;
    return track;
}

json not_applicable(const char* label) {
    return {{"label", label},
            {"applies", false},
            {"reason", "Deze voorziening valt onder de Zorgverzekeringswet: de zorgverzekeraar beslist. De termijnen "
                       "van de Wmo 2015 en van de gemeente gelden hier niet."}};
}

// The Wmo 2015 onderzoek ends six weeks after the melding (moved by Atw art. 1);
// without an aanvraag date we expect the aanvraag then.
Anchor wmo_aanvraag(const Scenario& s, std::size_t i, Date melding, const Terms& terms, const Calendar& calendar) {
    return actual_or(event_date(s, i, "aanvraag"), "aanvraag", term_end(calendar, melding, terms.onderzoek).end);
}

json supplier_phase(const Anchor& start, const Provision& p, const Terms& terms, const Calendar& calendar) {
    return phase("leverancier", terms.sla_label_leverancier, start.date,
                 calendar.add_working_days(start.date, p.sla.leverancier), p.sla.leverancier, start.kind,
                 row_cite(p) + ", leverancier, vanaf het besluit");
}

json wmo_track(const Scenario& s, std::size_t i, const Provision& p, const Terms& terms, const Calendar& calendar) {
    if (p.law == Law::zvw) return not_applicable("Wmo 2015 (wet)");
    const Date melding = provision_calloff(s, i, p, calendar).date;
    const Anchor aanvraag = wmo_aanvraag(s, i, melding, terms, calendar);
    const auto beschikking = event_date(s, i, "beschikking");
    json m = milestone("wmo_beschikking", terms.beschikking, aanvraag, beschikking, "beschikking", kBeschikkingAdvice,
                       s, calendar);
    const Anchor decided = actual_or(beschikking, "beschikking", *parse_iso_date(m["date"].get<std::string>()));
    json supplier = supplier_phase(decided, p, terms, calendar);
    const std::string end = supplier["end"];
    return {{"label", "Wmo 2015 (wet)"},
            {"applies", true},
            {"milestones", json::array({std::move(m)})},
            {"phases", json::array({std::move(supplier)})},
            {"end", end}};
}

// Hattem 2014 was written under the Wmo 2007: the term ran from the aanvraag
// and there was no separate melding. Without an aanvraag date we count from
// the melding, the first request the municipality received.
Anchor gemeente_aanvraag(const Scenario& s, std::size_t i, const Provision& p, const Calendar& calendar) {
    if (const auto a = event_date(s, i, "aanvraag")) return {"aanvraag", *a, "werkelijk"};
    const CallOff calloff = provision_calloff(s, i, p, calendar);
    return {"melding", calloff.date, calloff.kind == "verwacht" ? "verwacht" : "melding"};
}

json gemeente_milestones(const Scenario& s, const Anchor& aanvraag, const std::optional<Date>& beschikking,
                         const Terms& terms, const Calendar& calendar) {
    json first = milestone("gemeente_beslistermijn", terms.gemeente_beslistermijn, aanvraag, beschikking, "beschikking",
                           {"", "De termijn van de gemeente is voorbij. Heeft de gemeente u laten weten dat zij "
                                "uitstel neemt? Zo niet, vraag ernaar. Uitstel mag hoogstens 8 weken."},
                           s, calendar);
    const Anchor extended{"beslistermijn", *parse_iso_date(first["date"].get<std::string>()), "verwacht"};
    json second = milestone("gemeente_verdaging", terms.gemeente_verdaging, extended, beschikking, "beschikking",
                            kBeschikkingAdvice, s, calendar);
    return json::array({std::move(first), std::move(second)});
}

json gemeente_track(const Scenario& s, std::size_t i, const Provision& p, const Terms& terms,
                    const Calendar& calendar) {
    if (p.law == Law::zvw) return not_applicable(terms.gemeente_title.c_str());
    const Anchor aanvraag = gemeente_aanvraag(s, i, p, calendar);
    const auto beschikking = event_date(s, i, "beschikking");
    json milestones = gemeente_milestones(s, aanvraag, beschikking, terms, calendar);
    const Anchor decided =
        actual_or(beschikking, "beschikking", *parse_iso_date(milestones[0]["date"].get<std::string>()));
    json supplier = supplier_phase(decided, p, terms, calendar);
    const std::string end = supplier["end"];
    return {{"label", terms.gemeente_title},
            {"id", terms.gemeente_id},
            {"applies", true},
            {"caveat", terms.gemeente_caveat},  // the site shows it beside this track
            {"milestones", std::move(milestones)},
            {"phases", json::array({std::move(supplier)})},
            {"end", end}};
}

std::string euros(std::int64_t cents) {
    // "€ 1.440,00": Dutch notation, thousands with a dot, cents after a comma.
    std::string whole = std::to_string(cents / 100);
    for (int pos = static_cast<int>(whole.size()) - 3; pos > 0; pos -= 3) whole.insert(static_cast<std::size_t>(pos), ".");
    const int rest = static_cast<int>(cents % 100);
    return "€ " + whole + "," + (rest < 10 ? "0" : "") + std::to_string(rest);
}

json amounts_json(const DwangsomAmounts& a) {
    json tiers = json::array();
    for (const auto& t : a.tiers) tiers.push_back({{"days", t.days}, {"eurocents_per_day", t.eurocents_per_day}});
    return {{"valid_from", format_iso_date(a.valid_from)},
            {"valid_until", a.valid_until ? json(format_iso_date(*a.valid_until)) : json(nullptr)},
            {"tiers", a.tiers.empty() ? json(nullptr) : tiers},
            {"source", a.source}};
}

}  // namespace

json terms_json(const Terms& terms) {
    json out = json::object();
    const auto add = [&](const char* id, const Term& t) {
        out[id] = {{"label", t.label},
                   {"term", {{"amount", t.amount}, {"unit", to_string(t.unit)}}},
                   {"cite", t.cite},
                   {"source", t.source}};
    };
    add("als_doorgegeven", terms.melding_doorgegeven);
    add("als_passing_gepland", terms.passing_gepland);
    add("als_levering_zonder_levertijd", terms.levering_zonder_levertijd);
    add("als_levering_met_levertijd", terms.levering_met_levertijd);
    add("als_woning_enkelvoudig", terms.woning_enkelvoudig);
    add("als_woning_meervoudig", terms.woning_meervoudig);
    add("wmo_persoonlijk_plan", terms.persoonlijk_plan);
    add("wmo_onderzoek", terms.onderzoek);
    out["wmo_aanvraag_mogelijk"] = {{"label", terms.aanvraag_mogelijk_label},
                                    {"cite", terms.aanvraag_mogelijk_cite},
                                    {"source", terms.aanvraag_mogelijk_source}};
    add("wmo_beschikking", terms.beschikking);
    add("gemeente_beslistermijn", terms.gemeente_beslistermijn);
    add("gemeente_verdaging", terms.gemeente_verdaging);
    out["sla"] = {{"cite", terms.sla_cite}, {"source", terms.sla_source}};
    return out;
}

std::int64_t dwangsom_eurocents(const DwangsomAmounts& amounts, int days) {
    std::int64_t total = 0;
    int left = std::max(days, 0);
    for (const auto& t : amounts.tiers) {
        const int in_tier = std::min(left, t.days);
        total += in_tier * t.eurocents_per_day;
        left -= in_tier;
    }
    return total;
}

json provision_tracks(const Scenario& s, std::size_t i, const Catalogue& catalogue, const Terms& terms,
                      const Calendar& calendar) {
    const auto& p = catalogue.provisions[i];
    return {{"als_protocol", als_protocol_track(s, i, p, terms, calendar)},
            {"wmo_2015", wmo_track(s, i, p, terms, calendar)},
            {"gemeente", gemeente_track(s, i, p, terms, calendar)}};
}

json procedure_timeline(const Scenario& s, const Terms& terms, const Calendar& calendar) {
    const Anchor melding{"melding", s.melding, "melding"};
    const auto find = [&](const char* e) -> std::optional<Date> {
        const auto it = s.dates.find(e);
        if (it == s.dates.end()) return std::nullopt;
        return it->second;
    };
    json plan = milestone("wmo_persoonlijk_plan", terms.persoonlijk_plan, melding, std::nullopt, "", 
                          {"Schrijf op wat u nodig hebt en lever dit persoonlijk plan in bij de gemeente. De gemeente "
                           "moet het betrekken bij het onderzoek.",
                           ""},
                          s, calendar);
    json onderzoek = milestone(
        "wmo_onderzoek", terms.onderzoek, melding, find("gesprek"), "gesprek",
        {"Neem het functioneel advies van uw revalidatieteam of ergotherapeut mee naar het gesprek.",
         "Het onderzoek had klaar moeten zijn. U mag nu zelf een aanvraag indienen, ook als het onderzoek niet klaar "
         "is. Doe dat schriftelijk en bewaar een kopie."},
        s, calendar);
    const Date onderzoek_end = *parse_iso_date(onderzoek["date"].get<std::string>());
    json mogelijk = {{"id", "wmo_aanvraag_mogelijk"},
                     {"label", terms.aanvraag_mogelijk_label},
                     {"date", format_iso_date(onderzoek_end)},
                     {"basis", terms.aanvraag_mogelijk_cite}};
    if (const auto a = find("aanvraag")) mogelijk["actual"] = {{"event", "aanvraag"}, {"date", format_iso_date(*a)}};
    const Anchor aanvraag = actual_or(find("aanvraag"), "aanvraag", onderzoek_end);
    json beschikking = milestone("wmo_beschikking", terms.beschikking, aanvraag, find("beschikking"), "beschikking",
                                 kBeschikkingAdvice, s, calendar);
    const Anchor gemeente_start = find("aanvraag") ? Anchor{"aanvraag", *find("aanvraag"), "werkelijk"} : melding;
    return {{"melding", format_iso_date(s.melding)},
            {"peildatum", format_iso_date(s.peildatum)},
            {"wmo_2015",
             {{"label", "Wmo 2015 (wet)"},
              {"milestones", json::array({std::move(plan), std::move(onderzoek), std::move(mogelijk),
                                          std::move(beschikking)})}}},
            {"gemeente",
             {{"label", terms.gemeente_title},
              {"id", terms.gemeente_id},
              {"caveat", terms.gemeente_caveat},
              {"milestones", gemeente_milestones(s, gemeente_start, find("beschikking"), terms, calendar)}}}};
}

json late_decision(const Scenario& s, const Terms& terms, const Calendar& calendar) {
    const auto find = [&](const char* e) -> std::optional<Date> {
        const auto it = s.dates.find(e);
        if (it == s.dates.end()) return std::nullopt;
        return it->second;
    };
    const Date onderzoek_end = term_end(calendar, s.melding, terms.onderzoek).end;
    const Anchor aanvraag = actual_or(find("aanvraag"), "aanvraag", onderzoek_end);
    const Date deadline = term_end(calendar, aanvraag.date, terms.beschikking).end;
    const auto beschikking = find("beschikking");
    const auto received = find("ingebrekestelling");
    // An ingebrekestelling makes sense from the day after the term ended.
    const Date vanaf = add_days(deadline, 1);

    json out = {{"applies_to", "Het besluit (beschikking) op uw Wmo-aanvraag"},
                {"aanvraag", anchor_json(aanvraag)},
                {"beslistermijn_einde", format_iso_date(deadline)},
                {"beslistermijn_basis", terms.beschikking.source},
                {"ingebrekestelling_vanaf", format_iso_date(vanaf)},
                {"peildatum", format_iso_date(s.peildatum)},
                {"basis", terms.dwangsom_source}};

    std::string status;
    if (beschikking) status = before(deadline, *beschikking) ? "te_laat_beslist" : "op_tijd";
    else status = before(deadline, s.peildatum) ? "te_laat" : "termijn_loopt";
    out["status"] = status;
    if (status == "op_tijd") {
        out["next_step"] = "De gemeente heeft op tijd beslist. Een dwangsom is niet aan de orde.";
        return out;
    }

    // Awb 4:17 lid 3: the first dwangsom day is two weeks after the later of
    // the end of the term and the receipt of the ingebrekestelling. An
    // ingebrekestelling received before the term ended does not count.
    bool example = false;
    Date receipt;
    if (received && before(deadline, *received)) {
        receipt = *received;
    } else {
        example = true;
        receipt = before(vanaf, s.peildatum) ? s.peildatum : vanaf;
        if (received) out["ingebrekestelling_te_vroeg"] = true;
    }
    if (received) out["ingebrekestelling_ontvangen"] = format_iso_date(*received);
    if (beschikking && example) {
        out["next_step"] = received ? "De gemeente heeft te laat beslist, maar uw ingebrekestelling kwam aan vóór het "
                                      "einde van de beslistermijn en telt daarom niet. Een dwangsom is er niet."
                                    : "De gemeente heeft te laat beslist. Zonder ingebrekestelling is er geen dwangsom.";
        return out;
    }
    const Date first = add_days(receipt, terms.dwangsom_wachttijd_dagen);
    // Lid 1: at most 42 days, and the Atw does not apply to that term.
    const Date last = add_days(first, terms.dwangsom_max_dagen - 1);
    json dwangsom = {{"voorbeeld", example},
                     {"ingebrekestelling_ontvangen", format_iso_date(receipt)},
                     {"eerste_dag", format_iso_date(first)},
                     {"laatste_dag", format_iso_date(last)}};
    const DwangsomAmounts* amounts = terms.dwangsom_for(receipt);
    if (amounts) dwangsom["tarief"] = amounts_json(*amounts);
    // The most it can come to (42 days), also for a voorbeeld: the letter names it.
    if (amounts && !amounts->tiers.empty()) {
        const auto max_cents = dwangsom_eurocents(*amounts, terms.dwangsom_max_dagen);
        dwangsom["maximum"] = {{"eurocents", max_cents}, {"unit", "EUR-cent"}, {"tekst", euros(max_cents)}};
    }
    if (!example) {
        // Days in default up to the peildatum, and never on or after the day
        // the decision was given.
        Date until = s.peildatum;
        if (beschikking && before(add_days(*beschikking, -1), until)) until = add_days(*beschikking, -1);
        const int days = std::clamp(days_between(first, until) + 1, 0, terms.dwangsom_max_dagen);
        dwangsom["dagen"] = days;
        if (amounts && !amounts->tiers.empty()) {
            const auto cents = dwangsom_eurocents(*amounts, days);
            dwangsom["bedrag"] = {{"eurocents", cents}, {"unit", "EUR-cent"}, {"tekst", euros(cents)}};
        } else {
            dwangsom["bedrag"] = nullptr;
            dwangsom["bedrag_onbekend"] =
                "De bedragen voor een ingebrekestelling die vanaf " +
                (amounts ? format_dutch_date(amounts->valid_from) : std::string("deze datum")) +
                " is ontvangen, kent deze rekenhulp niet. Kijk op wetten.overheid.nl bij Awb artikel 4:17.";
        }
    }
    out["dwangsom"] = std::move(dwangsom);

    if (status == "termijn_loopt") {
        out["next_step"] = "De gemeente heeft nog tot en met " + format_dutch_date(deadline) +
                           " om te beslissen. Heeft u dan nog geen besluit, stuur dan vanaf " + format_dutch_date(vanaf) +
                           " een ingebrekestelling.";
    } else if (example) {
        out["next_step"] = std::string(received ? "Uw ingebrekestelling kwam aan vóór het einde van de beslistermijn en "
                                                  "telt daarom niet. "
                                                : "") +
                           "De gemeente is te laat. Stuur nu een ingebrekestelling (een brief of e-mail waarin u "
                           "vraagt alsnog binnen twee weken te beslissen) en bewaar het bewijs dat de gemeente hem "
                           "ontving. Ontvangt de gemeente hem op " + format_dutch_date(receipt) +
                           ", dan loopt de dwangsom vanaf " + format_dutch_date(first) + ".";
    } else if (!example && !beschikking) {
        out["next_step"] = "Blijft het besluit uit, dan loopt de dwangsom tot en met " + format_dutch_date(last) +
                           ". U kunt ook beroep instellen bij de rechter omdat de gemeente niet op tijd beslist.";
    } else {
        out["next_step"] = "De gemeente heeft te laat beslist. Heeft u een ingebrekestelling gestuurd, dan moet de "
                           "gemeente zelf de dwangsom vaststellen en betalen; vraag erom als dat niet gebeurt.";
    }
    return out;
}

}  // namespace ivp
