// C ABI: template catalogs (built-in and user overlays), lookup and rendering.
#include "capi_internal.hpp"

#include <charconv>

#include "rapport/template.hpp"

using namespace rapport::capi;

namespace rapport::capi {

// Sets one argument from its text form according to its type in the vocabulary
// (numbers and dates are parsed). Shared with the JSON layer.
int set_arg(template_args &args, std::string_view name, std::string_view value) {
  const argument_info *info = nullptr;
  for (const auto &a : argument_vocabulary())
    if (a.name == name) info = &a;
  if (info == nullptr || info->type == argument_type::text || info->type == argument_type::keyword) {
    args.set(name, value);  // unknown names are reported by render()
    return RAPPORT_OK;
  }
  if (info->type == argument_type::number) {
    std::int64_t i = 0;
    auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), i);
    if (ec == std::errc() && p == value.data() + value.size() && !value.empty()) {
      args.set(name, i);
      return RAPPORT_OK;
    }
    double d = 0;
    auto [q, ec2] = std::from_chars(value.data(), value.data() + value.size(), d);
    if (ec2 == std::errc() && q == value.data() + value.size() && !value.empty()) {
      args.set(name, d);
      return RAPPORT_OK;
    }
    return fail(RAPPORT_EINVAL, "argument '" + std::string(name) + "' takes a number, not '" + std::string(value) + "'");
  }
  // date: "<unix ms>" or "<unix ms> <zone>"
  const std::size_t space = value.find(' ');
  const std::string_view ms = value.substr(0, space);
  date_value d;
  auto [p, ec] = std::from_chars(ms.data(), ms.data() + ms.size(), d.unix_ms);
  if (ec != std::errc() || p != ms.data() + ms.size() || ms.empty())
    return fail(RAPPORT_EINVAL, "argument '" + std::string(name) + "' takes '<Unix milliseconds> [zone]', not '" +
                                    std::string(value) + "'");
  if (space != std::string_view::npos) d.time_zone.assign(value.substr(space + 1));
  args.set(name, d);
  return RAPPORT_OK;
}

} // namespace rapport::capi

namespace {

int give_list(std::vector<std::string> items, rapport_strings **out) { return give_handle(out, std::move(items)); }

template <class T>
int check_start(T **out) {
  if (int s = check_out(out)) return s;
  *out = nullptr;
  return RAPPORT_OK;
}

} // namespace

