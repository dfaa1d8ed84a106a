#pragma once
// The timeline as an iCalendar file (RFC 5545), for the user's own agenda.
// Built from the result JSON so that the agenda and the page can never tell
// different dates. Deterministic: the same result gives the same bytes (UIDs
// and DTSTAMP come from the melding, never from a clock).
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace ivp {

// A VCALENDAR with one all-day VEVENT per deadline of `result` (the output
// of calculate): the Wmo procedure, the municipality's terms, the dwangsom
// dates when a decision is late, and per provision the ALS protocol's
// milestones and expected delivery. CRLF line ends, lines folded at 75
// octets (never inside a UTF-8 character), TEXT values escaped.
// `tables` are the rulebook's (rulebook_json): a milestone's label and cite,
// the late decision's basis and the ALS track's come from there where
// `result` leaves them out, so the result may be as calculate() writes it or
// merged with the tables (with_rulebook): the same bytes either way. The WASM
// core makes its calendar from the result as written, without the merge's code.
std::string ics_calendar(const nlohmann::json& result, const nlohmann::json& tables);

// RFC 5545 §3.3.11: backslash, semicolon, comma and newline escaped.
std::string ics_escape(std::string_view text);

// RFC 5545 §3.1: one content line, folded to at most 75 octets per physical
// line, each ending in CRLF.
std::string ics_fold(std::string_view line);

}  // namespace ivp
