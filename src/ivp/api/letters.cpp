#include "ivp/api/letters.h"

#include "ivp/api/boundary.h"
#include "ivp/result/calculate.h"
#include "ivp/base/error.h"
#include "ivp/base/json_input.h"
#include "ivp/base/json_object.h"
#include "ivp/result/read_scenario.h"

namespace ivp {

using json = nlohmann::json;

namespace {

constexpr const char* kAwbLink = "https://wetten.overheid.nl/BWBR0005537/2026-01-01";

std::string dutch(const json& iso) { return format_dutch_date(*parse_iso_date(iso.get<std::string>())); }

// What the user typed, or a placeholder in brackets that shows what to fill in.
std::string or_blank(const std::string& typed, const char* placeholder) {
    return typed.empty() ? std::string(placeholder) : typed;
}

// The sender, the addressee and the date: the head of both letters.
std::string letter_head(const Scenario& s, const std::string& subject) {
    std::string out = or_blank(s.brief_naam, "[uw naam]") + "\n" + or_blank(s.brief_adres, "[uw adres]") + "\n\n";
    out += "Aan het college van burgemeester en wethouders van de gemeente " +
           or_blank(s.brief_gemeente, "[naam van uw gemeente]") + "\n\n";
    out += "Datum: " + format_dutch_date(s.peildatum) + "\n";
    out += "Onderwerp: " + subject + "\n\n";
    out += "Geacht college,\n\n";
    return out;
}

std::string letter_foot(const Scenario& s) {
    return "Met vriendelijke groet,\n\n\n" + or_blank(s.brief_naam, "[uw naam]") + "\n(handtekening)\n";
}

// Whole euros as "€ 23", else "€ 23,50".
std::string euro_amount(std::int64_t cents) {
    std::string out = "€ " + std::to_string(cents / 100);
    if (cents % 100 != 0) out += "," + std::string(cents % 100 < 10 ? "0" : "") + std::to_string(cents % 100);
    return out;
}

// "€ 23 per dag voor de eerste 14 dagen, € 35 … en € 45 per dag voor de overige dagen"
std::string tiers_text(const json& tiers) {
    std::string out;
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        const auto amount = euro_amount(tiers[i].at("eurocents_per_day").get<std::int64_t>()) + " per dag";
        const auto days = std::to_string(tiers[i].at("days").get<int>());
        if (i == 0) out += amount + " voor de eerste " + days + " dagen";
        else if (i + 1 < tiers.size()) out += ", " + amount + " voor de " + days + " dagen daarna";
        else out += " en " + amount + " voor de overige dagen";
    }
    return out;
}

std::string wmo_provisions(const json& result) {
    std::string out;
    for (const auto& p : result.at("provisions"))
        if (p.at("law") == "wmo") out += (out.empty() ? "" : ", ") + p.at("name").get<std::string>();
    return out;
}

// Throws, saying why, when no ingebrekestelling can be written now.
void require_ingebrekestelling(const json& late) {
    const auto status = late.at("status").get<std::string>();
    if (late.at("aanvraag").at("kind") != "werkelijk")
        throw InputError("/dates/aanvraag", "vul eerst de datum van uw aanvraag in. Een ingebrekestelling gaat over "
                                            "een aanvraag; zonder die datum kent de rekenhulp de beslistermijn niet.");
    if (status == "termijn_loopt")
        throw InputError("", "Een ingebrekestelling kan nog niet: de gemeente heeft nog tot en met " +
                                 dutch(late.at("beslistermijn_einde")) + " om te beslissen. Vanaf " +
                                 dutch(late.at("ingebrekestelling_vanaf")) + " kan het wel.");
    if (status == "op_tijd" || status == "te_laat_beslist")
        throw InputError("/dates/beschikking", "de gemeente heeft al beslist. Een ingebrekestelling is dan niet meer "
                                               "nodig. Bent u het niet eens met het besluit, maak dan bezwaar.");
}

std::string dwangsom_paragraph(const json& d) {
    std::string out = "Beslist u niet binnen twee weken nadat u deze brief hebt ontvangen, dan bent u mij een dwangsom "
                      "verschuldigd voor elke dag dat u in gebreke bent, vanaf " + dutch(d.at("eerste_dag")) +
                      ", ten hoogste 42 dagen (tot en met " + dutch(d.at("laatste_dag")) + ")";
    const auto& tarief = d.contains("tarief") ? d.at("tarief") : json();
    if (tarief.is_object() && tarief.at("tiers").is_array() && d.contains("maximum"))
        out += ": " + tiers_text(tarief.at("tiers")) + ", samen ten hoogste " +
               d.at("maximum").at("tekst").get<std::string>();
    return out + " (artikel 4:17 van de Algemene wet bestuursrecht).\n\n";
}

std::string ingebrekestelling_body(const json& result) {
    const auto& late = result.at("late_decision");
    const auto& d = late.at("dwangsom");
    std::string out = "Op " + dutch(late.at("aanvraag").at("date")) +
                      " heb ik een aanvraag gedaan voor ondersteuning op grond van de Wet maatschappelijke "
                      "ondersteuning 2015 (Wmo 2015).";
    const auto wmo = wmo_provisions(result);
    if (!wmo.empty()) out += " Mijn aanvraag gaat over: " + wmo + ".";
    out += "\n\nVolgens artikel 2.3.5, tweede lid, van de Wmo 2015 geeft u de beschikking binnen twee weken na "
           "ontvangst van de aanvraag. Die termijn is geëindigd op " + dutch(late.at("beslistermijn_einde")) +
           ". Ik heb nog geen besluit ontvangen.\n\n";
    out += "Met deze brief stel ik u in gebreke. Ik verzoek u alsnog binnen twee weken op mijn aanvraag te "
           "beslissen.\n\n";
    out += dwangsom_paragraph(d);
    return out;
}

std::string ingebrekestelling_notes(const json& late) {
    const auto& d = late.at("dwangsom");
    std::string out = "\n----------------------------------------\nVoor uzelf (niet meesturen)\n\n";
    out += "- De data in deze brief gaan ervan uit dat de gemeente de brief ontvangt op " +
           dutch(d.at("ingebrekestelling_ontvangen")) + ". Ontvangt zij hem later, dan schuiven de data op.\n";
    out += "- Stuur de brief zo dat u kunt bewijzen dat de gemeente hem ontving (aangetekend, of afgeven en een "
           "ontvangstbewijs vragen). Bewaar een kopie.\n";
    out += "- Geen dwangsom is verschuldigd als de gemeente onredelijk laat in gebreke is gesteld, als u geen "
           "belanghebbende bent, of als de aanvraag kennelijk niet-ontvankelijk of kennelijk ongegrond is (Awb art. "
           "4:17 lid 5 in de versie vanaf 1 januari 2026; lid 6 in de versie daarvoor).\n";
    out += "- Beslist de gemeente dan nog niet, dan kunt u ook beroep instellen bij de rechter (Awb art. 6:12).\n";
    out += "- Bronnen: Wmo 2015 art. 2.3.5 lid 2 (https://wetten.overheid.nl/BWBR0035362/); Awb art. 4:17 (" +
           std::string(kAwbLink) + "#Artikel417).\n";
    return out;
}

void require_bezwaar(const json& kit) {
    if (kit.at("bezwaar").is_null())
        throw InputError("/dates/beschikking", "vul eerst de datum van het besluit (de beschikking) in. De termijn "
                                               "voor bezwaar loopt vanaf de dag nadat het besluit is bekendgemaakt.");
}

std::string bezwaar_body(const json& bezwaar) {
    std::string out = "Ik maak bezwaar tegen uw besluit van " + dutch(bezwaar.at("beschikking")) +
                      " over mijn aanvraag op grond van de Wet maatschappelijke ondersteuning 2015 (Wmo 2015). Het "
                      "kenmerk van het besluit is: [kenmerk van het besluit]. Een kopie van het besluit stuur ik mee.\n\n";
    out += "Waarom ik het niet eens ben met het besluit:\n";
    out += "1. [Schrijf hier wat u in het besluit niet goed vindt, en waarom.]\n";
    out += "2. [Schrijf hier wat u nodig hebt. Noem het functioneel advies van uw ergotherapeut of revalidatieteam: "
           "dat advies is leidend.]\n";
    out += "3. [Noem wat het ALS protocol hulpmiddelen hierover zegt; zie 'Wat u mag vragen' in uw keukentafel-kit.]\n\n";
    out += "Ik verzoek u het besluit te herroepen en een nieuw besluit te nemen waarin [schrijf hier wat u wilt].\n\n";
    out += "Ik wil graag worden gehoord voordat u op mijn bezwaar beslist (artikel 7:2 van de Algemene wet "
           "bestuursrecht).\n\n";
    return out;
}

std::string bezwaar_notes(const json& bezwaar) {
    std::string out = "\n----------------------------------------\nVoor uzelf (niet meesturen)\n\n";
    out += "- Uiterste dag om bezwaar te maken: " + dutch(bezwaar.at("termijn_einde")) +
           ". De termijn is zes weken en begint de dag na de bekendmaking van het besluit (Awb art. 6:7 en 6:8 lid 1)";
    out += bezwaar.at("atw_verschoven").get<bool>()
               ? "; de zes weken eindigden op een zaterdag, zondag of feestdag en schuiven daarom door naar de "
                 "volgende werkdag (Algemene termijnenwet art. 1).\n"
               : ".\n";
    if (bezwaar.at("status") == "verstreken")
        out += "- Let op: deze dag is voorbij. Een bezwaar dat te laat is, wordt alleen behandeld als u redelijkerwijs "
               "niet te laat was (Awb art. 6:11). Schrijf in uw brief waarom het later is.\n";
    out += "- " + bezwaar.at("bekendmaking").at("reasoning").get<std::string>() + "\n";
    out += "- Het bezwaar is op tijd als de gemeente het vóór het einde van de termijn ontvangt. Per post: als u het "
           "vóór het einde van de termijn op de post doet en de gemeente het uiterlijk een week later ontvangt (Awb "
           "art. 6:9).\n";
    out += "- Zet uw handtekening eronder. Een bezwaarschrift bevat ten minste uw naam en adres, de datum, een "
           "omschrijving van het besluit en de gronden (Awb art. 6:5 lid 1).\n";
    out += "- Bronnen: Awb art. 6:5, 6:7, 6:8, 6:9 en 7:2 (" + std::string(kAwbLink) +
           "#Artikel67); Algemene termijnenwet art. 1 (https://wetten.overheid.nl/BWBR0002448).\n";
    return out;
}

}  // namespace

