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
#include "interviews.h"
const ivp::Date kToday = ivp_bench::kInterviewToday;
int main(int argc, char** argv) {
    const int count = argc > 1 ? atoi(argv[1]) : 8;
    const auto interviews = ivp_bench::make_interviews(count);
    const auto& texts = interviews.texts;
    const auto& previous = interviews.previous;
    const auto& facts = interviews.answered;
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
