#include "ivp/base/error.h"

#include <nlohmann/json.hpp>

namespace ivp {

std::string error_json_text(const std::string& message, const std::string& where) {
    return nlohmann::json{{"error", {{"message", message}, {"where", where}}}}.dump();
}

}  // namespace ivp
