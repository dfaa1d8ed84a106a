// parse_data_json (src/ivp/base/data_reader.h) against nlohmann::json::parse:
// the same value with the same number types for every embedded data file and
// for the corners of the grammar, and nlohmann's own error for every text it
// refuses.
#include <gtest/gtest.h>

#include <cmath>

#include <string>
#include <string_view>

#include "ivp/base/data_reader.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/json_input.h"
#include "ivp/base/text.h"

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

void expect_as_nlohmann(std::string_view text) {
    std::string theirs;
    json expected;
    try {
        expected = json::parse(text);
    } catch (const json::exception& e) {
        theirs = e.what();
    }
    std::string ours;
    json got;
    try {
        got = ivp::parse_data_json(text);
    } catch (const json::exception& e) {
        ours = e.what();
    }
    EXPECT_EQ(ours, theirs) << text;
    if (theirs.empty() && ours.empty()) expect_same(got, expected, std::string(text));
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

// parse_strict_json, parse_user_json's first try: it takes a text only when
// nlohmann takes it and nothing in it is refused (a key twice, too deep), and
// then gives nlohmann's value; every other text is left to the long way.
void expect_strict_as_nlohmann(std::string_view text) {
    json expected;
    bool theirs = true;
    try {
        expected = json::parse(text);
    } catch (const json::exception&) {
        theirs = false;
    }
    json got;
    const bool ours = ivp::parse_strict_json(text, ivp::kMaxNestingDepth, got);
    EXPECT_TRUE(!ours || theirs) << text;
    if (ours) expect_same(got, expected, std::string(text));
}

TEST(DataJson, StrictTakesWhatNlohmannTakesWithTheSameValue) {
    for (const auto& file : ivp::embedded::data_files()) {
        if (file.path.size() < 5 || file.path.substr(file.path.size() - 5) != ".json") continue;
        json got;
        EXPECT_TRUE(ivp::parse_strict_json(file.content, ivp::kMaxNestingDepth, got)) << file.path;
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

TEST(DataJson, StrictRefusesAKeyTwiceAtAnyDepth) {
    json got;
    EXPECT_FALSE(ivp::parse_strict_json(R"({"a":1,"a":1})", ivp::kMaxNestingDepth, got));
    EXPECT_FALSE(ivp::parse_strict_json(R"({"x":[{"b":{"a":1,"c":2,"a":3}}]})", ivp::kMaxNestingDepth, got));
    EXPECT_TRUE(ivp::parse_strict_json(R"({"a":{"a":1},"b":[{"a":2},{"a":3}]})", ivp::kMaxNestingDepth, got));
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
    json got;
    EXPECT_TRUE(ivp::parse_strict_json(arrays(ivp::kMaxNestingDepth), ivp::kMaxNestingDepth, got));
    EXPECT_FALSE(ivp::parse_strict_json(arrays(ivp::kMaxNestingDepth + 1), ivp::kMaxNestingDepth, got));
    EXPECT_TRUE(ivp::parse_strict_json(objects(ivp::kMaxNestingDepth), ivp::kMaxNestingDepth, got));
    EXPECT_FALSE(ivp::parse_strict_json(objects(ivp::kMaxNestingDepth + 1), ivp::kMaxNestingDepth, got));
    EXPECT_FALSE(ivp::parse_strict_json(std::string(100000, '['), ivp::kMaxNestingDepth, got));
}

}  // namespace
