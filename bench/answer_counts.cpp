// Instructions per interview answer, one call at a time (docs/perf.md,
// "Interview", fourth round): the answers of bench/interview_bench.cpp's
// interviews (same seed and profiles), each page call
// situation_since_json_text() counted alone with callgrind's client requests.
// Not part of the CMake build (it needs valgrind's headers); against a built
// build/native:
//   g++ -O2 -g -DNDEBUG -std=c++20 -Isrc -Ibuild/native/third_party/include \
//     bench/answer_counts.cpp build/native/libivp_core.a -o /tmp/answer_counts
//   valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/cg/cg.out /tmp/answer_counts
//   for f in /tmp/cg/cg.out.*; do echo "$(grep -m1 '^desc: Trigger' $f | sed 's/.*: //') $(grep -m1 '^totals:' $f | cut -d' ' -f2)"; done | sort
// Each dump is named <index>-<fact answered>-<bytes of the answer>.
// `/tmp/answer_counts 8 dump` instead prints calculate() and situation() of
// every scenario of the interviews, to compare two builds byte for byte.
#include <valgrind/callgrind.h>
#include <random>
#include <string>
#include <vector>
#include <cstdio>
#include "ivp/api/boundary.h"
#include "ivp/api/situation.h"
#include "ivp/model/scenario.h"
#include "ivp/result/questions.h"
#include "ivp/result/read_scenario.h"
#include "ivp/rulebook/rulebook.h"
#include "ivp/result/calculate.h"
#include <cstring>
const ivp::Date kToday = *ivp::parse_iso_date("2026-11-23");
nlohmann::json complete_profile(std::mt19937_64& r) {
    const auto unit = [&r] { return static_cast<double>(r() >> 11) / 9007199254740992.0; };
    nlohmann::json profile = nlohmann::json::object();
    for (const auto& f : ivp::embedded_rulebook().facts.facts) {
        if (f.type == ivp::FactType::boolean) profile[f.id] = unit() < 0.5;
        else if (f.type == ivp::FactType::integer)
            profile[f.id] = f.min + static_cast<std::int64_t>(unit() * unit() * unit() * static_cast<double>(f.max - f.min + 1));
        else if (f.type == ivp::FactType::choice) profile[f.id] = f.choices[r() % f.choices.size()];
    }
    return profile;
}
int main(int argc, char** argv) {
    const auto& rb = ivp::embedded_rulebook();
    std::vector<std::string> texts, previous, facts;
    std::mt19937_64 r(20261201);
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& p : rb.catalogue.provisions) ids.push_back(p.id);
    int n_int = argc > 1 ? atoi(argv[1]) : 8;
    for (int n = 0; n < n_int; ++n) {
        const auto complete = complete_profile(r);
        nlohmann::json input = {{"schema", 1}, {"melding", "2026-11-23"}, {"provisions", ids},
                                {"overrides", nlohmann::json::object()}, {"profile", nlohmann::json::object()}};
        if (n % 2) input["policy"] = "hattem-2014";
        std::string prev, last = "(start)";
        for (;;) {
            texts.push_back(input.dump()); previous.push_back(prev); facts.push_back(last);
            prev = input.at("profile").dump();
            const auto s = ivp::parse_scenario(input, rb.catalogue, kToday);
            const auto q = ivp::questions_json(s, rb);
            if (q.empty()) break;
            const auto fact = q.at(0).at("fact").get<std::string>();
            input["profile"][fact] = complete.at(fact);
            last = fact;
        }
    }
    std::string out;
    if (argc > 2 && !std::strcmp(argv[2], "dump")) {
        // every scenario of the interviews: the whole result and the explanation-independent situation
        for (std::size_t k = 0; k < texts.size(); ++k) {
            std::printf("%s\n", ivp::calculate_text(texts[k], kToday).dump().c_str());
            std::printf("%s\n", ivp::situation_json_text(texts[k], "2026-11-23").c_str());
        }
        return 0;
    }
    for (std::size_t k = 1; k < texts.size(); ++k) {
        if (previous[k].empty()) continue;  // the start of an interview: no answer
        CALLGRIND_ZERO_STATS;
        CALLGRIND_START_INSTRUMENTATION;
        out = ivp::situation_since_json_text(texts[k], previous[k], "2026-11-23");
        CALLGRIND_STOP_INSTRUMENTATION;
        char label[200];
        snprintf(label, sizeof label, "%03zu-%s-%zu", k, facts[k].c_str(), out.size());
        CALLGRIND_DUMP_STATS_AT(label);
    }
    std::printf("%zu answers\n", texts.size());
}
