// The interview's after-answer call, natively (docs/perf.md, "Interview"):
// the scenarios the page sends while a person answers whole interviews. For a
// few generated complete profiles (seeded), questions[0] is answered from an
// empty profile until none is left, as tests/unit/questions_test.cpp does;
// every profile on the way is one scenario text, the way the page sends it
// (all provisions, a melding, half of the interviews under the Hattem pack).
// Each benchmark cycles through all of them, so a figure is the mean over
// the interview's whole course (the first answers, with most still open,
// cost the most).
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "ivp/api/boundary.h"
#include "ivp/api/situation.h"
#include "ivp/model/scenario.h"
#include "ivp/result/questions.h"
#include "ivp/result/read_scenario.h"
#include "ivp/rulebook/rulebook.h"
#include "interviews.h"

namespace {

// The 8 interviews of bench/interviews.h, made once.
const ivp_bench::Interviews& interviews() {
    static const ivp_bench::Interviews all = ivp_bench::make_interviews(8);
    return all;
}

const std::vector<std::string>& interview_texts() { return interviews().texts; }

void run_over_interviews(benchmark::State& state, std::string (*call)(std::string_view, std::string_view)) {
    const auto& texts = interview_texts();
    std::size_t k = 0, bytes = 0;
    for (auto _ : state) {
        auto out = call(texts[k], "2026-11-23");
        bytes += out.size();
        benchmark::DoNotOptimize(out);
        k = (k + 1) % texts.size();
    }
    state.counters["scenarios"] = static_cast<double>(texts.size());
    state.counters["bytes"] = benchmark::Counter(static_cast<double>(bytes), benchmark::Counter::kAvgIterations);
}

// What the page calls after an answer: the parts the profile reaches.
void BM_SituationJsonText_Interview(benchmark::State& state) { run_over_interviews(state, ivp::situation_json_text); }
BENCHMARK(BM_SituationJsonText_Interview)->Unit(benchmark::kMillisecond);

// The same with the profile before the answer (the page's call since this
// was added): only the verdicts a changed fact reaches. The start of each
// interview has no previous profile and gets everything, as situation().
void BM_SituationSinceJsonText_Interview(benchmark::State& state) {
    const auto& all = interviews();
    std::size_t k = 0, bytes = 0;
    for (auto _ : state) {
        auto out = ivp::situation_since_json_text(all.texts[k], all.previous[k], "2026-11-23");
        bytes += out.size();
        benchmark::DoNotOptimize(out);
        k = (k + 1) % all.texts.size();
    }
    state.counters["scenarios"] = static_cast<double>(all.texts.size());
    state.counters["bytes"] = benchmark::Counter(static_cast<double>(bytes), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_SituationSinceJsonText_Interview)->Unit(benchmark::kMillisecond);

// One pass over every answer of the 8 interviews, once (Iterations(1)): for
// callgrind, so that both calls are counted over the same answers
// (docs/perf.md, "Interview"):
//   valgrind --tool=callgrind --toggle-collect='*InterviewPass*' build/native/bench/ivp_bench --benchmark_filter=InterviewPass
void BM_SituationJsonText_InterviewPass(benchmark::State& state) {
    const auto& all = interviews();
    for (auto _ : state)
        for (std::size_t k = 1; k < all.texts.size(); ++k)  // every answer (not the empty profile of the first start)
            benchmark::DoNotOptimize(ivp::situation_json_text(all.texts[k], "2026-11-23"));
}
BENCHMARK(BM_SituationJsonText_InterviewPass)->Iterations(1)->Unit(benchmark::kMillisecond);
void BM_SituationSinceJsonText_InterviewPass(benchmark::State& state) {
    const auto& all = interviews();
    for (auto _ : state)
        for (std::size_t k = 1; k < all.texts.size(); ++k)
            benchmark::DoNotOptimize(ivp::situation_since_json_text(all.texts[k], all.previous[k], "2026-11-23"));
}
BENCHMARK(BM_SituationSinceJsonText_InterviewPass)->Iterations(1)->Unit(benchmark::kMillisecond);

// The whole explanation, for comparison (what the page called before the situation).
void BM_ExplainJsonText_Interview(benchmark::State& state) { run_over_interviews(state, ivp::explain_json_text); }
BENCHMARK(BM_ExplainJsonText_Interview)->Unit(benchmark::kMillisecond);

// The lean result, which the page asks for at every change as well.
void BM_CalculateLeanJsonText_Interview(benchmark::State& state) {
    run_over_interviews(state, ivp::calculate_lean_json_text);
}
BENCHMARK(BM_CalculateLeanJsonText_Interview)->Unit(benchmark::kMillisecond);

}  // namespace
