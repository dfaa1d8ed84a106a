#include "ivp/eligibility/policy.h"

#include <algorithm>
#include <map>

#include "ivp/base/data_reader.h"
#include "ivp/eligibility/compiled_rules.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/error.h"
#include "ivp/base/json_input.h"
#include "ivp/base/sources.h"

namespace ivp {

using nlohmann::json;

const PolicyProvision* Policy::find(const std::string& provision_id) const {
    for (const auto& p : provisions)
        if (p.id == provision_id) return &p;
    return nullptr;
}

namespace {

// The operators of JsonLogic (jsonlogic.com/operations.html). A policy may
// use nothing else, so a typo in a rule fails `ivp validate`, not a user.
const std::set<std::string> kOperators = {
    "var", "missing", "missing_some", "if", "?:", "==", "===", "!=", "!==", "!", "!!", "or", "and",
    ">", ">=", "<", "<=", "max", "min", "+", "-", "*", "/", "%", "map", "reduce", "filter", "all",
    "none", "some", "merge", "in", "cat", "substr", "log"};

// A policy quotes the sentence each rule implements and names the line of
// the seed it stands on (and may name a page); the checks themselves are the
// shared ones of data_reader.h. Added here: the JsonLogic rules and id lists.
class PolicyReader : public DataReader {
public:
    PolicyReader(std::string file, const FactsCatalogue& facts)
        : DataReader(std::move(file), SourceRules{.quote = true, .line_with_seed = true, .page = true}),
          facts_(facts) {}

    // A JsonLogic rule: known operators only, and every `var` a known fact.
    void rule(const json& r, const std::string& where) const {
        if (r.is_array()) {
            for (std::size_t i = 0; i < r.size(); ++i) rule(r[i], pointer_join(where, i));
            return;
        }
        if (!r.is_object()) return;
        if (r.size() != 1) fail(where, "een regel-object heeft precies één operator");
        // Not a structured binding over items(): its proxy would dangle (ASan).
        const auto r_it = r.begin();
        const std::string& op = r_it.key();
        const json& args = r_it.value();
        const auto at = pointer_join(where, op);
        if (!kOperators.count(op)) fail(at, "onbekende JsonLogic-operator \"" + op + "\"");
        if (op == "var" || op == "missing") {
            const json names = op == "var" ? json::array({args.is_array() ? (args.empty() ? json() : args[0]) : args})
                                           : (args.is_array() ? args : json::array({args}));
            for (const auto& n : names) {
                if (!n.is_string()) fail(at, "een feit wordt bij zijn naam (een tekst) genoemd");
                const auto name = n.get<std::string>();
                if (!facts_.find(name.substr(0, name.find('.'))))
                    fail(at, "onbekend feit \"" + name + "\" (niet in data/facts.json)");
            }
            if (op == "var" && args.is_array() && args.size() > 1) rule(args[1], pointer_join(at, 1));
            return;
        }
        rule(args, at);
    }

    std::vector<std::size_t> ids(const json& list, const std::string& where, const std::map<std::string, std::size_t>& index,
                                 const char* what) const {
        if (!list.is_array()) fail(where, std::string("verwacht een lijst ") + what);
        std::vector<std::size_t> out;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto at = pointer_join(where, i);
            if (!list[i].is_string()) fail(at, "verwacht een id (tekst)");
            const auto it = index.find(list[i].get<std::string>());
            if (it == index.end()) fail(at, std::string("onbekende ") + what + " \"" + list[i].get<std::string>() + "\"");
            if (std::find(out.begin(), out.end(), it->second) != out.end()) fail(at, "dubbel genoemd");
            out.push_back(it->second);
        }
        return out;
    }

private:
    const FactsCatalogue& facts_;
};

std::set<std::string> unknown_facts(const json& profile, const FactsCatalogue& facts) {
    std::set<std::string> out;
    for (const auto& f : facts.facts)
        if (!profile.contains(f.id)) out.insert(f.id);
    return out;
}

// The answers as both evaluators read them: the profile and its unanswered
// facts for the tree walker, one slot per fact for the compiled rules.
struct Answers {
    const json& profile;
    const std::set<std::string>& unknown;
    const std::vector<rules::Value>& slots;
};

// The condition alone, as written.
jsonlogic::Truth condition_truth(const Policy& policy, const Criterion& c, const Answers& a) {
    if (c.compiled && policy.rules) return policy.rules->truth(*c.compiled, a.slots);
    return jsonlogic::evaluate(c.condition, a.profile, a.unknown);
}

// The exceptions of `c` that may still apply: those without `when`, and
// those whose `when` is not known to be false.
std::vector<const json*> open_exceptions(const Criterion& c, const Answers& a) {
    std::vector<const json*> out;
    for (const auto& e : c.exceptions)
        if (!e.contains("when") || jsonlogic::evaluate(e.at("when"), a.profile, a.unknown) != jsonlogic::Truth::no)
            out.push_back(&e);
    return out;
}

// A criterion's truth: its condition, except that an exception the text
// names and we cannot decide turns "niet voldaan" into onbekend (a wrong
// "nee" is the worst error; docs/eligibility.md, "Exceptions").
jsonlogic::Truth truth_of(const Policy& policy, const Criterion& c, const Answers& a) {
    const auto t = condition_truth(policy, c, a);
    if (t == jsonlogic::Truth::no && !c.exceptions.empty() && !open_exceptions(c, a).empty())
        return jsonlogic::Truth::unknown;
    return t;
}

}  // namespace

