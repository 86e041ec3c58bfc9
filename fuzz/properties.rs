//! The properties the fuzz targets check, beyond "no panic". Shared by the
//! cargo-fuzz targets (`fuzz/fuzz_targets/*.rs`, nightly) and by the
//! integration tests (`tests/integration/fuzz_properties.rs`), which run them
//! on generated inputs in every `cargo test`.
//!
//! Each function takes the fuzzer's bytes and panics when a property fails.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use interpersonal::{
    Course, Engine, Gad7Score, Hamd17Score, Inventory, Phq9Score, Report, RuleSet, Schedule,
    course::{Group, ModalitySpec, ScheduleOptions},
    engine::{Assessment, Indicator},
    error::from_json,
    inventory::ScreenAnswer,
    measure::{Gad7Answers, Hamd17Ratings, Phq9Answers, ScoringOptions},
};

/// Text a fuzzer (through its dictionary) or a test puts into string values;
/// it must never come out in an error or a `Debug` output.
pub const MARKER: &str = "SENTINEL-7f3a";

/// Whether `c` may change the layout of printed text.
fn layout_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{061C}' | '\u{200E}' | '\u{200F}'
        )
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn no_marker(what: &str, text: &str) {
    assert!(!text.contains(MARKER), "{what} shows the marker: {text}");
}

fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// Every assessment's scores are finite, and its JSON reads back.
fn assessment_reads_back(a: &Assessment) {
    for f in &a.areas {
        assert!(f.score.is_finite(), "score {}", f.score);
        for e in &f.evidence {
            assert!(e.weight.is_finite());
        }
    }
    let json = serde_json::to_string(a).expect("an assessment serialises");
    let back: Assessment = from_json(&json).expect("an assessment reads back");
    assert_eq!(&back, a);
    no_marker("the assessment's JSON", &json);
    no_marker("the assessment's Debug", &format!("{a:?}"));
}

/// The report keeps its structure: no layout control but line ends, the
/// critical safety line first after the heading and exactly once when the
/// inventory reports suicidal thoughts.
fn report_keeps_its_structure(a: &Assessment, inv: &Inventory) {
    let report = Report::new(a, inv).to_string();
    assert!(
        !report.chars().any(|c| c != '\n' && layout_control(c)),
        "a control character in the report"
    );
    let banners: Vec<usize> = report
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("!!"))
        .map(|(i, _)| i)
        .collect();
    let critical = a
        .advisories
        .iter()
        .filter(|x| x.indicator == Indicator::Critical)
        .count();
    assert_eq!(banners.len(), critical, "{report}");
    if inv.safety.suicidal_thoughts == ScreenAnswer::Reported {
        assert!(critical >= 1);
        // Two heading lines, a blank line, then the banner.
        assert_eq!(banners.first(), Some(&3), "{report}");
    }
}

/// Inventory: read, validate, evaluate, report, and JSON round trips.
pub fn inventory(data: &[u8]) {
    let Some(json) = text(data) else { return };
    let inv: Inventory = match from_json(json) {
        Ok(inv) => inv,
        Err(e) => {
            no_marker("a JSON error", &format!("{e} {e:?}"));
            return;
        }
    };
    no_marker("the inventory's Debug", &format!("{inv:?}"));
    if let Err(problems) = inv.validate() {
        no_marker("the problems", &format!("{problems} {problems:?}"));
    }
    if let Ok(written) = serde_json::to_string(&inv) {
        let back: Inventory = from_json(&written).expect("an inventory reads back");
        assert_eq!(back, inv);
    }
    let engine = Engine::standard().expect("the standard rules compile");
    let a = engine.evaluate(&inv);
    assessment_reads_back(&a);
    report_keeps_its_structure(&a, &inv);
}

/// An inventory the rule-set target evaluates: a death, a dispute, a
/// transition, a reported suicidal thought.
fn sample_inventory() -> Inventory {
    from_json(
        r#"{"schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
            "people": [
              {"id": "w", "label": "W", "relationship": "spouse", "closeness": "inner",
               "conflict": {"level": "high", "visibility": "overt", "course": "stalled"}},
              {"id": "f", "label": "F", "relationship": "parent", "closeness": "inner",
               "status": {"deceased": {"date": "2025-12"}}}],
            "events": [
              {"id": "d", "kind": "death", "date": "2025-12", "person": "f", "linked_to_onset": true},
              {"id": "m", "kind": "relocation", "date": "2025-11", "linked_to_onset": true}],
            "safety": {"suicidal_thoughts_reported": true}}"#,
    )
    .expect("the sample inventory reads")
}

/// Rule set: read, compile, evaluate; finite scores, the safety advisory
/// first, JSON round trips.
pub fn rule_set(data: &[u8]) {
    let Some(json) = text(data) else { return };
    let rules: RuleSet = match from_json(json) {
        Ok(r) => r,
        Err(e) => {
            no_marker("a JSON error", &format!("{e} {e:?}"));
            return;
        }
    };
    let _ = format!("{rules:?}");
    if let Ok(written) = serde_json::to_string(&rules) {
        let back: RuleSet = from_json(&written).expect("a rule set reads back");
        assert_eq!(back, rules);
    }
    let engine = match Engine::compile(rules) {
        Ok(engine) => engine,
        Err(problems) => {
            no_marker("the problems", &format!("{problems} {problems:?}"));
            return;
        }
    };
    let inv = sample_inventory();
    let a = engine.evaluate(&inv);
    assessment_reads_back(&a);
    assert_eq!(
        a.advisories.first().map(|x| x.indicator),
        Some(Indicator::Critical),
        "the safety advisory comes first"
    );
    report_keeps_its_structure(&a, &inv);
}

