//! Treatment contracts and courses.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

use super::inventory::as_of;
use crate::course::Cadence;
use crate::goal::{GoalTarget, InstrumentId};
use crate::id::GoalId;
use crate::measure::{Instrument, Measurement};
use crate::{Course, Goal, ProblemArea, TreatmentContract};

/// A contract that [`TreatmentContract::validate`] accepts: standard IPT, 12
/// to 16 sessions, weekly or fortnightly, one or two focus areas, up to three
/// goals, agreed on its first day or not yet agreed.
///
/// ```
/// use interpersonal::strategy;
/// use proptest::strategy::{Strategy, ValueTree};
///
/// let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let contract = strategy::contract().new_tree(&mut runner).unwrap().current();
/// assert!(contract.validate().is_ok());
/// ```
pub fn contract() -> impl Strategy<Value = TreatmentContract> {
    contract_and_goals().prop_map(|(contract, _)| contract)
}

/// A contract and the goals it lists.
fn contract_and_goals() -> impl Strategy<Value = (TreatmentContract, Vec<Goal>)> {
    (
        as_of(),
        subsequence(ProblemArea::ALL.to_vec(), 1..=2),
        12u8..=16,
        select(vec![Cadence::Weekly, Cadence::Fortnightly]),
        any::<bool>(),
        proptest::collection::vec(goal_target(), 0..=3),
    )
        .prop_filter_map(
            "the builder refused the contract",
            |(start, focus, sessions, cadence, agreed, targets)| {
                let goals: Vec<Goal> = targets
                    .into_iter()
                    .enumerate()
                    .filter_map(|(i, target)| {
                        let id = GoalId::new(format!("g{i}")).ok()?;
                        let area = focus.get(i % focus.len().max(1)).copied()?;
                        Some(Goal::new(id, area, format!("goal {i}"), target))
                    })
                    .collect();
                let mut builder = TreatmentContract::builder(start, focus)
                    .sessions(sessions)
                    .cadence(cadence);
                for goal in &goals {
                    builder = builder.goal(goal.id.clone());
                }
                if agreed {
                    builder = builder.agreed_on(start);
                }
                builder.build().ok().map(|contract| (contract, goals))
            },
        )
}

/// A goal's target: a symptom total at most a value, or a described target.
fn goal_target() -> impl Strategy<Value = GoalTarget> {
    prop_oneof![
        (0u16..=27).prop_map(|value| GoalTarget::MeasureAtMost {
            instrument: InstrumentId::PHQ9,
            value,
        }),
        Just(GoalTarget::Described("feel less alone".into())),
    ]
}

/// A course at its start: a [`contract`], its goals, and zero to four PHQ-9
/// or GAD-7 totals recorded a week apart from the first session. Every value
/// reads back from its own JSON.
///
/// ```
/// use interpersonal::{strategy, Course};
/// use proptest::strategy::{Strategy, ValueTree};
///
/// let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let course = strategy::course().new_tree(&mut runner).unwrap().current();
/// let json = interpersonal::to_json(&course)?;
/// assert_eq!(interpersonal::from_json::<Course>(&json)?, course);
/// # Ok::<(), interpersonal::Error>(())
/// ```
pub fn course() -> impl Strategy<Value = Course> {
    (
        contract_and_goals(),
        proptest::collection::vec((any::<bool>(), 0u8..=21), 0..=4),
    )
        .prop_filter_map(
            "the course refused its contract or a measurement",
            |((contract, goals), totals)| {
                let start: NaiveDate = contract.starts_on;
                let mut course = Course::new(contract, goals).ok()?;
                for (week, (phq9, total)) in (0u64..).zip(totals) {
                    let instrument = if phq9 {
                        Instrument::Phq9
                    } else {
                        Instrument::Gad7
                    };
                    let on = start.checked_add_days(Days::new(7 * week))?;
                    let measurement = Measurement::new(instrument, on, total).ok()?;
                    course.record_measurement(measurement).ok()?;
                }
                Some(course)
            },
        )
}
