// The guided interview's questions (src/ivp/result/questions.h, docs/eligibility.md
// "De vragen van het interview"). The property: answering the questions in
// the core's order, from an empty profile, always ends (no questions left)
// and ends with exactly the verdicts, figures and eigen bijdrage that the
// complete profile gives at once — over 1,000 generated complete profiles
// (seeded: IVP_SEED=<n> to try another, IVP_PROFILES=<n> for more).
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <random>
#include <set>

#include "ivp/result/calculate.h"
#include "ivp/costs/costs.h"
#include "ivp/eligibility/policy.h"
#include "ivp/result/result_json.h"
#include "ivp/eligibility/policy_pack.h"
#include "ivp/result/questions.h"
#include "ivp/rulebook/rulebook.h"
#include "ivp/model/scenario.h"
#include "ivp/result/read_scenario.h"
#include "test_util.h"

using nlohmann::json;

namespace {

const ivp::Rulebook& rb() { return ivp::embedded_rulebook(); }

std::uint64_t env_number(const char* name, std::uint64_t fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::strtoull(v, nullptr, 10) : fallback;
}

// Every fact answered: a yes/no at random, an integer small more often (r³
// over its range, as tests/node/profiles.mjs: the thresholds are small), a
// choice at random.
json complete_profile(std::mt19937_64& r) {
    const auto unit = [&r] { return static_cast<double>(r() >> 11) / 9007199254740992.0; };
    json profile = json::object();
    for (const auto& f : rb().facts.facts) {
        if (f.type == ivp::FactType::boolean) profile[f.id] = unit() < 0.5;
        else if (f.type == ivp::FactType::integer)
            profile[f.id] = f.min + static_cast<std::int64_t>(unit() * unit() * unit() * static_cast<double>(f.max - f.min + 1));
        else if (f.type == ivp::FactType::choice) profile[f.id] = f.choices[r() % f.choices.size()];
    }
    return profile;
}

ivp::Scenario scenario_with(const json& profile, std::mt19937_64& r, bool all_selected) {
    auto s = ivp::default_scenario(rb().catalogue, ivp_test::fixed_today());
    if (!all_selected)
        for (std::size_t i = 0; i < s.selected.size(); ++i) s.selected[i] = r() % 3 != 0;
    s.profile = profile;
    return s;
}

// A verdict, and its figures unless it is nee (a figure of something
// refused decides nothing, so the interview does not ask for it). An entry
// under `policies` leaves `quantities` out when there are none (docs/result.md).
json settled(const json& assessment) {
    const auto& verdict = assessment.at("verdict");
    return {verdict, verdict == "nee" ? json() : assessment.value("quantities", json::array())};
}

// What the interview must settle: every verdict and figure under every
// policy the scenario assesses, of the selected and the other provisions, and who pays the eigen
// bijdrage.
json outcome(const ivp::Scenario& s) {
    // The policies this scenario assesses: its municipality's pack and the protocol.
    const auto policies = ivp::select_policies(rb().policies, s.policy, s.policy_pack.get());
    json out = json::object();
    for (std::size_t i = 0; i < rb().catalogue.provisions.size(); ++i) {
        if (!s.selected[i]) continue;
        const auto& p = rb().catalogue.provisions[i];
        const auto assessed = ivp::to_json(ivp::eligibility(p, s.profile, policies, rb().facts));  // kept alive for the loop
        for (const auto& [policy, a] : assessed.at("policies").items()) out[p.id][policy] = settled(a);
    }
    const auto others = ivp::to_json(ivp::other_provisions(s.profile, policies, rb().facts));  // kept alive for the loop
    for (const auto& o : others)
        for (const auto& [policy, a] : o.at("policies").items())
            out[o.at("id").get<std::string>()][policy] = settled(a);
    const auto costs = ivp::costs_json(s, rb().catalogue, rb().eigen_bijdrage).at("eigen_bijdrage");
    out["eigen_bijdrage"] = {costs.at("status"), costs.at("applies_to"), costs.at("exempt"), costs.at("per_month")};
    return out;
}

// Answers questions[0] from `complete` until none is left; the number asked.
std::size_t interview(ivp::Scenario& s, const json& complete) {
    std::set<std::string> asked;
    for (;;) {
        const auto q = ivp::questions_json(s, rb());
        if (q.empty()) return asked.size();
        const auto fact = q.at(0).at("fact").get<std::string>();
        EXPECT_TRUE(asked.insert(fact).second) << "asked twice: " << fact;
        EXPECT_FALSE(s.profile.contains(fact)) << "asked while answered: " << fact;
        if (asked.size() > rb().facts.facts.size()) {
            ADD_FAILURE() << "the interview does not end";
            return asked.size();
        }
        s.profile[fact] = complete.at(fact);
    }
}

TEST(Questions, InterviewEndsWithTheVerdictsOfTheCompleteProfile) {
    const auto count = env_number("IVP_PROFILES", 1000);
    std::mt19937_64 r(env_number("IVP_SEED", 20261201));
    std::size_t total = 0, most = 0;
    for (std::uint64_t n = 0; n < count; ++n) {
        const auto complete = complete_profile(r);
        auto at_once = scenario_with(complete, r, n % 2 == 0);
        if (n % 3 == 1) at_once.policy = "hattem-2014";  // else the default, the Wmo 2015
        auto asked = at_once;
        asked.profile = json::object();
        const auto questions = interview(asked, complete);
        total += questions;
        most = std::max(most, questions);
        const auto got = outcome(asked), want = outcome(at_once);
        ASSERT_EQ(got, want) << "profile " << n << ", differences (JSON Patch from the interview's to the complete "
                             << "profile's): " << json::diff(got, want).dump() << "\nanswered: " << asked.profile.dump();
    }
    const double mean = static_cast<double>(total) / static_cast<double>(count);
    std::cout << "[ interview ] " << count << " profiles, " << rb().facts.facts.size()
              << " facts in the flat form; questions asked: mean " << mean << ", max " << most << "\n";
    RecordProperty("mean_questions", std::to_string(mean));
    RecordProperty("max_questions", std::to_string(most));
}

TEST(Questions, EmptyProfileAsksSomethingAndEachEntryHasTheContractFields) {
    auto s = ivp::default_scenario(rb().catalogue, ivp_test::fixed_today());
    const auto q = ivp::questions_json(s, rb());
    ASSERT_FALSE(q.empty());
    for (const auto& x : q) {
        for (const char* key : {"fact", "question", "help", "decides", "group"}) EXPECT_TRUE(x.contains(key)) << key;
        EXPECT_FALSE(x.at("decides").empty()) << x.at("fact");
    }
}

std::vector<std::string> facts_of(const json& questions) {
    std::vector<std::string> out;
    for (const auto& x : questions) out.push_back(x.at("fact").get<std::string>());
    return out;
}

TEST(Questions, AFactGivenAsNullIsNeverAskedAgain) {
    const auto& rulebook = rb();
    const auto first = ivp::questions_json(ivp::default_scenario(rulebook.catalogue, ivp_test::fixed_today()), rulebook)
                           .at(0).at("fact").get<std::string>();
    const json input = {{"profile", {{first, nullptr}}}};
    const auto s = ivp::parse_scenario(input, rulebook.catalogue, ivp_test::fixed_today());
    EXPECT_FALSE(s.profile.contains(first));  // unknown for the rules
    EXPECT_TRUE(s.unanswered.count(first));
    const auto asked = facts_of(ivp::questions_json(s, rulebook));
    EXPECT_EQ(std::find(asked.begin(), asked.end(), first), asked.end());
    // …and the full result says so too.
    const auto result = ivp::calculate_text(input.dump(), ivp_test::fixed_today());
    EXPECT_EQ(facts_of(result.at("questions")), asked);
}

TEST(Questions, CarAgeOnlyRightAfterHavingACar) {
    auto s = ivp::default_scenario(rb().catalogue, ivp_test::fixed_today());
    s.policy = "hattem-2014";  // the car questions are Hattem's (§5.4.2)
    const auto asked = facts_of(ivp::questions_json(s, rb()));
    const auto car = std::find(asked.begin(), asked.end(), "eigen_auto_of_bus");
    const auto age = std::find(asked.begin(), asked.end(), "leeftijd_auto_jaren");
    ASSERT_NE(car, asked.end());
    ASSERT_NE(age, asked.end());
    EXPECT_LT(car, age);
    for (auto it = car + 1; it != age; ++it)  // only other car questions in between
        EXPECT_EQ(rb().facts.find(*it)->definition.value("follows", ""), "eigen_auto_of_bus") << *it;
    s.profile["eigen_auto_of_bus"] = false;
    const auto without_car = facts_of(ivp::questions_json(s, rb()));
    for (const char* id : {"leeftijd_auto_jaren", "auto_dagelijks_gebruikt", "auto_aangepast_laatste_7_jaar"})
        EXPECT_EQ(std::find(without_car.begin(), without_car.end(), id), without_car.end()) << id;
}

TEST(Questions, LivingAloneIsNotAskedAboutTheOldestHousemate) {
    auto s = ivp::default_scenario(rb().catalogue, ivp_test::fixed_today());
    s.policy = "hattem-2014";  // gebruikelijke zorg by housemates is Hattem's (§3.4.3)
    s.profile["huishouden"] = "met_anderen";
    const auto with_others = facts_of(ivp::questions_json(s, rb()));
    EXPECT_NE(std::find(with_others.begin(), with_others.end(), "huisgenoot_oudste_leeftijd"), with_others.end());
    s.profile["huishouden"] = "alleenstaand";
    const auto asked = facts_of(ivp::questions_json(s, rb()));
    EXPECT_EQ(std::find(asked.begin(), asked.end(), "huisgenoot_oudste_leeftijd"), asked.end());
}

TEST(Questions, NothingLeftWhenNothingIsSelectedAndTheRestIsSettled) {
    // A complete profile: no question can change anything.
    std::mt19937_64 r(7);
    auto s = scenario_with(complete_profile(r), r, true);
    EXPECT_TRUE(ivp::questions_json(s, rb()).empty());
}

}  // namespace
