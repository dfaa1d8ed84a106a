// ivp — the native command line of IVP-rekenhulp.
//
//   ivp calc [--today DATE] [FILE | --default]   result JSON (stdin when no FILE)
//   ivp calc --met-regelboek …                   the same with the rulebook's tables put back in
//   ivp regelboek                                the rulebook's tables the result refers to by id
//   ivp samenvatting [--today DATE] [FILE | --default]   short Dutch summary
//   ivp ics [--today DATE] [FILE | --default]    the timeline as iCalendar (RFC 5545)
//   ivp calc-lines [--today DATE] [FILE]         JSON Lines: one scenario a line in,
//                                                one result or {"error":…} a line out
//   ivp brief ingebrekestelling|bezwaar [--today DATE] FILE   the letter text (docs/kit.md)
//   ivp werkdagen DATE N                         the N-th working day after DATE
//   ivp feestdagen YEAR                          that year's feestdagen
//   ivp catalogus                                the IVP catalogue as JSON
//   ivp validate [FILE]                          check the embedded data/, or one policy pack
//   ivp jsonlogic [--compiled]                   JSON lines {"rule","data"} in, one result a line out
//
// Bad input: exit status 2, a Dutch message on stderr, nothing on stdout.
// The output is built completely before anything is printed, so a failure
// can never leave half a result on stdout.
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "ivp/base/sources.h"
#include "ivp/api/boundary.h"
#include "ivp/result/calculate.h"
#include "ivp/result/rulebook_json.h"
#include "ivp/base/calendar.h"
#include "ivp/model/catalogue.h"
#include "ivp/eligibility/compiled_rules.h"
#include "ivp/costs/costs.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/error.h"
#include "ivp/model/facts.h"
#include "ivp/base/json_input.h"
#include "ivp/eligibility/jsonlogic.h"
#include "ivp/kit/kit.h"
#include "ivp/api/letters.h"
#include "ivp/eligibility/policy.h"
#include "ivp/eligibility/policy_pack.h"
#include "ivp/dates/ics.h"
#include "ivp/dates/terms.h"
#include "summary.h"

