#include "ivp/eligibility/jsonlogic.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string_view>

#include "ivp/base/decimal.h"
#include "ivp/base/json_object.h"

// Each operator follows json-logic-js 2.0.5 (logic.js) and the ECMAScript
// abstract operations it relies on (ToNumber, ToString, ==, <, parseFloat).
// Where this file looks odd, JavaScript is odd, and the conformance test
// (tests/node/jsonlogic-conformance.test.mjs) holds us to it.

namespace ivp::jsonlogic {

using nlohmann::json;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// A JavaScript value during evaluation. Arrays and objects that come from the
// data or from a literal in the rule are *borrowed* (`ref`): JavaScript
// compares objects by identity, so two borrowed values are == only when they
// are the same node. Computed arrays are owned and equal to nothing else.
struct Val {
    Result::Kind kind = Result::Kind::value;
    json owned;
    const json* ref = nullptr;

    const json& j() const { return ref ? *ref : owned; }
    bool undefined() const { return kind == Result::Kind::undefined; }
    bool unknown() const { return kind == Result::Kind::unknown; }
};

Val make(json v) { return Val{Result::Kind::value, std::move(v), nullptr}; }
Val borrow(const json& v) { return Val{Result::Kind::value, json(), &v}; }
Val undefined_val() { return Val{Result::Kind::undefined, json(), nullptr}; }
Val unknown_val() { return Val{Result::Kind::unknown, json(), nullptr}; }
Val number(double x) { return make(json(x)); }

// ---- strings: JavaScript counts UTF-16 code units -----------------------------

std::u16string to_utf16(std::string_view s) {
    std::u16string out;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        char32_t cp = 0;
        int extra = 0;
        if (c < 0x80) { cp = c; }
        else if ((c >> 5) == 0x6) { cp = c & 0x1F; extra = 1; }
        else if ((c >> 4) == 0xE) { cp = c & 0x0F; extra = 2; }
        else { cp = c & 0x07; extra = 3; }
        ++i;
        for (int k = 0; k < extra && i < s.size(); ++k, ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
            out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
        } else {
            out.push_back(static_cast<char16_t>(cp));
        }
    }
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// A lone surrogate (half of a split pair) cannot be UTF-8; it becomes U+FFFD.
std::string to_utf8(std::u16string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char16_t u = s[i];
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
            append_utf8(out, 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (s[i + 1] - 0xDC00));
            ++i;
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            append_utf8(out, 0xFFFD);
        } else {
            append_utf8(out, u);
        }
    }
    return out;
}

// ---- ECMAScript abstract operations -----------------------------------------

bool is_js_space(char16_t c) {
    return c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D || c == 0x20 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

std::string trim_js(std::string_view s, bool right) {
    const auto u = to_utf16(s);
    std::size_t b = 0, e = u.size();
    while (b < e && is_js_space(u[b])) ++b;
    while (right && e > b && is_js_space(u[e - 1])) --e;
    return to_utf8(std::u16string_view(u).substr(b, e - b));
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length of the longest prefix of `s` that is a StrDecimalLiteral without
// sign or Infinity: digits [. digits] [e[+-]digits], or . digits [...].
std::size_t decimal_prefix(std::string_view s) {
    std::size_t i = 0, digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        std::size_t j = i + 1, frac = 0;
        while (j < s.size() && is_digit(s[j])) ++j, ++frac;
        if (digits + frac > 0) i = j, digits += frac;
    }
    if (digits == 0) return 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        std::size_t exp_digits = 0;
        while (j < s.size() && is_digit(s[j])) ++j, ++exp_digits;
        if (exp_digits > 0) i = j;
    }
    return i;
}

double parse_decimal(std::string_view s) { return decimal_to_double(s); }

