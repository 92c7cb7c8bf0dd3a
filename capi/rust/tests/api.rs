// The safe wrapper against the built librapport_c (RAPPORT_LIB_DIR).
use rapport::*;
use std::sync::Arc;
use std::thread;

const NOW: i64 = 1772366400; // 2026-03-01 12:00 UTC: bauma 2026 is 37 days away

fn me() -> Contact {
    let mut c = Contact::new("me").unwrap();
    c.set(ContactField::Given, "Sam").unwrap()
        .set(ContactField::Location, "Munich, Germany").unwrap()
        .add_event("bauma-2026", Role::Exhibitor).unwrap()
        .add(ContactList::Topics, "Construction robotics").unwrap()
        .add_offer("passport", "digital battery passports", &["eu-battery-passport"]).unwrap()
        .set_formality(Formality::Informal).unwrap()
        .set_gender(Gender::Unknown).unwrap();
    c
}

fn directory(extra: usize) -> Directory {
    let mut b = DirectoryBuilder::new().unwrap();
    let mut fair = Event::new("bauma-2026").unwrap();
    fair.set(EventField::Name, "bauma").unwrap()
        .set(EventField::TimeZone, "Europe/Berlin").unwrap()
        .set_days((2026, 4, 7), (2026, 4, 13)).unwrap()
        .set_edition(2026).unwrap();
    b.add_event(&fair).unwrap();
    b.add_challenge(&Challenge::new("eu-battery-passport", "the new EU battery passport", &["Automotive"]).unwrap()).unwrap();
    let mut anna = Contact::new("anna").unwrap();
    anna.set(ContactField::Given, "Anna").unwrap()
        .set(ContactField::Location, "München, Bayern, Deutschland").unwrap()
        .add_event("bauma-2026", Role::Exhibitor).unwrap()
        .add(ContactList::Topics, "construction robotics").unwrap();
    b.add_contact(&anna).unwrap();
    let mut carl = Contact::new("carl").unwrap();
    carl.set(ContactField::Industry, "Automotive").unwrap()
        .add_organization(&Organization { name: "Bosch", current: true, ..Default::default() }).unwrap();
    b.add_contact(&carl).unwrap();
    let cities = ["Munich, Germany", "Lisbon, Portugal", "Paris, France"];
    for i in 0..extra {
        let mut c = Contact::new(&format!("p{:05}", i)).unwrap();
        c.set(ContactField::Location, cities[i % 3]).unwrap()
            .add(ContactList::Topics, if i % 2 == 0 { "construction robotics" } else { "ceramics" }).unwrap();
        b.add_contact(&c).unwrap();
    }
    b.build().unwrap()
}

#[test]
fn version_matches() {
    assert_eq!(version(), 100);
    assert_eq!(version_string(), "0.1.0");
}

#[test]
fn text_utilities() {
    assert_eq!(text_length("Zoë", Unit::Utf16).unwrap(), 3);
    assert_eq!(truncate("Hello wonderful world", 10, Unit::Graphemes).unwrap(), ("Hello won…".to_string(), true));
    assert_eq!(sanitize("a\u{202e}b").unwrap(), ("ab".to_string(), 1));
    let e = validate_utf8(b"ab\xff").unwrap_err();
    assert_eq!(e.status, Status::InvalidUtf8);
    assert_eq!(e.offset, Some(2));
}

#[test]
fn discovery_and_errors() {
    let dir = directory(0);
    assert_eq!(dir.contact_ids().unwrap(), vec!["anna", "carl"]);
    assert!(dir.warnings().unwrap().iter().any(|w| w.contains("Messe") || w.contains("place")) || dir.warnings().unwrap().is_empty());
    let sender = dir.sender(&me()).unwrap();
    let found = sender.discover("anna", NOW, 0.0).unwrap();
    let kinds: Vec<&str> = found.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, vec!["event", "same_city", "topic"]);
    assert_eq!(found[0].situation, "event/both-exhibiting/upcoming");
    assert_eq!(found[0].fact("days_until"), Some("37"));
    assert!(!found[0].evidence.is_empty());
    let anna = dir.find_contact("anna").unwrap();
    assert_eq!(anna.get(ContactField::Given).unwrap(), "Anna");
    assert_eq!(sender.discover_contact(&anna, NOW, 0.0).unwrap(), found);
    assert_eq!(dir.discover(&me(), &anna, NOW, 0.6).unwrap().len(), 1);
    assert_eq!(sender.discover("nobody", NOW, 0.0).unwrap_err().status, Status::NotFound);
    assert_eq!(sender.discover("anna", NOW, 5.0).unwrap_err().status, Status::InvalidArgument);
    let mut b = DirectoryBuilder::new().unwrap();
    b.add_contact(&anna).unwrap();
    let dup = b.add_contact(&anna).unwrap_err();
    assert_eq!(dup.status, Status::InvalidArgument);
    assert!(dup.message.contains("anna"));
}

