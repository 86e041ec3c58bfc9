//! Valid inventories, adapted from the crate's own test strategies.
//!
//! The mix: 0 to 15 people of every relationship and status (living,
//! estranged, deceased with or without a death date), conflicts of every level,
//! visibility and course, expectations of every kind, and patient text of any
//! characters; 0 to 10 events of every kind (deaths weighted up, with grief
//! signs), naming a listed person or nobody, linked to the onset or not, about
//! 40% of the dated ones placed within six months before to two months after a
//! known onset; onsets known to the day, the month, or unknown; dates within
//! three years before the assessment date.

use chrono::{Datelike, Days, NaiveDate};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

use crate::vocabulary::Vocabulary;
use crate::{
    Inventory, LifeEvent, Person, Sensitive,
    date::{EpisodeOnset, PartialDate},
    id::{EventId, PersonId},
    inventory::{
        Closeness, Conflict, ConflictCourse, ConflictLevel, ConflictVisibility, ContactFrequency,
        EventKind, Expectations, ExpectationsMet, GriefSign, OnsetLink, PersonStatus,
        PriorFunctioning, RelationshipChange, RelationshipKind, RelativeToOnset, ScreenAnswer,
        SocialContext,
    },
};

/// The assessment date assumed by [`person`] and [`event`], 2025-12-31: their
/// dates are on or before it, so they are valid in any inventory assessed on
/// or after it.
fn default_as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default()
}

/// How far back generated dates go, in days (about three years).
const LOOKBACK_DAYS: u64 = 3 * 365;

fn all<T: Vocabulary + Clone + std::fmt::Debug + 'static>() -> impl Strategy<Value = T> {
    select(T::ALL.to_vec())
}

/// An assessment date from 2024 to 2026.
///
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let day = interpersonal::strategy::as_of().new_tree(&mut runner).unwrap().current();
/// assert!((2024..=2026).contains(&chrono::Datelike::year(&day)));
/// ```
pub fn as_of() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    (0u64..3 * 365).prop_map(move |d| first.checked_add_days(Days::new(d)).unwrap_or(first))
}

/// A date known to the day or the month, none of whose days is after `as_of`
/// (a month may be the month of `as_of` itself).
///
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// let as_of = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let date = interpersonal::strategy::date_until(as_of).new_tree(&mut runner).unwrap().current();
/// assert!(date.earliest() <= as_of);
/// ```
pub fn date_until(as_of: NaiveDate) -> impl Strategy<Value = PartialDate> {
    (0..=LOOKBACK_DAYS, prop::bool::weighted(0.4)).prop_map(move |(back, month_only)| {
        let day = as_of.checked_sub_days(Days::new(back)).unwrap_or(as_of);
        if month_only {
            PartialDate::month(day.year(), day.month()).unwrap_or(PartialDate::day(day))
        } else {
            PartialDate::day(day)
        }
    })
}

/// An onset on or before `as_of`: known to the day, to the month, or unknown.
pub fn onset(as_of: NaiveDate) -> impl Strategy<Value = EpisodeOnset> {
    prop_oneof![
        1 => Just(EpisodeOnset::Unknown),
        3 => date_until(as_of).prop_map(EpisodeOnset::Known),
    ]
}

/// Whether a character can change the layout of printed text, which a label
/// may not hold: a control character, a line or paragraph separator, a bidi
/// formatting character.
fn is_layout_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{061C}' | '\u{200E}' | '\u{200F}'
        )
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// A label: a letter, then up to 20 characters of any kind but those that
/// change the layout of printed text (never blank).
pub fn label() -> impl Strategy<Value = String> {
    let first: Vec<char> = "ABCMSTÅÉÖabcmståéößЖ李".chars().collect();
    let rest = any::<char>().prop_map(|c| if is_layout_control(c) { '~' } else { c });
    (select(first), vec(rest, 0..20))
        .prop_map(|(first, rest)| std::iter::once(first).chain(rest).collect())
}

/// Patient text: up to 30 characters of any kind (control characters,
/// quotes, backslashes, any plane of Unicode), possibly empty.
pub fn text() -> impl Strategy<Value = Sensitive<String>> {
    vec(any::<char>(), 0..30).prop_map(|chars| Sensitive::new(chars.into_iter().collect()))
}

