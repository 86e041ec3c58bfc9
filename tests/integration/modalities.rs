//! Issue 13: every modality as data, its contract and its schedule; a custom
//! modality in JSON; IPT-A; the move to maintenance; group IPT. Issue 8
//! point 10: the twice-weekly start.

use chrono::{Days, NaiveDate};
use interpersonal::{
    Course, Phase, ProblemArea, Schedule, TreatmentContract,
    catalogue::PhaseTask,
    course::{
        AdolescentDetails, AdolescentMood, AdolescentMoodRating, BlockLength, Cadence, CourseError,
        Exclusion, ExtraMeeting, FocusChangeReason, Group, MaintenancePlan, Modality, ModalitySpec,
        ScheduleOptions, SchedulePhase, ScreenResult, SessionFormat, SessionRecord, SkipPolicy,
    },
    from_json, to_json,
};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A contract of `m` with `sessions` (clamped to what the modality takes),
/// its `cadence` if allowed, starting on `start`.
fn contract_of(m: Modality, sessions: u8, start: NaiveDate, twice: u8) -> TreatmentContract {
    let spec = m.spec();
    let sessions = match spec.sessions.max {
        Some(max) => sessions.clamp(spec.sessions.min, max),
        None => sessions.max(spec.sessions.min),
    };
    let mut b = TreatmentContract::builder(start, spec.areas.first().map(|a| a.area))
        .modality(m)
        .sessions(sessions)
        .cadence(spec.cadences[0])
        .session_minutes(spec.session_minutes.max);
    if let Some(max) = spec.twice_weekly_start {
        b = b.twice_weekly_start(twice.min(max));
    }
    if let Some(age) = spec.age {
        b = b.adolescent(AdolescentDetails::new(age.min as u8));
    }
    b.build().unwrap()
}

#[test]
fn every_modality_schedules_with_its_own_phases() {
    let start = d(2026, 1, 5);
    let phases = |m: Modality, n: u8| -> Vec<SchedulePhase> {
        let s =
            Schedule::generate(&contract_of(m, n, start, 0), &ScheduleOptions::default()).unwrap();
        s.sessions().iter().map(|s| s.phase).collect()
    };
    use SchedulePhase::*;
    let brief = phases(Modality::BRIEF_IPT, 8);
    assert_eq!(
        brief,
        [
            Engagement,
            Initial,
            Initial,
            Middle,
            Middle,
            Middle,
            Middle,
            Termination,
            Termination
        ]
    );
    let who = phases(Modality::WHO_GROUP_IPT, 8);
    assert_eq!(
        who,
        [
            PreGroup,
            Initial,
            Middle,
            Middle,
            Middle,
            Middle,
            Middle,
            Middle,
            Termination
        ]
    );
    let a = phases(Modality::ADOLESCENT_IPT, 12);
    assert_eq!(a.iter().filter(|p| **p == Initial).count(), 4);
    assert_eq!(a.iter().filter(|p| **p == Middle).count(), 4);
    assert_eq!(a.iter().filter(|p| **p == Termination).count(), 4);
    let g = phases(Modality::GROUP_IPT, 20);
    assert_eq!(g.len(), 23);
    assert!(
        phases(Modality::MAINTENANCE_IPT, 6)
            .iter()
            .all(|p| *p == Maintenance)
    );
    assert!(
        phases(Modality::IPSRT, 10)
            .iter()
            .all(|p| *p == StageJudged)
    );
    assert!(phases(Modality::MIT, 10).iter().all(|p| *p == StageJudged));

    // IPT-A's parent or guardian joins the first and the last session.
    let s = Schedule::generate(
        &contract_of(Modality::ADOLESCENT_IPT, 12, start, 0),
        &ScheduleOptions::default(),
    )
    .unwrap();
    let joint: Vec<u8> = s
        .sessions()
        .iter()
        .filter(|s| s.format == SessionFormat::Joint)
        .map(|s| s.number)
        .collect();
    assert_eq!(joint, [1, 12]);

    // IPT-G's individual meetings: before, between group sessions 10 and 11, after.
    let s = Schedule::generate(
        &contract_of(Modality::GROUP_IPT, 20, start, 0),
        &ScheduleOptions::default(),
    )
    .unwrap();
    let extras: Vec<(u8, ExtraMeeting)> = s
        .sessions()
        .iter()
        .filter_map(|s| s.extra.map(|e| (s.number, e)))
        .collect();
    assert_eq!(
        extras,
        [
            (1, ExtraMeeting::PreGroup),
            (12, ExtraMeeting::MidTreatment),
            (23, ExtraMeeting::PostTreatment)
        ]
    );
}

