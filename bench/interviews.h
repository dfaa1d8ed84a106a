#pragma once
// The interviews of the interview benchmarks (bench/interview_bench.cpp and
// bench/answer_counts.cpp): complete profiles from one seed, each answered in
// the order the core asks (questions_json), under the Wmo 2015 and Hattem 2014
// in turn. One definition, so that both count over the same answers.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "ivp/base/date.h"
#include "ivp/model/scenario.h"
#include "ivp/result/questions.h"
#include "ivp/result/read_scenario.h"
#include "ivp/rulebook/rulebook.h"

namespace ivp_bench {

inline const ivp::Date kInterviewToday = *ivp::parse_iso_date("2026-11-23");

inline nlohmann::json complete_profile(std::mt19937_64& r) {
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
    // Per text: the fact its last answer gave; "(start)" for a start.
    std::vector<std::string> answered;
};

// The scenario texts of `count` whole interviews, one per answer given (the
// profile after that answer), plus the empty profile of each start.
inline Interviews make_interviews(int count) {
    const auto& rb = ivp::embedded_rulebook();
    Interviews out;
    std::mt19937_64 r(20261201);
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& p : rb.catalogue.provisions) ids.push_back(p.id);
    for (int n = 0; n < count; ++n) {
        const auto complete = complete_profile(r);
        nlohmann::json input = {{"schema", 1}, {"melding", "2026-11-23"}, {"provisions", ids},
                                {"overrides", nlohmann::json::object()}, {"profile", nlohmann::json::object()}};
        if (n % 2) input["policy"] = "hattem-2014";
        std::string previous, answered = "(start)";
        for (;;) {
            out.texts.push_back(input.dump());
            out.previous.push_back(previous);
            out.answered.push_back(answered);
            previous = input.at("profile").dump();
            const auto s = ivp::parse_scenario(input, rb.catalogue, kInterviewToday);
            const auto q = ivp::questions_json(s, rb);
            if (q.empty()) break;
            const auto fact = q.at(0).at("fact").get<std::string>();
            input["profile"][fact] = complete.at(fact);
            answered = fact;
        }
    }
    return out;
}

}  // namespace ivp_bench
