#!/usr/bin/python3
"""Jinja2 baseline for bench/compose_bench.cpp: the same short event note
(en, "event/both-exhibiting/upcoming/short"), compiled once and rendered N
times with Debian's python3-jinja2. Prints notes per second.

    /usr/bin/python3 bench/jinja2_baseline.py [N]
"""
import datetime
import sys
import time

import jinja2

TEMPLATE = (
    "Hi {{ recipient_given_name }}, I’m {{ sender_given_name }}"
    "{% if sender_org %} from {{ sender_org }}{% endif %}. "
    "We’re both exhibiting at {{ event_name }}"
    "{% if event_date %} on {{ event_date.strftime('%B') }} {{ event_date.day }}{% endif %}. "
    "{% if purpose %}I’d love to talk about {{ purpose }} there.{% else %}Shall we meet at the show?{% endif %}"
)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    env = jinja2.Environment(autoescape=False)
    tmpl = env.from_string(TEMPLATE)
    args = {
        "recipient_given_name": "Anna",
        "sender_given_name": "Jonas",
        "sender_org": "Nordlicht Analytics",
        "event_name": "Hannover Messe",
        "event_date": datetime.date(2026, 4, 20),
        "purpose": "predictive maintenance",
    }
    text = tmpl.render(**args)
    start = time.perf_counter()
    for _ in range(n):
        text = tmpl.render(**args)
    elapsed = time.perf_counter() - start
    print(f"jinja2 {jinja2.__version__}: {n / elapsed:,.0f} notes/s ({elapsed / n * 1e9:.0f} ns/note), "
          f"render only, one core: {text}")


if __name__ == "__main__":
    main()