#[test]
fn a_schedule_round_trips_through_json_with_its_formats() {
    let c = contract_of(Modality::GROUP_IPT, 20, d(2026, 1, 5), 0);
    let s = Schedule::generate(&c, &ScheduleOptions::default()).unwrap();
    let json = to_json(&s).unwrap();
    assert!(json.contains(r#""extra":"mid_treatment""#));
    assert!(json.contains(r#""format":"group""#));
    let back: Schedule = from_json(&json).unwrap();
    assert_eq!(back, s);
}

#[test]
fn a_custom_modality_is_read_and_checked_with_paths() {
    let custom = r#"{
      "schema_version": 1, "name": "brief_ipt_ten", "based_on": "brief_ipt",
      "title": "Brief IPT, ten sessions",
      "sessions": {"min": 10, "max": 10}, "cadences": ["weekly"],
      "session_minutes": {"min": 45, "max": 60},
      "layout": [
        {"phase": "engagement", "sessions": {"fixed": 1}, "extra": "engagement"},
        {"phase": "initial", "sessions": {"fixed": 2}},
        {"phase": "middle", "sessions": "rest"},
        {"phase": "termination", "sessions": {"fixed": 2}}
      ],
      "max_focus_areas": 1,
      "areas": [{"area": "role_dispute", "name": "disputes"}],
      "participants": ["patient", "therapist"], "sick_role": "full",
      "cites": [{"ref": "swartz-2004-brief-ipt", "basis": "known"}]
    }"#;
    let spec: ModalitySpec = from_json(custom).unwrap();
    let mut c = TreatmentContract::builder("2026-01-05", [ProblemArea::RoleDispute])
        .modality(Modality::BRIEF_IPT)
        .sessions(8)
        .build()
        .unwrap();
    c.sessions = 10;
    assert_eq!(c.validate_for(&spec), Ok(()));
    let s = Schedule::generate_for(&c, &spec, &ScheduleOptions::default()).unwrap();
    assert_eq!(s.session_count(), 11);
    // The built-in brief IPT refuses the same contract at $.sessions.
    assert_eq!(
        c.validate().unwrap_err().as_slice()[0].path.as_str(),
        "$.sessions"
    );
    // An area the custom modality does not allow.
    let mut grief = c.clone();
    grief.focus = vec![ProblemArea::Grief];
    assert_eq!(
        grief.validate_for(&spec).unwrap_err().as_slice()[0]
            .path
            .as_str(),
        "$.focus[0]"
    );

    // A bad custom modality: every problem at its path.
    let mut doc: serde_json::Value = serde_json::from_str(custom).unwrap();
    doc["name"] = "Brief Ten".into();
    doc["sessions"] = serde_json::json!({"min": 10, "max": 9});
    doc["layout"][2]["sessions"] = "judged".into();
    doc["layout"][3]["phase"] = "initial".into();
    doc["cites"][0]["ref"] = "nobody-1999".into();
    let err = from_json::<ModalitySpec>(&doc.to_string()).unwrap_err();
    let text = err.to_string();
    for path in [
        "$.name",
        "$.sessions.max",
        "$.layout",
        "$.layout[3].phase",
        "$.cites[0].ref",
    ] {
        assert!(text.contains(path), "{path} missing from {text}");
    }
}

#[test]
fn twice_weekly_start_shortens_the_course_and_keeps_its_phases() {
    let c = TreatmentContract::builder("2026-01-05", [ProblemArea::Grief])
        .sessions(16)
        .twice_weekly_start(8)
        .build()
        .unwrap();
    let s = Schedule::generate(&c, &ScheduleOptions::default()).unwrap();
    let dates: Vec<NaiveDate> = s.sessions().iter().map(|s| s.date).collect();
    assert_eq!(
        &dates[..4],
        [d(2026, 1, 5), d(2026, 1, 8), d(2026, 1, 12), d(2026, 1, 15)]
    );
    // 8 sessions in 4 weeks, then 8 weekly: ends 11 weeks after the start.
    assert_eq!(s.end_date(), d(2026, 1, 5) + Days::new(7 * 11));
    assert_eq!(Some(s.end_date()), c.planned_end());
    assert_eq!(s.phase_of(3), Some(SchedulePhase::Initial));
    assert_eq!(s.phase_of(14), Some(SchedulePhase::Termination));
}

#[test]
fn adolescent_exclusions_are_advisories_never_silent() {
    let mut details = AdolescentDetails::new(13);
    for e in Exclusion::ALL {
        details = details.screened(e, ScreenResult::Absent);
    }
    let clear = TreatmentContract::builder("2026-01-05", [ProblemArea::RoleTransition])
        .modality(Modality::ADOLESCENT_IPT)
        .session_minutes(45)
        .adolescent(details)
        .build()
        .unwrap();
    assert!(clear.advisories().is_empty());
    let unscreened = TreatmentContract::builder("2026-01-05", [ProblemArea::RoleTransition])
        .modality(Modality::ADOLESCENT_IPT)
        .session_minutes(45)
        .adolescent(AdolescentDetails::new(17))
        .build()
        .unwrap();
    let a = unscreened.advisories();
    assert_eq!(a.len(), Exclusion::COUNT);
    assert!(a[0].exclusion.is_safety() && a[1].exclusion.is_safety());
    // The JSON round trip keeps the adolescent block.
    let back: TreatmentContract = from_json(&to_json(&unscreened).unwrap()).unwrap();
    assert_eq!(back, unscreened);
}

/// Issue 13 point 4: IPT-M after acute treatment given elsewhere begins in
/// the maintenance phase, and reading it from JSON keeps it there: no acute
/// task and no acute session belongs to it.
#[test]
fn a_maintenance_only_course_begins_in_maintenance_through_json() {
    let contract = TreatmentContract::builder("2026-03-02", [ProblemArea::RoleDispute])
        .modality(Modality::MAINTENANCE_IPT)
        .cadence(Cadence::Monthly)
        .sessions(6)
        .agreed_on(d(2026, 3, 2))
        .build()
        .unwrap();
    let mut course = Course::new(contract, Vec::new()).unwrap();
    assert_eq!(course.first_phase(), Phase::Maintenance);
    assert_eq!(course.phase(), Phase::Maintenance);
    assert_eq!(
        course.open_tasks(),
        Phase::Maintenance
            .tasks()
            .iter()
            .copied()
            .filter(|t| t.is_required())
            .collect::<Vec<_>>()
    );
    assert!(matches!(
        course.complete_task(PhaseTask::ScreenSafety, d(2026, 3, 2)),
        Err(CourseError::TaskBeforeCourse {
            first: Phase::Maintenance,
            ..
        })
    ));
    assert!(matches!(
        course.record_session(SessionRecord::new(1, d(2026, 3, 2), Phase::Assessment)),
        Err(CourseError::SessionPhaseMismatch { .. })
    ));
    course
        .record_session(SessionRecord::new(1, d(2026, 3, 2), Phase::Maintenance))
        .unwrap();
    course
        .complete_task(PhaseTask::MonitorForRecurrence, d(2026, 3, 2))
        .unwrap();
    let json = to_json(&course).unwrap();
    let back: Course = from_json(&json).unwrap();
    assert_eq!(back, course);
    assert_eq!(back.phase(), Phase::Maintenance);

    // An acute task or an acute session in a maintenance course's JSON is
    // refused at its path.
    let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    doc["tasks_done"][0]["task"] = "screen_safety".into();
    doc["sessions"][0]["phase"] = "assessment".into();
    let err = from_json::<Course>(&doc.to_string())
        .unwrap_err()
        .to_string();
    assert!(err.contains("$.tasks_done[0].task"), "{err}");
    assert!(err.contains("$.sessions[0].phase"), "{err}");
    // A maintenance course's JSON that claims the acute phases is refused.
    let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    doc["phase"] = "assessment".into();
    let err = from_json::<Course>(&doc.to_string())
        .unwrap_err()
        .to_string();
    assert!(err.contains("$.phase"), "{err}");
}

/// Issue 13 point 4: an acute course moves to maintenance once it is decided
/// in termination, with the focus changed to a deferred area and the
/// patient's agreement recorded; the JSON keeps the change.
#[test]
fn an_acute_course_moves_to_maintenance_with_a_deferred_area() {
    let contract = TreatmentContract::builder("2026-01-05", [ProblemArea::Grief])
        .agreed_on(d(2026, 1, 5))
        .build()
        .unwrap();
    let mut course = Course::new(contract, Vec::new()).unwrap();
    let plan = MaintenancePlan::new("2026-04-27", 6, [ProblemArea::RoleDispute])
        .because(FocusChangeReason::DeferredArea)
        .agreed_on("2026-03-23");
    assert!(matches!(
        course.maintenance(&plan, Vec::new()),
        Err(CourseError::MaintenanceNotDecided { .. })
    ));
    for phase in [
        Phase::Assessment,
        Phase::GoalSetting,
        Phase::ActiveTreatment,
    ] {
        for task in phase.tasks() {
            course.complete_task(*task, d(2026, 3, 2)).unwrap();
        }
        course.advance_phase(d(2026, 3, 2)).unwrap();
    }
    assert!(matches!(
        course.maintenance(&plan, Vec::new()),
        Err(CourseError::MaintenanceNotDecided { decided: false, .. })
    ));
    course
        .complete_task(PhaseTask::DecideOnMaintenance, d(2026, 3, 23))
        .unwrap();
    // A changed focus without the patient's agreement is refused at its path.
    let unagreed = MaintenancePlan::new("2026-04-27", 6, [ProblemArea::RoleDispute])
        .because(FocusChangeReason::DeferredArea);
    match course.maintenance(&unagreed, Vec::new()) {
        Err(CourseError::Contract(p)) => assert_eq!(p.as_slice()[0].path.as_str(), "$.agreed_on"),
        other => panic!("{other:?}"),
    }
    let m = course.maintenance(&plan, Vec::new()).unwrap();
    assert_eq!(m.phase(), Phase::Maintenance);
    assert!(
        m.schedule()
            .sessions()
            .iter()
            .all(|s| s.phase == SchedulePhase::Maintenance)
    );
    let change = m.contract().focus_change.clone().unwrap();
    assert_eq!(change.from, [ProblemArea::Grief]);
    assert_eq!(change.reason, FocusChangeReason::DeferredArea);
    assert_eq!(change.agreement.on, d(2026, 3, 23));
    let back: Course = from_json(&to_json(&m).unwrap()).unwrap();
    assert_eq!(back, m);
    assert_eq!(
        back.contract().focus_change.as_ref().map(|c| c.reason),
        Some(FocusChangeReason::DeferredArea)
    );
}

#[test]
fn acute_to_maintenance_with_a_deferred_area() {
    let acute = TreatmentContract::builder("2026-01-05", [ProblemArea::RoleTransition])
        .modality(Modality::BRIEF_IPT)
        .sessions(8)
        .build()
        .unwrap();
    let end = acute.planned_end().unwrap();
    let same = MaintenancePlan::new(end + Days::new(28), 12, [ProblemArea::RoleTransition]);
    let m = acute.maintenance(&same).unwrap();
    assert!(m.focus_change.is_none());
    let early = MaintenancePlan::new(end, 12, [ProblemArea::RoleTransition]);
    assert_eq!(
        acute.maintenance(&early).unwrap_err().as_slice()[0]
            .path
            .as_str(),
        "$.starts_on"
    );
    let deferred = MaintenancePlan::new(end + Days::new(28), 12, [ProblemArea::RoleDispute])
        .because(FocusChangeReason::DeferredArea)
        .agreed_on(end);
    let m = acute.maintenance(&deferred).unwrap();
    let change = m.focus_change.clone().unwrap();
    assert_eq!(change.from, [ProblemArea::RoleTransition]);
    assert_eq!(change.agreement.on, end);
    let back: TreatmentContract = from_json(&to_json(&m).unwrap()).unwrap();
    assert_eq!(back, m);
    // A focus change on an acute contract is refused.
    let mut bad = acute.clone();
    bad.focus_change = Some(change);
    assert_eq!(
        bad.validate().unwrap_err().as_slice()[0].path.as_str(),
        "$.focus_change"
    );
    // Maintenance is monthly and never twice weekly.
    let s = Schedule::generate(&m, &ScheduleOptions::default()).unwrap();
    assert_eq!(s.cadence(), Cadence::Monthly);
    assert!(
        s.sessions()
            .iter()
            .all(|s| s.phase == SchedulePhase::Maintenance)
    );
}

#[test]
fn a_members_safety_flag_surfaces_first_and_only_as_theirs() {
    let group: Group = from_json(
        r#"{
      "schema_version": 1, "modality": "group_ipt", "starts_on": "2026-01-05",
      "sessions": 20,
      "facilitators": [{"id": "f1", "label": "SENTINEL-FAC"}, {"id": "f2", "label": "Co"}],
      "members": [
        {"id": "m1", "label": "SENTINEL-ONE", "focus": ["grief"],
         "measurements": [{"instrument": "phq9", "date": "2026-01-05", "total": 12}]},
        {"id": "m2", "label": "SENTINEL-TWO", "focus": ["role_dispute", "role_transition"],
         "measurements": [
           {"instrument": "phq9", "date": "2026-01-05", "total": 16,
            "safety_flags": [{"kind": "suicidal_ideation", "source": "phq9_item9", "score": 2}]},
           {"instrument": "phq9", "date": "2026-02-02", "total": 11}]}
      ]
    }"#,
    )
    .unwrap();
    let review = group.review(d(2026, 2, 9));
    assert_eq!(review.safety.len(), 1);
    assert_eq!(review.safety[0].member.as_str(), "m2");
    assert_eq!(review.members[1].latest[0].total(), 11);
    let json = to_json(&review).unwrap();
    assert!(!json.contains("SENTINEL"));
    let one = to_json(&group.member_review("m1").unwrap()).unwrap();
    assert!(!one.contains("m2") && !one.contains("SENTINEL") && !one.contains("safety\":[{"));
    let two = group.member_review("m2").unwrap();
    assert_eq!(two.safety_flags.len(), 1);
    assert!(!format!("{group:?}").contains("SENTINEL"));
    assert_eq!(
        group
            .schedule(&ScheduleOptions::default())
            .unwrap()
            .session_count(),
        23
    );
}

#[test]
fn a_group_reports_every_problem_at_its_path() {
    let text = r#"{
      "schema_version": 1, "modality": "standard_ipt", "starts_on": "2026-01-05",
      "sessions": 12, "facilitators": [],
      "members": [
        {"id": "m1", "label": "A", "focus": ["grief", "grief"]},
        {"id": "m1", "label": " ", "focus": []}
      ]
    }"#;
    let err = from_json::<Group>(text).unwrap_err().to_string();
    for path in [
        "$.modality",
        "$.facilitators",
        "$.members[1].id",
        "$.members[1].label",
    ] {
        assert!(err.contains(path), "{path} missing from {err}");
    }
    let who = r#"{
      "schema_version": 1, "modality": "who_group_ipt", "starts_on": "2026-01-05",
      "sessions": 8, "facilitators": [{"id": "f1", "label": "F"}],
      "members": [
        {"id": "m1", "label": "A", "focus": ["grief", "grief"]},
        {"id": "m2", "label": "B", "focus": []}
      ]
    }"#;
    let err = from_json::<Group>(who).unwrap_err().to_string();
    for path in ["$.members[0].focus[1]", "$.members[1].focus"] {
        assert!(err.contains(path), "{path} missing from {err}");
    }
}

