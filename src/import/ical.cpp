// iCalendar VEVENTs → events, through libical. A line scan first finds where
// each VEVENT starts (libical keeps no line numbers), checks the limits and
// notices components that never end (a truncated file).
#include <algorithm>
#include <memory>
#include <mutex>
#include <vector>

#include <libical/ical.h>

#include "icu/zone_lookup.hpp"
#include "import/formats.hpp"

namespace rapport::detail {
namespace {

struct component_span {
  std::size_t line = 0, offset = 0;
  bool closed = false;
};

struct scan_result {
  bool has_calendar = false, has_event = false;
  std::vector<component_span> events;  // VEVENTs in order of appearance
  std::vector<std::string> unclosed;    // components the input never ends, outermost first
};

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// Scans lines: limits, VEVENT positions, unclosed components. False when the import must stop.
bool scan(import_context &ctx, std::string_view text, scan_result &out) {
  struct open_component { std::string name; std::size_t line, offset, event; };
  std::vector<open_component> stack;
  std::size_t pos = 0, line = 0, logical = 0, logical_line = 1;
  while (pos < text.size()) {
    const std::size_t start = pos;
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    pos = end + 1;
    ++line;
    std::string_view l = text.substr(start, end - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (!l.empty() && (l[0] == ' ' || l[0] == '\t')) {
      logical += l.size();
    } else {
      logical = l.size();
      logical_line = line;
    }
    if (logical > ctx.limits().max_line_bytes)
      return ctx.fatal(errc::limit_exceeded, {logical_line, 1, start},
                       "a line longer than limits.max_line_bytes (" + std::to_string(ctx.limits().max_line_bytes) + ")");
    if (starts_with_ci(l, "BEGIN:")) {
      std::string name(trim(l.substr(6)));
      for (auto &c : name) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
      std::size_t event = static_cast<std::size_t>(-1);
      if (name == "VCALENDAR") out.has_calendar = true;
      if (name == "VEVENT") {
        out.has_event = true;
        event = out.events.size();
        out.events.push_back({line, start, false});
      }
      stack.push_back({std::move(name), line, start, event});
      if (stack.size() > ctx.limits().max_depth)
        return ctx.fatal(errc::limit_exceeded, {line, 1, start}, "components nested deeper than limits.max_depth");
    } else if (starts_with_ci(l, "END:")) {
      std::string name(trim(l.substr(4)));
      for (auto &c : name) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
      // Close up to the matching BEGIN; components skipped over never ended.
      auto it = std::find_if(stack.rbegin(), stack.rend(), [&](const auto &o) { return o.name == name; });
      if (it == stack.rend()) {
        if (!ctx.note(errc::parse_error, {line, 1, start}, "END:" + name + " without a matching BEGIN ignored"))
          return false;
        continue;
      }
      while (!stack.empty()) {
        const bool match = stack.back().name == name;
        if (match && stack.back().event != static_cast<std::size_t>(-1)) out.events[stack.back().event].closed = true;
        if (!match && !ctx.note(errc::parse_error, {stack.back().line, 1, stack.back().offset},
                                stack.back().name + " opened here has no END:" + stack.back().name))
          return false;
        stack.pop_back();
        if (match) break;
      }
    }
  }
  for (const auto &o : stack) out.unclosed.push_back(o.name);
  for (const auto &o : stack)
    if (o.event == static_cast<std::size_t>(-1) &&
        !ctx.note(errc::parse_error, {o.line, 1, o.offset},
                  o.name + " opened at line " + std::to_string(o.line) + " has no END:" + o.name + " (truncated input)"))
      return false;
  return true;
}

struct ical_deleter {
  void operator()(icalcomponent *c) const { icalcomponent_free(c); }
};

std::string text_of(icalcomponent *ev, icalproperty_kind kind) {
  icalproperty *p = icalcomponent_get_first_property(ev, kind);
  if (!p) return {};
  const char *v = nullptr;
  switch (kind) {
  case ICAL_SUMMARY_PROPERTY: v = icalproperty_get_summary(p); break;
  case ICAL_LOCATION_PROPERTY: v = icalproperty_get_location(p); break;
  case ICAL_URL_PROPERTY: v = icalproperty_get_url(p); break;
  case ICAL_UID_PROPERTY: v = icalproperty_get_uid(p); break;
  case ICAL_DESCRIPTION_PROPERTY: v = icalproperty_get_description(p); break;
  default: v = icalproperty_get_value_as_string(p); break;
  }
  if (!v) return {};
  // Exports pad names with blank lines and spaces; they carry nothing.
  std::string_view t(v);
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!t.empty() && blank(t.front())) t.remove_prefix(1);
  while (!t.empty() && blank(t.back())) t.remove_suffix(1);
  return std::string(t);
}

std::chrono::local_seconds local_of(const icaltimetype &t) {
  using namespace std::chrono;
  const year_month_day ymd{year(t.year), month(static_cast<unsigned>(t.month)), day(static_cast<unsigned>(t.day))};
  return local_days(ymd) + hours(t.hour) + minutes(t.minute) + seconds(t.second);
}

std::chrono::year_month_day day_of(const icaltimetype &t) {
  using namespace std::chrono;
  return year_month_day{year(t.year), month(static_cast<unsigned>(t.month)), day(static_cast<unsigned>(t.day))};
}

// The series of an event: its name without years, as a slug ("Web Summit 2025" → "web-summit").
bool ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string series_of(const std::string &name) {
  std::string without;
  std::size_t i = 0;
  while (i < name.size()) {
    std::size_t j = i;
    while (j < name.size() && name[j] >= '0' && name[j] <= '9') ++j;
    const bool year = j - i == 4 && (name.compare(i, 2, "19") == 0 || name.compare(i, 2, "20") == 0) &&
                      (i == 0 || !ascii_alnum(name[i - 1])) && (j == name.size() || !ascii_alnum(name[j]));
    if (j > i) {
      if (!year) without.append(name, i, j - i);
      i = j;
    } else {
      without += name[i++];
    }
  }
  return slug(without);
}

class ical_reader {
public:
  ical_reader(import_context &ctx, const scan_result &scan) : ctx_(ctx), scan_(scan) {}

