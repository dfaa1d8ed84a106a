#pragma once
// Reading the dates of what really happened: the scenario keys "dates" (the
// whole request), "actual" (per provision) and "peildatum" (docs/scenario.md).
#include <array>
#include <nlohmann/json.hpp>
#include <string_view>

#include "ivp/model/catalogue.h"
#include "ivp/model/scenario.h"

namespace ivp {

// Events of the whole request (one melding, one conversation, usually one
// aanvraag and beschikking for the plan, one ingebrekestelling).
inline constexpr std::array<std::string_view, 4> kRequestEvents = {"gesprek", "aanvraag", "beschikking",
                                                                   "ingebrekestelling"};
// Events of one provision: its own (vervolg)melding on afroep, its own
// aanvraag/beschikking when they differ from the plan's, and the supplier's steps.
inline constexpr std::array<std::string_view, 6> kProvisionEvents = {"melding", "aanvraag", "beschikking",
                                                                     "doorgegeven", "passing", "levering"};

// Reads "dates", "actual" and "peildatum" of `input` into `s` (whose melding
// is already read). Throws InputError naming the field: an unknown event, a
// date that does not exist, lies outside the calendar, lies before the
// melding, or comes before the event it follows (beschikking before aanvraag,
// levering before passing).
void read_actual_dates(const nlohmann::json& input, const Catalogue& catalogue, Scenario& s);

// The date of `event` for provision `i`: its own, else the request's.
std::optional<Date> event_date(const Scenario& s, std::size_t i, std::string_view event);

}  // namespace ivp
