// rapport — composing a personal note, and refusing when there is no reason to write.
//
// compose() puts the pieces together: discovery finds what the sender and the
// recipient really share; the strongest context picks a template slot in the
// recipient's language and register; the template is filled from the facts
// (event name and date in the event's time zone, the city in the note's
// language, the challenge, the mutual contact, the recipient's greeting name,
// the sender's given name and organization without its legal form, the
// purpose, in the note's language with compose_options::purposes); the
// fitter brings it under the platform's limit (fit.hpp); and review() reads
// the result the way the recipient would (it must find nothing).
//
// No shared context, no note: the answer is errc::no_shared_context with the
// homework that would unlock one ("the recipient has no city on record").
// Nothing is ever invented. With allow_self_introduction the sender may
// introduce themselves and state their purpose instead — never a fake reason.
//
// For many recipients, compose_all() prepares the sender, the templates and
// the platform once and composes on all cores; its output does not depend on
// the number of threads. compose_each() does the same without keeping the
// results: it hands each item to a callback, in input order, from buffers its
// workers reuse (no allocation per note once they are warm), for callers that
// write the notes somewhere as they come.
//
//     auto n = rapport::compose(dir, me, *dir.find_contact("anna"), {.platform = "linkedin-connection-note"});
//     if (n && n->status == rapport::errc::ok) send(n->note.text);
//     else if (n) for (auto &h : n->homework) std::cout << h.message << '\n';
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "rapport/catalog.hpp"
#include "rapport/contact.hpp"
#include "rapport/directory.hpp"
#include "rapport/discovery.hpp"
#include "rapport/fit.hpp"
#include "rapport/formality.hpp"
#include "rapport/platform.hpp"
#include "rapport/result.hpp"
#include "rapport/text.hpp"

