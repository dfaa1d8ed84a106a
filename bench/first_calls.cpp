// The core calls the page makes at start-up, in the page's order, through the
// entry points wasm/bindings.cpp uses (docs/perf.md, "Start-up"):
//   before the first result: catalogue(), facts(), calculateLean(scenario)
//     (site/js/mount.js ivpContext, scenario.js scenario() and computeResult);
//   with --whole, then the whole result: calculateLean(scenario) again,
//     explain(scenario) and rulebook() (scenario.js compute, mount.js completeStart).
// Each call is one function named page_*, so that an instruction count can be
// limited to them (the program's own start and the scenario built from the
// catalogue, which the page does in JavaScript, are left out):
//   cmake --build --preset native --target first_calls
//   valgrind --tool=callgrind --toggle-collect='page_*' build/native/bench/first_calls [--whole] [TODAY]
// It prints each output's length and FNV-1a digest: two builds must print the same.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ivp/api/boundary.h"
#include "ivp/base/embedded_data.h"
#include "ivp/model/catalogue.h"
#include "ivp/result/calculate.h"
#include "ivp/result/rulebook_json.h"

// wasm/bindings.cpp: catalogue(), facts(), calculateLean(), explain(), rulebook().
[[gnu::noinline]] std::string page_catalogue() { return ivp::catalogue_json_text(); }
[[gnu::noinline]] std::string page_facts() { return std::string(ivp::embedded::data_file("facts.json")); }
[[gnu::noinline]] std::string page_lean(const std::string& scenario, const std::string& today) {
    return ivp::calculate_lean_json_text(scenario, today);
}
[[gnu::noinline]] std::string page_explain(const std::string& scenario, const std::string& today) {
    return ivp::explain_json_text(scenario, today);
}
[[gnu::noinline]] std::string page_rulebook() { return ivp::embedded_rulebook_json_text(); }

namespace {

// The page's first scenario as JSON.stringify writes it (site/js/scenario.js
// scenario(): every provision of the catalogue selected, in its order, no
// overrides, the melding today).
std::string first_scenario(const std::string& catalogue_text, const std::string& today) {
    std::string s = "{\"schema\":1,\"melding\":\"" + today + "\",\"provisions\":[";
    bool first = true;
    for (const auto& p : nlohmann::json::parse(catalogue_text).at("provisions")) {
        s += first ? "\"" : ",\"";
        s += p.at("id").get<std::string>();
        s += "\"";
        first = false;
    }
    return s + "],\"overrides\":{}}";
}

void report(const char* name, const std::string& text) {
    std::uint64_t h = 14695981039346656037ull;
    for (const unsigned char c : text) h = (h ^ c) * 1099511628211ull;
    std::printf("%-13s %8zu bytes  fnv1a %016llx\n", name, text.size(), static_cast<unsigned long long>(h));
}

}  // namespace

int main(int argc, char** argv) {
    bool whole = false;
    std::string today = "2026-12-01";
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--whole") == 0) whole = true;
        else today = argv[i];
    }
    const std::string catalogue = page_catalogue();
    report("catalogue", catalogue);
    report("facts", page_facts());
    const std::string scenario = first_scenario(catalogue, today);
    report("calculateLean", page_lean(scenario, today));
    if (whole) {
        report("calculateLean", page_lean(scenario, today));
        report("explain", page_explain(scenario, today));
        report("rulebook", page_rulebook());
    }
    return 0;
}
