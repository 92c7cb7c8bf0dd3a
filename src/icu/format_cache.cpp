#include "icu/format_cache.hpp"

#include <map>
#include <mutex>
#include <unordered_map>

#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/plurrule.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include "icu/icu_adapter.hpp"

namespace rapport::detail::icu {

namespace unum = ::icu::number;

struct locale_formats::impl {
  std::string tag;
  ::icu::Locale locale;
  unum::LocalizedNumberFormatter number_default;
  // Compile-time only (templates are bound under this mutex, never while rendering).
  mutable std::mutex mutex;
  mutable std::unique_ptr<::icu::DateTimePatternGenerator> generator;
  mutable std::map<std::string, std::shared_ptr<const unum::LocalizedNumberFormatter>> skeletons;
};

namespace {

int category_of(const ::icu::UnicodeString &kw) {
  std::string s;
  kw.toUTF8String(s);
  const int c = tpl::plural_category_of(s);
  return c < 0 ? static_cast<int>(tpl::plural_category::other) : c;
}

// This thread's PluralRules for a locale (used for numbers outside the 0..999 table).
::icu::PluralRules *thread_rules(const locale_formats &lf, bool ordinal) {
  thread_local std::unordered_map<const locale_formats *, std::unique_ptr<::icu::PluralRules>> cache[2];
  auto &slot = cache[ordinal ? 1 : 0][&lf];
  if (!slot) {
    UErrorCode st = U_ZERO_ERROR;
    slot.reset(::icu::PluralRules::forLocale(lf.locale(), ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, st));
    if (U_FAILURE(st)) slot.reset();
  }
  return slot.get();
}

} // namespace

locale_formats::locale_formats(std::unique_ptr<impl> p) : impl_(std::move(p)) {
  tag_ = impl_->tag;
  locale_ = impl_->locale;
}
locale_formats::~locale_formats() = default;

result<std::shared_ptr<const locale_formats>> locale_formats::get(std::string_view tag_in) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const locale_formats>, std::less<>> registry;
  std::lock_guard lock(mutex);
  if (auto it = registry.find(tag_in); it != registry.end()) return it->second;

  const std::string tag(tag_in);
  UErrorCode st = U_ZERO_ERROR;
  ::icu::Locale loc = ::icu::Locale::forLanguageTag(tag, st);
  if (U_FAILURE(st) || loc.isBogus() || tag.empty())
    return make_error(errc::invalid_argument, "not a BCP 47 locale tag: '" + tag + "'");

  auto p = std::make_unique<impl>();
  p->tag = tag;
  p->locale = loc;
  // MessageFormat's default number format: NumberFormat::createInstance, at most 3 fraction digits.
  // Like the legacy NumberFormat, group from 1000 on whatever the locale's minimum grouping digits.
  p->number_default = unum::NumberFormatter::withLocale(loc)
                          .precision(unum::Precision::minMaxFraction(0, 3))
                          .grouping(UNUM_GROUPING_ON_ALIGNED);
  auto lf = std::make_shared<locale_formats>(std::move(p));

  std::unique_ptr<::icu::PluralRules> card(::icu::PluralRules::forLocale(loc, UPLURAL_TYPE_CARDINAL, st));
  std::unique_ptr<::icu::PluralRules> ord(::icu::PluralRules::forLocale(loc, UPLURAL_TYPE_ORDINAL, st));
  if (U_FAILURE(st) || !card || !ord)
    return make_error(errc::internal, std::string("ICU: no plural rules for '") + tag + "': " + u_errorName(st));
  for (int n = 0; n < 1000; ++n) {
    lf->cardinal_[static_cast<std::size_t>(n)] = static_cast<std::uint8_t>(category_of(card->select(static_cast<int32_t>(n))));
    lf->ordinal_[static_cast<std::size_t>(n)] = static_cast<std::uint8_t>(category_of(ord->select(static_cast<int32_t>(n))));
  }
  bool ascii = true;
  for (int n = 0; n < 10 && ascii; ++n) {
    std::string s;
    lf->format_with(lf->impl_->number_default, number_value{true, n, 0}, s);
    ascii = s.size() == 1 && s[0] == static_cast<char>('0' + n);
  }
  lf->ascii_digits_ = ascii;
  registry.emplace(tag, lf);
  return std::shared_ptr<const locale_formats>(lf);
}