// ToNumber applied to a String (ECMA-262 StringToNumber).
double string_to_number(std::string_view text) {
    const std::string s = trim_js(text, true);
    if (s.empty()) return 0;
    if (s.size() > 2 && s[0] == '0') {
        int base = 0;
        if (s[1] == 'x' || s[1] == 'X') base = 16;
        if (s[1] == 'o' || s[1] == 'O') base = 8;
        if (s[1] == 'b' || s[1] == 'B') base = 2;
        if (base) {
            double value = 0;
            for (std::size_t i = 2; i < s.size(); ++i) {
                const char c = s[i];
                int d = is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : 99;
                if (d >= base) return kNaN;
                value = value * base + d;
            }
            return value;
        }
    }
    std::string_view body = s;
    double sign = 1;
    if (body[0] == '+' || body[0] == '-') {
        sign = body[0] == '-' ? -1 : 1;
        body.remove_prefix(1);
    }
    if (body == "Infinity") return sign * kInf;
    const std::size_t n = decimal_prefix(body);
    if (n == 0 || n != body.size()) return kNaN;
    return sign * parse_decimal(body);
}

// parseFloat(string): the longest valid prefix, leading white space skipped.
double parse_float(std::string_view text) {
    const std::string s = trim_js(text, false);
    std::string_view body = s;
    double sign = 1;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        sign = body[0] == '-' ? -1 : 1;
        body.remove_prefix(1);
    }
    if (body.substr(0, 8) == "Infinity") return sign * kInf;
    const std::size_t n = decimal_prefix(body);
    if (n == 0) return kNaN;
    return sign * parse_decimal(body.substr(0, n));
}

std::string to_string_json(const json& v);

std::string join_array(const json& a) {
    // Array.prototype.join(","): null and undefined elements become "".
    std::string out;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (i) out += ',';
        if (!a[i].is_null()) out += to_string_json(a[i]);
    }
    return out;
}

double json_number(const json& v) {
    if (v.is_number_unsigned()) return static_cast<double>(v.get<std::uint64_t>());
    if (v.is_number_integer()) return static_cast<double>(v.get<std::int64_t>());
    return v.get<double>();
}

std::string to_string_json(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
        case json::value_t::string: return v.get<std::string>();
        case json::value_t::array: return join_array(v);
        case json::value_t::object: return "[object Object]";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return js_number_to_string(json_number(v));
        default: return "";
    }
}

std::string to_string(const Val& v) { return v.undefined() ? "undefined" : to_string_json(v.j()); }

double to_number_json(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return 0;
        case json::value_t::boolean: return v.get<bool>() ? 1 : 0;
        case json::value_t::string: return string_to_number(v.get<std::string>());
        case json::value_t::array: return string_to_number(join_array(v));
        case json::value_t::object: return kNaN;
        default: return json_number(v);
    }
}

double to_number(const Val& v) { return v.undefined() ? kNaN : to_number_json(v.j()); }

bool truthy_val(const Val& v) { return !v.undefined() && truthy(v.j()); }

bool is_primitive(const json& v) { return !v.is_array() && !v.is_object(); }

// ToPrimitive for arrays and objects: their string form (valueOf is the object).
json to_primitive(const json& v) { return is_primitive(v) ? v : json(to_string_json(v)); }

double to_integer_or_infinity(const Val& v) {
    const double n = to_number(v);
    if (std::isnan(n)) return 0;
    return std::trunc(n);
}

bool same_object(const Val& a, const Val& b) { return a.ref && a.ref == b.ref; }

// Strict equality (===).
bool strict_equal(const Val& a, const Val& b) {
    if (a.undefined() || b.undefined()) return a.undefined() && b.undefined();
    const json& x = a.j();
    const json& y = b.j();
    if (x.is_number() && y.is_number()) return json_number(x) == json_number(y);
    if (x.type() != y.type()) return false;
    if (x.is_array() || x.is_object()) return same_object(a, b);
    return x == y;
}

