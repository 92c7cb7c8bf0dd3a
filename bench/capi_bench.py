#!/usr/bin/python3
"""Python discovery through the C ABI, on the synthetic network written by
`capi_bench --dump`. Compare with `capi_bench` (native C++ and C ABI from C).

    build/release/bench/capi_bench --dump /tmp/net.json 20000
    RAPPORT_LIBRARY=build/release/capi/librapport_c.so /usr/bin/python3 bench/capi_bench.py /tmp/net.json
"""
import ctypes
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "capi", "python"))
import rapport  # noqa: E402
from rapport import _lib  # noqa: E402

NOW = 1772366400


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


def best_of(n, fn):
    best = None
    for _ in range(n):
        t0 = time.perf_counter()
        result = fn()
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return best, result


def main():
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
