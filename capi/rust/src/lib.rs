//! Safe Rust bindings over rapport's C ABI (librapport_c).
//!
//! Handles are owned by Rust values and freed on Drop; strings go in as
//! `&str` and come out as `String`; every fallible call returns
//! `Result<T, Error>` with the C status, message and byte offset. The raw
//! extern block is the `sys` module.
//!
//! ```no_run
//! let mut b = rapport::DirectoryBuilder::new().unwrap();
//! let mut anna = rapport::Contact::new("anna").unwrap();
//! anna.set(rapport::ContactField::Location, "Munich").unwrap();
//! b.add_contact(&anna).unwrap();
//! let dir = b.build().unwrap();
//! let mut me = rapport::Contact::new("me").unwrap();
//! me.set(rapport::ContactField::Location, "Munich, Germany").unwrap();
//! let sender = dir.sender(&me).unwrap();
//! for c in sender.discover("anna", 1772366400, 0.0).unwrap() {
//!     println!("{} {}", c.kind, c.situation);
//! }
//! ```

pub mod sys;

use std::ffi::CStr;
use std::fmt;
use std::os::raw::{c_char, c_int};
use std::ptr;

/// What went wrong: the C status, its message and the byte offset when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub status: Status,
    pub message: String,
    pub offset: Option<u64>,
}

/// The C status codes (RAPPORT_E*).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    InvalidUtf8,
    InvalidArgument,
    NotFound,
    Parse,
    Limit,
    Io,
    NoContext,
    Internal,
}

impl Status {
    fn from_code(code: c_int) -> Status {
        match code {
            sys::RAPPORT_EUTF8 => Status::InvalidUtf8,
            sys::RAPPORT_EINVAL => Status::InvalidArgument,
            sys::RAPPORT_ENOTFOUND => Status::NotFound,
            sys::RAPPORT_EPARSE => Status::Parse,
            sys::RAPPORT_ELIMIT => Status::Limit,
            sys::RAPPORT_EIO => Status::Io,
            sys::RAPPORT_ENOCONTEXT => Status::NoContext,
            _ => Status::Internal,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.status, self.message)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

fn check(code: c_int) -> Result<()> {
    if code == sys::RAPPORT_OK {
        return Ok(());
    }
    // SAFETY: rapport_last_error returns a NUL-terminated string valid until the next call on this thread.
    let message = unsafe { CStr::from_ptr(sys::rapport_last_error()) }.to_string_lossy().into_owned();
    let offset = unsafe { sys::rapport_last_error_offset() };
    Err(Error { status: Status::from_code(code), message, offset: if offset < 0 { None } else { Some(offset as u64) } })
}

fn p(s: &str) -> *const c_char {
    s.as_ptr() as *const c_char
}

fn p_bytes(s: &[u8]) -> *const c_char {
    s.as_ptr() as *const c_char
}

/// Copies a borrowed rapport_str (always valid UTF-8: every input was checked).
fn text(s: &sys::rapport_str) -> String {
    if s.data.is_null() {
        return String::new();
    }
    // SAFETY: data points to len bytes owned by a live handle.
    let bytes = unsafe { std::slice::from_raw_parts(s.data as *const u8, s.len) };
    String::from_utf8_lossy(bytes).into_owned()
}

fn empty_str() -> sys::rapport_str {
    sys::rapport_str { data: ptr::null(), len: 0 }
}

/// Takes an owned C string and frees it.
fn owned(out: *mut c_char, len: usize) -> String {
    // SAFETY: out holds len bytes allocated by rapport; freed right after the copy.
    let s = unsafe { std::slice::from_raw_parts(out as *const u8, len) }.to_vec();
    unsafe { sys::rapport_string_free(out) };
    String::from_utf8_lossy(&s).into_owned()
}

fn strings(list: sys::handle) -> Result<Vec<String>> {
    let mut n = 0usize;
    let r = (|| {
        check(unsafe { sys::rapport_strings_count(list, &mut n) })?;
        let mut out = Vec::with_capacity(n);
        let mut s = empty_str();
        for i in 0..n {
            check(unsafe { sys::rapport_strings_get(list, i, &mut s) })?;
            out.push(text(&s));
        }
        Ok(out)
    })();
    unsafe { sys::rapport_strings_free(list) };
    r
}

macro_rules! handle_type {
    ($(#[$doc:meta])* $name:ident, $free:ident) => {
        $(#[$doc])*
        pub struct $name {
            h: sys::handle,
        }
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:p})", stringify!($name), self.h)
            }
        }
        impl Drop for $name {
            fn drop(&mut self) {
                // SAFETY: h is a live handle owned by self.
                unsafe { sys::$free(self.h) }
            }
        }
    };
}

/// Version of the loaded library, MAJOR*10000 + MINOR*100 + PATCH.
pub fn version() -> i32 {
    unsafe { sys::rapport_version() }
}

/// "MAJOR.MINOR.PATCH" of the loaded library.
pub fn version_string() -> String {
    unsafe { CStr::from_ptr(sys::rapport_version_string()) }.to_string_lossy().into_owned()
}

// ---- text ------------------------------------------------------------------------

/// How lengths are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Graphemes = 0,
    CodePoints = 1,
    Utf16 = 2,
    XWeighted = 3,
}

/// Checks raw bytes for well-formed UTF-8; the error's offset is the first bad byte.
pub fn validate_utf8(bytes: &[u8]) -> Result<()> {
    check(unsafe { sys::rapport_utf8_validate(p_bytes(bytes), bytes.len(), ptr::null_mut()) })
}

/// Length of `text` in `unit`.
pub fn text_length(text: &str, unit: Unit) -> Result<usize> {
    let mut n = 0usize;
    check(unsafe { sys::rapport_text_length(p(text), text.len(), unit as c_int, &mut n) })?;
    Ok(n)
}

/// `text` shortened to `limit` in `unit` with "…", without splitting a grapheme; true when it was cut.
pub fn truncate(text: &str, limit: usize, unit: Unit) -> Result<(String, bool)> {
    let mut o = sys::rapport_truncate_options {
        size: 0, unit: 0, limit: 0, ellipsis: ptr::null(), ellipsis_len: 0, prefer_word_boundary: 0,
    };
    unsafe { sys::rapport_truncate_options_init(&mut o) };
    o.unit = unit as c_int;
    o.limit = limit;
    let mut out: *mut c_char = ptr::null_mut();
    let (mut n, mut cut) = (0usize, 0 as c_int);
    check(unsafe { sys::rapport_text_truncate(p(text), text.len(), &o, &mut out, &mut n, &mut cut) })?;
    Ok((owned(out, n), cut != 0))
}

/// `text` without bidi controls and invisible characters, and how many were removed.
pub fn sanitize(text: &str) -> Result<(String, usize)> {
    let mut out: *mut c_char = ptr::null_mut();
    let (mut n, mut removed) = (0usize, 0usize);
    check(unsafe { sys::rapport_text_sanitize(p(text), text.len(), &mut out, &mut n, &mut removed) })?;
    Ok((owned(out, n), removed))
}

