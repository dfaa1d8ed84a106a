#pragma once
#include <string>

#include "ivp/base/date.h"

namespace ivp_test {

inline ivp::Date d(const char* iso) { return *ivp::parse_iso_date(iso); }

// A fixed "today" so that results do not depend on the day the tests run.
inline ivp::Date fixed_today() { return d("2026-11-23"); }

}  // namespace ivp_test
