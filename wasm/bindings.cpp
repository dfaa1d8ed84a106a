// embind bindings: a few functions, JSON text in and text out (and, for
// eligibility alone, numbers in and bytes out through the module's memory).
// No domain logic here: every rule lives in src/ and data/.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <limits>
#include <string>
#include <vector>

#include "ivp/base/json_object.h"
#include "ivp/api/boundary.h"
#include "ivp/result/calculate.h"
#include "ivp/result/rulebook_json.h"
#include "ivp/model/catalogue.h"
#include "ivp/eligibility/compiled_rules.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/error.h"
#include "ivp/dates/ics.h"
#include "ivp/api/letters.h"
#include "ivp/api/situation.h"
#include "ivp/eligibility/policy_pack.h"

namespace {

// calculate(scenarioJson, today) → the result JSON, or {"error":{message,where}}.
// `today` (YYYY-MM-DD) is the default melding date; the page passes it so
// the module never reads a clock. Errors come back as data, never as an abort
// (src/ivp/api/boundary.cpp, shared with the CLI's calc-lines).
std::string calculate(const std::string& scenario_json, const std::string& today) {
    return ivp::calculate_json_text(scenario_json, today);
}

// calculateLean(scenarioJson, today) → only the parts of the result that the
// amounts reach (the page's call at every change), and
// explain(scenarioJson, today) → everything else, provisions keyed by id
// (src/ivp/base/detail.h, src/ivp/result/explain.h).
std::string calculate_lean(const std::string& scenario_json, const std::string& today) {
    return ivp::calculate_lean_json_text(scenario_json, today);
}
std::string explain(const std::string& scenario_json, const std::string& today) {
    return ivp::explain_json_text(scenario_json, today);
}
// situation(scenarioJson, today) → the parts of the explanation the profile
// reaches: the page's call after an answer (src/ivp/api/situation.h).
std::string situation(const std::string& scenario_json, const std::string& today) {
    return ivp::situation_json_text(scenario_json, today);
}
// situationSince(scenarioJson, previousProfileJson, today) → the same, without
// the verdicts of the provisions no changed fact reaches: the caller holds
// the explanation of the previous profile (src/ivp/api/situation.h).
std::string situation_since(const std::string& scenario_json, const std::string& previous_profile_json,
                            const std::string& today) {
    return ivp::situation_since_json_text(scenario_json, previous_profile_json, today);
}

// ics(scenarioJson, today) → the timeline as an iCalendar text (RFC 5545),
// or the same {"error":{message,where}} JSON as calculate on bad input.
std::string ics(const std::string& scenario_json, const std::string& today) {
    try {
        const auto date = ivp::parse_iso_date(today);
        if (!date) return ivp::error_json_text("De datum van vandaag (\"" + today + "\") is ongeldig.", "");
        // The result as written: ics_calendar looks its texts up in the tables.
        return ivp::ics_calendar(ivp::calculate_text(scenario_json, *date), ivp::embedded_rulebook_tables());
    } catch (const ivp::InputError& e) {
        return ivp::error_json_text(e.what(), e.where());
    } catch (const std::exception& e) {
        return ivp::error_json_text(std::string("Onverwachte fout: ") + e.what(), "");
    }
}

// letter(kind, scenarioJson, today) → {"text": …} (kind "ingebrekestelling" or
// "bezwaar") or {"error":{message,where}} when no such letter applies.
std::string letter(const std::string& kind, const std::string& scenario_json, const std::string& today) {
    return ivp::letter_json_text(kind, scenario_json, today);
}

// validatePolicyPack(packJson) → {"ok":true,id,title,label,…} or
// {"error":{message,where}}: the page's "laad een beleidsbestand", with the
// checks of `ivp validate FILE` (src/ivp/eligibility/policy_pack.h).
std::string validate_policy_pack(const std::string& pack_json) {
    try {
        return ivp::json_text(ivp::validate_policy_pack_text(pack_json));
    } catch (const ivp::InputError& e) {
        return ivp::error_json_text(e.what(), e.where());
    } catch (const std::exception& e) {
        return ivp::error_json_text(std::string("Onverwachte fout: ") + e.what(), "");
    }
}

// rulebook() → the tables every result refers to by id (sources, policies,
// facts, terms, …; src/ivp/result/rulebook_json.h): the page reads them once.
std::string rulebook() { return ivp::embedded_rulebook_json_text(); }

std::string catalogue() { return ivp::catalogue_json_text(); }

// The questions of the "uw situatie" step, as data/facts.json holds them: the
// site renders them and sends the answers back as the scenario's `profile`.
std::string facts() { return std::string(ivp::embedded::data_file("facts.json")); }

// Eligibility alone (docs/perf.md, "Geschiktheid tegen json-logic-js"):
// every criterion of every policy for one profile, one character each
// ('j','n','?') in the order of criteriaRules(). criteriaTruths takes the
// profile as JSON text and returns the characters as a string. The coded form
// skips JSON, emval and strings both ways: the page writes one number per
// fact (src/ivp/eligibility/compiled_rules.h) into the module's memory through the
// Float64Array of criteriaCodes(), calls criteriaTruthsCoded(), and reads the
// characters from the Uint8Array of criteriaTruthsView(). The buffers and the
// last error are the boundary's only state.
std::string criteria_rules() { return ivp::json_text(ivp::rules::criteria_rules_json(ivp::rules::embedded_criteria_rules())); }
std::string criteria_truths(const std::string& profile_json) { return ivp::rules::criteria_truths_json_text(profile_json); }
std::vector<double>& codes_buffer() {
    static std::vector<double> codes(ivp::embedded_facts().facts.size(), std::numeric_limits<double>::quiet_NaN());
    return codes;
}
std::string& truths_buffer() {
    static std::string truths(ivp::rules::embedded_criteria_rules().entries.size(), '?');
    return truths;
}
std::string& last_error() {
    static std::string error;
    return error;
}
// Views, not copies: they are detached when the memory grows; the page then asks again.
emscripten::val criteria_codes() {
    auto& codes = codes_buffer();
    return emscripten::val(emscripten::typed_memory_view(codes.size(), codes.data()));
}
emscripten::val criteria_truths_view() {
    auto& truths = truths_buffer();
    return emscripten::val(emscripten::typed_memory_view(truths.size(), reinterpret_cast<unsigned char*>(truths.data())));
}
// true: the truths are in criteriaTruthsView(); false: bad codes, criteriaError() says which.
bool criteria_truths_coded() {
    last_error() = ivp::rules::criteria_truths_coded_into(codes_buffer(), truths_buffer().data());
    return last_error().empty();
}
std::string criteria_error() { return last_error(); }

}  // namespace

EMSCRIPTEN_BINDINGS(ivp) {
    emscripten::function("calculate", &calculate);
    emscripten::function("calculateLean", &calculate_lean);
    emscripten::function("explain", &explain);
    emscripten::function("situation", &situation);
    emscripten::function("situationSince", &situation_since);
    emscripten::function("catalogue", &catalogue);
    emscripten::function("rulebook", &rulebook);
    emscripten::function("facts", &facts);
    emscripten::function("ics", &ics);
    emscripten::function("letter", &letter);
    emscripten::function("validatePolicyPack", &validate_policy_pack);
    emscripten::function("criteriaRules", &criteria_rules);
    emscripten::function("criteriaTruths", &criteria_truths);
    emscripten::function("criteriaCodes", &criteria_codes);
    emscripten::function("criteriaTruthsCoded", &criteria_truths_coded);
    emscripten::function("criteriaTruthsView", &criteria_truths_view);
    emscripten::function("criteriaError", &criteria_error);
}
