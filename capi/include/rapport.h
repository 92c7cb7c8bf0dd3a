/*
 * rapport — the C ABI.
 *
 * A thin, stable C interface over the C++ library, for C programs and for
 * bindings (Python ctypes, Rust). Conventions (see docs/c-api.md):
 *
 *  - names are rapport_<noun>_<verb>; handles are opaque;
 *  - functions that can fail return an int status: RAPPORT_OK (0) or a fixed
 *    negative RAPPORT_E* code that never changes meaning; rapport_last_error()
 *    explains the last failure on the calling thread;
 *  - strings in are UTF-8 (pointer, length); invalid UTF-8 is rejected with
 *    RAPPORT_EUTF8, never repaired;
 *  - strings out are owned by the caller and released with rapport_string_free(),
 *    unless a function says it returns a borrowed pointer;
 *  - every *_free() accepts NULL; no C++ exception ever crosses this boundary.
 */
#ifndef RAPPORT_H
#define RAPPORT_H

#include <stddef.h>
#include <stdint.h>

#if defined(RAPPORT_BUILDING)
#define RAPPORT_API __attribute__((visibility("default")))
#else
#define RAPPORT_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- version ------------------------------------------------------------ */

#define RAPPORT_VERSION_MAJOR 0
#define RAPPORT_VERSION_MINOR 1
#define RAPPORT_VERSION_PATCH 0
#define RAPPORT_VERSION_NUMBER (RAPPORT_VERSION_MAJOR * 10000 + RAPPORT_VERSION_MINOR * 100 + RAPPORT_VERSION_PATCH)

/** Version of the loaded library as MAJOR*10000 + MINOR*100 + PATCH. */
RAPPORT_API int rapport_version(void);

/** Version of the loaded library as "MAJOR.MINOR.PATCH". Static storage: do not free. */
RAPPORT_API const char *rapport_version_string(void);

/* ---- status and errors -------------------------------------------------- */

/** Status codes. Values are fixed forever; new ones are appended. */
enum {
  RAPPORT_OK = 0,
  RAPPORT_EUTF8 = -1,           /* input is not well-formed UTF-8 */
  RAPPORT_EINVAL = -2,          /* NULL where not allowed, bad option, wrong handle */
  RAPPORT_ENOTFOUND = -3,       /* id, slot, locale or file not found */
  RAPPORT_EPARSE = -4,          /* malformed file, template or document */
  RAPPORT_ELIMIT = -5,          /* input exceeds a documented limit */
  RAPPORT_EIO = -6,             /* reading or writing failed */
  RAPPORT_ENOCONTEXT = -7,      /* no shared context: no note was written */
  RAPPORT_EINTERNAL = -8,       /* a bug, a dependency failure, or out of memory */
};

/**
 * Message for the last failure on the calling thread, or "" when the last call
 * succeeded. Borrowed: valid until the next rapport_* call on this thread.
 */
RAPPORT_API const char *rapport_last_error(void);

/**
 * Byte offset in the input of the last failure on this thread (e.g. the first
 * invalid UTF-8 byte), or -1 when it does not apply.
 */
RAPPORT_API int64_t rapport_last_error_offset(void);

/** Frees a string returned by rapport. NULL is a no-op. */
RAPPORT_API void rapport_string_free(char *s);

/* ---- text ----------------------------------------------------------------- */

/**
 * Checks that (text, len) is well-formed UTF-8. Returns RAPPORT_OK, or
 * RAPPORT_EUTF8 with the offset of the first bad byte in *out_offset (when
 * out_offset is not NULL) and in rapport_last_error_offset().
 * text may be NULL only when len is 0.
 */
RAPPORT_API int rapport_utf8_validate(const char *text, size_t len, size_t *out_offset);

/** Which match key rapport_text_match_key() builds (see rapport/text.hpp). */
typedef enum rapport_key_kind {
  RAPPORT_KEY_FOLDED = 0,
  RAPPORT_KEY_ASCII = 1,
  RAPPORT_KEY_GERMAN = 2
} rapport_key_kind;

/**
 * The match key of (text, len): "München" and "MUENCHEN" give the same
 * RAPPORT_KEY_GERMAN key. On success *out is a NUL-terminated UTF-8 string
 * owned by the caller (rapport_string_free) and *out_len its length.
 * Errors: RAPPORT_EINVAL (out NULL, unknown kind), RAPPORT_EUTF8.
 */
RAPPORT_API int rapport_text_match_key(const char *text, size_t len, int kind, char **out, size_t *out_len);

/** How rapport_text_length() and rapport_text_truncate() count (see rapport/text.hpp). */
typedef enum rapport_length_unit {
  RAPPORT_UNIT_GRAPHEMES = 0,   /* user-perceived characters (NFC, UAX #29 clusters) */
  RAPPORT_UNIT_CODE_POINTS = 1, /* Unicode scalar values */
  RAPPORT_UNIT_UTF16 = 2,       /* UTF-16 code units, like JavaScript's String.length */
  RAPPORT_UNIT_X_WEIGHTED = 3   /* X (Twitter) weighted count: emoji 2, URL 23, CJK 2 */
} rapport_length_unit;

/**
 * Length of (text, len) in `unit` (a rapport_length_unit) into *out.
 * Errors: RAPPORT_EINVAL (out NULL, text NULL with len > 0, unknown unit),
 * RAPPORT_EUTF8, RAPPORT_ELIMIT (len above 256 MiB; nothing is read).
 */
RAPPORT_API int rapport_text_length(const char *text, size_t len, int unit, size_t *out);

/**
 * Options of rapport_text_truncate(). Fill with rapport_truncate_options_init()
 * and then change fields: `size` tells the library which version of the struct
 * the caller was built with.
 */
typedef struct rapport_truncate_options {
  size_t size;              /* sizeof(rapport_truncate_options); set by _init() */
  int unit;                 /* a rapport_length_unit; default RAPPORT_UNIT_GRAPHEMES */
  size_t limit;             /* maximum length of the result, ellipsis included; default 0 */
  const char *ellipsis;     /* UTF-8 appended when cut, borrowed; default "\xE2\x80\xA6" (U+2026) */
  size_t ellipsis_len;      /* bytes in ellipsis; 0 for no ellipsis (ellipsis may then be NULL) */
  int prefer_word_boundary; /* nonzero: cut at a word boundary in the last third; default 1 */
} rapport_truncate_options;

/** Sets *opts to the defaults, `size` included. NULL is a no-op. */
RAPPORT_API void rapport_truncate_options_init(rapport_truncate_options *opts);

/**
 * (text, len) in NFC, shortened to at most opts->limit in opts->unit without
 * splitting a grapheme (see rapport::truncate). *out is a NUL-terminated UTF-8
 * string owned by the caller (rapport_string_free), *out_len its length (may
 * be NULL), *out_truncated 1 when the text was cut, else 0 (may be NULL).
 * Errors: RAPPORT_EINVAL (opts or out NULL, opts->size not
 * sizeof(rapport_truncate_options), unknown unit, ellipsis NULL with a length),
 * RAPPORT_EUTF8 (text or ellipsis), RAPPORT_ELIMIT.
 */
RAPPORT_API int rapport_text_truncate(const char *text, size_t len, const rapport_truncate_options *opts, char **out,
                                      size_t *out_len, int *out_truncated);

/**
 * (text, len) without bidi controls, invisible characters and controls other
 * than newline (see rapport::sanitize). *out is a NUL-terminated UTF-8 string
 * owned by the caller (rapport_string_free), *out_len its length (may be NULL),
 * *out_removed the number of characters removed (may be NULL).
 * Errors: RAPPORT_EINVAL (out NULL, text NULL with len > 0), RAPPORT_EUTF8,
 * RAPPORT_ELIMIT.
 */
RAPPORT_API int rapport_text_sanitize(const char *text, size_t len, char **out, size_t *out_len, size_t *out_removed);


/* ---- borrowed strings and string lists ----------------------------------- */

