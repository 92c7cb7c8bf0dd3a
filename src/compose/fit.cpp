// The fitter: shorter variant, dropped clauses, shorter names, then a cut.
#include "rapport/fit.hpp"

#include <algorithm>
#include <optional>

#include "text/measure.hpp"

namespace rapport {
inline namespace v1 {

const char *to_string(fit_action action) noexcept {
  switch (action) {
  case fit_action::shorter_variant: return "shorter_variant";
  case fit_action::drop_clause: return "drop_clause";
  case fit_action::shorter_name: return "shorter_name";
  case fit_action::truncate: return "truncate";
  }
  return "unknown";
}

namespace {

bool contains(const std::vector<std::string> &v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

struct attempt {
  rendered_text out;
  std::size_t length = 0;
};

result<attempt> try_render(const message_template &t, const template_args &args, const render_options &ro,
                           length_unit unit) {
  auto r = t.render(args, ro);
  if (!r) return r.error();
  // A rendered text is valid UTF-8 (the template's text was checked when it
  // was parsed, text arguments when they were set, numbers and dates are
  // ICU's UTF-8): measured without checking it again, unless it is too long,
  // where length() gives the error.
  const bool known_unit = unit == length_unit::graphemes || unit == length_unit::code_points ||
                          unit == length_unit::utf16 || unit == length_unit::x_weighted;
  if (known_unit && r->text.size() <= max_text_size) {
    const std::size_t n = detail::measure(r->text, unit);
    return attempt{std::move(*r), n};
  }
  auto n = length(r->text, unit);
  if (!n) return n.error();
  return attempt{std::move(*r), *n};
}

} // namespace

result<fitted> fit(const fit_request &request) {
  if (request.variants.empty()) return make_error(errc::invalid_argument, "fit: no template to render");
  const auto name_of = [&](std::size_t v) {
    return v < request.variant_names.size() ? request.variant_names[v] : "variant " + std::to_string(v);
  };
  fitted f;
  render_options ro;
  ro.drop = request.drop;
  const template_args *args = &request.args;  // copied only when a name is shortened
  std::optional<template_args> shortened;     // constructed then: most notes fit at once

  auto a = try_render(request.variants[0], *args, ro, request.unit);
  if (!a) return a.error();
  auto done = [&](attempt &x, std::size_t variant) {
    f.text = std::move(x.out.text);
    f.length = x.length;
    f.variant = variant;
    f.dropped = std::move(x.out.dropped);
    return std::move(f);  // f is not used after done()
  };
  if (a->length <= request.limit) return done(*a, 0);

  // 1. shorter variants
  std::size_t v = 0;
  for (std::size_t k = 1; k < request.variants.size(); ++k) {
    auto b = try_render(request.variants[k], *args, ro, request.unit);
    if (!b) return b.error();
    v = k;
    a = std::move(b);
    f.steps.push_back({fit_action::shorter_variant, name_of(k), a->length});
    if (a->length <= request.limit) return done(*a, v);
  }
  const message_template &t = request.variants[v];

  // 2. optional clauses
  const auto clauses = t.optional_clauses();
  for (const auto &c : request.drop_order) {
    if (!contains(clauses, c) || contains(a->out.dropped, c)) continue;
    ro.drop.push_back(c);
    auto b = try_render(t, *args, ro, request.unit);
    if (!b) return b.error();
    a = std::move(b);
    f.steps.push_back({fit_action::drop_clause, c, a->length});
    if (a->length <= request.limit) return done(*a, v);
  }

  // 3. shorter names
  for (const auto &[name, value] : request.shorter_names) {
    if (!args->has(name)) continue;
    if (!shortened) {
      shortened.emplace(request.args);
      args = &*shortened;
    }
    shortened->set(name, value);
    auto b = try_render(t, *shortened, ro, request.unit);
    if (!b) return b.error();
    if (b->length >= a->length) continue;  // the shorter form did not show (e.g. in a dropped clause)
    a = std::move(b);
    f.steps.push_back({fit_action::shorter_name, name, a->length});
    if (a->length <= request.limit) return done(*a, v);
  }

  // 4. a cut at a word boundary, never inside a grapheme
  truncate_options to;
  to.unit = request.unit;
  to.limit = request.limit;
  to.ellipsis = request.ellipsis;
  auto cut = truncate(a->out.text, to);
  if (!cut) return cut.error();
  a->out.text = std::move(cut->text);
  a->length = cut->length;
  f.steps.push_back({fit_action::truncate, "at " + std::to_string(cut->length), cut->length});
  return done(*a, v);
}

} // namespace v1
} // namespace rapport
