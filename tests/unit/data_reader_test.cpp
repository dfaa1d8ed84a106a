// The shared reader of the data files (src/ivp/base/data_reader.h): each check
// once accepted and once refused, the refusal naming the file, the JSON
// Pointer and the fault — the form `ivp validate` prints.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "ivp/base/data_reader.h"
#include "ivp/base/error.h"
#include "test_util.h"

namespace {

using nlohmann::json;

const ivp::DataReader kReader("data/test.json");

// "(geen fout)" or the DataError's text: "data/test.json /x/y: …".
std::string fault(const std::function<void()>& f) {
    try {
        f();
    } catch (const ivp::DataError& e) {
        return e.what();
    }
    return "(geen fout)";
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

#define EXPECT_FAULT(call, prefix)                                    \
    do {                                                              \
        const auto what = fault([&] { (void)(call); });                \
        EXPECT_TRUE(starts_with(what, prefix)) << what;               \
    } while (0)

}  // namespace

TEST(DataReaderFail, NamesFileAndPointerAndTheWholeFileAsSlash) {
    EXPECT_FAULT(kReader.fail("/a/0", "kapot"), "data/test.json /a/0: kapot");
    EXPECT_FAULT(kReader.fail("", "kapot"), "data/test.json /: kapot");
}

TEST(DataReaderObject, AcceptsAnObjectAndRefusesAList) {
    EXPECT_EQ(fault([] { kReader.object(json::object(), "/a"); }), "(geen fout)");
    EXPECT_FAULT(kReader.object(json::array(), "/a", "Een bron"),
                 "data/test.json /a: Een bron moet een object zijn ({…}), maar is een lijst.");
}

TEST(DataReaderKeys, AcceptsKnownKeysAndNamesTheFirstUnknownOne) {
    const json obj = {{"id", "x"}, {"text", "t"}};
    EXPECT_EQ(fault([&] { kReader.keys(obj, "/p", {"id", "text", "source"}); }), "(geen fout)");
    EXPECT_FAULT(kReader.keys(obj, "/p", {"id"}), "data/test.json /p/text: onbekend veld \"text\". Toegestaan zijn: id.");
    EXPECT_FAULT(kReader.keys(json("x"), "/p", {"id"}), "data/test.json /p: Dit deel moet een object zijn");
}

TEST(DataReaderKeys, RequiredAndOptionalKeys) {
    const json obj = {{"id", "x"}, {"unit", "dagen"}};
    EXPECT_EQ(fault([&] { kReader.keys(obj, "/f", {"id"}, {"unit", "min"}); }), "(geen fout)");
    EXPECT_FAULT(kReader.keys(obj, "/f", {"id", "type"}, {"unit"}), "data/test.json /f/type: verplicht veld ontbreekt");
    // A misspelt key is named before the key it was meant to be.
    EXPECT_FAULT(kReader.keys(json{{"id", "x"}, {"typ", "b"}}, "/f", {"id", "type"}, {}),
                 "data/test.json /f/typ: onbekend veld \"typ\"");
}

TEST(DataReaderField, ReturnsThePresentKeyAndNamesTheMissingOne) {
    const json obj = {{"a", 1}};
    EXPECT_EQ(kReader.field(obj, "/x", "a"), 1);
    EXPECT_FAULT(kReader.field(obj, "/x", "b"), "data/test.json /x/b: verplicht veld ontbreekt");
    // RFC 6901: "/" and "~" in a key are escaped in the pointer.
    EXPECT_FAULT(kReader.field(obj, "/x", "a/b~c"), "data/test.json /x/a~1b~0c: verplicht veld ontbreekt");
}

TEST(DataReaderText, AcceptsANonEmptyTextOnly) {
    EXPECT_EQ(kReader.text(json{{"t", "ja"}}, "", "t"), "ja");
    EXPECT_FAULT(kReader.text(json{{"t", ""}}, "", "t"), "data/test.json /t: moet een niet-lege tekst zijn");
    EXPECT_FAULT(kReader.text(json{{"t", 3}}, "/o", "t"), "data/test.json /o/t: moet een niet-lege tekst zijn");
}

TEST(DataReaderDate, AcceptsAnExistingIsoDateOnly) {
    EXPECT_EQ(kReader.date(json{{"d", "2028-02-29"}}, "", "d"), ivp_test::d("2028-02-29"));
    EXPECT_FAULT(kReader.date(json{{"d", "2027-02-29"}}, "/p", "d"),
                 "data/test.json /p/d: geen bestaande datum (JJJJ-MM-DD): \"2027-02-29\"");
    EXPECT_FAULT(kReader.date(json{{"d", "1-1-2027"}}, "/p", "d"), "data/test.json /p/d: geen bestaande datum");
}

TEST(DataReaderInteger, AcceptsAWholeNumberInRange) {
    EXPECT_EQ(kReader.integer(json{{"n", 13}}, "/p", "n", 12, 13), 13);
    EXPECT_EQ(kReader.integer_value(json(0), "/q", 0, 0), 0);
}

TEST(DataReaderInteger, RefusesOutOfRangeTextAndFractions) {
    EXPECT_FAULT(kReader.integer(json{{"n", 14}}, "/p", "n", 12, 13, "Het aantal"),
                 "data/test.json /p/n: Het aantal 14 valt buiten het bereik (van 12 tot en met 13).");
    EXPECT_FAULT(kReader.integer(json{{"n", "12"}}, "/p", "n", 12, 13), "data/test.json /p/n: Het getal moet een heel getal zijn");
    EXPECT_FAULT(kReader.integer(json{{"n", 12.5}}, "/p", "n", 12, 13), "data/test.json /p/n: Het getal moet een heel getal zijn");
    EXPECT_FAULT(kReader.integer(json{{"n", 1e300}}, "/p", "n", 12, 13), "data/test.json /p/n: Het getal valt buiten het bereik");
    EXPECT_FAULT(kReader.integer(json::object(), "/p", "n", 12, 13), "data/test.json /p/n: verplicht veld ontbreekt");
}

TEST(DataReaderInteger, RefusesAnIntegralFloatInADataFile) {
    // User input may send 12.0 (a page's doubles); a data file is copied into
    // the output as it stands, where 12.0 would show.
    EXPECT_FAULT(kReader.integer(json{{"n", 12.0}}, "/p", "n", 12, 13),
                 "data/test.json /p/n: Het getal moet een heel getal zijn, zonder cijfers achter de komma (12, niet 12.0).");
}

TEST(DataReaderFlag, AcceptsTrueFalseOrAbsentAndRefusesOtherValues) {
    EXPECT_FALSE(kReader.flag(json{{"ivp", false}}, "/p", "ivp", true));
    EXPECT_TRUE(kReader.flag(json::object(), "/p", "ivp", true));
    EXPECT_FAULT(kReader.flag(json{{"ivp", "nee"}}, "/p", "ivp", true),
                 "data/test.json /p/ivp: moet true of false zijn, maar is een tekst");
}

TEST(DataReaderArray, AcceptsAListAndRefusesOtherValuesAndEmptyWhenRequired) {
    EXPECT_EQ(kReader.array(json{{"l", {1}}}, "", "l", /*non_empty=*/true).size(), 1u);
    EXPECT_EQ(fault([] { kReader.array_value(json::array(), "/l"); }), "(geen fout)");
    EXPECT_FAULT(kReader.array(json{{"l", json::array()}}, "", "l", /*non_empty=*/true),
                 "data/test.json /l: moet een niet-lege lijst zijn");
    EXPECT_FAULT(kReader.array(json{{"l", json::object()}}, "/p", "l", false, "criteria"),
                 "data/test.json /p/l: moet een lijst criteria zijn");
}

TEST(DataReaderGuard, TurnsAnInputErrorIntoADataErrorOfThisFile) {
    EXPECT_EQ(kReader.guard([] { return 5; }), 5);
    EXPECT_FAULT(kReader.guard([]() -> int { throw ivp::InputError("/a/b", "fout"); }), "data/test.json /a/b: fout");
}

// ---- sources ---------------------------------------------------------------------

namespace {

json seed_source() { return {{"seed", "000_x.txt"}, {"section", "§ 2"}, {"line", 12}, {"text", "De zin."}}; }
json web_source() { return {{"title", "Wmo 2015"}, {"url", "https://wetten.overheid.nl/"}, {"section", "art. 2.3.5"}}; }
json with_source(json s) { return {{"source", std::move(s)}}; }

}  // namespace

TEST(DataReaderSource, TheCommonRulesAcceptASeedOrAPublishedSource) {
    EXPECT_EQ(kReader.source(with_source(seed_source()), "/p", "source").at("line"), 12);
    EXPECT_EQ(fault([] { kReader.source(with_source(web_source()), "/p", "source"); }), "(geen fout)");
    // Without the per-file rules a seed source may leave out line and quote.
    EXPECT_EQ(fault([] { kReader.source(with_source({{"seed", "x.txt"}, {"section", "§ 1"}}), "", "source"); }),
              "(geen fout)");
}

TEST(DataReaderSource, TheCommonRulesRefuseWhatNoFileAllows) {
    EXPECT_FAULT(kReader.source(json::object(), "/p", "source"), "data/test.json /p/source: verplicht veld ontbreekt");
    EXPECT_FAULT(kReader.source(with_source("zie boven"), "/p", "source"),
                 "data/test.json /p/source: Een bron moet een object zijn");
    EXPECT_FAULT(kReader.source(with_source({{"section", "§ 1"}}), "/p", "source"),
                 "data/test.json /p/source: een bron noemt een seed-bestand, een titel of een url");
    auto s = seed_source();
    s.erase("section");
    EXPECT_FAULT(kReader.source(with_source(s), "/p", "source"),
                 "data/test.json /p/source/section: verplicht veld ontbreekt: een bron noemt de paragraaf");
    s = seed_source();
    s["pagina"] = 3;
    EXPECT_FAULT(kReader.source(with_source(s), "/p", "source"), "data/test.json /p/source/pagina: onbekend veld");
    s = seed_source();
    s["page"] = 3;  // only where the file's rules allow it
    EXPECT_FAULT(kReader.source(with_source(s), "/p", "source"), "data/test.json /p/source/page: onbekend veld");
    s = seed_source();
    s["url"] = 5;
    EXPECT_FAULT(kReader.source(with_source(s), "/p", "source"), "data/test.json /p/source/url: moet een niet-lege tekst zijn");
    s = seed_source();
    s["line"] = 0;
    EXPECT_FAULT(kReader.source(with_source(s), "/p", "source"),
                 "data/test.json /p/source/line: Het regelnummer 0 valt buiten het bereik");
}

TEST(DataReaderSource, PerFileRulesForAQuoteALineAndAPage) {
    const ivp::DataReader policy("data/policies/test.json",
                                 ivp::SourceRules{.quote = true, .line_with_seed = true, .page = true});
    auto s = seed_source();
    s["page"] = 4;
    EXPECT_EQ(fault([&] { policy.source(with_source(s), "/c", "source"); }), "(geen fout)");
    // A published source names no line.
    auto web = web_source();
    web["text"] = "De zin.";
    EXPECT_EQ(fault([&] { policy.source(with_source(web), "/c", "source"); }), "(geen fout)");

    s = seed_source();
    s.erase("text");
    EXPECT_FAULT(policy.source(with_source(s), "/c", "source"),
                 "data/policies/test.json /c/source/text: verplicht veld ontbreekt");
    s = seed_source();
    s.erase("line");
    EXPECT_FAULT(policy.source(with_source(s), "/c", "source"),
                 "data/policies/test.json /c/source/line: een bron in een seed noemt het regelnummer");
    s = seed_source();
    s["page"] = "vier";
    EXPECT_FAULT(policy.source(with_source(s), "/c", "source"),
                 "data/policies/test.json /c/source/page: Het paginanummer moet een heel getal zijn");
}
