#include "ivp/rulebook/rulebook.h"

#include "ivp/base/data_reader.h"
#include "ivp/base/embedded_data.h"
#include "ivp/base/error.h"
#include "ivp/base/json_object.h"

namespace ivp {

const Rulebook& embedded_rulebook() {
    static const Rulebook rulebook{embedded_catalogue(), embedded_calendar(),  embedded_facts(),
                                   embedded_policies(),  embedded_terms(),     embedded_financing(),
                                   embedded_eigen_bijdrage(),
                                   embedded_catalogue().id + "@" + std::string(embedded::data_version())};
    return rulebook;
}

namespace {

void digest(std::uint64_t& h, std::string_view text) {
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
}

// A data file after `edit`; its text goes into the custom rulebook's digest.
nlohmann::json edited(std::string_view path, const CustomRulebook::Edit& edit, std::uint64_t& h) {
    auto data = parse_data_json(embedded::data_file(path));
    edit(path, data);
    digest(h, path);
    digest(h, json_text(data));
    return data;
}

std::string hex(std::uint64_t h) {
    static const char* digits = "0123456789abcdef";
    std::string out(16, '0');
    for (int k = 15; k >= 0; --k, h >>= 4) out[static_cast<std::size_t>(k)] = digits[h & 15];
    return out;
}

}  // namespace

// Members are built in declaration order: the catalogue first, then every
// file validated against it, exactly as the embedded ones are at start-up.
CustomRulebook::CustomRulebook(const Edit& edit)
    : catalogue_(parse_catalogue(edited("als-ivp-catalogue.json", edit, digest_), "data/als-ivp-catalogue.json")),
      policies_([&] {
          auto files = embedded_policy_files();
          for (auto& [file, data] : files) {
              edit(std::string_view(file).substr(5), data);  // without "data/"
              digest(digest_, file);
              digest(digest_, json_text(data));
          }
          return parse_policies(files, catalogue_, embedded_facts());
      }()),
      terms_(parse_terms(json_text(edited("terms.json", edit, digest_)), catalogue_)),
      financing_(parse_financing(edited("financing.json", edit, digest_), "data/financing.json", catalogue_)),
      eigen_bijdrage_(parse_eigen_bijdrage(edited("eigen-bijdrage.json", edit, digest_), "data/eigen-bijdrage.json",
                                           catalogue_, embedded_calendar().first_year(),
                                           embedded_calendar().last_year())),
      view_{catalogue_, embedded_calendar(), embedded_facts(), policies_, terms_, financing_, eigen_bijdrage_,
            // The calendar and the facts are the embedded ones: the build's digest names them.
            catalogue_.id + "@" + std::string(embedded::data_version()) + "+" + hex(digest_)} {}

}  // namespace ivp