// ---- records ------------------------------------------------------------------------

/// Text fields of a contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactField {
    Id = 0, Given, Middle, Family, Prefix, Suffix, Preferred, Pronouns, RawName, Headline, Industry, Location,
    Locale, Purpose,
}

/// List fields of a contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactList {
    Languages = 0, Schools, Topics, Connections,
}

/// A person's part in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Attendee = 0, Exhibitor, Speaker, Sponsor, Organizer,
}

/// Register: formal or informal (Unknown = no stated preference).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formality {
    Unknown = 0, Formal, Informal,
}

/// Grammatical gender, only as explicitly given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Unknown = 0, Feminine, Masculine, Neutral,
}

/// Work at an organization.
#[derive(Debug, Clone, Default)]
pub struct Organization<'a> {
    pub name: &'a str,
    pub title: &'a str,
    pub industry: &'a str,
    pub current: bool,
    pub start_year: i32,
    pub end_year: i32,
}

handle_type!(
    /// A contact (a recipient or the sender) under construction.
    Contact, rapport_contact_free);
unsafe impl Send for Contact {}
unsafe impl Sync for Contact {}

impl Contact {
    pub fn new(id: &str) -> Result<Contact> {
        let mut h = ptr::null_mut();
        check(unsafe { sys::rapport_contact_new(p(id), id.len(), &mut h) })?;
        Ok(Contact { h })
    }
    /// Sets a text field.
    pub fn set(&mut self, field: ContactField, value: &str) -> Result<&mut Contact> {
        check(unsafe { sys::rapport_contact_set_text(self.h, field as c_int, p(value), value.len()) })?;
        Ok(self)
    }
    /// A text field.
    pub fn get(&self, field: ContactField) -> Result<String> {
        let mut s = empty_str();
        check(unsafe { sys::rapport_contact_get_text(self.h, field as c_int, &mut s) })?;
        Ok(text(&s))
    }
    /// Appends to a list field.
    pub fn add(&mut self, list: ContactList, value: &str) -> Result<&mut Contact> {
        check(unsafe { sys::rapport_contact_add_text(self.h, list as c_int, p(value), value.len()) })?;
        Ok(self)
    }
    pub fn count(&self, list: ContactList) -> Result<usize> {
        let mut n = 0usize;
        check(unsafe { sys::rapport_contact_list_count(self.h, list as c_int, &mut n) })?;
        Ok(n)
    }
    pub fn add_event(&mut self, event_id: &str, role: Role) -> Result<&mut Contact> {
        check(unsafe { sys::rapport_contact_add_event(self.h, p(event_id), event_id.len(), role as c_int) })?;
        Ok(self)
    }
    pub fn add_organization(&mut self, org: &Organization<'_>) -> Result<&mut Contact> {
        let mut o = sys::rapport_organization {
            size: 0, name: ptr::null(), name_len: 0, title: ptr::null(), title_len: 0, industry: ptr::null(),
            industry_len: 0, current: 0, start_year: 0, end_year: 0,
        };
        unsafe { sys::rapport_organization_init(&mut o) };
        o.name = p(org.name);
        o.name_len = org.name.len();
        o.title = p(org.title);
        o.title_len = org.title.len();
        o.industry = p(org.industry);
        o.industry_len = org.industry.len();
        o.current = org.current as c_int;
        o.start_year = org.start_year;
        o.end_year = org.end_year;
        check(unsafe { sys::rapport_contact_add_organization(self.h, &o) })?;
        Ok(self)
    }
    pub fn add_offer(&mut self, id: &str, summary: &str, challenge_ids: &[&str]) -> Result<&mut Contact> {
        let ptrs: Vec<*const c_char> = challenge_ids.iter().map(|s| p(s)).collect();
        let lens: Vec<usize> = challenge_ids.iter().map(|s| s.len()).collect();
        check(unsafe {
            sys::rapport_contact_add_offer(self.h, p(id), id.len(), p(summary), summary.len(), ptrs.as_ptr(),
                                           lens.as_ptr(), ptrs.len())
        })?;
        Ok(self)
    }
    pub fn set_formality(&mut self, f: Formality) -> Result<&mut Contact> {
        check(unsafe { sys::rapport_contact_set_formality(self.h, f as c_int) })?;
        Ok(self)
    }
    pub fn set_gender(&mut self, g: Gender) -> Result<&mut Contact> {
        check(unsafe { sys::rapport_contact_set_gender(self.h, g as c_int) })?;
        Ok(self)
    }
    pub fn set_family_first(&mut self, family_first: bool) -> Result<&mut Contact> {
        check(unsafe { sys::rapport_contact_set_name_order(self.h, family_first as c_int) })?;
        Ok(self)
    }
}

/// Text fields of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventField {
    Id = 0, Name, Series, TimeZone, Venue, Location, Url,
}

handle_type!(
    /// One edition of an event under construction.
    Event, rapport_event_free);
unsafe impl Send for Event {}
unsafe impl Sync for Event {}

impl Event {
    pub fn new(id: &str) -> Result<Event> {
        let mut h = ptr::null_mut();
        check(unsafe { sys::rapport_event_new(p(id), id.len(), &mut h) })?;
        Ok(Event { h })
    }
    pub fn set(&mut self, field: EventField, value: &str) -> Result<&mut Event> {
        check(unsafe { sys::rapport_event_set_text(self.h, field as c_int, p(value), value.len()) })?;
        Ok(self)
    }
    pub fn add_alias(&mut self, alias: &str) -> Result<&mut Event> {
        check(unsafe { sys::rapport_event_add_alias(self.h, p(alias), alias.len()) })?;
        Ok(self)
    }
    pub fn set_edition(&mut self, edition: i32) -> Result<&mut Event> {
        check(unsafe { sys::rapport_event_set_edition(self.h, edition) })?;
        Ok(self)
    }
    /// All-day, from `first` to `last` (year, month, day) inclusive, in the event's time zone.
    pub fn set_days(&mut self, first: (i32, i32, i32), last: (i32, i32, i32)) -> Result<&mut Event> {
        check(unsafe { sys::rapport_event_set_days(self.h, first.0, first.1, first.2, last.0, last.1, last.2) })?;
        Ok(self)
    }
    /// Timed, from `start` to `end` (Unix seconds, UTC).
    pub fn set_times(&mut self, start: i64, end: i64) -> Result<&mut Event> {
        check(unsafe { sys::rapport_event_set_times(self.h, start, end) })?;
        Ok(self)
    }
}

handle_type!(
    /// An industry challenge under construction.
    Challenge, rapport_challenge_free);
unsafe impl Send for Challenge {}
unsafe impl Sync for Challenge {}

