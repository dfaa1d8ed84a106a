// The page's call after an answer (src/ivp/api/situation.h): an explanation made
// for one profile, with the situation of another profile put in, equals the
// explanation of the other profile — byte for byte, over profiles answered
// in part, null ("weet ik niet") included, and partial selections.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "ivp/result/explain.h"
#include "ivp/rulebook/rulebook.h"
#include "ivp/api/situation.h"
#include "ivp/model/facts.h"
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

// Everything of a scenario except its profile, varied: the selection, the
// amounts, the municipality's pack, the dates (melding, peildatum, the
// procedure's and a provision's own events), needed dates, kept provisions
// and the checklist. The situation must hold every part any of them lets the
// profile reach, and nothing the profile does not reach may differ.
json scenario_without_profile(std::mt19937_64& r, int n) {
    const auto& rb = ivp::embedded_rulebook();
    json input = {{"melding", "2026-11-23"}};
    if (n % 2) {
        json ids = json::array();
        for (const auto& p : rb.catalogue.provisions)
            if (r() % 3) ids.push_back(p.id);
        input["provisions"] = ids;
    }
    if (n % 3 == 0) input["overrides"] = {{"traplift", {{"amount", 9000}}}, {"aanbouw-woning", {{"amount", 1}}}};
    if (n % 4 == 1) input["policy"] = "hattem-2014";
    if (n % 5 == 2) {
        input["melding"] = "2026-03-02";
        input["peildatum"] = "2026-11-23";
        input["dates"] = {{"aanvraag", "2026-04-01"}, {"beschikking", "2026-06-15"}};
        input["actual"] = {{"traplift", {{"melding", "2026-05-04"}, {"levering", "2026-09-01"}}}};
        input["checklist"] = json::array({"melding_schriftelijk"});
    }
    if (n % 6 == 3) {
        input["needed"] = {{"traplift", {{"months", 2}}}, {"scootmobiel", "2027-01-15"}, {"zorgunit", {{"months", 0}}}};
        input["keep_in_budget"] = json::array({"traplift", "badkameraanpassingen"});
    }
    if (n % 7 == 4) input["melding"] = "2018-06-01";  // before the abonnementstarief: the eigen bijdrage is not computed
    // A provision named by a date or a kept mark is selected.
    if (input.contains("provisions"))
        for (const char* id : {"traplift", "scootmobiel", "zorgunit", "badkameraanpassingen"}) {
            auto& ids = input["provisions"];
            if (std::find(ids.begin(), ids.end(), json(id)) == ids.end()) ids.push_back(id);
        }
    return input;
}

TEST(Situation, AnExplanationWithTheNewSituationIsTheNewExplanation) {
    const auto& rb = ivp::embedded_rulebook();
    std::mt19937_64 r(42);
    for (int n = 0; n < 200; ++n) {
        json input = scenario_without_profile(r, n);
        input["profile"] = partial_profile(r);
        json other = input;
        if (n % 4 == 3) {
            // One answer more, as in the interview: one open fact answered (or "weet ik niet").
            for (const auto& f : rb.facts.facts)
                if (!other["profile"].contains(f.id)) {
                    other["profile"][f.id] = r() % 4 == 0 ? json(nullptr)
                                             : f.type == ivp::FactType::boolean ? json(r() % 2 == 0)
                                             : f.type == ivp::FactType::choice ? json(f.choices[r() % f.choices.size()])
                                                                                : json(f.min + static_cast<std::int64_t>(r() % 20));
                    break;
                }
        } else {
            other["profile"] = partial_profile(r);
        }
        const auto s1 = ivp::parse_scenario(input, rb.catalogue, ivp_test::fixed_today());
        const auto s2 = ivp::parse_scenario(other, rb.catalogue, ivp_test::fixed_today());
        const auto old = ivp::explain(s1, rb);
        const auto want = ivp::explain(s2, rb);
        auto explanation = old;
        ivp::apply_situation(explanation, ivp::situation(s2, rb));
        ASSERT_EQ(explanation.dump(), want.dump()) << n << " " << input.dump() << ", differences (JSON Patch from the patched to the new "
                                                    << "explanation): " << json::diff(explanation, want).dump();
        // The page's call: told the profile of the explanation it holds, the
        // core leaves out the verdicts no changed fact reaches.
        explanation = old;
        ivp::apply_situation(explanation, ivp::situation_since(s2, &s1.profile, rb));
        ASSERT_EQ(explanation.dump(), want.dump()) << n << " since " << input.dump() << ", differences (JSON Patch from the "
                                                    << "patched to the new explanation): " << json::diff(explanation, want).dump();
    }
}

