#!/usr/bin/python3
"""End-to-end tests of the rapport command-line program (docs/cli.md).

usage: cli_test.py RAPPORT_BINARY FIXTURES_DIR CASE
Each CASE is one ctest test (tests/CMakeLists.txt); it runs the built binary
on the fixtures in tests/fixtures/cli/ and checks outputs and exit codes.
Standard library only.
"""
import json
import os
import subprocess
import sys
import tempfile

BIN, FIX, CASE = sys.argv[1], sys.argv[2], sys.argv[3]
NOW = "2026-11-27"


def fx(name):
    return os.path.join(FIX, name)


def run(*args, stdin=None):
    p = subprocess.run([BIN, *args], input=stdin, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def expect(cond, what, out=""):
    if not cond:
        print("FAIL:", what)
        if out:
            print(out)
        sys.exit(1)


def expect_code(res, code, what):
    rc, out, err = res
    expect(rc == code, f"{what}: exit {rc}, expected {code}", f"stdout:\n{out}\nstderr:\n{err}")


INPUTS = ["--me", fx("me.json"), "--contacts", fx("connections.csv"), "--events", fx("events.ics"),
          "--challenges", fx("challenges.json"), "--now", NOW]


def case_usage():
    expect_code(run(), 2, "no command")
    expect_code(run("frobnicate"), 2, "unknown command")
    rc, out, _ = run("--help")
    expect_code((rc, out, ""), 0, "--help")
    for word in ("compose", "review", "rank", "import", "check", "catalogs", "platforms", "exit codes"):
        expect(word in out, f"--help mentions {word}", out)
    for cmd in ("compose", "review", "rank", "import", "check", "catalogs", "platforms"):
        rc, out, _ = run(cmd, "--help")
        expect(rc == 0 and out.startswith("usage: ") and ("rapport " + cmd) in "".join(out.splitlines(True)[:2]),
               f"{cmd} --help", out)
        expect_code(run(cmd, "--no-such-option"), 2, f"{cmd} with an unknown option")
    expect_code(run("compose", "--contacts", fx("connections.csv")), 2, "compose without --me")
    expect_code(run("compose", *INPUTS, "--formality", "casual"), 2, "compose with a bad --formality")
    expect_code(run("compose", *INPUTS, "--json", "--csv"), 2, "compose with two output formats")
    expect_code(run("compose", *INPUTS, "--now", "yesterday"), 2, "compose with a bad --now")
    expect_code(run("compose", *INPUTS, "--platform", "carrier-pigeon"), 2, "compose with an unknown platform")
    expect_code(run("rank", *INPUTS, "-k", "zero"), 2, "rank with a bad -k")
    expect_code(run("rank", *INPUTS, "-k"), 2, "rank with -k and no value")
    expect_code(run("review", "--contacts", fx("connections.csv"), "--draft", "Hi"), 2, "review without --to")
    expect_code(run("import"), 2, "import without a file")
    expect_code(run("import", fx("connections.csv"), "--format", "xml"), 2, "import with an unknown format")
    expect_code(run("platforms", "extra"), 2, "platforms with an argument")


def case_compose():
    rc, out, err = run("compose", *INPUTS)
    expect_code((rc, out, err), 0, "compose table")
    expect("linkedin:anna-schmidt (Anna Schmidt)  ok" in out, "Anna gets a note", out)
    expect("Siemens" in out and "> Hi Anna" in out, "the note names the shared employer", out)
    expect("linkedin:boli (Bo Li)  no_shared_context" in out, "Bo Li is refused", out)
    expect("[recipient_no_location]" in out, "the refusal has homework", out)

    rc, out, err = run("compose", *INPUTS, "--json")
    expect_code((rc, out, err), 0, "compose --json")
    items = json.loads(out)
    expect([i["recipient"] for i in items] == ["linkedin:anna-schmidt", "linkedin:boli", "linkedin:carla-ruiz"],
           "one item per contact, in directory order", out)
    expect(items[0]["status"] == "ok" and items[0]["limit"] == 200 and items[0]["length"] <= 200, "a fitted note", out)
    expect(items[1]["status"] == "no_shared_context" and items[1]["homework"], "a refusal with homework", out)

    rc, out, err = run("compose", *INPUTS, "--jsonl", "--to", "linkedin:anna-schmidt", "--to", "nobody")
    expect_code((rc, out, err), 1, "compose --to an unknown id")
    lines = [json.loads(l) for l in out.splitlines()]
    expect(len(lines) == 2 and lines[1]["status"] == "not_found", "an unknown id is a not_found item", out)

    rc, out, err = run("compose", *INPUTS, "--csv", "--to", "linkedin:anna-schmidt")
    expect_code((rc, out, err), 0, "compose --csv")
    rows = out.splitlines()
    expect(rows[0] == "recipient,status,text,message,homework" and rows[1].startswith("linkedin:anna-schmidt,ok,\"Hi Anna"),
           "CSV header and a quoted note", out)

    rc, out, err = run("compose", *INPUTS, "--json", "--locale", "de", "--formality", "formal", "--to",
                       "linkedin:anna-schmidt")
    expect_code((rc, out, err), 0, "compose in German, formal")
    note = json.loads(out)[0]
    expect(note["locale"] == "de" and note["formality"] == "formal", "locale and formality are honoured", out)

    rc, out, err = run("compose", *INPUTS, "--jsonl", "--to", "linkedin:anna-schmidt", "--locale", "de",
                       "--platform", "email", "--purpose", "de=Energiesparen im Kühlhaus", "--purpose",
                       "fr=économies d'énergie")
    expect_code((rc, out, err), 0, "compose with a purpose per language")
    note = json.loads(out.splitlines()[0])
    expect("Energiesparen im Kühlhaus" in note["text"] and "energy savings" not in note["text"],
           "the German note states the German purpose", out)
    rc, out, err = run("compose", *INPUTS, "--jsonl", "--to", "linkedin:anna-schmidt", "--locale", "en",
                       "--platform", "email", "--purpose", "de=Energiesparen im Kühlhaus")
    expect("energy savings in cold storage" in json.loads(out.splitlines()[0])["text"],
           "a language without an entry takes the profile's purpose", out)
    rc, out, err = run("compose", *INPUTS, "--purpose", "Energiesparen")
    expect_code((rc, out, err), 2, "--purpose without LANG=")
    expect("LANG=TEXT" in err, "the usage error says the form", err)
    rc, out, err = run("compose", *INPUTS, "--purpose", "de=a", "--purpose", "DE=b")
    expect_code((rc, out, err), 2, "a language given twice")
    expect("purposes[1].locale" in err and out == "", "the error names the entry, nothing on stdout", err + out)

    rc, out, err = run("compose", "--me", fx("me.json"), "--contacts", fx("bad_connections.csv"), "--now", NOW)
    expect_code((rc, out, err), 0, "compose with an untidy input still composes")
    expect("bad_connections.csv:3:" in err, "input problems are reported with file:line", err)

    rc, out, err = run("compose", "--me", fx("me.json"), "--contacts", fx("../import/v40.vcf"), "--now", NOW,
                       "--json")
    expect_code((rc, out, err), 0, "compose for a vCard address book")
    expect(all(i["status"] in ("ok", "no_shared_context") for i in json.loads(out)), "vCard contacts composed", out)

    expect_code(run("compose", "--me", fx("me.json"), "--contacts", fx("events.ics")), 1,
                "a calendar given as contacts")

    rc, out, err = run("compose", "--me", fx("me.json"), "--contacts", fx("broken.json"))
    expect_code((rc, out, err), 1, "compose with an unreadable contacts file")
    expect("broken.json:2:" in err, "the fatal error has file:line", err)


def case_review():
    base = ["--to", "linkedin:anna-schmidt", "--contacts", fx("connections.csv"), "--me", fx("me.json")]
    rc, out, err = run("review", *base, "--draft", "Hi ANNA,  {first_name} I would like to add you")
    expect_code((rc, out, err), 1, "a draft with an error finding")
    expect("error placeholder_left [10,22):" in out, "placeholder finding with its span", out)
    expect("warning all_caps_name [3,7):" in out and '→ "Anna"' in out, "all-caps finding with a suggestion", out)

    good = "Hi Anna, I'm Lena from Coolwise. We both worked at Siemens."
    rc, out, err = run("review", *base, stdin=good + "\n")
    expect_code((rc, out, err), 0, "a good draft on stdin")
    expect(out.strip() == "no findings", "no findings", out)

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("Hi Anna,  I'm Lena from Coolwise. We both worked at Siemens.")
    try:
        rc, out, err = run("review", *base, "--draft-file", f.name)
        expect_code((rc, out, err), 0, "info findings do not fail")
        expect("info repeated_whitespace" in out, "doubled space reported", out)
    finally:
        os.unlink(f.name)

    expect_code(run("review", "--to", "nobody", "--contacts", fx("connections.csv"), "--draft", "Hi"), 1,
                "review to an unknown contact")


def case_rank():
    rc, out, err = run("rank", *INPUTS, "-k", "2")
    expect_code((rc, out, err), 0, "rank")
    expect(out.splitlines()[0] == "1. 0.40  linkedin:anna-schmidt (Anna Schmidt): past employer Siemens AG",
           "Anna first, for the shared employer", out)
    # One rapport document may hold the sender and the contacts: its sender is no import problem.
    rc, out, err = run("rank", "--me", fx("me.json"), "--contacts", fx("me.json"), "--contacts",
                       fx("connections.csv"), "--now", NOW)
    expect_code((rc, out, err), 0, "rank with the sender document among the contacts")
    expect(err == "" and "linkedin:anna-schmidt" in out, "no problem reported for the sender", err)
    rc, out, err = run("rank", *INPUTS, "--event", "bauma-2026")
    expect_code((rc, out, err), 0, "rank at an event nobody else attends")
    expect("no contact shares a context" in out, "an empty ranking says so", out)
    rc, out, err = run("rank", *INPUTS, "--event", "no-such-event")
    expect_code((rc, out, err), 1, "rank at an unknown event")


def case_import():
    rc, out, err = run("import", fx("connections.csv"))
    expect_code((rc, out, err), 0, "import a clean file")
    expect("linkedin_csv: 3 imported, 0 skipped, 0 repaired" in out, "counts", out)

    rc, out, err = run("import", fx("bad_connections.csv"))
    expect_code((rc, out, err), 0, "import reports problems and succeeds")
    expect("1 imported, 1 skipped" in out, "skipped row counted", out)
    expect("bad_connections.csv:3:17: record 1: field Connected On" in out, "problem as file:line:column", out)

    rc, out, err = run("check", fx("bad_connections.csv"))
    expect_code((rc, out, err), 1, "check fails on problems")
    expect_code(run("check", fx("connections.csv")), 0, "check passes a clean file")
    expect_code(run("check", fx("events.ics")), 0, "check passes a clean calendar")

    rc, out, err = run("check", fx("broken.json"))
    expect_code((rc, out, err), 1, "check an unreadable file")
    expect("broken.json:2:" in err, "fatal error with file:line", err)
    expect_code(run("check", fx("no-such-file.csv")), 1, "check a missing file")

    rc, out, err = run("import", fx("events.ics"), "--json")
    expect_code((rc, out, err), 0, "import --json")
    doc = json.loads(out)
    expect(doc["format"] == "rapport" and [e["id"] for e in doc["events"]] == ["bauma-2026"], "the event", out)
    expect("1 imported" in err, "counts go to stderr with --json", err)

    rc, out, err = run("import", fx("connections.csv"), "--format", "csv", "--json")
    expect_code((rc, out, err), 0, "import a LinkedIn file as generic CSV")
    expect(len(json.loads(out)["contacts"]) == 3, "generic CSV mapping from the header", out)


def case_info():
    rc, out, err = run("catalogs")
    expect_code((rc, out, err), 0, "catalogs")
    for loc in ("en", "de", "fr", "es"):
        expect(f"  {loc}  " in out, f"catalog {loc} listed", out)
    expect("event/both-exhibiting/upcoming" in out, "situations listed", out)
    rc, out, err = run("platforms")
    expect_code((rc, out, err), 0, "platforms")
    expect("linkedin-connection-note  (LinkedIn connection note)  unit utf16" in out, "profile line", out)
    expect("free (default): body 200" in out, "limit per tier", out)


def case_progress():
    """A large batch shows progress on a terminal stderr, and stdout does not change."""
    import pty
    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "big.csv")
        with open(big, "w") as f:
            f.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
            for i in range(1500):
                f.write(f"Person{i},Name{i},https://www.linkedin.com/in/p{i},,Firm {i},Lead,07 Feb 2023\n")
        args = [BIN, "compose", "--me", fx("me.json"), "--contacts", big, "--now", NOW, "--jsonl"]
        plain = subprocess.run(args, capture_output=True, text=True, timeout=300)
        expect(plain.returncode == 0 and "composing:" not in plain.stderr, "no progress when stderr is no terminal",
               plain.stderr)
        master, slave = pty.openpty()
        try:
            tty = subprocess.run(args, stdout=subprocess.PIPE, stderr=slave, text=True, timeout=300)
            os.close(slave)
            shown = b""
            while True:
                try:
                    chunk = os.read(master, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                shown += chunk
        finally:
            os.close(master)
        expect(tty.returncode == 0, "compose with a terminal stderr")
        expect(tty.stdout == plain.stdout and len(plain.stdout.splitlines()) == 1500, "the same notes either way")
        expect(b"composing: 1500/1500" in shown and b"notes/s" in shown and b"ETA" in shown,
               "a progress line with rate and ETA", shown.decode(errors="replace"))


def case_demo():
    rc, out, err = run("demo")
    expect_code((rc, out, err), 0, "demo")
    expect(out.startswith("rapport demo:"), "demo output", out)


CASES = {"usage": case_usage, "compose": case_compose, "review": case_review, "rank": case_rank,
         "import": case_import, "info": case_info, "progress": case_progress, "demo": case_demo}
CASES[CASE]()
print("ok:", CASE)
