#!/usr/bin/python3
"""Python through the C ABI, next to native C++.

Discovery, on the synthetic network written by `capi_bench --dump` (compare
with `capi_bench`, native C++ and the C ABI from C):

    build/release/bench/capi_bench --dump /tmp/net.json 20000
    RAPPORT_LIBRARY=build/release/capi/librapport_c.so /usr/bin/python3 bench/capi_bench.py /tmp/net.json

Batch composition, native and Python in the same run on the same records
(a rapport JSON document written by `capi_bench --document`): this script
runs `capi_bench --compose DOC` (native C++ compose_all, one thread) and then
composes the same batch through Python on one thread, alternating, best of
each:

    build/release/bench/capi_bench --document /tmp/fair.json fair 4096
    RAPPORT_LIBRARY=build/release/capi/librapport_c.so /usr/bin/python3 bench/capi_bench.py \
        --compose /tmp/fair.json build/release/bench/capi_bench
"""
import ctypes
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "capi", "python"))
import rapport  # noqa: E402
from rapport import _lib  # noqa: E402

NOW = 1772366400
# compose_all(threads=1) runs on the calling thread: its CPU time is all of the work, and other
# processes on a loaded machine barely change it (capi_bench measures native the same way).
CPU = time.thread_time


def contact(d):
    c = rapport.Contact(d["id"], given=d["name"]["given"], family=d["name"]["family"], headline=d["headline"],
                        industry=d["industry"], location=d["location"], purpose=d["purpose"], schools=d["schools"],
                        topics=d["topics"], connections=d["connections"],
                        events=[(e["event_id"], e["role"]) for e in d["events"]])
    for o in d["organizations"]:
        c.add_organization(rapport.Organization(o["name"], o["title"], o["industry"], o["current"],
                                                o.get("start_year", 0), o.get("end_year", 0)))
    for o in d["offers"]:
        c.add_offer(rapport.Offer(o["id"], o["summary"], o["challenge_ids"]))
    return c


def best_of(n, fn, clock=time.perf_counter):
    best = None
    for _ in range(n):
        t0 = clock()
        result = fn()
        dt = clock() - t0
        best = dt if best is None else min(best, dt)
    return best, result


