//! Proptest strategies that generate VALID inventories ([`Inventory::validate`]
//! passes), for any test that needs realistic inventories: the JSON round trip,
//! the rule engine's properties, privacy checks.
//!
//! Use from an integration test module with:
//!
//! ```ignore
//! use crate::support::inventory_strategy::arb_inventory;
//!
//! proptest! {
//!     #[test]
//!     fn my_property(inventory in arb_inventory()) { /* ... */ }
//! }
//! ```
//!
//! The mix: 0 to 15 people of every relationship and status (living,
//! estranged, deceased with or without a death date), conflicts of every level,
//! visibility and course, expectations of every kind, and patient text of any
//! characters; 0 to 10 events of every kind (deaths weighted up, with
//! grief signs), naming a listed person or nobody, linked to the onset or not,
//! about 40% of the dated ones placed within six months before to two months
//! after a known onset; onsets known to the day, the month, or unknown; dates
//! within three years before the assessment date.

use chrono::{Datelike, Days, NaiveDate};
use interpersonal::vocabulary::Vocabulary;
use interpersonal::{
    Inventory, LifeEvent, Person, Sensitive,
    date::{EpisodeOnset, PartialDate},
    id::{EventId, PersonId},
    inventory::{
        Closeness, Conflict, ConflictCourse, ConflictLevel, ConflictVisibility, ContactFrequency,
        EventKind, Expectations, ExpectationsMet, GriefSign, PersonStatus, PriorFunctioning,
        RelationshipChange, RelationshipKind, RelativeToOnset, SocialContext,
    },
};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

/// The assessment date assumed by [`arb_person`] and [`arb_event`]: their
/// dates are on or before it, so they are valid in any inventory assessed on
/// or after it.
pub fn default_as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
}

/// How far back generated dates go, in days (about three years).
const LOOKBACK_DAYS: u64 = 3 * 365;

fn all<T: Vocabulary + Clone + std::fmt::Debug + 'static>() -> impl Strategy<Value = T> {
    select(T::iter().collect::<Vec<_>>())
}

/// An assessment date from 2024 to 2026.
pub fn arb_as_of() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    (0u64..3 * 365).prop_map(move |d| first.checked_add_days(Days::new(d)).unwrap())
}

/// A date known to the day or the month, none of whose days is after `as_of`
/// (a month may be the month of `as_of` itself).
pub fn arb_date_until(as_of: NaiveDate) -> impl Strategy<Value = PartialDate> {
    (0..=LOOKBACK_DAYS, prop::bool::weighted(0.4)).prop_map(move |(back, month_only)| {
        let day = as_of.checked_sub_days(Days::new(back)).unwrap();
        if month_only {
            PartialDate::month(day.year(), day.month()).unwrap()
        } else {
            PartialDate::day(day)
        }
    })
}

/// An onset on or before `as_of`: known to the day, to the month, or unknown.
pub fn arb_onset(as_of: NaiveDate) -> impl Strategy<Value = EpisodeOnset> {
    prop_oneof![
        1 => Just(EpisodeOnset::Unknown),
        3 => arb_date_until(as_of).prop_map(EpisodeOnset::Known),
    ]
}

/// A label: a letter, then up to 20 characters of any kind (never blank).
pub fn arb_label() -> impl Strategy<Value = String> {
    let first: Vec<char> = "ABCMSTÅÉÖabcmståéößЖ李".chars().collect();
    (select(first), vec(any::<char>(), 0..20))
        .prop_map(|(first, rest)| std::iter::once(first).chain(rest).collect())
}

/// Patient text: up to 30 characters of any kind (control characters,
/// quotes, backslashes, any plane of Unicode), possibly empty.
pub fn arb_text() -> impl Strategy<Value = Sensitive<String>> {
    vec(any::<char>(), 0..30).prop_map(|chars| Sensitive::new(chars.into_iter().collect()))
}

/// Expectations, met or not, with or without their text.
pub fn arb_expectations() -> impl Strategy<Value = Expectations> {
    (
        all::<ExpectationsMet>(),
        option::of(arb_text()),
        option::of(arb_text()),
    )
        .prop_map(|(met, patient, other)| {
            let mut e = Expectations::new(met);
            e.patient_expects = patient;
            e.other_expects = other;
            e
        })
}

/// A conflict consistent with itself: a level of `none` has no visibility,
/// course or beginning (it may have a topic).
pub fn arb_conflict() -> impl Strategy<Value = Conflict> {
    (
        all::<ConflictLevel>(),
        option::of(all::<ConflictVisibility>()),
        option::of(all::<ConflictCourse>()),
        option::of(all::<RelativeToOnset>()),
        option::of(arb_text()),
    )
        .prop_map(|(level, visibility, course, began, topic)| {
            let mut c = Conflict::new(level);
            if level != ConflictLevel::None {
                c.visibility = visibility;
                c.course = course;
                c.began = began;
            }
            c.topic = topic;
            c
        })
}

