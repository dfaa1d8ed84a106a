// The result and the rulebook's tables (docs/result.md "Result and rulebook"):
// a result carries only what its scenario decides and names the rulebook it
// was made with; every id it refers to is in the rulebook's tables (or, for a
// pack the scenario carries, in the result itself); and with_rulebook() puts
// them back.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ivp/api/boundary.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/error.h"
#include "ivp/dates/ics.h"
#include "ivp/result/calculate.h"
#include "ivp/result/rulebook_json.h"
#include "ivp/rulebook/rulebook.h"
#include "test_util.h"

namespace {

using nlohmann::json;

json calc(const json& scenario) { return ivp::calculate_text(scenario.dump(), ivp_test::fixed_today()); }

// A pack of our own (the Wmo 2015's, renamed): not in the build's rulebook.
json carried_pack() {
    for (const auto& f : ivp::embedded::data_files())
        if (f.path == "policies/wmo-2015.json") {
            auto pack = json::parse(f.content);
            pack["id"] = "eigen-gemeente";
            pack["title"] = "Eigen gemeente";
            pack["label"] = "eigen gemeente";
            return pack;
        }
    ADD_FAILURE() << "data/policies/wmo-2015.json is not embedded";
    return json::object();
}

const json kHattem = {{"policy", "hattem-2014"},
                      {"profile", {{"hoofdverblijf_gemeente", true}, {"zelf_aangeschaft", true}, {"leeftijd", 61}}}};

// Every value under a key `source` or `*_source` that is an id (no spaces: a
// text has them; amount_source and the like say "table", "scenario" …).
void source_ids(const json& v, std::set<std::string>& out, const std::string& key = "") {
    if (v.is_object()) {
        for (const auto& [k, x] : v.items()) source_ids(x, out, k);
    } else if (v.is_array()) {
        for (const auto& x : v) source_ids(x, out, key);
    } else if (v.is_string() && (key == "source" || (key.size() > 7 && key.ends_with("_source")))) {
        const auto& s = v.get_ref<const std::string&>();
        static const std::set<std::string> kinds{"table", "override", "scenario", "today"};
        if (s.find(' ') == std::string::npos && !kinds.contains(s)) out.insert(s);
    }
}

void expect_every_id_resolves(const json& scenario) {
    const json whole = ivp_test::whole(calc(scenario));
    std::set<std::string> ids;
    source_ids(whole, ids);
    ASSERT_FALSE(ids.empty());
    for (const auto& id : ids) EXPECT_TRUE(whole.at("sources").contains(id)) << scenario.dump() << ": " << id;
    // Every criterion a reason names, every fact an open question names.
    for (const auto& p : whole.at("provisions"))
        for (const auto& [policy, a] : p.at("eligibility").at("policies").items()) {
            json criteria;
            for (const auto& pol : whole.at("policies"))
                if (pol.at("id") == policy) criteria = pol.at("criteria");
            ASSERT_TRUE(criteria.is_object()) << policy;
            for (const auto& r : a.at("reasons")) {
                if (!r.contains("text")) {
                    EXPECT_TRUE(criteria.contains(r.at("criterion").get<std::string>())) << r;
                }
            }
            for (const auto& q : ivp_test::open_questions_of(p.at("eligibility"), policy))
                EXPECT_TRUE(whole.at("facts").contains(q.at("fact").get<std::string>())) << q;
        }
    for (const auto& p : whole.at("provisions"))
        for (const auto& m : ivp_test::tracks_of(whole, p).at("als_protocol").at("milestones"))
            EXPECT_TRUE(whole.at("terms").contains(m.at("id").get<std::string>())) << m;
}

}  // namespace

