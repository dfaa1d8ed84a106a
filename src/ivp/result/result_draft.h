#pragma once
// A result before it is written: the tree of most of its parts, and the parts
// that stay plain structs until the one writer writes them as text, straight
// from the structs (the provisions' `eligibility`, `other_provisions`,
// `procedure` and `timelines`: together about two thirds of the result's text). The page and the CLI get the text;
// a caller that wants a tree (the CLI's merge with the rulebook, the letters,
// the tests) parses that text, so there is one writer and one text.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ivp/eligibility/policy.h"
#include "ivp/eligibility/policy_pack.h"
#include "ivp/dates/timeline.h"
#include "ivp/result/result_json.h"

namespace ivp {

struct ResultDraft {
    // The result without the parts below. Its `provisions` is an array of
    // objects with an `id` (a result) or an object by id (an explanation, a
    // situation); neither has an `eligibility` in the tree.
    nlohmann::json tree = nlohmann::json::object();
    // Provision id -> its `eligibility`; a provision not named has none (a
    // situation's provision whose verdicts no changed answer reached).
    std::vector<std::pair<std::string, Eligibility>> eligibility;
    // `other_provisions`, when the result has it.
    std::optional<std::vector<OtherProvision>> others;
    // `procedure` and `timelines`, when the result has them; a milestone's
    // `from` is its place in `anchors` (numbered: number_anchors).
    std::optional<Procedure> procedure;
    std::optional<TimelineTable> timelines;
    AnchorTable anchors;
    // The policies the assessments above point into, kept as long as they
    // are: a carried pack's live only in its selection.
    PolicySelection policies;
};

// The result's compact text: json_text of the tree with the typed parts in
// their places, keys in the tree's order.
std::string draft_text(const ResultDraft& draft);

// The same as a tree: draft_text(draft) parsed.
nlohmann::json draft_tree(const ResultDraft& draft);

}  // namespace ivp