jsonlogic::Truth criterion_truth(const Policy& policy, const Criterion& c, const json& profile,
                                 const std::set<std::string>& unknown, const std::vector<rules::Value>& slots) {
    return truth_of(policy, c, Answers{profile, unknown, slots});
}

std::vector<std::string> criterion_facts(const Criterion& c) {
    auto out = jsonlogic::vars_used(c.condition);
    for (const auto& e : c.exceptions)
        if (e.contains("when"))
            for (auto& id : jsonlogic::vars_used(e.at("when")))
                if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(std::move(id));
    return out;
}

namespace {

const char* outcome_name(jsonlogic::Truth t) {
    switch (t) {
        case jsonlogic::Truth::yes: return "voldaan";
        case jsonlogic::Truth::no: return "niet voldaan";
        default: return "onbekend";
    }
}

const char* verdict_name(jsonlogic::Truth t) {
    switch (t) {
        case jsonlogic::Truth::yes: return "ja";
        case jsonlogic::Truth::no: return "nee";
        default: return "onbekend";
    }
}

jsonlogic::Truth provision_truth(const Policy& policy, const PolicyProvision& p, const Answers& a) {
    jsonlogic::Truth t = jsonlogic::Truth::yes;
    for (auto i : p.criteria) {
        t = jsonlogic::kleene_and(t, truth_of(policy, policy.criteria[i], a));
        if (t == jsonlogic::Truth::no) break;  // false decides (Kleene)
    }
    return t;
}

// The answers worth trying for an open fact: every value of a boolean or
// choice; for an integer its bounds and each threshold in the rules ±1.
std::vector<json> candidates(const Fact& fact, const std::vector<double>& literals) {
    std::vector<json> out;
    switch (fact.type) {
        case FactType::boolean: return {json(false), json(true)};
        case FactType::choice:
            for (const auto& c : fact.choices) out.emplace_back(c);
            return out;
        case FactType::integer: {
            std::set<std::int64_t> values = {fact.min, fact.max};
            for (double x : literals)
                for (double d : {-1.0, 0.0, 1.0}) {
                    const double v = x + d;
                    if (v >= static_cast<double>(fact.min) && v <= static_cast<double>(fact.max))
                        values.insert(static_cast<std::int64_t>(v));
                }
            for (auto v : values) out.emplace_back(v);
            return out;
        }
        case FactType::date: return out;
    }
    return out;
}

// Open questions, most decisive first (docs/eligibility.md, "Open vragen"):
//   1 "beslissend"     — every possible answer settles the verdict alone;
//   2 "kan beslissen"  — some answer settles it alone;
//   3 "telt mee"       — no single answer settles it, but the fact is read by
//                        a criterion that is still unknown.
// Within a rank: the order of the criteria (the order an assessor works in),
// then the order of the facts within the criterion.
json open_questions(const Policy& policy, const PolicyProvision& p, const Answers& given,
                    const FactsCatalogue& facts) {
    struct Open {
        std::string id;
        int rank;
        std::size_t order;
        json settles;
    };
    std::vector<double> literals;
    for (auto i : p.criteria) jsonlogic::number_literals(policy.criteria[i].condition, literals);
    std::vector<Open> open;
    std::set<std::string> seen;
    std::size_t order = 0;
    // One answer tried at a time, in one copy of the answers, each put back
    // after its fact (copying them for every candidate answer was most of the
    // cost of the probing).
    json with = given.profile;
    auto rest = given.unknown;
    auto slots = given.slots;
    const Answers trial{with, rest, slots};
    for (auto i : p.criteria) {
        const auto& c = policy.criteria[i];
        if (truth_of(policy, c, given) != jsonlogic::Truth::unknown) continue;
        for (const auto& id : jsonlogic::vars_used(c.condition)) {
            ++order;
            if (!given.unknown.count(id) || !seen.insert(id).second) continue;
            const Fact* fact = facts.find(id);
            if (!fact) continue;
            const auto slot = static_cast<std::size_t>(fact - facts.facts.data());
            const auto values = candidates(*fact, literals);
            std::size_t settled = 0;
            json settles = json::array();
            rest.erase(id);
            for (const auto& v : values) {
                with[id] = v;
                slots[slot] = rules::from_json(v).value_or(rules::Value::unknown());
                const auto t = provision_truth(policy, p, trial);
                if (t != jsonlogic::Truth::unknown) {
                    ++settled;
                    settles.push_back({{"answer", v}, {"verdict", verdict_name(t)}});
                }
            }
            with.erase(id);  // unknown again: `id` was not in the profile
            rest.insert(id);
            slots[slot] = rules::Value::unknown();
            const int rank = values.empty() || settled == 0 ? 3 : settled == values.size() ? 1 : 2;
            open.push_back({id, rank, order, std::move(settles)});
        }
    }
    std::stable_sort(open.begin(), open.end(), [](const Open& a, const Open& b) {
        return a.rank != b.rank ? a.rank < b.rank : a.order < b.order;
    });
    json out = json::array();
    for (const auto& o : open) {
        const Fact* fact = facts.find(o.id);
        out.push_back({{"fact", o.id},
                       {"question", fact->definition.at("question")},
                       {"explanation", fact->definition.at("explanation")},
                       {"decisive", o.rank == 1 ? "beslissend" : o.rank == 2 ? "kan beslissen" : "telt mee"},
                       {"settles", o.settles}});
    }
    return out;
}

std::string short_source(const Policy& policy, const json& source) {
    // Document, section and page: what a person can look up. The seed line
    // stays in `source.line` for maintainers and is never part of the cite.
    std::string out = policy.title + ", " + source.at("section").get<std::string>();
    if (source.contains("page")) out += ", pagina " + std::to_string(source.at("page").get<int>());
    return out;
}

json quantity_json(const Quantity& q, const json& profile, const std::set<std::string>& unknown) {
    jsonlogic::Options options;
    options.unknown = &unknown;
    const auto r = jsonlogic::apply(q.expression, profile, options);
    json value;
    json needs = json::array();
    if (r.is_unknown()) {
        for (const auto& id : jsonlogic::vars_used(q.expression))
            if (unknown.count(id)) needs.push_back(id);
    } else if (r.kind == jsonlogic::Result::Kind::value) {
        value = r.value;
    }
    return {{"id", q.id}, {"label", q.label}, {"value", value}, {"unit", q.unit}, {"explanation", q.explanation},
            {"needs", needs}, {"source", q.source}};
}

// `exceptions`: [{text, source, when?}] (docs/eligibility.md, "Exceptions").
void parse_exceptions(const PolicyReader& r, const json& c, const std::string& at, Criterion& crit) {
    if (!c.contains("exceptions")) return;
    const auto& list = c.at("exceptions");
    r.array_value(list, at + "/exceptions");
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto where = pointer_join(at + "/exceptions", i);
        r.keys(list[i], where, {"$comment", "text", "source", "when"});
        json e = {{"text", r.text(list[i], where, "text")}, {"source", r.source(list[i], where, "source")}};
        if (list[i].contains("when")) {
            r.rule(list[i].at("when"), where + "/when");
            e["when"] = list[i].at("when");
        }
        crit.exceptions.push_back(std::move(e));
    }
}

