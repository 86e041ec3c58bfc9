//! A course of treatment: a 12-session course end to end, phase transitions
//! allowed and refused, session record refusals, safety flags surfaced and
//! printed first, the no-response advisory, measurement timing, the
//! termination checklist, serde round trips and privacy of session notes.

// Test helpers outside #[test] functions may unwrap and index too.
use chrono::{Days, NaiveDate};
use interpersonal::{
    Course, Phase, Phq9Score, ProblemArea, TreatmentContract,
    catalogue::{PhaseTask, PhaseTransitionError, Technique},
    course::{CourseError, ReviewAdvisoryCode, SafetyFlagOrigin, SessionRecord},
    engine::Indicator,
    from_json,
    goal::{GoalStatus, GoalTarget, GoalTemplate, InstrumentId, ProgressEntry},
    id::GoalId,
    measure::{Instrument, MeasureOutcome, Measurement},
};
use proptest::prelude::*;

const SENTINEL: &str = "SENTINEL-7f3a-notes";

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

/// The date of session `n` in a weekly course from 2026-03-02.
fn week(n: u8) -> NaiveDate {
    start() + Days::new(7 * (u64::from(n) - 1))
}

/// A PHQ-9 whose items sum to `total`, item 9 scored `item9`.
fn phq9(total: u8, item9: u8) -> Phq9Score {
    let mut rest = total - item9;
    let mut items = [0u8; 9];
    for slot in items.iter_mut().take(8) {
        let v = rest.min(3);
        *slot = v;
        rest -= v;
    }
    assert_eq!(rest, 0, "{total} does not fit");
    items[8] = item9;
    let score = Phq9Score::from_scores(items).unwrap();
    assert_eq!(score.total(), total);
    score
}

fn goal_id() -> GoalId {
    GoalId::new("g-dispute").unwrap()
}

fn new_course(agreed: bool) -> Course {
    let mut builder = TreatmentContract::builder(start(), [ProblemArea::RoleDispute])
        .goal(goal_id())
        .practicalities(SENTINEL);
    if agreed {
        builder = builder.agreed_on(week(3));
    }
    let goal = GoalTemplate::for_area(ProblemArea::RoleDispute)[0].goal(
        goal_id(),
        GoalTarget::MeasureAtMost {
            instrument: InstrumentId::PHQ9,
            value: 9,
        },
    );
    Course::new(builder.build().unwrap(), vec![goal]).unwrap()
}

fn complete(course: &mut Course, phase: Phase, on: NaiveDate) {
    for task in phase.tasks() {
        course.complete_task(*task, on).unwrap();
    }
}

/// Assessment in session 1–2, goal setting in 3, active treatment from 4.
fn course_in_active_treatment() -> Course {
    let mut c = new_course(false);
    c.record_session(
        SessionRecord::new(1, week(1), Phase::Assessment)
            .with_measure(phq9(18, 0).measurement(week(1))),
    )
    .unwrap();
    c.record_session(SessionRecord::new(2, week(2), Phase::Assessment))
        .unwrap();
    complete(&mut c, Phase::Assessment, week(2));
    c.advance_phase(week(2)).unwrap();
    c.record_session(SessionRecord::new(3, week(3), Phase::GoalSetting))
        .unwrap();
    complete(&mut c, Phase::GoalSetting, week(3));
    c.advance_phase(week(3)).unwrap();
    c
}

/// Sessions 4..=last in active treatment, PHQ-9 totals at the given sessions.
fn hold_sessions(c: &mut Course, last: u8, phq9_at: &[(u8, u8)]) {
    for n in 4..=last {
        let mut r = SessionRecord::new(n, week(n), Phase::ActiveTreatment)
            .with_area(ProblemArea::RoleDispute)
            .with_technique(Technique::CommunicationAnalysis);
        if let Some((_, total)) = phq9_at.iter().find(|(s, _)| *s == n) {
            r = r.with_measure(phq9(*total, 0).measurement(week(n)));
        }
        c.record_session(r).unwrap();
    }
}

// ---------------------------------------------------------------------------
// End to end