TEST(RulebookTables, TheResultNamesTheBuildsRulebookAndCarriesNoneOfItsTables) {
    const json r = ivp::calculate_default(ivp_test::fixed_today());
    const json& tables = ivp::embedded_rulebook_tables();
    EXPECT_EQ(r.at("rulebook"), tables.at("rulebook"));
    EXPECT_EQ(r.at("rulebook"), ivp::embedded_rulebook().id);
    EXPECT_EQ(r.at("policies"), json::array({"wmo-2015", "als-protocol"}));
    EXPECT_EQ(r.at("sources"), json::object());
    EXPECT_TRUE(r.at("facts").is_array());
    for (const char* key : {"terms", "tracks", "phases", "policy_choices"}) EXPECT_FALSE(r.contains(key)) << key;
    EXPECT_FALSE(r.at("costs").contains("financing"));
    for (const auto& p : r.at("provisions"))
        for (const auto& [policy, a] : p.at("eligibility").at("policies").items()) EXPECT_FALSE(a.contains("form"));
    // The text is the tables, made once.
    EXPECT_EQ(json::parse(ivp::embedded_rulebook_json_text()), tables);
}

TEST(RulebookTables, EveryIdAResultRefersToIsInTheTables) {
    expect_every_id_resolves(json::object());
    expect_every_id_resolves(kHattem);
    expect_every_id_resolves({{"policy_pack", carried_pack()}, {"provisions", {"traplift", "scootmobiel", "spalken"}}});
}

TEST(RulebookTables, PuttingTheTablesBackGivesWhatTheyHold) {
    const json r = calc(kHattem);
    const json whole = ivp_test::whole(r);
    const json& tables = ivp::embedded_rulebook_tables();
    EXPECT_FALSE(whole.contains("rulebook"));
    EXPECT_EQ(whole.at("policies")[0], tables.at("policies").at("hattem-2014"));
    EXPECT_EQ(whole.at("policies")[1], tables.at("policies").at("als-protocol"));
    EXPECT_EQ(whole.at("costs").at("financing"), tables.at("financing"));
    // Only the facts the result names, with their texts.
    ASSERT_EQ(whole.at("facts").size(), r.at("facts").size());
    for (const auto& id : r.at("facts")) EXPECT_EQ(whole.at("facts").at(id.get<std::string>()), tables.at("facts").at(id.get<std::string>()));
    // The sources of the two policies, the rows of the selected provisions and the data files; no other.
    std::set<std::string> want;
    for (const char* policy : {"hattem-2014", "als-protocol"})
        for (const auto& id : tables.at("policy_sources").at(policy)) want.insert(id);
    for (const auto& p : r.at("provisions")) want.insert(tables.at("provisions").at(p.at("id").get<std::string>()).at("source"));
    for (const auto& id : tables.at("data_sources")) want.insert(id);
    std::set<std::string> have;
    for (const auto& [id, s] : whole.at("sources").items()) have.insert(id);
    EXPECT_EQ(have, want);
    // The form each policy names for a voorziening it covers.
    json traplift;
    for (const auto& p : whole.at("provisions"))
        if (p.at("id") == "traplift") traplift = p;
    ASSERT_TRUE(traplift.is_object());
    EXPECT_EQ(traplift.at("eligibility").at("policies").at("hattem-2014").at("form"),
              tables.at("forms").at("hattem-2014").at("traplift"));
}

TEST(RulebookTables, ACarriedPackIsInTheResultItself) {
    const json pack = carried_pack();
    const json r = calc({{"policy_pack", pack}, {"provisions", {"traplift"}}});
    const auto& own = r.at("policies")[0];
    ASSERT_TRUE(own.is_object());
    EXPECT_EQ(own.at("id"), "eigen-gemeente");
    EXPECT_EQ(r.at("policies")[1], "als-protocol");
    EXPECT_FALSE(ivp::embedded_rulebook_tables().at("policies").contains("eigen-gemeente"));
    // Its sources and forms: in the result, not in the tables.
    ASSERT_FALSE(r.at("sources").empty());
    for (const auto& [id, s] : r.at("sources").items()) EXPECT_EQ(id.rfind("eigen-gemeente", 0), 0u) << id;
    const auto& a = r.at("provisions").at(0).at("eligibility").at("policies");
    EXPECT_TRUE(a.at("eigen-gemeente").contains("form"));
    EXPECT_FALSE(a.at("als-protocol").contains("form"));
    const json whole = ivp_test::whole(r);
    EXPECT_EQ(whole.at("policies")[0], own);
    EXPECT_TRUE(whole.at("provisions").at(0).at("eligibility").at("policies").at("als-protocol").contains("form"));
    for (const auto& [id, s] : r.at("sources").items()) EXPECT_EQ(whole.at("sources").at(id), s);
}