/// Answers: read and score the PHQ-9, GAD-7 and HAM-D-17; totals within
/// range, item 9 raises a flag, scores read back.
pub fn answers(data: &[u8]) {
    let Some(json) = text(data) else { return };
    let options = ScoringOptions::default();
    match from_json::<Phq9Answers>(json) {
        Ok(answers) => {
            if let Ok(score) = Phq9Score::from_answers(&answers, &options) {
                assert!(score.total() <= 27);
                if score
                    .scores()
                    .get(8)
                    .copied()
                    .flatten()
                    .is_some_and(|s| s >= 1)
                {
                    assert!(!score.safety_flags().is_empty(), "item 9 raises a flag");
                }
                let json = serde_json::to_string(&score).unwrap();
                assert_eq!(from_json::<Phq9Score>(&json).unwrap(), score);
            }
        }
        Err(e) => no_marker("a JSON error", &format!("{e} {e:?}")),
    }
    if let Ok(answers) = from_json::<Gad7Answers>(json) {
        if let Ok(score) = Gad7Score::from_answers(&answers, &options) {
            assert!(score.total() <= 21);
            let json = serde_json::to_string(&score).unwrap();
            assert_eq!(from_json::<Gad7Score>(&json).unwrap(), score);
        }
    }
    if let Ok(ratings) = from_json::<Hamd17Ratings>(json) {
        if let Ok(score) = Hamd17Score::from_answers(&ratings, &options) {
            assert!(score.total() <= 52);
            let json = serde_json::to_string(&score).unwrap();
            assert_eq!(from_json::<Hamd17Score>(&json).unwrap(), score);
        }
    }
}

/// Course: read, then its schedule and a review; JSON round trips.
pub fn course(data: &[u8]) {
    let Some(json) = text(data) else { return };
    let course: Course = match from_json(json) {
        Ok(c) => c,
        Err(e) => {
            no_marker("a JSON error", &format!("{e} {e:?}"));
            return;
        }
    };
    no_marker("the course's Debug", &format!("{course:?}"));
    let schedule = course.schedule();
    assert!(schedule.session_count() >= 1);
    let start = schedule.start_date();
    for as_of in [
        start,
        schedule.end_date(),
        NaiveDate::from_ymd_opt(2030, 1, 1).unwrap(),
    ] {
        let review = course.review(as_of);
        no_marker("the review's Debug", &format!("{review:?}"));
    }
    if let Ok(written) = serde_json::to_string(&course) {
        let back: Course = from_json(&written).expect("a course reads back");
        assert_eq!(back, course);
    }
}

/// Modality: a custom modality read from JSON; every count laid out, a
/// contract of its base checked and scheduled; the spec reads back.
pub fn modality(data: &[u8]) {
    let Some(json) = text(data) else { return };
    let spec: ModalitySpec = match from_json(json) {
        Ok(s) => s,
        Err(e) => {
            no_marker("a JSON error", &format!("{e} {e:?}"));
            return;
        }
    };
    let written = serde_json::to_string(&spec).expect("a modality writes");
    let back: ModalitySpec = from_json(&written).expect("a modality reads back");
    assert_eq!(back, spec);
    for count in [0, 1, spec.sessions.min, 12, u8::MAX] {
        if let Ok(plan) = spec.plan(count, None, None) {
            let counted = plan.iter().filter(|s| s.extra.is_none()).count();
            assert_eq!(counted, usize::from(count));
        }
        let mut contract = interpersonal::TreatmentContract::builder(
            "2026-01-05",
            spec.areas.first().map(|a| a.area),
        )
        .modality(spec.based_on)
        .sessions(count)
        .build()
        .unwrap_or_else(|_| {
            interpersonal::TreatmentContract::builder("2026-01-05", [])
                .modality(interpersonal::course::Modality::MIT)
                .sessions(1)
                .build()
                .expect("a one-session MIT contract")
        });
        contract.modality = spec.based_on;
        contract.sessions = count;
        if let Ok(s) = Schedule::generate_for(&contract, &spec, &ScheduleOptions::default()) {
            assert!(s.sessions().windows(2).all(|w| w[0].date < w[1].date));
        }
    }
}

/// Group: read, its schedule and its review; no member's text in the review,
/// the group's `Debug` or an error; the group reads back.
pub fn group(data: &[u8]) {
    let Some(json) = text(data) else { return };
    let group: Group = match from_json(json) {
        Ok(g) => g,
        Err(e) => {
            no_marker("a JSON error", &format!("{e} {e:?}"));
            return;
        }
    };
    no_marker("the group's Debug", &format!("{group:?}"));
    let _ = group.schedule(&ScheduleOptions::default());
    let review = group.review(NaiveDate::from_ymd_opt(2030, 1, 1).unwrap());
    let shown = format!("{review:?} {}", serde_json::to_string(&review).unwrap());
    no_marker("the group review", &shown);
    let flags: usize = review.members.iter().map(|m| m.safety_flags.len()).sum();
    assert_eq!(review.safety.len(), flags);
    let written = serde_json::to_string(&group).expect("a group writes");
    let back: Group = from_json(&written).expect("a group reads back");
    assert_eq!(back, group);
}
