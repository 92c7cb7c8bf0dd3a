// C ABI: version, errors, strings and string lists, and the text utilities.
#include "capi_internal.hpp"

#include "rapport/version.hpp"

namespace rapport::capi {

int status_of(errc code) noexcept {
  switch (code) {
  case errc::ok: return RAPPORT_OK;
  case errc::invalid_utf8: return RAPPORT_EUTF8;
  case errc::invalid_argument: return RAPPORT_EINVAL;
  case errc::not_found: return RAPPORT_ENOTFOUND;
  case errc::parse_error: return RAPPORT_EPARSE;
  case errc::limit_exceeded: return RAPPORT_ELIMIT;
  case errc::io_error: return RAPPORT_EIO;
  case errc::no_shared_context: return RAPPORT_ENOCONTEXT;
  case errc::internal: return RAPPORT_EINTERNAL;
  }
  return RAPPORT_EINTERNAL;
}

int check_text(const char *text, std::size_t len, const char *what) {
  if (text == nullptr && len != 0) return fail(RAPPORT_EINVAL, std::string(what) + " is NULL but its length is not 0");
  if (len > max_text_size)
    return fail(RAPPORT_ELIMIT, std::string(what) + " of " + std::to_string(len) + " bytes exceeds the limit of " +
                                    std::to_string(max_text_size) + " bytes");
  if (auto bad = find_invalid_utf8(view(text, len)))
    return fail(RAPPORT_EUTF8, std::string(what) + ": invalid UTF-8 at byte " + std::to_string(*bad),
                static_cast<std::int64_t>(*bad));
  return RAPPORT_OK;
}

int give_string(const std::string &s, char **out, std::size_t *out_len) {
  char *p = static_cast<char *>(std::malloc(s.size() + 1));
  if (p == nullptr) return fail(RAPPORT_EINTERNAL, "out of memory");
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  *out = p;
  if (out_len != nullptr) *out_len = s.size();
  return RAPPORT_OK;
}

const char *handle_name(std::uint32_t magic) noexcept {
  switch (magic) {
  case magic_strings: return "rapport_strings";
  case magic_contact: return "rapport_contact";
  case magic_event: return "rapport_event";
  case magic_challenge: return "rapport_challenge";
  case magic_builder: return "rapport_directory_builder";
  case magic_directory: return "rapport_directory";
  case magic_sender: return "rapport_sender";
  case magic_contexts: return "rapport_contexts";
  case magic_results: return "rapport_results";
  case magic_catalog: return "rapport_catalog";
  case magic_lookup: return "rapport_lookup";
  case magic_platform: return "rapport_platform";
  case magic_note: return "rapport_note";
  case magic_findings: return "rapport_findings";
  case magic_batch: return "rapport_batch";
  case magic_import_report: return "rapport_import_report";
  case 0: return "a freed handle";
  default: return "an unknown object";
  }
}

} // namespace rapport::capi

using namespace rapport::capi;

namespace {

bool unit_ok(int unit) { return in_range(unit, RAPPORT_UNIT_GRAPHEMES, RAPPORT_UNIT_X_WEIGHTED); }

int fail_too_long(size_t len) {
  return fail(RAPPORT_ELIMIT, "text of " + std::to_string(len) + " bytes exceeds the limit of " +
                                  std::to_string(rapport::max_text_size) + " bytes");
}

bool text_arg_ok(const char *text, size_t len) { return text != nullptr || len == 0; }

} // namespace

extern "C" {

int rapport_version(void) { return RAPPORT_VERSION_NUMBER; }

const char *rapport_version_string(void) { return rapport::version(); }

const char *rapport_last_error(void) { return last.message.c_str(); }

int64_t rapport_last_error_offset(void) { return last.offset; }

void rapport_string_free(char *s) { std::free(s); }

int rapport_strings_count(const rapport_strings *list, size_t *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(list, "list")) return s;
    if (int s = check_out(out)) return s;
    *out = list->items.size();
    return RAPPORT_OK;
  });
}

int rapport_strings_get(const rapport_strings *list, size_t index, rapport_str *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(list, "list")) return s;
    if (int s = check_out(out)) return s;
    if (int s = check_index(index, list->items.size())) return s;
    borrow(list->items[index], out);
    return RAPPORT_OK;
  });
}

void rapport_strings_free(rapport_strings *list) { destroy(list); }

int rapport_utf8_validate(const char *text, size_t len, size_t *out_offset) {
  return guarded([&]() -> int {
    if (!text_arg_ok(text, len)) return fail(RAPPORT_EINVAL, "text is NULL but len is not 0");
    if (auto bad = rapport::find_invalid_utf8(view(text, len))) {
      if (out_offset != nullptr) *out_offset = *bad;
      return fail(RAPPORT_EUTF8, "invalid UTF-8 at byte " + std::to_string(*bad), static_cast<int64_t>(*bad));
    }
    return RAPPORT_OK;
  });
}