// Abstract equality (==), ECMA-262 IsLooselyEqual.
bool loose_equal(const Val& a, const Val& b) {
    const bool a_nullish = a.undefined() || a.j().is_null();
    const bool b_nullish = b.undefined() || b.j().is_null();
    if (a_nullish || b_nullish) return a_nullish && b_nullish;
    const json& x = a.j();
    const json& y = b.j();
    const bool x_obj = !is_primitive(x), y_obj = !is_primitive(y);
    if (x_obj && y_obj) return same_object(a, b);
    if (x.is_number() && y.is_number()) return json_number(x) == json_number(y);
    if (x.type() == y.type() && !x_obj) return x == y;
    if (x.is_boolean()) return loose_equal(number(x.get<bool>() ? 1 : 0), b);
    if (y.is_boolean()) return loose_equal(a, number(y.get<bool>() ? 1 : 0));
    if (x_obj) return loose_equal(make(to_primitive(x)), b);
    if (y_obj) return loose_equal(a, make(to_primitive(y)));
    // number vs string
    return to_number_json(x) == to_number_json(y);
}

// Abstract relational comparison a < b: true, false, or undefined (NaN).
enum class Cmp { less, not_less, undefined };
Cmp less_than(const Val& a, const Val& b) {
    const json pa = a.undefined() ? json() : to_primitive(a.j());
    const json pb = b.undefined() ? json() : to_primitive(b.j());
    if (!a.undefined() && !b.undefined() && pa.is_string() && pb.is_string())
        return to_utf16(pa.get<std::string>()) < to_utf16(pb.get<std::string>()) ? Cmp::less : Cmp::not_less;
    const double x = a.undefined() ? kNaN : to_number_json(pa);
    const double y = b.undefined() ? kNaN : to_number_json(pb);
    if (std::isnan(x) || std::isnan(y)) return Cmp::undefined;
    return x < y ? Cmp::less : Cmp::not_less;
}
bool js_lt(const Val& a, const Val& b) { return less_than(a, b) == Cmp::less; }
bool js_le(const Val& a, const Val& b) { return less_than(b, a) == Cmp::not_less; }

// a + b on JavaScript values (only needed inside substr).
Val js_add(const Val& a, const Val& b) {
    const json pa = a.undefined() ? json() : to_primitive(a.j());
    const json pb = b.undefined() ? json() : to_primitive(b.j());
    if ((!a.undefined() && pa.is_string()) || (!b.undefined() && pb.is_string()))
        return make(json((a.undefined() ? std::string("undefined") : to_string_json(pa)) +
                         (b.undefined() ? std::string("undefined") : to_string_json(pb))));
    return number((a.undefined() ? kNaN : to_number_json(pa)) + (b.undefined() ? kNaN : to_number_json(pb)));
}

// String.prototype.substr(start, length).
std::u16string substr16(const std::u16string& s, const Val& start, const Val* length) {
    const double size = static_cast<double>(s.size());
    double from = to_integer_or_infinity(start);
    if (from == -kInf) from = 0;
    else if (from < 0) from = std::max(size + from, 0.0);
    from = std::min(from, size);
    double len = length == nullptr || length->undefined() ? size - from : to_integer_or_infinity(*length);
    len = std::min(std::max(len, 0.0), size - from);
    if (len <= 0) return u"";
    return s.substr(static_cast<std::size_t>(from), static_cast<std::size_t>(len));
}

// data[key] for one step of a `var` path: own properties of objects, array
// indices and length, string indices and length. Anything else is undefined.
const json* property(const json& data, const std::string& key, json& scratch) {
    if (data.is_object()) {
        const auto it = data.find(key);
        return it == data.end() ? nullptr : &*it;
    }
    if (data.is_array() || data.is_string()) {
        const std::size_t size = data.is_array() ? data.size() : to_utf16(data.get<std::string>()).size();
        if (key == "length") {
            scratch = size;
            return &scratch;
        }
        // Canonical array index: "0" or digits without a leading zero.
        if (key.empty() || key.size() > 15 || !std::all_of(key.begin(), key.end(), is_digit) ||
            (key.size() > 1 && key[0] == '0'))
            return nullptr;
        const auto index = static_cast<std::size_t>(std::stoull(key));
        if (index >= size) return nullptr;
        if (data.is_array()) return &data[index];
        scratch = to_utf8(to_utf16(data.get<std::string>()).substr(index, 1));
        return &scratch;
    }
    return nullptr;
}

