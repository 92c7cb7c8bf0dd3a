// Catalogs: slots per locale, loaded from the embedded .mo catalogs (through
// Boost.Locale) and from user .po/.mo overlays, validated at load, looked up
// along the locale fallback chain.
#include "rapport/catalog.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include "rapport/text.hpp"
#include "templates/builtin_catalogs.hpp"
#include "templates/gettext_files.hpp"
#include "text/utf8.hpp"

namespace rapport {
inline namespace v1 {

namespace {

constexpr std::array<std::string_view, 26> situations = {
    "event/both-exhibiting/upcoming", "event/both-attending/upcoming", "event/speaker-attendee/past",
    "event/happening-now",            "event/recently-past",           "city/same-city",
    "city/visiting",                  "city/moved-to",                 "challenge/can-help",
    "challenge/same-challenge",       "challenge/solved-before",       "mutual/introduced-by",
    "mutual/shared-contacts",         "mutual/same-group",             "past-employer/overlapped",
    "past-employer/alumni",           "past-employer/recipient-joined", "past-employer/colleagues",
    "past-employer/recipient-left",   "school/same-school",            "school/same-program",
    "school/overlapped",              "topic/same-interest",           "topic/read-article",
    "topic/wrote-about",              "self-introduction",
};

struct slot_entry {
  message_template tmpl;  // compiled for the catalog's locale
  std::string source;
};

using slot_map = std::map<std::string, slot_entry, std::less<>>;

// "es_mx" → "es-MX"; "zh_hant_tw" → "zh-Hant-TW".
std::string normalize_locale(std::string_view in) {
  std::string out;
  std::size_t part = 0, start = 0;
  for (std::size_t i = 0; i <= in.size(); ++i) {
    if (i == in.size() || in[i] == '-' || in[i] == '_') {
      std::string sub(in.substr(start, i - start));
      if (part == 0) {
        for (auto &c : sub) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else if (sub.size() == 2) {
        for (auto &c : sub) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      } else if (sub.size() == 4) {
        for (auto &c : sub) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!sub.empty()) sub[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sub[0])));
      }
      if (!sub.empty()) {
        if (!out.empty()) out += '-';
        out += sub;
      }
      ++part;
      start = i + 1;
    }
  }
  return out;
}

std::string language_of(std::string_view tag) { return std::string(tag.substr(0, tag.find('-'))); }

// context/…/situation/(short|standard)/(formal|informal), lower-case ASCII, digits and '-'.
bool valid_slot_id(std::string_view s) {
  if (s.empty() || s.size() > 200) return false;
  std::size_t parts = 0, start = 0;
  std::vector<std::string_view> pieces;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '/') {
      const auto piece = s.substr(start, i - start);
      if (piece.empty()) return false;
      for (char c : piece)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
      pieces.push_back(piece);
      ++parts;
      start = i + 1;
    }
  }
  if (parts < 3) return false;
  const auto len = pieces[parts - 2], form = pieces[parts - 1];
  return (len == "short" || len == "standard") && (form == "formal" || form == "informal");
}

} // namespace

struct catalog::impl {
  std::map<std::string, slot_map, std::less<>> by_locale;
};

const char *to_string(note_length length) noexcept { return length == note_length::short_note ? "short" : "standard"; }

std::string slot_id(std::string_view situation, note_length length, formality f) {
  std::string s(situation);
  s += '/';
  s += to_string(length);
  s += '/';
  s += to_string(f);
  return s;
}

std::span<const std::string_view> builtin_situations() noexcept { return situations; }

std::vector<std::string> locale_fallback_chain(std::string_view locale) {
  std::vector<std::string> chain;
  std::string tag = normalize_locale(locale);
  while (!tag.empty()) {
    chain.push_back(tag);
    const auto dash = tag.rfind('-');
    if (dash == std::string::npos) break;
    tag.resize(dash);
  }
  if (std::find(chain.begin(), chain.end(), "en") == chain.end()) chain.emplace_back("en");
  return chain;
}

