#pragma once
// Shared by the fuzz targets: what counts as a finding. An InputError (bad
// user input) or DataError (bad policy file) is the expected way to refuse;
// any other exception, a crash, a sanitizer report or a broken invariant is a
// bug, and __builtin_trap() makes libFuzzer save the input.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "ivp/base/error.h"

namespace ivp_fuzz {

[[noreturn]] inline void finding(const char* what, const std::string& detail) {
    std::fprintf(stderr, "FUZZ FINDING: %s: %s\n", what, detail.c_str());
    __builtin_trap();
}

// Where must be a JSON Pointer ("" or "/a/b"), because the page parses it to
// mark the field; a malformed one would point the user nowhere.
inline void check_where(const std::string& where) {
    try {
        (void)nlohmann::json::json_pointer(where);
    } catch (const std::exception& e) {
        finding("where is not a JSON Pointer", where);
    }
}

// The WASM binding and the CLI turn every message into JSON text; a message
// that cannot be serialized (invalid UTF-8) would crash them instead.
inline void check_serializable(const std::string& message, const std::string& where) {
    try {
        (void)nlohmann::json{{"error", {{"message", message}, {"where", where}}}}.dump();
    } catch (const std::exception& e) {
        finding("error message cannot be serialized", e.what());
    }
}

}  // namespace ivp_fuzz