fn modality() -> impl Strategy<Value = Modality> {
    (0..Modality::ALL.len()).prop_map(|i| Modality::ALL[i])
}

proptest! {
    /// For every modality: the sessions partition into its phases in the
    /// layout's order (each phase once, ranks never decreasing), dates
    /// strictly increase, no session falls on a skipped date, and the
    /// counted sessions are the contract's.
    #[test]
    fn every_modality_schedule_keeps_its_invariants(
        m in modality(),
        sessions in 1u8..40,
        twice in 0u8..9,
        start_days in 0u64..3000,
        skips in proptest::collection::vec(0u64..400, 0..30),
        next_slot in any::<bool>(),
    ) {
        let start = d(2020, 1, 1) + Days::new(start_days);
        let c = contract_of(m, sessions, start, twice);
        let mut options = ScheduleOptions::default();
        options.skip = skips.iter().map(|&o| start + Days::new(o)).collect();
        options.skip_policy = if next_slot { SkipPolicy::NextCadenceSlot } else { SkipPolicy::NextFreeDay };
        let s = Schedule::generate(&c, &options).unwrap();
        schedule_invariants(&s, &m.spec(), &c, &options)?;
    }
}

/// The invariants every schedule of every modality, built-in or custom,
/// keeps: as many sessions as the layout gives the contract's count, the
/// counted ones the contract's; numbered from 1; the sessions partition into
/// the layout's phases in its order (each phase once, ranks never
/// decreasing); dates strictly increase; no session on a skipped date; and the
/// schedule reads back from JSON unchanged.
fn schedule_invariants(
    s: &Schedule,
    spec: &ModalitySpec,
    c: &TreatmentContract,
    options: &ScheduleOptions,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(s.sessions().len(), spec.total_sessions(c.sessions).unwrap());
    let counted = s.sessions().iter().filter(|s| s.extra.is_none()).count();
    prop_assert_eq!(counted, usize::from(c.sessions));
    let mut seen: Vec<SchedulePhase> = Vec::new();
    let mut rank = 0;
    for (i, w) in s.sessions().iter().enumerate() {
        prop_assert_eq!(usize::from(w.number), i + 1);
        prop_assert!(!options.skip.contains(&w.date));
        if seen.last() != Some(&w.phase) {
            prop_assert!(!seen.contains(&w.phase), "{} returns", w.phase);
            seen.push(w.phase);
        }
        if let Some(r) = w.phase.rank() {
            prop_assert!(r >= rank);
            rank = r;
        }
    }
    for w in s.sessions().windows(2) {
        prop_assert!(w[0].date < w[1].date);
    }
    // The phases are the layout's, in its order.
    let layout: Vec<SchedulePhase> = spec
        .layout
        .iter()
        .filter(|b| b.sessions != BlockLength::Judged)
        .map(|b| b.phase)
        .collect();
    let mut dedup = layout.clone();
    dedup.dedup();
    if !layout.is_empty() {
        let present: Vec<SchedulePhase> = dedup.into_iter().filter(|p| seen.contains(p)).collect();
        prop_assert_eq!(present, seen.clone());
    } else {
        prop_assert!(
            s.sessions()
                .iter()
                .all(|w| w.phase == SchedulePhase::StageJudged)
        );
    }
    // And it reads back from JSON unchanged.
    let back: Schedule = from_json(&to_json(s).unwrap()).unwrap();
    prop_assert_eq!(&back, s);
    Ok(())
}

