#include "ivp/result/result_draft.h"

#include <span>
#include <string_view>
#include <vector>

#include "ivp/base/data_reader.h"
#include "ivp/base/json_object.h"
#include "ivp/result/result_json.h"

namespace ivp {

using nlohmann::json;

namespace {

constexpr std::string_view kEligibility = "eligibility";

const Eligibility* eligibility_of(const ResultDraft& draft, std::string_view id) {
    for (const auto& [provision, e] : draft.eligibility)
        if (provision == id) return &e;
    return nullptr;
}

// A member written from a struct, put in among the tree's members:
// write(out, what). A plain function and its argument, not a std::function:
// the same, in less code.
struct TypedMember {
    std::string_view key;
    void (*write)(JsonTextWriter& out, const void* what);
    const void* what;
};

// An object of the tree with the typed members put in at their keys' places
// (keys sorted by their bytes, as the tree keeps them; `typed` sorted so).
template <typename WriteMember>
void write_object_with(JsonTextWriter& out, const json& object, std::span<const TypedMember> typed,
                       WriteMember write_member) {
    out.put('{');
    bool first = true;
    std::size_t next = 0;  // the first typed member not yet written
    const auto put_typed = [&] {
        if (!first) out.put(',');
        first = false;
        out.key(typed[next].key);
        typed[next].write(out, typed[next].what);
        ++next;
    };
    for (const auto& [key, value] : object.get_ref<const json::object_t&>()) {
        while (next < typed.size() && std::string_view(key) > typed[next].key) put_typed();
        if (!first) out.put(',');
        first = false;
        out.string(key);
        out.put(':');
        write_member(key, value);
    }
    while (next < typed.size()) put_typed();
    out.put('}');
}

void write_eligibility_of(JsonTextWriter& out, const void* e) { write_eligibility(out, *static_cast<const Eligibility*>(e)); }

// A provision's tree with its eligibility, when it has one, in its place.
void write_provision(JsonTextWriter& out, const json& provision, const Eligibility* e) {
    const TypedMember eligibility{kEligibility, write_eligibility_of, e};
    write_object_with(out, provision, std::span<const TypedMember>(&eligibility, e ? 1 : 0),
                      [&](const std::string&, const json& value) { out.value(value); });
}

void write_provisions(JsonTextWriter& out, const json& provisions, const ResultDraft& draft) {
    if (provisions.is_array()) {
        write_array(out, provisions, [&draft](JsonTextWriter& o, const json& p) {
            write_provision(o, p, eligibility_of(draft, p.at("id").get_ref<const std::string&>()));
        });
        return;
    }
    write_object_with(out, provisions, {},
                      [&](const std::string& id, const json& p) { write_provision(out, p, eligibility_of(draft, id)); });
}

// The draft's typed top-level members, as TypedMember::write.
const ResultDraft& draft_of(const void* what) { return *static_cast<const ResultDraft*>(what); }
void write_others_of(JsonTextWriter& out, const void* d) { write_other_provisions(out, *draft_of(d).others); }
void write_procedure_of(JsonTextWriter& out, const void* d) {
    write_procedure(out, *draft_of(d).procedure, draft_of(d).anchors);
}
void write_timelines_of(JsonTextWriter& out, const void* d) { draft_of(d).timelines->write(out, draft_of(d).anchors); }

}  // namespace

std::string draft_text(const ResultDraft& draft) {
    std::vector<TypedMember> typed;  // in the order of their keys
    if (draft.others) typed.push_back({"other_provisions", write_others_of, &draft});
    if (draft.procedure) typed.push_back({"procedure", write_procedure_of, &draft});
    if (draft.timelines) typed.push_back({"timelines", write_timelines_of, &draft});
    return written_text([&](JsonTextWriter& out) {
        write_object_with(out, draft.tree, typed, [&](const std::string& key, const json& value) {
            if (key == "provisions") write_provisions(out, value, draft);
            else out.value(value);
        });
    });
}

// Our own text: the data files' one-pass reader reads it (and the WASM core
// needs no other instance of nlohmann's parser for it).
json draft_tree(const ResultDraft& draft) { return parse_data_json(draft_text(draft)); }

}  // namespace ivp
