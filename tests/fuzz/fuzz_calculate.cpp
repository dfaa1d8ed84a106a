// libFuzzer target: the public entry of the core, ivp::calculate_text, on
// arbitrary bytes. It covers the JSON reader, the scenario parser, the facts
// check, the budget, the calendar and whatever calculate() grows into (for
// example eligibility and costs), so new core code is fuzzed without a new
// target. Invariants checked on every accepted input:
//   - the result serializes (dump) and is deterministic;
//   - json_text, the direct writer of the result's text (base/json_object.h),
//     gives exactly what dump() gives;
//   - every budget range has min <= max;
//   - the explanation of the same scenario (the result's draft written with
//     its provisions by id, result_draft.h) is written and parses;
// and on every refused input: InputError with a JSON Pointer `where` and a
// serializable message.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "ivp/result/calculate.h"
#include "ivp/result/explain.h"
#include "ivp/base/date.h"
#include "ivp/base/json_object.h"

namespace {

void check_range(const nlohmann::json& r, const char* what) {
    if (!r.is_object() || !r.contains("min") || !r.contains("max")) ivp_fuzz::finding("range missing", what);
    if (r["min"].get<std::int64_t>() > r["max"].get<std::int64_t>()) ivp_fuzz::finding("range min > max", r.dump());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // A fixed "today": the melding default. Fuzzed dates come through "melding".
    const auto today = *ivp::parse_iso_date("2026-11-23");
    try {
        const auto result = ivp::calculate_text(text, today);
        const std::string once = result.dump();
        if (ivp::calculate_text(text, today).dump() != once) ivp_fuzz::finding("not deterministic", once);
        if (ivp::json_text(result) != once) ivp_fuzz::finding("json_text differs from dump()", once);
        const auto& b = result.at("budget");
        for (const char* law : {"wmo", "zvw"})
            for (const char* kind : {"client_bound", "reusable", "total"}) check_range(b.at(law).at(kind), law);
        check_range(b.at("total"), "total");
        if (!ivp::explain_text(text, today).at("provisions").is_object())
            ivp_fuzz::finding("explanation without provisions by id", once);
    } catch (const ivp::InputError& e) {
        ivp_fuzz::check_where(e.where());
        ivp_fuzz::check_serializable(e.what(), e.where());
    } catch (const std::exception& e) {
        // DataError or anything else: bad user input must never reach these.
        ivp_fuzz::finding("unexpected exception", e.what());
    }
    return 0;
}