// The interview's answers one by one, as the page sends them: each answer's
// situation since the profile before it, applied to the explanation held,
// gives the new explanation; and an answer leaves out the verdicts it does
// not reach (most of them: the Zvw provisions never change, and a question
// about the stairs reaches only the stairlift).
TEST(Situation, SinceTheLastAnswerOnlyTheVerdictsItReachesAreMadeAgain) {
    const auto& rb = ivp::embedded_rulebook();
    std::mt19937_64 r(1414);
    for (int n = 0; n < 24; ++n) {
        json input = scenario_without_profile(r, n);
        input["profile"] = json::object();
        auto explanation = ivp::explain(ivp::parse_scenario(input, rb.catalogue, ivp_test::fixed_today()), rb);
        const auto complete = partial_profile(r);
        for (const auto& [fact, value] : complete.items()) {
            json before = input["profile"];
            input["profile"][fact] = value;
            const auto s = ivp::parse_scenario(input, rb.catalogue, ivp_test::fixed_today());
            const auto previous = ivp::validate_profile(before, rb.facts);
            ivp::apply_situation(explanation, ivp::situation_since(s, &previous, rb));
            const auto want = ivp::explain(s, rb);
            ASSERT_EQ(explanation.dump(), want.dump()) << n << " after " << fact << ": " << input.dump()
                                                        << ", differences: " << json::diff(explanation, want).dump();
        }
    }
    auto s = ivp::default_scenario(rb.catalogue, ivp_test::fixed_today());
    const json before = s.profile;
    s.profile["woning_heeft_trap"] = true;
    const auto part = ivp::situation_since(s, &before, rb);
    std::vector<std::string> made;
    for (const auto& [id, entry] : part.at("provisions").items()) {
        if (entry.contains("eligibility")) made.push_back(id);
        EXPECT_EQ(entry.contains("in_plan"), entry.contains("eligibility")) << id;
    }
    EXPECT_EQ(made, std::vector<std::string>{"traplift"});
    EXPECT_FALSE(part.contains("other_provisions"));
    // The stairs are read by neither the financing texts nor the eigen
    // bijdrage (kFinancingReads, kEigenBijdrageReads): neither is sent, and
    // only the stairlift is in `provisions`.
    EXPECT_FALSE(part.contains("costs"));
    EXPECT_EQ(part.at("provisions").size(), 1u);
    for (const auto& [id, entry] : part.at("provisions").items()) EXPECT_FALSE(entry.contains("financing")) << id;
    // An age reaches the eigen bijdrage and every financing text (the
    // exemption for under-18s).
    const json before_age = s.profile;
    s.profile["leeftijd"] = 16;
    const auto aged = ivp::situation_since(s, &before_age, rb);
    EXPECT_TRUE(aged.contains("costs"));
    std::size_t selected = 0;
    for (std::size_t i = 0; i < rb.catalogue.provisions.size(); ++i) {
        if (!s.selected[i]) continue;
        ++selected;
        EXPECT_TRUE(aged.at("provisions").at(rb.catalogue.provisions[i].id).contains("financing"))
            << rb.catalogue.provisions[i].id;
    }
    EXPECT_EQ(aged.at("provisions").size(), selected);
    // Nothing changed: no verdict, financing text or eigen bijdrage is made
    // again; the questions, the plan and the facts are there.
    const auto same = ivp::situation_since(s, &s.profile, rb);
    EXPECT_TRUE(same.at("provisions").empty());
    EXPECT_FALSE(same.contains("costs"));
    EXPECT_FALSE(same.contains("other_provisions"));
    for (const char* key : {"questions", "plan", "facts"}) EXPECT_TRUE(same.contains(key)) << key;
    EXPECT_EQ(same.at("facts"), ivp::situation(s, rb).at("facts"));
}

