#include "ivp/eligibility/policy.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <atomic>
#include <mutex>

#include "ivp/base/insertion_sort.h"
#include "ivp/base/data_reader.h"
#include "ivp/eligibility/compiled_rules.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/error.h"
#include "ivp/base/json_input.h"
#include "ivp/base/json_object.h"
#include "ivp/base/source_table.h"
#include "ivp/base/text.h"
#include "ivp/base/sources.h"

namespace ivp {

using nlohmann::json;

struct ProfileAnswers::Trial {
    json profile;
    std::set<std::string> unknown;
    std::vector<rules::Value> slots;
};

std::string criterion_source_id(const Policy&, const Criterion& c) { return c.source_id; }

std::string exception_source_id(const Policy&, const Criterion& c, std::size_t n) { return c.exception_source_ids.at(n); }

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
        if (!kOperators.count(op)) fail(at, join_text({"onbekende JsonLogic-operator \"", op, "\""}));
        if (op == "var" || op == "missing") {
            const json names = op == "var" ? json::array({args.is_array() ? (args.empty() ? json() : args[0]) : args})
                                           : (args.is_array() ? args : json::array({args}));
            for (const auto& n : names) {
                if (!n.is_string()) fail(at, "een feit wordt bij zijn naam (een tekst) genoemd");
                const auto name = n.get<std::string>();
                if (!facts_.find(name.substr(0, name.find('.'))))
                    fail(at, join_text({"onbekend feit \"", name, "\" (niet in data/facts.json)"}));
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
            if (it == index.end()) fail(at, join_text({"onbekende ", what, " \"", list[i].get<std::string>(), "\""}));
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

// The facts open_questions() probes, in its order: the unanswered facts of
// each criterion still unknown, each once; `order` counts every fact a
// criterion reads (the order within a rank). One list for both the probing
// and add_open_question_facts, so the two cannot name different facts.
struct OpenFact {
    const std::string* id;
    const Fact* fact;
    std::size_t order;
};
std::vector<OpenFact> open_facts(const Policy& policy, const PolicyProvision& p, const Answers& given,
                                 const FactsCatalogue& facts, std::vector<std::string>& names) {
    std::vector<OpenFact> out;
    std::set<std::string> seen;
    std::size_t order = 0;
    for (auto i : p.criteria) {
        const auto& c = policy.criteria[i];
        if (truth_of(policy, c, given) != jsonlogic::Truth::unknown) continue;
        for (const auto& id : c.condition_facts) {
            ++order;
            if (!given.unknown.count(id) || !seen.insert(id).second) continue;
            const Fact* fact = facts.find(id);
            if (!fact) continue;
            names.push_back(id);
            out.push_back({nullptr, fact, order});
        }
    }
    for (std::size_t k = 0; k < out.size(); ++k) out[k].id = &names[k];  // `names` is complete: no reallocation now
    return out;
}

// An open fact once probed: its rank and the answers that settle the verdict alone.
struct ProbedFact {
    std::string id;
    int rank;
    std::size_t order;
    std::vector<std::pair<json, std::string>> settles;
};

// The numbers the provision's criteria compare with, for candidates().
std::vector<double> condition_literals(const Policy& policy, const PolicyProvision& p) {
    std::vector<double> literals;
    for (auto i : p.criteria) {
        const auto& l = policy.criteria[i].condition_literals;
        literals.insert(literals.end(), l.begin(), l.end());
    }
    return literals;
}

// Tries every candidate answer of one open fact in `scratch` (read through
// `trial`) and puts the answers back as they were: the fact unanswered again.
ProbedFact probe(const Policy& policy, const PolicyProvision& p, const FactsCatalogue& facts, const OpenFact& f,
                 const std::vector<double>& literals, ProfileAnswers::Trial& scratch, const Answers& trial) {
    json& with = scratch.profile;
    auto& rest = scratch.unknown;
    auto& slots = scratch.slots;
    const std::string& id = *f.id;
    const auto slot = static_cast<std::size_t>(f.fact - facts.facts.data());
    const auto values = candidates(*f.fact, literals);
    std::size_t settled = 0;
    std::vector<std::pair<json, std::string>> settles;
    rest.erase(id);
    for (const auto& v : values) {
        with[id] = v;
        slots[slot] = rules::from_json(v).value_or(rules::Value::unknown());
        const auto t = provision_truth(policy, p, trial);
        if (t != jsonlogic::Truth::unknown) {
            ++settled;
            settles.emplace_back(v, verdict_name(t));
        }
    }
    with.erase(id);  // unknown again: `id` was not in the profile
    rest.insert(id);
    slots[slot] = rules::Value::unknown();
    const int rank = values.empty() || settled == 0 ? 3 : settled == values.size() ? 1 : 2;
    return {id, rank, f.order, std::move(settles)};
}

// By rank, then in the order of the criteria and their facts.
std::vector<OpenQuestion> most_decisive_first(std::vector<ProbedFact>& open) {
    insertion_sort(open.begin(), open.end(), [](const ProbedFact& a, const ProbedFact& b) {
        return a.rank != b.rank ? a.rank < b.rank : a.order < b.order;
    });
    std::vector<OpenQuestion> out;
    out.reserve(open.size());
    for (auto& o : open) out.push_back({std::move(o.id), o.rank, std::move(o.settles)});
    return out;
}

// Open questions, most decisive first (docs/eligibility.md, "Open vragen"):
//   1 "beslissend"     — every possible answer settles the verdict alone;
//   2 "kan beslissen"  — some answer settles it alone;
//   3 "telt mee"       — no single answer settles it, but the fact is read by
//                        a criterion that is still unknown.
// Within a rank: the order of the criteria (the order an assessor works in),
// then the order of the facts within the criterion.
std::vector<OpenQuestion> open_questions(const Policy& policy, const PolicyProvision& p, const ProfileAnswers& answers,
                                         const Answers& given, const FactsCatalogue& facts) {
    std::vector<std::string> names;
    const auto listed = open_facts(policy, p, given, facts, names);
    if (listed.empty()) return {};
    const auto literals = condition_literals(policy, p);
    std::vector<ProbedFact> open;
    // One answer tried at a time, in one copy of the answers, each put back
    // after its fact (copying them for every candidate answer was most of the
    // cost of the probing); the copy is the profile's, shared by all its
    // assessments (ProfileAnswers::trial).
    auto& scratch = answers.trial();
    const Answers trial{scratch.profile, scratch.unknown, scratch.slots};
    for (const auto& f : listed) open.push_back(probe(policy, p, facts, f, literals, scratch, trial));
    return most_decisive_first(open);
}

std::string short_source(const Policy& policy, const json& source) {
    // Document, section and page: what a person can look up. The seed line
    // stays in `source.line` for maintainers and is never part of the cite.
    std::string out = policy.title + ", " + source.at("section").get<std::string>();
    if (source.contains("page")) out += ", pagina " + std::to_string(source.at("page").get<int>());
    return out;
}

QuantityValue quantity_value(const Quantity& q, const json& profile, const std::set<std::string>& unknown) {
    jsonlogic::Options options;
    options.unknown = &unknown;
    const auto r = jsonlogic::apply(q.expression, profile, options);
    QuantityValue out{&q, json(), {}};
    if (r.is_unknown()) {
        for (const auto& id : jsonlogic::vars_used(q.expression))
            if (unknown.count(id)) out.needs.push_back(id);
    } else if (r.kind == jsonlogic::Result::Kind::value) {
        out.value = r.value;
    }
    return out;
}

// `exceptions`: [{text, source, when?}] (docs/eligibility.md, "Exceptions").
void parse_exceptions(const PolicyReader& r, const json& c, const std::string& at, Criterion& crit) {
    if (!c.contains("exceptions")) return;
    const auto& list = c.at("exceptions");
    r.array_value(list, at + "/exceptions");
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto where = pointer_join(at + "/exceptions", i);
        r.keys(list[i], where, {"$comment", "text", "source", "when"});
        json e = JsonObject().add("text", r.text(list[i], where, "text")).add("source", r.source(list[i], where, "source"));
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
        r.fail(where + "/fact", join_text({"de voorwaarde leest het feit \"", fact, "\" niet"}));
    crit.derived_from = JsonObject().add("fact", fact).add("text", r.text(d, where, "text"));
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
        if (!ids.insert(id).second) r.fail(at + "/id", join_text({"dubbele id \"", id, "\""}));
        out.push_back(
            JsonObject().add("id", id).add("text", r.text(ds[i], at, "text")).add("source", r.source(ds[i], at, "source")).take());
    }
    return out;
}

// Policy::sources: every source the policy quotes, once, by id (policy.h):
// the same passage quoted in many places gets one id. The entry is the
// data's source object plus its short `cite`.
void collect_sources(Policy& policy) {
    // Equal sources are equal JSON values: a source's parts are texts and
    // whole numbers (DataReader::source), so equal values have equal dumps.
    // The keys point into `policy`'s own lists, which do not change here.
    const auto same = [](const json* a, const json* b) { return *a < *b; };
    std::map<const json*, std::string, decltype(same)> by_content(same);  // source -> id
    auto add = [&](const json& source) -> std::string {
        if (const auto found = by_content.find(&source); found != by_content.end()) return found->second;
        const std::string base = source.contains("section")
                                     ? policy.id + "/" + source_slug(source.at("section").get<std::string>())
                                     : policy.id;
        std::string id = base;
        for (int n = 2; policy.sources.contains(id); ++n) id = base + "-" + std::to_string(n);
        json entry = source;
        if (source.contains("section")) entry["cite"] = short_source(policy, source);
        policy.sources[id] = std::move(entry);
        by_content.emplace(&source, id);
        return id;
    };
    add(policy.source_document);  // "<policy>": the first, so it keeps the plain id
    policy.zvw_source_id = add(policy.zvw.at("source"));
    for (auto& c : policy.criteria) {
        c.source_id = add(c.source);
        for (const auto& e : c.exceptions) c.exception_source_ids.push_back(add(e.at("source")));
    }
    for (auto& q : policy.quantities) q.source_id = add(q.source);
    for (auto& p : policy.provisions) {
        if (p.not_covered) p.not_covered_source_id = add(p.not_covered_source);
        if (!p.form.empty()) p.form_source_id = add(p.form_source);
    }
    for (const auto& d : policy.duties) policy.duty_source_ids.push_back(add(d.at("source")));
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
    policy.zvw = JsonObject().add("text", r.text(zvw, "/zvw", "text")).add("source", r.source(zvw, "/zvw", "source"));
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
        if (!index.emplace(crit.id, i).second) r.fail(at + "/id", join_text({"dubbele id \"", crit.id, "\""}));
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
        if (!index.emplace(quantity.id, i).second) r.fail(at + "/id", join_text({"dubbele id \"", quantity.id, "\""}));
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
        if (catalogue.find(prov.id)) r.fail(at + "/ivp", join_text({"\"", prov.id, "\" staat wel in de IVP-catalogus"}));
        prov.name = r.text(p, at, "name");
        return;
    }
    const auto index = catalogue.find(prov.id);
    if (!index) r.fail(at + "/id", join_text({"\"", prov.id,
                                            "\" staat niet in de IVP-catalogus (zet \"ivp\": false voor een voorziening buiten de IVP-tabel)"}));
    if (catalogue.provisions[*index].law == Law::zvw)
        r.fail(at + "/id", join_text({"\"", prov.id, "\" valt onder de Zvw; de gemeente is niet de financier (zie /zvw)"}));
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
    if (!ids.insert(prov.id).second) r.fail(at + "/id", join_text({"dubbele voorziening \"", prov.id, "\""}));
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
            r.fail("/provisions", join_text({"de Wmo-voorziening \"", cp.id,
                                             "\" van de IVP-catalogus ontbreekt (geef criteria of not_covered)"}));
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

bool uses_operator(const json& rule, const char* op) {
    if (rule.is_object() && rule.contains(op)) return true;
    if (rule.is_array() || rule.is_object())
        for (const auto& v : rule)
            if (uses_operator(v, op)) return true;
    return false;
}

// PolicyProvision::reads: every fact an assessment of each voorziening reads.
// missing_some names its facts inside a list that vars_used does not read:
// a rule using it counts as reading every fact (none of ours does).
void index_reads(Policy& policy) {
    for (auto& p : policy.provisions) {
        const auto add = [&p](const json& rule) {
            if (uses_operator(rule, "missing_some")) p.reads_all = true;
            for (auto& id : jsonlogic::vars_used(rule))
                if (std::find(p.reads.begin(), p.reads.end(), id) == p.reads.end()) p.reads.push_back(std::move(id));
        };
        for (auto i : p.criteria) {
            add(policy.criteria[i].condition);
            for (const auto& e : policy.criteria[i].exceptions)
                if (e.contains("when")) add(e.at("when"));
        }
        for (auto i : p.quantities) add(policy.quantities[i].expression);
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

void index_criterion(const Policy& policy, Criterion& c) {
    c.condition_facts = jsonlogic::vars_used(c.condition);
    c.facts = criterion_facts(c);
    c.condition_literals.clear();
    jsonlogic::number_literals(c.condition, c.condition_literals);
    c.literals = c.condition_literals;
    for (const auto& e : c.exceptions)
        if (e.contains("when")) jsonlogic::number_literals(e.at("when"), c.literals);
    c.cite = short_source(policy, c.source);
}

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
    collect_sources(policy);
    for (auto& c : policy.criteria) index_criterion(policy, c);
    check_rules_evaluate(r, policy, facts);
    compile_conditions(policy, facts);
    index_reads(policy);
    return policy;
}

namespace {

// The default first, then by id; ids unique; the facts' `used_by` matches.
std::vector<Policy> ordered_and_checked(std::vector<Policy> out, const FactsCatalogue& facts) {
    insertion_sort(out.begin(), out.end(), [](const Policy& a, const Policy& b) {
        if ((a.id == kDefaultPolicy) != (b.id == kDefaultPolicy)) return a.id == kDefaultPolicy;
        return a.id < b.id;
    });
    for (std::size_t i = 1; i < out.size(); ++i)
        if (out[i].id == out[i - 1].id) throw DataError("data/policies", "/id", join_text({"dubbele beleids-id \"", out[i].id, "\""}));
    validate_facts_usage(facts, out);
    return out;
}

json embedded_policy_json(const std::string& file, std::string_view content) {
    try {
        return parse_data_json(content);
    } catch (const JsonTextError& e) {
        throw DataError(file, "/", std::string("geen geldige JSON: ") + e.what());
    }
}

bool is_policy_file(std::string_view path) { return path.rfind("policies/", 0) == 0; }

// Every embedded pack parsed so far, by file ("data/policies/<name>.json"):
// those parsed alone (embedded_policy_file) are owned here, those parsed for
// embedded_policies() live in its vector. A cache, not state: each entry is
// the parse of a file that never changes, kept so that the page's first call
// parses only the pack it reads (the lean result needs the ALS protocol
// alone; docs/perf.md "Start-up") and no pack is parsed twice. A parse that
// throws stores nothing. The lock is for native callers on several threads
// (the WebAssembly is single-threaded).
//
// A flag spun on, not std::mutex: std::mutex brings std::system_error and its
// messages (with printf) into the WebAssembly, where nothing ever waits here
// (docs/perf.md, "Size"). Natively a second thread spins while the first one
// parses a pack, once per pack.
class CacheLock {
public:
    void lock() {
        while (taken_.test_and_set(std::memory_order_acquire)) {
        }
    }
    void unlock() { taken_.clear(std::memory_order_release); }

private:
    std::atomic_flag taken_ = ATOMIC_FLAG_INIT;
};

struct EmbeddedPolicyCache {
    CacheLock lock;
    std::map<std::string, const Policy*, std::less<>> by_file;
    std::vector<std::unique_ptr<const Policy>> alone;
};

EmbeddedPolicyCache& embedded_policy_cache() {
    static EmbeddedPolicyCache cache;
    return cache;
}

Policy parse_embedded_policy(const std::string& file, std::string_view content) {
    return parse_policy(embedded_policy_json(file, content), file, embedded_catalogue(), embedded_facts());
}

// One embedded pack, parsed and checked alone the first time something needs
// it, or nullptr when there is no such file.
const Policy* embedded_policy_file(const std::string& file) {
    auto& cache = embedded_policy_cache();
    const std::lock_guard<CacheLock> hold(cache.lock);
    if (const auto found = cache.by_file.find(file); found != cache.by_file.end()) return found->second;
    for (const auto& f : embedded::data_files()) {
        if ("data/" + std::string(f.path) != file || !is_policy_file(f.path)) continue;
        cache.alone.push_back(std::make_unique<const Policy>(parse_embedded_policy(file, f.content)));
        return cache.by_file.emplace(file, cache.alone.back().get()).first->second;
    }
    return nullptr;
}

}  // namespace

std::vector<Policy> parse_policies(const std::vector<std::pair<std::string, json>>& files, const Catalogue& catalogue,
                                   const FactsCatalogue& facts) {
    std::vector<Policy> out;
    for (const auto& [file, data] : files) out.push_back(parse_policy(data, file, catalogue, facts));
    return ordered_and_checked(std::move(out), facts);
}

std::vector<std::pair<std::string, json>> embedded_policy_files() {
    std::vector<std::pair<std::string, json>> files;
    for (const auto& f : embedded::data_files()) {
        if (!is_policy_file(f.path)) continue;
        const std::string file = "data/" + std::string(f.path);
        files.emplace_back(file, embedded_policy_json(file, f.content));
    }
    return files;
}

// parse_policies(embedded_policy_files(), …): a pack already parsed alone is
// copied (embedded_policy has handed out pointers to it), every other one is
// parsed into the list and then found through the cache by embedded_policy,
// so no pack is parsed twice or copied needlessly.
const std::vector<Policy>& embedded_policies() {
    static const std::vector<Policy> policies = [] {
        std::vector<Policy> out;
        std::vector<std::pair<std::string, std::string>> parsed_here;  // file, id
        for (const auto& f : embedded::data_files()) {
            if (!is_policy_file(f.path)) continue;
            const std::string file = "data/" + std::string(f.path);
            const Policy* alone = nullptr;
            {
                auto& cache = embedded_policy_cache();
                const std::lock_guard<CacheLock> hold(cache.lock);
                if (const auto found = cache.by_file.find(file); found != cache.by_file.end()) alone = found->second;
            }
            if (alone) {
                out.push_back(*alone);
            } else {
                out.push_back(parse_embedded_policy(file, f.content));
                parsed_here.emplace_back(file, out.back().id);
            }
        }
        out = ordered_and_checked(std::move(out), embedded_facts());
        // The list's elements keep their addresses when it is moved into the
        // static below (a vector's move takes over its buffer).
        auto& cache = embedded_policy_cache();
        const std::lock_guard<CacheLock> hold(cache.lock);
        for (const auto& [file, id] : parsed_here)
            for (const auto& p : out)
                if (p.id == id) cache.by_file.emplace(file, &p);
        return out;
    }();
    return policies;
}

const Policy* embedded_policy(const std::string& id) {
    // A pack's file is named by its id (data/policies/<id>.json); the id read
    // from the file decides, and anything else is looked up among them all.
    if (const Policy* p = embedded_policy_file("data/policies/" + id + ".json"); p && p->id == id) return p;
    for (const auto& p : embedded_policies())
        if (p.id == id) return &p;
    return nullptr;
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
                                join_text({"noemt \"", id, "\", maar dat beleid gebruikt het feit \"", f.id, "\" niet"}));
        for (const auto& id : actual)
            if (!listed.count(id))
                throw DataError("data/facts.json", where,
                                join_text({"het beleid \"", id, "\" gebruikt het feit \"", f.id, "\"; zet het in used_by"}));
    }
}

// A reason whose condition failed but an exception may apply says the rule
// the plain way round and names the exceptions ("Tenzij …: vraag de gemeente
// hiernaar."); a reason that holds because of a derived fact says so.
static void explain_exception_or_derivation(const Policy& policy, const Criterion& c, const Answers& a, jsonlogic::Truth t,
                                            Reason& reason) {
    if (t == jsonlogic::Truth::unknown && !c.exceptions.empty() &&
        condition_truth(policy, c, a) == jsonlogic::Truth::no) {
        std::string text = c.if_not.empty() ? c.text : c.if_not;
        for (const json* e : open_exceptions(c, a)) {
            text += " " + e->at("text").get<std::string>();
            for (std::size_t n = 0; n < c.exceptions.size(); ++n)
                if (&c.exceptions[n] == e) reason.exceptions.push_back(exception_source_id(policy, c, n));
        }
        reason.text = std::move(text);
        reason.own_text = true;
        return;
    }
    if (t == jsonlogic::Truth::yes && c.derived_from.is_object()) {
        const auto& fact = c.derived_from.at("fact").get_ref<const std::string&>();
        const auto it = a.profile.find(fact);
        if (it != a.profile.end() && it->is_boolean() && it->get<bool>()) {
            reason.text = c.derived_from.at("text").get<std::string>();
            reason.own_text = true;
            reason.derived_from = fact;
        }
    }
}

ProfileAnswers::ProfileAnswers(const json& p, const FactsCatalogue& facts)
    : profile(p), unknown(unknown_facts(p, facts)), slots(rules::slots_from_profile(p, facts)) {}
ProfileAnswers::~ProfileAnswers() = default;

ProfileAnswers::Trial& ProfileAnswers::trial() const {
    if (!trial_) trial_ = std::make_unique<Trial>(Trial{profile, unknown, slots});
    return *trial_;
}

namespace {

// A Zvw provision the policy does not name: the zorgverzekeraar's, not the gemeente's.
void put_zvw(const Policy& policy, Assessment& out) {
    out.verdict = "nee";
    out.financier = "zorgverzekeraar";
    out.reasons.push_back({"zvw", "niet van toepassing", policy.zvw.at("text").get<std::string>(), true, {}, "",
                           policy.zvw_source_id, ""});
}

// A provision the policy does not name, or names as not covered.
void put_not_covered(const Policy& policy, const PolicyProvision* p, Assessment& out) {
    out.verdict = "onbekend";
    out.covered = false;
    out.reasons.push_back({"niet_gedekt", "onbekend", p ? *p->not_covered : "Dit beleid noemt deze voorziening niet.",
                           true, {}, "", p ? p->not_covered_source_id : policy.id, ""});
}

// One criterion's reason, its outcome `t`.
Reason criterion_reason(const Policy& policy, const Criterion& c, const Answers& answers, jsonlogic::Truth t) {
    // A rule that fails is said the plain way round when the policy gives
    // that sentence ("De gemeente kan vragen dat u verhuist …"), not as
    // "niet voldaan: De gemeente vraagt u niet …".
    const bool plain = t == jsonlogic::Truth::no && !c.if_not.empty();
    // The quote and its cite are the same for every provision: they are
    // given once, in the result's `sources` (the criterion's source id).
    Reason reason{c.id, outcome_name(t), plain ? c.if_not : c.text, plain, {}, "", "",
                  c.cite};
    explain_exception_or_derivation(policy, c, answers, t, reason);
    return reason;
}

// Reasons: what decides first (the criteria not met, then the unknown
// ones), then the rest, each in policy order.
void put_reasons(const Policy& policy, const PolicyProvision& p, const Answers& answers, jsonlogic::Truth verdict,
                 std::vector<Reason>& reasons) {
    std::vector<Reason> rest;
    for (auto i : p.criteria) {
        const auto& c = policy.criteria[i];
        const auto t = truth_of(policy, c, answers);
        Reason reason = criterion_reason(policy, c, answers, t);
        const bool decides = (verdict == jsonlogic::Truth::no && t == jsonlogic::Truth::no) ||
                             (verdict == jsonlogic::Truth::unknown && t == jsonlogic::Truth::unknown);
        (decides ? reasons : rest).push_back(std::move(reason));
    }
    for (auto& x : rest) reasons.push_back(std::move(x));
}

}  // namespace

Assessment assess(const Policy& policy, const Provision* catalogue_entry, const std::string& provision_id,
                  const json& profile, const FactsCatalogue& facts) {
    return assess(policy, catalogue_entry, provision_id, ProfileAnswers(profile, facts), facts);
}

Assessment assess(const Policy& policy, const Provision* catalogue_entry, const std::string& provision_id,
                  const ProfileAnswers& given, const FactsCatalogue& facts) {
    const json& profile = given.profile;
    Assessment out;
    out.policy = &policy;
    out.provision = provision_id;
    const PolicyProvision* p = policy.find(provision_id);
    if (!p && catalogue_entry && catalogue_entry->law == Law::zvw) {
        put_zvw(policy, out);
        return out;
    }
    out.financier = "gemeente";
    if (!p || p->not_covered) {
        put_not_covered(policy, p, out);
        return out;
    }
    out.covered = true;
    const auto& unknown = given.unknown;
    const Answers answers{profile, unknown, given.slots};
    const auto verdict = provision_truth(policy, *p, answers);
    out.verdict = verdict_name(verdict);
    put_reasons(policy, *p, answers, verdict, out.reasons);
    if (verdict == jsonlogic::Truth::unknown) out.open_questions = open_questions(policy, *p, given, answers, facts);
    for (auto i : p->quantities) out.quantities.push_back(quantity_value(policy.quantities[i], profile, unknown));
    if (!p->form.empty()) out.form = p;
    return out;
}

std::string reason_source_id(const Policy& policy, const Reason& r) {
    if (!r.source.empty()) return r.source;
    for (const auto& c : policy.criteria)
        if (c.id == r.criterion) return c.source_id;
    return policy.id;
}

Eligibility eligibility(const Provision& provision, const json& profile, const std::vector<Policy>& policies,
                        const FactsCatalogue& facts) {
    return eligibility(provision, ProfileAnswers(profile, facts), policies, facts);
}

Eligibility eligibility(const Provision& provision, const ProfileAnswers& answers, const std::vector<Policy>& policies,
                        const FactsCatalogue& facts) {
    Eligibility out;
    std::set<std::string> verdicts;
    for (const auto& policy : policies) {
        out.by_policy.push_back(assess(policy, &provision, provision.id, answers, facts));
        verdicts.insert(out.by_policy.back().verdict);
    }
    out.differs = verdicts.size() > 1;
    return out;
}

std::vector<OtherProvision> other_provisions(const json& profile, const std::vector<Policy>& policies,
                                             const FactsCatalogue& facts) {
    return other_provisions(ProfileAnswers(profile, facts), policies, facts);
}

std::vector<OtherProvision> other_provisions(const ProfileAnswers& answers, const std::vector<Policy>& policies,
                                             const FactsCatalogue& facts) {
    std::vector<OtherProvision> out;
    for (const auto& policy : policies)
        for (const auto& p : policy.provisions) {
            if (p.in_catalogue) continue;
            auto it = std::find_if(out.begin(), out.end(), [&](const OtherProvision& o) { return o.id == p.id; });
            if (it == out.end()) it = out.insert(out.end(), OtherProvision{p.id, p.name, {}});
            it->by_policy.push_back(assess(policy, nullptr, p.id, answers, facts));
        }
    return out;
}

}  // namespace ivp

