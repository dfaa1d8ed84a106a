#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "ivp/base/date.h"
#include "ivp/result/rulebook_json.h"

namespace ivp_test {

inline ivp::Date d(const char* iso) { return *ivp::parse_iso_date(iso); }

// A fixed "today" so that results do not depend on the day the tests run.
inline ivp::Date fixed_today() { return d("2026-11-23"); }

// A result with the rulebook's tables put back (sources, policies, facts,
// terms, tracks, phases, policy choices, the financing rules, forms): what the
// page reads (docs/result.md "Result and rulebook").
inline nlohmann::json whole(nlohmann::json result) {
    return ivp::with_rulebook(std::move(result), ivp::embedded_rulebook_tables());
}

// A provision's delivery tracks: provisions with the same tracks share one
// entry of the result's `timelines`, named by `delivery.timeline`.
inline const nlohmann::json& tracks_of(const nlohmann::json& result, const nlohmann::json& provision) {
    return result.at("timelines").at(provision.at("delivery").at("timeline").get<std::string>());
}

// A provision's open questions under one policy: `policies.<policy>.open_questions`,
// or for the provision's chosen policy the contract's top-level `open_questions`
// (given once, there; docs/result.md).
inline const nlohmann::json& open_questions_of(const nlohmann::json& eligibility, const std::string& policy) {
    if (eligibility.value("policy", nlohmann::json()) == policy) return eligibility.at("open_questions");
    return eligibility.at("policies").at(policy).at("open_questions");
}

}  // namespace ivp_test
