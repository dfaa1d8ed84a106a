// The delivery tracks (docs/dates.md), as sentences with a date: golden cases
// worked out by hand from the calendar (the comments show the counting), so
// that they check the code rather than repeat it.
#include <gtest/gtest.h>

#include "ivp/result/calculate.h"
#include "ivp/model/catalogue.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/error.h"
#include "ivp/dates/terms.h"
#include "ivp/dates/timeline.h"
#include "test_util.h"

using ivp_test::fixed_today;
using nlohmann::json;

namespace {

// The merged result (result + rulebook: docs/result.md), as the page and `ivp calc --met-regelboek` have it.
json calc(const std::string& scenario) { return ivp_test::whole(ivp::calculate_text(scenario, fixed_today())); }

const json& provision(const json& result, const std::string& id) {
    for (const auto& p : result.at("provisions"))
        if (p.at("id") == id) return p;
    throw std::runtime_error("no provision " + id);
}

const json& milestone(const json& milestones, const std::string& id) {
    for (const auto& m : milestones)
        if (m.at("id") == id) return m;
    throw std::runtime_error("no milestone " + id);
}

const json& wmo(const json& result, const std::string& id) {
    return milestone(result.at("procedure").at("wmo_2015").at("milestones"), id);
}

ivp::InputError error_of(const std::string& scenario) {
    try {
        calc(scenario);
    } catch (const ivp::InputError& e) {
        return e;
    }
    ADD_FAILURE() << "no error for " << scenario;
    return ivp::InputError("?", "?");
}

}  // namespace

// --- ALS protocol: SLA phases ------------------------------------------------

TEST(AlsProtocolSla, TrapliftMelding2March2026IsDeliveredBy30April) {
    // Traplift 10 + 10 + 20 werkdagen. From Mon 2 March: +10 → Mon 16 March;
    // +10 → Mon 30 March; +20 skips Goede Vrijdag 3 April, Tweede Paasdag
    // 6 April and Koningsdag 27 April → Thu 30 April.
    const auto r = calc(R"({"melding":"2026-03-02","provisions":["traplift"]})");
    const auto& p = provision(r, "traplift");
    const auto& phases = ivp_test::tracks_of(r, p)["als_protocol"]["phases"];
    EXPECT_EQ(phases[0]["end"], "2026-03-16");
    EXPECT_EQ(phases[1]["start"], "2026-03-16");
    EXPECT_EQ(phases[1]["end"], "2026-03-30");
    // The Wmo financier's label is the table's (`phases`), given once for every provision.
    EXPECT_FALSE(phases[1].contains("label"));
    EXPECT_EQ(phases[1]["id"], "financier");
    EXPECT_EQ(r["phases"]["financier"]["label"], "Besluit van de gemeente");
    EXPECT_EQ(phases[2]["end"], "2026-04-30");
    EXPECT_EQ(p["delivery"]["als_protocol"], "2026-04-30");
    EXPECT_EQ(ivp_test::tracks_of(r, p)["als_protocol"]["end"], "2026-04-30");
}

TEST(AlsProtocolSla, ZvwPhaseIsTheZorgverzekeraars) {
    const auto r = calc(R"({"melding":"2026-03-02","provisions":["spalken"]})");
    const auto& t = ivp_test::tracks_of(r, provision(r, "spalken"));
    EXPECT_EQ(t["als_protocol"]["phases"][1]["label"], "Besluit van de zorgverzekeraar");
    EXPECT_EQ(t["als_protocol"]["category"], "zvw");
    // Why there are no procedure norms: said once, for the category, in the result's `tracks`.
    EXPECT_TRUE(r["tracks"]["als_protocol"]["procedure_notes"].contains(t["als_protocol"]["category"].get<std::string>()));
    EXPECT_FALSE(t["wmo_2015"]["applies"].get<bool>());
    EXPECT_FALSE(t["gemeente"]["applies"].get<bool>());
}

TEST(AlsProtocolSla, ContractDateEqualsTrackEndForEveryProvision) {
    const auto r = calc(R"({"melding":"2027-12-20"})");
    ASSERT_EQ(r["provisions"].size(), 34u);
    for (const auto& p : r["provisions"])
        EXPECT_EQ(p["delivery"]["als_protocol"], ivp_test::tracks_of(r, p)["als_protocol"]["end"]) << p["id"];
}