impl Challenge {
    pub fn new(id: &str, title: &str, industries: &[&str]) -> Result<Challenge> {
        let mut h = ptr::null_mut();
        check(unsafe { sys::rapport_challenge_new(p(id), id.len(), &mut h) })?;
        let c = Challenge { h };
        check(unsafe { sys::rapport_challenge_set_text(c.h, 1, p(title), title.len()) })?;
        for i in industries {
            check(unsafe { sys::rapport_challenge_add_text(c.h, 0, p(i), i.len()) })?;
        }
        Ok(c)
    }
    pub fn add_keyword(&mut self, keyword: &str) -> Result<&mut Challenge> {
        check(unsafe { sys::rapport_challenge_add_text(self.h, 1, p(keyword), keyword.len()) })?;
        Ok(self)
    }
}

// ---- directory, discovery, ranking -------------------------------------------------------

handle_type!(
    /// Collects records (copies), then builds a Directory.
    DirectoryBuilder, rapport_directory_builder_free);
unsafe impl Send for DirectoryBuilder {}

impl DirectoryBuilder {
    pub fn new() -> Result<DirectoryBuilder> {
        let mut h = ptr::null_mut();
        check(unsafe { sys::rapport_directory_builder_new(&mut h) })?;
        Ok(DirectoryBuilder { h })
    }
    /// Adds a copy; Err carries the C++ validation message.
    pub fn add_contact(&mut self, c: &Contact) -> Result<()> {
        check(unsafe { sys::rapport_directory_builder_add_contact(self.h, c.h) })
    }
    pub fn add_event(&mut self, e: &Event) -> Result<()> {
        check(unsafe { sys::rapport_directory_builder_add_event(self.h, e.h) })
    }
    pub fn add_challenge(&mut self, c: &Challenge) -> Result<()> {
        check(unsafe { sys::rapport_directory_builder_add_challenge(self.h, c.h) })
    }
    /// The directory; the builder is emptied and stays usable.
    pub fn build(&mut self) -> Result<Directory> {
        let mut h = ptr::null_mut();
        check(unsafe { sys::rapport_directory_builder_build(self.h, &mut h) })?;
        Ok(Directory { h })
    }
}

handle_type!(
    /// An immutable directory; share it between threads.
    Directory, rapport_directory_free);
unsafe impl Send for Directory {}
unsafe impl Sync for Directory {}

/// One field of one record that supports a context.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub side: &'static str,
    pub record: String,
    pub field: String,
    pub value: String,
}

/// One thing sender and recipient share.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedContext {
    pub kind: &'static str,
    pub strength: f64,
    pub situation: String,
    pub facts: Vec<(String, String)>,
    pub evidence: Vec<Evidence>,
}

impl SharedContext {
    /// The value of a fact, e.g. "days_until".
    pub fn fact(&self, name: &str) -> Option<&str> {
        self.facts.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// One ranked contact.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedContact {
    pub recipient_id: String,
    pub context: SharedContext,
}

pub const CONTEXT_KINDS: [&str; 7] =
    ["event", "challenge", "mutual_connection", "same_city", "past_employer", "school", "topic"];
const SIDES: [&str; 3] = ["sender", "recipient", "shared"];

fn read_contexts(x: sys::handle) -> Result<Vec<SharedContext>> {
    let mut n = 0usize;
    check(unsafe { sys::rapport_contexts_count(x, &mut n) })?;
    let mut out = Vec::with_capacity(n);
    let (mut a, mut b, mut c) = (empty_str(), empty_str(), empty_str());
    for i in 0..n {
        let (mut kind, mut side, mut strength, mut m) = (0 as c_int, 0 as c_int, 0f64, 0usize);
        check(unsafe { sys::rapport_contexts_kind(x, i, &mut kind) })?;
        check(unsafe { sys::rapport_contexts_strength(x, i, &mut strength) })?;
        check(unsafe { sys::rapport_contexts_situation(x, i, &mut a) })?;
        let situation = text(&a);
        check(unsafe { sys::rapport_contexts_fact_count(x, i, &mut m) })?;
        let mut facts = Vec::with_capacity(m);
        for j in 0..m {
            check(unsafe { sys::rapport_contexts_fact(x, i, j, &mut a, &mut b) })?;
            facts.push((text(&a), text(&b)));
        }
        check(unsafe { sys::rapport_contexts_evidence_count(x, i, &mut m) })?;
        let mut evidence = Vec::with_capacity(m);
        for j in 0..m {
            check(unsafe { sys::rapport_contexts_evidence(x, i, j, &mut side, &mut a, &mut b, &mut c) })?;
            evidence.push(Evidence { side: SIDES[side as usize], record: text(&a), field: text(&b), value: text(&c) });
        }
        out.push(SharedContext { kind: CONTEXT_KINDS[kind as usize], strength, situation, facts, evidence });
    }
    Ok(out)
}

fn take_contexts(code: c_int, x: sys::handle) -> Result<Vec<SharedContext>> {
    check(code)?;
    let r = read_contexts(x);
    unsafe { sys::rapport_contexts_free(x) };
    r
}

fn take_results(code: c_int, r: sys::handle) -> Result<Vec<RankedContact>> {
    check(code)?;
    let out = (|| {
        let mut n = 0usize;
        check(unsafe { sys::rapport_results_count(r, &mut n) })?;
        let mut best = ptr::null_mut();
        check(unsafe { sys::rapport_results_contexts(r, &mut best) })?;
        let contexts = read_contexts(best)?; // borrowed from r: not freed
        let mut s = empty_str();
        let mut out = Vec::with_capacity(n);
        for (i, context) in contexts.into_iter().enumerate() {
            check(unsafe { sys::rapport_results_recipient(r, i, &mut s) })?;
            out.push(RankedContact { recipient_id: text(&s), context });
        }
        Ok(out)
    })();
    unsafe { sys::rapport_results_free(r) };
    out
}

fn options(min_strength: f64) -> sys::rapport_discover_options {
    let mut o = sys::rapport_discover_options { size: 0, min_strength: 0.0 };
    unsafe { sys::rapport_discover_options_init(&mut o) };
    o.min_strength = min_strength;
    o
}

/// Which contacts may be ranked.
#[derive(Debug, Clone, Default)]
pub struct RankFilter<'a> {
    /// Kinds that count (names from CONTEXT_KINDS); empty = all.
    pub kinds: &'a [&'a str],
    /// Only participants of this event; "" = any.
    pub event_id: &'a str,
    pub min_strength: f64,
}

fn filter(f: &RankFilter<'_>) -> Result<sys::rapport_rank_filter> {
    let mut c = sys::rapport_rank_filter { size: 0, kinds: 0, event_id: ptr::null(), event_id_len: 0, min_strength: 0.0 };
    unsafe { sys::rapport_rank_filter_init(&mut c) };
    for k in f.kinds {
        match CONTEXT_KINDS.iter().position(|n| n == k) {
            Some(i) => c.kinds |= 1 << i,
            None => {
                return Err(Error { status: Status::InvalidArgument, message: format!("unknown context kind '{}'", k), offset: None })
            }
        }
    }
    c.event_id = p(f.event_id);
    c.event_id_len = f.event_id.len();
    c.min_strength = f.min_strength;
    Ok(c)
}

