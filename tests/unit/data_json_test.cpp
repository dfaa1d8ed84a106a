// parse_data_json and parse_strict_json (src/ivp/base/data_reader.h), the
// core's one JSON reader, against nlohmann::json::parse as the reference: the
// same value with the same number types for every embedded data file and for
// the corners of the grammar; for every text nlohmann refuses, the same kind
// of fault at the same byte (the line and character of the messages), and
// for user input the same key named twice and the same depth refused as
// nlohmann's parser with a watcher (how parse_user_json read it until
// 2026-12-03).
#include <gtest/gtest.h>

#include <cmath>
#include <iterator>
#include <fstream>
#include <filesystem>
#include <vector>
#include <stdexcept>
#include <set>
#include <optional>

#include <string>
#include <string_view>

#include "ivp/base/data_reader.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/json_input.h"
#include "ivp/base/text.h"
#include "nlohmann_reference.h"

namespace {

using nlohmann::json;

// Equal values and equal types all the way down (json's == takes 1 and 1u
// and 1.0 as equal; a data file's number is copied into the output as its type
// writes it).
void expect_same(const json& a, const json& b, const std::string& where) {
    ASSERT_EQ(a.type(), b.type()) << where;
    if (a.is_object()) {
        ASSERT_EQ(a.size(), b.size()) << where;
        auto i = a.begin();
        auto j = b.begin();
        for (; i != a.end(); ++i, ++j) {
            ASSERT_EQ(i.key(), j.key()) << where;
            expect_same(i.value(), j.value(), where + "/" + i.key());
        }
    } else if (a.is_array()) {
        ASSERT_EQ(a.size(), b.size()) << where;
        for (std::size_t k = 0; k < a.size(); ++k) expect_same(a[k], b[k], where + "/" + std::to_string(k));
    } else if (a.is_number_float()) {
        // bit for bit (also -0.0)
        EXPECT_EQ(a.dump(), b.dump()) << where;
        EXPECT_EQ(std::signbit(a.get<double>()), std::signbit(b.get<double>())) << where;
    } else {
        EXPECT_EQ(a, b) << where;
    }
}

using Kind = ivp::JsonReadFailure::Kind;
using ivp_test::nlohmann_failure;

// The place is compared where a message shows it (too_large_number, too_deep
// and duplicate_key have none).
void expect_same_failure(const ivp::JsonReadFailure& ours, const ivp::JsonReadFailure& theirs, std::string_view text) {
    ASSERT_EQ(static_cast<int>(ours.kind), static_cast<int>(theirs.kind)) << text;
    if (ours.kind == Kind::syntax || ours.kind == Kind::bad_utf8 || ours.kind == Kind::control_character) {
        EXPECT_EQ(ours.at, theirs.at) << text;
    }
    EXPECT_EQ(ours.pointer, theirs.pointer) << text;
}

void expect_as_nlohmann(std::string_view text) {
    const auto theirs = nlohmann_failure(text, /*strict=*/false);
    try {
        const json got = ivp::parse_data_json(text);
        ASSERT_FALSE(theirs) << "nlohmann refuses: " << text;
        expect_same(got, json::parse(text), std::string(text));
    } catch (const ivp::JsonTextError& e) {
        ASSERT_TRUE(theirs) << "nlohmann takes: " << text;
        expect_same_failure(e.failure(), *theirs, text);
    }
}

// The one difference on purpose: nlohmann's lexer takes a NUL byte as the
// end of the text and keeps what came before; the reader refuses the text
// (parse_user_json refuses it before reading, with a message of its own).
TEST(DataJson, ANulByteIsRefusedWhereNlohmannStopsReading) {
    const std::string text("[1]\0[2]", 7);
    EXPECT_EQ(json::parse(text.begin(), text.end()), json::parse("[1]"));
    try {
        (void)ivp::parse_data_json(text);
        ADD_FAILURE() << "taken";
    } catch (const ivp::JsonTextError& e) {
        EXPECT_EQ(e.failure().at, 3u);
    }
}

TEST(DataJson, EveryEmbeddedFileAsNlohmannParsesIt) {
    int files = 0;
    for (const auto& file : ivp::embedded::data_files()) {
        if (file.path.size() < 5 || file.path.substr(file.path.size() - 5) != ".json") continue;
        const auto expected = json::parse(file.content);
        const auto got = ivp::parse_data_json(file.content);
        expect_same(got, expected, std::string(file.path));
        EXPECT_EQ(got.dump(), expected.dump()) << file.path;
        ++files;
    }
    EXPECT_GT(files, 10);
}

TEST(DataJson, GrammarCornersAsNlohmann) {
    for (const char* text : {
             "{}", "[]", " \t\r\n{ \"a\" : [ 1 , 2 ] } \n", "\xEF\xBB\xBF{\"bom\":true}", "null", "true", "false",
             "\"\"", "0", "-0", "-0.0", "0.5", "1e3", "1E+3", "-2.5e-3", "123456789012345678", "-123456789012345678",
             "1234567890123456789", "-1234567890123456789", "18446744073709551615", "18446744073709551616",
             "-9223372036854775808", "-9223372036854775809", "99999999999999999999999", "1.7976931348623157e308",
             "{\"a\":1,\"a\":2}", "{\"b\":1,\"a\":{\"c\":[{},[]]}}",
             "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", "\"\\u0041\\u00e9\\u20ac\\ud83d\\ude00\\u0000x\"",
             "\"é € 😀 ĳ\"", "[1,\"two\",3.0,null,true,{\"k\":\"v\"}]",
             // refused: nlohmann's message
             "", " ", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "01", "-", "1.", ".5", "1e", "+1", "1e999",
             "-1e999", "tru", "nul", "[1 2]", "{} {}", "\"abc", "\"a\nb\"", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"",
             "\"\\ud800\\u0041\"", "\"\\udc00\"", "\"\xC0\xAF\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"",
             "\"\xE2\x82\"", "\"\x80\"", "[\"ok\"] x", "\xEF\xBB"}) {
        expect_as_nlohmann(text);
    }
}

// utf8_sequence_length, the one UTF-8 rule of the data reader and the result's
// writer, against nlohmann's parser for every lead byte from 0x80, every second
// byte and the boundary values of the third and fourth: where it says n, the
// string of those n bytes is accepted and of n - 1 refused; where it says 0,
// no string that starts with those bytes is accepted.
TEST(DataJson, Utf8SequencesAsNlohmann) {
    const auto accepts = [](const std::string& bytes, std::size_t n) {
        return json::accept("\"" + bytes.substr(0, n) + "\"");
    };
    const unsigned char tails[] = {0x7F, 0x80, 0xBF, 0xC0};  // beside and at the ends of 80..BF
    int checked = 0;
    for (int b0 = 0x80; b0 <= 0xFF; ++b0) {
        for (int b1 = 0; b1 <= 0xFF; ++b1) {
            for (unsigned char b2 : tails) {
                for (unsigned char b3 : tails) {
                    const std::string bytes{static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2),
                                            static_cast<char>(b3)};
                    const std::size_t n = ivp::utf8_sequence_length(bytes, 0);
                    ++checked;
                    if (n == 0) {
                        for (std::size_t k = 1; k <= 4; ++k) ASSERT_FALSE(accepts(bytes, k)) << b0 << " " << b1 << " k=" << k;
                        continue;
                    }
                    ASSERT_TRUE(accepts(bytes, n)) << b0 << " " << b1 << " n=" << n;
                    ASSERT_FALSE(accepts(bytes, n - 1)) << b0 << " " << b1 << " n=" << n;
                    // A sequence cut short by the end of the text is not one.
                    ASSERT_EQ(ivp::utf8_sequence_length(bytes.substr(0, n - 1), 0), 0u) << b0 << " " << b1;
                }
            }
        }
    }
    EXPECT_EQ(checked, 128 * 256 * 4 * 4);
}

