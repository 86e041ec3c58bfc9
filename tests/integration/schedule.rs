//! The session schedule: worked examples, refusals, and properties over
//! arbitrary start dates (up to chrono's limits), skip lists and reschedules.

// Test helpers outside #[test] functions may unwrap and index too.
use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate};
use interpersonal::{
    ProblemArea, Schedule, TreatmentContract,
    course::{
        Cadence, ScheduleError, ScheduleOptions, SchedulePhase, ScheduledSession, SkipPolicy,
    },
};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A contract with this cadence. An acute standard-IPT contract is never
/// monthly (its validation refuses it); the monthly schedules here test the
/// calendar arithmetic that maintenance IPT will use, so the cadence is set
/// after building.
fn contract(start: NaiveDate, sessions: u8, cadence: Cadence) -> TreatmentContract {
    let mut c = TreatmentContract::builder(start, [ProblemArea::Grief])
        .sessions(sessions)
        .build()
        .unwrap();
    c.cadence = cadence;
    c
}

fn options(skip: Vec<NaiveDate>, policy: SkipPolicy) -> ScheduleOptions {
    let mut o = ScheduleOptions::default();
    o.skip = skip;
    o.skip_policy = policy;
    o
}

fn dates(s: &Schedule) -> Vec<NaiveDate> {
    s.sessions().iter().map(|s| s.date).collect()
}

fn numbers(sessions: &[ScheduledSession]) -> Vec<u8> {
    sessions.iter().map(|s| s.number).collect()
}

/// Every invariant a schedule promises.
fn assert_invariants(s: &Schedule) {
    let sessions = s.sessions();
    assert!(!sessions.is_empty());
    assert_eq!(usize::from(s.session_count()), sessions.len());
    for (i, session) in sessions.iter().enumerate() {
        assert_eq!(usize::from(session.number), i + 1);
        assert_ne!(session.moved_from, Some(session.date));
        assert!(!s.skipped().contains(&session.date));
    }
    assert!(sessions.windows(2).all(|w| w[0].date < w[1].date));
    assert_eq!(s.start_date(), sessions[0].date);
    assert_eq!(s.end_date(), sessions[sessions.len() - 1].date);
    // The phases partition the sessions, in order.
    let mut joined = Vec::new();
    for phase in [
        SchedulePhase::Initial,
        SchedulePhase::Middle,
        SchedulePhase::Termination,
        SchedulePhase::Maintenance,
    ] {
        for session in s.sessions_in(phase) {
            assert_eq!(session.phase, phase);
            assert_eq!(s.phase_of(session.number), Some(phase));
        }
        joined.extend_from_slice(s.sessions_in(phase));
    }
    assert_eq!(joined, sessions);
    // JSON reads back what was written, through the invariant checks.
    let json = serde_json::to_string(s).unwrap();
    assert_eq!(&serde_json::from_str::<Schedule>(&json).unwrap(), s);
}

// ---------------------------------------------------------------- worked examples

#[test]
fn weekly_twelve_with_two_holidays_next_free_day() {
    let c = contract(d(2026, 1, 5), 12, Cadence::Weekly);
    let o = options(
        vec![d(2026, 1, 19), d(2026, 2, 16)],
        SkipPolicy::NextFreeDay,
    );
    let s = Schedule::generate(&c, &o).unwrap();
    assert_eq!(
        dates(&s),
        [
            d(2026, 1, 5),
            d(2026, 1, 12),
            d(2026, 1, 20),
            d(2026, 1, 26),
            d(2026, 2, 2),
            d(2026, 2, 9),
            d(2026, 2, 17),
            d(2026, 2, 23),
            d(2026, 3, 2),
            d(2026, 3, 9),
            d(2026, 3, 16),
            d(2026, 3, 23),
        ]
    );
    let moved: Vec<(u8, Option<NaiveDate>)> = s
        .sessions()
        .iter()
        .filter(|x| x.moved_from.is_some())
        .map(|x| (x.number, x.moved_from))
        .collect();
    assert_eq!(
        moved,
        [(3, Some(d(2026, 1, 19))), (7, Some(d(2026, 2, 16)))]
    );
    assert_eq!(s.end_date(), d(2026, 3, 23));
    assert_eq!(numbers(s.sessions_in(SchedulePhase::Initial)), [1, 2, 3]);
    assert_eq!(
        numbers(s.sessions_in(SchedulePhase::Middle)),
        [4, 5, 6, 7, 8, 9]
    );
    assert_eq!(
        numbers(s.sessions_in(SchedulePhase::Termination)),
        [10, 11, 12]
    );
    assert!(s.sessions_in(SchedulePhase::Maintenance).is_empty());
    assert_invariants(&s);
}

