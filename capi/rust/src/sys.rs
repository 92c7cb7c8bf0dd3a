//! rapport-sys: the raw C ABI of librapport_c (see capi/include/rapport.h).
//! Every function is unsafe; the safe wrapper is the crate root.
#![allow(non_camel_case_types)]

use std::os::raw::{c_char, c_double, c_int, c_uint, c_void};

pub type handle = *mut c_void;

pub const RAPPORT_OK: c_int = 0;
pub const RAPPORT_EUTF8: c_int = -1;
pub const RAPPORT_EINVAL: c_int = -2;
pub const RAPPORT_ENOTFOUND: c_int = -3;
pub const RAPPORT_EPARSE: c_int = -4;
pub const RAPPORT_ELIMIT: c_int = -5;
pub const RAPPORT_EIO: c_int = -6;
pub const RAPPORT_ENOCONTEXT: c_int = -7;
pub const RAPPORT_EINTERNAL: c_int = -8;

#[repr(C)]
#[derive(Clone, Copy)]
pub struct rapport_str {
    pub data: *const c_char,
    pub len: usize,
}

#[repr(C)]
pub struct rapport_truncate_options {
    pub size: usize,
    pub unit: c_int,
    pub limit: usize,
    pub ellipsis: *const c_char,
    pub ellipsis_len: usize,
    pub prefer_word_boundary: c_int,
}

#[repr(C)]
pub struct rapport_organization {
    pub size: usize,
    pub name: *const c_char,
    pub name_len: usize,
    pub title: *const c_char,
    pub title_len: usize,
    pub industry: *const c_char,
    pub industry_len: usize,
    pub current: c_int,
    pub start_year: c_int,
    pub end_year: c_int,
}

#[repr(C)]
pub struct rapport_discover_options {
    pub size: usize,
    pub min_strength: c_double,
}

#[repr(C)]
pub struct rapport_rank_filter {
    pub size: usize,
    pub kinds: c_uint,
    pub event_id: *const c_char,
    pub event_id_len: usize,
    pub min_strength: c_double,
}

#[repr(C)]
pub struct rapport_arg {
    pub name: *const c_char,
    pub name_len: usize,
    pub value: *const c_char,
    pub value_len: usize,
}

#[repr(C)]
pub struct rapport_compose_options {
    pub size: usize,
    pub platform: *const c_char,
    pub platform_len: usize,
    pub tier: *const c_char,
    pub tier_len: usize,
    pub locale: *const c_char,
    pub locale_len: usize,
    pub formality: c_int,
    pub allow_self_introduction: c_int,
    pub seed: u64,
    pub reasons: c_int,
    pub purpose_locales: *const *const c_char,
    pub purpose_locale_lens: *const usize,
    pub purpose_texts: *const *const c_char,
    pub purpose_text_lens: *const usize,
    pub purpose_count: usize,
}

#[repr(C)]
pub struct rapport_review_options {
    pub size: usize,
    pub tier: *const c_char,
    pub tier_len: usize,
    pub sender: handle,
}

#[repr(C)]
pub struct rapport_batch_view {
    pub size: usize,
    pub count: usize,
    pub statuses: *const c_int,
    pub texts: *const c_char,
    pub texts_len: usize,
    pub text_offsets: *const usize,
    pub recipient_ids: *const c_char,
    pub recipient_ids_len: usize,
    pub recipient_id_offsets: *const usize,
}

#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct rapport_import_limits {
    pub size: usize,
    pub max_file_bytes: usize,
    pub max_line_bytes: usize,
    pub max_records: usize,
    pub max_depth: usize,
    pub max_problems: usize,
}

#[repr(C)]
pub struct rapport_import_options {
    pub size: usize,
    pub mode: c_int,
    pub file_name: *const c_char,
    pub file_name_len: usize,
    pub limits: *const rapport_import_limits,
}

