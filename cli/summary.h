#pragma once
// The short Dutch summary that `ivp samenvatting` and `./dev run` print.
// Formatting for a terminal only; the core never formats text for people.
#include <nlohmann/json.hpp>
#include <string>

namespace ivp_cli {

// "€ 35.000"
std::string format_euros(long long euros);

// "€ 35.000 – € 55.000", or one amount when min == max.
std::string format_range(const nlohmann::json& range);

// "23 november 2026"
std::string format_dutch_date(const std::string& iso);

std::string summary_text(const nlohmann::json& result);

}  // namespace ivp_cli
