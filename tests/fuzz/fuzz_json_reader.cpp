// libFuzzer target: the core's one JSON reader (parse_data_json, and
// parse_strict_json under parse_user_json) against nlohmann's parser on the
// same bytes. Both take a text or both refuse it; taken, the same value with
// the same number types; refused, the same kind of fault at the same byte
// (the line and character of the Dutch message) and the same path to a key
// found twice. Any difference is a finding. (One difference on purpose: a
// NUL byte ends the text for nlohmann and is refused by ours.)
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "../unit/nlohmann_reference.h"
#include "fuzz_check.h"

namespace {

using nlohmann::json;
using Kind = ivp::JsonReadFailure::Kind;

// Equal values and equal types all the way down (json's == takes 1, 1u and
// 1.0 as equal); floats bit for bit through their text.
bool same(const json& a, const json& b) {
    if (a.type() != b.type()) return false;
    if (a.is_object()) {
        if (a.size() != b.size()) return false;
        for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
            if (i.key() != j.key() || !same(i.value(), j.value())) return false;
        return true;
    }
    if (a.is_array()) {
        if (a.size() != b.size()) return false;
        for (std::size_t k = 0; k < a.size(); ++k)
            if (!same(a[k], b[k])) return false;
        return true;
    }
    if (a.is_number_float()) return a.dump() == b.dump();
    return a == b;
}

bool same_failure(const ivp::JsonReadFailure& ours, const ivp::JsonReadFailure& theirs) {
    if (ours.kind != theirs.kind || ours.pointer != theirs.pointer) return false;
    const bool placed = ours.kind == Kind::syntax || ours.kind == Kind::bad_utf8 || ours.kind == Kind::control_character;
    return !placed || ours.at == theirs.at;
}

void compare(std::string_view text, bool strict) {
    const auto theirs = ivp_test::nlohmann_failure(text, strict);
    json ours;
    ivp::JsonReadFailure failure;
    bool taken = true;
    if (strict) {
        taken = ivp::parse_strict_json(text, ivp::kMaxNestingDepth, ours, failure);
    } else {
        try {
            ours = ivp::parse_data_json(text);
        } catch (const ivp::JsonTextError& e) {
            taken = false;
            failure = e.failure();
        }
    }
    const std::string mode = strict ? "strict: " : "data: ";
    if (taken != !theirs) ivp_fuzz::finding("one reader takes the text, the other refuses it", mode + std::string(text));
    if (taken && !same(ours, json::parse(text))) ivp_fuzz::finding("another value than nlohmann's", mode + std::string(text));
    if (!taken && !same_failure(failure, *theirs))
        ivp_fuzz::finding("another fault or place than nlohmann's", mode + std::to_string(failure.at) + " vs " +
                                                                      std::to_string(theirs->at) + ": " + std::string(text));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // nlohmann's lexer ends the text at a NUL byte; ours refuses the text
    // (and parse_user_json refuses it before reading, with its own message).
    if (text.find('\0') != std::string_view::npos) {
        json out;
        ivp::JsonReadFailure failure;
        if (ivp::parse_strict_json(text, ivp::kMaxNestingDepth, out, failure))
            ivp_fuzz::finding("a text with a NUL byte taken", std::string(text));
        return 0;
    }
    compare(text, /*strict=*/true);
    // The data files' reader has no depth limit (the files are ours): leave
    // out what would only test the stack.
    std::size_t open = 0;
    for (char c : text) open += c == '[' || c == '{';
    if (open <= 512) compare(text, /*strict=*/false);
    return 0;
}