int rapport_text_match_key(const char *text, size_t len, int kind, char **out, size_t *out_len) {
  return guarded([&]() -> int {
    if (out == nullptr) return fail(RAPPORT_EINVAL, "out is NULL");
    *out = nullptr;
    if (!text_arg_ok(text, len)) return fail(RAPPORT_EINVAL, "text is NULL but len is not 0");
    if (!in_range(kind, RAPPORT_KEY_FOLDED, RAPPORT_KEY_GERMAN))
      return fail(RAPPORT_EINVAL, "unknown key kind " + std::to_string(kind));
    if (len > rapport::max_text_size) return fail_too_long(len);
    auto key = rapport::match_key(view(text, len), static_cast<rapport::key_kind>(kind));
    if (!key) return fail(key.error());
    return give_string(*key, out, out_len);
  });
}

int rapport_text_length(const char *text, size_t len, int unit, size_t *out) {
  return guarded([&]() -> int {
    if (out == nullptr) return fail(RAPPORT_EINVAL, "out is NULL");
    if (!text_arg_ok(text, len)) return fail(RAPPORT_EINVAL, "text is NULL but len is not 0");
    if (!unit_ok(unit)) return fail(RAPPORT_EINVAL, "unknown length unit " + std::to_string(unit));
    if (len > rapport::max_text_size) return fail_too_long(len);
    auto n = rapport::length(view(text, len), static_cast<rapport::length_unit>(unit));
    if (!n) return fail(n.error());
    *out = *n;
    return RAPPORT_OK;
  });
}

void rapport_truncate_options_init(rapport_truncate_options *opts) {
  if (opts == nullptr) return;
  *opts = rapport_truncate_options{};
  opts->size = sizeof(rapport_truncate_options);
  opts->unit = RAPPORT_UNIT_GRAPHEMES;
  opts->limit = 0;
  opts->ellipsis = "\xE2\x80\xA6";
  opts->ellipsis_len = 3;
  opts->prefer_word_boundary = 1;
}

int rapport_text_truncate(const char *text, size_t len, const rapport_truncate_options *opts, char **out,
                          size_t *out_len, int *out_truncated) {
  return guarded([&]() -> int {
    if (out == nullptr) return fail(RAPPORT_EINVAL, "out is NULL");
    *out = nullptr;
    if (opts == nullptr) return fail(RAPPORT_EINVAL, "opts is NULL");
    if (int s = check_size(opts, "opts", "rapport_truncate_options_init")) return s;
    if (!text_arg_ok(text, len)) return fail(RAPPORT_EINVAL, "text is NULL but len is not 0");
    if (!text_arg_ok(opts->ellipsis, opts->ellipsis_len))
      return fail(RAPPORT_EINVAL, "opts->ellipsis is NULL but opts->ellipsis_len is not 0");
    if (opts->ellipsis_len > rapport::max_text_size) return fail_too_long(opts->ellipsis_len);
    if (!unit_ok(opts->unit)) return fail(RAPPORT_EINVAL, "unknown length unit " + std::to_string(opts->unit));
    if (len > rapport::max_text_size) return fail_too_long(len);
    rapport::truncate_options o;
    o.unit = static_cast<rapport::length_unit>(opts->unit);
    o.limit = opts->limit;
    o.ellipsis = view(opts->ellipsis, opts->ellipsis_len);
    o.prefer_word_boundary = opts->prefer_word_boundary != 0;
    auto t = rapport::truncate(view(text, len), o);
    if (!t) return fail(t.error());
    const int status = give_string(t->text, out, out_len);
    if (status == RAPPORT_OK && out_truncated != nullptr) *out_truncated = t->truncated ? 1 : 0;
    return status;
  });
}

int rapport_text_sanitize(const char *text, size_t len, char **out, size_t *out_len, size_t *out_removed) {
  return guarded([&]() -> int {
    if (out == nullptr) return fail(RAPPORT_EINVAL, "out is NULL");
    *out = nullptr;
    if (!text_arg_ok(text, len)) return fail(RAPPORT_EINVAL, "text is NULL but len is not 0");
    if (len > rapport::max_text_size) return fail_too_long(len);
    auto s = rapport::sanitize(view(text, len));
    if (!s) return fail(s.error());
    const int status = give_string(s->text, out, out_len);
    if (status == RAPPORT_OK && out_removed != nullptr) *out_removed = s->removed.size();
    return status;
  });
}

} // extern "C"