proptest! {
    /// A custom modality made by changing numbers and names in a built-in
    /// one's JSON never panics: reading it, laying out any count, checking a
    /// contract against it and scheduling it each return a value or an error.
    /// A contract it accepts is scheduled, and every schedule it gives, with
    /// any skipped dates, keeps [`schedule_invariants`].
    #[test]
    fn any_custom_modality_is_refused_or_used_without_panic(
        m in modality(),
        min in 0u16..300,
        max in 0u16..300,
        fixed in proptest::collection::vec(0u16..300, 0..6),
        twice in proptest::option::of(0u16..300),
        count in any::<u8>(),
        skips in proptest::collection::vec(0u64..400, 0..20),
        next_slot in any::<bool>(),
    ) {
        let mut doc = serde_json::to_value(m.spec()).unwrap();
        doc["name"] = "custom".into();
        doc["sessions"] = serde_json::json!({"min": min, "max": max});
        if let Some(t) = twice {
            doc["twice_weekly_start"] = t.into();
        }
        if let Some(layout) = doc["layout"].as_array_mut() {
            for (block, n) in layout.iter_mut().zip(&fixed) {
                block["sessions"] = serde_json::json!({"fixed": n});
            }
        }
        if let Ok(spec) = from_json::<ModalitySpec>(&doc.to_string()) {
            let _ = spec.plan(count, Some(count), None);
            let mut c = contract_of(m, 12, d(2026, 1, 5), 0);
            c.sessions = count;
            let valid = c.validate_for(&spec).is_ok();
            let mut options = ScheduleOptions::default();
            options.skip = skips.iter().map(|&o| c.starts_on + Days::new(o)).collect();
            options.skip_policy = if next_slot { SkipPolicy::NextCadenceSlot } else { SkipPolicy::NextFreeDay };
            let schedule = Schedule::generate_for(&c, &spec, &options);
            // A contract the custom modality accepts is always scheduled.
            if valid {
                prop_assert!(schedule.is_ok(), "{:?}", schedule);
            }
            // Every schedule of a custom modality keeps the built-in ones' invariants.
            if let Ok(s) = schedule {
                schedule_invariants(&s, &spec, &c, &options)?;
            }
        }
    }
}