#[test]
fn ranking() {
    let dir = directory(0);
    let sender = dir.sender(&me()).unwrap();
    let top = sender.rank(NOW, 5, &RankFilter::default()).unwrap();
    let ids: Vec<&str> = top.iter().map(|r| r.recipient_id.as_str()).collect();
    assert_eq!(ids, vec!["anna", "carl"]);
    assert_eq!(top[1].context.kind, "challenge");
    let only = sender.rank(NOW, 5, &RankFilter { kinds: &["challenge"], ..Default::default() }).unwrap();
    assert_eq!(only.len(), 1);
    let at = dir.rank(&me(), NOW, 5, &RankFilter { event_id: "bauma-2026", ..Default::default() }).unwrap();
    assert_eq!(at.len(), 1);
    assert_eq!(sender.rank(NOW, 5, &RankFilter { event_id: "nope", ..Default::default() }).unwrap_err().status, Status::NotFound);
    assert_eq!(sender.rank(NOW, 5, &RankFilter { kinds: &["gossip"], ..Default::default() }).unwrap_err().status,
               Status::InvalidArgument);
}

#[test]
fn catalogs() {
    let cat = Catalog::builtin().unwrap();
    assert!(cat.locales().unwrap().contains(&"de".to_string()));
    assert!(cat.slots("en").unwrap().contains(&"city/same-city/short/informal".to_string()));
    let hit = cat.lookup("es-MX", "city/same-city/short/formal").unwrap();
    assert!(hit.fallback);
    assert_eq!(hit.catalog_locale, "es");
    let note = cat
        .render("en", "city/same-city/short/informal",
                &[("recipient_given_name", "Anna"), ("sender_given_name", "Sam"), ("city_name", "Munich")])
        .unwrap();
    assert!(note.starts_with("Hi Anna"));
    let missing = cat.render("en", "city/same-city/short/informal", &[("city_name", "Munich")]).unwrap_err();
    assert_eq!(missing.status, Status::InvalidArgument);
    assert_eq!(cat.lookup("en", "no/such/slot").unwrap_err().status, Status::NotFound);
    assert_eq!(cat.add_file("/nonexistent/x.po", "en").unwrap_err().status, Status::Io);
    let po = b"msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n\
msgctxt \"city/same-city/short/informal\"\nmsgid \"x\"\nmsgstr \"Yo {recipient_given_name}!\"\n";
    let mine = cat.add_bytes(po, "mine.po", "en").unwrap();
    assert_eq!(mine.render("en", "city/same-city/short/informal", &[("recipient_given_name", "Anna")]).unwrap(), "Yo Anna!");
    let bad = cat.add_bytes(b"msgctxt \"city/same-city/short/informal\"\nmsgid \"x\"\nmsgstr \"\xff\"\n", "bad.po", "en");
    assert_eq!(bad.unwrap_err().status, Status::InvalidUtf8);
}

#[test]
fn platforms() {
    assert!(platform_ids().unwrap().contains(&"linkedin-connection-note".to_string()));
    let p = Platform::find("linkedin-connection-note").unwrap();
    assert_eq!(p.id().unwrap(), "linkedin-connection-note");
    assert_eq!(p.limit(PlatformField::Body, "premium").unwrap(), Some(300));
    assert_eq!(p.limit(PlatformField::Body, "").unwrap(), Some(200));
    assert_eq!(p.tiers().unwrap()[0], "free");
    let _ = p.unit().unwrap();
    assert_eq!(p.limit(PlatformField::Subject, "").unwrap_err().status, Status::NotFound);
    let c = Platform::custom(500, Unit::Graphemes, None).unwrap();
    assert_eq!(c.limit(PlatformField::Subject, "").unwrap(), None);
    assert_eq!(Platform::custom(0, Unit::Graphemes, None).err().unwrap().status, Status::InvalidArgument);
}

