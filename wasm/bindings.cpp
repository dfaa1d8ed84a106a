// embind bindings: a few functions, JSON text in and text out.
// No domain logic here: every rule lives in src/ and data/.
#include <emscripten/bind.h>

#include <string>

#include "ivp/boundary.h"
#include "ivp/calculate.h"
#include "ivp/catalogue.h"
#include "ivp/embedded_data.h"
#include "ivp/error.h"
#include "ivp/ics.h"

namespace {

// calculate(scenarioJson, today) → the result JSON, or {"error":{message,where}}.
// `today` (YYYY-MM-DD) is the default melding date; the page passes it so
// the module never reads a clock. Errors come back as data, never as an abort
// (src/ivp/boundary.cpp, shared with the CLI's calc-lines).
std::string calculate(const std::string& scenario_json, const std::string& today) {
    return ivp::calculate_json_text(scenario_json, today);
}

// calculateLean(scenarioJson, today) → only the parts of the result that the
// amounts reach (the page's call at every change), and
// explain(scenarioJson, today) → everything else, provisions keyed by id
// (src/ivp/detail.h, src/ivp/explain.h).
std::string calculate_lean(const std::string& scenario_json, const std::string& today) {
    return ivp::calculate_lean_json_text(scenario_json, today);
}
std::string explain(const std::string& scenario_json, const std::string& today) {
    return ivp::explain_json_text(scenario_json, today);
}

// ics(scenarioJson, today) → the timeline as an iCalendar text (RFC 5545),
// or the same {"error":{message,where}} JSON as calculate on bad input.
std::string ics(const std::string& scenario_json, const std::string& today) {
    try {
        const auto date = ivp::parse_iso_date(today);
        if (!date) return ivp::error_json_text("De datum van vandaag (\"" + today + "\") is ongeldig.", "");
        return ivp::ics_calendar(ivp::calculate_text(scenario_json, *date));
    } catch (const ivp::InputError& e) {
        return ivp::error_json_text(e.what(), e.where());
    } catch (const std::exception& e) {
        return ivp::error_json_text(std::string("Onverwachte fout: ") + e.what(), "");
    }
}

std::string catalogue() { return ivp::catalogue_json(ivp::embedded_catalogue()).dump(); }

// The questions of the "uw situatie" step, as data/facts.json holds them: the
// site renders them and sends the answers back as the scenario's `profile`.
std::string facts() { return std::string(ivp::embedded::data_file("facts.json")); }

}  // namespace

EMSCRIPTEN_BINDINGS(ivp) {
    emscripten::function("calculate", &calculate);
    emscripten::function("calculateLean", &calculate_lean);
    emscripten::function("explain", &explain);
    emscripten::function("catalogue", &catalogue);
    emscripten::function("facts", &facts);
    emscripten::function("ics", &ics);
}
