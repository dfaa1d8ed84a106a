// What the IVP costs the client (docs/costs.md). Tests are sentences with a
// date and an amount, in the style of OpenFisca: each names the rule and year
// it checks. Amounts in eurocents.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "ivp/result/calculate.h"
#include "ivp/base/calendar.h"
#include "ivp/costs/costs.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/error.h"
#include "ivp/model/facts.h"
#include "ivp/result/read_scenario.h"
#include "test_util.h"

using ivp_test::d;
using ivp_test::fixed_today;
using nlohmann::json;

namespace {

// An adult living alone: the household exemption does not apply, so the
// tariff of the year is what the household pays.
const json kAlleenstaand = {{"huishouden", "alleenstaand"}, {"leeftijd", 40}, {"aow_leeftijd_bereikt", false}};

json eigen_bijdrage(const std::string& melding, const json& provisions, const json& profile = kAlleenstaand,
                    const json& overrides = json::object()) {
    const json scenario = {
        {"melding", melding}, {"provisions", provisions}, {"profile", profile}, {"overrides", overrides}};
    return ivp::calculate_text(scenario.dump(), fixed_today()).at("costs").at("eigen_bijdrage");
}

void expect_pays(const json& eb, long long cents, const std::string& period) {
    EXPECT_EQ(eb.at("status"), "betaalt") << eb.dump(1);
    EXPECT_EQ(eb.at("per_period").at("min"), cents);
    EXPECT_EQ(eb.at("per_period").at("max"), cents);
    EXPECT_EQ(eb.at("per_period").at("period"), period);
    EXPECT_EQ(eb.at("per_period").at("unit"), "eurocent");
}

json embedded_json(const char* path) { return json::parse(ivp::embedded::data_file(path)); }

ivp::EigenBijdrageRules parse_rules(const json& data) {
    const auto& calendar = ivp::embedded_calendar();
    return ivp::parse_eigen_bijdrage(data, "test.json", ivp::embedded_catalogue(), calendar.first_year(),
                                     calendar.last_year());
}

}  // namespace

// --- Abonnementstarief per year (Wmo 2015 art. 2.1.4 lid 3; 2019: Uitvoeringsbesluit) ---

TEST(Abonnementstarief, In2019BetaaltEenAlleenstaandeMetEenTrapliftEuro17_50Per4Weken) {
    const auto eb = eigen_bijdrage("2019-03-01", {"traplift"});
    expect_pays(eb, 1750, "4 weken");
    EXPECT_EQ(eb.at("rule").at("valid_from"), "2019-01-01");
    // 13 × € 17,50 / 12 = € 18,958…, rounded to € 18,96 as an explicit step.
    EXPECT_EQ(eb.at("per_month").at("max"), 1896);
    EXPECT_NE(eb.at("rule").at("conversion").get<std::string>().find("€ 18,96"), std::string::npos);
}

TEST(Abonnementstarief, Van2020Tot2023BetaaltEenHuishoudenMetEenTrapliftEuro19PerMaand) {
    for (const char* melding : {"2020-01-01", "2021-06-15", "2022-07-01", "2023-12-31"}) {
        SCOPED_TRACE(melding);
        expect_pays(eigen_bijdrage(melding, {"traplift"}), 1900, "maand");
    }
}

TEST(Abonnementstarief, In2024BetaaltEenHuishoudenMetEenTrapliftEuro20_60PerMaand) {
    expect_pays(eigen_bijdrage("2024-05-01", {"traplift"}), 2060, "maand");
}

TEST(Abonnementstarief, In2025BetaaltEenHuishoudenMetEenTrapliftEuro21PerMaand) {
    expect_pays(eigen_bijdrage("2025-05-01", {"traplift"}), 2100, "maand");
}

TEST(Abonnementstarief, In2026BetaaltEenHuishoudenMetEenTrapliftEuro21_80PerMaand) {
    const auto eb = eigen_bijdrage("2026-03-01", {"traplift"});
    expect_pays(eb, 2180, "maand");
    EXPECT_EQ(eb.at("summary"),
              "In 2026 betaalt uw huishouden € 21,80 per maand eigen bijdrage, één keer voor alle Wmo-voorzieningen "
              "samen.");
}

TEST(Abonnementstarief, TheRuleOfTheMeldingDateAppliesOnNewYearsEve) {
    expect_pays(eigen_bijdrage("2025-12-31", {"traplift"}), 2100, "maand");
    expect_pays(eigen_bijdrage("2026-01-01", {"traplift"}), 2180, "maand");
}

