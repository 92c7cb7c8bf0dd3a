//! Composing a note from Rust through the C ABI. Run by ctest:
//! `cargo run --offline --example compose` (RAPPORT_LIB_DIR: see docs/rust.md).
use rapport::*;

fn main() -> Result<()> {
    let mut b = DirectoryBuilder::new()?;
    let mut fair = Event::new("hm-2026")?;
    fair.set(EventField::Name, "Hannover Messe")?
        .set(EventField::TimeZone, "Europe/Berlin")?
        .set_days((2026, 4, 20), (2026, 4, 24))?;
    b.add_event(&fair)?;
    let mut anna = Contact::new("anna")?;
    anna.set(ContactField::Given, "Anna")?
        .set(ContactField::Family, "Schmidt")?
        .set(ContactField::Locale, "de")?
        .add_event("hm-2026", Role::Exhibitor)?;
    b.add_contact(&anna)?;
    let dir = b.build()?;

    let mut me = Contact::new("me")?;
    me.set(ContactField::Given, "Jonas")?.add_event("hm-2026", Role::Exhibitor)?;
    let now = 1772323200; // 2026-03-01 00:00 UTC
    let note = dir.compose(&me, &dir.find_contact("anna")?, now, &ComposeOptions::default())?;
    if note.ok {
        println!("{}\n{}, {}/{}", note.text, note.slot, note.length, note.limit);
    } else {
        for (_, message) in &note.homework {
            println!("homework: {}", message);
        }
    }
    Ok(())
}
