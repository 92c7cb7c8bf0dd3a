// Private to the C ABI: per-thread errors, the exception guard, handle
// definitions with their magic numbers, and argument checks shared by the
// module shims (text_c.cpp, directory_c.cpp, discovery_c.cpp, compose_c.cpp,
// batch_c.cpp, import_c.cpp, catalog_c.cpp, platform_c.cpp, json_c.cpp).
#pragma once

#include "rapport.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rapport/catalog.hpp"
#include "rapport/challenge.hpp"
#include "rapport/compose.hpp"
#include "rapport/contact.hpp"
#include "rapport/directory.hpp"
#include "rapport/discovery.hpp"
#include "rapport/event.hpp"
#include "rapport/import.hpp"
#include "rapport/platform.hpp"
#include "rapport/ranking.hpp"
#include "rapport/review.hpp"
#include "rapport/result.hpp"
#include "rapport/template.hpp"
#include "rapport/text.hpp"

namespace rapport::capi {

// ---- errors -----------------------------------------------------------------

struct thread_error {
  std::string message;
  std::int64_t offset = -1;
};
inline thread_local thread_error last;

inline void clear_error() {
  last.message.clear();
  last.offset = -1;
}

int status_of(errc code) noexcept;

inline int fail(int status, std::string message, std::int64_t offset = -1) {
  last.message = std::move(message);
  last.offset = offset;
  return status;
}

inline int fail(const error &e) {
  return fail(status_of(e.code), e.message, e.offset == error::npos ? -1 : static_cast<std::int64_t>(e.offset));
}

// Runs `body` and turns any escaping exception into a status: nothing C++
// crosses the boundary.
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

// ---- strings ----------------------------------------------------------------

inline std::string_view view(const char *text, std::size_t len) {
  return len == 0 ? std::string_view() : std::string_view(text, len);
}

// Checks an input string (ptr, len): NULL only with len 0, at most
// max_text_size bytes (refused before reading), well-formed UTF-8.
// Returns RAPPORT_OK or the failure status; `what` names the argument.
int check_text(const char *text, std::size_t len, const char *what);

inline int check_out(const void *out, const char *what = "out") {
  return out == nullptr ? fail(RAPPORT_EINVAL, std::string(what) + " is NULL") : RAPPORT_OK;
}

// Copies `s` into a malloc'ed NUL-terminated string for the caller.
int give_string(const std::string &s, char **out, std::size_t *out_len);

inline void borrow(const std::string &s, rapport_str *out) {
  out->data = s.c_str();
  out->len = s.size();
}

inline int check_index(std::size_t index, std::size_t count) {
  if (index < count) return RAPPORT_OK;
  return fail(RAPPORT_EINVAL, "index " + std::to_string(index) + " out of range (count " + std::to_string(count) + ")");
}

// Checks an option struct's size field.
template <class T>
int check_size(const T *opts, const char *what, const char *init) {
  if (opts->size == sizeof(T)) return RAPPORT_OK;
  return fail(RAPPORT_EINVAL, std::string(what) + "->size is " + std::to_string(opts->size) + ", expected " +
                                  std::to_string(sizeof(T)) + " (call " + init + ")");
}

// ---- handles ----------------------------------------------------------------

// Magic numbers: "RP" + a handle number. Never reuse one.
enum : std::uint32_t {
  magic_strings = 0x52500001,
  magic_contact = 0x52500002,
  magic_event = 0x52500003,
  magic_challenge = 0x52500004,
  magic_builder = 0x52500005,
  magic_directory = 0x52500006,
  magic_sender = 0x52500007,
  magic_contexts = 0x52500008,
  magic_results = 0x52500009,
  magic_catalog = 0x5250000a,
  magic_lookup = 0x5250000b,
  magic_platform = 0x5250000c,
  magic_note = 0x5250000d,
  magic_findings = 0x5250000e,
  magic_batch = 0x5250000f,
  magic_import_report = 0x52500010,
};

// Reads the first word of any handle without assuming its type.
inline std::uint32_t magic_of(const void *h) {
  std::uint32_t m;
  std::memcpy(&m, h, sizeof m);
  return m;
}

const char *handle_name(std::uint32_t magic) noexcept;

// RAPPORT_OK when `h` is a live handle of type H; else RAPPORT_EINVAL.
template <class H>
int check_handle(const H *h, const char *what) {
  if (h == nullptr) return fail(RAPPORT_EINVAL, std::string(what) + " is NULL");
  const std::uint32_t m = magic_of(h);
  if (m != H::expected_magic)
    return fail(RAPPORT_EINVAL, std::string("wrong handle type: ") + what + " is not a " +
                                    handle_name(H::expected_magic) + " (found " + handle_name(m) + ")");
  return RAPPORT_OK;
}

// Frees a handle of type H: NULL and other types are ignored; the magic is
// cleared first so a later use is likely reported.
template <class H>
void destroy(H *h) noexcept {
  if (h == nullptr || magic_of(h) != H::expected_magic) return;
  h->magic = 0;
  delete h;
}

// Allocates a handle and hands it out.
template <class H, class... A>
int give_handle(H **out, A &&...args) {
  if constexpr (sizeof...(A) == 0) {
    *out = new H();
    (*out)->magic = H::expected_magic;
  } else {
    *out = new H{H::expected_magic, std::forward<A>(args)...};
  }
  return RAPPORT_OK;
}

// One shared context in a form that can be lent out as C strings.
struct context_view {
  int kind = 0;
  double strength = 0.0;
  std::string situation;
  std::vector<std::pair<std::string, std::string>> facts;
  std::vector<evidence_item> evidence;
};

// Moves the strings out of `c`.
context_view make_view(shared_context &&c);

// Sets a template argument from its text form (numbers and dates parsed by type).
int set_arg(template_args &args, std::string_view name, std::string_view value);

// Reads *opts (NULL = the defaults) into `o`, at `now_unix`. Shared by
// rapport_compose and rapport_compose_all.
int read_compose_options(const rapport_compose_options *opts, std::int64_t now_unix, compose_options &o);

// Moves a composition's note and homework (not its status or message) into
// `note` and marks it a live note.
void fill_note(rapport_note &note, composition &&c);

// Bounds of the integer enums.
inline bool in_range(int v, int lo, int hi) { return v >= lo && v <= hi; }

} // namespace rapport::capi

