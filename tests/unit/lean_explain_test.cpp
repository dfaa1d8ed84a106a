// The page's split of the result (docs/perf.md, "Rekenkern"): the lean result
// at every keystroke plus the explanation when the profile or the selection
// changes must carry exactly what `ivp calc` prints — no more, no less.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "ivp/boundary.h"
#include "ivp/calculate.h"
#include "ivp/explain.h"
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

TEST(LeanAndExplain, LeanKeepsTheVerdictsAndDropsTheExplanation) {
    const auto lean = ivp::calculate_text("{}", ivp_test::fixed_today(), ivp::Detail::lean);
    const auto full = ivp::calculate_text("{}", ivp_test::fixed_today());
    for (const char* key : {"other_provisions", "policies", "procedure", "late_decision", "terms"})
        EXPECT_FALSE(lean.contains(key)) << key;
    // (costs has its own short open_questions: facts the eigen bijdrage needs; it stays.)
    EXPECT_FALSE(has_key_anywhere(lean.at("provisions"), "open_questions"));
    EXPECT_FALSE(has_key_anywhere(lean.at("provisions"), "reasons"));
    EXPECT_FALSE(has_key_anywhere(lean.at("provisions"), "settles"));
    ASSERT_EQ(lean.at("provisions").size(), full.at("provisions").size());
    for (std::size_t i = 0; i < full.at("provisions").size(); ++i) {
        const auto& l = lean.at("provisions")[i];
        const auto& f = full.at("provisions")[i];
        for (const char* key : {"id", "amount", "amount_source", "financing", "sla_werkdagen"})
            EXPECT_EQ(l.at(key), f.at(key)) << key;
        EXPECT_EQ(l.at("delivery").at("als_protocol"), f.at("delivery").at("als_protocol"));
        EXPECT_FALSE(l.at("delivery").contains("tracks"));
        for (const char* key : {"verdict", "differs", "policy", "policy_label"})
            EXPECT_EQ(l.at("eligibility").at(key), f.at("eligibility").at(key)) << key;
        for (const auto& [policy, v] : f.at("eligibility").at("policies").items()) {
            const auto& lv = l.at("eligibility").at("policies").at(policy);
            EXPECT_EQ(lv.at("verdict"), v.at("verdict"));
            EXPECT_EQ(lv.at("financier"), v.at("financier"));
            EXPECT_EQ(lv.value("covered", json()), v.value("covered", json()));
        }
    }
    for (const char* key : {"budget", "costs", "melding", "peildatum", "notes", "disclaimer"})
        EXPECT_EQ(lean.at(key), full.at(key)) << key;
    // The point of it: the default result is several times smaller.
    EXPECT_LT(lean.dump().size() * 2, full.dump().size());
}

// The page asks for the explanation only when something other than an
// amount changes; that is right only if the amounts never reach it.
TEST(LeanAndExplain, ExplanationDoesNotDependOnTheAmounts) {
    const auto a = ivp::explain_json_text(
        R"({"melding":"2026-03-02","provisions":["traplift","scootmobiel"],"profile":{"woning_heeft_trap":true}})",
        "2026-11-23");
    const auto b = ivp::explain_json_text(
        R"({"melding":"2026-03-02","provisions":["traplift","scootmobiel"],"profile":{"woning_heeft_trap":true},)"
        R"("overrides":{"traplift":{"amount":999},"scootmobiel":{"amount":0}}})",
        "2026-11-23");
    EXPECT_EQ(a, b);
    // … and that it does follow the profile and the melding.
    EXPECT_NE(a, ivp::explain_json_text(
                     R"({"melding":"2026-03-02","provisions":["traplift","scootmobiel"],"profile":{"woning_heeft_trap":false}})",
                     "2026-11-23"));
    EXPECT_NE(a, ivp::explain_json_text(
                     R"({"melding":"2026-05-04","provisions":["traplift","scootmobiel"],"profile":{"woning_heeft_trap":true}})",
                     "2026-11-23"));
}

TEST(LeanAndExplain, BadInputIsTheSameErrorAsCalculate) {
    for (const char* text : {"{}x", R"({"provisions":["geen_voorziening"]})", R"({"profile":{"huishoudn":1}})"}) {
        const auto full = ivp::calculate_json_text(text, "2026-11-23");
        ASSERT_NE(full.find("\"error\""), std::string::npos);
        EXPECT_EQ(ivp::calculate_lean_json_text(text, "2026-11-23"), full) << text;
        EXPECT_EQ(ivp::explain_json_text(text, "2026-11-23"), full) << text;
    }
    EXPECT_NE(ivp::explain_json_text("{}", "2026-13-01").find("\"error\""), std::string::npos);
}
