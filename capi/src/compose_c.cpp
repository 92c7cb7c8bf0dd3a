// extern "C" shims for composing notes and reviewing drafts.
#include "capi_internal.hpp"

#include <chrono>
#include <cstddef>
#include <memory>

namespace rapport::capi {
namespace {

std::chrono::sys_seconds at(int64_t now_unix) { return std::chrono::sys_seconds(std::chrono::seconds(now_unix)); }

// Reads an optional (ptr, len) option string; NULL means "not given".
int option_text(const char *text, std::size_t len, const char *what, std::string &out, bool &given) {
  given = text != nullptr;
  if (!given) return len == 0 ? RAPPORT_OK : fail(RAPPORT_EINVAL, std::string(what) + " is NULL but its length is not 0");
  if (int s = check_text(text, len, what)) return s;
  out.assign(text, len);
  return RAPPORT_OK;
}

const rapport_note *checked_note(const rapport_note *note, int &status) {
  status = check_handle(note, "note");
  return status == RAPPORT_OK ? note : nullptr;
}

} // namespace

int read_compose_options(const rapport_compose_options *opts, std::int64_t now_unix, rapport::compose_options &o) {
  o.now = at(now_unix);
  if (opts == nullptr) return RAPPORT_OK;
  // The struct grew at its end: a caller built before `reasons` (or the
  // purposes) existed passes the size it had then, and the fields added since
  // keep their defaults.
  constexpr std::size_t size_before_reasons = offsetof(rapport_compose_options, reasons);
  constexpr std::size_t size_before_purposes = offsetof(rapport_compose_options, purpose_locales);
  const bool has_reasons = opts->size != size_before_reasons;
  const bool has_purposes = has_reasons && opts->size != size_before_purposes;
  if (has_purposes)
    if (int s = check_size(opts, "opts", "rapport_compose_options_init")) return s;
  bool given = false;
  std::string platform;
  if (int s = option_text(opts->platform, opts->platform_len, "opts->platform", platform, given)) return s;
  if (given) o.platform = platform;
  if (int s = option_text(opts->tier, opts->tier_len, "opts->tier", o.tier, given)) return s;
  if (int s = option_text(opts->locale, opts->locale_len, "opts->locale", o.locale, given)) return s;
  if (opts->formality != -1) {
    if (!in_range(opts->formality, RAPPORT_FORMAL, RAPPORT_INFORMAL))
      return fail(RAPPORT_EINVAL, "opts->formality must be -1, RAPPORT_FORMAL or RAPPORT_INFORMAL");
    o.form = opts->formality == RAPPORT_FORMAL ? rapport::formality::formal : rapport::formality::informal;
  }
  o.allow_self_introduction = opts->allow_self_introduction != 0;
  o.seed = opts->seed;
  if (has_reasons) {
    if (opts->reasons != 1 && opts->reasons != 2)
      return fail(RAPPORT_EINVAL, "opts->reasons must be 1 or 2, not " + std::to_string(opts->reasons));
    o.reasons = opts->reasons;
  }
  if (has_purposes && opts->purpose_count > 0) {
    const std::size_t n = opts->purpose_count;
    if (!opts->purpose_locales || !opts->purpose_locale_lens || !opts->purpose_texts || !opts->purpose_text_lens)
      return fail(RAPPORT_EINVAL, "opts->purpose_count is " + std::to_string(n) +
                                      " but opts->purpose_locales, _locale_lens, _texts or _text_lens is NULL");
    o.purposes.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const std::string at = "opts->purpose_";
      const std::string index = "[" + std::to_string(i) + "]";
      const char *tag = opts->purpose_locales[i];
      const char *text = opts->purpose_texts[i];
      const std::size_t tag_len = opts->purpose_locale_lens[i], text_len = opts->purpose_text_lens[i];
      if (!tag || (!text && text_len != 0))
        return fail(RAPPORT_EINVAL, at + (tag ? "texts" : "locales") + index + " is NULL");
      o.purposes[i].locale.assign(tag, tag_len);
      if (text) o.purposes[i].text.assign(text, text_len);
    }
  }
  return RAPPORT_OK;
}

