#include "ivp/dates/ics.h"

#include "ivp/base/date.h"
#include "ivp/dates/timeline.h"

namespace ivp {

namespace {

using nlohmann::json;

std::string compact(const std::string& iso) {  // "2026-03-02" → "20260302"
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

std::string next_day(const std::string& iso) { return format_iso_date(add_days(*parse_iso_date(iso), 1)); }

std::string status_text(const std::string& status) {
    if (status == "gehaald") return "Gehaald.";
    if (status == "niet_gehaald") return "Niet gehaald.";
    if (status == "verstreken") return "Termijn voorbij.";
    if (status == "onbekend") return "Niet te zien of dit gehaald is.";
    return "";
}

struct Writer {
    std::string out;
    std::string stamp;    // DTSTAMP, from the melding
    std::string uid_tail; // "-<melding>@ivp-rekenhulp"

    void line(std::string_view content) { out += ics_fold(content); }

    void event(const std::string& uid, const std::string& iso_date, const std::string& summary,
               const std::string& description) {
        line("BEGIN:VEVENT");
        line("UID:" + uid + uid_tail);
        line("DTSTAMP:" + stamp);
        line("DTSTART;VALUE=DATE:" + compact(iso_date));
        line("DTEND;VALUE=DATE:" + compact(next_day(iso_date)));
        line("SUMMARY:" + ics_escape(summary));
        if (!description.empty()) line("DESCRIPTION:" + ics_escape(description));
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }

    // A milestone carries no label or basis of its own when the rulebook's
    // `terms` has them (docs/result.md); `row` is a provision's cite (its row
    // of the IVP table) for the SLA milestones, which `terms` does not cite.
    void milestone(const std::string& scope, const std::string& prefix, const json& m, const json& terms,
                   const std::string& row = "") {
        if (!m.contains("date") || !m["date"].is_string()) return;
        const auto id = m["id"].get<std::string>();
        const json* table = terms.contains(id) ? &terms.at(id) : nullptr;
        std::string basis = m.value("basis", "");
        if (basis.empty()) basis = table && table->contains("cite") ? table->at("cite").get<std::string>() : row;
        const std::string label = m.contains("label") ? m["label"].get<std::string>()
                                  : table                ? table->at("label").get<std::string>()
                                                         : id;
        std::string description;
        if (m.contains("status")) description += status_text(m["status"].get<std::string>());
        if (m.contains("next_step")) description += (description.empty() ? "" : "\n") + m["next_step"].get<std::string>();
        if (!basis.empty()) description += (description.empty() ? "" : "\n") + ("Bron: " + basis);
        event(scope + "-" + id, m["date"].get<std::string>(), prefix + label, description);
    }
};

}  // namespace

std::string ics_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\n': out += "\\n"; break;
            case '\r': break;  // a CR alone has no meaning in TEXT; CRLF became \n above
            default: out += c;
        }
    }
    return out;
}

std::string ics_fold(std::string_view line) {
    std::string out;
    std::size_t pos = 0;
    std::size_t limit = 75;  // the first line holds 75 octets; continuations a space + 74
    while (line.size() - pos > limit) {
        std::size_t cut = pos + limit;
        // Never split a UTF-8 character: back up while at a continuation byte.
        while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        out.append(line.substr(pos, cut - pos));
        out += "\r\n ";
        pos = cut;
        limit = 74;
    }
    out.append(line.substr(pos));
    out += "\r\n";
    return out;
}

namespace {

void write_calendar_header(Writer& w) {
    w.line("BEGIN:VCALENDAR");
    w.line("VERSION:2.0");
    w.line("PRODID:-//IVP-rekenhulp//Tijdlijn//NL");
    w.line("CALSCALE:GREGORIAN");
    w.line("METHOD:PUBLISH");
    w.line("X-WR-CALNAME:" + ics_escape("Mijn IVP: verwachte data"));
}

// The ingebrekestelling and, when the result reckons one, the dwangsom's first and last day.
void write_late_decision(Writer& w, const json& result, const json& tables) {
    const auto& late = result.at("late_decision");
    const std::string late_basis = late.value("basis", tables.at("late_decision").at("basis").get<std::string>());
    if (late.at("status") != "op_tijd") {
        w.event("ingebrekestelling-vanaf", late.at("ingebrekestelling_vanaf").get<std::string>(),
                "Vanaf vandaag: ingebrekestelling mogelijk als er nog geen besluit is",
                late.value("next_step", "") + "\nBron: " + late_basis);
        if (late.contains("dwangsom") && !late["dwangsom"].value("voorbeeld", true)) {
            const auto& d = late["dwangsom"];
            w.event("dwangsom-eerste-dag", d.at("eerste_dag").get<std::string>(), "Eerste dag van de dwangsom (Awb 4:17)",
                    "Bron: " + late_basis);
            w.event("dwangsom-laatste-dag", d.at("laatste_dag").get<std::string>(), "Laatste dag van de dwangsom (Awb 4:17, ten hoogste 42 dagen)",
                    "Bron: " + late_basis);
        }
    }
}

// One provision: its call-off, the milestones of its ALS protocol track and the expected delivery.
void write_provision(Writer& w, const json& p, const json& result, const json& tables, const json& terms) {
    const std::string id = p.at("id");
    const std::string name = p.at("name");
    // Provisions with the same tracks share them (the result's `timelines`).
    const auto& track =
        result.at("timelines").at(p.at("delivery").at("timeline").get<std::string>()).at("als_protocol");
    // Mijn IVP: a call-off of its own (entered or planned) is a day in the agenda too.
    const auto calloff = p.value("calloff", nlohmann::json::object());
    if (calloff.value("kind", "melding") != "melding")
        w.event(id + "-afroep", calloff.at("date").get<std::string>(),
                name + (calloff.at("kind") == "werkelijk" ? ": afgeroepen" : ": uiterlijk afroepen"),
                "De termijnen van het ALS protocol tellen vanaf deze dag.");
    for (const auto& m : track.at("milestones")) w.milestone(id, name + ": ", m, terms, row_cite(name));
    std::string delivery_note = "Volgens de SLA van het ALS protocol.";
    if (calloff.value("too_slow", false))
        delivery_note += "\nTe laat: u heeft het nodig op " + calloff.at("needed").get<std::string>() +
                         ". Vraag om de spoedprocedure of een tijdelijke voorziening.";
    w.event(id + "-levering", track.at("end").get<std::string>(), name + ": verwachte levering (ALS protocol)",
            delivery_note + "\nBron: " + track.value("basis", tables.at("tracks").at("als_protocol").value("basis", "")));
}

}  // namespace

std::string ics_calendar(const json& result, const json& tables) {
    const std::string melding = result.at("melding").get<std::string>();
    Writer w;
    w.stamp = compact(melding) + "T000000Z";
    w.uid_tail = "-" + compact(melding) + "@ivp-rekenhulp";
    write_calendar_header(w);

    w.event("melding", melding, "Melding bij de gemeente", "De dag van uw melding. Alle termijnen tellen vanaf hier.");
    const auto& procedure = result.at("procedure");
    const json& terms = tables.at("terms");
    for (const auto& m : procedure.at("wmo_2015").at("milestones")) w.milestone("wmo", "Wmo: ", m, terms);
    for (const auto& m : procedure.at("gemeente").at("milestones")) w.milestone("gemeente", "Gemeente: ", m, terms);

    write_late_decision(w, result, tables);
    for (const auto& p : result.at("provisions")) write_provision(w, p, result, tables, terms);
    w.line("END:VCALENDAR");
    return w.out;
}

}  // namespace ivp