bool is_logic(const json& rule) { return rule.is_object() && rule.size() == 1; }

class Evaluator {
public:
    explicit Evaluator(const Options& options) : options_(options) {}

    Val apply(const json& rule, const Val& data) {
        if (rule.is_array()) {
            json out = json::array();
            for (const auto& r : rule) {
                Val v = apply(r, data);
                if (v.unknown()) return unknown_val();
                out.push_back(v.undefined() ? json() : v.j());
            }
            return make(std::move(out));
        }
        if (!is_logic(rule)) return borrow(rule);
        // Not a structured binding over items(): its proxy would dangle (ASan).
        const auto rule_it = rule.begin();
        const std::string& op = rule_it.key();
        const json& raw = rule_it.value();
        // {"var":"x"} is short for {"var":["x"]}. Pointers, not a copy: a
        // literal operand may be returned borrowed and must outlive this call.
        Values values;
        if (raw.is_array()) for (const auto& v : raw) values.push_back(&v);
        else values.push_back(&raw);

        if (op == "if" || op == "?:") return apply_if(values, 0, data);
        if (op == "and" || op == "or") return apply_and_or(op == "and", values, data);
        if (op == "filter" || op == "map" || op == "reduce" || op == "all" || op == "none" || op == "some")
            return apply_iteration(op, values, data);

        std::vector<Val> args;
        args.reserve(values.size());
        bool any_unknown = false;
        for (const json* v : values) {
            args.push_back(apply(*v, data));
            any_unknown = any_unknown || args.back().unknown();
        }
        if (op == "var") return apply_var(args, data);
        if (any_unknown && op != "missing" && op != "missing_some") return unknown_val();
        return apply_operator(op, args, data);
    }

private:
    using Values = std::vector<const json*>;
    const Options& options_;

    static const Val& arg(const std::vector<Val>& args, std::size_t i) {
        static const Val undef = undefined_val();
        return i < args.size() ? args[i] : undef;
    }

    // Kleene: an unknown condition takes both branches; when they agree the
    // answer is known after all.
    Val apply_if(const Values& values, std::size_t i, const Val& data) {
        for (; i + 1 < values.size(); i += 2) {
            const Val c = apply(*values[i], data);
            if (c.unknown()) {
                Val then = apply(*values[i + 1], data);
                Val rest = apply_if(values, i + 2, data);
                if (!then.unknown() && !rest.unknown() && then.undefined() == rest.undefined() &&
                    (then.undefined() || then.j() == rest.j()))
                    return then;
                return unknown_val();
            }
            if (truthy_val(c)) return apply(*values[i + 1], data);
        }
        if (values.size() == i + 1) return apply(*values[i], data);
        return make(json());
    }

    // and: the first falsy operand, else the last. A known falsy operand
    // decides even after an unknown (Kleene); or is the dual.
    Val apply_and_or(bool is_and, const Values& values, const Val& data) {
        Val current = undefined_val();
        bool saw_unknown = false;
        for (const json* v : values) {
            current = apply(*v, data);
            if (current.unknown()) {
                saw_unknown = true;
                continue;
            }
            if (truthy_val(current) != is_and) return current;
        }
        return saw_unknown ? unknown_val() : current;
    }

    Val apply_iteration(const std::string& op, const Values& values, const Val& data) {
        const Val scoped = values.empty() ? undefined_val() : apply(*values[0], data);
        if (scoped.unknown()) return unknown_val();
        const json* logic = values.size() > 1 ? values[1] : nullptr;
        const bool is_array = !scoped.undefined() && scoped.j().is_array();
        if (op == "reduce") {
            Val acc = values.size() > 2 ? apply(*values[2], data) : make(json());
            if (!is_array || acc.unknown()) return acc;
            return apply_reduce(scoped.j(), logic, std::move(acc));
        }
        if (op == "map" || op == "filter") {
            if (!is_array) return make(json::array());
            return apply_map_or_filter(op == "map", scoped.j(), logic);
        }
        // all / none / some, three-valued.
        if (!is_array || scoped.j().empty()) return make(json(op == "none"));
        return apply_quantifier(op, scoped.j(), logic);
    }