#[test]
fn a_12_session_course_end_to_end() {
    let mut c = course_in_active_treatment();
    assert_eq!(c.phase(), Phase::ActiveTreatment);
    assert_eq!(c.contract().agreement.map(|a| a.on), Some(week(3)));
    c.set_goal_status(&goal_id(), GoalStatus::Active, week(3))
        .unwrap();

    hold_sessions(&mut c, 9, &[(4, 14), (8, 9)]);
    c.record_goal_progress(&goal_id(), ProgressEntry::new(week(4)).with_value(14))
        .unwrap();
    c.record_goal_progress(&goal_id(), ProgressEntry::new(week(8)).with_value(9))
        .unwrap();
    assert_eq!(
        c.advance_phase(week(9)).unwrap(),
        Phase::ConsolidationTermination
    );

    for n in 10..=12 {
        let mut r = SessionRecord::new(n, week(n), Phase::ConsolidationTermination)
            .with_area(ProblemArea::RoleDispute);
        if n == 12 {
            r = r.with_measure(phq9(4, 0).measurement(week(12)));
        }
        c.record_session(r).unwrap();
    }
    c.record_goal_progress(&goal_id(), ProgressEntry::new(week(12)).with_value(4))
        .unwrap();
    c.set_goal_status(&goal_id(), GoalStatus::Achieved, week(12))
        .unwrap();

    // The end: 12 held, none left; PHQ-9 18 -> 4 is a response, remission,
    // reliable improvement and recovery.
    let review = c.review(week(12));
    assert_eq!(review.sessions_held, 12);
    assert_eq!(review.sessions_remaining, 0);
    assert!(review.next_session.is_none());
    assert_eq!(review.measurement_due, None);
    let phq = review.depression().unwrap();
    assert_eq!(phq.measurement_count, 4);
    assert_eq!(
        [
            phq.response,
            phq.remission,
            phq.reliable_improvement,
            phq.recovery
        ],
        [MeasureOutcome::Met; 4]
    );
    assert_eq!(review.goals[0].target_met, Some(true));
    assert!(review.advisories.is_empty(), "{:?}", review.advisories);

    // Termination: a response, so other treatments are not on the list.
    let checklist = c.termination_checklist();
    let tasks: Vec<PhaseTask> = checklist.items.iter().map(|i| i.task).collect();
    assert!(!tasks.contains(&PhaseTask::ConsiderOtherTreatments));
    for task in tasks {
        c.complete_task(task, week(11)).unwrap();
    }
    assert!(c.termination_checklist().is_complete());

    // The acute course ends at termination; maintenance is not entered here.
    assert!(matches!(
        c.advance_phase(week(12)),
        Err(CourseError::PhaseTransition(
            PhaseTransitionError::OptionalNextPhase { .. }
        ))
    ));

    let json = serde_json::to_string_pretty(&c).unwrap();
    let back: Course = from_json(&json).unwrap();
    assert_eq!(back, c);
}

// ---------------------------------------------------------------------------
// Phase transitions