// parse_strict_json, parse_user_json's reader: it takes a text when
// nlohmann takes it and nothing in it is refused (a key twice, too deep), and
// then gives nlohmann's value; else the fault nlohmann with the watcher finds.
void expect_strict_as_nlohmann(std::string_view text) {
    const auto theirs = nlohmann_failure(text, /*strict=*/true);
    json got;
    ivp::JsonReadFailure failure;
    const bool ours = ivp::parse_strict_json(text, ivp::kMaxNestingDepth, got, failure);
    ASSERT_EQ(ours, !theirs) << text;
    if (ours) expect_same(got, json::parse(text), std::string(text));
    else expect_same_failure(failure, *theirs, text);
}

TEST(DataJson, StrictTakesWhatNlohmannTakesWithTheSameValue) {
    for (const auto& file : ivp::embedded::data_files()) {
        if (file.path.size() < 5 || file.path.substr(file.path.size() - 5) != ".json") continue;
        json got;
        ivp::JsonReadFailure failure;
        EXPECT_TRUE(ivp::parse_strict_json(file.content, ivp::kMaxNestingDepth, got, failure)) << file.path;
        expect_same(got, json::parse(file.content), std::string(file.path));
    }
    for (const char* text : {
             "{}", "[]", " \t\r\n{ \"a\" : [ 1 , 2 ] } \n", "\xEF\xBB\xBF{\"bom\":true}", "null", "0", "-0.0",
             "18446744073709551616", "-9223372036854775809", "1.7976931348623157e308", "{\"b\":1,\"a\":{\"c\":[{},[]]}}",
             "\"\\u0041\\u00e9\\ud83d\\ude00\\u0000x\"", "\"é € 😀\"",
             "{\"schema\":1,\"melding\":\"2026-12-01\",\"provisions\":[\"traplift\"],\"overrides\":{}}",
             "", "{", "[1,]", "01", "1e999", "\"\\ud800\"", "\"\xC0\xAF\"", "[\"ok\"] x"}) {
        expect_strict_as_nlohmann(text);
    }
}