TEST(Abonnementstarief, In2027IsTheTariffUnknownAndTheLastKnownIsAMarkedEstimate) {
    const auto eb = eigen_bijdrage("2027-02-01", {"traplift"});
    EXPECT_EQ(eb.at("rule").at("regime"), "onbekend");
    EXPECT_EQ(eb.at("estimate_from").at("valid_from"), "2026-01-01");
    EXPECT_EQ(eb.at("per_month").at("max"), 2180);
    EXPECT_TRUE(eb.at("total").at("contains_estimate").get<bool>());
    EXPECT_NE(eb.at("summary").get<std::string>().find("(schatting)"), std::string::npos);
    EXPECT_NE(eb.at("notes").at(0).get<std::string>().find("nog niet bekend"), std::string::npos);
    for (const auto& row : eb.at("per_year")) EXPECT_EQ(row.at("basis"), "schatting");
}

TEST(Abonnementstarief, Before2019TheIncomeDependentContributionIsNotComputed) {
    const auto eb = eigen_bijdrage("2017-06-01", {"traplift"});
    EXPECT_EQ(eb.at("status"), "niet_berekend");
    EXPECT_TRUE(eb.at("per_month").is_null());
    EXPECT_TRUE(eb.at("total").is_null());
    EXPECT_EQ(eb.at("rule").at("regime"), "inkomensafhankelijk");
}

TEST(Abonnementstarief, MonthlyConversionRoundsHalfUpToWholeCents) {
    ivp::TariffPeriod p;
    p.regime = ivp::Regime::abonnementstarief;
    p.periods_per_year = 13;
    p.amount_eurocents = 1750;  // 22750 / 12 = 1895.83
    EXPECT_EQ(ivp::monthly_eurocents(p), 1896);
    p.amount_eurocents = 6;  // 78 / 12 = 6.5: half a cent rounds up
    EXPECT_EQ(ivp::monthly_eurocents(p), 7);
    p.amount_eurocents = 5;  // 65 / 12 = 5.41
    EXPECT_EQ(ivp::monthly_eurocents(p), 5);
    p.periods_per_year = 12;
    p.amount_eurocents = 2180;
    EXPECT_EQ(ivp::monthly_eurocents(p), 2180);
}

// --- Once per household (CAK, abonnementstarief per huishouden) ---

TEST(EenKeerPerHuishouden, In2026BetaaltEenHuishoudenMetDrieVoorzieningenEenKeerEuro21_80) {
    const auto eb = eigen_bijdrage("2026-03-01", {"traplift", "scootmobiel", "toiletlift"});
    expect_pays(eb, 2180, "maand");
    EXPECT_EQ(eb.at("applies_to").size(), 3u);
    // Two years at € 21,80 a month (the months of 2027 at the last known tariff).
    EXPECT_EQ(eb.at("total").at("min"), 24 * 2180);
    EXPECT_EQ(eb.at("total").at("max"), 60 * 2180);
}

// --- Exemptions ---

TEST(VrijstellingRolstoel, In2026BetaaltEenAlleenstaandeMetAlleenEenElektrischeRolstoelNiets) {
    const auto eb = eigen_bijdrage("2026-03-01", {"elektrische-rolstoel"});
    EXPECT_EQ(eb.at("status"), "betaalt_niet");
    EXPECT_EQ(eb.at("per_month").at("max"), 0);
    EXPECT_EQ(eb.at("exemptions_applied").at(0).at("id"), "rolstoel");
    EXPECT_EQ(eb.at("total").at("max"), 0);
}

TEST(VrijstellingRolstoel, ARolstoelBesideATrapliftDoesNotLowerTheTariff) {
    expect_pays(eigen_bijdrage("2026-03-01", {"elektrische-rolstoel", "traplift"}), 2180, "maand");
}

TEST(VrijstellingJongerDan18, In2026BetaaltEenKindMetEenScootmobielNiets) {
    json profile = kAlleenstaand;
    profile["leeftijd"] = 12;
    const auto eb = eigen_bijdrage("2026-03-01", {"scootmobiel"}, profile);
    EXPECT_EQ(eb.at("status"), "betaalt_niet");
    EXPECT_EQ(eb.at("exemptions_applied").at(0).at("id"), "jonger_dan_18");
}

TEST(VrijstellingJongerDan18, ForAWoningaanpassingForAChildTheGemeenteMayCharge) {
    json profile = kAlleenstaand;
    profile["leeftijd"] = 12;
    const auto eb = eigen_bijdrage("2026-03-01", {"traplift"}, profile);
    EXPECT_EQ(eb.at("status"), "hangt_af");
    EXPECT_EQ(eb.at("per_month").at("min"), 0);
    EXPECT_EQ(eb.at("per_month").at("max"), 2180);
}

