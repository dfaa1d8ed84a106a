// The page's split of the result (docs/perf.md, "Rekenkern"): the lean result
// at every keystroke plus the explanation when the profile or the selection
// changes must carry exactly what `ivp calc` prints — no more, no less.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "ivp/api/boundary.h"
#include "ivp/result/calculate.h"
#include "ivp/result/explain.h"
#include "ivp/result/read_scenario.h"
#include "ivp/eligibility/policy.h"
#include "test_util.h"

using nlohmann::json;

namespace {

// The golden eligibility scenarios (answered profiles, several selections)
// and a few hand-made ones: nothing answered, a subset with overrides and
// dates, every fact of one provision answered.
std::vector<std::string> scenarios() {
    std::vector<std::string> out = {
        "{}",
        R"({"schema":1,"melding":"2026-11-23","provisions":["traplift","scootmobiel","toiletlift"],)"
        R"("overrides":{"traplift":{"amount":12345}},"profile":{"huishouden":"alleenstaand","leeftijd":70}})",
        R"({"provisions":["traplift"],"profile":{"woning_heeft_trap":true,"traplopen_probleem":true}})",
        R"({"provisions":[]})",
    };
    const auto dir = std::filesystem::path(IVP_SOURCE_DIR) / "tests" / "golden" / "eligibility";
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::ifstream in(f);
        out.push_back(json::parse(in).at("scenario").dump());
    }
    return out;
}

bool has_key_anywhere(const json& j, const std::string& key) {
    if (j.is_object()) {
        if (j.contains(key)) return true;
        for (const auto& [k, v] : j.items())
            if (has_key_anywhere(v, key)) return true;
    } else if (j.is_array()) {
        for (const auto& v : j)
            if (has_key_anywhere(v, key)) return true;
    }
    return false;
}

}  // namespace

TEST(LeanAndExplain, TogetherAreExactlyTheFullResultOfIvpCalc) {
    const auto all = scenarios();
    ASSERT_GE(all.size(), 7u);
    for (const auto& text : all) {
        SCOPED_TRACE(text.substr(0, 120));
        const auto full = ivp::calculate_json_text(text, "2026-11-23");
        ASSERT_EQ(full.find("{\"error\""), std::string::npos) << full;
        auto lean = json::parse(ivp::calculate_lean_json_text(text, "2026-11-23"));
        const auto explanation = json::parse(ivp::explain_json_text(text, "2026-11-23"));
        ivp::merge_explanation(lean, explanation);
        EXPECT_EQ(lean.dump(), full);
    }
}

// Lean is exactly the part of the full result that the amounts reach
// (ivp/detail.h), at the same paths with the same values, and nothing more.
TEST(LeanAndExplain, LeanHoldsOnlyWhatTheAmountsReach) {
    const auto lean = ivp::calculate_text("{}", ivp_test::fixed_today(), ivp::Detail::lean);
    const auto full = ivp::calculate_text("{}", ivp_test::fixed_today());
    std::vector<std::string> keys;
    for (const auto& [key, value] : lean.items()) keys.push_back(key);
    EXPECT_EQ(keys, (std::vector<std::string>{"budget", "costs", "provisions", "schema"}));
    EXPECT_EQ(lean.at("budget"), full.at("budget"));
    EXPECT_EQ(lean.at("schema"), full.at("schema"));
    const auto& eb = lean.at("costs").at("eigen_bijdrage");
    EXPECT_EQ(lean.at("costs").size(), 1u);
    EXPECT_EQ(eb.size(), 2u);
    EXPECT_EQ(eb.at("total"), full.at("costs").at("eigen_bijdrage").at("total"));
    EXPECT_EQ(eb.at("per_year"), full.at("costs").at("eigen_bijdrage").at("per_year"));
    ASSERT_EQ(lean.at("provisions").size(), full.at("provisions").size());
    for (std::size_t i = 0; i < full.at("provisions").size(); ++i) {
        const auto& l = lean.at("provisions")[i];
        const auto& f = full.at("provisions")[i];
        for (const char* key : {"id", "amount", "amount_source"}) EXPECT_EQ(l.at(key), f.at(key)) << key;
        const bool wmo = f.at("law") == "wmo";
        EXPECT_EQ(l.size(), wmo ? 4u : 3u) << l.dump();
        if (wmo) {
            const json pgb = {{"amount_eur", f.at("amount")}, {"amount_source", f.at("amount_source")}};
            EXPECT_EQ(l.at("financing"), json({{"als_protocol", {{"pgb", pgb}}}}));
        }
    }
    // The point of it: the per-change answer is a small fraction of the full one
    // (the whole result the page holds: with the rulebook's tables, which it reads once).
    EXPECT_LT(lean.dump().size() * 40, ivp_test::whole(full).dump().size()) << lean.dump().size();
}

