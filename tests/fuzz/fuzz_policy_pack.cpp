// libFuzzer target: the policy pack loader (docs/policy-pack.md) on arbitrary
// bytes — the same entry the page's "laad een beleidsbestand" and
// `ivp validate FILE` use (validate_policy_pack_text). A pack comes from
// outside, so a bad one must be refused with an InputError that points into
// the file, never crash. A pack that validates must then be usable: a
// scenario that carries it (`policy_pack`) computes, deterministically.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "ivp/result/calculate.h"
#include "ivp/base/date.h"
#include "ivp/base/json_input.h"
#include "ivp/eligibility/policy_pack.h"

namespace {

// A scenario that assesses every provision under the loaded pack.
std::string scenario_with(std::string_view pack_text) {
    const auto pack = ivp::parse_user_json(pack_text);
    return nlohmann::json{{"schema", 1}, {"policy_pack", pack}}.dump();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto today = *ivp::parse_iso_date("2026-11-23");
    nlohmann::json report;
    try {
        report = ivp::validate_policy_pack_text(text);
    } catch (const ivp::InputError& e) {
        ivp_fuzz::check_where(e.where());
        ivp_fuzz::check_serializable(e.what(), e.where());
        return 0;
    } catch (const std::exception& e) {
        ivp_fuzz::finding("validate_policy_pack_text: unexpected exception", e.what());
    }
    if (!report.is_object() || report.value("ok", false) != true) ivp_fuzz::finding("accepted without ok", report.dump());
    try {
        const std::string scenario = scenario_with(text);
        const std::string once = ivp::calculate_text(scenario, today).dump();
        if (ivp::calculate_text(scenario, today).dump() != once) ivp_fuzz::finding("not deterministic", once);
    } catch (const ivp::InputError& e) {
        // Validated alone, a pack may still be refused inside a scenario (the
        // scenario's own limits): that too must be an InputError with a place.
        ivp_fuzz::check_where(e.where());
        ivp_fuzz::check_serializable(e.what(), e.where());
    } catch (const std::exception& e) {
        ivp_fuzz::finding("a validated pack does not compute", e.what());
    }
    return 0;
}