#[test]
fn assessment_needs_every_assessment_task() {
    let mut c = new_course(true);
    c.complete_task(PhaseTask::ReviewSymptoms, week(1)).unwrap();
    match c.advance_phase(week(1)) {
        Err(CourseError::PhaseTransition(PhaseTransitionError::TasksOpen { from, to, open })) => {
            assert_eq!((from, to), (Phase::Assessment, Phase::GoalSetting));
            assert_eq!(open.len(), Phase::Assessment.tasks().len() - 1);
            assert!(!open.contains(&PhaseTask::ReviewSymptoms));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(c.phase(), Phase::Assessment);
    assert!(c.phase_changes().is_empty());
}

#[test]
fn active_treatment_is_refused_without_agreed_focus_and_contract() {
    let mut c = new_course(false);
    complete(&mut c, Phase::Assessment, week(1));
    c.advance_phase(week(2)).unwrap();
    c.complete_task(PhaseTask::SelectProblemArea, week(2))
        .unwrap();
    c.complete_task(PhaseTask::PresentFormulation, week(2))
        .unwrap();

    let err = c.advance_phase(week(3)).unwrap_err();
    assert_eq!(
        err,
        CourseError::PhaseTransition(PhaseTransitionError::TasksOpen {
            from: Phase::GoalSetting,
            to: Phase::ActiveTreatment,
            open: vec![PhaseTask::ObtainAgreement, PhaseTask::SetTreatmentContract],
        })
    );
    let message = err.to_string();
    assert!(message.contains("`obtain_agreement`"), "{message}");
    assert!(message.contains("`set_treatment_contract`"), "{message}");
    assert!(!c.contract().is_agreed());

    // Tasks done after the date of the change do not count.
    c.complete_task(PhaseTask::ObtainAgreement, week(4))
        .unwrap();
    c.complete_task(PhaseTask::SetTreatmentContract, week(4))
        .unwrap();
    assert!(matches!(
        c.advance_phase(week(3)),
        Err(CourseError::PhaseTransition(
            PhaseTransitionError::TasksOpen { .. }
        ))
    ));
    assert_eq!(c.advance_phase(week(4)).unwrap(), Phase::ActiveTreatment);
    assert_eq!(c.contract().agreement.map(|a| a.on), Some(week(4)));
}

#[test]
fn active_treatment_needs_the_agreement_on_the_contract_by_that_day() {
    // The contract records an agreement dated after the day of the change.
    let late = TreatmentContract::builder(start(), [ProblemArea::Grief])
        .agreed_on(week(6))
        .build()
        .unwrap();
    let mut c = Course::new(late, Vec::new()).unwrap();
    complete(&mut c, Phase::Assessment, week(1));
    c.advance_phase(week(2)).unwrap();
    complete(&mut c, Phase::GoalSetting, week(3));
    assert_eq!(
        c.advance_phase(week(3)),
        Err(CourseError::ContractNotAgreed)
    );
    assert_eq!(c.phase(), Phase::GoalSetting);
    assert_eq!(c.advance_phase(week(6)), Ok(Phase::ActiveTreatment));
}

#[test]
fn phase_changes_and_tasks_keep_their_dates_in_order() {
    let mut c = new_course(true);
    complete(&mut c, Phase::Assessment, week(1));
    c.advance_phase(week(2)).unwrap();
    assert_eq!(c.phase_began(Phase::GoalSetting), Some(week(2)));
    assert_eq!(
        c.complete_task(PhaseTask::SelectProblemArea, week(1)),
        Err(CourseError::DatedBeforePhase {
            on: week(1),
            phase: Phase::GoalSetting,
            began: week(2)
        })
    );
    complete(&mut c, Phase::GoalSetting, week(2));
    assert!(matches!(
        c.advance_phase(week(1)),
        Err(CourseError::DatedBeforePhase { .. })
    ));
    assert_eq!(
        c.complete_task(PhaseTask::ScreenSafety, week(3)),
        Err(CourseError::TaskAlreadyDone {
            task: PhaseTask::ScreenSafety,
            on: week(1)
        })
    );
    assert_eq!(
        c.complete_task(PhaseTask::MonitorForRecurrence, week(3)),
        Err(CourseError::TaskOfLaterPhase {
            task: PhaseTask::MonitorForRecurrence,
            task_phase: Phase::Maintenance,
            current: Phase::GoalSetting
        })
    );
}

#[test]
fn active_treatment_to_termination_needs_no_task() {
    let mut c = course_in_active_treatment();
    assert_eq!(c.open_tasks(), Vec::<PhaseTask>::new());
    assert_eq!(
        c.advance_phase(week(9)),
        Ok(Phase::ConsolidationTermination)
    );
}

// ---------------------------------------------------------------------------
// Session records

#[test]
fn session_records_are_refused_with_the_reason() {
    let mut c = course_in_active_treatment();
    let before = c.clone();
    let active = |n: u8, date| SessionRecord::new(n, date, Phase::ActiveTreatment);

    assert_eq!(
        c.record_session(active(0, week(4))),
        Err(CourseError::SessionNotInContract {
            session: 0,
            sessions: 12
        })
    );
    assert_eq!(
        c.record_session(active(13, week(4))),
        Err(CourseError::SessionNotInContract {
            session: 13,
            sessions: 12
        })
    );
    assert_eq!(
        c.record_session(active(3, week(4))),
        Err(CourseError::DuplicateSession { session: 3 })
    );
    assert_eq!(
        c.record_session(active(2, week(4))),
        Err(CourseError::DuplicateSession { session: 2 })
    );
    assert_eq!(
        c.record_session(active(4, week(3))),
        Err(CourseError::SessionDateNotAfterPrevious {
            session: 4,
            date: week(3),
            previous_session: 3,
            previous: week(3)
        })
    );
    assert_eq!(
        c.record_session(SessionRecord::new(4, week(4), Phase::GoalSetting)),
        Err(CourseError::SessionPhaseMismatch {
            session: 4,
            recorded: Phase::GoalSetting,
            current: Phase::ActiveTreatment
        })
    );
    let off_focus = c
        .record_session(active(4, week(4)).with_area(ProblemArea::Grief))
        .unwrap_err();
    assert_eq!(
        off_focus,
        CourseError::AreaNotInFocus {
            session: 4,
            area: ProblemArea::Grief
        }
    );
    assert!(
        off_focus
            .to_string()
            .contains("revise the focus with the patient")
    );

    let late = phq9(12, 0).measurement(week(4) + Days::new(1));
    assert!(matches!(
        c.record_session(active(4, week(4)).with_measure(late)),
        Err(CourseError::MeasureAfterSession { session: 4, .. })
    ));
    let stale = phq9(12, 0).measurement(week(3));
    assert!(matches!(
        c.record_session(active(4, week(4)).with_measure(stale)),
        Err(CourseError::MeasureBeforePreviousSession { session: 4, .. })
    ));
    let twice = active(4, week(4))
        .with_measure(phq9(12, 0).measurement(week(4)))
        .with_measure(phq9(11, 0).measurement(week(4)));
    assert_eq!(
        c.record_session(twice),
        Err(CourseError::MeasureDateTaken {
            instrument: Instrument::Phq9,
            date: week(4)
        })
    );

    // Nothing was kept.
    assert_eq!(c, before);

    // After revising the focus with the patient, the work is accepted.
    c.revise_focus([ProblemArea::RoleDispute, ProblemArea::Grief], week(4))
        .unwrap();
    c.record_session(active(4, week(4)).with_area(ProblemArea::Grief))
        .unwrap();
    // A session missed and not made up leaves a gap in the numbers.
    c.record_session(active(6, week(6))).unwrap();
    assert_eq!(
        c.record_session(active(5, week(7))),
        Err(CourseError::SessionOutOfOrder {
            session: 5,
            last: 6
        })
    );
    assert_eq!(c.review(week(6)).sessions_remaining, 6);
}

#[test]
fn a_revised_agreement_cannot_predate_the_last() {
    let mut c = course_in_active_treatment();
    assert_eq!(
        c.revise_focus([ProblemArea::Grief], week(2)),
        Err(CourseError::AgreementBeforePrevious {
            on: week(2),
            previous: week(3)
        })
    );
    assert!(matches!(
        c.revise_focus([], week(4)),
        Err(CourseError::Contract(_))
    ));
    assert_eq!(c.contract().focus, [ProblemArea::RoleDispute]);
}

#[test]
fn goals_must_match_the_contract() {
    let contract = TreatmentContract::builder(start(), [ProblemArea::Grief])
        .goal(GoalId::new("a").unwrap())
        .build()
        .unwrap();
    let goal = |id: &str| {
        GoalTemplate::for_area(ProblemArea::Grief)[0]
            .goal(GoalId::new(id).unwrap(), GoalTarget::Described("x".into()))
    };
    let problems = Course::new(contract, vec![goal("b"), goal("b")]).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["$.goals[0].id", "$.goals[1].id", "$.contract.goals[0]"]
    );

    let mut c = new_course(true);
    let unknown = GoalId::new("nope").unwrap();
    assert_eq!(
        c.record_goal_progress(&unknown, ProgressEntry::new(week(1))),
        Err(CourseError::UnknownGoal { goal: unknown })
    );
    c.record_goal_progress(&goal_id(), ProgressEntry::new(week(2)))
        .unwrap();
    assert!(matches!(
        c.record_goal_progress(&goal_id(), ProgressEntry::new(week(1))),
        Err(CourseError::GoalProgress(_))
    ));
}

// ---------------------------------------------------------------------------
// Safety

#[test]
fn a_phq9_item9_flag_is_on_the_course_and_printed_first() {
    let mut c = new_course(false);
    c.record_session(
        SessionRecord::new(1, week(1), Phase::Assessment)
            .with_measure(phq9(17, 1).measurement(week(1))),
    )
    .unwrap();
    // Later scores without the item do not clear it.
    c.record_session(
        SessionRecord::new(2, week(2), Phase::Assessment)
            .with_measure(phq9(15, 0).measurement(week(2))),
    )
    .unwrap();

    let flags = c.safety_flags();
    assert_eq!(flags.len(), 1);
    assert_eq!(flags[0].session, Some(1));
    let SafetyFlagOrigin::Measure(flag) = flags[0].origin else {
        panic!("{:?}", flags[0].origin);
    };
    assert_eq!(flag.score, 1);

    let review = c.review(week(2));
    assert_eq!(review.safety_flags, flags);
    assert_eq!(review.advisories[0].code, ReviewAdvisoryCode::SafetyFlag);
    assert_eq!(review.advisories[0].indicator, Indicator::Critical);
    let text = review.to_string();
    assert!(
        text.starts_with("SAFETY (critical): suicidal ideation: PHQ-9 item 9 scored 1"),
        "{text}"
    );

    let checklist = c.termination_checklist().to_string();
    assert!(checklist.starts_with("SAFETY (critical):"), "{checklist}");

    // A review dated before the flag does not show it.
    assert!(c.review(week(1) - Days::new(1)).safety_flags.is_empty());
}

#[test]
fn flags_are_newest_first_and_include_reported_thoughts_and_outside_measures() {
    let mut c = new_course(false);
    c.record_measurement(phq9(20, 2).measurement(start() - Days::new(7)))
        .unwrap();
    c.record_session(
        SessionRecord::new(1, week(1), Phase::Assessment)
            .with_measure(phq9(18, 1).measurement(week(1))),
    )
    .unwrap();
    c.record_session(
        SessionRecord::new(2, week(2), Phase::Assessment).with_suicidal_thoughts_reported(),
    )
    .unwrap();
    let flags = c.safety_flags();
    let order: Vec<(NaiveDate, Option<u8>)> = flags.iter().map(|f| (f.date, f.session)).collect();
    assert_eq!(
        order,
        [
            (week(2), Some(2)),
            (week(1), Some(1)),
            (start() - Days::new(7), None)
        ]
    );
    assert_eq!(flags[0].origin, SafetyFlagOrigin::Reported);
}

// ---------------------------------------------------------------------------
// Review

#[test]
fn no_response_at_mid_treatment_is_advised() {
    let mut c = course_in_active_treatment();
    hold_sessions(&mut c, 6, &[(4, 14)]);
    // Session 5: before mid-treatment, no advisory.
    assert!(
        !c.review(week(5))
            .advisories
            .iter()
            .any(|a| a.code == ReviewAdvisoryCode::NoResponseByMidTreatment)
    );
    // Session 6 of 12: mid-treatment, PHQ-9 18 -> 14 is not a response.
    let review = c.review(week(6));
    let advice = review
        .advisories
        .iter()
        .find(|a| a.code == ReviewAdvisoryCode::NoResponseByMidTreatment)
        .unwrap();
    assert_eq!(advice.indicator, Indicator::Warning);
    assert!(
        advice.summary.contains("PHQ-9 from 18"),
        "{}",
        advice.summary
    );
    assert!(advice.summary.contains("medication"));
    assert!(review.to_string().contains("no_response_by_mid_treatment"));

    // The termination checklist keeps "consider other treatments".
    assert!(
        c.termination_checklist()
            .items
            .iter()
            .any(|i| i.task == PhaseTask::ConsiderOtherTreatments)
    );
}

#[test]
fn no_advisory_when_responding() {
    let mut c = course_in_active_treatment();
    hold_sessions(&mut c, 8, &[(4, 12), (8, 9)]);
    let review = c.review(week(8));
    assert_eq!(review.depression().unwrap().response, MeasureOutcome::Met);
    assert!(
        !review
            .advisories
            .iter()
            .any(|a| a.code == ReviewAdvisoryCode::NoResponseByMidTreatment)
    );
}

#[test]
fn hamd_is_the_primary_scale_without_a_phq9() {
    let mut c = new_course(false);
    for n in 1..=6u8 {
        let mut r = SessionRecord::new(n, week(n), Phase::Assessment);
        if n == 1 || n == 6 {
            let total = if n == 1 { 22 } else { 16 };
            r = r.with_measure(Measurement::new(Instrument::Hamd17, week(n), total).unwrap());
        }
        c.record_session(r).unwrap();
    }
    let review = c.review(week(6));
    assert_eq!(review.depression().unwrap().instrument, Instrument::Hamd17);
    assert!(
        review
            .advisories
            .iter()
            .any(|a| a.code == ReviewAdvisoryCode::NoResponseByMidTreatment)
    );
}

#[test]
fn measurement_is_due_at_sessions_1_4_8_12() {
    let mut c = course_in_active_treatment();
    hold_sessions(&mut c, 12, &[]);
    assert_eq!(c.review(start() - Days::new(1)).measurement_due, Some(1));
    let due: Vec<u8> = (1..=12)
        .filter(|n| c.review(week(*n)).measurement_due.is_some())
        .map(|n| n + 1)
        .collect();
    assert_eq!(due, [4, 8, 12]);
    let review = c.review(week(3));
    assert_eq!(review.measurement_due, Some(4));
    assert_eq!(review.next_session.unwrap().date, week(4));
    assert!(
        review.advisories.iter().any(
            |a| a.code == ReviewAdvisoryCode::MeasurementDue && a.summary.contains("session 4")
        )
    );
}

#[test]
fn goals_without_progress_are_pointed_out_once_treatment_begins() {
    let c = course_in_active_treatment();
    let during_goal_setting = c.review(week(3) - Days::new(1));
    assert_eq!(during_goal_setting.phase, Phase::GoalSetting);
    assert!(
        !during_goal_setting
            .advisories
            .iter()
            .any(|a| a.code == ReviewAdvisoryCode::GoalWithoutProgress)
    );
    let review = c.review(week(3));
    let advice = review
        .advisories
        .iter()
        .find(|a| a.code == ReviewAdvisoryCode::GoalWithoutProgress)
        .unwrap();
    assert_eq!(advice.goal, Some(goal_id()));
}

// ---------------------------------------------------------------------------
// Termination

#[test]
fn the_termination_checklist_cites_sources_and_checks_off_with_dates() {
    let mut c = course_in_active_treatment();
    hold_sessions(&mut c, 9, &[]);
    c.advance_phase(week(9)).unwrap();
    let checklist = c.termination_checklist();
    let tasks: Vec<PhaseTask> = checklist.items.iter().map(|i| i.task).collect();
    assert_eq!(tasks, Phase::ConsolidationTermination.tasks());
    for item in &checklist.items {
        assert_eq!(item.source, item.task.source());
        assert!(!item.source.cites().is_empty());
    }
    c.complete_task(PhaseTask::DiscussEnding, week(10)).unwrap();
    let checklist = c.termination_checklist();
    assert_eq!(checklist.items[0].done_on, Some(week(10)));
    assert!(!checklist.open().contains(&PhaseTask::DiscussEnding));
    let text = checklist.to_string();
    assert!(
        text.contains("[x] discuss_ending (done 2026-05-04)"),
        "{text}"
    );
    assert!(text.contains("[ ] review_progress"), "{text}");
}

// ---------------------------------------------------------------------------
// JSON

#[test]
fn reading_a_course_checks_every_invariant() {
    let c = course_in_active_treatment();
    let mut value = serde_json::to_value(&c).unwrap();
    // Session 3 numbered 2 again, dated before session 2.
    value["sessions"][2]["number"] = 2.into();
    value["sessions"][2]["date"] = "2026-03-01".into();
    // The phase does not follow from the changes.
    value["phase"] = "consolidation_termination".into();
    // A goal the contract does not list.
    value["goals"][0]["id"] = "other".into();
    let err = from_json::<Course>(&value.to_string()).unwrap_err();
    let paths: Vec<&str> = err.problems.iter().map(|p| p.path.as_str()).collect();
    for needle in [
        "$.phase",
        "$.sessions[2].number",
        "$.sessions[2].date",
        "$.goals[0].id",
        "$.contract.goals[0]",
    ] {
        assert!(paths.contains(&needle), "{needle} missing from {err}");
    }

    let mut value = serde_json::to_value(&c).unwrap();
    value["extra"] = true.into();
    assert!(from_json::<Course>(&value.to_string()).is_err());

    // Active treatment began before its tasks were done.
    let mut value = serde_json::to_value(&c).unwrap();
    value["phase_changes"][1]["on"] = "2026-03-09".into();
    let err = from_json::<Course>(&value.to_string()).unwrap_err();
    assert!(err.to_string().contains("$.phase_changes[1]"), "{err}");
    assert!(err.to_string().contains("`obtain_agreement`"), "{err}");

    // Schema version and a measure dated after its session.
    let mut value = serde_json::to_value(&c).unwrap();
    value["schema_version"] = 2.into();
    value["sessions"][0]["measures"][0]["date"] = "2026-03-03".into();
    let err = from_json::<Course>(&value.to_string()).unwrap_err();
    assert!(err.to_string().contains("$.schema_version"), "{err}");
    assert!(
        err.to_string().contains("$.sessions[0].measures[0].date"),
        "{err}"
    );
}

#[test]
fn a_contract_problem_is_reported_at_its_path_in_the_course() {
    let c = new_course(false);
    let mut value = serde_json::to_value(&c).unwrap();
    value["contract"]["focus"] = serde_json::json!(["grief", "grief"]);
    let err = from_json::<Course>(&value.to_string()).unwrap_err();
    assert_eq!(err.path.as_str(), "$.contract.focus[1]", "{err}");
}

// ---------------------------------------------------------------------------
// Privacy

#[test]
fn session_notes_never_show_in_debug_errors_or_reports() {
    let mut c = course_in_active_treatment();
    let noted = |n: u8, date: NaiveDate| {
        SessionRecord::new(n, date, Phase::ActiveTreatment).with_notes(SENTINEL)
    };
    let refusals = [
        c.record_session(noted(13, week(4))).unwrap_err(),
        c.record_session(noted(3, week(4))).unwrap_err(),
        c.record_session(noted(4, week(2))).unwrap_err(),
        c.record_session(noted(4, week(4)).with_area(ProblemArea::Grief))
            .unwrap_err(),
        c.record_session(noted(4, week(5)).with_measure(phq9(9, 0).measurement(week(6))))
            .unwrap_err(),
    ];
    for err in &refusals {
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains(SENTINEL), "{shown}");
    }
    c.record_session(noted(4, week(4))).unwrap();
    let shown = format!(
        "{c:?} {:?} {} {} {:?}",
        c.sessions(),
        c.review(week(4)),
        c.termination_checklist(),
        c.review(week(4))
    );
    assert!(!shown.contains(SENTINEL));

    // The JSON holds the notes (it belongs to the application), but a read
    // error does not repeat them.
    let mut value = serde_json::to_value(&c).unwrap();
    assert!(value.to_string().contains(SENTINEL));
    value["sessions"][3]["date"] = "2026-01-01".into();
    let err = from_json::<Course>(&value.to_string()).unwrap_err();
    assert!(!format!("{err} {err:?}").contains(SENTINEL));
    value["sessions"][3]["notes"] = 7.into();
    let err = from_json::<Course>(&value.to_string()).unwrap_err();
    assert!(!format!("{err} {err:?}").contains(SENTINEL));
}

