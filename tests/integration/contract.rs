//! The treatment contract: validation of each field alone and together (with
//! exact JSON paths), serde round trips, privacy, Send + Sync.

// Test helpers outside #[test] functions may unwrap and index too.
use chrono::{Days, NaiveDate};
use interpersonal::{
    ProblemArea, TreatmentContract,
    course::{Agreement, Cadence, Modality, TreatmentContractBuilder, UnknownModality},
    from_json,
    id::GoalId,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn start() -> NaiveDate {
    d(2026, 1, 5)
}

fn valid() -> TreatmentContract {
    TreatmentContract::builder(start(), [ProblemArea::RoleDispute])
        .build()
        .unwrap()
}

fn goal(id: &str) -> GoalId {
    GoalId::new(id).unwrap()
}

/// The paths of the problems `validate` reports, or none when it is valid.
fn paths(c: &TreatmentContract) -> Vec<String> {
    match c.validate() {
        Ok(()) => Vec::new(),
        Err(problems) => problems
            .iter()
            .map(|p| p.path.as_str().to_owned())
            .collect(),
    }
}

/// The single problem `validate` reports, as text.
fn only_problem(c: &TreatmentContract) -> String {
    let problems = c.validate().unwrap_err();
    assert_eq!(problems.len(), 1, "{problems}");
    problems.as_slice()[0].to_string()
}

#[test]
fn builder_defaults() {
    let c = valid();
    assert_eq!(c.modality, Modality::STANDARD_IPT);
    assert_eq!(c.sessions, 12);
    assert_eq!(c.cadence, Cadence::Weekly);
    assert_eq!(c.starts_on, start());
    assert_eq!(c.session_minutes, 50);
    assert_eq!(c.focus, [ProblemArea::RoleDispute]);
    assert!(c.goals.is_empty());
    assert!(!c.is_agreed());
    assert!(c.practicalities.is_none());
    assert_eq!(c.planned_end(), Some(d(2026, 3, 23)));
}

/// A contract that fits `m`'s spec: its count, first cadence, a length it
/// accepts, an area it allows, and an adolescent's details where it has an
/// age range.
fn fitting(m: Modality) -> TreatmentContract {
    let spec = m.spec();
    let mut c = valid();
    c.modality = m;
    c.sessions = spec.sessions.max.unwrap_or(spec.sessions.min);
    c.cadence = spec.cadences[0];
    c.session_minutes = spec.session_minutes.max;
    c.focus = spec.areas.first().map(|a| a.area).into_iter().collect();
    c.adolescent = spec
        .age
        .map(|a| interpersonal::course::AdolescentDetails::new(a.min as u8));
    c
}

#[test]
fn every_modality_is_accepted_when_its_contract_fits() {
    for m in Modality::ALL {
        assert_eq!(fitting(m).validate(), Ok(()), "{m}");
        // The same contract checked against another modality's spec is
        // refused at $.modality first.
        let other = if m == Modality::STANDARD_IPT {
            Modality::BRIEF_IPT
        } else {
            Modality::STANDARD_IPT
        };
        let p = fitting(m).validate_for(&other.spec()).unwrap_err();
        assert_eq!(p.as_slice()[0].path.as_str(), "$.modality", "{m}");
    }
}

#[test]
fn sessions_twelve_to_sixteen() {
    for n in 0..=u8::MAX {
        let mut c = valid();
        c.sessions = n;
        let ok = (12..=16).contains(&n);
        if ok {
            assert_eq!(c.validate(), Ok(()), "{n}");
        } else {
            assert_eq!(
                only_problem(&c),
                format!("$.sessions: expected from 12 to 16 sessions for standard_ipt; found {n}")
            );
        }
    }
}

#[test]
fn starts_on_must_leave_room_for_every_session() {
    // 12 weekly sessions span 77 days: the last start that fits is MAX - 77.
    let last_fit = NaiveDate::MAX.checked_sub_days(Days::new(77)).unwrap();
    let mut c = valid();
    c.starts_on = last_fit;
    assert_eq!(c.validate(), Ok(()));
    assert_eq!(c.planned_end(), Some(NaiveDate::MAX));

    c.starts_on = last_fit.succ_opt().unwrap();
    assert_eq!(c.planned_end(), None);
    assert_eq!(
        only_problem(&c),
        format!(
            "$.starts_on: expected a start date that leaves room for 12 weekly sessions before {}; found {}",
            NaiveDate::MAX,
            c.starts_on
        )
    );

    c.starts_on = NaiveDate::MAX;
    c.cadence = Cadence::Fortnightly;
    assert_eq!(paths(&c), ["$.starts_on"]);
    c.cadence = Cadence::Weekly;

    // The earliest representable date is fine.
    c.starts_on = NaiveDate::MIN;
    assert_eq!(c.validate(), Ok(()));
}

#[test]
fn session_minutes_twenty_to_one_hundred_twenty() {
    for (minutes, ok) in [
        (0, false),
        (19, false),
        (20, true),
        (50, true),
        (120, true),
        (121, false),
        (u16::MAX, false),
    ] {
        let mut c = valid();
        c.session_minutes = minutes;
        if ok {
            assert_eq!(c.validate(), Ok(()), "{minutes}");
        } else {
            assert_eq!(
                only_problem(&c),
                format!(
                    "$.session_minutes: expected a session length from 20 to 120 minutes; found {minutes}"
                )
            );
        }
    }
}

#[test]
fn focus_one_or_two_areas_without_repeats() {
    let mut c = valid();
    c.focus.clear();
    assert_eq!(
        only_problem(&c),
        "$.focus: expected one or two problem areas; found none"
    );

    c.focus = vec![ProblemArea::Grief, ProblemArea::RoleDispute];
    assert_eq!(c.validate(), Ok(()));

    c.focus = vec![
        ProblemArea::Grief,
        ProblemArea::RoleDispute,
        ProblemArea::RoleTransition,
    ];
    assert_eq!(
        only_problem(&c),
        "$.focus: expected one or two problem areas; found 3"
    );

    c.focus = vec![ProblemArea::Grief, ProblemArea::Grief];
    assert_eq!(
        only_problem(&c),
        "$.focus[1]: expected a problem area not already listed at $.focus[0]; found `grief` again"
    );

    // Too many and repeated: both are reported.
    c.focus = vec![
        ProblemArea::RoleDispute,
        ProblemArea::Grief,
        ProblemArea::RoleDispute,
    ];
    assert_eq!(paths(&c), ["$.focus", "$.focus[2]"]);
}

#[test]
fn deficits_with_another_area_is_accepted() {
    let c = TreatmentContract::builder(
        start(),
        [
            ProblemArea::InterpersonalDeficits,
            ProblemArea::RoleTransition,
        ],
    )
    .build();
    assert!(c.is_ok());
}

#[test]
fn goals_without_repeats() {
    let mut c = valid();
    c.goals = vec![goal("g1"), goal("g2"), goal("g1"), goal("g2")];
    let problems = c.validate().unwrap_err();
    let texts: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        texts,
        [
            "$.goals[2]: expected a goal id not already listed at $.goals[0]; found `g1` again",
            "$.goals[3]: expected a goal id not already listed at $.goals[1]; found `g2` again",
        ]
    );
}

