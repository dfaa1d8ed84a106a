#pragma once
// Letters for when the municipality is late or decides against the user
// (docs/kit.md): an ingebrekestelling (Awb 4:17) filled with the computed
// dates and dwangsom, and a bezwaarschrift skeleton with the bezwaar deadline
// (Awb 6:7, 6:8 lid 1, Atw art. 1). Plain text, made by the core so the CLI
// (`ivp brief …`) and the page print the very same letter.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "ivp/base/date.h"
#include "ivp/model/scenario.h"

namespace ivp {

enum class LetterKind { ingebrekestelling, bezwaar };

// "ingebrekestelling" or "bezwaar"; nullopt for anything else.
std::optional<LetterKind> parse_letter_kind(std::string_view name);

// The letter for scenario `s` with its full result `result` (calculate()).
// Throws InputError with a Dutch message when no such letter applies (the
// term still runs, there is no aanvraag or beschikking date, …).
std::string letter_text(LetterKind kind, const Scenario& s, const nlohmann::json& result);

// From scenario JSON text; `today` is the default melding and peildatum.
std::string letter_text(LetterKind kind, std::string_view scenario_json, Date today);

// The page's boundary: {"text": …} or {"error":{message, where}}; never throws.
std::string letter_json_text(std::string_view kind, std::string_view scenario_json, std::string_view today);

}  // namespace ivp