#[test]
fn weekly_twelve_with_two_holidays_next_cadence_slot() {
    let c = contract(d(2026, 1, 5), 12, Cadence::Weekly);
    let o = options(
        vec![d(2026, 2, 16), d(2026, 1, 19)],
        SkipPolicy::NextCadenceSlot,
    );
    let s = Schedule::generate(&c, &o).unwrap();
    assert_eq!(
        dates(&s),
        [
            d(2026, 1, 5),
            d(2026, 1, 12),
            d(2026, 1, 26),
            d(2026, 2, 2),
            d(2026, 2, 9),
            d(2026, 2, 23),
            d(2026, 3, 2),
            d(2026, 3, 9),
            d(2026, 3, 16),
            d(2026, 3, 23),
            d(2026, 3, 30),
            d(2026, 4, 6),
        ]
    );
    // Every session keeps the Monday rhythm.
    assert!(
        s.sessions()
            .iter()
            .all(|x| x.date.weekday() == chrono::Weekday::Mon)
    );
    assert_eq!(s.session(3).unwrap().moved_from, Some(d(2026, 1, 19)));
    assert_eq!(s.session(12).unwrap().moved_from, Some(d(2026, 3, 23)));
    assert_eq!(s.skipped(), [d(2026, 1, 19), d(2026, 2, 16)]);
    assert_invariants(&s);
}

#[test]
fn fortnightly_fourteen() {
    let c = contract(d(2026, 1, 5), 14, Cadence::Fortnightly);
    let s = Schedule::generate(&c, &ScheduleOptions::default()).unwrap();
    assert_eq!(s.session(2).unwrap().date, d(2026, 1, 19));
    assert_eq!(s.session(3).unwrap().date, d(2026, 2, 2));
    // 13 steps of 14 days = 182 days.
    assert_eq!(s.end_date(), d(2026, 7, 6));
    assert_eq!(Some(s.end_date()), c.planned_end());
    assert_eq!(s.cadence(), Cadence::Fortnightly);
    assert_eq!(
        numbers(s.sessions_in(SchedulePhase::Middle)),
        [4, 5, 6, 7, 8, 9, 10, 11]
    );
    assert_invariants(&s);
}

/// An acute standard-IPT course is weekly; monthly sessions belong to
/// maintenance (see `maintenance_follows_the_acute_course_monthly` for the
/// monthly calendar, which clamps to month ends).
#[test]
fn an_acute_schedule_is_never_monthly() {
    let c = contract(d(2026, 1, 31), 12, Cadence::Monthly);
    let err = Schedule::generate(&c, &ScheduleOptions::default()).unwrap_err();
    assert!(err.to_string().contains("maintenance"), "{err}");
    // The monthly calendar itself keeps month ends without drifting.
    let slots: Vec<NaiveDate> = (0..3)
        .map(|n| Cadence::Monthly.slot(d(2028, 1, 31), n).unwrap())
        .collect();
    assert_eq!(slots, [d(2028, 1, 31), d(2028, 2, 29), d(2028, 3, 31)]);
}

