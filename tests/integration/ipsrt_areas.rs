//! IPSRT's fifth problem area (grief for the lost healthy self) and its rule
//! set; rhythm disruptors as (upcoming) life events; trauma as an event kind
//! (IPT for PTSD); the rhythm diary in a course and its review; a
//! possible-mania flag worded as such.

use chrono::NaiveDate;
use interpersonal::catalogue::AreaSet;
use interpersonal::course::{CourseError, ReviewAdvisoryCode, SessionRecord};
use interpersonal::date::PartialDate;
use interpersonal::engine::AdvisoryCode;
use interpersonal::id::EventId;
use interpersonal::inventory::EventKind;
use interpersonal::ipsrt::{ClockTime, SrmActivity, SrmEntry, SrmForm, SrmWeek};
use interpersonal::measure::AsrmScore;
use interpersonal::{
    Course, Engine, Formulation, Inventory, LifeEvent, Phase, ProblemArea, RuleSet,
    TreatmentContract, from_json, to_json,
};
use proptest::prelude::*;

use interpersonal::strategy;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// An inventory whose only fact is the patient's own illness, linked to the
/// onset, with functioning declined since.
fn diagnosis_inventory(extra: &str) -> Inventory {
    from_json(&format!(
        r#"{{
      "schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
      "social_context": {{"prior_functioning": "declined_since_onset"}},
      "safety": {{"suicidal_thoughts_reported": false}},
      "events": [{{"id": "dx", "kind": "serious_illness", "date": "2025-12",
                  "linked_to_onset": true}}]{extra}
    }}"#
    ))
    .unwrap()
}

#[test]
fn a_standard_rule_set_naming_the_fifth_area_does_not_compile() {
    let mut rules = RuleSet::standard();
    rules.rules[2].area = ProblemArea::GriefForLostHealthySelf;
    let problems = Engine::compile(rules).unwrap_err();
    let p = problems
        .iter()
        .find(|p| p.path.as_str() == "$.rules[2].area")
        .expect("the area is refused at its path");
    assert!(p.expected.contains("ipsrt"), "{}", p.expected);
    // Declared for IPSRT, the same rule set compiles.
    let mut rules = RuleSet::standard();
    rules.area_set = AreaSet::Ipsrt;
    rules.rules[2].area = ProblemArea::GriefForLostHealthySelf;
    assert!(Engine::compile(rules).is_ok());
}

#[test]
fn the_same_error_from_json() {
    let mut doc: serde_json::Value = serde_json::from_str(RuleSet::ipsrt_json()).unwrap();
    doc.as_object_mut().unwrap().remove("area_set");
    let rules = RuleSet::from_json(&doc.to_string()).unwrap();
    assert_eq!(rules.area_set, AreaSet::Standard);
    let problems = Engine::compile(rules).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    let n = RuleSet::standard().rules.len();
    assert_eq!(
        paths,
        [
            format!("$.rules[{n}].area"),
            format!("$.rules[{}].area", n + 1)
        ]
    );
}

#[test]
fn the_ipsrt_rule_set_suggests_the_fifth_area_beside_the_four() {
    let engine = Engine::ipsrt().unwrap();
    assert_eq!(engine.rule_set().area_set, AreaSet::Ipsrt);
    let inv = diagnosis_inventory("");
    let a = engine.evaluate(&inv);
    assert_eq!(a.areas.len(), 5);
    assert!(
        a.focus.contains(&ProblemArea::GriefForLostHealthySelf),
        "{:?}",
        a.focus
    );
    let lost = a.finding(ProblemArea::GriefForLostHealthySelf).unwrap();
    assert!(
        lost.evidence
            .iter()
            .all(|e| e.source.cites_work("frank-2005-ipsrt"))
    );
    assert_eq!(lost.score, 4.0);
    // The standard engine reads the same illness as a role transition only.
    let s = Engine::standard().unwrap().evaluate(&inv);
    assert_eq!(s.areas.len(), 4);
    assert_eq!(s.focus, vec![ProblemArea::RoleTransition]);
    assert!(s.finding(ProblemArea::GriefForLostHealthySelf).is_none());
    // The standard assessment's JSON is as before: no fifth area anywhere.
    assert!(!to_json(&s).unwrap().contains("grief_for_lost_healthy_self"));
}

