#include "ivp/base/data_reader.h"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <vector>

#include "ivp/base/decimal.h"
#include "ivp/base/json_input.h"
#include "ivp/base/json_object.h"
#include "ivp/base/text.h"

namespace ivp {

using nlohmann::json;

namespace {

// The checks below first test the value in hand without building a pointer
// or a message; only when one fails do they rerun the full check, which
// builds the pointer and throws the same words as before (the pointers are
// what most of the reading cost when every field built its own).

// A whole number in [lo, hi] as require_integer takes it from a data file
// (no float): what integer_value returns without a word.
bool plain_integer(const json& value, std::int64_t lo, std::int64_t hi, std::int64_t& out) {
    if (!value.is_number_integer()) return false;
    if (value.is_number_unsigned()) {
        const auto u = value.get<std::uint64_t>();
        if (hi < 0 || u > static_cast<std::uint64_t>(hi)) return false;
    }
    const auto v = value.get<std::int64_t>();
    if (v < lo || v > hi) return false;
    out = v;
    return true;
}

bool listed(std::string_view key, std::initializer_list<std::string_view> list) {
    for (auto k : list)
        if (key == k) return true;
    return false;
}

// `obj` must be an object. Its members are walked as the map they are, not
// through items(), whose proxy makes an index text per member: every source
// of every data file is checked here on the page's first calls.
bool only_keys(const json& obj, std::initializer_list<std::string_view> a, std::initializer_list<std::string_view> b = {}) {
    for (const auto& member : obj.get_ref<const json::object_t&>())
        if (!listed(member.first, a) && !listed(member.first, b)) return false;
    return true;
}

bool plain_text(const json& obj, std::string_view key) {
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() && !it->get_ref<const std::string&>().empty();
}

}  // namespace

void DataReader::fail(const std::string& where, const std::string& message) const {
    throw DataError(file_, where.empty() ? "/" : where, message);
}

void DataReader::object(const json& value, const std::string& where, std::string_view what) const {
    guard([&] { require_object(value, where, what); });
}

void DataReader::keys(const json& obj, const std::string& where, std::initializer_list<std::string_view> allowed) const {
    if (obj.is_object() && only_keys(obj, allowed)) return;
    object(obj, where);
    guard([&] { reject_unknown_keys(obj, where, allowed); });
}

void DataReader::keys(const json& obj, const std::string& where, std::initializer_list<std::string_view> required,
                      std::initializer_list<std::string_view> optional) const {
    if (obj.is_object() && only_keys(obj, required, optional)) {
        bool complete = true;
        for (auto key : required) complete = complete && obj.contains(key);
        if (complete) return;
    }
    object(obj, where);
    std::vector<std::string_view> allowed(required);
    allowed.insert(allowed.end(), optional.begin(), optional.end());
    // Unknown keys first: a misspelt key ("vraag") is the fault, not the
    // required key ("question") it was meant to be.
    guard([&] { reject_unknown_keys(obj, where, allowed); });
    for (auto key : required)
        if (!obj.contains(key)) fail(pointer_join(where, key), "verplicht veld ontbreekt");
}

const json& DataReader::field(const json& obj, const std::string& where, std::string_view key) const {
    object(obj, where);
    const auto it = obj.find(key);
    if (it == obj.end()) fail(pointer_join(where, key), "verplicht veld ontbreekt");
    return *it;
}

std::string DataReader::text(const json& obj, const std::string& where, std::string_view key) const {
    const auto& v = field(obj, where, key);
    if (!v.is_string() || v.get_ref<const std::string&>().empty())
        fail(pointer_join(where, key), "moet een niet-lege tekst zijn");
    return v.get<std::string>();
}

Date DataReader::date(const json& obj, const std::string& where, std::string_view key) const {
    const auto t = text(obj, where, key);
    const auto d = parse_iso_date(t);
    if (!d) fail(pointer_join(where, key), join_text({"geen bestaande datum (JJJJ-MM-DD): ", quote_for_message(t)}));
    return *d;
}

std::int64_t DataReader::integer(const json& obj, const std::string& where, std::string_view key, std::int64_t lo,
                                 std::int64_t hi, std::string_view what) const {
    const auto& value = field(obj, where, key);
    if (std::int64_t v = 0; plain_integer(value, lo, hi, v)) return v;
    return integer_value(value, pointer_join(where, key), lo, hi, what);
}

std::int64_t DataReader::integer_value(const json& value, const std::string& where, std::int64_t lo, std::int64_t hi,
                                       std::string_view what) const {
    // The user-input rule names the value and the range; out-of-range and
    // fractional floats are refused there with the same words.
    const auto v = guard([&] { return require_integer(value, where, lo, hi, what); });
    if (value.is_number_float())
        fail(where, join_text({what, " moet een heel getal zijn, zonder cijfers achter de komma (", std::to_string(v),
                               ", niet ", json_text(value), ")."}));
    return v;
}

bool DataReader::flag(const json& obj, const std::string& where, std::string_view key, bool absent) const {
    object(obj, where);
    const auto it = obj.find(key);
    if (it == obj.end()) return absent;
    if (!it->is_boolean())
        fail(pointer_join(where, key), join_text({"moet true of false zijn, maar is ", dutch_type_name(*it)}));
    return it->get<bool>();
}

void DataReader::array_value(const json& value, const std::string& where, bool non_empty, std::string_view what) const {
    if (!value.is_array() || (non_empty && value.empty()))
        fail(where, join_text({"moet een ", non_empty ? "niet-lege " : "", "lijst", what.empty() ? "" : " ", what, " zijn"}));
}

const json& DataReader::array(const json& obj, const std::string& where, std::string_view key, bool non_empty,
                              std::string_view what) const {
    const auto& v = field(obj, where, key);
    array_value(v, pointer_join(where, key), non_empty, what);
    return v;
}

const json& DataReader::source(const json& obj, const std::string& where, std::string_view key) const {
    const auto& s = field(obj, where, key);
    if (source_in_order(s)) return s;
    const auto at = pointer_join(where, key);
    object(s, at, "Een bron");
    if (rules_.page)
        guard([&] { reject_unknown_keys(s, at, {"seed", "section", "line", "page", "text", "url", "title"}); });
    else
        guard([&] { reject_unknown_keys(s, at, {"seed", "section", "line", "text", "url", "title"}); });
    if (!s.contains("seed") && !s.contains("url") && !s.contains("title"))
        fail(at, "een bron noemt een seed-bestand, een titel of een url");
    if (!s.contains("section"))
        fail(pointer_join(at, "section"), "verplicht veld ontbreekt: een bron noemt de paragraaf of tabel");
    if (rules_.quote && !s.contains("text"))
        fail(pointer_join(at, "text"), "verplicht veld ontbreekt: een bron citeert de zin waar de regel op steunt");
    // A source is shown to the user as text: each part must be one.
    for (const char* part : {"seed", "section", "text", "url", "title"})
        if (s.contains(part)) text(s, at, part);
    if (rules_.line_with_seed && s.contains("seed") && !s.contains("line"))
        fail(pointer_join(at, "line"), "een bron in een seed noemt het regelnummer (een geheel getal vanaf 1)");
    if (s.contains("line")) integer_value(s.at("line"), pointer_join(at, "line"), 1, 1'000'000, "Het regelnummer");
    if (s.contains("page")) integer_value(s.at("page"), pointer_join(at, "page"), 1, 100'000, "Het paginanummer");
    return s;
}

// Every check of source() on the value in hand; false sends source() the
// long way, which names the first fault.
bool DataReader::source_in_order(const json& s) const {
    if (!s.is_object()) return false;
    if (!(rules_.page ? only_keys(s, {"seed", "section", "line", "page", "text", "url", "title"})
                      : only_keys(s, {"seed", "section", "line", "text", "url", "title"})))
        return false;
    if (!s.contains("seed") && !s.contains("url") && !s.contains("title")) return false;
    if (!s.contains("section") || (rules_.quote && !s.contains("text"))) return false;
    for (const char* part : {"seed", "section", "text", "url", "title"})
        if (s.contains(part) && !plain_text(s, part)) return false;
    if (rules_.line_with_seed && s.contains("seed") && !s.contains("line")) return false;
    std::int64_t n = 0;
    if (s.contains("line") && !plain_integer(s.at("line"), 1, 1'000'000, n)) return false;
    if (s.contains("page") && !plain_integer(s.at("page"), 1, 100'000, n)) return false;
    return true;
}

}  // namespace ivp

namespace ivp {

namespace {

// What user input may not have (parse_strict_json): a key twice in one
// object, a container nested max_depth deep. The data files keep nlohmann's
// rules (the last of two equal keys, any depth).
struct Limits {
    bool unique_keys = false;
    int max_depth = std::numeric_limits<int>::max();
};

using Kind = JsonReadFailure::Kind;

// The one JSON reader of the core: RFC 8259 JSON, taken as nlohmann's lexer
// and DOM parser take it, into nlohmann's value. Every function returns false
// at the first thing it does not take, and says what and where (failure_):
// the place is the byte at which nlohmann's lexer stops on the same text —
// inside a token where the token goes wrong, else the last byte of the token
// the grammar did not want there, the end of the text when it ends too soon —
// so the messages point where they always pointed (tests/unit/
// data_json_test.cpp holds nlohmann's parser beside it as the reference).
class DataJsonParser {
public:
    explicit DataJsonParser(std::string_view text, Limits limits = {})
        : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), limits_(limits) {}

    bool parse(json& out) {
        if (!byte_order_mark()) return false;
        if (!value(out)) return false;
        skip_space();
        return p_ == end_ || unexpected();
    }

    JsonReadFailure take_failure() { return std::move(failure_); }

private:
    const char* begin_;
    const char* p_;
    const char* end_;
    Limits limits_;
    int depth_ = 0;  // containers open around the one being read
    JsonReadFailure failure_;

    bool fail(Kind kind, const char* at) {
        failure_.kind = kind;
        failure_.at = static_cast<std::size_t>(at - begin_);
        return false;
    }

    // nlohmann skips a UTF-8 byte order mark at the start, and refuses a text
    // that starts like one and is not.
    bool byte_order_mark() {
        if (p_ == end_ || static_cast<unsigned char>(*p_) != 0xEF) return true;
        for (const unsigned char expected : {0xBB, 0xBF})
            if (++p_ == end_ || static_cast<unsigned char>(*p_) != expected) return fail(Kind::syntax, p_);
        ++p_;
        return true;
    }

    // A token the grammar does not want here: nlohmann's lexer reads it whole
    // first, so the fault is where it ends, or where the token itself goes
    // wrong. A number too large for a double is still a token (only a value
    // is refused for it).
    bool unexpected() {
        if (p_ == end_) return fail(Kind::syntax, end_);
        json token;
        switch (*p_) {
            case '"': {
                std::string s;
                if (!string(s)) return false;
                break;
            }
            case 't': if (!literal("true", json(true), token)) return false; break;
            case 'f': if (!literal("false", json(false), token)) return false; break;
            case 'n': if (!literal("null", json(nullptr), token)) return false; break;
            case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
                if (!number(token) && failure_.kind != Kind::too_large_number) return false;
                break;
            default: return fail(Kind::syntax, p_);  // a one-byte token, or a byte no token starts with
        }
        return fail(Kind::syntax, p_ - 1);
    }

    // A container opens: refused at max_depth (the outermost at depth 0), as
    // nlohmann's parser counts it for a callback.
    bool open() {
        if (depth_ >= limits_.max_depth) return fail(Kind::too_deep, p_);
        ++p_;
        ++depth_;
        return true;
    }
    bool close() {
        ++p_;
        --depth_;
        return true;
    }

    void skip_space() {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }

    bool value(json& out) {
        skip_space();
        if (p_ == end_) return fail(Kind::syntax, end_);
        switch (*p_) {
            case '{': return object(out);
            case '[': return array(out);
            case '"': {
                std::string s;
                if (!string(s)) return false;
                out = std::move(s);
                return true;
            }
            case 't': return literal("true", json(true), out);
            case 'f': return literal("false", json(false), out);
            case 'n': return literal("null", json(nullptr), out);
            default: return number(out);
        }
    }

    bool literal(std::string_view word, json&& value, json& out) {
        for (std::size_t i = 1; i < word.size(); ++i) {
            if (p_ + i == end_) return fail(Kind::syntax, end_);
            if (p_[i] != word[i]) return fail(Kind::syntax, p_ + i);
        }
        p_ += word.size();
        out = std::move(value);
        return true;
    }

    bool object(json& out) {
        if (!open()) return false;
        out = json::object();
        auto& members = *out.get_ptr<json::object_t*>();
        skip_space();
        if (p_ != end_ && *p_ == '}') return close();
        for (;;) {
            skip_space();
            if (p_ == end_ || *p_ != '"') return unexpected();
            std::string key;
            if (!string(key)) return false;
            // The key is checked as soon as it is read, before its colon, where
            // nlohmann's parser hands a key to a callback: a key twice is the
            // fault even when the text goes wrong right after it.
            json* slot = member(members, std::move(key));
            if (!slot) return false;
            skip_space();
            if (p_ == end_ || *p_ != ':') return unexpected();
            ++p_;
            if (!value(*slot)) return on_the_way_out(*slot, members);
            skip_space();
            if (p_ == end_ || (*p_ != '}' && *p_ != ',')) return unexpected();
            if (*p_ == '}') return close();
            ++p_;
        }
    }

    // nlohmann's DOM parser: object[key], then the value assigned to it (of
    // two equal keys the last one stays); user input refuses the second.
    json* member(json::object_t& members, std::string&& key) {
        if (!limits_.unique_keys) return &members[std::move(key)];
        const auto [at, fresh] = members.try_emplace(std::move(key));
        if (fresh) return &at->second;
        failure_.pointer = {at->first};
        fail(Kind::duplicate_key, p_ - 1);
        return nullptr;
    }

    // A key twice, somewhere inside a member: the member's key joins the
    // path to it (kept innermost first).
    bool on_the_way_out(const json& slot, const json::object_t& members) {
        if (failure_.kind == Kind::duplicate_key)
            for (const auto& [key, value] : members)
                if (&value == &slot) failure_.pointer.push_back(key);
        return false;
    }

    bool array(json& out) {
        if (!open()) return false;
        out = json::array();
        auto& elements = *out.get_ptr<json::array_t*>();
        skip_space();
        if (p_ != end_ && *p_ == ']') return close();
        for (;;) {
            elements.emplace_back();
            if (!value(elements.back())) {
                if (failure_.kind == Kind::duplicate_key) failure_.pointer.push_back(std::to_string(elements.size() - 1));
                return false;
            }
            skip_space();
            if (p_ == end_ || (*p_ != ']' && *p_ != ',')) return unexpected();
            if (*p_ == ']') return close();
            ++p_;
        }
    }

    // A string from its opening quote; the runs between escapes are copied whole.
    bool string(std::string& out) {
        ++p_;
        const char* run = p_;
        for (;;) {
            if (p_ == end_) return fail(Kind::syntax, end_);
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                out.append(run, p_);
                ++p_;
                return true;
            }
            if (c == '\\') {
                out.append(run, p_);
                if (!escape(out)) return false;
                run = p_;
            } else if (c < 0x20) {
                return fail(Kind::control_character, p_);
            } else if (c < 0x80) {
                ++p_;
            } else {
                const auto n = utf8_sequence_length(std::string_view(p_, static_cast<std::size_t>(end_ - p_)), 0);
                if (n == 0) return fail(Kind::bad_utf8, p_ + (utf8_first_bad_byte(std::string_view(p_, static_cast<std::size_t>(end_ - p_)), 0)));
                p_ += n;
            }
        }
    }

    bool hex4(unsigned& out) {
        out = 0;
        for (int i = 0; i < 4; ++i, ++p_) {
            if (p_ == end_) return fail(Kind::syntax, end_);
            const char c = *p_;
            unsigned d;
            if (c >= '0' && c <= '9') d = static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') d = static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') d = static_cast<unsigned>(c - 'A' + 10);
            else return fail(Kind::syntax, p_);
            out = out * 16 + d;
        }
        return true;
    }

    // An escape from its backslash.
    bool escape(std::string& out) {
        ++p_;
        if (p_ == end_) return fail(Kind::syntax, end_);
        switch (*p_) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                ++p_;
                unsigned cp;
                if (!code_point(cp)) return false;
                append_utf8(out, cp);
                return true;
            }
            default: return fail(Kind::syntax, p_);
        }
        ++p_;
        return true;
    }

