#pragma once
// JsonLogic (jsonlogic.com) on nlohmann::json, with the semantics of the npm
// reference implementation json-logic-js 2.0.5 — including JavaScript's own
// coercions (truthiness, ==, number formatting, `+` through parseFloat), because
// a rule must mean the same thing in every implementation that reads it.
// tests/node/jsonlogic-conformance.test.mjs compares this evaluator with
// json-logic-js on the shared test suite and on generated cases.
//
// One extension (docs/eligibility.md): *unknown facts*. When Options names a
// set of unanswered facts, a `var` of such a fact yields Unknown, and
// and/or/!/if and every other operator follow Kleene's three-valued logic:
// `false and unknown` is false, `true or unknown` is true, anything else that
// depends on an unknown is unknown. With no unknowns the evaluator is plain
// JsonLogic.
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ivp::jsonlogic {

// What json-logic-js would throw (an unknown operator, `*` without
// arguments, missing_some without a list).
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Options {
    // Facts the user has not answered (var names, or their first dotted part).
    const std::set<std::string>* unknown = nullptr;
};

// The outcome of applying a rule. JavaScript has values JSON lacks: a result
// may be `undefined` (e.g. {"and":[]}); NaN and ±Infinity are kept as doubles
// in `value`. `unknown` is our extension.
struct Result {
    enum class Kind { value, undefined, unknown };
    Kind kind = Kind::value;
    nlohmann::json value;  // meaningful when kind == value

    bool is_unknown() const { return kind == Kind::unknown; }
};

Result apply(const nlohmann::json& rule, const nlohmann::json& data, const Options& options = {});

// Three-valued truth of a condition: JsonLogic truthiness ([] and "" are
// false), or unknown.
enum class Truth { no, yes, unknown };
Truth evaluate(const nlohmann::json& rule, const nlohmann::json& data, const std::set<std::string>& unknown);
Truth kleene_and(Truth a, Truth b);
Truth kleene_or(Truth a, Truth b);
Truth kleene_not(Truth a);

// JsonLogic truthiness of a JSON value (json-logic-js `truthy`).
bool truthy(const nlohmann::json& value);

// JavaScript's Number::toString (shortest round-trip digits, ECMA-262 layout).
std::string js_number_to_string(double x);

// ECMAScript ToNumber of a string ("" is 0, " 12 " is 12, "0x1f" is 31, "abc"
// NaN) and the < of two strings (UTF-16 code units): the coercions
// src/ivp/eligibility/compiled_rules.cpp shares with this evaluator.
double js_string_to_number(std::string_view text);
bool js_string_less(std::string_view a, std::string_view b);

// The facts a rule reads: the first dotted part of every `var` with a literal
// name, in order of first appearance.
std::vector<std::string> vars_used(const nlohmann::json& rule);

// Every number literal in a rule (for probing integer facts near thresholds).
void number_literals(const nlohmann::json& rule, std::vector<double>& out);

// The result as a JSON value both sides can compare: NaN/±Infinity/undefined
// become {"$js":"NaN"} etc. (JSON.stringify would silently turn them into null).
nlohmann::json canonical(const Result& result);

}  // namespace ivp::jsonlogic
