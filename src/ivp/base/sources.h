#pragma once
// data/sources.json: the published documents behind the seeds (issue 12).
//
// A source shown to a person names the document, its section, its page where
// the published document has pages we can determine, and a link where one
// exists; the seed line (`line`) stays in data/ for maintainers. This file
// says, per seed, which document that is and where it is published.
#include <nlohmann/json.hpp>
#include <string>

namespace ivp {

// The documents of data/sources.json, validated (throws DataError naming the
// file and JSON path): [{id, seed, title, publisher, url?, url_note?, pages,
// source}]. Either `url` or `url_note` (why there is no link) is given.
nlohmann::json parse_documents(const nlohmann::json& data, const std::string& file);

// The embedded data/sources.json, parsed once.
const nlohmann::json& embedded_documents();

// The document whose seed is `seed`, or null.
nlohmann::json document_for_seed(const std::string& seed);

}  // namespace ivp