TEST(VrijstellingPartnerOnderAow, In2026BetaaltEenStelWaarvanEenOnderDeAowLeeftijdNiets) {
    const json profile = {{"huishouden", "met_partner"},
                          {"leeftijd", 40},
                          {"aow_leeftijd_bereikt", true},
                          {"partner_aow_leeftijd_bereikt", false}};
    const auto eb = eigen_bijdrage("2026-03-01", {"traplift", "scootmobiel"}, profile);
    EXPECT_EQ(eb.at("status"), "betaalt_niet");
    EXPECT_EQ(eb.at("per_month").at("max"), 0);
    EXPECT_EQ(eb.at("exemptions_applied").at(0).at("id"), "partner_onder_aow_leeftijd");
}

TEST(VrijstellingPartnerOnderAow, In2019BetaaltEenStelOnderDeAowLeeftijdOokNiets) {
    const json profile = {{"huishouden", "met_partner"}, {"leeftijd", 40}, {"aow_leeftijd_bereikt", false}};
    EXPECT_EQ(eigen_bijdrage("2019-03-01", {"traplift"}, profile).at("status"), "betaalt_niet");
}

TEST(VrijstellingPartnerOnderAow, In2024BetaaltEenStelDatAllebeiDeAowLeeftijdHeeftEuro20_60) {
    const json profile = {{"huishouden", "met_partner"},
                          {"leeftijd", 40},
                          {"aow_leeftijd_bereikt", true},
                          {"partner_aow_leeftijd_bereikt", true}};
    expect_pays(eigen_bijdrage("2024-03-01", {"traplift"}, profile), 2060, "maand");
}

TEST(VrijstellingPartnerOnderAow, AnAlleenstaandeAboveTheAowLeeftijdStillPays) {
    json profile = kAlleenstaand;
    profile["aow_leeftijd_bereikt"] = true;
    expect_pays(eigen_bijdrage("2026-03-01", {"traplift"}, profile), 2180, "maand");
}

TEST(VrijstellingPartnerOnderAow, UnansweredQuestionsGiveARangeAndNameTheQuestions) {
    const auto eb = eigen_bijdrage("2026-03-01", {"traplift"}, {{"leeftijd", 40}});
    EXPECT_EQ(eb.at("status"), "hangt_af");
    EXPECT_EQ(eb.at("per_month").at("min"), 0);
    EXPECT_EQ(eb.at("per_month").at("max"), 2180);
    const auto& open = eb.at("open_questions");
    EXPECT_NE(std::find(open.begin(), open.end(), "huishouden"), open.end()) << open.dump();
    // Known to be a partner household with the client under AOW-leeftijd:
    // exempt whatever the partner's age, so no question remains (Kleene).
    const auto decided = eigen_bijdrage("2026-03-01", {"traplift"},
                                        {{"leeftijd", 40}, {"huishouden", "met_partner"}, {"aow_leeftijd_bereikt", false}});
    EXPECT_EQ(decided.at("status"), "betaalt_niet");
    EXPECT_TRUE(decided.at("open_questions").empty());
    // Then the age of the client no longer matters either.
    const auto exempt = eigen_bijdrage("2026-03-01", {"traplift"}, {{"huishouden", "met_partner"}, {"aow_leeftijd_bereikt", false}});
    EXPECT_EQ(exempt.at("status"), "betaalt_niet");
    EXPECT_TRUE(exempt.at("open_questions").empty()) << exempt.at("open_questions").dump();
}

TEST(Zvw, EenHulpmiddelUitDeZorgverzekeringKentGeenWmoEigenBijdrage) {
    const auto eb = eigen_bijdrage("2026-03-01", {"eetrobot"});
    EXPECT_EQ(eb.at("status"), "betaalt_niet");
    EXPECT_EQ(eb.at("not_applicable").at(0).at("id"), "eetrobot");
    EXPECT_TRUE(eb.at("applies_to").empty());
}

// --- Cost-price cap (CAK, per 1 januari 2020) ---

TEST(Kostprijs, In2026BetaaltEenHuishoudenVoorEenTrapliftVanEuro50NooitMeerDanEuro50) {
    const auto eb = eigen_bijdrage("2026-03-01", {"traplift"}, kAlleenstaand, {{"traplift", {{"amount", 50}}}});
    EXPECT_EQ(eb.at("per_month").at("max"), 2180);  // the first months the full tariff
    EXPECT_EQ(eb.at("total").at("min"), 5000);
    EXPECT_EQ(eb.at("total").at("max"), 5000);
    EXPECT_TRUE(eb.at("total").at("cost_price_cap_applied").get<bool>());
    long long sum = 0;
    for (const auto& row : eb.at("per_year")) sum += row.at("amount_eurocents").get<long long>();
    EXPECT_EQ(sum, 5000);
}

