"""Composing for a large contact file, partitioned across a Dask cluster.

Each partition is composed on a worker: the worker builds a directory from its
rows (plus the shared events) and composes a note or a refusal per row. Only
plain data crosses process boundaries (rapport's handles are not picklable).
Contexts that need the whole network at once — mutual connections — need one
shared directory instead; events, cities and challenges are per pair.

usage: dask_batch.py contacts.csv [--repeat N] [--partitions P] [--workers W]
       [--scheduler ADDRESS]   (default: a LocalCluster on this machine)
The CSV has the columns id, given, family, location, locale, event_id, role.
Run by ctest on tests/fixtures/examples/contacts.csv with a LocalCluster.
"""
import argparse
import csv
import datetime

from dask.distributed import Client, LocalCluster

EVENTS = [("websummit-2026", "Web Summit", ((2026, 11, 9), (2026, 11, 12)), "Europe/Lisbon")]
NOW = datetime.datetime(2026, 10, 1, tzinfo=datetime.timezone.utc)


def compose_partition(rows):
    """Runs on a worker: a note or a refusal for every row, as plain tuples."""
    import rapport  # imported on the worker, which loads librapport_c there

    b = rapport.DirectoryBuilder()
    for event_id, name, days, zone in EVENTS:
        b.add(rapport.Event(event_id, name=name, days=days, time_zone=zone))
    for r in rows:
        events = [(r["event_id"], r["role"])] if r["event_id"] else []
        b.add(rapport.Contact(r["id"], given=r["given"], family=r["family"], location=r["location"],
                              locale=r["locale"], events=events))
    directory = b.build()
    me = rapport.Contact("me", given="Sam", location="Lisbon, Portugal", events=[("websummit-2026", "attendee")],
                         purpose="cold-chain logistics")
    # One C call for the whole partition, on one thread (Dask runs the partitions in parallel).
    batch = rapport.compose_all(directory, me, [r["id"] for r in rows], now=NOW, threads=1)
    return [(rid, status == 0, text if status == 0 else batch[i].homework[0].code)
            for i, (rid, status, text) in enumerate(zip(batch.recipient_ids, batch.statuses, batch.texts))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--repeat", type=int, default=1, help="repeat the file's rows N times (new ids)")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--scheduler", default="", help="address of an existing Dask scheduler")
    args = ap.parse_args()

    base = list(csv.DictReader(open(args.csv, newline="", encoding="utf-8")))
    rows = [dict(r, id=f"{r['id']}-{k}") for k in range(args.repeat) for r in base]
    parts = [rows[i::args.partitions] for i in range(args.partitions)]

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    with client:
        results = client.gather(client.map(compose_partition, parts))
    flat = sorted(x for part in results for x in part)
    notes = sum(1 for _, ok, _ in flat if ok)
    for rid, ok, text in flat[:4]:
        print(f"{rid}: {text if ok else 'no note (' + text + ')'}")
    print(f"{len(flat)} recipients on {args.partitions} partitions: {notes} notes, {len(flat) - notes} refusals")


if __name__ == "__main__":
    main()
