// The Boost.Locale side of catalog loading: a gettext message facet built from
// .mo bytes held in memory. Boost.Locale asks for files by path; the callback
// in messages_info answers with our bytes, so nothing touches the disk.
#include <exception>
#include <locale>

#include <boost/locale/gnu_gettext.hpp>
#include <boost/locale/message.hpp>

#include "templates/gettext_files.hpp"

namespace rapport::detail::tpl {

result<std::vector<std::string>> boost_translate(std::string_view mo_bytes, std::string_view language,
                                                 const std::vector<std::pair<std::string, std::string>> &keys) {
  namespace gg = boost::locale::gnu_gettext;
  try {
    gg::messages_info info;
    // Boost.Locale wants the POSIX form: language and country apart.
    const std::string tag(language);
    const auto dash = tag.find_first_of("-_");
    info.language = tag.substr(0, dash);
    if (dash != std::string::npos) {
      const auto rest = tag.substr(dash + 1);
      if (rest.size() == 2) info.country = rest;
    }
    info.encoding = "UTF-8";
    info.domains.emplace_back(gg::messages_info::domain("rapport"));
    info.paths.emplace_back("rapport-embedded:");
    const std::vector<char> bytes(mo_bytes.begin(), mo_bytes.end());
    bool asked = false;
    info.callback = [&bytes, &asked](const std::string &, const std::string &) {
      asked = true;
      return bytes;
    };
    auto *raw = gg::create_messages_facet<char>(info);
    if (raw == nullptr) return make_error(errc::internal, "Boost.Locale did not load the catalog");
    // A facet is reference-counted by the std::locale that holds it.
    const std::locale holder(std::locale::classic(), raw);
    if (!asked) return make_error(errc::internal, "Boost.Locale did not ask for the catalog");
    const auto *facet = &std::use_facet<boost::locale::message_format<char>>(holder);
    std::vector<std::string> out;
    out.reserve(keys.size());
    for (const auto &[context, id] : keys) {
      const char *t = facet->get(0, context.empty() ? nullptr : context.c_str(), id.c_str());
      out.emplace_back(t ? t : "");
    }
    return out;
  } catch (const std::exception &e) {
    return make_error(errc::internal, std::string("Boost.Locale: ") + e.what());
  }
}

} // namespace rapport::detail::tpl