/// Issue 13 point 2: an IPT-A course's formulation gives the limited sick
/// role (keep going to school and to activities), citing the IPT-A manual; a
/// standard course's gives IPT's sick role.
#[test]
fn an_adolescent_formulation_gives_the_limited_sick_role() {
    use interpersonal::{
        Engine, Formulation, Inventory, course::FormulationPart, date::EpisodeOnset,
        inventory::ScreenAnswer,
    };
    let start = d(2026, 3, 2);
    let mut inventory = Inventory::new(start, EpisodeOnset::Unknown);
    inventory.safety.suicidal_thoughts = ScreenAnswer::Denied;
    let assessment = Engine::standard().unwrap().evaluate(&inventory);
    let adolescent = TreatmentContract::builder(start, [ProblemArea::RoleDispute])
        .modality(Modality::ADOLESCENT_IPT)
        .session_minutes(45)
        .adolescent(AdolescentDetails::new(15))
        .build()
        .unwrap();
    let course = Course::new(adolescent, Vec::new()).unwrap();
    let f = Formulation::new(&course, &assessment, &inventory);
    let sick = f.section(FormulationPart::SickRole).unwrap();
    assert!(sick.text.expose().contains("keep going to school"));
    assert!(sick.source.cites_work("mufson-2004-ipt-a"));
    assert!(f.to_string().contains("keep going to school"));

    let standard = TreatmentContract::builder(start, [ProblemArea::RoleDispute])
        .build()
        .unwrap();
    let course = Course::new(standard, Vec::new()).unwrap();
    let f = Formulation::new(&course, &assessment, &inventory);
    let sick = f.section(FormulationPart::SickRole).unwrap();
    assert!(sick.text.expose().contains("let some obligations go"));
    assert!(!sick.source.cites_work("mufson-2004-ipt-a"));
}

