#include "ivp/api/situation.h"

#include "ivp/api/boundary.h"
#include "ivp/budget/plan.h"
#include "ivp/result/calculate.h"
#include "ivp/costs/costs.h"
#include "ivp/base/error.h"
#include "ivp/result/explain.h"
#include "ivp/base/json_input.h"
#include "ivp/base/json_object.h"
#include "ivp/eligibility/policy.h"
#include "ivp/eligibility/policy_pack.h"
#include "ivp/result/questions.h"
#include "ivp/result/read_scenario.h"
#include "ivp/result/result_json.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>
#include <set>
#include <string_view>

namespace ivp {

using nlohmann::json;

namespace {

// The per-provision parts an answer can change: the verdicts and whether the
// ALS protocol's verdict keeps the provision in the personal budget
// (src/ivp/budget/plan.h), which come and go together, and the financing
// texts that read a fact.
constexpr const char* kVerdictParts[] = {"eligibility", "in_plan", "plan_reason", "plan_reasons", "plan_kept"};
constexpr const char* kFinancing = "financing";
// The top-level objects that hold only the keys an answer reaches: each key
// given replaces the old one. Every other top-level part (other_provisions,
// questions, facts) replaces the old one whole.
constexpr const char* kMergedByKey[] = {"costs", "plan"};

// The facts whose answer differs between two profiles (as validate_profile
// gives them: without the nulls, which assess as unanswered).
std::set<std::string> changed_facts(const json& before, const json& now) {
    std::set<std::string> out;
    for (const auto& [id, value] : now.items()) {
        const auto it = before.find(id);
        if (it == before.end() || *it != value) out.insert(id);
    }
    for (const auto& [id, value] : before.items())
        if (!now.contains(id)) out.insert(id);
    return out;
}

// Whether an answer changed a fact that a part of costs.cpp reads (its list:
// kEigenBijdrageReads, kFinancingReads).
template <std::size_t N>
bool reads_changed(const std::array<std::string_view, N>& reads, const std::optional<std::set<std::string>>& changed) {
    if (!changed) return true;
    for (const auto id : reads)
        if (changed->count(std::string(id))) return true;
    return false;
}

bool any_other_reads(const std::vector<Policy>& policies, const std::set<std::string>& changed) {
    for (const auto& policy : policies)
        for (const auto& p : policy.provisions)
            if (!p.in_catalogue && reads_any(policies, p.id, changed)) return true;
    return false;
}

}  // namespace

// Only what an answer reaches, computed directly: no delivery tracks, no
// procedure, kit, terms or policy texts (they read no fact), and no JSON
// built only to be dropped. Each part is made by the same function that
// makes it for calculate(), with the lean parts taken out as explain() takes
// them out; tests/unit/situation_test.cpp holds the result equal to the same
// parts of a whole explain() for many scenarios and profiles.
json situation(const Scenario& s, const Rulebook& rb) { return situation_since(s, nullptr, rb); }

namespace {

// What every part of one situation reads: the scenario, its rulebook, the
// selected policies, the answers, and the facts changed since the previous
// profile (none given: everything counts as changed).
struct SituationInput {
    const Scenario& s;
    const Rulebook& rb;
    const std::vector<Policy>& policies;
    const ProfileAnswers& answers;
    const std::optional<std::set<std::string>>& changed;
};

// The parts of provision i an answer reached; empty when none.
// Its eligibility goes in `draft`, written as text (result_draft.h).
json provision_part(const SituationInput& in, std::size_t i, bool in_plan, bool financing_reached,
                    std::set<std::string>& open_facts, ResultDraft& draft) {
    const auto& s = in.s;
    const auto& rb = in.rb;
    const auto& p = rb.catalogue.provisions[i];
    json part = json::object();
    if (!in.changed || reads_any(in.policies, p.id, *in.changed)) {
        auto assessed = eligibility(p, in.answers, in.policies, rb.facts);
        collect_open_facts(assessed, open_facts);
        add_plan_verdict_fields(part, s, i, in_plan, assessed);
        draft.eligibility.emplace_back(p.id, std::move(assessed));
    } else {
        for (const auto& policy : in.policies) add_open_question_facts(policy, p.id, in.answers, rb.facts, open_facts);
    }
    if (financing_reached) {
        auto financing = financing_json(s, rb.catalogue, i, rb.financing, rb.eigen_bijdrage);
        remove_lean_parts(financing, financing_amounts_json(s, rb.catalogue, i));
        if (!financing.empty()) part[kFinancing] = std::move(financing);  // never empty in practice: a group at least
    }
    return part;
}

json provisions_part(const SituationInput& in, const std::vector<bool>& in_plan, bool financing_reached,
                     std::set<std::string>& open_facts, ResultDraft& draft) {
    const Catalogue& catalogue = in.rb.catalogue;
    json provisions = json::object();
    for (std::size_t i = 0; i < catalogue.provisions.size(); ++i) {
        if (!in.s.selected[i]) continue;
        const std::size_t verdicts_before = draft.eligibility.size();
        json part = provision_part(in, i, in_plan[i], financing_reached, open_facts, draft);
        const bool verdicts_made = draft.eligibility.size() > verdicts_before;
        // Nothing of it changed: left out.
        if (verdicts_made || !part.empty()) provisions[catalogue.provisions[i].id] = std::move(part);
    }
    return provisions;
}

json costs_part(const Scenario& s, const Rulebook& rb) {
    auto costs = costs_json(s, rb.catalogue, rb.eigen_bijdrage);  // without the financing texts: no fact reaches them
    remove_lean_parts(costs,
                      JsonObject().add("eigen_bijdrage", eigen_bijdrage_amounts_json(s, rb.catalogue, rb.eigen_bijdrage)));
    return costs;
}

// The provisions outside the catalogue, when an answer reached one of them.
void put_other_provisions(const SituationInput& in, ResultDraft& draft, std::set<std::string>& open_facts) {
    if (!in.changed || any_other_reads(in.policies, *in.changed)) {
        auto others = other_provisions(in.answers, in.policies, in.rb.facts);
        collect_open_facts(others, open_facts);
        draft.others = std::move(others);  // written as text (result_draft.h)
    } else {
        for (const auto& policy : in.policies)
            for (const auto& p : policy.provisions)
                if (!p.in_catalogue) add_open_question_facts(policy, p.id, in.answers, in.rb.facts, open_facts);
    }
}

}  // namespace

// With the previous profile, a voorziening none of whose assessments reads a
// changed fact (PolicyProvision::reads) keeps its verdict parts: they are
// neither made nor sent. Its open questions still name their facts in
// `facts`, found without probing (add_open_question_facts).
json situation_since(const Scenario& s, const json* previous_profile, const Rulebook& rb) {
    return draft_tree(situation_draft(s, previous_profile, rb));
}

ResultDraft situation_draft(const Scenario& s, const json* previous_profile, const Rulebook& rb) {
    ResultDraft draft;
    const Catalogue& catalogue = rb.catalogue;
    const auto selection = select_policies(rb, s.policy, s.policy_pack.get());
    const auto& policies = *selection;
    const ProfileAnswers answers(s.profile, rb.facts);
    std::optional<std::set<std::string>> changed;
    if (previous_profile) changed = changed_facts(*previous_profile, s.profile);
    const SituationInput in{s, rb, policies, answers, changed};
    const std::vector<bool> in_plan = budget_mask(s, catalogue, rb.policies, rb.facts);
    // The financing texts and the eigen bijdrage read a few facts (costs.h):
    // an answer to any other fact leaves them as the caller holds them.
    const bool financing_reached = reads_changed(kFinancingReads, changed);
    const bool costs_reached = reads_changed(kEigenBijdrageReads, changed);
    std::set<std::string> open_facts;  // named by an open question: their texts go in `facts`
    json out = JsonObject()
                   .add("provisions", provisions_part(in, in_plan, financing_reached, open_facts, draft))
                   .add("questions", questions_json(s, rb, policies))
                   .add("plan", plan_verdict_summary(s, catalogue, in_plan));
    if (costs_reached) out["costs"] = costs_part(s, rb);
    put_other_provisions(in, draft, open_facts);
    out["facts"] = facts_json(open_facts, rb.facts);
    draft.tree = std::move(out);
    draft.policies = selection;  // the assessments point into them
    return draft;
}

void apply_situation(json& explanation, const json& part) {
    auto& provisions = explanation.at("provisions");
    for (const auto& [id, entry] : part.at("provisions").items()) {
        auto& target = provisions[id];
        // explain() always has `eligibility`: a provision without it kept its
        // verdicts (situation_since). A part that is gone is left out, as
        // explain() leaves an emptied part out.
        if (entry.contains("eligibility"))
            for (const char* key : kVerdictParts) {
                if (entry.contains(key)) target[key] = entry.at(key);
                else target.erase(key);
            }
        // The financing is given when an answer reached it (it is never
        // empty: a group, its label and forms at least); else the one held
        // is still right.
        if (entry.contains(kFinancing)) target[kFinancing] = entry.at(kFinancing);
    }
    for (const auto& [key, value] : part.items()) {
        if (key == "provisions") continue;
        const bool by_key = std::find(std::begin(kMergedByKey), std::end(kMergedByKey), key) != std::end(kMergedByKey);
        auto found = explanation.find(key);
        if (by_key && found != explanation.end() && found->is_object())
            for (const auto& [sub, v] : value.items()) (*found)[sub] = v;
        else
            explanation[key] = value;  // other_provisions only when one of them read a changed fact
    }
}

std::string situation_json_text(std::string_view scenario_json, std::string_view today) {
    return situation_since_json_text(scenario_json, {}, today);
}

std::string situation_since_json_text(std::string_view scenario_json, std::string_view previous_profile_json,
                                      std::string_view today) {
    try {
        const auto date = parse_iso_date(today);
        if (!date) return error_json_text("De datum van vandaag (" + quote_for_message(today) + ") is ongeldig.", "");
        const auto& rb = embedded_rulebook();
        const auto scenario = parse_scenario(parse_user_json(scenario_json), rb.catalogue, *date);
        // The previous profile only narrows what is made again; one that is
        // not a valid profile narrows nothing (everything is made).
        std::optional<json> previous;
        if (!previous_profile_json.empty()) {
            try {
                previous = validate_profile(parse_user_json(previous_profile_json), rb.facts);
            } catch (const InputError&) {
                previous.reset();
            }
        }
        return draft_text(situation_draft(scenario, previous ? &*previous : nullptr, rb));
    } catch (const InputError& e) {
        return error_json_text(e.what(), e.where());
    } catch (const std::exception& e) {
        return error_json_text(std::string("Onverwachte fout: ") + e.what(), "");
    }
}

}  // namespace ivp
