//! `arbitrary::Arbitrary` for the main document types (feature `arbitrary`),
//! so a fuzzer can ask for an inventory, a rule set, a contract, a course or
//! answers instead of bytes.
//!
//! The values are built through the crate's own constructors, with sizes
//! bounded so that one input never makes a value deeper or larger than the
//! crate's [`Limits`](crate::limits::Limits) allow by default:
//!
//! - an [`Inventory`] may be invalid (that is what `validate` is for): any
//!   labels and patient text, dates from 1900 to 2100, up to 16 people and 16
//!   events whose person references may name nobody listed;
//! - a [`RuleSet`] is the standard one with its rules reordered, some left
//!   out, weights and parameters replaced by any `f64` (NaN and infinities
//!   included): `Engine::compile` must refuse what it cannot use;
//! - a [`TreatmentContract`] has any field values; a [`Course`] is one that
//!   [`Course::new`] accepted, with measurements it recorded (an input that
//!   gives none is refused as `IncorrectFormat`);
//! - answers ([`ItemAnswers`]) have any number of entries of any score, and a
//!   difficulty answer or none.

use arbitrary::{Arbitrary, Result, Unstructured};
use chrono::{Days, NaiveDate};

use crate::course::{Agreement, Cadence, Modality};
use crate::date::{EpisodeOnset, PartialDate};
use crate::goal::{GoalTarget, InstrumentId};
use crate::id::{EventId, GoalId, PersonId};
use crate::inventory::{
    Conflict, Expectations, OnsetLink, PersonStatus, SafetyScreen, ScreenAnswer, SocialContext,
};
use crate::measure::{Difficulty, Instrument, InstrumentItem, ItemAnswers, Measurement};
use crate::{
    Course, Goal, Inventory, LifeEvent, Person, ProblemArea, RuleSet, Sensitive, TreatmentContract,
};

/// The most people, events, goals, rules or entries one value gets.
const MAX_ITEMS: usize = 16;

/// A day from 1900-01-01 to about 2100.
fn day(u: &mut Unstructured<'_>) -> Result<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default();
    let offset = u.int_in_range(0u64..=73_000)?;
    Ok(first.checked_add_days(Days::new(offset)).unwrap_or(first))
}

/// A day or a month.
fn partial_date(u: &mut Unstructured<'_>) -> Result<PartialDate> {
    let d = day(u)?;
    if u.arbitrary()? {
        Ok(
            PartialDate::month(chrono::Datelike::year(&d), chrono::Datelike::month(&d))
                .unwrap_or(PartialDate::day(d)),
        )
    } else {
        Ok(PartialDate::day(d))
    }
}

/// Patient text: any string.
fn text(u: &mut Unstructured<'_>) -> Result<Sensitive<String>> {
    Ok(Sensitive::new(u.arbitrary()?))
}

/// Up to `MAX_ITEMS` values made by `f`.
fn list<T>(
    u: &mut Unstructured<'_>,
    mut f: impl FnMut(&mut Unstructured<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let n = u.int_in_range(0..=MAX_ITEMS)?;
    (0..n).map(|_| f(u)).collect()
}

/// An optional value made by `f`.
fn maybe<T>(
    u: &mut Unstructured<'_>,
    f: impl FnOnce(&mut Unstructured<'_>) -> Result<T>,
) -> Result<Option<T>> {
    if u.arbitrary()? {
        f(u).map(Some)
    } else {
        Ok(None)
    }
}

/// An id from a short alphabet, so that references sometimes match.
fn id_text(u: &mut Unstructured<'_>, stem: &str) -> Result<String> {
    Ok(format!("{stem}{}", u.int_in_range(0u8..=20)?))
}

fn person_id(u: &mut Unstructured<'_>) -> Result<PersonId> {
    PersonId::new(id_text(u, "p")?).map_err(|_| arbitrary::Error::IncorrectFormat)
}

fn onset_link(u: &mut Unstructured<'_>) -> Result<OnsetLink> {
    Ok(OnsetLink::from(u.arbitrary::<Option<bool>>()?))
}

fn person(u: &mut Unstructured<'_>) -> Result<Person> {
    let mut p = Person::new(person_id(u)?, u.arbitrary::<String>()?, u.arbitrary()?);
    p.closeness = u.arbitrary()?;
    p.contact = u.arbitrary()?;
    p.status = match u.int_in_range(0u8..=2)? {
        0 => PersonStatus::Living,
        1 => PersonStatus::Estranged,
        _ => PersonStatus::Deceased {
            date: maybe(u, partial_date)?,
        },
    };
    p.confidant = u.arbitrary()?;
    p.supportive = u.arbitrary()?;
    p.knows_about_episode = u.arbitrary()?;
    p.shared_activities = list(u, text)?;
    p.satisfactions = list(u, text)?;
    p.dissatisfactions = list(u, text)?;
    p.feelings = list(u, text)?;
    p.desired_changes = list(u, text)?;
    p.notes = maybe(u, text)?;
    p.expectations = maybe(u, |u| {
        let mut e = Expectations::new(u.arbitrary()?);
        e.patient_expects = maybe(u, text)?;
        e.other_expects = maybe(u, text)?;
        Ok(e)
    })?;
    p.conflict = maybe(u, |u| {
        let mut c = Conflict::new(u.arbitrary()?);
        c.visibility = u.arbitrary()?;
        c.course = u.arbitrary()?;
        c.began = u.arbitrary()?;
        c.topic = maybe(u, text)?;
        Ok(c)
    })?;
    p.change_around_onset = u.arbitrary()?;
    p.linked_to_onset = onset_link(u)?;
    Ok(p)
}

fn event(u: &mut Unstructured<'_>) -> Result<LifeEvent> {
    let id = EventId::new(id_text(u, "e")?).map_err(|_| arbitrary::Error::IncorrectFormat)?;
    let mut e = LifeEvent::new(id, u.arbitrary()?, maybe(u, partial_date)?);
    e.person = maybe(u, person_id)?;
    e.linked_to_onset = onset_link(u)?;
    e.grief_signs = list(u, |u| u.arbitrary())?;
    e.notes = maybe(u, text)?;
    Ok(e)
}

impl<'a> Arbitrary<'a> for Inventory {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let onset = match maybe(u, partial_date)? {
            Some(date) => EpisodeOnset::Known(date),
            None => EpisodeOnset::Unknown,
        };
        let mut inventory = Inventory::new(day(u)?, onset);
        inventory.people = list(u, person)?;
        inventory.events = list(u, event)?;
        inventory.social_context = SocialContext {
            prior_functioning: u.arbitrary()?,
            lives_alone: u.arbitrary()?,
            confidants: u.arbitrary()?,
            ..SocialContext::default()
        };
        inventory.safety = SafetyScreen::new(ScreenAnswer::from(u.arbitrary::<Option<bool>>()?));
        Ok(inventory)
    }
}

impl<'a> Arbitrary<'a> for RuleSet {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut set = RuleSet::standard();
        let mut rules = Vec::with_capacity(set.rules.len());
        for mut rule in std::mem::take(&mut set.rules) {
            match u.int_in_range(0u8..=7)? {
                0 => continue,
                1 => rule.weight = u.arbitrary()?,
                _ => {}
            }
            rules.push(rule);
        }
        // Reorder: swap pairs chosen by the input.
        for _ in 0..u.int_in_range(0..=MAX_ITEMS)? {
            if rules.is_empty() {
                break;
            }
            let a = u.choose_index(rules.len())?;
            let b = u.choose_index(rules.len())?;
            rules.swap(a, b);
        }
        set.rules = rules;
        if u.arbitrary()? {
            set.parameters.min_focus_score = u.arbitrary()?;
        }
        if u.arbitrary()? {
            set.parameters.second_focus_ratio = u.arbitrary()?;
        }
        Ok(set)
    }
}

