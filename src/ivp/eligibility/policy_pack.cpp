#include "ivp/eligibility/policy_pack.h"

#include <algorithm>
#include <set>

#include "ivp/base/error.h"
#include "ivp/base/json_input.h"
#include "ivp/base/json_object.h"
#include "ivp/eligibility/jsonlogic.h"

namespace ivp {

using nlohmann::json;

namespace {

// Which truths one criterion reaches over the answers tried: every
// combination of each fact's candidate answers and "weet ik niet".
struct Reach {
    bool yes = false, no = false, tried = false;
};

Reach reach_of(const Criterion& c, const FactsCatalogue& facts, std::size_t& budget) {
    std::vector<double> literals;
    jsonlogic::number_literals(c.condition, literals);
    std::vector<std::string> ids;
    std::vector<std::vector<json>> answers;  // per fact; a null entry = unknown
    std::size_t combinations = 1;
    for (const auto& id : jsonlogic::vars_used(c.condition)) {
        const Fact* fact = facts.find(id);
        if (!fact) return {};
        auto values = candidate_answers(*fact, literals);
        if (values.empty()) return {};  // a date: no answers to try
        values.emplace_back();          // unknown
        combinations *= values.size();
        if (combinations > kMaxReachCombinations) return {};
        ids.push_back(id);
        answers.push_back(std::move(values));
    }
    if (combinations > budget) return {};
    budget -= combinations;
    Reach r{.tried = true};
    std::vector<std::size_t> at(ids.size(), 0);  // an odometer over the answers
    for (std::size_t n = 0; n < combinations && !(r.yes && r.no); ++n) {
        json profile = json::object();
        std::set<std::string> unknown;
        for (const auto& f : facts.facts) unknown.insert(f.id);
        for (std::size_t k = 0; k < ids.size(); ++k) {
            const auto& v = answers[k][at[k]];
            if (v.is_null()) continue;
            profile[ids[k]] = v;
            unknown.erase(ids[k]);
        }
        const auto t = jsonlogic::evaluate(c.condition, profile, unknown);
        r.yes |= t == jsonlogic::Truth::yes;
        r.no |= t == jsonlogic::Truth::no;
        for (std::size_t k = 0; k < at.size() && ++at[k] == answers[k].size(); ++k) at[k] = 0;
    }
    return r;
}

}  // namespace

std::vector<std::string> check_criteria_reachable(const Policy& policy, const std::string& file,
                                                  const FactsCatalogue& facts) {
    std::vector<std::string> untried;
    std::size_t budget = kMaxReachProbes;
    for (std::size_t i = 0; i < policy.criteria.size(); ++i) {
        const auto& c = policy.criteria[i];
        const auto r = reach_of(c, facts, budget);
        if (!r.tried) {
            untried.push_back(c.id);
            continue;
        }
        const auto where = pointer_join(pointer_join("/criteria", i), "condition");
        if (!r.yes)
            throw DataError(file, where,
                            "het criterium \"" + c.id + "\" kan nooit voldaan zijn, welk antwoord iemand ook geeft: "
                            "iedereen krijgt dan \"nee\". Controleer de voorwaarde.");
        if (!r.no)
            throw DataError(file, where,
                            "het criterium \"" + c.id + "\" kan nooit 'niet voldaan' zijn, welk antwoord iemand ook "
                            "geeft: het beslist dan niets. Laat het weg, of zet de tekst bij \"duties\".");
    }
    return untried;
}

Policy validate_policy_pack(const json& pack, const std::string& file, const Catalogue& catalogue,
                            const FactsCatalogue& facts, std::vector<std::string>* untried) {
    Policy policy = parse_policy(pack, file, catalogue, facts);
    if (policy.kind != "gemeente")
        throw DataError(file, "/kind",
                        "een beleidsbestand dat u laadt is het beleid van een gemeente (\"kind\": \"gemeente\"); "
                        "het ALS protocol is al ingebouwd");
    auto skipped = check_criteria_reachable(policy, file, facts);
    if (untried) *untried = std::move(skipped);
    return policy;
}

std::shared_ptr<const Policy> load_policy_pack(const json& pack, const std::string& where, const Catalogue& catalogue,
                                               const FactsCatalogue& facts) {
    if (!pack.is_object())
        throw InputError(where, "een beleidsbestand is een object {…}, maar dit is " + dutch_type_name(pack) + ".");
    try {
        Policy policy = validate_policy_pack(pack, "policy_pack", catalogue, facts);
        policy.carried = true;
        return std::make_shared<const Policy>(std::move(policy));
    } catch (const DataError& e) {
        const std::string inner = e.where() == "/" ? "" : e.where();
        throw InputError(where + inner, "in het beleidsbestand: " + e.message());
    }
}

namespace {

const Policy* find_policy(const std::vector<Policy>& policies, const std::string& id) {
    for (const auto& p : policies)
        if (p.id == id) return &p;
    return nullptr;
}

std::string known_gemeente_ids(const std::vector<Policy>& policies) {
    std::string out;
    for (const auto& p : policies)
        if (p.kind == "gemeente") out += (out.empty() ? "\"" : ", \"") + p.id + "\"";
    return out;
}

}  // namespace

PolicyChoice read_policy_choice(const json& scenario, const Catalogue& catalogue, const std::vector<Policy>& policies,
                                const FactsCatalogue& facts) {
    PolicyChoice choice;
    if (scenario.contains("policy")) {
        const auto& v = scenario.at("policy");
        if (!v.is_string())
            throw InputError("/policy", "policy is de id van een beleid (een tekst), maar is " + dutch_type_name(v) + ".");
        choice.id = v.get<std::string>();
    }
    if (scenario.contains("policy_pack")) {
        choice.pack = load_policy_pack(scenario.at("policy_pack"), "/policy_pack", catalogue, facts);
        if (!choice.id.empty() && choice.id != choice.pack->id)
            throw InputError("/policy", "policy noemt " + quote_for_message(choice.id) + ", maar het meegegeven "
                                        "beleidsbestand (policy_pack) heeft de id " +
                                        quote_for_message(choice.pack->id) + ".");
        choice.id = choice.pack->id;
        return choice;
    }
    if (choice.id.empty()) return choice;
    const Policy* p = find_policy(policies, choice.id);
    if (!p)
        throw InputError("/policy", "onbekend beleid " + quote_for_message(choice.id) +
                                        ". Kies er een van: " + known_gemeente_ids(policies) +
                                        ", of geef het beleidsbestand mee als policy_pack.");
    if (p->kind != "gemeente")
        throw InputError("/policy", quote_for_message(choice.id) + " is geen beleid van een gemeente (het wordt altijd "
                                    "meegewogen). Kies er een van: " + known_gemeente_ids(policies) + ".");
    return choice;
}

std::vector<Policy> select_policies(const std::vector<Policy>& all, const std::string& id, const Policy* pack) {
    std::vector<Policy> out;
    if (pack) {
        out.push_back(*pack);
    } else {
        const std::string wanted = id.empty() ? kDefaultPolicy : id;
        const Policy* p = find_policy(all, wanted);
        if (!p) throw InputError("/policy", "onbekend beleid " + quote_for_message(wanted) + ".");
        out.push_back(*p);
    }
    for (const auto& p : all)
        if (p.kind == "protocol") out.push_back(p);
    return out;
}

std::shared_ptr<const PolicySelections> make_policy_selections(const std::vector<Policy>& all) {
    auto out = std::make_shared<PolicySelections>();
    for (const auto& p : all)
        if (p.kind == "gemeente")
            out->by_id[p.id] = std::make_shared<const std::vector<Policy>>(select_policies(all, p.id, nullptr));
    return out;
}

PolicySelection select_policies(const PolicySelections& made, const std::vector<Policy>& all, const std::string& id,
                                const Policy* pack) {
    if (!pack) {
        const auto found = made.by_id.find(id.empty() ? std::string(kDefaultPolicy) : id);
        if (found != made.by_id.end()) return found->second;
    }
    return std::make_shared<const std::vector<Policy>>(select_policies(all, id, pack));  // errors as select_policies
}

json policy_choices(const std::vector<Policy>& policies) {
    json out = json::array();
    for (const auto& p : policies)
        if (p.kind == "gemeente")
            out.push_back(JsonObject()
                              .add("id", p.id)
                              .add("title", p.title)
                              .add("label", p.label)
                              .add("default", p.id == kDefaultPolicy)
                              .take());
    return out;
}

json validate_policy_pack_text(std::string_view text) {
    const json pack = parse_user_json(text);
    std::vector<std::string> untried;
    try {
        const Policy p = validate_policy_pack(pack, "beleidsbestand", embedded_catalogue(), embedded_facts(), &untried);
        return JsonObject()
            .add("ok", true)
            .add("id", p.id)
            .add("title", p.title)
            .add("label", p.label)
            .add("kind", p.kind)
            .add("criteria", p.criteria.size())
            .add("provisions", p.provisions.size())
            .add("untried", json(untried));
    } catch (const DataError& e) {
        throw InputError(e.where() == "/" ? "" : e.where(), e.message());
    }
}

}  // namespace ivp