    // `logic` on one element (or reduce's scope); json-logic-js applies
    // `undefined` when there is no logic, which gives undefined. The element
    // stays borrowed from the array, so identity holds inside.
    Val apply_to_element(const json* logic, const json& datum) {
        return logic ? apply(*logic, borrow(datum)) : undefined_val();
    }

    Val apply_reduce(const json& array, const json* logic, Val acc) {
        for (const auto& item : array) {
            json scope = JsonObject().add("current", item);
            if (!acc.undefined()) scope["accumulator"] = acc.j();
            acc = apply_to_element(logic, scope);
            if (acc.unknown()) return acc;
            // The scope dies here: keep the value, not a reference into it.
            if (acc.ref) acc = make(*acc.ref);
        }
        return acc;
    }

    Val apply_map_or_filter(bool is_map, const json& array, const json* logic) {
        json out = json::array();
        for (const auto& item : array) {
            const Val v = apply_to_element(logic, item);
            if (v.unknown()) return unknown_val();
            if (is_map) out.push_back(v.undefined() ? json() : v.j());
            else if (truthy_val(v)) out.push_back(item);
        }
        return make(std::move(out));
    }

    // all / none / some over a non-empty array: a known answer that decides
    // wins over an unknown element (Kleene).
    Val apply_quantifier(const std::string& op, const json& array, const json* logic) {
        bool saw_unknown = false;
        for (const auto& item : array) {
            const Val v = apply_to_element(logic, item);
            if (v.unknown()) {
                saw_unknown = true;
                continue;
            }
            const bool t = truthy_val(v);
            if (op == "all" && !t) return make(json(false));
            if (op == "none" && t) return make(json(false));
            if (op == "some" && t) return make(json(true));
        }
        if (saw_unknown) return unknown_val();
        return make(json(op != "some"));
    }

    bool is_unknown_fact(const std::string& path) const {
        if (!options_.unknown) return false;
        const auto dot = path.find('.');
        return options_.unknown->count(path.substr(0, dot)) > 0;
    }

    Val apply_var(const std::vector<Val>& args, const Val& data) {
        const Val& a = arg(args, 0);
        if (a.unknown()) return unknown_val();
        const Val& b = arg(args, 1);
        const Val not_found = b.undefined() ? make(json()) : b;
        if (a.undefined() || a.j().is_null() || (a.j().is_string() && a.j().get<std::string>().empty())) return data;
        const std::string path = to_string(a);
        if (is_unknown_fact(path)) return unknown_val();
        if (data.undefined()) return not_found;
        const json* node = &data.j();
        json scratch;
        std::size_t start = 0;
        while (true) {
            const std::size_t dot = path.find('.', start);
            const std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
            if (node->is_null()) return not_found;
            json step_scratch;
            const json* next = property(*node, key, step_scratch);
            if (!next) return not_found;
            if (next == &step_scratch) {
                scratch = std::move(step_scratch);
                next = &scratch;
            }
            node = next;
            if (dot == std::string::npos) break;
            start = dot + 1;
        }
        if (node == &scratch) return make(std::move(scratch));
        // Borrow from the data when the data is borrowed; else copy.
        if (data.ref) return borrow(*node);
        return make(*node);
    }

