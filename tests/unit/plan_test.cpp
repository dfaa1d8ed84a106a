// Mijn IVP (src/ivp/budget/plan.h, docs/ivp-model.md): the ALS protocol's table as
// printed, the personal budget from the user's answers, call-off dates and
// "te laat voor de ziekte".
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "ivp/result/calculate.h"
#include "ivp/base/calendar.h"
#include "ivp/base/embedded_data.h"
#include "ivp/dates/ics.h"
#include "ivp/base/error.h"
#include "test_util.h"

using ivp_test::d;
using ivp_test::fixed_today;
using json = nlohmann::json;

namespace {

json calc(const json& scenario) { return ivp::calculate_text(scenario.dump(), fixed_today()); }
json lean(const json& scenario) { return ivp::calculate_text(scenario.dump(), fixed_today(), ivp::Detail::lean); }

json range(long long lo, long long hi) { return {{"min", lo}, {"max", hi}}; }

const json& provision(const json& result, const std::string& id) {
    for (const auto& p : result.at("provisions"))
        if (p.at("id") == id) return p;
    throw std::runtime_error("geen " + id);
}

// No stairs, and the home can be made safe inside: the ALS protocol says
// "nee" to the traplift (no stairs) and to the aanbouw and zorgunit (2c, 2d).
const json kNoStairsAdaptableInside = {{"woning_heeft_trap", false}, {"inpandig_aanpasbaar", true}};

}  // namespace

TEST(TableBudget, HoldsTheFiguresAsPrinted) {
    const auto t = ivp::calculate_default(fixed_today()).at("table_budget");
    EXPECT_EQ(t["wmo"]["client_bound"]["min"], 35000);
    EXPECT_EQ(t["wmo"]["client_bound"]["max"], 55000);
    EXPECT_EQ(t["wmo"]["reusable"]["min"], 75000);
    EXPECT_EQ(t["wmo"]["reusable"]["max"], 108000);
    EXPECT_EQ(t["zvw"]["client_bound"]["min"], 19000);
    EXPECT_EQ(t["zvw"]["client_bound"]["max"], 19000);
    EXPECT_EQ(t["zvw"]["reusable"]["min"], 95000);
    EXPECT_EQ(t["zvw"]["reusable"]["max"], 140000);
    EXPECT_EQ(t["wmo"]["printed_total"], 150000);
    EXPECT_EQ(t["zvw"]["printed_total"], 150000);
    EXPECT_EQ(t["wmo"]["printed_total_source"]["line"], 269);
    EXPECT_EQ(t["zvw"]["printed_total_source"]["line"], 295);
}

TEST(TableBudget, DoesNotDependOnTheAnswers) {
    const auto mine = calc({{"profile", kNoStairsAdaptableInside}, {"provisions", json::array({"traplift"})}});
    EXPECT_EQ(mine.at("table_budget"), ivp::calculate_default(fixed_today()).at("table_budget"));
}

// Every quoted source of data/ivp-plan.json starts on its cited line of the seed.
TEST(TableBudget, SourcesQuoteTheSeedOnTheCitedLine) {
    const auto seeds = std::filesystem::path(IVP_SOURCE_DIR).parent_path() / "shared" / "seeds";
    if (!std::filesystem::exists(seeds / "000_8243b2686b6c1bab.txt"))
        GTEST_SKIP() << "../shared/seeds ontbreekt: de citaten in data/ivp-plan.json zijn niet nagekeken.";
    std::ifstream in(seeds / "000_8243b2686b6c1bab.txt");
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    const auto squeeze = [](const std::string& s) {
        std::string out;
        for (unsigned char c : s)
            if (!std::isspace(c)) out += static_cast<char>(c);
        return out;
    };
    int checked = 0;
    std::function<void(const json&)> walk = [&](const json& j) {
        if (j.is_object() && j.contains("line") && j.contains("text")) {
            const int line = j.at("line");
            std::string around;
            for (int k = line - 1; k < std::min<int>(line + 8, static_cast<int>(lines.size())); ++k) around += lines[k];
            const auto quote = squeeze(j.at("text")).substr(0, 60);
            const auto at = squeeze(around).find(quote);
            EXPECT_TRUE(at != std::string::npos && at < squeeze(lines[line - 1]).size())
                << "\"" << quote << "\" begint niet op regel " << line;
            EXPECT_NE(squeeze(around).find(squeeze(j.at("text")).substr(0, 300)), std::string::npos) << line;
            ++checked;
        }
        if (j.is_structured())
            for (const auto& v : j) walk(v);
    };
    walk(json::parse(ivp::embedded::data_file("ivp-plan.json")));
    EXPECT_EQ(checked, 9);  // 4 cells, 2 totals, spoedprocedure, 2 × tijdelijke voorziening
}