namespace {

// Validates and compiles every entry of one catalog file into `slots`.
// `position(entry, pattern_offset)` describes where a problem is, for messages.
template <class Position>
result<bool> compile_entries(const std::vector<detail::tpl::po_entry> &entries, const std::vector<std::string> &texts,
                             std::string_view name, std::string_view locale, slot_map &slots, Position position) {
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const auto &e = entries[k];
    const std::string &text = texts[k];
    if (e.fuzzy || text.empty()) continue;  // untranslated or fuzzy: the slot falls back, as with msgfmt
    auto where = [&](std::size_t offset) { return position(e, offset); };
    if (!e.has_context)
      return make_error(errc::parse_error, std::string(name) + ": " + where(0).first + ": entry without msgctxt (slot id)",
                        where(0).second);
    if (!valid_slot_id(e.context))
      return make_error(errc::parse_error,
                        std::string(name) + ": slot '" + e.context + "', " + where(0).first +
                            ": not a slot id (context/situation/short|standard/formal|informal)",
                        where(0).second);
    if (e.plural)
      return make_error(errc::parse_error,
                        std::string(name) + ": slot '" + e.context + "', " + where(0).first +
                            ": msgid_plural is not used; write plural inside the MessageFormat template",
                        where(0).second);
    auto t = message_template::compile(text, locale);
    if (!t) {
      const auto off = t.error().offset == error::npos ? 0 : t.error().offset;
      const auto [pos, file_off] = where(off);
      return make_error(t.error().code, std::string(name) + ": slot '" + e.context + "', " + pos + ": " + t.error().message,
                        file_off);
    }
    slots.insert_or_assign(e.context, slot_entry{std::move(*t), std::string(name)});
  }
  return true;
}

// "line L, column C" from a .mo (where only the pattern offset is known) with the msgstr line from a table.
std::string mo_position(std::size_t line, std::string_view pattern, std::size_t offset) {
  const auto [l, c] = detail::tpl::line_column(pattern, offset);
  std::string s;
  if (line > 0) s = "line " + std::to_string(line + l - 1) + " (msgstr), ";
  else s = "msgstr line " + std::to_string(l) + ", ";
  return s + "column " + std::to_string(c);
}

result<std::shared_ptr<catalog::impl>> load_builtins() {
  auto im = std::make_shared<catalog::impl>();
  for (const auto &emb : detail::tpl::builtin_catalogs()) {
    const std::string_view bytes(reinterpret_cast<const char *>(emb.mo), emb.mo_size);
    auto file = detail::tpl::parse_mo(bytes, emb.po_name);
    if (!file) return file.error();
    std::vector<std::pair<std::string, std::string>> keys;
    for (const auto &e : file->entries) keys.emplace_back(e.context, e.id);
    auto texts = detail::tpl::boost_translate(bytes, emb.locale, keys);
    if (!texts) return texts.error();
    const std::span<const detail::tpl::slot_line> lines(emb.lines, emb.line_count);
    auto position = [&](const detail::tpl::po_entry &e, std::size_t offset) {
      std::size_t line = 0;
      const auto it = std::lower_bound(lines.begin(), lines.end(), e.context,
                                       [](const detail::tpl::slot_line &a, const std::string &b) { return a.slot < b; });
      if (it != lines.end() && it->slot == e.context) line = static_cast<std::size_t>(it->line);
      const auto k = static_cast<std::size_t>(&e - file->entries.data());
      return std::pair<std::string, std::size_t>(mo_position(line, (*texts)[k], offset), error::npos);
    };
    auto ok = compile_entries(file->entries, *texts, emb.po_name, emb.locale, im->by_locale[emb.locale], position);
    if (!ok) return ok.error();
  }
  return im;
}

} // namespace

result<catalog> catalog::builtin() {
  static const result<std::shared_ptr<catalog::impl>> loaded = load_builtins();
  if (!loaded) return loaded.error();
  return catalog(*loaded);
}

catalog catalog::empty() { return catalog(std::make_shared<impl>()); }

result<catalog> catalog::overlay_file(std::string_view path, std::string_view locale) const {
  if (auto bad = find_invalid_utf8(path)) return detail::utf8_error(*bad);
  std::ifstream in{std::string(path), std::ios::binary};
  if (!in) return make_error(errc::io_error, "cannot open catalog '" + std::string(path) + "'");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return make_error(errc::io_error, "cannot read catalog '" + std::string(path) + "'");
  return overlay_bytes(buf.str(), path, locale);
}

