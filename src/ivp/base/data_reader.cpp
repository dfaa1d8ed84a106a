#include "ivp/base/data_reader.h"

#include <vector>

#include "ivp/base/json_input.h"
#include "ivp/base/text.h"

namespace ivp {

using nlohmann::json;

void DataReader::fail(const std::string& where, const std::string& message) const {
    throw DataError(file_, where.empty() ? "/" : where, message);
}

void DataReader::object(const json& value, const std::string& where, std::string_view what) const {
    guard([&] { require_object(value, where, what); });
}

void DataReader::keys(const json& obj, const std::string& where, std::initializer_list<std::string_view> allowed) const {
    object(obj, where);
    guard([&] { reject_unknown_keys(obj, where, allowed); });
}

void DataReader::keys(const json& obj, const std::string& where, std::initializer_list<std::string_view> required,
                      std::initializer_list<std::string_view> optional) const {
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
    return integer_value(field(obj, where, key), pointer_join(where, key), lo, hi, what);
}

std::int64_t DataReader::integer_value(const json& value, const std::string& where, std::int64_t lo, std::int64_t hi,
                                       std::string_view what) const {
    // The user-input rule names the value and the range; out-of-range and
    // fractional floats are refused there with the same words.
    const auto v = guard([&] { return require_integer(value, where, lo, hi, what); });
    if (value.is_number_float())
        fail(where, join_text({what, " moet een heel getal zijn, zonder cijfers achter de komma (", std::to_string(v),
                               ", niet ", value.dump(), ")."}));
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

}  // namespace ivp
