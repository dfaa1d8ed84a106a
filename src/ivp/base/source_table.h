#pragma once
// The sources of one data file, each once, by id (docs/result.md "Tables and
// ids"): the result's `sources` table holds them and the parts that quote
// them (costs, kit) carry the id. Ids are readable and stable:
// "<prefix>/<section or title in lower case, other characters one dash>",
// with -2, -3 … when two different passages share that; the same passage
// quoted twice has one id.
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace ivp {

// The readable part of a source id: "artikel 2.3.6, lid 1" -> "artikel-2.3.6-lid-1";
// lower-case ASCII letters, digits and dots, any run of other characters one
// dash; "bron" when nothing is left. Policies name their sources this way too.
std::string source_slug(const std::string& text);

class SourceTable {
public:
    explicit SourceTable(std::string prefix) : prefix_(std::move(prefix)) {}

    // The id of `source` (added when new).
    std::string add(const nlohmann::json& source);

    // Adds every source anywhere in `data`: the value of a key `source` or
    // `*_source` that is an object (in the order of the data, so ids are stable).
    void add_all(const nlohmann::json& data);

    // Replaces, anywhere in `data`, such a source by its id. A source the
    // table does not hold stays as it is.
    void intern(nlohmann::json& data) const;

    // id -> the source as data/ writes it.
    const nlohmann::json& entries() const { return entries_; }

private:
    std::string prefix_;
    nlohmann::json entries_ = nlohmann::json::object();
    std::map<std::string, std::string> by_content_;  // compact text of the source (json_text) -> id
};

}  // namespace ivp