/// A person's status as of `as_of`: living, estranged, or deceased with a
/// death date on or before `as_of` or none.
pub fn arb_status(as_of: NaiveDate) -> impl Strategy<Value = PersonStatus> {
    prop_oneof![
        4 => Just(PersonStatus::Living),
        1 => Just(PersonStatus::Estranged),
        2 => option::of(arb_date_until(as_of)).prop_map(|date| PersonStatus::Deceased { date }),
    ]
}

/// A person with this id, consistent in itself, dated on or before
/// [`default_as_of`]. A deceased person may have no death date; an inventory
/// must then hold a death event naming them, as [`arb_inventory`] ensures.
pub fn arb_person(id: PersonId) -> impl Strategy<Value = Person> {
    arb_person_as_of(id, default_as_of())
}

/// As [`arb_person`], with dates on or before `as_of`.
pub fn arb_person_as_of(id: PersonId, as_of: NaiveDate) -> impl Strategy<Value = Person> {
    let identity = (
        all::<RelationshipKind>(),
        arb_label(),
        option::of(all::<Closeness>()),
        option::of(all::<ContactFrequency>()),
        arb_status(as_of),
        option::of(any::<bool>()),
        option::of(any::<bool>()),
        option::of(any::<bool>()),
    );
    let texts = (
        vec(arb_text(), 0..3),
        vec(arb_text(), 0..3),
        vec(arb_text(), 0..3),
        vec(arb_text(), 0..3),
        vec(arb_text(), 0..3),
        option::of(arb_text()),
    );
    let relationship = (
        option::of(arb_expectations()),
        option::of(arb_conflict()),
        option::of(all::<RelationshipChange>()),
    );
    (identity, texts, relationship).prop_map(move |(identity, texts, relationship)| {
        let (kind, label, closeness, contact, status, confidant, supportive, knows) = identity;
        let (shared, satisfactions, dissatisfactions, feelings, desired, notes) = texts;
        let (expectations, conflict, change) = relationship;
        let mut p = Person::new(id.clone(), label, kind);
        p.closeness = closeness;
        p.contact = contact;
        p.status = status;
        p.confidant = confidant;
        p.supportive = supportive;
        p.knows_about_episode = knows;
        p.shared_activities = shared;
        p.satisfactions = satisfactions;
        p.dissatisfactions = dissatisfactions;
        p.feelings = feelings;
        p.desired_changes = desired;
        p.notes = notes;
        p.expectations = expectations;
        p.conflict = conflict;
        p.change_around_onset = change;
        no_negotiating_with_the_dead(&mut p);
        p
    })
}

/// Renegotiation needs both parties: a deceased person's dispute is stalled.
fn no_negotiating_with_the_dead(p: &mut Person) {
    if p.status.is_deceased() {
        if let Some(c) = p.conflict.as_mut() {
            if c.course == Some(ConflictCourse::Negotiating) {
                c.course = Some(ConflictCourse::Stalled);
            }
        }
    }
}

/// An event kind, deaths weighted up to about a quarter.
pub fn arb_event_kind() -> impl Strategy<Value = EventKind> {
    prop_oneof![1 => Just(EventKind::Death), 3 => all::<EventKind>()]
}

/// A life event with this id, naming one of `person_ids` or nobody, dated on
/// or before [`default_as_of`] or undated; grief signs only on a death. A
/// death event may name a person who is not (yet) deceased; [`arb_inventory`]
/// reconciles the two.
pub fn arb_event(id: EventId, person_ids: Vec<PersonId>) -> impl Strategy<Value = LifeEvent> {
    arb_event_as_of(id, person_ids, default_as_of())
}

/// As [`arb_event`], with dates on or before `as_of`.
pub fn arb_event_as_of(
    id: EventId,
    person_ids: Vec<PersonId>,
    as_of: NaiveDate,
) -> impl Strategy<Value = LifeEvent> {
    let person = if person_ids.is_empty() {
        Just(None).boxed()
    } else {
        option::weighted(0.6, select(person_ids)).boxed()
    };
    (
        arb_event_kind(),
        option::weighted(0.85, arb_date_until(as_of)),
        person,
        option::of(any::<bool>()),
        subsequence(GriefSign::iter().collect::<Vec<_>>(), 0..=3),
        option::of(arb_text()),
    )
        .prop_map(move |(kind, date, person, linked, signs, notes)| {
            let mut e = LifeEvent::new(id.clone(), kind, date);
            e.person = person;
            e.linked_to_onset = interpersonal::inventory::OnsetLink::from(linked);
            if kind.is_death() {
                e.grief_signs = signs;
            }
            e.notes = notes;
            e
        })
}