    // The code point of a \u escape after its "\u": a high surrogate must be
    // followed by a \u escape of a low one, and a low one never comes alone.
    bool code_point(unsigned& cp) {
        if (!hex4(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return fail(Kind::syntax, p_ - 1);  // a low surrogate alone
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            for (const char expected : {'\\', 'u'}) {
                if (p_ == end_) return fail(Kind::syntax, end_);
                if (*p_ != expected) return fail(Kind::syntax, p_);
                ++p_;
            }
            unsigned low;
            if (!hex4(low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) return fail(Kind::syntax, p_ - 1);
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        return true;
    }

    static void append_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    bool digit() const { return p_ != end_ && *p_ >= '0' && *p_ <= '9'; }

    // nlohmann's number types: a whole number without sign is unsigned, with a
    // minus sign signed; one with a fraction or exponent, or out of range for
    // its integer type, the nearest double to the whole token (as strtod
    // reads it: src/ivp/base/decimal.h).
    bool number(json& out) {
        const char* start = p_;
        const bool negative = *p_ == '-';
        if (negative) ++p_;
        if (!digit()) return fail(Kind::syntax, p_);
        if (*p_ == '0') ++p_;
        else
            while (digit()) ++p_;
        const char* digits_end = p_;
        bool whole = true;
        if (p_ != end_ && *p_ == '.') {
            ++p_;
            if (!digit()) return fail(Kind::syntax, p_);
            while (digit()) ++p_;
            whole = false;
        }
        if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
            ++p_;
            if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (!digit()) return fail(Kind::syntax, p_);
            while (digit()) ++p_;
            whole = false;
        }
        const auto n_digits = digits_end - start - (negative ? 1 : 0);
        if (whole && n_digits <= 18) {  // fits either integer type: no overflow to check
            std::uint64_t v = 0;
            for (const char* d = start + (negative ? 1 : 0); d != digits_end; ++d)
                v = v * 10 + static_cast<std::uint64_t>(*d - '0');
            if (negative) out = -static_cast<std::int64_t>(v);
            else out = v;
            return true;
        }
        if (number_from_token(std::string(start, p_), negative, whole, out)) return true;
        return fail(Kind::too_large_number, p_ - 1);
    }

    // The rare token: a whole number of 19 digits or more (an integer while
    // it fits its type) or one with a fraction or exponent (a double).
    static bool number_from_token(const std::string& token, bool negative, bool whole, json& out) {
        char* stop = nullptr;
        if (whole) {
            errno = 0;
            if (negative) {
                const auto v = std::strtoll(token.c_str(), &stop, 10);
                if (errno == 0) {
                    out = static_cast<std::int64_t>(v);
                    return true;
                }
            } else {
                const auto v = std::strtoull(token.c_str(), &stop, 10);
                if (errno == 0) {
                    out = static_cast<std::uint64_t>(v);
                    return true;
                }
            }
        }
        const double d = decimal_to_double(token);
        // nlohmann refuses a number that is not finite (1e999).
        if (!std::isfinite(d)) return false;
        out = d;
        return true;
    }
};

}  // namespace

JsonTextError::JsonTextError(std::string_view text, JsonReadFailure failure)
    : std::runtime_error(describe(text, failure)), failure_(std::move(failure)) {}

std::string JsonTextError::describe(std::string_view text, const JsonReadFailure& failure) {
    const std::string place = place_in_text(text, failure.at);
    switch (failure.kind) {
        case Kind::bad_utf8: return join_text({place, ": een teken dat geen UTF-8 is"});
        case Kind::control_character: return join_text({place, ": een stuurteken in een tekst"});
        case Kind::too_large_number: return join_text({place, ": een getal dat te groot is"});
        default: return join_text({place, ": hier loopt de JSON vast"});
    }
}

json parse_data_json(std::string_view text) {
    json out;
    DataJsonParser reader(text);
    if (reader.parse(out)) return out;
    throw JsonTextError(text, reader.take_failure());
}

bool parse_strict_json(std::string_view text, int max_depth, json& out, JsonReadFailure& failure) {
    DataJsonParser reader(text, {.unique_keys = true, .max_depth = max_depth});
    if (reader.parse(out)) return true;
    failure = reader.take_failure();
    return false;
}

}  // namespace ivp
