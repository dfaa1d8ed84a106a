#include "ivp/result/result_json.h"

#include <algorithm>

#include "ivp/base/sources.h"
#include "ivp/dates/timeline.h"

namespace ivp {

using nlohmann::json;

namespace {

const char* decisive_name(int rank) {
    return rank == 1 ? "beslissend" : rank == 2 ? "kan beslissen" : "telt mee";
}

json settles_json(const OpenQuestion& q) {
    json out = json::array();
    for (const auto& [answer, verdict] : q.settles) out.push_back({{"answer", answer}, {"verdict", verdict}});
    return out;
}

// A policy's criterion ids in the order `policies.<id>.criteria` is written
// (sorted): a compact reason names its criterion by its place there.
std::vector<std::string> criteria_order(const Policy& policy) {
    std::vector<std::string> ids;
    ids.reserve(policy.criteria.size());
    for (const auto& c : policy.criteria) ids.push_back(c.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

// Most reasons only say which criterion gave which outcome; written whole
// ({criterion, outcome}) they were a fifth of the result. Such a reason is
// "<n><o>": n the criterion's place in the policy's `criteria`, o the
// outcome's letter; the merge with the rulebook (with_rulebook, the page's
// ivpWithRulebook) writes it whole again (docs/result.md "Result and rulebook").
json reason_json(const Reason& r, const std::vector<std::string>& order) {
    const bool plain = !r.own_text && r.exceptions.empty() && r.derived_from.empty() && r.source.empty();
    if (const char letter = outcome_letter(r.outcome); plain && letter) {
        const auto it = std::lower_bound(order.begin(), order.end(), r.criterion);
        if (it != order.end() && *it == r.criterion) return std::to_string(it - order.begin()) + letter;
    }
    json out = {{"criterion", r.criterion}, {"outcome", r.outcome}};
    if (r.own_text) out["text"] = r.text;
    if (!r.exceptions.empty()) out["exceptions"] = r.exceptions;
    if (!r.derived_from.empty()) out["derived_from"] = r.derived_from;
    if (!r.source.empty()) out["source"] = r.source;
    return out;
}

json quantity_json(const QuantityValue& v) {
    const Quantity& q = *v.quantity;
    return {{"id", q.id},       {"label", q.label},       {"value", v.value},
            {"unit", q.unit},   {"explanation", q.explanation}, {"needs", v.needs},
            {"source", q.source_id}};
}

// Every criterion once, its quote by source id (reasons refer to it by id).
json criteria_json(const Policy& policy) {
    json out = json::object();
    for (std::size_t i = 0; i < policy.criteria.size(); ++i) {
        const auto& c = policy.criteria[i];
        json entry = {{"text", c.text}, {"source", criterion_source_id(policy, c)}};
        if (!c.if_not.empty()) entry["if_not"] = c.if_not;
        if (!c.exceptions.empty()) {
            json exceptions = json::array();
            for (std::size_t n = 0; n < c.exceptions.size(); ++n) {
                json e = {{"text", c.exceptions[n].at("text")}, {"source", exception_source_id(policy, c, n)}};
                if (c.exceptions[n].contains("when")) e["when"] = c.exceptions[n].at("when");
                exceptions.push_back(std::move(e));
            }
            entry["exceptions"] = std::move(exceptions);
        }
        if (c.derived_from.is_object()) entry["derived_from"] = c.derived_from;
        out[c.id] = std::move(entry);
    }
    return out;
}

json duties_json(const Policy& policy) {
    json out = json::array();
    for (std::size_t i = 0; i < policy.duties.size(); ++i) {
        const auto& d = policy.duties[i];
        out.push_back({{"id", d.at("id")}, {"text", d.at("text")}, {"source", policy.duty_source_ids.at(i)}});
    }
    return out;
}

}  // namespace

namespace {
constexpr std::pair<char, const char*> kOutcomeLetters[] = {
    {'v', "voldaan"}, {'n', "niet voldaan"}, {'o', "onbekend"}, {'t', "niet van toepassing"}};
}  // namespace

char outcome_letter(std::string_view outcome) {
    for (const auto& [letter, name] : kOutcomeLetters)
        if (outcome == name) return letter;
    return '\0';
}

const char* outcome_of_letter(char letter) {
    for (const auto& [l, name] : kOutcomeLetters)
        if (l == letter) return name;
    return nullptr;
}

namespace {

json form_json(const PolicyProvision& p) { return {{"text", p.form}, {"source", p.form_source_id}}; }

json open_questions_json(const Assessment& a) {
    json open = json::array();
    for (const auto& q : a.open_questions)
        open.push_back({{"fact", q.fact}, {"decisive", decisive_name(q.rank)}, {"settles", settles_json(q)}});
    return open;
}

// One policy's assessment; `with_open_questions` false for the provision's
// chosen policy, whose open questions are the contract's top-level ones.
json assessment_json(const Assessment& a, bool with_open_questions) {
    const Policy& policy = *a.policy;
    json reasons = json::array();
    const auto order = criteria_order(policy);
    for (const auto& r : a.reasons) reasons.push_back(reason_json(r, order));
    json out = {{"policy", policy.id}, {"verdict", a.verdict}, {"financier", a.financier}, {"reasons", std::move(reasons)}};
    if (with_open_questions) out["open_questions"] = open_questions_json(a);
    if (a.covered) out["covered"] = *a.covered;
    // A Zvw provision has no quantities either way; the others list theirs.
    json quantities = json::array();
    for (const auto& v : a.quantities) quantities.push_back(quantity_json(v));
    out["quantities"] = std::move(quantities);
    // The form a policy names for a voorziening is the same in every result:
    // the rulebook gives it (`forms`); a carried pack's is here.
    if (a.form && policy.carried) out["form"] = form_json(*a.form);
    return out;
}

}  // namespace

json to_json(const Assessment& a) { return assessment_json(a, true); }

// Compact (docs/result.md): a fact's question and help are in `facts`, a
// policy's label in `policies[]`, and the chosen policy's open questions are
// given once, at the top (the contract's place), not again under `policies`.
json to_json(const Eligibility& e) {
    json by_policy = json::object();
    for (std::size_t k = 0; k < e.by_policy.size(); ++k)
        by_policy[e.by_policy[k].policy->id] = assessment_json(e.by_policy[k], k != 0);
    if (e.by_policy.empty())
        return {{"verdict", "onbekend"}, {"policy", nullptr}, {"reasons", json::array()},
                {"open_questions", json::array()}, {"policies", std::move(by_policy)}, {"differs", e.differs}};
    const Assessment& main = e.by_policy.front();
    json reasons = json::array();
    for (const auto& r : main.reasons) reasons.push_back(reason_sentence(r));
    return {{"verdict", main.verdict},
            {"policy", main.policy->id},
            {"reasons", std::move(reasons)},
            {"open_questions", open_questions_json(main)},
            {"policies", std::move(by_policy)},
            {"differs", e.differs}};
}

json to_json(const std::vector<OtherProvision>& others) {
    json out = json::array();
    for (const auto& o : others) {
        json by_policy = json::object();
        for (const auto& a : o.by_policy) by_policy[a.policy->id] = to_json(a);
        out.push_back({{"id", o.id}, {"name", o.name}, {"policies", std::move(by_policy)}});
    }
    return out;
}

json policy_json(const Policy& p) {
    return {{"id", p.id},
            {"title", p.title},
            {"label", p.label},
            {"kind", p.kind},
            {"note", p.note},
            {"valid_from", format_iso_date(p.valid_from)},
            {"valid_from_note", p.valid_from_note},
            {"default", p.id == kDefaultPolicy},
            {"source_document", p.source_document},
            // Title, publisher, link and whether pages can be named (data/sources.json).
            {"document", p.source_document.contains("seed")
                             ? document_for_seed(p.source_document.at("seed").get<std::string>())
                             : json()},
            {"not_modelled", p.not_modelled},
            {"duties", duties_json(p)},
            {"criteria", criteria_json(p)}};
}

json policies_json(const std::vector<Policy>& policies) {
    json out = json::array();
    for (const auto& p : policies) out.push_back(p.carried ? policy_json(p) : json(p.id));
    return out;
}

json forms_json(const Policy& policy) {
    json out = json::object();
    for (const auto& p : policy.provisions)
        if (!p.not_covered && !p.form.empty()) out[p.id] = form_json(p);
    return out;
}

std::string catalogue_source_id(const Provision& p) { return "als-ivp/" + p.id; }

json sources_json(const std::vector<Policy>& policies) {
    json out = json::object();
    for (const auto& p : policies)
        if (p.carried)
            for (const auto& [id, entry] : p.sources.items()) out[id] = entry;
    return out;
}

json catalogue_sources_json(const Catalogue& catalogue) {
    json out = json::object();
    for (const auto& p : catalogue.provisions) {
        json entry = p.source;
        entry["cite"] = row_cite(p.name);
        out[catalogue_source_id(p)] = std::move(entry);
    }
    return out;
}

void collect_open_facts(const Eligibility& e, std::set<std::string>& out) {
    for (const auto& a : e.by_policy)
        for (const auto& q : a.open_questions) out.insert(q.fact);
}

void collect_open_facts(const std::vector<OtherProvision>& others, std::set<std::string>& out) {
    for (const auto& o : others)
        for (const auto& a : o.by_policy)
            for (const auto& q : a.open_questions) out.insert(q.fact);
}

json facts_json(const std::set<std::string>& ids, const FactsCatalogue& facts) {
    json out = json::array();
    for (const auto& id : ids)
        if (facts.find(id)) out.push_back(id);
    return out;
}

json facts_table_json(const FactsCatalogue& facts) {
    json out = json::object();
    for (const auto& f : facts.facts)
        out[f.id] = {{"question", f.definition.at("question")}, {"help", f.definition.at("explanation")}};
    return out;
}

}  // namespace ivp

// The delivery tracks, procedure and late decision (src/ivp/dates/timeline.h).
namespace ivp {

namespace {

json anchor_json(const Anchor& a) {
    json out = json::object();
    out["event"] = a.event;
    out["date"] = format_iso_date(a.date);
    out["kind"] = a.kind;
    return out;
}

json term_json(int amount, std::string_view unit) {
    json out = json::object();
    out["amount"] = amount;
    out["unit"] = unit;
    return out;
}

json milestone_json(const Milestone& m) {
    json out = json::object();
    out["id"] = m.id;
    if (!m.label.empty()) out["label"] = m.label;
    out["date"] = format_iso_date(m.date);
    if (m.from) out["from"] = anchor_json(*m.from);
    if (m.term) out["term"] = term_json(m.term->amount, to_string(m.term->unit));
    if (!m.basis.empty()) out["basis"] = m.basis;
    if (m.atw_moved) out["atw_verschoven"] = *m.atw_moved;
    if (m.actual) {
        json actual = json::object();
        actual["event"] = m.actual->event;
        actual["date"] = format_iso_date(m.actual->date);
        out["actual"] = std::move(actual);
    }
    if (m.werkdagen_verschil) out["werkdagen_verschil"] = *m.werkdagen_verschil;
    if (!m.status.empty()) out["status"] = m.status;
    if (!m.next_step.empty()) out["next_step"] = m.next_step;
    return out;
}

json milestones_json(const std::vector<Milestone>& ms) {
    json out = json::array();
    for (const auto& m : ms) out.push_back(milestone_json(m));
    return out;
}

json phase_json(const Phase& ph) {
    json out = json::object();
    out["id"] = ph.id;
    if (!ph.label.empty()) out["label"] = ph.label;
    out["start"] = format_iso_date(ph.start);
    out["start_kind"] = ph.start_kind;
    out["end"] = format_iso_date(ph.end);
    out["werkdagen"] = ph.werkdagen;
    return out;
}

json track_json(const Track& t) {
    json out = json::object();
    if (!t.applies) {
        out["applies"] = false;
        out["reason"] = kZvwTrackReason;
        return out;
    }
    // The ALS track has its category instead of `applies` (it always applies).
    if (t.category) out["category"] = to_string(*t.category);
    else out["applies"] = true;
    json phases = json::array();
    for (const auto& ph : t.phases) phases.push_back(phase_json(ph));
    out["phases"] = std::move(phases);
    out["milestones"] = milestones_json(t.milestones);
    out["end"] = format_iso_date(t.end);
    return out;
}

json tracks_json(const ProvisionTracks& t) {
    json out = json::object();
    out["als_protocol"] = track_json(t.als_protocol);
    out["wmo_2015"] = track_json(t.wmo_2015);
    out["gemeente"] = track_json(t.gemeente);
    return out;
}

json money_json(const Money& m) {
    json out = json::object();
    out["eurocents"] = m.eurocents;
    out["unit"] = "EUR-cent";
    out["tekst"] = m.text;
    return out;
}

json tariff_json(const DwangsomAmounts& a) {
    json out = json::object();
    out["valid_from"] = format_iso_date(a.valid_from);
    out["valid_until"] = a.valid_until ? json(format_iso_date(*a.valid_until)) : json(nullptr);
    json tiers = json::array();
    for (const auto& t : a.tiers) {
        json tier = json::object();
        tier["days"] = t.days;
        tier["eurocents_per_day"] = t.eurocents_per_day;
        tiers.push_back(std::move(tier));
    }
    out["tiers"] = a.tiers.empty() ? json(nullptr) : std::move(tiers);
    out["source"] = a.source;
    return out;
}

json dwangsom_json(const Dwangsom& d) {
    json out = json::object();
    out["voorbeeld"] = d.example;
    out["ingebrekestelling_ontvangen"] = format_iso_date(d.received);
    out["eerste_dag"] = format_iso_date(d.first);
    out["laatste_dag"] = format_iso_date(d.last);
    if (d.tariff) out["tarief"] = tariff_json(*d.tariff);
    if (d.maximum) out["maximum"] = money_json(*d.maximum);
    if (d.days) {
        out["dagen"] = *d.days;
        out["bedrag"] = d.amount ? money_json(*d.amount) : json(nullptr);
        if (!d.amount) out["bedrag_onbekend"] = d.amount_unknown;
    }
    return out;
}

}  // namespace

const std::string& TimelineTable::add(const std::string& provision_id, ProvisionTracks tracks) {
    for (std::size_t k = 0; k < tracks_.size(); ++k)
        if (tracks_[k] == tracks) return ids_[k];
    ids_.push_back(provision_id);
    tracks_.push_back(std::move(tracks));
    return ids_.back();
}

json TimelineTable::to_json() const {
    json out = json::object();
    for (std::size_t k = 0; k < tracks_.size(); ++k) out[ids_[k]] = tracks_json(tracks_[k]);
    return out;
}

json to_json(const Procedure& procedure, const Terms& terms) {
    json wmo = json::object();
    wmo["label"] = "Wmo 2015 (wet)";
    wmo["milestones"] = milestones_json(procedure.wmo_2015);
    json gemeente = json::object();
    gemeente["label"] = terms.gemeente_title;
    gemeente["id"] = terms.gemeente_id;
    gemeente["caveat"] = terms.gemeente_caveat;
    gemeente["milestones"] = milestones_json(procedure.gemeente);
    json out = json::object();
    out["melding"] = format_iso_date(procedure.melding);
    out["peildatum"] = format_iso_date(procedure.peildatum);
    out["wmo_2015"] = std::move(wmo);
    out["gemeente"] = std::move(gemeente);
    return out;
}

json to_json(const LateDecision& late) {
    json out = json::object();
    out["applies_to"] = "Het besluit (beschikking) op uw Wmo-aanvraag";
    out["aanvraag"] = anchor_json(late.aanvraag);
    out["beslistermijn_einde"] = format_iso_date(late.deadline);
    out["beslistermijn_basis"] = late.deadline_source;
    out["ingebrekestelling_vanaf"] = format_iso_date(late.vanaf);
    out["peildatum"] = format_iso_date(late.peildatum);
    out["basis"] = late.basis;
    out["status"] = late.status;
    if (late.received_too_early) out["ingebrekestelling_te_vroeg"] = true;
    if (late.received) out["ingebrekestelling_ontvangen"] = format_iso_date(*late.received);
    if (late.dwangsom) out["dwangsom"] = dwangsom_json(*late.dwangsom);
    out["next_step"] = late.next_step;
    return out;
}

}  // namespace ivp
