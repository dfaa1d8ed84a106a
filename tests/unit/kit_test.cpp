// The keukentafel kit (docs/kit.md) as sentences with a date: the bezwaar
// deadline counted by hand over the calendar, the checklist and "wat u mag
// vragen" chosen for a plan, the escalation per missed term, and the letters.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ivp/result/calculate.h"
#include "ivp/base/calendar.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/error.h"
#include "ivp/kit/kit.h"
#include "ivp/api/letters.h"
#include "test_util.h"

using ivp_test::d;
using ivp_test::fixed_today;
using nlohmann::json;

namespace {

json calc(const std::string& scenario) { return ivp::calculate_text(scenario, fixed_today()); }

std::vector<std::string> ids(const json& list) {
    std::vector<std::string> out;
    for (const auto& item : list) out.push_back(item.at("id").get<std::string>());
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

std::string where_of(const std::string& scenario, ivp::LetterKind kind = ivp::LetterKind::ingebrekestelling) {
    try {
        (void)ivp::letter_text(kind, scenario, fixed_today());
    } catch (const ivp::InputError& e) {
        return "error at '" + e.where() + "': " + e.what();
    }
    return "no error";
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

// --- Awb 6:7 / 6:8 and the Atw -------------------------------------------------------

TEST(Bezwaar, SixWeeksFromTheDayAfterTheDecision) {
    // Decision Mon 2 March 2026: the term starts Tue 3 March and its six weeks
    // end on Mon 13 April 2026, a working day.
    const auto r = calc(R"({"melding":"2026-01-05","dates":{"aanvraag":"2026-02-10","beschikking":"2026-03-02"},
                            "peildatum":"2026-03-10"})");
    const auto& b = r["kit"]["bezwaar"];
    EXPECT_EQ(b["termijn_start"], "2026-03-03");
    EXPECT_EQ(b["termijn_einde"], "2026-04-13");
    EXPECT_FALSE(b["atw_verschoven"].get<bool>());
    EXPECT_EQ(b["status"], "open");
}

TEST(Bezwaar, SixWeeksEndingOnGoedeVrijdagMoveToTheTuesdayAfterEaster) {
    // Decision Fri 20 Feb 2026 + 42 days = Fri 3 April 2026, Goede Vrijdag (Atw
    // art. 3 lid 2); Sat, Sun (Easter) and Mon 6 April (tweede Paasdag) are no
    // working days either: the last day is Tue 7 April 2026.
    const auto r = calc(R"({"melding":"2026-01-05","dates":{"aanvraag":"2026-02-02","beschikking":"2026-02-20"},
                            "peildatum":"2026-03-01"})");
    EXPECT_EQ(r["kit"]["bezwaar"]["termijn_einde"], "2026-04-07");
    EXPECT_TRUE(r["kit"]["bezwaar"]["atw_verschoven"].get<bool>());
}

TEST(Bezwaar, SixWeeksEndingOnNewYearsDayMoveToTheMondayAfter) {
    // Decision Fri 20 Nov 2026 + 42 days = Fri 1 Jan 2027 (Nieuwjaarsdag), then
    // a weekend: the last day is Mon 4 January 2027.
    const auto r = calc(R"({"melding":"2026-09-01","dates":{"aanvraag":"2026-11-02","beschikking":"2026-11-20"},
                            "peildatum":"2026-11-23"})");
    EXPECT_EQ(r["kit"]["bezwaar"]["termijn_einde"], "2027-01-04");
    EXPECT_TRUE(r["kit"]["bezwaar"]["atw_verschoven"].get<bool>());
}

TEST(Bezwaar, NoDecisionNoDeadline) {
    EXPECT_TRUE(calc(R"({"melding":"2026-09-01"})")["kit"]["bezwaar"].is_null());
}

TEST(Bezwaar, TheDeadlineFunctionItself) {
    const auto& cal = ivp::embedded_calendar();
    EXPECT_EQ(ivp::format_iso_date(ivp::bezwaar_deadline(d("2027-02-12"), 6, cal)), "2027-03-30")
        << "Fri 26 March 2027 is Goede Vrijdag, Mon 29 March tweede Paasdag";
}

// --- Checklist -------------------------------------------------------------------------