/**
 * A borrowed UTF-8 string: `data` points into a handle and stays valid until
 * that handle is freed; it is NUL-terminated and `len` bytes long (not
 * counting the NUL). Never free `data`.
 */
typedef struct rapport_str {
  const char *data;
  size_t len;
} rapport_str;

/** An immutable list of strings (owned handle; free with rapport_strings_free). */
typedef struct rapport_strings rapport_strings;

/** Number of strings in `list` into *out. Errors: RAPPORT_EINVAL (NULL or wrong handle, out NULL). */
RAPPORT_API int rapport_strings_count(const rapport_strings *list, size_t *out);

/**
 * The string at `index` into *out, borrowed from `list`.
 * Errors: RAPPORT_EINVAL (NULL or wrong handle, out NULL, index out of range).
 */
RAPPORT_API int rapport_strings_get(const rapport_strings *list, size_t index, rapport_str *out);

/** Frees a list. NULL is a no-op. */
RAPPORT_API void rapport_strings_free(rapport_strings *list);

/*
 * ---- handles --------------------------------------------------------------
 * Every handle is opaque and starts with a magic number that each function
 * checks: a NULL handle or one of another type gives RAPPORT_EINVAL ("wrong
 * handle type"). *_free() clears the magic before releasing the memory, so a
 * freed handle is often (not always: the memory may be reused) reported as
 * RAPPORT_EINVAL too. This is best-effort detection, not a guarantee: using
 * a freed handle is undefined behaviour. Handles that are "borrowed" belong
 * to another handle and must not be freed (their *_free() ignores them).
 *
 * Composed notes (rapport_note), batches (rapport_batch), review findings
 * (rapport_findings) and import reports (rapport_import_report) follow the
 * same conventions.
 */

/* ---- directory: contacts ------------------------------------------------- */

/** A contact under construction (owned handle). Plain data; not thread-safe while being changed. */
typedef struct rapport_contact rapport_contact;

/** Text fields of a contact (rapport_contact_set_text / _get_text). */
typedef enum rapport_contact_field {
  RAPPORT_CONTACT_ID = 0,
  RAPPORT_CONTACT_NAME_GIVEN = 1,
  RAPPORT_CONTACT_NAME_MIDDLE = 2,
  RAPPORT_CONTACT_NAME_FAMILY = 3,
  RAPPORT_CONTACT_NAME_PREFIX = 4,    /* honorifics: "Dr.", "Frau" */
  RAPPORT_CONTACT_NAME_SUFFIX = 5,    /* credentials: "MBA, PMP" */
  RAPPORT_CONTACT_NAME_PREFERRED = 6, /* "Kate" */
  RAPPORT_CONTACT_NAME_PRONOUNS = 7,
  RAPPORT_CONTACT_NAME_RAW = 8,       /* the name as typed */
  RAPPORT_CONTACT_HEADLINE = 9,
  RAPPORT_CONTACT_INDUSTRY = 10,
  RAPPORT_CONTACT_LOCATION = 11,      /* as written; resolved to a place by the directory */
  RAPPORT_CONTACT_LOCALE = 12,        /* preferred locale for notes, BCP 47 */
  RAPPORT_CONTACT_PURPOSE = 13        /* the sender's side: why they reach out */
} rapport_contact_field;

/** List fields of a contact (rapport_contact_add_text). */
typedef enum rapport_contact_list {
  RAPPORT_CONTACT_LANGUAGES = 0,   /* BCP 47 tags, best first */
  RAPPORT_CONTACT_SCHOOLS = 1,
  RAPPORT_CONTACT_TOPICS = 2,
  RAPPORT_CONTACT_CONNECTIONS = 3  /* ids of 1st-degree connections */
} rapport_contact_list;

/** A person's part in an event (rapport::event_role). */
typedef enum rapport_event_role {
  RAPPORT_ROLE_ATTENDEE = 0,
  RAPPORT_ROLE_EXHIBITOR = 1,
  RAPPORT_ROLE_SPEAKER = 2,
  RAPPORT_ROLE_SPONSOR = 3,
  RAPPORT_ROLE_ORGANIZER = 4
} rapport_event_role;

/** Register (rapport::formality); UNKNOWN = no stated preference. */
typedef enum rapport_formality {
  RAPPORT_FORMALITY_UNKNOWN = 0,
  RAPPORT_FORMALITY_FORMAL = 1,
  RAPPORT_FORMALITY_INFORMAL = 2
} rapport_formality;

/** Grammatical gender, only ever as explicitly given (rapport::grammatical_gender). */
typedef enum rapport_gender {
  RAPPORT_GENDER_UNKNOWN = 0,
  RAPPORT_GENDER_FEMININE = 1,
  RAPPORT_GENDER_MASCULINE = 2,
  RAPPORT_GENDER_NEUTRAL = 3
} rapport_gender;

/** Order of the parts of a name (rapport::name_order). */
typedef enum rapport_name_order {
  RAPPORT_NAME_GIVEN_FIRST = 0,
  RAPPORT_NAME_FAMILY_FIRST = 1
} rapport_name_order;

/**
 * A new contact with `id` into *out (owned: rapport_contact_free). The id may
 * be empty here; the directory builder rejects it.
 * Errors: RAPPORT_EINVAL (out NULL, id NULL with len > 0), RAPPORT_EUTF8, RAPPORT_ELIMIT.
 */
RAPPORT_API int rapport_contact_new(const char *id, size_t id_len, rapport_contact **out);

/** Frees a contact. NULL is a no-op. */
RAPPORT_API void rapport_contact_free(rapport_contact *contact);

/**
 * Sets a text field (a rapport_contact_field) to a copy of (text, len).
 * Errors: RAPPORT_EINVAL (wrong handle, unknown field, text NULL with len > 0),
 * RAPPORT_EUTF8 (with the offset), RAPPORT_ELIMIT (len above 256 MiB).
 */
RAPPORT_API int rapport_contact_set_text(rapport_contact *contact, int field, const char *text, size_t len);

/**
 * A text field (a rapport_contact_field) into *out, borrowed from `contact`
 * (valid until it is changed or freed). Errors: RAPPORT_EINVAL.
 */
RAPPORT_API int rapport_contact_get_text(const rapport_contact *contact, int field, rapport_str *out);

/**
 * Appends a copy of (text, len) to a list field (a rapport_contact_list).
 * Errors: as rapport_contact_set_text.
 */
RAPPORT_API int rapport_contact_add_text(rapport_contact *contact, int list, const char *text, size_t len);

/** Number of items in a list field into *out. Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_contact_list_count(const rapport_contact *contact, int list, size_t *out);

/** Sets the stated formality preference (a rapport_formality). Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_contact_set_formality(rapport_contact *contact, int formality);

/** Sets the stated grammatical gender (a rapport_gender). Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_contact_set_gender(rapport_contact *contact, int gender);

/** Sets the order of the name parts (a rapport_name_order). Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_contact_set_name_order(rapport_contact *contact, int order);

/** Adds a participation in the event `event_id` in `role` (a rapport_event_role). Errors: as set_text. */
RAPPORT_API int rapport_contact_add_event(rapport_contact *contact, const char *event_id, size_t len, int role);

/** An organization for rapport_contact_add_organization(); strings are borrowed for the call only. */
typedef struct rapport_organization {
  size_t size;           /* sizeof(rapport_organization); set by _init() */
  const char *name;      /* "SAP SE" */
  size_t name_len;
  const char *title;     /* position held there */
  size_t title_len;
  const char *industry;  /* the organization's industry, when known */
  size_t industry_len;
  int current;           /* nonzero: works there now; default 1 */
  int start_year;        /* 0 = unknown */
  int end_year;          /* 0 = unknown */
} rapport_organization;

/** Sets *org to the defaults (empty strings, current, years unknown), `size` included. NULL is a no-op. */
RAPPORT_API void rapport_organization_init(rapport_organization *org);