void fill_note(rapport_note &note, rapport::composition &&c) {
  note.magic = rapport_note::expected_magic;
  note.status = c.status == rapport::errc::ok ? RAPPORT_OK : status_of(c.status);
  note.note = std::move(c.note);
  note.homework = std::move(c.homework);
}
} // namespace rapport::capi

using namespace rapport::capi;

extern "C" {

void rapport_compose_options_init(rapport_compose_options *opts) {
  if (opts == nullptr) return;
  *opts = rapport_compose_options{};
  opts->size = sizeof(rapport_compose_options);
  opts->formality = -1;
  opts->reasons = 1;
}

int rapport_compose(const rapport_directory *dir, const rapport_contact *sender, const rapport_contact *recipient,
                    int64_t now_unix, const rapport_compose_options *opts, rapport_note **out) {
  return guarded([&]() -> int {
    if (int s = check_out(out)) return s;
    *out = nullptr;
    if (int s = check_handle(dir, "dir")) return s;
    if (int s = check_handle(sender, "sender")) return s;
    if (int s = check_handle(recipient, "recipient")) return s;
    rapport::compose_options o;
    if (int s = read_compose_options(opts, now_unix, o)) return s;
    auto c = rapport::compose(dir->value, sender->value, recipient->value, o);
    if (!c) return fail(c.error());
    auto note = std::make_unique<rapport_note>();
    fill_note(*note, std::move(*c));
    *out = note.release();
    return RAPPORT_OK;
  });
}

void rapport_note_free(rapport_note *note) {
  if (note != nullptr && magic_of(note) == rapport_note::expected_magic && note->borrowed) return;
  destroy(note);
}

int rapport_note_status(const rapport_note *note, int *out) {
  return guarded([&]() -> int {
    int s;
    if (!checked_note(note, s)) return s;
    if ((s = check_out(out))) return s;
    *out = note->status;
    return RAPPORT_OK;
  });
}

int rapport_note_text(const rapport_note *note, rapport_str *out) {
  return guarded([&]() -> int {
    int s;
    if (!checked_note(note, s)) return s;
    if ((s = check_out(out))) return s;
    borrow(note->note.text, out);
    return RAPPORT_OK;
  });
}

int rapport_note_slot(const rapport_note *note, rapport_str *out) {
  return guarded([&]() -> int {
    int s;
    if (!checked_note(note, s)) return s;
    if ((s = check_out(out))) return s;
    borrow(note->note.slot, out);
    return RAPPORT_OK;
  });
}

int rapport_note_locale(const rapport_note *note, rapport_str *out) {
  return guarded([&]() -> int {
    int s;
    if (!checked_note(note, s)) return s;
    if ((s = check_out(out))) return s;
    borrow(note->note.locale, out);
    return RAPPORT_OK;
  });
}

int rapport_note_length(const rapport_note *note, size_t *out_length, size_t *out_limit) {
  return guarded([&]() -> int {
    int s;
    if (!checked_note(note, s)) return s;
    if (out_length != nullptr) *out_length = note->note.length;
    if (out_limit != nullptr) *out_limit = note->note.limit;
    return RAPPORT_OK;
  });
}

int rapport_note_warning_count(const rapport_note *note, size_t *out) {
  return guarded([&]() -> int {
    int s;
    if (!checked_note(note, s)) return s;
    if ((s = check_out(out))) return s;
    *out = note->note.warnings.size();
    return RAPPORT_OK;
  });
}

int rapport_note_warning(const rapport_note *note, size_t index, rapport_str *out) {
  return guarded([&]() -> int {
    int s;
    if (!checked_note(note, s)) return s;
    if ((s = check_out(out))) return s;
    if ((s = check_index(index, note->note.warnings.size()))) return s;
    borrow(note->note.warnings[index], out);
    return RAPPORT_OK;
  });
}

int rapport_note_homework_count(const rapport_note *note, size_t *out) {
  return guarded([&]() -> int {
    int s;
    if (!checked_note(note, s)) return s;
    if ((s = check_out(out))) return s;
    *out = note->homework.size();
    return RAPPORT_OK;
  });
}

int rapport_note_homework(const rapport_note *note, size_t index, rapport_str *out_code, rapport_str *out_message) {
  return guarded([&]() -> int {
    int s;
    if (!checked_note(note, s)) return s;
    if ((s = check_index(index, note->homework.size()))) return s;
    if (out_code != nullptr) borrow(note->homework[index].code, out_code);
    if (out_message != nullptr) borrow(note->homework[index].message, out_message);
    return RAPPORT_OK;
  });
}

int rapport_note_contexts(const rapport_note *note, const rapport_contexts **out) {
  return guarded([&]() -> int {
    int s;
    if (!checked_note(note, s)) return s;
    if ((s = check_out(out))) return s;
    std::call_once(note->contexts_once, [note] {
      rapport_contexts &x = note->contexts;
      x.items.clear();  // a retry after an exception starts over
      x.items.reserve(note->note.contexts.size());
      for (const auto &ctx : note->note.contexts) x.items.push_back(make_view(rapport::shared_context(ctx)));
      x.borrowed = true;
      x.magic = rapport_contexts::expected_magic;
    });
    *out = &note->contexts;
    return RAPPORT_OK;
  });
}

void rapport_review_options_init(rapport_review_options *opts) {
  if (opts == nullptr) return;
  *opts = rapport_review_options{};
  opts->size = sizeof(rapport_review_options);
}

int rapport_review(const char *draft, size_t len, const rapport_contact *recipient, const rapport_platform *platform,
                   const rapport_review_options *opts, rapport_findings **out) {
  return guarded([&]() -> int {
    if (int s = check_out(out)) return s;
    *out = nullptr;
    if (int s = check_text(draft, len, "draft")) return s;
    if (int s = check_handle(recipient, "recipient")) return s;
    if (int s = check_handle(platform, "platform")) return s;
    rapport::review_options o;
    if (opts != nullptr) {
      if (int s = check_size(opts, "opts", "rapport_review_options_init")) return s;
      bool given = false;
      if (int s = option_text(opts->tier, opts->tier_len, "opts->tier", o.tier, given)) return s;
      if (opts->sender != nullptr) {
        if (int s = check_handle(opts->sender, "opts->sender")) return s;
        o.sender = &opts->sender->value;
      }
    }
    auto found = rapport::review(view(draft, len), recipient->value, platform->value, o);
    if (!found) return fail(found.error());
    return give_handle(out, std::move(*found));
  });
}

void rapport_findings_free(rapport_findings *findings) { destroy(findings); }

int rapport_findings_count(const rapport_findings *findings, size_t *out) {
  return guarded([&]() -> int {
    if (int s = check_handle(findings, "findings")) return s;
    if (int s = check_out(out)) return s;
    *out = findings->items.size();
    return RAPPORT_OK;
  });
}

int rapport_findings_get(const rapport_findings *findings, size_t index, rapport_str *out_code, int *out_severity,
                         size_t *out_begin, size_t *out_end, rapport_str *out_message, rapport_str *out_suggestion) {
  return guarded([&]() -> int {
    if (int s = check_handle(findings, "findings")) return s;
    if (int s = check_index(index, findings->items.size())) return s;
    const rapport::finding &f = findings->items[index];
    if (out_code != nullptr) {
      const char *code = rapport::to_string(f.code);
      out_code->data = code;
      out_code->len = std::strlen(code);
    }
    if (out_severity != nullptr) *out_severity = static_cast<int>(f.level);
    if (out_begin != nullptr) *out_begin = f.begin;
    if (out_end != nullptr) *out_end = f.end;
    if (out_message != nullptr) borrow(f.message, out_message);
    if (out_suggestion != nullptr) borrow(f.suggestion, out_suggestion);
    return RAPPORT_OK;
  });
}

} // extern "C"
