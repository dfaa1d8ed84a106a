#include "ivp/base/json_object.h"

namespace ivp {

using nlohmann::json;

JsonObject::JsonObject() : object_(json::object()) {}

// emplace keeps the first value of a key, as nlohmann's initializer list does.
void JsonObject::put(std::string_view key, json&& value) { object_.emplace(std::string(key), std::move(value)); }
void JsonObject::put(std::string_view key, const json& value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, JsonObject&& value) { put(key, value.take()); }
void JsonObject::put(std::string_view key, const std::string& value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, std::string&& value) { put(key, json(std::move(value))); }
void JsonObject::put(std::string_view key, std::string_view value) { put(key, json(std::string(value))); }
void JsonObject::put(std::string_view key, const char* value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, std::nullptr_t) { put(key, json(nullptr)); }
void JsonObject::put(std::string_view key, bool value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, int value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, long value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, long long value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, unsigned value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, unsigned long value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, unsigned long long value) { put(key, json(value)); }
void JsonObject::put(std::string_view key, double value) { put(key, json(value)); }

json JsonObject::take() { return std::exchange(object_, json::object()); }

}  // namespace ivp
