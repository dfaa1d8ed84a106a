#pragma once
// Eligibility policies as data (data/policies/*.json, docs/eligibility.md).
//
// A policy is a set of criteria — each a JsonLogic condition over the facts
// of data/facts.json, with the rule text and its source — and, per
// voorziening, the criteria that must all hold. Facts the user has not
// answered are unknown; a criterion is then true, false or unknown (Kleene),
// and a verdict ja, nee or onbekend. For onbekend the engine names the open
// facts that could still change the verdict, most decisive first.
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ivp/model/catalogue.h"
#include "ivp/base/date.h"
#include "ivp/model/facts.h"
#include "ivp/eligibility/jsonlogic.h"

namespace ivp {

struct Criterion {
    std::string id;          // carries its legal anchor: "primaat_verhuizen_4_2"
    std::string text;        // the rule in B1 Dutch, as a statement that must hold
    std::string if_not;      // optional: what it means when the rule fails, said plainly
    nlohmann::json condition;  // JsonLogic over facts
    nlohmann::json source;   // {seed, section, line, page?, text}
    // Exceptions the text names but the facts cannot decide (issue 12):
    // [{text, source, when?}]. While one applies (no `when`, or its `when` is
    // not known false) the criterion is never "niet voldaan": a failed
    // condition becomes onbekend and the reason names the exception.
    nlohmann::json exceptions = nlohmann::json::array();
    // {fact, text}: the criterion holds because of this fact (ALS is
    // progressive, so a need is blijvend); the reason then says so. The
    // condition itself reads the fact (validated), so both evaluators agree.
    nlohmann::json derived_from;
    // The condition in the policy's compiled RuleSet (src/ivp/eligibility/compiled_rules.h),
    // or nullopt when it uses something outside the compiled subset (then the
    // tree walker of jsonlogic.h evaluates it). Same answers either way.
    std::optional<std::size_t> compiled;
    // Ids in Policy::sources of `source` and of each exception's source.
    std::string source_id;
    std::vector<std::string> exception_source_ids;
    // Made once by parse_policy from the fields above, because every
    // assessment and the interview's probing read them again and again
    // (walking the rule for them was a cost of its own, docs/perf.md):
    // the facts the condition reads (jsonlogic::vars_used), those and the
    // facts of its exceptions' `when` (criterion_facts), the numbers in the
    // condition and in the condition and its exceptions' `when`
    // (jsonlogic::number_literals), and the reason's cite ("<title>, <section>").
    // Policy.CachedCriterionFieldsAreTheComputedOnes checks them.
    std::vector<std::string> condition_facts;
    std::vector<std::string> facts;
    std::vector<double> condition_literals;
    std::vector<double> literals;
    std::string cite;
};

struct Quantity {
    std::string id;
    std::string label;
    std::string unit;
    nlohmann::json expression;  // JsonLogic over facts; a number, or null when not applicable
    std::string explanation;
    nlohmann::json source;
    std::string source_id;  // in Policy::sources
};

struct PolicyProvision {
    std::string id;
    bool in_catalogue = true;  // an id of the IVP catalogue, else a voorziening only this policy names
    std::string name;
    std::vector<std::size_t> criteria;    // indices into Policy::criteria (general ones included)
    std::vector<std::size_t> quantities;  // indices into Policy::quantities
    // A voorziening the policy text does not cover: the verdict is onbekend
    // and this says why (Catala: a paragraph not modelled still gets an entry).
    std::optional<std::string> not_covered;
    nlohmann::json not_covered_source;
    std::string form;  // natura, pgb, financiële tegemoetkoming … as the policy says
    nlohmann::json form_source;
    std::string not_covered_source_id, form_source_id;  // in Policy::sources
    // Every fact an assessment of this voorziening reads: its criteria's
    // conditions, their exceptions' `when` and its quantities (set by
    // parse_policy). `reads_all` when a rule names facts in a way we do not
    // list (missing_some): then every fact counts as read.
    std::vector<std::string> reads;
    bool reads_all = false;
};

namespace rules {
class RuleSet;
struct Value;
}

struct Policy {
    std::string id;
    std::string title;
    std::string label;  // "voorbeeld: gemeente Hattem (2014)"
    std::string kind;   // "gemeente" or "protocol"
    std::string note;   // what the policy is and is not (shown beside its verdicts)
    Date valid_from;
    std::string valid_from_note;  // the date's source, or why it is an estimate
    nlohmann::json source_document;
    nlohmann::json zvw;  // {text, source}: voorzieningen the municipality does not finance
    std::vector<Criterion> criteria;
    std::vector<Quantity> quantities;
    std::vector<PolicyProvision> provisions;
    nlohmann::json not_modelled;  // [{section, line or url, reason}]
    nlohmann::json duties;        // [{id, text, source}]: what the policy obliges, deciding nothing
    // Every source this policy quotes, once, by id (docs/result.md "Tables
    // and ids"): "<policy>/<section>" ("wmo-2015/artikel-2.3.6-lid-1"; "-2",
    // "-3" … when two passages share a section), "<policy>" for the policy's
    // document; the data's source object plus `cite`. The same passage quoted
    // for many voorzieningen (a form, a general ground) has one id. Built
    // once, when the policy is parsed.
    nlohmann::json sources = nlohmann::json::object();
    std::string zvw_source_id;
    std::vector<std::string> duty_source_ids;  // per duty, in order
    // The criteria compiled over the facts catalogue (slot i = facts[i]):
    // the open-question probing evaluates them many times per provision.
    std::shared_ptr<const rules::RuleSet> rules;
    // A pack the scenario carries (`policy_pack`), not one of the build's:
    // its texts and sources are not in the rulebook's tables, so the result
    // carries them itself (docs/result.md "Result and rulebook").
    bool carried = false;

