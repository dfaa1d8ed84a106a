#include "ivp/catalogue.h"

#include <algorithm>
#include <set>

#include "ivp/embedded_data.h"
#include "ivp/error.h"
#include "ivp/json_input.h"

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

// Validation reuses the user-input checks and turns their InputError into a
// DataError naming the file: a broken data file is our bug, not the user's.
class Reader {
public:
    explicit Reader(std::string file) : file_(std::move(file)) {}

    [[noreturn]] void fail(const std::string& where, const std::string& message) const {
        throw DataError(file_, where.empty() ? "/" : where, message);
    }

    template <typename F>
    auto guard(F&& f) const -> decltype(f()) {
        try {
            return f();
        } catch (const InputError& e) {
            fail(e.where(), e.what());
        }
    }

    const nlohmann::json& field(const nlohmann::json& obj, const std::string& where, const char* key) const {
        if (!obj.contains(key)) fail(pointer_join(where, key), "verplicht veld ontbreekt");
        return obj.at(key);
    }

    std::string text(const nlohmann::json& obj, const std::string& where, const char* key) const {
        const auto& v = field(obj, where, key);
        if (!v.is_string() || v.get<std::string>().empty())
            fail(pointer_join(where, key), "moet een niet-lege tekst zijn");
        return v.get<std::string>();
    }

    // A source must name the seed (or statute / page) and where in it.
    void source(const nlohmann::json& obj, const std::string& where, const char* key) const {
        const auto& s = field(obj, where, key);
        const auto at = pointer_join(where, key);
        guard([&] { require_object(s, at, "Een bron"); });
        guard([&] { reject_unknown_keys(s, at, {"seed", "section", "line", "text", "url", "title"}); });
        if (!s.contains("seed") && !s.contains("url") && !s.contains("title"))
            fail(at, "een bron noemt een seed-bestand, een titel of een url");
        if (!s.contains("section")) fail(pointer_join(at, "section"), "een bron noemt de paragraaf of tabel");
        // A source is shown to the user as text: each part must be one.
        for (const char* key : {"seed", "section", "text", "url", "title"})
            if (s.contains(key)) text(s, at, key);
        if (s.contains("line"))
            guard([&] { require_integer(s.at("line"), pointer_join(at, "line"), 1, 1'000'000, "Het regelnummer"); });
    }

private:
    std::string file_;
};

Law parse_law(const Reader& r, const std::string& value, const std::string& where) {
    if (value == "wmo") return Law::wmo;
    if (value == "zvw") return Law::zvw;
    r.fail(where, "law moet \"wmo\" of \"zvw\" zijn, niet \"" + value + "\"");
}

Kind parse_kind(const Reader& r, const std::string& value, const std::string& where) {
    if (value == "client_bound") return Kind::client_bound;
    if (value == "reusable") return Kind::reusable;
    r.fail(where, "kind moet \"client_bound\" of \"reusable\" zijn, niet \"" + value + "\"");
}

Provision parse_provision(const Reader& r, const nlohmann::json& p, const std::string& where) {
    r.guard([&] { require_object(p, where, "Een voorziening"); });
    r.guard([&] {
        reject_unknown_keys(p, where,
                            {"id", "name", "name_in_seed", "law", "kind", "amount_eur", "sla_werkdagen", "need",
                             "need_reason", "source"});
    });
    Provision out;
    out.id = r.text(p, where, "id");
    out.name = r.text(p, where, "name");
    out.law = parse_law(r, r.text(p, where, "law"), pointer_join(where, "law"));
    out.kind = parse_kind(r, r.text(p, where, "kind"), pointer_join(where, "kind"));
    out.amount_eur = r.guard([&] {
        return require_integer(r.field(p, where, "amount_eur"), pointer_join(where, "amount_eur"), 0, 10'000'000,
                               "Het bedrag");
    });
    const auto sla_at = pointer_join(where, "sla_werkdagen");
    const auto& sla = r.field(p, where, "sla_werkdagen");
    r.guard([&] { require_object(sla, sla_at, "sla_werkdagen"); });
    r.guard([&] { reject_unknown_keys(sla, sla_at, {"revalidatie", "financier", "leverancier", "totaal"}); });
    const auto phase = [&](const char* key) {
        return static_cast<int>(r.guard([&] {
            return require_integer(r.field(sla, sla_at, key), pointer_join(sla_at, key), 0, 1000, key);
        }));
    };
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
        r.guard([&] { require_object(reason, reason_at, "need_reason"); });
        r.guard([&] { reject_unknown_keys(reason, reason_at, {"text", "source"}); });
        r.text(reason, reason_at, "text");
        r.source(reason, reason_at, "source");
        out.need_reason = reason;
    } else if (p.contains("need_reason")) {
        r.fail(pointer_join(where, "need_reason"), "alleen een voorwaardelijke voorziening heeft een need_reason");
    }
    r.source(p, where, "source");
    out.source = p.at("source");
    return out;
}

}  // namespace