TEST(Assumptions, AreMarkedAsOursWithReasoningAndNoSource) {
    const auto plan = ivp_test::whole(ivp::calculate_default(fixed_today())).at("plan");
    ASSERT_FALSE(plan.at("assumptions").empty());
    for (const auto& a : plan.at("assumptions")) {
        EXPECT_EQ(a.at("basis"), "aanname");
        EXPECT_FALSE(a.at("reasoning").get<std::string>().empty());
        EXPECT_FALSE(a.contains("source"));
    }
}

TEST(Assumptions, OnlyTheWoningChainIsConditionalInTheCatalogue) {
    // Lines 155-158: an aanbouw only when b cannot be done inside, a zorgunit
    // only when an aanbouw cannot be realised. Nothing else is conditional.
    for (const auto& p : ivp::embedded_catalogue().provisions) {
        const bool chain = p.id == "aanbouw-woning" || p.id == "zorgunit";
        EXPECT_EQ(p.need == ivp::Need::conditional, chain) << p.id;
        if (chain) {
            EXPECT_GE(p.need_reason.at("source").at("line").get<int>(), 155) << p.id;
        }
    }
}

TEST(PersonalBudget, WithoutAnswersCountsEverySelectedProvisionAndOneHomeAlternative) {
    const auto b = ivp::calculate_default(fixed_today()).at("budget");
    EXPECT_EQ(b["wmo"]["client_bound"], range(35000, 55000));
    EXPECT_EQ(b["wmo"]["reusable"], range(88000, 108000));
    EXPECT_EQ(b["wmo"]["total"], range(123000, 143000));  // never both aanbouw and zorgunit
    EXPECT_EQ(b["zvw"]["client_bound"], range(19000, 19000));
    EXPECT_EQ(b["zvw"]["reusable"], range(140000, 140000));
    EXPECT_EQ(b["total"], range(282000, 302000));
}

TEST(PersonalBudget, NoStairsAndAdaptableInsideLeavesOutTraplitAanbouwAndZorgunit) {
    const auto r = calc({{"profile", kNoStairsAdaptableInside}});
    for (const char* id : {"traplift", "aanbouw-woning", "zorgunit"}) {
        const auto& p = provision(r, id);
        EXPECT_FALSE(p.at("in_plan").get<bool>()) << id;
        EXPECT_FALSE(p.at("plan_reason").get<std::string>().empty()) << id;
        EXPECT_FALSE(p.at("plan_reasons").empty()) << id;
    }
    EXPECT_TRUE(provision(r, "elektrische-rolstoel").at("in_plan").get<bool>());
    EXPECT_EQ(r["budget"]["wmo"]["client_bound"], range(35000, 35000));
    EXPECT_EQ(r["budget"]["wmo"]["reusable"], range(82000, 82000));  // 108,000 - 20,000 - 6,000
    EXPECT_EQ(r["plan"]["not_in_budget"], json({"aanbouw-woning", "zorgunit", "traplift"}));
    // Still listed: the user sees what left the budget, and why.
    EXPECT_EQ(r["provisions"].size(), 34u);
}

TEST(PersonalBudget, TheUserCanCountANeeBackIn) {
    const auto r = calc({{"profile", kNoStairsAdaptableInside}, {"keep_in_budget", {"traplift"}}});
    const auto& p = provision(r, "traplift");
    EXPECT_TRUE(p.at("in_plan").get<bool>());
    EXPECT_TRUE(p.at("plan_kept").get<bool>());
    EXPECT_EQ(r["budget"]["wmo"]["reusable"], range(88000, 88000));
}

