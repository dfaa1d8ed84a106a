// The builder must give exactly the object an initializer list gives: the
// result writers switch from one to the other with byte-identical output.
#include "ivp/base/json_object.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

namespace ivp {
namespace {

using nlohmann::json;

TEST(JsonObject, SameTextAsTheInitializerListForEveryValueType) {
    const std::string text = "tekst";
    const std::size_t count = 3;
    const std::int64_t minus = -4;
    json nested = json::array({1, 2});
    const json expected = {{"s", text},      {"c", "literal"}, {"b", true},       {"i", 7},
                           {"u", count},     {"l", minus},     {"d", 1.0},        {"half", 2.5},
                           {"n", nullptr},   {"a", nested},    {"o", {{"k", 1}}}, {"empty", json::object()}};
    const json built = JsonObject()
                           .add("s", text)
                           .add("c", "literal")
                           .add("b", true)
                           .add("i", 7)
                           .add("u", count)
                           .add("l", minus)
                           .add("d", 1.0)
                           .add("half", 2.5)
                           .add("n", nullptr)
                           .add("a", nested)
                           .add("o", JsonObject().add("k", 1))
                           .add("empty", json::object());
    EXPECT_EQ(built.dump(), expected.dump());
    EXPECT_EQ(built.dump(2), expected.dump(2));
    // The JSON number types stay apart: 1.0 prints as 1.0, an integer as 1.
    EXPECT_TRUE(built.at("d").is_number_float());
    EXPECT_TRUE(built.at("i").is_number_integer());
    EXPECT_TRUE(built.at("u").is_number_unsigned());
}

TEST(JsonObject, KeepsTheFirstOfTwoEqualKeysAsTheInitializerListDoes) {
    const json expected = {{"k", 1}, {"k", 2}};
    const json built = JsonObject().add("k", 1).add("k", 2);
    EXPECT_EQ(built, expected);
    EXPECT_EQ(built.at("k"), 1);
}

TEST(JsonObject, AnEmptyBuilderIsAnEmptyObjectNotNull) {
    EXPECT_EQ(json(JsonObject()).dump(), "{}");
    JsonObject b;
    b.add("x", 1);
    EXPECT_EQ(b.take().dump(), "{\"x\":1}");
    EXPECT_EQ(b.take().dump(), "{}");
    // Taken, then used again: only the new keys (the builder holds a null
    // between take() and its next key, not an allocated empty map).
    b.add("y", 2);
    EXPECT_EQ(b.take().dump(), "{\"y\":2}");
    EXPECT_EQ(json(JsonObject().add("e", JsonObject())).dump(), "{\"e\":{}}");
}

// json_text must give dump()'s bytes for every value the writers make.
TEST(JsonText, SameBytesAsDumpForEveryValueType) {
    const json values[] = {
        nullptr, true, false, 0, -1, 7, std::numeric_limits<std::int64_t>::min(),
        std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::uint64_t>::max(), std::size_t{42},
        1.0, 2.5, -0.0, 1e300, 0.1, std::numeric_limits<double>::quiet_NaN(), json::object(), json::array(),
        json::array({1, "a", nullptr, json::object(), json::array()}),
        json{{"b", 1}, {"a", json{{"z", "y"}, {"x", json::array({true, false})}}}, {"", ""}},
        "", "plain", "quote \" backslash \\ slash /", "\b\f\n\r\t", std::string("nul \0 here", 10),
        "\x01\x1f\x7f", "café ë €uro 𝄞 ", "\xe2\x82\xac\xf0\x9f\x98\x80\xc3\xa9", "a\"\\\n"};
    for (const auto& v : values) {
        EXPECT_EQ(json_text(v), v.dump()) << v.dump();
        const json wrapped = {{"k\n\"é", v}, {"list", json::array({v, v})}};
        EXPECT_EQ(json_text(wrapped), wrapped.dump());
    }
    // Every single byte and every two-byte string as a key and a value.
    for (int a = 0; a < 256; ++a)
        for (int b = 0; b < 256; b += a < 0x80 ? 255 : 1) {
            const std::string s{static_cast<char>(a), static_cast<char>(b)};
            for (const json& v : {json(s), json{{s, s}}}) {
                std::string expected, got;
                try { expected = v.dump(); } catch (const json::type_error& e) { expected = std::string("E:") + e.what(); }
                try { got = json_text(v); } catch (const json::type_error& e) { got = std::string("E:") + e.what(); }
                EXPECT_EQ(got, expected) << a << " " << b;
            }
        }
    // The second byte of every three- and four-byte lead, followed by continuations.
    for (int a = 0xE0; a <= 0xF7; ++a)
        for (int b = 0x70; b <= 0xC2; ++b) {
            const json v = std::string{static_cast<char>(a), static_cast<char>(b), '\x80', '\x80', 'x'};
            std::string expected, got;
            try { expected = v.dump(); } catch (const json::type_error& e) { expected = std::string("E:") + e.what(); }
            try { got = json_text(v); } catch (const json::type_error& e) { got = std::string("E:") + e.what(); }
            EXPECT_EQ(got, expected) << a << " " << b;
        }
}

TEST(JsonText, AppendsAfterWhatIsThereAndGrowsPastItsFirstBuffer) {
    json big = json::array();
    for (int i = 0; i < 2000; ++i) big.push_back(json{{"i", i}, {"tekst", std::string(static_cast<std::size_t>(i % 40), 'x') + "\"\n"}});
    std::string out = "voor:";
    append_json_text(out, big);
    EXPECT_EQ(out, "voor:" + big.dump());
    EXPECT_GT(out.size(), 40000u);
}

TEST(JsonText, InvalidUtf8ThrowsAsDumpDoes) {
    for (const std::string s : {"\xc3", "ab\xc3(", "\xe0\x80\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf0\x9f\x98",
                                "\xc0\xaf", "ok\xff"}) {
        std::string expected, got;
        try { (void)json(s).dump(); } catch (const json::type_error& e) { expected = e.what(); }
        try { (void)json_text(json::array({"x", s})); } catch (const json::type_error& e) { got = e.what(); }
        EXPECT_FALSE(expected.empty());
        EXPECT_EQ(got, expected);
    }
}

}  // namespace
}  // namespace ivp
