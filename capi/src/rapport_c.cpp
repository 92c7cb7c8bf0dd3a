// extern "C" shims over the C++ library. Each one catches everything: no
// exception ever crosses the C boundary.
#include "rapport.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include "rapport/text.hpp"
#include "rapport/version.hpp"

namespace {

struct thread_error {
  std::string message;
  int64_t offset = -1;
};
thread_local thread_error last;

void clear_error() {
  last.message.clear();
  last.offset = -1;
}

int status_of(rapport::errc code) {
  switch (code) {
  case rapport::errc::ok: return RAPPORT_OK;
  case rapport::errc::invalid_utf8: return RAPPORT_EUTF8;
  case rapport::errc::invalid_argument: return RAPPORT_EINVAL;
  case rapport::errc::not_found: return RAPPORT_ENOTFOUND;
  case rapport::errc::parse_error: return RAPPORT_EPARSE;
  case rapport::errc::limit_exceeded: return RAPPORT_ELIMIT;
  case rapport::errc::io_error: return RAPPORT_EIO;
  case rapport::errc::no_shared_context: return RAPPORT_ENOCONTEXT;
  case rapport::errc::internal: return RAPPORT_EINTERNAL;
  }
  return RAPPORT_EINTERNAL;
}

int fail(int status, std::string message, int64_t offset = -1) {
  last.message = std::move(message);
  last.offset = offset;
  return status;
}

int fail(const rapport::error &e) {
  return fail(status_of(e.code), e.message,
              e.offset == rapport::error::npos ? -1 : static_cast<int64_t>(e.offset));
}

// Runs `body` and turns any escaping exception into a status.
template <class F>
int guarded(F &&body) noexcept {
  try {
    clear_error();
    return body();
  } catch (const std::bad_alloc &) {
    return fail(RAPPORT_EINTERNAL, "out of memory");
  } catch (const std::exception &e) {
    return fail(RAPPORT_EINTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    return fail(RAPPORT_EINTERNAL, "internal error");
  }
}

// Copies `s` into a malloc'ed NUL-terminated string for the caller.
int give_string(const std::string &s, char **out, size_t *out_len) {
  char *p = static_cast<char *>(std::malloc(s.size() + 1));
  if (p == nullptr) return fail(RAPPORT_EINTERNAL, "out of memory");
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  *out = p;
  if (out_len != nullptr) *out_len = s.size();
  return RAPPORT_OK;
}

bool text_arg_ok(const char *text, size_t len) { return text != nullptr || len == 0; }

// Refuses over-long text before a view of it is even made.
bool too_long(size_t len) { return len > rapport::max_text_size; }
int fail_too_long(size_t len) {
  return fail(RAPPORT_ELIMIT, "text of " + std::to_string(len) + " bytes exceeds the limit of " +
                                  std::to_string(rapport::max_text_size) + " bytes");
}

bool unit_ok(int unit) { return unit >= RAPPORT_UNIT_GRAPHEMES && unit <= RAPPORT_UNIT_X_WEIGHTED; }

std::string_view view(const char *text, size_t len) { return len == 0 ? std::string_view() : std::string_view(text, len); }

} // namespace

extern "C" {

int rapport_version(void) { return RAPPORT_VERSION_NUMBER; }

const char *rapport_version_string(void) { return rapport::version(); }

const char *rapport_last_error(void) { return last.message.c_str(); }

int64_t rapport_last_error_offset(void) { return last.offset; }

void rapport_string_free(char *s) { std::free(s); }

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
    if (kind < RAPPORT_KEY_FOLDED || kind > RAPPORT_KEY_GERMAN) return fail(RAPPORT_EINVAL, "unknown key kind " + std::to_string(kind));
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
    if (too_long(len)) return fail_too_long(len);
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
    if (opts->size != sizeof(rapport_truncate_options))
      return fail(RAPPORT_EINVAL, "opts->size is " + std::to_string(opts->size) + ", expected " +
                                      std::to_string(sizeof(rapport_truncate_options)) +
                                      " (call rapport_truncate_options_init)");
    if (!text_arg_ok(text, len)) return fail(RAPPORT_EINVAL, "text is NULL but len is not 0");
    if (!text_arg_ok(opts->ellipsis, opts->ellipsis_len))
      return fail(RAPPORT_EINVAL, "opts->ellipsis is NULL but opts->ellipsis_len is not 0");
    if (too_long(opts->ellipsis_len)) return fail_too_long(opts->ellipsis_len);
    if (!unit_ok(opts->unit)) return fail(RAPPORT_EINVAL, "unknown length unit " + std::to_string(opts->unit));
    if (too_long(len)) return fail_too_long(len);
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
    if (too_long(len)) return fail_too_long(len);
    auto s = rapport::sanitize(view(text, len));
    if (!s) return fail(s.error());
    const int status = give_string(s->text, out, out_len);
    if (status == RAPPORT_OK && out_removed != nullptr) *out_removed = s->removed.size();
    return status;
  });
}

} // extern "C"
