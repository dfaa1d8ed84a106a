// Golden scenarios (tests/golden/eligibility/*.json): a scenario with the
// verdicts expected under each policy, derived by hand from the rules. A
// change to a policy file that changes one of these verdicts must change the
// golden file too, in the same commit, with a reason.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "ivp/result/calculate.h"
#include "test_util.h"

using nlohmann::json;

namespace {

std::vector<std::filesystem::path> golden_files() {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(IVP_SOURCE_DIR) / "tests" /
                                                             "golden" / "eligibility"))
        if (e.path().extension() == ".json") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

const json& provision(const json& result, const std::string& id) {
    for (const auto& p : result.at("provisions"))
        if (p.at("id") == id) return p;
    throw std::runtime_error("no provision " + id);
}

}  // namespace

TEST(GoldenEligibility, ScenariosGiveTheExpectedVerdictsUnderBothPolicies) {
    const auto files = golden_files();
    ASSERT_GE(files.size(), 3u);
    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        std::ifstream in(file);
        const json golden = json::parse(in);
        const json result = ivp_test::whole(ivp::calculate_text(golden.at("scenario").dump(), ivp_test::fixed_today()));
        for (const auto& [id, expected] : golden.at("expected").items()) {
            const auto& e = provision(result, id).at("eligibility");
            for (const char* policy : {"hattem-2014", "als-protocol"})
                EXPECT_EQ(e.at("policies").at(policy).at("verdict"), expected.at(policy)) << id << " " << policy;
            EXPECT_EQ(e.at("differs"), expected.at("differs")) << id;
            EXPECT_EQ(e.at("verdict"), expected.at("hattem-2014")) << id << ": the contract verdict is the default policy's";
        }
        if (golden.contains("expected_first_reason")) {
            for (const auto& [id, criterion] : golden.at("expected_first_reason").items()) {
                EXPECT_EQ(provision(result, id).at("eligibility").at("policies").at("hattem-2014").at("reasons")[0].at("criterion"),
                          criterion)
                    << id;
            }
        }
        if (golden.contains("expected_open_questions"))
            for (const auto& [id, by_policy] : golden.at("expected_open_questions").items())
                for (const auto& [policy, facts] : by_policy.items()) {
                    json got = json::array();
                    for (const auto& q : ivp_test::open_questions_of(provision(result, id).at("eligibility"), policy))
                        got.push_back(q.at("fact"));
                    EXPECT_EQ(got, facts) << id << " " << policy;
                }
        if (golden.contains("expected_quantities"))
            for (const auto& [id, quantities] : golden.at("expected_quantities").items())
                for (const auto& [qid, value] : quantities.items()) {
                    json got;
                    for (const auto& q : provision(result, id).at("eligibility").at("policies").at("hattem-2014").at("quantities"))
                        if (q.at("id") == qid) got = q.at("value");
                    EXPECT_EQ(got, value) << id << " " << qid;
                }
    }
}