/**
 * Appends a copy of *org to the contact's organizations (current and past).
 * Errors: RAPPORT_EINVAL (wrong handle, org NULL, org->size not
 * sizeof(rapport_organization), a string NULL with a length), RAPPORT_EUTF8, RAPPORT_ELIMIT.
 */
RAPPORT_API int rapport_contact_add_organization(rapport_contact *contact, const rapport_organization *org);

/**
 * Appends an offer (what the sender can help with) addressing `challenge_count`
 * challenges: challenge_ids[i] of challenge_lens[i] bytes. Everything is copied.
 * Errors: RAPPORT_EINVAL (wrong handle, arrays NULL with a count, a string NULL
 * with a length), RAPPORT_EUTF8, RAPPORT_ELIMIT.
 */
RAPPORT_API int rapport_contact_add_offer(rapport_contact *contact, const char *id, size_t id_len, const char *summary,
                                          size_t summary_len, const char *const *challenge_ids,
                                          const size_t *challenge_lens, size_t challenge_count);

/* ---- directory: events and challenges ------------------------------------- */

/** One edition of an event under construction (owned handle). */
typedef struct rapport_event rapport_event;

/** Text fields of an event. */
typedef enum rapport_event_field {
  RAPPORT_EVENT_ID = 0,
  RAPPORT_EVENT_NAME = 1,
  RAPPORT_EVENT_SERIES = 2,
  RAPPORT_EVENT_TIME_ZONE = 3,  /* IANA; "" = UTC */
  RAPPORT_EVENT_VENUE = 4,
  RAPPORT_EVENT_LOCATION = 5,
  RAPPORT_EVENT_URL = 6
} rapport_event_field;

/** A new event with `id` into *out (owned: rapport_event_free). Errors: as rapport_contact_new. */
RAPPORT_API int rapport_event_new(const char *id, size_t id_len, rapport_event **out);

/** Frees an event. NULL is a no-op. */
RAPPORT_API void rapport_event_free(rapport_event *event);

/** Sets a text field (a rapport_event_field). Errors: as rapport_contact_set_text. */
RAPPORT_API int rapport_event_set_text(rapport_event *event, int field, const char *text, size_t len);

/** Appends another name of the event ("WebSummit"). Errors: as rapport_contact_set_text. */
RAPPORT_API int rapport_event_add_alias(rapport_event *event, const char *alias, size_t len);

/** Sets the edition (year or number; 0 = unknown). Errors: RAPPORT_EINVAL (wrong handle). */
RAPPORT_API int rapport_event_set_edition(rapport_event *event, int edition);

/**
 * Makes the event all-day, from the local day first_* to last_* inclusive
 * (read in its time zone). Errors: RAPPORT_EINVAL (wrong handle, a date that
 * does not exist). Inverted dates are reported when the event is added.
 */
RAPPORT_API int rapport_event_set_days(rapport_event *event, int first_year, int first_month, int first_day,
                                       int last_year, int last_month, int last_day);

/** Makes the event timed, from start to end (Unix seconds, UTC). Errors: RAPPORT_EINVAL (wrong handle). */
RAPPORT_API int rapport_event_set_times(rapport_event *event, int64_t start_unix, int64_t end_unix);

/** An industry challenge under construction (owned handle). */
typedef struct rapport_challenge rapport_challenge;

/** Text fields of a challenge. */
typedef enum rapport_challenge_field {
  RAPPORT_CHALLENGE_ID = 0,
  RAPPORT_CHALLENGE_TITLE = 1,
  RAPPORT_CHALLENGE_DESCRIPTION = 2
} rapport_challenge_field;

/** List fields of a challenge. */
typedef enum rapport_challenge_list {
  RAPPORT_CHALLENGE_INDUSTRIES = 0,
  RAPPORT_CHALLENGE_KEYWORDS = 1
} rapport_challenge_list;

/** A new challenge with `id` into *out (owned: rapport_challenge_free). Errors: as rapport_contact_new. */
RAPPORT_API int rapport_challenge_new(const char *id, size_t id_len, rapport_challenge **out);

/** Frees a challenge. NULL is a no-op. */
RAPPORT_API void rapport_challenge_free(rapport_challenge *challenge);

/** Sets a text field (a rapport_challenge_field). Errors: as rapport_contact_set_text. */
RAPPORT_API int rapport_challenge_set_text(rapport_challenge *challenge, int field, const char *text, size_t len);

/** Appends to a list field (a rapport_challenge_list). Errors: as rapport_contact_set_text. */
RAPPORT_API int rapport_challenge_add_text(rapport_challenge *challenge, int list, const char *text, size_t len);

/* ---- directory: builder and directory ------------------------------------- */

/** Collects records, then builds a directory (owned handle). Not thread-safe. */
typedef struct rapport_directory_builder rapport_directory_builder;

/** An immutable, indexed directory (owned handle). Any number of threads may use it at once. */
typedef struct rapport_directory rapport_directory;

/** A new, empty builder into *out (owned: rapport_directory_builder_free). Errors: RAPPORT_EINVAL (out NULL). */
RAPPORT_API int rapport_directory_builder_new(rapport_directory_builder **out);

/** Frees a builder. NULL is a no-op. */
RAPPORT_API void rapport_directory_builder_free(rapport_directory_builder *builder);

/**
 * Adds a copy of `contact` (the handle stays the caller's). A rejected contact
 * is not added and the builder stays usable; rapport_last_error() has the C++
 * validation message, e.g. "organizations[1].name: invalid UTF-8 at byte 3".
 * Errors: RAPPORT_EINVAL (wrong handle, empty or duplicate id), RAPPORT_EUTF8.
 */
RAPPORT_API int rapport_directory_builder_add_contact(rapport_directory_builder *builder, const rapport_contact *contact);

/** Adds a copy of `event`. Errors: as add_contact, plus RAPPORT_EINVAL for an unknown time zone or inverted dates. */
RAPPORT_API int rapport_directory_builder_add_event(rapport_directory_builder *builder, const rapport_event *event);

/** Adds a copy of `challenge`. Errors: as add_contact. */
RAPPORT_API int rapport_directory_builder_add_challenge(rapport_directory_builder *builder,
                                                        const rapport_challenge *challenge);

/**
 * Builds the directory into *out (owned: rapport_directory_free) and empties
 * the builder (which stays usable). Problems become warnings
 * (rapport_directory_warning). Errors: RAPPORT_EINVAL.
 */
RAPPORT_API int rapport_directory_builder_build(rapport_directory_builder *builder, rapport_directory **out);

/** Frees a directory. Handles made from it (senders, contexts…) keep what they need and stay valid. NULL is a no-op. */
RAPPORT_API void rapport_directory_free(rapport_directory *dir);

/** Number of contacts into *out. Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_directory_contact_count(const rapport_directory *dir, size_t *out);

/** Number of warnings from build() into *out. Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_directory_warning_count(const rapport_directory *dir, size_t *out);

/**
 * Warning `index`: its status (a RAPPORT_E* code) into *out_status and its
 * message into *out_message (borrowed from dir); either may be NULL.
 * Errors: RAPPORT_EINVAL (wrong handle, index out of range).
 */
RAPPORT_API int rapport_directory_warning(const rapport_directory *dir, size_t index, int *out_status,
                                          rapport_str *out_message);

/**
 * A copy of the contact with `id` into *out (owned: rapport_contact_free).
 * Errors: RAPPORT_EINVAL, RAPPORT_EUTF8, RAPPORT_ENOTFOUND.
 */
RAPPORT_API int rapport_directory_find_contact(const rapport_directory *dir, const char *id, size_t len,
                                               rapport_contact **out);

/**
 * The id of the contact at `index` (contacts are in id byte order) into *out,
 * borrowed from dir. Errors: RAPPORT_EINVAL (index out of range).
 */
RAPPORT_API int rapport_directory_contact_id(const rapport_directory *dir, size_t index, rapport_str *out);

/* ---- discovery ------------------------------------------------------------- */