impl Directory {
    pub fn len(&self) -> Result<usize> {
        let mut n = 0usize;
        check(unsafe { sys::rapport_directory_contact_count(self.h, &mut n) })?;
        Ok(n)
    }
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }
    /// Contact ids in byte order.
    pub fn contact_ids(&self) -> Result<Vec<String>> {
        let mut s = empty_str();
        let mut out = Vec::new();
        for i in 0..self.len()? {
            check(unsafe { sys::rapport_directory_contact_id(self.h, i, &mut s) })?;
            out.push(text(&s));
        }
        Ok(out)
    }
    /// What build() dropped or could not resolve.
    pub fn warnings(&self) -> Result<Vec<String>> {
        let mut n = 0usize;
        check(unsafe { sys::rapport_directory_warning_count(self.h, &mut n) })?;
        let mut s = empty_str();
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            check(unsafe { sys::rapport_directory_warning(self.h, i, ptr::null_mut(), &mut s) })?;
            out.push(text(&s));
        }
        Ok(out)
    }
    /// A copy of the contact with `id`.
    pub fn find_contact(&self, id: &str) -> Result<Contact> {
        let mut h = ptr::null_mut();
        check(unsafe { sys::rapport_directory_find_contact(self.h, p(id), id.len(), &mut h) })?;
        Ok(Contact { h })
    }
    /// `me` prepared for discovery against this directory.
    pub fn sender(&self, me: &Contact) -> Result<Sender> {
        let mut h = ptr::null_mut();
        check(unsafe { sys::rapport_sender_new(self.h, me.h, &mut h) })?;
        Ok(Sender { h })
    }
    pub fn discover(&self, me: &Contact, recipient: &Contact, now_unix: i64, min_strength: f64) -> Result<Vec<SharedContext>> {
        let o = options(min_strength);
        let mut x = ptr::null_mut();
        take_contexts(unsafe { sys::rapport_discover(self.h, me.h, recipient.h, now_unix, &o, &mut x) }, x)
    }
    pub fn rank(&self, me: &Contact, now_unix: i64, k: usize, f: &RankFilter<'_>) -> Result<Vec<RankedContact>> {
        let cf = filter(f)?;
        let mut r = ptr::null_mut();
        take_results(unsafe { sys::rapport_rank(self.h, me.h, now_unix, k, &cf, ptr::null(), &mut r) }, r)
    }
}

handle_type!(
    /// A sender prepared once for a directory; share it between threads.
    Sender, rapport_sender_free);
unsafe impl Send for Sender {}
unsafe impl Sync for Sender {}

impl Sender {
    /// Every context shared with the directory's contact `recipient_id`, strongest first.
    pub fn discover(&self, recipient_id: &str, now_unix: i64, min_strength: f64) -> Result<Vec<SharedContext>> {
        let o = options(min_strength);
        let mut x = ptr::null_mut();
        take_contexts(
            unsafe { sys::rapport_sender_discover_id(self.h, p(recipient_id), recipient_id.len(), now_unix, &o, &mut x) },
            x,
        )
    }
    pub fn discover_contact(&self, recipient: &Contact, now_unix: i64, min_strength: f64) -> Result<Vec<SharedContext>> {
        let o = options(min_strength);
        let mut x = ptr::null_mut();
        take_contexts(unsafe { sys::rapport_sender_discover(self.h, recipient.h, now_unix, &o, &mut x) }, x)
    }
    pub fn rank(&self, now_unix: i64, k: usize, f: &RankFilter<'_>) -> Result<Vec<RankedContact>> {
        let cf = filter(f)?;
        let mut r = ptr::null_mut();
        take_results(unsafe { sys::rapport_sender_rank(self.h, now_unix, k, &cf, ptr::null(), &mut r) }, r)
    }
}

// ---- catalogs ---------------------------------------------------------------------------

handle_type!(
    /// Note templates per locale and slot; immutable.
    Catalog, rapport_catalog_free);
unsafe impl Send for Catalog {}
unsafe impl Sync for Catalog {}

/// A template found for a slot, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lookup {
    pub slot: String,
    pub requested_locale: String,
    pub catalog_locale: String,
    pub source: String,
    pub pattern: String,
    pub fallback: bool,
    pub tried: Vec<String>,
}

impl Catalog {
    /// The built-in catalogs (en, de, fr, es).
    pub fn builtin() -> Result<Catalog> {
        let mut h = ptr::null_mut();
        check(unsafe { sys::rapport_catalog_builtin(&mut h) })?;
        Ok(Catalog { h })
    }
    /// A new catalog with a .po/.mo file laid over this one.
    pub fn add_file(&self, path: &str, locale: &str) -> Result<Catalog> {
        let mut h = ptr::null_mut();
        check(unsafe { sys::rapport_catalog_add_file(self.h, p(path), path.len(), p(locale), locale.len(), &mut h) })?;
        Ok(Catalog { h })
    }
    pub fn add_bytes(&self, bytes: &[u8], name: &str, locale: &str) -> Result<Catalog> {
        let mut h = ptr::null_mut();
        check(unsafe {
            sys::rapport_catalog_add_bytes(self.h, p_bytes(bytes), bytes.len(), p(name), name.len(), p(locale), locale.len(), &mut h)
        })?;
        Ok(Catalog { h })
    }
    pub fn locales(&self) -> Result<Vec<String>> {
        let mut l = ptr::null_mut();
        check(unsafe { sys::rapport_catalog_locales(self.h, &mut l) })?;
        strings(l)
    }
    pub fn slots(&self, locale: &str) -> Result<Vec<String>> {
        let mut l = ptr::null_mut();
        check(unsafe { sys::rapport_catalog_slots(self.h, p(locale), locale.len(), &mut l) })?;
        strings(l)
    }
    pub fn lookup(&self, locale: &str, slot: &str) -> Result<Lookup> {
        let mut h = ptr::null_mut();
        check(unsafe { sys::rapport_catalog_lookup(self.h, p(locale), locale.len(), p(slot), slot.len(), &mut h) })?;
        let r = (|| {
            let mut f = Vec::new();
            let mut s = empty_str();
            for field in 0..5 {
                check(unsafe { sys::rapport_lookup_get(h, field, &mut s) })?;
                f.push(text(&s));
            }
            let mut fb = 0 as c_int;
            check(unsafe { sys::rapport_lookup_fallback(h, &mut fb) })?;
            let mut l = ptr::null_mut();
            check(unsafe { sys::rapport_lookup_tried(h, &mut l) })?;
            let tried = strings(l)?;
            let pattern = f.pop().unwrap_or_default();
            let source = f.pop().unwrap_or_default();
            let catalog_locale = f.pop().unwrap_or_default();
            let requested_locale = f.pop().unwrap_or_default();
            let slot = f.pop().unwrap_or_default();
            Ok(Lookup { slot, requested_locale, catalog_locale, source, pattern, fallback: fb != 0, tried })
        })();
        unsafe { sys::rapport_lookup_free(h) };
        r
    }
    /// The note for `slot` with named arguments (numbers and dates as text, see docs/c-api.md).
    pub fn render(&self, locale: &str, slot: &str, args: &[(&str, &str)]) -> Result<String> {
        let cargs: Vec<sys::rapport_arg> = args
            .iter()
            .map(|(n, v)| sys::rapport_arg { name: p(n), name_len: n.len(), value: p(v), value_len: v.len() })
            .collect();
        let mut out: *mut c_char = ptr::null_mut();
        let mut n = 0usize;
        check(unsafe {
            sys::rapport_catalog_render(self.h, p(locale), locale.len(), p(slot), slot.len(), cargs.as_ptr(), cargs.len(),
                                        &mut out, &mut n)
        })?;
        Ok(owned(out, n))
    }
}