#[test]
fn trauma_is_its_own_kind_and_never_silently_ignored() {
    let inv: Inventory = from_json(
        r#"{
      "schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
      "safety": {"suicidal_thoughts_reported": false},
      "events": [{"id": "t1", "kind": "trauma", "trauma_kind": "assault",
                  "date": "2025-12", "linked_to_onset": true}]
    }"#,
    )
    .unwrap();
    assert_eq!(inv.validate(), Ok(()));
    let a = Engine::standard().unwrap().evaluate(&inv);
    assert_eq!(a.focus, vec![ProblemArea::RoleTransition]);
    let advisory = a
        .advisories
        .iter()
        .find(|x| x.code == AdvisoryCode::TraumaLinkedToOnset)
        .expect("the trauma advisory");
    assert!(advisory.source.cites_work("markowitz-2016-ptsd"));
    assert_eq!(advisory.subjects.len(), 1);
    // Of unknown link and no date: still advised, and asked about.
    let unknown: Inventory = from_json(
        r#"{
      "schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
      "safety": {"suicidal_thoughts_reported": false},
      "events": [{"id": "t1", "kind": "trauma"}]
    }"#,
    )
    .unwrap();
    let a = Engine::standard().unwrap().evaluate(&unknown);
    assert!(
        a.advisories
            .iter()
            .any(|x| x.code == AdvisoryCode::TraumaLinkedToOnset)
    );
    assert!(
        a.missing
            .iter()
            .any(|m| m.path.to_string().starts_with("$.events[0]")),
        "{:?}",
        a.missing
    );
    // Marked not linked by the clinician: no advisory.
    let mut not_linked = unknown.clone();
    not_linked.events[0].linked_to_onset = interpersonal::inventory::OnsetLink::NotLinked;
    let a = Engine::standard().unwrap().evaluate(&not_linked);
    assert!(
        !a.advisories
            .iter()
            .any(|x| x.code == AdvisoryCode::TraumaLinkedToOnset)
    );
}

#[test]
fn a_trauma_kind_belongs_to_a_trauma() {
    let inv: Inventory = from_json(
        r#"{
      "schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
      "events": [{"id": "e1", "kind": "job_loss", "trauma_kind": "combat"}]
    }"#,
    )
    .unwrap();
    let problems = inv.validate().unwrap_err();
    assert_eq!(
        problems.as_slice()[0].path.as_str(),
        "$.events[0].trauma_kind"
    );
}

#[test]
fn upcoming_disruptors_are_validated_and_advised_in_ipsrt_only() {
    let inv = diagnosis_inventory(
        r#", "upcoming": [
          {"id": "trip", "kind": "time_zone_travel", "date": "2026-04-10"},
          {"id": "shifts", "kind": "shift_work", "date": "2026-05"},
          {"id": "wedding", "kind": "marriage", "date": "2026-06"}]"#,
    );
    assert_eq!(inv.validate(), Ok(()));
    let a = Engine::ipsrt().unwrap().evaluate(&inv);
    let plan = a
        .advisories
        .iter()
        .find(|x| x.code == AdvisoryCode::PlanRoutineAroundDisruptor)
        .expect("the disruptor advisory");
    let ids: Vec<String> = plan.subjects.iter().map(|s| to_json(s).unwrap()).collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    // Upcoming events are never evidence.
    assert!(
        a.areas
            .iter()
            .flat_map(|f| &f.evidence)
            .all(|e| !to_json(&e.subjects).unwrap().contains("trip"))
    );
    let report = interpersonal::Report::new(&a, &inv).to_string();
    assert!(
        report.contains("about: the time zone travel (2026-04-10); the shift work (2026-05)"),
        "{report}"
    );
    let s = Engine::standard().unwrap().evaluate(&inv);
    assert!(
        !s.advisories
            .iter()
            .any(|x| x.code == AdvisoryCode::PlanRoutineAroundDisruptor)
    );

    // Bad upcoming events: every problem at its path.
    let bad = diagnosis_inventory(
        r#", "upcoming": [
          {"id": "dx", "kind": "relocation", "date": "2026-04"},
          {"id": "past", "kind": "job_start", "date": "2026-02", "linked_to_onset": true},
          {"id": "past", "kind": "death"}]"#,
    );
    let problems = bad.validate().unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "$.upcoming[0].id",
            "$.upcoming[1].date",
            "$.upcoming[1].linked_to_onset",
            "$.upcoming[2].id",
            "$.upcoming[2].kind",
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A standard assessment never suggests, scores or lists the fifth area.
    #[test]
    fn a_standard_assessment_never_suggests_the_fifth_area(inv in strategy::inventory()) {
        let a = Engine::standard().unwrap().evaluate(&inv);
        prop_assert!(!a.focus.contains(&ProblemArea::GriefForLostHealthySelf));
        prop_assert!(a.areas.iter().all(|f| f.area.is_standard()));
        // The IPSRT engine scores the four areas as the standard one does.
        let i = Engine::ipsrt().unwrap().evaluate(&inv);
        for f in &a.areas {
            prop_assert_eq!(Some(f.score), i.finding(f.area).map(|g| g.score));
        }
    }

    /// Upcoming events are never evidence: adding one of every kind (but a
    /// death) changes nothing in a standard assessment, and in an IPSRT one
    /// only adds the advisory to plan the routine around the disruptors.
    #[test]
    fn upcoming_events_are_never_evidence(inv in strategy::inventory(), days in 0u64..400) {
        let mut with = inv.clone();
        let when = inv.assessed_on.checked_add_days(chrono::Days::new(days)).unwrap();
        for (k, kind) in EventKind::iter().filter(|k| !k.is_death()).enumerate() {
            with.upcoming.push(LifeEvent::new(
                EventId::new(format!("upcoming-{k}")).unwrap(),
                kind,
                Some(PartialDate::day(when)),
            ));
        }
        prop_assert_eq!(with.validate().is_ok(), inv.validate().is_ok());
        let standard = Engine::standard().unwrap();
        prop_assert_eq!(standard.evaluate(&with), standard.evaluate(&inv));
        let ipsrt = Engine::ipsrt().unwrap();
        let (mut a, b) = (ipsrt.evaluate(&with), ipsrt.evaluate(&inv));
        if inv.validate().is_ok() {
            let plan: Vec<_> = a
                .advisories
                .iter()
                .filter(|x| x.code == AdvisoryCode::PlanRoutineAroundDisruptor)
                .collect();
            prop_assert_eq!(plan.len(), 1);
            prop_assert_eq!(plan[0].subjects.len(), 5);
        }
        a.advisories.retain(|x| x.code != AdvisoryCode::PlanRoutineAroundDisruptor);
        prop_assert_eq!(a, b);
    }
}