TEST(RulebookTables, AResultOfAnotherRulebookIsRefused) {
    json r = ivp::calculate_default(ivp_test::fixed_today());
    r["rulebook"] = "als-ivp@0000000000000000";
    EXPECT_THROW(ivp::with_rulebook(r, ivp::embedded_rulebook_tables()), ivp::DataError);
    r.erase("rulebook");
    EXPECT_THROW(ivp::with_rulebook(r, ivp::embedded_rulebook_tables()), ivp::DataError);
}

// The policy of the embedded rulebook with this id.
const ivp::Policy& embedded_policy(const std::string& id) {
    for (const auto& p : ivp::embedded_policies())
        if (p.id == id) return p;
    throw std::runtime_error("no policy " + id);
}

// A reason that only names its criterion and outcome is "<n><o>" in the
// result (n: the criterion's place in its policy's sorted criteria), the Zvw
// reason of a rulebook policy is "zvw"; the merge writes them whole, and a
// reason with its own text stays whole in both.
TEST(RulebookTables, CompactReasonsAreWholeAgainAfterTheMerge) {
    const json r = calc(kHattem);
    const json whole = ivp_test::whole(r);
    std::size_t compact = 0, kept = 0, zvw = 0;
    for (std::size_t i = 0; i < r.at("provisions").size(); ++i)
        for (const auto& [policy, a] : r.at("provisions")[i].at("eligibility").at("policies").items()) {
            const auto& merged = whole.at("provisions")[i].at("eligibility").at("policies").at(policy).at("reasons");
            json criteria;
            for (const auto& pol : whole.at("policies"))
                if (pol.at("id") == policy) criteria = pol.at("criteria");
            ASSERT_EQ(a.at("reasons").size(), merged.size());
            for (std::size_t k = 0; k < merged.size(); ++k) {
                const auto& c = a.at("reasons")[k];
                if (!c.is_string()) {
                    EXPECT_EQ(c, merged[k]);
                    ++kept;
                    continue;
                }
                ++compact;
                const auto s = c.get<std::string>();
                if (s == "zvw") {
                    ++zvw;
                    const auto& pol = embedded_policy(policy);
                    EXPECT_EQ(merged[k], json({{"criterion", "zvw"},
                                               {"outcome", "niet van toepassing"},
                                               {"text", pol.zvw.at("text")},
                                               {"source", pol.zvw_source_id}}));
                    EXPECT_TRUE(whole.at("sources").contains(pol.zvw_source_id)) << pol.zvw_source_id;
                    continue;
                }
                std::vector<std::string> ids;
                for (const auto& [id, v] : criteria.items()) ids.push_back(id);
                const auto n = std::stoul(s.substr(0, s.size() - 1));
                ASSERT_LT(n, ids.size()) << s;
                const std::map<char, std::string> outcomes{
                    {'v', "voldaan"}, {'n', "niet voldaan"}, {'o', "onbekend"}, {'t', "niet van toepassing"}};
                ASSERT_TRUE(outcomes.contains(s.back())) << s;
                EXPECT_EQ(merged[k], json({{"criterion", ids[n]}, {"outcome", outcomes.at(s.back())}})) << s;
                EXPECT_EQ(merged[k].size(), 2u);
            }
        }
    EXPECT_GT(compact, 100u);
    EXPECT_GT(kept, 0u);
    EXPECT_GT(zvw, 10u);  // the Zvw provisions under each policy
    json bad = r;
    bad["provisions"][0]["eligibility"]["policies"]["als-protocol"]["reasons"][0] = "999v";
    EXPECT_THROW(ivp_test::whole(bad), ivp::DataError);
}