/// A social context, any field known or not.
pub fn arb_social_context() -> impl Strategy<Value = SocialContext> {
    (
        option::of(all::<PriorFunctioning>()),
        option::of(any::<bool>()),
        option::of(0u32..8),
    )
        .prop_map(|(prior, alone, confidants)| {
            let mut c = SocialContext::default();
            c.prior_functioning = prior;
            c.lives_alone = alone;
            c.confidants = confidants;
            c
        })
}

const ID_STEMS: [&str; 8] = [
    "partner",
    "mother",
    "father",
    "sister",
    "friend",
    "boss",
    "son",
    "neighbour",
];

/// The ids [`arb_inventory`] gives its people: `partner-0`, `mother-1`, ...
pub fn person_ids(n: usize) -> Vec<PersonId> {
    (0..n)
        .map(|i| PersonId::new(format!("{}-{i}", ID_STEMS[i % ID_STEMS.len()])).unwrap())
        .collect()
}

/// The ids [`arb_inventory`] gives its events: `e0`, `e1`, ...
pub fn event_ids(n: usize) -> Vec<EventId> {
    (0..n)
        .map(|j| EventId::new(format!("e{j}")).unwrap())
        .collect()
}

/// A valid inventory: 0 to 15 people, 0 to 10 events; see the module docs for
/// the mix. `validate()` passes on every value.
pub fn arb_inventory() -> impl Strategy<Value = Inventory> {
    (arb_as_of(), 0usize..=15, 0usize..=10)
        .prop_flat_map(|(as_of, n, m)| {
            let ids = person_ids(n);
            let people: Vec<_> = ids
                .iter()
                .map(|id| arb_person_as_of(id.clone(), as_of))
                .collect();
            let events: Vec<_> = event_ids(m)
                .into_iter()
                .map(|id| arb_event_as_of(id, ids.clone(), as_of))
                .collect();
            (
                Just(as_of),
                arb_onset(as_of),
                people,
                events,
                vec(option::weighted(0.4, -180i64..=60), m),
                vec(arb_date_until(as_of), n),
                arb_social_context(),
                any::<bool>(),
            )
        })
        .prop_map(
            |(as_of, onset, people, events, near_onset, spare_dates, context, suicidal)| {
                let mut inventory = Inventory::new(as_of, onset);
                inventory.people = people;
                inventory.events = events;
                inventory.social_context = context;
                inventory.safety.suicidal_thoughts =
                    interpersonal::inventory::ScreenAnswer::from(Some(suicidal));
                place_near_onset(&mut inventory, &near_onset);
                reconcile_deaths(&mut inventory, &spare_dates);
                inventory
            },
        )
}

/// Moves dated events to `offset` days from a known onset (never after the
/// assessment date), keeping their precision.
fn place_near_onset(inventory: &mut Inventory, offsets: &[Option<i64>]) {
    let Some(onset) = inventory.onset.date() else {
        return;
    };
    let as_of = inventory.assessed_on;
    for (event, offset) in inventory.events.iter_mut().zip(offsets) {
        let (Some(date), Some(offset)) = (event.date, offset) else {
            continue;
        };
        let day = if *offset >= 0 {
            onset
                .earliest()
                .checked_add_days(Days::new(offset.unsigned_abs()))
        } else {
            onset
                .earliest()
                .checked_sub_days(Days::new(offset.unsigned_abs()))
        }
        .unwrap()
        .min(as_of);
        event.date = Some(if date.is_month_only() {
            PartialDate::month(day.year(), day.month()).unwrap()
        } else {
            PartialDate::day(day)
        });
    }
}

fn overlap(a: PartialDate, b: PartialDate) -> bool {
    a.earliest() <= b.latest() && b.earliest() <= a.latest()
}

/// Makes deaths consistent: a death event names a deceased person, at most
/// once, on a date that agrees with theirs; a deceased person without a date
/// gets one unless a death event names them.
fn reconcile_deaths(inventory: &mut Inventory, spare_dates: &[PartialDate]) {
    let mut died: Vec<PersonId> = Vec::new();
    for event in inventory.events.iter_mut().filter(|e| e.kind.is_death()) {
        let Some(id) = event.person.clone() else {
            continue;
        };
        if died.contains(&id) {
            event.person = None;
            continue;
        }
        died.push(id.clone());
        let person = inventory.people.iter_mut().find(|p| p.id == id).unwrap();
        match person.status {
            PersonStatus::Deceased { date: Some(death) } => {
                if let Some(date) = event.date {
                    if !overlap(death, date) {
                        event.date = Some(death);
                    }
                }
            }
            PersonStatus::Deceased { date: None } => {}
            _ => person.status = PersonStatus::Deceased { date: event.date },
        }
        no_negotiating_with_the_dead(person);
    }
    for (person, spare) in inventory.people.iter_mut().zip(spare_dates) {
        if person.status == (PersonStatus::Deceased { date: None }) && !died.contains(&person.id) {
            person.status = PersonStatus::Deceased { date: Some(*spare) };
        }
    }
}
