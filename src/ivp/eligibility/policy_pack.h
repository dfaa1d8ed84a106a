#pragma once
// Choosing and loading a policy pack (docs/policy-pack.md).
//
// A scenario names the municipality's pack by id (`"policy": "hattem-2014"`;
// default the Wmo 2015 itself, kDefaultPolicy) or carries a pack by content
// (`"policy_pack": {…}`), so a file saved with a loaded pack opens the same
// way later. A calculation assesses that one "gemeente" pack, then every
// "protocol" pack (the ALS protocol), side by side.
//
// A pack from outside (a user's file, `ivp validate FILE`) gets every check
// of parse_policy plus the ones only an author needs: it is a "gemeente" pack,
// and every criterion can be both true and false for some answers (a rule
// that is never true says "nee" to everyone; one that is never false decides
// nothing).
#include <cstddef>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ivp/eligibility/policy.h"

namespace ivp {

// Criteria whose facts give more answer combinations than this are not
// tried one by one (the check then says so); a hostile pack cannot make
// validation slow: the whole pack gets at most kMaxReachProbes evaluations.
inline constexpr std::size_t kMaxReachCombinations = 4096;
inline constexpr std::size_t kMaxReachProbes = 200'000;

// Throws DataError(file, "/criteria/<i>/condition", …) for the first
// criterion that can never be true or never be false. Returns the ids of the
// criteria it could not try (too many combinations, a date fact, or the
// probe budget spent).
std::vector<std::string> check_criteria_reachable(const Policy& policy, const std::string& file,
                                                  const FactsCatalogue& facts);

// Every check a loaded pack gets (see above); throws DataError naming `file`.
Policy validate_policy_pack(const nlohmann::json& pack, const std::string& file, const Catalogue& catalogue,
                            const FactsCatalogue& facts, std::vector<std::string>* untried = nullptr);

// The same for a pack inside a scenario at `where` ("/policy_pack"): the
// fault becomes an InputError at where + its pointer in the pack.
std::shared_ptr<const Policy> load_policy_pack(const nlohmann::json& pack, const std::string& where,
                                               const Catalogue& catalogue, const FactsCatalogue& facts);

// The scenario's `policy` and `policy_pack` (both optional). An unknown id,
// a "protocol" pack named as the municipality's, or an id that differs from
// the loaded pack's is an InputError that names it.
struct PolicyChoice {
    std::string id;                      // "" = the default
    std::shared_ptr<const Policy> pack;  // a loaded pack, replacing `id`
};
PolicyChoice read_policy_choice(const nlohmann::json& scenario, const Catalogue& catalogue,
                                const std::vector<Policy>& policies, const FactsCatalogue& facts);

// The policies one calculation assesses: the chosen municipality's pack (the
// loaded one, else `id`, else kDefaultPolicy) first, then every "protocol"
// pack in the order of `all`.
std::vector<Policy> select_policies(const std::vector<Policy>& all, const std::string& id, const Policy* pack);

// The same without copying the policies at every call (a tenth of an
// interview answer's work, docs/perf.md "Interview"): the selection of each
// built-in municipality's pack is made once, when the rulebook is
// (Rulebook::selections, make_policy_selections), and shared; only a loaded
// pack (`pack`) gets a selection of its own. The policies live as long as the
// returned pointer, so the assessments that point into them stay valid.
using PolicySelection = std::shared_ptr<const std::vector<Policy>>;
struct PolicySelections {
    std::map<std::string, PolicySelection> by_id;  // per "gemeente" pack: select_policies(all, id, nullptr)
};
std::shared_ptr<const PolicySelections> make_policy_selections(const std::vector<Policy>& all);
PolicySelection select_policies(const PolicySelections& made, const std::vector<Policy>& all, const std::string& id,
                                const Policy* pack);

// The built-in packs to choose from: [{id, title, label, kind, default}].
nlohmann::json policy_choices(const std::vector<Policy>& policies);

// `ivp validate FILE` and the page's "laad een beleidsbestand": parses
// `text` as user JSON (limits of json_input.h) and validates it as a pack.
// Returns {"ok":true, id, title, label, kind, criteria, provisions, untried[]};
// throws InputError (where = JSON Pointer in the file) on any fault.
nlohmann::json validate_policy_pack_text(std::string_view text);

}  // namespace ivp