/** What kind of thing is shared (rapport::context_kind); also the tie-break order. */
typedef enum rapport_context_kind {
  RAPPORT_CONTEXT_EVENT = 0,
  RAPPORT_CONTEXT_CHALLENGE = 1,
  RAPPORT_CONTEXT_MUTUAL_CONNECTION = 2,
  RAPPORT_CONTEXT_SAME_CITY = 3,
  RAPPORT_CONTEXT_PAST_EMPLOYER = 4,
  RAPPORT_CONTEXT_SCHOOL = 5,
  RAPPORT_CONTEXT_TOPIC = 6
} rapport_context_kind;

/** Which side a piece of evidence comes from. */
typedef enum rapport_evidence_side {
  RAPPORT_SIDE_SENDER = 0,
  RAPPORT_SIDE_RECIPIENT = 1,
  RAPPORT_SIDE_SHARED = 2
} rapport_evidence_side;

/** Options of discovery and ranking. Fill with rapport_discover_options_init(). */
typedef struct rapport_discover_options {
  size_t size;          /* sizeof(rapport_discover_options); set by _init() */
  double min_strength;  /* contexts weaker than this are left out; default 0 */
} rapport_discover_options;

/** Sets *opts to the defaults, `size` included. NULL is a no-op. */
RAPPORT_API void rapport_discover_options_init(rapport_discover_options *opts);

/** Shared contexts found by discovery, strongest first (owned handle, immutable, thread-safe to read). */
typedef struct rapport_contexts rapport_contexts;

/** A sender prepared once for one directory (owned handle, immutable, thread-safe). */
typedef struct rapport_sender rapport_sender;

/**
 * Every context `sender` and `recipient` share at `now` (Unix seconds), into
 * *out (owned: rapport_contexts_free). opts may be NULL for the defaults.
 * Events, challenges and mutual connections are looked up in `dir`.
 * Errors: RAPPORT_EINVAL (wrong handle, bad opts, sender and recipient the same contact).
 */
RAPPORT_API int rapport_discover(const rapport_directory *dir, const rapport_contact *sender,
                                 const rapport_contact *recipient, int64_t now_unix,
                                 const rapport_discover_options *opts, rapport_contexts **out);

/**
 * Prepares `sender` (copied) for `dir` into *out (owned: rapport_sender_free),
 * for discovery against many recipients. Errors: RAPPORT_EINVAL.
 */
RAPPORT_API int rapport_sender_new(const rapport_directory *dir, const rapport_contact *sender, rapport_sender **out);

/** Frees a prepared sender. NULL is a no-op. */
RAPPORT_API void rapport_sender_free(rapport_sender *sender);

/** As rapport_discover, with a prepared sender. */
RAPPORT_API int rapport_sender_discover(const rapport_sender *sender, const rapport_contact *recipient,
                                        int64_t now_unix, const rapport_discover_options *opts,
                                        rapport_contexts **out);

/**
 * As rapport_sender_discover, for the directory's contact with `id` (no copy
 * of the contact is made). Errors: as rapport_discover, RAPPORT_EUTF8, RAPPORT_ENOTFOUND.
 */
RAPPORT_API int rapport_sender_discover_id(const rapport_sender *sender, const char *id, size_t len,
                                           int64_t now_unix, const rapport_discover_options *opts,
                                           rapport_contexts **out);

/** Frees a contexts handle. NULL and borrowed handles are ignored. */
RAPPORT_API void rapport_contexts_free(rapport_contexts *contexts);

/** Number of contexts into *out. Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_contexts_count(const rapport_contexts *contexts, size_t *out);

/** Kind (a rapport_context_kind) of context `index` into *out. Errors: RAPPORT_EINVAL (also index out of range). */
RAPPORT_API int rapport_contexts_kind(const rapport_contexts *contexts, size_t index, int *out);

/** Strength in [0,1] of context `index` into *out. Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_contexts_strength(const rapport_contexts *contexts, size_t index, double *out);

/** Template situation ("event/both-exhibiting/upcoming") of context `index`, borrowed. Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_contexts_situation(const rapport_contexts *contexts, size_t index, rapport_str *out);

/**
 * Number of facts of context `index` into *out. Facts are the (name, value)
 * pairs a template needs, values as text: "event_id", "event_name",
 * "relation", "timing", "sender_role", "recipient_role", "days_until" (event);
 * "place", "place_ambiguous" (same_city); "challenge_id", "challenge_title",
 * "offer_id", "offer_summary", "industry" (challenge); "mutual_id",
 * "mutual_name", "mutual_count"; "organization"; "school"; "topic". Only the
 * facts of the context's kind are present. Errors: RAPPORT_EINVAL.
 */
RAPPORT_API int rapport_contexts_fact_count(const rapport_contexts *contexts, size_t index, size_t *out);

/** Fact `fact` of context `index`: name and value, borrowed (either may be NULL). Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_contexts_fact(const rapport_contexts *contexts, size_t index, size_t fact, rapport_str *out_name,
                                      rapport_str *out_value);

/**
 * The value of the fact `name` of context `index`, borrowed.
 * Errors: RAPPORT_EINVAL, RAPPORT_EUTF8, RAPPORT_ENOTFOUND (no such fact for this kind).
 */
RAPPORT_API int rapport_contexts_fact_find(const rapport_contexts *contexts, size_t index, const char *name,
                                           size_t name_len, rapport_str *out_value);

/** Number of evidence items of context `index` into *out. Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_contexts_evidence_count(const rapport_contexts *contexts, size_t index, size_t *out);

/**
 * Evidence item `item` of context `index`: side (a rapport_evidence_side),
 * record ("contact:anna"), field ("events[0].role") and value, borrowed. Any
 * output may be NULL. Errors: RAPPORT_EINVAL.
 */
RAPPORT_API int rapport_contexts_evidence(const rapport_contexts *contexts, size_t index, size_t item, int *out_side,
                                          rapport_str *out_record, rapport_str *out_field, rapport_str *out_value);

/* ---- ranking --------------------------------------------------------------- */

/** Bit of a rapport_context_kind in rapport_rank_filter::kinds. */
#define RAPPORT_KIND_BIT(kind) (1u << (unsigned)(kind))

/** Which contacts may be ranked. Fill with rapport_rank_filter_init(). */
typedef struct rapport_rank_filter {
  size_t size;            /* sizeof(rapport_rank_filter); set by _init() */
  unsigned kinds;         /* RAPPORT_KIND_BIT()s of the kinds that count; 0 = all kinds */
  const char *event_id;   /* only participants of this event; borrowed for the call; NULL/0 = any */
  size_t event_id_len;
  double min_strength;    /* only contacts whose best context is at least this strong */
} rapport_rank_filter;

/** Sets *filter to the defaults (no condition), `size` included. NULL is a no-op. */
RAPPORT_API void rapport_rank_filter_init(rapport_rank_filter *filter);

/** Ranked contacts, strongest first (owned handle, immutable). */
typedef struct rapport_results rapport_results;

/**
 * The top `k` contacts of `dir` by their best shared context with `sender`,
 * into *out (owned: rapport_results_free). filter and opts may be NULL.
 * Errors: RAPPORT_EINVAL (wrong handle, bad sizes, unknown kind bits),
 * RAPPORT_EUTF8 (event id), RAPPORT_ENOTFOUND (the filter names an unknown event).
 */
RAPPORT_API int rapport_rank(const rapport_directory *dir, const rapport_contact *sender, int64_t now_unix, size_t k,
                             const rapport_rank_filter *filter, const rapport_discover_options *opts,
                             rapport_results **out);

/** As rapport_rank, with a prepared sender. */
RAPPORT_API int rapport_sender_rank(const rapport_sender *sender, int64_t now_unix, size_t k,
                                    const rapport_rank_filter *filter, const rapport_discover_options *opts,
                                    rapport_results **out);

/** Frees results. NULL is a no-op. */
RAPPORT_API void rapport_results_free(rapport_results *results);