impl<'a> Arbitrary<'a> for TreatmentContract {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(TreatmentContract {
            modality: *u.choose(&Modality::ALL)?,
            sessions: u.arbitrary()?,
            cadence: u.arbitrary::<Cadence>()?,
            starts_on: day(u)?,
            session_minutes: u.arbitrary()?,
            focus: list(u, |u| u.arbitrary::<ProblemArea>())?,
            goals: list(u, |u| {
                GoalId::new(id_text(u, "g")?).map_err(|_| arbitrary::Error::IncorrectFormat)
            })?,
            agreement: maybe(u, |u| Ok(Agreement { on: day(u)? }))?,
            practicalities: maybe(u, text)?,
            twice_weekly_sessions: u.int_in_range(0u8..=16)?,
            adolescent: None,
            focus_change: None,
        })
    }
}

fn goal_target(u: &mut Unstructured<'_>) -> Result<GoalTarget> {
    Ok(match u.int_in_range(0u8..=1)? {
        0 => GoalTarget::MeasureAtMost {
            instrument: InstrumentId::PHQ9,
            value: u.arbitrary()?,
        },
        _ => GoalTarget::Described(text(u)?),
    })
}

impl<'a> Arbitrary<'a> for Goal {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let id = GoalId::new(id_text(u, "g")?).map_err(|_| arbitrary::Error::IncorrectFormat)?;
        let goal = Goal::new(
            id,
            u.arbitrary()?,
            u.arbitrary::<String>()?,
            goal_target(u)?,
        );
        Ok(match maybe(u, day)? {
            Some(date) => goal.with_target_date(date),
            None => goal,
        })
    }
}

impl<'a> Arbitrary<'a> for Course {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let contract = TreatmentContract::arbitrary(u)?;
        #[allow(clippy::redundant_closure)] // the function item is not general over the lifetime
        let goals: Vec<Goal> = list(u, |u| Goal::arbitrary(u))?;
        let start = contract.starts_on;
        let mut course =
            Course::new(contract, goals).map_err(|_| arbitrary::Error::IncorrectFormat)?;
        for _ in 0..u.int_in_range(0..=MAX_ITEMS)? {
            let instrument: Instrument = u.arbitrary()?;
            let on = start
                .checked_add_days(Days::new(u.int_in_range(0u64..=400)?))
                .unwrap_or(start);
            if let Ok(m) = Measurement::new(instrument, on, u.arbitrary()?) {
                let _ = course.record_measurement(m);
            }
        }
        Ok(course)
    }
}

impl<'a, I: InstrumentItem> Arbitrary<'a> for ItemAnswers<I> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let by_name: bool = u.arbitrary()?;
        let mut answers = if by_name {
            let mut answers = ItemAnswers::new();
            for &item in I::ALL {
                answers.set(item, u.arbitrary()?);
            }
            answers
        } else {
            let n = u.int_in_range(0..=I::ALL.len() + 2)?;
            let scores: Vec<Option<u8>> = (0..n).map(|_| u.arbitrary()).collect::<Result<_>>()?;
            ItemAnswers::from_optional_scores(scores)
        };
        answers.set_difficulty(u.arbitrary::<Option<Difficulty>>()?);
        Ok(answers)
    }
}