// Under `policies.<id>` an assessment has no `policy` (its key), no
// `financier` when it is the municipality, no empty `quantities`, and its open questions are [fact, rank, answer, verdict, …];
// the merge writes them {fact, decisive, settles: [{answer, verdict}]} again.
TEST(RulebookTables, CompactAssessmentsAreWholeAgainAfterTheMerge) {
    const json r = calc(kHattem);
    const json whole = ivp_test::whole(r);
    const std::map<int, std::string> decisive{{1, "beslissend"}, {2, "kan beslissen"}, {3, "telt mee"}};
    std::size_t questions = 0, settling = 0, without_quantities = 0;
    for (std::size_t i = 0; i < r.at("provisions").size(); ++i)
        for (const auto& [policy, a] : r.at("provisions")[i].at("eligibility").at("policies").items()) {
            const auto& merged = whole.at("provisions")[i].at("eligibility").at("policies").at(policy);
            EXPECT_FALSE(a.contains("policy"));
            EXPECT_EQ(merged.at("policy"), policy);
            // The financier is left out when it is the municipality.
            EXPECT_EQ(merged.at("financier"), a.value("financier", "gemeente"));
            EXPECT_NE(a.value("financier", ""), "gemeente");
            if (!a.contains("quantities")) {
                ++without_quantities;
                EXPECT_EQ(merged.at("quantities"), json::array());
            } else {
                EXPECT_FALSE(a.at("quantities").empty()) << "an empty list is left out";
                EXPECT_EQ(merged.at("quantities"), a.at("quantities"));
            }
            if (!a.contains("open_questions")) continue;
            ASSERT_EQ(a.at("open_questions").size(), merged.at("open_questions").size());
            for (std::size_t k = 0; k < a.at("open_questions").size(); ++k) {
                const auto& c = a.at("open_questions")[k];
                const auto& m = merged.at("open_questions")[k];
                ASSERT_TRUE(c.is_array()) << c;
                ASSERT_EQ(c.size() % 2, 0u) << c;
                ++questions;
                EXPECT_EQ(m.at("fact"), c[0]);
                EXPECT_EQ(m.at("decisive"), decisive.at(c[1].get<int>()));
                ASSERT_EQ(m.at("settles").size(), (c.size() - 2) / 2) << c;
                for (std::size_t n = 0; n < m.at("settles").size(); ++n, ++settling)
                    EXPECT_EQ(m.at("settles")[n], json({{"answer", c[2 + 2 * n]}, {"verdict", c[3 + 2 * n]}}));
                EXPECT_EQ(m.size(), 3u);
            }
        }
    EXPECT_GT(questions, 20u);
    EXPECT_GT(settling, 10u);
    EXPECT_GT(without_quantities, 10u);
    json bad = r;
    bad["provisions"][0]["eligibility"]["policies"]["als-protocol"]["open_questions"] = json::array({json::array({"diagnose_mnd", 7})});
    EXPECT_THROW(ivp_test::whole(bad), ivp::DataError);
}

