#pragma once
// The keukentafel kit (data/kit.json, docs/kit.md): the preparation
// checklist, what a person with ALS may ask for under the protocol (chosen
// for this plan), the escalation per missed term, and the bezwaar deadline
// after a beschikking (Awb 6:7, 6:8 lid 1, Atw art. 1). The site shows what
// this returns; it decides nothing itself.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ivp/base/calendar.h"
#include "ivp/model/catalogue.h"
#include "ivp/model/scenario.h"
#include "ivp/base/source_table.h"
#include "ivp/dates/terms.h"
#include "ivp/dates/timeline.h"

namespace ivp {

struct KitData {
    nlohmann::json checklist;   // [{id, text, cite, source, points?, date_milestone?}]
    nlohmann::json requests;    // [{id, text, when, cite, source}]
    nlohmann::json steps;       // escalation steps in order
    int wait_werkdagen = 0;     // between escalation steps (an assumption, with reasoning)
    nlohmann::json wait;        // {werkdagen, basis, reasoning}
    int bezwaar_weken = 0;
    nlohmann::json bezwaar;     // {weken, label, cite, source, bekendmaking}
    std::vector<std::string> checklist_ids;
    SourceTable sources{"kit"};  // every source of the file; the result refers to them by id
};

// Parses and validates data/kit.json (every item a source, `when` naming a
// known category or provision). Throws DataError naming the file and path.
KitData parse_kit(const nlohmann::json& data, const std::string& file, const Catalogue& catalogue);
const KitData& embedded_kit();

// Reads the scenario's `checklist` (ticked item ids) and `brief` (name,
// address, municipality for the letters) into `s`; throws InputError.
void read_kit_fields(const nlohmann::json& input, Scenario& s);

// The texts of the checklist's and the requests' items, by id: {checklist:
// {id: {text, cite, source, points?}}, requests: {id: {text, cite, source}}}.
// The same for every scenario: the rulebook's `kit` (src/ivp/result/rulebook_json.h);
// the result's items carry only their id and what the scenario decides.
nlohmann::json kit_texts_json();

// The result's `kit`, from the parts of the result already computed: the
// request's `procedure` (procedure_timeline), each provision's name (the
// result's `provisions[]`) with its ALS track (`als_tracks`, in the same
// order) and the `late` decision (late_decision's JSON).
nlohmann::json kit_json(const Scenario& s, const Catalogue& catalogue, const Terms& terms, const Calendar& calendar,
                        const Procedure& procedure, const nlohmann::json& provisions,
                        const std::vector<const Track*>& als_tracks, const nlohmann::json& late);

// The last day to lodge a bezwaar against a decision made known on
// `bekendmaking`: six weeks from the next day (Awb 6:7, 6:8 lid 1), moved
// past a weekend day or feestdag (Atw art. 1 lid 1).
Date bezwaar_deadline(Date bekendmaking, int weken, const Calendar& calendar);

}  // namespace ivp
