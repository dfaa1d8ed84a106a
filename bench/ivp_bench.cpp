// Benchmarks of the core, natively. What the page pays per keystroke is
// calculate_json_text (text in, text out): the split below shows how much of
// it is the JSON boundary (parse, validate, build the result object, dump)
// and how much the budget itself; the 10x catalogue shows how it scales.
#include <benchmark/benchmark.h>

#include <memory>
#include <set>
#include <string>

#include "ivp/api/boundary.h"
#include "ivp/budget/budget.h"
#include "ivp/result/calculate.h"
#include "ivp/base/calendar.h"
#include "ivp/model/catalogue.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/json_input.h"
#include "ivp/rulebook/rulebook.h"
#include "ivp/model/scenario.h"
#include "ivp/result/read_scenario.h"

namespace {

const ivp::Date kToday = *ivp::parse_iso_date("2026-11-23");

// What the page sends by default (site/js/scenario.js scenario()): every provision
// selected, no overrides, a melding date.
std::string page_scenario(const ivp::Catalogue& catalogue) {
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& p : catalogue.provisions) ids.push_back(p.id);
    return nlohmann::json{{"schema", 1}, {"melding", "2026-11-23"}, {"provisions", ids},
                          {"overrides", nlohmann::json::object()}}
        .dump();
}

// The embedded catalogue `copies` times over: ids and constraint members get
// a suffix per copy, so every copy is independent (34 × 10 = 340 provisions).
nlohmann::json scaled_catalogue_json(int copies) {
    const auto base = nlohmann::json::parse(ivp::embedded::catalogue_json());
    auto data = base;
    data["provisions"] = nlohmann::json::array();
    data["constraints"] = nlohmann::json::array();
    for (int k = 0; k < copies; ++k) {
        const std::string suffix = k == 0 ? "" : "-" + std::to_string(k);
        for (auto p : base["provisions"]) {
            p["id"] = p["id"].get<std::string>() + suffix;
            data["provisions"].push_back(p);
        }
        for (auto c : base["constraints"]) {
            c["id"] = c["id"].get<std::string>() + suffix;
            for (auto& m : c["members"]) m = m.get<std::string>() + suffix;
            data["constraints"].push_back(c);
        }
    }
    return data;
}

// Every mention of a catalogue provision in the other data files gets its
// copies beside it: in an array of ids, an array of objects with that "id",
// or an object keyed by it. So financing groups, exemptions, terms and the
// policies' voorzieningen cover every copy, and each file still validates.
void add_copies(nlohmann::json& j, const std::set<std::string>& ids, int copies) {
    const auto id_of = [&](const nlohmann::json& v) -> std::string {
        if (v.is_string() && ids.count(v.get<std::string>())) return v.get<std::string>();
        if (v.is_object() && v.contains("id") && v["id"].is_string() && ids.count(v["id"].get<std::string>()))
            return v["id"].get<std::string>();
        return "";
    };
    if (j.is_array()) {
        for (auto& v : j) add_copies(v, ids, copies);
        nlohmann::json grown = nlohmann::json::array();
        for (const auto& v : j) {
            grown.push_back(v);
            const auto id = id_of(v);
            for (int k = 1; !id.empty() && k < copies; ++k) {
                auto copy = v;
                (copy.is_string() ? copy : copy["id"]) = id + "-" + std::to_string(k);
                grown.push_back(std::move(copy));
            }
        }
        j = std::move(grown);
    } else if (j.is_object()) {
        for (auto& [key, v] : j.items()) add_copies(v, ids, copies);
        std::vector<std::pair<std::string, nlohmann::json>> extra;
        for (const auto& [key, v] : j.items())
            if (ids.count(key))
                for (int k = 1; k < copies; ++k) extra.emplace_back(key + "-" + std::to_string(k), v);
        for (auto& [key, v] : extra) j[key] = std::move(v);
    }
}