    const PolicyProvision* find(const std::string& provision_id) const;
};

// Parses and validates a policy; throws DataError naming `file` and the JSON
// path on unknown keys, missing sources, bad dates, unknown operators and
// dangling fact or provision ids, and when a Wmo voorziening of the
// catalogue has no entry (every one must be assessed or say why not).
Policy parse_policy(const nlohmann::json& data, const std::string& file, const Catalogue& catalogue,
                    const FactsCatalogue& facts);

// Policies from (file name, JSON) pairs, each parsed by parse_policy, sorted
// with the default (wmo-2015) first; ids must be unique and the facts'
// `used_by` must match (validate_facts_usage).
std::vector<Policy> parse_policies(const std::vector<std::pair<std::string, nlohmann::json>>& files,
                                   const Catalogue& catalogue, const FactsCatalogue& facts);
// data/policies/*.json as embedded, parsed as JSON only.
std::vector<std::pair<std::string, nlohmann::json>> embedded_policy_files();

// The embedded policies (data/policies/*.json), the default (wmo-2015) first.
const std::vector<Policy>& embedded_policies();
// One embedded pack by id, parsed alone when first needed (the lean result
// reads the ALS protocol only), or nullptr when the build has no such pack.
// Verdicts are the same as with the pack of embedded_policies().
const Policy* embedded_policy(const std::string& id);
// The Wmo 2015 itself: what holds in every municipality (issue 16).
inline constexpr const char* kDefaultPolicy = "wmo-2015";

// Cross-checks between the facts catalogue and the policies: every `used_by`
// names a policy that reads the fact, and every fact a policy reads lists it.
void validate_facts_usage(const FactsCatalogue& facts, const std::vector<Policy>& policies);

// The source ids of Policy::sources (one place builds them).
std::string criterion_source_id(const Policy& policy, const Criterion& c);
std::string exception_source_id(const Policy& policy, const Criterion& c, std::size_t n);

// One reason of an assessment. A criterion's own text, quote and cite are
// in the policy (the result's `policies[].criteria` and `sources`); a reason
// carries a text of its own only when it says something else: the rule said
// the plain way round (`if_not`), with its exceptions, or by a derived fact.
struct Reason {
    std::string criterion;  // a criterion id of the policy, or "zvw" / "niet_gedekt"
    std::string outcome;    // voldaan, niet voldaan, onbekend, niet van toepassing
    std::string text;       // the sentence shown
    bool own_text = false;  // text is not the criterion's `text`
    std::vector<std::string> exceptions;  // source ids of the exceptions that may still apply
    std::string derived_from;             // the fact the criterion holds by, when it does
    std::string source;  // source id, for a reason that is not a criterion (zvw, niet_gedekt)
    std::string cite;    // "<title>, <section>": the contract sentence ends with it
};

// An unanswered fact that can still change a verdict, most decisive first.
struct OpenQuestion {
    std::string fact;
    int rank = 3;  // 1 beslissend, 2 kan beslissen, 3 telt mee (docs/eligibility.md)
    std::vector<std::pair<nlohmann::json, std::string>> settles;  // answer -> the verdict it gives alone
};

struct QuantityValue {
    const Quantity* quantity = nullptr;
    nlohmann::json value;            // a number, or null when unknown or not applicable
    std::vector<std::string> needs;  // the unanswered facts it waits for
};

// The verdict of one policy for one voorziening (plain data; the result's
// JSON is written in src/ivp/result/result_json.cpp).
struct Assessment {
    const Policy* policy = nullptr;
    std::string provision;  // the voorziening's id
    std::string verdict;    // ja, nee, onbekend
    std::string financier;  // gemeente, zorgverzekeraar
    std::optional<bool> covered;
    std::vector<Reason> reasons;  // what decides first, then the rest, each in policy order
    std::vector<OpenQuestion> open_questions;
    std::vector<QuantityValue> quantities;
    const PolicyProvision* form = nullptr;  // the policy's entry, when it names a form
};

// The contract's `eligibility`: every policy side by side, the default (the
// scenario's chosen pack) first; its verdict, reasons and open questions are
// the contract's.
struct Eligibility {
    std::vector<Assessment> by_policy;
    bool differs = false;
};

struct OtherProvision {
    std::string id;
    std::string name;
    std::vector<Assessment> by_policy;
};

// The answers of one profile as both evaluators read them (the unanswered
// facts for the tree walker, one slot per fact for the compiled rules), made
// once and shared by every assessment of that profile: making them anew for
// each of the ~70 assessments of a result was a cost of its own (docs/perf.md).
class ProfileAnswers {
public:
    ProfileAnswers(const nlohmann::json& profile, const FactsCatalogue& facts);
    ~ProfileAnswers();
    ProfileAnswers(const ProfileAnswers&) = delete;
    ProfileAnswers& operator=(const ProfileAnswers&) = delete;