fn srm_week(start: NaiveDate, days: usize) -> SrmWeek {
    let mut week = SrmWeek::new(start, SrmForm::Srm5);
    for d in 0..days {
        week.record(
            d,
            SrmEntry::done(SrmActivity::OUT_OF_BED, ClockTime::from_hm(7, 0).unwrap()),
        )
        .unwrap();
    }
    week
}

fn ipsrt_course() -> Course {
    let contract = TreatmentContract::builder(day(3, 2), [ProblemArea::RoleTransition])
        .build()
        .unwrap();
    let mut course = Course::new(contract, Vec::new()).unwrap();
    course.record_rhythm_week(srm_week(day(3, 2), 4)).unwrap();
    course.record_rhythm_week(srm_week(day(3, 9), 7)).unwrap();
    course
}

#[test]
fn a_course_keeps_the_rhythm_diary_and_its_review_shows_it() {
    let mut course = ipsrt_course();
    assert_eq!(
        course.record_rhythm_week(srm_week(day(3, 12), 7)),
        Err(CourseError::RhythmWeekTooSoon {
            week_start: day(3, 12),
            earliest: day(3, 16)
        })
    );
    let review = course.review(day(3, 16));
    let rhythm = review.rhythm.clone().unwrap();
    assert_eq!((rhythm.weeks, rhythm.latest_score), (2, Some(7.0)));
    assert!(
        review.to_string().contains("Social rhythm (SRM): 2 weeks"),
        "{review}"
    );
    // JSON round trip, and a week out of order refused at its path.
    let json = to_json(&course).unwrap();
    assert!(json.contains("\"rhythm_weeks\""));
    let back: Course = from_json(&json).unwrap();
    assert_eq!(back, course);
    let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    doc["rhythm_weeks"][1]["week_start"] = serde_json::json!("2026-03-05");
    let err = from_json::<Course>(&doc.to_string()).unwrap_err();
    assert!(
        err.to_string().contains("$.rhythm_weeks[1].week_start"),
        "{err}"
    );
    // A course without a diary writes no `rhythm_weeks` and reviews none.
    let plain = Course::new(
        TreatmentContract::builder(day(3, 2), [ProblemArea::Grief])
            .build()
            .unwrap(),
        Vec::new(),
    )
    .unwrap();
    assert!(!to_json(&plain).unwrap().contains("rhythm"));
    assert!(plain.review(day(3, 9)).rhythm.is_none());
}

#[test]
fn a_possible_mania_flag_is_not_worded_as_suicide_risk() {
    let mut course = ipsrt_course();
    // ASRM total 8: at or above the cut-off of 6, a positive screen.
    let asrm = AsrmScore::from_scores([2, 2, 2, 1, 1]).unwrap();
    course
        .record_session(
            SessionRecord::new(1, day(3, 2), Phase::Assessment)
                .with_measure(asrm.measurement(day(3, 2))),
        )
        .unwrap();
    let review = course.review(day(3, 3));
    let flag = &review.advisories[0];
    assert_eq!(flag.code, ReviewAdvisoryCode::SafetyFlag);
    assert!(flag.source.cites_work("altman-1997-asrm"));
    assert!(!flag.source.cites_work("kroenke-2001-phq9"));
    assert!(flag.summary.contains("possible mania"), "{}", flag.summary);
    assert!(!flag.summary.contains("suicide"), "{}", flag.summary);

    let inv = diagnosis_inventory("");
    let a = Engine::standard().unwrap().evaluate(&inv);
    let text = Formulation::new(&course, &a, &inv).to_string();
    // After the title, the safety section comes first.
    let safety = text
        .lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with("Interpersonal formulation"))
        .unwrap();
    assert!(safety.starts_with("SAFETY FIRST"), "{text}");
    assert!(safety.contains("manic or hypomanic"), "{safety}");
    assert!(!safety.contains("suicide"), "{safety}");
}