namespace {

constexpr int kExitBadInput = 2;
constexpr int kExitInternal = 3;

struct Usage : std::runtime_error {
    using std::runtime_error::runtime_error;
};

const char* const kUsage =
    "Gebruik:\n"
    "  ivp calc [--met-regelboek] [--today JJJJ-MM-DD] [BESTAND | --default]\n"
    "  ivp regelboek\n"
    "  ivp samenvatting [--today JJJJ-MM-DD] [BESTAND | --default]\n"
    "  ivp ics [--today JJJJ-MM-DD] [BESTAND | --default]\n"
    "  ivp calc-lines [--today JJJJ-MM-DD] [BESTAND]\n"
    "  ivp brief ingebrekestelling|bezwaar [--today JJJJ-MM-DD] BESTAND\n"
    "  ivp werkdagen JJJJ-MM-DD N\n"
    "  ivp feestdagen JAAR\n"
    "  ivp catalogus\n"
    "  ivp validate [BELEIDSBESTAND]\n"
    "  ivp jsonlogic [--compiled]   (regels {\"rule\":…,\"data\":…} op stdin)\n";

ivp::Date today_local() {
    // The user's own calendar day: local time, not UTC.
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return ivp::Date{std::chrono::year{local.tm_year + 1900},
                     std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                     std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

ivp::Date parse_date_argument(const std::string& text, const char* what) {
    const auto date = ivp::parse_iso_date(text);
    if (!date)
        throw ivp::InputError("", std::string(what) + " \"" + text +
                                      "\" is geen bestaande datum; schrijf jaar-maand-dag, bijvoorbeeld 2026-03-15.");
    return *date;
}

long parse_integer_argument(const std::string& text, const char* what) {
    long value = 0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    if (!text.empty() && *first == '+') ++first;
    const auto [end, error] = std::from_chars(first, last, value);
    if (text.empty() || error != std::errc{} || end != last)
        throw ivp::InputError("", std::string(what) + " \"" + text + "\" is geen heel getal.");
    return value;
}

std::string read_all(std::istream& in) {
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ivp::InputError("", "Kan het bestand \"" + path + "\" niet openen: " + std::strerror(errno) + ".");
    return read_all(in);
}

// `ivp validate FILE`: one policy pack, every check a loaded pack gets. A
// fault is bad input (exit 2) naming the file and the JSON Pointer.
std::string validate_pack_file(const std::string& path) {
    const std::string text = read_file(path);
    try {
        const auto r = ivp::validate_policy_pack_text(text);
        std::string out = "ok  " + path + " (" + r.at("id").get<std::string>() + ": " +
                          std::to_string(r.at("criteria").get<std::size_t>()) + " criteria, " +
                          std::to_string(r.at("provisions").get<std::size_t>()) + " voorzieningen)\n";
        for (const auto& id : r.at("untried"))
            out += "let op: het criterium \"" + id.get<std::string>() +
                   "\" is niet op alle antwoorden nagegaan (te veel combinaties of een datum)\n";
        return out;
    } catch (const ivp::InputError& e) {
        throw ivp::InputError("", "Fout in " + path + (e.where().empty() ? "" : " op " + e.where()) + ": " + e.what());
    }
}

std::string dump(const nlohmann::json& value) { return value.dump(2) + "\n"; }

// The conformance harness of the JsonLogic evaluator: each input line is
// {"rule":…,"data":…}; each output line is {"result":…} (NaN, Infinity and
// undefined spelled {"$js":"NaN"} …) or {"error":"…"} where json-logic-js
// would throw. A line that is not such an object is bad input (exit 2).
std::string jsonlogic_lines(std::istream& in, bool compiled) {
    std::string out, line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (line.empty()) continue;
        const std::string where = "invoerregel " + std::to_string(number);
        nlohmann::json input;
        try {
            input = ivp::parse_user_json(line);
        } catch (const ivp::InputError& e) {
            throw ivp::InputError(where, e.what());
        }
        if (!input.is_object() || !input.contains("rule"))
            throw ivp::InputError(where, "verwacht een object met \"rule\" (en eventueel \"data\").");
        const nlohmann::json data = input.value("data", nlohmann::json());
        nlohmann::json result;
        if (compiled) {
            result = ivp::rules::compiled_case(input.at("rule"), data);
            if (!result.is_null()) {
                out += result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
                continue;
            }
        }
        try {
            result = {{"result", ivp::jsonlogic::canonical(ivp::jsonlogic::apply(input.at("rule"), data))}};
        } catch (const ivp::jsonlogic::Error& e) {
            result = {{"error", e.what()}};
        }
        out += result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    return out;
}

// `[--today DATE] [FILE]` from args[first…]: the day to count from (default
// the local date) and at most one other argument. Shared by calc,
// samenvatting, calc-lines and brief.
struct TodayAndRest {
    ivp::Date today;
    std::vector<std::string> rest;
};
TodayAndRest today_and_rest(const std::vector<std::string>& args, std::size_t first) {
    TodayAndRest out{today_local(), {}};
    for (std::size_t i = first; i < args.size(); ++i) {
        if (args[i] == "--today") {
            if (i + 1 >= args.size()) throw Usage("--today verwacht een datum");
            out.today = parse_date_argument(args[++i], "De datum bij --today");
        } else {
            out.rest.push_back(args[i]);
        }
    }
    if (out.rest.size() > 1) throw Usage("te veel argumenten");
    return out;
}

// calc and samenvatting share their arguments.
nlohmann::json calculate_from_arguments(const std::vector<std::string>& args) {
    const auto [today, rest] = today_and_rest(args, 0);
    if (!rest.empty() && rest[0] == "--default") return ivp::calculate_default(today);
    if (!rest.empty() && rest[0].rfind("--", 0) == 0) throw Usage("onbekende optie " + rest[0]);
    const std::string text = rest.empty() || rest[0] == "-" ? read_all(std::cin) : read_file(rest[0]);
    return ivp::calculate_text(text, today);
}

// One scenario a line in, one compact result or {"error":{message,where}} a
// line out: the WASM module's answer, for batch comparison (one process for
// a thousand scenarios). A bad line is data, not a failure of the command.
std::string calculate_lines(const std::vector<std::string>& args) {
    const auto parsed = today_and_rest(args, 0);
    const auto& rest = parsed.rest;
    const std::string today = ivp::format_iso_date(parsed.today);
    const std::string text = rest.empty() || rest[0] == "-" ? read_all(std::cin) : read_file(rest[0]);
    std::string out;
    std::size_t begin = 0;
    while (begin < text.size()) {
        auto end = text.find('\n', begin);
        if (end == std::string::npos) end = text.size();
        out += ivp::calculate_json_text(std::string_view(text).substr(begin, end - begin), today) + "\n";
        begin = end + 1;
    }
    return out;
}

// `brief KIND [--today DATE] FILE`: the letter for a scenario (src/ivp/api/letters.h).
std::string letter_from_arguments(const std::vector<std::string>& args) {
    if (args.empty()) throw Usage("brief verwacht ingebrekestelling of bezwaar");
    const auto kind = ivp::parse_letter_kind(args[0]);
    if (!kind) throw Usage("onbekende brief \"" + args[0] + "\"; kies ingebrekestelling of bezwaar");
    const auto [today, rest] = today_and_rest(args, 1);
    const std::string text = rest.empty() || rest[0] == "-" ? read_all(std::cin) : read_file(rest[0]);
    return ivp::letter_text(*kind, text, today);
}

std::string run(const std::vector<std::string>& args) {
    if (args.empty()) throw Usage("geen opdracht gegeven");
    const std::string& command = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (command == "calc") {
        // --met-regelboek: the result with the rulebook's tables put back
        // (src/ivp/result/rulebook_json.h), every text in one document.
        if (!rest.empty() && rest[0] == "--met-regelboek")
            return dump(ivp::with_rulebook(calculate_from_arguments({rest.begin() + 1, rest.end()}),
                                           ivp::embedded_rulebook_tables()));
        return dump(calculate_from_arguments(rest));
    }
    if (command == "regelboek") {
        if (!rest.empty()) throw Usage("regelboek heeft geen argumenten");
        return dump(ivp::embedded_rulebook_tables());
    }
    if (command == "calc-lines") return calculate_lines(rest);
    if (command == "samenvatting") return ivp_cli::summary_text(calculate_from_arguments(rest));
    if (command == "ics")
        return ivp::ics_calendar(ivp::with_rulebook(calculate_from_arguments(rest), ivp::embedded_rulebook_tables()),
                                 ivp::embedded_rulebook_tables());
    if (command == "brief") return letter_from_arguments(rest);
    if (command == "werkdagen") {
        if (rest.size() != 2) throw Usage("werkdagen verwacht een datum en een aantal");
        const auto date = parse_date_argument(rest[0], "De datum");
        const long n = parse_integer_argument(rest[1], "Het aantal werkdagen");
        if (n < -100000 || n > 100000)
            throw ivp::InputError("", "Het aantal werkdagen " + rest[1] + " is te groot.");
        return ivp::format_iso_date(ivp::embedded_calendar().add_working_days(date, static_cast<int>(n))) + "\n";
    }
    if (command == "feestdagen") {
        if (rest.size() != 1) throw Usage("feestdagen verwacht een jaar");
        const long year = parse_integer_argument(rest[0], "Het jaar");
        const auto& calendar = ivp::embedded_calendar();
        if (year < calendar.first_year() || year > calendar.last_year())
            throw ivp::InputError("", "Het jaar " + rest[0] + " valt buiten de kalender van deze rekenhulp (" +
                                          std::to_string(calendar.first_year()) + " tot en met " +
                                          std::to_string(calendar.last_year()) + ").");
        std::string out;
        for (const auto& f : calendar.feestdagen(static_cast<int>(year)))
            out += ivp::format_iso_date(f.date) + " " + f.name + "\n";
        return out;
    }
    if (command == "catalogus") return dump(ivp::catalogue_json(ivp::embedded_catalogue()));
    if (command == "validate") {
        if (rest.size() == 1) return validate_pack_file(rest[0]);  // docs/policy-pack.md
        if (!rest.empty()) throw Usage("validate heeft hooguit één argument: een beleidsbestand");
        // Parsing validates; touching each piece of embedded data is the check.
        std::string out;
        (void)ivp::embedded_catalogue();
        (void)ivp::embedded_calendar();
        (void)ivp::embedded_facts();
        (void)ivp::embedded_eigen_bijdrage();
        (void)ivp::embedded_financing();
        (void)ivp::embedded_policies();  // facts, ids, sources, operators, used_by
        (void)ivp::embedded_terms();
        (void)ivp::embedded_documents();  // data/sources.json
        (void)ivp::embedded_kit();
        for (const auto& f : ivp::embedded::data_files())
            out += "ok  data/" + std::string(f.path) + "\n";
        return out;
    }
    if (command == "jsonlogic") {
        // --compiled: through src/ivp/compiled_rules where the case fits its
        // subset (the line then says "compiled":true), else the tree walker.
        const bool compiled = rest.size() == 1 && rest[0] == "--compiled";
        if (!rest.empty() && !compiled) throw Usage("jsonlogic kent alleen --compiled");
        return jsonlogic_lines(std::cin, compiled);
    }
    throw Usage("onbekende opdracht \"" + command + "\"");
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        std::cout << run(args) << std::flush;
        return 0;
    } catch (const Usage& e) {
        std::cerr << "ivp: " << e.what() << ".\n" << kUsage;
        return kExitBadInput;
    } catch (const ivp::InputError& e) {
        std::cerr << "ivp: " << e.describe() << "\n";
        return kExitBadInput;
    } catch (const ivp::DataError& e) {
        std::cerr << "ivp: fout in de ingebouwde gegevens (een fout van ons, niet van u): " << e.what() << "\n";
        return kExitInternal;
    } catch (const std::exception& e) {
        std::cerr << "ivp: onverwachte fout: " << e.what() << "\n";
        return kExitInternal;
    }
}