    Val apply_missing(const std::vector<Val>& args, const Val& data) {
        std::vector<Val> keys;
        if (!args.empty() && !args[0].undefined() && !args[0].unknown() && args[0].j().is_array()) {
            for (const auto& k : args[0].j()) keys.push_back(make(k));
        } else {
            keys = args;
        }
        json missing = json::array();
        for (const auto& key : keys) {
            if (key.unknown()) return unknown_val();
            // json-logic-js evaluates {"var": key}: an array key is [path, default].
            const json var_rule = JsonObject().add("var", key.undefined() ? json() : key.j());
            const Val v = apply(var_rule, data);
            if (v.unknown()) {
                // An unanswered fact is missing, which is known.
                missing.push_back(key.j());
                continue;
            }
            if (!v.undefined() && (v.j().is_null() || (v.j().is_string() && v.j().get<std::string>().empty())))
                missing.push_back(key.undefined() ? json() : key.j());
        }
        return make(std::move(missing));
    }

    Val apply_in(const std::vector<Val>& args) {
        const Val& a = arg(args, 0);
        const Val& b = arg(args, 1);
        if (!truthy_val(b) && !(!b.undefined() && b.j().is_array())) return make(json(false));
        if (b.j().is_string()) return make(json(b.j().get<std::string>().find(to_string(a)) != std::string::npos));
        if (b.j().is_array()) {
            for (const auto& item : b.j()) {
                const Val element = b.ref ? borrow(item) : make(item);
                if ((item.is_array() || item.is_object()) ? (a.ref && a.ref == &item) : strict_equal(a, element))
                    return make(json(true));
            }
        }
        return make(json(false));
    }

    Val apply_cat(const std::vector<Val>& args) {
        std::string out;
        for (const auto& a : args)
            if (!a.undefined() && !a.j().is_null()) out += to_string(a);
        return make(json(out));
    }

    Val apply_substr(const std::vector<Val>& args) {
        const std::u16string source = to_utf16(to_string(arg(args, 0)));
        const Val& start = arg(args, 1);
        const Val& end = arg(args, 2);
        if (less_than(end, number(0)) == Cmp::less) {
            const std::u16string temp = substr16(source, start, nullptr);
            const Val len = js_add(number(static_cast<double>(temp.size())), end);
            return make(json(to_utf8(substr16(temp, number(0), &len))));
        }
        return make(json(to_utf8(substr16(source, start, &end))));
    }

    // reduce((a, b) => parseFloat(a) + parseFloat(b), 0)
    Val apply_sum(const std::vector<Val>& args) {
        double sum = 0;
        for (const auto& a : args) sum = parse_float(js_number_to_string(sum)) + parse_float(to_string(a));
        return number(sum);
    }

    // reduce((a, b) => parseFloat(a) * parseFloat(b)), no initial value
    Val apply_product(const std::vector<Val>& args) {
        if (args.empty()) throw Error("Reduce of empty array with no initial value");
        if (args.size() == 1) return args[0];
        double product = parse_float(to_string(args[0])) * parse_float(to_string(args[1]));
        for (std::size_t i = 2; i < args.size(); ++i)
            product = parse_float(js_number_to_string(product)) * parse_float(to_string(args[i]));
        return number(product);
    }

    // Math.min / Math.max: NaN wins, and -0 is smaller than +0.
    Val apply_min_max(bool is_min, const std::vector<Val>& args) {
        double best = is_min ? kInf : -kInf;
        bool nan = false;
        for (const auto& a : args) {
            const double x = to_number(a);
            if (std::isnan(x)) nan = true;
            else if (is_min ? (x < best || (x == 0 && best == 0 && std::signbit(x)))
                            : (x > best || (x == 0 && best == 0 && !std::signbit(x))))
                best = x;
        }
        return number(nan ? kNaN : best);
    }

    Val apply_merge(const std::vector<Val>& args) {
        json out = json::array();
        for (const auto& a : args) {
            if (a.undefined()) out.push_back(json());
            else if (a.j().is_array()) for (const auto& x : a.j()) out.push_back(x);
            else out.push_back(a.j());
        }
        return make(std::move(out));
    }