// The embedded rulebook with every provision `copies` times over, each data
// file validated against the scaled catalogue as at start-up.
std::unique_ptr<ivp::CustomRulebook> scaled_rulebook(int copies) {
    std::set<std::string> ids;
    for (const auto& p : ivp::embedded_catalogue().provisions) ids.insert(p.id);
    return std::make_unique<ivp::CustomRulebook>([&](std::string_view path, nlohmann::json& data) {
        if (path == "als-ivp-catalogue.json")
            data = scaled_catalogue_json(copies);
        else
            add_copies(data, ids, copies);
    });
}

void BM_CalculateJsonText_Page(benchmark::State& state) {
    const auto text = page_scenario(ivp::embedded_catalogue());
    for (auto _ : state) benchmark::DoNotOptimize(ivp::calculate_json_text(text, "2026-11-23"));
}
BENCHMARK(BM_CalculateJsonText_Page);

// The page's per-keystroke call (docs/perf.md, "Rekenkern"): the lean result.
void BM_CalculateLeanJsonText_Page(benchmark::State& state) {
    const auto text = page_scenario(ivp::embedded_catalogue());
    for (auto _ : state) benchmark::DoNotOptimize(ivp::calculate_lean_json_text(text, "2026-11-23"));
}
BENCHMARK(BM_CalculateLeanJsonText_Page);

// The explanation, asked for only when the profile or the selection changes.
void BM_ExplainJsonText_Page(benchmark::State& state) {
    const auto text = page_scenario(ivp::embedded_catalogue());
    for (auto _ : state) benchmark::DoNotOptimize(ivp::explain_json_text(text, "2026-11-23"));
}
BENCHMARK(BM_ExplainJsonText_Page);

// Fixed work for instruction counts (docs/perf.md): ten calls of each text
// entry after a first one that builds what is built once. Under callgrind,
// only the counted calls (full, explain or lean; the total divided by 10 is one call):
//   valgrind --tool=callgrind --toggle-collect='(anonymous namespace)::counted_full(*' build/native/bench/ivp_bench --benchmark_filter=Counted/full
__attribute__((noinline)) std::size_t counted_full(const std::string& text) {
    return ivp::calculate_json_text(text, "2026-11-23").size();
}
__attribute__((noinline)) std::size_t counted_explain(const std::string& text) {
    return ivp::explain_json_text(text, "2026-11-23").size();
}
__attribute__((noinline)) std::size_t counted_lean(const std::string& text) {
    return ivp::calculate_lean_json_text(text, "2026-11-23").size();
}

template <std::size_t (*Call)(const std::string&)>
void BM_Counted(benchmark::State& state) {
    const auto text = page_scenario(ivp::embedded_catalogue());
    benchmark::DoNotOptimize(ivp::calculate_json_text(text, "2026-11-23"));
    benchmark::DoNotOptimize(ivp::explain_json_text(text, "2026-11-23"));
    benchmark::DoNotOptimize(ivp::calculate_lean_json_text(text, "2026-11-23"));
    for (auto _ : state) benchmark::DoNotOptimize(Call(text));
}
BENCHMARK(BM_Counted<counted_full>)->Name("Counted/full")->Iterations(10);
BENCHMARK(BM_Counted<counted_explain>)->Name("Counted/explain")->Iterations(10);
BENCHMARK(BM_Counted<counted_lean>)->Name("Counted/lean")->Iterations(10);

void BM_CalculateText_Page(benchmark::State& state) {
    const auto text = page_scenario(ivp::embedded_catalogue());
    for (auto _ : state) benchmark::DoNotOptimize(ivp::calculate_text(text, kToday));
}
BENCHMARK(BM_CalculateText_Page);

void BM_ParseUserJson_Page(benchmark::State& state) {
    const auto text = page_scenario(ivp::embedded_catalogue());
    for (auto _ : state) benchmark::DoNotOptimize(ivp::parse_user_json(text));
}
BENCHMARK(BM_ParseUserJson_Page);

