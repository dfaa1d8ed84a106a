#include "ivp/base/json_input.h"

#include <cmath>

#include "ivp/base/data_reader.h"
#include "ivp/base/error.h"
#include "ivp/base/text.h"

namespace ivp {

namespace {

// Size, emptiness and NUL bytes: refused before parsing, each in words.
void check_raw_text(std::string_view text) {
    if (text.size() > kMaxInputBytes)
        throw InputError("", join_text({"De invoer is te groot (", std::to_string(text.size()),
                                        " bytes); het maximum is ", std::to_string(kMaxInputBytes), " bytes."}));
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw InputError("", "De invoer is leeg; verwacht werd een scenario in JSON, bijvoorbeeld {\"schema\": 1}.");
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        throw InputError("", join_text({"De invoer is geen geldige JSON: er staat een NUL-teken op ",
                                        place_in_text(text, nul), ". Is dit wel een tekstbestand?"}));
    }
}

// The fault the reader found, in words: where, and the two mistakes a text
// editor makes most named.
[[noreturn]] void throw_syntax_error(std::string_view text, const JsonReadFailure& failure) {
    const std::string place = place_in_text(text, failure.at);
    if (failure.kind == JsonReadFailure::Kind::bad_utf8)
        throw InputError("", join_text({"De invoer is geen geldige JSON (", place,
                                        "): daar staat een teken dat geen UTF-8 is. Sla het bestand op als UTF-8."}));
    if (failure.kind == JsonReadFailure::Kind::control_character)
        throw InputError("", join_text({"De invoer is geen geldige JSON (", place,
                                        "): een tekst tussen aanhalingstekens bevat een regelovergang, tab of "
                                        "ander stuurteken. Zet de tekst op één regel."}));
    throw InputError("", join_text({"De invoer is geen geldige JSON (", place,
                                    "). Controleer aanhalingstekens, komma's en haakjes; een bestand dat half "
                                    "is opgeslagen geeft ook deze fout."}));
}

[[noreturn]] void throw_read_failure(std::string_view text, const JsonReadFailure& failure) {
    switch (failure.kind) {
        // nlohmann/json would keep the last of two equal keys. We refuse
        // instead (docs/limits.md): in a hand-edited file the first one
        // silently losing is a mistake nobody would see.
        case JsonReadFailure::Kind::duplicate_key: {
            std::string pointer;
            for (auto key = failure.pointer.rbegin(); key != failure.pointer.rend(); ++key)
                pointer = pointer_join(pointer, *key);
            throw InputError(pointer, join_text({"het veld ", quote_for_message(failure.pointer.front()),
                                                 " staat twee keer in hetzelfde object. "
                                                 "Haal er één weg, zodat duidelijk is welke waarde geldt."}));
        }
        case JsonReadFailure::Kind::too_deep:
            throw InputError("", join_text({"De invoer is te diep genest (meer dan ", std::to_string(kMaxNestingDepth),
                                            " niveaus). Een scenario heeft er maar een paar."}));
        case JsonReadFailure::Kind::too_large_number:
            // e.g. 1e400: a number no double can hold.
            throw InputError("", "De invoer bevat een getal dat te groot is om te lezen.");
        default: throw_syntax_error(text, failure);
    }
}

}  // namespace

nlohmann::json parse_user_json(std::string_view text) {
    check_raw_text(text);
    nlohmann::json value;
    JsonReadFailure failure;
    if (!parse_strict_json(text, kMaxNestingDepth, value, failure)) throw_read_failure(text, failure);
    return value;
}

std::string pointer_join(const std::string& base, std::string_view key) {
    std::string out = base + "/";
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string pointer_join(const std::string& base, std::size_t index) {
    return base + "/" + std::to_string(index);
}

std::string quote_for_message(std::string_view text) {
    std::size_t chars = 0, end = 0;
    for (; end < text.size(); ++end) {
        const bool starts_char = (static_cast<unsigned char>(text[end]) & 0xC0) != 0x80;
        if (starts_char && chars++ == kMaxQuotedChars) break;
    }
    return "\"" + std::string(text.substr(0, end)) + (end < text.size() ? "…\"" : "\"");
}

std::string dutch_type_name(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::null: return "leeg (null)";
        case nlohmann::json::value_t::boolean: return "waar/onwaar";
        case nlohmann::json::value_t::string: return "een tekst";
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
        case nlohmann::json::value_t::number_float: return "een getal";
        case nlohmann::json::value_t::array: return "een lijst";
        case nlohmann::json::value_t::object: return "een object";
        default: return "iets onbekends";
    }
}

void require_object(const nlohmann::json& value, const std::string& where, std::string_view what) {
    if (!value.is_object())
        throw InputError(where, join_text({what, " moet een object zijn ({…}), maar is ", dutch_type_name(value), "."}));
}

void reject_unknown_keys(const nlohmann::json& object, const std::string& where,
                         std::span<const std::string_view> allowed) {
    for (const auto& [key, value] : object.items()) {
        bool known = false;
        for (auto a : allowed) known = known || key == a;
        if (known) continue;
        std::string list;
        for (auto a : allowed) {
            if (!list.empty()) list += ", ";
            list += a;
        }
        throw InputError(pointer_join(where, key),
                         join_text({"onbekend veld ", quote_for_message(key), ". ",
                                    list.empty() ? "Hier zijn (nog) geen velden toegestaan." : "Toegestaan zijn: ",
                                    list, list.empty() ? "" : ". (Een tikfout?)"}));
    }
}

std::int64_t require_integer(const nlohmann::json& value, const std::string& where, std::int64_t lo,
                             std::int64_t hi, std::string_view what) {
    const std::string range = join_text({" (van ", std::to_string(lo), " tot en met ", std::to_string(hi), ")"});
    if (value.is_number_integer()) {
        const auto v = value.get<std::int64_t>();
        if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(hi))
            throw InputError(where, join_text({what, " ", std::to_string(value.get<std::uint64_t>()),
                                               " valt buiten het bereik", range, "."}));
        if (v < lo || v > hi)
            throw InputError(where, join_text({what, " ", std::to_string(v), " valt buiten het bereik", range, "."}));
        return v;
    }
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (!std::isfinite(d) || d != std::floor(d))
            throw InputError(where, join_text({what, " moet een heel getal zijn", range, ", zonder cijfers achter de komma."}));
        if (d < static_cast<double>(lo) || d > static_cast<double>(hi))
            throw InputError(where, join_text({what, " valt buiten het bereik", range, "."}));
        return static_cast<std::int64_t>(d);
    }
    throw InputError(where, join_text({what, " moet een heel getal zijn", range, ", maar is ", dutch_type_name(value), "."}));
}

}  // namespace ivp
