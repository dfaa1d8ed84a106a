// Eligibility alone (docs/perf.md, "Geschiktheid tegen json-logic-js"):
// every criterion of both policies (71 rules) for one fully answered profile,
// natively, so the native/WASM ratio of tests/bench/eligibility-vs-jsonlogic.mjs
// is known. 16 profiles from a fixed seed, used in turn.
//   tree_walker_parsed  jsonlogic::evaluate per criterion on a parsed profile
//                       (what policy.cpp does per criterion)
//   tree_walker_text    the same from JSON text (parse + validate_profile)
//   compiled_slots      the compiled rules on ready slots (evaluation only)
//   compiled_coded      criteria_truths_coded_text: one number per fact in
//   compiled_text       criteria_truths_json_text: JSON text in
#include <benchmark/benchmark.h>

#include <random>

#include "ivp/eligibility/compiled_rules.h"

namespace {

using nlohmann::json;

// Every fact answered: booleans at random, integers small more often (the
// thresholds in the rules are small), a choice at random.
std::vector<json> profiles() {
    std::mt19937 rng(6);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<json> out;
    for (int i = 0; i < 16; ++i) {
        json p = json::object();
        for (const auto& f : ivp::embedded_facts().facts) {
            if (f.type == ivp::FactType::boolean) p[f.id] = u(rng) < 0.5;
            if (f.type == ivp::FactType::integer)
                p[f.id] = f.min + static_cast<std::int64_t>(u(rng) * u(rng) * u(rng) * static_cast<double>(f.max - f.min + 1));
            if (f.type == ivp::FactType::choice) p[f.id] = f.choices[static_cast<std::size_t>(u(rng) * f.choices.size())];
        }
        out.push_back(std::move(p));
    }
    return out;
}

std::string tree_walker(const json& profile) {
    return ivp::rules::criteria_truths_tree_walker(ivp::rules::embedded_criteria_rules(), profile);
}

std::vector<double> codes_of(const json& profile) {
    std::vector<double> codes;
    for (const auto& f : ivp::embedded_facts().facts) {
        const auto& v = profile.at(f.id);
        if (f.type == ivp::FactType::choice)
            codes.push_back(static_cast<double>(std::find(f.choices.begin(), f.choices.end(), v.get<std::string>()) - f.choices.begin()));
        else codes.push_back(v.is_boolean() ? (v.get<bool>() ? 1 : 0) : v.get<double>());
    }
    return codes;
}

// Not timed: all five give the same answers, or the figures mean nothing.
// (Checked on first use, not at static initialisation: the policies need
// other statics of the core.)
void check_same() {
    static const bool same = [] {
        for (const auto& p : profiles()) {
            const auto expected = tree_walker(p);
            const auto& rules = ivp::rules::embedded_criteria_rules();
            if (ivp::rules::criteria_truths(rules, ivp::rules::slots_from_profile(p, ivp::embedded_facts())) != expected ||
                ivp::rules::criteria_truths_coded_text(codes_of(p)) != expected ||
                ivp::rules::criteria_truths_json_text(p.dump()) != expected)
                throw std::runtime_error("criteria_bench: compiled and tree walker differ on " + p.dump());
        }
        return true;
    }();
    (void)same;
}


void CriteriaTreeWalkerParsed(benchmark::State& state) {
    check_same();
    const auto ps = profiles();
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(tree_walker(ps[i++ % ps.size()]));
}
BENCHMARK(CriteriaTreeWalkerParsed)->Unit(benchmark::kMicrosecond);

void CriteriaTreeWalkerText(benchmark::State& state) {
    check_same();
    std::vector<std::string> texts;
    for (const auto& p : profiles()) texts.push_back(p.dump());
    std::size_t i = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(tree_walker(ivp::validate_profile(json::parse(texts[i++ % texts.size()]), ivp::embedded_facts())));
}
BENCHMARK(CriteriaTreeWalkerText)->Unit(benchmark::kMicrosecond);

void CriteriaCompiledSlots(benchmark::State& state) {
    check_same();
    const auto& rules = ivp::rules::embedded_criteria_rules();
    std::vector<std::vector<ivp::rules::Value>> slots;
    const auto ps = profiles();
    for (const auto& p : ps) slots.push_back(ivp::rules::slots_from_profile(p, ivp::embedded_facts()));
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(ivp::rules::criteria_truths(rules, slots[i++ % slots.size()]));
}
BENCHMARK(CriteriaCompiledSlots)->Unit(benchmark::kMicrosecond);

void CriteriaCompiledCoded(benchmark::State& state) {
    check_same();
    std::vector<std::vector<double>> codes;
    for (const auto& p : profiles()) codes.push_back(codes_of(p));
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(ivp::rules::criteria_truths_coded_text(codes[i++ % codes.size()]));
}
BENCHMARK(CriteriaCompiledCoded)->Unit(benchmark::kMicrosecond);

void CriteriaCompiledText(benchmark::State& state) {
    check_same();
    std::vector<std::string> texts;
    for (const auto& p : profiles()) texts.push_back(p.dump());
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(ivp::rules::criteria_truths_json_text(texts[i++ % texts.size()]));
}
BENCHMARK(CriteriaCompiledText)->Unit(benchmark::kMicrosecond);

}  // namespace
