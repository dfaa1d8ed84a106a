// The JsonLogic evaluator: core operators with JavaScript's semantics (as
// json-logic-js 2.0.5 has them), the shared JsonLogic test suite when
// ../shared/reference is present, and the Kleene extension for unknown facts.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "ivp/eligibility/jsonlogic.h"

using nlohmann::json;
namespace jl = ivp::jsonlogic;

namespace {

json eval(const char* rule, const char* data = "null") {
    return jl::canonical(jl::apply(json::parse(rule), json::parse(data)));
}

jl::Truth truth(const char* rule, const char* data, std::set<std::string> unknown) {
    return jl::evaluate(json::parse(rule), json::parse(data), unknown);
}

}  // namespace

TEST(JsonLogic, ComparisonFollowsJavaScriptCoercion) {
    EXPECT_EQ(eval(R"({"==":[1,"1"]})"), true);
    EXPECT_EQ(eval(R"({"===":[1,"1"]})"), false);
    EXPECT_EQ(eval(R"({"==":[0,false]})"), true);
    EXPECT_EQ(eval(R"({"==":[null,0]})"), false);  // null only equals null/undefined
    EXPECT_EQ(eval(R"({"==":[[],""]})"), true);    // [] -> "" (ToPrimitive)
    EXPECT_EQ(eval(R"({"==":[[1],[1]]})"), false);  // two arrays are two objects
    EXPECT_EQ(eval(R"({"==":[{"var":"a"},{"var":"a"}]})", R"({"a":[1]})"), true);  // the same object
    EXPECT_EQ(eval(R"({"<":["10","9"]})"), true);  // two strings compare as text
    EXPECT_EQ(eval(R"({"<":["10",9]})"), false);   // a number makes it numeric
    EXPECT_EQ(eval(R"({"<":[1,2,3]})"), true);
    EXPECT_EQ(eval(R"({"<=":[1,1,0]})"), false);
    EXPECT_EQ(eval(R"({">":["a",1]})"), false);  // NaN compares false
}

TEST(JsonLogic, TruthinessEmptyArrayAndStringAreFalse) {
    EXPECT_EQ(eval(R"({"!!":[[]]})"), false);
    EXPECT_EQ(eval(R"({"!!":["0"]})"), true);
    EXPECT_EQ(eval(R"({"!":[0]})"), true);
    EXPECT_EQ(eval(R"({"and":[1,"",3]})"), "");
    EXPECT_EQ(eval(R"({"or":[0,[],"x"]})"), "x");
    EXPECT_EQ(eval(R"({"and":[]})"), json({{"$js", "undefined"}}));
}

TEST(JsonLogic, ArithmeticUsesParseFloatForPlusAndTimes) {
    EXPECT_EQ(eval(R"({"+":["1",2.5,"3e2x"]})"), 303.5);
    EXPECT_EQ(eval(R"({"+":[]})"), 0);
    EXPECT_EQ(eval(R"({"*":["2"]})"), "2");  // a single operand passes through unchanged
    EXPECT_EQ(eval(R"({"-":["5"]})"), -5);
    EXPECT_EQ(eval(R"({"/":[1,0]})"), json({{"$js", "Infinity"}}));
    EXPECT_EQ(eval(R"({"%":[-7,3]})"), -1);
    EXPECT_EQ(eval(R"({"+":["a"]})"), json({{"$js", "NaN"}}));
    EXPECT_EQ(eval(R"({"min":[]})"), json({{"$js", "Infinity"}}));
    EXPECT_EQ(eval(R"({"max":[1,"3",true]})"), 3);
    EXPECT_THROW(eval(R"({"*":[]})"), jl::Error);
    EXPECT_THROW(eval(R"({"nope":[1]})"), jl::Error);
}

TEST(JsonLogic, StringsCatSubstrInAndNumberFormatting) {
    EXPECT_EQ(eval(R"({"cat":["a",null,1.5,[1,[2,3]],true]})"), "a1.51,2,3true");
    EXPECT_EQ(eval(R"({"cat":[1e21,1e-7,0.000001,123456789012345680000]})"), "1e+211e-70.000001123456789012345680000");
    EXPECT_EQ(eval(R"({"substr":["jsonlogic",-5]})"), "logic");
    EXPECT_EQ(eval(R"({"substr":["jsonlogic",1,-2]})"), "sonlog");
    EXPECT_EQ(eval(R"({"substr":["😀ab",1]})"), "\xEF\xBF\xBD" "ab");  // UTF-16 units: half a pair
    EXPECT_EQ(eval(R"({"in":["Spring","Springfield"]})"), true);
    EXPECT_EQ(eval(R"({"in":[1,"a1"]})"), true);
    EXPECT_EQ(eval(R"({"in":["1",[1]]})"), false);  // arrays use ===
    EXPECT_EQ(eval(R"({"merge":[1,[2,[3]]]})"), json::parse("[1,2,[3]]"));
}