/** Number of ranked contacts into *out. Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_results_count(const rapport_results *results, size_t *out);

/** Contact id of result `index`, borrowed. Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_results_recipient(const rapport_results *results, size_t index, rapport_str *out);

/**
 * The best contexts of the results as a contexts handle whose entry i is the
 * best context of result i; borrowed from `results` (do not free it).
 * Errors: RAPPORT_EINVAL.
 */
RAPPORT_API int rapport_results_contexts(const rapport_results *results, const rapport_contexts **out);

/* ---- catalogs ---------------------------------------------------------------- */

/** A set of note templates per locale and slot (owned handle, immutable, thread-safe). */
typedef struct rapport_catalog rapport_catalog;

/** A template found for a slot, and how it was found (owned handle). */
typedef struct rapport_lookup rapport_lookup;

/** Text fields of a lookup. */
typedef enum rapport_lookup_field {
  RAPPORT_LOOKUP_SLOT = 0,
  RAPPORT_LOOKUP_REQUESTED_LOCALE = 1,
  RAPPORT_LOOKUP_CATALOG_LOCALE = 2,  /* the catalog that had the slot ("es" for "es-MX") */
  RAPPORT_LOOKUP_SOURCE = 3,          /* "builtin:es" or the overlay's name */
  RAPPORT_LOOKUP_PATTERN = 4          /* the ICU MessageFormat pattern */
} rapport_lookup_field;

/** The built-in catalogs (en, de, fr, es) into *out (owned: rapport_catalog_free). Errors: RAPPORT_EINVAL, RAPPORT_EPARSE, RAPPORT_EINTERNAL. */
RAPPORT_API int rapport_catalog_builtin(rapport_catalog **out);

/** Frees a catalog. NULL is a no-op. */
RAPPORT_API void rapport_catalog_free(rapport_catalog *catalog);

/**
 * `catalog` with a user catalog file (.po or .mo) laid over it, into *out
 * (owned, new handle; `catalog` is unchanged). locale may be empty: the file's
 * "Language:" header. Errors: RAPPORT_EINVAL, RAPPORT_EUTF8, RAPPORT_EIO,
 * RAPPORT_EPARSE (message names catalog, slot, line and column).
 */
RAPPORT_API int rapport_catalog_add_file(const rapport_catalog *catalog, const char *path, size_t path_len,
                                         const char *locale, size_t locale_len, rapport_catalog **out);

/** As rapport_catalog_add_file, from bytes; `name` appears in messages and as the lookup source. */
RAPPORT_API int rapport_catalog_add_bytes(const rapport_catalog *catalog, const char *bytes, size_t bytes_len,
                                          const char *name, size_t name_len, const char *locale, size_t locale_len,
                                          rapport_catalog **out);

/** Locales with at least one slot, sorted, into *out (owned: rapport_strings_free). Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_catalog_locales(const rapport_catalog *catalog, rapport_strings **out);

/** Slot ids of exactly `locale`, sorted, into *out (owned). Errors: RAPPORT_EINVAL, RAPPORT_EUTF8. */
RAPPORT_API int rapport_catalog_slots(const rapport_catalog *catalog, const char *locale, size_t locale_len,
                                      rapport_strings **out);

/** The situations every built-in locale has slots for, into *out (owned). Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_catalog_situations(rapport_strings **out);

/**
 * The template for `slot` in `locale` or along its fallback chain (es-MX → es
 * → en), into *out (owned: rapport_lookup_free).
 * Errors: RAPPORT_EINVAL, RAPPORT_EUTF8, RAPPORT_ENOTFOUND.
 */
RAPPORT_API int rapport_catalog_lookup(const rapport_catalog *catalog, const char *locale, size_t locale_len,
                                       const char *slot, size_t slot_len, rapport_lookup **out);

/** Frees a lookup. NULL is a no-op. */
RAPPORT_API void rapport_lookup_free(rapport_lookup *lookup);

/** A text field (a rapport_lookup_field), borrowed. Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_lookup_get(const rapport_lookup *lookup, int field, rapport_str *out);

/** 1 into *out when the slot came from another locale than requested, else 0. Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_lookup_fallback(const rapport_lookup *lookup, int *out);

/** Locales tried without the slot, in order, into *out (owned). Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_lookup_tried(const rapport_lookup *lookup, rapport_strings **out);

/**
 * A named argument for rendering; strings are borrowed for the call. Text and
 * keyword arguments take the value as is; number arguments a decimal number
 * ("3", "2.5"); date arguments "<Unix milliseconds>" or "<Unix milliseconds> <IANA zone>".
 */
typedef struct rapport_arg {
  const char *name;
  size_t name_len;
  const char *value;
  size_t value_len;
} rapport_arg;

/**
 * Renders `slot` for `locale` (with fallback) with `args[0..count)`, into *out
 * (owned NUL-terminated string: rapport_string_free) and *out_len (may be NULL).
 * Errors: RAPPORT_EINVAL (wrong handle, args NULL with a count, unknown
 * argument, a required argument missing, a number or date that does not
 * parse), RAPPORT_EUTF8, RAPPORT_ENOTFOUND (no such slot).
 */
RAPPORT_API int rapport_catalog_render(const rapport_catalog *catalog, const char *locale, size_t locale_len,
                                       const char *slot, size_t slot_len, const rapport_arg *args, size_t count,
                                       char **out, size_t *out_len);

/* ---- platforms ----------------------------------------------------------------- */

/** A platform profile: where a note goes and how much fits (owned handle, immutable). */
typedef struct rapport_platform rapport_platform;

/** The limit of a field that has none. */
#define RAPPORT_NO_LIMIT SIZE_MAX

/** A part of a message with its own limit. */
typedef enum rapport_platform_field {
  RAPPORT_FIELD_SUBJECT = 0,
  RAPPORT_FIELD_BODY = 1
} rapport_platform_field;

/** How sure the numbers of a profile are. */
typedef enum rapport_platform_confidence {
  RAPPORT_CONFIDENCE_DOCUMENTED = 0,
  RAPPORT_CONFIDENCE_OBSERVED = 1,
  RAPPORT_CONFIDENCE_CONVENTION = 2,
  RAPPORT_CONFIDENCE_USER = 3
} rapport_platform_confidence;

/** Text fields of a profile. */
typedef enum rapport_platform_text {
  RAPPORT_PLATFORM_ID = 0,
  RAPPORT_PLATFORM_DISPLAY_NAME = 1,
  RAPPORT_PLATFORM_SOURCE = 2
} rapport_platform_text;

/** Ids of the built-in profiles, sorted, into *out (owned: rapport_strings_free). Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_platform_ids(rapport_strings **out);

/** The built-in profile `id` into *out (owned: rapport_platform_free). Errors: RAPPORT_EINVAL, RAPPORT_EUTF8, RAPPORT_ENOTFOUND. */
RAPPORT_API int rapport_platform_find(const char *id, size_t len, rapport_platform **out);

/**
 * A one-off profile "custom" with a body limit, a unit (rapport_length_unit)
 * and a subject limit (RAPPORT_NO_LIMIT for none), into *out (owned).
 * Errors: RAPPORT_EINVAL (zero limit, unknown unit).
 */
RAPPORT_API int rapport_platform_custom(size_t body_limit, int unit, size_t subject_limit, rapport_platform **out);

/** Frees a profile. NULL is a no-op. */
RAPPORT_API void rapport_platform_free(rapport_platform *platform);

/** A text field (a rapport_platform_text), borrowed. Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_platform_get(const rapport_platform *platform, int field, rapport_str *out);

/** The unit (a rapport_length_unit) the platform counts in. Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_platform_unit(const rapport_platform *platform, int *out);

/** The confidence (a rapport_platform_confidence). Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_platform_confidence_of(const rapport_platform *platform, int *out);

/** The tiers, default first ("free", "premium"), into *out (owned). Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_platform_tiers(const rapport_platform *platform, rapport_strings **out);

/**
 * The limit of `field` (a rapport_platform_field) for `tier` (empty: the
 * default tier) into *out; RAPPORT_NO_LIMIT when unlimited.
 * Errors: RAPPORT_EINVAL, RAPPORT_EUTF8, RAPPORT_ENOTFOUND (no such field or tier).
 */
