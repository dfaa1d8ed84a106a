#include <gtest/gtest.h>

#include "ivp/result/calculate.h"
#include "summary.h"
#include "test_util.h"

TEST(Summary, DutchEuroFormat) {
    EXPECT_EQ(ivp_cli::format_euros(0), "€ 0");
    EXPECT_EQ(ivp_cli::format_euros(999), "€ 999");
    EXPECT_EQ(ivp_cli::format_euros(35000), "€ 35.000");
    EXPECT_EQ(ivp_cli::format_euros(1234567), "€ 1.234.567");
}

TEST(Summary, DutchDate) { EXPECT_EQ(ivp_cli::format_dutch_date("2026-11-03"), "3 november 2026"); }

TEST(Summary, NamesTheRangesOfTheTable) {
    const auto text = ivp_cli::summary_text(ivp::calculate_default(ivp_test::fixed_today()));
    EXPECT_NE(text.find("Wmo, cliëntgebonden   € 35.000 – € 55.000"), std::string::npos) << text;
    EXPECT_NE(text.find("Zvw, cliëntgebonden   € 19.000\n"), std::string::npos) << text;
    EXPECT_NE(text.find("Melding: 23 november 2026 (vandaag)"), std::string::npos) << text;
}

TEST(Summary, NamesTheEigenBijdrageOfTheMeldingYear) {
    const auto result = ivp::calculate_text(
        R"({"melding":"2026-03-01","provisions":["traplift"],
            "profile":{"huishouden":"alleenstaand","leeftijd":40,"aow_leeftijd_bereikt":true}})",
        ivp_test::fixed_today());
    const auto text = ivp_cli::summary_text(result);
    EXPECT_NE(text.find("Eigen bijdrage (Wmo): In 2026 betaalt uw huishouden € 21,80 per maand"), std::string::npos)
        << text;
}