TEST(Checklist, TickedItemsAreDoneAndThePersonalPlanHasItsDate) {
    // Melding Mon 2 March 2026 + 7 days = Mon 9 March (Wmo 2015 art. 2.3.2 lid 2).
    // With the rulebook's tables: the items' texts and sources are the rulebook's, by id.
    const auto r = ivp_test::whole(calc(R"({"melding":"2026-03-02","checklist":["melding_schriftelijk","functioneel_advies"]})"));
    const auto& list = r["kit"]["checklist"];
    const auto& sources = r.at("sources");
    ASSERT_GE(list.size(), 9u);
    for (const auto& item : list) {
        const bool ticked = item["id"] == "melding_schriftelijk" || item["id"] == "functioneel_advies";
        EXPECT_EQ(item["done"].get<bool>(), ticked) << item["id"];
        EXPECT_FALSE(item["cite"].get<std::string>().empty());
        // The quoted source is in the result's `sources`, by id.
        EXPECT_FALSE(sources.at(item["source"].get<std::string>()).at("text").get<std::string>().empty());
        if (item["id"] == "persoonlijk_plan") {
            EXPECT_EQ(item["date"], "2026-03-09");
            EXPECT_EQ(item["points"].size(), 9u);
        }
    }
}

TEST(Checklist, AnUnknownOrRepeatedItemIsAnError) {
    EXPECT_THROW(calc(R"({"checklist":["melding_schriftelijk","typo"]})"), ivp::InputError);
    EXPECT_THROW(calc(R"({"checklist":["bevestiging","bevestiging"]})"), ivp::InputError);
    EXPECT_THROW(calc(R"({"checklist":"bevestiging"})"), ivp::InputError);
}

// --- Wat u mag vragen ------------------------------------------------------------------

TEST(Requests, ATrapliftAloneGetsDeliveryOnCallAndAPgbButNoHousingOrVan) {
    const auto r = calc(R"({"melding":"2026-03-02","provisions":["traplift"]})");
    const auto got = ids(r["kit"]["requests"]);
    for (const char* id : {"ivp_en_budget", "op_afroep_hulpmiddelen", "vaste_contactpersoon", "casemanager",
                           "onafhankelijke_clientondersteuning", "pgb_als_keuze", "pgb_achteraf"})
        EXPECT_TRUE(has(got, id)) << id;
    EXPECT_FALSE(has(got, "woning_termijnen"));
    EXPECT_FALSE(has(got, "bestelbus"));
}

TEST(Requests, AZvwProvisionAloneGetsNoPgbLine) {
    // The zorgverzekeraar decides the form of a Zvw provision: no pgb line.
    const auto r = calc(R"({"melding":"2026-03-02","provisions":["ad-matras"]})");
    const auto got = ids(r["kit"]["requests"]);
    EXPECT_FALSE(has(got, "pgb_als_keuze"));
    EXPECT_FALSE(has(got, "op_afroep_hulpmiddelen"));
    EXPECT_TRUE(has(got, "ivp_en_budget"));
}

TEST(Requests, HousingAndTheVanNameTheProvisionsTheyAreFor) {
    const auto r = calc(R"({"melding":"2026-03-02","provisions":["badkameraanpassingen","vervoersvoorziening"]})");
    for (const auto& q : r["kit"]["requests"]) {
        if (q["id"] == "woning_termijnen") {
            EXPECT_EQ(q["voor"].size(), 1u);
        }
        if (q["id"] == "bestelbus") {
            EXPECT_EQ(q["voor"].size(), 1u);
        }
    }
    const auto got = ids(r["kit"]["requests"]);
    EXPECT_TRUE(has(got, "woning_termijnen"));
    EXPECT_TRUE(has(got, "bestelbus"));
}

// --- Escalation --------------------------------------------------------------------------

