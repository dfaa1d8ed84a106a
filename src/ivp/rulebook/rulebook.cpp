#include "ivp/rulebook/rulebook.h"

#include "ivp/base/embedded_data.h"
#include "ivp/base/error.h"

namespace ivp {

const Rulebook& embedded_rulebook() {
    static const Rulebook rulebook{embedded_catalogue(), embedded_calendar(),  embedded_facts(),
                                   embedded_policies(),  embedded_terms(),     embedded_financing(),
                                   embedded_eigen_bijdrage()};
    return rulebook;
}

namespace {

nlohmann::json edited(std::string_view path, const CustomRulebook::Edit& edit) {
    auto data = nlohmann::json::parse(embedded::data_file(path));
    edit(path, data);
    return data;
}

}  // namespace

// Members are built in declaration order: the catalogue first, then every
// file validated against it, exactly as the embedded ones are at start-up.
CustomRulebook::CustomRulebook(const Edit& edit)
    : catalogue_(parse_catalogue(edited("als-ivp-catalogue.json", edit), "data/als-ivp-catalogue.json")),
      policies_([&] {
          auto files = embedded_policy_files();
          for (auto& [file, data] : files) edit(std::string_view(file).substr(5), data);  // without "data/"
          return parse_policies(files, catalogue_, embedded_facts());
      }()),
      terms_(parse_terms(edited("terms.json", edit).dump(), catalogue_)),
      financing_(parse_financing(edited("financing.json", edit), "data/financing.json", catalogue_)),
      eigen_bijdrage_(parse_eigen_bijdrage(edited("eigen-bijdrage.json", edit), "data/eigen-bijdrage.json",
                                           catalogue_, embedded_calendar().first_year(),
                                           embedded_calendar().last_year())),
      view_{catalogue_, embedded_calendar(), embedded_facts(), policies_, terms_, financing_, eigen_bijdrage_} {}

}  // namespace ivp