Catalogue parse_catalogue(const nlohmann::json& data, const std::string& file) {
    const Reader r(file);
    r.guard([&] { require_object(data, "", "De catalogus"); });
    r.guard([&] {
        reject_unknown_keys(data, "", {"$comment", "id", "title", "source_document", "provisions", "constraints"});
    });
    Catalogue out;
    out.id = r.text(data, "", "id");
    out.title = r.text(data, "", "title");
    const auto& provisions = r.field(data, "", "provisions");
    if (!provisions.is_array() || provisions.empty()) r.fail("/provisions", "moet een niet-lege lijst zijn");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < provisions.size(); ++i) {
        const auto where = pointer_join("/provisions", i);
        auto p = parse_provision(r, provisions[i], where);
        if (!ids.insert(p.id).second) r.fail(where + "/id", "dubbele id \"" + p.id + "\"");
        out.provisions.push_back(std::move(p));
    }
    const auto& constraints = data.contains("constraints") ? data.at("constraints") : nlohmann::json::array();
    if (!constraints.is_array()) r.fail("/constraints", "moet een lijst zijn");
    for (std::size_t i = 0; i < constraints.size(); ++i) {
        const auto where = pointer_join("/constraints", i);
        const auto& c = constraints[i];
        r.guard([&] { require_object(c, where, "Een constraint"); });
        r.guard([&] { reject_unknown_keys(c, where, {"id", "type", "members", "text", "source"}); });
        Constraint out_c;
        out_c.id = r.text(c, where, "id");
        const auto type = r.text(c, where, "type");
        if (type == "at_most_one") out_c.type = ConstraintType::at_most_one;
        else if (type == "at_least_one") out_c.type = ConstraintType::at_least_one;
        else r.fail(where + "/type", "type moet \"at_most_one\" of \"at_least_one\" zijn");
        const auto& members = r.field(c, where, "members");
        if (!members.is_array() || members.size() < 2) r.fail(where + "/members", "minstens twee ids");
        for (std::size_t j = 0; j < members.size(); ++j) {
            const auto at = pointer_join(where + "/members", j);
            if (!members[j].is_string()) r.fail(at, "moet een id zijn");
            const auto index = out.find(members[j].get<std::string>());
            if (!index) r.fail(at, "onbekende voorziening \"" + members[j].get<std::string>() + "\"");
            if (out.provisions[*index].need != Need::conditional)
                r.fail(at, "alleen voorwaardelijke voorzieningen (need: conditional) kunnen in een constraint staan");
            if (std::find(out_c.members.begin(), out_c.members.end(), *index) != out_c.members.end())
                r.fail(at, "dubbel lid");
            out_c.members.push_back(*index);
        }
        out_c.text = r.text(c, where, "text");
        r.source(c, where, "source");
        out_c.source = c.at("source");
        out.constraints.push_back(std::move(out_c));
    }
    // Bound the work of the budget enumeration (see budget.cpp).
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
    return out;
}

const Catalogue& embedded_catalogue() {
    static const Catalogue catalogue =
        parse_catalogue(nlohmann::json::parse(embedded::catalogue_json()), "data/als-ivp-catalogue.json");
    return catalogue;
}

}  // namespace ivp
