// compose_all and the importers of the safe wrapper, against the built librapport_c.
use rapport::*;
use std::sync::Arc;
use std::thread;

const NOW: i64 = 1772366400; // 2026-03-01 12:00 UTC: bauma 2026 is 37 days away

fn me() -> Contact {
    let mut c = Contact::new("me").unwrap();
    c.set(ContactField::Given, "Sam").unwrap()
        .set(ContactField::Location, "Munich, Germany").unwrap()
        .add_event("bauma-2026", Role::Exhibitor).unwrap()
        .add(ContactList::Topics, "Construction robotics").unwrap();
    c
}

fn directory(extra: usize) -> Directory {
    let mut b = DirectoryBuilder::new().unwrap();
    let mut fair = Event::new("bauma-2026").unwrap();
    fair.set(EventField::Name, "bauma").unwrap()
        .set(EventField::TimeZone, "Europe/Berlin").unwrap()
        .set_days((2026, 4, 7), (2026, 4, 13)).unwrap();
    b.add_event(&fair).unwrap();
    let mut anna = Contact::new("anna").unwrap();
    anna.set(ContactField::Given, "Anna").unwrap()
        .set(ContactField::Location, "München, Bayern, Deutschland").unwrap()
        .add_event("bauma-2026", Role::Exhibitor).unwrap();
    b.add_contact(&anna).unwrap();
    let mut dora = Contact::new("dora").unwrap();
    dora.set(ContactField::Given, "Dora").unwrap();
    b.add_contact(&dora).unwrap();
    for i in 0..extra {
        let mut c = Contact::new(&format!("p{:05}", i)).unwrap();
        c.set(ContactField::Given, "Pat").unwrap()
            .set(ContactField::Location, "Munich, Germany").unwrap()
            .add_event("bauma-2026", Role::Attendee).unwrap();
        b.add_contact(&c).unwrap();
    }
    b.build().unwrap()
}

#[test]
fn compose_all_every_contact() {
    let dir = directory(30);
    let batch = dir.compose_all(&me(), None, NOW, &ComposeOptions::default(), 1).unwrap();
    assert_eq!(batch.len(), dir.len().unwrap());
    let ids: Vec<&str> = batch.recipient_ids().collect();
    assert_eq!(ids, dir.contact_ids().unwrap());
    assert_eq!(batch.texts().count(), batch.len());
    assert_eq!(batch.statuses().len(), batch.len());
    let anna = ids.iter().position(|i| *i == "anna").unwrap();
    assert_eq!(batch.status(anna), None);
    let single = dir.compose(&me(), &dir.find_contact("anna").unwrap(), NOW, &ComposeOptions::default()).unwrap();
    assert_eq!(batch.text(anna), single.text);
    let note = batch.note(anna).unwrap();
    assert!(note.ok && note.text == single.text && !note.contexts.is_empty());
    let dora = ids.iter().position(|i| *i == "dora").unwrap();
    assert_eq!(batch.status(dora), Some(Status::NoContext));
    assert_eq!(batch.text(dora), "");
    assert!(!batch.note(dora).unwrap().homework.is_empty());
    assert!(!batch.message(dora).unwrap().is_empty());
    let w = batch.warnings().unwrap();
    assert!(w.iter().any(|w| w.code == "near_duplicates" && w.count > 5));
}

#[test]
fn compose_all_ids_and_failed_items() {
    let dir = directory(0);
    let o = ComposeOptions { locale: "en", ..Default::default() };
    let batch = dir.compose_all(&me(), Some(&["anna", "nobody"]), NOW, &o, 0).unwrap();
    assert_eq!(batch.recipient_ids().collect::<Vec<_>>(), vec!["anna", "nobody"]);
    assert!(batch.text(0).starts_with("Hi Anna"));
    assert_eq!(batch.status(1), Some(Status::NotFound));
    let e = batch.note(1).unwrap_err();
    assert_eq!(e.status, Status::NotFound);
    assert!(e.message.contains("nobody"));
    assert!(dir.compose_all(&me(), Some(&[]), NOW, &o, 0).unwrap().is_empty());
    let bad = ComposeOptions { platform: "carrier-pigeon", ..Default::default() };
    assert_eq!(dir.compose_all(&me(), None, NOW, &bad, 0).unwrap_err().status, Status::NotFound);
}

