#include "ivp/base/date.h"

#include <cstdio>

namespace ivp {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }

int digits(std::string_view text, std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
}
}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!is_digit(text[i])) return std::nullopt;
    const int y = digits(text, 0, 4);  // [0, 9999]
    const int m = digits(text, 5, 2);  // [0, 99]
    const int d = digits(text, 8, 2);  // [0, 99]
    const Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                    std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::string format_iso_date(Date date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

std::string format_dutch_date(Date date) {
    static constexpr const char* kMonths[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                              "juli",    "augustus", "september", "oktober", "november", "december"};
    return std::to_string(static_cast<unsigned>(date.day())) + " " +
           kMonths[static_cast<unsigned>(date.month()) - 1] + " " + std::to_string(static_cast<int>(date.year()));
}

}  // namespace ivp
