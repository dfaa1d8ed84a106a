// libFuzzer target: the JsonLogic evaluator (src/ivp/eligibility/jsonlogic.h), built only
// when that header exists (tests/fuzz/CMakeLists.txt).
//
// Entry: ivp::jsonlogic::apply(rule, data), compared through canonical().
// Input: JSON text, either [rule, data] or a bare rule (then data = {}).
// Rules come from policy files, so a bad rule may be refused with an
// InputError, DataError or jsonlogic::Error (what json-logic-js throws);
// anything else (another exception, a crash, a
// stack overflow on deep rules, a sanitizer report) is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "ivp/base/json_input.h"
#include "ivp/eligibility/jsonlogic.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(bytes), size);
    nlohmann::json input;
    try {
        input = ivp::parse_user_json(text);
    } catch (const ivp::InputError&) {
        return 0;
    }
    const bool pair = input.is_array() && input.size() == 2;
    const nlohmann::json rule = pair ? input[0] : input;
    const nlohmann::json data = pair ? input[1] : nlohmann::json::object();
    try {
        // canonical(): NaN, ±Infinity and undefined compare as values.
        const auto once = ivp::jsonlogic::canonical(ivp::jsonlogic::apply(rule, data));
        if (ivp::jsonlogic::canonical(ivp::jsonlogic::apply(rule, data)) != once) ivp_fuzz::finding("not deterministic", rule.dump());
        (void)once.dump();
    } catch (const ivp::jsonlogic::Error& e) {
        // What json-logic-js throws too (an unknown operator, reduce of an
        // empty array): a refusal the caller handles, not a finding.
        ivp_fuzz::check_serializable(e.what(), "");
    } catch (const ivp::InputError& e) {
        ivp_fuzz::check_serializable(e.what(), e.where());
    } catch (const ivp::DataError& e) {
        ivp_fuzz::check_serializable(e.what(), "");
    } catch (const std::exception& e) {
        ivp_fuzz::finding("jsonlogic: unexpected exception", e.what());
    }
    return 0;
}
