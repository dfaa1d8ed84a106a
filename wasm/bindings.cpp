// embind bindings: the whole boundary is two functions, JSON text in and out.
// No domain logic here: every rule lives in src/ and data/.
#include <emscripten/bind.h>

#include <string>

#include "ivp/boundary.h"
#include "ivp/calculate.h"
#include "ivp/catalogue.h"
#include "ivp/error.h"

namespace {

// calculate(scenarioJson, today) → the result JSON, or {"error":{message,where}}.
// `today` (YYYY-MM-DD) is the default melding date; the page passes it so
// the module never reads a clock. Errors come back as data, never as an abort
// (src/ivp/boundary.cpp, shared with the CLI's calc-lines).
std::string calculate(const std::string& scenario_json, const std::string& today) {
    return ivp::calculate_json_text(scenario_json, today);
}

std::string catalogue() { return ivp::catalogue_json(ivp::embedded_catalogue()).dump(); }

}  // namespace

EMSCRIPTEN_BINDINGS(ivp) {
    emscripten::function("calculate", &calculate);
    emscripten::function("catalogue", &catalogue);
}