// ---- platforms --------------------------------------------------------------------------

/// Ids of the built-in platform profiles.
pub fn platform_ids() -> Result<Vec<String>> {
    let mut l = ptr::null_mut();
    check(unsafe { sys::rapport_platform_ids(&mut l) })?;
    strings(l)
}

handle_type!(
    /// A platform profile: where a note goes and how much fits.
    Platform, rapport_platform_free);
unsafe impl Send for Platform {}
unsafe impl Sync for Platform {}

/// A part of a message with its own limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlatformField {
    Subject = 0,
    Body = 1,
}

impl Platform {
    pub fn find(id: &str) -> Result<Platform> {
        let mut h = ptr::null_mut();
        check(unsafe { sys::rapport_platform_find(p(id), id.len(), &mut h) })?;
        Ok(Platform { h })
    }
    /// A one-off profile; `subject_limit` None = no subject limit.
    pub fn custom(body_limit: usize, unit: Unit, subject_limit: Option<usize>) -> Result<Platform> {
        let mut h = ptr::null_mut();
        check(unsafe { sys::rapport_platform_custom(body_limit, unit as c_int, subject_limit.unwrap_or(usize::MAX), &mut h) })?;
        Ok(Platform { h })
    }
    pub fn id(&self) -> Result<String> {
        let mut s = empty_str();
        check(unsafe { sys::rapport_platform_get(self.h, 0, &mut s) })?;
        Ok(text(&s))
    }
    pub fn tiers(&self) -> Result<Vec<String>> {
        let mut l = ptr::null_mut();
        check(unsafe { sys::rapport_platform_tiers(self.h, &mut l) })?;
        strings(l)
    }
    /// The unit the platform counts in.
    pub fn unit(&self) -> Result<Unit> {
        let mut u = 0 as c_int;
        check(unsafe { sys::rapport_platform_unit(self.h, &mut u) })?;
        Ok(match u {
            0 => Unit::Graphemes,
            1 => Unit::CodePoints,
            2 => Unit::Utf16,
            _ => Unit::XWeighted,
        })
    }
    /// The limit of `field` for `tier` ("" = default tier); None when unlimited.
    pub fn limit(&self, field: PlatformField, tier: &str) -> Result<Option<usize>> {
        let mut n = 0usize;
        check(unsafe { sys::rapport_platform_limit(self.h, field as c_int, p(tier), tier.len(), &mut n) })?;
        Ok(if n == usize::MAX { None } else { Some(n) })
    }
}

// ---- JSON -------------------------------------------------------------------------------

/// One JSON request document; Ok holds the whole response document
/// ({"ok":true,"result":...}); Err the status and message (the response's error member).
pub fn json_call(request: &str) -> Result<String> {
    let mut out: *mut c_char = ptr::null_mut();
    let mut n = 0usize;
    let code = unsafe { sys::rapport_json_call(p(request), request.len(), &mut out, &mut n) };
    let err = check(code);
    if !out.is_null() {
        let response = owned(out, n);
        return err.map(|_| response);
    }
    err.map(|_| String::new())
}

// ---- compose and review --------------------------------------------------------------

/// How to compose; `Default` gives the library's defaults.
#[derive(Debug, Clone, Default)]
pub struct ComposeOptions<'a> {
    /// Platform id; "" = "linkedin-connection-note".
    pub platform: &'a str,
    /// Tier; "" = the profile's default.
    pub tier: &'a str,
    /// BCP 47 override; "" = the recipient's language.
    pub locale: &'a str,
    /// None = the recipient's preference or the language's default.
    pub formal: Option<bool>,
    pub allow_self_introduction: bool,
    pub seed: u64,
    /// How many shared contexts the note may mention: 2, or 1 (0, the `Default`, means 1).
    pub reasons: u8,
    /// The sender's purpose per language, `(locale, text)`: a note takes the entry of its locale
    /// ("de-AT"), else of its language ("de"), else the contact's purpose; an empty text means no
    /// purpose in that language. A tag not well-formed or given twice is `InvalidArgument`.
    ///
    /// ```no_run
    /// let o = rapport::ComposeOptions { purposes: &[("de", "vorausschauende Wartung")], ..Default::default() };
    /// ```
    pub purposes: &'a [(&'a str, &'a str)],
}

/// A composed note, or a refusal (`ok` false) with the homework that would unlock one.
#[derive(Debug, Clone)]
pub struct Note {
    pub ok: bool,
    pub text: String,
    pub slot: String,
    pub locale: String,
    pub length: usize,
    pub limit: usize,
    pub warnings: Vec<String>,
    /// (stable code, English message)
    pub homework: Vec<(String, String)>,
    pub contexts: Vec<SharedContext>,
}

fn opt_str(s: &str) -> (*const c_char, usize) {
    if s.is_empty() { (ptr::null(), 0) } else { (p(s), s.len()) }
}

fn read_note(n: sys::handle) -> Result<Note> {
    let (mut status, mut length, mut limit, mut count) = (0 as c_int, 0usize, 0usize, 0usize);
    let (mut a, mut b) = (empty_str(), empty_str());
    check(unsafe { sys::rapport_note_status(n, &mut status) })?;
    check(unsafe { sys::rapport_note_text(n, &mut a) })?;
    let note_text = text(&a);
    check(unsafe { sys::rapport_note_slot(n, &mut a) })?;
    let slot = text(&a);
    check(unsafe { sys::rapport_note_locale(n, &mut a) })?;
    let locale = text(&a);
    check(unsafe { sys::rapport_note_length(n, &mut length, &mut limit) })?;
    check(unsafe { sys::rapport_note_warning_count(n, &mut count) })?;
    let mut warnings = Vec::with_capacity(count);
    for i in 0..count {
        check(unsafe { sys::rapport_note_warning(n, i, &mut a) })?;
        warnings.push(text(&a));
    }
    check(unsafe { sys::rapport_note_homework_count(n, &mut count) })?;
    let mut homework = Vec::with_capacity(count);
    for i in 0..count {
        check(unsafe { sys::rapport_note_homework(n, i, &mut a, &mut b) })?;
        homework.push((text(&a), text(&b)));
    }
    let mut x = ptr::null_mut();
    check(unsafe { sys::rapport_note_contexts(n, &mut x) })?;
    let contexts = read_contexts(x)?; // borrowed from the note: not freed
    Ok(Note { ok: status == sys::RAPPORT_OK, text: note_text, slot, locale, length, limit, warnings, homework, contexts })
}