pub const RAPPORT_IMPORT_LENIENT: c_int = 0;
pub const RAPPORT_IMPORT_STRICT: c_int = 1;

#[repr(C)]
pub struct rapport_csv_column {
    pub header: *const c_char,
    pub header_len: usize,
    pub field: c_int,
}

#[repr(C)]
pub struct rapport_csv_mapping {
    pub size: usize,
    pub columns: *const rapport_csv_column,
    pub column_count: usize,
    pub delimiter: c_char,
}

#[repr(C)]
pub struct rapport_import_problem {
    pub size: usize,
    pub status: c_int,
    pub action: c_int,
    pub file: rapport_str,
    pub line: usize,
    pub column: usize,
    pub offset: usize,
    pub record: usize,
    pub field: rapport_str,
    pub message: rapport_str,
    pub display: rapport_str,
}

extern "C" {
    pub fn rapport_version() -> c_int;
    pub fn rapport_version_string() -> *const c_char;
    pub fn rapport_last_error() -> *const c_char;
    pub fn rapport_last_error_offset() -> i64;
    pub fn rapport_string_free(s: *mut c_char);
    pub fn rapport_strings_count(list: handle, out: *mut usize) -> c_int;
    pub fn rapport_strings_get(list: handle, index: usize, out: *mut rapport_str) -> c_int;
    pub fn rapport_strings_free(list: handle);

    pub fn rapport_utf8_validate(text: *const c_char, len: usize, out_offset: *mut usize) -> c_int;
    pub fn rapport_text_match_key(text: *const c_char, len: usize, kind: c_int, out: *mut *mut c_char, out_len: *mut usize) -> c_int;
    pub fn rapport_text_length(text: *const c_char, len: usize, unit: c_int, out: *mut usize) -> c_int;
    pub fn rapport_truncate_options_init(opts: *mut rapport_truncate_options);
    pub fn rapport_text_truncate(text: *const c_char, len: usize, opts: *const rapport_truncate_options, out: *mut *mut c_char,
                                 out_len: *mut usize, out_truncated: *mut c_int) -> c_int;
    pub fn rapport_text_sanitize(text: *const c_char, len: usize, out: *mut *mut c_char, out_len: *mut usize,
                                 out_removed: *mut usize) -> c_int;

    pub fn rapport_contact_new(id: *const c_char, len: usize, out: *mut handle) -> c_int;
    pub fn rapport_contact_free(c: handle);
    pub fn rapport_contact_set_text(c: handle, field: c_int, text: *const c_char, len: usize) -> c_int;
    pub fn rapport_contact_get_text(c: handle, field: c_int, out: *mut rapport_str) -> c_int;
    pub fn rapport_contact_add_text(c: handle, list: c_int, text: *const c_char, len: usize) -> c_int;
    pub fn rapport_contact_list_count(c: handle, list: c_int, out: *mut usize) -> c_int;
    pub fn rapport_contact_set_formality(c: handle, formality: c_int) -> c_int;
    pub fn rapport_contact_set_gender(c: handle, gender: c_int) -> c_int;
    pub fn rapport_contact_set_name_order(c: handle, order: c_int) -> c_int;
    pub fn rapport_contact_add_event(c: handle, event_id: *const c_char, len: usize, role: c_int) -> c_int;
    pub fn rapport_organization_init(org: *mut rapport_organization);
    pub fn rapport_contact_add_organization(c: handle, org: *const rapport_organization) -> c_int;
    pub fn rapport_contact_add_offer(c: handle, id: *const c_char, id_len: usize, summary: *const c_char, summary_len: usize,
                                     challenge_ids: *const *const c_char, challenge_lens: *const usize,
                                     challenge_count: usize) -> c_int;

    pub fn rapport_event_new(id: *const c_char, len: usize, out: *mut handle) -> c_int;
    pub fn rapport_event_free(e: handle);
    pub fn rapport_event_set_text(e: handle, field: c_int, text: *const c_char, len: usize) -> c_int;
    pub fn rapport_event_add_alias(e: handle, alias: *const c_char, len: usize) -> c_int;
    pub fn rapport_event_set_edition(e: handle, edition: c_int) -> c_int;
    pub fn rapport_event_set_days(e: handle, fy: c_int, fm: c_int, fd: c_int, ly: c_int, lm: c_int, ld: c_int) -> c_int;
    pub fn rapport_event_set_times(e: handle, start: i64, end: i64) -> c_int;

    pub fn rapport_challenge_new(id: *const c_char, len: usize, out: *mut handle) -> c_int;
    pub fn rapport_challenge_free(c: handle);
    pub fn rapport_challenge_set_text(c: handle, field: c_int, text: *const c_char, len: usize) -> c_int;
    pub fn rapport_challenge_add_text(c: handle, list: c_int, text: *const c_char, len: usize) -> c_int;

    pub fn rapport_directory_builder_new(out: *mut handle) -> c_int;
    pub fn rapport_directory_builder_free(b: handle);
    pub fn rapport_directory_builder_add_contact(b: handle, c: handle) -> c_int;
    pub fn rapport_directory_builder_add_event(b: handle, e: handle) -> c_int;
    pub fn rapport_directory_builder_add_challenge(b: handle, c: handle) -> c_int;
    pub fn rapport_directory_builder_build(b: handle, out: *mut handle) -> c_int;
    pub fn rapport_directory_free(d: handle);
    pub fn rapport_directory_contact_count(d: handle, out: *mut usize) -> c_int;
    pub fn rapport_directory_warning_count(d: handle, out: *mut usize) -> c_int;
    pub fn rapport_directory_warning(d: handle, index: usize, out_status: *mut c_int, out_message: *mut rapport_str) -> c_int;
    pub fn rapport_directory_find_contact(d: handle, id: *const c_char, len: usize, out: *mut handle) -> c_int;
    pub fn rapport_directory_contact_id(d: handle, index: usize, out: *mut rapport_str) -> c_int;

    pub fn rapport_discover_options_init(opts: *mut rapport_discover_options);
    pub fn rapport_discover(d: handle, sender: handle, recipient: handle, now: i64, opts: *const rapport_discover_options,
                            out: *mut handle) -> c_int;
    pub fn rapport_sender_new(d: handle, sender: handle, out: *mut handle) -> c_int;
    pub fn rapport_sender_free(s: handle);
    pub fn rapport_sender_discover(s: handle, recipient: handle, now: i64, opts: *const rapport_discover_options,
                                   out: *mut handle) -> c_int;
    pub fn rapport_sender_discover_id(s: handle, id: *const c_char, len: usize, now: i64,
                                      opts: *const rapport_discover_options, out: *mut handle) -> c_int;
    pub fn rapport_contexts_free(x: handle);
    pub fn rapport_contexts_count(x: handle, out: *mut usize) -> c_int;
    pub fn rapport_contexts_kind(x: handle, index: usize, out: *mut c_int) -> c_int;
    pub fn rapport_contexts_strength(x: handle, index: usize, out: *mut c_double) -> c_int;
    pub fn rapport_contexts_situation(x: handle, index: usize, out: *mut rapport_str) -> c_int;
    pub fn rapport_contexts_fact_count(x: handle, index: usize, out: *mut usize) -> c_int;
    pub fn rapport_contexts_fact(x: handle, index: usize, fact: usize, name: *mut rapport_str, value: *mut rapport_str) -> c_int;
    pub fn rapport_contexts_fact_find(x: handle, index: usize, name: *const c_char, len: usize, value: *mut rapport_str) -> c_int;
    pub fn rapport_contexts_evidence_count(x: handle, index: usize, out: *mut usize) -> c_int;
    pub fn rapport_contexts_evidence(x: handle, index: usize, item: usize, side: *mut c_int, record: *mut rapport_str,
                                     field: *mut rapport_str, value: *mut rapport_str) -> c_int;

    pub fn rapport_rank_filter_init(f: *mut rapport_rank_filter);
    pub fn rapport_rank(d: handle, sender: handle, now: i64, k: usize, f: *const rapport_rank_filter,
                        opts: *const rapport_discover_options, out: *mut handle) -> c_int;
    pub fn rapport_sender_rank(s: handle, now: i64, k: usize, f: *const rapport_rank_filter,
                               opts: *const rapport_discover_options, out: *mut handle) -> c_int;
    pub fn rapport_results_free(r: handle);
    pub fn rapport_results_count(r: handle, out: *mut usize) -> c_int;
    pub fn rapport_results_recipient(r: handle, index: usize, out: *mut rapport_str) -> c_int;
    pub fn rapport_results_contexts(r: handle, out: *mut handle) -> c_int;

    pub fn rapport_catalog_builtin(out: *mut handle) -> c_int;
    pub fn rapport_catalog_free(c: handle);
    pub fn rapport_catalog_add_file(c: handle, path: *const c_char, path_len: usize, locale: *const c_char,
                                    locale_len: usize, out: *mut handle) -> c_int;
    pub fn rapport_catalog_add_bytes(c: handle, bytes: *const c_char, bytes_len: usize, name: *const c_char,
                                     name_len: usize, locale: *const c_char, locale_len: usize, out: *mut handle) -> c_int;
    pub fn rapport_catalog_locales(c: handle, out: *mut handle) -> c_int;
    pub fn rapport_catalog_slots(c: handle, locale: *const c_char, len: usize, out: *mut handle) -> c_int;
    pub fn rapport_catalog_situations(out: *mut handle) -> c_int;
    pub fn rapport_catalog_lookup(c: handle, locale: *const c_char, locale_len: usize, slot: *const c_char,
                                  slot_len: usize, out: *mut handle) -> c_int;
    pub fn rapport_lookup_free(l: handle);
    pub fn rapport_lookup_get(l: handle, field: c_int, out: *mut rapport_str) -> c_int;
    pub fn rapport_lookup_fallback(l: handle, out: *mut c_int) -> c_int;
    pub fn rapport_lookup_tried(l: handle, out: *mut handle) -> c_int;
    pub fn rapport_catalog_render(c: handle, locale: *const c_char, locale_len: usize, slot: *const c_char,
                                  slot_len: usize, args: *const rapport_arg, count: usize, out: *mut *mut c_char,
                                  out_len: *mut usize) -> c_int;

    pub fn rapport_platform_ids(out: *mut handle) -> c_int;
    pub fn rapport_platform_find(id: *const c_char, len: usize, out: *mut handle) -> c_int;
    pub fn rapport_platform_custom(body_limit: usize, unit: c_int, subject_limit: usize, out: *mut handle) -> c_int;
    pub fn rapport_platform_free(p: handle);
    pub fn rapport_platform_get(p: handle, field: c_int, out: *mut rapport_str) -> c_int;
    pub fn rapport_platform_unit(p: handle, out: *mut c_int) -> c_int;
    pub fn rapport_platform_confidence_of(p: handle, out: *mut c_int) -> c_int;
    pub fn rapport_platform_tiers(p: handle, out: *mut handle) -> c_int;
    pub fn rapport_platform_limit(p: handle, field: c_int, tier: *const c_char, tier_len: usize, out: *mut usize) -> c_int;

    pub fn rapport_json_call(request: *const c_char, len: usize, out: *mut *mut c_char, out_len: *mut usize) -> c_int;
    pub fn rapport_compose_options_init(opts: *mut rapport_compose_options);
    pub fn rapport_compose(d: handle, sender: handle, recipient: handle, now: i64,
                           opts: *const rapport_compose_options, out: *mut handle) -> c_int;
    pub fn rapport_note_free(n: handle);
    pub fn rapport_note_status(n: handle, out: *mut c_int) -> c_int;
    pub fn rapport_note_text(n: handle, out: *mut rapport_str) -> c_int;
    pub fn rapport_note_slot(n: handle, out: *mut rapport_str) -> c_int;
    pub fn rapport_note_locale(n: handle, out: *mut rapport_str) -> c_int;
    pub fn rapport_note_length(n: handle, length: *mut usize, limit: *mut usize) -> c_int;
    pub fn rapport_note_warning_count(n: handle, out: *mut usize) -> c_int;
    pub fn rapport_note_warning(n: handle, index: usize, out: *mut rapport_str) -> c_int;
    pub fn rapport_note_homework_count(n: handle, out: *mut usize) -> c_int;
    pub fn rapport_note_homework(n: handle, index: usize, code: *mut rapport_str, message: *mut rapport_str) -> c_int;
    pub fn rapport_note_contexts(n: handle, out: *mut handle) -> c_int;
    pub fn rapport_compose_all(d: handle, sender: handle, ids: *const *const c_char, id_lens: *const usize, count: usize,
                               now: i64, opts: *const rapport_compose_options, threads: c_uint, out: *mut handle) -> c_int;
    pub fn rapport_batch_free(b: handle);
    pub fn rapport_batch_count(b: handle, out: *mut usize) -> c_int;
    pub fn rapport_batch_item(b: handle, index: usize, status: *mut c_int, recipient_id: *mut rapport_str,
                              message: *mut rapport_str) -> c_int;
    pub fn rapport_batch_note(b: handle, index: usize, out: *mut handle) -> c_int;
    pub fn rapport_batch_view_init(view: *mut rapport_batch_view);
    pub fn rapport_batch_view_get(b: handle, out: *mut rapport_batch_view) -> c_int;
    pub fn rapport_batch_warning_count(b: handle, out: *mut usize) -> c_int;
    pub fn rapport_batch_warning(b: handle, index: usize, code: *mut rapport_str, slot: *mut rapport_str,
                                 count: *mut usize, message: *mut rapport_str) -> c_int;
    pub fn rapport_import_limits_init(limits: *mut rapport_import_limits);
    pub fn rapport_import_options_init(opts: *mut rapport_import_options);
    pub fn rapport_csv_mapping_init(mapping: *mut rapport_csv_mapping);
    pub fn rapport_directory_builder_import_file(b: handle, format: c_int, path: *const c_char, path_len: usize,
                                                 opts: *const rapport_import_options,
                                                 mapping: *const rapport_csv_mapping, out: *mut handle) -> c_int;
    pub fn rapport_directory_builder_import_bytes(b: handle, format: c_int, bytes: *const c_char, len: usize,
                                                  opts: *const rapport_import_options,
                                                  mapping: *const rapport_csv_mapping, out: *mut handle) -> c_int;
    pub fn rapport_import_report_free(r: handle);
    pub fn rapport_import_report_counts(r: handle, imported: *mut usize, skipped: *mut usize, repaired: *mut usize,
                                        not_kept: *mut usize) -> c_int;
    pub fn rapport_import_report_problem_count(r: handle, out: *mut usize) -> c_int;
    pub fn rapport_import_problem_init(p: *mut rapport_import_problem);
    pub fn rapport_import_report_problem(r: handle, index: usize, out: *mut rapport_import_problem) -> c_int;
    pub fn rapport_review_options_init(opts: *mut rapport_review_options);
    pub fn rapport_review(draft: *const c_char, len: usize, recipient: handle, platform: handle,
                          opts: *const rapport_review_options, out: *mut handle) -> c_int;
    pub fn rapport_findings_free(f: handle);
    pub fn rapport_findings_count(f: handle, out: *mut usize) -> c_int;
    pub fn rapport_findings_get(f: handle, index: usize, code: *mut rapport_str, severity: *mut c_int,
                                begin: *mut usize, end: *mut usize, message: *mut rapport_str,
                                suggestion: *mut rapport_str) -> c_int;
}