#[test]
fn skipping_the_start_moves_the_first_session() {
    let c = contract(d(2026, 1, 5), 12, Cadence::Weekly);
    let s = Schedule::generate(&c, &options(vec![d(2026, 1, 5)], SkipPolicy::NextFreeDay)).unwrap();
    assert_eq!(s.start_date(), d(2026, 1, 6));
    assert_eq!(s.session(1).unwrap().moved_from, Some(d(2026, 1, 5)));
    assert_eq!(s.session(2).unwrap().date, d(2026, 1, 12));
}

#[test]
fn skipped_dates_outside_the_course_change_nothing() {
    let c = contract(d(2026, 1, 5), 12, Cadence::Weekly);
    let plain = Schedule::generate(&c, &ScheduleOptions::default()).unwrap();
    for policy in [SkipPolicy::NextFreeDay, SkipPolicy::NextCadenceSlot] {
        let s = Schedule::generate(
            &c,
            &options(vec![d(2025, 12, 29), d(2026, 1, 6), d(2027, 1, 4)], policy),
        )
        .unwrap();
        assert_eq!(dates(&s), dates(&plain));
    }
}

#[test]
fn phase_counts_follow_the_options() {
    let c = contract(d(2026, 1, 5), 16, Cadence::Weekly);
    for initial in 1..=3u8 {
        for termination in 2..=4u8 {
            let mut o = ScheduleOptions::default();
            o.initial_sessions = initial;
            o.termination_sessions = termination;
            let s = Schedule::generate(&c, &o).unwrap();
            assert_eq!(
                s.sessions_in(SchedulePhase::Initial).len(),
                usize::from(initial)
            );
            assert_eq!(
                s.sessions_in(SchedulePhase::Termination).len(),
                usize::from(termination)
            );
            assert_eq!(
                s.sessions_in(SchedulePhase::Middle).len(),
                usize::from(16 - initial - termination)
            );
            assert_eq!(s.phase_of(16), Some(SchedulePhase::Termination));
            assert_eq!(s.phase_of(1), Some(SchedulePhase::Initial));
        }
    }
}

// ------------------------------------------------------------------- refusals

#[test]
fn an_invalid_contract_is_refused_with_its_paths() {
    let mut c = contract(d(2026, 1, 5), 12, Cadence::Weekly);
    c.sessions = 40;
    c.focus.clear();
    match Schedule::generate(&c, &ScheduleOptions::default()) {
        Err(ScheduleError::Contract(problems)) => {
            let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
            assert_eq!(paths, ["$.sessions", "$.focus"]);
        }
        other => panic!("expected a contract error, got {other:?}"),
    }
}

#[test]
fn invalid_phase_counts_are_refused_with_their_paths() {
    let c = contract(d(2026, 1, 5), 12, Cadence::Weekly);
    let mut o = ScheduleOptions::default();
    o.initial_sessions = 4;
    o.termination_sessions = 1;
    let err = Schedule::generate(&c, &o).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid schedule options: 2 problems: $.initial_sessions: expected from 1 to 3 sessions; found 4; \
         $.termination_sessions: expected from 2 to 4 sessions; found 1"
    );
}

#[test]
fn a_session_pushed_past_chronos_last_date_is_an_error() {
    // 12 weekly sessions ending exactly on the last representable date.
    let start = NaiveDate::MAX.checked_sub_days(Days::new(77)).unwrap();
    let c = contract(start, 12, Cadence::Weekly);
    assert_eq!(
        Schedule::generate(&c, &ScheduleOptions::default())
            .unwrap()
            .end_date(),
        NaiveDate::MAX
    );
    for policy in [SkipPolicy::NextFreeDay, SkipPolicy::NextCadenceSlot] {
        let err = Schedule::generate(&c, &options(vec![NaiveDate::MAX], policy)).unwrap_err();
        assert_eq!(err, ScheduleError::DateOutOfRange { session: 12 });
        assert_eq!(
            err.to_string(),
            format!(
                "session 12 would fall after {}, the last date that can be represented",
                NaiveDate::MAX
            )
        );
    }
    let acute = Schedule::generate(&c, &ScheduleOptions::default()).unwrap();
    assert_eq!(
        Schedule::maintenance(&acute, 3, &ScheduleOptions::default()),
        Err(ScheduleError::DateOutOfRange { session: 1 })
    );
}

