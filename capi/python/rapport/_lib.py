"""Loading librapport_c and declaring every C function (argtypes and restype)."""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from ctypes import POINTER, c_char_p, c_double, c_int, c_int64, c_size_t, c_uint, c_void_p


class Str(ctypes.Structure):
    """rapport_str: a borrowed (data, len) string."""
    _fields_ = [("data", c_void_p), ("len", c_size_t)]

    def text(self) -> str:
        if not self.data:
            return ""
        return ctypes.string_at(self.data, self.len).decode("utf-8")


class TruncateOptions(ctypes.Structure):
    _fields_ = [("size", c_size_t), ("unit", c_int), ("limit", c_size_t), ("ellipsis", c_char_p),
                ("ellipsis_len", c_size_t), ("prefer_word_boundary", c_int)]


class Organization(ctypes.Structure):
    _fields_ = [("size", c_size_t), ("name", c_char_p), ("name_len", c_size_t), ("title", c_char_p),
                ("title_len", c_size_t), ("industry", c_char_p), ("industry_len", c_size_t),
                ("current", c_int), ("start_year", c_int), ("end_year", c_int)]


class DiscoverOptions(ctypes.Structure):
    _fields_ = [("size", c_size_t), ("min_strength", c_double)]


class RankFilter(ctypes.Structure):
    _fields_ = [("size", c_size_t), ("kinds", c_uint), ("event_id", c_char_p), ("event_id_len", c_size_t),
                ("min_strength", c_double)]


class ComposeOptions(ctypes.Structure):
    _fields_ = [("size", c_size_t), ("platform", c_char_p), ("platform_len", c_size_t), ("tier", c_char_p),
                ("tier_len", c_size_t), ("locale", c_char_p), ("locale_len", c_size_t), ("formality", c_int),
                ("allow_self_introduction", c_int), ("seed", ctypes.c_uint64),
                ("reasons", c_int), ("purpose_locales", c_void_p), ("purpose_locale_lens", c_void_p),
                ("purpose_texts", c_void_p), ("purpose_text_lens", c_void_p), ("purpose_count", c_size_t)]


class ReviewOptions(ctypes.Structure):
    _fields_ = [("size", c_size_t), ("tier", c_char_p), ("tier_len", c_size_t), ("sender", c_void_p)]


class BatchView(ctypes.Structure):
    """rapport_batch_view: a whole batch as flat arrays, borrowed from the batch."""
    _fields_ = [("size", c_size_t), ("count", c_size_t), ("statuses", c_void_p), ("texts", c_void_p),
                ("texts_len", c_size_t), ("text_offsets", c_void_p), ("recipient_ids", c_void_p),
                ("recipient_ids_len", c_size_t), ("recipient_id_offsets", c_void_p)]


class ImportLimits(ctypes.Structure):
    _fields_ = [("size", c_size_t), ("max_file_bytes", c_size_t), ("max_line_bytes", c_size_t),
                ("max_records", c_size_t), ("max_depth", c_size_t), ("max_problems", c_size_t)]


class ImportOptions(ctypes.Structure):
    _fields_ = [("size", c_size_t), ("mode", c_int), ("file_name", c_char_p), ("file_name_len", c_size_t),
                ("limits", ctypes.POINTER(ImportLimits))]


class CsvColumn(ctypes.Structure):
    _fields_ = [("header", c_char_p), ("header_len", c_size_t), ("field", c_int)]


class CsvMapping(ctypes.Structure):
    _fields_ = [("size", c_size_t), ("columns", ctypes.POINTER(CsvColumn)), ("column_count", c_size_t),
                ("delimiter", ctypes.c_char)]


class ImportProblem(ctypes.Structure):
    _fields_ = [("size", c_size_t), ("status", c_int), ("action", c_int), ("file", Str), ("line", c_size_t),
                ("column", c_size_t), ("offset", c_size_t), ("record", c_size_t), ("field", Str),
                ("message", Str), ("display", Str)]


class Arg(ctypes.Structure):
    _fields_ = [("name", c_char_p), ("name_len", c_size_t), ("value", c_char_p), ("value_len", c_size_t)]


