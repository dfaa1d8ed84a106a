#include "ivp/eligibility/compiled_rules.h"

#include <cmath>
#include <limits>

#include "ivp/base/error.h"
#include "ivp/base/json_input.h"
#include "ivp/base/json_object.h"

// Each operator below mirrors the one of jsonlogic.cpp (which mirrors
// json-logic-js 2.0.5), restricted to primitive values: with no arrays or
// objects, ToPrimitive is the identity and object identity never arises.

namespace ivp::rules {

using nlohmann::json;
using Kind = Value::Kind;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool truthy(const Value& v) {
    switch (v.kind) {
        case Kind::boolean: return v.b;
        case Kind::number: return !(v.n == 0 || std::isnan(v.n));
        case Kind::string: return !v.s->empty();
        default: return false;  // undefined, null (unknown never gets here)
    }
}

double to_number(const Value& v) {
    switch (v.kind) {
        case Kind::null: return 0;
        case Kind::boolean: return v.b ? 1 : 0;
        case Kind::number: return v.n;
        case Kind::string: return jsonlogic::js_string_to_number(*v.s);
        default: return kNaN;  // undefined
    }
}

bool nullish(const Value& v) { return v.kind == Kind::undefined || v.kind == Kind::null; }

// ===
bool strict_equal(const Value& a, const Value& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
        case Kind::boolean: return a.b == b.b;
        case Kind::number: return a.n == b.n;
        case Kind::string: return *a.s == *b.s;
        default: return true;  // undefined, null
    }
}

// == (IsLooselyEqual on primitives): booleans become numbers, a number and a
// string compare as numbers.
bool loose_equal(const Value& a, const Value& b) {
    if (nullish(a) || nullish(b)) return nullish(a) && nullish(b);
    if (a.kind == b.kind) return strict_equal(a, b);
    if (a.kind == Kind::boolean) return loose_equal(Value::number(a.b ? 1 : 0), b);
    if (b.kind == Kind::boolean) return loose_equal(a, Value::number(b.b ? 1 : 0));
    return to_number(a) == to_number(b);
}

// a < b: less, not less, or undefined (a NaN on either side).
enum class Cmp { less, not_less, undefined };
Cmp less_than(const Value& a, const Value& b) {
    if (a.kind == Kind::string && b.kind == Kind::string)
        return jsonlogic::js_string_less(*a.s, *b.s) ? Cmp::less : Cmp::not_less;
    const double x = to_number(a), y = to_number(b);
    if (std::isnan(x) || std::isnan(y)) return Cmp::undefined;
    return x < y ? Cmp::less : Cmp::not_less;
}
bool js_lt(const Value& a, const Value& b) { return less_than(a, b) == Cmp::less; }
bool js_le(const Value& a, const Value& b) { return less_than(b, a) == Cmp::not_less; }

// The equality of two results as jsonlogic.cpp's `if` uses it (json ==):
// the same type and value; numbers by value (NaN differs from itself).
bool same_result(const Value& a, const Value& b) {
    if (a.kind != b.kind) return false;
    return a.kind == Kind::undefined || strict_equal(a, b);
}

}  // namespace

std::optional<Value> from_json(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return Value::null();
        case json::value_t::boolean: return Value::boolean(v.get<bool>());
        case json::value_t::number_integer: return Value::number(static_cast<double>(v.get<std::int64_t>()));
        case json::value_t::number_unsigned: return Value::number(static_cast<double>(v.get<std::uint64_t>()));
        case json::value_t::number_float: return Value::number(v.get<double>());
        case json::value_t::string: return Value::string(&v.get_ref<const std::string&>());
        default: return std::nullopt;
    }
}

json to_json(const Value& v) {
    switch (v.kind) {
        case Kind::boolean: return v.b;
        case Kind::number: {
            // Integral numbers print as integers, as the tree walker keeps them.
            if (std::isfinite(v.n) && v.n == std::trunc(v.n) && std::fabs(v.n) < 9.0e15 && !(v.n == 0 && std::signbit(v.n)))
                return static_cast<std::int64_t>(v.n);
            return v.n;
        }
        case Kind::string: return *v.s;
        default: return nullptr;
    }
}

RuleSet::RuleSet(std::vector<std::string> slot_names) : slot_names_(std::move(slot_names)) {}

std::optional<std::size_t> RuleSet::slot(std::string_view name) const {
    for (std::size_t i = 0; i < slot_names_.size(); ++i)
        if (slot_names_[i] == name) return i;
    return std::nullopt;
}