// The situation holds nothing but the parts an answer reaches, and each of
// them exactly as explain() gives it (not merely a value that happens to end
// up the same after apply_situation).
TEST(Situation, EachPartIsThePartOfTheExplanation) {
    const auto& rb = ivp::embedded_rulebook();
    std::mt19937_64 r(7);
    for (int n = 0; n < 60; ++n) {
        json input = scenario_without_profile(r, n);
        input["profile"] = partial_profile(r);
        const auto s = ivp::parse_scenario(input, rb.catalogue, ivp_test::fixed_today());
        const auto part = ivp::situation(s, rb);
        const auto whole = ivp::explain(s, rb);
        // Since another profile: a part given is still the part of explain().
        const auto other = ivp::validate_profile(partial_profile(r), rb.facts);
        auto since = ivp::situation_since(s, &other, rb);
        for (const auto& [key, value] : since.items()) {
            if (key == "provisions") {
                for (const auto& [id, entry] : value.items())
                    for (const auto& [k, v] : entry.items())
                        ASSERT_EQ(v, whole.at("provisions").at(id).at(k)) << n << " since: " << id << "." << k;
            } else if (value.is_object() && (key == "costs" || key == "plan")) {
                for (const auto& [k, v] : value.items()) ASSERT_EQ(v, whole.at(key).at(k)) << n << " since: " << key << "." << k;
            } else {
                ASSERT_EQ(value, whole.at(key)) << n << " since: " << key;
            }
        }
        for (const auto& [key, value] : part.items()) {
            if (key == "provisions") {
                ASSERT_EQ(value.size(), whole.at("provisions").size()) << n;
                for (const auto& [id, entry] : value.items())
                    for (const auto& [k, v] : entry.items())
                        ASSERT_EQ(v, whole.at("provisions").at(id).at(k)) << n << " " << id << "." << k;
            } else if (value.is_object() && (key == "costs" || key == "plan")) {
                for (const auto& [k, v] : value.items()) ASSERT_EQ(v, whole.at(key).at(k)) << n << " " << key << "." << k;
            } else {
                ASSERT_EQ(value, whole.at(key)) << n << " " << key;
            }
        }
    }
}

TEST(Situation, BadInputIsAnErrorAsData) {
    const auto out = json::parse(ivp::situation_json_text("{\"profile\":{\"leeftijd\":\"oud\"}}", "2026-11-23"));
    ASSERT_TRUE(out.contains("error"));
    EXPECT_EQ(out.at("error").at("where"), "/profile/leeftijd");
    const auto since = json::parse(ivp::situation_since_json_text("{\"profile\":{\"leeftijd\":\"oud\"}}", "{}", "2026-11-23"));
    ASSERT_TRUE(since.contains("error"));
    EXPECT_EQ(since.at("error").at("where"), "/profile/leeftijd");
}

// The previous profile only narrows what is made again: one that is not a
// profile (not JSON, an unknown fact, a wrong type) narrows nothing.
TEST(Situation, APreviousProfileThatIsNoProfileNarrowsNothing) {
    const std::string scenario = "{\"profile\":{\"woning_heeft_trap\":true}}";
    const auto full = ivp::situation_json_text(scenario, "2026-11-23");
    for (const char* previous : {"", "nee", "[]", "{\"bestaat_niet\":true}", "{\"woning_heeft_trap\":3}"})
        EXPECT_EQ(ivp::situation_since_json_text(scenario, previous, "2026-11-23"), full) << previous;
    EXPECT_NE(ivp::situation_since_json_text(scenario, "{}", "2026-11-23"), full);
}

}  // namespace
