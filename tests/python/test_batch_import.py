"""compose_all() and the importers of the Python bindings, over the built C ABI."""
import os
import threading

import pytest

import rapport
from test_rapport import NOW, build_directory, me

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "fixtures", "import")


def test_compose_all_every_contact_in_directory_order():
    d = build_directory(extra=40)
    sender = me()
    batch = rapport.compose_all(d, sender, now=NOW, threads=1)
    assert len(batch) == len(d)  # "me" is not in the directory: every contact
    assert batch.recipient_ids == d.contact_ids()
    assert len(batch.texts) == len(batch.statuses) == len(batch)
    assert all(isinstance(t, str) for t in batch.texts)
    anna = batch.recipient_ids.index("anna")
    assert batch.statuses[anna] == 0 and "bauma" in batch.texts[anna]
    single = rapport.compose(d, sender, d.find_contact("anna"), now=NOW)
    assert batch[anna] == single  # the lazy Note equals compose()'s
    dora = batch.recipient_ids.index("dora")
    assert batch.statuses[dora] == rapport.NoContextError.status and batch.texts[dora] == ""
    assert not batch[dora].ok and batch[dora].homework
    assert batch.message(dora) != "" and batch.message(anna) == ""
    assert batch.error(dora) is None
    assert [n.text for n in batch] == batch.texts
    assert batch[-1] == batch[len(batch) - 1]


def test_compose_all_ids_in_input_order_and_failed_items():
    d = build_directory()
    batch = rapport.compose_all(d, me(), ["carl", "nobody", "anna", "ünknown"], now=NOW, locale="en")
    assert batch.recipient_ids == ["carl", "nobody", "anna", "ünknown"]
    assert batch.statuses[1] == rapport.NotFoundError.status == batch.statuses[3]
    assert batch.texts[1] == "" and batch.texts[2].startswith("Hi Anna")
    assert isinstance(batch.error(1), rapport.NotFoundError) and "nobody" in batch.message(1)
    with pytest.raises(rapport.NotFoundError, match="nobody"):
        batch[1]
    assert batch.ok == [s == 0 for s in batch.statuses]
    assert len(rapport.compose_all(d, me(), [], now=NOW)) == 0


def test_compose_all_threads_do_not_change_the_result_and_warn_about_duplicates():
    d = build_directory(extra=120)
    one = rapport.compose_all(d, me(), now=NOW, threads=1)
    four = rapport.compose_all(d, me(), now=NOW, threads=4)
    assert one.texts == four.texts and one.statuses == four.statuses
    warnings = one.warnings
    assert warnings and warnings[0].code == "near_duplicates" and warnings[0].count > 5 and warnings[0].slot


def test_compose_all_the_purpose_in_each_note_language():
    d = build_directory(extra=80)
    purposes = {"de": "digitale Batteriepässe", "en": "digital battery passports"}
    de = rapport.compose_all(d, me(), now=NOW, locale="de", purposes=purposes, threads=1)
    en = rapport.compose_all(d, me(), now=NOW, locale="en", purposes=purposes, threads=2)
    anna = de.recipient_ids.index("anna")
    assert "digitale Batteriepässe" in de.texts[anna]
    assert "digital battery passports" in en.texts[anna]
    assert de.texts == rapport.compose_all(d, me(), now=NOW, locale="de", purposes=purposes, threads=4).texts
    with pytest.raises(rapport.InvalidArgumentError):
        rapport.compose_all(d, me(), now=NOW, purposes={"": "x"})


def test_compose_all_errors_of_the_call():
    d = build_directory()
    with pytest.raises(rapport.NotFoundError):
        rapport.compose_all(d, me(), now=NOW, platform="carrier-pigeon")
    with pytest.raises(rapport.Utf8Error) as e:
        rapport.compose_all(d, me(), ["anna", b"ca\xffl"], now=NOW)
    assert e.value.offset == 2 and "recipient_ids[1]" in e.value.message
    with pytest.raises(rapport.Utf8Error):
        rapport.compose_all(d, me(), now=NOW, locale=b"d\xff")
    with pytest.raises(TypeError):
        rapport.compose_all(d, me(), "anna", now=NOW)


def test_batch_outlives_its_directory_and_closes():
    d = build_directory(extra=10)
    batch = rapport.compose_all(d, me(), now=NOW)
    d.close()
    assert batch[0].text == batch.texts[0]
    batch.close()
    batch.close()
    with pytest.raises(rapport.InvalidArgumentError):
        batch.message(0)


