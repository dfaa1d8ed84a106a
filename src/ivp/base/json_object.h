#pragma once
// Builds a JSON object one key at a time, each key one call of a function
// compiled once, instead of an initializer list (`json{{"id", p.id}, …}`).
//
// Why: nlohmann/json expands every initializer list in place. Each pair
// becomes a two-element array that is then checked ("is every element a
// [string, value] pair?") and moved into the object, all inlined at the call
// site. With the writers built on this class instead, `calculate()` fell from
// 35.6 to 20.6 kB of WebAssembly at -Oz with LTO and the core's code section
// by 100 kB (docs/perf.md, "Size: the writers"): the result builders write
// thousands of keys.
//
// The object is the same nlohmann::json either way: keys sorted (std::map),
// the first of two equal keys kept (as the initializer list keeps it), and
// each value the same JSON type as the argument would have made (an int
// stays an integer, a size_t unsigned, a double a float: 1 and 1.0 print
// differently). So every output stays byte-identical.
#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace ivp {

class JsonObject {
public:
    JsonObject();

    // add(key, value) on a temporary keeps it a temporary, so that a chain
    // converts to json: `return JsonObject().add("min", a).add("max", b);`.
    // A named builder is read out with take().
    template <typename T>
    JsonObject& add(std::string_view key, T&& value) & {
        put(key, std::forward<T>(value));
        return *this;
    }
    template <typename T>
    JsonObject&& add(std::string_view key, T&& value) && {
        put(key, std::forward<T>(value));
        return std::move(*this);
    }

    // The object built so far; the builder is empty afterwards.
    nlohmann::json take();
    operator nlohmann::json() && { return take(); }  // NOLINT(google-explicit-constructor): see add

private:
    // One compiled function per value type, each the JSON type the value
    // would have had in an initializer list.
    void put(std::string_view key, nlohmann::json&& value);
    void put(std::string_view key, const nlohmann::json& value);
    void put(std::string_view key, JsonObject&& value);
    void put(std::string_view key, const std::string& value);
    void put(std::string_view key, std::string&& value);
    void put(std::string_view key, std::string_view value);
    void put(std::string_view key, const char* value);
    // A bare nullptr would otherwise pick the const char* overload: JSON null.
    void put(std::string_view key, std::nullptr_t);
    void put(std::string_view key, bool value);
    void put(std::string_view key, int value);
    void put(std::string_view key, long value);
    void put(std::string_view key, long long value);
    void put(std::string_view key, unsigned value);
    void put(std::string_view key, unsigned long value);
    void put(std::string_view key, unsigned long long value);
    void put(std::string_view key, double value);

    nlohmann::json object_;
};

// The compact JSON text of `value`, byte for byte what `value.dump()` gives
// (no indent, ensure_ascii off, strict UTF-8: an invalid string throws the
// same nlohmann::json::type_error). nlohmann's serializer decodes every byte
// of every string through its UTF-8 automaton; this one copies runs of bytes
// that need no escape and checks UTF-8 only where a byte is not ASCII, a
// fifth of the instructions for a full result (docs/perf.md). Floats, binary
// and discarded values are left to nlohmann's own serializer (the results
// have none). Tested against dump() in tests/unit/json_object_test.cpp.
std::string json_text(const nlohmann::json& value);
// The same text appended to `out` (on an exception `out` keeps a part of it).
void append_json_text(std::string& out, const nlohmann::json& value);

// The writer behind json_text, for writers that write a text straight from
// their structs (catalogue_json_text) with one writer for the whole text:
// `out` kept at least as long as its capacity and written through an index,
// cut to the text at the end (a push_back per character checked and grew the
// string each time).
class JsonTextWriter {
public:
    // 256 bytes to start, doubled as needed: most texts written are a source's
    // key (SourceTable) of a hundred bytes or so, for which 4 kB cleared
    // each time cost more than the writing (docs/perf.md).
    explicit JsonTextWriter(std::string& out) : out_(out), at_(out.size()) {
        out_.resize(std::max(out_.capacity(), at_ + 256));
    }
    ~JsonTextWriter() { out_.resize(at_); }
    JsonTextWriter(const JsonTextWriter&) = delete;
    JsonTextWriter& operator=(const JsonTextWriter&) = delete;

    void put(char c) {
        room(1);
        out_[at_++] = c;
    }
    void put(const char* p, std::size_t n) {
        room(n);
        std::memcpy(out_.data() + at_, p, n);
        at_ += n;
    }
    void put(std::string_view s) { put(s.data(), s.size()); }
    // A value as json_text writes it; a string, quoted and escaped as there.
    void value(const nlohmann::json& value);
    void string(std::string_view s);
    // One string of the parts one after another, as string() writes their
    // concatenation, without making it (a reason's sentence: outcome, text, cite).
    void string_of(std::initializer_list<std::string_view> parts);
    void boolean(bool b) { put(b ? std::string_view("true") : std::string_view("false")); }
    void null() { put("null", 4); }
    // `"key":` — a key that needs no escape (the writers' own ASCII keys).
    void key(std::string_view k) {
        put('"');
        put(k);
        put("\":", 2);
    }
    template <typename Integer>
    void integer(Integer value) {
        char buffer[24];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
        put(buffer, static_cast<std::size_t>(end - buffer));
    }
    // A double as dump() writes it: the shortest digits that read back, null when not finite.
    void floating(double x);

private:
    static char* escape_into(char* o, std::string_view s);
    [[noreturn]] static void throw_not_utf8(std::string_view s, std::size_t at);
    void room(std::size_t n) {
        if (out_.size() - at_ < n) grow(n);
    }
    void grow(std::size_t n) { out_.resize(std::max(2 * out_.size(), at_ + n)); }

    std::string& out_;
    std::size_t at_;
};

// The members of one JSON object, written by a JsonTextWriter in the order
// given: a writer that gives the keys in the order a tree keeps them (sorted
// by their bytes) writes the text the tree had. `m("key")` writes the comma
// and the key and returns the writer for the value; the braces come with the
// object's life.
class JsonMembers {
public:
    explicit JsonMembers(JsonTextWriter& out) : out_(out) { out_.put('{'); }
    ~JsonMembers() { out_.put('}'); }
    JsonMembers(const JsonMembers&) = delete;
    JsonMembers& operator=(const JsonMembers&) = delete;
    JsonTextWriter& operator()(std::string_view key) {
        if (!first_) out_.put(',');
        first_ = false;
        out_.key(key);
        return out_;
    }

private:
    JsonTextWriter& out_;
    bool first_ = true;
};

// Writes `[items…]`, each by `write(out, item)`.
template <typename Range, typename Write>
void write_array(JsonTextWriter& out, const Range& items, Write write) {
    out.put('[');
    bool first = true;
    for (const auto& item : items) {
        if (!first) out.put(',');
        first = false;
        write(out, item);
    }
    out.put(']');
}

// The text `write(out)` writes with one JsonTextWriter for the whole of it
// (the writer cuts the text to what it wrote when it goes).
template <typename Write>
std::string written_text(Write write) {
    std::string text;
    {
        JsonTextWriter out(text);
        write(out);
    }
    return text;
}

}  // namespace ivp