// `derived_from`: {fact, text}; the condition must read the fact.
void parse_derived(const PolicyReader& r, const json& c, const std::string& at, Criterion& crit) {
    if (!c.contains("derived_from")) return;
    const auto& d = c.at("derived_from");
    const auto where = at + "/derived_from";
    r.keys(d, where, {"fact", "text"});
    const auto fact = r.text(d, where, "fact");
    const auto used = jsonlogic::vars_used(crit.condition);
    if (std::find(used.begin(), used.end(), fact) == used.end())
        r.fail(where + "/fact", "de voorwaarde leest het feit \"" + fact + "\" niet");
    crit.derived_from = {{"fact", fact}, {"text", r.text(d, where, "text")}};
}

// What the policy obliges the municipality to do, shown beside its verdicts
// (the onderzoek, the persoonlijk plan …): not criteria, they decide nothing.
json parse_duties(const PolicyReader& r, const json& data) {
    json out = json::array();
    if (!data.contains("duties")) return out;
    const auto& ds = data.at("duties");
    r.array_value(ds, "/duties");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < ds.size(); ++i) {
        const auto at = pointer_join("/duties", i);
        r.keys(ds[i], at, {"$comment", "id", "text", "source"});
        const auto id = r.text(ds[i], at, "id");
        if (!ids.insert(id).second) r.fail(at + "/id", "dubbele id \"" + id + "\"");
        out.push_back({{"id", id}, {"text", r.text(ds[i], at, "text")}, {"source", r.source(ds[i], at, "source")}});
    }
    return out;
}

