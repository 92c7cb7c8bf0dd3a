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

#ifdef __cplusplus
}
#endif

#endif /* RAPPORT_H */