RAPPORT_API int rapport_platform_limit(const rapport_platform *platform, int field, const char *tier, size_t tier_len,
                                       size_t *out);

/* ---- import ----------------------------------------------------------------- */

/** The formats rapport imports (see rapport/import.hpp and docs/formats.md). */
typedef enum rapport_import_format {
  RAPPORT_IMPORT_LINKEDIN_CSV = 0, /* LinkedIn's Connections.csv, every known shape */
  RAPPORT_IMPORT_CSV = 1,          /* RFC 4180 CSV with a header and a rapport_csv_mapping */
  RAPPORT_IMPORT_VCARD = 2,        /* vCard 2.1, 3.0, 4.0 */
  RAPPORT_IMPORT_ICALENDAR = 3,    /* the VEVENTs of an iCalendar file */
  RAPPORT_IMPORT_JSON = 4          /* rapport's own JSON document */
} rapport_import_format;

/**
 * Hard limits of an import; going over one is always RAPPORT_ELIMIT.
 * Fill with rapport_import_limits_init().
 */
typedef struct rapport_import_limits {
  size_t size;           /* sizeof(rapport_import_limits); set by _init() */
  size_t max_file_bytes; /* whole input; default 2 GiB */
  size_t max_line_bytes; /* one logical line (a CSV record, an unfolded property); default 1 MiB */
  size_t max_records;    /* records of all kinds in one input; default 10 000 000 */
  size_t max_depth;      /* JSON nesting, nested vCards / calendar components; default 32 */
  size_t max_problems;   /* problems kept in full, later ones only counted; default 10 000 */
} rapport_import_limits;

/** Sets *limits to the defaults, `size` included. NULL is a no-op. */
RAPPORT_API void rapport_import_limits_init(rapport_import_limits *limits);

/** Import modes. */
enum { RAPPORT_IMPORT_LENIENT = 0, RAPPORT_IMPORT_STRICT = 1 };

/** Options of every import. Fill with rapport_import_options_init(). */
typedef struct rapport_import_options {
  size_t size;                         /* sizeof(rapport_import_options); set by _init() */
  int mode;                            /* RAPPORT_IMPORT_LENIENT (default: keep good records, report the rest)
                                          or RAPPORT_IMPORT_STRICT (fail on the first problem) */
  const char *file_name;               /* name used as the problems' file for bytes; borrowed; NULL = "" */
  size_t file_name_len;
  const rapport_import_limits *limits; /* borrowed for the call; NULL = the defaults */
} rapport_import_options;

/** Sets *opts to the defaults (lenient, no file name, default limits), `size` included. NULL is a no-op. */
RAPPORT_API void rapport_import_options_init(rapport_import_options *opts);

/** Contact fields a generic CSV column can fill (rapport::contact_field). */
typedef enum rapport_csv_field {
  RAPPORT_CSV_IGNORE = 0,
  RAPPORT_CSV_ID = 1,
  RAPPORT_CSV_GIVEN_NAME = 2,
  RAPPORT_CSV_FAMILY_NAME = 3,
  RAPPORT_CSV_FULL_NAME = 4,
  RAPPORT_CSV_EMAIL = 5,        /* used for the id only */
  RAPPORT_CSV_PROFILE_URL = 6,  /* used for the id only ("linkedin:<slug>") */
  RAPPORT_CSV_ORGANIZATION = 7,
  RAPPORT_CSV_TITLE = 8,
  RAPPORT_CSV_HEADLINE = 9,
  RAPPORT_CSV_INDUSTRY = 10,
  RAPPORT_CSV_LOCATION = 11,
  RAPPORT_CSV_LANGUAGES = 12,   /* lists, split on ';' */
  RAPPORT_CSV_TOPICS = 13,
  RAPPORT_CSV_SCHOOLS = 14,
  RAPPORT_CSV_CONNECTED_ON = 15
} rapport_csv_field;

/** One column of a generic CSV file: its header (borrowed) and the field it fills. */
typedef struct rapport_csv_column {
  const char *header;  /* matched exactly after trimming spaces */
  size_t header_len;
  int field;           /* a rapport_csv_field */
} rapport_csv_column;

/** How a generic CSV file maps to contacts. Fill with rapport_csv_mapping_init(). */
typedef struct rapport_csv_mapping {
  size_t size;                        /* sizeof(rapport_csv_mapping); set by _init() */
  const rapport_csv_column *columns;  /* borrowed for the call; unmapped columns are ignored */
  size_t column_count;
  char delimiter;                     /* default ',' */
} rapport_csv_mapping;

/** Sets *mapping to the defaults (no columns, ','), `size` included. NULL is a no-op. */
RAPPORT_API void rapport_csv_mapping_init(rapport_csv_mapping *mapping);

/** What one import did (owned handle, immutable, thread-safe to read). */
typedef struct rapport_import_report rapport_import_report;

/**
 * Reads the file at `path` (UTF-8) in `format` (a rapport_import_format) and
 * adds each record to `builder` as it is read; records the builder refuses (a
 * duplicate id, an unknown time zone) are problems too. `mapping` is required
 * for RAPPORT_IMPORT_CSV and ignored otherwise; opts may be NULL (lenient,
 * default limits). *out (owned: rapport_import_report_free) has the counts and
 * the problems. On failure *out is NULL and the builder keeps the records
 * added before the failure.
 * Errors: RAPPORT_EINVAL (wrong handle, out NULL, unknown format, bad sizes,
 * mapping NULL for CSV, a mapped column missing from the header),
 * RAPPORT_EUTF8 (path, file name or a header of the mapping), RAPPORT_ENOTFOUND
 * (no such file), RAPPORT_EIO, RAPPORT_EPARSE (nothing of the format found),
 * RAPPORT_ELIMIT; in strict mode, the first problem's own status and message
 * ("<file>:<line>:<column>: record <n>: … (fatal)").
 */
RAPPORT_API int rapport_directory_builder_import_file(rapport_directory_builder *builder, int format, const char *path,
                                                      size_t path_len, const rapport_import_options *opts,
                                                      const rapport_csv_mapping *mapping, rapport_import_report **out);

/**
 * As rapport_directory_builder_import_file, from `len` bytes at `bytes`
 * (copied as needed; not required to be UTF-8: vCards may be UTF-16 or
 * Windows-1252). opts->file_name names the input in problems.
 * Errors: as import_file; RAPPORT_EINVAL also for bytes NULL with a length;
 * RAPPORT_ELIMIT when len exceeds limits.max_file_bytes (nothing is read).
 */
RAPPORT_API int rapport_directory_builder_import_bytes(rapport_directory_builder *builder, int format,
                                                       const char *bytes, size_t len,
                                                       const rapport_import_options *opts,
                                                       const rapport_csv_mapping *mapping,
                                                       rapport_import_report **out);

/** Frees a report. NULL is a no-op. */
RAPPORT_API void rapport_import_report_free(rapport_import_report *report);

/**
 * Records imported (repaired ones included), skipped, repaired, and problems
 * beyond limits.max_problems (counted, not kept). Any out pointer may be NULL.
 * Errors: RAPPORT_EINVAL (wrong handle).
 */
RAPPORT_API int rapport_import_report_counts(const rapport_import_report *report, size_t *out_imported,
                                             size_t *out_skipped, size_t *out_repaired, size_t *out_not_kept);

/** Number of problems kept, in input order, into *out. Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_import_report_problem_count(const rapport_import_report *report, size_t *out);

/** Not tied to a line, column, offset or record. */
#define RAPPORT_NPOS SIZE_MAX

/** What happened to the record a problem belongs to. */
typedef enum rapport_problem_action {
  RAPPORT_PROBLEM_SKIPPED = 0,  /* the record was not imported */
  RAPPORT_PROBLEM_REPAIRED = 1, /* imported; a field was fixed, guessed or left empty */
  RAPPORT_PROBLEM_FATAL = 2     /* the import stopped here */
} rapport_problem_action;