TEST(PersonalBudget, UnknownKeepsTheProvisionIn) {
    const auto r = calc({{"profile", {{"woning_heeft_trap", nullptr}}}});
    EXPECT_TRUE(provision(r, "traplift").at("in_plan").get<bool>());
    EXPECT_FALSE(provision(r, "traplift").contains("plan_reason"));
}

TEST(PersonalBudget, LeanGivesTheSameBudgetAsTheFullResult) {
    const json s = {{"profile", kNoStairsAdaptableInside}, {"overrides", {{"traplift", {{"amount", 9000}}}}}};
    EXPECT_EQ(lean(s).at("budget"), calc(s).at("budget"));
    const json kept = {{"profile", kNoStairsAdaptableInside}, {"keep_in_budget", {"zorgunit"}}};
    EXPECT_EQ(lean(kept).at("budget"), calc(kept).at("budget"));
}

TEST(CallOff, WithoutADateItIsTheFirstMelding) {
    const auto r = calc({{"melding", "2026-11-23"}, {"provisions", {"traplift"}}});
    const auto& p = provision(r, "traplift");
    EXPECT_EQ(p["calloff"], json({{"date", "2026-11-23"}, {"kind", "melding"}}));
    EXPECT_EQ(p["delivery"]["als_protocol"], "2027-01-20");
}

TEST(CallOff, AnOwnMeldingLaterMovesTheContractDeliveryWithTheTrack) {
    // The contract date counts from the provision's own call-off, as the track does.
    const auto r = calc({{"melding", "2026-11-23"},
                         {"provisions", {"traplift"}},
                         {"actual", {{"traplift", {{"melding", "2027-06-01"}}}}}});
    const auto& p = provision(r, "traplift");
    EXPECT_EQ(p["calloff"]["kind"], "werkelijk");
    const auto expected = ivp::format_iso_date(ivp::embedded_calendar().add_working_days(d("2027-06-01"), 40));
    EXPECT_EQ(p["delivery"]["als_protocol"], expected);
    EXPECT_EQ(ivp_test::tracks_of(r, p)["als_protocol"]["end"], expected);
}

TEST(CallOff, ANeedDatePlansTheLastCallOffThatIsOnTime) {
    const auto r = calc({{"melding", "2026-11-23"}, {"peildatum", "2026-11-23"},
                         {"provisions", {"traplift"}}, {"needed", {{"traplift", "2027-09-01"}}}});
    const auto& p = provision(r, "traplift");
    const auto& cal = ivp::embedded_calendar();
    const auto latest = cal.add_working_days(d("2027-09-01"), -40);
    EXPECT_EQ(p["calloff"]["kind"], "verwacht");
    EXPECT_EQ(p["calloff"]["date"], ivp::format_iso_date(latest));
    EXPECT_EQ(p["calloff"]["needed"], "2027-09-01");
    EXPECT_FALSE(p["calloff"]["too_slow"].get<bool>());
    EXPECT_EQ(p["delivery"]["als_protocol"], ivp::format_iso_date(cal.add_working_days(latest, 40)));
    EXPECT_EQ(ivp_test::tracks_of(r, p)["als_protocol"]["end"], p["delivery"]["als_protocol"]);
    EXPECT_LE(p["delivery"]["als_protocol"].get<std::string>(), "2027-09-01");
    EXPECT_TRUE(r["plan"]["too_slow"].empty());
}

TEST(CallOff, NeededNowIsTooSlowAndNamesTheProtocolsRemedies) {
    const auto r = calc({{"melding", "2026-11-23"}, {"peildatum", "2026-12-01"},
                         {"provisions", {"aanbouw-woning", "traplift"}},
                         {"needed", {{"aanbouw-woning", {{"months", 0}}}}}});
    const auto& p = provision(r, "aanbouw-woning");
    EXPECT_EQ(p["calloff"]["needed"], "2026-12-01");
    EXPECT_EQ(p["calloff"]["date"], "2026-12-01");  // not before the peildatum
    EXPECT_TRUE(p["calloff"]["too_slow"].get<bool>());
    EXPECT_EQ(r["plan"]["too_slow"], json({"aanbouw-woning"}));
    std::vector<std::string> ids;
    const json whole = ivp_test::whole(r);  // the remedies are the rulebook's
    for (const auto& m : whole.at("plan").at("remedies")) {
        ids.push_back(m.at("id"));
        EXPECT_EQ(m.at("source").at("seed"), "000_8243b2686b6c1bab.txt");
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"spoedprocedure", "tijdelijke-voorziening"}));
}

