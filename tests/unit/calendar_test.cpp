// Working days under the Algemene termijnenwet (Atw) art. 1 and 3.
#include <gtest/gtest.h>

#include "ivp/base/calendar.h"
#include "ivp/base/error.h"
#include "test_util.h"

using ivp_test::d;

namespace {
const ivp::Calendar& cal() { return ivp::embedded_calendar(); }
}  // namespace

TEST(Easter, KnownDates) {
    // Published Easter Sundays (e.g. the Dutch almanac; any Easter table).
    EXPECT_EQ(ivp::easter_sunday(2024), d("2024-03-31"));
    EXPECT_EQ(ivp::easter_sunday(2025), d("2025-04-20"));
    EXPECT_EQ(ivp::easter_sunday(2026), d("2026-04-05"));
    EXPECT_EQ(ivp::easter_sunday(2027), d("2027-03-28"));
    EXPECT_EQ(ivp::easter_sunday(2038), d("2038-04-25"));  // latest possible
    EXPECT_EQ(ivp::easter_sunday(2285), d("2285-03-22"));  // earliest possible
}

// Gauss's Easter formula in Lichtenberg's form (1997): an algorithm
// independent of the Meeus/Jones/Butcher one in calendar.cpp.
ivp::Date easter_lichtenberg(int x) {
    const int k = x / 100;
    const int m = 15 + (3 * k + 3) / 4 - (8 * k + 13) / 25;  // secular moon shift
    const int s = 2 - (3 * k + 3) / 4;                       // secular sun shift
    const int a = x % 19;                                    // [0, 18]
    const int d = (19 * a + m) % 30;                         // [0, 29] seed of the first full moon
    const int r = (d + a / 11) / 29;                         // [0, 1] calendar correction
    const int og = 21 + d - r;                               // Easter limit, as a March date
    const int sz = 7 - (x + x / 4 + s) % 7;                  // first Sunday in March
    const int oe = 7 - (og - sz) % 7;                        // [1, 7] distance to Easter Sunday
    const int os = og + oe;                                  // [22, 56] March date of Easter
    const unsigned month = os > 31 ? 4 : 3;
    const unsigned day = static_cast<unsigned>(os > 31 ? os - 31 : os);
    return ivp::Date{std::chrono::year{x}, std::chrono::month{month}, std::chrono::day{day}};
}

TEST(Easter, AgreesWithLichtenbergForEverySupportedYear) {
    for (int y = cal().first_year(); y <= cal().last_year(); ++y)
        EXPECT_EQ(ivp::easter_sunday(y), easter_lichtenberg(y)) << y;
}

TEST(AtwArt3Lid1, FeestdagenOf2026) {
    const auto days = cal().feestdagen(2026);
    std::vector<std::string> got;
    for (const auto& f : days) got.push_back(ivp::format_iso_date(f.date) + " " + f.name);
    const std::vector<std::string> expected = {
        "2026-01-01 Nieuwjaarsdag",
        "2026-01-02 Gelijkgestelde dag: vrijdag na Nieuwjaarsdag",
        "2026-04-03 Goede Vrijdag",
        "2026-04-06 Tweede Paasdag",
        "2026-04-27 Koningsdag",
        "2026-05-05 Bevrijdingsdag (5 mei)",
        "2026-05-14 Hemelvaartsdag",
        "2026-05-15 Gelijkgestelde dag: vrijdag na Hemelvaartsdag",
        "2026-05-25 Tweede Pinksterdag",
        "2026-12-25 Eerste Kerstdag",
        "2026-12-26 Tweede Kerstdag"};
    EXPECT_EQ(got, expected);
    // Each day names the lid it comes from; lid 3 days name their besluit.
    for (const auto& f : days) {
        if (f.name == "Goede Vrijdag") EXPECT_EQ(f.basis, "Algemene termijnenwet art. 3 lid 2");
        else if (f.name.rfind("Gelijkgestelde dag", 0) == 0)
            EXPECT_NE(f.basis.find("art. 3 lid 3: Besluit gelijkstelling van 2 januari 2026"), std::string::npos) << f.basis;
        else EXPECT_EQ(f.basis, "Algemene termijnenwet art. 3 lid 1");
    }
}

TEST(AtwArt3Lid3, BesluitenFoundFor2017To2019And2023To2028Only) {
    for (int y : {2017, 2018, 2019, 2023, 2024, 2025, 2026, 2027, 2028}) EXPECT_TRUE(cal().lid3_known(y)) << y;
    for (int y : {2015, 2016, 2020, 2021, 2022, 2029, 2050}) EXPECT_FALSE(cal().lid3_known(y)) << y;
}