std::optional<std::size_t> RuleSet::compile(const json& rule) {
    // On failure the nodes of a partial compile stay behind unused: harmless,
    // and compile() is called once per rule at start-up.
    const auto root = compile_node(rule);
    if (!root) return std::nullopt;
    roots_.push_back(*root);
    return roots_.size() - 1;
}

std::optional<std::uint32_t> RuleSet::compile_node(const json& rule) {
    const auto add = [this](Node n) {
        nodes_.push_back(n);
        return static_cast<std::uint32_t>(nodes_.size() - 1);
    };
    if (rule.is_array()) return std::nullopt;  // an array value
    if (!(rule.is_object() && rule.size() == 1)) {
        if (rule.is_object()) return std::nullopt;  // an object literal
        Value v = *from_json(rule);
        if (v.kind == Kind::string) {
            strings_.push_back(std::make_unique<std::string>(rule.get<std::string>()));
            v.s = strings_.back().get();
        }
        literals_.push_back(v);
        return add({Op::literal, static_cast<std::uint32_t>(literals_.size() - 1), 0});
    }
    const auto it = rule.begin();
    const std::string& op = it.key();
    const json& raw = it.value();
    std::vector<const json*> operands;
    if (raw.is_array()) for (const auto& v : raw) operands.push_back(&v);
    else operands.push_back(&raw);

    if (op == "var") {
        // Only {"var":"name"} and {"var":["name"]}: a dotted path, a default,
        // an empty or computed name keep the tree walker.
        if (operands.size() != 1 || !operands[0]->is_string()) return std::nullopt;
        const auto& name = operands[0]->get_ref<const std::string&>();
        if (name.empty() || name.find('.') != std::string::npos) return std::nullopt;
        const auto s = slot(name);
        if (!s) return std::nullopt;
        return add({Op::slot, static_cast<std::uint32_t>(*s), 0});
    }
    static const std::pair<const char*, Op> kOps[] = {
        {"!", Op::not_}, {"!!", Op::not_not}, {"and", Op::and_}, {"or", Op::or_}, {"if", Op::if_}, {"?:", Op::if_},
        {"==", Op::eq}, {"!=", Op::ne}, {"===", Op::strict_eq}, {"!==", Op::strict_ne},
        {"<", Op::lt}, {"<=", Op::le}, {">", Op::gt}, {">=", Op::ge}};
    std::optional<Op> code;
    for (const auto& [name, o] : kOps)
        if (op == name) code = o;
    if (!code) return std::nullopt;
    std::vector<std::uint32_t> kids;
    for (const json* operand : operands) {
        const auto k = compile_node(*operand);
        if (!k) return std::nullopt;
        kids.push_back(*k);
    }
    const auto first = static_cast<std::uint32_t>(children_.size());
    children_.insert(children_.end(), kids.begin(), kids.end());
    return add({*code, first, static_cast<std::uint32_t>(kids.size())});
}

Value RuleSet::apply(std::size_t index, const std::vector<Value>& slots) const noexcept { return eval(roots_[index], slots); }

jsonlogic::Truth RuleSet::truth(std::size_t index, const std::vector<Value>& slots) const noexcept {
    const Value v = apply(index, slots);
    if (v.kind == Kind::unknown) return jsonlogic::Truth::unknown;
    return truthy(v) ? jsonlogic::Truth::yes : jsonlogic::Truth::no;
}

// jsonlogic.cpp apply_if: an unknown condition takes both branches; when they
// agree the answer is known after all.
Value RuleSet::eval_if(const Node& n, std::uint32_t i, const std::vector<Value>& slots) const noexcept {
    for (; i + 1 < n.count; i += 2) {
        const Value c = eval(children_[n.first + i], slots);
        if (c.kind == Kind::unknown) {
            const Value then = eval(children_[n.first + i + 1], slots);
            const Value rest = eval_if(n, i + 2, slots);
            if (then.kind != Kind::unknown && rest.kind != Kind::unknown && same_result(then, rest)) return then;
            return Value::unknown();
        }
        if (truthy(c)) return eval(children_[n.first + i + 1], slots);
    }
    if (n.count == i + 1) return eval(children_[n.first + i], slots);
    return Value::null();
}