#[test]
fn reschedule_refusals_name_sessions_and_dates() {
    let c = contract(d(2026, 1, 5), 12, Cadence::Weekly);
    let mut s =
        Schedule::generate(&c, &options(vec![d(2026, 1, 20)], SkipPolicy::NextFreeDay)).unwrap();
    let before = s.clone();
    let cases = [
        (
            0,
            d(2026, 1, 6),
            "there is no session 0: the schedule has sessions 1 to 12",
        ),
        (
            13,
            d(2026, 6, 1),
            "there is no session 13: the schedule has sessions 1 to 12",
        ),
        (
            3,
            d(2026, 1, 20),
            "session 3 cannot move to 2026-01-20: the date is marked to be skipped",
        ),
        (
            3,
            d(2026, 1, 12),
            "session 3 cannot move to 2026-01-12: session 2 is on that date",
        ),
        (
            3,
            d(2026, 1, 26),
            "session 3 cannot move to 2026-01-26: session 4 is on that date",
        ),
        (
            3,
            d(2026, 1, 10),
            "session 3 cannot move to 2026-01-10: it must come after session 2 on 2026-01-12",
        ),
        (
            3,
            d(2026, 2, 3),
            "session 3 cannot move to 2026-02-03: it must come before session 4 on 2026-01-26",
        ),
        (
            1,
            d(2026, 1, 13),
            "session 1 cannot move to 2026-01-13: it must come before session 2 on 2026-01-12",
        ),
        (
            12,
            d(2026, 3, 15),
            "session 12 cannot move to 2026-03-15: it must come after session 11 on 2026-03-16",
        ),
    ];
    for (session, date, message) in cases {
        let err = s.reschedule(session, date).unwrap_err();
        assert_eq!(err.to_string(), message);
        assert_eq!(s, before, "a refused reschedule changed the schedule");
    }
}

#[test]
fn reschedule_first_and_last_sessions_freely_outwards() {
    let c = contract(d(2026, 1, 5), 12, Cadence::Weekly);
    let mut s = Schedule::generate(&c, &ScheduleOptions::default()).unwrap();
    s.reschedule(1, d(2025, 12, 1)).unwrap();
    s.reschedule(12, d(2026, 6, 1)).unwrap();
    assert_eq!(s.start_date(), d(2025, 12, 1));
    assert_eq!(s.end_date(), d(2026, 6, 1));
    assert_eq!(s.session(12).unwrap().moved_from, Some(d(2026, 3, 23)));
    // Moving to the date it already has does nothing.
    let copy = s.clone();
    s.reschedule(5, s.session(5).unwrap().date).unwrap();
    assert_eq!(s, copy);
    assert_invariants(&s);
}

#[test]
fn maintenance_follows_the_acute_course_monthly() {
    let c = contract(d(2026, 1, 5), 12, Cadence::Weekly);
    let acute = Schedule::generate(&c, &ScheduleOptions::default()).unwrap();
    let m = Schedule::maintenance(&acute, 4, &ScheduleOptions::default()).unwrap();
    assert_eq!(
        dates(&m),
        [
            d(2026, 4, 23),
            d(2026, 5, 23),
            d(2026, 6, 23),
            d(2026, 7, 23)
        ]
    );
    assert_eq!(m.cadence(), Cadence::Monthly);
    assert_eq!(m.sessions_in(SchedulePhase::Maintenance).len(), 4);
    assert!(m.sessions_in(SchedulePhase::Initial).is_empty());
    assert_invariants(&m);

    // A course ending on 31 January: maintenance clamps to month ends.
    let jan31 = Schedule::generate(
        &contract(d(2025, 11, 8), 13, Cadence::Weekly),
        &ScheduleOptions::default(),
    )
    .unwrap();
    assert_eq!(jan31.end_date(), d(2026, 1, 31));
    let m = Schedule::maintenance(&jan31, 3, &ScheduleOptions::default()).unwrap();
    assert_eq!(dates(&m), [d(2026, 2, 28), d(2026, 3, 31), d(2026, 4, 30)]);

    // Skips apply.
    let m = Schedule::maintenance(
        &acute,
        2,
        &options(vec![d(2026, 4, 23)], SkipPolicy::NextFreeDay),
    )
    .unwrap();
    assert_eq!(dates(&m), [d(2026, 4, 24), d(2026, 5, 23)]);

    assert_eq!(
        Schedule::maintenance(&acute, 0, &ScheduleOptions::default()),
        Err(ScheduleError::NoSessions)
    );
}

