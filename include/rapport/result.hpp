// rapport — error values and result<T>.
//
// Expected failures (invalid UTF-8, a bad template, no shared context…) are
// values, not exceptions: every fallible function returns result<T>, which
// holds either a T or an error with a stable code, a message in English and,
// where it applies, the byte offset in the input that caused it.
//
//     auto n = rapport::length(text, rapport::length_unit::graphemes);
//     if (!n) std::cerr << n.error().message << '\n';
//     else    use(*n);
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace rapport {
inline namespace v1 {

/** Stable error codes. Values never change meaning; new ones are appended. */
enum class errc : int {
  ok = 0,
  invalid_utf8 = 1,      ///< input is not well-formed UTF-8; error::offset says where
  invalid_argument = 2,  ///< an argument is out of range or inconsistent
  not_found = 3,         ///< an id, slot, locale or file does not exist
  parse_error = 4,       ///< a file, template or document is malformed
  limit_exceeded = 5,    ///< input is larger than a documented limit
  io_error = 6,          ///< reading or writing a file failed
  no_shared_context = 7, ///< nothing real is shared, so there is no note to write
  internal = 8,          ///< a bug or a failure of a dependency (ICU, libical…)
};

/** Name of an error code, e.g. "invalid_utf8" (static storage). */
const char *to_string(errc code) noexcept;

/** What went wrong, and where. */
struct error {
  errc code = errc::internal;
  std::string message;               ///< English, one line, no trailing period
  std::size_t offset = npos;         ///< byte offset in the input, or npos
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

/**
 * Either a value or an error. A minimal std::expected for C++20.
 * Test with `if (r)`, read with `*r` / `r->`, inspect `r.error()` on failure.
 */
template <class T>
class [[nodiscard]] result {
public:
  result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  result(rapport::v1::error e) : v_(std::in_place_index<1>, std::move(e)) {}

  bool has_value() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  T &value() & { return std::get<0>(v_); }
  const T &value() const & { return std::get<0>(v_); }
  T &&value() && { return std::get<0>(std::move(v_)); }
  T &operator*() & { return value(); }
  const T &operator*() const & { return value(); }
  T &&operator*() && { return std::move(*this).value(); }
  T *operator->() { return &value(); }
  const T *operator->() const { return &value(); }

  const rapport::v1::error &error() const & { return std::get<1>(v_); }

  template <class U>
  T value_or(U &&fallback) const & {
    return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
  }

private:
  std::variant<T, rapport::v1::error> v_;
};

/** result<void>: success, or an error. */
template <>
class [[nodiscard]] result<void> {
public:
  result() = default;
  result(rapport::v1::error e) : err_(std::move(e)), failed_(true) {}

  bool has_value() const noexcept { return !failed_; }
  explicit operator bool() const noexcept { return !failed_; }
  const rapport::v1::error &error() const & { return err_; }

private:
  rapport::v1::error err_;
  bool failed_ = false;
};

/** Shorthand to build an error value. */
inline error make_error(errc code, std::string message, std::size_t offset = error::npos) {
  return error{code, std::move(message), offset};
}

} // namespace v1
} // namespace rapport
