// How long the timelines of the full ALS IVP package take (docs/perf.md,
// "Tijdlijnen"): all 34 provisions × three tracks, the Wmo procedure and the
// Awb 4:17 help, for a scenario with real dates entered.
#include <benchmark/benchmark.h>

#include "ivp/result/calculate.h"
#include "ivp/base/calendar.h"
#include "ivp/model/catalogue.h"
#include "ivp/dates/ics.h"
#include "ivp/dates/terms.h"
#include "ivp/dates/timeline.h"
#include "ivp/result/read_scenario.h"
#include "ivp/result/rulebook_json.h"

namespace {

const ivp::Date kToday = *ivp::parse_iso_date("2026-11-23");
const char* const kScenario = R"({"melding":"2026-03-02",
  "dates":{"gesprek":"2026-04-01","aanvraag":"2026-04-10","ingebrekestelling":"2026-05-01"},
  "actual":{"traplift":{"doorgegeven":"2026-03-10","passing":"2026-03-30","levering":"2026-04-14"}},
  "peildatum":"2026-06-01"})";

void BM_AllTimelines(benchmark::State& state) {
    const auto& catalogue = ivp::embedded_catalogue();
    const auto& terms = ivp::embedded_terms();
    const auto& calendar = ivp::embedded_calendar();
    const auto scenario = ivp::parse_scenario(nlohmann::json::parse(kScenario), catalogue, kToday);
    for (auto _ : state) {
        // The typed tracks (their JSON is written with the result, src/ivp/result/result_json.cpp).
        std::vector<ivp::ProvisionTracks> tracks;
        for (std::size_t i = 0; i < catalogue.provisions.size(); ++i)
            tracks.push_back(ivp::provision_tracks(scenario, i, catalogue, terms, calendar));
        auto procedure = ivp::procedure_timeline(scenario, terms, calendar);
        auto late = ivp::late_decision(scenario, terms, calendar);
        benchmark::DoNotOptimize(tracks);
        benchmark::DoNotOptimize(procedure);
        benchmark::DoNotOptimize(late);
    }
}
BENCHMARK(BM_AllTimelines)->Unit(benchmark::kMicrosecond);

void BM_CalculateWithTimelines(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(ivp::calculate_text(kScenario, kToday));
}
BENCHMARK(BM_CalculateWithTimelines)->Unit(benchmark::kMicrosecond);

void BM_Ics(benchmark::State& state) {
    // As the WASM core makes it: the result as written, the texts from the tables.
    const auto result = ivp::calculate_text(kScenario, kToday);
    const auto& tables = ivp::embedded_rulebook_tables();
    for (auto _ : state) benchmark::DoNotOptimize(ivp::ics_calendar(result, tables));
}
BENCHMARK(BM_Ics)->Unit(benchmark::kMicrosecond);

}  // namespace

// BENCHMARK_MAIN is in ivp_bench.cpp: the files of bench/ make one ivp_bench.