struct rapport_strings {
  static constexpr std::uint32_t expected_magic = rapport::capi::magic_strings;
  std::uint32_t magic;
  std::vector<std::string> items;
};

struct rapport_contact {
  static constexpr std::uint32_t expected_magic = rapport::capi::magic_contact;
  std::uint32_t magic;
  rapport::contact value;
};

struct rapport_event {
  static constexpr std::uint32_t expected_magic = rapport::capi::magic_event;
  std::uint32_t magic;
  rapport::event value;
};

struct rapport_challenge {
  static constexpr std::uint32_t expected_magic = rapport::capi::magic_challenge;
  std::uint32_t magic;
  rapport::challenge value;
};

struct rapport_directory_builder {
  static constexpr std::uint32_t expected_magic = rapport::capi::magic_builder;
  std::uint32_t magic;
  rapport::directory_builder value;
};

struct rapport_directory {
  static constexpr std::uint32_t expected_magic = rapport::capi::magic_directory;
  std::uint32_t magic;
  rapport::directory value;
  std::vector<std::string> warning_messages;  // NUL-terminated copies to lend out
};

struct rapport_sender {
  static constexpr std::uint32_t expected_magic = rapport::capi::magic_sender;
  std::uint32_t magic;
  rapport::prepared_sender value;
};

struct rapport_contexts {
  static constexpr std::uint32_t expected_magic = rapport::capi::magic_contexts;
  std::uint32_t magic;
  std::vector<rapport::capi::context_view> items;
  bool borrowed = false;  // part of a rapport_results: rapport_contexts_free ignores it
};

struct rapport_results {
  static constexpr std::uint32_t expected_magic = rapport::capi::magic_results;
  std::uint32_t magic;
  std::vector<std::string> ids;
  rapport_contexts best;
};

struct rapport_catalog {
  static constexpr std::uint32_t expected_magic = rapport::capi::magic_catalog;
  std::uint32_t magic;
  rapport::catalog value;
};

struct rapport_lookup {
  static constexpr std::uint32_t expected_magic = rapport::capi::magic_lookup;
  std::uint32_t magic;
  rapport::lookup_result value;
  std::string pattern;
};

struct rapport_platform {
  static constexpr std::uint32_t expected_magic = rapport::capi::magic_platform;
  std::uint32_t magic;
  rapport::platform_profile value;
};

// A note or a refusal. The contexts are turned into their C-lendable form on
// the first rapport_note_contexts() call (once, thread-safe): most callers of
// a batch never read them. A note that belongs to a rapport_batch is borrowed:
// rapport_note_free ignores it.
struct rapport_note {
  static constexpr std::uint32_t expected_magic = rapport::capi::magic_note;
  std::uint32_t magic;
  int status = RAPPORT_OK;
  bool borrowed = false;
  rapport::composed_note note;
  std::vector<rapport::homework_item> homework;
  mutable std::once_flag contexts_once;
  mutable rapport_contexts contexts;
};

// The C++ items stay as compose_all returned them; the flat arrays of the
// view are built once, and a rapport_note is made for an item only when
// rapport_batch_note asks for it (under `notes_mutex`), so that reading the
// whole batch through the view costs no per-item handle.
struct rapport_batch {
  static constexpr std::uint32_t expected_magic = rapport::capi::magic_batch;
  std::uint32_t magic;
  std::size_t count = 0;
  // An item's note and homework move into its rapport_note (under notes_mutex);
  // its status and message stay for rapport_batch_item.
  mutable std::vector<rapport::result<rapport::composition>> items;
  std::vector<int> statuses;                 // per item
  std::string texts;                         // NUL-terminated texts back to back
  std::vector<std::size_t> text_offsets;     // count + 1
  std::string ids;                           // NUL-terminated recipient ids back to back
  std::vector<std::size_t> id_offsets;       // count + 1
  std::vector<rapport::batch_warning> warnings;
  mutable std::mutex notes_mutex;
  mutable std::vector<std::unique_ptr<rapport_note>> notes;  // per item once asked for; empty until then
};

struct rapport_import_report {
  static constexpr std::uint32_t expected_magic = rapport::capi::magic_import_report;
  std::uint32_t magic;
  rapport::import_report value;
  std::vector<std::string> display;  // rapport::to_string of each problem
};

struct rapport_findings {
  static constexpr std::uint32_t expected_magic = rapport::capi::magic_findings;
  std::uint32_t magic;
  std::vector<rapport::finding> items;
};