def test_compose_all_from_threads():
    d = build_directory(extra=60)
    expected = rapport.compose_all(d, me(), now=NOW, threads=1).texts
    results = [None] * 4

    def run(i):
        results[i] = rapport.compose_all(d, me(), now=NOW, threads=2).texts

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


LINKEDIN = (b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            b"Anna,Schmidt,https://www.linkedin.com/in/anna-schmidt-4711,,Siemens AG,Head of Procurement,07 Feb 2023\n"
            b",,,,,,\n"
            b"Bo,Berg,,bo@example.org,ACME,CTO,someday\n")


def test_import_bytes_reports_counts_and_problems():
    b = rapport.DirectoryBuilder()
    r = b.import_bytes(LINKEDIN, "linkedin_csv", file_name="Connections.csv")
    assert (r.imported, r.skipped, r.repaired, r.problems_not_kept) == (2, 1, 1, 0)
    assert not r.clean
    skipped, repaired = r.problems
    assert skipped.action == "skipped" and skipped.line == 3 and skipped.record == 1
    assert skipped.file == "Connections.csv" and str(skipped).startswith("Connections.csv:3")
    assert repaired.action == "repaired" and repaired.field == "Connected On" and repaired.offset is not None
    d = b.build()
    assert d.find_contact("linkedin:anna-schmidt-4711").get("given") == "Anna"


def test_import_every_format():
    b = rapport.DirectoryBuilder()
    r = b.import_bytes(b"Name;Mail\nEve Adams;eve@example.org\n", "csv",
                       mapping={"Name": "full_name", "Mail": "email"}, delimiter=";")
    assert r.imported == 1 and r.clean
    r = b.import_file(os.path.join(FIXTURES, "v40.vcf"), "vcard")
    assert r.imported >= 1
    r = b.import_file(os.path.join(FIXTURES, "outlook_utf16.vcf"), "vcard")
    assert r.imported >= 1
    r = b.import_file(os.path.join(FIXTURES, "events.ics"), "icalendar")
    assert r.imported >= 1
    r = b.import_bytes(b'{"format": "rapport", "version": 1, "contacts": [{"id": "x1"}, {"id": 7}]}', "json")
    assert (r.imported, r.skipped) == (1, 1) and r.problems[0].field.startswith("contacts[1]")
    r = b.import_file(os.path.join(FIXTURES, "linkedin_old.csv"), "linkedin_csv")
    assert r.imported == 3
    d = b.build()
    assert "email:eve@example.org" in d.contact_ids() and "x1" in d.contact_ids()


def test_import_errors():
    b = rapport.DirectoryBuilder()
    with pytest.raises(rapport.RapportError, match=r"<input>:3:1: record 1: .*\(fatal\)"):
        b.import_bytes(LINKEDIN, "linkedin_csv", strict=True)
    with pytest.raises(rapport.LimitError):
        b.import_bytes(LINKEDIN, "linkedin_csv", limits={"max_records": 1})
    with pytest.raises(rapport.LimitError):
        b.import_bytes(LINKEDIN, "linkedin_csv", limits={"max_file_bytes": 10})
    with pytest.raises(TypeError):
        b.import_bytes(LINKEDIN, "linkedin_csv", limits={"max_bananas": 1})
    with pytest.raises(rapport.InvalidArgumentError):
        b.import_bytes(b"Name\nEve\n", "csv")  # no mapping
    with pytest.raises(rapport.InvalidArgumentError):
        b.import_bytes(b"Name\nEve\n", "csv", mapping={"Surname": "family_name"})
    with pytest.raises(rapport.NotFoundError):
        b.import_file("/nonexistent/Connections.csv", "linkedin_csv")
    with pytest.raises(rapport.Utf8Error):
        b.import_file(b"/tmp/\xff.csv", "linkedin_csv")
    with pytest.raises(rapport.ParseError):
        b.import_bytes(b"", "json")
    with pytest.raises(KeyError):
        b.import_bytes(b"", "xls")


def test_two_reasons_in_one_note_and_in_a_batch():
    d = build_directory()
    anna = d.find_contact("anna")
    one = rapport.compose(d, me(), anna, now=NOW, locale="en", tier="premium")
    two = rapport.compose(d, me(), anna, now=NOW, locale="en", tier="premium", reasons=2)
    assert len(one.contexts) == 1 and len(two.contexts) == 2
    assert two.contexts[0].kind != two.contexts[1].kind and two.text != one.text
    batch = rapport.compose_all(d, me(), ["anna"], now=NOW, locale="en", tier="premium", reasons=2)
    assert batch.texts == [two.text]
    with pytest.raises(rapport.InvalidArgumentError, match="reasons"):
        rapport.compose(d, me(), anna, now=NOW, reasons=3)