TEST(Kostprijs, TheCapIsTheDearestProvisionStillBeingPaidOff) {
    // € 50 and € 300: the tariff runs until the € 300 one is paid off.
    const auto eb = eigen_bijdrage("2026-03-01", {"traplift", "toiletlift"}, kAlleenstaand,
                                   {{"traplift", {{"amount", 50}}}, {"toiletlift", {{"amount", 300}}}});
    EXPECT_EQ(eb.at("total").at("max"), 30000);
}

TEST(Kostprijs, For2019TheCapIsNotAppliedAndTheResultSaysSo) {
    const auto eb = eigen_bijdrage("2019-03-01", {"traplift"}, kAlleenstaand, {{"traplift", {{"amount", 50}}}});
    EXPECT_FALSE(eb.at("cost_price_cap").at("applies").get<bool>());
    EXPECT_GT(eb.at("total").at("max").get<long long>(), 5000);
    bool noted = false;
    for (const auto& n : eb.at("notes")) noted = noted || n.get<std::string>().find("kostprijs") != std::string::npos;
    EXPECT_TRUE(noted);
}

// --- Projection over the IVP (2 to 5 years, protocol line 121) ---

TEST(Projectie, AMelding2019CountsEachYearAtItsOwnTariff) {
    const auto eb = eigen_bijdrage("2019-12-10", {"traplift"});
    const auto& rows = eb.at("per_year");
    ASSERT_GE(rows.size(), 5u);
    EXPECT_EQ(rows[0].at("year"), 2020);  // from the month after the melding
    EXPECT_EQ(rows[0].at("per_month_eurocents"), 1900);
    EXPECT_EQ(rows[4].at("year"), 2024);
    EXPECT_EQ(rows[4].at("per_month_eurocents"), 2060);
    // 2020–2021 at € 19: two years.
    EXPECT_EQ(eb.at("total").at("min"), 24 * 1900);
    // 2020–2023 at € 19, 2024 at € 20,60.
    EXPECT_EQ(eb.at("total").at("max"), 48 * 1900 + 12 * 2060);
    EXPECT_FALSE(eb.at("total").at("contains_estimate").get<bool>());
}

TEST(Projectie, AMeldingIn2018ReachesIntoTheYearsOfTheAbonnementstarief) {
    const auto eb = eigen_bijdrage("2018-12-20", {"traplift"});
    EXPECT_EQ(eb.at("status"), "niet_berekend");  // the melding year's rule is income-dependent
}

// --- Date coverage: every supported day has exactly one rule ---

TEST(DatumDekking, EveryDayOfTheCalendarRangeHasExactlyOneTariffPeriod) {
    const auto& rules = ivp::embedded_eigen_bijdrage();
    const auto& calendar = ivp::embedded_calendar();
    const ivp::Date first{std::chrono::year{calendar.first_year()}, std::chrono::January, std::chrono::day{1}};
    const ivp::Date last{std::chrono::year{calendar.last_year()}, std::chrono::December, std::chrono::day{31}};
    int days = 0;
    for (ivp::Date day = first; day <= last; day = ivp::add_days(day, 1), ++days) {
        int holding = 0;
        for (const auto& p : rules.periods) holding += p.contains(day) ? 1 : 0;
        ASSERT_EQ(holding, 1) << "op " << ivp::format_iso_date(day);
    }
    EXPECT_EQ(days, ivp::days_between(first, last) + 1);
    // One day outside the range has none: the data claims no more than it knows.
    EXPECT_EQ(rules.period_on(ivp::add_days(first, -1)), nullptr);
    EXPECT_EQ(rules.period_on(ivp::add_days(last, 1)), nullptr);
}

TEST(DatumDekking, EveryPeriodWithATariffHasAnAmountAndASource) {
    for (const auto& p : ivp::embedded_eigen_bijdrage().periods) {
        EXPECT_TRUE(p.source.contains("section")) << ivp::format_iso_date(p.valid_from);
        if (p.regime == ivp::Regime::abonnementstarief) {
            EXPECT_GT(p.amount_eurocents, 0);
        }
    }
}