bool strict_takes(std::string_view text) {
    json got;
    ivp::JsonReadFailure failure;
    return ivp::parse_strict_json(text, ivp::kMaxNestingDepth, got, failure);
}

TEST(DataJson, StrictRefusesAKeyTwiceAtAnyDepth) {
    EXPECT_FALSE(strict_takes(R"({"a":1,"a":1})"));
    EXPECT_FALSE(strict_takes(R"({"x":[{"b":{"a":1,"c":2,"a":3}}]})"));
    EXPECT_TRUE(strict_takes(R"({"a":{"a":1},"b":[{"a":2},{"a":3}]})"));
    // The path to the second key, as the watcher named it; found before the
    // text goes wrong after it.
    for (const char* text : {R"({"a":1,"a":1})", R"({"x":[{"b":{"a":1,"c":2,"a":3}}]})",
                             R"([0,{"p/q~":{"k":1,"k"]}])", R"({"a":1,"a" 2})", R"({"a":[1,2,{"z":0,"z":)"})
        expect_strict_as_nlohmann(text);
}

TEST(DataJson, StrictRefusesNestingAsParseUserJsonCountsIt) {
    // The outermost container is at depth 0: kMaxNestingDepth containers
    // are taken, one more is not (parse_user_json's limit, docs/limits.md).
    const auto arrays = [](int n) { return std::string(static_cast<std::size_t>(n), '[') + std::string(static_cast<std::size_t>(n), ']'); };
    const auto objects = [](int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s += "{\"k\":";
        s += "1";
        for (int i = 0; i < n; ++i) s += "}";
        return s;
    };
    EXPECT_TRUE(strict_takes(arrays(ivp::kMaxNestingDepth)));
    EXPECT_FALSE(strict_takes(arrays(ivp::kMaxNestingDepth + 1)));
    EXPECT_TRUE(strict_takes(objects(ivp::kMaxNestingDepth)));
    EXPECT_FALSE(strict_takes(objects(ivp::kMaxNestingDepth + 1)));
    EXPECT_FALSE(strict_takes(std::string(100000, '[')));
    expect_strict_as_nlohmann(arrays(ivp::kMaxNestingDepth + 1));
    expect_strict_as_nlohmann(objects(ivp::kMaxNestingDepth + 1));
}

// Every text one edit away from a real one, read by both: each byte deleted,
// the text cut there, and one of the bytes that break JSON most put before
// it. Each refusal must be the same kind at the same place.
TEST(DataJson, OneEditAwayTheSameFaultAtTheSamePlaceAsNlohmann) {
    const std::string texts[] = {
        R"({"schema":1,"melding":"2026-12-01","provisions":["traplift","rolstoel"],"overrides":{"traplift":{"amount":6500.5}},"profile":{"leeftijd":67,"woont_alleen":true,"naam":"Ĳsbrand \"é\" \u20ac \ud83d\ude00","x":null,"y":[-0.0,1e3,false]}})",
        "\xEF\xBB\xBF[\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\", {\"k\": [1, 2.5E-3, -7]}, true ]",
    };
    const char inserts[] = {'"', '\\', '{', '}', '[', ']', ':', ',', '-', '0', 'e', '.', 'u', '\n', '\x01', '\x80', '\xC3', '\xED', '\xF4'};
    int refused = 0;
    int texts_read = 0;
    for (const auto& text : texts) {
        for (std::size_t i = 0; i <= text.size(); ++i) {
            std::vector<std::string> edits{text.substr(0, i)};
            if (i < text.size()) edits.push_back(text.substr(0, i) + text.substr(i + 1));
            for (char c : inserts) edits.push_back(text.substr(0, i) + c + text.substr(i));
            for (const auto& edited : edits) {
                if (edited.find_first_not_of(" \t\r\n") == std::string::npos) continue;  // refused before reading
                expect_as_nlohmann(edited);
                expect_strict_as_nlohmann(edited);
                ++texts_read;
                if (nlohmann_failure(edited, true)) ++refused;
            }
        }
    }
    EXPECT_GT(texts_read, 5000);
    EXPECT_GT(refused, texts_read / 2);
}

// Every seed and every finding of the reader's fuzz target
// (tests/fuzz/{corpus,regressions}/json_reader), as the target checks it.
TEST(DataJson, EveryJsonReaderFuzzInputAsNlohmann) {
    namespace fs = std::filesystem;
    int files = 0;
    for (const char* kind : {"corpus", "regressions"}) {
        const auto dir = fs::path(IVP_SOURCE_DIR) / "tests" / "fuzz" / kind / "json_reader";
        if (!fs::is_directory(dir)) continue;
        for (const auto& entry : fs::directory_iterator(dir)) {
            std::ifstream in(entry.path(), std::ios::binary);
            const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
            ++files;
            if (text.find('\0') != std::string::npos) {
                EXPECT_FALSE(strict_takes(text)) << entry.path();
                continue;
            }
            expect_as_nlohmann(text);
            expect_strict_as_nlohmann(text);
        }
    }
    EXPECT_GE(files, 10);
}

}  // namespace