result<catalog> catalog::overlay_bytes(std::string_view bytes, std::string_view name, std::string_view locale) const {
  if (auto bad = find_invalid_utf8(locale)) return detail::utf8_error(*bad);
  if (bytes.size() > 16u * 1024 * 1024)
    return make_error(errc::limit_exceeded, std::string(name) + ": catalog larger than 16 MiB");
  const bool mo = detail::tpl::is_mo(bytes);
  auto file = mo ? detail::tpl::parse_mo(bytes, name) : detail::tpl::parse_po(bytes, name);
  if (!file) return file.error();
  std::string tag = normalize_locale(locale.empty() ? std::string_view(file->language) : locale);
  if (tag.empty())
    return make_error(errc::invalid_argument, std::string(name) + ": no locale given and no Language: field in the header");

  std::vector<std::string> texts;
  if (mo) {
    std::vector<std::pair<std::string, std::string>> keys;
    for (const auto &e : file->entries) keys.emplace_back(e.context, e.id);
    auto t = detail::tpl::boost_translate(bytes, tag, keys);
    if (!t) return t.error();
    texts = std::move(*t);
  } else {
    for (const auto &e : file->entries) texts.push_back(e.str);
  }

  auto im = std::make_shared<impl>(*impl_);
  slot_map &slots = im->by_locale[tag];
  auto position = [&](const detail::tpl::po_entry &e, std::size_t offset) {
    if (mo) {
      const auto k = static_cast<std::size_t>(&e - file->entries.data());
      return std::pair<std::string, std::size_t>(mo_position(0, texts[k], offset), error::npos);
    }
    const std::size_t at = detail::tpl::file_offset_of(e, bytes, offset);
    const auto [l, c] = detail::tpl::line_column(bytes, at == error::npos ? 0 : at);
    return std::pair<std::string, std::size_t>("line " + std::to_string(l) + ", column " + std::to_string(c), at);
  };
  auto ok = compile_entries(file->entries, texts, name, tag, slots, position);
  if (!ok) return ok.error();
  if (slots.empty()) im->by_locale.erase(tag);
  return catalog(std::move(im));
}

result<lookup_result> catalog::lookup(std::string_view locale, std::string_view slot) const {
  if (auto bad = find_invalid_utf8(locale)) return detail::utf8_error(*bad);
  if (auto bad = find_invalid_utf8(slot)) return detail::utf8_error(*bad);
  const auto chain = locale_fallback_chain(locale);
  std::vector<std::string> tried;
  for (const auto &tag : chain) {
    const auto loc = impl_->by_locale.find(tag);
    if (loc != impl_->by_locale.end()) {
      const auto hit = loc->second.find(slot);
      if (hit != loc->second.end()) {
        // Numbers and dates follow the requested locale when it is the same language
        // (es-MX dates in an es template); otherwise the template's own locale.
        message_template t = hit->second.tmpl;
        if (chain.front() != tag && language_of(chain.front()) == language_of(tag)) {
          if (auto bound = t.with_locale(chain.front())) t = std::move(*bound);
        }
        return lookup_result{std::move(t), std::string(slot), chain.front(), tag, hit->second.source,
                             tag != chain.front(), std::move(tried), {}};
      }
    }
    tried.push_back(tag);
  }
  return make_error(errc::not_found, "no template for slot '" + std::string(slot) + "' in " + chain.front() +
                                         " or its fallbacks");
}

result<lookup_result> catalog::lookup(std::string_view locale, std::string_view slot, const template_args &args) const {
  auto r = lookup(locale, slot);
  if (r) r->missing = r->tmpl.missing_arguments(args);
  return r;
}

result<lookup_result> catalog::choose(std::string_view locale, std::span<const std::string> slots,
                                      const template_args &args) const {
  std::string needs;
  for (const auto &slot : slots) {
    auto r = lookup(locale, slot, args);
    if (!r) {
      if (r.error().code != errc::not_found) return r.error();
      continue;
    }
    if (r->missing.empty()) return r;
    needs += needs.empty() ? "" : "; ";
    needs += slot + " needs";
    for (const auto &m : r->missing) needs += " " + m;
  }
  if (needs.empty()) return make_error(errc::not_found, "none of the slots exists in " + normalize_locale(locale) + " or its fallbacks");
  return make_error(errc::invalid_argument, "every slot lacks an argument: " + needs);
}

std::vector<std::string> catalog::locales() const {
  std::vector<std::string> out;
  for (const auto &[tag, slots] : impl_->by_locale)
    if (!slots.empty()) out.push_back(tag);
  return out;
}

std::vector<std::string> catalog::slots(std::string_view locale) const {
  std::vector<std::string> out;
  const auto it = impl_->by_locale.find(normalize_locale(locale));
  if (it == impl_->by_locale.end()) return out;
  for (const auto &[slot, entry] : it->second) out.push_back(slot);
  return out;
}

} // namespace v1
} // namespace rapport
