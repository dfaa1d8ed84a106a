// The page's call after an answer (src/ivp/api/situation.h): an explanation made
// for one profile, with the situation of another profile put in, equals the
// explanation of the other profile — byte for byte, over profiles answered
// in part, null ("weet ik niet") included, and partial selections.
#include <gtest/gtest.h>

#include <random>

#include "ivp/result/explain.h"
#include "ivp/rulebook/rulebook.h"
#include "ivp/api/situation.h"
#include "ivp/result/read_scenario.h"
#include "test_util.h"

using nlohmann::json;

namespace {

json partial_profile(std::mt19937_64& r) {
    json profile = json::object();
    for (const auto& f : ivp::embedded_rulebook().facts.facts) {
        const auto roll = r() % 8;
        if (roll < 4) continue;  // not answered
        if (roll == 4) { profile[f.id] = nullptr; continue; }  // weet ik niet
        if (f.type == ivp::FactType::boolean) profile[f.id] = r() % 2 == 0;
        else if (f.type == ivp::FactType::integer) profile[f.id] = f.min + static_cast<std::int64_t>(r() % 20);
        else if (f.type == ivp::FactType::choice) profile[f.id] = f.choices[r() % f.choices.size()];
    }
    return profile;
}

TEST(Situation, AnExplanationWithTheNewSituationIsTheNewExplanation) {
    const auto& rb = ivp::embedded_rulebook();
    std::mt19937_64 r(42);
    for (int n = 0; n < 40; ++n) {
        json input = {{"melding", "2026-11-23"}, {"profile", partial_profile(r)}};
        if (n % 2) {
            json ids = json::array();
            for (const auto& p : rb.catalogue.provisions)
                if (r() % 3) ids.push_back(p.id);
            input["provisions"] = ids;
        }
        if (n % 3 == 0) input["overrides"] = {{"traplift", {{"amount", 9000}}}};
        json other = input;
        other["profile"] = partial_profile(r);
        const auto s1 = ivp::parse_scenario(input, rb.catalogue, ivp_test::fixed_today());
        const auto s2 = ivp::parse_scenario(other, rb.catalogue, ivp_test::fixed_today());
        auto explanation = ivp::explain(s1, rb);
        ivp::apply_situation(explanation, ivp::situation(s2, rb));
        const auto want = ivp::explain(s2, rb);
        ASSERT_EQ(explanation.dump(), want.dump()) << n << ", differences (JSON Patch from the patched to the new "
                                                    << "explanation): " << json::diff(explanation, want).dump();
    }
}

TEST(Situation, BadInputIsAnErrorAsData) {
    const auto out = json::parse(ivp::situation_json_text("{\"profile\":{\"leeftijd\":\"oud\"}}", "2026-11-23"));
    ASSERT_TRUE(out.contains("error"));
    EXPECT_EQ(out.at("error").at("where"), "/profile/leeftijd");
}

}  // namespace