// A milestone's `from` in `timelines` and `procedure` is its place in the
// result's `anchors`, a phase [id, start, start_kind, end, werkdagen, label?];
// the merge writes both whole and takes `anchors` out.
TEST(RulebookTables, AnchorsAndPhasesAreWholeAgainAfterTheMerge) {
    const json r = calc({{"melding", "2026-11-23"}, {"dates", {{"aanvraag", "2026-12-14"}}}});
    const json whole = ivp_test::whole(r);
    const json& anchors = r.at("anchors");
    ASSERT_GE(anchors.size(), 3u);
    EXPECT_FALSE(whole.contains("anchors"));
    std::size_t froms = 0, phases = 0, labelled = 0;
    const auto check_milestones = [&](const json& raw, const json& merged) {
        ASSERT_EQ(raw.size(), merged.size());
        for (std::size_t k = 0; k < raw.size(); ++k) {
            if (!raw[k].contains("from")) continue;
            ++froms;
            const auto n = raw[k].at("from").get<std::size_t>();
            ASSERT_LT(n, anchors.size());
            EXPECT_EQ(merged[k].at("from"), anchors[n]);
            EXPECT_EQ(merged[k].at("from").size(), 3u);  // {date, event, kind}
        }
    };
    for (const auto& [id, tracks] : r.at("timelines").items())
        for (const auto& [name, track] : tracks.items()) {
            if (!track.contains("milestones")) continue;
            const auto& merged = whole.at("timelines").at(id).at(name);
            check_milestones(track.at("milestones"), merged.at("milestones"));
            for (std::size_t k = 0; k < track.at("phases").size(); ++k) {
                const auto& ph = track.at("phases")[k];
                const auto& m = merged.at("phases")[k];
                ++phases;
                EXPECT_EQ(m.at("id"), ph[0]);
                EXPECT_EQ(m.at("start"), ph[1]);
                EXPECT_EQ(m.at("start_kind"), ph[2]);
                EXPECT_EQ(m.at("end"), ph[3]);
                EXPECT_EQ(m.at("werkdagen"), ph[4]);
                if (ph.size() == 6) {
                    ++labelled;
                    EXPECT_EQ(m.at("label"), ph[5]);
                }
                EXPECT_EQ(m.size(), ph.size());
            }
        }
    for (const char* part : {"wmo_2015", "gemeente"})
        check_milestones(r.at("procedure").at(part).at("milestones"), whole.at("procedure").at(part).at("milestones"));
    EXPECT_GT(froms, 20u);
    EXPECT_GT(phases, 20u);
    EXPECT_GT(labelled, 0u);  // the Zvw financier's phase
    json bad = r;
    bad["procedure"]["wmo_2015"]["milestones"][0]["from"] = static_cast<int>(anchors.size());
    EXPECT_THROW(ivp_test::whole(bad), ivp::DataError);
}

// `procedure` and `late_decision` carry only their dates and statuses: the
// parts' label, id and caveat are the rulebook's `tracks`, a milestone's
// label, basis and term its `terms.<id>`, the late decision's statute texts
// and its tariff's source the rulebook's `late_decision`.
TEST(RulebookTables, TheProcedureAndTheLateDecisionGetTheirTextsBack) {
    const json r = calc({{"melding", "2025-11-03"}, {"dates", {{"aanvraag", "2025-12-15"}, {"ingebrekestelling", "2026-01-12"}}}});
    const json whole = ivp_test::whole(r);
    const json& tables = ivp::embedded_rulebook_tables();
    std::size_t milestones = 0;
    for (const char* part : {"wmo_2015", "gemeente"}) {
        const auto& raw = r.at("procedure").at(part);
        const auto& merged = whole.at("procedure").at(part);
        for (const auto& [key, value] : tables.at("tracks").at(part).items()) {
            EXPECT_FALSE(raw.contains(key)) << part << " " << key;
            EXPECT_EQ(merged.at(key), value) << part << " " << key;
        }
        for (std::size_t k = 0; k < raw.at("milestones").size(); ++k, ++milestones) {
            const auto& m = merged.at("milestones")[k];
            const auto& t = tables.at("terms").at(m.at("id").get<std::string>());
            for (const char* key : {"label", "basis", "term"}) EXPECT_FALSE(raw.at("milestones")[k].contains(key)) << m;
            EXPECT_EQ(m.at("label"), t.at("label"));
            EXPECT_EQ(m.at("basis"), t.at("cite"));
            if (t.contains("term")) {
                EXPECT_EQ(m.at("term"), t.at("term"));
            }
        }
    }
    EXPECT_EQ(milestones, 6u);
    const auto& texts = tables.at("late_decision");
    for (const char* key : {"applies_to", "basis", "beslistermijn_basis"}) {
        EXPECT_FALSE(r.at("late_decision").contains(key)) << key;
        EXPECT_EQ(whole.at("late_decision").at(key), texts.at(key)) << key;
    }
    const auto& tarief = whole.at("late_decision").at("dwangsom").at("tarief");
    EXPECT_FALSE(r.at("late_decision").at("dwangsom").at("tarief").contains("source"));
    EXPECT_EQ(tarief.at("valid_from"), "2026-01-01");
    EXPECT_NE(tarief.at("source").get<std::string>().find("4:17 lid 2"), std::string::npos);
    // The kit's ingebrekestelling step quotes the dwangsom's basis.
    bool step = false;
    for (const auto& term : whole.at("kit").at("escalation").at("terms"))
        for (const auto& st : term.at("steps"))
            if (st.at("id") == "ingebrekestelling") {
                step = true;
                EXPECT_EQ(st.at("source"), texts.at("basis"));
            }
    EXPECT_TRUE(step);
}