namespace rapport {
inline namespace v1 {

/**
 * A text in one language: `locale` is a BCP 47 tag ("de", "fr-CA", "es_MX":
 * case and `_`/`-` do not matter), `text` UTF-8.
 *
 *     rapport::localized_text t{"de", "vorausschauende Wartung"};
 */
struct localized_text {
  std::string locale;
  std::string text;
};

/** How to compose. Every field has a sensible default. */
struct compose_options {
  std::string platform = "linkedin-connection-note"; ///< a built-in platform id (platform.hpp)
  const platform_profile *profile = nullptr;         ///< overrides `platform` (custom or overlaid profiles)
  std::string tier;                                  ///< "" = the profile's default tier
  std::string locale;                  ///< "" = the recipient's: contact.locale, else languages[0], else "en"
  std::optional<formality> form;       ///< nullopt = recipient's preference, else formal for any language but English
  std::optional<note_length> length;   ///< nullopt = standard when the body limit is ≥ 1000, else short
  /// 1 or 2: how many shared contexts the note gives. 2 adds a sentence for the strongest context of
  /// another kind (not about the same place); the fitter drops it first, with a warning, and with
  /// only one thing to say the note gives one reason and warns (docs/guide.md, "reasons").
  int reasons = 1;
  std::chrono::sys_seconds now{};      ///< the clock; the epoch means "the current time"
  bool allow_self_introduction = false;///< with no shared context, introduce the sender (needs a purpose)
  discovery_options discovery;
  std::uint64_t seed = 0;              ///< variation: the same seed and ids give the same note
  const catalog *templates = nullptr;  ///< nullptr = catalog::builtin()
  /**
   * The sender's purpose per language, for a network that reads several; empty
   * = `sender.purpose` in every note. A note takes the entry for its locale when
   * it is written in that locale's language ("de-AT"), else the entry for the
   * language it is written in ("de"), else `sender.purpose`. An entry with an
   * empty text means "no purpose in that language": the note uses the
   * template's wording without one, and a self-introduction is refused.
   * Errors (compose, compose_all, compose_each): invalid_utf8 naming
   * `purposes[i].locale` or `.text`; invalid_argument for a tag that is not
   * well-formed or given twice.
   *
   *     o.purposes = {{"de", "vorausschauende Wartung"}, {"fr", "maintenance prédictive"}};
   */
  std::vector<localized_text> purposes;
};

/** Something to add to the data that would give the pair a shared context. */
struct homework_item {
  std::string code;     ///< stable: "recipient_no_location", "no_shared_event", …
  evidence_side side = evidence_side::shared; ///< whose record needs it (shared: both, or neither's fault)
  std::string message;  ///< English, one sentence
};

/** A composed note and how it was made. */
struct composed_note {
  std::string text;
  std::string locale;               ///< the locale the note is written for (normalized, e.g. "es-MX")
  std::string catalog_locale;       ///< the catalog that had the template ("es")
  formality form = formality::informal;
  std::size_t length = 0;           ///< in `unit`
  std::size_t limit = no_limit;     ///< the platform's body limit for the tier, in `unit`
  length_unit unit = length_unit::graphemes;
  std::string slot;                 ///< the template slot used, e.g. "event/both-exhibiting/upcoming/short/formal"
  std::vector<shared_context> contexts; ///< the contexts the note mentions, with their evidence (empty for a self-introduction)
  std::vector<fit_step> steps;      ///< what the fitter did, in order (empty when it fitted at once)
  std::vector<std::string> dropped; ///< optional clauses not rendered (no value, variation or fitting)
  std::vector<std::string> warnings;///< English: locale fallback, ambiguous place, review findings (a bug)…
};

/** The answer of compose(): a note, or a refusal with homework. */
struct composition {
  errc status = errc::ok;                 ///< ok, or no_shared_context
  std::string recipient_id;
  composed_note note;                     ///< valid when status == ok
  std::vector<homework_item> homework;    ///< when status == no_shared_context: what would unlock a note
  std::string message;                    ///< the refusal, in English
};

/**
 * A note from `sender` to `recipient`, or a refusal (status no_shared_context
 * with homework). Errors: invalid_utf8 (options.locale, an entry of
 * options.purposes or a field of either contact), not_found (unknown platform
 * or tier), invalid_argument (sender is the recipient, reasons not 1 or 2, a
 * purposes tag not well-formed or given twice), internal (a template failed to render).
 *
 *     rapport::compose_options o;
 *     o.now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
 *     auto c = rapport::compose(dir, me, anna, o);
 */
result<composition> compose(const directory &dir, const contact &sender, const contact &recipient,
                            const compose_options &options = {});

/** A warning about a batch as a whole. */
struct batch_warning {
  std::string code;      ///< "near_duplicates"
  std::string slot;      ///< the template slot concerned
  std::size_t count = 0; ///< notes concerned
  std::string message;   ///< English
};

/** What compose_all() returns. */
struct batch_result {
  std::vector<result<composition>> items; ///< one per recipient, in input order
  std::vector<batch_warning> warnings;
};

/**
 * compose() for each recipient id (empty span: every contact of the directory
 * but the sender, in directory order), on `threads` threads (0 = the hardware's
 * count). The sender, templates and platform are prepared once. Items are in
 * input order; an unknown id gives a not_found item. The result does not
 * depend on `threads`; it is what compose_each() hands over, kept. Warns (near_duplicates) when more than 20% of the notes,
 * and more than 5, are the same text once the recipient's name is taken out.
 * Errors: those of compose() that concern the options (locale, platform, reasons, purposes).
 */
result<batch_result> compose_all(const directory &dir, const contact &sender, std::span<const std::string> recipient_ids,
                                 const compose_options &options = {}, unsigned threads = 0);

/**
 * What compose_each() calls with each item: its index in the input (or among
 * the directory's contacts but the sender) and the item, exactly as
 * compose_all() would return it. The item lives in a buffer compose_each()
 * reuses: it is valid during the call only (copy what you keep).
 */
using compose_sink = std::function<void(std::size_t index, const result<composition> &item)>;

/**
 * compose_all() without the results: composes for each recipient id (empty
 * span: every contact but the sender, in directory order) on `threads` threads
 * (0 = the hardware's count) and calls `sink` once per item, in input order,
 * one call at a time (the sink need not be thread-safe; it runs on one of the
 * workers, and composing goes on meanwhile on the others). What the sink sees
 * does not depend on `threads`. Each worker reuses its items' strings and
 * vectors from note to note. Returns the batch warnings (near_duplicates, as
 * compose_all()). Errors: those of compose_all(), before any call of the sink.
 * An exception thrown by the sink stops the batch (no further calls) and is
 * rethrown once the workers have stopped.
 *
 *     std::string out;
 *     auto w = rapport::compose_each(dir, me, ids, o, [&](std::size_t i, const auto &item) {
 *       if (item && item->status == rapport::errc::ok) out.append(item->note.text).push_back('\n');
 *     });
 */
result<std::vector<batch_warning>> compose_each(const directory &dir, const contact &sender,
                                                std::span<const std::string> recipient_ids,
                                                const compose_options &options, const compose_sink &sink,
                                                unsigned threads = 0);

/**
 * The variation hash: 64-bit FNV-1a over the sender id, a 0 byte, the
 * recipient id, a 0 byte and the seed's 8 bytes (little-endian). Stable across
 * platforms and releases.
 */
std::uint64_t variation_hash(std::string_view sender_id, std::string_view recipient_id, std::uint64_t seed) noexcept;

} // namespace v1
} // namespace rapport