  void run(icalcomponent *root) {
    if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT) {
      calendar(root);
      return;
    }
    for (icalcomponent *c = icalcomponent_get_first_component(root, ICAL_ANY_COMPONENT); c && !ctx_.stopped();
         c = icalcomponent_get_next_component(root, ICAL_ANY_COMPONENT))
      if (icalcomponent_isa(c) == ICAL_VCALENDAR_COMPONENT) calendar(c);
  }

private:
  void calendar(icalcomponent *cal) {
    for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev && !ctx_.stopped();
         ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
      vevent(cal, ev);
  }

  // Converts a DTSTART/DTEND value. False when the import must stop.
  bool instant(icalcomponent *cal, icalproperty *p, const icaltimetype &t, location where, const char *field,
               std::chrono::sys_seconds &out, std::string &zone_out) {
    if (icaltime_is_utc(t)) {
      out = std::chrono::sys_seconds(std::chrono::seconds(icaltime_as_timet(t)));
      return true;
    }
    icalparameter *tzp = p ? icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER) : nullptr;
    const char *tzid = tzp ? icalparameter_get_tzid(tzp) : nullptr;
    if (!tzid || !*tzid) {  // floating: read as UTC (docs/formats.md)
      out = std::chrono::sys_seconds(std::chrono::seconds(icaltime_as_timet(t)));
      return true;
    }
    const std::string iana = icu::iana_zone_for(tzid);
    icaltimezone *vtz = icalcomponent_get_timezone(cal, tzid);
    if (vtz) {
      out = std::chrono::sys_seconds(std::chrono::seconds(icaltime_as_timet_with_zone(t, vtz)));
    } else if (!iana.empty()) {
      auto utc = icu::local_to_utc(local_of(t), iana);
      out = utc ? *utc : std::chrono::sys_seconds(std::chrono::seconds(icaltime_as_timet(t)));
    } else {
      out = std::chrono::sys_seconds(std::chrono::seconds(icaltime_as_timet(t)));
      return ctx_.repaired(errc::not_found, where, field,
                           std::string("TZID '") + tzid + "' is neither an IANA zone nor defined by a VTIMEZONE; read as UTC");
    }
    if (!iana.empty()) {
      zone_out = iana;
      return true;
    }
    // A VTIMEZONE with a name that is no IANA id: keep its offset as a fixed zone when it is whole hours.
    int is_dst = 0;
    icaltimetype tt = t;
    const int offset = icaltimezone_get_utc_offset(vtz, &tt, &is_dst);
    if (offset % 3600 == 0 && offset / 3600 >= -12 && offset / 3600 <= 14) {
      const int h = offset / 3600;
      zone_out = h == 0 ? "Etc/GMT" : std::string("Etc/GMT") + (h > 0 ? "-" : "+") + std::to_string(h > 0 ? h : -h);
    }
    return ctx_.repaired(errc::not_found, where, field,
                         std::string("TZID '") + tzid + "' is not an IANA zone; converted with the file's VTIMEZONE" +
                             (zone_out.empty() ? std::string() : ", time_zone set to " + zone_out));
  }

