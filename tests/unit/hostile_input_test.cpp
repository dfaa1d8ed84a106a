// Hostile input, table-driven. The scenario table (tests/hostile/scenarios.json)
// is shared with the CLI and WASM runners (tests/node/hostile-input.test.mjs),
// so all three refuse the same inputs with the same place and message. The
// data tables (tests/hostile/catalogues.json, facts.json) break a valid
// catalogue or facts file one way each, as a JSON Patch (RFC 6902), and expect
// a DataError naming the file and the JSON path — never a crash, never a
// catalogue that loads half.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "ivp/result/calculate.h"
#include "ivp/model/catalogue.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/error.h"
#include "ivp/model/facts.h"
#include "ivp/base/json_input.h"
#include "test_util.h"

namespace fs = std::filesystem;

namespace {

const fs::path kHostileDir = fs::path(IVP_SOURCE_DIR) / "tests" / "hostile";

nlohmann::json load_table(const char* name) {
    std::ifstream in(kHostileDir / name, std::ios::binary);
    return nlohmann::json::parse(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The bytes of a table case: `text`, `raw` (\xNN = one byte) or `build`.
std::string input_of(const nlohmann::json& c) {
    if (c.contains("text")) return c["text"].get<std::string>();
    std::string out;
    if (c.contains("raw")) {
        const auto raw = c["raw"].get<std::string>();
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '\\' && i + 3 < raw.size() && raw[i + 1] == 'x' && hex_digit(raw[i + 2]) >= 0 &&
                hex_digit(raw[i + 3]) >= 0) {
                out += static_cast<char>(hex_digit(raw[i + 2]) * 16 + hex_digit(raw[i + 3]));
                i += 3;
            } else {
                out += raw[i];
            }
        }
        return out;
    }
    for (const auto& piece : c.at("build")) {
        const auto text = piece[0].get<std::string>();
        for (int n = piece[1].get<int>(); n > 0; --n) out += text;
    }
    if (c.contains("pad_to")) out.resize(c["pad_to"].get<std::size_t>(), ' ');
    return out;
}

struct Case {
    std::string name;
    nlohmann::json spec;
};

std::vector<Case> cases_of(const char* table) {
    std::vector<Case> out;
    const auto doc = load_table(table);  // kept alive: a range-for over a temporary's member dangles
    for (const auto& c : doc.at("cases")) out.push_back({c.at("name").get<std::string>(), c});
    return out;
}

// gtest prints a parameter as its bytes unless told otherwise.
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

std::string case_name(const testing::TestParamInfo<Case>& info) { return info.param.name; }

class HostileScenario : public testing::TestWithParam<Case> {};
class HostileCatalogue : public testing::TestWithParam<Case> {};
class HostileFacts : public testing::TestWithParam<Case> {};

}  // namespace

TEST_P(HostileScenario, IsRefusedWithDutchMessageNamingThePlaceOrAnswered) {
    const auto& c = GetParam().spec;
    const auto today = ivp_test::fixed_today();
    const std::string input = input_of(c);
    if (c.at("expect") == "ok") {
        nlohmann::json result;
        ASSERT_NO_THROW(result = ivp::calculate_text(input, today));
        EXPECT_TRUE(result.contains("budget"));
        return;
    }
    try {
        const auto result = ivp::calculate_text(input, today);
        FAIL() << "accepted; result begins " << result.dump().substr(0, 200);
    } catch (const ivp::InputError& e) {
        if (c.contains("where_prefix"))
            EXPECT_EQ(e.where().rfind(c["where_prefix"].get<std::string>(), 0), 0u) << e.where().substr(0, 80);
        else
            EXPECT_EQ(e.where(), c.at("where").get<std::string>());
        EXPECT_NE(std::string(e.what()).find(c.at("message").get<std::string>()), std::string::npos) << e.what();
        // A message the page can show: not too long, serializable as JSON.
        EXPECT_LE(std::string(e.what()).size(), 600u) << e.what();
        EXPECT_NO_THROW((void)nlohmann::json(e.what()).dump());
    }
}
INSTANTIATE_TEST_SUITE_P(Table, HostileScenario, testing::ValuesIn(cases_of("scenarios.json")), case_name);

