#pragma once
// The files of data/, embedded at build time (cmake/embed_data.cmake writes
// the definitions), so that the native CLI and the WASM module carry the very
// same policy bytes and need no file system.
#include <string_view>
#include <vector>

namespace ivp::embedded {

struct DataFile {
    std::string_view path;     // relative to data/, e.g. "als-ivp-catalogue.json"
    std::string_view content;  // the file's bytes
};

const std::vector<DataFile>& data_files();

// A digest of every embedded file (16 hex digits), written at build time: it
// names this build's rulebook (src/ivp/rulebook/rulebook.h `id`).
std::string_view data_version();

// The content of data/<path>; throws DataError when there is no such file.
std::string_view data_file(std::string_view path);

inline std::string_view catalogue_json() { return data_file("als-ivp-catalogue.json"); }
inline std::string_view calendar_json() { return data_file("calendar.json"); }

}  // namespace ivp::embedded
