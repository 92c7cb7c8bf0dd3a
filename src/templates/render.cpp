// Rendering a compiled template: a walk over the ast that appends UTF-8 to one
// string. Argument values are copied verbatim (never parsed), numbers, plurals
// and dates go through the per-locale ICU caches of icu/format_cache.
#include <algorithm>
#include <bit>
#include <cmath>

#include "icu/format_cache.hpp"
#include "templates/args.hpp"
#include "templates/ast.hpp"
#include "templates/template_impl.hpp"
#include "rapport/text.hpp"
#include "text/utf8.hpp"

namespace rapport {
inline namespace v1 {

// ---- template_args ------------------------------------------------------------

template_args::template_args() : impl_(std::make_unique<impl>()) {}
template_args::~template_args() = default;
template_args::template_args(const template_args &o) : impl_(std::make_unique<impl>(*o.impl_)) {}
template_args::template_args(template_args &&o) noexcept : impl_(std::move(o.impl_)) {}
template_args &template_args::operator=(const template_args &o) {
  if (this == &o) return *this;
  // Into the existing storage when there is one: the values' strings keep their
  // buffers (compose assigns the sender's arguments to a reused request per note).
  if (impl_) {
    // Only the values `o` has: a value is read only while its bit is present.
    impl &d = *impl_;
    const impl &from = *o.impl_;
    for (std::uint64_t m = from.present; m != 0; m &= m - 1) {
      const auto id = static_cast<std::size_t>(std::countr_zero(m));
      d.values[id] = from.values[id];
    }
    d.present = from.present;
    d.written = from.written;
    d.base = nullptr;
    d.unknown = from.unknown;
  } else
    impl_ = std::make_unique<impl>(*o.impl_);
  return *this;
}
template_args &template_args::operator=(template_args &&o) noexcept {
  impl_ = std::move(o.impl_);
  return *this;
}

namespace {

// Finds the slot for `name` of one of `types`, or records the problem.
template_args::impl::value *slot_for(template_args::impl &im, std::string_view name,
                                     std::initializer_list<argument_type> types, const char *what) {
  if (!im.unknown.empty()) return nullptr;
  const int id = detail::tpl::find_argument(name);
  if (id < 0) {
    im.unknown = "unknown argument name '" + std::string(name) + "'";
    return nullptr;
  }
  const auto type = argument_vocabulary()[static_cast<std::size_t>(id)].type;
  if (std::find(types.begin(), types.end(), type) == types.end()) {
    im.unknown = "argument '" + std::string(name) + "' does not take " + what;
    return nullptr;
  }
  im.present |= std::uint64_t{1} << id;
  im.written |= std::uint64_t{1} << id;
  auto &v = im.values[static_cast<std::size_t>(id)];
  v.type = type;
  return &v;
}

} // namespace

template_args &template_args::set(std::string_view name, std::string_view value) {
  if (!impl_) impl_ = std::make_unique<impl>();
  if (auto bad = find_invalid_utf8(value)) {
    if (impl_->unknown.empty())
      impl_->unknown = "invalid UTF-8 at byte " + std::to_string(*bad) + " of argument '" + std::string(name) + "'";
    return *this;
  }
  if (auto *v = slot_for(*impl_, name, {argument_type::text, argument_type::keyword}, "text")) v->str.assign(value);
  return *this;
}

template_args &template_args::set(std::string_view name, std::int64_t value) {
  if (!impl_) impl_ = std::make_unique<impl>();
  if (auto *v = slot_for(*impl_, name, {argument_type::number}, "a number")) v->num = {true, value, 0};
  return *this;
}

template_args &template_args::set(std::string_view name, double value) {
  if (!impl_) impl_ = std::make_unique<impl>();
  if (!std::isfinite(value)) {
    if (impl_->unknown.empty()) impl_->unknown = "argument '" + std::string(name) + "' is not a finite number";
    return *this;
  }
  if (auto *v = slot_for(*impl_, name, {argument_type::number}, "a number")) v->num = {false, 0, value};
  return *this;
}

template_args &template_args::set(std::string_view name, date_value value) {
  if (!impl_) impl_ = std::make_unique<impl>();
  if (auto *v = slot_for(*impl_, name, {argument_type::date}, "a date")) {
    v->num = {true, value.unix_ms, 0};
    v->str = std::move(value.time_zone);
  }
  return *this;
}

namespace {
const template_args::impl &no_args() {
  static const template_args::impl empty;
  return empty;
}
} // namespace

const template_args::impl &template_args::internal() const noexcept { return impl_ ? *impl_ : no_args(); }

template_args &template_args::erase(std::string_view name) {
  if (!impl_) impl_ = std::make_unique<impl>();
  const int id = detail::tpl::find_argument(name);
  if (id >= 0) impl_->present &= ~(std::uint64_t{1} << id);
  return *this;
}

bool template_args::has(std::string_view name) const noexcept {
  const int id = detail::tpl::find_argument(name);
  return impl_ && id >= 0 && impl_->has(id);
}

std::vector<std::string> template_args::names() const {
  std::vector<std::string> out;
  const auto v = argument_vocabulary();
  for (std::size_t k = 0; k < v.size(); ++k)
    if (internal().has(static_cast<int>(k))) out.emplace_back(v[k].name);
  return out;
}

// ---- rendering ---------------------------------------------------------------

namespace {

using namespace detail;
using tpl::node_kind;

struct context {
  const template_args::impl &args;
  const message_template::impl &t;
  std::string &out;
  std::uint64_t drop = 0;
  std::vector<std::string> *dropped = nullptr;
  const icu::number_value *pound = nullptr;  // the current plural's number minus offset
  error err;
  int watch = -1;                             // render_watching: this argument's offsets go to `watched`
  std::vector<std::size_t> *watched = nullptr;
};

bool render_message(const tpl::message &m, context &cx);

bool missing_value(context &cx, int id) {
  cx.err = make_error(errc::invalid_argument,
                      "missing argument '" + std::string(argument_vocabulary()[static_cast<std::size_t>(id)].name) + "'");
  return false;
}

bool render_node(const tpl::node &n, context &cx) {
  switch (n.kind) {
  case node_kind::text:
    cx.out.append(n.text);
    return true;
  case node_kind::pound:
    if (cx.pound) cx.t.formats->format_default(*cx.pound, cx.out);
    return true;
  case node_kind::simple: {
    if (!cx.args.has(n.arg)) return missing_value(cx, n.arg);
    const auto &v = cx.args.values[static_cast<std::size_t>(n.arg)];
    if (v.type == argument_type::number) {
      cx.t.formats->format_default(v.num, cx.out);
    } else if (v.type == argument_type::date) {
      auto r = cx.t.formats->format_date(cx.t.formatters[static_cast<std::size_t>(n.formatter)], v.num.i, v.str, cx.out);
      if (!r) { cx.err = r.error(); return false; }
    } else {
      if (n.arg == cx.watch) cx.watched->push_back(cx.out.size());
      cx.out.append(v.str);
    }
    return true;
  }
  case node_kind::number: {
    if (!cx.args.has(n.arg)) return missing_value(cx, n.arg);
    const auto &f = cx.t.formatters[static_cast<std::size_t>(n.formatter)];
    const auto &v = cx.args.values[static_cast<std::size_t>(n.arg)].num;
    if (n.st == tpl::style::none) cx.t.formats->format_default(v, cx.out);
    else icu::locale_formats::format_with(*f.number, v, cx.out);
    return true;
  }
  case node_kind::date:
  case node_kind::time: {
    if (!cx.args.has(n.arg)) return missing_value(cx, n.arg);
    const auto &v = cx.args.values[static_cast<std::size_t>(n.arg)];
    auto r = cx.t.formats->format_date(cx.t.formatters[static_cast<std::size_t>(n.formatter)], v.num.i, v.str, cx.out);
    if (!r) { cx.err = r.error(); return false; }
    return true;
  }
  case node_kind::select: {
    int pick = n.other_branch;
    if (cx.args.has(n.arg)) {
      const auto &key = cx.args.values[static_cast<std::size_t>(n.arg)].str;
      for (std::size_t b = 0; b < n.branches.size(); ++b)
        if (n.branches[b].key == key) { pick = static_cast<int>(b); break; }
    } else if (!argument_vocabulary()[static_cast<std::size_t>(n.arg)].absent_is_other) {
      return missing_value(cx, n.arg);
    }
    return render_message(n.branches[static_cast<std::size_t>(pick)].body, cx);
  }
  case node_kind::plural:
  case node_kind::ordinal: {
    if (!cx.args.has(n.arg)) return missing_value(cx, n.arg);
    const auto &v = cx.args.values[static_cast<std::size_t>(n.arg)].num;
    const double x = v.as_double();
    int pick = -1;
    for (std::size_t b = 0; b < n.branches.size(); ++b)
      if (n.branches[b].exact && n.branches[b].exact_value == x) { pick = static_cast<int>(b); break; }
    icu::number_value shifted = v;
    if (n.plural_offset != 0) {
      if (v.is_int && std::trunc(n.plural_offset) == n.plural_offset)
        shifted.i = v.i - static_cast<std::int64_t>(n.plural_offset);
      else
        shifted = {false, 0, x - n.plural_offset};
    }
    if (pick < 0) {
      const int cat = cx.t.formats->category(shifted, n.kind == node_kind::ordinal);
      pick = n.by_category[static_cast<std::size_t>(cat)];
      if (pick < 0) pick = n.other_branch;
    }
    const auto *saved = cx.pound;
    cx.pound = &shifted;
    const bool ok = render_message(n.branches[static_cast<std::size_t>(pick)].body, cx);
    cx.pound = saved;
    return ok;
  }
  case node_kind::optional: {
    const bool asked = (cx.drop >> n.clause) & 1u;
    const bool have = (cx.args.present & n.show_mask) == n.show_mask;
    if (!asked && have) return render_message(n.branches[static_cast<std::size_t>(n.show_branch)].body, cx);
    if (cx.dropped) cx.dropped->push_back(n.text);
    return render_message(n.branches[static_cast<std::size_t>(n.other_branch)].body, cx);
  }
  }
  return true;
}

bool render_message(const tpl::message &m, context &cx) {
  for (const auto &n : m)
    if (!render_node(n, cx)) return false;
  return true;
}

std::string names_of(std::uint64_t mask) {
  std::string s;
  const auto v = argument_vocabulary();
  for (std::size_t k = 0; k < v.size(); ++k)
    if ((mask >> k) & 1u) {
      if (!s.empty()) s += ", ";
      s += v[k].name;
    }
  return s;
}

bool render_into(const message_template::impl &t, const template_args &args, std::uint64_t drop,
                 std::vector<std::string> *dropped, std::string &out, error &err, int watch = -1,
                 std::vector<std::size_t> *watched = nullptr) {
  const auto &a = args.internal();
  if (!a.unknown.empty()) {
    err = make_error(a.unknown.rfind("invalid UTF-8", 0) == 0 ? errc::invalid_utf8 : errc::invalid_argument, a.unknown);
    return false;
  }
  if (const auto missing = t.ast->required_mask & ~a.present) {
    err = make_error(errc::invalid_argument, "missing required argument(s): " + names_of(missing));
    return false;
  }
  out.reserve(t.ast->pattern.size() + 64);
  context cx{a, t, out, drop, dropped, nullptr, {}, watch, watched};
  if (!render_message(t.ast->root, cx)) {
    err = std::move(cx.err);
    return false;
  }
  return true;
}

} // namespace

result<message_template> message_template::compile(std::string_view pattern, std::string_view locale) {
  auto parsed = detail::tpl::parse(pattern);
  if (!parsed) return parsed.error();
  return detail::tpl::bind(std::move(*parsed), locale);
}

result<message_template> message_template::with_locale(std::string_view locale) const {
  if (locale == impl_->formats->tag()) return *this;
  return detail::tpl::bind(impl_->ast, locale);
}

result<std::string> message_template::render(const template_args &args) const {
  std::string out;
  error err;
  if (!render_into(*impl_, args, 0, nullptr, out, err)) return err;
  return out;
}

namespace {

std::uint64_t drop_mask(const detail::tpl::ast &a, const render_options &options) {
  std::uint64_t drop = 0;
  for (const auto &name : options.drop) {
    const auto &c = a.clauses;
    const auto it = std::find(c.begin(), c.end(), name);
    if (it != c.end()) drop |= std::uint64_t{1} << (it - c.begin());
  }
  return drop;
}

bool verbatim_in(const detail::tpl::message &m, int arg) noexcept {
  for (const auto &n : m) {
    if (n.arg == arg && n.kind != node_kind::simple) return false;
    for (const auto &b : n.branches)
      if (!verbatim_in(b.body, arg)) return false;
  }
  return true;
}

} // namespace

result<rendered_text> message_template::render(const template_args &args, const render_options &options) const {
  rendered_text r;
  error err;
  if (!render_into(*impl_, args, drop_mask(*impl_->ast, options), &r.dropped, r.text, err)) return err;
  return r;
}

const std::string &message_template::pattern() const noexcept { return impl_->ast->pattern; }
const std::string &message_template::locale() const noexcept { return impl_->formats->tag(); }

std::vector<std::string> message_template::arguments() const {
  std::vector<std::string> out;
  const auto v = argument_vocabulary();
  for (std::size_t k = 0; k < v.size(); ++k)
    if ((impl_->ast->used_mask >> k) & 1u) out.emplace_back(v[k].name);
  return out;
}

std::vector<std::string> message_template::required_arguments() const {
  std::vector<std::string> out;
  const auto v = argument_vocabulary();
  for (std::size_t k = 0; k < v.size(); ++k)
    if ((impl_->ast->required_mask >> k) & 1u) out.emplace_back(v[k].name);
  return out;
}

std::vector<std::string> message_template::optional_clauses() const { return impl_->ast->clauses; }

std::vector<std::string> message_template::missing_arguments(const template_args &args) const {
  std::vector<std::string> out;
  const auto missing = impl_->ast->required_mask & ~args.internal().present;
  const auto v = argument_vocabulary();
  for (std::size_t k = 0; k < v.size(); ++k)
    if ((missing >> k) & 1u) out.emplace_back(v[k].name);
  return out;
}

result<std::vector<std::string>> check_template_syntax(std::string_view pattern) {
  auto parsed = detail::tpl::parse(pattern);
  if (!parsed) return parsed.error();
  std::vector<std::string> out;
  const auto v = argument_vocabulary();
  for (std::size_t k = 0; k < v.size(); ++k)
    if (((*parsed)->used_mask >> k) & 1u) out.emplace_back(v[k].name);
  return out;
}

} // namespace v1
} // namespace rapport