TEST(Escalation, ALateDecisionGoesContactCasemanagerJuisteLoketThenIngebrekestelling) {
    // Aanvraag Fri 10 April 2026 → beschikking by Fri 24 April. Peildatum Mon
    // 4 May: steps from Mon 4 May, two working days apart (an assumption):
    // Mon 4, Wed 6 (5 mei is a feestdag, so Thu 7), …
    const auto r = calc(R"({"melding":"2026-03-02","dates":{"gesprek":"2026-03-20","aanvraag":"2026-04-10"},
                            "peildatum":"2026-05-04","provisions":["traplift"]})");
    const auto& terms = r["kit"]["escalation"]["terms"];
    const json* late = nullptr;
    for (const auto& t : terms)
        if (t["milestone"] == "wmo_beschikking") late = &t;
    ASSERT_NE(late, nullptr);
    const auto& steps = (*late)["steps"];
    ASSERT_EQ(steps.size(), 4u);
    EXPECT_EQ(steps[0]["id"], "contactpersoon");
    EXPECT_EQ(steps[0]["date"], "2026-05-04");
    EXPECT_EQ(steps[1]["id"], "casemanager");
    EXPECT_EQ(steps[1]["date"], "2026-05-07") << "Tue 5 May is a feestdag: Mon 4 → Wed 6 is 1, Thu 7 is 2";
    EXPECT_EQ(steps[2]["id"], "juiste_loket");
    EXPECT_EQ(steps[2]["date"], "2026-05-11");
    EXPECT_NE(steps[2]["contact"].get<std::string>().find("030 789 78 78"), std::string::npos);
    EXPECT_EQ(steps[3]["id"], "ingebrekestelling");
    EXPECT_EQ(steps[3]["date"], "2026-05-04");
    EXPECT_EQ(steps[3]["dwangsom_eerste_dag"], "2026-05-18");
    EXPECT_EQ(steps[3]["dwangsom_maximum"]["eurocents"], 144200);
}

TEST(Escalation, ProvisionsThatMissedTheSameMilestoneShareOneEntry) {
    // The whole plan, melding 2 March, nothing entered, peildatum 1 June: every
    // provision has missed its first ALS milestone, each is named once.
    const auto r = calc(R"({"melding":"2026-03-02","peildatum":"2026-06-01"})");
    std::vector<std::string> named;
    std::size_t entries = 0;
    for (const auto& t : r["kit"]["escalation"]["terms"]) {
        if (!t.contains("provisions")) continue;
        ++entries;
        for (const auto& n : t["provisions"]) named.push_back(n.get<std::string>());
        EXPECT_EQ(t["steps"][0]["date"], "2026-06-01");
    }
    EXPECT_EQ(named.size(), r["provisions"].size());
    std::sort(named.begin(), named.end());
    EXPECT_EQ(std::adjacent_find(named.begin(), named.end()), named.end());
    EXPECT_LT(entries, named.size()) << "some provisions share an entry";
}

TEST(Escalation, NothingPassedNothingToEscalate) {
    const auto r = calc(R"({"melding":"2026-11-23","provisions":["traplift"]})");
    EXPECT_TRUE(r["kit"]["escalation"]["terms"].empty());
}

// --- Letters -----------------------------------------------------------------------------


TEST(Letters, TheIngebrekestellingMatchesTheGoldenLetter) {
    const std::string dir = std::string(IVP_SOURCE_DIR) + "/tests/golden/letters/";
    const auto text = ivp::letter_text(ivp::LetterKind::ingebrekestelling, read(dir + "late.json"), fixed_today());
    EXPECT_EQ(text, read(dir + "late.ingebrekestelling.txt"));
    EXPECT_NE(text.find("vanaf 18 mei 2026"), std::string::npos);
    EXPECT_NE(text.find("€ 1.442,00"), std::string::npos);
}

TEST(Letters, TheBezwaarschriftMatchesTheGoldenLetter) {
    const std::string dir = std::string(IVP_SOURCE_DIR) + "/tests/golden/letters/";
    const auto text = ivp::letter_text(ivp::LetterKind::bezwaar, read(dir + "decided.json"), fixed_today());
    EXPECT_EQ(text, read(dir + "decided.bezwaar.txt"));
    EXPECT_NE(text.find("7 april 2026"), std::string::npos) << "Goede Vrijdag and tweede Paasdag";
}

