#pragma once
// What the IVP costs the client and how it is paid (issue #7, docs/costs.md).
//
//  * The eigen bijdrage (Wmo 2015 art. 2.1.4; abonnementstarief) as dated
//    parameters from data/eigen-bijdrage.json: one tariff period per date,
//    periods contiguous over the calendar's whole range, each with a source.
//  * The forms of financing (natura, pgb, financiële tegemoetkoming) per
//    provision from data/financing.json, under the ALS protocol and under the
//    Hattem verstrekkingenboek side by side.
//
// Money is integer eurocents with a unit; the one conversion (4-weekly to
// monthly, 2019) rounds explicitly (monthly_eurocents()).
#include <array>
#include <cstdint>
#include <string_view>
#include <nlohmann/json.hpp>

#include "ivp/base/source_table.h"
#include <optional>
#include <string>
#include <vector>

#include "ivp/model/catalogue.h"
#include "ivp/base/date.h"
#include "ivp/model/scenario.h"

namespace ivp {

enum class Regime {
    inkomensafhankelijk,  // before 2019: income-dependent, computed by the CAK; not modelled
    abonnementstarief,    // a fixed amount per household per period
    onbekend,             // no tariff published (yet) for these dates
};

struct TariffPeriod {
    Date valid_from;
    Date valid_until;  // inclusive
    Regime regime = Regime::onbekend;
    std::int64_t amount_eurocents = 0;  // per `period`; abonnementstarief only
    std::string period;                 // "maand" or "4 weken"
    int periods_per_year = 0;           // 12 or 13
    std::string text;
    nlohmann::json source;

    bool contains(Date d) const { return d >= valid_from && d <= valid_until; }
};

// A rule that holds from a date onwards, with its text and source.
struct DatedRule {
    Date valid_from;
    std::string text;
    nlohmann::json source;
};

struct Exemption {
    std::string id;
    Date valid_from;
    std::vector<std::size_t> provisions;  // rolstoel: the exempt provisions (catalogue indices)
    std::string text;
    nlohmann::json source;
};

struct EigenBijdrageRules {
    Date first;  // the range the periods cover, equal to the calendar's
    Date last;
    std::vector<TariffPeriod> periods;  // sorted, contiguous, no overlap
    DatedRule once_per_household;
    DatedRule cost_price_cap;
    nlohmann::json payment_start;  // {text, source}
    int ivp_years_min = 2;
    int ivp_years_max = 5;
    nlohmann::json ivp_years;  // {min, max, text, source}
    std::vector<Exemption> exemptions;
    std::vector<bool> woningaanpassing;  // per catalogue provision
    nlohmann::json woningaanpassingen;   // {provisions, text, source}
    nlohmann::json not_modelled;         // [{id, text, source}]
    nlohmann::json proposal_2027;
    SourceTable sources{"eigen-bijdrage"};  // every source of the file; the result refers to them by id

    // The period holding `d`; nullptr outside [first, last].
    const TariffPeriod* period_on(Date d) const;
    // The last period with a published tariff that starts on or before `d`.
    const TariffPeriod* last_known_on_or_before(Date d) const;
    const Exemption* exemption(const std::string& id) const;
};

// Parses and validates data/eigen-bijdrage.json against the catalogue (ids)
// and the supported range [first_year-01-01, last_year-12-31]: periods must be
// in order with no gap and no overlap. Throws DataError naming the JSON path.
EigenBijdrageRules parse_eigen_bijdrage(const nlohmann::json& data, const std::string& file,
                                        const Catalogue& catalogue, int first_year, int last_year);
const EigenBijdrageRules& embedded_eigen_bijdrage();

// The tariff of a period as eurocents per month. For a 4-weekly tariff:
// amount × 13 / 12, rounded half up to a whole cent (€ 17,50 → € 18,96).
std::int64_t monthly_eurocents(const TariffPeriod& period);

struct FinancingGroup {
    std::string id;
    std::string label;
    Law law = Law::wmo;
    std::vector<std::size_t> provisions;
    std::vector<std::string> hattem_forms;
    nlohmann::json definition;  // the whole entry (texts and sources)
};

struct FinancingRules {
    nlohmann::json forms;         // [{id, label, explanation, source}]
    nlohmann::json als_protocol;  // texts and sources
    nlohmann::json hattem;        // texts and sources
    std::vector<FinancingGroup> groups;
    std::vector<std::size_t> group_of;  // per catalogue provision: index into groups
    SourceTable sources{"financiering"};  // every source of the file; the result refers to them by id