TEST(Timelines, ProvisionsWithTheSameTracksShareOneEntry) {
    // Traplift and scootmobiel: both Wmo hulpmiddelen with SLA 10 + 10 + 20
    // from the same melding, so their three tracks are the same; the
    // plafondlift's supplier has 40 days. The key is the first provision's id.
    // Merged with the rulebook, as the page reads it: `sla_werkdagen` is the row's (docs/result.md).
    const auto r = calc(R"({"melding":"2026-03-02","provisions":["traplift","scootmobiel","plafondlift"]})");
    const auto& traplift = provision(r, "traplift");
    const auto& scootmobiel = provision(r, "scootmobiel");
    ASSERT_EQ(traplift["sla_werkdagen"], scootmobiel["sla_werkdagen"]);
    EXPECT_EQ(traplift["delivery"]["timeline"], "traplift");
    EXPECT_EQ(scootmobiel["delivery"]["timeline"], "traplift");
    EXPECT_EQ(provision(r, "plafondlift")["delivery"]["timeline"], "plafondlift");
    EXPECT_EQ(r["timelines"].size(), 2u);
    // An entered date makes a provision's tracks its own.
    const auto own = calc(R"({"melding":"2026-03-02","provisions":["traplift","scootmobiel"],
                              "actual":{"scootmobiel":{"beschikking":"2026-03-20"}},"peildatum":"2026-03-25"})");
    EXPECT_EQ(provision(own, "scootmobiel")["delivery"]["timeline"], "scootmobiel");
    EXPECT_EQ(ivp_test::tracks_of(own, provision(own, "scootmobiel"))["als_protocol"]["phases"][2]["start"],
              "2026-03-20");
    EXPECT_EQ(ivp_test::tracks_of(own, provision(own, "traplift"))["als_protocol"]["phases"][2]["start"],
              "2026-03-30");
}

TEST(AlsProtocolSla, SupplierPhaseRunsFromTheRealDecision) {
    // Decision on Tue 28 April 2026 (after the SLA's 30 March): the supplier's
    // 20 werkdagen run from then: 29, 30 April, 1, 4 May, (5 mei), 6–8, 11–13,
    // (14, 15 May), 18–22, (25 May), 26–29, 1 June → Mon 1 June.
    const auto r = calc(R"({"melding":"2026-03-02","provisions":["traplift"],
                            "actual":{"traplift":{"beschikking":"2026-04-28"}},"peildatum":"2026-05-01"})");
    const auto& track = ivp_test::tracks_of(r, provision(r, "traplift"))["als_protocol"];
    EXPECT_EQ(track["phases"][2]["start"], "2026-04-28");
    EXPECT_EQ(track["phases"][2]["start_kind"], "werkelijk");
    EXPECT_EQ(track["end"], "2026-06-01");
    const auto& besluit = milestone(track["milestones"], "sla_besluit");
    EXPECT_EQ(besluit["status"], "niet_gehaald");
    // 31 March … 28 April: 31, 1, 2, 7–10, 13–17, 20–24, 28 = 18 werkdagen late.
    EXPECT_EQ(besluit["werkdagen_verschil"], 18);
    EXPECT_TRUE(besluit.contains("next_step"));
    // The contract date stays melding + the row's total.
    EXPECT_EQ(provision(r, "traplift")["delivery"]["als_protocol"], "2026-04-30");
}

// --- ALS protocol: procedure norms --------------------------------------------

TEST(AlsProtocolProcedure, HulpmiddelNormsFromTheMelding) {
    // 1) b): doorgegeven within 10 werkdagen (Mon 16 March); passing planned
    // 5 werkdagen later (Mon 23 March); delivery 10 werkdagen after that
    // without levertijd (31 March … skipping 3 and 6 April → Wed 8 April),
    // at most 30 with levertijd (→ Fri 8 May, skipping 27 April and 5 mei).
    const auto r = calc(R"({"melding":"2026-03-02","provisions":["traplift"],"peildatum":"2026-03-02"})");
    const auto& ms = ivp_test::tracks_of(r, provision(r, "traplift"))["als_protocol"]["milestones"];
    EXPECT_EQ(milestone(ms, "als_doorgegeven")["date"], "2026-03-16");
    EXPECT_EQ(milestone(ms, "als_passing_gepland")["date"], "2026-03-23");
    EXPECT_EQ(milestone(ms, "als_levering_zonder_levertijd")["date"], "2026-04-08");
    EXPECT_EQ(milestone(ms, "als_levering_met_levertijd")["date"], "2026-05-08");
    for (const auto& m : ms) EXPECT_EQ(m["status"], "open") << m["id"];
}

