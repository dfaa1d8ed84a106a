#pragma once
// The result's JSON, written in one place (docs/result.md, docs/architecture.md
// "Typed results"). The computations return plain structs; these functions
// turn them into the result's parts. Sources are normalized: the result has
// one `sources` table (id -> the quoted source and its cite) and entries
// refer to it by id. Texts that do not depend on the scenario (a criterion's
// rule, a fact's question and help, every source) are not in the result at
// all but in the rulebook's tables (src/ivp/result/rulebook_json.h).
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ivp/base/json_object.h"
#include "ivp/dates/timeline.h"
#include "ivp/eligibility/policy.h"
#include "ivp/model/catalogue.h"
#include "ivp/model/facts.h"

namespace ivp {

// `eligibility.policies.<id>` and `other_provisions[].policies.<id>`.
// A reason's outcome as the one letter of a compact reason ("<n><o>",
// docs/result.md) and back; one table for the writer and the merge
// (with_rulebook). '\0' / nullptr: no such outcome or letter.
char outcome_letter(std::string_view outcome);
const char* outcome_of_letter(char letter);

// The compact reason of a Zvw provision under a policy of the rulebook: whole,
// it is {criterion "zvw", outcome kZvwOutcome} with the policy's `zvw` text and
// source, which the rulebook's `zvw` table gives (docs/result.md).
inline constexpr const char* kZvwReason = "zvw";
inline constexpr const char* kZvwOutcome = "niet van toepassing";

// An assessment's `financier` when the result leaves it out: the municipality.
inline constexpr const char* kDefaultFinancier = "gemeente";

// An open question's rank (1, 2, 3) as its `decisive` name: "beslissend",
// "kan beslissen", "telt mee"; one table for the writer and the merge. nullptr: no such rank.
const char* decisive_name(int rank);

// The contract's `eligibility` of a provision: the default policy's verdict,
// reasons (Dutch sentences) and open questions ({fact, decisive, settles}; the
// question is `facts.<fact>.question`), every policy side by side (the
// default's open questions only at the top; each compact, docs/result.md),
// and whether they differ. Written straight from the structs, never built as
// a tree: a result's eligibility was a fifth of the instructions of a call
// spent making, writing and freeing its tree (docs/perf.md).
void write_eligibility(JsonTextWriter& out, const Eligibility& e);

// `other_provisions[]`: {id, name, policies (each compact, as above)}.
void write_other_provisions(JsonTextWriter& out, const std::vector<OtherProvision>& others);

// Each on its own as text (the tests compare two evaluators by it), and that
// text parsed, for a caller that reads a tree (the tests).
std::string eligibility_text(const Eligibility& e);
std::string other_provisions_text(const std::vector<OtherProvision>& others);
nlohmann::json to_json(const Eligibility& e);
nlohmann::json to_json(const std::vector<OtherProvision>& others);

// One assessment on its own, whole, as the merged result has it under
// `policies.<id>` but for its reasons: {policy, verdict, financier, reasons
// (compact where they can be), open_questions ({fact, decisive, settles}),
// quantities, covered?, form? (a carried pack's)}.
nlohmann::json to_json(const Assessment& a);

// A policy's entry in the rulebook's `policies` (and in a result's
// `policies[]` for a carried pack): id, title, label, note, the document, the
// paragraphs not modelled, duties and every criterion once, its source by id.
nlohmann::json policy_json(const Policy& policy);

// A result's `policies[]`: the municipality's pack, then the protocol; each
// by id (its entry is the rulebook's), a carried pack whole.
nlohmann::json policies_json(const std::vector<Policy>& policies);

// The rulebook's `forms.<policy>`: provision id -> {text, source} for each
// voorziening the policy covers and names a form for. An assessment of a
// carried pack has its `form` itself.
nlohmann::json forms_json(const Policy& policy);

// The catalogue row of a provision in `sources`.
std::string catalogue_source_id(const Provision& p);

// A result's `sources`: only those the rulebook cannot have (a carried pack's).
nlohmann::json sources_json(const std::vector<Policy>& policies);

// The rulebook's sources of the catalogue rows, by catalogue_source_id.
nlohmann::json catalogue_sources_json(const Catalogue& catalogue);

// The facts an open question names anywhere in `eligibility` or
// `other_provisions` of a result.
void collect_open_facts(const Eligibility& e, std::set<std::string>& out);
void collect_open_facts(const std::vector<OtherProvision>& others, std::set<std::string>& out);

// A result's `facts`: the ids of the given facts, sorted; their question and
// help are the rulebook's `facts.<id>` (facts_table_json).
nlohmann::json facts_json(const std::set<std::string>& ids, const FactsCatalogue& facts);
nlohmann::json facts_table_json(const FactsCatalogue& facts);

// The result's `anchors`: each event a term starts from ({event, date,
// kind}), once; a milestone's `from` in `timelines` and `procedure` is its
// place in the table. 59 milestones of the default result start from 8 such
// events (docs/result.md "Result and rulebook"); the merge writes them whole again.
class AnchorTable {
public:
    // The place of `anchor` in the table (added when no milestone had it yet).
    int add(const Anchor& anchor);
    // Its place; the anchor must have been added.
    int place(const Anchor& anchor) const;
    nlohmann::json to_json() const;

private:
    int find(const Anchor& anchor) const;  // its place, or -1
    std::vector<Anchor> anchors_;
};

// The delivery tracks (docs/result.md "delivery"). Provisions whose three
// tracks are the same share one entry of the result's `timelines` table, keyed
// by the id of the first provision that has it; `delivery.timeline` names it.
// A phase is written [id, start, start_kind, end, werkdagen, label?] and a
// milestone's `from` by its place in `anchors`.
class TimelineTable {
public:
    // The key of `tracks` in the table (added when no provision had them yet).
    const std::string& add(const std::string& provision_id, ProvisionTracks tracks);
    const ProvisionTracks& tracks(const std::string& key) const;
    // Adds the events its milestones start from to `anchors`, in the order
    // the tracks were added (after the procedure's: number_anchors below).
    void number_anchors(AnchorTable& anchors) const;
    // `timelines`, written straight as text (result_draft.h).
    void write(JsonTextWriter& out, const AnchorTable& anchors) const;

private:
    std::vector<std::string> ids_;
    std::vector<ProvisionTracks> tracks_;
};

// `procedure` (its milestones' `from` by place in `anchors`; label, basis and
// term left to the tables by leave_texts_to_tables) and `late_decision`.
// The procedure's parts' label, id and caveat are the rulebook's `tracks`;
// the late decision's texts that no scenario changes (what it applies to,
// the basis of the beslistermijn and of the dwangsom, each tariff's source)
// are the rulebook's `late_decision` (late_decision_texts_json).
void number_anchors(const Procedure& procedure, AnchorTable& anchors);
void write_procedure(JsonTextWriter& out, const Procedure& procedure, const AnchorTable& anchors);
nlohmann::json to_json(const LateDecision& late);
nlohmann::json late_decision_texts_json(const Terms& terms);

}  // namespace ivp