def compose_main(doc, native_bench, rounds=7):
    """Native compose_all vs Python's compose_all over the same document, both on one thread."""
    b = rapport.DirectoryBuilder()
    report = b.import_file(doc, "json")
    directory = b.build()
    me = directory.find_contact("me")
    items = len(directory) - 1

    def python_batch():
        # Everything a Python caller pays to get every text and status as Python objects:
        # the C call (compose_all + packing the batch), the view, one copy + decode + split
        # of all texts, the statuses list, and freeing the batch.
        batch = rapport.compose_all(directory, me, now=NOW, threads=1)
        texts, statuses = batch.texts, batch.statuses
        batch.close()
        return texts, statuses

    def python_ids():
        # The same with the recipients passed as a list of ids (marshalled into C arrays).
        batch = rapport.compose_all(directory, me, ids, now=NOW, threads=1)
        texts, statuses = batch.texts, batch.statuses
        batch.close()
        return texts, statuses

    o, _keep = rapport._compose_options("", "", "", None, False, 0)
    lib = _lib.lib

    def python_call_only():
        # Only the ctypes call of rapport_compose_all and rapport_batch_free: nothing is read.
        h = ctypes.c_void_p()
        if lib.rapport_compose_all(directory._handle, me._handle, None, None, 0, NOW, ctypes.byref(o), 1,
                                   ctypes.byref(h)) != 0:
            raise RuntimeError(lib.rapport_last_error())
        lib.rapport_batch_free(h)

    def python_notes():
        # Every item as a full Note dataclass (built lazily, one per item).
        batch = rapport.compose_all(directory, me, now=NOW, threads=1)
        notes = [batch[i] for i in range(len(batch)) if batch.statuses[i] in (0, -7)]
        batch.close()
        return notes

    ids = [i for i in directory.contact_ids() if i != "me"]
    native_best = c_best = py_best = ids_best = call_best = None
    lines = ""
    for _ in range(rounds):
        out = subprocess.run([native_bench, "--compose", doc, "3"], check=True, capture_output=True, text=True).stdout
        lines = out.strip()
        native = float(re.search(r"native C\+\+ compose_all.*: ([0-9.]+) s CPU", out).group(1))
        from_c = float(re.search(r"C ABI rapport_compose_all.*: ([0-9.]+) s CPU", out).group(1))
        native_best = native if native_best is None else min(native_best, native)
        c_best = from_c if c_best is None else min(c_best, from_c)
        dt, (texts, statuses) = best_of(3, python_batch, CPU)
        py_best = dt if py_best is None else min(py_best, dt)
        dt, _ = best_of(1, python_ids, CPU)
        ids_best = dt if ids_best is None else min(ids_best, dt)
        dt, _ = best_of(2, python_call_only, CPU)
        call_best = dt if call_best is None else min(call_best, dt)
    notes_best, notes = best_of(2, python_notes, CPU)
    ok = sum(1 for s in statuses if s == 0)
    text_bytes = sum(len(t.encode()) for t in texts)
    print(f"document: {doc}, {items} recipients, {ok} notes, {text_bytes} text bytes "
          f"(import: {report.imported} imported, {report.skipped} skipped); best of {rounds} rounds, "
          f"CPU time of the calling thread")
    print("  last native run:\n    " + lines.replace("\n", "\n    "))
    print(f"native C++ compose_all, 1 thread         : {items / native_best:10.0f} items/s "
          f"({native_best * 1e6 / items:.3f} µs/item)")
    for name, dt in (("C ABI from C: compose_all + view + free ", c_best),
                     ("Python: the C call alone, nothing read  ", call_best),
                     ("Python compose_all -> texts + statuses  ", py_best),
                     ("  same, recipients as a list of ids     ", ids_best),
                     ("  same, every item as a Note dataclass  ", notes_best)):
        print(f"{name}: {items / dt:10.0f} items/s ({dt * 1e6 / items:.3f} µs/item, "
              f"{100 * native_best / dt:.0f} % of native, {(dt - native_best) * 1e6 / items:+.3f} µs/item)")


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--compose":
        native = sys.argv[3] if len(sys.argv) >= 4 else os.path.join(os.path.dirname(__file__), "..", "build",
                                                                      "release", "bench", "capi_bench")
        compose_main(sys.argv[2], native)
        return
    net = json.load(open(sys.argv[1]))
    t0 = time.perf_counter()
    b = rapport.DirectoryBuilder()
    for e in net["events"]:
        (y1, m1, d1), (y2, m2, d2) = ([int(x) for x in e[k].split("-")] for k in ("first_day", "last_day"))
        b.add(rapport.Event(e["id"], name=e["name"], series=e["series"], edition=e["edition"], time_zone=e["time_zone"],
                            days=((y1, m1, d1), (y2, m2, d2))))
    for c in net["challenges"]:
        b.add(rapport.Challenge(c["id"], c["title"], industries=c["industries"], keywords=c["keywords"]))
    for c in net["contacts"]:
        with contact(c) as h:
            b.add(h)
    directory = b.build()
    build_time = time.perf_counter() - t0
    sender = directory.sender(contact(net["sender"]))
    ids = [c["id"] for c in net["contacts"]]

    # Full bindings: a list of SharedContext dataclasses (facts, evidence) per recipient.
    dt_full, found = best_of(3, lambda: [sender.discover(i, now=NOW) for i in ids])
    contexts = sum(len(f) for f in found)

    # Thin: the same C calls, reading only the count (the cost of ctypes itself).
    lib = _lib.lib
    h = sender._handle
    encoded = [i.encode() for i in ids]

    def thin():
        n = 0
        out = ctypes.c_void_p()
        k = ctypes.c_size_t()
        for i in encoded:
            if lib.rapport_sender_discover_id(h, i, len(i), NOW, None, ctypes.byref(out)) != 0:
                raise RuntimeError(lib.rapport_last_error())
            lib.rapport_contexts_count(out, ctypes.byref(k))
            n += k.value
            lib.rapport_contexts_free(out)
        return n

    dt_thin, thin_contexts = best_of(3, thin)
    assert thin_contexts == contexts
    print(f"recipients: {len(ids)}, contexts: {contexts}, directory built in {build_time:.2f} s through the bindings")
    print(f"Python, dataclasses     : {len(ids) / dt_full:10.0f} recipients/s")
    print(f"Python, thin ctypes loop: {len(ids) / dt_thin:10.0f} recipients/s")


if __name__ == "__main__":
    main()