    const nlohmann::json& profile;
    const std::set<std::string> unknown;
    const std::vector<rules::Value> slots;

    // The open-question probing's working copy of these answers: one answer
    // tried at a time and put back after each fact, so it is the answers
    // again between two probings. Made on first use, once per profile:
    // copying the profile and the unknown facts for each of the ~30
    // assessments an answer makes again was a tenth of their cost.
    struct Trial;
    Trial& trial() const;

private:
    mutable std::unique_ptr<Trial> trial_;
};

Assessment assess(const Policy& policy, const Provision* catalogue_entry, const std::string& provision_id,
                  const nlohmann::json& profile, const FactsCatalogue& facts);
Assessment assess(const Policy& policy, const Provision* catalogue_entry, const std::string& provision_id,
                  const ProfileAnswers& answers, const FactsCatalogue& facts);

Eligibility eligibility(const Provision& provision, const nlohmann::json& profile, const std::vector<Policy>& policies,
                        const FactsCatalogue& facts);
Eligibility eligibility(const Provision& provision, const ProfileAnswers& answers, const std::vector<Policy>& policies,
                        const FactsCatalogue& facts);

// Voorzieningen outside the IVP table that a policy names (CVV-pas, PGBv,
// hulp bij het huishouden …), assessed under each policy that names them.
std::vector<OtherProvision> other_provisions(const nlohmann::json& profile, const std::vector<Policy>& policies,
                                             const FactsCatalogue& facts);
std::vector<OtherProvision> other_provisions(const ProfileAnswers& answers, const std::vector<Policy>& policies,
                                             const FactsCatalogue& facts);

// Whether an assessment of `provision_id` under any of `policies` reads one
// of `changed` (PolicyProvision::reads): if not, a profile that differs only
// in those facts gives that voorziening the same assessments, to the byte.
bool reads_any(const std::vector<Policy>& policies, const std::string& provision_id, const std::set<std::string>& changed);

// The facts assess() names in open_questions (the same set, without probing
// what each answer settles): for the `facts` table of a result whose
// assessment of this voorziening was not made again (src/ivp/api/situation.h).
void add_open_question_facts(const Policy& policy, const std::string& provision_id, const ProfileAnswers& answers,
                             const FactsCatalogue& facts, std::set<std::string>& out);

// The source id of a reason: its own (zvw, niet_gedekt) or its criterion's.
std::string reason_source_id(const Policy& policy, const Reason& r);

// The answers the open-question probing tries for a fact (every boolean or
// choice value; an integer's bounds and each threshold of `literals` ±1).
std::vector<nlohmann::json> candidate_answers(const Fact& fact, const std::vector<double>& literals);

// A criterion's truth as the verdicts use it: its condition, turned from
// "niet voldaan" into onbekend while an exception it names may still apply
// (docs/eligibility.md, "Exceptions"). `unknown` are the unanswered facts,
// `slots` the same answers for the compiled rules (rules::slots_from_profile).
jsonlogic::Truth criterion_truth(const Policy& policy, const Criterion& c, const nlohmann::json& profile,
                                 const std::set<std::string>& unknown, const std::vector<rules::Value>& slots);

// The facts a criterion reads: its condition's and its exceptions' `when`
// (computed from the rules; parse_policy keeps it in Criterion::facts).
std::vector<std::string> criterion_facts(const Criterion& c);
// Fills Criterion::condition_facts, facts, condition_literals, literals and
// cite from its rules and source (parse_policy calls it for every criterion).
void index_criterion(const Policy& policy, Criterion& c);

// The verdict of `policy`'s own criteria for a voorziening it assesses, as
// assess() gives it but without reasons or open questions (the personal
// budget reads it at every amount change, src/ivp/budget/plan.h). nullopt when the
// policy does not assess it (not named, not covered, or Zvw).
std::optional<jsonlogic::Truth> criteria_verdict(const Policy& policy, const std::string& provision_id,
                                                 const nlohmann::json& profile, const FactsCatalogue& facts);
std::optional<jsonlogic::Truth> criteria_verdict(const Policy& policy, const std::string& provision_id,
                                                 const ProfileAnswers& answers);

}  // namespace ivp