  void vevent(icalcomponent *cal, icalcomponent *ev) {
    const std::size_t n = next_event_++;
    const component_span span = n < scan_.events.size() ? scan_.events[n] : component_span{};
    const location where{span.line, span.line ? 1u : 0u, span.line ? span.offset : import_problem::npos};
    if (!ctx_.begin_record(where)) return;
    if (span.line && !span.closed) {
      ctx_.skipped(errc::parse_error, where, {}, "VEVENT opened at line " + std::to_string(span.line) +
                                                     " has no END:VEVENT (truncated input); skipped");
      return;
    }
    for (icalproperty *x = icalcomponent_get_first_property(ev, ICAL_XLICERROR_PROPERTY); x;
         x = icalcomponent_get_next_property(ev, ICAL_XLICERROR_PROPERTY)) {
      const char *msg = icalproperty_get_xlicerror(x);
      // An empty property ("DESCRIPTION:") loses nothing; libical notes it all the same.
      if (msg && std::string_view(msg).substr(0, 12) == "No value for") continue;
      if (!ctx_.repaired(errc::parse_error, where, {}, std::string("libical: ") + (msg ? msg : "parse error") + "; the value is ignored"))
        return;
    }
    event e;
    e.name = text_of(ev, ICAL_SUMMARY_PROPERTY);
    e.location = text_of(ev, ICAL_LOCATION_PROPERTY);
    e.url = text_of(ev, ICAL_URL_PROPERTY);
    std::string uid = text_of(ev, ICAL_UID_PROPERTY);
    std::string description = text_of(ev, ICAL_DESCRIPTION_PROPERTY);
    std::string categories;
    for (icalproperty *c = icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY); c;
         c = icalcomponent_get_next_property(ev, ICAL_CATEGORIES_PROPERTY))
      if (const char *v = icalproperty_get_categories(c)) categories.append(v).append(1, ',');
    for (auto [value, field] : {std::pair<std::string *, const char *>{&e.name, "SUMMARY"}, {&e.location, "LOCATION"},
                                {&e.url, "URL"}, {&uid, "UID"}, {&description, "DESCRIPTION"}, {&categories, "CATEGORIES"}})
      if (!repair_utf8(ctx_, *value, where, field)) return;