// The pack's own fields: id, names, kind, dates, source document, the Zvw note.
void parse_header(const PolicyReader& r, const json& data, Policy& policy) {
    policy.id = r.text(data, "", "id");
    policy.title = r.text(data, "", "title");
    policy.label = r.text(data, "", "label");
    policy.kind = r.text(data, "", "kind");
    policy.note = r.text(data, "", "note");
    if (policy.kind != "gemeente" && policy.kind != "protocol") r.fail("/kind", "kind is \"gemeente\" of \"protocol\"");
    policy.valid_from = r.date(data, "", "valid_from");
    policy.valid_from_note = r.text(data, "", "valid_from_note");  // where the date comes from
    policy.source_document = r.field(data, "", "source_document");
    r.keys(policy.source_document, "/source_document", {"seed", "title", "url"});
    r.text(policy.source_document, "/source_document", "title");
    const auto& zvw = r.field(data, "", "zvw");
    r.keys(zvw, "/zvw", {"text", "source"});
    policy.zvw = {{"text", r.text(zvw, "/zvw", "text")}, {"source", r.source(zvw, "/zvw", "source")}};
}

// `criteria`: [{id, text, if_not?, condition, source, exceptions?, derived_from?}].
// Returns id → index, for the provisions and general_criteria that name them.
std::map<std::string, std::size_t> parse_criteria(const PolicyReader& r, const json& data, Policy& policy) {
    std::map<std::string, std::size_t> index;
    const auto& criteria = r.array(data, "", "criteria", /*non_empty=*/false, "criteria");
    for (std::size_t i = 0; i < criteria.size(); ++i) {
        const auto at = pointer_join("/criteria", i);
        const auto& c = criteria[i];
        r.keys(c, at, {"$comment", "id", "text", "if_not", "condition", "source", "exceptions", "derived_from"});
        Criterion crit;
        crit.id = r.text(c, at, "id");
        if (!index.emplace(crit.id, i).second) r.fail(at + "/id", "dubbele id \"" + crit.id + "\"");
        crit.text = r.text(c, at, "text");
        if (c.contains("if_not")) crit.if_not = r.text(c, at, "if_not");
        crit.condition = r.field(c, at, "condition");
        r.rule(crit.condition, at + "/condition");
        crit.source = r.source(c, at, "source");
        parse_exceptions(r, c, at, crit);
        parse_derived(r, c, at, crit);
        policy.criteria.push_back(std::move(crit));
    }
    return index;
}

// `quantities` (optional): figures a policy computes, such as normtijden.
std::map<std::string, std::size_t> parse_quantities(const PolicyReader& r, const json& data, Policy& policy) {
    std::map<std::string, std::size_t> index;
    if (!data.contains("quantities")) return index;
    const auto& qs = data.at("quantities");
    r.array_value(qs, "/quantities");
    for (std::size_t i = 0; i < qs.size(); ++i) {
        const auto at = pointer_join("/quantities", i);
        const auto& q = qs[i];
        r.keys(q, at, {"$comment", "id", "label", "unit", "expression", "explanation", "source"});
        Quantity quantity;
        quantity.id = r.text(q, at, "id");
        if (!index.emplace(quantity.id, i).second) r.fail(at + "/id", "dubbele id \"" + quantity.id + "\"");
        quantity.label = r.text(q, at, "label");
        quantity.unit = r.text(q, at, "unit");
        quantity.expression = r.field(q, at, "expression");
        r.rule(quantity.expression, at + "/expression");
        quantity.explanation = r.text(q, at, "explanation");
        quantity.source = r.source(q, at, "source");
        policy.quantities.push_back(std::move(quantity));
    }
    return index;
}

// A provision's id and name: an IVP provision (Wmo, from the catalogue) or,
// with "ivp": false, one outside the IVP table that carries its own name.
void parse_provision_identity(const PolicyReader& r, const json& p, const std::string& at, const Catalogue& catalogue,
                              PolicyProvision& prov) {
    prov.in_catalogue = r.flag(p, at, "ivp", true);
    if (!prov.in_catalogue) {
        if (catalogue.find(prov.id)) r.fail(at + "/ivp", "\"" + prov.id + "\" staat wel in de IVP-catalogus");
        prov.name = r.text(p, at, "name");
        return;
    }
    const auto index = catalogue.find(prov.id);
    if (!index) r.fail(at + "/id", "\"" + prov.id + "\" staat niet in de IVP-catalogus (zet \"ivp\": false voor een voorziening buiten de IVP-tabel)");
    if (catalogue.provisions[*index].law == Law::zvw)
        r.fail(at + "/id", "\"" + prov.id + "\" valt onder de Zvw; de gemeente is niet de financier (zie /zvw)");
    prov.name = catalogue.provisions[*index].name;
}