TEST(AlsProtocolProcedure, RealDatesMoveTheNextNormAndAreJudged) {
    // Passed on Tue 10 March (4 werkdagen early). Passing planned by Tue 17
    // March; the passing itself was Mon 30 March, so whether it was planned
    // in time cannot be seen. Delivery without levertijd: 10 werkdagen after
    // 30 March → 15 April; delivered 14 April: met, one werkdag early.
    const auto r = calc(R"({"melding":"2026-03-02","provisions":["traplift"],
        "actual":{"traplift":{"doorgegeven":"2026-03-10","passing":"2026-03-30","levering":"2026-04-14"}}})");
    const auto& ms = ivp_test::tracks_of(r, provision(r, "traplift"))["als_protocol"]["milestones"];
    EXPECT_EQ(milestone(ms, "als_doorgegeven")["status"], "gehaald");
    EXPECT_EQ(milestone(ms, "als_doorgegeven")["werkdagen_verschil"], -4);
    EXPECT_EQ(milestone(ms, "als_passing_gepland")["date"], "2026-03-17");
    EXPECT_EQ(milestone(ms, "als_passing_gepland")["status"], "onbekend");
    EXPECT_EQ(milestone(ms, "als_levering_zonder_levertijd")["date"], "2026-04-15");
    EXPECT_EQ(milestone(ms, "als_levering_zonder_levertijd")["status"], "gehaald");
    EXPECT_EQ(milestone(ms, "als_levering_zonder_levertijd")["werkdagen_verschil"], -1);
}

TEST(AlsProtocolProcedure, WoonvoorzieningWithin40Or60WerkdagenOfToekenning) {
    // Aanbouw: SLA decision 10 + 30 werkdagen → Thu 30 April 2026. 2) e): 40
    // werkdagen later, skipping 5 mei, 14 and 15 May and 25 May → Wed 1 July;
    // g): 60 werkdagen → Wed 29 July.
    const auto r = calc(R"({"melding":"2026-03-02","provisions":["aanbouw-woning"]})");
    const auto& ms = ivp_test::tracks_of(r, provision(r, "aanbouw-woning"))["als_protocol"]["milestones"];
    EXPECT_EQ(milestone(ms, "als_woning_enkelvoudig")["from"]["date"], "2026-04-30");
    EXPECT_EQ(milestone(ms, "als_woning_enkelvoudig")["from"]["kind"], "verwacht");
    EXPECT_EQ(milestone(ms, "als_woning_enkelvoudig")["date"], "2026-07-01");
    EXPECT_EQ(milestone(ms, "als_woning_meervoudig")["date"], "2026-07-29");
}

TEST(AlsProtocolProcedure, VervoersvoorzieningHasOnlyTheSla) {
    const auto r = calc(R"({"melding":"2026-03-02","provisions":["vervoersvoorziening"]})");
    const auto& track = ivp_test::tracks_of(r, provision(r, "vervoersvoorziening"))["als_protocol"];
    EXPECT_EQ(track["milestones"].size(), 2u);
    EXPECT_EQ(track["category"], "vervoer");
    EXPECT_TRUE(r["tracks"]["als_protocol"]["procedure_notes"].contains("vervoer"));
}

// --- Wmo 2015 and Atw art. 1 ----------------------------------------------------

TEST(Wmo2015Art2_3_5, BeschikkingTermEndingOnGoedeVrijdagMovesToTuesdayAfterPasen) {
    // Aanvraag Fri 20 March 2026 + 2 weeks = Goede Vrijdag 3 April; Atw art. 1:
    // Saturday, Sunday, Tweede Paasdag → Tue 7 April.
    const auto r = calc(R"({"melding":"2026-02-02","dates":{"aanvraag":"2026-03-20"}})");
    EXPECT_EQ(wmo(r, "wmo_beschikking")["date"], "2026-04-07");
    EXPECT_TRUE(wmo(r, "wmo_beschikking")["atw_verschoven"].get<bool>());
    EXPECT_EQ(wmo(r, "wmo_beschikking")["from"]["kind"], "werkelijk");
}