    Val apply_missing_some(const std::vector<Val>& args, const Val& data) {
        const Val& need = arg(args, 0);
        const Val& opts = arg(args, 1);
        if (opts.unknown() || need.unknown()) return unknown_val();
        if (opts.undefined() || opts.j().is_null()) throw Error("Cannot read properties of null (reading 'length')");
        const Val missing = apply(JsonObject().add("missing", opts.j()).take(), data);
        if (missing.unknown()) return missing;
        double length = kNaN;
        if (opts.j().is_array()) length = static_cast<double>(opts.j().size());
        else if (opts.j().is_string()) length = static_cast<double>(to_utf16(opts.j().get<std::string>()).size());
        const Val present = number(length - static_cast<double>(missing.j().size()));
        if (js_le(need, present)) return make(json::array());
        return missing;
    }

    // The operator table of json-logic-js, one line per operator; the longer
    // ones are the functions above.
    Val apply_operator(const std::string& op, const std::vector<Val>& args, const Val& data) {
        if (op == "==") return make(json(loose_equal(arg(args, 0), arg(args, 1))));
        if (op == "!=") return make(json(!loose_equal(arg(args, 0), arg(args, 1))));
        if (op == "===") return make(json(strict_equal(arg(args, 0), arg(args, 1))));
        if (op == "!==") return make(json(!strict_equal(arg(args, 0), arg(args, 1))));
        if (op == ">") return make(json(js_lt(arg(args, 1), arg(args, 0))));
        if (op == ">=") return make(json(js_le(arg(args, 1), arg(args, 0))));
        if (op == "<" || op == "<=") {
            const auto cmp = op == "<" ? js_lt : js_le;
            if (arg(args, 2).undefined()) return make(json(cmp(arg(args, 0), arg(args, 1))));
            return make(json(cmp(arg(args, 0), arg(args, 1)) && cmp(arg(args, 1), arg(args, 2))));
        }
        if (op == "!!") return make(json(truthy_val(arg(args, 0))));
        if (op == "!") return make(json(!truthy_val(arg(args, 0))));
        if (op == "%") return number(std::fmod(to_number(arg(args, 0)), to_number(arg(args, 1))));
        if (op == "log") return arg(args, 0);  // the core does no I/O; the value passes through
        if (op == "in") return apply_in(args);
        if (op == "cat") return apply_cat(args);
        if (op == "substr") return apply_substr(args);
        if (op == "+") return apply_sum(args);
        if (op == "*") return apply_product(args);
        if (op == "-") {
            if (arg(args, 1).undefined()) return number(-to_number(arg(args, 0)));
            return number(to_number(arg(args, 0)) - to_number(arg(args, 1)));
        }
        if (op == "/") return number(to_number(arg(args, 0)) / to_number(arg(args, 1)));
        if (op == "min" || op == "max") return apply_min_max(op == "min", args);
        if (op == "merge") return apply_merge(args);
        if (op == "missing") return apply_missing(args, data);
        if (op == "missing_some") return apply_missing_some(args, data);
        throw Error("Unrecognized operation " + op);
    }
};

void collect_vars(const json& rule, std::vector<std::string>& out) {
    if (rule.is_array()) {
        for (const auto& r : rule) collect_vars(r, out);
        return;
    }
    if (!is_logic(rule)) return;
    // Not a structured binding over items(): its proxy would dangle (ASan).
    const auto rule_it = rule.begin();
    const std::string& op = rule_it.key();
    const json& values = rule_it.value();
    if (op == "var" || op == "missing") {
        static const json null_json;
        const json& first = values.is_array() ? (values.empty() ? null_json : values[0]) : values;
        std::vector<json> names;
        if (op == "missing" && values.is_array()) names.assign(values.begin(), values.end());
        else names.push_back(first);
        for (const auto& n : names) {
            if (!n.is_string()) continue;
            const auto s = n.get<std::string>();
            const auto name = s.substr(0, s.find('.'));
            if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
        }
        if (op == "var") return;
    }
    collect_vars(values, out);
}

}  // namespace

bool truthy(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return false;
        case json::value_t::boolean: return v.get<bool>();
        case json::value_t::string: return !v.get<std::string>().empty();
        case json::value_t::array: return !v.empty();
        case json::value_t::object: return true;
        default: {
            const double x = json_number(v);
            return !(x == 0 || std::isnan(x));
        }
    }
}

