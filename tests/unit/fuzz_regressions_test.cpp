// Every input the fuzzers ever found (tests/fuzz/regressions/<target>/*) and
// every seed (tests/fuzz/corpus/<target>/*), run through the same entry as
// its fuzz target, in the ordinary (and the sanitize) build: refused with an
// InputError/DataError or accepted — never another exception, never a crash.
// A new finding becomes a test by copying the file there; no code to write.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "ivp/result/calculate.h"
#include "ivp/model/catalogue.h"
#include "ivp/base/error.h"
#include "ivp/model/facts.h"
#include "ivp/base/json_input.h"
#include "ivp/eligibility/jsonlogic.h"
#include "ivp/eligibility/policy_pack.h"
#include "test_util.h"


namespace fs = std::filesystem;

namespace {

const fs::path kFuzzDir = fs::path(IVP_SOURCE_DIR) / "tests" / "fuzz";

std::vector<fs::path> inputs_of(const std::string& target) {
    std::vector<fs::path> out;
    for (const char* kind : {"regressions", "corpus"}) {
        const auto dir = kFuzzDir / kind / target;
        if (!fs::is_directory(dir)) continue;
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.is_regular_file() && entry.path().filename() != "README.md") out.push_back(entry.path());
    }
    return out;
}

std::string bytes_of(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST(FuzzRegressions, CalculateTextRefusesOrAnswersEveryFinding) {
    const auto files = inputs_of("calculate");
    ASSERT_FALSE(files.empty()) << "no seeds in " << kFuzzDir;
    for (const auto& file : files) {
        SCOPED_TRACE(file.string());
        try {
            const auto result = ivp::calculate_text(bytes_of(file), ivp_test::fixed_today());
            EXPECT_NO_THROW((void)result.dump());
            EXPECT_LE(result["budget"]["total"]["min"].get<long>(), result["budget"]["total"]["max"].get<long>());
        } catch (const ivp::InputError& e) {
            EXPECT_NO_THROW((void)nlohmann::json::json_pointer(e.where())) << e.where();
            EXPECT_FALSE(std::string(e.what()).empty());
        }
    }
}

TEST(FuzzRegressions, DataLoadersRefuseOrAcceptEveryFinding) {
    const auto files = inputs_of("catalogue");
    ASSERT_FALSE(files.empty());
    for (const auto& file : files) {
        SCOPED_TRACE(file.string());
        nlohmann::json json;
        try {
            json = ivp::parse_user_json(bytes_of(file));
        } catch (const ivp::InputError&) {
            continue;
        }
        try {
            (void)ivp::parse_catalogue(json, file.filename().string());
            const ivp::CustomRulebook rulebook([&](std::string_view path, nlohmann::json& data) {
                if (path == "als-ivp-catalogue.json") data = json;
            });
            (void)ivp::calculate(ivp::default_scenario(rulebook.rulebook().catalogue, ivp_test::fixed_today()),
                                 rulebook.rulebook())
                .dump();
        } catch (const ivp::DataError&) {
        }
        try {
            (void)ivp::parse_facts(json, file.filename().string());
        } catch (const ivp::DataError&) {
        }
    }
}

TEST(FuzzRegressions, JsonLogicRefusesOrAnswersEveryFinding) {
    const auto files = inputs_of("jsonlogic");
    ASSERT_FALSE(files.empty()) << "no seeds in " << kFuzzDir;
    for (const auto& file : files) {
        SCOPED_TRACE(file.string());
        nlohmann::json input;
        try {
            input = ivp::parse_user_json(bytes_of(file));
        } catch (const ivp::InputError&) {
            continue;
        }
        const bool pair = input.is_array() && input.size() == 2;
        try {
            (void)ivp::jsonlogic::canonical(
                ivp::jsonlogic::apply(pair ? input[0] : input, pair ? input[1] : nlohmann::json::object()))
                .dump();
        } catch (const ivp::jsonlogic::Error&) {
        } catch (const ivp::InputError&) {
        } catch (const ivp::DataError&) {
        }
    }
}

// The policy pack loader (fuzz_policy_pack): a pack is refused with an
// InputError that points into the file, or it validates and then computes
// inside a scenario. The seeds hold a valid pack, a broken one and the
// embedded Wmo 2015 pack.
TEST(FuzzRegressions, PolicyPackRefusesOrValidatesEveryFinding) {
    const auto files = inputs_of("policy_pack");
    ASSERT_FALSE(files.empty()) << "no seeds in " << kFuzzDir;
    std::size_t validated = 0;
    for (const auto& file : files) {
        SCOPED_TRACE(file.string());
        const auto text = bytes_of(file);
        try {
            const auto report = ivp::validate_policy_pack_text(text);
            EXPECT_EQ(report.value("ok", false), true);
            ++validated;
            const auto scenario = nlohmann::json{{"schema", 1}, {"policy_pack", ivp::parse_user_json(text)}}.dump();
            EXPECT_NO_THROW((void)ivp::calculate_text(scenario, ivp_test::fixed_today()).dump());
        } catch (const ivp::InputError& e) {
            EXPECT_NO_THROW((void)nlohmann::json::json_pointer(e.where())) << e.where();
            EXPECT_FALSE(std::string(e.what()).empty());
        }
    }
    EXPECT_GE(validated, 1u) << "the valid seed pack must validate";
}