TEST(Wmo2015Art2_3_2, OnderzoekEndingOnKoningsdagMovesToTuesday) {
    // Melding Mon 16 March 2026 + 6 weeks = Koningsdag Mon 27 April → Tue 28 April.
    const auto r = calc(R"({"melding":"2026-03-16"})");
    EXPECT_EQ(wmo(r, "wmo_onderzoek")["date"], "2026-04-28");
    EXPECT_TRUE(wmo(r, "wmo_onderzoek")["atw_verschoven"].get<bool>());
    // Without an aanvraag date the aanvraag is expected when the onderzoek ends.
    EXPECT_EQ(wmo(r, "wmo_beschikking")["from"]["date"], "2026-04-28");
    EXPECT_EQ(wmo(r, "wmo_beschikking")["from"]["kind"], "verwacht");
    EXPECT_EQ(wmo(r, "wmo_beschikking")["date"], "2026-05-12");
}

TEST(Wmo2015Art2_3_5, BeschikkingTermEndingOnKerstMovesToMondayAfter) {
    // Aanvraag Fri 11 December 2026 + 2 weeks = Eerste Kerstdag (Fri) → Mon 28 December.
    const auto r = calc(R"({"melding":"2026-10-01","dates":{"aanvraag":"2026-12-11"}})");
    EXPECT_EQ(wmo(r, "wmo_beschikking")["date"], "2026-12-28");
}

TEST(Wmo2015Art2_3_5, BeschikkingTermEndingOnADayMadeEqualUnderLid3Moves) {
    // Aanvraag Fri 1 May 2026 + 2 weeks = Fri 15 May (besluit gelijkstelling) → Mon 18 May.
    const auto r = calc(R"({"melding":"2026-03-02","dates":{"aanvraag":"2026-05-01"}})");
    EXPECT_EQ(wmo(r, "wmo_beschikking")["date"], "2026-05-18");
}

TEST(Wmo2015Art2_3_2, PersoonlijkPlanSevenDaysMovesOverKerst) {
    // Melding Fri 18 December 2026 + 7 days = Fri 25 December → Mon 28 December.
    const auto r = calc(R"({"melding":"2026-12-18","peildatum":"2026-12-18"})");
    EXPECT_EQ(wmo(r, "wmo_persoonlijk_plan")["date"], "2026-12-28");
    EXPECT_EQ(wmo(r, "wmo_persoonlijk_plan")["status"], "open");
    EXPECT_TRUE(wmo(r, "wmo_persoonlijk_plan").contains("next_step"));
}

TEST(Wmo2015Art2_3_2, OnderzoekStatusFollowsThePeildatumAndTheGesprek) {
    // Melding Mon 2 March 2026 + 6 weeks = Mon 13 April.
    EXPECT_EQ(wmo(calc(R"({"melding":"2026-03-02","peildatum":"2026-04-13"})"), "wmo_onderzoek")["status"], "open");
    const auto late = calc(R"({"melding":"2026-03-02","peildatum":"2026-04-20"})");
    EXPECT_EQ(wmo(late, "wmo_onderzoek")["status"], "verstreken");
    EXPECT_EQ(wmo(late, "wmo_onderzoek")["werkdagen_verschil"], 5);
    const auto missed = calc(R"({"melding":"2026-03-02","dates":{"gesprek":"2026-04-15"}})");
    EXPECT_EQ(wmo(missed, "wmo_onderzoek")["status"], "niet_gehaald");
    EXPECT_EQ(wmo(missed, "wmo_onderzoek")["werkdagen_verschil"], 2);
}

TEST(Wmo2015, PerProvisionTrackEndsWithTheSupplier) {
    // Aanvraag Fri 10 April 2026 → beschikking by Fri 24 April; traplift's
    // supplier 20 werkdagen: 28–30 April, 1, 4, 6–8, 11–13, 18–22, 26–29 May
    // (Koningsdag, 5 mei, 14/15 and 25 May skipped) → Fri 29 May.
    const auto r = calc(R"({"melding":"2026-03-02","provisions":["traplift"],"dates":{"aanvraag":"2026-04-10"}})");
    const auto& t = ivp_test::tracks_of(r, provision(r, "traplift"))["wmo_2015"];
    EXPECT_TRUE(t["applies"].get<bool>());
    EXPECT_EQ(t["milestones"][0]["date"], "2026-04-24");
    EXPECT_EQ(t["phases"][0]["start"], "2026-04-24");
    EXPECT_EQ(t["end"], "2026-05-29");
}

