#pragma once
// Expected delivery dates in three tracks (docs/dates.md, docs/result.md):
//   als_protocol  the ALS protocol's SLA phases and procedure norms, in werkdagen
//   wmo_2015      the statutory terms of the Wmo 2015 (weeks/days, Atw art. 1)
//   gemeente      the municipality's own terms (example: Hattem 2014)
// plus help when the decision is late (Awb 4:17: ingebrekestelling, dwangsom).
// Every date is computed from the melding and the dates the user entered;
// nothing reads a clock (the peildatum comes with the scenario).
//
// The computations return plain structs; the result's JSON is written from
// them in one place (src/ivp/result/result_json.cpp). Texts that are the same
// for every provision (a milestone's label and cite, a phase's label) are left
// empty here: the result gives them once, in `terms`, `tracks` and `phases`.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ivp/base/calendar.h"
#include "ivp/model/catalogue.h"
#include "ivp/model/scenario.h"
#include "ivp/dates/terms.h"

namespace ivp {

// Where a term starts: an event and its date, entered by the user
// ("werkelijk"), the melding itself, or computed ("verwacht").
struct Anchor {
    std::string event;
    Date date{};
    std::string kind;  // "melding", "werkelijk", "verwacht"
    bool operator==(const Anchor&) const = default;
};

// What the user entered for the event a milestone waits for.
struct EnteredEvent {
    std::string event;
    Date date{};
    bool operator==(const EnteredEvent&) const = default;
};

struct TermSpan {
    int amount = 0;
    TermUnit unit = TermUnit::werkdagen;
    bool operator==(const TermSpan&) const = default;
};

// One deadline (docs/result.md, "A milestone"). An empty label or basis is the
// table's (`terms[id]`); an event without a term (`wmo_aanvraag_mogelijk`) has
// no `from`, `term` or `status`.
struct Milestone {
    std::string id;
    std::string label;
    std::string basis;
    Date date{};
    std::optional<Anchor> from;
    std::optional<TermSpan> term;
    std::optional<bool> atw_moved;  // days and weeks only
    std::optional<EnteredEvent> actual;
    std::optional<int> werkdagen_verschil;  // > 0 is late
    std::string status;                     // open, verstreken, gehaald, niet_gehaald, onbekend
    std::string next_step;                  // empty: no advice for the status
    bool operator==(const Milestone&) const = default;
};

// An SLA phase; an empty label is `phases[id].label`.
struct Phase {
    std::string id;
    std::string label;
    Date start{};
    Date end{};
    std::string start_kind;
    int werkdagen = 0;
    bool operator==(const Phase&) const = default;
};

// One track of a provision. The ALS track has a category and always applies;
// the Wmo and municipal tracks do not apply to a Zvw provision.
struct Track {
    bool applies = true;
    std::optional<ProcedureCategory> category;
    std::vector<Phase> phases;
    std::vector<Milestone> milestones;
    Date end{};
    bool operator==(const Track&) const = default;
};

struct ProvisionTracks {
    Track als_protocol, wmo_2015, gemeente;
    bool operator==(const ProvisionTracks&) const = default;
};

// The three tracks of provision `i` (a selected provision of `catalogue`).
ProvisionTracks provision_tracks(const Scenario& s, std::size_t i, const Catalogue& catalogue, const Terms& terms,
                                 const Calendar& calendar);

// The request as a whole: the Wmo 2015 procedure from melding to beschikking
// and the municipality's terms, with the request's own dates. Its milestones
// carry their label and basis.
struct Procedure {
    Date melding{}, peildatum{};
    std::vector<Milestone> wmo_2015, gemeente;
};
Procedure procedure_timeline(const Scenario& s, const Terms& terms, const Calendar& calendar);

// The result's `procedure` refers by id, as a provision's track does: a
// milestone's label, short cite (`basis`) and term are left out when they are
// its table's (`terms[id]`, the rulebook's); the merge puts them back.
void leave_texts_to_tables(Procedure& procedure, const Terms& terms);

// An amount in eurocents with its Dutch text ("€ 1.440,00").
struct Money {
    std::int64_t eurocents = 0;
    std::string text;
};

struct Dwangsom {
    bool example = false;  // no valid ingebrekestelling: what happens if it is received on `received`
    Date received{}, first{}, last{};
    const DwangsomAmounts* tariff = nullptr;  // nullptr: before the first known period
    std::optional<Money> maximum;             // the 42-day amount, when the tiers are known
    std::optional<int> days;                  // accrued by the peildatum (not for an example)
    std::optional<Money> amount;              // with `days`; absent when the tiers are not known
    std::string amount_unknown;               // why there is no amount
};

// Awb 4:17 for the Wmo 2015 beschikking on the request: from when an
// ingebrekestelling makes sense, the first dwangsom day, the amount accrued
// by the peildatum (integer eurocents). Their sources are the same for every
// request: the rulebook's `late_decision` (result_json.h late_decision_texts_json).
struct LateDecision {
    Anchor aanvraag;
    Date deadline{}, vanaf{}, peildatum{};
    std::string status;  // termijn_loopt, te_laat, op_tijd, te_laat_beslist
    std::optional<Date> received;  // as entered
    bool received_too_early = false;
    std::optional<Dwangsom> dwangsom;
    std::string next_step;
};
LateDecision late_decision(const Scenario& s, const Terms& terms, const Calendar& calendar);

// Every term once, by milestone id: label, amount, short cite and the full
// source text; `sla_besluit` and `sla_levering` with their label (Wmo) only.
// A provision's milestones refer to it by id (docs/result.md).
nlohmann::json terms_json(const Terms& terms);

// The tracks and SLA phases once (the result's `tracks` and `phases`): label,
// and the ALS track's short cite (`basis`), the municipality's id and caveat.
nlohmann::json tracks_json(const Terms& terms);
nlohmann::json phases_json(const Terms& terms);

// Why the Wmo and municipal tracks do not apply to a Zvw provision.
extern const char* const kZvwTrackReason;

// What a milestone no longer carries itself: its label (the table's,
// `terms[id].label`) and its short cite (the term's, or for the SLA
// milestones the row's: "ALS protocol, IVP-tabel, rij <name>").
// A milestone's label and basis are empty when the tables hold them.
std::string milestone_label(const Terms& terms, const Milestone& milestone);
std::string milestone_basis(const Terms& terms, const Milestone& milestone, const std::string& provision_name);
std::string row_cite(const std::string& provision_name);

// The dwangsom accrued over `days` days (0..max) under `amounts`, in eurocents.
std::int64_t dwangsom_eurocents(const DwangsomAmounts& amounts, int days);

}  // namespace ivp
