"""Composing a note from Python (ctypes over the C ABI). Run by ctest."""
import datetime

import rapport

b = rapport.DirectoryBuilder()
b.add(rapport.Event("hm-2026", name="Hannover Messe", days=((2026, 4, 20), (2026, 4, 24)), time_zone="Europe/Berlin"))
b.add(rapport.Contact("anna", given="Anna", family="Schmidt", locale="de", events=[("hm-2026", "exhibitor")]))
directory = b.build()

me = rapport.Contact("me", given="Jonas", family="Becker", events=[("hm-2026", "exhibitor")])
now = datetime.datetime(2026, 3, 1, tzinfo=datetime.timezone.utc)
note = rapport.compose(directory, me, directory.find_contact("anna"), now=now)
if not note.ok:
    raise SystemExit("no note: " + "; ".join(h.message for h in note.homework))
print(note.text)
print(f"{note.slot}, {note.length}/{note.limit}")
for c in note.contexts:
    print("because:", c.kind, c.situation, [f"{e.record} {e.field}" for e in c.evidence])