/// The cadences come from the modality data only: a contract built for a
/// modality takes its usual cadence unless one is set, a maintenance plan and
/// a maintenance schedule are at maintenance IPT's, and a group without a
/// cadence meets at its modality's.
#[test]
fn the_usual_cadence_comes_from_the_modality_data() {
    for m in Modality::ALL {
        assert_eq!(m.usual_cadence(), m.spec().cadences[0], "{m}");
    }
    let m = TreatmentContract::builder("2026-03-02", [ProblemArea::Grief])
        .modality(Modality::MAINTENANCE_IPT)
        .sessions(6)
        .build()
        .unwrap();
    assert_eq!(m.cadence, Cadence::Monthly);
    // An explicit cadence stays, whichever order the calls come in.
    let f = TreatmentContract::builder("2026-03-02", [ProblemArea::Grief])
        .cadence(Cadence::Fortnightly)
        .modality(Modality::MAINTENANCE_IPT)
        .sessions(6)
        .build()
        .unwrap();
    assert_eq!(f.cadence, Cadence::Fortnightly);
    assert_eq!(
        MaintenancePlan::new("2026-06-01", 3, [ProblemArea::Grief]).cadence,
        Modality::MAINTENANCE_IPT.usual_cadence()
    );
    let acute = Schedule::generate(
        &TreatmentContract::builder("2026-01-05", [ProblemArea::Grief])
            .build()
            .unwrap(),
        &ScheduleOptions::default(),
    )
    .unwrap();
    let s = Schedule::maintenance(&acute, 2, &ScheduleOptions::default()).unwrap();
    assert_eq!(s.cadence(), Modality::MAINTENANCE_IPT.usual_cadence());
    // A contract read from JSON without a cadence takes its modality's.
    for m in Modality::ALL {
        let c = contract_of(m, 12, d(2026, 1, 5), 0);
        let mut doc = serde_json::to_value(&c).unwrap();
        doc.as_object_mut().unwrap().remove("cadence");
        let back: TreatmentContract = from_json(&doc.to_string()).unwrap();
        assert_eq!(back.cadence, m.usual_cadence(), "{m}");
        assert_eq!(back.validate(), Ok(()), "{m}");
    }
    let json: TreatmentContract = from_json(
        r#"{"modality": "maintenance_ipt", "sessions": 6, "starts_on": "2026-03-02", "focus": ["grief"]}"#,
    )
    .unwrap();
    assert_eq!(json.cadence, Cadence::Monthly);
    // A group made in code meets at its modality's usual cadence.
    for m in [Modality::GROUP_IPT, Modality::WHO_GROUP_IPT] {
        assert_eq!(Group::new(m, "2026-01-05", 8).cadence, m.usual_cadence());
    }
}

