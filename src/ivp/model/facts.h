#pragma once
// The facts catalogue (data/facts.json): every question the site can ask,
// with its type and allowed values. A scenario's `profile` may only hold
// these facts, each of the right type; a fact that is absent (or null) is
// *unknown*, which the eligibility rules treat as a third truth value.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace ivp {

enum class FactType { boolean, integer, choice, date };

struct Fact {
    std::string id;
    FactType type = FactType::boolean;
    std::int64_t min = 0, max = 0;     // integer: inclusive bounds
    std::vector<std::string> choices;  // choice: the allowed values
    nlohmann::json definition;         // the whole entry (question, explanation, used_by, source)
};

struct FactsCatalogue {
    std::vector<Fact> facts;
    const Fact* find(const std::string& id) const;
};

// `data` by value: the embedded file's parse is moved in, and each fact's
// entry moved on into its `definition` instead of copied.
FactsCatalogue parse_facts(nlohmann::json data, const std::string& file);
const FactsCatalogue& embedded_facts();

// Checks a scenario's profile against the catalogue; throws InputError naming
// the fact. Returns the profile without null entries (null = unknown).
nlohmann::json validate_profile(const nlohmann::json& profile, const FactsCatalogue& facts);

}  // namespace ivp