// The WASM core makes the .ics from the result as written (without the
// merge's code); the CLI from the merged result: the same bytes.
TEST(RulebookTables, TheIcsIsTheSameFromTheResultAsWrittenAndFromTheMergedOne) {
    const json& tables = ivp::embedded_rulebook_tables();
    for (const json& scenario :
         {json::object(), kHattem,
          json{{"melding", "2025-11-03"}, {"dates", {{"aanvraag", "2025-12-15"}, {"ingebrekestelling", "2026-01-12"}}}},
          json{{"melding", "2026-06-01"}, {"dates", {{"aanvraag", "2026-07-20"}, {"beschikking", "2026-09-01"}}}},
          json{{"provisions", {"traplift", "eetrobot"}}, {"needed", {{"traplift", {{"months", 0}}}}}}}) {
        const json r = calc(scenario);
        const std::string from_result = ivp::ics_calendar(r, tables);
        EXPECT_EQ(from_result, ivp::ics_calendar(ivp_test::whole(r), tables)) << scenario.dump();
        std::string unfolded = from_result;
        for (std::size_t at; (at = unfolded.find("\r\n ")) != std::string::npos;) unfolded.erase(at, 3);  // RFC 5545 §3.1
        EXPECT_NE(unfolded.find("Bron: Wmo 2015 art. 2.3.5 lid 2"), std::string::npos) << "a procedure milestone's cite";
    }
}

// A provision's financing carries what the scenario decides (its group, the
// protocol pgb's amount, the answer on a prior purchase, the eigen bijdrage);
// its group's part (label, forms, the preferred forms, the Hattem block, …)
// is the rulebook's `provision_financing`, put back by the merge.
TEST(RulebookTables, EachProvisionsFinancingGetsItsGroupsPartBack) {
    const json r = calc({{"profile", {{"zelf_aangeschaft", true}}}});
    const json whole = ivp_test::whole(r);
    const json& by_group = ivp::embedded_rulebook_tables().at("provision_financing");
    const std::set<std::string> scenario_keys{"group", "als_protocol", "prior_purchase", "eigen_bijdrage"};
    ASSERT_EQ(r.at("provisions").size(), whole.at("provisions").size());
    for (std::size_t i = 0; i < r.at("provisions").size(); ++i) {
        const json& compact = r.at("provisions")[i].at("financing");
        const json& merged = whole.at("provisions")[i].at("financing");
        for (const auto& [key, value] : compact.items()) EXPECT_TRUE(scenario_keys.contains(key)) << key;
        const json& group = by_group.at(compact.at("group").get<std::string>());
        EXPECT_EQ(merged.at("label"), group.at("label"));
        EXPECT_EQ(merged.at("forms"), group.at("forms"));
        // The eigen bijdrage's reason by id in the result, its text in the merge.
        const json& eb = compact.at("eigen_bijdrage");
        EXPECT_EQ(merged.at("eigen_bijdrage"),
                  json({{"status", eb.at("status")},
                        {"reason", ivp::embedded_rulebook_tables().at("eigen_bijdrage_reasons").at(eb.at("reason_id").get<std::string>())}}));
        if (r.at("provisions")[i].at("law") == "wmo") {
            EXPECT_FALSE(compact.contains("hattem"));
            EXPECT_EQ(merged.at("hattem"), group.at("hattem"));
            EXPECT_EQ(merged.at("prior_purchase"), json({{"fact", "zelf_aangeschaft"}, {"answer", true}}));
            EXPECT_EQ(merged.at("als_protocol").at("pgb").at("amount_eur"), r.at("provisions")[i].at("amount"));
            EXPECT_EQ(merged.at("als_protocol").at("preferred_forms"), group.at("als_protocol").at("preferred_forms"));
        } else {
            EXPECT_EQ(merged.size(), 4u) << merged.dump();  // group, label, forms, eigen_bijdrage
        }
    }
}