#[test]
fn json_layer() {
    let r = json_call(r#"{"op":"text.length","text":"Zoë","unit":"utf16"}"#).unwrap();
    assert!(r.contains("\"length\":3"));
    let e = json_call(r#"{"op":"fly"}"#).unwrap_err();
    assert_eq!(e.status, Status::InvalidArgument);
    assert_eq!(json_call("{").unwrap_err().status, Status::Parse);
}

#[test]
fn discovery_from_8_threads_equals_the_serial_run() {
    let dir = directory(300);
    let sender = Arc::new(dir.sender(&me()).unwrap());
    let ids: Arc<Vec<String>> = Arc::new(dir.contact_ids().unwrap());
    let run = |s: &Sender, ids: &[String]| -> Vec<Vec<SharedContext>> {
        ids.iter().map(|i| s.discover(i, NOW, 0.0).unwrap()).collect()
    };
    let serial = run(&sender, &ids);
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let s = Arc::clone(&sender);
            let ids = Arc::clone(&ids);
            thread::spawn(move || run(&s, &ids))
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), serial);
    }
}

#[test]
fn compose_a_note_and_a_refusal() {
    let d = directory(0);
    let anna = d.find_contact("anna").unwrap();
    let note = d.compose(&me(), &anna, NOW, &ComposeOptions::default()).unwrap();
    assert!(note.ok, "{:?}", note);
    assert!(note.text.contains("bauma"), "{}", note.text);
    assert!(note.slot.starts_with("event/both-exhibiting/upcoming"));
    assert!(note.length > 0 && note.length <= note.limit && note.limit == 200);
    assert_eq!(note.contexts[0].kind, "event");
    let premium = d.compose(&me(), &anna, NOW, &ComposeOptions { tier: "premium", locale: "en", ..Default::default() }).unwrap();
    assert_eq!(premium.limit, 300);
    let mut stranger = Contact::new("zed").unwrap();
    stranger.set(ContactField::Location, "Chengdu, China").unwrap();
    let refusal = d.compose(&me(), &stranger, NOW, &ComposeOptions::default()).unwrap();
    assert!(!refusal.ok && refusal.text.is_empty() && !refusal.homework.is_empty());
    let e = d.compose(&me(), &stranger, NOW, &ComposeOptions { platform: "carrier-pigeon", ..Default::default() })
        .unwrap_err();
    assert_eq!(e.status, Status::NotFound);
}

#[test]
fn compose_the_purpose_in_the_note_language() {
    let d = directory(0);
    let anna = d.find_contact("anna").unwrap();
    let purposes = [("de", "digitale Batteriepässe"), ("en", "digital battery passports")];
    let o = |locale| ComposeOptions { locale, platform: "email", purposes: &purposes, ..Default::default() };
    let de = d.compose(&me(), &anna, NOW, &o("de-AT")).unwrap();
    assert!(de.ok && de.text.contains("digitale Batteriepässe"), "{}", de.text);
    assert!(!de.warnings.iter().any(|w| w.starts_with("review")), "{:?}", de.warnings);
    let en = d.compose(&me(), &anna, NOW, &o("en")).unwrap();
    assert!(en.text.contains("digital battery passports"), "{}", en.text);
    let fr = d.compose(&me(), &anna, NOW, &o("fr")).unwrap();
    assert!(fr.ok && !fr.text.contains("battery") && !fr.text.contains("Batterie"), "{}", fr.text);
    let batch = d.compose_all(&me(), Some(&["anna"]), NOW, &o("de"), 1).unwrap();
    let single = d.compose(&me(), &anna, NOW, &o("de")).unwrap();
    assert_eq!(batch.texts().next().unwrap(), single.text);
    let twice = [("de", "x"), ("DE", "y")];
    let e = d.compose(&me(), &anna, NOW, &ComposeOptions { purposes: &twice, ..Default::default() }).unwrap_err();
    assert_eq!(e.status, Status::InvalidArgument);
    assert!(e.message.contains("purposes[1].locale"), "{}", e.message);
    let bad = [("d e", "x")];
    let e = d.compose_all(&me(), None, NOW, &ComposeOptions { purposes: &bad, ..Default::default() }, 1).unwrap_err();
    assert_eq!(e.status, Status::InvalidArgument);
}

#[test]
fn review_finds_the_blunders() {
    let d = directory(0);
    let anna = d.find_contact("anna").unwrap();
    let li = Platform::find("linkedin-connection-note").unwrap();
    let found = review("Hi {{first_name}},  I'd like to add you to my professional network on LinkedIn.", &anna, &li, "", None)
        .unwrap();
    assert_eq!(found[0].code, "placeholder_left");
    assert_eq!(found[0].severity, "error");
    assert_eq!((found[0].begin, found[0].end), (3, 17));
    assert!(found.iter().any(|f| f.code == "generic_boilerplate"));
    let clean = review("Hi Anna, I'm Sam. We both exhibit at bauma in April, shall we meet there?", &anna, &li, "", Some(&me()))
        .unwrap();
    assert!(clean.is_empty(), "{:?}", clean);
}
