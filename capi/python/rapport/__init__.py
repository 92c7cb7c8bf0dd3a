"""rapport for Python: what a sender and a recipient really share.

A thin layer over rapport's C ABI (ctypes). Handles are owned by Python
objects: they are freed by ``close()``, by ``with`` blocks, or by a finalizer
when the object is collected. Failures raise :class:`RapportError`
subclasses carrying the C status, message and byte offset.

    import rapport
    b = rapport.DirectoryBuilder()
    b.add(rapport.Event("bauma-2026", name="bauma", days=((2026, 4, 7), (2026, 4, 13)), time_zone="Europe/Berlin"))
    b.add(rapport.Contact("anna", given="Anna", location="Munich", events=[("bauma-2026", "exhibitor")]))
    directory = b.build()
    me = rapport.Contact("me", location="Munich", events=[("bauma-2026", "exhibitor")])
    with directory.sender(me) as sender:
        for c in sender.discover("anna"):
            print(c.kind, c.situation, c.strength)
"""
from __future__ import annotations

import ctypes
import datetime as _dt
import json as _json
import os as _os
import time as _time
import weakref
from ctypes import byref, c_double, c_int, c_size_t, c_void_p
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union
from collections.abc import Mapping

from . import _lib
from ._lib import lib

__all__ = [
    "RapportError", "Utf8Error", "InvalidArgumentError", "NotFoundError", "ParseError", "LimitError",
    "RapportIOError", "NoContextError", "InternalError",
    "version", "version_string", "validate_utf8", "match_key", "text_length", "truncate", "sanitize",
    "Contact", "Organization", "Offer", "Event", "Challenge", "DirectoryBuilder", "Directory", "Sender",
    "SharedContext", "Evidence", "RankedContact", "Catalog", "Lookup", "Platform", "platform_ids", "json_call",
    "compose", "review", "Note", "Homework", "Finding", "compose_all", "Batch", "BatchWarning",
    "ImportReport", "ImportProblem", "IMPORT_FORMATS", "CSV_FIELDS",
    "CONTEXT_KINDS", "NO_LIMIT",
]

Text = Union[str, bytes]

# ---- errors -------------------------------------------------------------------


