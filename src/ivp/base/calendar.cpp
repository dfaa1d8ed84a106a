#include "ivp/base/calendar.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string_view>

#include "ivp/base/insertion_sort.h"
#include "ivp/base/data_reader.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/error.h"

namespace ivp {

using namespace std::chrono;

Date easter_sunday(int y) {
    // Anonymous Gregorian algorithm (Meeus, Astronomical Algorithms, ch. 8).
    const int a = y % 19;                          // [0, 18] position in Metonic cycle
    const int b = y / 100;                         // century
    const int c = y % 100;                         // [0, 99]
    const int d = b / 4;
    const int e = b % 4;                           // [0, 3]
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;  // [0, 29] epact-related
    const int i = c / 4;
    const int k = c % 4;                           // [0, 3]
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;  // [0, 6] weekday offset
    const int m = (a + 11 * h + 22 * l) / 451;     // [0, 1]
    const int month = (h + l - 7 * m + 114) / 31;  // [3, 4]
    const int day = (h + l - 7 * m + 114) % 31 + 1;  // [1, 31]
    return Date{year{y}, std::chrono::month{static_cast<unsigned>(month)},
                std::chrono::day{static_cast<unsigned>(day)}};
}

namespace {

constexpr const char* kLid1 = "Algemene termijnenwet art. 3 lid 1";
constexpr const char* kLid2 = "Algemene termijnenwet art. 3 lid 2";

// The dates of Atw art. 3 lid 1 and 2 in `y`, in the order of
// statutory_feestdagen (the working-day count needs the dates alone).
std::array<Date, 9> statutory_dates(int y) {
    const Date easter = easter_sunday(y);
    // Koningsdag: 27 April, or the 26th when the 27th is a Sunday
    // (Besluit van 28 januari 2013, Stb. 2013, 30, art. 1).
    Date koningsdag{year{y}, April, day{27}};
    if (weekday{sys_days{koningsdag}} == Sunday) koningsdag = add_days(koningsdag, -1);
    return {Date{year{y}, January, day{1}}, add_days(easter, -2), add_days(easter, 1),
            koningsdag, Date{year{y}, May, day{5}}, add_days(easter, 39),
            add_days(easter, 50), Date{year{y}, December, day{25}}, Date{year{y}, December, day{26}}};
}

std::vector<Feestdag> statutory_feestdagen(int y) {
    const auto d = statutory_dates(y);
    return {
        {d[0], "Nieuwjaarsdag", kLid1},
        {d[1], "Goede Vrijdag", kLid2},
        {d[2], "Tweede Paasdag", kLid1},
        {d[3], "Koningsdag", kLid1},
        {d[4], "Bevrijdingsdag (5 mei)", kLid1},
        {d[5], "Hemelvaartsdag", kLid1},
        {d[6], "Tweede Pinksterdag", kLid1},
        {d[7], "Eerste Kerstdag", kLid1},
        {d[8], "Tweede Kerstdag", kLid1},
    };
}

const DataReader& reader() {
    static const DataReader r("data/calendar.json");
    return r;
}

[[noreturn]] void bad_data(const std::string& where, const std::string& message) { reader().fail(where, message); }

// A year as a whole number of four digits at most; which years are allowed
// (the supported range, a besluit's years) is checked below, in its own words.
int year_number(const nlohmann::json& value, const std::string& where) {
    return static_cast<int>(reader().integer_value(value, where, 1, 9999, "Het jaar"));
}

}  // namespace

Calendar::Calendar(const std::string& data_json) {
    const auto data = parse_data_json(data_json);
    const auto& r = reader();
    const auto& supported = r.field(data, "", "supported_years");
    first_year_ = year_number(r.field(supported, "/supported_years", "first"), "/supported_years/first");
    last_year_ = year_number(r.field(supported, "/supported_years", "last"), "/supported_years/last");
    if (first_year_ < 1583 || last_year_ < first_year_ || last_year_ > 9999)
        bad_data("/supported_years", "ongeldig bereik");
    read_lid3(r.field(data, "", "lid3"));
    count_working_days();
}

// Atw art. 3 lid 3: the besluiten found (which years count as checked) and
// the days they make equal to a feestdag. A year counts as checked when a
// besluit covering it was found; every day of a besluit names it, so a day
// without its besluit cannot slip in.
void Calendar::read_lid3(const nlohmann::json& lid3) {
    const auto& r = reader();
    std::vector<std::pair<std::string, std::string>> besluiten;  // id, "title (source)"
    const auto& besluit_entries = r.array(lid3, "/lid3", "besluiten");
    for (std::size_t i = 0; i < besluit_entries.size(); ++i) {
        const auto& b = besluit_entries[i];
        const std::string where = "/lid3/besluiten/" + std::to_string(i);
        besluiten.emplace_back(r.text(b, where, "id"), r.text(b, where, "title") + " (" + r.text(b, where, "source") + ")");
        const auto& years = r.array(b, where, "years");
        for (std::size_t j = 0; j < years.size(); ++j) {
            const int year = year_number(years[j], where + "/years/" + std::to_string(j));
            if (!supports_year(year)) bad_data(where + "/years", "jaar buiten bereik");
            lid3_checked_years_.push_back(year);
        }
    }
    const auto& lid3_entries = r.array(lid3, "/lid3", "days");
    for (std::size_t i = 0; i < lid3_entries.size(); ++i) {
        const auto& entry = lid3_entries[i];
        const std::string where = "/lid3/days/" + std::to_string(i);
        const Date date = r.date(entry, where, "date");
        if (!supports_year(year_of(date))) bad_data(where + "/date", "buiten het ondersteunde bereik");
        const auto besluit_id = r.text(entry, where, "besluit");
        const auto besluit = std::find_if(besluiten.begin(), besluiten.end(),
                                          [&](const auto& b) { return b.first == besluit_id; });
        if (besluit == besluiten.end()) bad_data(where + "/besluit", "onbekend besluit \"" + besluit_id + "\"");
        if (!lid3_known(year_of(date))) bad_data(where + "/date", "jaar valt niet onder een besluit in lid3.besluiten");
        lid3_days_.push_back({date, r.text(entry, where, "name"), "Algemene termijnenwet art. 3 lid 3: " + besluit->second});
    }
}

// One flag per day of the supported range (weekend, feestdag of lid 1 and 2,
// day of lid 3), and their running sum, so that counting working days
// between two dates is one subtraction.
void Calendar::count_working_days() {
    const sys_days first{Date{year{first_year_}, January, day{1}}};
    const sys_days last{Date{year{last_year_}, December, day{31}}};
    const auto count = static_cast<std::size_t>((last - first).count() + 1);
    working_.assign(count, 0);
    // The weekday advances by one a day (c_encoding: 0 = Sunday, 6 = Saturday);
    // counted so, and the feestdagen by their dates alone, because every
    // page's first calculation builds this table (docs/perf.md "Start-up").
    // The first week is counted; the weeks after are copies of it, a block
    // doubling each time.
    unsigned wd = weekday{first}.c_encoding();
    const std::size_t week = std::min<std::size_t>(7, count);
    for (std::size_t i = 0; i < week; ++i, wd = wd == 6 ? 0 : wd + 1) working_[i] = (wd != 0 && wd != 6) ? 1 : 0;
    for (std::size_t done = week; done < count; done *= 2)
        std::copy_n(working_.begin(), std::min(done, count - done), working_.begin() + static_cast<std::ptrdiff_t>(done));
    for (int y = first_year_; y <= last_year_; ++y)
        for (const Date d : statutory_dates(y)) working_[index(d)] = 0;
    for (const auto& f : lid3_days_) working_[index(f.date)] = 0;
    working_prefix_.assign(count + 1, 0);
    for (std::size_t i = 0; i < count; ++i) working_prefix_[i + 1] = working_prefix_[i] + working_[i];
}

bool Calendar::supports(Date date) const {
    return date.ok() && supports_year(year_of(date));
}

bool Calendar::lid3_known(int y) const {
    return std::find(lid3_checked_years_.begin(), lid3_checked_years_.end(), y) != lid3_checked_years_.end();
}

void Calendar::require(Date date, const char* what) const {
    if (!supports(date))
        throw InputError("", std::string(what) + " " + format_iso_date(date) +
                                 " valt buiten de kalender van deze rekenhulp (" +
                                 std::to_string(first_year_) + " tot en met " +
                                 std::to_string(last_year_) + ").");
}

std::size_t Calendar::index(Date date) const {
    return static_cast<std::size_t>(
        (sys_days{date} - sys_days{Date{year{first_year_}, January, day{1}}}).count());
}

std::vector<Feestdag> Calendar::feestdagen(int y) const {
    if (!supports_year(y))
        throw InputError("", "Het jaar " + std::to_string(y) + " valt buiten de kalender van deze rekenhulp (" +
                                 std::to_string(first_year_) + " tot en met " + std::to_string(last_year_) + ").");
    auto result = statutory_feestdagen(y);
    for (const auto& f : lid3_days_)
        if (year_of(f.date) == y) result.push_back(f);
    insertion_sort(result.begin(), result.end(),
                     [](const Feestdag& a, const Feestdag& b) { return sys_days{a.date} < sys_days{b.date}; });
    return result;
}

bool Calendar::is_working_day(Date date) const {
    require(date, "De datum");
    return working_[index(date)] != 0;
}

// Found in the running sum by binary search, not by stepping day by day: every
// delivery track adds tens to hundreds of working days, several times per
// provision and result (docs/perf.md). working_prefix_[i] is the number of
// working days before day i, so day b is the N-th working day after day a
// exactly when working_prefix_[b + 1] == working_prefix_[a + 1] + N and it
// jumps there (b is a working day): b + 1 is the first place the sum reaches
// that value. Counting back, b is the |N|-th working day before a when
// working_prefix_[a] - working_prefix_[b] == |N| and b is a working day.
// An answer beyond the range throws for the first day outside it, the day
// a day-by-day walk would have reached.
Date Calendar::add_working_days(Date date, int n) const {
    require(date, "De datum");
    if (n == 0) return date;
    const auto a = static_cast<std::ptrdiff_t>(index(date));
    const auto begin = working_prefix_.begin();
    if (n > 0) {
        const std::int64_t reach = static_cast<std::int64_t>(working_prefix_[static_cast<std::size_t>(a) + 1]) + n;
        const auto at = std::lower_bound(begin + a + 1, working_prefix_.end(), reach);
        if (at == working_prefix_.end()) require(day_at(static_cast<std::ptrdiff_t>(working_.size())), "De uitkomst");
        return day_at((at - begin) - 1);
    }
    const std::int64_t floor = static_cast<std::int64_t>(working_prefix_[static_cast<std::size_t>(a)]) + n;  // n < 0
    if (floor < 0) require(day_at(-1), "De uitkomst");
    const auto at = std::lower_bound(begin, begin + a + 1, floor + 1);
    return day_at((at - begin) - 1);
}

Date Calendar::day_at(std::ptrdiff_t i) const {
    return Date{sys_days{Date{year{first_year_}, January, day{1}}} + days{i}};
}

int Calendar::working_days_between(Date from, Date to) const {
    require(from, "De datum");
    require(to, "De datum");
    const auto a = index(from), b = index(to);
    // Working days in (from, to]: prefix[b+1] - prefix[a+1].
    if (b >= a) return working_prefix_[b + 1] - working_prefix_[a + 1];
    return -(working_prefix_[a + 1] - working_prefix_[b + 1]);
}

Date Calendar::atw_extend(Date end) const {
    require(end, "De datum");
    Date current = end;
    while (!working_[index(current)]) {
        current = add_days(current, 1);
        require(current, "De uitkomst");
    }
    return current;
}

const Calendar& embedded_calendar() {
    static const Calendar calendar{std::string(embedded::calendar_json())};
    return calendar;
}

}  // namespace ivp
