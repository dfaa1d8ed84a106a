#pragma once
// JsonLogic rules compiled once into a flat node array over *slots* (the
// facts by index), evaluated without string compares or allocations.
//
// Why: every criterion of the policies is a small rule over facts (var, !,
// and, or, if, comparisons). The tree walker of jsonlogic.cpp looks up the
// operator by name, copies json values and searches the profile object by key
// for each node, on every evaluation. Compiled, an operator is an enum, a
// `var` is a slot index and a literal is already a value (docs/perf.md,
// "Geschiktheid tegen json-logic-js").
//
// Semantics: exactly those of jsonlogic::apply — json-logic-js 2.0.5 plus the
// Kleene unknowns — for the subset that compiles: literals (null, booleans,
// numbers, strings), `var` of a plain slot name (no dots, no default), and
// !, !!, and, or, if, ?:, ==, !=, ===, !==, <, <=, >, >=. Anything else does
// not compile (compile() says so) and the caller keeps the tree walker.
// tests/node/jsonlogic-conformance.test.mjs holds the compiled form to
// json-logic-js through `ivp jsonlogic --compiled`; tests/unit/compiled_rules_test.cpp
// holds it to the tree walker on the policies' criteria with unknowns.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ivp/model/facts.h"
#include "ivp/eligibility/jsonlogic.h"
#include "ivp/eligibility/policy.h"

namespace ivp::rules {

// A JavaScript primitive, or undefined, or unknown (an unanswered fact).
// Strings are borrowed: from the rule set's literals or from whoever filled
// the slots (the facts catalogue's choices, a json document).
struct Value {
    enum class Kind : std::uint8_t { undefined, unknown, null, boolean, number, string };
    Kind kind = Kind::undefined;
    bool b = false;
    double n = 0;
    const std::string* s = nullptr;

    static Value unknown() { return {Kind::unknown}; }
    static Value null() { return {Kind::null}; }
    static Value boolean(bool x) { return {Kind::boolean, x}; }
    static Value number(double x) { return {Kind::number, false, x}; }
    static Value string(const std::string* x) { return {Kind::string, false, 0, x}; }
};

// A primitive json value as a Value (strings borrowed from `v`); nullopt for
// arrays and objects, which the compiled form does not handle.
std::optional<Value> from_json(const nlohmann::json& v);
nlohmann::json to_json(const Value& v);  // undefined and unknown become null

// Compiled rules over a fixed table of slot names.
class RuleSet {
public:
    explicit RuleSet(std::vector<std::string> slot_names);

    // Compiles `rule`; its index, or nullopt when the rule uses something
    // outside the compiled subset (then nothing is added).
    std::optional<std::size_t> compile(const nlohmann::json& rule);

    std::size_t size() const { return roots_.size(); }
    const std::vector<std::string>& slot_names() const { return slot_names_; }
    std::optional<std::size_t> slot(std::string_view name) const;

    // Applies rule `index` (< size()) to `slots` (one Value per slot name).
    // noexcept on purpose: in WebAssembly with Emscripten's JS exception
    // handling every call that might throw, made where a destructor must run,
    // goes out to JavaScript and back (an invoke_ wrapper); 71 rules × a few
    // calls each made that the larger part of an evaluation (docs/perf.md).
    Value apply(std::size_t index, const std::vector<Value>& slots) const noexcept;
    // Its three-valued truth, as jsonlogic::evaluate.
    jsonlogic::Truth truth(std::size_t index, const std::vector<Value>& slots) const noexcept;

    enum class Op : std::uint8_t { literal, slot, not_, not_not, and_, or_, if_, eq, ne, strict_eq, strict_ne, lt, le, gt, ge };
    struct Node {
        Op op = Op::literal;
        std::uint32_t first = 0;  // literal: index into literals_; slot: slot; else first child in children_
        std::uint32_t count = 0;  // number of operands
    };

private:
    std::optional<std::uint32_t> compile_node(const nlohmann::json& rule);
    Value eval(std::uint32_t node, const std::vector<Value>& slots) const noexcept;
    Value eval_if(const Node& n, std::uint32_t from, const std::vector<Value>& slots) const noexcept;

    std::vector<std::string> slot_names_;
    std::vector<Node> nodes_;
    std::vector<std::uint32_t> children_;
    std::vector<Value> literals_;
    std::vector<std::unique_ptr<std::string>> strings_;  // stable addresses for string literals
    std::vector<std::uint32_t> roots_;
};

// Every criterion of the given policies, in order (policy by policy), compiled
// over the facts catalogue (slot i is facts.facts[i]). A criterion outside the
// compiled subset keeps its json rule and is evaluated by the tree walker.
struct CriteriaRules {
    struct Entry {
        std::string policy;
        std::string criterion;
        nlohmann::json rule;
        std::optional<std::size_t> compiled;
    };
    const FactsCatalogue* facts = nullptr;
    RuleSet set{{}};
    std::vector<Entry> entries;
};
CriteriaRules compile_criteria(const std::vector<Policy>& policies, const FactsCatalogue& facts);
const CriteriaRules& embedded_criteria_rules();

// Slots from a profile that validate_profile accepted: an absent fact is unknown.
std::vector<Value> slots_from_profile(const nlohmann::json& profile, const FactsCatalogue& facts);

// Slots from the coded profile: one number per fact in catalogue order — NaN
// for unanswered, 0/1 for a yes/no fact, the number for an integer fact, the
// index of the choice for a choice fact. Throws InputError naming the fact.
std::vector<Value> slots_from_codes(const std::vector<double>& codes, const FactsCatalogue& facts);

// One character per criterion, in the order of `rules.entries`: 'j' (holds),
// 'n' (does not hold), '?' (unknown).
std::string criteria_truths(const CriteriaRules& rules, const std::vector<Value>& slots);
// The same into `out` (rules.entries.size() characters), allocating nothing
// for the answer.
void criteria_truths(const CriteriaRules& rules, const std::vector<Value>& slots, char* out);

// The same truths from the tree walker of jsonlogic.h alone — every
// criterion's json rule on `profile`, a fact absent from it unknown: the
// reference the compiled form is held to (tests, benchmark).
std::string criteria_truths_tree_walker(const CriteriaRules& rules, const nlohmann::json& profile);

// The boundary of the benchmark in docs/perf.md (and of the bindings
// criteriaTruths/criteriaTruthsCoded): the truths as text, or the error JSON
// {"error":{message,where}} of boundary.h on bad input.
std::string criteria_truths_json_text(std::string_view profile_json);
std::string criteria_truths_coded_text(const std::vector<double>& codes);
// The coded boundary with no string back: the truths go into `out`
// (rules.entries.size() bytes); returns "" or the error JSON. The binding
// returns a string only for an error: decoding a returned string was most of
// the cost of a call (docs/perf.md).
std::string criteria_truths_coded_into(const std::vector<double>& codes, char* out);
// [{"policy","criterion","rule"}] in the order of the truths.
nlohmann::json criteria_rules_json(const CriteriaRules& rules);

// `ivp jsonlogic --compiled`: one conformance case through the compiled form,
// with the data's top-level keys (and the rule's other var names, absent) as
// slots: {"result":…,"compiled":true}, or null when the case is outside the
// compiled subset (a rule outside it, or it reads an array or object).
nlohmann::json compiled_case(const nlohmann::json& rule, const nlohmann::json& data);

}  // namespace ivp::rules