// Why a provision counts for the eigen bijdrage, or not, is an id in the
// result (`reason_id`) and the text in the merge (`reason`), in the
// provision's financing and in the lists of costs.eigen_bijdrage alike; the
// ids are the rulebook's `eigen_bijdrage_reasons`.
TEST(RulebookTables, EigenBijdrageReasonsAreTextsAgainAfterTheMerge) {
    const json& texts = ivp::embedded_rulebook_tables().at("eigen_bijdrage_reasons");
    std::set<std::string> seen;
    for (const json& profile : {json::object(), json{{"leeftijd", 12}}, json{{"leeftijd", 70}}}) {
        const json r = calc({{"profile", profile}});
        const json whole = ivp_test::whole(r);
        const json& eb = r.at("costs").at("eigen_bijdrage");
        for (const char* list : {"depends", "exempt", "not_applicable"})
            for (std::size_t k = 0; k < eb.at(list).size(); ++k) {
                const json& item = eb.at(list)[k];
                const auto id = item.at("reason_id").get<std::string>();
                seen.insert(id);
                const json& merged = whole.at("costs").at("eigen_bijdrage").at(list)[k];
                EXPECT_EQ(merged.at("reason"), texts.at(id)) << id;
                EXPECT_FALSE(merged.contains("reason_id"));
                EXPECT_EQ(merged.at("id"), item.at("id"));
            }
        for (const auto& p : r.at("provisions")) seen.insert(p.at("financing").at("eigen_bijdrage").at("reason_id"));
    }
    // Zvw, the wheelchair exemption, a child, an unknown age, a Wmo provision that counts.
    for (const char* id : {"zvw", "rolstoel", "jonger_dan_18", "kind_woningaanpassing", "leeftijd_onbekend",
                           "leeftijd_en_gemeente_onbekend", "abonnementstarief"})
        EXPECT_TRUE(seen.contains(id)) << id;
    EXPECT_EQ(seen.size(), texts.size());
    EXPECT_NE(texts.at("leeftijd_onbekend").get<std::string>().find("Hangt af van de leeftijd: "), std::string::npos);
}