TEST(DatumDekking, AGapBetweenPeriodsIsRefused) {
    auto data = embedded_json("eigen-bijdrage.json");
    data["periods"][3]["valid_from"] = "2024-01-02";
    try {
        parse_rules(data);
        FAIL() << "een gat werd niet opgemerkt";
    } catch (const ivp::DataError& e) {
        EXPECT_NE(std::string(e.what()).find("/periods/3/valid_from"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("gat"), std::string::npos) << e.what();
    }
}

TEST(DatumDekking, AnOverlapBetweenPeriodsIsRefused) {
    auto data = embedded_json("eigen-bijdrage.json");
    data["periods"][3]["valid_from"] = "2023-12-31";
    try {
        parse_rules(data);
        FAIL() << "een overlap werd niet opgemerkt";
    } catch (const ivp::DataError& e) {
        EXPECT_NE(std::string(e.what()).find("overlapt"), std::string::npos) << e.what();
    }
}

TEST(DatumDekking, ARangeShorterThanTheCalendarIsRefused) {
    auto data = embedded_json("eigen-bijdrage.json");
    data["periods"].back()["valid_until"] = "2098-12-31";
    EXPECT_THROW(parse_rules(data), ivp::DataError);
    data = embedded_json("eigen-bijdrage.json");
    data["covered"]["first"] = "2016-01-01";
    EXPECT_THROW(parse_rules(data), ivp::DataError);
}

TEST(DatumDekking, ATariffWithoutASourceIsRefused) {
    auto data = embedded_json("eigen-bijdrage.json");
    data["periods"][6].erase("source");
    EXPECT_THROW(parse_rules(data), ivp::DataError);
}

// --- The 2027 proposal stays a proposal ---

TEST(Voorstel2027, IsMarkedAsNotDecidedAndNeverApplied) {
    // The proposal is the same in every result: the rulebook's, merged in.
    const auto result = ivp_test::whole(ivp::calculate_default(fixed_today()));
    const auto& proposal = result.at("costs").at("proposal_2027");
    EXPECT_EQ(proposal.at("status"), "voorstel, nog niet besloten");
    EXPECT_FALSE(proposal.at("applied").get<bool>());
    EXPECT_NE(proposal.at("status_detail").get<std::string>().find("onbekend"), std::string::npos);
    auto data = embedded_json("eigen-bijdrage.json");
    data["proposal_2027"]["status"] = "aangenomen";
    EXPECT_THROW(parse_rules(data), ivp::DataError);
}

// --- Financing per provision: natura, pgb, financiële tegemoetkoming ---

TEST(Financiering, EveryProvisionOfTheDefaultPlanHasItsFinancing) {
    const auto result = ivp_test::whole(ivp::calculate_default(fixed_today()));
    const auto& rules = result.at("costs").at("financing");
    for (const auto& p : result.at("provisions")) {
        ASSERT_TRUE(p.contains("financing")) << p.at("id");
        const auto& f = p.at("financing");
        // Every reference resolves: the group and each form are defined once.
        ASSERT_TRUE(rules.at("groups").contains(f.at("group").get<std::string>())) << p.at("id");
        for (const auto& form : f.at("forms")) {
            bool defined = false;
            for (const auto& def : rules.at("forms")) defined = defined || def.at("id") == form;
            EXPECT_TRUE(defined) << form;
        }
        if (p.at("law") == "wmo") {
            EXPECT_FALSE(f.at("forms").empty()) << p.at("id");
            // Hattem names no amount: the figure is null, not invented.
            EXPECT_TRUE(f.at("hattem").at("pgb").at("amount_eur").is_null());
            EXPECT_EQ(f.at("als_protocol").at("pgb").at("amount_eur"), p.at("amount"));
        } else {
            EXPECT_EQ(f.at("eigen_bijdrage").at("status"), "niet_van_toepassing");
        }
    }
}

TEST(Financiering, TheAlsProtocolPgbFollowsTheUsersOwnQuote) {
    const json scenario = {{"provisions", {"traplift"}}, {"overrides", {{"traplift", {{"amount", 7450}}}}}};
    const auto result = ivp::calculate_text(scenario.dump(), fixed_today());
    const auto& pgb = result.at("provisions").at(0).at("financing").at("als_protocol").at("pgb");
    EXPECT_EQ(pgb.at("amount_eur"), 7450);
    EXPECT_EQ(pgb.at("amount_source"), "override");
}

TEST(Financiering, TheBestelbusGetsAFinancieleTegemoetkomingUnderBothPolicies) {
    const auto result = ivp_test::whole(ivp::calculate_text(R"({"provisions":["vervoersvoorziening"]})", fixed_today()));
    const auto& f = result.at("provisions").at(0).at("financing");
    EXPECT_EQ(f.at("forms").at(0), "financiele_tegemoetkoming");
    const auto& group = result.at("costs").at("financing").at("groups").at(f.at("group").get<std::string>());
    // The quoted source is in the result's `sources`, by id.
    EXPECT_EQ(result.at("sources").at(group.at("als_source").get<std::string>()).at("line"), 180);
}

TEST(Financiering, ZelfAangeschaftIsPassedWithBothPolicies) {
    const auto result = ivp_test::whole(ivp::calculate_text(
        R"({"provisions":["traplift"],"profile":{"zelf_aangeschaft":true}})", fixed_today()));
    const auto& prior = result.at("provisions").at(0).at("financing").at("prior_purchase");
    EXPECT_EQ(prior.at("answer"), true);
    const auto& rules = result.at("costs").at("financing");
    const auto& sources = result.at("sources");
    EXPECT_EQ(sources.at(rules.at("als_protocol").at("prior_purchase_source").get<std::string>()).at("line"), 224);
    EXPECT_EQ(sources.at(rules.at("hattem").at("prior_purchase_source").get<std::string>()).at("line"), 3141);
}

TEST(Financiering, AProvisionMissingFromTheGroupsIsRefused) {
    auto data = embedded_json("financing.json");
    data["groups"][1]["provisions"] = json::array();
    EXPECT_THROW(ivp::parse_financing(data, "test.json", ivp::embedded_catalogue()), ivp::DataError);
    data = embedded_json("financing.json");
    data["groups"][0]["provisions"].push_back("eetrobot");  // a Zvw provision in a Wmo group, and twice
    EXPECT_THROW(ivp::parse_financing(data, "test.json", ivp::embedded_catalogue()), ivp::DataError);
}

TEST(Financiering, AnUnknownProfileFactIsStillRefused) {
    EXPECT_THROW(ivp::calculate_text(R"({"profile":{"huishoudn":"alleenstaand"}})", fixed_today()), ivp::InputError);
    EXPECT_THROW(ivp::calculate_text(R"({"profile":{"huishouden":"samen"}})", fixed_today()), ivp::InputError);
}

TEST(DatumDekking, AMeldingOnTheLastSupportedDayStillGetsAMarkedEstimate) {
    // The projection runs past 2099 (the months after the melding); beyond
    // the data it keeps the last known tariff, marked as an estimate.
    const auto& catalogue = ivp::embedded_catalogue();
    const auto s = ivp::default_scenario(catalogue, d("2099-12-31"));
    const auto eb = ivp::costs_json(s, catalogue).at("eigen_bijdrage");
    EXPECT_EQ(eb.at("rule").at("regime"), "onbekend");
    EXPECT_EQ(eb.at("per_month").at("max"), 2180);
    EXPECT_TRUE(eb.at("total").at("contains_estimate").get<bool>());
    EXPECT_EQ(eb.at("per_year").at(0).at("year"), 2100);
}

// --- Citations: the quoted seed text is where the data says it is ---

#include <filesystem>
#include <fstream>

namespace {

std::string squeeze(const std::string& s) {  // whitespace-insensitive, quotes unified
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (std::isspace(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else if (s.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’ as '
            out += '\'';
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

void check_citations(const json& node, const std::filesystem::path& seeds, const std::string& where, int& checked) {
    if (node.is_object()) {
        if (node.contains("seed") && node.contains("line")) {
            std::ifstream in(seeds / node.at("seed").get<std::string>());
            ASSERT_TRUE(in) << where << ": seed " << node.at("seed");
            std::vector<std::string> lines;
            for (std::string l; std::getline(in, l);) lines.push_back(l);
            const int line = node.at("line").get<int>();
            ASSERT_GE(line, 1) << where;
            ASSERT_LE(line, static_cast<int>(lines.size())) << where;
            if (node.contains("text")) {
                // The quote starts on the cited line (it may run on for a few lines).
                std::string around;
                for (int k = line - 1; k < std::min<int>(line + 4, lines.size()); ++k) around += lines[k] + " ";
                const std::string quote = squeeze(node.at("text").get<std::string>()).substr(0, 40);
                const auto at = squeeze(around).find(quote);
                EXPECT_TRUE(at != std::string::npos && at < squeeze(lines[line - 1]).size())
                    << where << ": \"" << quote << "\" begint niet op regel " << line;
            }
            ++checked;
        }
        for (const auto& [k, v] : node.items()) check_citations(v, seeds, where + "/" + k, checked);
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) check_citations(node[i], seeds, where + "/" + std::to_string(i), checked);
    }
}

}  // namespace

TEST(Bronnen, SeedCitationsInTheCostDataPointAtTheQuotedLines) {
    // ../shared/ sits beside the checkout on the development machine and in
    // CI only; without it this check cannot run and says so.
    const auto seeds = std::filesystem::path(IVP_SOURCE_DIR).parent_path() / "shared" / "seeds";
    if (!std::filesystem::exists(seeds / "000_8243b2686b6c1bab.txt"))
        GTEST_SKIP() << "../shared/seeds ontbreekt: de citaten zijn niet nagekeken.";
    int checked = 0;
    check_citations(embedded_json("eigen-bijdrage.json"), seeds, "eigen-bijdrage.json", checked);
    check_citations(embedded_json("financing.json"), seeds, "financing.json", checked);
    EXPECT_GE(checked, 20);
}

namespace {

// Random scenarios over what decides who pays the eigen bijdrage: the facts it
// reads (with "not answered" as one more choice), melding dates in every
// regime, random selections. A fixed seed, so a failure replays.
class WhoPaysScenarios {
public:
    static inline const std::vector<std::pair<const char*, std::vector<json>>> kFacts = {
        {"leeftijd", {json(10), json(17), json(18), json(40), json(70)}},
        {"huishouden", {json("alleenstaand"), json("met_partner")}},
        {"aow_leeftijd_bereikt", {json(true), json(false)}},
        {"partner_aow_leeftijd_bereikt", {json(true), json(false)}},
        {"zelf_aangeschaft", {json(true), json(false)}},
    };

    explicit WhoPaysScenarios(std::uint64_t seed) : seed_(seed) {}

    json selection(const ivp::Catalogue& catalogue) {
        json ids = json::array();
        for (const auto& p : catalogue.provisions)
            if (next() % 3 == 0) ids.push_back(p.id);
        return ids;
    }

    json profile() {
        json profile = json::object();
        for (const auto& [id, values] : kFacts) {
            const auto pick = next() % (values.size() + 1);  // the last: not answered
            if (pick < values.size()) profile[id] = values[pick];
        }
        return profile;
    }

    static const char* melding(int n) {
        static const char* const meldingen[] = {"2018-06-01", "2019-03-01", "2022-12-31", "2026-11-23", "2027-02-01"};
        return meldingen[n % 5];
    }

private:
    unsigned next() {
        seed_ = seed_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<unsigned>(seed_ >> 33);
    }
    std::uint64_t seed_;
};

}  // namespace

// The interview probes the eigen bijdrage by comparing eigen_bijdrage_who_pays()'s
// key instead of the JSON (src/ivp/result/questions.cpp): the key must differ
// exactly when the JSON's keys other than open_questions differ, and name the
// same open questions. Every pair of generated scenarios that differ only in
// the facts the eigen bijdrage reads (and a few it does not), over melding
// dates in every regime and random selections.
TEST(WieBetaalt, TheProbingKeyDiffersExactlyWhenWhoPaysDiffers) {
    const auto& catalogue = ivp::embedded_catalogue();
    const auto& rules = ivp::embedded_eigen_bijdrage();
    WhoPaysScenarios gen(20261202);
    int differ = 0, same = 0;
    for (int n = 0; n < 60; ++n) {
        const json ids = gen.selection(catalogue);
        std::vector<std::pair<ivp::Scenario, json>> variants;
        for (int k = 0; k < 12; ++k) {
            const json input = {{"melding", gen.melding(n)}, {"provisions", ids}, {"profile", gen.profile()}};
            auto s = ivp::parse_scenario(input, catalogue, fixed_today());
            auto who = ivp::eigen_bijdrage_who_pays_json(s, catalogue, rules);
            const auto probe = ivp::eigen_bijdrage_who_pays(s, catalogue, rules);
            EXPECT_EQ(json(probe.open_facts), who.at("open_questions")) << input.dump();
            who.erase("open_questions");
            variants.emplace_back(std::move(s), std::move(who));
        }
        for (std::size_t a = 0; a < variants.size(); ++a)
            for (std::size_t b = a + 1; b < variants.size(); ++b) {
                const bool json_same = variants[a].second == variants[b].second;
                const bool key_same = ivp::eigen_bijdrage_who_pays(variants[a].first, catalogue, rules).key ==
                                      ivp::eigen_bijdrage_who_pays(variants[b].first, catalogue, rules).key;
                EXPECT_EQ(key_same, json_same) << variants[a].first.profile.dump() << " / "
                                               << variants[b].first.profile.dump();
                (json_same ? same : differ) += 1;
            }
    }
    // Both outcomes were met often, or the test proved nothing.
    EXPECT_GT(differ, 500);
    EXPECT_GT(same, 500);
}

// EigenBijdrageKeys makes a key once per input that decides it, not once per
// answer: its key_with(fact, value) must be eigen_bijdrage_who_pays()'s key of
// the scenario with that answer, for every fact the eigen bijdrage reads (and
// one it does not), answered or not before, in any order of asking.
TEST(WieBetaalt, KeysWithOneAnswerAreThoseOfTheScenarioWithThatAnswer) {
    const auto& catalogue = ivp::embedded_catalogue();
    const auto& rules = ivp::embedded_eigen_bijdrage();
    WhoPaysScenarios gen(20261203);
    std::set<std::string> keys;
    int checked = 0;
    for (int n = 0; n < 60; ++n) {
        const json ids = gen.selection(catalogue);
        const json input = {{"melding", gen.melding(n)}, {"provisions", ids}, {"profile", gen.profile()}};
        const auto s = ivp::parse_scenario(input, catalogue, fixed_today());
        ivp::EigenBijdrageKeys probe(s, catalogue, rules);
        for (int round = 0; round < 2; ++round)  // the second round from the keys already made
            for (const auto& [id, values] : WhoPaysScenarios::kFacts)
                for (const auto& v : values) {
                    ivp::Scenario trial = s;
                    trial.profile[id] = v;
                    const auto expected = ivp::eigen_bijdrage_who_pays(trial, catalogue, rules).key;
                    EXPECT_EQ(probe.key_with(id, v), expected) << input.dump() << " " << id << "=" << v.dump();
                    keys.insert(expected);
                    ++checked;
                }
        // The scenario itself is left as it was.
        EXPECT_EQ(ivp::eigen_bijdrage_who_pays(s, catalogue, rules).key,
                  ivp::eigen_bijdrage_who_pays(ivp::parse_scenario(input, catalogue, fixed_today()), catalogue, rules).key);
    }
    EXPECT_GT(keys.size(), 20u);  // many different keys met, or the test proved little
    EXPECT_EQ(checked, 60 * 2 * 13);
}

// kEigenBijdrageReads and kFinancingReads (costs.h) are what lets the
// interview's after-answer call leave the eigen bijdrage and the financing
// texts out (src/ivp/api/situation.cpp): an answer to a fact that is not
// listed must leave them byte-identical, whatever the rest of the profile,
// the selection and the melding date; and each listed fact must change them
// for some profile (a list padded with facts that are not read would hide
// nothing, but would no longer say what the code reads).
TEST(CostsReads, AnAnswerToAnUnlistedFactLeavesTheEigenBijdrageAndTheFinancingByteIdentical) {
    const auto& catalogue = ivp::embedded_catalogue();
    const auto& rules = ivp::embedded_eigen_bijdrage();
    const auto& financing = ivp::embedded_financing();
    const auto& facts = ivp::embedded_facts();
    std::uint64_t seed = 1402;
    const auto next = [&seed] {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<unsigned>(seed >> 33);
    };
    const auto values_of = [](const ivp::Fact& f) {
        std::vector<json> out;
        if (f.type == ivp::FactType::boolean) out = {json(true), json(false)};
        else if (f.type == ivp::FactType::choice)
            for (const auto& c : f.choices) out.emplace_back(c);
        else if (f.type == ivp::FactType::integer)
            for (std::int64_t v : {f.min, f.max, std::int64_t{17}, std::int64_t{18}, (f.min + f.max) / 2})
                if (v >= f.min && v <= f.max) out.emplace_back(v);
        return out;
    };
    const auto listed = [](const auto& list, const std::string& id) {
        return std::find(list.begin(), list.end(), id) != list.end();
    };
    const auto reads = [&](const ivp::Scenario& s) {
        std::vector<std::string> out = {ivp::costs_json(s, catalogue, rules).dump()};
        for (std::size_t i = 0; i < catalogue.provisions.size(); ++i)
            if (s.selected[i]) out.push_back(ivp::financing_json(s, catalogue, i, financing, rules).dump());
        return out;
    };
    const char* meldingen[] = {"2018-06-01", "2019-03-01", "2022-12-31", "2026-11-23", "2027-02-01"};
    std::set<std::string> eb_matters, financing_matters;
    for (int n = 0; n < 10; ++n) {
        json ids = json::array();
        for (const auto& p : catalogue.provisions)
            if (next() % 2 == 0) ids.push_back(p.id);
        json profile = json::object();
        for (const auto& f : facts.facts) {
            const auto values = values_of(f);
            if (!values.empty() && next() % 10 < 7) profile[f.id] = values[next() % values.size()];
        }
        const json input = {{"melding", meldingen[n % 5]}, {"provisions", ids}, {"profile", profile}};
        const auto s = ivp::parse_scenario(input, catalogue, fixed_today());
        const auto before = reads(s);
        for (const auto& f : facts.facts) {
            std::vector<json> variants = values_of(f);
            variants.emplace_back();  // not answered
            for (const auto& v : variants) {
                ivp::Scenario t = s;
                if (v.is_null()) t.profile.erase(f.id);
                else t.profile[f.id] = v;
                const auto after = reads(t);
                if (after[0] != before[0]) {
                    ASSERT_TRUE(listed(ivp::kEigenBijdrageReads, f.id))
                        << f.id << " changes costs.eigen_bijdrage but is not in kEigenBijdrageReads: " << input.dump();
                    eb_matters.insert(f.id);
                }
                for (std::size_t k = 1; k < after.size(); ++k)
                    if (after[k] != before[k]) {
                        ASSERT_TRUE(listed(ivp::kFinancingReads, f.id))
                            << f.id << " changes a financing but is not in kFinancingReads: " << input.dump();
                        financing_matters.insert(f.id);
                    }
            }
        }
    }
    for (const auto id : ivp::kEigenBijdrageReads) EXPECT_TRUE(eb_matters.count(std::string(id))) << id;
    for (const auto id : ivp::kFinancingReads) EXPECT_TRUE(financing_matters.count(std::string(id))) << id;
}
