#include "ivp/model/scenario.h"

namespace ivp {

Scenario default_scenario(const Catalogue& catalogue, Date today) {
    Scenario s;
    s.melding = today;
    s.selected.assign(catalogue.provisions.size(), true);
    s.override_eur.assign(catalogue.provisions.size(), std::nullopt);
    s.actual.assign(catalogue.provisions.size(), {});
    s.peildatum = today;
    s.needed.assign(catalogue.provisions.size(), std::nullopt);
    s.keep_in_budget.assign(catalogue.provisions.size(), false);
    return s;
}

}  // namespace ivp
