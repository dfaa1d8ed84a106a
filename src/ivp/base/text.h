#pragma once
// Building the text of a message.
#include <initializer_list>
#include <string>
#include <string_view>

namespace ivp {

// The parts joined, in one call of a function compiled once. Why: every `+`
// of `"…" + a + "…"` expands in place (a temporary string, its append and the
// cleanup should an exception pass), so that a message of many parts costs
// more WebAssembly than the check that throws it. The text is the same.
std::string join_text(std::initializer_list<std::string_view> parts);

}  // namespace ivp