Value RuleSet::eval(std::uint32_t index, const std::vector<Value>& slots) const noexcept {
    const Node& n = nodes_[index];
    switch (n.op) {
        case Op::literal: return literals_[n.first];
        case Op::slot: {
            // A slot the caller did not fill is absent: null, as a missing key.
            return n.first < slots.size() ? slots[n.first] : Value::null();
        }
        case Op::if_: return eval_if(n, 0, slots);
        case Op::and_:
        case Op::or_: {
            // The first operand that decides (falsy for and, truthy for or),
            // else the last; a known decider wins over an earlier unknown.
            const bool is_and = n.op == Op::and_;
            Value current;
            bool saw_unknown = false;
            for (std::uint32_t k = 0; k < n.count; ++k) {
                current = eval(children_[n.first + k], slots);
                if (current.kind == Kind::unknown) {
                    saw_unknown = true;
                    continue;
                }
                if (truthy(current) != is_and) return current;
            }
            return saw_unknown ? Value::unknown() : current;
        }
        default: break;
    }
    // Every operand is evaluated (json-logic-js maps them all), and any
    // unknown one makes the result unknown. At most three are read.
    Value a[3];
    bool any_unknown = false;
    for (std::uint32_t k = 0; k < n.count; ++k) {
        const Value v = eval(children_[n.first + k], slots);
        any_unknown = any_unknown || v.kind == Kind::unknown;
        if (k < 3) a[k] = v;
    }
    if (any_unknown) return Value::unknown();
    switch (n.op) {
        case Op::not_: return Value::boolean(!truthy(a[0]));
        case Op::not_not: return Value::boolean(truthy(a[0]));
        case Op::eq: return Value::boolean(loose_equal(a[0], a[1]));
        case Op::ne: return Value::boolean(!loose_equal(a[0], a[1]));
        case Op::strict_eq: return Value::boolean(strict_equal(a[0], a[1]));
        case Op::strict_ne: return Value::boolean(!strict_equal(a[0], a[1]));
        case Op::gt: return Value::boolean(js_lt(a[1], a[0]));
        case Op::ge: return Value::boolean(js_le(a[1], a[0]));
        case Op::lt:
        case Op::le: {
            const auto cmp = n.op == Op::lt ? js_lt : js_le;
            if (a[2].kind == Kind::undefined) return Value::boolean(cmp(a[0], a[1]));
            return Value::boolean(cmp(a[0], a[1]) && cmp(a[1], a[2]));
        }
        default: return Value::unknown();  // not reached: every Op is handled above
    }
}

CriteriaRules compile_criteria(const std::vector<Policy>& policies, const FactsCatalogue& facts) {
    CriteriaRules out;
    out.facts = &facts;
    std::vector<std::string> names;
    for (const auto& f : facts.facts) names.push_back(f.id);
    out.set = RuleSet(std::move(names));
    for (const auto& p : policies)
        for (const auto& c : p.criteria) out.entries.push_back({p.id, c.id, c.condition, out.set.compile(c.condition)});
    return out;
}

const CriteriaRules& embedded_criteria_rules() {
    static const CriteriaRules rules = compile_criteria(embedded_policies(), embedded_facts());
    return rules;
}

std::vector<Value> slots_from_profile(const json& profile, const FactsCatalogue& facts) {
    std::vector<Value> slots(facts.facts.size(), Value::unknown());
    for (std::size_t i = 0; i < facts.facts.size(); ++i) {
        const auto it = profile.find(facts.facts[i].id);
        if (it == profile.end() || it->is_null()) continue;
        if (const auto v = from_json(*it)) slots[i] = *v;
    }
    return slots;
}

std::vector<Value> slots_from_codes(const std::vector<double>& codes, const FactsCatalogue& facts) {
    if (codes.size() != facts.facts.size())
        throw InputError("", "verwacht " + std::to_string(facts.facts.size()) + " getallen (één per feit), maar kreeg er " +
                                 std::to_string(codes.size()) + ".");
    std::vector<Value> slots(facts.facts.size(), Value::unknown());
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const double x = codes[i];
        if (std::isnan(x)) continue;  // not answered
        const Fact& f = facts.facts[i];
        // The pointer is built only for an error: this loop is the hot path.
        const auto where = [&f] { return pointer_join("/profile", f.id); };
        switch (f.type) {
            case FactType::boolean:
                if (x != 0 && x != 1) throw InputError(where(), "verwacht 1 (ja) of 0 (nee).");
                slots[i] = Value::boolean(x == 1);
                break;
            case FactType::integer:
                if (x != std::trunc(x) || x < static_cast<double>(f.min) || x > static_cast<double>(f.max))
                    throw InputError(where(), "verwacht een geheel getal van " + std::to_string(f.min) + " tot en met " +
                                                std::to_string(f.max) + ".");
                slots[i] = Value::number(x);
                break;
            case FactType::choice:
                if (x != std::trunc(x) || x < 0 || x >= static_cast<double>(f.choices.size()))
                    throw InputError(where(), "verwacht het nummer van een keuze (0 tot " + std::to_string(f.choices.size()) + ").");
                slots[i] = Value::string(&f.choices[static_cast<std::size_t>(x)]);
                break;
            case FactType::date:
                throw InputError(where(), "een datum kan niet als getal worden doorgegeven; gebruik criteriaTruths.");
        }
    }
    return slots;
}

