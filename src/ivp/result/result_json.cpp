#include "ivp/result/result_json.h"

#include <algorithm>
#include <optional>

#include "ivp/base/json_object.h"
#include "ivp/base/sources.h"
#include "ivp/dates/timeline.h"

namespace ivp {

using nlohmann::json;

namespace {

json settles_json(const OpenQuestion& q) {
    json out = json::array();
    for (const auto& [answer, verdict] : q.settles) out.push_back(JsonObject().add("answer", answer).add("verdict", verdict));
    return out;
}

// A criterion's place in `policies.<id>.criteria`, which is written sorted
// by id: how many of the policy's criterion ids sort before it, or nothing
// if it is not one of them. Counted, not looked up in a sorted copy: a copy
// per assessment was most of what writing one cost.
std::optional<std::size_t> criterion_place(const Policy& policy, const std::string& criterion) {
    std::size_t before = 0;
    bool found = false;
    for (const auto& c : policy.criteria) {
        if (c.id < criterion) ++before;
        else if (c.id == criterion) found = true;
    }
    if (!found) return std::nullopt;
    return before;
}

// Most reasons only say which criterion gave which outcome; written whole
// ({criterion, outcome}) they were a fifth of the result. Such a reason is
// "<n><o>": n the criterion's place in the policy's `criteria`, o the
// outcome's letter; the merge with the rulebook (with_rulebook, the page's
// ivpWithRulebook) writes it whole again (docs/result.md "Result and rulebook").
//
// The reason of a Zvw provision under a policy of the rulebook is "zvw": its
// text and source are the policy's `zvw` (the same for every such provision),
// which the rulebook gives once (rulebook_json, `zvw`). A carried pack's stays
// whole: the rulebook does not have it.
bool is_policy_zvw_reason(const Reason& r, const Policy& policy) {
    return r.criterion == "zvw" && r.outcome == kZvwOutcome && r.own_text && r.exceptions.empty() &&
           r.derived_from.empty() && r.source == policy.zvw_source_id && r.text == policy.zvw.at("text");
}

json reason_json(const Reason& r, const Policy& policy) {
    const bool plain = !r.own_text && r.exceptions.empty() && r.derived_from.empty() && r.source.empty();
    if (const char letter = outcome_letter(r.outcome); plain && letter) {
        if (const auto place = criterion_place(policy, r.criterion)) return std::to_string(*place) + letter;
    }
    if (!policy.carried && is_policy_zvw_reason(r, policy)) return kZvwReason;
    JsonObject out;
    out.add("criterion", r.criterion).add("outcome", r.outcome);
    if (r.own_text) out.add("text", r.text);
    if (!r.exceptions.empty()) out.add("exceptions", r.exceptions);
    if (!r.derived_from.empty()) out.add("derived_from", r.derived_from);
    if (!r.source.empty()) out.add("source", r.source);
    return out.take();
}

json quantity_json(const QuantityValue& v) {
    const Quantity& q = *v.quantity;
    return JsonObject()
        .add("id", q.id)
        .add("label", q.label)
        .add("value", v.value)
        .add("unit", q.unit)
        .add("explanation", q.explanation)
        .add("needs", v.needs)
        .add("source", q.source_id);
}

// Every criterion once, its quote by source id (reasons refer to it by id).
json criteria_json(const Policy& policy) {
    json out = json::object();
    for (std::size_t i = 0; i < policy.criteria.size(); ++i) {
        const auto& c = policy.criteria[i];
        json entry = JsonObject().add("text", c.text).add("source", criterion_source_id(policy, c));
        if (!c.if_not.empty()) entry["if_not"] = c.if_not;
        if (!c.exceptions.empty()) {
            json exceptions = json::array();
            for (std::size_t n = 0; n < c.exceptions.size(); ++n) {
                json e = JsonObject()
                             .add("text", c.exceptions[n].at("text"))
                             .add("source", exception_source_id(policy, c, n));
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
        out.push_back(
            JsonObject().add("id", d.at("id")).add("text", d.at("text")).add("source", policy.duty_source_ids.at(i)));
    }
    return out;
}

}  // namespace

const char* decisive_name(int rank) {
    return rank == 1 ? "beslissend" : rank == 2 ? "kan beslissen" : rank == 3 ? "telt mee" : nullptr;
}

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

json form_json(const PolicyProvision& p) { return JsonObject().add("text", p.form).add("source", p.form_source_id); }

// The contract's form of open questions: [{fact, decisive, settles}].
json open_questions_json(const Assessment& a) {
    json open = json::array();
    for (const auto& q : a.open_questions)
        open.push_back(
            JsonObject().add("fact", q.fact).add("decisive", decisive_name(q.rank)).add("settles", settles_json(q)));
    return open;
}

// The open questions of an assessment under `policies.<id>`, which are not
// the contract's: each [fact, rank, answer, verdict, answer, verdict, …]
// (rank 1 beslissend, 2 kan beslissen, 3 telt mee; docs/result.md). Written
// whole they were 5.5 kB of the default result's 95 kB; the merge writes them whole again.
json compact_open_questions_json(const Assessment& a) {
    json open = json::array();
    for (const auto& q : a.open_questions) {
        json entry = json::array({q.fact, q.rank});
        for (const auto& [answer, verdict] : q.settles) {
            entry.push_back(answer);
            entry.push_back(verdict);
        }
        open.push_back(std::move(entry));
    }
    return open;
}

json quantities_json(const Assessment& a) {
    json quantities = json::array();
    for (const auto& v : a.quantities) quantities.push_back(quantity_json(v));
    return quantities;
}

// What every written assessment has: verdict, reasons (compact where they
// can be), covered, and a carried pack's form. The form a policy names for a
// voorziening is the same in every result: the rulebook gives it (`forms`);
// a carried pack's is here.
JsonObject assessment_core_json(const Assessment& a) {
    const Policy& policy = *a.policy;
    json reasons = json::array();
    for (const auto& r : a.reasons) reasons.push_back(reason_json(r, policy));
    JsonObject out;
    out.add("verdict", a.verdict).add("reasons", std::move(reasons));
    if (a.covered) out.add("covered", *a.covered);
    if (a.form && policy.carried) out.add("form", form_json(*a.form));
    return out;
}

// One policy's assessment in a result's `policies.<id>`: without `policy`
// (the key says it), without `financier` when it is the municipality (all
// but the Zvw voorzieningen) and without `quantities` when there are none (a
// Zvw provision, a refusal before any figure); its open questions compact, and
// none for the provision's chosen policy (`with_open_questions` false), whose
// open questions are the contract's top-level ones. The merge puts all back.
json assessment_entry_json(const Assessment& a, bool with_open_questions) {
    JsonObject out = assessment_core_json(a);
    if (a.financier != kDefaultFinancier) out.add("financier", a.financier);
    if (with_open_questions) out.add("open_questions", compact_open_questions_json(a));
    if (!a.quantities.empty()) out.add("quantities", quantities_json(a));
    return out.take();
}

}  // namespace

json to_json(const Assessment& a) {
    return assessment_core_json(a)
        .add("financier", a.financier)
        .add("policy", a.policy->id)
        .add("open_questions", open_questions_json(a))
        .add("quantities", quantities_json(a))
        .take();
}

// Compact (docs/result.md): a fact's question and help are in `facts`, a
// policy's label in `policies[]`, and the chosen policy's open questions are
// given once, at the top (the contract's place), not again under `policies`.
json to_json(const Eligibility& e) {
    json by_policy = json::object();
    for (std::size_t k = 0; k < e.by_policy.size(); ++k)
        by_policy[e.by_policy[k].policy->id] = assessment_entry_json(e.by_policy[k], k != 0);
    if (e.by_policy.empty())
        return JsonObject()
            .add("verdict", "onbekend")
            .add("policy", nullptr)
            .add("reasons", json::array())
            .add("open_questions", json::array())
            .add("policies", std::move(by_policy))
            .add("differs", e.differs);
    const Assessment& main = e.by_policy.front();
    json reasons = json::array();
    for (const auto& r : main.reasons) reasons.push_back(reason_sentence(r));
    return JsonObject()
        .add("verdict", main.verdict)
        .add("policy", main.policy->id)
        .add("reasons", std::move(reasons))
        .add("open_questions", open_questions_json(main))
        .add("policies", std::move(by_policy))
        .add("differs", e.differs);
}

json to_json(const std::vector<OtherProvision>& others) {
    json out = json::array();
    for (const auto& o : others) {
        json by_policy = json::object();
        for (const auto& a : o.by_policy) by_policy[a.policy->id] = assessment_entry_json(a, true);
        out.push_back(JsonObject().add("id", o.id).add("name", o.name).add("policies", std::move(by_policy)));
    }
    return out;
}

json policy_json(const Policy& p) {
    return JsonObject()
        .add("id", p.id)
        .add("title", p.title)
        .add("label", p.label)
        .add("kind", p.kind)
        .add("note", p.note)
        .add("valid_from", format_iso_date(p.valid_from))
        .add("valid_from_note", p.valid_from_note)
        .add("default", p.id == kDefaultPolicy)
        .add("source_document", p.source_document)
        // Title, publisher, link and whether pages can be named (data/sources.json).
        .add("document", p.source_document.contains("seed")
                             ? document_for_seed(p.source_document.at("seed").get<std::string>())
                             : json())
        .add("not_modelled", p.not_modelled)
        .add("duties", duties_json(p))
        .add("criteria", criteria_json(p));
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
        out[f.id] = JsonObject().add("question", f.definition.at("question")).add("help", f.definition.at("explanation"));
    return out;
}

}  // namespace ivp

// The delivery tracks, procedure and late decision (src/ivp/dates/timeline.h).
namespace ivp {

namespace {

json anchor_json(const Anchor& a) {
    return JsonObject().add("event", a.event).add("date", format_iso_date(a.date)).add("kind", a.kind);
}

json term_json(int amount, std::string_view unit) { return JsonObject().add("amount", amount).add("unit", unit); }

json milestone_json(const Milestone& m, AnchorTable& anchors) {
    JsonObject out;
    out.add("id", m.id);
    if (!m.label.empty()) out.add("label", m.label);
    out.add("date", format_iso_date(m.date));
    if (m.from) out.add("from", anchors.add(*m.from));
    if (m.term) out.add("term", term_json(m.term->amount, to_string(m.term->unit)));
    if (!m.basis.empty()) out.add("basis", m.basis);
    if (m.atw_moved) out.add("atw_verschoven", *m.atw_moved);
    if (m.actual)
        out.add("actual", JsonObject().add("event", m.actual->event).add("date", format_iso_date(m.actual->date)));
    if (m.werkdagen_verschil) out.add("werkdagen_verschil", *m.werkdagen_verschil);
    if (!m.status.empty()) out.add("status", m.status);
    if (!m.next_step.empty()) out.add("next_step", m.next_step);
    return out.take();
}

json milestones_json(const std::vector<Milestone>& ms, AnchorTable& anchors) {
    json out = json::array();
    for (const auto& m : ms) out.push_back(milestone_json(m, anchors));
    return out;
}

// [id, start, start_kind, end, werkdagen, label?]: 44 phases of the default
// result, about a quarter of `timelines` when written as objects.
json phase_json(const Phase& ph) {
    json out = json::array(
        {ph.id, format_iso_date(ph.start), ph.start_kind, format_iso_date(ph.end), ph.werkdagen});
    if (!ph.label.empty()) out.push_back(ph.label);
    return out;
}

json track_json(const Track& t, AnchorTable& anchors) {
    if (!t.applies) return JsonObject().add("applies", false).add("reason", kZvwTrackReason);
    JsonObject out;
    // The ALS track has its category instead of `applies` (it always applies).
    if (t.category) out.add("category", to_string(*t.category));
    else out.add("applies", true);
    json phases = json::array();
    for (const auto& ph : t.phases) phases.push_back(phase_json(ph));
    out.add("phases", std::move(phases))
        .add("milestones", milestones_json(t.milestones, anchors))
        .add("end", format_iso_date(t.end));
    return out.take();
}

json tracks_json(const ProvisionTracks& t, AnchorTable& anchors) {
    return JsonObject()
        .add("als_protocol", track_json(t.als_protocol, anchors))
        .add("wmo_2015", track_json(t.wmo_2015, anchors))
        .add("gemeente", track_json(t.gemeente, anchors));
}

json money_json(const Money& m) {
    return JsonObject().add("eurocents", m.eurocents).add("unit", "EUR-cent").add("tekst", m.text);
}

// Its `source` (the statute's text) is the rulebook's `late_decision.tarief_sources.<valid_from>`.
json tariff_json(const DwangsomAmounts& a) {
    json tiers = json::array();
    for (const auto& t : a.tiers)
        tiers.push_back(JsonObject().add("days", t.days).add("eurocents_per_day", t.eurocents_per_day));
    return JsonObject()
        .add("valid_from", format_iso_date(a.valid_from))
        .add("valid_until", a.valid_until ? json(format_iso_date(*a.valid_until)) : json(nullptr))
        .add("tiers", a.tiers.empty() ? json(nullptr) : std::move(tiers));
}

json dwangsom_json(const Dwangsom& d) {
    JsonObject out;
    out.add("voorbeeld", d.example)
        .add("ingebrekestelling_ontvangen", format_iso_date(d.received))
        .add("eerste_dag", format_iso_date(d.first))
        .add("laatste_dag", format_iso_date(d.last));
    if (d.tariff) out.add("tarief", tariff_json(*d.tariff));
    if (d.maximum) out.add("maximum", money_json(*d.maximum));
    if (d.days) {
        out.add("dagen", *d.days).add("bedrag", d.amount ? money_json(*d.amount) : json(nullptr));
        if (!d.amount) out.add("bedrag_onbekend", d.amount_unknown);
    }
    return out.take();
}

}  // namespace

const std::string& TimelineTable::add(const std::string& provision_id, ProvisionTracks tracks) {
    for (std::size_t k = 0; k < tracks_.size(); ++k)
        if (tracks_[k] == tracks) return ids_[k];
    ids_.push_back(provision_id);
    tracks_.push_back(std::move(tracks));
    return ids_.back();
}

int AnchorTable::add(const Anchor& anchor) {
    for (std::size_t k = 0; k < anchors_.size(); ++k)
        if (anchors_[k] == anchor) return static_cast<int>(k);
    anchors_.push_back(anchor);
    return static_cast<int>(anchors_.size() - 1);
}

json AnchorTable::to_json() const {
    json out = json::array();
    for (const auto& a : anchors_) out.push_back(anchor_json(a));
    return out;
}

json TimelineTable::to_json(AnchorTable& anchors) const {
    json out = json::object();
    for (std::size_t k = 0; k < tracks_.size(); ++k) out[ids_[k]] = tracks_json(tracks_[k], anchors);
    return out;
}

json to_json(const Procedure& procedure, AnchorTable& anchors) {
    return JsonObject()
        .add("melding", format_iso_date(procedure.melding))
        .add("peildatum", format_iso_date(procedure.peildatum))
        .add("wmo_2015", JsonObject().add("milestones", milestones_json(procedure.wmo_2015, anchors)))
        .add("gemeente", JsonObject().add("milestones", milestones_json(procedure.gemeente, anchors)));
}

json late_decision_texts_json(const Terms& terms) {
    json tariffs = json::object();
    for (const auto& a : terms.dwangsom_amounts) tariffs[format_iso_date(a.valid_from)] = a.source;
    return JsonObject()
        .add("applies_to", "Het besluit (beschikking) op uw Wmo-aanvraag")
        .add("beslistermijn_basis", terms.beschikking.source)
        .add("basis", terms.dwangsom_source)
        .add("tarief_sources", std::move(tariffs));
}

json to_json(const LateDecision& late) {
    JsonObject out;
    out.add("aanvraag", anchor_json(late.aanvraag))
        .add("beslistermijn_einde", format_iso_date(late.deadline))
        .add("ingebrekestelling_vanaf", format_iso_date(late.vanaf))
        .add("peildatum", format_iso_date(late.peildatum))
        .add("status", late.status);
    if (late.received_too_early) out.add("ingebrekestelling_te_vroeg", true);
    if (late.received) out.add("ingebrekestelling_ontvangen", format_iso_date(*late.received));
    if (late.dwangsom) out.add("dwangsom", dwangsom_json(*late.dwangsom));
    out.add("next_step", late.next_step);
    return out.take();
}

}  // namespace ivp