#[test]
fn schedule_json_shape() {
    let c = contract(d(2026, 1, 5), 12, Cadence::Weekly);
    let s = Schedule::generate(&c, &options(vec![d(2026, 1, 5)], SkipPolicy::NextFreeDay)).unwrap();
    let value = serde_json::to_value(&s).unwrap();
    assert_eq!(value["cadence"], "weekly");
    assert_eq!(value["skipped"], serde_json::json!(["2026-01-05"]));
    assert_eq!(
        value["sessions"][0],
        serde_json::json!({"number": 1, "date": "2026-01-06", "phase": "initial", "moved_from": "2026-01-05"})
    );
    assert_eq!(
        value["sessions"][11],
        serde_json::json!({"number": 12, "date": "2026-03-23", "phase": "termination"})
    );
    // Unknown fields are refused.
    let mut bad = value.clone();
    bad["sessions"][0]["room"] = serde_json::json!(3);
    assert!(serde_json::from_value::<Schedule>(bad).is_err());
}

#[test]
fn schedule_types_are_send_sync() {
    fn check<T: Send + Sync + Clone + std::fmt::Debug + PartialEq>() {}
    check::<Schedule>();
    check::<ScheduleOptions>();
    check::<ScheduledSession>();
    check::<SchedulePhase>();
    check::<SkipPolicy>();
    check::<ScheduleError>();
}

// ------------------------------------------------------------------ properties

/// The cadences of an acute contract (monthly is maintenance's).
fn cadence() -> impl Strategy<Value = Cadence> {
    prop_oneof![Just(Cadence::Weekly), Just(Cadence::Fortnightly)]
}

fn policy() -> impl Strategy<Value = SkipPolicy> {
    prop_oneof![
        Just(SkipPolicy::NextFreeDay),
        Just(SkipPolicy::NextCadenceSlot)
    ]
}

fn date_from_days(days: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(days).unwrap()
}

/// Any representable date, with extra weight near both of chrono's limits.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let min = NaiveDate::MIN.num_days_from_ce();
    let max = NaiveDate::MAX.num_days_from_ce();
    prop_oneof![
        (min..=max).prop_map(date_from_days),
        (max - 800..=max).prop_map(date_from_days),
        (min..=min + 800).prop_map(date_from_days),
    ]
}

/// An ordinary date, far from chrono's limits.
fn ordinary_date() -> impl Strategy<Value = NaiveDate> {
    (d(1900, 1, 1).num_days_from_ce()..=d(2200, 1, 1).num_days_from_ce()).prop_map(date_from_days)
}

/// Skip lists around `start`: days from a little before it to past the end of
/// any course, in any order, with repeats.
fn skips_near(start: NaiveDate) -> impl Strategy<Value = Vec<NaiveDate>> {
    proptest::collection::vec(-10i64..500, 0..40).prop_map(move |offsets| {
        offsets
            .into_iter()
            .filter_map(|o| {
                if o < 0 {
                    start.checked_sub_days(Days::new(o.unsigned_abs()))
                } else {
                    start.checked_add_days(Days::new(o.unsigned_abs()))
                }
            })
            .collect()
    })
}

