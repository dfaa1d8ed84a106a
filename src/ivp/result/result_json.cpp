#include "ivp/result/result_json.h"

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

json reason_json(const Reason& r) {
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
    for (const auto& r : a.reasons) reasons.push_back(reason_json(r));
    json out = {{"policy", policy.id}, {"verdict", a.verdict}, {"financier", a.financier}, {"reasons", std::move(reasons)}};
    if (with_open_questions) out["open_questions"] = open_questions_json(a);
    if (a.covered) out["covered"] = *a.covered;
    // A Zvw provision has no quantities either way; the others list theirs.
    json quantities = json::array();
    for (const auto& v : a.quantities) quantities.push_back(quantity_json(v));
    out["quantities"] = std::move(quantities);
    if (a.form) out["form"] = {{"text", a.form->form}, {"source", a.form->form_source_id}};
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

json policies_json(const std::vector<Policy>& policies) {
    json out = json::array();
    for (const auto& p : policies)
        out.push_back({{"id", p.id},
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
                       {"criteria", criteria_json(p)}});
    return out;
}

std::string catalogue_source_id(const Provision& p) { return "als-ivp/" + p.id; }

json sources_json(const std::vector<Policy>& policies, const Catalogue& catalogue, const std::vector<bool>& selected) {
    json out = json::object();
    for (const auto& p : policies)
        for (const auto& [id, entry] : p.sources.items()) out[id] = entry;
    for (std::size_t i = 0; i < catalogue.provisions.size(); ++i)
        if (i < selected.size() && selected[i]) {
            json entry = catalogue.provisions[i].source;
            entry["cite"] = row_cite(catalogue.provisions[i].name);
            out[catalogue_source_id(catalogue.provisions[i])] = std::move(entry);
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
    json out = json::object();
    for (const auto& id : ids)
        if (const Fact* f = facts.find(id))
            out[id] = {{"question", f->definition.at("question")}, {"help", f->definition.at("explanation")}};
    return out;
}

}  // namespace ivp
