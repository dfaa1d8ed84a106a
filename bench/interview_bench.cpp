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

namespace {

const ivp::Date kToday = *ivp::parse_iso_date("2026-11-23");

nlohmann::json complete_profile(std::mt19937_64& r) {
    const auto unit = [&r] { return static_cast<double>(r() >> 11) / 9007199254740992.0; };
    nlohmann::json profile = nlohmann::json::object();
    for (const auto& f : ivp::embedded_rulebook().facts.facts) {
        if (f.type == ivp::FactType::boolean) profile[f.id] = unit() < 0.5;
        else if (f.type == ivp::FactType::integer)
            profile[f.id] =
                f.min + static_cast<std::int64_t>(unit() * unit() * unit() * static_cast<double>(f.max - f.min + 1));
        else if (f.type == ivp::FactType::choice) profile[f.id] = f.choices[r() % f.choices.size()];
    }
    return profile;
}

struct Interviews {
    std::vector<std::string> texts;
    // Per text: the profile before its last answer, as the page sends it to
    // situationSince; "" for the empty profile of a start (no answer yet).
    std::vector<std::string> previous;
};

// The scenario texts of `interviews` whole interviews, one per answer given
// (the profile after that answer), plus the empty profile of each start.
const Interviews& interviews() {
    static const Interviews all = [] {
        const auto& rb = ivp::embedded_rulebook();
        Interviews out;
        std::mt19937_64 r(20261201);
        nlohmann::json ids = nlohmann::json::array();
        for (const auto& p : rb.catalogue.provisions) ids.push_back(p.id);
        for (int n = 0; n < 8; ++n) {
            const auto complete = complete_profile(r);
            nlohmann::json input = {{"schema", 1}, {"melding", "2026-11-23"}, {"provisions", ids},
                                    {"overrides", nlohmann::json::object()}, {"profile", nlohmann::json::object()}};
            if (n % 2) input["policy"] = "hattem-2014";
            std::string previous;
            for (;;) {
                out.texts.push_back(input.dump());
                out.previous.push_back(previous);
                previous = input.at("profile").dump();
                const auto s = ivp::parse_scenario(input, rb.catalogue, kToday);
                const auto q = ivp::questions_json(s, rb);
                if (q.empty()) break;
                const auto fact = q.at(0).at("fact").get<std::string>();
                input["profile"][fact] = complete.at(fact);
            }
        }
        return out;
    }();
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
//   valgrind --tool=callgrind --toggle-collect='*InterviewPass*' build/native/bench/ivp_bench \
//     --benchmark_filter=InterviewPass
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
