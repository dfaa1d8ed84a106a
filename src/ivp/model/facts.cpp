#include "ivp/model/facts.h"

#include <algorithm>
#include <set>

#include "ivp/base/data_reader.h"
#include "ivp/base/date.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/error.h"
#include "ivp/base/json_input.h"
#include "ivp/base/text.h"

namespace ivp {

const Fact* FactsCatalogue::find(const std::string& id) const {
    for (const auto& f : facts)
        if (f.id == id) return &f;
    return nullptr;
}

namespace {

// An integer fact has whole min and max, min <= max.
void parse_integer_range(const DataReader& r, const nlohmann::json& f, const std::string& where, Fact& fact) {
    if (!f.contains("min") || !f.contains("max") || !f.at("min").is_number_integer() ||
        !f.at("max").is_number_integer() || f.at("min").get<std::int64_t>() > f.at("max").get<std::int64_t>())
        r.fail(where, "een integer-feit heeft gehele min en max, min <= max");
    fact.min = f.at("min").get<std::int64_t>();
    fact.max = f.at("max").get<std::int64_t>();
}

// A choice fact has at least two choices {value, label}, each value once.
void parse_choices(const DataReader& r, const nlohmann::json& f, const std::string& where, Fact& fact) {
    if (!f.contains("choices") || !f.at("choices").is_array() || f.at("choices").size() < 2)
        r.fail(where + "/choices", "een keuze-feit heeft minstens twee keuzes");
    for (const auto& c : f.at("choices")) {
        if (!c.is_object() || !c.contains("value") || !c.at("value").is_string() || !c.contains("label"))
            r.fail(where + "/choices", "elke keuze is {value, label}");
        const auto value = c.at("value").get<std::string>();
        // A value twice would make a profile's answer ambiguous.
        if (std::find(fact.choices.begin(), fact.choices.end(), value) != fact.choices.end())
            r.fail(pointer_join(where + "/choices", fact.choices.size()) + "/value", join_text({"dubbele keuze \"", value, "\""}));
        fact.choices.push_back(value);
    }
}

Fact parse_fact(const DataReader& r, nlohmann::json& f, const std::string& where, std::set<std::string>& ids) {
    r.keys(f, where, {"id", "type", "question", "explanation"},
           {"min", "max", "choices", "used_by", "source", "unit", "group", "follows"});
    for (const char* required : {"id", "type", "question", "explanation"}) r.text(f, where, required);
    // A question is shown with where it comes from, like every rule.
    if (f.contains("source")) r.source(f, where, "source");
    Fact fact;
    fact.id = f.at("id").get<std::string>();
    if (!ids.insert(fact.id).second) r.fail(where + "/id", join_text({"dubbele id \"", fact.id, "\""}));
    const auto type = f.at("type").get<std::string>();
    if (type == "boolean") {
        fact.type = FactType::boolean;
    } else if (type == "integer") {
        fact.type = FactType::integer;
        parse_integer_range(r, f, where, fact);
    } else if (type == "choice") {
        fact.type = FactType::choice;
        parse_choices(r, f, where, fact);
    } else if (type == "date") {
        fact.type = FactType::date;
    } else {
        r.fail(where + "/type", "type is boolean, integer, choice of date");
    }
    fact.definition = std::move(f);  // read and checked above: the entry moves, no copy
    return fact;
}

// A follow-up question names its parent (src/ivp/result/questions.cpp asks it
// after), and no chain of follows comes back to where it started.
void check_follows(const DataReader& r, const FactsCatalogue& out) {
    for (std::size_t i = 0; i < out.facts.size(); ++i) {
        const auto& d = out.facts[i].definition;
        if (!d.contains("follows")) continue;
        const auto where = pointer_join("/facts", i) + "/follows";
        if (!d.at("follows").is_string() || !out.find(d.at("follows").get<std::string>()) ||
            d.at("follows").get<std::string>() == out.facts[i].id)
            r.fail(where, "follows noemt een ander feit uit deze lijst");
        const Fact* up = &out.facts[i];
        for (std::size_t steps = 0; up && up->definition.contains("follows"); ++steps) {
            if (steps > out.facts.size()) r.fail(where, "follows maakt een kring");
            up = out.find(up->definition.at("follows").get<std::string>());
        }
    }
}

}  // namespace

FactsCatalogue parse_facts(nlohmann::json data, const std::string& file) {
    const DataReader r(file);
    if (!data.is_object()) r.fail("/facts", "verwacht een lijst facts");
    r.array(data, "", "facts", /*non_empty=*/false, "facts");
    auto& list = data.at("facts");
    FactsCatalogue out;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list.size(); ++i) {
        out.facts.push_back(parse_fact(r, list[i], pointer_join("/facts", i), ids));
    }
    check_follows(r, out);
    return out;
}

const FactsCatalogue& embedded_facts() {
    static const FactsCatalogue facts = parse_facts(parse_data_json(embedded::data_file("facts.json")),
                                                    "data/facts.json");
    return facts;
}

nlohmann::json validate_profile(const nlohmann::json& profile, const FactsCatalogue& facts) {
    require_object(profile, "/profile", "profile");
    nlohmann::json known = nlohmann::json::object();
    for (const auto& [id, value] : profile.items()) {
        const auto where = pointer_join("/profile", id);
        const Fact* fact = facts.find(id);
        if (!fact)
            throw InputError(where, join_text({"onbekend feit ", quote_for_message(id),
                                               ". (Een tikfout? De feiten staan in data/facts.json.)"}));
        if (value.is_null()) continue;  // explicitly unknown
        switch (fact->type) {
            case FactType::boolean:
                if (!value.is_boolean())
                    throw InputError(where, join_text({"verwacht true (ja) of false (nee), maar dit is ", dutch_type_name(value), "."}));
                break;
            case FactType::integer:
                require_integer(value, where, fact->min, fact->max, "Dit getal");
                break;
            case FactType::choice: {
                std::string list;
                bool ok = false;
                for (const auto& c : fact->choices) {
                    ok = ok || (value.is_string() && value.get<std::string>() == c);
                    list += (list.empty() ? "" : ", ") + c;
                }
                if (!ok) throw InputError(where, join_text({"kies een van: ", list, "."}));
                break;
            }
            case FactType::date:
                if (!value.is_string() || !parse_iso_date(value.get<std::string>()))
                    throw InputError(where, "verwacht een datum als \"2026-03-15\".");
                break;
        }
        known[id] = value;
    }
    return known;
}

}  // namespace ivp
