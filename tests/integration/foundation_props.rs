//! Properties of the typed IPT vocabulary: serde round trips for every public
//! type, and the invariants of goals and phases under arbitrary input.

// Tests may unwrap and panic (the library may not).
use interpersonal::vocabulary::Vocabulary;
use std::borrow::Cow;
use std::fmt::Debug;

use chrono::{Days, NaiveDate};
use interpersonal::bibliography::{self, Citation};
use interpersonal::{catalogue::*, goal::*, id::*, sensitive::*, source::*};
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

// ---------------------------------------------------------------------------
// Strategies

fn any_of<E: Vocabulary + Clone + Debug + 'static>() -> impl Strategy<Value = E> {
    prop::sample::select(E::iter().collect::<Vec<_>>())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0u64..40_000).prop_map(|d| {
        NaiveDate::from_ymd_opt(1990, 1, 1)
            .unwrap()
            .checked_add_days(Days::new(d))
            .unwrap()
    })
}

fn text() -> impl Strategy<Value = String> {
    "\\PC{0,24}"
}

fn sensitive() -> impl Strategy<Value = Sensitive<String>> {
    text().prop_map(Sensitive::new)
}

fn citation() -> impl Strategy<Value = Citation> {
    (
        prop::sample::select(bibliography::all()),
        text(),
        any_of::<Basis>(),
    )
        .prop_map(|(work, locator, basis)| {
            let mut cite = Citation::new(work.key, "", basis);
            cite = cite.with_locator(locator);
            cite
        })
}

fn source() -> impl Strategy<Value = Source> {
    prop::collection::vec(citation(), 1..4).prop_map(Source::from_cites)
}

fn catalogue_entry() -> impl Strategy<Value = CatalogueEntry> {
    (text(), source()).prop_map(|(text, source)| CatalogueEntry {
        text: Cow::Owned(text),
        source,
    })
}

fn instrument() -> impl Strategy<Value = InstrumentId> {
    prop_oneof![
        Just(InstrumentId::PHQ9),
        Just(InstrumentId::GAD7),
        Just(InstrumentId::HAMD17),
        "[a-z0-9_.-]{1,32}".prop_map(|s| InstrumentId::new(s).unwrap()),
    ]
}

fn rating() -> impl Strategy<Value = GoalRating> {
    (0u8..=10).prop_map(|v| GoalRating::new(v).unwrap())
}

fn target() -> impl Strategy<Value = GoalTarget> {
    prop_oneof![
        (instrument(), any::<u16>())
            .prop_map(|(instrument, value)| GoalTarget::MeasureAtMost { instrument, value }),
        (any::<u16>(), sensitive())
            .prop_map(|(at_least, of)| GoalTarget::CountPerWeek { at_least, of }),
        (sensitive(), rating()).prop_map(|(of, value)| GoalTarget::RatingAtLeast { of, value }),
        (sensitive(), rating()).prop_map(|(of, value)| GoalTarget::RatingAtMost { of, value }),
        sensitive().prop_map(GoalTarget::Described),
    ]
}

fn goal_id() -> impl Strategy<Value = GoalId> {
    "[A-Za-z0-9_.-]{1,64}".prop_map(|s| GoalId::new(s).unwrap())
}

fn progress_entry() -> impl Strategy<Value = ProgressEntry> {
    (date(), prop::option::of(0u16..40), prop::option::of(text())).prop_map(|(d, v, n)| {
        let mut e = ProgressEntry::new(d);
        if let Some(v) = v {
            e = e.with_value(v);
        }
        if let Some(n) = n {
            e = e.with_note(n);
        }
        e
    })
}

#[derive(Debug, Clone)]
enum Op {
    Status(GoalStatus, NaiveDate),
    Progress(ProgressEntry),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any_of::<GoalStatus>(), date()).prop_map(|(s, d)| Op::Status(s, d)),
        progress_entry().prop_map(Op::Progress),
    ]
}

/// A goal built through the public API from arbitrary operations, refused
/// ones included.
fn goal() -> impl Strategy<Value = Goal> {
    (
        goal_id(),
        any_of::<ProblemArea>(),
        text(),
        target(),
        prop::option::of(date()),
        prop::collection::vec(op(), 0..16),
    )
        .prop_map(|(id, area, statement, target, target_date, ops)| {
            let mut goal = Goal::new(id, area, statement, target);
            if let Some(d) = target_date {
                goal = goal.with_target_date(d);
            }
            for op in ops {
                match op {
                    Op::Status(s, d) => {
                        let _ = goal.set_status(s, d);
                    }
                    Op::Progress(e) => {
                        let _ = goal.record_progress(e);
                    }
                }
            }
            goal
        })
}

fn session_position() -> impl Strategy<Value = SessionPosition> {
    prop_oneof![
        any::<u8>().prop_map(SessionPosition::FromFirst),
        any::<u8>().prop_map(SessionPosition::FromLast),
    ]
}

