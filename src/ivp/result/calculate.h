#pragma once
// The one pure function of the core: scenario in, result out. The CLI and the
// WASM module are thin wrappers around calculate_text().
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "ivp/base/calendar.h"
#include "ivp/model/catalogue.h"
#include "ivp/base/date.h"
#include "ivp/base/detail.h"
#include "ivp/rulebook/rulebook.h"
#include "ivp/model/scenario.h"
#include "ivp/result/result_draft.h"

namespace ivp {

inline constexpr int kResultSchema = 1;

// The result of a validated scenario (see docs/result.md for every field).
// Detail::lean gives only the parts the amounts reach (ivp/detail.h,
// ivp/explain.h); Detail::full is the contract of `ivp calc`.
// The scenario must have been parsed against rulebook.catalogue.
nlohmann::json calculate(const Scenario& scenario, const Rulebook& rulebook, Detail detail = Detail::full);

// The full result before it is written (result_draft.h): draft_text() gives
// its text, draft_tree() the tree calculate() returns.
ResultDraft calculate_draft(const Scenario& scenario, const Rulebook& rulebook);

// Parses, validates and calculates. `today` is the default melding date.
// Throws InputError (Dutch message, JSON Pointer) on any bad input; never
// returns a partial result.
nlohmann::json calculate_text(std::string_view scenario_json, Date today, Detail detail = Detail::full);
// The same, full, before it is written: what the WASM core and the CLI write as text.
ResultDraft calculate_text_draft(std::string_view scenario_json, Date today);

// The same with the default scenario: the whole ALS IVP package, melding today.
nlohmann::json calculate_default(Date today);

// The catalogue as the page shows it: ids, names, amounts, constraints, sources.
nlohmann::json catalogue_json(const Catalogue& catalogue);
// Provision id -> the fields of a result's provision that are its row's and
// no scenario changes: {table_amount, need, need_reason?, sla_werkdagen,
// source (the row's source id)}. The rulebook's `provisions`; the merge puts
// them back in each provision of a result.
nlohmann::json catalogue_rows_json(const Catalogue& catalogue);
// Its compact text, json_text(catalogue_json(catalogue)) byte for byte,
// written straight from the structs: the page's first call builds no tree
// only to write and free it (docs/perf.md, "Start-up").
std::string catalogue_json_text(const Catalogue& catalogue);

}  // namespace ivp
