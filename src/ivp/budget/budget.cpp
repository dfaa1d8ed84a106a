#include "ivp/budget/budget.h"

#include <algorithm>
#include <array>
#include <limits>

#include "ivp/base/error.h"

namespace ivp {

namespace {

// The seven figures of a budget as linear functions of a plan: the four cells
// (law × kind), the two law totals and the grand total.
constexpr std::size_t kFigures = 7;
using Figures = std::array<std::int64_t, kFigures>;

std::size_t cell(Law law, Kind kind) {
    return (law == Law::wmo ? 0 : 2) + (kind == Kind::client_bound ? 0 : 1);  // [0, 3]
}

void add(Figures& f, Law law, Kind kind, std::int64_t amount) {
    f[cell(law, kind)] += amount;
    f[4 + (law == Law::wmo ? 0 : 1)] += amount;
    f[6] += amount;
}

// Groups of selected conditional provisions that constraints link together.
// Groups are independent, so the minimum (maximum) of each figure over all
// plans is the sum over groups of that group's minimum (maximum).
std::vector<std::vector<std::size_t>> linked_groups(const Catalogue& catalogue, const std::vector<bool>& counted) {
    const std::size_t n = catalogue.provisions.size();
    std::vector<std::size_t> parent(n);
    for (std::size_t i = 0; i < n; ++i) parent[i] = i;
    const auto root = [&parent](std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    };
    for (const auto& c : catalogue.constraints)
        for (std::size_t m : c.members) parent[root(m)] = root(c.members.front());
    std::vector<std::vector<std::size_t>> by_root(n);
    for (std::size_t i = 0; i < n; ++i)
        if (counted[i] && catalogue.provisions[i].need == Need::conditional)
            by_root[root(i)].push_back(i);
    std::vector<std::vector<std::size_t>> groups;
    for (auto& g : by_root)
        if (!g.empty()) groups.push_back(std::move(g));
    return groups;
}

// Whether choosing `chosen` (a bit per member of `group`) satisfies every
// constraint. `group` holds only selected provisions, so a constraint counts
// only its selected members: when the user deselected every member of an
// at_least_one group, it asks nothing.
bool satisfies(const Catalogue& catalogue, const std::vector<std::size_t>& group,
               std::uint32_t chosen) {
    for (const auto& c : catalogue.constraints) {
        // All members of a constraint share a group; skip the other groups'.
        const bool ours = std::any_of(c.members.begin(), c.members.end(), [&group](std::size_t m) {
            return std::find(group.begin(), group.end(), m) != group.end();
        });
        if (!ours) continue;
        int in_plan = 0;
        for (std::size_t j = 0; j < group.size(); ++j)
            if ((chosen & (1u << j)) && std::find(c.members.begin(), c.members.end(), group[j]) != c.members.end())
                ++in_plan;
        if (c.type == ConstraintType::at_most_one && in_plan > 1) return false;
        if (c.type == ConstraintType::at_least_one && in_plan < 1) return false;
    }
    return true;
}

// The core provisions count in every plan: the same in the minimum and the maximum.
void add_core(Figures& lo, Figures& hi, const Catalogue& catalogue, const Scenario& scenario,
              const std::vector<bool>& counted) {
    for (std::size_t i = 0; i < catalogue.provisions.size(); ++i) {
        const auto& p = catalogue.provisions[i];
        if (!counted[i] || p.need != Need::core) continue;
        add(lo, p.law, p.kind, scenario.amount(catalogue, i));
        add(hi, p.law, p.kind, scenario.amount(catalogue, i));
    }
}

// The figures of one plan of `group`: the members chosen (a bit each).
Figures plan_figures(const Catalogue& catalogue, const Scenario& scenario, const std::vector<std::size_t>& group,
                     std::uint32_t chosen) {
    Figures plan{};
    for (std::size_t j = 0; j < group.size(); ++j) {
        if (!(chosen & (1u << j))) continue;
        const auto& p = catalogue.provisions[group[j]];
        add(plan, p.law, p.kind, scenario.amount(catalogue, group[j]));
    }
    return plan;
}

// Adds the minimum and maximum of each figure over the plans of `group` that
// satisfy the constraints.
void add_group(Figures& lo, Figures& hi, const Catalogue& catalogue, const Scenario& scenario,
               const std::vector<std::size_t>& group) {
    // parse_catalogue bounds a group at kMaxLinkedConditionals members.
    static_assert(kMaxLinkedConditionals <= 16, "2^16 subsets per group at most");
    Figures group_lo, group_hi;
    group_lo.fill(std::numeric_limits<std::int64_t>::max());
    group_hi.fill(std::numeric_limits<std::int64_t>::min());
    const std::uint32_t subsets = 1u << group.size();
    for (std::uint32_t chosen = 0; chosen < subsets; ++chosen) {
        if (!satisfies(catalogue, group, chosen)) continue;
        const Figures plan = plan_figures(catalogue, scenario, group, chosen);
        for (std::size_t f = 0; f < kFigures; ++f) {
            group_lo[f] = std::min(group_lo[f], plan[f]);
            group_hi[f] = std::max(group_hi[f], plan[f]);
        }
    }
    // Data whose constraints no plan can meet is a bug in data/, not a
    // budget of zero.
    if (group_lo[6] == std::numeric_limits<std::int64_t>::max())
        throw DataError("data/als-ivp-catalogue.json", "/constraints",
                        "geen enkel plan voldoet aan de constraints van " + catalogue.provisions[group[0]].id);
    for (std::size_t f = 0; f < kFigures; ++f) {
        lo[f] += group_lo[f];
        hi[f] += group_hi[f];
    }
}

}  // namespace

Budget compute_budget(const Catalogue& catalogue, const Scenario& scenario) {
    return compute_budget(catalogue, scenario, scenario.selected);
}

Budget compute_budget(const Catalogue& catalogue, const Scenario& scenario, const std::vector<bool>& counted) {
    Figures lo{}, hi{};
    add_core(lo, hi, catalogue, scenario, counted);
    for (const auto& group : linked_groups(catalogue, counted)) add_group(lo, hi, catalogue, scenario, group);
    Budget b;
    b.wmo = {{lo[0], hi[0]}, {lo[1], hi[1]}, {lo[4], hi[4]}};
    b.zvw = {{lo[2], hi[2]}, {lo[3], hi[3]}, {lo[5], hi[5]}};
    b.total = {lo[6], hi[6]};
    return b;
}

}  // namespace ivp
