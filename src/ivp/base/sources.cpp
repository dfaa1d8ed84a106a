#include "ivp/base/sources.h"

#include "ivp/base/data_reader.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/error.h"
#include "ivp/base/json_object.h"
#include "ivp/base/json_input.h"

namespace ivp {

using nlohmann::json;

json parse_documents(const json& data, const std::string& file) {
    const DataReader r(file, SourceRules{.quote = true, .line_with_seed = true});
    r.keys(data, "", {"$comment", "documents"});
    const auto& docs = r.array(data, "", "documents", /*non_empty=*/true, "documenten");
    json out = json::array();
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const auto at = pointer_join("/documents", i);
        const auto& d = docs[i];
        r.keys(d, at, {"id", "seed", "title", "publisher", "pages", "source"}, {"url", "url_note"});
        // A chain evaluates its arguments left to right, so the first missing field is reported as before.
        json doc = JsonObject()
                       .add("id", r.text(d, at, "id"))
                       .add("seed", r.text(d, at, "seed"))
                       .add("title", r.text(d, at, "title"))
                       .add("publisher", r.text(d, at, "publisher"))
                       .add("pages", r.text(d, at, "pages"))
                       .add("source", r.source(d, at, "source"));
        if (d.contains("url")) {
            const auto url = r.text(d, at, "url");
            if (url.rfind("https://", 0) != 0) r.fail(at + "/url", "een link begint met https://");
            doc["url"] = url;
        }
        if (d.contains("url_note")) doc["url_note"] = r.text(d, at, "url_note");
        if (!doc.contains("url") && !doc.contains("url_note"))
            r.fail(at, "geef een link (url) of zeg waarom die er niet is (url_note)");
        for (const auto& earlier : out)
            if (earlier.at("seed") == doc.at("seed")) r.fail(at + "/seed", "dubbele seed");
        out.push_back(std::move(doc));
    }
    return out;
}

const json& embedded_documents() {
    static const json docs = [] {
        const auto text = embedded::data_file("sources.json");
        try {
            return parse_documents(parse_data_json(text), "data/sources.json");
        } catch (const JsonTextError& e) {
            throw DataError("data/sources.json", "/", std::string("geen geldige JSON: ") + e.what());
        }
    }();
    return docs;
}

json document_for_seed(const std::string& seed) {
    for (const auto& d : embedded_documents())
        if (d.at("seed") == seed) return d;
    return nullptr;
}

}  // namespace ivp
