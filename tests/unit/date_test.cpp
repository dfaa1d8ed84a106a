// format_iso_date writes its digits directly; it must give the text the
// snprintf formatting it replaced gave, for every value a Date can hold.
#include "ivp/base/date.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>

namespace ivp {
namespace {

std::string snprintf_iso_date(Date date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

Date make(int year, unsigned month, unsigned day) {
    return Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

TEST(FormatIsoDate, Examples) {
    EXPECT_EQ(format_iso_date(make(2026, 1, 5)), "2026-01-05");
    EXPECT_EQ(format_iso_date(make(999, 12, 31)), "0999-12-31");
    EXPECT_EQ(format_iso_date(make(7, 3, 9)), "0007-03-09");
    EXPECT_EQ(format_iso_date(make(0, 1, 1)), "0000-01-01");
}

TEST(FormatIsoDate, SameAsSnprintfForEveryYear) {
    // Every value the year holds (a short: -32768 to 32767), with the first,
    // last and out-of-range months and days.
    for (int year = -32768; year <= 32767; ++year)
        for (unsigned month : {0u, 1u, 9u, 10u, 12u, 13u, 99u, 100u, 255u})
            for (unsigned day : {0u, 1u, 9u, 10u, 31u, 32u, 99u, 100u, 255u}) {
                const Date date = make(year, month, day);
                ASSERT_EQ(format_iso_date(date), snprintf_iso_date(date)) << year << " " << month << " " << day;
            }
}

TEST(FormatIsoDate, SameAsSnprintfForEveryMonthAndDay) {
    // Every month and day value (an unsigned char each) in a few years.
    for (int year : {-32768, -1000, -999, -100, -10, -1, 0, 1, 9, 10, 99, 100, 999, 1000, 2026, 9999, 10000, 32767})
        for (unsigned month = 0; month <= 255; ++month)
            for (unsigned day = 0; day <= 255; ++day) {
                const Date date = make(year, month, day);
                ASSERT_EQ(format_iso_date(date), snprintf_iso_date(date)) << year << " " << month << " " << day;
            }
}

TEST(FormatIsoDate, SameAsSnprintfForEveryDayOfFourHundredYears) {
    // Every real day from 1600 through 2399: a full Gregorian cycle and more.
    const std::chrono::sys_days last{make(2399, 12, 31)};
    for (std::chrono::sys_days day{make(1600, 1, 1)}; day <= last; day += std::chrono::days{1}) {
        const Date date{day};
        ASSERT_EQ(format_iso_date(date), snprintf_iso_date(date)) << snprintf_iso_date(date);
    }
}

}  // namespace
}  // namespace ivp
