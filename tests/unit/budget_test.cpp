// The IVP budget of the ALS protocol (seed 000, table "ALS voorzieningen Wmo /
// Zvw"). The table prints its own ranges; these tests check that the
// computation over the catalogue and its constraints reproduces them.
#include <gtest/gtest.h>

#include "ivp/budget/budget.h"
#include "ivp/result/calculate.h"
#include "ivp/base/error.h"
#include "ivp/rulebook/rulebook.h"
#include "ivp/result/read_scenario.h"
#include "test_util.h"

using ivp_test::fixed_today;

namespace {

nlohmann::json calc(const std::string& scenario) { return ivp::calculate_text(scenario, fixed_today()); }

nlohmann::json range(long long lo, long long hi) { return {{"min", lo}, {"max", hi}}; }

}  // namespace

// The table's own ranges are printed, not derived: they are `table_budget`
// (tests/unit/plan_test.cpp). `budget` is the personal plan; with every
// provision selected and no answers it counts every row, and of the
// alternatives aanbouw and zorgunit (protocol 2c/2d) none or one.
TEST(IvpTable, WmoClientgebondenIs35000To55000) {
    EXPECT_EQ(ivp::calculate_default(fixed_today())["budget"]["wmo"]["client_bound"], range(35000, 55000));
}

TEST(IvpTable, WmoHerinzetbaarCountsEveryRowAndZorgunitOnlyInTheMax) {
    EXPECT_EQ(ivp::calculate_default(fixed_today())["budget"]["wmo"]["reusable"], range(88000, 108000));
}

TEST(IvpTable, ZvwClientgebondenIs19000) {
    EXPECT_EQ(ivp::calculate_default(fixed_today())["budget"]["zvw"]["client_bound"], range(19000, 19000));
}

TEST(IvpTable, ZvwHerinzetbaarCountsEveryRow) {
    EXPECT_EQ(ivp::calculate_default(fixed_today())["budget"]["zvw"]["reusable"], range(140000, 140000));
}

TEST(IvpTable, TotalsRespectTheWoningChain) {
    // Aanbouw and zorgunit are alternatives (protocol 2c/2d): the grand total
    // never counts both, so it is 20,000 below the sum of the cell maxima.
    const auto result = ivp::calculate_default(fixed_today());
    EXPECT_EQ(result["budget"]["wmo"]["total"], range(123000, 143000));
    EXPECT_EQ(result["budget"]["zvw"]["total"], range(159000, 159000));
    EXPECT_EQ(result["budget"]["total"], range(282000, 302000));
}

TEST(IvpTable, AllThirtyFourProvisionsByDefault) {
    EXPECT_EQ(ivp::calculate_default(fixed_today())["provisions"].size(), 34u);
}

TEST(IvpBudget, ExplicitFullListEqualsDefault) {
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& p : ivp::embedded_catalogue().provisions) ids.push_back(p.id);
    const auto result = calc(nlohmann::json{{"provisions", ids}}.dump());
    EXPECT_EQ(result["budget"], ivp::calculate_default(fixed_today())["budget"]);
}

TEST(IvpBudget, DeselectingACoreProvisionLowersMinAndMax) {
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& p : ivp::embedded_catalogue().provisions)
        if (p.id != "elektrische-rolstoel") ids.push_back(p.id);
    const auto result = calc(nlohmann::json{{"provisions", ids}}.dump());
    EXPECT_EQ(result["budget"]["wmo"]["reusable"], range(58000, 78000));
    EXPECT_EQ(result["provisions"].size(), 33u);
}

TEST(IvpBudget, DeselectingAConditionalProvisionLowersOnlyTheMax) {
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& p : ivp::embedded_catalogue().provisions)
        if (p.id != "zorgunit") ids.push_back(p.id);
    const auto result = calc(nlohmann::json{{"provisions", ids}}.dump());
    EXPECT_EQ(result["budget"]["wmo"]["reusable"], range(88000, 88000));
}

