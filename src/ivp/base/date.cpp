#include "ivp/base/date.h"


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

namespace {
// value's decimal digits, left-padded with '0' to width: printf's "%0<width>u".
char* put_padded(char* out, unsigned value, int width) {
    char reversed[10];
    int count = 0;
    do {
        reversed[count++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value != 0);
    for (int i = count; i < width; ++i) *out++ = '0';
    while (count > 0) *out++ = reversed[--count];
    return out;
}
}  // namespace

// The digits written directly, the same text as "%04d-%02u-%02u" for every
// value a year_month_day holds (a negative year, a year past 9999, a month or
// day out of range included): the result writers format some 300 dates per
// result, and snprintf cost more than the rest of the writing of one.
std::string format_iso_date(Date date) {
    char buffer[16];
    char* out = buffer;
    const int year = static_cast<int>(date.year());
    if (year < 0) {
        *out++ = '-';
        out = put_padded(out, static_cast<unsigned>(-year), 3);  // the sign counts in the width 4
    } else {
        out = put_padded(out, static_cast<unsigned>(year), 4);
    }
    *out++ = '-';
    out = put_padded(out, static_cast<unsigned>(date.month()), 2);
    *out++ = '-';
    out = put_padded(out, static_cast<unsigned>(date.day()), 2);
    return std::string(buffer, out);
}

std::string format_dutch_date(Date date) {
    static constexpr const char* kMonths[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                              "juli",    "augustus", "september", "oktober", "november", "december"};
    return std::to_string(static_cast<unsigned>(date.day())) + " " +
           kMonths[static_cast<unsigned>(date.month()) - 1] + " " + std::to_string(static_cast<int>(date.year()));
}

}  // namespace ivp
