#pragma once
// The IVP budget: the range of expected obligations per law (Wmo, Zvw) and
// kind (cliëntgebonden, herinzetbaar), computed from the catalogue, not typed
// in. A range's minimum is the cheapest plan that satisfies the constraints
// (core provisions, plus the cheapest way to meet each at_least_one); its
// maximum the dearest (every conditional provision, but at most one of each
// at_most_one group). Each figure is an exact bound on its own: the minimum of
// Wmo cliëntgebonden and of Wmo herinzetbaar may come from different plans.
#include <cstdint>

#include "ivp/model/catalogue.h"
#include "ivp/model/scenario.h"

namespace ivp {

struct Range {
    std::int64_t min = 0;  // euros
    std::int64_t max = 0;
    friend bool operator==(const Range&, const Range&) = default;
};

struct LawBudget {
    Range client_bound;
    Range reusable;
    Range total;
};

struct Budget {
    LawBudget wmo;
    LawBudget zvw;
    Range total;

    const LawBudget& of(Law law) const { return law == Law::wmo ? wmo : zvw; }
};

Budget compute_budget(const Catalogue& catalogue, const Scenario& scenario);
// The same over the provisions of `counted` (per catalogue provision) instead
// of the selection: the personal budget (src/ivp/budget/plan.h, budget_mask).
Budget compute_budget(const Catalogue& catalogue, const Scenario& scenario, const std::vector<bool>& counted);

}  // namespace ivp