std::string criteria_truths(const CriteriaRules& rules, const std::vector<Value>& slots) {
    std::string out(rules.entries.size(), '?');
    criteria_truths(rules, slots, out.data());
    return out;
}

void criteria_truths(const CriteriaRules& rules, const std::vector<Value>& slots, char* out) {
    std::optional<json> profile;  // built only for a rule outside the compiled subset
    std::set<std::string> unknown;
    for (std::size_t i = 0; i < rules.entries.size(); ++i) {
        const auto& e = rules.entries[i];
        jsonlogic::Truth t;
        if (e.compiled) {
            t = rules.set.truth(*e.compiled, slots);
        } else {
            if (!profile) {
                profile = json::object();
                for (std::size_t k = 0; k < slots.size(); ++k) {
                    if (slots[k].kind == Kind::unknown) unknown.insert(rules.facts->facts[k].id);
                    else (*profile)[rules.facts->facts[k].id] = to_json(slots[k]);
                }
            }
            t = jsonlogic::evaluate(e.rule, *profile, unknown);
        }
        out[i] = t == jsonlogic::Truth::yes ? 'j' : t == jsonlogic::Truth::no ? 'n' : '?';
    }
}

std::string criteria_truths_json_text(std::string_view profile_json) {
    try {
        const auto& rules = embedded_criteria_rules();
        const json profile = validate_profile(parse_user_json(profile_json), *rules.facts);
        return criteria_truths(rules, slots_from_profile(profile, *rules.facts));
    } catch (const InputError& e) {
        return error_json_text(e.what(), e.where());
    } catch (const std::exception& e) {
        return error_json_text(std::string("Onverwachte fout: ") + e.what(), "");
    }
}

std::string criteria_truths_coded_text(const std::vector<double>& codes) {
    try {
        const auto& rules = embedded_criteria_rules();
        return criteria_truths(rules, slots_from_codes(codes, *rules.facts));
    } catch (const InputError& e) {
        return error_json_text(e.what(), e.where());
    } catch (const std::exception& e) {
        return error_json_text(std::string("Onverwachte fout: ") + e.what(), "");
    }
}

std::string criteria_truths_coded_into(const std::vector<double>& codes, char* out) {
    try {
        const auto& rules = embedded_criteria_rules();
        criteria_truths(rules, slots_from_codes(codes, *rules.facts), out);
        return {};
    } catch (const InputError& e) {
        return error_json_text(e.what(), e.where());
    } catch (const std::exception& e) {
        return error_json_text(std::string("Onverwachte fout: ") + e.what(), "");
    }
}

std::string criteria_truths_tree_walker(const CriteriaRules& rules, const json& profile) {
    std::set<std::string> unknown;
    for (const auto& f : rules.facts->facts)
        if (!profile.contains(f.id)) unknown.insert(f.id);
    std::string out;
    for (const auto& e : rules.entries) {
        const auto t = jsonlogic::evaluate(e.rule, profile, unknown);
        out += t == jsonlogic::Truth::yes ? 'j' : t == jsonlogic::Truth::no ? 'n' : '?';
    }
    return out;
}

json criteria_rules_json(const CriteriaRules& rules) {
    json out = json::array();
    for (const auto& e : rules.entries)
        out.push_back(JsonObject().add("policy", e.policy).add("criterion", e.criterion).add("rule", e.rule).take());
    return out;
}

json compiled_case(const json& rule, const json& data) {
    if (!data.is_null() && !data.is_object()) return nullptr;
    std::vector<std::string> names;
    std::vector<Value> slots;
    if (data.is_object())
        for (const auto& [key, value] : data.items()) {
            const auto v = from_json(value);
            if (!v) continue;  // not a slot: a rule reading it does not compile
            names.push_back(key);
            slots.push_back(*v);
        }
    for (const auto& name : jsonlogic::vars_used(rule))
        if (!data.is_object() || !data.contains(name)) {
            names.push_back(name);
            slots.push_back(Value::null());  // absent: json-logic-js gives null
        }
    RuleSet set(std::move(names));
    const auto index = set.compile(rule);
    if (!index) return nullptr;
    const Value v = set.apply(*index, slots);
    jsonlogic::Result r;
    if (v.kind == Kind::undefined) r.kind = jsonlogic::Result::Kind::undefined;
    else r.value = to_json(v);
    return JsonObject().add("result", jsonlogic::canonical(r)).add("compiled", true);
}

}  // namespace ivp::rules
