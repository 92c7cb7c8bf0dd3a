#!/usr/bin/python3
"""Baseline for rapport's LinkedIn import: Python's csv module on the same file.

Reads a LinkedIn-style Connections.csv (skipping the "Notes:" preamble up to the
header row) and builds one dict per row, the least a Python importer does.
Prints the seconds taken (process start-up excluded) on stdout.

    /usr/bin/python3 bench/python_csv_baseline.py Connections.csv
"""
import csv
import sys
import time


def main(path: str) -> None:
    start = time.perf_counter()
    rows = 0
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = None
        for record in reader:
            if "First Name" in record and "Last Name" in record:
                header = record
                break
        if header is None:
            raise SystemExit("no header row")
        for record in reader:
            contact = dict(zip(header, record))
            rows += 1 if contact else 0
    elapsed = time.perf_counter() - start
    print(f"{elapsed:.6f}")
    print(f"{rows} rows", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