fn phase_transition_error() -> impl Strategy<Value = PhaseTransitionError> {
    prop_oneof![
        (
            any_of::<Phase>(),
            any_of::<Phase>(),
            prop::collection::vec(any_of::<PhaseTask>(), 0..6)
        )
            .prop_map(|(from, to, open)| PhaseTransitionError::TasksOpen {
                from,
                to,
                open
            }),
        (any_of::<Phase>(), any_of::<Phase>())
            .prop_map(|(from, to)| PhaseTransitionError::OptionalNextPhase { from, to }),
        any_of::<Phase>().prop_map(|from| PhaseTransitionError::NoNextPhase { from }),
    ]
}

fn goal_status_error() -> impl Strategy<Value = GoalStatusError> {
    prop_oneof![
        (goal_id(), any_of::<GoalStatus>(), any_of::<GoalStatus>())
            .prop_map(|(goal, from, to)| GoalStatusError::NotAllowed { goal, from, to }),
        (goal_id(), date(), date()).prop_map(|(goal, on, previous)| {
            GoalStatusError::DatedBeforePrevious { goal, on, previous }
        }),
    ]
}

fn goal_progress_error() -> impl Strategy<Value = GoalProgressError> {
    prop_oneof![
        (goal_id(), date(), date()).prop_map(|(goal, date, previous)| {
            GoalProgressError::DatedBeforePrevious {
                goal,
                date,
                previous,
            }
        }),
        (goal_id(), any::<u16>())
            .prop_map(|(goal, value)| GoalProgressError::RatingOutOfRange { goal, value }),
    ]
}

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) {
    let json = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
    assert_eq!(&back, value, "{json}");
}

// ---------------------------------------------------------------------------
// Round trips

proptest! {
    #[test]
    fn enums_round_trip(
        area in any_of::<ProblemArea>(),
        stage in any_of::<DisputeStage>(),
        grief in any_of::<GriefKind>(),
        transition in any_of::<TransitionKind>(),
        phase in any_of::<Phase>(),
        classic in any_of::<ClassicPhase>(),
        task in any_of::<PhaseTask>(),
        technique in any_of::<Technique>(),
        intervention in any_of::<Intervention>(),
        status in any_of::<InterventionStatus>(),
        goal_status in any_of::<GoalStatus>(),
    ) {
        round_trip(&area);
        round_trip(&stage);
        round_trip(&grief);
        round_trip(&transition);
        round_trip(&phase);
        round_trip(&classic);
        round_trip(&task);
        round_trip(&technique);
        round_trip(&intervention);
        round_trip(&status);
        round_trip(&goal_status);
    }

    #[test]
    fn catalogue_entries_round_trip(entry in catalogue_entry()) {
        round_trip(&entry);
    }

    #[test]
    fn session_positions_and_ranges_round_trip(first in session_position(), last in session_position()) {
        round_trip(&first);
        round_trip(&SessionRange { first, last });
    }

    #[test]
    fn phase_errors_round_trip(err in phase_transition_error()) {
        round_trip(&err);
    }

    #[test]
    fn goal_parts_round_trip(
        instrument in instrument(),
        rating in rating(),
        target in target(),
        entry in progress_entry(),
        from in any_of::<GoalStatus>(),
        to in any_of::<GoalStatus>(),
        on in date(),
    ) {
        round_trip(&instrument);
        round_trip(&rating);
        round_trip(&target);
        round_trip(&entry);
        let change: GoalStatusChange = serde_json::from_value(
            serde_json::json!({"from": from, "to": to, "on": on}),
        ).unwrap();
        round_trip(&change);
    }

    #[test]
    fn goal_errors_round_trip(
        status in goal_status_error(),
        progress in goal_progress_error(),
        bad in 11u8..,
    ) {
        round_trip(&status);
        round_trip(&progress);
        round_trip(&GoalRating::new(bad).unwrap_err());
        round_trip(&InstrumentId::new("").unwrap_err());
    }

    /// Every goal the API can produce reads back from its JSON unchanged.
    #[test]
    fn goals_round_trip(goal in goal()) {
        round_trip(&goal);
    }

    #[test]
    fn goal_templates_round_trip(i in 0usize..10) {
        let template = GoalTemplate::all().nth(i).unwrap();
        round_trip(template);
    }
}

// ---------------------------------------------------------------------------
// Invariants

fn is_known_form(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 32
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_-.".contains(&b))
}