// ---------------------------------------------------------------------------
// Properties

fn record_strategy() -> impl Strategy<Value = (u8, u8, u16, Option<(u8, u8)>, bool)> {
    // (number, area index, days after the previous record, optional PHQ-9
    // (total, item 9), reported thoughts)
    (
        0u8..=14,
        0u8..4,
        0u16..20,
        proptest::option::of((0u8..=24, 0u8..=3)),
        any::<bool>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever records are offered, the course never panics, keeps what it
    /// accepts consistent (a JSON round trip re-checks every invariant) and
    /// never loses a safety flag.
    #[test]
    fn arbitrary_records_keep_the_course_consistent(
        records in proptest::collection::vec(record_strategy(), 0..20),
    ) {
        let mut c = new_course(false);
        // Index 0: no area; 1: the focus; 2 and 3: outside it (refused).
        let areas = [None, Some(ProblemArea::RoleDispute), Some(ProblemArea::Grief), Some(ProblemArea::RoleDispute)];
        let mut date = start();
        let mut flags_expected = 0usize;
        for (number, area, gap, phq, reported) in records {
            date = date + Days::new(u64::from(gap));
            let mut r = SessionRecord::new(number, date, Phase::Assessment);
            if let Some(area) = areas[usize::from(area)] {
                r = r.with_area(area);
            }
            let mut flags = 0;
            if let Some((total, item9)) = phq {
                let total = total.max(item9);
                r = r.with_measure(phq9(total, item9).measurement(date));
                flags += usize::from(item9 > 0);
            }
            if reported {
                r = r.with_suicidal_thoughts_reported();
                flags += 1;
            }
            if c.record_session(r).is_ok() {
                flags_expected += flags;
            }
        }
        prop_assert_eq!(c.safety_flags().len(), flags_expected);
        let json = serde_json::to_string(&c).unwrap();
        let back: Course = from_json(&json).unwrap();
        prop_assert_eq!(back, c);
    }
}

#[test]
fn course_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Course>();
    check::<CourseError>();
    check::<SessionRecord>();
    check::<interpersonal::course::ProgressReview>();
    check::<interpersonal::course::TerminationChecklist>();
    check::<interpersonal::course::CourseSafetyFlag>();
}

