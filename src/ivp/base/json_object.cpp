#include "ivp/base/json_object.h"

#include <charconv>
#include <cstring>

namespace ivp {

using nlohmann::json;

JsonObject::JsonObject() : object_(json::object()) {}

// emplace keeps the first value of a key, as nlohmann's initializer list does.
void JsonObject::put(std::string_view key, json&& value) { object_.emplace(std::string(key), std::move(value)); }
void JsonObject::put(std::string_view key, const json& value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, JsonObject&& value) { put(key, value.take()); }
void JsonObject::put(std::string_view key, const std::string& value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, std::string&& value) { put(key, json(std::move(value))); }
void JsonObject::put(std::string_view key, std::string_view value) { put(key, json(std::string(value))); }
void JsonObject::put(std::string_view key, const char* value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, std::nullptr_t) { put(key, json(nullptr)); }
void JsonObject::put(std::string_view key, bool value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, int value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, long value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, long long value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, unsigned value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, unsigned long value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, unsigned long long value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, double value) { put(key, json(value)); }

json JsonObject::take() { return std::exchange(object_, json::object()); }

namespace {

// The length of the valid UTF-8 sequence starting at s[i] (a byte >= 0x80),
// or 0 if it is not one: the sequences nlohmann's automaton accepts (RFC
// 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    const std::size_t rest = s.size() - i;
    const auto cont = [&](std::size_t k) { return (byte(i + k) & 0xC0) == 0x80; };
    if (b0 >= 0xC2 && b0 <= 0xDF) return rest >= 2 && cont(1) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (rest < 3) return 0;
        const unsigned char b1 = byte(i + 1);
        const bool first_ok = b0 == 0xE0 ? (b1 >= 0xA0 && b1 <= 0xBF)
                              : b0 == 0xED ? (b1 >= 0x80 && b1 <= 0x9F)
                                           : (b1 & 0xC0) == 0x80;
        return first_ok && cont(2) ? 3 : 0;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (rest < 4) return 0;
        const unsigned char b1 = byte(i + 1);
        const bool first_ok = b0 == 0xF0 ? (b1 >= 0x90 && b1 <= 0xBF)
                              : b0 == 0xF4 ? (b1 >= 0x80 && b1 <= 0x8F)
                                           : (b1 & 0xC0) == 0x80;
        return first_ok && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
}

// Whether one of the eight bytes at p is not ASCII, a control character, '"'
// or '\\' (a byte after one that is may also be reported: the bytes are then
// looked at one by one).
bool needs_look(const char* p) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    std::uint64_t x;
    std::memcpy(&x, p, sizeof x);
    const auto zero_byte = [&](std::uint64_t v) { return (v - ones) & ~v & highs; };
    return ((x & highs) | ((x - 0x20 * ones) & ~x & highs) | zero_byte(x ^ ('"' * ones)) |
            zero_byte(x ^ ('\\' * ones))) != 0;
}

void append_string(std::string& out, std::string_view s) {
    const std::size_t start = out.size();
    out += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    std::size_t i = 0;
    while (i < s.size()) {
        // Eight bytes at a time while none of them needs a look.
        while (s.size() - i >= 8 && !needs_look(s.data() + i)) i += 8;
        if (i == s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t n = utf8_length(s, i);
            if (n == 0) {
                // Not UTF-8: nlohmann's serializer throws its type_error 316
                // (were it ever to accept the string, its text is the answer).
                out.resize(start);
                out += json(std::string(s)).dump();
                return;
            }
            i += n;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        out.append(s.data() + run, i - run);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
                out.append(escaped, sizeof escaped);
            }
        }
        run = ++i;
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

template <typename Integer>
void append_integer(std::string& out, Integer value) {
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out.append(buffer, static_cast<std::size_t>(end - buffer));
}

}  // namespace

void append_json_text(std::string& out, const json& value) {
    switch (value.type()) {
        case json::value_t::object: {
            const auto& object = value.get_ref<const json::object_t&>();
            out += '{';
            bool first = true;
            for (const auto& [key, member] : object) {
                if (!first) out += ',';
                first = false;
                append_string(out, key);
                out += ':';
                append_json_text(out, member);
            }
            out += '}';
            return;
        }
        case json::value_t::array: {
            const auto& array = value.get_ref<const json::array_t&>();
            out += '[';
            bool first = true;
            for (const auto& element : array) {
                if (!first) out += ',';
                first = false;
                append_json_text(out, element);
            }
            out += ']';
            return;
        }
        case json::value_t::string: append_string(out, value.get_ref<const std::string&>()); return;
        case json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
        case json::value_t::null: out += "null"; return;
        case json::value_t::number_integer: append_integer(out, value.get<std::int64_t>()); return;
        case json::value_t::number_unsigned: append_integer(out, value.get<std::uint64_t>()); return;
        default: out += value.dump(); return;  // float, binary, discarded: nlohmann's own text
    }
}

std::string json_text(const json& value) {
    std::string out;
    out.reserve(4096);
    append_json_text(out, value);
    return out;
}

}  // namespace ivp