void BM_ParseScenario_Page(benchmark::State& state) {
    const auto& catalogue = ivp::embedded_catalogue();
    const auto json = ivp::parse_user_json(page_scenario(catalogue));
    for (auto _ : state) benchmark::DoNotOptimize(ivp::parse_scenario(json, catalogue, kToday));
}
BENCHMARK(BM_ParseScenario_Page);

void BM_Calculate_Page(benchmark::State& state) {
    const auto& catalogue = ivp::embedded_catalogue();
    const auto scenario = ivp::parse_scenario(ivp::parse_user_json(page_scenario(catalogue)), catalogue, kToday);
    for (auto _ : state) benchmark::DoNotOptimize(ivp::calculate(scenario, ivp::embedded_rulebook()));
}
BENCHMARK(BM_Calculate_Page);

void BM_DumpResult_Page(benchmark::State& state) {
    const auto result = ivp::calculate_text(page_scenario(ivp::embedded_catalogue()), kToday);
    state.counters["bytes"] = static_cast<double>(result.dump().size());
    for (auto _ : state) benchmark::DoNotOptimize(result.dump());
}
BENCHMARK(BM_DumpResult_Page);

// Arg = copies of the catalogue: 1 (34 provisions) and 10 (340).
void BM_ComputeBudget(benchmark::State& state) {
    const auto scaled = scaled_rulebook(static_cast<int>(state.range(0)));
    const auto& catalogue = scaled->rulebook().catalogue;
    const auto scenario = ivp::default_scenario(catalogue, kToday);
    state.counters["provisions"] = static_cast<double>(catalogue.provisions.size());
    for (auto _ : state) benchmark::DoNotOptimize(ivp::compute_budget(catalogue, scenario));
}
BENCHMARK(BM_ComputeBudget)->Arg(1)->Arg(10);

void BM_Calculate(benchmark::State& state) {
    const auto scaled = scaled_rulebook(static_cast<int>(state.range(0)));
    const auto scenario = ivp::default_scenario(scaled->rulebook().catalogue, kToday);
    state.counters["provisions"] = static_cast<double>(scaled->rulebook().catalogue.provisions.size());
    for (auto _ : state) benchmark::DoNotOptimize(ivp::calculate(scenario, scaled->rulebook()));
}
BENCHMARK(BM_Calculate)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond);

// The result at `detail` and its text, on the catalogue state.range(0) times over.
void calculate_and_dump(benchmark::State& state, ivp::Detail detail) {
    const auto scaled = scaled_rulebook(static_cast<int>(state.range(0)));
    const auto scenario = ivp::default_scenario(scaled->rulebook().catalogue, kToday);
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto text = ivp::calculate(scenario, scaled->rulebook(), detail).dump();
        bytes = text.size();
        benchmark::DoNotOptimize(text);
    }
    state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_CalculateAndDump(benchmark::State& state) { calculate_and_dump(state, ivp::Detail::full); }
BENCHMARK(BM_CalculateAndDump)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond);

// The page's per-change call, natively: lean result and its text.
void BM_CalculateLeanAndDump(benchmark::State& state) { calculate_and_dump(state, ivp::Detail::lean); }
BENCHMARK(BM_CalculateLeanAndDump)->Arg(1)->Arg(10)->Unit(benchmark::kMicrosecond);

// One delivery date: the longest SLA of the table (100 werkdagen) from a melding.
void BM_AddWorkingDays100(benchmark::State& state) {
    const auto& calendar = ivp::embedded_calendar();
    for (auto _ : state) benchmark::DoNotOptimize(calendar.add_working_days(kToday, 100));
}
BENCHMARK(BM_AddWorkingDays100);

void BM_ParseCatalogue(benchmark::State& state) {
    const auto data = nlohmann::json::parse(ivp::embedded::catalogue_json());
    for (auto _ : state) benchmark::DoNotOptimize(ivp::parse_catalogue(data, "bench"));
}
BENCHMARK(BM_ParseCatalogue);

}  // namespace

BENCHMARK_MAIN();