extern "C" {

int rapport_catalog_builtin(rapport_catalog **out) {
  return guarded([&]() -> int {
    if (int s = check_start(out)) return s;
    auto cat = rapport::catalog::builtin();
    if (!cat) return fail(cat.error());
    return give_handle(out, std::move(*cat));
  });
}

void rapport_catalog_free(rapport_catalog *catalog) { destroy(catalog); }

int rapport_catalog_add_file(const rapport_catalog *catalog, const char *path, size_t path_len, const char *locale,
                             size_t locale_len, rapport_catalog **out) {
  return guarded([&]() -> int {
    if (int s = check_start(out)) return s;
    if (int s = check_handle(catalog, "catalog")) return s;
    if (int s = check_text(path, path_len, "path")) return s;
    if (int s = check_text(locale, locale_len, "locale")) return s;
    auto cat = catalog->value.overlay_file(view(path, path_len), view(locale, locale_len));
    if (!cat) return fail(cat.error());
    return give_handle(out, std::move(*cat));
  });
}

int rapport_catalog_add_bytes(const rapport_catalog *catalog, const char *bytes, size_t bytes_len, const char *name,
                              size_t name_len, const char *locale, size_t locale_len, rapport_catalog **out) {
  return guarded([&]() -> int {
    if (int s = check_start(out)) return s;
    if (int s = check_handle(catalog, "catalog")) return s;
    if (bytes == nullptr && bytes_len != 0) return fail(RAPPORT_EINVAL, "bytes is NULL but bytes_len is not 0");
    if (bytes_len > rapport::max_text_size)
      return fail(RAPPORT_ELIMIT, "catalog of " + std::to_string(bytes_len) + " bytes exceeds the limit");
    if (int s = check_text(name, name_len, "name")) return s;
    if (int s = check_text(locale, locale_len, "locale")) return s;
    auto cat = catalog->value.overlay_bytes(view(bytes, bytes_len), view(name, name_len), view(locale, locale_len));
    if (!cat) return fail(cat.error());
    return give_handle(out, std::move(*cat));
  });
}

int rapport_catalog_locales(const rapport_catalog *catalog, rapport_strings **out) {
  return guarded([&]() -> int {
    if (int s = check_start(out)) return s;
    if (int s = check_handle(catalog, "catalog")) return s;
    return give_list(catalog->value.locales(), out);
  });
}

int rapport_catalog_slots(const rapport_catalog *catalog, const char *locale, size_t locale_len, rapport_strings **out) {
  return guarded([&]() -> int {
    if (int s = check_start(out)) return s;
    if (int s = check_handle(catalog, "catalog")) return s;
    if (int s = check_text(locale, locale_len, "locale")) return s;
    return give_list(catalog->value.slots(view(locale, locale_len)), out);
  });
}

int rapport_catalog_situations(rapport_strings **out) {
  return guarded([&]() -> int {
    if (int s = check_start(out)) return s;
    std::vector<std::string> items;
    for (auto s : rapport::builtin_situations()) items.emplace_back(s);
    return give_list(std::move(items), out);
  });
}

int rapport_catalog_lookup(const rapport_catalog *catalog, const char *locale, size_t locale_len, const char *slot,
                           size_t slot_len, rapport_lookup **out) {
  return guarded([&]() -> int {
    if (int s = check_start(out)) return s;
    if (int s = check_handle(catalog, "catalog")) return s;
    if (int s = check_text(locale, locale_len, "locale")) return s;
    if (int s = check_text(slot, slot_len, "slot")) return s;
    auto hit = catalog->value.lookup(view(locale, locale_len), view(slot, slot_len));
    if (!hit) return fail(hit.error());
    std::string pattern = hit->tmpl.pattern();
    return give_handle(out, std::move(*hit), std::move(pattern));
  });
}

void rapport_lookup_free(rapport_lookup *lookup) { destroy(lookup); }

int rapport_lookup_get(const rapport_lookup *lookup, int field, rapport_str *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(lookup, "lookup")) return s;
    if (int s = check_out(out)) return s;
    const rapport::lookup_result &l = lookup->value;
    switch (field) {
    case RAPPORT_LOOKUP_SLOT: borrow(l.slot, out); return RAPPORT_OK;
    case RAPPORT_LOOKUP_REQUESTED_LOCALE: borrow(l.requested_locale, out); return RAPPORT_OK;
    case RAPPORT_LOOKUP_CATALOG_LOCALE: borrow(l.catalog_locale, out); return RAPPORT_OK;
    case RAPPORT_LOOKUP_SOURCE: borrow(l.source, out); return RAPPORT_OK;
    case RAPPORT_LOOKUP_PATTERN: borrow(lookup->pattern, out); return RAPPORT_OK;
    default: return fail(RAPPORT_EINVAL, "unknown lookup field " + std::to_string(field));
    }
  });
}

int rapport_lookup_fallback(const rapport_lookup *lookup, int *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(lookup, "lookup")) return s;
    if (int s = check_out(out)) return s;
    *out = lookup->value.fallback ? 1 : 0;
    return RAPPORT_OK;
  });
}

int rapport_lookup_tried(const rapport_lookup *lookup, rapport_strings **out) {
  return guarded([&]() -> int {
    if (int s = check_start(out)) return s;
    if (int s = check_handle(lookup, "lookup")) return s;
    return give_list(lookup->value.tried, out);
  });
}

int rapport_catalog_render(const rapport_catalog *catalog, const char *locale, size_t locale_len, const char *slot,
                           size_t slot_len, const rapport_arg *args, size_t count, char **out, size_t *out_len) {
  return guarded([&]() -> int {
    if (int s = check_start(out)) return s;
    if (int s = check_handle(catalog, "catalog")) return s;
    if (int s = check_text(locale, locale_len, "locale")) return s;
    if (int s = check_text(slot, slot_len, "slot")) return s;
    if (args == nullptr && count != 0) return fail(RAPPORT_EINVAL, "args is NULL but count is not 0");
    rapport::template_args targs;
    for (size_t i = 0; i < count; ++i) {
      const std::string at = "args[" + std::to_string(i) + "]";
      if (int s = check_text(args[i].name, args[i].name_len, (at + ".name").c_str())) return s;
      if (int s = check_text(args[i].value, args[i].value_len, (at + ".value").c_str())) return s;
      if (int s = set_arg(targs, view(args[i].name, args[i].name_len), view(args[i].value, args[i].value_len)))
        return s;
    }
    auto hit = catalog->value.lookup(view(locale, locale_len), view(slot, slot_len));
    if (!hit) return fail(hit.error());
    auto text = hit->tmpl.render(targs);
    if (!text) return fail(text.error());
    return give_string(*text, out, out_len);
  });
}

} // extern "C"
