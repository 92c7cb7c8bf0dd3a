// Private: the legal-form table generated from data/legal_forms.tsv.
#pragma once

#include <cstddef>
#include <string_view>

namespace rapport::detail {

enum class legal_form_position { end, start, either };
enum class legal_form_match { word, strict, attached };

struct legal_form_row {
  std::string_view form;
  std::string_view jurisdiction;
  legal_form_position position;
  legal_form_match match;
};

extern const legal_form_row legal_form_rows[];
extern const std::size_t legal_form_row_count;

} // namespace rapport::detail
