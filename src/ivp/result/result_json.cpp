#include "ivp/result/result_json.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <stdexcept>

#include "ivp/base/insertion_sort.h"
#include "ivp/base/data_reader.h"
#include "ivp/base/json_object.h"
#include "ivp/base/sources.h"
#include "ivp/dates/timeline.h"

namespace ivp {

using nlohmann::json;

namespace {

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

void write_strings(JsonTextWriter& out, const std::vector<std::string>& items) {
    write_array(out, items, [](JsonTextWriter& o, const std::string& s) { o.string(s); });
}

void write_reason(JsonTextWriter& out, const Reason& r, const Policy& policy) {
    const bool plain = !r.own_text && r.exceptions.empty() && r.derived_from.empty() && r.source.empty();
    if (const char letter = outcome_letter(r.outcome); plain && letter) {
        if (const auto place = criterion_place(policy, r.criterion)) {
            char buffer[24];
            char* end = std::to_chars(buffer, buffer + sizeof buffer - 1, *place).ptr;
            *end++ = letter;
            out.string(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
            return;
        }
    }
    if (!policy.carried && is_policy_zvw_reason(r, policy)) {
        out.string(kZvwReason);
        return;
    }
    JsonMembers m(out);
    m("criterion").string(r.criterion);
    if (!r.derived_from.empty()) m("derived_from").string(r.derived_from);
    if (!r.exceptions.empty()) write_strings(m("exceptions"), r.exceptions);
    m("outcome").string(r.outcome);
    if (!r.source.empty()) m("source").string(r.source);
    if (r.own_text) m("text").string(r.text);
}

void write_quantity(JsonTextWriter& out, const QuantityValue& v) {
    const Quantity& q = *v.quantity;
    JsonMembers m(out);
    m("explanation").string(q.explanation);
    m("id").string(q.id);
    m("label").string(q.label);
    write_strings(m("needs"), v.needs);
    m("source").string(q.source_id);
    m("unit").string(q.unit);
    m("value").value(v.value);
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

// A policy's form of a voorziening, {source, text}: the rulebook's `forms`
// (a tree), a carried pack's in its assessment (written, below).
json form_json(const PolicyProvision& p) { return JsonObject().add("text", p.form).add("source", p.form_source_id); }

void write_form(JsonTextWriter& out, const PolicyProvision& p) {
    JsonMembers m(out);
    m("source").string(p.form_source_id);
    m("text").string(p.form);
}

// The contract's form of open questions: [{fact, decisive, settles}].
void write_open_questions(JsonTextWriter& out, const Assessment& a) {
    write_array(out, a.open_questions, [](JsonTextWriter& o, const OpenQuestion& q) {
        JsonMembers m(o);
        if (const char* decisive = decisive_name(q.rank)) m("decisive").string(decisive);
        else m("decisive").null();
        m("fact").string(q.fact);
        write_array(m("settles"), q.settles, [](JsonTextWriter& w, const auto& settled) {
            JsonMembers s(w);
            s("answer").value(settled.first);
            s("verdict").string(settled.second);
        });
    });
}

// The open questions of an assessment under `policies.<id>`, which are not
// the contract's: each [fact, rank, answer, verdict, answer, verdict, …]
// (rank 1 beslissend, 2 kan beslissen, 3 telt mee; docs/result.md). Written
// whole they were 5.5 kB of the default result's 95 kB; the merge writes them whole again.
void write_compact_open_questions(JsonTextWriter& out, const Assessment& a) {
    write_array(out, a.open_questions, [](JsonTextWriter& o, const OpenQuestion& q) {
        o.put('[');
        o.string(q.fact);
        o.put(',');
        o.integer(q.rank);
        for (const auto& [answer, verdict] : q.settles) {
            o.put(',');
            o.value(answer);
            o.put(',');
            o.string(verdict);
        }
        o.put(']');
    });
}

// One policy's assessment in a result's `policies.<id>`: verdict, reasons
// (compact where they can be), covered, and a carried pack's form (the form
// a policy names for a voorziening is the same in every result: the
// rulebook gives it, `forms`); without `policy` (the key says it), without
// `financier` when it is the municipality (all but the Zvw voorzieningen) and
// without `quantities` when there are none (a Zvw provision, a refusal before
// any figure); its open questions compact, and none for the provision's
// chosen policy (`with_open_questions` false), whose open questions are the
// contract's top-level ones. The merge puts all back.
void write_assessment_entry(JsonTextWriter& out, const Assessment& a, bool with_open_questions) {
    const Policy& policy = *a.policy;
    JsonMembers m(out);
    if (a.covered) m("covered").boolean(*a.covered);
    if (a.financier != kDefaultFinancier) m("financier").string(a.financier);
    if (a.form && policy.carried) write_form(m("form"), *a.form);
    if (with_open_questions) write_compact_open_questions(m("open_questions"), a);
    if (!a.quantities.empty()) write_array(m("quantities"), a.quantities, write_quantity);
    write_array(m("reasons"), a.reasons, [&policy](JsonTextWriter& o, const Reason& r) { write_reason(o, r, policy); });
    m("verdict").string(a.verdict);
}

// `policies`: each assessment under its policy's id, in the order of the ids
// (as a tree's keys); of two of the same id the later one, as a tree's
// assignment keeps it. The one at place 0 is the chosen policy's.
void write_policies(JsonTextWriter& out, const std::vector<Assessment>& by_policy, bool first_with_open_questions) {
    std::vector<std::size_t> order(by_policy.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    insertion_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return by_policy[a].policy->id < by_policy[b].policy->id; });
    JsonMembers m(out);
    for (std::size_t n = 0; n < order.size(); ++n) {
        const std::size_t k = order[n];
        if (n + 1 < order.size() && by_policy[order[n + 1]].policy->id == by_policy[k].policy->id) continue;
        write_assessment_entry(m(by_policy[k].policy->id), by_policy[k], k != 0 || first_with_open_questions);
    }
}

}  // namespace

// Compact (docs/result.md): a fact's question and help are in `facts`, a
// policy's label in `policies[]`, and the chosen policy's open questions are
// given once, at the top (the contract's place), not again under `policies`.
void write_eligibility(JsonTextWriter& out, const Eligibility& e) {
    JsonMembers m(out);
    m("differs").boolean(e.differs);
    if (e.by_policy.empty()) {
        m("open_questions").put("[]", 2);
        m("policies").put("{}", 2);
        m("policy").null();
        m("reasons").put("[]", 2);
        m("verdict").string("onbekend");
        return;
    }
    const Assessment& main = e.by_policy.front();
    write_open_questions(m("open_questions"), main);
    write_policies(m("policies"), e.by_policy, /*first_with_open_questions=*/false);
    m("policy").string(main.policy->id);
    // The contract's sentences: "<outcome>: <text>[ (<cite>)]".
    write_array(m("reasons"), main.reasons, [](JsonTextWriter& o, const Reason& r) {
        if (r.cite.empty()) o.string_of({r.outcome, ": ", r.text});
        else o.string_of({r.outcome, ": ", r.text, " (", r.cite, ")"});
    });
    m("verdict").string(main.verdict);
}

void write_other_provisions(JsonTextWriter& out, const std::vector<OtherProvision>& others) {
    write_array(out, others, [](JsonTextWriter& o, const OtherProvision& other) {
        JsonMembers m(o);
        m("id").string(other.id);
        m("name").string(other.name);
        write_policies(m("policies"), other.by_policy, /*first_with_open_questions=*/true);
    });
}

std::string eligibility_text(const Eligibility& e) {
    return written_text([&](JsonTextWriter& out) { write_eligibility(out, e); });
}

std::string other_provisions_text(const std::vector<OtherProvision>& others) {
    return written_text([&](JsonTextWriter& out) { write_other_provisions(out, others); });
}

json to_json(const Eligibility& e) { return parse_data_json(eligibility_text(e)); }
json to_json(const std::vector<OtherProvision>& others) { return parse_data_json(other_provisions_text(others)); }

json to_json(const Assessment& a) {
    return parse_data_json(written_text([&a](JsonTextWriter& out) {
        JsonMembers m(out);
        if (a.covered) m("covered").boolean(*a.covered);
        m("financier").string(a.financier);
        if (a.form && a.policy->carried) write_form(m("form"), *a.form);
        write_open_questions(m("open_questions"), a);
        m("policy").string(a.policy->id);
        write_array(m("quantities"), a.quantities, write_quantity);
        write_array(m("reasons"), a.reasons, [&a](JsonTextWriter& o, const Reason& r) { write_reason(o, r, *a.policy); });
        m("verdict").string(a.verdict);
    }));
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

// Written straight as text (result_draft.h), keys in the order a tree keeps
// them (sorted by their bytes); the anchors numbered before (number_anchors).
void write_milestone(JsonTextWriter& out, const Milestone& m, const AnchorTable& anchors) {
    JsonMembers w(out);
    if (m.actual) {
        JsonMembers a(w("actual"));
        a("date").string(format_iso_date(m.actual->date));
        a("event").string(m.actual->event);
    }
    if (m.atw_moved) w("atw_verschoven").boolean(*m.atw_moved);
    if (!m.basis.empty()) w("basis").string(m.basis);
    w("date").string(format_iso_date(m.date));
    if (m.from) w("from").integer(anchors.place(*m.from));
    w("id").string(m.id);
    if (!m.label.empty()) w("label").string(m.label);
    if (!m.next_step.empty()) w("next_step").string(m.next_step);
    if (!m.status.empty()) w("status").string(m.status);
    if (m.term) {
        JsonMembers t(w("term"));
        t("amount").integer(m.term->amount);
        t("unit").string(to_string(m.term->unit));
    }
    if (m.werkdagen_verschil) w("werkdagen_verschil").integer(*m.werkdagen_verschil);
}

void write_milestones(JsonTextWriter& out, const std::vector<Milestone>& ms, const AnchorTable& anchors) {
    write_array(out, ms, [&anchors](JsonTextWriter& o, const Milestone& m) { write_milestone(o, m, anchors); });
}

// [id, start, start_kind, end, werkdagen, label?]: 44 phases of the default
// result, about a quarter of `timelines` when written as objects.
void write_phase(JsonTextWriter& out, const Phase& ph) {
    out.put('[');
    out.string(ph.id);
    out.put(',');
    out.string(format_iso_date(ph.start));
    out.put(',');
    out.string(ph.start_kind);
    out.put(',');
    out.string(format_iso_date(ph.end));
    out.put(',');
    out.integer(ph.werkdagen);
    if (!ph.label.empty()) {
        out.put(',');
        out.string(ph.label);
    }
    out.put(']');
}

void write_track(JsonTextWriter& out, const Track& t, const AnchorTable& anchors) {
    JsonMembers w(out);
    if (!t.applies) {
        w("applies").boolean(false);
        w("reason").string(kZvwTrackReason);
        return;
    }
    // The ALS track has its category instead of `applies` (it always applies).
    if (t.category) w("category").string(to_string(*t.category));
    else w("applies").boolean(true);
    w("end").string(format_iso_date(t.end));
    write_milestones(w("milestones"), t.milestones, anchors);
    write_array(w("phases"), t.phases, write_phase);
}

void write_tracks(JsonTextWriter& out, const ProvisionTracks& t, const AnchorTable& anchors) {
    JsonMembers w(out);
    write_track(w("als_protocol"), t.als_protocol, anchors);
    write_track(w("gemeente"), t.gemeente, anchors);
    write_track(w("wmo_2015"), t.wmo_2015, anchors);
}

void number_milestone_anchors(const std::vector<Milestone>& ms, AnchorTable& anchors) {
    for (const auto& m : ms)
        if (m.from) anchors.add(*m.from);
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

int AnchorTable::find(const Anchor& anchor) const {
    for (std::size_t k = 0; k < anchors_.size(); ++k)
        if (anchors_[k] == anchor) return static_cast<int>(k);
    return -1;
}

int AnchorTable::add(const Anchor& anchor) {
    if (const int k = find(anchor); k >= 0) return k;
    anchors_.push_back(anchor);
    return static_cast<int>(anchors_.size() - 1);
}

json AnchorTable::to_json() const {
    json out = json::array();
    for (const auto& a : anchors_) out.push_back(anchor_json(a));
    return out;
}

int AnchorTable::place(const Anchor& anchor) const {
    if (const int k = find(anchor); k >= 0) return k;
    throw std::logic_error("anchor not numbered: " + anchor.event);  // number_anchors was not called
}

const ProvisionTracks& TimelineTable::tracks(const std::string& key) const {
    for (std::size_t k = 0; k < ids_.size(); ++k)
        if (ids_[k] == key) return tracks_[k];
    throw std::logic_error("no timeline " + key);
}

// In the order the tracks were added: the anchors' places are the same
// whatever order the text is written in.
void TimelineTable::number_anchors(AnchorTable& anchors) const {
    for (const auto& t : tracks_)
        for (const Track* track : {&t.als_protocol, &t.wmo_2015, &t.gemeente})
            number_milestone_anchors(track->milestones, anchors);
}

void TimelineTable::write(JsonTextWriter& out, const AnchorTable& anchors) const {
    // By key, as a tree keeps them; a key is the first provision's id with those tracks.
    std::vector<std::size_t> order(ids_.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    insertion_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) { return ids_[a] < ids_[b]; });
    JsonMembers w(out);
    for (const auto k : order) write_tracks(w(ids_[k]), tracks_[k], anchors);
}

void number_anchors(const Procedure& procedure, AnchorTable& anchors) {
    number_milestone_anchors(procedure.wmo_2015, anchors);
    number_milestone_anchors(procedure.gemeente, anchors);
}

void write_procedure(JsonTextWriter& out, const Procedure& procedure, const AnchorTable& anchors) {
    JsonMembers w(out);
    {
        JsonMembers gemeente(w("gemeente"));
        write_milestones(gemeente("milestones"), procedure.gemeente, anchors);
    }
    w("melding").string(format_iso_date(procedure.melding));
    w("peildatum").string(format_iso_date(procedure.peildatum));
    JsonMembers wmo(w("wmo_2015"));
    write_milestones(wmo("milestones"), procedure.wmo_2015, anchors);
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
