"""The Python bindings against the built C ABI library."""
import datetime
import gc
import threading

import pytest

import rapport

NOW = 1772366400  # 2026-03-01 12:00 UTC; bauma 2026 starts 37 days later


def build_directory(extra=0):
    b = rapport.DirectoryBuilder()
    b.add(rapport.Event("bauma-2026", name="bauma", series="bauma", edition=2026,
                        days=((2026, 4, 7), (2026, 4, 13)), time_zone="Europe/Berlin"))
    b.add(rapport.Challenge("eu-battery-passport", title="the new EU battery passport", industries=["Automotive"]))
    b.add(rapport.Contact("anna", given="Anna", family="Schmidt", location="München, Bayern, Deutschland",
                          events=[("bauma-2026", "exhibitor")], topics=["construction robotics"]))
    b.add(rapport.Contact("carl", given="Carl", family="Berg", location="Stuttgart, Germany", industry="Automotive",
                          organizations=[rapport.Organization("Bosch")]))
    b.add(rapport.Contact("dora", given="Dora", events=[("no-such-event", "attendee")]))
    cities = ["Munich, Germany", "Lisbon, Portugal", "Paris, France", "Austin, TX"]
    for i in range(extra):
        b.add(rapport.Contact(f"p{i:05d}", given="Pat", location=cities[i % 4],
                              topics=["construction robotics" if i % 2 else "ceramics"],
                              events=[("bauma-2026", "attendee")] if i % 3 == 0 else []))
    return b.build()


def me():
    return rapport.Contact("me", given="Sam", family="Sender", location="Munich, Germany",
                           events=[("bauma-2026", "exhibitor")], topics=["Construction robotics"],
                           offers=[rapport.Offer("passport", "digital battery passports", ["eu-battery-passport"])],
                           purpose="battery passports", formality="informal", gender="neutral",
                           languages=["de", "en"], schools=["TU München"], connections=["anna"])


def test_version():
    assert rapport.version() == 100
    assert rapport.version_string() == "0.1.0"


def test_text():
    assert rapport.text_length("Zo\u00eb \U0001F469\u200D\U0001F4BB") == 5
    assert rapport.text_length("Zo\u00eb", "utf16") == 3
    assert rapport.truncate("Hello wonderful world", 10) == ("Hello won\u2026", True)
    assert rapport.sanitize("a\u202eb") == ("ab", 1)
    assert rapport.match_key("MÜNCHEN", "german") == rapport.match_key("Muenchen", "german")


def test_invalid_utf8_raises_with_offset():
    with pytest.raises(rapport.Utf8Error) as e:
        rapport.text_length(b"ab\xff")
    assert e.value.offset == 2
    assert e.value.status == -1
    with pytest.raises(rapport.Utf8Error):
        rapport.Contact(b"\xc3")
    with pytest.raises(rapport.Utf8Error):
        rapport.validate_utf8(b"\xe2\x82")


def test_contact_fields_round_trip():
    with me() as c:
        assert c.id == "me"
        assert c.get("given") == "Sam"
        assert c.get("purpose") == "battery passports"
        assert c.count("languages") == 2
        with pytest.raises(TypeError):
            c.set("shoe_size", 42)
        with pytest.raises(rapport.InvalidArgumentError):
            c.set("events", [("x", 9)])


def test_directory_and_warnings():
    d = build_directory()
    assert len(d) == 3
    assert d.contact_ids() == ["anna", "carl", "dora"]
    assert any("no-such-event" in w for w in d.warnings)
    assert d.find_contact("anna").get("family") == "Schmidt"
    with pytest.raises(rapport.NotFoundError):
        d.find_contact("nobody")


def test_builder_reports_the_validation_message():
    b = rapport.DirectoryBuilder()
    b.add(rapport.Contact("x"))
    with pytest.raises(rapport.InvalidArgumentError) as e:
        b.add(rapport.Contact("x"))
    assert "x" in e.value.message
    with pytest.raises(rapport.InvalidArgumentError):
        b.add(rapport.Event("e", days=((2026, 3, 9), (2026, 3, 1))))
    with pytest.raises(TypeError):
        b.add("x")


