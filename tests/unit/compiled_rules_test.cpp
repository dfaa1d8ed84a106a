// The compiled rules (src/ivp/eligibility/compiled_rules.h) against the tree walker of
// jsonlogic.cpp: the same truth for every criterion of every policy on
// generated profiles with and without unanswered facts (Kleene), the coded
// boundary against the JSON one, and bad coded input named per fact.
// (tests/node/jsonlogic-conformance.test.mjs holds the compiled form to
// json-logic-js itself.)
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "ivp/eligibility/compiled_rules.h"
#include "ivp/base/error.h"
#include "ivp/result/result_json.h"

using nlohmann::json;
namespace rules = ivp::rules;
namespace jl = ivp::jsonlogic;

namespace {

// A profile in which each fact is answered with probability `answered`.
json random_profile(std::mt19937& rng, double answered) {
    std::uniform_real_distribution<double> u(0, 1);
    json p = json::object();
    for (const auto& f : ivp::embedded_facts().facts) {
        if (u(rng) >= answered) continue;
        switch (f.type) {
            case ivp::FactType::boolean: p[f.id] = u(rng) < 0.5; break;
            case ivp::FactType::integer: {
                // Small values more often: the rules' thresholds are small.
                const double x = std::pow(u(rng), 3) * static_cast<double>(f.max - f.min + 1);
                p[f.id] = f.min + static_cast<std::int64_t>(x);
                break;
            }
            case ivp::FactType::choice: p[f.id] = f.choices[static_cast<std::size_t>(u(rng) * f.choices.size())]; break;
            case ivp::FactType::date: p[f.id] = "2026-03-15"; break;
        }
    }
    return p;
}

std::vector<double> codes_of(const json& profile) {
    std::vector<double> codes;
    for (const auto& f : ivp::embedded_facts().facts) {
        if (!profile.contains(f.id)) {
            codes.push_back(std::nan(""));
            continue;
        }
        const auto& v = profile.at(f.id);
        if (f.type == ivp::FactType::choice) {
            const auto it = std::find(f.choices.begin(), f.choices.end(), v.get<std::string>());
            codes.push_back(static_cast<double>(it - f.choices.begin()));
        } else {
            codes.push_back(v.is_boolean() ? (v.get<bool>() ? 1 : 0) : v.get<double>());
        }
    }
    return codes;
}

}  // namespace

TEST(CompiledRules, EveryCriterionOfThePoliciesCompiles) {
    // Not required for correctness (a criterion outside the subset falls back
    // to the tree walker), but the speed in docs/perf.md assumes it.
    const auto& r = rules::embedded_criteria_rules();
    std::size_t total = 0;
    for (const auto& p : ivp::embedded_policies()) total += p.criteria.size();
    ASSERT_EQ(r.entries.size(), total);
    for (const auto& e : r.entries) EXPECT_TRUE(e.compiled.has_value()) << e.policy << "/" << e.criterion;
}

TEST(CompiledRules, SameTruthsAsTheTreeWalkerOnGeneratedProfilesWithUnknowns) {
    std::mt19937 rng(20141);
    const auto& r = rules::embedded_criteria_rules();
    std::size_t unknowns = 0, known = 0;
    for (double answered : {0.0, 0.3, 0.7, 0.95, 1.0})
        for (int i = 0; i < 300; ++i) {
            const json profile = random_profile(rng, answered);
            const auto expected = rules::criteria_truths_tree_walker(rules::embedded_criteria_rules(), profile);
            ASSERT_EQ(rules::criteria_truths(r, rules::slots_from_profile(profile, ivp::embedded_facts())), expected)
                << profile.dump();
            ASSERT_EQ(rules::criteria_truths_coded_text(codes_of(profile)), expected) << profile.dump();
            ASSERT_EQ(rules::criteria_truths_json_text(profile.dump()), expected) << profile.dump();
            unknowns += std::count(expected.begin(), expected.end(), '?');
            known += std::count(expected.begin(), expected.end(), 'j') + std::count(expected.begin(), expected.end(), 'n');
        }
    // Both kinds of answer were exercised, not just one.
    EXPECT_GT(unknowns, 1000u);
    EXPECT_GT(known, 1000u);
}

TEST(CompiledRules, KleeneAsTheTreeWalker) {
    // slots: a (unknown), t (true), f (false), n (3), s ("x")
    rules::RuleSet set({"a", "t", "f", "n", "s"});
    const std::string x = "x";
    const std::vector<rules::Value> slots = {rules::Value::unknown(), rules::Value::boolean(true),
                                             rules::Value::boolean(false), rules::Value::number(3),
                                             rules::Value::string(&x)};
    const json data = {{"t", true}, {"f", false}, {"n", 3}, {"s", "x"}};
    const std::set<std::string> unknown = {"a"};
    for (const char* text : {R"({"and":[{"var":"f"},{"var":"a"}]})", R"({"and":[{"var":"a"},{"var":"f"}]})",
                             R"({"and":[{"var":"a"},{"var":"t"}]})", R"({"or":[{"var":"a"},{"var":"t"}]})",
                             R"({"or":[{"var":"a"},{"var":"f"}]})", R"({"!":{"var":"a"}})", R"({"!":[{"var":"t"},{"var":"a"}]})",
                             R"({"if":[{"var":"a"},1,1]})", R"({"if":[{"var":"a"},1,2]})", R"({"if":[{"var":"a"},{"var":"t"},{"var":"a"}]})",
                             R"({"if":[{"var":"f"},{"var":"a"},{"var":"n"}]})", R"({"<":[1,{"var":"n"},{"var":"a"}]})",
                             R"({"==":[{"var":"s"},"x"]})", R"({">=":[{"var":"n"},"3"]})", R"({"and":[]})", R"({"if":[]})"}) {
        const json rule = json::parse(text);
        const auto index = set.compile(rule);
        ASSERT_TRUE(index) << text;
        EXPECT_EQ(set.truth(*index, slots), jl::evaluate(rule, data, unknown)) << text;
    }
}

