#include "ivp/api/boundary.h"

#include <nlohmann/json.hpp>
#include <type_traits>

#include "ivp/result/calculate.h"
#include "ivp/base/date.h"
#include "ivp/base/error.h"
#include "ivp/result/explain.h"
#include "ivp/base/json_input.h"
#include "ivp/base/json_object.h"
#include "ivp/model/catalogue.h"

namespace ivp {

namespace {

// Text in, text out, errors as data: `compute(date)` gives the JSON to dump.
template <typename Compute>
std::string guarded(std::string_view today, Compute compute) {
    try {
        const auto date = parse_iso_date(today);
        if (!date)
            return error_json_text("De datum van vandaag (" + quote_for_message(today) + ") is ongeldig.", "");
        if constexpr (std::is_same_v<decltype(compute(*date)), ResultDraft>)
            return draft_text(compute(*date));  // written straight as text (result_draft.h)
        else
            return json_text(compute(*date));
    } catch (const InputError& e) {
        return error_json_text(e.what(), e.where());
    } catch (const std::exception& e) {
        // A bug of ours (DataError, or worse): still data, never an abort.
        return error_json_text(std::string("Onverwachte fout: ") + e.what(), "");
    }
}

}  // namespace

std::string calculate_json_text(std::string_view scenario_json, std::string_view today) {
    return guarded(today, [&](Date d) { return calculate_text_draft(scenario_json, d); });
}

std::string calculate_lean_json_text(std::string_view scenario_json, std::string_view today) {
    return guarded(today, [&](Date d) { return calculate_text(scenario_json, d, Detail::lean); });
}

std::string explain_json_text(std::string_view scenario_json, std::string_view today) {
    return guarded(today, [&](Date d) { return explain_text_draft(scenario_json, d); });
}

std::string catalogue_json_text() { return catalogue_json_text(embedded_catalogue()); }

}  // namespace ivp