    icalproperty *pstart = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    if (!pstart) {
      ctx_.skipped(errc::invalid_argument, where, "DTSTART", "VEVENT without DTSTART; skipped");
      return;
    }
    const icaltimetype start = icalproperty_get_dtstart(pstart);
    if (icaltime_is_null_time(start) || !icaltime_is_valid_time(start)) {
      ctx_.skipped(errc::parse_error, where, "DTSTART", "DTSTART is not a valid date or date-time; skipped");
      return;
    }
    icalproperty *pend = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
    icalproperty *pdur = icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY);
    icaltimetype end = pend ? icalproperty_get_dtend(pend) : icaltime_null_time();
    if (pend && (icaltime_is_null_time(end) || !icaltime_is_valid_time(end))) {
      if (!ctx_.repaired(errc::parse_error, where, "DTEND", "DTEND is not a valid date or date-time; ignored")) return;
      pend = nullptr;
    }
    const int duration = pdur ? icaldurationtype_as_int(icalproperty_get_duration(pdur)) : 0;

    if (start.is_date) {
      e.all_day = true;
      e.first_day = day_of(start);
      e.last_day = e.first_day;
      if (pend) {
        const auto exclusive = std::chrono::sys_days(day_of(end));
        const auto last = end.is_date ? exclusive - std::chrono::days(1) : exclusive;
        if (last < std::chrono::sys_days(e.first_day)) {
          if (!ctx_.repaired(errc::invalid_argument, where, "DTEND", "DTEND is not after DTSTART; a one-day event"))
            return;
        } else {
          e.last_day = last;
        }
      } else if (duration > 0) {
        const auto days = (duration + 86399) / 86400;
        e.last_day = std::chrono::sys_days(e.first_day) + std::chrono::days(days - 1);
      }
    } else {
      if (!instant(cal, pstart, start, where, "DTSTART", e.start, e.time_zone)) return;
      e.end = e.start;
      if (pend) {
        std::string end_zone;
        if (!instant(cal, pend, end, where, "DTEND", e.end, end_zone)) return;
      } else if (pdur) {
        e.end = e.start + std::chrono::seconds(duration);
      }
      if (e.end < e.start) {
        if (!ctx_.repaired(errc::invalid_argument, where, "DTEND", "DTEND is before DTSTART; end set to start")) return;
        e.end = e.start;
      }
    }
    e.edition = e.all_day ? static_cast<int>(e.first_day.year())
                          : static_cast<int>(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(e.start)).year());
    e.series = series_of(e.name);
    if (e.name.empty() && !ctx_.repaired(errc::invalid_argument, where, "SUMMARY", "VEVENT without SUMMARY; the event has no name"))
      return;
    if (uid.empty()) {
      const std::string key = e.name + '\x1f' + (icaltime_as_ical_string(start) ? icaltime_as_ical_string(start) : "");
      static constexpr char hex[] = "0123456789abcdef";
      std::uint64_t h = fnv1a64(key);
      uid = "ics:0000000000000000";
      for (int i = 19; i >= 4; --i, h >>= 4) uid[static_cast<std::size_t>(i)] = hex[h & 15];
      if (!ctx_.repaired(errc::invalid_argument, where, "UID", "VEVENT without UID; id " + uid + " derived from SUMMARY and DTSTART"))
        return;
    }
    e.id = std::move(uid);
    if (icalproperty *rid = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY)) {
      const icaltimetype r = icalproperty_get_recurrenceid(rid);
      if (const char *s = icaltime_as_ical_string(r)) e.id += std::string("@") + s;
    }
    ctx_.deliver(std::move(e), where);
  }

  import_context &ctx_;
  const scan_result &scan_;
  std::size_t next_event_ = 0;
};

} // namespace

void run_icalendar(import_context &ctx, std::string_view bytes) {
  static std::once_flag quiet;
  std::call_once(quiet, [] { icalerror_set_errors_are_fatal(0); });
  std::string converted;
  if (!decode_text_input(ctx, bytes, converted)) return;
  scan_result found;
  if (!scan(ctx, bytes, found)) return;
  if (!found.has_calendar && !found.has_event) {
    ctx.fatal(errc::parse_error, {1, 1, 0}, "no BEGIN:VCALENDAR or BEGIN:VEVENT found; is this an iCalendar file?");
    return;
  }
  std::string text;
  text.reserve(bytes.size() + 64);
  if (!found.has_calendar) text += "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";  // bare VEVENTs
  text.append(bytes);
  // Close what a truncated input left open, so libical hands back what is complete.
  for (auto it = found.unclosed.rbegin(); it != found.unclosed.rend(); ++it) text += "\r\nEND:" + *it;
  if (!found.has_calendar) text += "\r\nEND:VCALENDAR\r\n";
  if (text.find('\0') != std::string::npos) {
    ctx.fatal(errc::parse_error, locate(bytes, bytes.find('\0')), "NUL byte in an iCalendar file");
    return;
  }
  std::unique_ptr<icalcomponent, ical_deleter> root(icalparser_parse_string(text.c_str()));
  if (!root) {
    ctx.fatal(errc::parse_error, {1, 1, 0}, "libical found no calendar in the input");
    return;
  }
  ical_reader(ctx, found).run(root.get());
}

} // namespace rapport::detail

namespace rapport {
inline namespace v1 {

result<imported> import_icalendar(std::string_view bytes, const import_options &options) {
  if (bytes.size() > options.limits.max_file_bytes)
    return make_error(errc::limit_exceeded, "input is larger than limits.max_file_bytes (" +
                                                std::to_string(options.limits.max_file_bytes) + ")");
  return detail::collect(options, options.file_name,
                         [&](detail::import_context &ctx) { detail::run_icalendar(ctx, bytes); });
}

result<imported> import_icalendar_file(const std::filesystem::path &path, const import_options &options) {
  auto text = detail::read_whole_file(path, options.limits);
  if (!text) return text.error();
  return detail::collect(options, detail::display_name(path, options),
                         [&](detail::import_context &ctx) { detail::run_icalendar(ctx, *text); });
}

} // namespace v1
} // namespace rapport