namespace ivp {

bool reads_any(const std::vector<Policy>& policies, const std::string& provision_id, const std::set<std::string>& changed) {
    if (changed.empty()) return false;
    for (const auto& policy : policies) {
        const PolicyProvision* p = policy.find(provision_id);
        if (!p) continue;  // Zvw, or not named: the same reason whatever the answers
        if (p->reads_all) return true;
        for (const auto& id : p->reads)
            if (changed.count(id)) return true;
    }
    return false;
}

void add_open_question_facts(const Policy& policy, const std::string& provision_id, const ProfileAnswers& given,
                             const FactsCatalogue& facts, std::set<std::string>& out) {
    const PolicyProvision* p = policy.find(provision_id);
    if (!p || p->not_covered) return;  // assess() asks nothing then
    const Answers answers{given.profile, given.unknown, given.slots};
    if (provision_truth(policy, *p, answers) != jsonlogic::Truth::unknown) return;
    std::vector<std::string> names;
    (void)open_facts(policy, *p, answers, facts, names);
    out.insert(names.begin(), names.end());
}

std::optional<jsonlogic::Truth> criteria_verdict(const Policy& policy, const std::string& provision_id,
                                                 const json& profile, const FactsCatalogue& facts) {
    const PolicyProvision* p = policy.find(provision_id);
    if (!p || p->not_covered) return std::nullopt;
    return criteria_verdict(policy, provision_id, ProfileAnswers(profile, facts));
}

std::optional<jsonlogic::Truth> criteria_verdict(const Policy& policy, const std::string& provision_id,
                                                 const ProfileAnswers& answers) {
    const PolicyProvision* p = policy.find(provision_id);
    if (!p || p->not_covered) return std::nullopt;
    return provision_truth(policy, *p, Answers{answers.profile, answers.unknown, answers.slots});
}

}  // namespace ivp

namespace ivp {

std::vector<nlohmann::json> candidate_answers(const Fact& fact, const std::vector<double>& literals) {
    return candidates(fact, literals);
}

}  // namespace ivp