// --- Municipality (Hattem 2014 §7.1) -------------------------------------------

TEST(Hattem2014Par7_1, EightWeeksAndAtMostEightWeeksExtension) {
    // Aanvraag Fri 6 November 2026 + 8 weeks = Fri 1 January 2027 (Nieuwjaarsdag)
    // → Mon 4 January; + 8 weeks = Mon 1 March 2027.
    const auto r = calc(R"({"melding":"2026-10-01","dates":{"aanvraag":"2026-11-06"}})");
    const auto& ms = r["procedure"]["gemeente"]["milestones"];
    EXPECT_EQ(milestone(ms, "gemeente_beslistermijn")["date"], "2027-01-04");
    EXPECT_TRUE(milestone(ms, "gemeente_beslistermijn")["atw_verschoven"].get<bool>());
    EXPECT_EQ(milestone(ms, "gemeente_verdaging")["date"], "2027-03-01");
}

TEST(Hattem2014Par7_1, WithoutAanvraagTheTermRunsFromTheMelding) {
    const auto r = calc(R"({"melding":"2026-03-02"})");
    const auto& m = milestone(r["procedure"]["gemeente"]["milestones"], "gemeente_beslistermijn");
    EXPECT_EQ(m["from"]["event"], "melding");
    EXPECT_EQ(m["date"], "2026-04-28") << "2 March + 56 days is Koningsdag, moved to Tuesday";
}

// --- Awb 4:17 --------------------------------------------------------------------

TEST(Awb4_17, In2025ADwangsomOf42DaysIs1442Euros) {
    // Aanvraag Mon 3 March 2025 → beschikking by Mon 17 March. Ingebrekestelling
    // received Thu 20 March → first dwangsom day Thu 3 April; by 30 May more
    // than 42 days: 14 × € 23 + 14 × € 35 + 14 × € 45 = € 1.442.
    const auto r = calc(R"({"melding":"2025-01-20","dates":{"aanvraag":"2025-03-03","ingebrekestelling":"2025-03-20"},
                            "peildatum":"2025-05-30"})");
    const auto& l = r["late_decision"];
    EXPECT_EQ(l["beslistermijn_einde"], "2025-03-17");
    EXPECT_EQ(l["ingebrekestelling_vanaf"], "2025-03-18");
    EXPECT_EQ(l["status"], "te_laat");
    EXPECT_EQ(l["dwangsom"]["eerste_dag"], "2025-04-03");
    EXPECT_EQ(l["dwangsom"]["laatste_dag"], "2025-05-14");
    EXPECT_EQ(l["dwangsom"]["dagen"], 42);
    EXPECT_EQ(l["dwangsom"]["bedrag"]["eurocents"], 144200);
    EXPECT_EQ(l["dwangsom"]["bedrag"]["tekst"], "€ 1.442,00");
    EXPECT_EQ(l["dwangsom"]["tarief"]["valid_from"], "2019-01-01");
}

TEST(Awb4_17, EighteenDaysIn2025Cost462Euros) {
    // 3 April … 20 April = 18 days: 14 × € 23 + 4 × € 35 = € 462.
    const auto r = calc(R"({"melding":"2025-01-20","dates":{"aanvraag":"2025-03-03","ingebrekestelling":"2025-03-20"},
                            "peildatum":"2025-04-20"})");
    EXPECT_EQ(r["late_decision"]["dwangsom"]["dagen"], 18);
    EXPECT_EQ(r["late_decision"]["dwangsom"]["bedrag"]["eurocents"], 46200);
}

TEST(Awb4_17, TheDwangsomStopsTheDayBeforeTheDecision) {
    // Decision Thu 10 April 2025: days 3 … 9 April = 7 × € 23 = € 161.
    const auto r = calc(R"({"melding":"2025-01-20","dates":{"aanvraag":"2025-03-03","ingebrekestelling":"2025-03-20",
                            "beschikking":"2025-04-10"},"peildatum":"2025-06-01"})");
    EXPECT_EQ(r["late_decision"]["status"], "te_laat_beslist");
    EXPECT_EQ(r["late_decision"]["dwangsom"]["dagen"], 7);
    EXPECT_EQ(r["late_decision"]["dwangsom"]["bedrag"]["eurocents"], 16100);
}