TEST(Letters, NoLetterWhereNoneApplies) {
    EXPECT_EQ(where_of(R"({"melding":"2026-03-02","peildatum":"2026-05-04"})").rfind("error at '/dates/aanvraag'", 0), 0u);
    EXPECT_EQ(where_of(R"({"melding":"2026-03-02","dates":{"aanvraag":"2026-04-10"},"peildatum":"2026-04-20"})")
                  .rfind("error at '': Een ingebrekestelling kan nog niet", 0),
              0u);
    EXPECT_EQ(where_of(R"({"melding":"2026-03-02","dates":{"aanvraag":"2026-04-10","beschikking":"2026-04-20"}})")
                  .rfind("error at '/dates/beschikking'", 0),
              0u);
    EXPECT_EQ(where_of(R"({"melding":"2026-03-02"})", ivp::LetterKind::bezwaar).rfind("error at '/dates/beschikking'", 0),
              0u);
}

TEST(Letters, TheSenderIsCheckedLikeEveryOtherField) {
    EXPECT_THROW(calc(R"({"brief":{"naam":"A","telefoon":"1"}})"), ivp::InputError);
    EXPECT_THROW(calc(R"({"brief":{"naam":"A\tB"}})"), ivp::InputError);
    EXPECT_THROW(calc(R"({"brief":{"naam":42}})"), ivp::InputError);
    EXPECT_THROW(calc(R"({"brief":{"naam":")" + std::string(201, 'x') + R"("}})"), ivp::InputError);
    EXPECT_NO_THROW(calc(R"({"brief":{"naam":"Jan de Vries","adres":"Dorpsstraat 1\n8051 AA Hattem","gemeente":"Hattem"}})"));
}

TEST(Letters, TheBoundaryReturnsTextOrAnError) {
    const auto ok = json::parse(ivp::letter_json_text("bezwaar", R"({"melding":"2026-01-05","dates":{"aanvraag":"2026-02-02","beschikking":"2026-02-20"}})", "2026-03-01"));
    EXPECT_TRUE(ok.contains("text"));
    const auto bad = json::parse(ivp::letter_json_text("brief", "{}", "2026-03-01"));
    EXPECT_TRUE(bad.contains("error"));
    const auto none = json::parse(ivp::letter_json_text("bezwaar", "{}", "2026-03-01"));
    EXPECT_EQ(none["error"]["where"], "/dates/beschikking");
}

// --- Every seed quote in data/kit.json starts on its cited line ---------------------------

namespace {

// Whitespace-insensitive, and a word split over two lines ("voorbe-\nreidt")
// reads as one, on both sides.
std::string squeezed(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isspace(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += static_cast<char>(c);
        }
    }
    for (auto at = out.find("- "); at != std::string::npos; at = out.find("- ", at)) out.erase(at, 2);
    return out;
}

void check_kit_quotes(const json& node, const std::vector<std::string>& lines, int& checked) {
    if (node.is_object()) {
        if (node.contains("seed") && node.contains("line") && node.contains("text")) {
            const int line = node.at("line").get<int>();
            ASSERT_TRUE(line >= 1 && line <= static_cast<int>(lines.size()));
            std::string around;
            for (int k = line - 1; k < std::min<int>(line + 4, static_cast<int>(lines.size())); ++k) around += lines[k] + " ";
            const std::string quote = squeezed(node.at("text").get<std::string>()).substr(0, 40);
            const auto at = squeezed(around).find(quote);
            EXPECT_TRUE(at != std::string::npos && at < squeezed(lines[line - 1]).size())
                << "\"" << quote << "\" begint niet op regel " << line;
            ++checked;
        }
        for (const auto& [k, v] : node.items()) check_kit_quotes(v, lines, checked);
    } else if (node.is_array()) {
        for (const auto& v : node) check_kit_quotes(v, lines, checked);
    }
}

}  // namespace

TEST(KitSources, SeedQuotesStartOnTheCitedLine) {
    // ../shared/ sits beside the checkout on the development machine and in
    // CI only; without it this check cannot run and says so.
    const auto seed = std::filesystem::path(IVP_SOURCE_DIR).parent_path() / "shared" / "seeds" / "000_8243b2686b6c1bab.txt";
    if (!std::filesystem::exists(seed)) GTEST_SKIP() << "../shared/seeds ontbreekt: de citaten in data/kit.json zijn niet nagekeken.";
    std::ifstream in(seed);
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    int checked = 0;
    check_kit_quotes(json::parse(ivp::embedded::data_file("kit.json")), lines, checked);
    EXPECT_EQ(checked, 23);
}