namespace rapport::detail::tpl {

result<message_template> bind(std::shared_ptr<const ast> a, std::string_view locale) {
  if (auto bad = find_invalid_utf8(locale)) return utf8_error(*bad);
  auto formats = icu::locale_formats::get(locale);
  if (!formats) return formats.error();
  auto p = std::make_shared<message_template::impl>();
  p->ast = std::move(a);
  p->formats = *formats;
  p->formatters.reserve(p->ast->formatters.size());
  for (const auto &need : p->ast->formatters) {
    auto b = (*formats)->bind(need);
    if (!b) return b.error();
    p->formatters.push_back(std::move(*b));
  }
  return template_access::make(std::move(p));
}

} // namespace rapport::detail::tpl

namespace rapport::detail::tpl {

bool verbatim_only(const message_template &t, int arg) noexcept {
  return arg >= 0 && verbatim_in(template_access::get(t).ast->root, arg);
}

result<rendered_text> render_watching(const message_template &t, const template_args &args,
                                      const render_options &options, int arg, std::vector<std::size_t> &at) {
  const auto &im = template_access::get(t);
  at.clear();
  rendered_text r;
  error err;
  if (!render_into(im, args, drop_mask(*im.ast, options), &r.dropped, r.text, err, arg, &at)) return err;
  return r;
}

} // namespace rapport::detail::tpl