// What decides a provision: `not_covered` (with its source), or the general
// criteria (unless "general": false) plus its own, each once.
void parse_provision_criteria(const PolicyReader& r, const json& p, const std::string& at,
                              const std::map<std::string, std::size_t>& criterion_index,
                              const std::vector<std::size_t>& general, PolicyProvision& prov) {
    if (p.contains("not_covered")) {
        const auto& nc = p.at("not_covered");
        r.keys(nc, at + "/not_covered", {"text", "source"});
        prov.not_covered = r.text(nc, at + "/not_covered", "text");
        prov.not_covered_source = r.source(nc, at + "/not_covered", "source");
        if (p.contains("criteria")) r.fail(at + "/criteria", "een voorziening die niet gedekt is heeft geen criteria");
        return;
    }
    if (r.flag(p, at, "general", true)) prov.criteria = general;
    for (auto c : r.ids(r.field(p, at, "criteria"), at + "/criteria", criterion_index, "criterium"))
        if (std::find(prov.criteria.begin(), prov.criteria.end(), c) == prov.criteria.end()) prov.criteria.push_back(c);
    if (prov.criteria.empty()) r.fail(at + "/criteria", "minstens één criterium");
}

struct PolicyIndex {
    std::map<std::string, std::size_t> criteria, quantities;
    std::vector<std::size_t> general;
};

PolicyProvision parse_provision(const PolicyReader& r, const json& p, const std::string& at, const Catalogue& catalogue,
                                const PolicyIndex& index, std::set<std::string>& ids) {
    r.keys(p, at, {"$comment", "id", "ivp", "name", "general", "criteria", "quantities", "not_covered", "form"});
    PolicyProvision prov;
    prov.id = r.text(p, at, "id");
    if (!ids.insert(prov.id).second) r.fail(at + "/id", "dubbele voorziening \"" + prov.id + "\"");
    parse_provision_identity(r, p, at, catalogue, prov);
    parse_provision_criteria(r, p, at, index.criteria, index.general, prov);
    if (p.contains("quantities"))
        prov.quantities = r.ids(p.at("quantities"), at + "/quantities", index.quantities, "hoeveelheid");
    if (p.contains("form")) {
        const auto& f = p.at("form");
        r.keys(f, at + "/form", {"text", "source"});
        prov.form = r.text(f, at + "/form", "text");
        prov.form_source = r.source(f, at + "/form", "source");
    }
    return prov;
}

// `provisions`, each once; then completeness: every Wmo voorziening of the
// IVP is assessed, or says why not.
void parse_provisions(const PolicyReader& r, const json& data, const Catalogue& catalogue, const PolicyIndex& index,
                      Policy& policy) {
    std::set<std::string> ids;
    const auto& provisions = r.array(data, "", "provisions", /*non_empty=*/false, "voorzieningen");
    for (std::size_t i = 0; i < provisions.size(); ++i) {
        const auto at = pointer_join("/provisions", i);
        policy.provisions.push_back(parse_provision(r, provisions[i], at, catalogue, index, ids));
    }
    for (const auto& cp : catalogue.provisions)
        if (cp.law == Law::wmo && !ids.count(cp.id))
            r.fail("/provisions", "de Wmo-voorziening \"" + cp.id + "\" van de IVP-catalogus ontbreekt (geef criteria of not_covered)");
}

// `not_modelled`: the paragraphs we did not turn into rules, with why.
json parse_not_modelled(const PolicyReader& r, const json& data) {
    if (!data.contains("not_modelled")) return json::array();
    const auto& nm = data.at("not_modelled");
    r.array_value(nm, "/not_modelled");
    for (std::size_t i = 0; i < nm.size(); ++i) {
        const auto at = pointer_join("/not_modelled", i);
        r.keys(nm[i], at, {"section", "line", "url", "reason"});
        r.text(nm[i], at, "section");
        r.text(nm[i], at, "reason");
        // A seed paragraph names its line; a statute article its deep link.
        if (nm[i].contains("url")) r.text(nm[i], at, "url");
        if (nm[i].contains("line") || !nm[i].contains("url"))
            r.integer(nm[i], at, "line", 1, 1'000'000, "Het regelnummer in de seed");
    }
    return nm;
}

// Every rule must evaluate on a profile with nothing answered (JsonLogic
// errors such as `*` without arguments are found here, not by a user).
void check_rules_evaluate(const PolicyReader& r, const Policy& policy, const FactsCatalogue& facts) {
    const auto all_unknown = unknown_facts(json::object(), facts);
    for (std::size_t i = 0; i < policy.criteria.size(); ++i) {
        try {
            (void)jsonlogic::evaluate(policy.criteria[i].condition, json::object(), all_unknown);
        } catch (const jsonlogic::Error& e) {
            r.fail(pointer_join("/criteria", i) + "/condition", e.what());
        }
    }
}