std::string js_number_to_string(double x) {
    if (std::isnan(x)) return "NaN";
    if (x == 0) return "0";
    if (std::isinf(x)) return x < 0 ? "-Infinity" : "Infinity";
    std::string sign = x < 0 ? "-" : "";
    const double m = std::fabs(x);
    // The shortest digits that read back as the same double, each try
    // rounded as printf's "%.*e" rounds (src/ivp/base/decimal.h).
    const DecimalDigits shortest = shortest_decimal_digits(m);
    const std::string& digits = shortest.digits;
    const int k = static_cast<int>(digits.size());
    const int n = shortest.point;  // value = 0.digits × 10^n
    std::string out;
    if (k <= n && n <= 21) {
        out = digits + std::string(static_cast<std::size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out = digits.substr(0, static_cast<std::size_t>(n)) + "." + digits.substr(static_cast<std::size_t>(n));
    } else if (-6 < n && n <= 0) {
        out = "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
    } else {
        const int e = n - 1;
        out = digits.substr(0, 1) + (k > 1 ? "." + digits.substr(1) : "") + "e" + (e < 0 ? "-" : "+") +
              std::to_string(std::abs(e));
    }
    return sign + out;
}

Result apply(const json& rule, const json& data, const Options& options) {
    Evaluator evaluator(options);
    Val v = evaluator.apply(rule, borrow(data));
    Result r;
    r.kind = v.kind;
    if (v.kind == Result::Kind::value) r.value = v.j();
    return r;
}

Truth evaluate(const json& rule, const json& data, const std::set<std::string>& unknown) {
    Options options;
    options.unknown = &unknown;
    const Result r = apply(rule, data, options);
    if (r.is_unknown()) return Truth::unknown;
    if (r.kind == Result::Kind::undefined) return Truth::no;
    return truthy(r.value) ? Truth::yes : Truth::no;
}

Truth kleene_and(Truth a, Truth b) {
    if (a == Truth::no || b == Truth::no) return Truth::no;
    if (a == Truth::unknown || b == Truth::unknown) return Truth::unknown;
    return Truth::yes;
}

Truth kleene_or(Truth a, Truth b) {
    if (a == Truth::yes || b == Truth::yes) return Truth::yes;
    if (a == Truth::unknown || b == Truth::unknown) return Truth::unknown;
    return Truth::no;
}

Truth kleene_not(Truth a) {
    if (a == Truth::unknown) return a;
    return a == Truth::yes ? Truth::no : Truth::yes;
}

double js_string_to_number(std::string_view text) { return string_to_number(text); }
bool js_string_less(std::string_view a, std::string_view b) { return to_utf16(a) < to_utf16(b); }

std::vector<std::string> vars_used(const json& rule) {
    std::vector<std::string> out;
    collect_vars(rule, out);
    return out;
}

void number_literals(const json& rule, std::vector<double>& out) {
    if (rule.is_number()) out.push_back(json_number(rule));
    if (rule.is_array() || rule.is_object())
        for (const auto& v : rule) number_literals(v, out);
}

namespace {
json canonical_json(const json& v) {
    if (v.is_number_float() && !std::isfinite(v.get<double>()))
        return JsonObject().add("$js", js_number_to_string(v.get<double>()));
    if (v.is_array()) {
        json out = json::array();
        for (const auto& x : v) out.push_back(canonical_json(x));
        return out;
    }
    if (v.is_object()) {
        json out = json::object();
        for (const auto& [k, x] : v.items()) out[k] = canonical_json(x);
        return out;
    }
    return v;
}
}  // namespace

json canonical(const Result& result) {
    if (result.kind == Result::Kind::undefined) return JsonObject().add("$js", "undefined");
    if (result.kind == Result::Kind::unknown) return JsonObject().add("$js", "unknown");
    return canonical_json(result.value);
}

}  // namespace ivp::jsonlogic
