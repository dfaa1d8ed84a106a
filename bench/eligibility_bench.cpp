// How long eligibility takes: the whole default scenario (34 voorzieningen,
// both policies, open questions probed) and one assessment with and without
// unanswered facts. Run: build/native/ivp_bench
#include <benchmark/benchmark.h>

#include "ivp/result/calculate.h"
#include "ivp/eligibility/policy.h"

namespace {

const ivp::Date kToday = *ivp::parse_iso_date("2026-11-23");

void CalculateDefaultScenario(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(ivp::calculate_default(kToday));
}
BENCHMARK(CalculateDefaultScenario)->Unit(benchmark::kMillisecond);

void AssessTrapliftHattem(benchmark::State& state, nlohmann::json profile) {
    const auto& policy = ivp::embedded_policies().front();
    const auto& catalogue = ivp::embedded_catalogue();
    const auto& provision = catalogue.provisions[*catalogue.find("traplift")];
    for (auto _ : state)
        benchmark::DoNotOptimize(ivp::assess(policy, &provision, "traplift", profile, ivp::embedded_facts()));
}
BENCHMARK_CAPTURE(AssessTrapliftHattem, nothing_answered, nlohmann::json::object())->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(AssessTrapliftHattem, all_answered,
                  nlohmann::json{{"hoofdverblijf_gemeente", true}, {"langdurig_nodig", true},
                                 {"zelf_aangeschaft", false}, {"eerder_verstrekt_niet_afgeschreven", false},
                                 {"andere_regeling_mogelijk", false}, {"woning_heeft_trap", true},
                                 {"traplopen_probleem", true}, {"trapleuning_volstaat", false},
                                 {"veilig_overstappen_traplift", true}, {"volledig_rolstoelgebonden", false},
                                 {"kosten_aanpassen_woning", 4000}})
    ->Unit(benchmark::kMicrosecond);

}  // namespace

// BENCHMARK_MAIN is in ivp_bench.cpp: the files of bench/ make one ivp_bench.