/**
 * One thing in the input that was not clean. Fill `size` with
 * rapport_import_problem_init() before rapport_import_report_problem(); the
 * strings are borrowed from the report.
 */
typedef struct rapport_import_problem {
  size_t size;          /* sizeof(rapport_import_problem); set by _init() */
  int status;           /* a RAPPORT_E* code: RAPPORT_EPARSE, RAPPORT_EUTF8, RAPPORT_EINVAL… */
  int action;           /* a rapport_problem_action */
  rapport_str file;     /* file name, or the options' file_name for bytes */
  size_t line;          /* 1-based; 0 = not tied to a line */
  size_t column;        /* 1-based byte column; 0 = not tied to a column */
  size_t offset;        /* byte offset in the (decoded) input, or RAPPORT_NPOS */
  size_t record;        /* 0-based record index in the input, or RAPPORT_NPOS */
  rapport_str field;    /* "Connected On", "EMAIL", "contacts[3].name"; may be empty */
  rapport_str message;  /* English, one line */
  rapport_str display;  /* all of it on one line: "Connections.csv:12:5: record 9: field Email Address: … (skipped)" */
} rapport_import_problem;

/** Sets *problem to an empty problem with `size` filled in. NULL is a no-op. */
RAPPORT_API void rapport_import_problem_init(rapport_import_problem *problem);

/**
 * Problem `index` into *out.
 * Errors: RAPPORT_EINVAL (wrong handle, out NULL, out->size not
 * sizeof(rapport_import_problem), index out of range).
 */
RAPPORT_API int rapport_import_report_problem(const rapport_import_report *report, size_t index,
                                              rapport_import_problem *out);

/* ---- JSON convenience layer ------------------------------------------------------- */

/* ---- compose ------------------------------------------------------------ */

/** How to compose (see rapport/compose.hpp). Initialize with rapport_compose_options_init(). */
typedef struct rapport_compose_options {
  size_t size;                    /* sizeof(rapport_compose_options); set by _init */
  const char *platform;           /* platform id, e.g. "linkedin-connection-note"; NULL = that default */
  size_t platform_len;
  const char *tier;               /* "free", "premium"; NULL = the profile's default tier */
  size_t tier_len;
  const char *locale;             /* BCP 47 override; NULL = the recipient's language */
  size_t locale_len;
  int formality;                  /* -1 = the recipient's preference / language default; RAPPORT_FORMAL, RAPPORT_INFORMAL */
  int allow_self_introduction;    /* non-zero: with no shared context, introduce the sender (needs a purpose) */
  uint64_t seed;                  /* variation seed: the same seed and ids give the same note */
  /* Added after the first ABI baseline: a caller built before passes the older size and gets 1. */
  int reasons;                    /* 1 or 2: how many shared contexts the note may mention (docs/guide.md) */
  /* Added with per-language purposes: a caller built before passes the older size and gives none.
   * The sender's purpose per language (C++ compose_options::purposes): entry i is the language tag
   * purpose_locales[i] ("de", "fr-CA"; purpose_locale_lens[i] bytes) and the purpose
   * purpose_texts[i] (purpose_text_lens[i] bytes; length 0 = no purpose in that language).
   * A note takes the entry of its locale, else of its language, else the sender's purpose.
   * The arrays are borrowed for the call; all NULL with purpose_count 0 = none. */
  const char *const *purpose_locales;
  const size_t *purpose_locale_lens;
  const char *const *purpose_texts;
  const size_t *purpose_text_lens;
  size_t purpose_count;
} rapport_compose_options;

/** Register values for rapport_compose_options.formality. */
enum { RAPPORT_FORMAL = 0, RAPPORT_INFORMAL = 1 };

/** Sets *opts to the defaults (size filled in). NULL is a no-op. */
RAPPORT_API void rapport_compose_options_init(rapport_compose_options *opts);

/** A composed note, or a refusal with its homework (owned handle, immutable, thread-safe to read). */
typedef struct rapport_note rapport_note;

/**
 * Composes a note from `sender` (need not be in `dir`) to `recipient` at `now`
 * (Unix seconds) into *out (owned: rapport_note_free). A refusal is not an
 * error: the call returns RAPPORT_OK and rapport_note_status() says
 * RAPPORT_ENOCONTEXT, with the homework that would unlock a note.
 * opts may be NULL for the defaults.
 * Errors: RAPPORT_EINVAL (wrong handle, out NULL, bad opts or size; a purpose array
 * NULL with purpose_count > 0, a purpose tag not well-formed or given twice), RAPPORT_EUTF8
 * (in an option string or a purpose), RAPPORT_ENOTFOUND (unknown platform or tier).
 */
RAPPORT_API int rapport_compose(const rapport_directory *dir, const rapport_contact *sender,
                                const rapport_contact *recipient, int64_t now_unix,
                                const rapport_compose_options *opts, rapport_note **out);

/** Frees a note. NULL and notes borrowed from a batch (rapport_batch_note) are ignored. */
RAPPORT_API void rapport_note_free(rapport_note *note);

/** RAPPORT_OK when a note was written, RAPPORT_ENOCONTEXT for a refusal, into *out. */
RAPPORT_API int rapport_note_status(const rapport_note *note, int *out);

/**
 * The note's text (empty for a refusal) into *out, borrowed from `note`.
 * Errors: RAPPORT_EINVAL.
 */
RAPPORT_API int rapport_note_text(const rapport_note *note, rapport_str *out);

/** The template slot used ("event/both-exhibiting/upcoming/short/formal"), borrowed. */
RAPPORT_API int rapport_note_slot(const rapport_note *note, rapport_str *out);

/** The locale the note is written for ("de", "es-MX"), borrowed. */
RAPPORT_API int rapport_note_locale(const rapport_note *note, rapport_str *out);

/** The note's length and the platform's limit, both in the platform's unit (either pointer may be NULL). */
RAPPORT_API int rapport_note_length(const rapport_note *note, size_t *out_length, size_t *out_limit);

/** Number of warnings (locale fallback, ambiguous place…) into *out. */
RAPPORT_API int rapport_note_warning_count(const rapport_note *note, size_t *out);

/** Warning `index` (English), borrowed. Errors: RAPPORT_EINVAL (index out of range). */
RAPPORT_API int rapport_note_warning(const rapport_note *note, size_t index, rapport_str *out);

/** Number of homework items of a refusal (0 for a note) into *out. */
RAPPORT_API int rapport_note_homework_count(const rapport_note *note, size_t *out);

/**
 * Homework item `index`: its stable code ("recipient_no_location") and English
 * message, both borrowed; either pointer may be NULL.
 */
RAPPORT_API int rapport_note_homework(const rapport_note *note, size_t index, rapport_str *out_code,
                                      rapport_str *out_message);

/**
 * The shared contexts the note is built on, with their evidence, into *out:
 * borrowed from `note` (do not free). Errors: RAPPORT_EINVAL.
 */
RAPPORT_API int rapport_note_contexts(const rapport_note *note, const rapport_contexts **out);

/* ---- batch compose -------------------------------------------------------- */

/**
 * The notes of one batch (owned handle, immutable, thread-safe to read): one
 * item per recipient, in input order, plus the warnings about the batch as a
 * whole. Each item is a note, a refusal (RAPPORT_ENOCONTEXT) or the failure of
 * that recipient alone (e.g. RAPPORT_ENOTFOUND for an unknown id).
 */
typedef struct rapport_batch rapport_batch;

