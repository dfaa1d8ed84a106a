// The builder must give exactly the object an initializer list gives: the
// result writers switch from one to the other with byte-identical output.
#include "ivp/base/json_object.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
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
}

}  // namespace
}  // namespace ivp
