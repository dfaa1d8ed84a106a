#include "ivp/result/rulebook_json.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "ivp/base/error.h"
#include "ivp/base/json_object.h"
#include "ivp/budget/plan.h"
#include "ivp/costs/costs.h"
#include "ivp/dates/timeline.h"
#include "ivp/eligibility/policy_pack.h"
#include "ivp/kit/kit.h"
#include "ivp/result/calculate.h"
#include "ivp/result/result_json.h"

namespace ivp {

using nlohmann::json;

namespace {

// Every source of the data files that costs, financing and the kit quote.
void add_data_sources(json& sources, json& ids, const Rulebook& rulebook) {
    for (const SourceTable* t : {&rulebook.eigen_bijdrage.sources, &rulebook.financing.sources, &embedded_kit().sources})
        for (const auto& [id, entry] : t->entries().items()) {
            sources[id] = entry;
            ids.push_back(id);
        }
}

}  // namespace

json rulebook_json(const Rulebook& rulebook) {
    json policies = json::object(), policy_sources = json::object(), forms = json::object(), zvw = json::object();
    json sources = catalogue_sources_json(rulebook.catalogue);
    for (const auto& p : rulebook.policies) {
        policies[p.id] = policy_json(p);
        forms[p.id] = forms_json(p);
        zvw[p.id] = JsonObject().add("text", p.zvw.at("text")).add("source", p.zvw_source_id);
        json ids = json::array();
        for (const auto& [id, entry] : p.sources.items()) {
            sources[id] = entry;
            ids.push_back(id);
        }
        policy_sources[p.id] = std::move(ids);
    }
    json data_sources = json::array();
    add_data_sources(sources, data_sources, rulebook);
    return JsonObject()
        .add("rulebook", rulebook.id)
        .add("schema", kResultSchema)
        .add("policies", std::move(policies))
        .add("policy_sources", std::move(policy_sources))
        .add("data_sources", std::move(data_sources))
        .add("sources", std::move(sources))
        .add("forms", std::move(forms))
        .add("zvw", std::move(zvw))
        .add("facts", facts_table_json(rulebook.facts))
        .add("terms", terms_json(rulebook.terms))
        .add("tracks", tracks_json(rulebook.terms))
        .add("late_decision", late_decision_texts_json(rulebook.terms))
        .add("phases", phases_json(rulebook.terms))
        .add("policy_choices", policy_choices(rulebook.policies))
        .add("financing", financing_rules_json(rulebook.financing))
        .add("provision_financing", financing_groups_json(rulebook.financing))
        .add("provisions", catalogue_rows_json(rulebook.catalogue))
        .add("eigen_bijdrage_reasons", charge_reason_texts(rulebook.eigen_bijdrage))
        .add("costs", eigen_bijdrage_texts_json(rulebook.eigen_bijdrage))
        .add("plan", plan_rules_json())
        .add("kit", kit_texts_json());
}

const json& embedded_rulebook_tables() {
    static const json tables = rulebook_json(embedded_rulebook());
    return tables;
}

const std::string& embedded_rulebook_json_text() {
    static const std::string text = json_text(embedded_rulebook_tables());
    return text;
}

namespace {

// The form of each assessment under a policy of the rulebook.
void put_forms(json& by_policy, const std::string& provision, const json& forms, const json& own_policies) {
    for (auto& [policy, assessment] : by_policy.items()) {
        if (!own_policies.contains(policy)) continue;
        const auto& of_policy = forms.at(policy);
        if (auto f = of_policy.find(provision); f != of_policy.end()) assessment["form"] = *f;
    }
}

// A compact reason (result_json.cpp write_reason) whole again: "<n><o>" is
// {criterion, outcome}, the criterion by its place in its policy's criteria;
// "zvw" is the policy's Zvw reason with its text and source (`zvw_texts`: the
// rulebook's `zvw.<policy>`).
json whole_reason(const std::string& r, const std::vector<std::string>& criteria, const json* zvw_texts) {
    if (r == kZvwReason && zvw_texts)
        return JsonObject()
            .add("criterion", kZvwReason)
            .add("outcome", kZvwOutcome)
            .add("text", zvw_texts->at("text"))
            .add("source", zvw_texts->at("source"));
    const char* outcome = r.empty() ? nullptr : outcome_of_letter(r.back());
    std::size_t n = r.size() > 1 && r.size() < 6 ? 0 : criteria.size();
    for (std::size_t i = 0; i + 1 < r.size() && n < criteria.size(); ++i)
        n = r[i] >= '0' && r[i] <= '9' ? n * 10 + static_cast<std::size_t>(r[i] - '0') : criteria.size();
    if (!outcome || n >= criteria.size())
        throw DataError("rulebook", "", "een reden die het regelboek niet kent: " + r);
    return JsonObject().add("criterion", criteria[n]).add("outcome", outcome);
}

// A compact open question (result_json.cpp write_compact_open_questions)
// whole again: [fact, rank, answer, verdict, …] is {fact, decisive, settles: [{answer, verdict}]}.
json whole_open_question(const json& q) {
    if (!q.is_array()) return q;
    const char* decisive = q.size() >= 2 && q.size() % 2 == 0 && q[0].is_string() && q[1].is_number_integer()
                               ? decisive_name(q[1].get<int>())
                               : nullptr;
    if (!decisive) throw DataError("rulebook", "", "een open vraag die het regelboek niet kent: " + json_text(q));
    json settles = json::array();
    for (std::size_t k = 2; k < q.size(); k += 2)
        settles.push_back(JsonObject().add("answer", q[k]).add("verdict", q[k + 1]));
    return JsonObject().add("fact", q[0]).add("decisive", decisive).add("settles", std::move(settles));
}

// Every assessment whole: its `policy` (the key), its `financier` (the
// municipality when left out), its `quantities` ([] when left out), its
// compact reasons and open questions. `criteria`: policy id ->
// its criterion ids, sorted; `zvw`: the rulebook's Zvw reason per policy.
void put_assessments_whole(json& by_policy, const std::map<std::string, std::vector<std::string>>& criteria,
                           const json& zvw) {
    for (auto& [policy, assessment] : by_policy.items()) {
        if (!assessment.contains("policy")) assessment["policy"] = policy;
        if (!assessment.contains("financier")) assessment["financier"] = kDefaultFinancier;
        if (!assessment.contains("quantities")) assessment["quantities"] = json::array();
        const auto texts = zvw.find(policy);
        for (auto& r : assessment.at("reasons"))
            if (r.is_string())
                r = whole_reason(r.get<std::string>(), criteria.at(policy), texts == zvw.end() ? nullptr : &*texts);
        if (auto open = assessment.find("open_questions"); open != assessment.end())
            for (auto& q : *open) q = whole_open_question(q);
    }
}

// An eigen bijdrage's `reason_id` as its text, `reason` (costs.h charge_reason_texts).
void put_charge_reason(json& item, const json& texts) {
    const auto id = item.find("reason_id");
    if (id == item.end()) return;
    item["reason"] = texts.at(id->get<std::string>());
    item.erase("reason_id");
}

// `costs` whole: the financing rules (`financing`), the eigen bijdrage's
// reasons by id (`eigen_bijdrage_reasons`) and its texts (`costs`: those of
// `with_amounts` only where the amounts are, i.e. the result has
// `cost_price_cap`), and the proposal for 2027.
void put_costs_texts(json& costs, const json& rulebook) {
    costs["financing"] = rulebook.at("financing");
    const json& texts = rulebook.at("costs");
    costs["proposal_2027"] = texts.at("proposal_2027");
    const auto eb = costs.find("eigen_bijdrage");
    if (eb == costs.end()) return;
    for (const char* list : {"depends", "exempt", "not_applicable"})
        if (auto items = eb->find(list); items != eb->end())
            for (auto& item : *items) put_charge_reason(item, rulebook.at("eigen_bijdrage_reasons"));
    eb->update(texts.at("eigen_bijdrage"));
    if (eb->contains("cost_price_cap")) eb->update(texts.at("with_amounts"), /*merge_objects=*/true);
}

// A provision's `financing` with its group's part (the rulebook's
// `provision_financing.<group>`) put back; what the provision has wins.
json with_group_financing(const json& financing, const json& by_group) {
    json whole = by_group.at(financing.at("group").get<std::string>());
    whole.update(financing, /*merge_objects=*/true);
    return whole;
}

void put_sources(json& result, const json& rulebook, const json& rulebook_policies) {
    const json& all = rulebook.at("sources");
    // In the order calculate() wrote them (a later one of the same id wins):
    // the policies' (a carried pack's, then the rulebook's), the rows, the data files.
    json sources = result.at("sources");
    auto add = [&](const std::string& id) { sources[id] = all.at(id); };
    for (const auto& id : rulebook_policies)
        for (const auto& s : rulebook.at("policy_sources").at(id.get<std::string>())) add(s);
    for (const auto& p : result.at("provisions")) add(p.at("source"));
    for (const auto& s : rulebook.at("data_sources")) add(s);
    result["sources"] = std::move(sources);
}

}  // namespace

namespace {

// The policies of the rulebook the result names by id, whole (a carried pack
// is whole already); their ids, in order, in `ids`, and as keys of `own`.
void put_policies(json& result, const json& rulebook, json& own, json& ids) {
    for (auto& p : result.at("policies"))
        if (p.is_string()) {
            own[p.get<std::string>()] = true;
            ids.push_back(p);
            p = rulebook.at("policies").at(p.get<std::string>());
        }
}

// Each provision's row fields (the rulebook's `provisions`).
void put_rows(json& result, const json& rulebook) {
    const auto& rows = rulebook.at("provisions");
    for (auto& p : result.at("provisions"))
        for (const auto& [key, value] : rows.at(p.at("id").get<std::string>()).items()) p[key] = value;
}

// The tables that go back whole or key by key: facts, terms, tracks, phases,
// policy choices, the financing rules, the eigen bijdrage's reasons, the
// plan's texts and the kit's.
void put_tables(json& result, const json& rulebook) {
    json facts = json::object();
    for (const auto& id : result.at("facts")) facts[id.get<std::string>()] = rulebook.at("facts").at(id.get<std::string>());
    result["facts"] = std::move(facts);
    for (const char* key : {"terms", "tracks", "phases", "policy_choices"}) result[key] = rulebook.at(key);
    put_costs_texts(result["costs"], rulebook);
    for (const auto& [key, value] : rulebook.at("plan").items()) result["plan"][key] = value;
    for (const char* list : {"checklist", "requests"})
        for (auto& item : result.at("kit").at(list)) {
            const json& texts = rulebook.at("kit").at(list).at(item.at("id").get<std::string>());
            for (const auto& [key, value] : texts.items()) item[key] = value;
        }
}

// Each policy's criterion ids as its `criteria` is written (sorted); the
// first policy of an id, as the page looks a policy up.
std::map<std::string, std::vector<std::string>> criteria_by_policy(const json& policies) {
    std::map<std::string, std::vector<std::string>> criteria;
    for (const auto& p : policies) {
        auto& ids = criteria[p.at("id").get<std::string>()];
        if (!ids.empty()) continue;
        for (const auto& [id, c] : p.at("criteria").items()) ids.push_back(id);
    }
    return criteria;
}

// Per provision (and other provision): its financing's group part and
// reason, each assessment whole and its form.
void put_assessments(json& result, const json& rulebook, const json& own) {
    const auto criteria = criteria_by_policy(result.at("policies"));
    const auto& forms = rulebook.at("forms");
    const auto& zvw = rulebook.at("zvw");
    const auto& by_group = rulebook.at("provision_financing");
    const auto& charge_reasons = rulebook.at("eigen_bijdrage_reasons");
    for (auto& p : result.at("provisions")) {
        if (auto f = p.find("financing"); f != p.end()) {
            *f = with_group_financing(*f, by_group);
            if (auto eb = f->find("eigen_bijdrage"); eb != f->end()) put_charge_reason(*eb, charge_reasons);
        }
        put_assessments_whole(p.at("eligibility").at("policies"), criteria, zvw);
        put_forms(p.at("eligibility").at("policies"), p.at("id"), forms, own);
    }
    for (auto& o : result.at("other_provisions")) {
        put_assessments_whole(o.at("policies"), criteria, zvw);
        put_forms(o.at("policies"), o.at("id"), forms, own);
    }
}

}  // namespace

namespace {

// A milestone's `from` whole again: its place in the result's `anchors`.
void put_anchor(json& milestone, const json& anchors) {
    if (auto from = milestone.find("from"); from != milestone.end() && from->is_number_integer()) {
        const auto n = from->get<std::int64_t>();
        if (n < 0 || static_cast<std::size_t>(n) >= anchors.size())
            throw DataError("rulebook", "", "een begin van een termijn dat het resultaat niet heeft: " + json_text(*from));
        *from = anchors[static_cast<std::size_t>(n)];
    }
}

// A phase [id, start, start_kind, end, werkdagen, label?] whole again.
json whole_phase(const json& ph) {
    if (!ph.is_array()) return ph;
    if (ph.size() != 5 && ph.size() != 6) throw DataError("rulebook", "", "een fase die het regelboek niet kent: " + json_text(ph));
    json out = JsonObject().add("id", ph[0]).add("start", ph[1]).add("start_kind", ph[2]).add("end", ph[3]).add("werkdagen", ph[4]);
    if (ph.size() == 6) out["label"] = ph[5];
    return out;
}

// The result's `anchors`, taken out of it (none: an empty table).
json take_anchors(json& result) {
    const auto found = result.find("anchors");
    if (found == result.end()) return json::array();
    json anchors = std::move(*found);
    result.erase(found);
    return anchors;
}

// The delivery tracks of `timelines` whole: each `from` the anchor it names,
// each phase an object.
void put_timelines(json& result, const json& anchors) {
    for (auto& [id, tracks] : result.at("timelines").items())
        for (auto& [name, track] : tracks.items()) {
            if (auto ms = track.find("milestones"); ms != track.end())
                for (auto& m : *ms) put_anchor(m, anchors);
            if (auto phases = track.find("phases"); phases != track.end())
                for (auto& ph : *phases) ph = whole_phase(ph);
        }
}

// `procedure` and `late_decision` whole: each part's label, id and caveat
// (the rulebook's `tracks`), each milestone's `from` (the anchor it names)
// and its label, basis and term (`terms.<id>`: label, cite, term) where it
// left them out, and the late decision's texts and its tariff's source
// (`late_decision`).
void put_procedure(json& result, const json& rulebook, const json& anchors) {
    const json& terms = rulebook.at("terms");
    for (const char* part : {"wmo_2015", "gemeente"}) {
        json& p = result.at("procedure").at(part);
        for (const auto& [key, value] : rulebook.at("tracks").at(part).items())
            if (!p.contains(key)) p[key] = value;
        for (auto& m : p.at("milestones")) {
            put_anchor(m, anchors);
            const auto t = terms.find(m.at("id").get<std::string>());
            if (t == terms.end()) continue;
            for (const auto& [from, to] : {std::pair{"label", "label"}, {"cite", "basis"}, {"term", "term"}})
                if (!m.contains(to) && t->contains(from)) m[to] = t->at(from);
        }
    }
    json& late = result.at("late_decision");
    const json& texts = rulebook.at("late_decision");
    for (const char* key : {"applies_to", "basis", "beslistermijn_basis"})
        if (!late.contains(key)) late[key] = texts.at(key);
    if (auto d = late.find("dwangsom"); d != late.end())
        if (auto tarief = d->find("tarief"); tarief != d->end() && !tarief->contains("source"))
            (*tarief)["source"] = texts.at("tarief_sources").at(tarief->at("valid_from").get<std::string>());
}

}  // namespace

json with_rulebook(json result, const json& rulebook) {
    if (result.value("rulebook", json()) != rulebook.at("rulebook"))
        throw DataError("rulebook", "", "het resultaat hoort bij regelboek " + json_text(result.value("rulebook", json())) +
                                            ", niet bij " + json_text(rulebook.at("rulebook")));
    result.erase("rulebook");
    json own = json::object(), ids = json::array();
    put_policies(result, rulebook, own, ids);
    put_rows(result, rulebook);  // before put_sources reads each provision's source
    put_sources(result, rulebook, ids);
    put_tables(result, rulebook);
    put_assessments(result, rulebook, own);
    const json anchors = take_anchors(result);
    put_timelines(result, anchors);
    put_procedure(result, rulebook, anchors);
    return result;
}

}  // namespace ivp