class RapportError(Exception):
    """A failed call: ``status`` (a negative RAPPORT_E* code), ``message`` and ``offset`` (or None)."""
    status = -8

    def __init__(self, status: int, message: str, offset: Optional[int] = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.offset = offset


class Utf8Error(RapportError, ValueError):
    status = -1


class InvalidArgumentError(RapportError, ValueError):
    status = -2


class NotFoundError(RapportError, LookupError):
    status = -3


class ParseError(RapportError, ValueError):
    status = -4


class LimitError(RapportError, ValueError):
    status = -5


class RapportIOError(RapportError, OSError):
    status = -6


class NoContextError(RapportError):
    status = -7


class InternalError(RapportError):
    status = -8


_ERRORS = {cls.status: cls for cls in (Utf8Error, InvalidArgumentError, NotFoundError, ParseError, LimitError,
                                        RapportIOError, NoContextError, InternalError)}


def _check(status: int) -> None:
    if status == 0:
        return
    message = (lib.rapport_last_error() or b"").decode("utf-8", "replace")
    offset = lib.rapport_last_error_offset()
    raise _ERRORS.get(status, RapportError)(status, message, None if offset < 0 else offset)


def _b(text: Optional[Text]) -> bytes:
    """UTF-8 bytes of `text`; bytes pass through unchanged (the library checks them)."""
    if text is None:
        return b""
    if isinstance(text, bytes):
        return text
    return text.encode("utf-8", "surrogatepass")


def _owned_string(p: c_void_p, n: int) -> str:
    try:
        return ctypes.string_at(p.value, n).decode("utf-8")
    finally:
        lib.rapport_string_free(p)


class _Handle:
    """Owns one C handle; freed by close(), a with block, or the finalizer."""
    _free = None

    def __init__(self, handle: c_void_p, keep=None):
        self._h = handle
        self._keep = keep  # objects the handle must not outlive (none for rapport's own handles)
        self._finalizer = weakref.finalize(self, type(self)._free, handle)

    @property
    def _handle(self) -> c_void_p:
        if not self._finalizer.alive:
            raise InvalidArgumentError(-2, f"{type(self).__name__} is closed")
        return self._h

    def close(self) -> None:
        """Frees the handle now (idempotent)."""
        self._finalizer()

    def _set_fields(self, fields: dict) -> None:
        """Applies keyword fields with set(); on any error frees the handle and re-raises."""
        try:
            for k, v in fields.items():
                self.set(k, v)
        except BaseException:
            self.close()
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _new(fn, *args) -> c_void_p:
    out = c_void_p()
    _check(fn(*args, byref(out)))
    return out


def _strings(handle: c_void_p) -> List[str]:
    try:
        n = c_size_t()
        _check(lib.rapport_strings_count(handle, byref(n)))
        items = []
        s = _lib.Str()
        for i in range(n.value):
            _check(lib.rapport_strings_get(handle, i, byref(s)))
            items.append(s.text())
        return items
    finally:
        lib.rapport_strings_free(handle)


# ---- version and text ---------------------------------------------------------------

def version() -> int:
    """The loaded library's version as MAJOR*10000 + MINOR*100 + PATCH."""
    return lib.rapport_version()


def version_string() -> str:
    return lib.rapport_version_string().decode()


UNITS = {"graphemes": 0, "code_points": 1, "utf16": 2, "x_weighted": 3}
_UNIT_NAMES = {v: k for k, v in UNITS.items()}
KEY_KINDS = {"folded": 0, "ascii": 1, "german": 2}


def validate_utf8(data: bytes) -> None:
    """Raises Utf8Error (with .offset) unless `data` is well-formed UTF-8."""
    _check(lib.rapport_utf8_validate(data, len(data), None))


def match_key(text: Text, kind: str = "folded") -> str:
    b = _b(text)
    out, n = c_void_p(), c_size_t()
    _check(lib.rapport_text_match_key(b, len(b), KEY_KINDS[kind], byref(out), byref(n)))
    return _owned_string(out, n.value)


def text_length(text: Text, unit: str = "graphemes") -> int:
    """Length of `text` in graphemes, code_points, utf16 or x_weighted."""
    b = _b(text)
    n = c_size_t()
    _check(lib.rapport_text_length(b, len(b), UNITS[unit], byref(n)))
    return n.value


def truncate(text: Text, limit: int, unit: str = "graphemes", ellipsis: Text = "\u2026",
             prefer_word_boundary: bool = True) -> Tuple[str, bool]:
    """(text shortened to `limit` in `unit` without splitting a grapheme, whether it was cut)."""
    b, e = _b(text), _b(ellipsis)
    o = _lib.TruncateOptions()
    lib.rapport_truncate_options_init(byref(o))
    o.unit, o.limit, o.ellipsis, o.ellipsis_len = UNITS[unit], limit, e, len(e)
    o.prefer_word_boundary = 1 if prefer_word_boundary else 0
    out, n, cut = c_void_p(), c_size_t(), c_int()
    _check(lib.rapport_text_truncate(b, len(b), byref(o), byref(out), byref(n), byref(cut)))
    return _owned_string(out, n.value), bool(cut.value)


def sanitize(text: Text) -> Tuple[str, int]:
    """(text without bidi controls and invisible characters, number removed)."""
    b = _b(text)
    out, n, removed = c_void_p(), c_size_t(), c_size_t()
    _check(lib.rapport_text_sanitize(b, len(b), byref(out), byref(n), byref(removed)))
    return _owned_string(out, n.value), removed.value


# ---- records ----------------------------------------------------------------------

ROLES = {"attendee": 0, "exhibitor": 1, "speaker": 2, "sponsor": 3, "organizer": 4}
_FORMALITY = {None: 0, "formal": 1, "informal": 2}
_GENDER = {None: 0, "unknown": 0, "feminine": 1, "masculine": 2, "neutral": 3}
_CONTACT_TEXT = {"id": 0, "given": 1, "middle": 2, "family": 3, "prefix": 4, "suffix": 5, "preferred": 6,
                 "pronouns": 7, "raw_name": 8, "headline": 9, "industry": 10, "location": 11, "locale": 12,
                 "purpose": 13}
_CONTACT_LISTS = {"languages": 0, "schools": 1, "topics": 2, "connections": 3}


@dataclass
class Organization:
    """Work at an organization, current or past."""
    name: str
    title: str = ""
    industry: str = ""
    current: bool = True
    start_year: int = 0
    end_year: int = 0


@dataclass
class Offer:
    """Something the sender can help with, addressing challenges by id."""
    id: str
    summary: str = ""
    challenge_ids: Sequence[str] = ()


class Contact(_Handle):
    """A person (a recipient or the sender). Keyword arguments set fields:
    given, middle, family, prefix, suffix, preferred, pronouns, raw_name, headline,
    industry, location, locale, purpose (text); languages, schools, topics,
    connections (lists); events [(event_id, role)], organizations, offers;
    formality ("formal"/"informal"), gender, family_first."""
    _free = lib.rapport_contact_free

    def __init__(self, id: Text = "", *, _handle: Optional[c_void_p] = None, **fields):
        if _handle is None:
            b = _b(id)
            _handle = _new(lib.rapport_contact_new, b, len(b))
        super().__init__(_handle)
        self._set_fields(fields)

    def set(self, name: str, value) -> "Contact":
        """Sets one field by keyword name (see the class doc); lists are appended to."""
        h = self._handle
        if name in _CONTACT_TEXT:
            b = _b(value)
            _check(lib.rapport_contact_set_text(h, _CONTACT_TEXT[name], b, len(b)))
        elif name in _CONTACT_LISTS:
            for item in value:
                b = _b(item)
                _check(lib.rapport_contact_add_text(h, _CONTACT_LISTS[name], b, len(b)))
        elif name == "events":
            for event_id, role in value:
                b = _b(event_id)
                _check(lib.rapport_contact_add_event(h, b, len(b), ROLES[role] if isinstance(role, str) else role))
        elif name == "organizations":
            for org in value:
                self.add_organization(org)
        elif name == "offers":
            for offer in value:
                self.add_offer(offer)
        elif name == "formality":
            _check(lib.rapport_contact_set_formality(h, _FORMALITY[value]))
        elif name == "gender":
            _check(lib.rapport_contact_set_gender(h, _GENDER[value]))
        elif name == "family_first":
            _check(lib.rapport_contact_set_name_order(h, 1 if value else 0))
        else:
            raise TypeError(f"unknown contact field {name!r}")
        return self

    def add_organization(self, org: Organization) -> None:
        o = _lib.Organization()
        lib.rapport_organization_init(byref(o))
        name, title, industry = _b(org.name), _b(org.title), _b(org.industry)
        o.name, o.name_len, o.title, o.title_len = name, len(name), title, len(title)
        o.industry, o.industry_len = industry, len(industry)
        o.current, o.start_year, o.end_year = int(bool(org.current)), org.start_year, org.end_year
        _check(lib.rapport_contact_add_organization(self._handle, byref(o)))

    def add_offer(self, offer: Offer) -> None:
        ids = [_b(c) for c in offer.challenge_ids]
        arr = (ctypes.c_char_p * max(1, len(ids)))(*ids)
        lens = (c_size_t * max(1, len(ids)))(*[len(i) for i in ids])
        oid, summary = _b(offer.id), _b(offer.summary)
        _check(lib.rapport_contact_add_offer(self._handle, oid, len(oid), summary, len(summary), arr, lens, len(ids)))

    def get(self, name: str) -> str:
        """A text field by keyword name."""
        s = _lib.Str()
        _check(lib.rapport_contact_get_text(self._handle, _CONTACT_TEXT[name], byref(s)))
        return s.text()

    def count(self, name: str) -> int:
        """Number of items in a list field (languages, schools, topics, connections)."""
        n = c_size_t()
        _check(lib.rapport_contact_list_count(self._handle, _CONTACT_LISTS[name], byref(n)))
        return n.value

    @property
    def id(self) -> str:
        return self.get("id")


_EVENT_TEXT = {"id": 0, "name": 1, "series": 2, "time_zone": 3, "venue": 4, "location": 5, "url": 6}


class Event(_Handle):
    """One edition of an event. Keywords: name, series, time_zone, venue,
    location, url, aliases, edition, days=((y, m, d), (y, m, d)) for an
    all-day event, or times=(start_unix, end_unix) for a timed one."""
    _free = lib.rapport_event_free

    def __init__(self, id: Text, **fields):
        b = _b(id)
        super().__init__(_new(lib.rapport_event_new, b, len(b)))
        self._set_fields(fields)

    def set(self, name: str, value) -> "Event":
        h = self._handle
        if name in _EVENT_TEXT:
            b = _b(value)
            _check(lib.rapport_event_set_text(h, _EVENT_TEXT[name], b, len(b)))
        elif name == "aliases":
            for a in value:
                b = _b(a)
                _check(lib.rapport_event_add_alias(h, b, len(b)))
        elif name == "edition":
            _check(lib.rapport_event_set_edition(h, value))
        elif name == "days":
            (y1, m1, d1), (y2, m2, d2) = value
            _check(lib.rapport_event_set_days(h, y1, m1, d1, y2, m2, d2))
        elif name == "times":
            _check(lib.rapport_event_set_times(h, int(value[0]), int(value[1])))
        else:
            raise TypeError(f"unknown event field {name!r}")
        return self


class Challenge(_Handle):
    """An industry challenge. Keywords: title, description, industries, keywords."""
    _free = lib.rapport_challenge_free

    def __init__(self, id: Text, title: Text = "", description: Text = "", industries: Iterable[Text] = (),
                 keywords: Iterable[Text] = ()):
        b = _b(id)
        super().__init__(_new(lib.rapport_challenge_new, b, len(b)))
        try:
            for f, v in ((1, title), (2, description)):
                bv = _b(v)
                _check(lib.rapport_challenge_set_text(self._h, f, bv, len(bv)))
            for f, items in ((0, industries), (1, keywords)):
                for item in items:
                    bv = _b(item)
                    _check(lib.rapport_challenge_add_text(self._h, f, bv, len(bv)))
        except BaseException:
            self.close()
            raise


# ---- directory, discovery, ranking ------------------------------------------------------

CONTEXT_KINDS = ("event", "challenge", "mutual_connection", "same_city", "past_employer", "school", "topic")
_SIDES = ("sender", "recipient", "shared")


@dataclass(frozen=True)
class Evidence:
    """One field of one record that supports a context."""
    side: str
    record: str
    field: str
    value: str


@dataclass(frozen=True)
class SharedContext:
    """One thing sender and recipient share."""
    kind: str
    strength: float
    situation: str
    facts: Dict[str, str] = field(default_factory=dict)
    evidence: Tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class RankedContact:
    recipient_id: str
    context: SharedContext


def _read_contexts(h: c_void_p) -> List[SharedContext]:
    n = c_size_t()
    _check(lib.rapport_contexts_count(h, byref(n)))
    out = []
    kind, side, strength, m = c_int(), c_int(), c_double(), c_size_t()
    a, b, c = _lib.Str(), _lib.Str(), _lib.Str()
    for i in range(n.value):
        _check(lib.rapport_contexts_kind(h, i, byref(kind)))
        _check(lib.rapport_contexts_strength(h, i, byref(strength)))
        _check(lib.rapport_contexts_situation(h, i, byref(a)))
        situation = a.text()
        _check(lib.rapport_contexts_fact_count(h, i, byref(m)))
        facts = {}
        for j in range(m.value):
            _check(lib.rapport_contexts_fact(h, i, j, byref(a), byref(b)))
            facts[a.text()] = b.text()
        _check(lib.rapport_contexts_evidence_count(h, i, byref(m)))
        evidence = []
        for j in range(m.value):
            _check(lib.rapport_contexts_evidence(h, i, j, byref(side), byref(a), byref(b), byref(c)))
            evidence.append(Evidence(_SIDES[side.value], a.text(), b.text(), c.text()))
        out.append(SharedContext(CONTEXT_KINDS[kind.value], strength.value, situation, facts, tuple(evidence)))
    return out


def _contexts(h: c_void_p) -> List[SharedContext]:
    try:
        return _read_contexts(h)
    finally:
        lib.rapport_contexts_free(h)


def _unix(now) -> int:
    if now is None:
        return int(_time.time())
    if isinstance(now, _dt.datetime):
        return int(now.timestamp())
    return int(now)


def _options(min_strength: float):
    if min_strength == 0.0:
        return None  # the defaults
    o = _lib.DiscoverOptions()
    lib.rapport_discover_options_init(byref(o))
    o.min_strength = min_strength
    return byref(o)


def _filter(kinds, event_id, min_strength):
    f = _lib.RankFilter()
    lib.rapport_rank_filter_init(byref(f))
    for k in kinds or ():
        f.kinds |= 1 << CONTEXT_KINDS.index(k)
    e = _b(event_id)
    f.event_id, f.event_id_len, f.min_strength = e, len(e), min_strength
    return f, e


def _results(h: c_void_p) -> List[RankedContact]:
    try:
        n = c_size_t()
        _check(lib.rapport_results_count(h, byref(n)))
        best = c_void_p()
        _check(lib.rapport_results_contexts(h, byref(best)))
        contexts = _read_contexts(best)  # borrowed from the results: not freed
        s = _lib.Str()
        ids = []
        for i in range(n.value):
            _check(lib.rapport_results_recipient(h, i, byref(s)))
            ids.append(s.text())
        return [RankedContact(i, c) for i, c in zip(ids, contexts)]
    finally:
        lib.rapport_results_free(h)


IMPORT_FORMATS = {"linkedin_csv": 0, "csv": 1, "vcard": 2, "icalendar": 3, "json": 4}
CSV_FIELDS = {"ignore": 0, "id": 1, "given_name": 2, "family_name": 3, "full_name": 4, "email": 5,
              "profile_url": 6, "organization": 7, "title": 8, "headline": 9, "industry": 10, "location": 11,
              "languages": 12, "topics": 13, "schools": 14, "connected_on": 15}
_ACTIONS = ("skipped", "repaired", "fatal")


@dataclass(frozen=True)
class ImportProblem:
    """One thing in the input that was not clean. line/column are 0 and offset/record None when they do not apply."""
    status: int
    action: str
    file: str
    line: int
    column: int
    offset: Optional[int]
    record: Optional[int]
    field: str
    message: str
    display: str

    def __str__(self) -> str:
        return self.display


@dataclass(frozen=True)
class ImportReport:
    """Counts and problems of one import."""
    imported: int
    skipped: int
    repaired: int
    problems: Tuple[ImportProblem, ...]
    problems_not_kept: int

    @property
    def clean(self) -> bool:
        return not self.problems and self.problems_not_kept == 0


def _report(h: c_void_p) -> ImportReport:
    try:
        imported, skipped, repaired, not_kept, n = c_size_t(), c_size_t(), c_size_t(), c_size_t(), c_size_t()
        _check(lib.rapport_import_report_counts(h, byref(imported), byref(skipped), byref(repaired), byref(not_kept)))
        _check(lib.rapport_import_report_problem_count(h, byref(n)))
        p = _lib.ImportProblem()
        lib.rapport_import_problem_init(byref(p))
        problems = []
        for i in range(n.value):
            _check(lib.rapport_import_report_problem(h, i, byref(p)))
            problems.append(ImportProblem(p.status, _ACTIONS[p.action], p.file.text(), p.line, p.column,
                                          None if p.offset == NO_LIMIT else p.offset,
                                          None if p.record == NO_LIMIT else p.record, p.field.text(),
                                          p.message.text(), p.display.text()))
        return ImportReport(imported.value, skipped.value, repaired.value, tuple(problems), not_kept.value)
    finally:
        lib.rapport_import_report_free(h)


class DirectoryBuilder(_Handle):
    """Collects contacts, events and challenges (copies), then builds a Directory."""
    _free = lib.rapport_directory_builder_free

    def __init__(self):
        super().__init__(_new(lib.rapport_directory_builder_new))

    def add(self, record: Union[Contact, Event, Challenge]) -> None:
        """Adds a copy of a record; raises with the validation message when it is rejected."""
        if isinstance(record, Contact):
            _check(lib.rapport_directory_builder_add_contact(self._handle, record._handle))
        elif isinstance(record, Event):
            _check(lib.rapport_directory_builder_add_event(self._handle, record._handle))
        elif isinstance(record, Challenge):
            _check(lib.rapport_directory_builder_add_challenge(self._handle, record._handle))
        else:
            raise TypeError("add() takes a Contact, an Event or a Challenge")

    def import_file(self, path: Union[str, bytes, "os.PathLike"], format: str, *, strict: bool = False,
                    mapping: Optional[Union[Dict[str, str], Sequence[Tuple[str, str]]]] = None,
                    delimiter: str = ",", limits: Optional[Dict[str, int]] = None) -> "ImportReport":
        """Adds the records of the file at `path` in `format` (see IMPORT_FORMATS); `mapping` (header →
        a CSV_FIELDS name) is required for "csv". Returns the report; raises on a failed import."""
        p = _b(_os.fspath(path))
        return self._import(lib.rapport_directory_builder_import_file, format, p, strict, "", mapping, delimiter,
                            limits)

    def import_bytes(self, data: bytes, format: str, *, file_name: Text = "", strict: bool = False,
                     mapping: Optional[Union[Dict[str, str], Sequence[Tuple[str, str]]]] = None,
                     delimiter: str = ",", limits: Optional[Dict[str, int]] = None) -> "ImportReport":
        """As import_file, from bytes (any encoding the format allows); `file_name` names them in problems."""
        return self._import(lib.rapport_directory_builder_import_bytes, format, bytes(data), strict, file_name,
                            mapping, delimiter, limits)

    def _import(self, fn, format, data, strict, file_name, mapping, delimiter, limits) -> "ImportReport":
        o = _lib.ImportOptions()
        lib.rapport_import_options_init(byref(o))
        o.mode = 1 if strict else 0
        name = _b(file_name)
        o.file_name, o.file_name_len = name, len(name)
        lim = _lib.ImportLimits()
        if limits:
            lib.rapport_import_limits_init(byref(lim))
            for k, v in limits.items():
                if k == "size" or not hasattr(lim, k):
                    raise TypeError(f"unknown import limit {k!r}")
                setattr(lim, k, v)
            o.limits = ctypes.pointer(lim)
        m = None
        keep = []
        if mapping is not None:
            pairs = list(mapping.items()) if isinstance(mapping, dict) else list(mapping)
            cols = (_lib.CsvColumn * max(1, len(pairs)))()
            for i, (header, fld) in enumerate(pairs):
                h = _b(header)
                keep.append(h)
                cols[i].header, cols[i].header_len, cols[i].field = h, len(h), CSV_FIELDS[fld]
            m = _lib.CsvMapping()
            lib.rapport_csv_mapping_init(byref(m))
            m.columns, m.column_count, m.delimiter = cols, len(pairs), delimiter.encode("ascii")
            m = byref(m)
        return _report(_new(fn, self._handle, IMPORT_FORMATS[format], data, len(data), byref(o), m))

    def build(self) -> "Directory":
        """The directory; the builder is emptied and stays usable."""
        return Directory(_new(lib.rapport_directory_builder_build, self._handle))


class Directory(_Handle):
    """An immutable, indexed directory; safe to share between threads."""
    _free = lib.rapport_directory_free

    def __len__(self) -> int:
        n = c_size_t()
        _check(lib.rapport_directory_contact_count(self._handle, byref(n)))
        return n.value

    def contact_ids(self) -> List[str]:
        s = _lib.Str()
        ids = []
        for i in range(len(self)):
            _check(lib.rapport_directory_contact_id(self._handle, i, byref(s)))
            ids.append(s.text())
        return ids

    @property
    def warnings(self) -> List[str]:
        n = c_size_t()
        _check(lib.rapport_directory_warning_count(self._handle, byref(n)))
        s = _lib.Str()
        out = []
        for i in range(n.value):
            _check(lib.rapport_directory_warning(self._handle, i, None, byref(s)))
            out.append(s.text())
        return out

    def find_contact(self, id: Text) -> Contact:
        """A copy of the contact with `id`; NotFoundError when there is none."""
        b = _b(id)
        return Contact(_handle=_new(lib.rapport_directory_find_contact, self._handle, b, len(b)))

    def sender(self, me: Contact) -> "Sender":
        """`me` prepared once for discovery against this directory."""
        return Sender(_new(lib.rapport_sender_new, self._handle, me._handle))

    def discover(self, me: Contact, recipient: Contact, now=None, min_strength: float = 0.0) -> List[SharedContext]:
        return _contexts(_new(lib.rapport_discover, self._handle, me._handle, recipient._handle, _unix(now),
                              _options(min_strength)))

    def rank(self, me: Contact, now=None, k: int = 10, kinds: Sequence[str] = (), event_id: Text = "",
             min_strength: float = 0.0) -> List[RankedContact]:
        f, _keep = _filter(kinds, event_id, min_strength)
        return _results(_new(lib.rapport_rank, self._handle, me._handle, _unix(now), k, byref(f), _options(0.0)))


class Sender(_Handle):
    """A sender prepared for one directory; immutable and thread-safe."""
    _free = lib.rapport_sender_free

    def discover(self, recipient: Union[Text, Contact], now=None, min_strength: float = 0.0) -> List[SharedContext]:
        """Every context shared with `recipient` (a contact id of the directory, or a Contact), strongest first."""
        if isinstance(recipient, Contact):
            return _contexts(_new(lib.rapport_sender_discover, self._handle, recipient._handle, _unix(now),
                                  _options(min_strength)))
        b = _b(recipient)
        return _contexts(_new(lib.rapport_sender_discover_id, self._handle, b, len(b), _unix(now),
                              _options(min_strength)))

    def rank(self, now=None, k: int = 10, kinds: Sequence[str] = (), event_id: Text = "",
             min_strength: float = 0.0) -> List[RankedContact]:
        f, _keep = _filter(kinds, event_id, min_strength)
        return _results(_new(lib.rapport_sender_rank, self._handle, _unix(now), k, byref(f), _options(0.0)))


# ---- compose and review ---------------------------------------------------------------


@dataclass(frozen=True)
class Homework:
    """Something to add to the data that would give the pair a shared context."""
    code: str
    message: str


@dataclass(frozen=True)
class Note:
    """A composed note, or a refusal (`ok` False) with the homework that would unlock one."""
    ok: bool
    text: str
    slot: str
    locale: str
    length: int
    limit: int
    warnings: Tuple[str, ...]
    homework: Tuple[Homework, ...]
    contexts: Tuple[SharedContext, ...]


def _str_list(h: c_void_p, count_fn, get_fn) -> List[str]:
    n = c_size_t()
    _check(count_fn(h, byref(n)))
    s = _lib.Str()
    out = []
    for i in range(n.value):
        _check(get_fn(h, i, byref(s)))
        out.append(s.text())
    return out


def _read_note(h: c_void_p) -> Note:
    status, length, limit = c_int(), c_size_t(), c_size_t()
    _check(lib.rapport_note_status(h, byref(status)))
    text, slot, locale, code, message = _lib.Str(), _lib.Str(), _lib.Str(), _lib.Str(), _lib.Str()
    _check(lib.rapport_note_text(h, byref(text)))
    _check(lib.rapport_note_slot(h, byref(slot)))
    _check(lib.rapport_note_locale(h, byref(locale)))
    _check(lib.rapport_note_length(h, byref(length), byref(limit)))
    n = c_size_t()
    _check(lib.rapport_note_homework_count(h, byref(n)))
    homework = []
    for i in range(n.value):
        _check(lib.rapport_note_homework(h, i, byref(code), byref(message)))
        homework.append(Homework(code.text(), message.text()))
    ctx = c_void_p()
    _check(lib.rapport_note_contexts(h, byref(ctx)))
    return Note(status.value == 0, text.text(), slot.text(), locale.text(), length.value, limit.value,
                tuple(_str_list(h, lib.rapport_note_warning_count, lib.rapport_note_warning)), tuple(homework),
                tuple(_read_contexts(ctx)))


def _compose_options(platform: Text, tier: Text, locale: Text, formality: Optional[str],
                     allow_self_introduction: bool, seed: int, reasons: int = 1, purposes=None):
    """A ComposeOptions and the objects it points into (keep them alive for the call)."""
    o = _lib.ComposeOptions()
    lib.rapport_compose_options_init(byref(o))
    keep = [_b(platform), _b(tier), _b(locale)]
    for (field, b) in zip(("platform", "tier", "locale"), keep):
        if b:
            setattr(o, field, b)
            setattr(o, field + "_len", len(b))
    if formality is not None:
        o.formality = {"formal": 0, "informal": 1}[formality]
    o.allow_self_introduction = int(allow_self_introduction)
    o.seed = seed
    o.reasons = reasons
    if purposes:
        pairs = list(purposes.items()) if isinstance(purposes, Mapping) else [tuple(p) for p in purposes]
        tags = [_b(t) for (t, _) in pairs]
        texts = [_b(x) for (_, x) in pairs]
        n = len(pairs)
        arrays = ((ctypes.c_char_p * n)(*tags), (c_size_t * n)(*map(len, tags)),
                  (ctypes.c_char_p * n)(*texts), (c_size_t * n)(*map(len, texts)))
        keep.extend(tags + texts + list(arrays))
        for (field, a) in zip(("purpose_locales", "purpose_locale_lens", "purpose_texts", "purpose_text_lens"),
                              arrays):
            setattr(o, field, ctypes.cast(a, c_void_p))
        o.purpose_count = n
    return o, keep


def compose(directory: "Directory", me: "Contact", recipient: "Contact", now=None, platform: Text = "",
            tier: Text = "", locale: Text = "", formality: Optional[str] = None,
            allow_self_introduction: bool = False, seed: int = 0, reasons: int = 1,
            purposes: Optional[Union[Mapping[Text, Text], Sequence[Tuple[Text, Text]]]] = None) -> Note:
    """A note from `me` to `recipient`, or a refusal (Note.ok False) with homework.
    reasons=2 lets the note mention a second shared context of another kind.
    purposes={"de": "…", "fr": "…"}: the sender's purpose per language (the note's locale, else its
    language, else the contact's purpose; "" = none in that language)."""
    o, _keep = _compose_options(platform, tier, locale, formality, allow_self_introduction, seed, reasons, purposes)
    h = _new(lib.rapport_compose, directory._handle, me._handle, recipient._handle, _unix(now), byref(o))
    try:
        return _read_note(h)
    finally:
        lib.rapport_note_free(h)


@dataclass(frozen=True)
class BatchWarning:
    """A warning about a batch as a whole, e.g. code "near_duplicates" for one template slot."""
    code: str
    slot: str
    count: int
    message: str


_SIZE_T = ctypes.sizeof(c_size_t)
_INT = ctypes.sizeof(c_int)


def _flat_strings(data: int, length: int, offsets: int, n: int) -> List[str]:
    """The n NUL-terminated strings of a batch view: one copy, one decode, one split."""
    if n == 0:
        return []
    parts = ctypes.string_at(data, length - 1).decode("utf-8").split("\0")
    if len(parts) == n:
        return parts
    # A string holds a NUL itself: cut by the offsets instead.
    offs = memoryview(ctypes.string_at(offsets, (n + 1) * _SIZE_T)).cast("N").tolist()
    raw = ctypes.string_at(data, length)
    return [raw[offs[i]:offs[i + 1] - 1].decode("utf-8") for i in range(n)]


class Batch(_Handle):
    """The notes of compose_all(), one item per recipient in input order.

    ``texts`` (str, "" for a refusal or a failure) and ``statuses`` (0 for a
    note, NoContextError.status for a refusal, another negative status when
    that recipient failed) are read at once from the C batch view. ``batch[i]``
    builds the full :class:`Note` of item i on first access (and raises the
    item's error, e.g. NotFoundError, for a failed item)."""
    _free = lib.rapport_batch_free

    def __init__(self, handle: c_void_p):
        super().__init__(handle)
        v = _lib.BatchView()
        lib.rapport_batch_view_init(byref(v))
        _check(lib.rapport_batch_view_get(handle, byref(v)))
        n = v.count
        self._n = n
        self.statuses: List[int] = (memoryview(ctypes.string_at(v.statuses, n * _INT)).cast("i").tolist()
                                    if n else [])
        self.texts: List[str] = _flat_strings(v.texts, v.texts_len, v.text_offsets, n)
        self._id_view = (v.recipient_ids, v.recipient_ids_len, v.recipient_id_offsets)
        self._ids: Optional[List[str]] = None
        self._notes: Dict[int, Note] = {}

    def __len__(self) -> int:
        return self._n

    @property
    def recipient_ids(self) -> List[str]:
        """The recipient id of each item (decoded on first access)."""
        if self._ids is None:
            self._handle  # raises when closed: the view points into the batch
            self._ids = _flat_strings(*self._id_view, self._n)
        return self._ids

    @property
    def ok(self) -> List[bool]:
        """True for each item that is a note."""
        return [s == 0 for s in self.statuses]

    def message(self, index: int) -> str:
        """The refusal or the failure of item `index` in English ("" for a note)."""
        m = _lib.Str()
        _check(lib.rapport_batch_item(self._handle, index, None, None, byref(m)))
        return m.text()

    def error(self, index: int) -> Optional[RapportError]:
        """The failure of item `index` as an exception object (not raised), or None for a note or a refusal."""
        status = self.statuses[index]
        if status in (0, NoContextError.status):
            return None
        return _ERRORS.get(status, RapportError)(status, self.message(index))

    def __getitem__(self, index: int) -> Note:
        if index < 0:
            index += self._n
        note = self._notes.get(index)
        if note is None:
            h = c_void_p()
            _check(lib.rapport_batch_note(self._handle, index, byref(h)))  # borrowed: not freed
            note = self._notes[index] = _read_note(h)
        return note

    def __iter__(self):
        """Each item's Note in order; raises the item's error at a failed item."""
        for i in range(self._n):
            yield self[i]

    @property
    def warnings(self) -> List[BatchWarning]:
        n = c_size_t()
        _check(lib.rapport_batch_warning_count(self._handle, byref(n)))
        code, slot, message, count = _lib.Str(), _lib.Str(), _lib.Str(), c_size_t()
        out = []
        for i in range(n.value):
            _check(lib.rapport_batch_warning(self._handle, i, byref(code), byref(slot), byref(count), byref(message)))
            out.append(BatchWarning(code.text(), slot.text(), count.value, message.text()))
        return out


def compose_all(directory: "Directory", me: "Contact", recipients: Optional[Sequence[Text]] = None, now=None,
                platform: Text = "", tier: Text = "", locale: Text = "", formality: Optional[str] = None,
                allow_self_introduction: bool = False, seed: int = 0, threads: int = 0,
                reasons: int = 1,
                purposes: Optional[Union[Mapping[Text, Text], Sequence[Tuple[Text, Text]]]] = None) -> Batch:
    """Notes from `me` to each recipient id (None: every contact of the directory but `me`), composed on
    `threads` threads (0: all cores) in one C call. Unknown ids fail their own item, not the call.
    purposes: as for compose()."""
    o, _keep = _compose_options(platform, tier, locale, formality, allow_self_introduction, seed, reasons, purposes)
    if recipients is None:
        ids, lens, n = None, None, 0
    elif isinstance(recipients, (str, bytes)):
        raise TypeError("recipients is a sequence of ids, not one id")
    else:
        encoded = [_b(r) for r in recipients]
        n = len(encoded)
        ids = (ctypes.c_char_p * max(1, n))(*encoded)
        lens = (c_size_t * max(1, n))(*map(len, encoded))
    return Batch(_new(lib.rapport_compose_all, directory._handle, me._handle, ids, lens, n, _unix(now), byref(o),
                      threads))


@dataclass(frozen=True)
class Finding:
    """One problem in a draft: a stable code, a severity and a byte span."""
    code: str
    severity: str
    begin: int
    end: int
    message: str
    suggestion: str


_SEVERITIES = ("error", "warning", "info")


def review(draft: Text, recipient: "Contact", platform: "Platform", tier: Text = "",
           sender: Optional["Contact"] = None) -> List[Finding]:
    """The findings for `draft` to `recipient` on `platform`; an empty list is a clean draft."""
    o = _lib.ReviewOptions()
    lib.rapport_review_options_init(byref(o))
    t = _b(tier)
    if t:
        o.tier, o.tier_len = t, len(t)
    if sender is not None:
        o.sender = sender._handle
    d = _b(draft)
    h = _new(lib.rapport_review, d, len(d), recipient._handle, platform._handle, byref(o))
    try:
        n = c_size_t()
        _check(lib.rapport_findings_count(h, byref(n)))
        code, message, suggestion = _lib.Str(), _lib.Str(), _lib.Str()
        severity, begin, end = c_int(), c_size_t(), c_size_t()
        out = []
        for i in range(n.value):
            _check(lib.rapport_findings_get(h, i, byref(code), byref(severity), byref(begin), byref(end),
                                            byref(message), byref(suggestion)))
            out.append(Finding(code.text(), _SEVERITIES[severity.value], begin.value, end.value, message.text(),
                               suggestion.text()))
        return out
    finally:
        lib.rapport_findings_free(h)


# ---- catalogs -----------------------------------------------------------------------


@dataclass(frozen=True)
class Lookup:
    """A template found for a slot, and how."""
    slot: str
    requested_locale: str
    catalog_locale: str
    source: str
    pattern: str
    fallback: bool
    tried: Tuple[str, ...]


class Catalog(_Handle):
    """Note templates per locale and slot. Catalog() is the built-in set."""
    _free = lib.rapport_catalog_free

    def __init__(self, _handle: Optional[c_void_p] = None):
        super().__init__(_handle if _handle is not None else _new(lib.rapport_catalog_builtin))

    def add_file(self, path: Text, locale: Text = "") -> "Catalog":
        """A new catalog with a .po or .mo file laid over this one."""
        p, loc = _b(path), _b(locale)
        return Catalog(_new(lib.rapport_catalog_add_file, self._handle, p, len(p), loc, len(loc)))

    def add_bytes(self, data: bytes, name: Text, locale: Text = "") -> "Catalog":
        n, loc = _b(name), _b(locale)
        return Catalog(_new(lib.rapport_catalog_add_bytes, self._handle, data, len(data), n, len(n), loc, len(loc)))

    def locales(self) -> List[str]:
        return _strings(_new(lib.rapport_catalog_locales, self._handle))

    def slots(self, locale: Text) -> List[str]:
        b = _b(locale)
        return _strings(_new(lib.rapport_catalog_slots, self._handle, b, len(b)))

    @staticmethod
    def situations() -> List[str]:
        return _strings(_new(lib.rapport_catalog_situations))

    def lookup(self, locale: Text, slot: Text) -> Lookup:
        loc, s = _b(locale), _b(slot)
        h = _new(lib.rapport_catalog_lookup, self._handle, loc, len(loc), s, len(s))
        try:
            out = _lib.Str()
            texts = []
            for f in range(5):
                _check(lib.rapport_lookup_get(h, f, byref(out)))
                texts.append(out.text())
            fb = c_int()
            _check(lib.rapport_lookup_fallback(h, byref(fb)))
            tried = _strings(_new(lib.rapport_lookup_tried, h))
            return Lookup(*texts, bool(fb.value), tuple(tried))
        finally:
            lib.rapport_lookup_free(h)

    def render(self, locale: Text, slot: Text, **args) -> str:
        """The note for `slot` with named arguments (str, int or float values)."""
        keep = []
        arr = (_lib.Arg * max(1, len(args)))()
        for i, (name, value) in enumerate(args.items()):
            n, v = _b(name), _b(value if isinstance(value, (str, bytes)) else repr(value))
            keep += [n, v]
            arr[i].name, arr[i].name_len, arr[i].value, arr[i].value_len = n, len(n), v, len(v)
        loc, s = _b(locale), _b(slot)
        out, n = c_void_p(), c_size_t()
        _check(lib.rapport_catalog_render(self._handle, loc, len(loc), s, len(s), arr, len(args), byref(out), byref(n)))
        return _owned_string(out, n.value)


# ---- platforms ----------------------------------------------------------------------

NO_LIMIT = ctypes.c_size_t(-1).value
_CONFIDENCE = ("documented", "observed", "convention", "user")


def platform_ids() -> List[str]:
    return _strings(_new(lib.rapport_platform_ids))


class Platform(_Handle):
    """A platform profile. Platform.find(id) or Platform.custom(body_limit, unit)."""
    _free = lib.rapport_platform_free

    @classmethod
    def find(cls, id: Text) -> "Platform":
        b = _b(id)
        return cls(_new(lib.rapport_platform_find, b, len(b)))

    @classmethod
    def custom(cls, body_limit: int, unit: str = "graphemes", subject_limit: int = NO_LIMIT) -> "Platform":
        return cls(_new(lib.rapport_platform_custom, body_limit, UNITS[unit], subject_limit))

    def _text(self, f: int) -> str:
        s = _lib.Str()
        _check(lib.rapport_platform_get(self._handle, f, byref(s)))
        return s.text()

    @property
    def id(self) -> str:
        return self._text(0)

    @property
    def display_name(self) -> str:
        return self._text(1)

    @property
    def source(self) -> str:
        return self._text(2)

    @property
    def unit(self) -> str:
        v = c_int()
        _check(lib.rapport_platform_unit(self._handle, byref(v)))
        return _UNIT_NAMES[v.value]

    @property
    def confidence(self) -> str:
        v = c_int()
        _check(lib.rapport_platform_confidence_of(self._handle, byref(v)))
        return _CONFIDENCE[v.value]

    @property
    def tiers(self) -> List[str]:
        return _strings(_new(lib.rapport_platform_tiers, self._handle))

    def limit(self, field: str = "body", tier: Text = "") -> Optional[int]:
        """The limit of `field` ("body" or "subject") for `tier` (default tier when empty); None when unlimited."""
        b = _b(tier)
        n = c_size_t()
        _check(lib.rapport_platform_limit(self._handle, {"subject": 0, "body": 1}[field], b, len(b), byref(n)))
        return None if n.value == NO_LIMIT else n.value


# ---- JSON -------------------------------------------------------------------------------


def json_call(request: Union[dict, str, bytes]) -> dict:
    """One JSON request (a dict or a document) → the "result" member of the response; raises on failure."""
    if isinstance(request, dict):
        request = _json.dumps(request)
    b = _b(request)
    out, n = c_void_p(), c_size_t()
    status = lib.rapport_json_call(b, len(b), byref(out), byref(n))
    if not out.value:
        _check(status)
    response = _json.loads(_owned_string(out, n.value))
    if status != 0:
        err = response["error"]
        raise _ERRORS.get(status, RapportError)(status, err["message"], err.get("offset"))
    return response["result"]