TEST(AtwArt3Lid3, EveryDayMadeEqualIsAWeekdayAndNoWorkingDay) {
    int count = 0;
    for (int y = cal().first_year(); y <= cal().last_year(); ++y)
        for (const auto& f : cal().feestdagen(y))
            if (f.basis.find("lid 3") != std::string::npos) {
                ++count;
                const std::chrono::weekday wd{std::chrono::sys_days{f.date}};
                EXPECT_TRUE(wd != std::chrono::Saturday && wd != std::chrono::Sunday) << ivp::format_iso_date(f.date);
                EXPECT_FALSE(cal().is_working_day(f.date));
            }
    EXPECT_EQ(count, 17);  // 7 (KB 31 oktober 2016) + 5 (2023–2025) + 5 (2026–2028)
}

TEST(AtwArt3Lid3, FridayAfterHemelvaart2026IsNoWorkingDay) {
    // Hemelvaartsdag 14 mei 2026, Friday 15 mei made equal: Wednesday + 1 = Monday.
    EXPECT_EQ(cal().add_working_days(d("2026-05-13"), 1), d("2026-05-18"));
}

TEST(AtwArt3Lid3, ADayOfAnUncheckedYearIsRefused) {
    const std::string data = R"({"supported_years":{"first":2015,"last":2099},
        "lid3":{"besluiten":[{"id":"b","title":"t","source":"s","years":[2026]}],
                "days":[{"date":"2027-05-07","name":"x","besluit":"b"}]}})";
    EXPECT_THROW(ivp::Calendar{data}, ivp::DataError);
}

TEST(AtwArt3Lid3, ADayWithAnUnknownBesluitIsRefused) {
    const std::string data = R"({"supported_years":{"first":2015,"last":2099},
        "lid3":{"besluiten":[{"id":"b","title":"t","source":"s","years":[2026]}],
                "days":[{"date":"2026-05-15","name":"x","besluit":"c"}]}})";
    EXPECT_THROW(ivp::Calendar{data}, ivp::DataError);
}

TEST(AtwArt3Lid1, KoningsdagMovesToSaturdayWhenThe27thIsASunday) {
    // 27 April 2025 was a Sunday: Koningsdag was Saturday 26 April.
    bool found = false;
    for (const auto& f : cal().feestdagen(2025))
        if (f.name == "Koningsdag") found = f.date == d("2025-04-26");
    EXPECT_TRUE(found);
}

TEST(AtwArt3Lid2, GoedeVrijdagIsNoWorkingDay) { EXPECT_FALSE(cal().is_working_day(d("2026-04-03"))); }

TEST(AtwArt3Lid1, VijfMeiIsNoWorkingDayEveryYear) {
    EXPECT_FALSE(cal().is_working_day(d("2026-05-05")));  // a Tuesday, not a lustrum year
    EXPECT_FALSE(cal().is_working_day(d("2027-05-05")));
}

TEST(WorkingDays, PlainWeek) {
    EXPECT_EQ(cal().add_working_days(d("2026-11-23"), 1), d("2026-11-24"));
    EXPECT_EQ(cal().add_working_days(d("2026-11-27"), 1), d("2026-11-30"));  // Friday → Monday
    EXPECT_EQ(cal().add_working_days(d("2026-11-28"), 1), d("2026-11-30"));  // from a Saturday
    EXPECT_EQ(cal().add_working_days(d("2026-11-23"), 0), d("2026-11-23"));
}

TEST(WorkingDays, NegativeCountsBack) {
    EXPECT_EQ(cal().add_working_days(d("2026-11-30"), -1), d("2026-11-27"));
    EXPECT_EQ(cal().add_working_days(d("2027-01-04"), -2), d("2026-12-30"));
}

TEST(WorkingDays, AcrossEaster2026) {
    // Thursday 2 April 2026 + 1: Goede Vrijdag, weekend and Tweede Paasdag skipped.
    EXPECT_EQ(cal().add_working_days(d("2026-04-02"), 1), d("2026-04-07"));
}

TEST(WorkingDays, AcrossYearEnd) {
    // Thu 24 Dec 2026 + 1: 25 (Fri, Kerst), weekend, Mon 28.
    EXPECT_EQ(cal().add_working_days(d("2026-12-24"), 1), d("2026-12-28"));
    // Thu 31 Dec 2026 + 1: 1 Jan (Fri) is Nieuwjaarsdag → Mon 4 Jan 2027.
    EXPECT_EQ(cal().add_working_days(d("2026-12-31"), 1), d("2027-01-04"));
}

TEST(WorkingDays, BetweenIsTheInverseOfAdd) {
    for (int n : {0, 1, 5, 40, 100, 250, -3, -60}) {
        const auto end = cal().add_working_days(d("2026-03-10"), n);
        EXPECT_EQ(cal().working_days_between(d("2026-03-10"), end), n) << n;
    }
}