// The page asks for the explanation only when something other than an
// amount changes; that is right only if the amounts never reach it. Every
// scenario of the set, with its amounts set to 0, 1, a large figure and a
// mix, must give the very same explanation.
TEST(LeanAndExplain, ExplanationDoesNotDependOnTheAmounts) {
    const auto& catalogue = ivp::embedded_catalogue();
    auto all = scenarios();
    // One where the household surely pays and every amount is tiny, so the
    // cost-price cap decides the eigen bijdrage (checked below).
    all.push_back(R"({"melding":"2026-03-02","provisions":["traplift","scootmobiel"],)"
                  R"("profile":{"huishouden":"alleenstaand","leeftijd":70}})");
    bool cap_seen = false;
    for (const auto& text : all) {
        SCOPED_TRACE(text.substr(0, 120));
        const auto base = ivp::explain_json_text(text, "2026-11-23");
        ASSERT_EQ(base.find("{\"error\""), std::string::npos) << base;
        for (int variant = 0; variant < 4; ++variant) {
            auto scenario = json::parse(text);
            json overrides = json::object();
            int n = 0;
            for (const auto& p : catalogue.provisions) {
                const std::int64_t amounts[] = {0, 1, 250000, (n % 3 == 0) ? 7 : 40000};
                overrides[p.id] = {{"amount", amounts[variant]}};
                ++n;
            }
            scenario["overrides"] = overrides;
            EXPECT_EQ(ivp::explain_json_text(scenario.dump(), "2026-11-23"), base) << "variant " << variant;
            const auto full = json::parse(ivp::calculate_json_text(scenario.dump(), "2026-11-23"));
            const auto& total = full.at("costs").at("eigen_bijdrage").at("total");
            cap_seen = cap_seen || (total.is_object() && total.value("cost_price_cap_applied", false));
        }
    }
    EXPECT_TRUE(cap_seen) << "no scenario reached the cost-price cap: the test would not see it move";
    // … and that it does follow the profile and the melding.
    const auto a = ivp::explain_json_text(
        R"({"melding":"2026-03-02","provisions":["traplift","scootmobiel"],"profile":{"woning_heeft_trap":true}})",
        "2026-11-23");
    EXPECT_NE(a, ivp::explain_json_text(
                     R"({"melding":"2026-03-02","provisions":["traplift","scootmobiel"],"profile":{"woning_heeft_trap":false}})",
                     "2026-11-23"));
    EXPECT_NE(a, ivp::explain_json_text(
                     R"({"melding":"2026-05-04","provisions":["traplift","scootmobiel"],"profile":{"woning_heeft_trap":true}})",
                     "2026-11-23"));
}

TEST(LeanAndExplain, BadInputIsTheSameErrorAsCalculate) {
    for (const char* text : {"{}x", R"({"provisions":["geen_voorziening"]})", R"({"profile":{"huishoudn":1}})",
                             // the policy pack: by an unknown id, the protocol as a municipality's, an invalid pack
                             R"({"policy":"gemeente-nergens"})", R"({"policy":"als-protocol"})",
                             R"({"policy_pack":{"id":"x"}})"}) {
        const auto full = ivp::calculate_json_text(text, "2026-11-23");
        ASSERT_NE(full.find("\"error\""), std::string::npos);
        EXPECT_EQ(ivp::calculate_lean_json_text(text, "2026-11-23"), full) << text;
        EXPECT_EQ(ivp::explain_json_text(text, "2026-11-23"), full) << text;
    }
    EXPECT_NE(ivp::explain_json_text("{}", "2026-13-01").find("\"error\""), std::string::npos);
}

// calculateLean builds only the parts of the rulebook it reads (the
// catalogue, the facts, the ALS protocol alone, the eigen bijdrage;
// docs/perf.md "Start-up"); run first in its process (ctest runs each test
// alone), it must give what the lean result of the whole rulebook gives.
TEST(LeanAndExplain, TheLeanCallWithoutTheWholeRulebookGivesTheSameResult) {
    auto all = scenarios();
    all.push_back(R"({"policy":"hattem-2014","profile":{"woning_heeft_trap":false,"leeftijd":80}})");
    all.push_back(R"({"policy":"wmo-2015","provisions":["traplift"],"keep_in_budget":["traplift"]})");
    const auto today = *ivp::parse_iso_date("2026-11-23");
    std::vector<std::string> lean;
    for (const auto& text : all) lean.push_back(ivp::calculate_text(text, today, ivp::Detail::lean).dump());
    const auto& rulebook = ivp::embedded_rulebook();
    for (std::size_t k = 0; k < all.size(); ++k) {
        SCOPED_TRACE(all[k].substr(0, 120));
        const auto scenario = ivp::parse_scenario(json::parse(all[k]), rulebook.catalogue, today);
        EXPECT_EQ(lean[k], ivp::calculate(scenario, rulebook, ivp::Detail::lean).dump());
    }
    // Each embedded pack parsed alone is the pack of the whole rulebook.
    for (const auto& p : rulebook.policies) {
        const ivp::Policy* alone = ivp::embedded_policy(p.id);
        ASSERT_NE(alone, nullptr) << p.id;
        EXPECT_EQ(alone->id, p.id);
        EXPECT_EQ(alone->sources.dump(), p.sources.dump());
        EXPECT_EQ(alone->criteria.size(), p.criteria.size());
    }
    EXPECT_EQ(ivp::embedded_policy("gemeente-nergens"), nullptr);
}