// The data tables patch a valid base document and expect one DataError.
namespace {
void expect_data_error(const nlohmann::json& c, const nlohmann::json& base,
                       void (*load)(const nlohmann::json&)) {
    nlohmann::json doc = c.contains("replace_whole") ? c["replace_whole"] : base.patch(c.at("patch"));
    try {
        load(doc);
        ADD_FAILURE() << "accepted";
    } catch (const ivp::DataError& e) {
        const std::string what = e.what();
        // "hostile.json /provisions/0/amount_eur: …": file, place, message.
        EXPECT_EQ(what.rfind("hostile.json " + c.at("where").get<std::string>() + ": ", 0), 0u) << what;
        EXPECT_NE(what.find(c.at("message").get<std::string>()), std::string::npos) << what;
    }
}
}  // namespace

TEST_P(HostileCatalogue, IsRefusedNamingFileAndPlace) {
    const auto base = nlohmann::json::parse(ivp::embedded::catalogue_json());
    expect_data_error(GetParam().spec, base,
                      [](const nlohmann::json& d) { (void)ivp::parse_catalogue(d, "hostile.json"); });
}
INSTANTIATE_TEST_SUITE_P(Table, HostileCatalogue, testing::ValuesIn(cases_of("catalogues.json")), case_name);

TEST_P(HostileFacts, IsRefusedNamingFileAndPlace) {
    const auto base = load_table("facts.json").at("base");
    expect_data_error(GetParam().spec, base, [](const nlohmann::json& d) { (void)ivp::parse_facts(d, "hostile.json"); });
}
INSTANTIATE_TEST_SUITE_P(Table, HostileFacts, testing::ValuesIn(cases_of("facts.json")), case_name);

TEST(HostileData, TheBaseDocumentsOfTheTablesAreValid) {
    // Otherwise every refusal above could be for the wrong reason.
    EXPECT_NO_THROW((void)ivp::parse_catalogue(nlohmann::json::parse(ivp::embedded::catalogue_json()), "x"));
    EXPECT_NO_THROW((void)ivp::parse_facts(load_table("facts.json").at("base"), "x"));
}

// Every embedded data file (data/**/*.json, including policies added later)
// obeys the same reader as user input: no duplicate keys (which nlohmann/json
// would silently resolve to the last), within the size and depth limits.
TEST(HostileData, EveryEmbeddedDataFileIsStrictJson) {
    ASSERT_FALSE(ivp::embedded::data_files().empty());
    for (const auto& f : ivp::embedded::data_files()) {
        SCOPED_TRACE(std::string(f.path));
        try {
            (void)ivp::parse_user_json(f.content);
        } catch (const ivp::InputError& e) {
            ADD_FAILURE() << "data/" << f.path << " " << e.where() << ": " << e.what();
        }
    }
}

// Exactly at and one over the limits of docs/limits.md, on the reader itself.
TEST(Limits, InputOfExactlyOneMebibyteIsReadAndOneByteMoreIsNot) {
    std::string text = "{}";
    text.resize(ivp::kMaxInputBytes, ' ');
    EXPECT_NO_THROW((void)ivp::parse_user_json(text));
    text += ' ';
    EXPECT_THROW((void)ivp::parse_user_json(text), ivp::InputError);
}

TEST(Limits, NestingOfExactly32IsReadAnd33IsNot) {
    const auto nest = [](int n) { return std::string(n, '[') + std::string(n, ']'); };
    EXPECT_NO_THROW((void)ivp::parse_user_json(nest(ivp::kMaxNestingDepth)));
    EXPECT_THROW((void)ivp::parse_user_json(nest(ivp::kMaxNestingDepth + 1)), ivp::InputError);
    const auto objects = [](int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s += "{\"a\":";
        s += "1";
        return s + std::string(n, '}');
    };
    EXPECT_NO_THROW((void)ivp::parse_user_json(objects(ivp::kMaxNestingDepth)));
    EXPECT_THROW((void)ivp::parse_user_json(objects(ivp::kMaxNestingDepth + 1)), ivp::InputError);
}

TEST(Limits, ByteOrderMarkIsSkippedSoTheResultIsTheSame) {
    const std::string scenario = R"({"provisions":["traplift"],"melding":"2026-05-05"})";
    EXPECT_EQ(ivp::calculate_text("\xEF\xBB\xBF" + scenario, ivp_test::fixed_today()),
              ivp::calculate_text(scenario, ivp_test::fixed_today()));
}