// add_working_days finds its answer in the running sum; it must be what
// stepping day by day and counting the working days gives (Atw art. 3 lid 1
// and 2, the lid-3 days), for every start in three years around the checked
// ones and counts forward and back, and throw at the edges of the range for
// the first day outside it, as the walk would.
TEST(WorkingDays, AddIsTheDayByDayCount) {
    const auto walk = [](ivp::Date from, int n) {
        ivp::Date current = from;
        for (int left = n < 0 ? -n : n; left > 0;) {
            current = ivp::add_days(current, n < 0 ? -1 : 1);
            if (cal().is_working_day(current)) --left;
        }
        return current;
    };
    int checked = 0;
    for (ivp::Date day = d("2025-06-01"); day < d("2028-07-01"); day = ivp::add_days(day, 1))
        for (int n : {0, 1, 2, 3, 5, 8, 10, 20, 40, 65, 130, -1, -2, -5, -10, -40, -130}) {
            ASSERT_EQ(cal().add_working_days(day, n), walk(day, n)) << ivp::format_iso_date(day) << " " << n;
            ++checked;
        }
    EXPECT_EQ(checked, 1126 * 17);
    const auto message = [](ivp::Date from, int n) {
        try {
            cal().add_working_days(from, n);
        } catch (const ivp::InputError& e) {
            return std::string(e.what());
        }
        return std::string("geen fout");
    };
    const auto first = cal().first_year(), last = cal().last_year();
    const auto jan1 = [](int y) { return ivp::format_iso_date(ivp::Date{std::chrono::year{y}, std::chrono::January, std::chrono::day{1}}); };
    const auto dec31 = [](int y) { return ivp::format_iso_date(ivp::Date{std::chrono::year{y}, std::chrono::December, std::chrono::day{31}}); };
    EXPECT_NE(message(d(dec31(last).c_str()), 1).find("De uitkomst " + jan1(last + 1) + " valt buiten"), std::string::npos);
    EXPECT_NE(message(d(jan1(first).c_str()), -1).find("De uitkomst " + dec31(first - 1) + " valt buiten"), std::string::npos);
    EXPECT_NE(message(d("2026-03-10"), 2147483647).find("De uitkomst " + jan1(last + 1)), std::string::npos);
    EXPECT_NE(message(d("2026-03-10"), -2147483647 - 1).find("De uitkomst " + dec31(first - 1)), std::string::npos);
    // The last working day of the range is reached, one more is not.
    ivp::Date last_working = d(dec31(last).c_str());
    while (!cal().is_working_day(last_working)) last_working = ivp::add_days(last_working, -1);
    const int to_last = cal().working_days_between(d("2026-03-10"), last_working);
    EXPECT_EQ(cal().add_working_days(d("2026-03-10"), to_last), last_working);
    EXPECT_EQ(message(d("2026-03-10"), to_last + 1).find("De uitkomst " + jan1(last + 1)) != std::string::npos, true);
}

TEST(AtwArt1, TermEndingOnKoningsdagMovesToNextWorkingDay) {
    EXPECT_EQ(cal().atw_extend(d("2026-04-27")), d("2026-04-28"));
    EXPECT_EQ(cal().atw_extend(d("2026-04-04")), d("2026-04-07"));  // Saturday before Tweede Paasdag
    EXPECT_EQ(cal().atw_extend(d("2026-04-28")), d("2026-04-28"));  // already a working day
}

TEST(Range, OutsideIsAClearError) {
    EXPECT_THROW(cal().feestdagen(2014), ivp::InputError);
    EXPECT_THROW(cal().feestdagen(2100), ivp::InputError);
    EXPECT_THROW(cal().add_working_days(d("2099-12-31"), 1), ivp::InputError);
    EXPECT_THROW(cal().is_working_day(d("2010-01-04")), ivp::InputError);
}

TEST(DutchDate, WritesDayMonthNameAndYear) {
    EXPECT_EQ(ivp::format_dutch_date(ivp::Date{std::chrono::year{2026}, std::chrono::month{4}, std::chrono::day{25}}),
              "25 april 2026");
    EXPECT_EQ(ivp::format_dutch_date(ivp::Date{std::chrono::year{2027}, std::chrono::month{1}, std::chrono::day{1}}),
              "1 januari 2027");
    EXPECT_EQ(ivp::format_dutch_date(ivp::Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{31}}),
              "31 december 2026");
}

TEST(IsoDate, StrictParsing) {
    EXPECT_TRUE(ivp::parse_iso_date("2024-02-29"));
    EXPECT_FALSE(ivp::parse_iso_date("2027-02-29"));
    EXPECT_FALSE(ivp::parse_iso_date("2026-1-05"));
    EXPECT_FALSE(ivp::parse_iso_date("2026-01-05 "));
    EXPECT_FALSE(ivp::parse_iso_date("2026-13-01"));
    EXPECT_FALSE(ivp::parse_iso_date("0000-00-00"));
    EXPECT_FALSE(ivp::parse_iso_date("２０２６-01-05"));
}