int locale_formats::category(const number_value &n, bool ordinal) const {
  if (n.is_int && n.i >= 0 && n.i < 1000)
    return (ordinal ? ordinal_ : cardinal_)[static_cast<std::size_t>(n.i)];
  if (!n.is_int && n.d >= 0 && n.d < 1000 && static_cast<double>(static_cast<int>(n.d)) == n.d)
    return (ordinal ? ordinal_ : cardinal_)[static_cast<std::size_t>(n.d)];
  auto *rules = thread_rules(*this, ordinal);
  if (rules == nullptr) return static_cast<int>(tpl::plural_category::other);
  // Like MessageFormat: select on the formatted number (visible fraction digits count).
  UErrorCode st = U_ZERO_ERROR;
  auto formatted = n.is_int ? impl_->number_default.formatInt(n.i, st) : impl_->number_default.formatDouble(n.d, st);
  const auto kw = rules->select(formatted, st);
  if (U_FAILURE(st)) return static_cast<int>(tpl::plural_category::other);
  return category_of(kw);
}

void locale_formats::format_with(const unum::LocalizedNumberFormatter &f, const number_value &n, std::string &out) {
  UErrorCode st = U_ZERO_ERROR;
  auto formatted = n.is_int ? f.formatInt(n.i, st) : f.formatDouble(n.d, st);
  const auto s = formatted.toTempString(st);
  if (U_SUCCESS(st)) s.toUTF8String(out);
}