std::optional<LetterKind> parse_letter_kind(std::string_view name) {
    if (name == "ingebrekestelling") return LetterKind::ingebrekestelling;
    if (name == "bezwaar") return LetterKind::bezwaar;
    return std::nullopt;
}

std::string letter_text(LetterKind kind, const Scenario& s, const json& result) {
    if (kind == LetterKind::ingebrekestelling) {
        const auto& late = result.at("late_decision");
        require_ingebrekestelling(late);
        return letter_head(s, "ingebrekestelling wegens niet tijdig beslissen op mijn Wmo-aanvraag") +
               ingebrekestelling_body(result) + letter_foot(s) + ingebrekestelling_notes(late);
    }
    const auto& kit = result.at("kit");
    require_bezwaar(kit);
    const auto& bezwaar = kit.at("bezwaar");
    return letter_head(s, "bezwaarschrift tegen uw besluit van " + dutch(bezwaar.at("beschikking"))) +
           bezwaar_body(bezwaar) + letter_foot(s) + "\nBijlage: kopie van het besluit van " +
           dutch(bezwaar.at("beschikking")) + "\n" + bezwaar_notes(bezwaar);
}

std::string letter_text(LetterKind kind, std::string_view scenario_json, Date today) {
    const auto& rulebook = embedded_rulebook();
    const auto input = parse_user_json(scenario_json);
    const Scenario scenario = parse_scenario(input, rulebook.catalogue, today);
    return letter_text(kind, scenario, calculate(scenario, rulebook));
}

std::string letter_json_text(std::string_view kind, std::string_view scenario_json, std::string_view today) {
    try {
        const auto k = parse_letter_kind(kind);
        if (!k) return error_json_text("Onbekende brief " + quote_for_message(kind) + ".", "");
        const auto date = parse_iso_date(today);
        if (!date) return error_json_text("De datum van vandaag (" + quote_for_message(today) + ") is ongeldig.", "");
        return json_text(JsonObject().add("text", letter_text(*k, scenario_json, *date)).take());
    } catch (const InputError& e) {
        return error_json_text(e.what(), e.where());
    } catch (const std::exception& e) {
        return error_json_text(std::string("Onverwachte fout: ") + e.what(), "");
    }
}

}  // namespace ivp