proptest! {
    /// Whatever is tried, a goal's progress stays in date order and its
    /// history follows the status graph, continuously and forward in time.
    #[test]
    fn goal_invariants_hold(goal in goal()) {
        let dates: Vec<_> = goal.progress().iter().map(|e| e.date).collect();
        prop_assert!(dates.windows(2).all(|w| w[0] <= w[1]));
        let changes = goal.status_changes();
        let mut status = GoalStatus::Proposed;
        let mut last_on = None;
        for c in changes {
            prop_assert_eq!(c.from, status);
            prop_assert!(c.from.can_change_to(c.to));
            if let Some(prev) = last_on {
                prop_assert!(c.on >= prev);
            }
            status = c.to;
            last_on = Some(c.on);
        }
        prop_assert_eq!(goal.status(), status);
        if goal.target.is_rating() {
            prop_assert!(goal.progress().iter().filter_map(|e| e.value).all(|v| v <= 10));
        }
    }

    /// A progress entry is refused exactly when it goes back in time or is an
    /// out-of-range rating, and a refusal leaves the goal unchanged.
    #[test]
    fn record_progress_refuses_exactly_the_bad_entries(goal in goal(), entry in progress_entry()) {
        let mut after = goal.clone();
        let result = after.record_progress(entry.clone());
        let back_in_time = goal.progress().last().is_some_and(|l| entry.date < l.date);
        let bad_rating = goal.target.is_rating() && entry.value.is_some_and(|v| v > 10);
        prop_assert_eq!(result.is_err(), back_in_time || bad_rating);
        match result {
            Ok(()) => prop_assert_eq!(after.progress().last(), Some(&entry)),
            Err(_) => prop_assert_eq!(after, goal),
        }
    }

    /// A status change is refused exactly when the step is not in the graph or
    /// goes back in time.
    #[test]
    fn set_status_refuses_exactly_the_bad_changes(goal in goal(), to in any_of::<GoalStatus>(), on in date()) {
        let mut after = goal.clone();
        let result = after.set_status(to, on);
        let not_allowed = !goal.status().can_change_to(to);
        let back_in_time = goal.status_changes().last().is_some_and(|c| on < c.on);
        prop_assert_eq!(result.is_err(), not_allowed || back_in_time);
        if result.is_err() {
            prop_assert_eq!(after, goal);
        } else {
            prop_assert_eq!(after.status(), to);
        }
    }

    /// Patient text put into every sensitive field never shows in Debug output.
    #[test]
    fn sentinel_hidden_in_debug(goal in goal(), pre in text(), post in text()) {
        let sentinel = format!("{pre}SENTINEL-91c2{post}");
        let mut goal = goal;
        goal.statement = Sensitive::new(sentinel.clone());
        goal.target = match goal.target {
            GoalTarget::CountPerWeek { at_least, .. } => GoalTarget::CountPerWeek { at_least, of: sentinel.clone().into() },
            GoalTarget::RatingAtLeast { value, .. } => GoalTarget::RatingAtLeast { of: sentinel.clone().into(), value },
            GoalTarget::RatingAtMost { value, .. } => GoalTarget::RatingAtMost { of: sentinel.clone().into(), value },
            GoalTarget::Described(_) => GoalTarget::Described(sentinel.clone().into()),
            other => other,
        };
        let date = goal.progress().last().map_or(NaiveDate::MIN, |e| e.date);
        goal.record_progress(ProgressEntry::new(date).with_note(sentinel.clone())).unwrap();
        let shown = format!("{goal:?}{goal:#?}");
        prop_assert!(!shown.contains("SENTINEL-91c2"));
    }

    #[test]
    fn goal_rating_accepts_exactly_0_to_10(v in any::<u16>()) {
        prop_assert_eq!(GoalRating::try_from(v).is_ok(), v <= 10);
        prop_assert_eq!(serde_json::from_str::<GoalRating>(&v.to_string()).is_ok(), v <= 10);
    }

    #[test]
    fn instrument_id_form(s in "\\PC{0,40}") {
        prop_assert_eq!(InstrumentId::new(s.clone()).is_ok(), is_known_form(&s));
        prop_assert_eq!(serde_json::from_value::<InstrumentId>(s.clone().into()).is_ok(), is_known_form(&s));
    }

    /// Leaving an acute phase succeeds exactly when its required tasks are done.
    #[test]
    fn advance_needs_exactly_the_required_tasks(
        phase in any_of::<Phase>(),
        done in prop::collection::vec(any_of::<PhaseTask>(), 0..30),
    ) {
        let result = phase.advance(&done);
        let required_done = phase.tasks().iter().filter(|t| t.is_required()).all(|t| done.contains(t));
        match phase {
            Phase::ConsolidationTermination | Phase::Maintenance => prop_assert!(result.is_err()),
            _ => {
                prop_assert_eq!(result.is_ok(), required_done);
                if let Ok(next) = result {
                    prop_assert_eq!(Some(next), phase.next());
                }
                prop_assert_eq!(phase.open_tasks(&done).is_empty(), required_done);
            }
        }
    }

    /// Resolved session ranges lie inside the course and are never empty.
    #[test]
    fn session_ranges_lie_inside_the_course(phase in any_of::<Phase>(), total in any::<u8>()) {
        if let Some(r) = phase.sessions_for(total) {
            prop_assert!(*r.start() >= 1);
            prop_assert!(r.start() <= r.end());
            prop_assert!(*r.end() <= total);
        }
        if total >= 7 && phase != Phase::Maintenance {
            prop_assert!(phase.sessions_for(total).is_some());
        }
    }
}