// The arrays rapport_compose_options points into for the purposes (kept alive for the call).
struct PurposeArrays {
    locales: Vec<*const c_char>,
    locale_lens: Vec<usize>,
    texts: Vec<*const c_char>,
    text_lens: Vec<usize>,
}

fn compose_options(o: &ComposeOptions<'_>) -> (sys::rapport_compose_options, PurposeArrays) {
    let mut c = sys::rapport_compose_options {
        size: 0, platform: ptr::null(), platform_len: 0, tier: ptr::null(), tier_len: 0, locale: ptr::null(),
        locale_len: 0, formality: -1, allow_self_introduction: 0, seed: 0, reasons: 1,
        purpose_locales: ptr::null(), purpose_locale_lens: ptr::null(), purpose_texts: ptr::null(),
        purpose_text_lens: ptr::null(), purpose_count: 0,
    };
    unsafe { sys::rapport_compose_options_init(&mut c) };
    let (pp, pl) = opt_str(o.platform);
    let (tp, tl) = opt_str(o.tier);
    let (lp, ll) = opt_str(o.locale);
    c.platform = pp;
    c.platform_len = pl;
    c.tier = tp;
    c.tier_len = tl;
    c.locale = lp;
    c.locale_len = ll;
    c.formality = match o.formal { None => -1, Some(true) => 0, Some(false) => 1 };
    c.allow_self_introduction = o.allow_self_introduction as c_int;
    c.seed = o.seed;
    c.reasons = if o.reasons == 0 { 1 } else { c_int::from(o.reasons) };
    let keep = PurposeArrays {
        locales: o.purposes.iter().map(|&(l, _)| p(l)).collect(),
        locale_lens: o.purposes.iter().map(|&(l, _)| l.len()).collect(),
        texts: o.purposes.iter().map(|&(_, t)| p(t)).collect(),
        text_lens: o.purposes.iter().map(|&(_, t)| t.len()).collect(),
    };
    if !o.purposes.is_empty() {
        c.purpose_locales = keep.locales.as_ptr();
        c.purpose_locale_lens = keep.locale_lens.as_ptr();
        c.purpose_texts = keep.texts.as_ptr();
        c.purpose_text_lens = keep.text_lens.as_ptr();
        c.purpose_count = o.purposes.len();
    }
    (c, keep)
}

impl Directory {
    /// A note from `me` to `recipient` at `now_unix`, or a refusal with homework (`Note::ok` false).
    pub fn compose(&self, me: &Contact, recipient: &Contact, now_unix: i64, o: &ComposeOptions<'_>) -> Result<Note> {
        let (c, _keep) = compose_options(o);
        let mut n = ptr::null_mut();
        check(unsafe { sys::rapport_compose(self.h, me.h, recipient.h, now_unix, &c, &mut n) })?;
        let r = read_note(n);
        unsafe { sys::rapport_note_free(n) };
        r
    }

    /// Notes from `me` to each recipient id (None: every contact but `me`, in directory order) in one C
    /// call, on `threads` threads (0 = all cores; the result does not depend on it). An unknown id fails
    /// its own item (`Batch::status`), not the call.
    ///
    /// ```no_run
    /// # fn f(dir: &rapport::Directory, me: &rapport::Contact) -> rapport::Result<()> {
    /// let batch = dir.compose_all(me, None, 1772366400, &Default::default(), 0)?;
    /// for (id, text) in batch.recipient_ids().zip(batch.texts()) {
    ///     println!("{}: {}", id, text);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn compose_all(&self, me: &Contact, recipients: Option<&[&str]>, now_unix: i64, o: &ComposeOptions<'_>,
                       threads: u32) -> Result<Batch> {
        let (c, _keep) = compose_options(o);
        let (ptrs, lens): (Vec<*const c_char>, Vec<usize>) = match recipients {
            Some(ids) => (ids.iter().map(|s| p(s)).collect(), ids.iter().map(|s| s.len()).collect()),
            None => (Vec::new(), Vec::new()),
        };
        let (ids_ptr, lens_ptr, count) = match recipients {
            Some(ids) => (ptrs.as_ptr(), lens.as_ptr(), ids.len()),
            None => (ptr::null(), ptr::null(), 0),
        };
        let mut h = ptr::null_mut();
        check(unsafe { sys::rapport_compose_all(self.h, me.h, ids_ptr, lens_ptr, count, now_unix, &c, threads, &mut h) })?;
        Batch::new(h)
    }
}

/// A warning about a batch as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchWarning {
    /// Stable: "near_duplicates".
    pub code: String,
    /// The template slot concerned.
    pub slot: String,
    /// Notes concerned.
    pub count: usize,
    pub message: String,
}

/// The notes of `Directory::compose_all`, one item per recipient in input order. Texts, ids and statuses
/// are borrowed from the C batch (read through one `rapport_batch_view`); `note(i)` builds a full `Note`.
pub struct Batch {
    h: sys::handle,
    count: usize,
    statuses: *const c_int,
    texts: *const u8,
    text_offsets: *const usize,
    ids: *const u8,
    id_offsets: *const usize,
}

impl fmt::Debug for Batch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Batch({:p}, {} items)", self.h, self.count)
    }
}

impl Drop for Batch {
    fn drop(&mut self) {
        // SAFETY: h is a live batch owned by self; nothing borrowed from it outlives self.
        unsafe { sys::rapport_batch_free(self.h) }
    }
}

// The batch is immutable; the notes it makes on request are made under a lock.
unsafe impl Send for Batch {}
unsafe impl Sync for Batch {}

