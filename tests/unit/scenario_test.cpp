// Every bad-input path of the scenario: an InputError with a Dutch message
// that names the place (JSON Pointer), never a crash and never a result.
#include <gtest/gtest.h>

#include "ivp/result/calculate.h"
#include "ivp/base/error.h"
#include "test_util.h"

using ivp_test::fixed_today;

namespace {

// The error for `scenario`; fails the test when there is none.
ivp::InputError error_of(const std::string& scenario) {
    try {
        ivp::calculate_text(scenario, fixed_today());
    } catch (const ivp::InputError& e) {
        return e;
    }
    ADD_FAILURE() << "no error for " << scenario;
    return ivp::InputError("?", "?");
}

struct BadScenario {
    const char* name;
    std::string scenario;
    const char* where;
    const char* message_part;
};

class BadScenarioTest : public testing::TestWithParam<BadScenario> {};

}  // namespace

TEST_P(BadScenarioTest, IsRefusedWithDutchMessageNamingThePlace) {
    const auto& c = GetParam();
    const auto e = error_of(c.scenario);
    EXPECT_EQ(e.where(), c.where);
    EXPECT_NE(std::string(e.what()).find(c.message_part), std::string::npos) << e.what();
}

INSTANTIATE_TEST_SUITE_P(
    Scenario, BadScenarioTest,
    testing::Values(
        BadScenario{"not_json", "hallo", "", "geen geldige JSON (regel 1"},
        BadScenario{"truncated", "{\"schema\": 1, \"melding\": \"2026-", "", "geen geldige JSON"},
        // A syntax error after a key whose words are those of another fault:
        // the message names the syntax error (until 2026-12-03 it said "geen
        // UTF-8", read from the words nlohmann quoted back).
        BadScenario{"words_of_another_fault", R"({"melding ill-formed UTF-8 control character" x})", "",
                    "(regel 1, teken 47). Controleer aanhalingstekens"},
        BadScenario{"empty", "", "", "leeg"},
        BadScenario{"array", "[1,2]", "", "moet een object zijn"},
        BadScenario{"unknown_key", R"({"meldng":"2026-01-05"})", "/meldng", "onbekend veld \"meldng\""},
        BadScenario{"future_schema", R"({"schema":2})", "/schema", "nieuwer dan deze rekenhulp"},
        BadScenario{"future_schema_with_new_key", R"({"schema":7,"nieuw":true})", "/schema", "nieuwer"},
        BadScenario{"schema_text", R"({"schema":"1"})", "/schema", "moet een getal zijn"},
        BadScenario{"schema_zero", R"({"schema":0})", "/schema", "buiten het bereik"},
        BadScenario{"melding_number", R"({"melding":20260105})", "/melding", "moet een tekst zijn"},
        BadScenario{"melding_impossible", R"({"melding":"2027-02-29"})", "/melding", "geen bestaande datum"},
        BadScenario{"melding_format", R"({"melding":"5-1-2026"})", "/melding", "geen bestaande datum"},
        BadScenario{"melding_year_zero", R"({"melding":"0000-01-01"})", "/melding", "buiten de kalender"},
        BadScenario{"melding_far_future", R"({"melding":"2150-01-01"})", "/melding", "buiten de kalender"},
        BadScenario{"provisions_not_list", R"({"provisions":"traplift"})", "/provisions", "lijst van ids"},
        BadScenario{"provision_unknown", R"({"provisions":["traplift","lift"]})", "/provisions/1",
                    "onbekende voorziening \"lift\""},
        BadScenario{"provision_number", R"({"provisions":[3]})", "/provisions/0", "een tekst"},
        BadScenario{"provision_twice", R"({"provisions":["traplift","traplift"]})", "/provisions/1", "twee keer"},
        BadScenario{"overrides_list", R"({"overrides":[]})", "/overrides", "moet een object zijn"},
        BadScenario{"override_unknown_id", R"({"overrides":{"lift":{"amount":1}}})", "/overrides/lift",
                    "onbekende voorziening"},
        BadScenario{"override_plain_number", R"({"overrides":{"traplift":5000}})", "/overrides/traplift",
                    "moet een object zijn"},
        BadScenario{"override_missing_amount", R"({"overrides":{"traplift":{}}})", "/overrides/traplift/amount",
                    "ontbreekt"},
        BadScenario{"override_unknown_field", R"({"overrides":{"traplift":{"bedrag":1}}})",
                    "/overrides/traplift/bedrag", "onbekend veld"},
        BadScenario{"override_negative", R"({"overrides":{"traplift":{"amount":-1}}})",
                    "/overrides/traplift/amount", "buiten het bereik"},
        BadScenario{"override_too_large", R"({"overrides":{"traplift":{"amount":10000001}}})",
                    "/overrides/traplift/amount", "buiten het bereik"},
        BadScenario{"override_huge", R"({"overrides":{"traplift":{"amount":18446744073709551615}}})",
                    "/overrides/traplift/amount", "buiten het bereik"},
        BadScenario{"override_fraction", R"({"overrides":{"traplift":{"amount":12.5}}})",
                    "/overrides/traplift/amount", "heel getal"},
        BadScenario{"override_text", R"({"overrides":{"traplift":{"amount":"5 000"}}})",
                    "/overrides/traplift/amount", "heel getal"},
        BadScenario{"override_exponent_overflow", R"({"overrides":{"traplift":{"amount":1e400}}})", "",
                    "te groot is om te lezen"},
        BadScenario{"nan", R"({"overrides":{"traplift":{"amount":NaN}}})", "", "geen geldige JSON"},
        BadScenario{"profile_list", R"({"profile":[]})", "/profile", "moet een object zijn"},
        BadScenario{"profile_unknown_fact", R"({"profile":{"schoenmaat":43}})", "/profile/schoenmaat", "onbekend feit"},
        BadScenario{"profile_boolean_as_text", R"({"profile":{"ov_mogelijk":"ja"}})", "/profile/ov_mogelijk", "verwacht true (ja) of false (nee)"},
        BadScenario{"profile_integer_out_of_range", R"({"profile":{"leeftijd":130}})", "/profile/leeftijd", "buiten"},
        BadScenario{"nul_byte", std::string("{\"melding\":\"2026-01-05\"}\0", 25), "", "geen geldige JSON"},
        BadScenario{"deep", std::string(100, '[') + std::string(100, ']'), "", "te diep genest"},
        BadScenario{"too_large", "{\"x\":\"" + std::string(2 * 1024 * 1024, 'a') + "\"}", "", "te groot"}),
    [](const testing::TestParamInfo<BadScenario>& info) { return std::string(info.param.name); });

TEST(Scenario, EveryFieldIsOptional) {
    const auto result = ivp::calculate_text("{}", fixed_today());
    EXPECT_EQ(result["melding"], "2026-11-23");
    EXPECT_EQ(result["melding_source"], "today");
    EXPECT_EQ(result["provisions"].size(), 34u);
}

TEST(Scenario, WholeFloatAmountIsAccepted) {
    const auto result = ivp::calculate_text(R"({"provisions":["traplift"],"overrides":{"traplift":{"amount":7000.0}}})",
                                            fixed_today());
    EXPECT_EQ(result["budget"]["total"]["max"], 7000);
}

TEST(Scenario, PointerEscapesSlashInKey) {
    const auto e = error_of(R"({"overrides":{"a/b":{"amount":1}}})");
    EXPECT_EQ(e.where(), "/overrides/a~1b");
}

TEST(Scenario, DescribeNamesThePlace) {
    const auto e = error_of(R"({"melding":"2027-02-29"})");
    EXPECT_EQ(e.describe().rfind("Fout in /melding: ", 0), 0u) << e.describe();
}
