// Private: the storage behind rapport::template_args — one slot per
// vocabulary entry, so the renderer finds a value by index, not by name.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "icu/format_cache.hpp"
#include "rapport/template.hpp"

namespace rapport {
inline namespace v1 {

struct template_args::impl {
  static constexpr std::size_t capacity = 64;
  struct value {
    argument_type type = argument_type::text;  ///< text/keyword: str; number: num; date: str = zone, num.i = ms
    std::string str;
    detail::icu::number_value num;
  };
  std::array<value, capacity> values{};
  std::uint64_t present = 0;
  std::uint64_t written = 0;  ///< values stored into since the last reset (detail::tpl::reset_to)
  const impl *base = nullptr; ///< what reset_to() last copied in (nullptr: none, or copied otherwise)
  std::string unknown;  ///< first unknown name that was set, if any

  bool has(int id) const noexcept { return (present >> id) & 1u; }
};

} // namespace v1
} // namespace rapport