/// Which contracts maintenance IPT may follow is its modality data
/// ([`ModalitySpec::follows`]), nothing else: the move to maintenance
/// accepts exactly those and refuses the rest at `$.modality`.
#[test]
fn the_contracts_maintenance_follows_come_from_its_data() {
    let spec = Modality::MAINTENANCE_IPT.spec();
    assert_eq!(
        spec.follows,
        [
            Modality::STANDARD_IPT,
            Modality::BRIEF_IPT,
            Modality::ADOLESCENT_IPT,
            Modality::GROUP_IPT,
            Modality::WHO_GROUP_IPT
        ]
    );
    for m in Modality::ALL {
        let acute = contract_of(m, 12, d(2026, 1, 5), 0);
        let end = acute.planned_end().unwrap();
        let plan = MaintenancePlan::new(end + Days::new(28), 6, acute.focus.clone());
        match acute.maintenance(&plan) {
            Ok(c) => {
                assert!(spec.may_follow(m), "{m}");
                assert_eq!(c.modality, Modality::MAINTENANCE_IPT);
            }
            Err(p) => {
                assert!(!spec.may_follow(m), "{m}: {p:?}");
                assert_eq!(p.as_slice()[0].path.as_str(), "$.modality", "{m}");
            }
        }
        // No other modality is followed by anything.
        if m != Modality::MAINTENANCE_IPT {
            assert!(m.spec().follows.is_empty(), "{m}");
        }
    }
    // The field is data: it round-trips, and a custom modality's list is checked.
    let mut doc = serde_json::to_value(&spec).unwrap();
    assert_eq!(doc["follows"][0], "standard_ipt");
    doc["name"] = "maintenance_two".into();
    doc["follows"] = serde_json::json!(["brief_ipt", "brief_ipt"]);
    let err = from_json::<ModalitySpec>(&doc.to_string())
        .unwrap_err()
        .to_string();
    assert!(err.contains("$.follows[1]"), "{err}");
}

