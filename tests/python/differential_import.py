#!/usr/bin/python3
"""Differential tests of rapport's importers against Debian's python3-vobject
and python3-icalendar, on the same files, plus a JSON Schema check of every
export (python3-jsonschema).

rapport_import_dump (tests/tools) prints what rapport imported as a rapport
JSON document; this script parses the same file with the Python library and
compares the fields rapport uses. A file the Python library cannot parse is
skipped (that is the Python library's verdict, not a rapport result).

    /usr/bin/python3 tests/python/differential_import.py vcard DUMP SCHEMA DIR...
    /usr/bin/python3 tests/python/differential_import.py icalendar DUMP SCHEMA DIR...
    /usr/bin/python3 tests/python/differential_import.py schema - SCHEMA FILE.json...
"""
import datetime
import json
import pathlib
import subprocess
import sys
import warnings

import jsonschema

warnings.filterwarnings("ignore")


def dump(tool, fmt, path):
    # --as-written: the fields as the file has them, before rapport's normalization
    # (names cleaned, companies keyed), which the Python libraries do not do.
    p = subprocess.run([tool, "--as-written", fmt, str(path)], capture_output=True, timeout=60)
    if p.returncode != 0:
        return None, p.stderr.decode("utf-8", "replace")
    return json.loads(p.stdout.decode("utf-8")), p.stderr.decode("utf-8", "replace")


def text(v):
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return " ".join(t for t in (text(x) for x in v) if t)
    return str(v).strip()


class Result:
    def __init__(self):
        self.files = self.compared = self.skipped_files = 0
        self.failures = []

    def check(self, where, what, ours, theirs):
        self.compared += 1
        if ours != theirs:
            self.failures.append(f"{where}: {what}: rapport {ours!r} != python {theirs!r}")


def vcard_files(dirs):
    for d in dirs:
        yield from sorted(pathlib.Path(d).rglob("*.vcf"))


def compare_vcard(tool, path, res, validate):
    import vobject

    raw = path.read_bytes()
    try:
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
            data = raw.decode("utf-16")
        else:
            data = raw.decode("utf-8-sig")
        cards = list(vobject.readComponents(data, ignoreUnreadable=True))
    except Exception:
        res.skipped_files += 1
        return
    doc, err = dump(tool, "vcard", path)
    if doc is None:
        res.failures.append(f"{path.name}: rapport failed where vobject parsed: {err.strip()}")
        return
    validate(doc, path)
    res.files += 1
    ours = doc["contacts"]
    by_raw = {}
    for c in ours:
        by_raw.setdefault(c.get("name", {}).get("raw", ""), c)
    for card in cards:
        if card.name != "VCARD":
            continue
        fn = text(card.fn.value) if hasattr(card, "fn") else ""
        if not fn:
            continue  # rapport builds the raw name from N then; vobject has no FN to compare
        c = by_raw.get(fn)
        if c is None and hasattr(card, "n"):  # vobject splits some FN values at commas; fall back to N
            key = (text(card.n.value.family), text(card.n.value.given))
            c = next((x for x in ours if (x.get("name", {}).get("family", ""), x.get("name", {}).get("given", "")) == key), None)
        where = f"{path.name} [{fn}]"
        if c is None:
            res.failures.append(f"{where}: vobject has the card, rapport does not")
            continue
        if hasattr(card, "n"):
            n = card.n.value
            res.check(where, "family", c.get("name", {}).get("family", ""), text(n.family))
            res.check(where, "given", c.get("name", {}).get("given", ""), text(n.given))
        if hasattr(card, "org"):
            org = card.org.value
            first = text(org[0]) if isinstance(org, list) and org else text(org)
            # vCard 2.1 does not escape commas and vobject splits at them: compare without commas.
            norm = lambda v: " ".join(v.replace(",", " ").split())
            res.check(where, "organization", norm((c.get("organizations") or [{}])[0].get("name", "")), norm(first))
        if hasattr(card, "title"):
            res.check(where, "title", (c.get("organizations") or [{}])[0].get("title", ""), text(card.title.value))
        cats = []
        for line in card.contents.get("categories", []):
            cats += [text(x) for x in (line.value if isinstance(line.value, list) else [line.value]) if text(x)]
        res.check(where, "topics", c.get("topics", []), cats)


