//! Benchmarks of the rule engine with the default rules.
//!
//! ```text
//! cargo bench --bench engine                 # everything
//! cargo bench --bench engine -- evaluate     # one group
//! ```
//!
//! Groups: `evaluate` (3, 12 and 100 people), `compile` (the default rule
//! set), `parse_and_evaluate` (JSON text to assessment), `batch` (100,000
//! generated inventories, small sample).

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use interpersonal::{
    Engine, Inventory, LifeEvent, Person, RuleSet,
    date::{EpisodeOnset, PartialDate},
    id::{EventId, PersonId},
    inventory::{
        Closeness, Conflict, ConflictCourse, ConflictLevel, ConflictVisibility, EventKind,
        Expectations, ExpectationsMet, PersonStatus, RelationshipChange, RelationshipKind,
        RelativeToOnset,
    },
};

/// A small deterministic generator (no randomness in the crate; this is bench
/// data only).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() as usize) % items.len()]
    }
}

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
fn inventory(seed: u64, people: usize, events: usize) -> Inventory {
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

fn evaluate(c: &mut Criterion) {
    let engine = Engine::standard().unwrap();
    let mut group = c.benchmark_group("evaluate");
    for (people, events) in [(3, 2), (12, 6), (100, 20)] {
        let inv = inventory(7, people, events);
        // A valid inventory, so the benchmark measures an assessment, not a
        // refusal.
        assert_eq!(inv.validate(), Ok(()), "the benchmark inventory is valid");
        group.bench_with_input(BenchmarkId::new("people", people), &inv, |b, inv| {
            b.iter(|| engine.evaluate(black_box(inv)))
        });
    }
    group.finish();
}

fn compile(c: &mut Criterion) {
    let rules = RuleSet::standard();
    c.bench_function("compile/default", |b| {
        b.iter(|| Engine::compile(black_box(rules.clone())).unwrap())
    });
}

fn parse_and_evaluate(c: &mut Criterion) {
    let engine = Engine::standard().unwrap();
    let json = include_str!("../examples/data/quickstart.json");
    c.bench_function("parse_and_evaluate/quickstart", |b| {
        b.iter(|| {
            let inv: Inventory = interpersonal::from_json(black_box(json)).unwrap();
            engine.evaluate(&inv)
        })
    });
}

fn batch(c: &mut Criterion) {
    let engine = Engine::standard().unwrap();
    let inventories: Vec<Inventory> = (0..100_000u64)
        .map(|seed| inventory(seed, (seed % 5) as usize, (seed % 3) as usize))
        .collect();
    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.bench_function("100k", |b| {
        b.iter(|| engine.evaluate_batch(black_box(&inventories)))
    });
    group.finish();
}

criterion_group!(benches, evaluate, compile, parse_and_evaluate, batch);
criterion_main!(benches);