def _candidates():
    env = os.environ.get("RAPPORT_LIBRARY")
    if env:
        yield env
        return
    for prefix in (sys.prefix, "/usr/local", "/usr"):
        for libdir in ("lib", "lib64", "lib/x86_64-linux-gnu", "lib/aarch64-linux-gnu"):
            yield os.path.join(prefix, libdir, "librapport_c.so.0")
    found = ctypes.util.find_library("rapport_c")
    if found:
        yield found


def _load() -> ctypes.CDLL:
    tried = []
    for path in _candidates():
        if os.path.sep in path and not os.path.exists(path):
            tried.append(path)
            continue
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            tried.append(f"{path} ({e})")
    raise ImportError("librapport_c not found; set RAPPORT_LIBRARY to its path. Tried: " + ", ".join(tried))


lib = _load()

H = c_void_p          # any opaque handle
PH = POINTER(c_void_p)
PSTR = POINTER(Str)
PSZ = POINTER(c_size_t)
PINT = POINTER(c_int)
PCHAR = POINTER(c_void_p)  # char ** (kept as void* so that the memory can be freed)

_PROTOTYPES = {
    "rapport_version": (c_int, []),
    "rapport_version_string": (c_char_p, []),
    "rapport_last_error": (c_char_p, []),
    "rapport_last_error_offset": (c_int64, []),
    "rapport_string_free": (None, [c_void_p]),
    "rapport_strings_count": (c_int, [H, PSZ]),
    "rapport_strings_get": (c_int, [H, c_size_t, PSTR]),
    "rapport_strings_free": (None, [H]),
    "rapport_utf8_validate": (c_int, [c_char_p, c_size_t, PSZ]),
    "rapport_text_match_key": (c_int, [c_char_p, c_size_t, c_int, PCHAR, PSZ]),
    "rapport_text_length": (c_int, [c_char_p, c_size_t, c_int, PSZ]),
    "rapport_truncate_options_init": (None, [POINTER(TruncateOptions)]),
    "rapport_text_truncate": (c_int, [c_char_p, c_size_t, POINTER(TruncateOptions), PCHAR, PSZ, PINT]),
    "rapport_text_sanitize": (c_int, [c_char_p, c_size_t, PCHAR, PSZ, PSZ]),
    "rapport_contact_new": (c_int, [c_char_p, c_size_t, PH]),
    "rapport_contact_free": (None, [H]),
    "rapport_contact_set_text": (c_int, [H, c_int, c_char_p, c_size_t]),
    "rapport_contact_get_text": (c_int, [H, c_int, PSTR]),
    "rapport_contact_add_text": (c_int, [H, c_int, c_char_p, c_size_t]),
    "rapport_contact_list_count": (c_int, [H, c_int, PSZ]),
    "rapport_contact_set_formality": (c_int, [H, c_int]),
    "rapport_contact_set_gender": (c_int, [H, c_int]),
    "rapport_contact_set_name_order": (c_int, [H, c_int]),
    "rapport_contact_add_event": (c_int, [H, c_char_p, c_size_t, c_int]),
    "rapport_organization_init": (None, [POINTER(Organization)]),
    "rapport_contact_add_organization": (c_int, [H, POINTER(Organization)]),
    "rapport_contact_add_offer": (c_int, [H, c_char_p, c_size_t, c_char_p, c_size_t, POINTER(c_char_p), PSZ, c_size_t]),
    "rapport_event_new": (c_int, [c_char_p, c_size_t, PH]),
    "rapport_event_free": (None, [H]),
    "rapport_event_set_text": (c_int, [H, c_int, c_char_p, c_size_t]),
    "rapport_event_add_alias": (c_int, [H, c_char_p, c_size_t]),
    "rapport_event_set_edition": (c_int, [H, c_int]),
    "rapport_event_set_days": (c_int, [H, c_int, c_int, c_int, c_int, c_int, c_int]),
    "rapport_event_set_times": (c_int, [H, c_int64, c_int64]),
    "rapport_challenge_new": (c_int, [c_char_p, c_size_t, PH]),
    "rapport_challenge_free": (None, [H]),
    "rapport_challenge_set_text": (c_int, [H, c_int, c_char_p, c_size_t]),
    "rapport_challenge_add_text": (c_int, [H, c_int, c_char_p, c_size_t]),
    "rapport_directory_builder_new": (c_int, [PH]),
    "rapport_directory_builder_free": (None, [H]),
    "rapport_directory_builder_add_contact": (c_int, [H, H]),
    "rapport_directory_builder_add_event": (c_int, [H, H]),
    "rapport_directory_builder_add_challenge": (c_int, [H, H]),
    "rapport_directory_builder_build": (c_int, [H, PH]),
    "rapport_directory_free": (None, [H]),
    "rapport_directory_contact_count": (c_int, [H, PSZ]),
    "rapport_directory_warning_count": (c_int, [H, PSZ]),
    "rapport_directory_warning": (c_int, [H, c_size_t, PINT, PSTR]),
    "rapport_directory_find_contact": (c_int, [H, c_char_p, c_size_t, PH]),
    "rapport_directory_contact_id": (c_int, [H, c_size_t, PSTR]),
    "rapport_discover_options_init": (None, [POINTER(DiscoverOptions)]),
    "rapport_discover": (c_int, [H, H, H, c_int64, POINTER(DiscoverOptions), PH]),
    "rapport_sender_new": (c_int, [H, H, PH]),
    "rapport_sender_free": (None, [H]),
    "rapport_sender_discover": (c_int, [H, H, c_int64, POINTER(DiscoverOptions), PH]),
    "rapport_sender_discover_id": (c_int, [H, c_char_p, c_size_t, c_int64, POINTER(DiscoverOptions), PH]),
    "rapport_contexts_free": (None, [H]),
    "rapport_contexts_count": (c_int, [H, PSZ]),
    "rapport_contexts_kind": (c_int, [H, c_size_t, PINT]),
    "rapport_contexts_strength": (c_int, [H, c_size_t, POINTER(c_double)]),
    "rapport_contexts_situation": (c_int, [H, c_size_t, PSTR]),
    "rapport_contexts_fact_count": (c_int, [H, c_size_t, PSZ]),
    "rapport_contexts_fact": (c_int, [H, c_size_t, c_size_t, PSTR, PSTR]),
    "rapport_contexts_fact_find": (c_int, [H, c_size_t, c_char_p, c_size_t, PSTR]),
    "rapport_contexts_evidence_count": (c_int, [H, c_size_t, PSZ]),
    "rapport_contexts_evidence": (c_int, [H, c_size_t, c_size_t, PINT, PSTR, PSTR, PSTR]),
    "rapport_rank_filter_init": (None, [POINTER(RankFilter)]),
    "rapport_rank": (c_int, [H, H, c_int64, c_size_t, POINTER(RankFilter), POINTER(DiscoverOptions), PH]),
    "rapport_sender_rank": (c_int, [H, c_int64, c_size_t, POINTER(RankFilter), POINTER(DiscoverOptions), PH]),
    "rapport_results_free": (None, [H]),
    "rapport_results_count": (c_int, [H, PSZ]),
    "rapport_results_recipient": (c_int, [H, c_size_t, PSTR]),
    "rapport_results_contexts": (c_int, [H, PH]),
    "rapport_catalog_builtin": (c_int, [PH]),
    "rapport_catalog_free": (None, [H]),
    "rapport_catalog_add_file": (c_int, [H, c_char_p, c_size_t, c_char_p, c_size_t, PH]),
    "rapport_catalog_add_bytes": (c_int, [H, c_char_p, c_size_t, c_char_p, c_size_t, c_char_p, c_size_t, PH]),
    "rapport_catalog_locales": (c_int, [H, PH]),
    "rapport_catalog_slots": (c_int, [H, c_char_p, c_size_t, PH]),
    "rapport_catalog_situations": (c_int, [PH]),
    "rapport_catalog_lookup": (c_int, [H, c_char_p, c_size_t, c_char_p, c_size_t, PH]),
    "rapport_lookup_free": (None, [H]),
    "rapport_lookup_get": (c_int, [H, c_int, PSTR]),
    "rapport_lookup_fallback": (c_int, [H, PINT]),
    "rapport_lookup_tried": (c_int, [H, PH]),
    "rapport_catalog_render": (c_int, [H, c_char_p, c_size_t, c_char_p, c_size_t, POINTER(Arg), c_size_t, PCHAR, PSZ]),
    "rapport_platform_ids": (c_int, [PH]),
    "rapport_platform_find": (c_int, [c_char_p, c_size_t, PH]),
    "rapport_platform_custom": (c_int, [c_size_t, c_int, c_size_t, PH]),
    "rapport_platform_free": (None, [H]),
    "rapport_platform_get": (c_int, [H, c_int, PSTR]),
    "rapport_platform_unit": (c_int, [H, PINT]),
    "rapport_platform_confidence_of": (c_int, [H, PINT]),
    "rapport_platform_tiers": (c_int, [H, PH]),
    "rapport_platform_limit": (c_int, [H, c_int, c_char_p, c_size_t, PSZ]),
    "rapport_json_call": (c_int, [c_char_p, c_size_t, PCHAR, PSZ]),
    "rapport_compose_options_init": (None, [POINTER(ComposeOptions)]),
    "rapport_compose": (c_int, [H, H, H, c_int64, POINTER(ComposeOptions), PH]),
    "rapport_note_free": (None, [H]),
    "rapport_note_status": (c_int, [H, PINT]),
    "rapport_note_text": (c_int, [H, PSTR]),
    "rapport_note_slot": (c_int, [H, PSTR]),
    "rapport_note_locale": (c_int, [H, PSTR]),
    "rapport_note_length": (c_int, [H, PSZ, PSZ]),
    "rapport_note_warning_count": (c_int, [H, PSZ]),
    "rapport_note_warning": (c_int, [H, c_size_t, PSTR]),
    "rapport_note_homework_count": (c_int, [H, PSZ]),
    "rapport_note_homework": (c_int, [H, c_size_t, PSTR, PSTR]),
    "rapport_note_contexts": (c_int, [H, PH]),
    "rapport_compose_all": (c_int, [H, H, POINTER(c_char_p), PSZ, c_size_t, c_int64, POINTER(ComposeOptions), c_uint,
                                    PH]),
    "rapport_batch_free": (None, [H]),
    "rapport_batch_count": (c_int, [H, PSZ]),
    "rapport_batch_item": (c_int, [H, c_size_t, PINT, PSTR, PSTR]),
    "rapport_batch_note": (c_int, [H, c_size_t, PH]),
    "rapport_batch_view_init": (None, [POINTER(BatchView)]),
    "rapport_batch_view_get": (c_int, [H, POINTER(BatchView)]),
    "rapport_batch_warning_count": (c_int, [H, PSZ]),
    "rapport_batch_warning": (c_int, [H, c_size_t, PSTR, PSTR, PSZ, PSTR]),
    "rapport_import_limits_init": (None, [POINTER(ImportLimits)]),
    "rapport_import_options_init": (None, [POINTER(ImportOptions)]),
    "rapport_csv_mapping_init": (None, [POINTER(CsvMapping)]),
    "rapport_directory_builder_import_file": (c_int, [H, c_int, c_char_p, c_size_t, POINTER(ImportOptions),
                                                      POINTER(CsvMapping), PH]),
    "rapport_directory_builder_import_bytes": (c_int, [H, c_int, c_char_p, c_size_t, POINTER(ImportOptions),
                                                       POINTER(CsvMapping), PH]),
    "rapport_import_report_free": (None, [H]),
    "rapport_import_report_counts": (c_int, [H, PSZ, PSZ, PSZ, PSZ]),
    "rapport_import_report_problem_count": (c_int, [H, PSZ]),
    "rapport_import_problem_init": (None, [POINTER(ImportProblem)]),
    "rapport_import_report_problem": (c_int, [H, c_size_t, POINTER(ImportProblem)]),
    "rapport_review_options_init": (None, [POINTER(ReviewOptions)]),
    "rapport_review": (c_int, [c_char_p, c_size_t, H, H, POINTER(ReviewOptions), PH]),
    "rapport_findings_free": (None, [H]),
    "rapport_findings_count": (c_int, [H, PSZ]),
    "rapport_findings_get": (c_int, [H, c_size_t, PSTR, PINT, PSZ, PSZ, PSTR, PSTR]),
}

for _name, (_restype, _argtypes) in _PROTOTYPES.items():
    _fn = getattr(lib, _name)
    _fn.restype = _restype
    _fn.argtypes = _argtypes