    const nlohmann::json* form(const std::string& id) const;
};

// Every catalogue provision must be in exactly one group, of its own law.
FinancingRules parse_financing(const nlohmann::json& data, const std::string& file, const Catalogue& catalogue);
const FinancingRules& embedded_financing();

// The top-level `costs` section of the result (docs/costs.md): the eigen
// bijdrage, the 2027 proposal, and (embedded variant) the financing texts
// and sources the provisions refer to by id.
nlohmann::json costs_json(const Scenario& scenario, const Catalogue& catalogue, const EigenBijdrageRules& rules);
nlohmann::json costs_json(const Scenario& scenario, const Catalogue& catalogue, const EigenBijdrageRules& rules,
                          const FinancingRules& financing);
nlohmann::json costs_json(const Scenario& scenario, const Catalogue& catalogue);
nlohmann::json financing_rules_json(const FinancingRules& financing);

// Why a provision counts for the eigen bijdrage or not: reason id -> text
// (the rulebook's `eigen_bijdrage_reasons`). The result names the reason by
// id, `reason_id`, in provisions[].financing.eigen_bijdrage and in
// costs.eigen_bijdrage.{depends, exempt, not_applicable}[]; the merge with the
// rulebook writes it as `reason`, the text.
nlohmann::json charge_reason_texts(const EigenBijdrageRules& rules);

// The parts of `costs` that no scenario changes (the rulebook's `costs`;
// docs/result.md): `eigen_bijdrage.{not_modelled, once_per_household}`;
// `with_amounts.{ivp_years, payment_start, cost_price_cap: {valid_from,
// text, source}}`, which belong in `costs.eigen_bijdrage` when the amounts
// are computed (the result then has `cost_price_cap.applies`); and
// `proposal_2027`. The merge puts them in `costs`.
nlohmann::json eigen_bijdrage_texts_json(const EigenBijdrageRules& rules);

// The parts of costs.eigen_bijdrage that depend on the amounts of the
// provisions, through the cost-price cap: {"total", "per_year"}, equal to
// those keys of costs_json(). The lean result carries only these
// (ivp/detail.h).
nlohmann::json eigen_bijdrage_amounts_json(const Scenario& scenario, const Catalogue& catalogue,
                                           const EigenBijdrageRules& rules);

// Who pays the eigen bijdrage: {"status", "applies_to", "depends", "exempt",
// "exemptions_applied", "open_questions"}, equal to those keys of
// costs_json()'s eigen_bijdrage, without the tariffs, the projection and
// the texts: what the interview's probing compares for each candidate answer
// (src/ivp/result/questions.cpp).
nlohmann::json eigen_bijdrage_who_pays_json(const Scenario& scenario, const Catalogue& catalogue,
                                            const EigenBijdrageRules& rules);

// The same decision without building JSON, for the interview's probing,
// which tries every candidate answer (src/ivp/result/questions.cpp): two
// profiles have the same `key` exactly when eigen_bijdrage_who_pays_json()
// gives them the same keys other than "open_questions"
// (tests/unit/costs_test.cpp holds the two together); `open_facts` is that
// "open_questions".
struct EigenBijdrageWhoPays {
    std::string key;
    std::vector<std::string> open_facts;
};
EigenBijdrageWhoPays eigen_bijdrage_who_pays(const Scenario& scenario, const Catalogue& catalogue,
                                             const EigenBijdrageRules& rules);

// eigen_bijdrage_who_pays(scenario with profile[fact] = value).key, for the
// many single answers the interview's probing tries on one scenario
// (src/ivp/result/questions.cpp). The key reads the profile only through
// whether the client is under 18 and whether the household exemption applies,
// so the provisions' charges are counted and the key made once per pair of
// those, not once per answer. The keys live as long as this object (one
// questions_json() call); the scenario is copied, not referred to.
class EigenBijdrageKeys {
public:
    EigenBijdrageKeys(const Scenario& scenario, const Catalogue& catalogue, const EigenBijdrageRules& rules);
    const std::string& key_with(const std::string& fact, const nlohmann::json& value);

private:
    Scenario trial_;
    const Catalogue& catalogue_;
    const EigenBijdrageRules& rules_;
    std::array<std::optional<std::string>, 9> keys_;  // by (under 18, household exempt), each no/yes/unknown
};

// The facts of the profile each part reads, so that the interview's
// after-answer call (src/ivp/api/situation.h) makes and sends a part again
// only when an answer changed one of them, as PolicyProvision::reads does for
// the verdicts. The eigen bijdrage of costs_json() (and of
// eigen_bijdrage_who_pays*(), eigen_bijdrage_amounts_json()): the exemption
// for under-18s and the household exemption; proposal_2027 reads none.
// financing_json(): the prior purchase and the provision's eigen bijdrage.
// tests/unit/costs_test.cpp (CostsReads.*) holds these lists to the code:
// an answer to any other fact leaves the parts byte-identical, and each
// listed fact changes them for some profile.
inline constexpr std::array<std::string_view, 4> kEigenBijdrageReads = {
    "leeftijd", "huishouden", "aow_leeftijd_bereikt", "partner_aow_leeftijd_bereikt"};
inline constexpr std::array<std::string_view, 2> kFinancingReads = {"zelf_aangeschaft", "leeftijd"};

// The `financing` of provision i as the result has it (docs/costs.md): its
// group, the protocol pgb's amount, the answer on a prior purchase and its
// eigen bijdrage; the shared texts are in costs.financing. The rest (label,
// forms, the protocol's preferred forms and pgb minimum, the Hattem block,
// the prior purchase's fact) is its group's, financing_group_json(), which
// the rulebook gives once per group and the merge puts back.
nlohmann::json financing_json(const Scenario& scenario, const Catalogue& catalogue, std::size_t i,
                              const FinancingRules& financing, const EigenBijdrageRules& rules);
nlohmann::json financing_json(const Scenario& scenario, const Catalogue& catalogue, std::size_t i);
nlohmann::json financing_group_json(const FinancingGroup& group, const FinancingRules& financing);
// Group id -> financing_group_json(): the rulebook's `provision_financing`.
nlohmann::json financing_groups_json(const FinancingRules& financing);

// The part of financing_json() that the amount reaches, at the same paths:
// {"als_protocol":{"pgb":{"amount_eur","amount_source"}}} for a Wmo
// provision, {} for a Zvw one. The lean result carries only this.
nlohmann::json financing_amounts_json(const Scenario& scenario, const Catalogue& catalogue, std::size_t i);

}  // namespace ivp
