//! How evaluating, reporting and serialising grow with the size of the
//! inventory (issue 10): 1 000, 10 000 and 100 000 people or events in the
//! shapes that once took quadratic time.
//!
//! ```text
//! cargo bench --bench scale
//! cargo bench --bench scale -- spouses     # one shape
//! ```
//!
//! Shapes: `spouses` (spouses in a stalled, overt, high conflict), `bereaved`
//! (deceased parents, each with a death event linked to the onset),
//! `unlinked_deaths` (deceased parents with no death event and no recorded
//! link, beside as many relocations naming no one),
//! `separations` (ex-partners, each named by a separation linked to the
//! onset), `events` (relocations naming no one). Each is measured for
//! `evaluate`, `report` (evaluate, then render the report), `json`
//! (serialise the assessment) and `formulation` (write the formulation of a
//! course whose focus is the shape's area, from the assessment). Ten times the input should cost about ten
//! times the time.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use interpersonal::{
    Course, Engine, Formulation, Inventory, Person, ProblemArea, Report, TreatmentContract,
    date::{EpisodeOnset, PartialDate},
    id::{EventId, PersonId},
    inventory::{
        Closeness, Conflict, ConflictCourse, ConflictLevel, ConflictVisibility, EventKind,
        LifeEvent, OnsetLink, PersonStatus, RelationshipKind,
    },
};

fn base() -> Inventory {
    let onset: PartialDate = "2026-01".parse().unwrap();
    Inventory::new(
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        EpisodeOnset::Known(onset),
    )
}

fn person(i: usize, kind: RelationshipKind) -> Person {
    let mut p = Person::new(
        PersonId::new(format!("p{i}")).unwrap(),
        format!("Person {i}"),
        kind,
    );
    p.closeness = Some(Closeness::Inner);
    p
}

fn event(i: usize, kind: EventKind, person: Option<usize>) -> LifeEvent {
    let mut e = LifeEvent::new(
        EventId::new(format!("e{i}")).unwrap(),
        kind,
        Some("2025-12".parse().unwrap()),
    );
    e.linked_to_onset = OnsetLink::Linked;
    e.person = person.map(|p| PersonId::new(format!("p{p}")).unwrap());
    e
}

/// `n` parents who died in December 2025.
fn deceased_parents(n: usize) -> Vec<Person> {
    (0..n)
        .map(|i| {
            let mut p = person(i, RelationshipKind::Parent);
            p.status = PersonStatus::Deceased {
                date: Some("2025-12".parse().unwrap()),
            };
            p
        })
        .collect()
}

/// The inventory of `shape` with `n` people or events.
pub fn shape(name: &str, n: usize) -> Inventory {
    let mut inv = base();
    match name {
        "spouses" => {
            inv.people = (0..n)
                .map(|i| {
                    let mut p = person(i, RelationshipKind::Spouse);
                    p.conflict = Some(
                        Conflict::new(ConflictLevel::High)
                            .with_course(ConflictCourse::Stalled)
                            .with_visibility(ConflictVisibility::Overt),
                    );
                    p
                })
                .collect();
        }
        "bereaved" => {
            inv.people = deceased_parents(n);
            inv.events = (0..n)
                .map(|i| event(i, EventKind::Death, Some(i)))
                .collect();
        }
        "unlinked_deaths" => {
            // Deceased parents with no death event and no recorded link, and
            // as many relocations naming no one: each parent's link is asked
            // on the person, which once scanned every event per parent.
            inv.people = deceased_parents(n);
            inv.events = (0..n)
                .map(|i| event(i, EventKind::Relocation, None))
                .collect();
        }
        "separations" => {
            inv.people = (0..n)
                .map(|i| person(i, RelationshipKind::ExPartner))
                .collect();
            inv.events = (0..n)
                .map(|i| event(i, EventKind::Separation, Some(i)))
                .collect();
        }
        _ => {
            inv.events = (0..n)
                .map(|i| event(i, EventKind::Relocation, None))
                .collect();
        }
    }
    inv
}

/// A course whose agreed focus is the area `shape` is about.
fn course(shape: &str) -> Course {
    let area = match shape {
        "spouses" => ProblemArea::RoleDispute,
        "bereaved" | "unlinked_deaths" => ProblemArea::Grief,
        _ => ProblemArea::RoleTransition,
    };
    let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let contract = TreatmentContract::builder(start, [area]).build().unwrap();
    Course::new(contract, Vec::new()).unwrap()
}

const SHAPES: [&str; 5] = [
    "spouses",
    "bereaved",
    "unlinked_deaths",
    "separations",
    "events",
];
const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn scale(c: &mut Criterion) {
    let engine = Engine::standard().unwrap();
    for name in SHAPES {
        let mut group = c.benchmark_group(name);
        group.sample_size(10);
        for n in SIZES {
            let inv = shape(name, n);
            group.bench_with_input(BenchmarkId::new("evaluate", n), &inv, |b, inv| {
                b.iter(|| black_box(engine.evaluate(black_box(inv))));
            });
            group.bench_with_input(BenchmarkId::new("report", n), &inv, |b, inv| {
                b.iter(|| {
                    let a = engine.evaluate(inv);
                    black_box(Report::new(&a, inv).to_string())
                });
            });
            let a = engine.evaluate(&inv);
            group.bench_with_input(BenchmarkId::new("json", n), &a, |b, a| {
                b.iter(|| black_box(serde_json::to_string(black_box(a)).unwrap()));
            });
            let course = course(name);
            group.bench_with_input(BenchmarkId::new("formulation", n), &inv, |b, inv| {
                b.iter(|| black_box(Formulation::new(&course, &a, inv).to_string()));
            });
        }
        group.finish();
    }
}

criterion_group!(benches, scale);
criterion_main!(benches);
