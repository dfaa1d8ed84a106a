#pragma once
// Everything calculate() reads besides the scenario: the IVP catalogue and
// the data validated against it. They travel together because the data refer
// to the catalogue's provisions by index once validated (financing groups,
// exemptions, per-provision terms): financing rules checked against one
// catalogue and used with another would index out of range. The embedded
// rulebook is the one the CLI and the page use; a CustomRulebook lets a
// benchmark scale the data to 10× the provisions and a fuzz target try a
// fuzzed catalogue, each file validated against that catalogue as at
// start-up.
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ivp/base/calendar.h"
#include "ivp/model/catalogue.h"
#include "ivp/costs/costs.h"
#include "ivp/model/facts.h"
#include "ivp/eligibility/policy.h"
#include "ivp/eligibility/policy_pack.h"
#include "ivp/dates/terms.h"

namespace ivp {

struct Rulebook {
    const Catalogue& catalogue;
    const Calendar& calendar;
    const FactsCatalogue& facts;
    const std::vector<Policy>& policies;  // the default policy first
    const Terms& terms;
    const FinancingRules& financing;
    const EigenBijdrageRules& eigen_bijdrage;
    // Names these tables: "<catalogue id>@<digest of the data>". A result
    // carries it (`rulebook`), and so do the rulebook's tables
    // (src/ivp/result/rulebook_json.h), so that a result is never read with
    // the tables of another build's data.
    std::string id;
    // The policies a calculation assesses, per built-in municipality's pack,
    // made once (select_policies in ivp/eligibility/policy_pack.h).
    std::shared_ptr<const PolicySelections> selections = make_policy_selections(policies);
};

// The policies a calculation with this municipality's pack (`id`, or a
// loaded `pack`) assesses: select_policies() without copying them.
inline PolicySelection select_policies(const Rulebook& rulebook, const std::string& id, const Policy* pack) {
    return select_policies(*rulebook.selections, rulebook.policies, id, pack);
}

const Rulebook& embedded_rulebook();

// The embedded data files (catalogue, financing, eigen bijdrage, terms,
// policies) as JSON, each passed through `edit(path, data)` first, then
// parsed and validated against the edited catalogue. The calendar and the
// facts do not refer to the catalogue and stay the embedded ones. Throws
// DataError like the embedded data would.
class CustomRulebook {
public:
    using Edit = std::function<void(std::string_view path, nlohmann::json& data)>;
    explicit CustomRulebook(const Edit& edit);
    CustomRulebook(const CustomRulebook&) = delete;
    CustomRulebook& operator=(const CustomRulebook&) = delete;

    const Rulebook& rulebook() const { return view_; }

private:
    std::uint64_t digest_ = 14695981039346656037ull;  // FNV-1a over the edited files, for the id
    Catalogue catalogue_;
    std::vector<Policy> policies_;
    Terms terms_;
    FinancingRules financing_;
    EigenBijdrageRules eigen_bijdrage_;
    Rulebook view_;
};

}  // namespace ivp
