#include "ivp/base/error.h"

#include <nlohmann/json.hpp>

#include "ivp/base/json_object.h"

namespace ivp {

std::string error_json_text(const std::string& message, const std::string& where) {
    return json_text(JsonObject().add("error", JsonObject().add("message", message).add("where", where)).take());
}

}  // namespace ivp
