#include "ivp/base/json_object.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "ivp/base/text.h"

namespace ivp {

using nlohmann::json;

// object_ stays null until the first key: emplace() makes a null an object,
// and take() gives an empty object for a builder with no key. So a builder
// allocates its map once, when it gets a key, and take() leaves a null
// behind instead of allocating a fresh empty map for a builder that is
// thrown away right after (every nested JsonObject of the result).
JsonObject::JsonObject() = default;

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

json JsonObject::take() {
    if (object_.is_null()) return json::object();
    return std::exchange(object_, json());
}

namespace {

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


}  // namespace

// A string that is not UTF-8 is refused as dump() refuses it, word for word
// (nlohmann's type_error 316): at the first byte its decoder rejects — the
// lead byte no sequence starts with, or the first byte out of its range —
// or, cut short by the end, naming the last byte. `at`: where the sequence
// starts.
[[noreturn]] void JsonTextWriter::throw_not_utf8(std::string_view s, std::size_t at) {
    const auto hex = [](unsigned char byte) {
        static constexpr char digits[] = "0123456789ABCDEF";
        return std::string{digits[byte >> 4], digits[byte & 0xF]};
    };
    const auto byte = [&s](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const std::size_t bad = utf8_first_bad_byte(s, at);
    if (bad == s.size())
        throw json::type_error::create(316, "incomplete UTF-8 string; last byte: 0x" + hex(byte(s.size() - 1)), nullptr);
    throw json::type_error::create(316, "invalid UTF-8 byte at index " + std::to_string(bad) + ": 0x" + hex(byte(bad)), nullptr);
}

// The bytes of `s` escaped as json_text escapes them, written at `o`; the
// end of what was written. Room for 6 bytes per byte of `s` must be there.
char* JsonTextWriter::escape_into(char* o, std::string_view s) {
    std::size_t run = 0;  // start of the bytes not yet copied
    std::size_t i = 0;
    while (i < s.size()) {
        // Eight bytes at a time while none of them needs a look.
        while (s.size() - i >= 8 && !needs_look(s.data() + i)) i += 8;
        if (i == s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t n = utf8_sequence_length(s, i);
            if (n == 0) throw_not_utf8(s, i);
            i += n;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        std::memcpy(o, s.data() + run, i - run);
        o += i - run;
        *o++ = '\\';
        switch (c) {
            case '"': *o++ = '"'; break;
            case '\\': *o++ = '\\'; break;
            case '\b': *o++ = 'b'; break;
            case '\f': *o++ = 'f'; break;
            case '\n': *o++ = 'n'; break;
            case '\r': *o++ = 'r'; break;
            case '\t': *o++ = 't'; break;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                const char escaped[] = {'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
                std::memcpy(o, escaped, sizeof escaped);
                o += sizeof escaped;
            }
        }
        run = ++i;
    }
    std::memcpy(o, s.data() + run, s.size() - run);
    return o + (s.size() - run);
}

void JsonTextWriter::string(std::string_view s) { string_of({s}); }

void JsonTextWriter::string_of(std::initializer_list<std::string_view> parts) {
    std::size_t size = 0;
    for (const auto part : parts) size += part.size();
    room(2 + 6 * size);  // every byte escaped as \u00XX at most
    char* const begin = out_.data() + at_;
    char* o = begin;
    *o++ = '"';
    for (const auto part : parts) o = escape_into(o, part);
    *o++ = '"';
    at_ += static_cast<std::size_t>(o - begin);
}

void JsonTextWriter::value(const json& value) {
    switch (value.type()) {
        case json::value_t::object: {
            const auto& object = value.get_ref<const json::object_t&>();
            put('{');
            bool first = true;
            for (const auto& [key, member] : object) {
                if (!first) put(',');
                first = false;
                string(key);
                put(':');
                this->value(member);
            }
            put('}');
            return;
        }
        case json::value_t::array: {
            const auto& array = value.get_ref<const json::array_t&>();
            put('[');
            bool first = true;
            for (const auto& element : array) {
                if (!first) put(',');
                first = false;
                this->value(element);
            }
            put(']');
            return;
        }
        case json::value_t::string: string(value.get_ref<const std::string&>()); return;
        case json::value_t::boolean: put(value.get<bool>() ? std::string_view("true") : std::string_view("false")); return;
        case json::value_t::null: put("null", 4); return;
        case json::value_t::number_integer: integer(value.get<std::int64_t>()); return;
        case json::value_t::number_unsigned: integer(value.get<std::uint64_t>()); return;
        case json::value_t::number_float: floating(value.get<double>()); return;
        default:  // binary, discarded: no writer makes them (dump() would write them in forms of its own)
            throw std::logic_error("json_text: a binary or discarded value");
    }
}

// A double as nlohmann's serializer writes it (dump_float): null when not
// finite, else its Grisu2 digits, the shortest that read back as the same
// double (nlohmann::detail::to_chars, the function dump() calls; nlohmann/json
// is pinned at 3.11.2). Why not dump(): its serializer, with printf for
// control characters and a locale lookup, is not in the WebAssembly then.
void JsonTextWriter::floating(double x) {
    if (!std::isfinite(x)) {
        put("null", 4);
        return;
    }
    char digits[64];
    const char* end = nlohmann::detail::to_chars(digits, digits + sizeof digits, x);
    put(std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

void append_json_text(std::string& out, const json& value) {
    JsonTextWriter writer(out);
    writer.value(value);
}

std::string json_text(const json& value) {
    std::string out;
    append_json_text(out, value);
    return out;
}

}  // namespace ivp