def ics_files(dirs):
    for d in dirs:
        yield from sorted(pathlib.Path(d).rglob("*.ics"))


def compare_ics(tool, path, res, validate):
    import icalendar

    raw = path.read_bytes()
    try:
        cals = [icalendar.Calendar.from_ical(raw.decode("utf-8-sig"))]
    except Exception:
        try:
            cals = icalendar.Calendar.from_ical(raw.decode("utf-8-sig"), multiple=True)
        except Exception:
            res.skipped_files += 1
            return
    doc, err = dump(tool, "icalendar", path)
    if doc is None:
        res.failures.append(f"{path.name}: rapport failed where python-icalendar parsed: {err.strip()}")
        return
    validate(doc, path)
    res.files += 1
    ours = {e["id"]: e for e in doc["events"]}
    uids = [text(ev.get("UID")) for cal in cals for ev in cal.walk("VEVENT")]
    # Known, deliberate differences: libical reads the common (non-RFC) escape \" as a quote.
    unescape = lambda v: v.replace('\\"', '"')
    for cal in cals:
        for ev in cal.walk("VEVENT"):
            uid = text(ev.get("UID"))
            if not uid or "DTSTART" not in ev or "RECURRENCE-ID" in ev or uids.count(uid) > 1:
                continue  # iTIP files repeat a UID: which one is "the" event is not a parsing question
            where = f"{path.name} [{uid}]"
            e = ours.get(uid)
            if e is None:
                if any(k.startswith(uid + "@") for k in ours) or uid.strip() != uid:
                    continue
                res.failures.append(f"{where}: python-icalendar has the event, rapport does not")
                continue
            res.check(where, "name", e.get("name", ""), unescape(text(ev.get("SUMMARY"))))
            res.check(where, "location", e.get("location", ""), unescape(text(ev.get("LOCATION"))))
            try:
                start = ev.decoded("DTSTART")
            except Exception:
                continue
            if isinstance(start, datetime.datetime):
                if start.tzinfo is not None and str(ev["DTSTART"].params.get("TZID", "")) in ("", "UTC") \
                        or (start.tzinfo is not None and start.utcoffset() == datetime.timedelta(0)):
                    utc = start.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
                    res.check(where, "start", e.get("start"), utc)
            elif isinstance(start, datetime.date):
                res.check(where, "all_day", e.get("all_day"), True)
                res.check(where, "first_day", e.get("first_day"), start.isoformat())


def main():
    kind, tool, schema_path, *dirs = sys.argv[1:]
    schema = json.loads(pathlib.Path(schema_path).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    res = Result()

    def validate(doc, path):
        for error in validator.iter_errors(doc):
            res.failures.append(f"{path.name}: export does not match the schema: {error.message}")

    if kind == "schema":  # the arguments are documents that must match the schema
        for d in dirs:
            validate(json.loads(pathlib.Path(d).read_text(encoding="utf-8")), pathlib.Path(d))
            res.files += 1
    elif kind == "vcard":
        for f in vcard_files(dirs):
            compare_vcard(tool, f, res, validate)
    else:
        for f in ics_files(dirs):
            compare_ics(tool, f, res, validate)
    print(f"{kind}: {res.files} files compared ({res.compared} fields), "
          f"{res.skipped_files} files the Python library could not parse")
    for f in res.failures:
        print("MISMATCH", f)
    if res.files == 0:
        print("no file compared")
        return 1
    return 1 if res.failures else 0


if __name__ == "__main__":
    sys.exit(main())
