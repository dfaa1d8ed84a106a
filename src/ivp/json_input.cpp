#include "ivp/json_input.h"

#include <cmath>

#include "ivp/error.h"

namespace ivp {

namespace {

struct LineColumn {
    std::size_t line = 1;
    std::size_t column = 1;
};

LineColumn locate(std::string_view text, std::size_t byte) {
    LineColumn at;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++at.line;
            at.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++at.column;  // count characters, not UTF-8 continuation bytes
        }
    }
    return at;
}

}  // namespace

nlohmann::json parse_user_json(std::string_view text) {
    if (text.size() > kMaxInputBytes)
        throw InputError("", "De invoer is te groot (" + std::to_string(text.size()) +
                                 " bytes); het maximum is " + std::to_string(kMaxInputBytes) + " bytes.");
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw InputError("", "De invoer is leeg; verwacht werd een scenario in JSON, bijvoorbeeld {\"schema\": 1}.");
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        const auto at = locate(text, nul);
        throw InputError("", "De invoer is geen geldige JSON: er staat een NUL-teken op regel " +
                                 std::to_string(at.line) + ", teken " + std::to_string(at.column) +
                                 ". Is dit wel een tekstbestand?");
    }
    bool too_deep = false;
    const auto limit_depth = [&too_deep](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
        if ((event == nlohmann::json::parse_event_t::object_start ||
             event == nlohmann::json::parse_event_t::array_start) &&
            depth >= kMaxNestingDepth) {
            too_deep = true;
            throw std::length_error("depth");  // stop at once: build nothing deeper
        }
        return true;
    };
    try {
        return nlohmann::json::parse(text.begin(), text.end(), limit_depth,
                                     /*allow_exceptions=*/true, /*ignore_comments=*/false);
    } catch (const nlohmann::json::parse_error& e) {
        const auto at = locate(text, e.byte == 0 ? 0 : e.byte - 1);
        throw InputError("", "De invoer is geen geldige JSON (regel " + std::to_string(at.line) + ", teken " +
                                 std::to_string(at.column) +
                                 "). Controleer aanhalingstekens, komma's en haakjes; een bestand dat half "
                                 "is opgeslagen geeft ook deze fout.");
    } catch (const nlohmann::json::out_of_range&) {
        // e.g. 1e400: a number no double can hold.
        throw InputError("", "De invoer bevat een getal dat te groot is om te lezen.");
    } catch (const std::length_error&) {
        if (!too_deep) throw;
        throw InputError("", "De invoer is te diep genest (meer dan " + std::to_string(kMaxNestingDepth) +
                                 " niveaus). Een scenario heeft er maar een paar.");
    }
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
        throw InputError(where, std::string(what) + " moet een object zijn ({…}), maar is " +
                                    dutch_type_name(value) + ".");
}

void reject_unknown_keys(const nlohmann::json& object, const std::string& where,
                         std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, value] : object.items()) {
        bool known = false;
        for (auto a : allowed) known = known || key == a;
        if (known) continue;
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        throw InputError(pointer_join(where, key),
                         "onbekend veld \"" + key + "\". " +
                             (list.empty() ? std::string("Hier zijn (nog) geen velden toegestaan.")
                                           : "Toegestaan zijn: " + list + ". (Een tikfout?)"));
    }
}

std::int64_t require_integer(const nlohmann::json& value, const std::string& where, std::int64_t lo,
                             std::int64_t hi, std::string_view what) {
    const std::string range = " (van " + std::to_string(lo) + " tot en met " + std::to_string(hi) + ")";
    if (value.is_number_integer()) {
        const auto v = value.get<std::int64_t>();
        if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(hi))
            throw InputError(where, std::string(what) + " " + std::to_string(value.get<std::uint64_t>()) +
                                        " valt buiten het bereik" + range + ".");
        if (v < lo || v > hi)
            throw InputError(where, std::string(what) + " " + std::to_string(v) + " valt buiten het bereik" + range + ".");
        return v;
    }
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (!std::isfinite(d) || d != std::floor(d))
            throw InputError(where, std::string(what) + " moet een heel getal zijn" + range + ", zonder cijfers achter de komma.");
        if (d < static_cast<double>(lo) || d > static_cast<double>(hi))
            throw InputError(where, std::string(what) + " valt buiten het bereik" + range + ".");
        return static_cast<std::int64_t>(d);
    }
    throw InputError(where, std::string(what) + " moet een heel getal zijn" + range + ", maar is " +
                                dutch_type_name(value) + ".");
}

}  // namespace ivp
