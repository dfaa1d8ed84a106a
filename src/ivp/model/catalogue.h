#pragma once
// The IVP catalogue: the voorzieningen of the ALS protocol's table with their
// amounts, law, kind and SLA, and the constraints between them (which are
// alternatives, which are needed only in some situations). The data lives in
// data/als-ivp-catalogue.json; docs/ivp-model.md explains each choice.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ivp {

enum class Law { wmo, zvw };
enum class Kind { client_bound, reusable };  // cliëntgebonden, herinzetbaar

// core: part of every realistic plan, so counted in the minimum.
// conditional: needed only in some situations, so counted in the maximum and
// in the minimum only when a constraint forces it (at_least_one).
enum class Need { core, conditional };

std::string_view to_string(Law law);
std::string_view to_string(Kind kind);
std::string_view to_string(Need need);

// Service levels of the table, in werkdagen.
struct Sla {
    int revalidatie = 0;  // advice by the rehabilitation team
    int financier = 0;    // the gemeente (Wmo) or zorgverzekeraar (Zvw)
    int leverancier = 0;  // the supplier
    int totaal = 0;       // as printed; validated to equal the sum
};

struct Provision {
    std::string id;
    std::string name;
    Law law = Law::wmo;
    Kind kind = Kind::client_bound;
    std::int64_t amount_eur = 0;
    Sla sla;
    Need need = Need::core;
    nlohmann::json need_reason;  // {text, source} for conditional provisions
    nlohmann::json source;       // {seed, section, line, text}
};

enum class ConstraintType { at_most_one, at_least_one };

struct Constraint {
    std::string id;
    ConstraintType type = ConstraintType::at_most_one;
    std::vector<std::size_t> members;  // indices into Catalogue::provisions
    std::string text;
    nlohmann::json source;
};

struct Catalogue {
    std::string id;
    std::string title;
    std::vector<Provision> provisions;
    std::vector<Constraint> constraints;

    std::optional<std::size_t> find(std::string_view provision_id) const;
};

// Largest group of conditional provisions linked by constraints: the budget
// enumerates each group's subsets, so this bounds its work (2^16 subsets).
inline constexpr std::size_t kMaxLinkedConditionals = 16;

// Parses and validates a catalogue; throws DataError naming `file` and the
// JSON path on unknown keys, missing sources, bad amounts, an SLA total that
// is not the sum of its phases, duplicate or dangling ids.
// `data` by value: the embedded file's parse is moved in, and each source
// moved on into the catalogue instead of copied.
Catalogue parse_catalogue(nlohmann::json data, const std::string& file);

// The catalogue embedded from data/ (parsed once).
const Catalogue& embedded_catalogue();

}  // namespace ivp