// A provision's fields that are its row's and no scenario changes are the
// rulebook's `provisions`, not in the result; the merge puts them back as
// the catalogue has them.
TEST(RulebookTables, EachProvisionGetsItsRowsFieldsBack) {
    const json r = calc({{"overrides", {{"traplift", {{"amount", 9500}}}}}});
    const json whole = ivp_test::whole(r);
    const auto& catalogue = ivp::embedded_catalogue();
    ASSERT_EQ(r.at("provisions").size(), catalogue.provisions.size());
    std::size_t conditional = 0;
    for (std::size_t i = 0; i < catalogue.provisions.size(); ++i) {
        const auto& row = catalogue.provisions[i];
        const json& compact = r.at("provisions")[i];
        const json& merged = whole.at("provisions")[i];
        ASSERT_EQ(merged.at("id"), row.id);
        for (const char* key : {"table_amount", "need", "need_reason", "sla_werkdagen", "source"})
            EXPECT_FALSE(compact.contains(key)) << key;
        EXPECT_EQ(merged.at("table_amount"), row.amount_eur);
        EXPECT_EQ(merged.at("need"), std::string(ivp::to_string(row.need)));
        EXPECT_EQ(merged.at("sla_werkdagen").at("totaal"), row.sla.totaal);
        EXPECT_EQ(merged.at("source"), "als-ivp/" + row.id);
        EXPECT_EQ(merged.contains("need_reason"), row.need == ivp::Need::conditional) << row.id;
        if (row.need == ivp::Need::conditional) {
            ++conditional;
            EXPECT_EQ(merged.at("need_reason"), row.need_reason);
        }
        // What the scenario decides stays in the result: the user's amount.
        EXPECT_EQ(merged.at("amount"), compact.at("amount"));
    }
    EXPECT_GT(conditional, 0u);
    EXPECT_EQ(whole.at("provisions")[ivp::embedded_catalogue().find("traplift").value()].at("amount"), 9500);
}

// A carried pack is not in the rulebook: its Zvw reason stays whole, with
// the pack's own text and source, and the merge leaves it as it is.
TEST(RulebookTables, ACarriedPacksZvwReasonStaysWhole) {
    const json pack = carried_pack();
    const json r = calc(json{{"policy_pack", pack}, {"provisions", {"traplift", "spalken"}}});
    const auto at = [](const json& result, const std::string& id) -> const json& {
        for (const auto& p : result.at("provisions"))
            if (p.at("id") == id) return p;
        throw std::runtime_error("no provision " + id);
    };
    const json& policies = at(r, "spalken").at("eligibility").at("policies");
    const json& own = policies.at("eigen-gemeente");
    ASSERT_EQ(own.at("reasons").size(), 1u);
    EXPECT_EQ(own.at("reasons")[0].at("criterion"), "zvw");
    EXPECT_EQ(own.at("reasons")[0].at("text"), pack.at("zvw").at("text"));
    EXPECT_EQ(policies.at("als-protocol").at("reasons")[0], "zvw");
    const json whole = ivp_test::whole(r);
    EXPECT_EQ(at(whole, "spalken").at("eligibility").at("policies").at("eigen-gemeente").at("reasons"), own.at("reasons"));
}

namespace {

// catalogue_json_text writes the catalogue straight from its structs: byte
// for byte the text of its tree (the page's catalogue() call).
TEST(CatalogueText, IsTheTextOfTheTree) {
    const auto& catalogue = ivp::embedded_catalogue();
    EXPECT_EQ(ivp::catalogue_json_text(catalogue), ivp::catalogue_json(catalogue).dump());
    EXPECT_EQ(ivp::catalogue_json_text(), ivp::catalogue_json(catalogue).dump());

    // Texts that need escapes, a conditional provision with each kind of
    // need_reason, members in another order, and no constraints at all.
    ivp::Catalogue odd = catalogue;
    odd.title = "\"quoted\" \\ tab\t é € 😀 \x01";
    odd.provisions.at(0).name = "line\nbreak";
    odd.provisions.at(0).need = ivp::Need::conditional;
    odd.provisions.at(0).need_reason = nullptr;
    odd.provisions.at(1).need = ivp::Need::conditional;
    odd.provisions.at(1).need_reason = json{{"text", "x"}, {"source", {{"seed", "y"}}}};
    odd.provisions.at(2).amount_eur = -7;
    if (!odd.constraints.empty()) {
        auto& members = odd.constraints.front().members;
        std::reverse(members.begin(), members.end());
        odd.constraints.front().type = ivp::ConstraintType::at_least_one;
    }
    EXPECT_EQ(ivp::catalogue_json_text(odd), ivp::catalogue_json(odd).dump());
    odd.constraints.clear();
    EXPECT_EQ(ivp::catalogue_json_text(odd), ivp::catalogue_json(odd).dump());
}

}  // namespace
