#include "ivp/result/questions.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ivp/base/insertion_sort.h"
#include "ivp/eligibility/compiled_rules.h"
#include "ivp/eligibility/policy_pack.h"
#include "ivp/costs/costs.h"
#include "ivp/base/json_object.h"
#include "ivp/eligibility/jsonlogic.h"

namespace ivp {

using nlohmann::json;
using jsonlogic::Truth;

namespace {

// What an answer to one fact can settle, summed over every policy.
struct Tally {
    std::set<std::string> verdicts;  // provisions whose verdict some answer settles alone
    std::set<std::string> criteria;  // provisions where some answer settles a criterion
    std::set<std::string> figures;   // provisions whose figure (quantity) an answer sets; "eigen_bijdrage"
    std::set<std::string> together;  // read by an open rule no single answer settles
};

// The answers while probing: one answer tried at a time, put back after.
class Probe {
public:
    Probe(const Scenario& s, const FactsCatalogue& facts)
        : facts_(facts), profile_(s.profile), slots_(rules::slots_from_profile(s.profile, facts)) {
        for (const auto& f : facts.facts)
            if (!s.profile.contains(f.id)) unknown_.insert(f.id);
    }
    const json& profile() const { return profile_; }
    const std::set<std::string>& unknown() const { return unknown_; }
    const std::vector<rules::Value>& slots() const { return slots_; }
    void set(const Fact& f, const json& v) {
        profile_[f.id] = v;
        unknown_.erase(f.id);
        slots_[slot(f)] = rules::from_json(profile_[f.id]).value_or(rules::Value::unknown());
    }
    void reset(const Fact& f) {
        profile_.erase(f.id);
        unknown_.insert(f.id);
        slots_[slot(f)] = rules::Value::unknown();
    }

private:
    std::size_t slot(const Fact& f) const { return static_cast<std::size_t>(&f - facts_.facts.data()); }
    const FactsCatalogue& facts_;
    json profile_;
    std::set<std::string> unknown_;
    std::vector<rules::Value> slots_;
};

// The criterion as the verdicts see it, exceptions included (policy.h).
Truth criterion_truth(const Policy& policy, const Criterion& c, const Probe& probe) {
    return ivp::criterion_truth(policy, c, probe.profile(), probe.unknown(), probe.slots());
}

Truth provision_truth(const Policy& policy, const PolicyProvision& p, const Probe& probe) {
    Truth t = Truth::yes;
    for (auto i : p.criteria) {
        t = jsonlogic::kleene_and(t, criterion_truth(policy, policy.criteria[i], probe));
        if (t == Truth::no) break;
    }
    return t;
}

// The answers worth trying: every value of a yes/no or choice fact; for a
// number its bounds and each number in the rule ±1 (as policy.cpp probes).
std::vector<json> candidates(const Fact& fact, const std::vector<double>& literals) {
    std::vector<json> out;
    if (fact.type == FactType::boolean) return {json(false), json(true)};
    if (fact.type == FactType::choice) {
        for (const auto& c : fact.choices) out.emplace_back(c);
        return out;
    }
    if (fact.type != FactType::integer) return out;
    std::set<std::int64_t> values = {fact.min, fact.max};
    for (double x : literals)
        for (double d : {-1.0, 0.0, 1.0})
            if (x + d >= static_cast<double>(fact.min) && x + d <= static_cast<double>(fact.max))
                values.insert(static_cast<std::int64_t>(x + d));
    for (auto v : values) out.emplace_back(v);
    return out;
}

bool askable(const Scenario& s, const std::string& id) {
    return !s.profile.contains(id) && !s.unanswered.count(id);
}

// One open criterion of an onbekend provision: which single answers settle
// the criterion, and which settle the verdict. When no single answer settles
// it (a comparison of two open facts), every open fact it reads counts.
void probe_criterion(const Policy& policy, const PolicyProvision& p, const Criterion& c, const Scenario& s,
                     const FactsCatalogue& facts, Probe& probe, std::map<std::string, Tally>& tally) {
    const std::vector<double>& literals = c.literals;  // the condition's and its exceptions' `when`
    std::vector<std::string> open;
    bool any = false;
    // The condition's facts and those of an exception's `when`: an answer to
    // either can turn an onbekend criterion into voldaan or niet voldaan.
    for (const auto& id : c.facts) {  // criterion_facts(c), kept by parse_policy
        const Fact* fact = facts.find(id);
        if (!fact || !askable(s, id)) continue;
        open.push_back(id);
        for (const auto& v : candidates(*fact, literals)) {
            probe.set(*fact, v);
            if (criterion_truth(policy, c, probe) != Truth::unknown) {
                any = true;
                tally[id].criteria.insert(p.id);
                if (provision_truth(policy, p, probe) != Truth::unknown) tally[id].verdicts.insert(p.id);
            }
            probe.reset(*fact);
        }
    }
    if (!any)
        for (const auto& id : open) tally[id].together.insert(p.id);
}

// A figure (normtijden, a length) that is still unknown: the open facts whose
// answer gives it a value, or all it reads when no single one does.
void probe_quantity(const Quantity& q, const std::string& provision, const Scenario& s, const FactsCatalogue& facts,
                    Probe& probe, std::map<std::string, Tally>& tally) {
    jsonlogic::Options options;
    options.unknown = &probe.unknown();
    if (!jsonlogic::apply(q.expression, probe.profile(), options).is_unknown()) return;
    std::vector<double> literals;
    jsonlogic::number_literals(q.expression, literals);
    std::vector<std::string> open;
    bool any = false;
    for (const auto& id : jsonlogic::vars_used(q.expression)) {
        const Fact* fact = facts.find(id);
        if (!fact || !askable(s, id)) continue;
        open.push_back(id);
        for (const auto& v : candidates(*fact, literals)) {
            probe.set(*fact, v);
            options.unknown = &probe.unknown();
            if (!jsonlogic::apply(q.expression, probe.profile(), options).is_unknown()) {
                any = true;
                tally[id].figures.insert(provision);
            }
            probe.reset(*fact);
        }
    }
    if (!any)
        for (const auto& id : open) tally[id].figures.insert(provision);
}

bool provision_in_play(const PolicyProvision& p, const Scenario& s, const Catalogue& catalogue) {
    if (p.not_covered) return false;
    if (!p.in_catalogue) return true;  // other_provisions: always in the result
    const auto index = catalogue.find(p.id);
    return index && s.selected[*index];
}

void probe_policy(const Policy& policy, const Scenario& s, const Rulebook& rb, Probe& probe,
                  std::map<std::string, Tally>& tally) {
    for (const auto& p : policy.provisions) {
        if (!provision_in_play(p, s, rb.catalogue)) continue;
        const Truth verdict = provision_truth(policy, p, probe);
        if (verdict == Truth::unknown)
            for (auto i : p.criteria)
                if (criterion_truth(policy, policy.criteria[i], probe) == Truth::unknown)
                    probe_criterion(policy, p, policy.criteria[i], s, rb.facts, probe, tally);
        // A figure of something refused decides nothing.
        if (verdict != Truth::no)
            for (auto i : p.quantities) probe_quantity(policy.quantities[i], p.id, s, rb.facts, probe, tally);
    }
}

// The eigen bijdrage's open questions (costs.cpp names them), probed the
// same way: an answer that changes who pays (or for which provisions), or
// else all of them together. Compared by eigen_bijdrage_who_pays()'s key,
// not its JSON: building the classification's JSON for every candidate
// answer was a fifth of an answer's work (docs/perf.md, "Interview").
void probe_costs(const Scenario& s, const Rulebook& rb, std::map<std::string, Tally>& tally) {
    const auto now = eigen_bijdrage_who_pays(s, rb.catalogue, rb.eigen_bijdrage);
    if (now.open_facts.empty()) return;
    EigenBijdrageKeys trial(s, rb.catalogue, rb.eigen_bijdrage);  // a key made once per distinct input
    std::vector<std::string> asked;
    bool any = false;
    for (const auto& id : now.open_facts) {
        const Fact* fact = rb.facts.find(id);
        if (!fact || !askable(s, id)) continue;
        asked.push_back(id);
        for (const auto& v : candidates(*fact, {})) {
            if (trial.key_with(id, v) != now.key) {
                any = true;
                tally[id].figures.insert("eigen_bijdrage");
            }
        }
    }
    if (!any)
        for (const auto& id : asked) tally[id].figures.insert("eigen_bijdrage");
}

struct Ranked {
    std::string fact;
    int score = 0;
    std::int64_t amount = 0;  // euros of the IVP provisions it decides (tie-breaker)
    std::size_t order = 0;    // its place in data/facts.json
    std::vector<std::string> decides;
};

// docs/eligibility.md, "Volgorde": 4 per provision whose verdict one answer
// settles, 2 per provision where it settles a rule, 1 per figure or rule it
// settles together with others.
Ranked rank(const std::string& id, const Tally& t, const Rulebook& rb) {
    Ranked r;
    r.fact = id;
    r.order = static_cast<std::size_t>(rb.facts.find(id) - rb.facts.facts.data());
    std::set<std::string> all;
    for (const auto* group : {&t.verdicts, &t.criteria, &t.together, &t.figures}) all.insert(group->begin(), group->end());
    for (const auto& p : all) {
        int best = t.verdicts.count(p) ? 4 : t.criteria.count(p) ? 2 : 1;
        r.score += best;
        if (const auto i = rb.catalogue.find(p)) r.amount += rb.catalogue.provisions[*i].amount_eur;
    }
    // Provisions in catalogue order, then the others, then the eigen bijdrage.
    for (const auto& p : rb.catalogue.provisions)
        if (all.count(p.id)) r.decides.push_back(p.id);
    for (const auto& p : all)
        if (!rb.catalogue.find(p) && p != "eigen_bijdrage") r.decides.push_back(p);
    if (all.count("eigen_bijdrage")) r.decides.push_back("eigen_bijdrage");
    return r;
}

// A follow-up (data/facts.json `follows`: the car's age after "heeft u een
// auto") comes right after its parent while the parent is still to be asked.
void keep_follow_ups_with_parent(std::vector<Ranked>& list, const FactsCatalogue& facts) {
    std::vector<Ranked> out;
    std::set<std::string> placed;
    const auto parent_of = [&facts](const std::string& id) -> std::string {
        const auto& d = facts.find(id)->definition;
        return d.contains("follows") ? d.at("follows").get<std::string>() : "";
    };
    const auto listed = [&list](const std::string& id) {
        return std::any_of(list.begin(), list.end(), [&id](const Ranked& r) { return r.fact == id; });
    };
    std::function<void(const Ranked&)> place = [&](const Ranked& r) {
        if (!placed.insert(r.fact).second) return;
        out.push_back(r);
        for (const auto& child : list)
            if (parent_of(child.fact) == r.fact) place(child);
    };
    for (const auto& r : list) {
        const auto parent = parent_of(r.fact);
        if (!parent.empty() && listed(parent)) continue;  // placed with its parent
        place(r);
    }
    for (const auto& r : list) place(r);  // a parent placed late: nothing is lost
    list = std::move(out);
}

}  // namespace

json questions_json(const Scenario& scenario, const Rulebook& rb) {
    return questions_json(scenario, rb, *select_policies(rb, scenario.policy, scenario.policy_pack.get()));
}

json questions_json(const Scenario& scenario, const Rulebook& rb, const std::vector<Policy>& policies) {
    std::map<std::string, Tally> tally;
    Probe probe(scenario, rb.facts);
    for (const auto& policy : policies) probe_policy(policy, scenario, rb, probe, tally);
    probe_costs(scenario, rb, tally);
    std::vector<Ranked> list;
    for (const auto& [id, t] : tally) list.push_back(rank(id, t, rb));
    insertion_sort(list.begin(), list.end(), [](const Ranked& a, const Ranked& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.amount != b.amount) return a.amount > b.amount;
        return a.order < b.order;
    });
    keep_follow_ups_with_parent(list, rb.facts);
    json out = json::array();
    for (const auto& r : list) {
        const auto& d = rb.facts.find(r.fact)->definition;
        out.push_back(JsonObject()
                          .add("fact", r.fact)
                          .add("question", d.at("question"))
                          .add("help", d.at("explanation"))
                          .add("decides", json(r.decides))
                          .add("group", d.value("group", "algemeen"))
                          .take());
    }
    return out;
}

}  // namespace ivp