TEST(CompiledRules, OutsideTheSubsetDoesNotCompileAndFallsBack) {
    rules::RuleSet set({"n"});
    for (const char* text : {R"({"+":[1,{"var":"n"}]})", R"({"var":"n.length"})", R"({"var":["n",0]})", R"({"var":"m"})",
                             R"({"in":[1,[1,2]]})", R"([1])", R"({"a":1,"b":2})"})
        EXPECT_FALSE(set.compile(json::parse(text))) << text;

    // A policy criterion outside the subset is still answered, by the tree walker.
    ivp::Policy policy;
    policy.id = "test";
    ivp::Criterion c;
    c.id = "som";
    c.condition = json::parse(R"({">":[{"+":[{"var":"leeftijd"},1]},18]})");
    policy.criteria.push_back(c);
    const auto r = rules::compile_criteria({policy}, ivp::embedded_facts());
    ASSERT_EQ(r.entries.size(), 1u);
    EXPECT_FALSE(r.entries[0].compiled);
    EXPECT_EQ(rules::criteria_truths(r, rules::slots_from_profile({{"leeftijd", 20}}, ivp::embedded_facts())), "j");
    EXPECT_EQ(rules::criteria_truths(r, rules::slots_from_profile({{"leeftijd", 10}}, ivp::embedded_facts())), "n");
    EXPECT_EQ(rules::criteria_truths(r, rules::slots_from_profile(json::object(), ivp::embedded_facts())), "?");
}

TEST(CompiledRules, BadCodedProfileIsNamedPerFact) {
    const auto& facts = ivp::embedded_facts();
    std::vector<double> codes(facts.facts.size(), std::nan(""));
    EXPECT_THROW(rules::slots_from_codes({1, 2}, facts), ivp::InputError);
    for (std::size_t i = 0; i < facts.facts.size(); ++i) {
        auto bad = codes;
        bad[i] = facts.facts[i].type == ivp::FactType::integer ? static_cast<double>(facts.facts[i].max) + 1 : 2.5;
        try {
            rules::slots_from_codes(bad, facts);
            ADD_FAILURE() << facts.facts[i].id << " accepted " << bad[i];
        } catch (const ivp::InputError& e) {
            EXPECT_EQ(e.where(), "/profile/" + facts.facts[i].id);
        }
    }
    const auto text = rules::criteria_truths_json_text(R"({"leeftijd":"oud"})");
    EXPECT_EQ(json::parse(text).at("error").at("where"), "/profile/leeftijd");
}

// The core's eligibility evaluates the criteria through the compiled rules
// (Policy::rules, src/ivp/eligibility/policy.cpp); the whole assessment — verdict,
// reasons, open questions with what each answer settles — must be the very
// same as with the tree walker alone. The policies are copied with their
// compiled form taken away for the comparison.
TEST(CompiledRules, EligibilityIsTheSameWithAndWithoutTheCompiledRules) {
    const auto& policies = ivp::embedded_policies();
    auto walker_only = policies;
    std::size_t compiled = 0;
    for (const auto& p : policies)
        for (const auto& c : p.criteria) compiled += c.compiled ? 1 : 0;
    std::size_t total = 0;
    for (const auto& p : policies) total += p.criteria.size();
    EXPECT_EQ(compiled, total) << "every criterion of every policy takes the compiled path";
    EXPECT_GE(total, 76u);  // 73 of Hattem and the ALS protocol, 3 of the Wmo 2015
    for (auto& p : walker_only) {
        p.rules.reset();
        for (auto& c : p.criteria) c.compiled.reset();
    }
    const auto& facts = ivp::embedded_facts();
    std::mt19937 rng(7);
    for (const double answered : {0.0, 0.2, 0.5, 0.8, 1.0}) {
        for (int n = 0; n < 12; ++n) {
            const json profile = random_profile(rng, answered);
            for (const auto& provision : ivp::embedded_catalogue().provisions) {
                SCOPED_TRACE(provision.id + " " + profile.dump());
                ASSERT_EQ(ivp::eligibility_text(ivp::eligibility(provision, profile, policies, facts)),
                          ivp::eligibility_text(ivp::eligibility(provision, profile, walker_only, facts)));
            }
            ASSERT_EQ(ivp::other_provisions_text(ivp::other_provisions(profile, policies, facts)),
                      ivp::other_provisions_text(ivp::other_provisions(profile, walker_only, facts)));
        }
    }
}