#[test]
fn a_new_course_has_a_stable_json_shape() {
    let contract = TreatmentContract::builder(start(), [ProblemArea::Grief])
        .sessions(12)
        .build()
        .unwrap();
    let c = Course::new(contract, Vec::new()).unwrap();
    let value = serde_json::to_value(&c).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // serde_json's map sorts keys; the written order is checked on the text.
    assert_eq!(keys, ["contract", "phase", "schedule", "schema_version"]);
    let text = serde_json::to_string(&c).unwrap();
    assert!(
        text.starts_with(r#"{"schema_version":1,"contract":{"#),
        "{text}"
    );
    assert_eq!(value["schema_version"], 1);
    assert_eq!(value["phase"], "assessment");
}

/// A measurement of an instrument on a date the course already holds (in a
/// session or outside one) is refused, whether the course was built call by
/// call or read back from JSON, and after a session adds its own.
#[test]
fn a_measurement_date_taken_is_found_in_sessions_and_after_a_json_round_trip() {
    let mut c = course_in_active_treatment();
    let taken = |c: &mut Course, on: NaiveDate| {
        matches!(
            c.record_measurement(phq9(10, 0).measurement(on)),
            Err(CourseError::MeasureDateTaken { .. })
        )
    };
    // Session 1 holds a PHQ-9 of week 1.
    assert!(taken(&mut c, week(1)));
    c.record_measurement(phq9(12, 0).measurement(week(3) + Days::new(1)))
        .unwrap();
    assert!(taken(&mut c, week(3) + Days::new(1)));
    // A GAD-7 on a date with a PHQ-9 is another instrument.
    let gad7 = interpersonal::Gad7Score::from_scores([1; 7]).unwrap();
    c.record_measurement(gad7.measurement(week(1))).unwrap();

    let mut back: Course = from_json(&interpersonal::to_json(&c).unwrap()).unwrap();
    assert_eq!(back, c);
    assert!(taken(&mut back, week(1)));
    assert!(taken(&mut back, week(3) + Days::new(1)));
    back.record_session(
        SessionRecord::new(4, week(4), Phase::ActiveTreatment)
            .with_area(ProblemArea::RoleDispute)
            .with_measure(phq9(9, 0).measurement(week(4))),
    )
    .unwrap();
    assert!(taken(&mut back, week(4)));
    assert!(!taken(&mut back, week(5)));
}
