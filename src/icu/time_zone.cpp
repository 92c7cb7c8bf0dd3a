#include "icu/time_zone.hpp"

#include <map>
#include <memory>
#include <string>

#include <unicode/timezone.h>

#include "icu/icu_adapter.hpp"

namespace rapport::detail::icu {
namespace {

// ICU TimeZone objects are cheap to query but costly to create; each thread keeps its own.
const ::icu::TimeZone *zone(std::string_view id) {
  thread_local std::map<std::string, std::unique_ptr<::icu::TimeZone>, std::less<>> cache;
  auto it = cache.find(id);
  if (it != cache.end()) return it->second.get();
  std::unique_ptr<::icu::TimeZone> tz(::icu::TimeZone::createTimeZone(to_unicode(id.empty() ? "UTC" : id)));
  ::icu::UnicodeString got;
  tz->getID(got);
  if (got == ::icu::UnicodeString(u"Etc/Unknown")) tz.reset();
  return cache.emplace(std::string(id), std::move(tz)).first->second.get();
}

} // namespace

bool is_known_time_zone(std::string_view id) { return id.empty() || zone(id) != nullptr; }

std::chrono::sys_days local_day(std::chrono::sys_seconds t, std::string_view id) {
  // The last answer of this thread: discovery asks for the same event's day and
  // today's day in its zone for every recipient of a batch. A pure function of
  // (t, id), so the memo answers exactly what ICU would.
  struct last_answer {
    bool valid = false;
    std::chrono::sys_seconds t{};
    std::string id;
    std::chrono::sys_days day{};
  };
  thread_local last_answer memo[2];  // two entries: "now" and the event's start alternate
  for (const auto &m : memo)
    if (m.valid && m.t == t && m.id == id) return m.day;
  std::int64_t offset_ms = 0;
  if (const auto *tz = zone(id)) {
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    tz->getOffset(static_cast<UDate>(t.time_since_epoch().count()) * 1000.0, false, raw, dst, status);
    if (U_SUCCESS(status)) offset_ms = static_cast<std::int64_t>(raw) + dst;
  }
  const auto local = t + std::chrono::seconds(offset_ms / 1000);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  memo[1] = std::move(memo[0]);
  memo[0].valid = true;
  memo[0].t = t;
  memo[0].id.assign(id);
  memo[0].day = day;
  return day;
}

} // namespace rapport::detail::icu
