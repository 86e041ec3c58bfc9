//! Patient text never leaves through `Debug`, errors, assessments or their
//! JSON (DESIGN.md decisions 2 and 3). A sentinel string goes into every
//! `Sensitive` field of every public type that holds one, and the test looks
//! for it wherever text comes out.

use chrono::NaiveDate;
use interpersonal::{
    catalogue::*, course::*, date::*, engine::*, error::*, goal::*, id::*, inventory::*,
    sensitive::*,
};

const SENTINEL: &str = "SENTINEL-7f3a";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn assert_hidden(what: &str, text: &str) {
    assert!(
        !text.contains(SENTINEL),
        "{what} shows patient text: {text}"
    );
}

/// An inventory whose every free-text field is the sentinel, with a death, a
/// dispute and a transition so that every rule has something to say.
fn sentinel_inventory() -> Inventory {
    let s = || SENTINEL.to_owned();
    Inventory::builder(day(2026, 3, 2))
        .onset("2026-01")
        .person(
            Person::builder("spouse", s(), RelationshipKind::Spouse)
                .closeness(Closeness::Inner)
                .shared_activity(s())
                .satisfaction(s())
                .dissatisfaction(s())
                .feeling(s())
                .can_talk_about(s())
                .cannot_talk_about(s())
                .desired_change(s())
                .notes(s())
                .expectations(
                    Expectations::new(ExpectationsMet::Unmet)
                        .with_patient_expects(s())
                        .with_other_expects(s()),
                )
                .conflict(
                    Conflict::new(ConflictLevel::High)
                        .with_visibility(ConflictVisibility::Overt)
                        .with_course(ConflictCourse::Stalled)
                        .with_began(RelativeToOnset::BeforeOnset)
                        .with_topic(s()),
                )
                .change_around_onset(RelationshipChange::Worse),
        )
        .person(
            Person::builder("father", s(), RelationshipKind::Parent)
                .closeness(Closeness::Inner)
                .deceased("2025-12"),
        )
        .event(
            LifeEvent::builder("death", EventKind::Death)
                .date("2025-12")
                .person("father")
                .linked_to_onset(true)
                .grief_sign(GriefSign::AvoidedMourning)
                .notes(s()),
        )
        .event(
            LifeEvent::builder("move", EventKind::Relocation)
                .date("2025-11")
                .linked_to_onset(true)
                .notes(s()),
        )
        .suicidal_thoughts_reported(true)
        .build()
        .unwrap()
}

#[test]
fn inventory_debug_hides_every_text_field() {
    let inv = sentinel_inventory();
    assert_hidden("Inventory Debug", &format!("{inv:?} {inv:#?}"));
    for p in &inv.people {
        assert_hidden("Person Debug", &format!("{p:?}"));
    }
    for e in &inv.events {
        assert_hidden("LifeEvent Debug", &format!("{e:?}"));
    }
    // The JSON is the application's own data and does carry the text.
    assert!(serde_json::to_string(&inv).unwrap().contains(SENTINEL));
}

#[test]
fn assessment_holds_no_patient_text() {
    let inv = sentinel_inventory();
    let engine = Engine::standard().unwrap();
    let a = engine.evaluate(&inv);
    assert_hidden("Assessment Debug", &format!("{a:?}"));
    assert_hidden("Assessment JSON", &serde_json::to_string(&a).unwrap());
    let report = Report::new(&a, &inv);
    assert_hidden("Report Debug", &format!("{report:?}"));
    // The report is the one place where labels are joined back in...
    assert!(report.to_string().contains(SENTINEL));
    // ...and the safety advisory comes first in it and in the assessment.
    assert_eq!(a.advisories[0].code, AdvisoryCode::SuicidalThoughtsReported);
    assert_eq!(a.advisories[0].indicator, Indicator::Critical);
}

#[test]
fn validation_errors_hold_no_patient_text() {
    let mut inv = sentinel_inventory();
    // Break it in several ways at once.
    inv.schema_version = 9;
    inv.onset = EpisodeOnset::Known("2027-01".parse().unwrap());
    let dup = inv.people[0].clone();
    inv.people.push(dup);
    let err = inv.validate().unwrap_err();
    assert!(err.len() >= 3, "{err}");
    assert_hidden("Problems Display", &err.to_string());
    assert_hidden("Problems Debug", &format!("{err:?}"));
}

#[test]
fn json_errors_hold_no_patient_text() {
    let inv = sentinel_inventory();
    let json = serde_json::to_string(&inv).unwrap();
    // The sentinel where an enum, a date, an id and a number are expected.
    for bad in [
        json.replacen("\"spouse\"", &format!("\"{SENTINEL}\""), 2),
        json.replacen("\"2025-12\"", &format!("\"{SENTINEL}\""), 1),
        json.replacen("\"father\"", &format!("\"{SENTINEL} x\""), 1),
        json.replacen(
            "\"schema_version\":1",
            &format!("\"schema_version\":\"{SENTINEL}\""),
            1,
        ),
    ] {
        let err = from_json::<Inventory>(&bad).unwrap_err();
        assert_hidden("JsonError Display", &err.to_string());
        assert_hidden("JsonError Debug", &format!("{err:?}"));
    }
}

#[test]
fn goals_and_contracts_hide_their_text() {
    let template = &GoalTemplate::for_area(ProblemArea::RoleDispute)[0];
    let mut goal = template.goal(
        GoalId::new("g1").unwrap(),
        GoalTarget::Described(Sensitive::new(SENTINEL.to_owned())),
    );
    goal.set_status(GoalStatus::Active, day(2026, 3, 9))
        .unwrap();
    goal.record_progress(ProgressEntry::new(day(2026, 3, 16)).with_note(SENTINEL))
        .unwrap();
    assert_hidden("Goal Debug", &format!("{goal:?}"));

    let contract = TreatmentContract::builder(day(2026, 3, 2), vec![ProblemArea::RoleDispute])
        .practicalities(SENTINEL)
        .build()
        .unwrap();
    assert_hidden("TreatmentContract Debug", &format!("{contract:?}"));
}

#[test]
fn courses_and_formulations_hide_their_text() {
    let inv = sentinel_inventory();
    let assessment = Engine::standard().unwrap().evaluate(&inv);
    let goal_id = GoalId::new("g1").unwrap();
    let contract = TreatmentContract::builder(day(2026, 3, 2), assessment.focus.clone())
        .goal(goal_id.clone())
        .practicalities(SENTINEL)
        .build()
        .unwrap();
    let goal = GoalTemplate::for_area(assessment.focus[0])[0].goal(
        goal_id,
        GoalTarget::Described(Sensitive::new(SENTINEL.to_owned())),
    );
    let mut course = Course::new(contract, vec![goal]).unwrap();
    course
        .record_session(
            SessionRecord::new(1, day(2026, 3, 2), Phase::Assessment).with_notes(SENTINEL),
        )
        .unwrap();
    assert_hidden("Course Debug", &format!("{course:?}"));
    assert_hidden(
        "ProgressReview Debug",
        &format!("{:?}", course.review(day(2026, 3, 2))),
    );
    let formulation = Formulation::new(&course, &assessment, &inv);
    assert_hidden("Formulation Debug", &format!("{formulation:?}"));
    // A refused session record names numbers and dates, never the notes.
    let err = course
        .record_session(
            SessionRecord::new(1, day(2026, 3, 1), Phase::Assessment).with_notes(SENTINEL),
        )
        .unwrap_err();
    assert_hidden("CourseError", &format!("{err} {err:?}"));
}
