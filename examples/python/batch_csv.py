"""A batch over a CSV file from Python: one note (or refusal) per row.

usage: batch_csv.py contacts.csv
The CSV has the columns id, given, family, location, locale, event_id, role.
Run by ctest on tests/fixtures/examples/contacts.csv.

All the notes come from one compose_all() call (one C call for the batch):
texts and statuses arrive as lists, and a full Note is built only for the
items we look into (here: the refusals, for their homework).
"""
import csv
import datetime
import sys

import rapport

rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
b = rapport.DirectoryBuilder()
b.add(rapport.Event("websummit-2026", name="Web Summit", days=((2026, 11, 9), (2026, 11, 12)),
                    time_zone="Europe/Lisbon"))
for r in rows:
    events = [(r["event_id"], r["role"])] if r["event_id"] else []
    b.add(rapport.Contact(r["id"], given=r["given"], family=r["family"], location=r["location"],
                          locale=r["locale"], events=events))
directory = b.build()

me = rapport.Contact("me", given="Sam", location="Lisbon, Portugal", events=[("websummit-2026", "attendee")],
                     purpose="cold-chain logistics")  # a noun phrase: notes say "talk about {purpose}"
now = datetime.datetime(2026, 10, 1, tzinfo=datetime.timezone.utc)
batch = rapport.compose_all(directory, me, [r["id"] for r in rows], now=now)
notes = refusals = 0
for i, (rid, text) in enumerate(zip(batch.recipient_ids, batch.texts)):
    if batch.statuses[i] == 0:
        notes += 1
        print(f"{rid}: {text}")
    else:
        refusals += 1
        print(f"{rid}: no note ({batch[i].homework[0].message})")
for w in batch.warnings:
    print(f"warning: {w.message}")
print(f"{notes} notes, {refusals} refusals")