void locale_formats::format_default(const number_value &n, std::string &out) const {
  if (ascii_digits_ && n.is_int && n.i >= 0 && n.i < 1000) {
    // Below 1000 there is no grouping separator: the digits are the formatted number.
    char buf[4];
    int len = 0;
    auto v = static_cast<int>(n.i);
    do {
      buf[len++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v > 0);
    while (len > 0) out.push_back(buf[--len]);
    return;
  }
  format_with(impl_->number_default, n, out);
}

result<bound_formatter> locale_formats::bind(const tpl::ast::formatter_need &need) const {
  bound_formatter b;
  b.kind = need.kind;
  UErrorCode st = U_ZERO_ERROR;
  if (need.kind == tpl::node_kind::number) {
    std::lock_guard lock(impl_->mutex);
    const std::string key = std::to_string(static_cast<int>(need.st)) + ":" + need.skeleton;
    auto &slot = impl_->skeletons[key];
    if (!slot) {
      unum::LocalizedNumberFormatter f;
      switch (need.st) {
      case tpl::style::integer:
        f = unum::NumberFormatter::withLocale(locale_).precision(unum::Precision::integer()).grouping(UNUM_GROUPING_ON_ALIGNED);
        break;
      case tpl::style::percent:
        f = unum::NumberFormatter::withLocale(locale_)
                .unit(::icu::NoUnit::percent())
                .scale(unum::Scale::powerOfTen(2))
                .precision(unum::Precision::integer())
                .grouping(UNUM_GROUPING_ON_ALIGNED);
        break;
      case tpl::style::skeleton: {
        f = unum::NumberFormatter::forSkeleton(to_unicode(need.skeleton), st).locale(locale_);
        if (U_FAILURE(st)) return make_error(errc::parse_error, "bad number skeleton '" + need.skeleton + "'");
        break;
      }
      default:
        f = impl_->number_default;
        break;
      }
      slot = std::make_shared<const unum::LocalizedNumberFormatter>(std::move(f));
    }
    b.number = slot;
    return b;
  }
  // Dates and times: resolve the pattern once.
  std::unique_ptr<::icu::DateFormat> df;
  if (need.st == tpl::style::skeleton) {
    std::lock_guard lock(impl_->mutex);
    if (!impl_->generator) {
      impl_->generator.reset(::icu::DateTimePatternGenerator::createInstance(locale_, st));
      if (U_FAILURE(st)) return make_error(errc::internal, std::string("ICU: DateTimePatternGenerator: ") + u_errorName(st));
    }
    b.date_pattern = impl_->generator->getBestPattern(to_unicode(need.skeleton), st);
    if (U_FAILURE(st) || b.date_pattern.isEmpty())
      return make_error(errc::parse_error, "bad date skeleton '" + need.skeleton + "'");
  } else {
    auto style = ::icu::DateFormat::kMedium;
    switch (need.st) {
    case tpl::style::short_: style = ::icu::DateFormat::kShort; break;
    case tpl::style::long_: style = ::icu::DateFormat::kLong; break;
    case tpl::style::full: style = ::icu::DateFormat::kFull; break;
    default: break;
    }
    if (need.kind == tpl::node_kind::simple)
      df.reset(::icu::DateFormat::createDateTimeInstance(::icu::DateFormat::kShort, ::icu::DateFormat::kShort, locale_));
    else if (need.kind == tpl::node_kind::time)
      df.reset(::icu::DateFormat::createTimeInstance(style, locale_));
    else
      df.reset(::icu::DateFormat::createDateInstance(style, locale_));
    auto *sdf = dynamic_cast<::icu::SimpleDateFormat *>(df.get());
    if (sdf == nullptr) return make_error(errc::internal, "ICU: date format is not a SimpleDateFormat");
    sdf->toPattern(b.date_pattern);
  }
  b.date_key = tag_ + '\n' + to_utf8(b.date_pattern) + '\n';
  return b;
}

namespace {

// One thread's formatter for a (locale, pattern, zone), and the last instant it
// formatted: a batch formats the same event's date for every recipient, and
// SimpleDateFormat::format is a pure function of (pattern, locale, zone, instant),
// so the memo returns byte-identical text without calling ICU again.
struct thread_date_format {
  std::unique_ptr<::icu::SimpleDateFormat> sdf;
  bool has_last = false;
  std::int64_t last_ms = 0;
  std::string last_text;
};

} // namespace

result<bool> locale_formats::format_date(const bound_formatter &f, std::int64_t unix_ms, std::string_view zone,
                                         std::string &out) const {
  thread_local std::unordered_map<std::string, thread_date_format> cache;
  thread_local std::string key;  // reused: no allocation per call once it has grown
  key.assign(f.date_key);
  key.append(zone);
  auto it = cache.find(key);
  if (it == cache.end()) {
    std::unique_ptr<::icu::TimeZone> tz(::icu::TimeZone::createTimeZone(to_unicode(zone)));
    if (!tz || *tz == ::icu::TimeZone::getUnknown())
      return make_error(errc::invalid_argument, "unknown time zone '" + std::string(zone) + "'");
    UErrorCode st = U_ZERO_ERROR;
    auto sdf = std::make_unique<::icu::SimpleDateFormat>(f.date_pattern, locale_, st);
    if (U_FAILURE(st)) return make_error(errc::internal, std::string("ICU: SimpleDateFormat: ") + u_errorName(st));
    sdf->adoptTimeZone(tz.release());
    if (cache.size() > 256) cache.clear();  // bounded: many zones or patterns on one thread
    thread_date_format entry;
    entry.sdf = std::move(sdf);
    it = cache.emplace(key, std::move(entry)).first;
  }
  thread_date_format &e = it->second;
  if (!e.has_last || e.last_ms != unix_ms) {
    ::icu::UnicodeString s;
    e.sdf->format(static_cast<UDate>(unix_ms), s);
    e.last_text.clear();
    s.toUTF8String(e.last_text);
    e.last_ms = unix_ms;
    e.has_last = true;
  }
  out.append(e.last_text);
  return true;
}

} // namespace rapport::detail::icu
