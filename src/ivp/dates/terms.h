#pragma once
// The terms behind the delivery timelines (data/terms.json, docs/dates.md):
// the ALS protocol's procedure norms, the Wmo 2015 statutory terms, the
// municipality's own terms (example: Hattem 2014) and the Awb 4:17 dwangsom
// as dated amounts. Every term carries the source it was read from.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ivp/model/catalogue.h"
#include "ivp/base/date.h"

namespace ivp {

enum class TermUnit { werkdagen, dagen, weken };

// "N werkdagen / dagen / weken after <from>", with the text it implements.
struct Term {
    int amount = 0;
    TermUnit unit = TermUnit::werkdagen;
    std::string label;   // Dutch, B1
    std::string cite;    // short reference shown beside each date ("Wmo 2015 art. 2.3.5 lid 2")
    std::string source;  // seed + line + quoted text, or statute + where it was read
};

// Which procedure norms of the ALS protocol apply to a provision.
enum class ProcedureCategory { hulpmiddel, woonvoorziening, vervoer, zvw };

struct DwangsomTier {
    int days = 0;
    std::int64_t eurocents_per_day = 0;
};

// Amounts of Awb 4:17 lid 2, valid for an ingebrekestelling received in
// [valid_from, valid_until). `tiers` is empty when the amounts of that
// period are not known to us (then no amount is ever shown for it).
struct DwangsomAmounts {
    Date valid_from;
    std::optional<Date> valid_until;
    std::vector<DwangsomTier> tiers;
    std::string source;
};

struct Terms {
    // ALS protocol
    std::string sla_label_revalidatie, sla_label_financier_wmo, sla_label_financier_zvw, sla_label_leverancier;
    std::string sla_cite, sla_source;
    Term melding_doorgegeven, passing_gepland, levering_zonder_levertijd, levering_met_levertijd;
    Term woning_enkelvoudig, woning_meervoudig;
    std::vector<ProcedureCategory> category;  // per catalogue provision (same index)
    // Wmo 2015
    Term persoonlijk_plan, onderzoek, beschikking;
    std::string aanvraag_mogelijk_label, aanvraag_mogelijk_cite, aanvraag_mogelijk_source;
    // Municipality
    std::string gemeente_id, gemeente_title, gemeente_caveat;
    Term gemeente_beslistermijn, gemeente_verdaging;
    // Awb 4:17
    int dwangsom_max_dagen = 0;
    int dwangsom_wachttijd_dagen = 0;
    std::string dwangsom_source;
    std::vector<DwangsomAmounts> dwangsom_amounts;  // sorted, contiguous

    // The amounts that hold for an ingebrekestelling received on `date`
    // (nullptr before the first period).
    const DwangsomAmounts* dwangsom_for(Date received) const;
};

// Parses and validates data/terms.json against `catalogue`: every provision
// needs a category, every term a positive amount and a source, the dwangsom
// periods must follow each other without gap or overlap. Throws DataError.
Terms parse_terms(const std::string& json_text, const Catalogue& catalogue);

const Terms& embedded_terms();

std::string_view to_string(TermUnit unit);
std::string_view to_string(ProcedureCategory category);

}  // namespace ivp
