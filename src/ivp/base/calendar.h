#pragma once
// Dutch working days under the Algemene termijnenwet (Atw).
//
// Atw art. 3 lid 1 names the algemeen erkende feestdagen; lid 2 makes Goede
// Vrijdag equal to them for the purposes of the Atw; lid 3 lets a Koninklijk
// Besluit make further days equal (in practice bridge days). Lid 1 and 2 are
// computed for any year from the Easter algorithm; lid 3 days come from
// data/calendar.json with their Staatscourant source, and for years no one has
// checked the calendar says so (`lid3_known`) instead of guessing.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "ivp/base/date.h"

namespace ivp {

struct Feestdag {
    Date date;
    std::string name;   // "Tweede Paasdag"
    std::string basis;  // "Atw art. 3 lid 1", or the Staatscourant reference
};

// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/
// Jones/Butcher). Valid for every year from 1583.
Date easter_sunday(int year);

class Calendar {
public:
    // `data` is the parsed data/calendar.json; throws DataError when malformed.
    explicit Calendar(const std::string& data_json);

    int first_year() const { return first_year_; }
    int last_year() const { return last_year_; }
    bool supports(Date date) const;
    bool supports_year(int year) const { return year >= first_year_ && year <= last_year_; }

    // Whether the lid-3 besluiten of `year` have been checked against the
    // Staatscourant (so that an absence of extra days is known, not assumed).
    bool lid3_known(int year) const;

    // The feestdagen of `year`, sorted by date. Throws InputError when the year
    // is outside the supported range.
    std::vector<Feestdag> feestdagen(int year) const;

    // Monday–Friday and not a feestdag. Throws InputError outside the range.
    bool is_working_day(Date date) const;

    // The N-th working day after `date` (date itself not counted); N < 0 counts
    // back, N == 0 returns `date`. Throws InputError when the answer would
    // fall outside the supported range.
    Date add_working_days(Date date, int n) const;

    // Working days in (from, to]: 0 when equal, negative when to < from.
    int working_days_between(Date from, Date to) const;

    // Atw art. 1 lid 1: a term that ends on a Saturday, Sunday or feestdag
    // ends on the next day that is none of these.
    Date atw_extend(Date end) const;

private:
    // Steps of the constructor.
    void read_lid3(const nlohmann::json& lid3);
    void count_working_days();

    void require(Date date, const char* what) const;
    std::size_t index(Date date) const;
    // The day at `i` days after 1 January of the first year (may lie outside
    // the range: -1 is the day before it).
    Date day_at(std::ptrdiff_t i) const;

    int first_year_ = 0;
    int last_year_ = 0;
    std::vector<Feestdag> lid3_days_;
    std::vector<int> lid3_checked_years_;
    // One byte per day of the supported range: 1 = working day. Precomputed so
    // that every query is O(1); the range is ~31,000 days.
    std::vector<std::uint8_t> working_;
    // Prefix sums of `working_`, for working_days_between in O(1).
    std::vector<std::int32_t> working_prefix_;
};

// The calendar built from the embedded data/calendar.json (built once).
const Calendar& embedded_calendar();

}  // namespace ivp