// Compiled once here: the probing of open questions evaluates every
// criterion many times per provision (docs/perf.md). A condition outside
// the compiled subset stays with the tree walker.
void compile_conditions(Policy& policy, const FactsCatalogue& facts) {
    std::vector<std::string> slot_names;
    for (const auto& f : facts.facts) slot_names.push_back(f.id);
    auto compiled = std::make_shared<rules::RuleSet>(std::move(slot_names));
    for (auto& c : policy.criteria) c.compiled = compiled->compile(c.condition);
    policy.rules = std::move(compiled);
}

}  // namespace

Policy parse_policy(const json& data, const std::string& file, const Catalogue& catalogue, const FactsCatalogue& facts) {
    const PolicyReader r(file, facts);
    r.keys(data, "", {"$schema", "$comment", "id", "title", "label", "kind", "note", "valid_from", "valid_from_note", "source_document", "zvw",
                      "general_criteria", "criteria", "quantities", "provisions", "not_modelled", "duties"});
    Policy policy;
    parse_header(r, data, policy);
    PolicyIndex index;
    index.criteria = parse_criteria(r, data, policy);
    index.quantities = parse_quantities(r, data, policy);
    if (data.contains("general_criteria"))
        index.general = r.ids(data.at("general_criteria"), "/general_criteria", index.criteria, "criterium");
    parse_provisions(r, data, catalogue, index, policy);
    policy.not_modelled = parse_not_modelled(r, data);
    policy.duties = parse_duties(r, data);
    check_rules_evaluate(r, policy, facts);
    compile_conditions(policy, facts);
    return policy;
}

std::vector<Policy> parse_policies(const std::vector<std::pair<std::string, json>>& files, const Catalogue& catalogue,
                                   const FactsCatalogue& facts) {
    std::vector<Policy> out;
    for (const auto& [file, data] : files) out.push_back(parse_policy(data, file, catalogue, facts));
    std::stable_sort(out.begin(), out.end(), [](const Policy& a, const Policy& b) {
        if ((a.id == kDefaultPolicy) != (b.id == kDefaultPolicy)) return a.id == kDefaultPolicy;
        return a.id < b.id;
    });
    for (std::size_t i = 1; i < out.size(); ++i)
        if (out[i].id == out[i - 1].id) throw DataError("data/policies", "/id", "dubbele beleids-id \"" + out[i].id + "\"");
    validate_facts_usage(facts, out);
    return out;
}

std::vector<std::pair<std::string, json>> embedded_policy_files() {
    std::vector<std::pair<std::string, json>> files;
    for (const auto& f : embedded::data_files()) {
        const std::string path(f.path);
        if (path.rfind("policies/", 0) != 0) continue;
        const std::string file = "data/" + path;
        try {
            files.emplace_back(file, json::parse(f.content));
        } catch (const json::parse_error& e) {
            throw DataError(file, "/", std::string("geen geldige JSON: ") + e.what());
        }
    }
    return files;
}

const std::vector<Policy>& embedded_policies() {
    static const std::vector<Policy> policies =
        parse_policies(embedded_policy_files(), embedded_catalogue(), embedded_facts());
    return policies;
}

void validate_facts_usage(const FactsCatalogue& facts, const std::vector<Policy>& policies) {
    std::map<std::string, std::set<std::string>> readers;  // fact -> policies reading it
    for (const auto& p : policies) {
        for (const auto& c : p.criteria)
            for (const auto& id : jsonlogic::vars_used(c.condition)) readers[id].insert(p.id);
        for (const auto& q : p.quantities)
            for (const auto& id : jsonlogic::vars_used(q.expression)) readers[id].insert(p.id);
    }
    for (std::size_t i = 0; i < facts.facts.size(); ++i) {
        const auto& f = facts.facts[i];
        const auto where = pointer_join(pointer_join("/facts", i), "used_by");
        std::set<std::string> listed;
        if (f.definition.contains("used_by")) {
            const auto& u = f.definition.at("used_by");
            if (!u.is_array()) throw DataError("data/facts.json", where, "verwacht een lijst beleids-ids");
            for (const auto& x : u) {
                if (!x.is_string()) throw DataError("data/facts.json", where, "verwacht beleids-ids (tekst)");
                // "file.json#/pointer" names a reader outside the policies (the
                // costs data); src/ivp/costs/costs.cpp checks those.
                if (x.get<std::string>().find('#') != std::string::npos) continue;
                listed.insert(x.get<std::string>());
            }
        }
        const auto& actual = readers[f.id];
        for (const auto& id : listed)
            if (!actual.count(id))
                throw DataError("data/facts.json", where,
                                "noemt \"" + id + "\", maar dat beleid gebruikt het feit \"" + f.id + "\" niet");
        for (const auto& id : actual)
            if (!listed.count(id))
                throw DataError("data/facts.json", where,
                                "het beleid \"" + id + "\" gebruikt het feit \"" + f.id + "\"; zet het in used_by");
    }
}