TEST(Awb4_17, BeforeTheIndexationOf2019TheAmountsWere20_30_40) {
    // Received 1 June 2018 → first day 15 June; by 20 June 6 × € 20 = € 120.
    const auto r = calc(R"({"melding":"2018-03-01","dates":{"aanvraag":"2018-05-01","ingebrekestelling":"2018-06-01"},
                            "peildatum":"2018-06-20"})");
    EXPECT_EQ(r["late_decision"]["dwangsom"]["eerste_dag"], "2018-06-15");
    EXPECT_EQ(r["late_decision"]["dwangsom"]["bedrag"]["eurocents"], 12000);
}

TEST(Awb4_17, From2026TheAmountsAreUnchanged_23_35_45) {
    // Awb 4:17 lid 2, version 2026-01-01: still € 23 / € 35 / € 45. Received
    // Fri 1 May 2026 → first day Fri 15 May; by 1 June 18 days:
    // 14 × € 23 + 4 × € 35 = € 462; the 42-day maximum stays € 1.442.
    const auto r = calc(R"({"melding":"2026-03-02","dates":{"aanvraag":"2026-04-10","ingebrekestelling":"2026-05-01"},
                            "peildatum":"2026-06-01"})");
    const auto& d = r["late_decision"]["dwangsom"];
    EXPECT_EQ(d["dagen"], 18);
    EXPECT_EQ(d["bedrag"]["eurocents"], 46200);
    EXPECT_EQ(d["maximum"]["eurocents"], 144200);
    EXPECT_EQ(d["tarief"]["valid_from"], "2026-01-01");
    EXPECT_FALSE(d.contains("bedrag_onbekend"));
}

TEST(Awb4_17, ReceivedOnNewYearsEveOrTheDayAfterTheSameAmountsFromTheirOwnVersion) {
    // Aanvraag Mon 1 Dec 2025 → term ends Mon 15 Dec. Received Wed 31 Dec 2025
    // (version 2019–2025) or Fri 2 Jan 2026 (version 2026): the amounts are the
    // same, the dated parameter that holds differs. By 28 Feb 2026 both have
    // run the full 42 days: € 1.442.
    const auto a = calc(R"({"melding":"2025-10-01","dates":{"aanvraag":"2025-12-01","ingebrekestelling":"2025-12-31"},
                            "peildatum":"2026-02-28"})");
    const auto b = calc(R"({"melding":"2025-10-01","dates":{"aanvraag":"2025-12-01","ingebrekestelling":"2026-01-02"},
                            "peildatum":"2026-02-28"})");
    const auto& da = a["late_decision"]["dwangsom"];
    const auto& db = b["late_decision"]["dwangsom"];
    EXPECT_EQ(da["tarief"]["valid_from"], "2019-01-01");
    EXPECT_EQ(db["tarief"]["valid_from"], "2026-01-01");
    EXPECT_EQ(da["eerste_dag"], "2026-01-14");
    EXPECT_EQ(db["eerste_dag"], "2026-01-16");
    EXPECT_EQ(da["bedrag"]["eurocents"], 144200);
    EXPECT_EQ(db["bedrag"]["eurocents"], 144200);
}

TEST(Awb4_17, AVoorbeeldNamesTheMaximum) {
    // No ingebrekestelling entered yet: the dates are an example, and the
    // maximum (the letter names it) is still given.
    const auto r = calc(R"({"melding":"2026-03-02","dates":{"aanvraag":"2026-04-10"},"peildatum":"2026-06-01"})");
    const auto& d = r["late_decision"]["dwangsom"];
    EXPECT_TRUE(d["voorbeeld"].get<bool>());
    EXPECT_EQ(d["maximum"]["eurocents"], 144200);
    EXPECT_FALSE(d.contains("bedrag"));
}

TEST(Awb4_17, AnIngebrekestellingBeforeTheEndOfTheTermDoesNotCount) {
    const auto r = calc(R"({"melding":"2025-01-20","dates":{"aanvraag":"2025-03-03","ingebrekestelling":"2025-03-10"},
                            "peildatum":"2025-04-01"})");
    const auto& l = r["late_decision"];
    EXPECT_TRUE(l["ingebrekestelling_te_vroeg"].get<bool>());
    EXPECT_TRUE(l["dwangsom"]["voorbeeld"].get<bool>());
    EXPECT_FALSE(l["dwangsom"].contains("bedrag"));
    EXPECT_NE(l["next_step"].get<std::string>().find("telt daarom niet"), std::string::npos);
}