def test_discovery_gives_dataclasses():
    d = build_directory()
    with d.sender(me()) as s:
        found = s.discover("anna", now=NOW)
    assert [c.kind for c in found] == ["event", "same_city", "topic"]
    first = found[0]
    assert isinstance(first, rapport.SharedContext)
    assert first.situation == "event/both-exhibiting/upcoming"
    assert first.facts["days_until"] == "37"
    assert first.facts["relation"] == "both-exhibiting"
    assert first.strength == pytest.approx(1.0)
    assert all(isinstance(e, rapport.Evidence) for e in first.evidence)
    assert {e.side for e in first.evidence} >= {"sender", "recipient"}
    # the same without preparing the sender
    assert d.discover(me(), d.find_contact("anna"), now=NOW) == found
    assert [c.kind for c in d.discover(me(), d.find_contact("anna"), now=NOW, min_strength=0.6)] == ["event"]


def test_discovery_errors():
    d = build_directory()
    s = d.sender(me())
    with pytest.raises(rapport.NotFoundError):
        s.discover("nobody", now=NOW)
    with pytest.raises(rapport.InvalidArgumentError):
        s.discover("anna", now=NOW, min_strength=3)


def test_ranking():
    d = build_directory()
    s = d.sender(me())
    top = s.rank(now=NOW, k=5)
    assert [r.recipient_id for r in top] == ["anna", "carl"]
    assert top[1].context.kind == "challenge"
    assert top[1].context.facts["offer_id"] == "passport"
    assert [r.recipient_id for r in s.rank(now=NOW, kinds=["challenge"])] == ["carl"]
    assert [r.recipient_id for r in d.rank(me(), now=NOW, event_id="bauma-2026")] == ["anna"]
    with pytest.raises(rapport.NotFoundError):
        s.rank(now=NOW, event_id="nope")


def test_closed_handles_raise_and_finalizers_free():
    c = rapport.Contact("x")
    c.close()
    c.close()  # idempotent
    with pytest.raises(rapport.InvalidArgumentError):
        c.get("id")
    for _ in range(100):
        rapport.Contact("y", given="Y")
    gc.collect()


def test_catalogs():
    cat = rapport.Catalog()
    assert {"en", "de", "fr", "es"} <= set(cat.locales())
    assert "city/same-city/short/informal" in cat.slots("en")
    assert "city/same-city" in rapport.Catalog.situations()
    hit = cat.lookup("es-MX", "city/same-city/short/formal")
    assert hit.fallback and hit.catalog_locale == "es" and hit.requested_locale == "es-MX"
    assert "es-MX" in hit.tried
    text = cat.render("en", "city/same-city/short/informal", recipient_given_name="Anna",
                      sender_given_name="Sam", city_name="Munich")
    assert text.startswith("Hi Anna")
    with pytest.raises(rapport.InvalidArgumentError):
        cat.render("en", "city/same-city/short/informal", sender_given_name="Sam", city_name="Munich")
    with pytest.raises(rapport.NotFoundError):
        cat.lookup("en", "no/such/slot")
    po = (b'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
          b'msgctxt "city/same-city/short/informal"\nmsgid "x"\nmsgstr "Yo {recipient_given_name}!"\n')
    mine = cat.add_bytes(po, "mine.po", "en")
    assert mine.render("en", "city/same-city/short/informal", recipient_given_name="Anna") == "Yo Anna!"
    with pytest.raises(rapport.ParseError):
        cat.add_bytes(b'msgctxt "city/same-city/short/informal"\nmsgid "x"\nmsgstr "{oops"\n', "bad.po", "en")
    with pytest.raises(rapport.RapportIOError):
        cat.add_file("/nonexistent/catalog.po")


def test_platforms():
    assert "linkedin-connection-note" in rapport.platform_ids()
    with rapport.Platform.find("linkedin-connection-note") as p:
        assert p.limit("body", "free") == 200
        assert p.limit("body", "premium") == 300
        assert p.tiers[0] == "free"
        assert p.unit in rapport.UNITS
        with pytest.raises(rapport.NotFoundError):
            p.limit("subject")
    custom = rapport.Platform.custom(500, "graphemes")
    assert custom.limit() == 500 and custom.limit("subject") is None and custom.confidence == "user"
    with pytest.raises(rapport.InvalidArgumentError):
        rapport.Platform.custom(0)
    with pytest.raises(rapport.NotFoundError):
        rapport.Platform.find("pigeon")


