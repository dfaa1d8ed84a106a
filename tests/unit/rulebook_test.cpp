// The catalogue and the data validated against it travel together
// (src/ivp/rulebook/rulebook.h): a catalogue the data files do not fit is refused when
// the rulebook is built, never used with data indexed for another catalogue.
#include <gtest/gtest.h>

#include <string>

#include "ivp/result/calculate.h"
#include "ivp/base/error.h"
#include "ivp/result/rulebook_json.h"
#include "ivp/rulebook/rulebook.h"
#include "test_util.h"

namespace {

// The result without the rulebook's name: a custom rulebook names its own
// (the digest of its files), whatever they hold.
std::string full_text(const ivp::Rulebook& rulebook) {
    auto result = ivp::calculate(ivp::default_scenario(rulebook.catalogue, ivp_test::fixed_today()), rulebook);
    EXPECT_EQ(result.at("rulebook"), rulebook.id);
    result.erase("rulebook");
    return result.dump();
}

std::string tables_text(const ivp::Rulebook& rulebook) {
    auto tables = ivp::rulebook_json(rulebook);
    tables.erase("rulebook");
    return tables.dump();
}

}  // namespace

TEST(Rulebook, TheEmbeddedFilesUnchangedGiveTheEmbeddedResult) {
    const ivp::CustomRulebook same([](std::string_view, nlohmann::json&) {});
    EXPECT_EQ(full_text(same.rulebook()), full_text(ivp::embedded_rulebook()));
    EXPECT_EQ(tables_text(same.rulebook()), tables_text(ivp::embedded_rulebook()));
    auto by_default = ivp::calculate_default(ivp_test::fixed_today());
    by_default.erase("rulebook");
    EXPECT_EQ(full_text(ivp::embedded_rulebook()), by_default.dump());
    // A custom rulebook never passes for the build's: its results cannot be
    // read with the build's tables (with_rulebook refuses them).
    EXPECT_NE(same.rulebook().id, ivp::embedded_rulebook().id);
}

TEST(Rulebook, AProvisionTheFinancingFileDoesNotKnowIsRefusedByName) {
    // One more Wmo provision in the catalogue: financing.json has no group for
    // it. Before the rulebook, calculate() indexed the financing groups with
    // it anyway (out of range).
    const auto add_provision = [](std::string_view path, nlohmann::json& data) {
        if (path != "als-ivp-catalogue.json") return;
        auto extra = data.at("provisions").at(0);
        extra["id"] = "nieuwe-voorziening";
        data["provisions"].push_back(extra);
    };
    try {
        const ivp::CustomRulebook rulebook(add_provision);
        FAIL() << "a catalogue the data files do not cover was accepted";
    } catch (const ivp::DataError& e) {
        EXPECT_NE(std::string(e.what()).find("nieuwe-voorziening"), std::string::npos) << e.what();
    }
}

TEST(Rulebook, EditedDataIsValidatedLikeTheEmbeddedData) {
    const auto break_financing = [](std::string_view path, nlohmann::json& data) {
        if (path == "financing.json") data["onbekende_sleutel"] = 1;
    };
    EXPECT_THROW(ivp::CustomRulebook{break_financing}, ivp::DataError);
}
