#include "ivp/base/text.h"

namespace ivp {

std::string join_text(std::initializer_list<std::string_view> parts) {
    std::size_t size = 0;
    for (auto part : parts) size += part.size();
    std::string out;
    out.reserve(size);
    for (auto part : parts) out += part;
    return out;
}

namespace {
bool in(unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; }
}  // namespace

std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
    const std::size_t left = text.size() - at;
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[at + k]); };
    const unsigned char c = b(0);
    if (in(c, 0xC2, 0xDF)) return left >= 2 && in(b(1), 0x80, 0xBF) ? 2 : 0;
    if (in(c, 0xE0, 0xEF)) {
        if (left < 3) return 0;
        const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;  // E0: no overlong form
        const unsigned char hi = c == 0xED ? 0x9F : 0xBF;  // ED: no surrogate
        return in(b(1), lo, hi) && in(b(2), 0x80, 0xBF) ? 3 : 0;
    }
    if (in(c, 0xF0, 0xF4)) {
        if (left < 4) return 0;
        const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;  // F0: no overlong form
        const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;  // F4: nothing above U+10FFFF
        return in(b(1), lo, hi) && in(b(2), 0x80, 0xBF) && in(b(3), 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
}

std::size_t utf8_first_bad_byte(std::string_view text, std::size_t at) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (!in(c, 0xC2, 0xF4)) return at;
    const std::size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    for (std::size_t k = 1; k < n; ++k) {
        if (at + k == text.size()) return text.size();
        unsigned char lo = 0x80, hi = 0xBF;
        if (k == 1 && c == 0xE0) lo = 0xA0;  // no overlong form
        if (k == 1 && c == 0xED) hi = 0x9F;  // no surrogate
        if (k == 1 && c == 0xF0) lo = 0x90;  // no overlong form
        if (k == 1 && c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
        if (!in(static_cast<unsigned char>(text[at + k]), lo, hi)) return at + k;
    }
    return at;  // not reached for a sequence utf8_sequence_length refused
}

LineColumn locate(std::string_view text, std::size_t at) {
    LineColumn place;
    for (std::size_t i = 0; i < at && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++place.line;
            place.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++place.column;  // count characters, not UTF-8 continuation bytes
        }
    }
    return place;
}

std::string place_in_text(std::string_view text, std::size_t at) {
    const auto place = locate(text, at);
    return join_text({"regel ", std::to_string(place.line), ", teken ", std::to_string(place.column)});
}

}  // namespace ivp