namespace {

// The embedded catalogue no longer has an at_least_one constraint (its only
// one, driewielfiets/scootmobiel, was our assumption: docs/ivp-model.md); the
// budget still supports the type, tested here on a catalogue that has it.
nlohmann::json calc_with_outdoor_constraint(const std::string& scenario) {
    const ivp::CustomRulebook custom([](std::string_view path, nlohmann::json& data) {
        if (path != "als-ivp-catalogue.json") return;
        for (auto& p : data["provisions"])
            if (p["id"] == "driewielfiets" || p["id"] == "scootmobiel") {
                p["need"] = "conditional";
                p["need_reason"] = {{"text", "test"}, {"source", {{"title", "test"}, {"section", "test"}}}};
            }
        data["constraints"].push_back({{"id", "buiten"}, {"type", "at_least_one"},
                                       {"members", {"driewielfiets", "scootmobiel"}}, {"text", "test"},
                                       {"source", {{"title", "test"}, {"section", "test"}}}});
    });
    const auto& rb = custom.rulebook();
    return ivp::calculate(ivp::parse_scenario(nlohmann::json::parse(scenario), rb.catalogue, fixed_today()), rb);
}

}  // namespace

TEST(IvpBudget, AtLeastOneCountsTheCheapestMemberInTheMinimum) {
    EXPECT_EQ(calc_with_outdoor_constraint("{}")["budget"]["wmo"]["reusable"], range(81000, 108000));
}

TEST(IvpBudget, AtLeastOneFallsToTheRemainingMember) {
    // Without the driewielfiets, the scootmobiel is the one that must be there.
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& p : ivp::embedded_catalogue().provisions)
        if (p.id != "driewielfiets") ids.push_back(p.id);
    const auto result = calc_with_outdoor_constraint(nlohmann::json{{"provisions", ids}}.dump());
    EXPECT_EQ(result["budget"]["wmo"]["reusable"], range(83000, 103000));
}

TEST(IvpBudget, AtMostOneWithOnlyOneMemberSelected) {
    const auto result = calc(R"({"provisions":["aanbouw-woning","zorgunit"]})");
    EXPECT_EQ(result["budget"]["total"], range(0, 20000));
    EXPECT_EQ(result["budget"]["wmo"]["client_bound"], range(0, 20000));
    EXPECT_EQ(result["budget"]["wmo"]["reusable"], range(0, 20000));
}

TEST(IvpBudget, EmptySelectionIsZero) {
    const auto result = calc(R"({"provisions":[]})");
    EXPECT_EQ(result["budget"]["total"], range(0, 0));
    EXPECT_TRUE(result["provisions"].empty());
}

TEST(IvpBudget, OverrideReplacesTheTableAmount) {
    // Merged with the rulebook, as the page reads it: `table_amount` is the row's (docs/result.md).
    const auto result = ivp_test::whole(calc(R"({"overrides":{"traplift":{"amount":9500}}})"));
    EXPECT_EQ(result["budget"]["wmo"]["reusable"], range(91500, 111500));
    for (const auto& p : result["provisions"])
        if (p["id"] == "traplift") {
            EXPECT_EQ(p["amount"], 9500);
            EXPECT_EQ(p["table_amount"], 6000);
            EXPECT_EQ(p["amount_source"], "override");
        }
}

TEST(IvpBudget, OverrideOfCoreProvisionMovesMinAndMax) {
    const auto result = calc(R"({"overrides":{"vervoersvoorziening":{"amount":0}}})");
    EXPECT_EQ(result["budget"]["wmo"]["client_bound"], range(25000, 45000));
}

TEST(IvpBudget, OverrideCanChangeWhichAlternativeIsCheapest) {
    // A driewielfiets quote above the scootmobiel makes the scootmobiel the minimum.
    const auto result = calc_with_outdoor_constraint(R"({"overrides":{"driewielfiets":{"amount":9000}}})");
    EXPECT_EQ(result["budget"]["wmo"]["reusable"], range(83000, 112000));
}

TEST(IvpBudget, OverrideOfDeselectedProvisionDoesNotCount) {
    const auto result = calc(R"({"provisions":["traplift"],"overrides":{"eetrobot":{"amount":99999}}})");
    EXPECT_EQ(result["budget"]["total"], range(6000, 6000));
}

TEST(IvpBudget, AlsProtocolDeliveryIsMeldingPlusSlaTotal) {
    // 2026-11-23 is a Monday; traplift SLA total 40 werkdagen. Feestdagen in
    // between: Eerste and Tweede Kerstdag (Fri 25, Sat 26 Dec) and Nieuwjaarsdag
    // (Thu 1 Jan 2027). 40 weekdays after 23 Nov is 18 Jan; two of them are
    // feestdagen (25 Dec, 1 Jan), so 20 Jan 2027.
    const auto result = calc(R"({"melding":"2026-11-23","provisions":["traplift"]})");
    EXPECT_EQ(result["provisions"][0]["delivery"]["als_protocol"], "2027-01-20");
}
