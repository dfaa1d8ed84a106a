#pragma once
// Building the text of a message.
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace ivp {

// The parts joined, in one call of a function compiled once. Why: every `+`
// of `"…" + a + "…"` expands in place (a temporary string, its append and the
// cleanup should an exception pass), so that a message of many parts costs
// more WebAssembly than the check that throws it. The text is the same.
std::string join_text(std::initializer_list<std::string_view> parts);

// The length of the valid UTF-8 sequence starting at text[at] (a byte >= 0x80),
// or 0 if it is not one: the sequences nlohmann's parser and serializer accept
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF). One
// rule for the data files' reader and the result's writer, so that neither
// accepts a text the other refuses.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

// Where a UTF-8 sequence starting at `at`, which utf8_sequence_length
// refused, goes wrong as a decoder reads it byte by byte (nlohmann's lexer
// and serializer alike): the lead byte when no sequence starts with it, else
// the first byte out of its range, or text.size() when the text ends first.
std::size_t utf8_first_bad_byte(std::string_view text, std::size_t at);

// The line and character (both from 1) of byte `at` of `text`, for a message:
// characters are counted, not the bytes of a UTF-8 sequence. `at` at or past
// the end names the place right after the last character.
struct LineColumn {
    std::size_t line = 1;
    std::size_t column = 1;
};
LineColumn locate(std::string_view text, std::size_t at);
// The same as words for a message: "regel 3, teken 7".
std::string place_in_text(std::string_view text, std::size_t at);

}  // namespace ivp
