#include "ivp/base/source_table.h"

#include <cctype>

#include "ivp/base/json_object.h"

namespace ivp {

namespace {

bool is_source_key(const std::string& key) {
    constexpr std::string_view suffix = "_source";
    return key == "source" ||
           (key.size() > suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0);
}

}  // namespace

std::string source_slug(const std::string& text) {
    std::string out;
    for (const unsigned char ch : text) {
        const bool keep = std::isalnum(ch) != 0 || ch == '.';
        if (keep && ch < 128) out += static_cast<char>(std::tolower(ch));
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "bron" : out;
}

// A source's content key is its compact text, written by json_text (the same
// text as dump()): the eigen bijdrage's table is built on the page's first
// call, and so that call runs no nlohmann serializer (docs/perf.md).
std::string SourceTable::add(const nlohmann::json& source) {
    const auto key = json_text(source);
    if (const auto found = by_content_.find(key); found != by_content_.end()) return found->second;
    const char* name = source.contains("section") ? "section" : source.contains("title") ? "title" : nullptr;
    const std::string base =
        prefix_ + "/" + (name && source.at(name).is_string() ? source_slug(source.at(name).get<std::string>()) : "bron");
    std::string id = base;
    for (int n = 2; entries_.contains(id); ++n) id = base + "-" + std::to_string(n);
    entries_[id] = source;
    by_content_.emplace(key, id);
    return id;
}

void SourceTable::add_all(const nlohmann::json& data) {
    if (data.is_array()) {
        for (const auto& v : data) add_all(v);
        return;
    }
    if (!data.is_object()) return;
    for (auto it = data.begin(); it != data.end(); ++it) {
        if (is_source_key(it.key()) && it->is_object()) add(*it);
        else add_all(*it);
    }
}

void SourceTable::intern(nlohmann::json& data) const {
    if (data.is_array()) {
        for (auto& v : data) intern(v);
        return;
    }
    if (!data.is_object()) return;
    for (auto it = data.begin(); it != data.end(); ++it) {
        if (is_source_key(it.key()) && it->is_object()) {
            if (const auto found = by_content_.find(json_text(*it)); found != by_content_.end()) *it = found->second;
        } else {
            intern(*it);
        }
    }
}

}  // namespace ivp