#[test]
fn agreement_before_start_on_start_after_start_up_to_the_planned_end() {
    let end = valid().planned_end().unwrap();
    for on in [d(2025, 12, 1), start(), d(2026, 1, 19), end] {
        let c = TreatmentContract::builder(start(), [ProblemArea::Grief])
            .agreed_on(on)
            .build()
            .unwrap();
        assert!(c.is_agreed());
        assert_eq!(c.agreement, Some(Agreement::new(on)));
    }
    let mut c = valid();
    c.agreement = Some(Agreement::new(end.succ_opt().unwrap()));
    assert_eq!(
        only_problem(&c),
        "$.agreement.on: expected an agreement date on or before the planned last session 2026-03-23; found 2026-03-24"
    );
}

#[test]
fn practicalities_may_not_be_blank_and_never_show() {
    let mut c = valid();
    c.practicalities = Some(" \n\t".into());
    assert_eq!(
        only_problem(&c),
        "$.practicalities: expected text, or no field at all; found blank text"
    );
    c.practicalities = Some("SENTINEL-PRACTICALITIES".into());
    assert_eq!(c.validate(), Ok(()));
    assert!(!format!("{c:?} {c:#?}").contains("SENTINEL"));
}

#[test]
fn every_problem_at_once_in_field_order() {
    let mut c = valid();
    c.modality = Modality::GROUP_IPT;
    c.sessions = 20;
    c.starts_on = NaiveDate::MAX;
    c.session_minutes = 5;
    c.focus = vec![
        ProblemArea::Grief,
        ProblemArea::Grief,
        ProblemArea::RoleDispute,
    ];
    c.goals = vec![goal("g"), goal("g")];
    c.agreement = Some(Agreement::new(start()));
    c.practicalities = Some(String::new().into());
    // Checked against WHO group IPT, whose 8 sessions it does not have.
    let paths_for: Vec<String> = c
        .validate_for(&Modality::WHO_GROUP_IPT.spec())
        .unwrap_err()
        .iter()
        .map(|p| p.path.as_str().to_owned())
        .collect();
    assert_eq!(
        paths_for,
        [
            "$.modality",
            "$.sessions",
            "$.starts_on",
            "$.session_minutes",
            "$.focus",
            "$.focus[1]",
            "$.goals[1]",
            "$.practicalities",
        ]
    );
    c.sessions = 21;
    assert_eq!(
        paths(&c),
        [
            "$.sessions",
            "$.starts_on",
            "$.session_minutes",
            "$.focus",
            "$.focus[1]",
            "$.goals[1]",
            "$.practicalities",
        ]
    );
    // The builder reports the same list.
    let built = TreatmentContract::builder(NaiveDate::MAX, [ProblemArea::Grief; 3])
        .modality(Modality::GROUP_IPT)
        .sessions(21)
        .session_minutes(5)
        .goal(goal("g"))
        .goal(goal("g"))
        .practicalities("")
        .build()
        .unwrap_err();
    let built_paths: Vec<&str> = built.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        built_paths,
        [
            "$.sessions",
            "$.starts_on",
            "$.session_minutes",
            "$.focus",
            "$.focus[1]",
            "$.focus[2]",
            "$.goals[1]",
            "$.practicalities",
        ]
    );
}

