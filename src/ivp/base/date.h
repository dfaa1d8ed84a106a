#pragma once
// Calendar dates as C++20 <chrono> value types, in the spirit of Howard
// Hinnant's date library: a year_month_day is a value, ok() says whether it
// exists, arithmetic goes through sys_days.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ivp {

using Date = std::chrono::year_month_day;

// Strict ISO 8601 calendar date "YYYY-MM-DD": exactly ten characters, a real
// day (2027-02-29 is rejected). Anything else is nullopt.
std::optional<Date> parse_iso_date(std::string_view text);

std::string format_iso_date(Date date);

// "23 november 2026": how a date is written in the Dutch sentences of the
// result (B1), where an ISO date would read as a code.
std::string format_dutch_date(Date date);

inline Date add_days(Date date, int days) {
    return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

inline int days_between(Date from, Date to) {
    return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

inline int year_of(Date date) { return static_cast<int>(date.year()); }

}  // namespace ivp
