// Choosing and loading a policy pack (src/ivp/eligibility/policy_pack.h,
// docs/policy-pack.md): the Wmo 2015 as the default "gemeente" side, a
// built-in pack by id, a pack carried by content, the full checks of
// `ivp validate FILE` on the example pack and on the table of broken packs
// (tests/packs/broken.json, shared with the schema test in
// tests/node/policy-pack-schema.test.mjs), and hostile packs refused cleanly.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ivp/result/calculate.h"
#include "ivp/base/error.h"
#include "ivp/eligibility/policy_pack.h"
#include "test_util.h"

using nlohmann::json;

namespace {

std::string read_text(const std::filesystem::path& relative) {
    std::ifstream in(std::filesystem::path(IVP_SOURCE_DIR) / relative, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

json example_pack() { return json::parse(read_text("tests/packs/voorbeeldrecht-2026.json")); }

// With the rulebook's tables put back: these tests read the policies and their sources.
json calc(const json& scenario) { return ivp_test::whole(ivp::calculate_text(scenario.dump(), ivp_test::fixed_today())); }

const json& eligibility_of(const json& result, const std::string& id) {
    for (const auto& p : result.at("provisions"))
        if (p.at("id") == id) return p.at("eligibility");
    throw std::runtime_error("no provision " + id);
}

// The InputError a scenario gives: {where, message}.
std::pair<std::string, std::string> refusal(const std::string& scenario_text) {
    try {
        (void)ivp::calculate_text(scenario_text, ivp_test::fixed_today());
    } catch (const ivp::InputError& e) {
        return {e.where(), e.what()};
    }
    return {"(geaccepteerd)", ""};
}

}  // namespace

TEST(PolicyPack, TheDefaultGemeenteSideIsTheWmo2015ThenTheAlsProtocol) {
    const auto result = calc(json::object());
    ASSERT_EQ(result.at("policies").size(), 2u);
    EXPECT_EQ(result.at("policies")[0].at("id"), "wmo-2015");
    EXPECT_EQ(result.at("policies")[1].at("id"), "als-protocol");
    EXPECT_EQ(eligibility_of(result, "traplift").at("policy"), "wmo-2015");
    // The built-in choices: the Wmo 2015 (default) and the Hattem example.
    json ids = json::array();
    for (const auto& c : result.at("policy_choices")) ids.push_back(c.at("id"));
    EXPECT_EQ(ids, json::array({"wmo-2015", "hattem-2014"}));
    EXPECT_EQ(result.at("policy_choices")[1].at("label"), "voorbeeld: gemeente Hattem (2014)");
}

TEST(PolicyPack, UnderTheWmo2015NothingAnsweredIsOnbekendWithTheStatutesQuestions) {
    const auto result = calc(json::object());
    for (const auto& p : result.at("provisions")) {
        if (p.at("law") != "wmo") continue;
        const auto& w = p.at("eligibility").at("policies").at("wmo-2015");
        EXPECT_EQ(w.at("verdict"), "onbekend") << p.at("id");
        json facts = json::array();
        for (const auto& q : ivp_test::open_questions_of(p.at("eligibility"), "wmo-2015")) facts.push_back(q.at("fact"));
        EXPECT_EQ(facts, json::array({"hoofdverblijf_gemeente", "zelf_op_te_lossen", "onderzoek_passend"}))
            << p.at("id");
        // The cite of each reason, through the tables: its criterion, the criterion's source.
        const auto& criteria = result.at("policies")[0].at("criteria");
        for (const auto& r : w.at("reasons"))
            EXPECT_NE(result.at("sources").at(criteria.at(r.at("criterion").get<std::string>()).at("source").get<std::string>())
                          .at("cite").get<std::string>().find("artikel 2.3."),
                      std::string::npos);
    }
}

TEST(PolicyPack, EveryWmo2015RuleCitesWettenOverheidWithTheVersionDate) {
    const auto result = calc(json::object());
    const auto& wmo = result.at("policies")[0];
    ASSERT_FALSE(wmo.at("criteria").empty());
    for (const auto& [id, c] : wmo.at("criteria").items())
        EXPECT_EQ(result.at("sources").at(c.at("source").get<std::string>()).at("url").get<std::string>().rfind("https://wetten.overheid.nl/BWBR0035362/2026-07-01#Artikel", 0), 0u) << id;
    ASSERT_FALSE(wmo.at("duties").empty());
    for (const auto& d : wmo.at("duties"))
        EXPECT_EQ(result.at("sources").at(d.at("source").get<std::string>()).at("url").get<std::string>().rfind("https://wetten.overheid.nl/BWBR0035362/2026-07-01#Artikel", 0), 0u);
}

// A profile where Hattem's verstrekkingenboek says "nee" (an extra handrail
// makes the stairs safe: steunpunten first, §4.5.3) and the Wmo 2015 does not
// decide (no such rule in the statute; its questions stay open).
TEST(PolicyPack, ChoosingHattemChangesTheVerdicts) {
    json scenario = {{"provisions", {"traplift"}},
                     {"profile", {{"woning_heeft_trap", true}, {"traplopen_probleem", true}, {"trapleuning_volstaat", true}}}};
    EXPECT_EQ(eligibility_of(calc(scenario), "traplift").at("verdict"), "onbekend");
    scenario["policy"] = "hattem-2014";
    const auto result = calc(scenario);
    EXPECT_EQ(eligibility_of(result, "traplift").at("verdict"), "nee");
    EXPECT_EQ(eligibility_of(result, "traplift").at("policy"), "hattem-2014");
    EXPECT_EQ(result.at("policies")[0].at("id"), "hattem-2014");
}

TEST(PolicyPack, APackCarriedByContentDecidesTheGemeenteSide) {
    json profile = {{"hoofdverblijf_gemeente", true}, {"woning_heeft_trap", true}, {"traplopen_probleem", true},
                    {"trapleuning_volstaat", false}, {"kosten_aanpassen_woning", 8000}};
    json scenario = {{"provisions", {"traplift", "scootmobiel"}}, {"profile", profile}, {"policy_pack", example_pack()}};
    auto result = calc(scenario);
    EXPECT_EQ(eligibility_of(result, "traplift").at("policy"), "voorbeeldrecht-2026");
    EXPECT_EQ(eligibility_of(result, "traplift").at("verdict"), "ja");
    EXPECT_EQ(eligibility_of(result, "scootmobiel").at("verdict"), "onbekend");  // not_covered
    scenario["profile"]["trapleuning_volstaat"] = true;
    EXPECT_EQ(eligibility_of(calc(scenario), "traplift").at("verdict"), "nee");
    // `policy` may name the pack it carries, and nothing else.
    scenario["policy"] = "voorbeeldrecht-2026";
    EXPECT_NO_THROW(calc(scenario));
    scenario["policy"] = "hattem-2014";
    const auto [where, message] = refusal(scenario.dump());
    EXPECT_EQ(where, "/policy");
    EXPECT_NE(message.find("voorbeeldrecht-2026"), std::string::npos) << message;
}

TEST(PolicyPack, AnUnknownOrNonGemeentePolicyIdIsRefusedByName) {
    auto [where, message] = refusal(R"({"policy":"utrecht-2025"})");
    EXPECT_EQ(where, "/policy");
    EXPECT_NE(message.find("\"utrecht-2025\""), std::string::npos) << message;
    EXPECT_NE(message.find("wmo-2015"), std::string::npos) << message;
    std::tie(where, message) = refusal(R"({"policy":"als-protocol"})");
    EXPECT_EQ(where, "/policy");
    std::tie(where, message) = refusal(R"({"policy":7})");
    EXPECT_EQ(where, "/policy");
}

TEST(PolicyPack, TheExamplePackOfTheGuideValidates) {
    const auto r = ivp::validate_policy_pack_text(read_text("tests/packs/voorbeeldrecht-2026.json"));
    EXPECT_EQ(r.at("ok"), true);
    EXPECT_EQ(r.at("id"), "voorbeeldrecht-2026");
    EXPECT_EQ(r.at("criteria"), 3);
    EXPECT_TRUE(r.at("untried").empty());
}

// Every embedded municipality pack passes the checks a loaded pack gets
// (each criterion can be both true and false). The ALS protocol is not a
// loadable pack: its "ivp_budget_eerste_melding" is `true` on purpose (a
// commitment of the protocol stated as a criterion), which the check would find.
TEST(PolicyPack, EveryEmbeddedGemeentePackPassesTheFullCheck) {
    int gemeente = 0;
    for (const auto& [file, data] : ivp::embedded_policy_files()) {
        SCOPED_TRACE(file);
        const auto policy = ivp::parse_policy(data, file, ivp::embedded_catalogue(), ivp::embedded_facts());
        if (policy.kind != "gemeente") continue;
        ++gemeente;
        EXPECT_NO_THROW((void)ivp::check_criteria_reachable(policy, file, ivp::embedded_facts()));
        EXPECT_EQ(ivp::validate_policy_pack_text(data.dump()).at("ok"), true);
    }
    EXPECT_EQ(gemeente, 2);
}

TEST(PolicyPack, EveryBrokenPackOfTheTableIsRefusedAtItsPlace) {
    const json table = json::parse(read_text("tests/packs/broken.json"));
    const json base = example_pack();
    ASSERT_GE(table.at("cases").size(), 20u);
    for (const auto& c : table.at("cases")) {
        SCOPED_TRACE(c.at("name").get<std::string>());
        const json pack = base.patch(c.at("patch"));
        try {
            (void)ivp::validate_policy_pack_text(pack.dump());
            ADD_FAILURE() << "accepted";
        } catch (const ivp::InputError& e) {
            EXPECT_EQ(e.where(), c.at("where").get<std::string>()) << e.what();
        }
        // Inside a scenario: the same fault under /policy_pack, nothing computed.
        const auto [where, message] = refusal(json({{"policy_pack", pack}}).dump());
        EXPECT_EQ(where, "/policy_pack" + c.at("where").get<std::string>()) << message;
    }
}

// Hostile packs: refused with a Dutch message and a place, never a crash.
TEST(PolicyPack, HostilePacksAreRefusedCleanly) {
    json pack = example_pack();
    // Deeply nested: 40 levels of "!" inside a condition.
    json deep = json{{"var", "hoofdverblijf_gemeente"}};
    for (int i = 0; i < 40; ++i) deep = json{{"!", deep}};
    pack["criteria"][0]["condition"] = deep;
    EXPECT_EQ(refusal(json({{"policy_pack", pack}}).dump()).first, "");
    EXPECT_THROW((void)ivp::validate_policy_pack_text(pack.dump()), ivp::InputError);
    // Huge: over the 1 MiB input limit.
    pack = example_pack();
    pack["note"] = std::string(1'100'000, 'x');
    EXPECT_THROW((void)ivp::validate_policy_pack_text(pack.dump()), ivp::InputError);
    // Wrong types, everywhere the table does not already cover.
    for (const char* key : {"id", "criteria", "provisions", "zvw", "valid_from"}) {
        pack = example_pack();
        pack[key] = json::array({1, 2, 3});
        EXPECT_EQ(refusal(json({{"policy_pack", pack}}).dump()).first.rfind("/policy_pack/", 0), 0u) << key;
    }
    EXPECT_EQ(refusal(R"({"policy_pack":"wmo-2015"})").first, "/policy_pack");
    EXPECT_EQ(refusal(R"({"policy_pack":null})").first, "/policy_pack");
    // Many criteria with many facts each: the reachability check keeps to its budget.
    pack = example_pack();
    json wide = json::array();
    for (const auto& f : ivp::embedded_facts().facts)
        if (f.type == ivp::FactType::boolean) wide.push_back(json{{"var", f.id}});
    for (int i = 0; i < 300; ++i) {
        json c = pack["criteria"][0];
        c["id"] = "breed_" + std::to_string(i);
        c["condition"] = json{{"or", wide}};
        pack["criteria"].push_back(c);
    }
    const auto r = ivp::validate_policy_pack_text(pack.dump());
    EXPECT_EQ(r.at("untried").size(), 300u);
}