/// Expectations, met or not, with or without their text.
pub fn expectations() -> impl Strategy<Value = Expectations> {
    (
        all::<ExpectationsMet>(),
        option::of(text()),
        option::of(text()),
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
pub fn conflict() -> impl Strategy<Value = Conflict> {
    (
        all::<ConflictLevel>(),
        option::of(all::<ConflictVisibility>()),
        option::of(all::<ConflictCourse>()),
        option::of(all::<RelativeToOnset>()),
        option::of(text()),
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
pub fn status(as_of: NaiveDate) -> impl Strategy<Value = PersonStatus> {
    prop_oneof![
        4 => Just(PersonStatus::Living),
        1 => Just(PersonStatus::Estranged),
        2 => option::of(date_until(as_of)).prop_map(|date| PersonStatus::Deceased { date }),
    ]
}

/// A person with this id, consistent in itself, dated on or before
/// 2025-12-31. A deceased person may have no death date; an inventory
/// must then hold a death event naming them, as [`inventory`] ensures.
pub fn person(id: PersonId) -> impl Strategy<Value = Person> {
    person_as_of(id, default_as_of())
}

/// As [`person`], with dates on or before `as_of`.
pub fn person_as_of(id: PersonId, as_of: NaiveDate) -> impl Strategy<Value = Person> {
    let identity = (
        all::<RelationshipKind>(),
        label(),
        option::of(all::<Closeness>()),
        option::of(all::<ContactFrequency>()),
        status(as_of),
        option::of(any::<bool>()),
        option::of(any::<bool>()),
        option::of(any::<bool>()),
    );
    let texts = (
        vec(text(), 0..3),
        vec(text(), 0..3),
        vec(text(), 0..3),
        vec(text(), 0..3),
        vec(text(), 0..3),
        option::of(text()),
    );
    let relationship = (
        option::of(expectations()),
        option::of(conflict()),
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
pub fn event_kind() -> impl Strategy<Value = EventKind> {
    prop_oneof![1 => Just(EventKind::Death), 3 => all::<EventKind>()]
}

/// A life event with this id, naming one of `person_ids` or nobody, dated on
/// or before 2025-12-31 or undated; grief signs only on a death. A
/// death event may name a person who is not (yet) deceased; [`inventory`]
/// reconciles the two.
pub fn event(id: EventId, person_ids: Vec<PersonId>) -> impl Strategy<Value = LifeEvent> {
    event_as_of(id, person_ids, default_as_of())
}

/// As [`event`], with dates on or before `as_of`.
pub fn event_as_of(
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
        event_kind(),
        option::weighted(0.85, date_until(as_of)),
        person,
        option::of(any::<bool>()),
        subsequence(GriefSign::ALL.to_vec(), 0..=3),
        option::of(text()),
    )
        .prop_map(move |(kind, date, person, linked, signs, notes)| {
            let mut e = LifeEvent::new(id.clone(), kind, date);
            e.person = person;
            e.linked_to_onset = OnsetLink::from(linked);
            if kind.is_death() {
                e.grief_signs = signs;
            }
            e.notes = notes;
            e
        })
}

/// A social context, any field known or not.
pub fn social_context() -> impl Strategy<Value = SocialContext> {
    (
        option::of(all::<PriorFunctioning>()),
        option::of(any::<bool>()),
        option::of(0u32..8),
    )
        .prop_map(|(prior, alone, confidants)| SocialContext {
            prior_functioning: prior,
            lives_alone: alone,
            confidants,
            ..SocialContext::default()
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

/// The ids [`inventory`] gives its people: `partner-0`, `mother-1`, ...
///
/// ```
/// let ids = interpersonal::strategy::person_ids(2);
/// assert_eq!(ids[1].as_str(), "mother-1");
/// ```
pub fn person_ids(n: usize) -> Vec<PersonId> {
    (0..n)
        .filter_map(|i| {
            let stem = ID_STEMS
                .get(i % ID_STEMS.len())
                .copied()
                .unwrap_or("person");
            PersonId::new(format!("{stem}-{i}")).ok()
        })
        .collect()
}

/// The ids [`inventory`] gives its events: `e0`, `e1`, ...
///
/// ```
/// assert_eq!(interpersonal::strategy::event_ids(3)[2].as_str(), "e2");
/// ```
pub fn event_ids(n: usize) -> Vec<EventId> {
    (0..n)
        .filter_map(|j| EventId::new(format!("e{j}")).ok())
        .collect()
}

/// A valid inventory: 0 to 15 people, 0 to 10 events; see the module docs for
/// the mix. `validate()` passes on every value.
pub fn inventory() -> impl Strategy<Value = Inventory> {
    (as_of(), 0usize..=15, 0usize..=10)
        .prop_flat_map(|(as_of, n, m)| {
            let ids = person_ids(n);
            let people: Vec<_> = ids
                .iter()
                .map(|id| person_as_of(id.clone(), as_of))
                .collect();
            let events: Vec<_> = event_ids(m)
                .into_iter()
                .map(|id| event_as_of(id, ids.clone(), as_of))
                .collect();
            (
                Just(as_of),
                onset(as_of),
                people,
                events,
                vec(option::weighted(0.4, -180i64..=60), m),
                vec(date_until(as_of), n),
                social_context(),
                any::<bool>(),
            )
        })
        .prop_map(
            |(as_of, onset, people, events, near_onset, spare_dates, context, suicidal)| {
                let mut inventory = Inventory::new(as_of, onset);
                inventory.people = people;
                inventory.events = events;
                inventory.social_context = context;
                inventory.safety.suicidal_thoughts = ScreenAnswer::from(Some(suicidal));
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
        .unwrap_or(as_of)
        .min(as_of);
        event.date = Some(if date.is_month_only() {
            PartialDate::month(day.year(), day.month()).unwrap_or(PartialDate::day(day))
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
        let Some(person) = inventory.people.iter_mut().find(|p| p.id == id) else {
            continue;
        };
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