/**
 * Composes a note from `sender` to each recipient, like rapport_compose, with
 * the sender, templates and platform prepared once (C++ rapport::compose_all).
 * Recipients: recipient_ids[i] of id_lens[i] bytes for i < count; or, when
 * recipient_ids is NULL (count must be 0), every contact of `dir` but the
 * sender, in directory order. A non-NULL list with count 0 gives an empty
 * batch. `threads` is the number of threads (0 = the hardware's count); the
 * result does not depend on it. opts may be NULL for the defaults.
 * *out is owned by the caller (rapport_batch_free); NULL on failure.
 * Errors: RAPPORT_EINVAL (wrong handle, out NULL, an id NULL with a length,
 * id_lens NULL with a count, recipient_ids NULL with a count, bad opts),
 * RAPPORT_EUTF8 (an id or option string; the message names the index),
 * RAPPORT_ELIMIT (an id over 256 MiB), RAPPORT_ENOTFOUND (unknown platform or
 * tier). An unknown recipient id is not an error of the call: its item has
 * status RAPPORT_ENOTFOUND.
 */
RAPPORT_API int rapport_compose_all(const rapport_directory *dir, const rapport_contact *sender,
                                    const char *const *recipient_ids, const size_t *id_lens, size_t count,
                                    int64_t now_unix, const rapport_compose_options *opts, unsigned threads,
                                    rapport_batch **out);

/** Frees a batch and every note borrowed from it. NULL is a no-op. */
RAPPORT_API void rapport_batch_free(rapport_batch *batch);

/** Number of items into *out. Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_batch_count(const rapport_batch *batch, size_t *out);

/**
 * Item `index`: its status (RAPPORT_OK for a note, RAPPORT_ENOCONTEXT for a
 * refusal, another RAPPORT_E* code when that recipient failed), its recipient
 * id and its message (the refusal or the failure in English, "" for a note),
 * both borrowed from `batch`. Any out pointer may be NULL.
 * Errors: RAPPORT_EINVAL (wrong handle, index out of range).
 */
RAPPORT_API int rapport_batch_item(const rapport_batch *batch, size_t index, int *out_status,
                                   rapport_str *out_recipient_id, rapport_str *out_message);

/**
 * The note of item `index` into *out, borrowed from `batch` (valid until the
 * batch is freed; rapport_note_free ignores it): read it with the
 * rapport_note_* functions, refusals and homework included.
 * Errors: RAPPORT_EINVAL (wrong handle, out NULL, index out of range), or the
 * item's own status when that recipient failed (e.g. RAPPORT_ENOTFOUND), with
 * its message in rapport_last_error(); *out is then NULL.
 */
RAPPORT_API int rapport_batch_note(const rapport_batch *batch, size_t index, const rapport_note **out);

/**
 * The whole batch as flat arrays, for bindings that read everything at once.
 * Every pointer is borrowed from the batch and valid until it is freed.
 * Text i is texts[text_offsets[i] .. text_offsets[i + 1] - 1): each text is
 * followed by a NUL that the offsets step over, so `texts` is also count
 * NUL-terminated strings back to back ("" for a refusal or a failure).
 * The recipient ids are laid out the same way.
 */
typedef struct rapport_batch_view {
  size_t size;                        /* sizeof(rapport_batch_view); set by _init() */
  size_t count;                       /* items */
  const int *statuses;                /* count entries: as rapport_batch_item's status */
  const char *texts;                  /* count NUL-terminated UTF-8 texts */
  size_t texts_len;                   /* bytes in texts, NULs included (= text_offsets[count]) */
  const size_t *text_offsets;         /* count + 1 entries, text_offsets[0] = 0 */
  const char *recipient_ids;          /* count NUL-terminated ids */
  size_t recipient_ids_len;           /* bytes in recipient_ids, NULs included */
  const size_t *recipient_id_offsets; /* count + 1 entries */
} rapport_batch_view;

/** Sets *view to an empty view with `size` filled in. NULL is a no-op. */
RAPPORT_API void rapport_batch_view_init(rapport_batch_view *view);

/**
 * Fills *out with the arrays of `batch` (one call for the whole batch).
 * Errors: RAPPORT_EINVAL (wrong handle, out NULL, out->size not
 * sizeof(rapport_batch_view): call rapport_batch_view_init first).
 */
RAPPORT_API int rapport_batch_view_get(const rapport_batch *batch, rapport_batch_view *out);

/** Number of warnings about the batch as a whole into *out. Errors: RAPPORT_EINVAL. */
RAPPORT_API int rapport_batch_warning_count(const rapport_batch *batch, size_t *out);

/**
 * Batch warning `index`: its stable code ("near_duplicates"), the template
 * slot concerned, the number of notes concerned and an English message.
 * Strings are borrowed from `batch`; any out pointer may be NULL.
 * Errors: RAPPORT_EINVAL (wrong handle, index out of range).
 */
RAPPORT_API int rapport_batch_warning(const rapport_batch *batch, size_t index, rapport_str *out_code,
                                      rapport_str *out_slot, size_t *out_count, rapport_str *out_message);

/* ---- review -------------------------------------------------------------- */

/** What review knows besides the draft. Initialize with rapport_review_options_init(). */
typedef struct rapport_review_options {
  size_t size;                    /* sizeof(rapport_review_options); set by _init */
  const char *tier;               /* NULL = the profile's default tier */
  size_t tier_len;
  const rapport_contact *sender;  /* NULL = unknown: no no_self_introduction check */
} rapport_review_options;

/** Sets *opts to the defaults (size filled in). NULL is a no-op. */
RAPPORT_API void rapport_review_options_init(rapport_review_options *opts);

/** The findings of a review (owned handle, immutable, thread-safe to read). */
typedef struct rapport_findings rapport_findings;

/**
 * Reviews `draft` (UTF-8) to `recipient` on `platform` into *out (owned:
 * rapport_findings_free). No findings is a clean draft. opts may be NULL.
 * Errors: RAPPORT_EINVAL, RAPPORT_EUTF8 (offset in rapport_last_error_offset()),
 * RAPPORT_ENOTFOUND (unknown tier), RAPPORT_ELIMIT.
 */
RAPPORT_API int rapport_review(const char *draft, size_t len, const rapport_contact *recipient,
                               const rapport_platform *platform, const rapport_review_options *opts,
                               rapport_findings **out);

/** Frees findings. NULL is a no-op. */
RAPPORT_API void rapport_findings_free(rapport_findings *findings);

/** Number of findings into *out. */
RAPPORT_API int rapport_findings_count(const rapport_findings *findings, size_t *out);

/** Severity values of rapport_findings_get's *out_severity. */
enum { RAPPORT_SEVERITY_ERROR = 0, RAPPORT_SEVERITY_WARNING = 1, RAPPORT_SEVERITY_INFO = 2 };

/**
 * Finding `index`: its stable code ("placeholder_left"), severity, byte span
 * [begin, end) in the draft, English message and suggested replacement (may
 * be empty). Strings are borrowed from `findings`; any out pointer may be NULL.
 * Errors: RAPPORT_EINVAL (wrong handle, index out of range).
 */
RAPPORT_API int rapport_findings_get(const rapport_findings *findings, size_t index, rapport_str *out_code,
                                     int *out_severity, size_t *out_begin, size_t *out_end,
                                     rapport_str *out_message, rapport_str *out_suggestion);

/**
 * One call with a JSON request document, for quick FFI use (shapes in
 * docs/c-api.md): {"op": "discover" | "rank" | "text.length" |
 * "text.truncate" | "platforms" | "catalog.slots" | "catalog.render", ...}.
 * *out_response is a NUL-terminated JSON document owned by the caller
 * (rapport_string_free), written on success ({"ok": true, "result": ...}) and
 * on failure ({"ok": false, "error": {"status", "code", "message", "offset"}});
 * out_len may be NULL. The return value is the same status.
 * Errors: RAPPORT_EINVAL (out_response NULL: nothing is written; unknown op,
 * missing or mistyped member), RAPPORT_EUTF8, RAPPORT_EPARSE (not JSON),
 * RAPPORT_ELIMIT (request over 64 MiB), and those of the op.
 */
RAPPORT_API int rapport_json_call(const char *request, size_t len, char **out_response, size_t *out_len);

#ifdef __cplusplus
}
#endif

#endif /* RAPPORT_H */
