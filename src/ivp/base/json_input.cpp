#include "ivp/base/json_input.h"

#include <cmath>
#include <functional>
#include <set>
#include <vector>

#include "ivp/base/data_reader.h"
#include "ivp/base/error.h"
#include "ivp/base/text.h"

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

// Size, emptiness and NUL bytes: refused before parsing, each in words.
void check_raw_text(std::string_view text) {
    if (text.size() > kMaxInputBytes)
        throw InputError("", join_text({"De invoer is te groot (", std::to_string(text.size()),
                                        " bytes); het maximum is ", std::to_string(kMaxInputBytes), " bytes."}));
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw InputError("", "De invoer is leeg; verwacht werd een scenario in JSON, bijvoorbeeld {\"schema\": 1}.");
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        const auto at = locate(text, nul);
        throw InputError("", join_text({"De invoer is geen geldige JSON: er staat een NUL-teken op regel ",
                                        std::to_string(at.line), ", teken ", std::to_string(at.column),
                                        ". Is dit wel een tekstbestand?"}));
    }
}

// Follows the parser (one frame per open object or array), so that a
// duplicate key can be named by its JSON Pointer and nesting is bounded.
class ParseWatcher {
public:
    using event_t = nlohmann::json::parse_event_t;

    bool too_deep = false;

    bool operator()(int depth, event_t event, nlohmann::json& parsed) {
        switch (event) {
            case event_t::object_start:
            case event_t::array_start: open(depth, event == event_t::object_start); break;
            case event_t::key: key(parsed.get<std::string>()); break;
            case event_t::object_end:
            case event_t::array_end:
                path_.pop_back();
                element_done();
                break;
            case event_t::value: element_done(); break;
        }
        return true;
    }

private:
    struct Frame {
        bool object = false;
        std::string key;        // object: the current key
        std::size_t index = 0;  // array: the current element
        std::set<std::string> keys;
    };
    std::vector<Frame> path_;

    void open(int depth, bool object) {
        if (depth >= kMaxNestingDepth) {
            too_deep = true;
            throw std::length_error("depth");  // stop at once: build nothing deeper
        }
        path_.push_back(Frame{object, {}, 0, {}});
    }

    // nlohmann/json would keep the last of two equal keys. We refuse instead
    // (docs/limits.md): in a hand-edited file the first one silently losing
    // is a mistake nobody would see.
    void key(std::string name) {
        auto& top = path_.back();
        top.key = std::move(name);
        if (!top.keys.insert(top.key).second)
            throw InputError(pointer(), join_text({"het veld ", quote_for_message(top.key),
                                                   " staat twee keer in hetzelfde object. "
                                                   "Haal er één weg, zodat duidelijk is welke waarde geldt."}));
    }

    void element_done() {
        if (!path_.empty() && !path_.back().object) ++path_.back().index;
    }

    std::string pointer() const {
        std::string out;
        for (const auto& f : path_) out = f.object ? pointer_join(out, f.key) : pointer_join(out, f.index);
        return out;
    }
};

// A syntax error, with line and character, and the two mistakes a text
// editor makes most named in words.
[[noreturn]] void throw_syntax_error(std::string_view text, const nlohmann::json::parse_error& e) {
    const auto at = locate(text, e.byte == 0 ? 0 : e.byte - 1);
    const std::string place = join_text({"regel ", std::to_string(at.line), ", teken ", std::to_string(at.column)});
    const std::string_view detail = e.what();
    if (detail.find("ill-formed UTF-8") != std::string_view::npos)
        throw InputError("", join_text({"De invoer is geen geldige JSON (", place,
                                        "): daar staat een teken dat geen UTF-8 is. Sla het bestand op als UTF-8."}));
    if (detail.find("control character") != std::string_view::npos)
        throw InputError("", join_text({"De invoer is geen geldige JSON (", place,
                                        "): een tekst tussen aanhalingstekens bevat een regelovergang, tab of "
                                        "ander stuurteken. Zet de tekst op één regel."}));
    throw InputError("", join_text({"De invoer is geen geldige JSON (", place,
                                    "). Controleer aanhalingstekens, komma's en haakjes; een bestand dat half "
                                    "is opgeslagen geeft ook deze fout."}));
}

}  // namespace

nlohmann::json parse_user_json(std::string_view text) {
    check_raw_text(text);
    // The common case, a text with nothing to refuse, read by the data files'
    // reader: the same value, and no nlohmann lexer, parser or watcher run
    // (each a function more for the browser to compile before the page's
    // first result). Anything it does not take is read below, which says why.
    if (nlohmann::json quick; parse_strict_json(text, kMaxNestingDepth, quick)) return quick;
    ParseWatcher watcher;
    try {
        return nlohmann::json::parse(text.begin(), text.end(), std::ref(watcher),
                                     /*allow_exceptions=*/true, /*ignore_comments=*/false);
    } catch (const nlohmann::json::parse_error& e) {
        throw_syntax_error(text, e);
    } catch (const nlohmann::json::out_of_range&) {
        // e.g. 1e400: a number no double can hold.
        throw InputError("", "De invoer bevat een getal dat te groot is om te lezen.");
    } catch (const std::length_error&) {
        if (!watcher.too_deep) throw;
        throw InputError("", join_text({"De invoer is te diep genest (meer dan ", std::to_string(kMaxNestingDepth),
                                        " niveaus). Een scenario heeft er maar een paar."}));
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