#[derive(Debug, Clone)]
struct Case {
    start: NaiveDate,
    sessions: u8,
    cadence: Cadence,
    options: ScheduleOptions,
}

fn case(start: impl Strategy<Value = NaiveDate>) -> impl Strategy<Value = Case> {
    (start, 12u8..=16, cadence(), policy(), 1u8..=3, 2u8..=4).prop_flat_map(
        |(start, sessions, cadence, policy, initial, termination)| {
            skips_near(start).prop_map(move |skip| {
                let mut options = options(skip, policy);
                options.initial_sessions = initial;
                options.termination_sessions = termination;
                Case {
                    start,
                    sessions,
                    cadence,
                    options,
                }
            })
        },
    )
}

fn generate(case: &Case) -> Result<Schedule, ScheduleError> {
    let mut c = contract(d(2026, 1, 5), case.sessions, case.cadence);
    c.starts_on = case.start;
    Schedule::generate(&c, &case.options)
}

/// The properties every generated schedule has.
fn check_generated(case: &Case, s: &Schedule) -> Result<(), TestCaseError> {
    assert_invariants(s);
    let skip: BTreeSet<NaiveDate> = case.options.skip.iter().copied().collect();
    prop_assert_eq!(s.session_count(), case.sessions);
    prop_assert_eq!(
        s.skipped().iter().copied().collect::<BTreeSet<_>>(),
        skip.clone()
    );
    for x in s.sessions() {
        prop_assert!(!skip.contains(&x.date));
    }
    // Phase counts as asked for: initial first, termination last.
    let initial = usize::from(case.options.initial_sessions);
    let termination = usize::from(case.options.termination_sessions);
    let n = usize::from(case.sessions);
    prop_assert_eq!(s.sessions_in(SchedulePhase::Initial).len(), initial);
    prop_assert_eq!(s.sessions_in(SchedulePhase::Termination).len(), termination);
    prop_assert_eq!(
        s.sessions_in(SchedulePhase::Middle).len(),
        n - initial - termination
    );
    prop_assert_eq!(s.phase_of(1), Some(SchedulePhase::Initial));
    prop_assert_eq!(s.phase_of(case.sessions), Some(SchedulePhase::Termination));
    // Each session is on its planned slot or was moved from it, and never earlier.
    for (i, x) in s.sessions().iter().enumerate() {
        let planned = case.cadence.slot(case.start, i as u32).unwrap();
        prop_assert_eq!(x.moved_from.unwrap_or(x.date), planned);
        prop_assert!(x.date >= planned);
    }
    match case.options.skip_policy {
        SkipPolicy::NextFreeDay => {
            // A session moves only when its slot is skipped or taken by the one
            // before; it then takes the next free day.
            let mut previous: Option<NaiveDate> = None;
            for x in s.sessions() {
                let planned = x.moved_from.unwrap_or(x.date);
                let mut expected = match previous {
                    Some(p) if p >= planned => p.succ_opt().unwrap(),
                    _ => planned,
                };
                while skip.contains(&expected) {
                    expected = expected.succ_opt().unwrap();
                }
                prop_assert_eq!(x.date, expected);
                previous = Some(x.date);
            }
        }
        _ => {
            // The sessions take the first cadence slots that are not skipped.
            let free: Vec<NaiveDate> = (0u32..)
                .map_while(|k| case.cadence.slot(case.start, k))
                .filter(|date| !skip.contains(date))
                .take(n)
                .collect();
            prop_assert_eq!(dates(s), free);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Away from chrono's limits generation always succeeds, with every
    /// promised property.
    #[test]
    fn generated_schedules_keep_their_promises(case in case(ordinary_date())) {
        let s = generate(&case).unwrap();
        check_generated(&case, &s)?;
    }

    /// Anywhere in chrono's range, including its limits, generation never
    /// panics: it succeeds with every property, or refuses with a typed error.
    #[test]
    fn any_start_date_never_panics(case in case(any_date())) {
        match generate(&case) {
            Ok(s) => check_generated(&case, &s)?,
            Err(ScheduleError::Contract(problems)) => {
                // Only the start date can be wrong: there is no room for the course.
                let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
                prop_assert_eq!(paths, ["$.starts_on"]);
                prop_assert!(case.cadence.slot(case.start, u32::from(case.sessions - 1)).is_none());
            }
            Err(ScheduleError::DateOutOfRange { session }) => {
                prop_assert!((1..=case.sessions).contains(&session));
            }
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
        }
    }

    /// A reschedule either keeps every invariant and moves exactly that
    /// session, or refuses and changes nothing.
    #[test]
    fn reschedule_keeps_invariants_or_refuses(
        case in case(ordinary_date()),
        moves in proptest::collection::vec((0u8..=18, -20i64..=20), 1..12),
    ) {
        let mut s = generate(&case).unwrap();
        for (session, offset) in moves {
            // Near the session's current date, so that both successes and
            // each kind of refusal are common.
            let around = s.session(session).map_or(case.start, |x| x.date);
            let date = if offset < 0 {
                around.checked_sub_days(Days::new(offset.unsigned_abs()))
            } else {
                around.checked_add_days(Days::new(offset.unsigned_abs()))
            }
            .unwrap();
            let before = s.clone();
            // Whether the move is allowed, worked out independently.
            let allowed = before.session(session).is_some_and(|x| {
                let previous = session.checked_sub(1).and_then(|p| before.session(p));
                let next = before.session(session + 1);
                x.date == date
                    || (!before.skipped().contains(&date)
                        && previous.is_none_or(|p| p.date < date)
                        && next.is_none_or(|n| date < n.date))
            });
            let result = s.reschedule(session, date);
            prop_assert_eq!(result.is_ok(), allowed, "{:?}", result);
            match result {
                Ok(()) => {
                    prop_assert_eq!(s.session(session).map(|x| x.date), Some(date));
                    for (a, b) in s.sessions().iter().zip(before.sessions()) {
                        if a.number != session {
                            prop_assert_eq!(a, b);
                        }
                    }
                    // The planned date is never lost.
                    let was = before.session(session).unwrap();
                    let now = s.session(session).unwrap();
                    prop_assert_eq!(
                        now.moved_from.unwrap_or(now.date),
                        was.moved_from.unwrap_or(was.date)
                    );
                }
                Err(_) => prop_assert_eq!(&s, &before),
            }
            assert_invariants(&s);
        }
    }

    /// Maintenance sessions are monthly after the acute course, in the
    /// maintenance phase, never on a skipped date; near chrono's limits they
    /// are refused with a typed error.
    #[test]
    fn maintenance_keeps_its_promises(
        case in case(any_date()),
        sessions in 0u8..=40,
        extra_skips in proptest::collection::vec(0i64..1300, 0..20),
    ) {
        let Ok(acute) = generate(&case) else { return Ok(()); };
        let end = acute.end_date();
        let mut o = case.options.clone();
        o.skip.extend(extra_skips.iter().filter_map(|&k| end.checked_add_days(Days::new(k as u64))));
        match Schedule::maintenance(&acute, sessions, &o) {
            Ok(m) => {
                assert_invariants(&m);
                prop_assert_eq!(m.session_count(), sessions);
                prop_assert!(m.start_date() > end);
                prop_assert_eq!(m.sessions_in(SchedulePhase::Maintenance).len(), usize::from(sessions));
                for (i, x) in m.sessions().iter().enumerate() {
                    let planned = Cadence::Monthly.slot(end, i as u32 + 1).unwrap();
                    prop_assert_eq!(x.moved_from.unwrap_or(x.date), planned);
                    prop_assert!(!o.skip.contains(&x.date));
                }
            }
            Err(ScheduleError::NoSessions) => prop_assert_eq!(sessions, 0),
            Err(ScheduleError::DateOutOfRange { session }) => {
                prop_assert!((1..=sessions).contains(&session));
            }
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
        }
    }
}
