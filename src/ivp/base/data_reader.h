#pragma once
// One reader for the embedded data files (data/**/*.json). A fault in them is
// our bug, not the user's: every check throws DataError naming the file, the
// JSON Pointer of the fault and what is wrong, so that `ivp validate` (run by
// the build) points the person editing the data at the exact place.
//
// The checks are the same for every file; only what a `source` must name
// differs per file (SourceRules), because a policy quotes the sentence it
// implements and a tariff from a web page has no line number.
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ivp/base/date.h"
#include "ivp/base/error.h"

namespace ivp {

// Why a JSON text was not taken, and where: `at` is the byte at which
// nlohmann's lexer stops on the same text (the end of the text when it ends
// too soon), so that a message can name the line and character.
// `pointer` is the path to a key found twice, innermost first.
struct JsonReadFailure {
    enum class Kind { syntax, bad_utf8, control_character, too_large_number, too_deep, duplicate_key };
    Kind kind = Kind::syntax;
    std::size_t at = 0;
    std::vector<std::string> pointer;
};

// A data file that is not JSON: "regel 3, teken 7: ..." (a maintainer's
// message; the callers name the file).
class JsonTextError : public std::runtime_error {
public:
    JsonTextError(std::string_view text, JsonReadFailure failure);
    const JsonReadFailure& failure() const noexcept { return failure_; }

private:
    static std::string describe(std::string_view text, const JsonReadFailure& failure);
    JsonReadFailure failure_;
};

// Parses the JSON text of a data file: the very value nlohmann::json::parse
// gives (the same number types, the last of two equal keys kept, a UTF-8 byte
// order mark skipped), built in one pass that copies each string whole
// instead of nlohmann's lexer, which reads and appends one character at a
// time. A text that is not JSON (a syntax error, a control character or
// invalid UTF-8 in a string, a lone surrogate, a number no double holds)
// throws JsonTextError. It is the core's only JSON reader: nlohmann's parser
// is not in the WebAssembly (docs/perf.md).
nlohmann::json parse_data_json(std::string_view text);

// The same reader for user input (parse_user_json): true and the value in
// `out` when the text is JSON that nlohmann::json::parse takes, with no key
// twice in one object and no object or array nested `max_depth` deep (the
// outermost is at depth 0); else false and the first fault in `failure`, in
// the order of the text.
bool parse_strict_json(std::string_view text, int max_depth, nlohmann::json& out, JsonReadFailure& failure);

// What a `source` object must contain besides the common part. Common to all
// files: an object with only the keys seed, section, line, text, url, title
// (and page when allowed); a seed file, a title or a url; a section; each of
// seed/section/text/url/title a non-empty text; line and page whole numbers
// from 1.
struct SourceRules {
    bool quote = false;           // `text` is required: the sentence the rule implements
    bool line_with_seed = false;  // a source in a seed file names its line
    bool page = false;            // `page` (a page number) is allowed
};

class DataReader {
public:
    explicit DataReader(std::string file, SourceRules rules = {}) : file_(std::move(file)), rules_(rules) {}

    const std::string& file() const { return file_; }

    // Throws DataError(file, where, message); "" (the whole file) becomes "/".
    [[noreturn]] void fail(const std::string& where, const std::string& message) const;

    // Runs f(); an InputError from the shared user-input checks (json_input.h)
    // becomes a DataError naming this file, with the same pointer and message.
    template <typename F>
    auto guard(F&& f) const -> decltype(f());

    // `value` must be an object; `what` names it in the message ("Een bron").
    void object(const nlohmann::json& value, const std::string& where, std::string_view what = "Dit deel") const;

    // An object with no keys but `allowed` (the first other key is named).
    void keys(const nlohmann::json& obj, const std::string& where,
              std::initializer_list<std::string_view> allowed) const;
    // An object with every key of `required` (checked in that order) and no
    // keys but `required` and `optional`.
    void keys(const nlohmann::json& obj, const std::string& where, std::initializer_list<std::string_view> required,
              std::initializer_list<std::string_view> optional) const;

    // obj[key], which must be there; `obj` must be an object.
    const nlohmann::json& field(const nlohmann::json& obj, const std::string& where, std::string_view key) const;

    // obj[key] as a non-empty text.
    std::string text(const nlohmann::json& obj, const std::string& where, std::string_view key) const;

    // obj[key] as an existing ISO date "JJJJ-MM-DD".
    Date date(const nlohmann::json& obj, const std::string& where, std::string_view key) const;

    // obj[key] as a whole number in [lo, hi]. Unlike user input, 10.0 is
    // refused: a data file is written by us and copied into the output as it
    // stands, where "10.0" would show.
    std::int64_t integer(const nlohmann::json& obj, const std::string& where, std::string_view key, std::int64_t lo,
                         std::int64_t hi, std::string_view what = "Het getal") const;
    // The same for a value already in hand (an array element); `where` is its own pointer.
    std::int64_t integer_value(const nlohmann::json& value, const std::string& where, std::int64_t lo, std::int64_t hi,
                               std::string_view what = "Het getal") const;

    // obj[key] as true or false; `absent` when the key is not there.
    bool flag(const nlohmann::json& obj, const std::string& where, std::string_view key, bool absent) const;

    // obj[key] as an array ("moet een [niet-lege ]lijst [what] zijn").
    const nlohmann::json& array(const nlohmann::json& obj, const std::string& where, std::string_view key,
                                bool non_empty = false, std::string_view what = "") const;
    void array_value(const nlohmann::json& value, const std::string& where, bool non_empty = false,
                     std::string_view what = "") const;

    // obj[key] as a source, checked by this file's SourceRules.
    const nlohmann::json& source(const nlohmann::json& obj, const std::string& where, std::string_view key) const;

private:
    bool source_in_order(const nlohmann::json& s) const;

    std::string file_;
    SourceRules rules_;
};

template <typename F>
auto DataReader::guard(F&& f) const -> decltype(f()) {
    try {
        return f();
    } catch (const InputError& e) {
        fail(e.where(), e.what());
    }
}

}  // namespace ivp