// A source without its quoted text: where it stands.
json source_location(const json& source) {
    json out = source;
    out.erase("text");
    return out;
}

// A reason whose condition failed but an exception may apply says the rule
// the plain way round and names the exceptions ("Tenzij …: vraag de gemeente
// hiernaar."); a reason that holds because of a derived fact says so.
static void explain_exception_or_derivation(const Policy& policy, const Criterion& c, const Answers& a, jsonlogic::Truth t,
                                     json& reason) {
    if (t == jsonlogic::Truth::unknown && !c.exceptions.empty() &&
        condition_truth(policy, c, a) == jsonlogic::Truth::no) {
        std::string text = c.if_not.empty() ? c.text : c.if_not;
        json named = json::array();
        for (const json* e : open_exceptions(c, a)) {
            text += " " + e->at("text").get<std::string>();
            named.push_back({{"text", e->at("text")}, {"source", source_location(e->at("source"))},
                             {"cite", short_source(policy, e->at("source"))}});
        }
        reason["text"] = text;
        reason["rule"] = c.text;
        reason["exceptions"] = std::move(named);
        return;
    }
    if (t == jsonlogic::Truth::yes && c.derived_from.is_object()) {
        const auto& fact = c.derived_from.at("fact").get_ref<const std::string&>();
        const auto it = a.profile.find(fact);
        if (it != a.profile.end() && it->is_boolean() && it->get<bool>()) {
            reason["text"] = c.derived_from.at("text");
            reason["rule"] = c.text;
            reason["derived_from"] = fact;
        }
    }
}

json assess(const Policy& policy, const Provision* catalogue_entry, const std::string& provision_id,
            const json& profile, const FactsCatalogue& facts) {
    json out = {{"policy", policy.id}, {"label", policy.label}, {"title", policy.title}};
    const PolicyProvision* p = policy.find(provision_id);
    if (!p && catalogue_entry && catalogue_entry->law == Law::zvw) {
        out["verdict"] = "nee";
        out["financier"] = "zorgverzekeraar";
        out["reasons"] = json::array({{{"criterion", "zvw"},
                                       {"outcome", "niet van toepassing"},
                                       {"text", policy.zvw.at("text")},
                                       {"source", policy.zvw.at("source")}}});
        out["open_questions"] = json::array();
        out["quantities"] = json::array();
        return out;
    }
    out["financier"] = "gemeente";
    if (!p || p->not_covered) {
        out["verdict"] = "onbekend";
        out["covered"] = false;
        out["reasons"] = json::array({{{"criterion", "niet_gedekt"},
                                       {"outcome", "onbekend"},
                                       {"text", p ? *p->not_covered : "Dit beleid noemt deze voorziening niet."},
                                       {"source", p ? p->not_covered_source : policy.source_document}}});
        out["open_questions"] = json::array();
        out["quantities"] = json::array();
        return out;
    }
    out["covered"] = true;
    const auto unknown = unknown_facts(profile, facts);
    const auto slots = rules::slots_from_profile(profile, facts);
    const Answers answers{profile, unknown, slots};
    const auto verdict = provision_truth(policy, *p, answers);
    out["verdict"] = verdict_name(verdict);
    // Reasons: what decides first (the criteria not met, then the unknown
    // ones), then the rest, each in policy order.
    json first = json::array(), rest = json::array();
    for (auto i : p->criteria) {
        const auto& c = policy.criteria[i];
        const auto t = truth_of(policy, c, answers);
        // A rule that fails is said the plain way round when the policy gives
        // that sentence ("De gemeente kan vragen dat u verhuist …"), not as
        // "niet voldaan: De gemeente vraagt u niet …".
        const bool plain = t == jsonlogic::Truth::no && !c.if_not.empty();
        // The quoted source text is long and the same for every provision:
        // it is given once, in the result's `policies[].criteria`; a reason
        // keeps where it stands (seed, section, line) and a short cite.
        json reason = {{"criterion", c.id}, {"outcome", outcome_name(t)}, {"text", plain ? c.if_not : c.text},
                       {"source", source_location(c.source)}, {"cite", short_source(policy, c.source)}};
        if (plain) reason["rule"] = c.text;
        explain_exception_or_derivation(policy, c, answers, t, reason);
        const bool decides = (verdict == jsonlogic::Truth::no && t == jsonlogic::Truth::no) ||
                             (verdict == jsonlogic::Truth::unknown && t == jsonlogic::Truth::unknown);
        (decides ? first : rest).push_back(std::move(reason));
    }
    for (auto& x : rest) first.push_back(std::move(x));
    out["reasons"] = std::move(first);
    out["open_questions"] = verdict == jsonlogic::Truth::unknown ? open_questions(policy, *p, answers, facts)
                                                                 : json::array();
    json quantities = json::array();
    for (auto i : p->quantities) quantities.push_back(quantity_json(policy.quantities[i], profile, unknown));
    out["quantities"] = std::move(quantities);
    if (!p->form.empty()) out["form"] = {{"text", p->form}, {"source", p->form_source}};
    return out;
}

