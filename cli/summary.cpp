#include "summary.h"

#include <algorithm>
#include <sstream>

#include "ivp/model/facts.h"

namespace ivp_cli {

std::string format_euros(long long euros) {
    const bool negative = euros < 0;
    std::string digits = std::to_string(negative ? -euros : euros);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += '.';
        grouped += digits[i];
    }
    return std::string("€ ") + (negative ? "-" : "") + grouped;
}

std::string format_range(const nlohmann::json& range) {
    const auto lo = range.at("min").get<long long>();
    const auto hi = range.at("max").get<long long>();
    return lo == hi ? format_euros(lo) : format_euros(lo) + " – " + format_euros(hi);
}

std::string format_dutch_date(const std::string& iso) {
    static const char* const months[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                         "juli",    "augustus", "september", "oktober", "november", "december"};
    const int month = std::stoi(iso.substr(5, 2));  // [1, 12], the core writes valid dates
    return std::to_string(std::stoi(iso.substr(8, 2))) + " " + months[month - 1] + " " + iso.substr(0, 4);
}

std::string summary_text(const nlohmann::json& result) {
    std::ostringstream out;
    const auto& budget = result.at("budget");
    const auto& provisions = result.at("provisions");
    out << "IVP-rekenhulp — Integraal Voorzieningen Plan ALS\n";
    out << "Melding: " << format_dutch_date(result.at("melding").get<std::string>())
        << (result.at("melding_source") == "today" ? " (vandaag)" : "") << "\n";
    out << "Voorzieningen in het plan: " << provisions.size() << "\n\n";
    out << "Budget (van – tot):\n";
    const auto row = [&out](const char* label, const nlohmann::json& range) {
        out << "  " << label << format_range(range) << "\n";
    };
    row("Wmo, cliëntgebonden   ", budget.at("wmo").at("client_bound"));
    row("Wmo, herinzetbaar     ", budget.at("wmo").at("reusable"));
    row("Wmo, totaal           ", budget.at("wmo").at("total"));
    row("Zvw, cliëntgebonden   ", budget.at("zvw").at("client_bound"));
    row("Zvw, herinzetbaar     ", budget.at("zvw").at("reusable"));
    row("Zvw, totaal           ", budget.at("zvw").at("total"));
    row("Totaal Wmo en Zvw     ", budget.at("total"));
    if (!provisions.empty()) {
        std::string first, last;
        for (const auto& p : provisions) {
            const auto date = p.at("delivery").at("als_protocol").get<std::string>();
            if (first.empty() || date < first) first = date;
            if (last.empty() || date > last) last = date;
        }
        out << "\nLevering volgens de termijnen van het ALS-protocol: tussen " << format_dutch_date(first)
            << " en " << format_dutch_date(last) << ".\n";
    }
    if (result.contains("costs")) {  // docs/costs.md
        const auto& eb = result.at("costs").at("eigen_bijdrage");
        out << "\nEigen bijdrage (Wmo): " << eb.at("summary").get<std::string>() << "\n";
        for (const auto& q : eb.at("open_questions")) {
            const auto* fact = ivp::embedded_facts().find(q.get<std::string>());
            out << "  Open vraag: " << (fact ? fact->definition.at("question").get<std::string>() : q.get<std::string>())
                << "\n";
        }
    }
    for (const auto& note : result.at("notes")) out << "Let op: " << note.get<std::string>() << "\n";
    out << "\n" << result.at("disclaimer").get<std::string>() << "\n";
    return out.str();
}

}  // namespace ivp_cli