def test_json_call():
    assert rapport.json_call({"op": "text.length", "text": "Zoë", "unit": "utf16"}) == {"length": 3}
    r = rapport.json_call({"op": "discover", "now": NOW,
                           "directory": {"contacts": [{"id": "a", "topics": ["ceramics"]}]},
                           "sender": {"id": "me", "topics": ["Ceramics"]}, "recipient_id": "a"})
    assert r["contexts"][0]["kind"] == "topic"
    with pytest.raises(rapport.InvalidArgumentError):
        rapport.json_call({"op": "fly"})
    with pytest.raises(rapport.ParseError):
        rapport.json_call("{")


def test_discovery_from_8_threads_equals_the_serial_run():
    d = build_directory(extra=300)
    s = d.sender(me())
    ids = [i for i in d.contact_ids() if i != "me"]

    def run():
        return [s.discover(i, now=NOW) for i in ids] + [s.rank(now=NOW, k=20)]

    serial = run()
    results = [None] * 8
    errors = []

    def worker(n):
        try:
            results[n] = run()
        except Exception as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(len(x) for x in serial[:-1]) > 300
    for r in results:
        assert r == serial


def test_compose_a_note_and_a_refusal():
    d = build_directory()
    now = datetime.datetime(2026, 3, 1, tzinfo=datetime.timezone.utc)
    with me() as sender:
        note = rapport.compose(d, sender, d.find_contact("anna"), now=now)
        assert note.ok
        assert "bauma" in note.text
        assert note.slot.startswith("event/both-exhibiting/upcoming")
        assert 0 < note.length <= note.limit == 200
        assert note.contexts[0].kind == "event"
        assert not note.homework
        en = rapport.compose(d, sender, d.find_contact("anna"), now=now, locale="en", formality="informal",
                             tier="premium")
        assert en.limit == 300 and en.text.startswith("Hi ")
        stranger = rapport.Contact("zed", given="Zed", family="Ng", location="Chengdu, China")
        refusal = rapport.compose(d, sender, stranger, now=now)
        assert not refusal.ok and refusal.text == ""
        assert refusal.homework and all(h.code and h.message for h in refusal.homework)
        with pytest.raises(rapport.NotFoundError):
            rapport.compose(d, sender, stranger, now=now, platform="carrier-pigeon")


def test_compose_the_purpose_in_the_note_language():
    d = build_directory()
    anna = d.find_contact("anna")
    purposes = {"de": "digitale Batteriepässe", "fr": "passeports de batterie"}
    with me() as sender:
        de = rapport.compose(d, sender, anna, now=NOW, locale="de-AT", platform="email", purposes=purposes)
        assert "digitale Batteriepässe" in de.text and "battery passports" not in de.text
        assert not [w for w in de.warnings if w.startswith("review")]
        fr = rapport.compose(d, sender, anna, now=NOW, locale="fr", platform="email", purposes=list(purposes.items()))
        assert "passeports de batterie" in fr.text
        en = rapport.compose(d, sender, anna, now=NOW, locale="en", platform="email", purposes=purposes)
        assert "battery passports" in en.text  # no English entry: the contact's purpose
        none = rapport.compose(d, sender, anna, now=NOW, locale="de", platform="email", purposes={"de": ""})
        assert "battery passports" not in none.text and none.ok
        with pytest.raises(rapport.InvalidArgumentError, match=r"purposes\[1\]\.locale"):
            rapport.compose(d, sender, anna, now=NOW, purposes=[("de", "x"), ("DE", "y")])
        with pytest.raises(rapport.InvalidArgumentError, match="well-formed"):
            rapport.compose(d, sender, anna, now=NOW, purposes={"d e": "x"})
        with pytest.raises(rapport.Utf8Error, match=r"purposes\[0\]\.text"):
            rapport.compose(d, sender, anna, now=NOW, purposes={"de": b"\xff"})


def test_review_finds_the_blunders():
    d = build_directory()
    platform = rapport.Platform.find("linkedin-connection-note")
    findings = rapport.review("Hi {{first_name}},  I'd like to add you to my professional network on LinkedIn.",
                              d.find_contact("anna"), platform)
    codes = [f.code for f in findings]
    assert codes[0] == "placeholder_left" and findings[0].severity == "error"
    assert (findings[0].begin, findings[0].end) == (3, 17)
    assert "generic_boilerplate" in codes
    with pytest.raises(rapport.Utf8Error) as e:
        rapport.review(b"ab\xff", d.find_contact("anna"), platform)
    assert e.value.offset == 2
