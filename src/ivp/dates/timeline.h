#pragma once
// Expected delivery dates in three tracks (docs/dates.md, docs/result.md):
//   als_protocol  the ALS protocol's SLA phases and procedure norms, in werkdagen
//   wmo_2015      the statutory terms of the Wmo 2015 (weeks/days, Atw art. 1)
//   gemeente      the municipality's own terms (example: Hattem 2014)
// plus help when the decision is late (Awb 4:17: ingebrekestelling, dwangsom).
// Every date is computed from the melding and the dates the user entered;
// nothing reads a clock (the peildatum comes with the scenario).
#include <nlohmann/json.hpp>

#include "ivp/base/calendar.h"
#include "ivp/model/catalogue.h"
#include "ivp/model/scenario.h"
#include "ivp/dates/terms.h"

namespace ivp {

// delivery.tracks of provision `i` (a selected provision of `catalogue`).
nlohmann::json provision_tracks(const Scenario& s, std::size_t i, const Catalogue& catalogue, const Terms& terms,
                                const Calendar& calendar);

// The request as a whole: the Wmo 2015 procedure from melding to beschikking
// and the municipality's terms, with the request's own dates.
nlohmann::json procedure_timeline(const Scenario& s, const Terms& terms, const Calendar& calendar);

// Awb 4:17 for the Wmo 2015 beschikking on the request: from when an
// ingebrekestelling makes sense, the first dwangsom day, the amount accrued
// by the peildatum (integer eurocents), each with its source.
nlohmann::json late_decision(const Scenario& s, const Terms& terms, const Calendar& calendar);

// Every term once, by milestone id: label, amount, short cite and the full
// source text (milestones carry only the cite, to keep the result small).
nlohmann::json terms_json(const Terms& terms);

// The dwangsom accrued over `days` days (0..max) under `amounts`, in eurocents.
std::int64_t dwangsom_eurocents(const DwangsomAmounts& amounts, int days);

}  // namespace ivp