TEST(Awb4_17, OnTimeMeansNoDwangsom) {
    const auto r = calc(R"({"melding":"2025-01-20","dates":{"aanvraag":"2025-03-03","beschikking":"2025-03-17"}})");
    EXPECT_EQ(r["late_decision"]["status"], "op_tijd");
    EXPECT_FALSE(r["late_decision"].contains("dwangsom"));
}

TEST(Awb4_17, WhileTheTermRunsTheAdviceNamesTheFirstDayForAnIngebrekestelling) {
    const auto r = calc(R"({"melding":"2026-03-02","dates":{"aanvraag":"2026-04-10"},"peildatum":"2026-04-15"})");
    EXPECT_EQ(r["late_decision"]["status"], "termijn_loopt");
    // The advice is a Dutch sentence: dates as "25 april 2026", not as codes.
    const auto advice = r["late_decision"]["next_step"].get<std::string>();
    EXPECT_NE(advice.find("vanaf 25 april 2026"), std::string::npos) << advice;
    EXPECT_EQ(advice.find("2026-"), std::string::npos) << advice;
}

// --- Scenario input ---------------------------------------------------------------

struct BadDates {
    const char* name;
    const char* scenario;
    const char* where;
    const char* part;
};

class BadDatesTest : public ::testing::TestWithParam<BadDates> {};

TEST_P(BadDatesTest, IsRefusedWithDutchMessageNamingThePlace) {
    const auto e = error_of(GetParam().scenario);
    EXPECT_EQ(e.where(), GetParam().where);
    EXPECT_NE(std::string(e.what()).find(GetParam().part), std::string::npos) << e.what();
}