impl Batch {
    fn new(h: sys::handle) -> Result<Batch> {
        let mut v = sys::rapport_batch_view {
            size: 0, count: 0, statuses: ptr::null(), texts: ptr::null(), texts_len: 0, text_offsets: ptr::null(),
            recipient_ids: ptr::null(), recipient_ids_len: 0, recipient_id_offsets: ptr::null(),
        };
        unsafe { sys::rapport_batch_view_init(&mut v) };
        // Owned from here: an early return frees the batch.
        let mut b = Batch { h, count: 0, statuses: ptr::null(), texts: ptr::null(), text_offsets: ptr::null(),
                            ids: ptr::null(), id_offsets: ptr::null() };
        check(unsafe { sys::rapport_batch_view_get(h, &mut v) })?;
        // Everything the library writes is UTF-8; check the two buffers once so that slices of them are &str.
        for (data, len) in [(v.texts, v.texts_len), (v.recipient_ids, v.recipient_ids_len)] {
            // SAFETY: data points to len bytes owned by the batch.
            if std::str::from_utf8(unsafe { std::slice::from_raw_parts(data as *const u8, len) }).is_err() {
                return Err(Error { status: Status::Internal, message: "batch text is not UTF-8".into(), offset: None });
            }
        }
        b.count = v.count;
        b.statuses = v.statuses;
        b.texts = v.texts as *const u8;
        b.text_offsets = v.text_offsets;
        b.ids = v.recipient_ids as *const u8;
        b.id_offsets = v.recipient_id_offsets;
        Ok(b)
    }

    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The raw status of every item: `sys::RAPPORT_OK` (a note), `sys::RAPPORT_ENOCONTEXT` (a refusal) or
    /// another `sys::RAPPORT_E*` code (that recipient failed).
    pub fn statuses(&self) -> &[c_int] {
        if self.count == 0 {
            return &[];
        }
        // SAFETY: count ints owned by the batch, alive as long as self.
        unsafe { std::slice::from_raw_parts(self.statuses, self.count) }
    }

    /// None for a note; Some(Status::NoContext) for a refusal; Some(other) when that recipient failed.
    /// Panics when `index` is out of range.
    pub fn status(&self, index: usize) -> Option<Status> {
        match self.statuses()[index] {
            sys::RAPPORT_OK => None,
            code => Some(Status::from_code(code)),
        }
    }

    fn slice(&self, data: *const u8, offsets: *const usize, index: usize) -> &str {
        assert!(index < self.count, "index {} out of range (count {})", index, self.count);
        // SAFETY: offsets has count + 1 entries; the bytes between two offsets (less the NUL) are one
        // string of a buffer checked as UTF-8 in new(), cut at NULs, so at char boundaries.
        unsafe {
            let (a, b) = (*offsets.add(index), *offsets.add(index + 1) - 1);
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(data.add(a), b - a))
        }
    }

    /// The text of item `index` ("" for a refusal or a failure). Panics when `index` is out of range.
    pub fn text(&self, index: usize) -> &str {
        self.slice(self.texts, self.text_offsets, index)
    }

    /// The recipient id of item `index`. Panics when `index` is out of range.
    pub fn recipient_id(&self, index: usize) -> &str {
        self.slice(self.ids, self.id_offsets, index)
    }

    pub fn texts(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.count).map(move |i| self.text(i))
    }

    pub fn recipient_ids(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.count).map(move |i| self.recipient_id(i))
    }

    /// The refusal or the failure of item `index` in English ("" for a note).
    pub fn message(&self, index: usize) -> Result<String> {
        let mut m = empty_str();
        check(unsafe { sys::rapport_batch_item(self.h, index, ptr::null_mut(), ptr::null_mut(), &mut m) })?;
        Ok(text(&m))
    }

    /// The full note of item `index` (a refusal has `ok` false and homework); Err with the item's own
    /// failure (e.g. Status::NotFound) when that recipient failed.
    pub fn note(&self, index: usize) -> Result<Note> {
        let mut n = ptr::null_mut();
        check(unsafe { sys::rapport_batch_note(self.h, index, &mut n) })?;
        read_note(n) // borrowed from the batch: not freed
    }

    pub fn warnings(&self) -> Result<Vec<BatchWarning>> {
        let mut n = 0usize;
        check(unsafe { sys::rapport_batch_warning_count(self.h, &mut n) })?;
        let mut out = Vec::with_capacity(n);
        let (mut code, mut slot, mut message, mut count) = (empty_str(), empty_str(), empty_str(), 0usize);
        for i in 0..n {
            check(unsafe { sys::rapport_batch_warning(self.h, i, &mut code, &mut slot, &mut count, &mut message) })?;
            out.push(BatchWarning { code: text(&code), slot: text(&slot), count, message: text(&message) });
        }
        Ok(out)
    }
}

// ---- import -----------------------------------------------------------------------------

/// The formats rapport imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    LinkedinCsv = 0,
    Csv = 1,
    Vcard = 2,
    Icalendar = 3,
    Json = 4,
}

/// Contact fields a generic CSV column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvField {
    Ignore = 0,
    Id,
    GivenName,
    FamilyName,
    FullName,
    Email,
    ProfileUrl,
    Organization,
    Title,
    Headline,
    Industry,
    Location,
    Languages,
    Topics,
    Schools,
    ConnectedOn,
}

/// Hard limits of an import; `Default` gives the library's (2 GiB file, 1 MiB line, 10 M records,
/// depth 32, 10 000 problems kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportLimits {
    pub max_file_bytes: usize,
    pub max_line_bytes: usize,
    pub max_records: usize,
    pub max_depth: usize,
    pub max_problems: usize,
}

impl Default for ImportLimits {
    fn default() -> Self {
        let mut l = sys::rapport_import_limits { size: 0, max_file_bytes: 0, max_line_bytes: 0, max_records: 0,
                                                 max_depth: 0, max_problems: 0 };
        unsafe { sys::rapport_import_limits_init(&mut l) };
        ImportLimits { max_file_bytes: l.max_file_bytes, max_line_bytes: l.max_line_bytes,
                       max_records: l.max_records, max_depth: l.max_depth, max_problems: l.max_problems }
    }
}

/// How to import; `Default` is lenient, with the default limits and no CSV mapping.
#[derive(Debug, Clone)]
pub struct ImportOptions<'a> {
    /// Fail on the first problem instead of reporting it.
    pub strict: bool,
    /// The name of bytes in problems ("" for none).
    pub file_name: &'a str,
    pub limits: ImportLimits,
    /// Header → field, for `ImportFormat::Csv` (required there, ignored otherwise).
    pub mapping: &'a [(&'a str, CsvField)],
    /// The CSV delimiter (`b','` by default).
    pub delimiter: u8,
}

impl Default for ImportOptions<'_> {
    fn default() -> Self {
        ImportOptions { strict: false, file_name: "", limits: ImportLimits::default(), mapping: &[], delimiter: b',' }
    }
}

/// One thing in the input that was not clean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    pub status: Status,
    /// "skipped", "repaired" or "fatal".
    pub action: &'static str,
    pub file: String,
    /// 1-based; 0 = not tied to a line.
    pub line: usize,
    /// 1-based byte column; 0 = not tied to a column.
    pub column: usize,
    pub offset: Option<usize>,
    pub record: Option<usize>,
    pub field: String,
    pub message: String,
    /// All of it on one line, e.g. "Connections.csv:12:5: record 9: field Email Address: … (skipped)".
    pub display: String,
}

