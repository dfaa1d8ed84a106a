#pragma once
// Reading JSON that a person wrote or a page produced: limits, strict keys,
// and Dutch messages that point at the place (a JSON Pointer, RFC 6901).
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>

namespace ivp {

// Limits on user input (documented in docs/limits.md). A real scenario is a
// few kilobytes and four levels deep; these leave ample room and keep a
// hostile file from costing memory or time.
inline constexpr std::size_t kMaxInputBytes = 1024 * 1024;  // 1 MiB
inline constexpr int kMaxNestingDepth = 32;

// Parses `text` as JSON; throws InputError with a Dutch message (line and
// column for syntax errors) when it is not JSON, too large or too deep, or
// when an object has the same key twice (named by its JSON Pointer). A UTF-8
// byte order mark at the very start is skipped (Windows editors write one).
nlohmann::json parse_user_json(std::string_view text);

// `base` + "/" + `key`, with "~" and "/" escaped as RFC 6901 requires.
std::string pointer_join(const std::string& base, std::string_view key);
std::string pointer_join(const std::string& base, std::size_t index);

// Throws InputError at `where` unless `value` is an object.
void require_object(const nlohmann::json& value, const std::string& where, std::string_view what);

// Throws InputError naming the first key of `object` not in `allowed`.
void reject_unknown_keys(const nlohmann::json& object, const std::string& where,
                         std::span<const std::string_view> allowed);
inline void reject_unknown_keys(const nlohmann::json& object, const std::string& where,
                                std::initializer_list<std::string_view> allowed) {
    reject_unknown_keys(object, where, std::span<const std::string_view>(allowed.begin(), allowed.size()));
}

// A whole number within [lo, hi]; floats are accepted only when integral
// (5000.0), so that a page that sends numbers as doubles is not refused.
std::int64_t require_integer(const nlohmann::json& value, const std::string& where, std::int64_t lo,
                             std::int64_t hi, std::string_view what);

// `text` in double quotes for a message, cut after kMaxQuotedChars characters
// (with "…"): a hostile 500 KB key must not become a 500 KB message. Cuts on
// a UTF-8 character boundary, so the message stays valid JSON text.
inline constexpr std::size_t kMaxQuotedChars = 60;
std::string quote_for_message(std::string_view text);

// The type of a JSON value in Dutch, for messages ("een tekst", "een getal").
std::string dutch_type_name(const nlohmann::json& value);

}  // namespace ivp