#[test]
fn an_agreement_too_late_is_reported_with_the_other_problems() {
    let mut c = valid();
    c.session_minutes = 200;
    c.agreement = Some(Agreement::new(d(2027, 1, 1)));
    assert_eq!(paths(&c), ["$.session_minutes", "$.agreement.on"]);
}

#[test]
fn serde_round_trip_full() {
    let c = TreatmentContract::builder(start(), [ProblemArea::Grief, ProblemArea::RoleDispute])
        .sessions(16)
        .cadence(Cadence::Fortnightly)
        .session_minutes(45)
        .goal(goal("g-mourning"))
        .agreed_on(d(2026, 1, 19))
        .practicalities("Missed sessions are not made up.")
        .build()
        .unwrap();
    let json = serde_json::to_string(&c).unwrap();
    assert_eq!(
        json,
        r#"{"modality":"standard_ipt","sessions":16,"cadence":"fortnightly","starts_on":"2026-01-05","session_minutes":45,"focus":["grief","role_dispute"],"goals":["g-mourning"],"agreement":{"on":"2026-01-19"},"practicalities":"Missed sessions are not made up."}"#
    );
    let back: TreatmentContract = from_json(&json).unwrap();
    assert_eq!(back, c);
}

#[test]
fn serde_minimal_uses_defaults_and_round_trips() {
    let c: TreatmentContract =
        from_json(r#"{"sessions": 12, "starts_on": "2026-01-05", "focus": ["role_transition"]}"#)
            .unwrap();
    assert_eq!(c.modality, Modality::STANDARD_IPT);
    assert_eq!(c.cadence, Cadence::Weekly);
    assert_eq!(c.session_minutes, 50);
    assert_eq!(c.validate(), Ok(()));
    let json = serde_json::to_string(&c).unwrap();
    assert_eq!(
        json,
        r#"{"modality":"standard_ipt","sessions":12,"cadence":"weekly","starts_on":"2026-01-05","session_minutes":50,"focus":["role_transition"]}"#
    );
    assert_eq!(from_json::<TreatmentContract>(&json).unwrap(), c);
}

#[test]
fn serde_refuses_unknown_fields_and_names_with_paths() {
    let cases = [
        (
            r#"{"sessions": 12, "starts_on": "2026-01-05", "focus": ["grief"], "weeks": 12}"#,
            "$",
        ),
        (
            r#"{"modality": "ipt_deluxe", "sessions": 12, "starts_on": "2026-01-05", "focus": ["grief"]}"#,
            "$.modality",
        ),
        (
            r#"{"sessions": 12, "cadence": "daily", "starts_on": "2026-01-05", "focus": ["grief"]}"#,
            "$.cadence",
        ),
        (
            r#"{"sessions": 300, "starts_on": "2026-01-05", "focus": ["grief"]}"#,
            "$.sessions",
        ),
        (
            r#"{"sessions": 12, "starts_on": "2026-02-30", "focus": ["grief"]}"#,
            "$.starts_on",
        ),
        (
            r#"{"sessions": 12, "starts_on": "2026-01-05", "focus": ["sadness"]}"#,
            "$.focus[0]",
        ),
        (
            r#"{"sessions": 12, "starts_on": "2026-01-05", "focus": ["grief"], "agreement": {"on": "2026-01-05", "by": "x"}}"#,
            "$.agreement",
        ),
        (
            r#"{"sessions": 12, "starts_on": "2026-01-05", "focus": ["grief"], "goals": ["not an id"]}"#,
            "$.goals[0]",
        ),
    ];
    for (json, path) in cases {
        let err = from_json::<TreatmentContract>(json).unwrap_err();
        assert_eq!(err.path.as_str(), path, "{json}: {err}");
    }
}

#[test]
fn modality_text_round_trip_and_error() {
    for m in Modality::ALL {
        assert_eq!(m.to_string().parse::<Modality>(), Ok(m));
    }
    let err: UnknownModality = "IPT".parse::<Modality>().unwrap_err();
    assert!(!err.to_string().contains("IPT"));
}

#[test]
fn public_types_are_send_sync() {
    fn check<T: Send + Sync + Clone + std::fmt::Debug + PartialEq>() {}
    check::<Modality>();
    check::<UnknownModality>();
    check::<Cadence>();
    check::<Agreement>();
    check::<TreatmentContract>();
    check::<TreatmentContractBuilder>();
}

/// An acute standard-IPT contract is weekly; monthly sessions belong to
/// maintenance IPT (CLINICAL-BASIS.md §1.1, §7.6).
#[test]
fn an_acute_contract_is_never_monthly() {
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    let err = TreatmentContract::builder(start, [ProblemArea::Grief])
        .cadence(Cadence::Monthly)
        .build()
        .unwrap_err();
    assert_eq!(err.iter().next().unwrap().path.as_str(), "$.cadence");
    assert!(err.to_string().contains("maintenance"), "{err}");
    assert!(
        TreatmentContract::builder(start, [ProblemArea::Grief])
            .cadence(Cadence::Weekly)
            .build()
            .is_ok()
    );
}
