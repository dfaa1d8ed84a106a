#pragma once
// The reference for the core's JSON reader (src/ivp/base/data_reader.h):
// nlohmann's own parser, with the watcher parse_user_json used before the
// reader named its faults itself (until 2026-12-03). Shared by
// tests/unit/data_json_test.cpp and the fuzz target tests/fuzz/fuzz_json_reader.cpp.
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ivp/base/data_reader.h"
#include "ivp/base/json_input.h"

namespace ivp_test {

using nlohmann::json;

// What nlohmann's parser says of `text`: nothing (it takes it), or the kind
// of fault and the byte where its lexer stopped (its parse_error's byte is
// one past it). With `strict`, also what parse_user_json's watcher refused
// while nlohmann parsed: a key twice (with the path to it) or a container
// nested kMaxNestingDepth deep.
inline std::optional<ivp::JsonReadFailure> nlohmann_failure(std::string_view text, bool strict) {
    struct Frame {
        bool object = false;
        std::string key;
        std::size_t index = 0;
        std::set<std::string> keys;
    };
    std::vector<Frame> path;
    std::optional<ivp::JsonReadFailure> refused;
    const auto element_done = [&] {
        if (!path.empty() && !path.back().object) ++path.back().index;
    };
    const json::parser_callback_t watch = [&](int depth, json::parse_event_t event, json& parsed) {
        if (!strict) return true;
        switch (event) {
            case json::parse_event_t::object_start:
            case json::parse_event_t::array_start:
                if (depth >= ivp::kMaxNestingDepth) {
                    refused = ivp::JsonReadFailure{ivp::JsonReadFailure::Kind::too_deep, 0, {}};
                    throw std::length_error("depth");
                }
                path.push_back(Frame{event == json::parse_event_t::object_start, {}, 0, {}});
                break;
            case json::parse_event_t::key:
                path.back().key = parsed.get<std::string>();
                if (!path.back().keys.insert(path.back().key).second) {
                    refused = ivp::JsonReadFailure{ivp::JsonReadFailure::Kind::duplicate_key, 0, {}};
                    for (auto f = path.rbegin(); f != path.rend(); ++f)
                        refused->pointer.push_back(f->object ? f->key : std::to_string(f->index));
                    throw std::length_error("key");
                }
                break;
            case json::parse_event_t::object_end:
            case json::parse_event_t::array_end:
                path.pop_back();
                element_done();
                break;
            case json::parse_event_t::value: element_done(); break;
        }
        return true;
    };
    try {
        const json parsed = json::parse(text.begin(), text.end(), watch);
        return std::nullopt;
    } catch (const json::parse_error& e) {
        // The lexer's own words, before "; last read: '<the text read>'",
        // which may contain anything (even these words).
        std::string_view what = e.what();
        what = what.substr(0, what.find("; last read:"));
        const auto kind = what.find("ill-formed UTF-8") != std::string_view::npos    ? ivp::JsonReadFailure::Kind::bad_utf8
                          : what.find("control character") != std::string_view::npos ? ivp::JsonReadFailure::Kind::control_character
                                                                                      : ivp::JsonReadFailure::Kind::syntax;
        return ivp::JsonReadFailure{kind, e.byte == 0 ? 0 : e.byte - 1, {}};
    } catch (const json::out_of_range&) {
        return ivp::JsonReadFailure{ivp::JsonReadFailure::Kind::too_large_number, 0, {}};
    } catch (const std::length_error&) {
        return refused;
    }
}

}  // namespace ivp_test
