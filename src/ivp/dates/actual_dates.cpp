#include "ivp/dates/actual_dates.h"

#include <algorithm>

#include "ivp/base/calendar.h"
#include "ivp/base/error.h"
#include "ivp/base/json_input.h"

namespace ivp {

namespace {

using namespace std::chrono;

// "het gesprek", "de aanvraag": the event with its article, for messages.
std::string with_article(std::string_view event) {
    if (event == "gesprek") return "het gesprek";
    if (event == "doorgegeven") return "de doorgave aan de leverancier";
    return "de " + std::string(event);
}

Date read_date(const nlohmann::json& v, const std::string& where, const std::string& what) {
    if (!v.is_string())
        throw InputError(where, what + " moet een datum zijn als \"2026-03-15\", maar is " + dutch_type_name(v) + ".");
    const auto date = parse_iso_date(v.get<std::string>());
    if (!date)
        throw InputError(where, "\"" + v.get<std::string>() +
                                    "\" is geen bestaande datum. Schrijf jaar-maand-dag, bijvoorbeeld \"2026-03-15\".");
    const auto& calendar = embedded_calendar();
    if (!calendar.supports(*date))
        throw InputError(where, what + " " + format_iso_date(*date) + " valt buiten de kalender van deze rekenhulp (" +
                                    std::to_string(calendar.first_year()) + " tot en met " +
                                    std::to_string(calendar.last_year()) + ").");
    return *date;
}

template <std::size_t N>
std::map<std::string, Date, std::less<>> read_events(const nlohmann::json& object, const std::string& where,
                                                     const std::array<std::string_view, N>& allowed) {
    require_object(object, where, "Een lijst met data");
    std::map<std::string, Date, std::less<>> events;
    for (const auto& [key, value] : object.items()) {
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            std::string names;
            for (auto a : allowed) names += (names.empty() ? "" : ", ") + std::string(a);
            throw InputError(pointer_join(where, key),
                             "onbekende gebeurtenis \"" + key + "\". Hier kunnen: " + names + ".");
        }
        events.emplace(key, read_date(value, pointer_join(where, key), "De datum van " + with_article(key)));
    }
    return events;
}

bool before(Date a, Date b) { return sys_days{a} < sys_days{b}; }

// An event cannot happen before the one it answers: a typo in a year
// (2062 for 2026) should be caught here, not shown as a strange timeline.
void require_order(const std::optional<Date>& first, const char* first_name, const std::optional<Date>& second,
                   const char* second_name, const std::string& where) {
    if (first && second && before(*second, *first))
        throw InputError(where, with_article(second_name) + " (" + format_iso_date(*second) + ") ligt vóór " +
                                    with_article(first_name) + " (" + format_iso_date(*first) +
                                    "). Kijk de data na.");
}

std::optional<Date> find(const std::map<std::string, Date, std::less<>>& m, std::string_view key) {
    const auto it = m.find(key);
    if (it == m.end()) return std::nullopt;
    return it->second;
}

}  // namespace

std::optional<Date> event_date(const Scenario& s, std::size_t i, std::string_view event) {
    if (i < s.actual.size())
        if (auto own = find(s.actual[i], event)) return own;
    return find(s.dates, event);
}

namespace {

// `/dates`: the events of the request as a whole, none before the melding.
void read_request_dates(const nlohmann::json& dates, Scenario& s) {
    s.dates = read_events(dates, "/dates", kRequestEvents);
    for (const auto& [event, date] : s.dates)
        if (before(date, s.melding))
            throw InputError(pointer_join("/dates", event),
                             with_article(event) + " (" + format_iso_date(date) + ") ligt vóór de melding (" +
                                 format_iso_date(s.melding) + "). Kijk de data na.");
    require_order(find(s.dates, "aanvraag"), "aanvraag", find(s.dates, "beschikking"), "beschikking",
                  "/dates/beschikking");
    require_order(find(s.dates, "aanvraag"), "aanvraag", find(s.dates, "ingebrekestelling"), "ingebrekestelling",
                  "/dates/ingebrekestelling");
}

// `/actual/<id>`: one provision's own events, none before its melding (its
// own or the first), in order with the request's where it has none of its own.
void read_provision_dates(const nlohmann::json& entry, const std::string& where, std::size_t i, Scenario& s) {
    s.actual[i] = read_events(entry, where, kProvisionEvents);
    const Date melding = find(s.actual[i], "melding").value_or(s.melding);
    if (before(melding, s.melding))
        throw InputError(pointer_join(where, "melding"),
                         "de melding van deze voorziening (" + format_iso_date(melding) +
                             ") ligt vóór de eerste melding (" + format_iso_date(s.melding) + ").");
    for (const auto& [event, date] : s.actual[i])
        if (before(date, melding))
            throw InputError(pointer_join(where, event),
                             with_article(event) + " (" + format_iso_date(date) + ") ligt vóór de melding (" +
                                 format_iso_date(melding) + "). Kijk de data na.");
    require_order(event_date(s, i, "aanvraag"), "aanvraag", event_date(s, i, "beschikking"), "beschikking",
                  pointer_join(where, "beschikking"));
    require_order(event_date(s, i, "passing"), "passing", event_date(s, i, "levering"), "levering",
                  pointer_join(where, "levering"));
    require_order(event_date(s, i, "doorgegeven"), "doorgegeven", event_date(s, i, "passing"),
                  "passing", pointer_join(where, "passing"));
}

void read_actual_per_provision(const nlohmann::json& actual, const Catalogue& catalogue, Scenario& s) {
    require_object(actual, "/actual", "actual");
    for (const auto& [id, entry] : actual.items()) {
        const auto where = pointer_join("/actual", id);
        const auto index = catalogue.find(id);
        if (!index)
            throw InputError(where, "onbekende voorziening \"" + id +
                                        "\". Gebruik een id uit de IVP-tabel, bijvoorbeeld \"traplift\".");
        read_provision_dates(entry, where, *index, s);
    }
}

}  // namespace

void read_actual_dates(const nlohmann::json& input, const Catalogue& catalogue, Scenario& s) {
    s.actual.assign(catalogue.provisions.size(), {});
    if (input.contains("peildatum")) {
        s.peildatum = read_date(input.at("peildatum"), "/peildatum", "De peildatum");
        s.peildatum_given = true;
    }
    if (input.contains("dates")) read_request_dates(input.at("dates"), s);
    if (input.contains("actual")) read_actual_per_provision(input.at("actual"), catalogue, s);
}

}  // namespace ivp