TEST(JsonLogic, VarMissingAndIteration) {
    EXPECT_EQ(eval(R"({"var":"a.b.1"})", R"({"a":{"b":[5,6]}})"), 6);
    EXPECT_EQ(eval(R"({"var":["x","d"]})", R"({"x":null})"), nullptr);  // null is found, not missing
    EXPECT_EQ(eval(R"({"var":["y","d"]})", R"({"x":null})"), "d");
    EXPECT_EQ(eval(R"({"var":"s.length"})", R"({"s":"abc"})"), 3);
    EXPECT_EQ(eval(R"({"missing":["a","b","c"]})", R"({"a":1,"b":""})"), json::parse(R"(["b","c"])"));
    EXPECT_EQ(eval(R"({"missing_some":[1,["a","b"]]})", R"({"b":2})"), json::array());
    EXPECT_EQ(eval(R"({"map":[{"var":"l"},{"*":[{"var":""},2]}]})", R"({"l":[1,2]})"), json::parse("[2,4]"));
    EXPECT_EQ(eval(R"({"reduce":[{"var":"l"},{"+":[{"var":"current"},{"var":"accumulator"}]},10]})", R"({"l":[1,2]})"), 13);
    EXPECT_EQ(eval(R"({"all":[[],{"var":""}]})"), false);
    EXPECT_EQ(eval(R"({"none":[[],{"var":""}]})"), true);
}

// The shared JsonLogic test suite (GoPlasmatic/datalogic-rs tests/tests.json,
// kept beside the checkout, never in it).
TEST(JsonLogic, SharedTestSuite) {
    const std::filesystem::path file = std::filesystem::path(IVP_SOURCE_DIR) / ".." / "shared" / "reference" /
                                       "jsonlogic-tests.json";
    if (!std::filesystem::exists(file)) GTEST_SKIP() << "overgeslagen: " << file << " ontbreekt";
    std::ifstream in(file);
    const json suite = json::parse(in);
    int run = 0;
    for (const auto& c : suite) {
        if (!c.is_array()) continue;
        ++run;
        EXPECT_EQ(jl::canonical(jl::apply(c[0], c[1])), c[2]) << c.dump();
    }
    EXPECT_EQ(run, 278);
}

// ---- Kleene's three-valued logic ---------------------------------------------

class KleeneTruthTable : public testing::TestWithParam<std::tuple<int, int>> {};

// 0 = false, 1 = true, 2 = unknown (the fact "u" unanswered).
static const char* operand(int v) { return v == 0 ? "false" : v == 1 ? "true" : R"({"var":"u"})"; }
static jl::Truth as_truth(int v) { return v == 0 ? jl::Truth::no : v == 1 ? jl::Truth::yes : jl::Truth::unknown; }

TEST_P(KleeneTruthTable, AndOrFollowKleene) {
    const auto [a, b] = GetParam();
    const std::string x = operand(a), y = operand(b);
    // Two different unknown facts when both are unknown, so that nothing is
    // decided by a fact being equal to itself.
    std::string y2 = y == R"({"var":"u"})" ? R"({"var":"w"})" : y;
    const std::set<std::string> unknown = {"u", "w"};
    EXPECT_EQ(truth(("{\"and\":[" + x + "," + y2 + "]}").c_str(), "{}", unknown),
              jl::kleene_and(as_truth(a), as_truth(b)));
    EXPECT_EQ(truth(("{\"or\":[" + x + "," + y2 + "]}").c_str(), "{}", unknown),
              jl::kleene_or(as_truth(a), as_truth(b)));
}

INSTANTIATE_TEST_SUITE_P(AllPairs, KleeneTruthTable,
                         testing::Combine(testing::Values(0, 1, 2), testing::Values(0, 1, 2)));

TEST(Kleene, TablesOfTheConnectivesThemselves) {
    using T = jl::Truth;
    EXPECT_EQ(jl::kleene_and(T::no, T::unknown), T::no);
    EXPECT_EQ(jl::kleene_and(T::yes, T::unknown), T::unknown);
    EXPECT_EQ(jl::kleene_or(T::yes, T::unknown), T::yes);
    EXPECT_EQ(jl::kleene_or(T::no, T::unknown), T::unknown);
    EXPECT_EQ(jl::kleene_not(T::unknown), T::unknown);
    EXPECT_EQ(jl::kleene_not(T::yes), T::no);
}

TEST(Kleene, NotComparisonsAndIfWithUnknownFacts) {
    const std::set<std::string> u = {"u"};
    EXPECT_EQ(truth(R"({"!":{"var":"u"}})", "{}", u), jl::Truth::unknown);
    EXPECT_EQ(truth(R"({"<":[{"var":"u"},5]})", "{}", u), jl::Truth::unknown);
    // Both branches agree, so the unknown condition does not matter.
    EXPECT_EQ(truth(R"({"if":[{"var":"u"},true,true]})", "{}", u), jl::Truth::yes);
    EXPECT_EQ(truth(R"({"if":[{"var":"u"},true,false]})", "{}", u), jl::Truth::unknown);
    // A known fact is not unknown, and an absent fact outside the set is plain null.
    EXPECT_EQ(truth(R"({"<":[{"var":"k"},5]})", R"({"k":3})", u), jl::Truth::yes);
    EXPECT_EQ(truth(R"({"some":[[1,2],{"==":[{"var":""},2]}]})", "{}", u), jl::Truth::yes);
    // `missing` answers "is it missing?", which for an unanswered fact is known.
    EXPECT_EQ(truth(R"({"missing":["u"]})", "{}", u), jl::Truth::yes);
}

TEST(JsonLogic, VarsUsedListsFactsInOrderOfAppearance) {
    const auto vars = jl::vars_used(json::parse(R"({"or":[{"var":"b.x"},{"and":[{"var":"a"},{"var":["b",1]}]}]})"));
    EXPECT_EQ(vars, (std::vector<std::string>{"b", "a"}));
}
