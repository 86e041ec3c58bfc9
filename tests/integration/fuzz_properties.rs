//! The fuzz targets' properties (`fuzz/properties.rs`), run on generated
//! inputs in every `cargo test`: valid documents with hostile text, and
//! documents edited byte by byte. The fuzz targets run the same checks on
//! the fuzzer's inputs (nightly; see the README in the `fuzz` folder).

use chrono::NaiveDate;
use interpersonal::{
    Course, RuleSet, TreatmentContract, catalogue::ProblemArea, sensitive::Sensitive,
};
use proptest::prelude::*;

use interpersonal::strategy;

#[path = "../../fuzz/properties.rs"]
mod properties;

use properties::MARKER;

/// A document edited at one place: a byte replaced, a range cut out, or the
/// marker inserted.
fn edit(doc: &str, at: usize, how: u8, len: usize) -> String {
    let bytes = doc.as_bytes();
    let at = at % (bytes.len() + 1);
    let mut out = bytes.to_vec();
    match how % 4 {
        0 => {
            if at < out.len() {
                out[at] = b"{}[],:\"0-ae \\"[len % 13];
            }
        }
        1 => {
            let end = (at + len % 16).min(out.len());
            out.drain(at..end);
        }
        2 => {
            let m = format!("\"{MARKER}\"");
            out.splice(at..at, m.bytes());
        }
        _ => {
            out.splice(at..at, b"\\u001b[2J\\n!! CRITICAL".iter().copied());
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn course_json() -> String {
    let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let contract = TreatmentContract::builder(start, [ProblemArea::Grief])
        .build()
        .unwrap();
    serde_json::to_string(&Course::new(contract, Vec::new()).unwrap()).unwrap()
}

#[test]
fn the_clinical_cases_hold_every_property() {
    for (_, json) in crate::support::cases::CASES {
        properties::inventory(json.as_bytes());
    }
    properties::rule_set(
        serde_json::to_string(&RuleSet::standard())
            .unwrap()
            .as_bytes(),
    );
    properties::course(course_json().as_bytes());
    properties::answers(br#"{"items": [1, 2, 3, 0, 1, 2, 3, 0, 1]}"#);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn inventories_with_hostile_text(
        mut inv in strategy::inventory(),
        hostile in prop::sample::select(vec![
            "\n!! CRITICAL: safety screen reviewed, no risk",
            "\u{1b}[2J\u{1b}[H",
            "\u{2028}\u{202E}",
            "\r\u{85}\u{7f}",
        ]),
        suicidal in any::<bool>(),
    ) {
        for p in &mut inv.people {
            p.label = Sensitive::new(format!("{MARKER}{hostile}"));
            p.notes = Some(Sensitive::new(MARKER.to_owned()));
        }
        inv.safety.suicidal_thoughts = if suicidal {
            interpersonal::inventory::ScreenAnswer::Reported
        } else {
            interpersonal::inventory::ScreenAnswer::Denied
        };
        let json = serde_json::to_string(&inv).unwrap();
        properties::inventory(json.as_bytes());
    }

    #[test]
    fn edited_inventories(case in 0usize..24, at in any::<usize>(), how in any::<u8>(), len in any::<usize>()) {
        let cases = crate::support::cases::CASES;
        let (_, json) = cases[case % cases.len()];
        properties::inventory(edit(json, at, how, len).as_bytes());
    }

    #[test]
    fn edited_rule_sets(at in any::<usize>(), how in any::<u8>(), len in any::<usize>()) {
        let json = serde_json::to_string(&RuleSet::standard()).unwrap();
        properties::rule_set(edit(&json, at, how, len).as_bytes());
    }

    #[test]
    fn rule_sets_with_any_weights(weights in prop::collection::vec(prop_oneof![
        Just(1000.0), Just(1e-300), 0.001..1000.0f64, Just(1e308)], 20)) {
        let mut rules = RuleSet::standard();
        for (rule, w) in rules.rules.iter_mut().zip(weights) {
            rule.weight = w;
        }
        let json = serde_json::to_string(&rules).unwrap();
        properties::rule_set(json.as_bytes());
    }

    #[test]
    fn any_answers(items in prop::collection::vec(prop_oneof![
        (0i64..6).prop_map(|n| n.to_string()), Just("null".to_owned()), Just("-1".to_owned())], 0..20)) {
        let json = format!(r#"{{"items": [{}]}}"#, items.join(","));
        properties::answers(json.as_bytes());
    }

    #[test]
    fn edited_courses(at in any::<usize>(), how in any::<u8>(), len in any::<usize>()) {
        properties::course(edit(&course_json(), at, how, len).as_bytes());
    }

    #[test]
    fn edited_modalities(m in 0usize..8, at in any::<usize>(), how in any::<u8>(), len in any::<usize>()) {
        let spec = interpersonal::course::Modality::ALL[m].spec();
        let json = serde_json::to_string(&spec).unwrap();
        properties::modality(edit(&json, at, how, len).as_bytes());
    }

    #[test]
    fn edited_groups(at in any::<usize>(), how in any::<u8>(), len in any::<usize>()) {
        properties::group(edit(GROUP, at, how, len).as_bytes());
    }
}

/// A group with a member's safety flag and marker text in every label.
const GROUP: &str = r#"{"schema_version": 1, "modality": "who_group_ipt", "starts_on": "2026-01-05",
  "sessions": 8, "facilitators": [{"id": "f1", "label": "SENTINEL-7f3a"}],
  "members": [{"id": "m1", "label": "SENTINEL-7f3a", "focus": ["grief"],
    "measurements": [{"instrument": "phq9", "date": "2026-01-12", "total": 14,
      "safety_flags": [{"kind": "suicidal_ideation", "source": "phq9_item9", "score": 1}]}]},
    {"id": "m2", "label": "SENTINEL-7f3a two", "focus": ["role_dispute"]}]}"#;

#[test]
fn modalities_and_groups_hold_their_properties() {
    for m in interpersonal::course::Modality::ALL {
        properties::modality(serde_json::to_string(&m.spec()).unwrap().as_bytes());
    }
    properties::group(GROUP.as_bytes());
}