INSTANTIATE_TEST_SUITE_P(
    Scenario, BadDatesTest,
    ::testing::Values(
        BadDates{"unknown_event", R"({"dates":{"levering":"2026-12-01"}})", "/dates/levering", "onbekende gebeurtenis"},
        BadDates{"not_a_date", R"({"dates":{"aanvraag":"2026-02-30"}})", "/dates/aanvraag", "geen bestaande datum"},
        BadDates{"number", R"({"dates":{"aanvraag":20260201}})", "/dates/aanvraag", "moet een datum zijn"},
        BadDates{"before_melding", R"({"melding":"2026-03-02","dates":{"gesprek":"2026-03-01"}})", "/dates/gesprek",
                 "het gesprek (2026-03-01) ligt vóór de melding"},
        BadDates{"beschikking_before_aanvraag",
                 R"({"melding":"2026-03-02","dates":{"aanvraag":"2026-04-10","beschikking":"2026-04-01"}})",
                 "/dates/beschikking", "ligt vóór de aanvraag"},
        BadDates{"unknown_provision", R"({"actual":{"trapflit":{"levering":"2026-12-01"}}})", "/actual/trapflit",
                 "onbekende voorziening"},
        BadDates{"levering_before_passing",
                 R"({"melding":"2026-03-02","actual":{"traplift":{"passing":"2026-04-10","levering":"2026-04-01"}}})",
                 "/actual/traplift/levering", "ligt vóór de passing"},
        BadDates{"own_melding_before_first",
                 R"({"melding":"2026-03-02","actual":{"traplift":{"melding":"2026-02-01"}}})",
                 "/actual/traplift/melding", "vóór de eerste melding"},
        BadDates{"peildatum_outside", R"({"peildatum":"2101-01-01"})", "/peildatum", "buiten de kalender"},
        BadDates{"ingebrekestelling_per_provision",
                 R"({"actual":{"traplift":{"ingebrekestelling":"2026-12-01"}}})",
                 "/actual/traplift/ingebrekestelling", "onbekende gebeurtenis"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Scenario, PeildatumDefaultsToToday) {
    const auto r = calc(R"({"melding":"2026-03-02"})");
    EXPECT_EQ(r["peildatum"], "2026-11-23");
    EXPECT_EQ(r["peildatum_source"], "today");
}

// --- Terms as data -----------------------------------------------------------------

TEST(TermsData, EveryProvisionHasACategoryAndEveryTermASource) {
    const auto& terms = ivp::embedded_terms();
    EXPECT_EQ(terms.category.size(), ivp::embedded_catalogue().provisions.size());
    for (const auto* t : {&terms.melding_doorgegeven, &terms.passing_gepland, &terms.levering_zonder_levertijd,
                          &terms.levering_met_levertijd, &terms.woning_enkelvoudig, &terms.woning_meervoudig,
                          &terms.persoonlijk_plan, &terms.onderzoek, &terms.beschikking, &terms.gemeente_beslistermijn,
                          &terms.gemeente_verdaging}) {
        EXPECT_GT(t->amount, 0);
        EXPECT_FALSE(t->source.empty()) << t->label;
    }
}

TEST(TermsData, DwangsomPeriodsCoverEveryDateFrom2009WithoutGap) {
    // The Catala-style coverage walk: every day from 1 October 2009 to the
    // end of the calendar falls in exactly one period.
    const auto& terms = ivp::embedded_terms();
    for (ivp::Date day = ivp_test::d("2009-10-01"); ivp::year_of(day) <= 2099; day = ivp::add_days(day, 7)) {
        int hits = 0;
        for (const auto& a : terms.dwangsom_amounts)
            if (!(std::chrono::sys_days{day} < std::chrono::sys_days{a.valid_from}) &&
                (!a.valid_until || std::chrono::sys_days{day} < std::chrono::sys_days{*a.valid_until}))
                ++hits;
        EXPECT_EQ(hits, 1) << ivp::format_iso_date(day);
    }
    EXPECT_EQ(terms.dwangsom_for(ivp_test::d("2009-09-30")), nullptr);
}

TEST(TermsData, AMissingCategoryIsADataError) {
    auto data = json::parse(ivp::embedded::data_file("terms.json"));
    data["als_protocol"]["categories"].erase("traplift");
    EXPECT_THROW(ivp::parse_terms(data.dump(), ivp::embedded_catalogue()), ivp::DataError);
}

TEST(TermsData, AGapBetweenDwangsomPeriodsIsADataError) {
    auto data = json::parse(ivp::embedded::data_file("terms.json"));
    data["awb_4_17"]["amounts"][1]["valid_from"] = "2019-01-02";
    EXPECT_THROW(ivp::parse_terms(data.dump(), ivp::embedded_catalogue()), ivp::DataError);
}

// --- Citations: every seed quote in data/terms.json starts on its line ----------

#include <filesystem>
#include <fstream>

namespace {

std::string squeezed(const std::string& s) {  // whitespace-insensitive
    std::string out;
    for (unsigned char c : s) {
        if (std::isspace(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

void check_quotes(const json& node, const std::filesystem::path& seeds, const std::string& where, int& checked) {
    if (node.is_object()) {
        if (node.contains("seed") && node.contains("line") && node.contains("text")) {
            std::ifstream in(seeds / node.at("seed").get<std::string>());
            ASSERT_TRUE(in) << where;
            std::vector<std::string> lines;
            for (std::string l; std::getline(in, l);) lines.push_back(l);
            const int line = node.at("line").get<int>();
            ASSERT_TRUE(line >= 1 && line <= static_cast<int>(lines.size())) << where;
            std::string around;
            for (int k = line - 1; k < std::min<int>(line + 4, static_cast<int>(lines.size())); ++k) around += lines[k] + " ";
            const std::string quote = squeezed(node.at("text").get<std::string>()).substr(0, 40);
            const auto at = squeezed(around).find(quote);
            EXPECT_TRUE(at != std::string::npos && at < squeezed(lines[line - 1]).size())
                << where << ": \"" << quote << "\" begint niet op regel " << line;
            ++checked;
        }
        for (const auto& [k, v] : node.items()) check_quotes(v, seeds, where + "/" + k, checked);
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) check_quotes(node[i], seeds, where + "/" + std::to_string(i), checked);
    }
}

}  // namespace

TEST(Bronnen, SeedQuotesInTheTermsDataStartOnTheCitedLine) {
    // ../shared/ sits beside the checkout on the development machine and in
    // CI only; without it this check cannot run and says so.
    const auto seeds = std::filesystem::path(IVP_SOURCE_DIR).parent_path() / "shared" / "seeds";
    if (!std::filesystem::exists(seeds / "000_8243b2686b6c1bab.txt"))
        GTEST_SKIP() << "../shared/seeds ontbreekt: de citaten in data/terms.json zijn niet nagekeken.";
    int checked = 0;
    check_quotes(json::parse(ivp::embedded::data_file("terms.json")), seeds, "terms.json", checked);
    EXPECT_EQ(checked, 9);
}
