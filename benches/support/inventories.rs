//! Generated inventories for the benchmarks: deterministic, valid, most
//! fields filled and some left unknown. Included by the benches with
//! `#[path]`, so each bench builds it as its own module.
#![allow(dead_code)]

use chrono::NaiveDate;
use interpersonal::{
    Inventory, LifeEvent, Person,
    date::{EpisodeOnset, PartialDate},
    id::{EventId, PersonId},
    inventory::{
        Closeness, Conflict, ConflictCourse, ConflictLevel, ConflictVisibility, EventKind,
        Expectations, ExpectationsMet, PersonStatus, RelationshipChange, RelationshipKind,
        RelativeToOnset,
    },
};

#[path = "lcg.rs"]
mod lcg;
use lcg::Lcg;

const RELATIONSHIPS: [RelationshipKind; 8] = [
    RelationshipKind::Spouse,
    RelationshipKind::Parent,
    RelationshipKind::Child,
    RelationshipKind::Sibling,
    RelationshipKind::Friend,
    RelationshipKind::Colleague,
    RelationshipKind::Supervisor,
    RelationshipKind::ExPartner,
];

const KINDS: [EventKind; 8] = [
    EventKind::Death,
    EventKind::Divorce,
    EventKind::JobLoss,
    EventKind::Relocation,
    EventKind::BirthOfChild,
    EventKind::Retirement,
    EventKind::Promotion,
    EventKind::SeriousIllness,
];

/// An inventory with `people` people and `events` events, most fields filled,
/// some left unknown.
pub fn inventory(seed: u64, people: usize, events: usize) -> Inventory {
    let mut rng = Lcg(seed);
    let mut inv = Inventory::new(
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        EpisodeOnset::Known(PartialDate::month(2026, 1).unwrap()),
    );
    for i in 0..people {
        let mut p = Person::new(
            PersonId::new(format!("p{i}")).unwrap(),
            format!("Person {i}"),
            rng.pick(&RELATIONSHIPS),
        );
        p.closeness = Some(rng.pick(&[Closeness::Inner, Closeness::Middle, Closeness::Outer]));
        p.confidant = rng.pick(&[Some(true), Some(false), None]);
        p.expectations = rng
            .pick(&[
                Some(ExpectationsMet::Met),
                Some(ExpectationsMet::PartlyMet),
                Some(ExpectationsMet::Unmet),
                None,
            ])
            .map(Expectations::new);
        p.change_around_onset = rng.pick(&[
            Some(RelationshipChange::Unchanged),
            Some(RelationshipChange::Worse),
            Some(RelationshipChange::Better),
            Some(RelationshipChange::Lost),
            None,
        ]);
        if rng.next() % 3 == 0 {
            let mut c = Conflict::new(rng.pick(&[
                ConflictLevel::Low,
                ConflictLevel::Moderate,
                ConflictLevel::High,
            ]));
            c.visibility = rng.pick(&[
                Some(ConflictVisibility::Overt),
                Some(ConflictVisibility::Covert),
                None,
            ]);
            c.course = rng.pick(&[
                Some(ConflictCourse::Negotiating),
                Some(ConflictCourse::Stalled),
                Some(ConflictCourse::Ending),
                None,
            ]);
            c.began = rng.pick(&[
                Some(RelativeToOnset::BeforeOnset),
                Some(RelativeToOnset::AfterOnset),
                None,
            ]);
            p.conflict = Some(c);
        }
        inv.people.push(p);
    }
    for e in 0..events {
        let month = 1 + (rng.next() % 12) as u32;
        // Dated before the assessment (2026-03-02), so the inventory is valid.
        let year = rng.pick(&[2024, 2025, 2025, 2025]);
        let mut ev = LifeEvent::new(
            EventId::new(format!("e{e}")).unwrap(),
            rng.pick(&KINDS),
            Some(PartialDate::month(year, month).unwrap()),
        );
        if people > 0 {
            ev.person = Some(PersonId::new(format!("p{}", rng.next() as usize % people)).unwrap());
        }
        ev.linked_to_onset = rng.pick(&[
            interpersonal::inventory::OnsetLink::Linked,
            interpersonal::inventory::OnsetLink::NotLinked,
            interpersonal::inventory::OnsetLink::Unknown,
        ]);
        // A death is of someone who died then: the inventory stays valid.
        if ev.kind == EventKind::Death {
            if let Some(p) = ev
                .person
                .as_ref()
                .and_then(|id| inv.people.iter_mut().find(|p| &p.id == id))
            {
                p.status = PersonStatus::Deceased { date: ev.date };
            } else {
                ev.kind = EventKind::Relocation;
            }
        }
        inv.events.push(ev);
    }
    inv
}

/// The bundled JSON inventories: `examples/data/*.json` and
/// `tests/cases/*.json`, as (file name, text).
pub fn bundled() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["examples/data", "tests/cases"] {
        let mut names: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        names.sort();
        for path in names {
            let text = std::fs::read_to_string(&path).unwrap();
            files.push((
                path.file_name().unwrap().to_string_lossy().into_owned(),
                text,
            ));
        }
    }
    files
}
