#include "ivp/result/result_draft.h"

#include <string_view>

#include "ivp/base/json_object.h"
#include "ivp/result/result_json.h"

namespace ivp {

using nlohmann::json;

namespace {

constexpr std::string_view kEligibility = "eligibility";
constexpr std::string_view kOtherProvisions = "other_provisions";

const Eligibility* eligibility_of(const ResultDraft& draft, std::string_view id) {
    for (const auto& [provision, e] : draft.eligibility)
        if (provision == id) return &e;
    return nullptr;
}

// An object of the tree with one typed member put in at its key's place
// (keys sorted by their bytes, as the tree keeps them). `write_extra` writes
// that member's value; none when `extra_key` is empty.
template <typename WriteMember, typename WriteExtra>
void write_object_with(JsonTextWriter& out, const json& object, std::string_view extra_key, WriteMember write_member,
                       WriteExtra write_extra) {
    out.put('{');
    bool first = true;
    bool extra_done = extra_key.empty();
    const auto put_extra = [&] {
        if (!first) out.put(',');
        first = false;
        out.key(extra_key);
        write_extra();
        extra_done = true;
    };
    for (const auto& [key, value] : object.get_ref<const json::object_t&>()) {
        if (!extra_done && std::string_view(key) > extra_key) put_extra();
        if (!first) out.put(',');
        first = false;
        out.string(key);
        out.put(':');
        write_member(key, value);
    }
    if (!extra_done) put_extra();
    out.put('}');
}

void write_provision(JsonTextWriter& out, const json& provision, const Eligibility* e) {
    write_object_with(
        out, provision, e ? kEligibility : std::string_view(),
        [&](const std::string&, const json& value) { out.value(value); }, [&] { write_eligibility(out, *e); });
}

void write_provisions(JsonTextWriter& out, const json& provisions, const ResultDraft& draft) {
    if (provisions.is_array()) {
        out.put('[');
        bool first = true;
        for (const auto& p : provisions) {
            if (!first) out.put(',');
            first = false;
            write_provision(out, p, eligibility_of(draft, p.at("id").get_ref<const std::string&>()));
        }
        out.put(']');
        return;
    }
    write_object_with(
        out, provisions, std::string_view(),
        [&](const std::string& id, const json& p) { write_provision(out, p, eligibility_of(draft, id)); }, [] {});
}

}  // namespace

std::string draft_text(const ResultDraft& draft) {
    std::string text;
    {
        JsonTextWriter out(text);
        write_object_with(
            out, draft.tree, draft.others ? kOtherProvisions : std::string_view(),
            [&](const std::string& key, const json& value) {
                if (key == "provisions") write_provisions(out, value, draft);
                else out.value(value);
            },
            [&] { write_other_provisions(out, *draft.others); });
    }  // the writer cuts `text` to what it wrote
    return text;
}

json draft_tree(const ResultDraft& draft) { return json::parse(draft_text(draft)); }

}  // namespace ivp