/// Counts and problems of one import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub imported: usize,
    pub skipped: usize,
    pub repaired: usize,
    pub problems: Vec<ImportProblem>,
    pub problems_not_kept: usize,
}

impl ImportReport {
    /// True when there was nothing to report.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty() && self.problems_not_kept == 0
    }
}

const ACTIONS: [&str; 3] = ["skipped", "repaired", "fatal"];

fn take_report(code: c_int, r: sys::handle) -> Result<ImportReport> {
    check(code)?;
    let out = (|| {
        let (mut imported, mut skipped, mut repaired, mut not_kept, mut n) = (0usize, 0usize, 0usize, 0usize, 0usize);
        check(unsafe { sys::rapport_import_report_counts(r, &mut imported, &mut skipped, &mut repaired, &mut not_kept) })?;
        check(unsafe { sys::rapport_import_report_problem_count(r, &mut n) })?;
        let mut p = sys::rapport_import_problem {
            size: 0, status: 0, action: 0, file: empty_str(), line: 0, column: 0, offset: 0, record: 0,
            field: empty_str(), message: empty_str(), display: empty_str(),
        };
        unsafe { sys::rapport_import_problem_init(&mut p) };
        let mut problems = Vec::with_capacity(n);
        for i in 0..n {
            check(unsafe { sys::rapport_import_report_problem(r, i, &mut p) })?;
            problems.push(ImportProblem {
                status: Status::from_code(p.status), action: ACTIONS[p.action as usize], file: text(&p.file),
                line: p.line, column: p.column, offset: if p.offset == usize::MAX { None } else { Some(p.offset) },
                record: if p.record == usize::MAX { None } else { Some(p.record) }, field: text(&p.field),
                message: text(&p.message), display: text(&p.display),
            });
        }
        Ok(ImportReport { imported, skipped, repaired, problems, problems_not_kept: not_kept })
    })();
    unsafe { sys::rapport_import_report_free(r) };
    out
}

impl DirectoryBuilder {
    /// Adds the records of the file at `path` in `format`; the report has the counts and the problems.
    pub fn import_file(&mut self, path: &str, format: ImportFormat, o: &ImportOptions<'_>) -> Result<ImportReport> {
        self.import(format, o, |b, fmt, opts, mapping, out| unsafe {
            sys::rapport_directory_builder_import_file(b, fmt, p(path), path.len(), opts, mapping, out)
        })
    }

    /// As `import_file`, from bytes (any encoding the format allows: vCards may be UTF-16).
    pub fn import_bytes(&mut self, bytes: &[u8], format: ImportFormat, o: &ImportOptions<'_>) -> Result<ImportReport> {
        self.import(format, o, |b, fmt, opts, mapping, out| unsafe {
            sys::rapport_directory_builder_import_bytes(b, fmt, p_bytes(bytes), bytes.len(), opts, mapping, out)
        })
    }

    fn import<F>(&mut self, format: ImportFormat, o: &ImportOptions<'_>, call: F) -> Result<ImportReport>
    where
        F: FnOnce(sys::handle, c_int, *const sys::rapport_import_options, *const sys::rapport_csv_mapping,
                  *mut sys::handle) -> c_int,
    {
        let mut limits = sys::rapport_import_limits { size: 0, max_file_bytes: 0, max_line_bytes: 0, max_records: 0,
                                                      max_depth: 0, max_problems: 0 };
        unsafe { sys::rapport_import_limits_init(&mut limits) };
        limits.max_file_bytes = o.limits.max_file_bytes;
        limits.max_line_bytes = o.limits.max_line_bytes;
        limits.max_records = o.limits.max_records;
        limits.max_depth = o.limits.max_depth;
        limits.max_problems = o.limits.max_problems;
        let mut opts = sys::rapport_import_options { size: 0, mode: 0, file_name: ptr::null(), file_name_len: 0,
                                                     limits: ptr::null() };
        unsafe { sys::rapport_import_options_init(&mut opts) };
        opts.mode = if o.strict { sys::RAPPORT_IMPORT_STRICT } else { sys::RAPPORT_IMPORT_LENIENT };
        opts.file_name = p(o.file_name);
        opts.file_name_len = o.file_name.len();
        opts.limits = &limits;
        let columns: Vec<sys::rapport_csv_column> = o.mapping.iter()
            .map(|(h, f)| sys::rapport_csv_column { header: p(h), header_len: h.len(), field: *f as c_int })
            .collect();
        let mut mapping = sys::rapport_csv_mapping { size: 0, columns: ptr::null(), column_count: 0, delimiter: 0 };
        unsafe { sys::rapport_csv_mapping_init(&mut mapping) };
        mapping.columns = columns.as_ptr();
        mapping.column_count = columns.len();
        mapping.delimiter = o.delimiter as c_char;
        let mut r = ptr::null_mut();
        let code = call(self.h, format as c_int, &opts, &mapping, &mut r);
        take_report(code, r)
    }
}

/// One problem in a draft: a stable code, a severity and a byte span.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: String,
    pub severity: &'static str,
    pub begin: usize,
    pub end: usize,
    pub message: String,
    pub suggestion: String,
}

const SEVERITIES: [&str; 3] = ["error", "warning", "info"];

/// The findings for `draft` to `recipient` on `platform`; empty = a clean draft.
pub fn review(draft: &str, recipient: &Contact, platform: &Platform, tier: &str, sender: Option<&Contact>)
    -> Result<Vec<Finding>> {
    let mut o = sys::rapport_review_options { size: 0, tier: ptr::null(), tier_len: 0, sender: ptr::null_mut() };
    unsafe { sys::rapport_review_options_init(&mut o) };
    let (tp, tl) = opt_str(tier);
    o.tier = tp;
    o.tier_len = tl;
    if let Some(s) = sender {
        o.sender = s.h;
    }
    let mut f = ptr::null_mut();
    check(unsafe { sys::rapport_review(p(draft), draft.len(), recipient.h, platform.h, &o, &mut f) })?;
    let out = (|| {
        let mut n = 0usize;
        check(unsafe { sys::rapport_findings_count(f, &mut n) })?;
        let mut out = Vec::with_capacity(n);
        let (mut code, mut message, mut suggestion) = (empty_str(), empty_str(), empty_str());
        for i in 0..n {
            let (mut severity, mut begin, mut end) = (0 as c_int, 0usize, 0usize);
            check(unsafe {
                sys::rapport_findings_get(f, i, &mut code, &mut severity, &mut begin, &mut end, &mut message,
                                          &mut suggestion)
            })?;
            out.push(Finding { code: text(&code), severity: SEVERITIES[severity as usize], begin, end,
                               message: text(&message), suggestion: text(&suggestion) });
        }
        Ok(out)
    })();
    unsafe { sys::rapport_findings_free(f) };
    out
}
