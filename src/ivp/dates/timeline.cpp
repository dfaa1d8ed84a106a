#include "ivp/dates/timeline.h"

#include <algorithm>
#include <optional>
#include <string>

#include "ivp/base/json_object.h"
#include "ivp/dates/actual_dates.h"
#include "ivp/budget/plan.h"

namespace ivp {

const char* const kZvwTrackReason =
    "Deze voorziening valt onder de Zorgverzekeringswet: de zorgverzekeraar beslist. De termijnen van de Wmo 2015 en "
    "van de gemeente gelden hier niet.";

namespace {

using nlohmann::json;
using namespace std::chrono;

bool before(Date a, Date b) { return sys_days{a} < sys_days{b}; }

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

// Whether the term was met, and by how many working days it was missed.
void judge(Milestone& m, const std::optional<Date>& actual, const std::string& actual_event, const Scenario& s,
           const Calendar& calendar, bool late_actual_is_unknown) {
    if (actual) {
        m.actual = EnteredEvent{actual_event, *actual};
        m.werkdagen_verschil = calendar.working_days_between(m.date, *actual);
        if (!before(m.date, *actual)) m.status = "gehaald";
        else m.status = late_actual_is_unknown ? "onbekend" : "niet_gehaald";
    } else if (!before(m.date, s.peildatum)) {
        m.status = "open";
    } else {
        m.status = "verstreken";
        m.werkdagen_verschil = calendar.working_days_between(m.date, s.peildatum);
    }
}

std::string advice_for(const std::string& status, const Advice& advice) {
    if (status == "open") return advice.if_open;
    if (status == "verstreken" || status == "niet_gehaald") return advice.if_late;
    if (status == "onbekend")
        return "De passing was na deze datum. Of de afspraak op tijd gemaakt is, kunnen wij niet zien.";
    return "";
}

// One deadline: its date, where it starts, what really happened, and whether
// the term was met. `werkdagen_verschil` is positive when late.
Milestone milestone(const std::string& id, const Term& term, const Anchor& from, const std::optional<Date>& actual,
                    const std::string& actual_event, const Advice& advice, const Scenario& s, const Calendar& calendar,
                    bool late_actual_is_unknown = false) {
    const Ends ends = term_end(calendar, from.date, term);
    Milestone m;
    m.id = id;
    m.label = term.label;
    m.basis = term.cite;
    m.date = ends.end;
    m.from = from;
    m.term = TermSpan{term.amount, term.unit};
    if (term.unit != TermUnit::werkdagen) m.atw_moved = ends.atw_moved;
    judge(m, actual, actual_event, s, calendar, late_actual_is_unknown);
    m.next_step = advice_for(m.status, advice);
    return m;
}

std::string row_cite(const Provision& p) { return ivp::row_cite(p.name); }

// The terms of the table, by milestone id (terms_json and the look-ups).
constexpr std::pair<const char*, Term Terms::*> kTableTerms[] = {
    {"als_doorgegeven", &Terms::melding_doorgegeven},
    {"als_passing_gepland", &Terms::passing_gepland},
    {"als_levering_zonder_levertijd", &Terms::levering_zonder_levertijd},
    {"als_levering_met_levertijd", &Terms::levering_met_levertijd},
    {"als_woning_enkelvoudig", &Terms::woning_enkelvoudig},
    {"als_woning_meervoudig", &Terms::woning_meervoudig},
    {"wmo_persoonlijk_plan", &Terms::persoonlijk_plan},
    {"wmo_onderzoek", &Terms::onderzoek},
    {"wmo_beschikking", &Terms::beschikking},
    {"gemeente_beslistermijn", &Terms::gemeente_beslistermijn},
    {"gemeente_verdaging", &Terms::gemeente_verdaging},
};

const Term* table_term(const Terms& terms, const std::string& id) {
    for (const auto& [name, member] : kTableTerms)
        if (id == name) return &(terms.*member);
    return nullptr;
}

std::string sla_milestone_label(const std::string& phase_label) { return phase_label + " volgens de SLA, uiterlijk"; }

// The label the result's `terms` gives a milestone id (the SLA ones: the Wmo label).
std::string table_label(const Terms& terms, const std::string& id) {
    if (id == "sla_besluit") return sla_milestone_label(terms.sla_label_financier_wmo);
    if (id == "sla_levering") return sla_milestone_label(terms.sla_label_leverancier);
    if (id == "wmo_aanvraag_mogelijk") return terms.aanvraag_mogelijk_label;
    const Term* t = table_term(terms, id);
    return t ? t->label : id;
}

// The short cite the result's `terms` gives a milestone id; empty for the SLA milestones (the row's).
std::string table_cite(const Terms& terms, const std::string& id) {
    if (id == "wmo_aanvraag_mogelijk") return terms.aanvraag_mogelijk_cite;
    const Term* t = table_term(terms, id);
    return t ? t->cite : std::string();
}

const std::string& table_phase_label(const Terms& terms, const std::string& id) {
    return id == "revalidatie" ? terms.sla_label_revalidatie
           : id == "financier" ? terms.sla_label_financier_wmo
                               : terms.sla_label_leverancier;
}

// A provision's track keeps its dates and refers by id: labels and short
// cites that are the same for every provision are given once, in the
// result's `terms`, `phases` and `tracks` (docs/result.md). A label that is
// not the table's (the Zvw financier's) stays.
void leave_texts_to_tables(Track& track, const Terms& terms) {
    for (auto& m : track.milestones) {
        m.basis.clear();
        // A term of the table is `terms[id].term`; the SLA milestones' terms are the row's own.
        if (table_term(terms, m.id)) m.term.reset();
        if (m.label == table_label(terms, m.id)) m.label.clear();
    }
    for (auto& ph : track.phases)
        if (ph.label == table_phase_label(terms, ph.id)) ph.label.clear();
}

Phase phase(const std::string& id, const std::string& label, Date start, Date end, int werkdagen,
            const std::string& start_kind) {
    return Phase{id, label, start, end, start_kind, werkdagen};
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

// The procedure norms of a hulpmiddel: doorgegeven, passing gepland, levering.
void hulpmiddel_milestones(std::vector<Milestone>& out, const Scenario& s, std::size_t i, const Anchor& melding,
                           const std::optional<Date>& levering, const Terms& terms, const Calendar& calendar) {
    const auto doorgegeven = event_date(s, i, "doorgegeven");
    const auto passing = event_date(s, i, "passing");
    Milestone m1 = milestone("als_doorgegeven", terms.melding_doorgegeven, melding, doorgegeven, "doorgegeven",
                             kSlaAdvice, s, calendar);
    const Anchor passing_from = actual_or(doorgegeven, "doorgegeven", m1.date);
    Milestone m2 = milestone("als_passing_gepland", terms.passing_gepland, passing_from, passing, "passing", kSlaAdvice,
                             s, calendar, /*late_actual_is_unknown=*/true);
    // Until the passing is known we count from the last day to plan it:
    // the protocol puts the passing itself "uiterlijk in de volgende week".
    const Anchor levering_from = actual_or(passing, "passing", m2.date);
    out.push_back(std::move(m1));
    out.push_back(std::move(m2));
    out.push_back(milestone("als_levering_zonder_levertijd", terms.levering_zonder_levertijd, levering_from, levering,
                            "levering", kSlaAdvice, s, calendar));
    out.push_back(milestone("als_levering_met_levertijd", terms.levering_met_levertijd, levering_from, levering,
                            "levering", kSlaAdvice, s, calendar));
}

// The SLA phases follow each other; the supplier's phase runs from the
// real decision when it is known (a late decision does not shorten it).
std::vector<Phase> sla_phases(const Provision& p, const Anchor& melding, const std::optional<Date>& beschikking,
                              const std::string& financier_label, const Terms& terms, const Calendar& calendar) {
    const Date revalidatie_end = calendar.add_working_days(melding.date, p.sla.revalidatie);
    const Date financier_end = calendar.add_working_days(revalidatie_end, p.sla.financier);
    const Anchor leverancier_start = actual_or(beschikking, "beschikking", financier_end);
    const Date leverancier_end = calendar.add_working_days(leverancier_start.date, p.sla.leverancier);
    return {phase("revalidatie", terms.sla_label_revalidatie, melding.date, revalidatie_end, p.sla.revalidatie,
                  melding.kind),
            phase("financier", financier_label, revalidatie_end, financier_end, p.sla.financier, "verwacht"),
            phase("leverancier", terms.sla_label_leverancier, leverancier_start.date, leverancier_end,
                  p.sla.leverancier, leverancier_start.kind)};
}

Track als_protocol_track(const Scenario& s, std::size_t i, const Provision& p, const Terms& terms,
                         const Calendar& calendar) {
    // The provision's own call-off (afroep): entered, planned or the first melding (src/ivp/budget/plan.h).
    const CallOff calloff = provision_calloff(s, i, p, calendar);
    const Anchor melding{"melding", calloff.date, calloff.kind};
    const auto beschikking = event_date(s, i, "beschikking");
    const auto levering = event_date(s, i, "levering");
    const std::string& financier_label = p.law == Law::zvw ? terms.sla_label_financier_zvw : terms.sla_label_financier_wmo;
    const std::string row = row_cite(p);

    Track track;
    track.phases = sla_phases(p, melding, beschikking, financier_label, terms, calendar);
    const Anchor leverancier_start{"beschikking", track.phases[2].start, track.phases[2].start_kind};
    track.milestones.push_back(milestone(
        "sla_besluit",
        werkdagen_term(p.sla.revalidatie + p.sla.financier, financier_label + " volgens de SLA, uiterlijk", row),
        melding, beschikking, "beschikking", kSlaAdvice, s, calendar));
    track.milestones.push_back(milestone(
        "sla_levering",
        werkdagen_term(p.sla.leverancier, terms.sla_label_leverancier + " volgens de SLA, uiterlijk", row),
        leverancier_start, levering, "levering", kSlaAdvice, s, calendar));

    const auto category = terms.category[i];
    if (category == ProcedureCategory::hulpmiddel) {
        hulpmiddel_milestones(track.milestones, s, i, melding, levering, terms, calendar);
    } else if (category == ProcedureCategory::woonvoorziening) {
        const Anchor toekenning = actual_or(beschikking, "beschikking", track.phases[1].end);
        track.milestones.push_back(milestone("als_woning_enkelvoudig", terms.woning_enkelvoudig, toekenning, levering,
                                             "levering", kSlaAdvice, s, calendar));
        track.milestones.push_back(milestone("als_woning_meervoudig", terms.woning_meervoudig, toekenning, levering,
                                             "levering", kSlaAdvice, s, calendar));
    }
    // Vervoer and zvw have no procedure norms: why is said once, in the
    // result's `tracks.als_protocol.procedure_notes.<category>`.
    track.category = category;
    track.end = track.phases[2].end;
    leave_texts_to_tables(track, terms);
    return track;
}

Track not_applicable() {
    Track t;
    t.applies = false;
    return t;
}

// The Wmo 2015 onderzoek ends six weeks after the melding (moved by Atw art. 1);
// without an aanvraag date we expect the aanvraag then.
Anchor wmo_aanvraag(const Scenario& s, std::size_t i, Date melding, const Terms& terms, const Calendar& calendar) {
    return actual_or(event_date(s, i, "aanvraag"), "aanvraag", term_end(calendar, melding, terms.onderzoek).end);
}

Phase supplier_phase(const Anchor& start, const Provision& p, const Terms& terms, const Calendar& calendar) {
    return phase("leverancier", terms.sla_label_leverancier, start.date,
                 calendar.add_working_days(start.date, p.sla.leverancier), p.sla.leverancier, start.kind);
}

// A legal track: its milestones, then the supplier's SLA days from the
// decision (the real one, else the first milestone's deadline).
Track legal_track(std::vector<Milestone> milestones, const std::optional<Date>& beschikking, const Provision& p,
                  const Terms& terms, const Calendar& calendar) {
    Track track;
    const Anchor decided = actual_or(beschikking, "beschikking", milestones.front().date);
    track.milestones = std::move(milestones);
    track.phases.push_back(supplier_phase(decided, p, terms, calendar));
    track.end = track.phases.front().end;
    leave_texts_to_tables(track, terms);
    return track;
}

Track wmo_track(const Scenario& s, std::size_t i, const Provision& p, const Terms& terms, const Calendar& calendar) {
    if (p.law == Law::zvw) return not_applicable();
    const Date melding = provision_calloff(s, i, p, calendar).date;
    const Anchor aanvraag = wmo_aanvraag(s, i, melding, terms, calendar);
    const auto beschikking = event_date(s, i, "beschikking");
    std::vector<Milestone> ms{milestone("wmo_beschikking", terms.beschikking, aanvraag, beschikking, "beschikking",
                                        kBeschikkingAdvice, s, calendar)};
    return legal_track(std::move(ms), beschikking, p, terms, calendar);
}

// Hattem 2014 was written under the Wmo 2007: the term ran from the aanvraag
// and there was no separate melding. Without an aanvraag date we count from
// the melding, the first request the municipality received.
Anchor gemeente_aanvraag(const Scenario& s, std::size_t i, const Provision& p, const Calendar& calendar) {
    if (const auto a = event_date(s, i, "aanvraag")) return {"aanvraag", *a, "werkelijk"};
    const CallOff calloff = provision_calloff(s, i, p, calendar);
    return {"melding", calloff.date, calloff.kind == "verwacht" ? "verwacht" : "melding"};
}

std::vector<Milestone> gemeente_milestones(const Scenario& s, const Anchor& aanvraag,
                                           const std::optional<Date>& beschikking, const Terms& terms,
                                           const Calendar& calendar) {
    Milestone first = milestone("gemeente_beslistermijn", terms.gemeente_beslistermijn, aanvraag, beschikking,
                                "beschikking",
                                {"", "De termijn van de gemeente is voorbij. Heeft de gemeente u laten weten dat zij "
                                     "uitstel neemt? Zo niet, vraag ernaar. Uitstel mag hoogstens 8 weken."},
                                s, calendar);
    const Anchor extended{"beslistermijn", first.date, "verwacht"};
    Milestone second = milestone("gemeente_verdaging", terms.gemeente_verdaging, extended, beschikking, "beschikking",
                                 kBeschikkingAdvice, s, calendar);
    return {std::move(first), std::move(second)};
}

// Its label, id and caveat are in the result's `tracks.gemeente`.
Track gemeente_track(const Scenario& s, std::size_t i, const Provision& p, const Terms& terms,
                     const Calendar& calendar) {
    if (p.law == Law::zvw) return not_applicable();
    const Anchor aanvraag = gemeente_aanvraag(s, i, p, calendar);
    const auto beschikking = event_date(s, i, "beschikking");
    return legal_track(gemeente_milestones(s, aanvraag, beschikking, terms, calendar), beschikking, p, terms, calendar);
}

std::string euros(std::int64_t cents) {
    // "€ 1.440,00": Dutch notation, thousands with a dot, cents after a comma.
    std::string whole = std::to_string(cents / 100);
    for (int pos = static_cast<int>(whole.size()) - 3; pos > 0; pos -= 3) whole.insert(static_cast<std::size_t>(pos), ".");
    const int rest = static_cast<int>(cents % 100);
    return "€ " + whole + "," + (rest < 10 ? "0" : "") + std::to_string(rest);
}

Money money(std::int64_t cents) { return Money{cents, euros(cents)}; }

std::optional<Date> entered(const Scenario& s, const char* event) {
    const auto it = s.dates.find(event);
    if (it == s.dates.end()) return std::nullopt;
    return it->second;
}

// Awb 4:17 lid 3: the first dwangsom day is two weeks after the later of
// the end of the term and the receipt of the ingebrekestelling. An
// ingebrekestelling received before the term ended does not count: then the
// dates are an example, for receipt on the later of `vanaf` and the peildatum.
Dwangsom dwangsom_dates(const LateDecision& ld, const Scenario& s) {
    Dwangsom d;
    if (ld.received && before(ld.deadline, *ld.received)) {
        d.received = *ld.received;
    } else {
        d.example = true;
        d.received = before(ld.vanaf, s.peildatum) ? s.peildatum : ld.vanaf;
    }
    return d;
}

// The dwangsom's first and last day, its tariff, and (not for an example)
// the days accrued by the peildatum and their amount.
void dwangsom_amounts(Dwangsom& d, const Scenario& s, const std::optional<Date>& beschikking, const Terms& terms) {
    d.first = add_days(d.received, terms.dwangsom_wachttijd_dagen);
    // Lid 1: at most 42 days, and the Atw does not apply to that term.
    d.last = add_days(d.first, terms.dwangsom_max_dagen - 1);
    d.tariff = terms.dwangsom_for(d.received);
    const bool known = d.tariff && !d.tariff->tiers.empty();
    // The most it can come to (42 days), also for a voorbeeld: the letter names it.
    if (known) d.maximum = money(dwangsom_eurocents(*d.tariff, terms.dwangsom_max_dagen));
    if (d.example) return;
    // Days in default up to the peildatum, and never on or after the day
    // the decision was given.
    Date until = s.peildatum;
    if (beschikking && before(add_days(*beschikking, -1), until)) until = add_days(*beschikking, -1);
    d.days = std::clamp(days_between(d.first, until) + 1, 0, terms.dwangsom_max_dagen);
    if (known) {
        d.amount = money(dwangsom_eurocents(*d.tariff, *d.days));
    } else {
        d.amount_unknown = "De bedragen voor een ingebrekestelling die vanaf " +
                           (d.tariff ? format_dutch_date(d.tariff->valid_from) : std::string("deze datum")) +
                           " is ontvangen, kent deze rekenhulp niet. Kijk op wetten.overheid.nl bij Awb artikel 4:17.";
    }
}

// What to do now, once the dwangsom's dates are known.
std::string late_next_step(const LateDecision& ld, const std::optional<Date>& beschikking) {
    const Dwangsom& d = *ld.dwangsom;
    if (ld.status == "termijn_loopt")
        return "De gemeente heeft nog tot en met " + format_dutch_date(ld.deadline) +
               " om te beslissen. Heeft u dan nog geen besluit, stuur dan vanaf " + format_dutch_date(ld.vanaf) +
               " een ingebrekestelling.";
    if (d.example)
        return std::string(ld.received ? "Uw ingebrekestelling kwam aan vóór het einde van de beslistermijn en telt "
                                         "daarom niet. "
                                       : "") +
               "De gemeente is te laat. Stuur nu een ingebrekestelling (een brief of e-mail waarin u vraagt alsnog "
               "binnen twee weken te beslissen) en bewaar het bewijs dat de gemeente hem ontving. Ontvangt de "
               "gemeente hem op " + format_dutch_date(d.received) + ", dan loopt de dwangsom vanaf " +
               format_dutch_date(d.first) + ".";
    if (!beschikking)
        return "Blijft het besluit uit, dan loopt de dwangsom tot en met " + format_dutch_date(d.last) +
               ". U kunt ook beroep instellen bij de rechter omdat de gemeente niet op tijd beslist.";
    return "De gemeente heeft te laat beslist. Heeft u een ingebrekestelling gestuurd, dan moet de gemeente zelf de "
           "dwangsom vaststellen en betalen; vraag erom als dat niet gebeurt.";
}

// The decision's term: from the aanvraag (entered, else the end of the
// onderzoek) to the last day of the Wmo 2015 beslistermijn.
LateDecision late_decision_term(const Scenario& s, const Terms& terms, const Calendar& calendar) {
    LateDecision ld;
    const Date onderzoek_end = term_end(calendar, s.melding, terms.onderzoek).end;
    ld.aanvraag = actual_or(entered(s, "aanvraag"), "aanvraag", onderzoek_end);
    ld.deadline = term_end(calendar, ld.aanvraag.date, terms.beschikking).end;
    // An ingebrekestelling makes sense from the day after the term ended.
    ld.vanaf = add_days(ld.deadline, 1);
    ld.peildatum = s.peildatum;
    const auto beschikking = entered(s, "beschikking");
    if (beschikking) ld.status = before(ld.deadline, *beschikking) ? "te_laat_beslist" : "op_tijd";
    else ld.status = before(ld.deadline, s.peildatum) ? "te_laat" : "termijn_loopt";
    return ld;
}

}  // namespace

std::string row_cite(const std::string& provision_name) {
    // "ALS protocol, IVP-tabel, rij Traplift": short, beside every date of the
    // row; the quoted row itself is the provision's `source`. No seed line: a
    // person cannot look that up (issue 12; the line stays in data/).
    return "ALS protocol, IVP-tabel, rij " + provision_name;
}

std::string milestone_label(const Terms& terms, const Milestone& m) {
    return m.label.empty() ? table_label(terms, m.id) : m.label;
}

std::string milestone_basis(const Terms& terms, const Milestone& m, const std::string& provision_name) {
    if (!m.basis.empty()) return m.basis;
    std::string cite = table_cite(terms, m.id);
    return cite.empty() ? row_cite(provision_name) : cite;
}

void leave_texts_to_tables(Procedure& procedure, const Terms& terms) {
    for (auto* milestones : {&procedure.wmo_2015, &procedure.gemeente})
        for (auto& m : *milestones) {
            if (m.label == table_label(terms, m.id)) m.label.clear();
            if (m.basis == table_cite(terms, m.id)) m.basis.clear();
            const Term* t = table_term(terms, m.id);
            if (t && m.term && m.term->amount == t->amount && m.term->unit == t->unit) m.term.reset();
        }
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

ProvisionTracks provision_tracks(const Scenario& s, std::size_t i, const Catalogue& catalogue, const Terms& terms,
                                 const Calendar& calendar) {
    const auto& p = catalogue.provisions[i];
    return {als_protocol_track(s, i, p, terms, calendar), wmo_track(s, i, p, terms, calendar),
            gemeente_track(s, i, p, terms, calendar)};
}

Procedure procedure_timeline(const Scenario& s, const Terms& terms, const Calendar& calendar) {
    const Anchor melding{"melding", s.melding, "melding"};
    Procedure out{s.melding, s.peildatum, {}, {}};
    out.wmo_2015.push_back(milestone("wmo_persoonlijk_plan", terms.persoonlijk_plan, melding, std::nullopt, "",
                                     {"Schrijf op wat u nodig hebt en lever dit persoonlijk plan in bij de gemeente. "
                                      "De gemeente moet het betrekken bij het onderzoek.",
                                      ""},
                                     s, calendar));
    out.wmo_2015.push_back(milestone(
        "wmo_onderzoek", terms.onderzoek, melding, entered(s, "gesprek"), "gesprek",
        {"Neem het functioneel advies van uw revalidatieteam of ergotherapeut mee naar het gesprek.",
         "Het onderzoek had klaar moeten zijn. U mag nu zelf een aanvraag indienen, ook als het onderzoek niet klaar "
         "is. Doe dat schriftelijk en bewaar een kopie."},
        s, calendar));
    // An event without a term: from the end of the onderzoek the user may apply.
    Milestone mogelijk;
    mogelijk.id = "wmo_aanvraag_mogelijk";
    mogelijk.label = terms.aanvraag_mogelijk_label;
    mogelijk.basis = terms.aanvraag_mogelijk_cite;
    mogelijk.date = out.wmo_2015.back().date;
    const auto aanvraag_date = entered(s, "aanvraag");
    if (aanvraag_date) mogelijk.actual = EnteredEvent{"aanvraag", *aanvraag_date};
    const Anchor aanvraag = actual_or(aanvraag_date, "aanvraag", mogelijk.date);
    out.wmo_2015.push_back(std::move(mogelijk));
    out.wmo_2015.push_back(milestone("wmo_beschikking", terms.beschikking, aanvraag, entered(s, "beschikking"),
                                     "beschikking", kBeschikkingAdvice, s, calendar));
    const Anchor gemeente_start = aanvraag_date ? Anchor{"aanvraag", *aanvraag_date, "werkelijk"} : melding;
    out.gemeente = gemeente_milestones(s, gemeente_start, entered(s, "beschikking"), terms, calendar);
    return out;
}

LateDecision late_decision(const Scenario& s, const Terms& terms, const Calendar& calendar) {
    LateDecision ld = late_decision_term(s, terms, calendar);
    if (ld.status == "op_tijd") {
        ld.next_step = "De gemeente heeft op tijd beslist. Een dwangsom is niet aan de orde.";
        return ld;
    }
    const auto beschikking = entered(s, "beschikking");
    ld.received = entered(s, "ingebrekestelling");
    Dwangsom d = dwangsom_dates(ld, s);
    ld.received_too_early = ld.received && d.example;
    if (beschikking && d.example) {
        ld.next_step = ld.received ? "De gemeente heeft te laat beslist, maar uw ingebrekestelling kwam aan vóór het "
                                     "einde van de beslistermijn en telt daarom niet. Een dwangsom is er niet."
                                   : "De gemeente heeft te laat beslist. Zonder ingebrekestelling is er geen dwangsom.";
        return ld;
    }
    dwangsom_amounts(d, s, beschikking, terms);
    ld.dwangsom = std::move(d);
    ld.next_step = late_next_step(ld, beschikking);
    return ld;
}

namespace {
json label_json(const std::string& label) { return JsonObject().add("label", label); }
}  // namespace

json terms_json(const Terms& terms) {
    json out = json::object();
    for (const auto& [id, member] : kTableTerms) {
        const Term& t = terms.*member;
        out[id] = JsonObject()
                      .add("label", t.label)
                      .add("term", JsonObject().add("amount", t.amount).add("unit", to_string(t.unit)))
                      .add("cite", t.cite)
                      .add("source", t.source);
    }
    out["wmo_aanvraag_mogelijk"] = JsonObject()
                                       .add("label", terms.aanvraag_mogelijk_label)
                                       .add("cite", terms.aanvraag_mogelijk_cite)
                                       .add("source", terms.aanvraag_mogelijk_source);
    out["sla"] = JsonObject().add("cite", terms.sla_cite).add("source", terms.sla_source);
    // The SLA milestones' terms are the provision's row; only the label is shared.
    out["sla_besluit"] = label_json(sla_milestone_label(terms.sla_label_financier_wmo));
    out["sla_levering"] = label_json(sla_milestone_label(terms.sla_label_leverancier));
    return out;
}

json tracks_json(const Terms& terms) {
    json notes =
        JsonObject()
            .add("vervoer",
                 "Het ALS protocol noemt voor de vervoersvoorziening (3) geen eigen termijnen; alleen de SLA uit de "
                 "tabel geldt.")
            .add("zvw",
                 "Het ALS protocol regelt de uitvoering van de Wmo. Voor deze voorziening beslist de zorgverzekeraar; "
                 "alleen de SLA uit de tabel geldt.");
    return JsonObject()
        .add("als_protocol", JsonObject()
                                 .add("label", "ALS protocol (SLA)")
                                 .add("basis", terms.sla_cite)
                                 .add("procedure_notes", std::move(notes)))
        .add("wmo_2015", label_json("Wmo 2015 (wet)"))
        .add("gemeente", JsonObject()
                             .add("label", terms.gemeente_title)
                             .add("id", terms.gemeente_id)
                             .add("caveat", terms.gemeente_caveat));
}

json phases_json(const Terms& terms) {
    return JsonObject()
        .add("revalidatie", label_json(terms.sla_label_revalidatie))
        .add("financier", label_json(terms.sla_label_financier_wmo))
        .add("leverancier", label_json(terms.sla_label_leverancier));
}

}  // namespace ivp