/// A contract whose extra meetings would take its schedule past the 255
/// sessions a schedule holds is refused at `$.sessions`, so a contract the
/// modality accepts can always be scheduled.
#[test]
fn a_contract_too_long_for_a_schedule_is_refused_at_sessions() {
    let mut doc = serde_json::to_value(Modality::GROUP_IPT.spec()).unwrap();
    doc["name"] = "long_group".into();
    doc["sessions"] = serde_json::json!({"min": 20, "max": 255});
    let spec: ModalitySpec = from_json(&doc.to_string()).unwrap();
    let mut c = contract_of(Modality::GROUP_IPT, 20, d(2026, 1, 5), 0);
    c.sessions = 252;
    assert_eq!(c.validate_for(&spec), Ok(()));
    assert_eq!(
        Schedule::generate_for(&c, &spec, &ScheduleOptions::default())
            .unwrap()
            .session_count(),
        255
    );
    c.sessions = 253;
    let err = c.validate_for(&spec).unwrap_err();
    assert_eq!(err.as_slice()[0].path.as_str(), "$.sessions");
    assert!(
        err.as_slice()[0].expected.contains("at most 252"),
        "{err:?}"
    );
}

/// Issue 13 point 2: an IPT-A session records the adolescent's mood rating
/// (1 to 10, with the best and worst of the week), kept through JSON; a
/// rating on a course without an age range, for another session, or with a
/// best worse than the worst is refused, in code and in JSON at its path.
#[test]
fn an_adolescent_session_records_the_mood_rating() {
    let r = |v| AdolescentMoodRating::new(v).unwrap();
    let mood = |session, now, best, worst| AdolescentMood {
        session,
        now: r(now),
        best: Some(r(best)),
        worst: Some(r(worst)),
    };
    let start = d(2026, 3, 2);
    let contract = contract_of(Modality::ADOLESCENT_IPT, 12, start, 0);
    let mut course = Course::new(contract, Vec::new()).unwrap();
    assert!(matches!(
        course.record_session(
            SessionRecord::new(1, start, Phase::Assessment).with_adolescent_mood(mood(2, 6, 4, 9))
        ),
        Err(CourseError::AdolescentMoodForAnotherSession {
            session: 1,
            rated: 2
        })
    ));
    assert!(matches!(
        course.record_session(
            SessionRecord::new(1, start, Phase::Assessment).with_adolescent_mood(mood(1, 6, 9, 4))
        ),
        Err(CourseError::AdolescentMoodBestWorseThanWorst {
            best: 9,
            worst: 4,
            ..
        })
    ));
    course
        .record_session(
            SessionRecord::new(1, start, Phase::Assessment).with_adolescent_mood(mood(1, 6, 4, 9)),
        )
        .unwrap();
    let json = to_json(&course).unwrap();
    assert!(json.contains(r#""adolescent_mood":{"session":1,"now":6,"best":4,"worst":9}"#));
    let back: Course = from_json(&json).unwrap();
    assert_eq!(back, course);
    assert_eq!(
        back.sessions()[0].adolescent_mood.map(|m| m.now.value()),
        Some(6)
    );

    // In JSON, each problem at its path.
    let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    doc["sessions"][0]["adolescent_mood"]["session"] = 3.into();
    let err = from_json::<Course>(&doc.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("$.sessions[0].adolescent_mood.session"),
        "{err}"
    );
    let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    doc["sessions"][0]["adolescent_mood"]["best"] = 10.into();
    let err = from_json::<Course>(&doc.to_string())
        .unwrap_err()
        .to_string();
    assert!(err.contains("$.sessions[0].adolescent_mood.best"), "{err}");
    let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    doc["sessions"][0]["adolescent_mood"]["now"] = 11.into();
    let err = from_json::<Course>(&doc.to_string())
        .unwrap_err()
        .to_string();
    assert!(err.contains("$.sessions[0].adolescent_mood.now"), "{err}");

    // Only a modality with an age range rates it.
    let standard = contract_of(Modality::STANDARD_IPT, 12, start, 0);
    let mut adult = Course::new(standard, Vec::new()).unwrap();
    assert!(matches!(
        adult.record_session(
            SessionRecord::new(1, start, Phase::Assessment).with_adolescent_mood(mood(1, 6, 4, 9))
        ),
        Err(CourseError::AdolescentMoodOutsideAdolescentIpt { session: 1, .. })
    ));
    adult
        .record_session(SessionRecord::new(1, start, Phase::Assessment))
        .unwrap();
    let mut doc = serde_json::to_value(&adult).unwrap();
    doc["sessions"][0]["adolescent_mood"] = serde_json::json!({"session": 1, "now": 5});
    let err = from_json::<Course>(&doc.to_string())
        .unwrap_err()
        .to_string();
    assert!(err.contains("$.sessions[0].adolescent_mood"), "{err}");
}