TEST(CallOff, MonthsCountFromThePeildatumToTheLastDayOfAShortMonth) {
    const auto r = calc({{"melding", "2026-11-23"}, {"peildatum", "2026-12-31"},
                         {"provisions", {"traplift"}}, {"needed", {{"traplift", {{"months", 2}}}}}});
    EXPECT_EQ(provision(r, "traplift")["calloff"]["needed"], "2027-02-28");
}

TEST(CallOff, ThePlanIsInCallOffOrder) {
    const auto r = calc({{"melding", "2026-11-23"}, {"peildatum", "2026-11-23"},
                         {"provisions", {"traplift", "spalken", "eetrobot"}},
                         {"needed", {{"traplift", "2028-01-10"}, {"eetrobot", "2027-06-01"}}}});
    EXPECT_EQ(r["plan"]["order"], json({"spalken", "eetrobot", "traplift"}));
}

TEST(CallOff, AnEnteredMeldingCountsForTheWmoAndGemeenteTracksToo) {
    // Merged with the rulebook: a phase is an object there (docs/result.md).
    const auto r = ivp_test::whole(calc({{"melding", "2026-11-23"}, {"provisions", {"traplift"}},
                                         {"needed", {{"traplift", "2028-01-10"}}}}));
    const auto& tracks = ivp_test::tracks_of(r, provision(r, "traplift"));
    const auto planned = provision(r, "traplift")["calloff"]["date"].get<std::string>();
    EXPECT_EQ(tracks["als_protocol"]["phases"][0]["start"], planned);
    EXPECT_GT(tracks["wmo_2015"]["end"].get<std::string>(), planned);
    EXPECT_GT(tracks["gemeente"]["end"].get<std::string>(), planned);
}

TEST(PlanInput, BadInputNamesTheField) {
    const auto where = [](const json& s) {
        try {
            (void)calc(s);
        } catch (const ivp::InputError& e) {
            return e.where();
        }
        return std::string("geen fout");
    };
    EXPECT_EQ(where({{"needed", {{"lift", "2027-01-01"}}}}), "/needed/lift");
    EXPECT_EQ(where({{"needed", {{"traplift", "2027-02-30"}}}}), "/needed/traplift");
    EXPECT_EQ(where({{"needed", {{"traplift", {{"months", -1}}}}}}), "/needed/traplift/months");
    EXPECT_EQ(where({{"needed", {{"traplift", {{"maanden", 3}}}}}}), "/needed/traplift/maanden");
    EXPECT_EQ(where({{"needed", {{"traplift", 3}}}}), "/needed/traplift");
    EXPECT_EQ(where({{"needed", {{"traplift", "2100-01-01"}}}}), "/needed/traplift");
    EXPECT_EQ(where({{"keep_in_budget", {"traplift", "traplift"}}}), "/keep_in_budget/1");
    EXPECT_EQ(where({{"keep_in_budget", "traplift"}}), "/keep_in_budget");
    EXPECT_EQ(where({{"plan", {}}}), "/plan");
}

TEST(CallOff, TheIcsHasTheCallOffAndSaysWhenItIsTooSlow) {
    const auto r = calc({{"melding", "2026-11-23"}, {"peildatum", "2026-11-23"}, {"provisions", {"traplift", "eetrobot"}},
                         {"needed", {{"traplift", {{"months", 0}}}, {"eetrobot", "2027-06-01"}}}});
    std::string ics = ivp::ics_calendar(ivp_test::whole(r), ivp::embedded_rulebook_tables());
    for (std::size_t at; (at = ics.find("\r\n ")) != std::string::npos;) ics.erase(at, 3);  // unfold (RFC 5545 §3.1)
    EXPECT_NE(ics.find("UID:eetrobot-afroep-"), std::string::npos);
    EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20270330"), std::string::npos);  // the planned call-off
    EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20270601"), std::string::npos);  // its delivery
    EXPECT_NE(ics.find("Te laat: u heeft het nodig op 2026-11-23"), std::string::npos);
}
