#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "ivp/base/date.h"

namespace ivp_test {

inline ivp::Date d(const char* iso) { return *ivp::parse_iso_date(iso); }

// A fixed "today" so that results do not depend on the day the tests run.
inline ivp::Date fixed_today() { return d("2026-11-23"); }

// A provision's delivery tracks: provisions with the same tracks share one
// entry of the result's `timelines`, named by `delivery.timeline`.
inline const nlohmann::json& tracks_of(const nlohmann::json& result, const nlohmann::json& provision) {
    return result.at("timelines").at(provision.at("delivery").at("timeline").get<std::string>());
}

}  // namespace ivp_test