json eligibility(const Provision& provision, const json& profile, const std::vector<Policy>& policies,
                 const FactsCatalogue& facts) {
    json by_policy = json::object();
    std::set<std::string> verdicts;
    for (const auto& policy : policies) {
        auto a = assess(policy, &provision, provision.id, profile, facts);
        verdicts.insert(a.at("verdict").get<std::string>());
        by_policy[policy.id] = std::move(a);
    }
    const auto& main = policies.empty() ? json() : by_policy.at(policies.front().id);
    json reasons = json::array();
    if (!main.is_null())
        for (const auto& r : main.at("reasons")) {
            std::string line = r.at("outcome").get<std::string>() + ": " + r.at("text").get<std::string>();
            if (r.contains("cite")) line += " (" + r.at("cite").get<std::string>() + ")";
            reasons.push_back(line);
        }
    return {{"verdict", main.is_null() ? json("onbekend") : main.at("verdict")},
            {"policy", policies.empty() ? json() : json(policies.front().id)},
            {"policy_label", policies.empty() ? json() : json(policies.front().label)},
            {"reasons", reasons},
            {"open_questions", main.is_null() ? json::array() : main.at("open_questions")},
            {"policies", by_policy},
            {"differs", verdicts.size() > 1}};
}

json other_provisions(const json& profile, const std::vector<Policy>& policies, const FactsCatalogue& facts) {
    json out = json::array();
    std::vector<std::string> order;
    std::map<std::string, json> entries;
    for (const auto& policy : policies)
        for (const auto& p : policy.provisions) {
            if (p.in_catalogue) continue;
            if (!entries.count(p.id)) {
                order.push_back(p.id);
                entries[p.id] = {{"id", p.id}, {"name", p.name}, {"policies", json::object()}};
            }
            entries[p.id]["policies"][policy.id] = assess(policy, nullptr, p.id, profile, facts);
        }
    for (const auto& id : order) out.push_back(std::move(entries[id]));
    return out;
}

}  // namespace ivp

namespace ivp {

// Every criterion once, with its full quoted source (reasons refer to it by id).
nlohmann::json criteria_json(const Policy& policy) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& c : policy.criteria) {
        nlohmann::json entry = {{"text", c.text}, {"source", c.source}};
        if (!c.if_not.empty()) entry["if_not"] = c.if_not;
        if (!c.exceptions.empty()) entry["exceptions"] = c.exceptions;
        if (c.derived_from.is_object()) entry["derived_from"] = c.derived_from;
        out[c.id] = std::move(entry);
    }
    return out;
}

nlohmann::json policies_summary(const std::vector<Policy>& policies) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : policies)
        out.push_back({{"id", p.id},
                       {"title", p.title},
                       {"label", p.label},
                       {"kind", p.kind},
                       {"note", p.note},
                       {"valid_from", format_iso_date(p.valid_from)},
                       {"valid_from_note", p.valid_from_note},
                       {"default", p.id == kDefaultPolicy},
                       {"source_document", p.source_document},
                       // Title, publisher, link and whether pages can be named (data/sources.json).
                       {"document", p.source_document.contains("seed")
                                        ? document_for_seed(p.source_document.at("seed").get<std::string>())
                                        : nlohmann::json()},
                       {"not_modelled", p.not_modelled},
                       {"duties", p.duties},
                       {"criteria", criteria_json(p)}});
    return out;
}

std::optional<jsonlogic::Truth> criteria_verdict(const Policy& policy, const std::string& provision_id,
                                                 const json& profile, const FactsCatalogue& facts) {
    const PolicyProvision* p = policy.find(provision_id);
    if (!p || p->not_covered) return std::nullopt;
    const auto unknown = unknown_facts(profile, facts);
    const auto slots = rules::slots_from_profile(profile, facts);
    return provision_truth(policy, *p, Answers{profile, unknown, slots});
}

}  // namespace ivp

namespace ivp {

std::vector<nlohmann::json> candidate_answers(const Fact& fact, const std::vector<double>& literals) {
    return candidates(fact, literals);
}

}  // namespace ivp