#[test]
fn compose_all_from_threads() {
    let dir = Arc::new(directory(40));
    let expected: Vec<String> = dir.compose_all(&me(), None, NOW, &ComposeOptions::default(), 1).unwrap()
        .texts().map(String::from).collect();
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let dir = Arc::clone(&dir);
            thread::spawn(move || {
                let b = dir.compose_all(&me(), None, NOW, &ComposeOptions::default(), 2).unwrap();
                b.texts().map(String::from).collect::<Vec<_>>()
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), expected);
    }
}

const LINKEDIN: &[u8] = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
Anna,Schmidt,https://www.linkedin.com/in/anna-schmidt-4711,,Siemens AG,Head of Procurement,07 Feb 2023\n\
,,,,,,\n\
Bo,Berg,,bo@example.org,ACME,CTO,someday\n";

#[test]
fn import_reports_counts_and_problems() {
    let mut b = DirectoryBuilder::new().unwrap();
    let o = ImportOptions { file_name: "Connections.csv", ..Default::default() };
    let r = b.import_bytes(LINKEDIN, ImportFormat::LinkedinCsv, &o).unwrap();
    assert_eq!((r.imported, r.skipped, r.repaired, r.problems_not_kept), (2, 1, 1, 0));
    assert!(!r.is_clean());
    assert_eq!(r.problems[0].action, "skipped");
    assert_eq!((r.problems[0].line, r.problems[0].record), (3, Some(1)));
    assert!(r.problems[0].display.starts_with("Connections.csv:3"));
    assert_eq!(r.problems[1].field, "Connected On");

    let mapping = [("Name", CsvField::FullName), ("Mail", CsvField::Email)];
    let o = ImportOptions { mapping: &mapping, delimiter: b';', ..Default::default() };
    let r = b.import_bytes(b"Name;Mail\nEve Adams;eve@example.org\n", ImportFormat::Csv, &o).unwrap();
    assert_eq!(r.imported, 1);
    assert!(r.is_clean());

    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/import/");
    let r = b.import_file(&format!("{}v40.vcf", fixtures), ImportFormat::Vcard, &Default::default()).unwrap();
    assert!(r.imported >= 1);
    let r = b.import_file(&format!("{}events.ics", fixtures), ImportFormat::Icalendar, &Default::default()).unwrap();
    assert!(r.imported >= 1);
    let json = br#"{"format": "rapport", "version": 1, "contacts": [{"id": "x1"}, {"id": 7}]}"#;
    let r = b.import_bytes(json, ImportFormat::Json, &Default::default()).unwrap();
    assert_eq!((r.imported, r.skipped), (1, 1));
    let dir = b.build().unwrap();
    let ids = dir.contact_ids().unwrap();
    assert!(ids.contains(&"linkedin:anna-schmidt-4711".to_string()) && ids.contains(&"x1".to_string()));
}

#[test]
fn import_errors() {
    let mut b = DirectoryBuilder::new().unwrap();
    let strict = ImportOptions { strict: true, ..Default::default() };
    assert!(b.import_bytes(LINKEDIN, ImportFormat::LinkedinCsv, &strict).is_err());
    let small = ImportOptions { limits: ImportLimits { max_records: 1, ..Default::default() }, ..Default::default() };
    assert_eq!(b.import_bytes(LINKEDIN, ImportFormat::LinkedinCsv, &small).unwrap_err().status, Status::Limit);
    let missing = [("Surname", CsvField::FamilyName)];
    let o = ImportOptions { mapping: &missing, ..Default::default() };
    assert_eq!(b.import_bytes(b"Name\nEve\n", ImportFormat::Csv, &o).unwrap_err().status, Status::InvalidArgument);
    let e = b.import_file("/nonexistent/Connections.csv", ImportFormat::LinkedinCsv, &Default::default()).unwrap_err();
    assert_eq!(e.status, Status::NotFound);
    assert_eq!(b.import_bytes(b"", ImportFormat::Json, &Default::default()).unwrap_err().status, Status::Parse);
    assert_eq!(ImportLimits::default().max_depth, 32);
}
