#include "ivp/model/catalogue.h"

#include <algorithm>
#include <set>

#include "ivp/base/data_reader.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/json_input.h"
#include "ivp/base/text.h"

namespace ivp {

std::string_view to_string(Law law) { return law == Law::wmo ? "wmo" : "zvw"; }
std::string_view to_string(Kind kind) { return kind == Kind::client_bound ? "client_bound" : "reusable"; }
std::string_view to_string(Need need) { return need == Need::core ? "core" : "conditional"; }

std::optional<std::size_t> Catalogue::find(std::string_view provision_id) const {
    for (std::size_t i = 0; i < provisions.size(); ++i)
        if (provisions[i].id == provision_id) return i;
    return std::nullopt;
}

namespace {

Law parse_law(const DataReader& r, const std::string& value, const std::string& where) {
    if (value == "wmo") return Law::wmo;
    if (value == "zvw") return Law::zvw;
    r.fail(where, join_text({"law moet \"wmo\" of \"zvw\" zijn, niet \"", value, "\""}));
}

Kind parse_kind(const DataReader& r, const std::string& value, const std::string& where) {
    if (value == "client_bound") return Kind::client_bound;
    if (value == "reusable") return Kind::reusable;
    r.fail(where, join_text({"kind moet \"client_bound\" of \"reusable\" zijn, niet \"", value, "\""}));
}

Provision parse_provision(const DataReader& r, nlohmann::json& p, const std::string& where) {
    r.object(p, where, "Een voorziening");
    r.keys(p, where,
           {"id", "name", "name_in_seed", "law", "kind", "amount_eur", "sla_werkdagen", "need", "need_reason",
            "source"});
    Provision out;
    out.id = r.text(p, where, "id");
    out.name = r.text(p, where, "name");
    out.law = parse_law(r, r.text(p, where, "law"), pointer_join(where, "law"));
    out.kind = parse_kind(r, r.text(p, where, "kind"), pointer_join(where, "kind"));
    out.amount_eur = r.integer(p, where, "amount_eur", 0, 10'000'000, "Het bedrag");
    const auto sla_at = pointer_join(where, "sla_werkdagen");
    const auto& sla = r.field(p, where, "sla_werkdagen");
    r.object(sla, sla_at, "sla_werkdagen");
    r.keys(sla, sla_at, {"revalidatie", "financier", "leverancier", "totaal"});
    const auto phase = [&](const char* key) { return static_cast<int>(r.integer(sla, sla_at, key, 0, 1000, key)); };
    out.sla = {phase("revalidatie"), phase("financier"), phase("leverancier"), phase("totaal")};
    if (out.sla.revalidatie + out.sla.financier + out.sla.leverancier != out.sla.totaal)
        r.fail(pointer_join(sla_at, "totaal"), "totaal is niet de som van de drie fasen");
    const auto need = r.text(p, where, "need");
    if (need == "core") out.need = Need::core;
    else if (need == "conditional") out.need = Need::conditional;
    else r.fail(pointer_join(where, "need"), "need moet \"core\" of \"conditional\" zijn");
    if (out.need == Need::conditional) {
        const auto reason_at = pointer_join(where, "need_reason");
        const auto& reason = r.field(p, where, "need_reason");
        r.object(reason, reason_at, "need_reason");
        r.keys(reason, reason_at, {"text", "source"});
        r.text(reason, reason_at, "text");
        r.source(reason, reason_at, "source");
        out.need_reason = std::move(p.at("need_reason"));
    } else if (p.contains("need_reason")) {
        r.fail(pointer_join(where, "need_reason"), "alleen een voorwaardelijke voorziening heeft een need_reason");
    }
    r.source(p, where, "source");
    out.source = std::move(p.at("source"));
    return out;
}

}  // namespace

namespace {

// A constraint's members: known, conditional provisions, each once.
std::vector<std::size_t> parse_members(const DataReader& r, const nlohmann::json& c, const std::string& where,
                                       const Catalogue& out) {
    std::vector<std::size_t> result;
    const auto& members = r.field(c, where, "members");
    if (!members.is_array() || members.size() < 2) r.fail(where + "/members", "minstens twee ids");
    for (std::size_t j = 0; j < members.size(); ++j) {
        const auto at = pointer_join(where + "/members", j);
        if (!members[j].is_string()) r.fail(at, "moet een id zijn");
        const auto index = out.find(members[j].get<std::string>());
        if (!index) r.fail(at, join_text({"onbekende voorziening \"", members[j].get<std::string>(), "\""}));
        if (out.provisions[*index].need != Need::conditional)
            r.fail(at, "alleen voorwaardelijke voorzieningen (need: conditional) kunnen in een constraint staan");
        if (std::find(result.begin(), result.end(), *index) != result.end()) r.fail(at, "dubbel lid");
        result.push_back(*index);
    }
    return result;
}

Constraint parse_constraint(const DataReader& r, nlohmann::json& c, const std::string& where, const Catalogue& out) {
    r.object(c, where, "Een constraint");
    r.keys(c, where, {"id", "type", "members", "text", "source"});
    Constraint constraint;
    constraint.id = r.text(c, where, "id");
    const auto type = r.text(c, where, "type");
    if (type == "at_most_one") constraint.type = ConstraintType::at_most_one;
    else if (type == "at_least_one") constraint.type = ConstraintType::at_least_one;
    else r.fail(where + "/type", "type moet \"at_most_one\" of \"at_least_one\" zijn");
    constraint.members = parse_members(r, c, where, out);
    constraint.text = r.text(c, where, "text");
    r.source(c, where, "source");
    constraint.source = std::move(c.at("source"));
    return constraint;
}

// Bound the work of the budget enumeration (see budget.cpp): no more than
// kMaxLinkedConditionals provisions linked by constraints (union-find).
void check_linked_groups(const DataReader& r, const Catalogue& out) {
    std::vector<std::size_t> group(out.provisions.size());
    for (std::size_t i = 0; i < group.size(); ++i) group[i] = i;
    const auto root = [&group](std::size_t i) {
        while (group[i] != i) i = group[i] = group[group[i]];
        return i;
    };
    for (const auto& c : out.constraints)
        for (std::size_t m : c.members) group[root(m)] = root(c.members.front());
    std::vector<std::size_t> size(group.size(), 0);
    for (std::size_t i = 0; i < group.size(); ++i)
        if (++size[root(i)] > kMaxLinkedConditionals)
            r.fail("/constraints", "te veel voorzieningen aan elkaar gekoppeld (maximaal " +
                                       std::to_string(kMaxLinkedConditionals) + ")");
}

}  // namespace

Catalogue parse_catalogue(nlohmann::json data, const std::string& file) {
    const DataReader r(file);
    r.object(data, "", "De catalogus");
    r.keys(data, "", {"$comment", "id", "title", "source_document", "provisions", "constraints"});
    Catalogue out;
    out.id = r.text(data, "", "id");
    out.title = r.text(data, "", "title");
    r.array(data, "", "provisions", /*non_empty=*/true);
    auto& provisions = data.at("provisions");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < provisions.size(); ++i) {
        const auto where = pointer_join("/provisions", i);
        auto p = parse_provision(r, provisions[i], where);
        if (!ids.insert(p.id).second) r.fail(where + "/id", join_text({"dubbele id \"", p.id, "\""}));
        out.provisions.push_back(std::move(p));
    }
    nlohmann::json no_constraints = nlohmann::json::array();
    auto& constraints = data.contains("constraints") ? data.at("constraints") : no_constraints;
    r.array_value(constraints, "/constraints");
    for (std::size_t i = 0; i < constraints.size(); ++i)
        out.constraints.push_back(parse_constraint(r, constraints[i], pointer_join("/constraints", i), out));
    check_linked_groups(r, out);
    return out;
}

const Catalogue& embedded_catalogue() {
    static const Catalogue catalogue =
        parse_catalogue(parse_data_json(embedded::catalogue_json()), "data/als-ivp-catalogue.json");
    return catalogue;
}

}  // namespace ivp