namespace rapport::detail::tpl {

namespace {

// The vocabulary, looked up once (a constant table: a set() run during static
// initialization, before this is set, sees it empty and takes set()'s path).
const std::span<const argument_info> vocab = argument_vocabulary();

// The storage of `a` to write into, or nullptr when `a` has none (moved from)
// or already holds an error (set() would then ignore the value). The storage
// is a heap object that `a` owns and does not declare const, so writing to it
// through internal() is writing to `a`.
template_args::impl *writable(template_args &a) {
  const template_args::impl &im = a.internal();
  if (&im == &no_args() || !im.unknown.empty()) return nullptr;
  return const_cast<template_args::impl *>(&im);
}

template_args::impl::value *slot(template_args &a, int id, argument_type type) {
  if (id < 0 || static_cast<std::size_t>(id) >= vocab.size() || vocab[static_cast<std::size_t>(id)].type != type)
    return nullptr;
  template_args::impl *im = writable(a);
  if (!im) return nullptr;
  im->present |= std::uint64_t{1} << id;
  im->written |= std::uint64_t{1} << id;
  auto &value = im->values[static_cast<std::size_t>(id)];
  value.type = type;
  return &value;
}

std::string_view name_of(int id) {
  const auto v = argument_vocabulary();  // not `vocab`: the fallback path must work during static initialization
  return id >= 0 && static_cast<std::size_t>(id) < v.size() ? v[static_cast<std::size_t>(id)].name : std::string_view();
}

} // namespace

void set_valid_text(template_args &a, int id, std::string_view value) {
  const auto type = id >= 0 && static_cast<std::size_t>(id) < vocab.size() ? vocab[static_cast<std::size_t>(id)].type
                                                                             : argument_type::text;
  if (type == argument_type::text || type == argument_type::keyword)
    if (auto *x = slot(a, id, type)) {
      x->str.assign(value);
      return;
    }
  a.set(name_of(id), value);  // no storage yet, an error recorded, or not a text argument: as set() does
}

void set_number(template_args &a, int id, std::int64_t value) {
  if (auto *x = slot(a, id, argument_type::number)) {
    x->num = {true, value, 0};
    return;
  }
  a.set(name_of(id), value);
}

void reset_to(template_args &a, const template_args &base) {
  const template_args::impl &b = base.internal();
  const template_args::impl &cur = a.internal();
  if (&cur == &no_args() || cur.base != &b) {
    a = base;
    auto &d = const_cast<template_args::impl &>(a.internal());
    if (&d != &no_args()) {
      d.written = 0;
      d.base = &b;
    }
    return;
  }
  auto &d = const_cast<template_args::impl &>(cur);
  // A value of base's that a set() since the last reset may have changed.
  for (std::uint64_t m = b.present & d.written; m != 0; m &= m - 1) {
    const auto id = static_cast<std::size_t>(std::countr_zero(m));
    d.values[id] = b.values[id];
  }
  d.present = b.present;
  d.written = 0;
  d.unknown = b.unknown;
}

void set_date(template_args &a, int id, date_value value) {
  if (auto *x = slot(a, id, argument_type::date)) {
    x->num = {true, value.unix_ms, 0};
    x->str = std::move(value.time_zone);
    return;
  }
  a.set(name_of(id), std::move(value));
}

} // namespace rapport::detail::tpl
