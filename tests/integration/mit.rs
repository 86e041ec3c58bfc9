//! Metacognitive Interpersonal Therapy: the case document, its validation,
//! its JSON Schema, the profile's trend and the formulation text.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;
use interpersonal::error::ErrorKind;
use interpersonal::from_json;
use interpersonal::mit::MetacognitiveFunction::{
    self, Decentration, Differentiation, Integration, Mastery, Monitoring,
};
use interpersonal::mit::{
    AutobiographicalEpisode, InterpersonalSchema, MetacognitiveProfile, MetacognitiveRatings,
    MitCase, MitFormulation, MitFormulationPart, MitStage, MotivationalSystem, ProfilePoint,
    RatingScale, SelfResponse, TrendDirection, Wish,
};
use interpersonal::vocabulary::Vocabulary;
use proptest::prelude::*;
use serde_json::{Value, json};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(crate_dir().join(path)).unwrap()
}

fn schema() -> Value {
    serde_json::from_str(&read("schema/mit_case.schema.json")).unwrap()
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::options().build(&schema()).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A case with every optional field set.
fn full_case() -> MitCase {
    let schema = InterpersonalSchema::builder(
        "s1",
        Wish::new(MotivationalSystem::ATTACHMENT, "PATIENT-TEXT-wish"),
    )
    .self_image("PATIENT-TEXT-self")
    .other_response("PATIENT-TEXT-other")
    .self_response(
        SelfResponse::new("PATIENT-TEXT-primary").with_secondary("PATIENT-TEXT-secondary"),
    )
    .coping("PATIENT-TEXT-coping")
    .episode("e1")
    .episode("e2")
    .build()
    .unwrap();
    let mut profile = MetacognitiveProfile::new(RatingScale::ONE_TO_FIVE);
    profile
        .record("2026-01-12", MetacognitiveFunction::iter().map(|f| (f, 2)))
        .unwrap();
    profile
        .record("2026-03-02", [(Monitoring, 3), (Mastery, 1)])
        .unwrap();
    MitCase::new("2026-03-02")
        .unwrap()
        .with_episode(AutobiographicalEpisode::new("e1", "2025-12-24", "PATIENT-TEXT-one").unwrap())
        .with_episode(AutobiographicalEpisode::new("e2", "2026-02", "PATIENT-TEXT-two").unwrap())
        .with_schema(schema)
        .with_profile(profile)
        .with_stage(MitStage::SharedFormulation)
}

// ---------------------------------------------------------------------------
// The JSON Schema.

#[test]
fn the_bundled_example_case_is_valid_for_schema_and_crate() {
    let text = read("examples/mit_data/mit_case.json");
    let doc: Value = serde_json::from_str(&text).unwrap();
    let v = validator();
    let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let case: MitCase = from_json(&text).unwrap();
    case.validate().unwrap();
    // The example builds the same case in code.
    assert_eq!(case.schemas.len(), 1);
    assert_eq!(case.schemas[0].episodes.len(), 2);
}

#[test]
fn a_built_case_with_every_field_is_valid_and_round_trips() {
    let case = full_case();
    case.validate().unwrap();
    let doc = serde_json::to_value(&case).unwrap();
    assert!(validator().is_valid(&doc), "{doc}");
    let back: MitCase = from_json(&doc.to_string()).unwrap();
    assert_eq!(back, case);
}

#[test]
fn exactly_the_patient_text_fields_use_the_patient_text_definition() {
    let doc = serde_json::to_value(full_case()).unwrap();
    let mut holding = BTreeSet::new();
    leaves(&doc, "", &mut |pointer, v| {
        if v.as_str().is_some_and(|s| s.starts_with("PATIENT-TEXT-")) {
            holding.insert(pointer.to_owned());
        }
    });
    assert_eq!(holding.len(), 8);
    let evaluation = validator().evaluate(&doc);
    assert!(evaluation.is_valid());
    let mut marked = BTreeSet::new();
    let mut stack = vec![evaluation.root()];
    while let Some(unit) = stack.pop() {
        if !unit.valid() {
            continue;
        }
        if unit.schema_location().ends_with("#/$defs/patient_text") {
            marked.insert(unit.instance_location().as_str().to_owned());
        }
        stack.extend(unit.children());
    }
    assert_eq!(marked, holding);
}

fn leaves(v: &Value, pointer: &str, f: &mut dyn FnMut(&str, &Value)) {
    match v {
        Value::Object(map) => {
            for (k, sub) in map {
                leaves(sub, &format!("{pointer}/{k}"), f);
            }
        }
        Value::Array(items) => {
            for (i, sub) in items.iter().enumerate() {
                leaves(sub, &format!("{pointer}/{i}"), f);
            }
        }
        _ => f(pointer, v),
    }
}

#[test]
fn the_schema_enums_list_exactly_the_rust_names_in_order() {
    let s = schema();
    let names = |def: &str| -> Vec<String> {
        s["$defs"][def]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    let stages: Vec<String> = MitStage::iter().map(|s| s.to_string()).collect();
    assert_eq!(names("mit_stage"), stages);
    let motives: Vec<String> = MotivationalSystem::ALL
        .iter()
        .map(|m| m.to_string())
        .collect();
    assert_eq!(names("motivational_system"), motives);
    let functions: Vec<String> = <MetacognitiveFunction as Vocabulary>::ALL
        .iter()
        .map(|f| f.to_string())
        .collect();
    let listed: Vec<String> = s["$defs"]["metacognitive_ratings"]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let mut sorted = functions.clone();
    sorted.sort();
    let mut listed_sorted = listed.clone();
    listed_sorted.sort();
    assert_eq!(listed_sorted, sorted);
}

#[test]
fn documents_of_the_wrong_form_are_refused_by_schema_and_crate_at_their_path() {
    let base = serde_json::to_value(full_case()).unwrap();
    let v = validator();
    let cases: Vec<(&str, Value, &str)> = vec![
        ("/unknown", json!(1), "$"),
        ("/as_of", json!("2026-3-2"), "$.as_of"),
        ("/stage", json!("middle"), "$.stage"),
        ("/episodes/0/id", json!("has space"), "$.episodes[0].id"),
        (
            "/episodes/0/date",
            json!("last spring"),
            "$.episodes[0].date",
        ),
        (
            "/schemas/0/wish/motive",
            json!("status"),
            "$.schemas[0].wish.motive",
        ),
        ("/schemas/0/episodes", json!("e1"), "$.schemas[0].episodes"),
        (
            "/profile/points/0/ratings/monitoring",
            json!(-1),
            "$.profile.points[0].ratings.monitoring",
        ),
        (
            "/profile/points/0/ratings/insight",
            json!(2),
            "$.profile.points[0].ratings",
        ),
        ("/profile/scale/max", json!("5"), "$.profile.scale.max"),
    ];
    for (pointer, value, path) in cases {
        let mut doc = base.clone();
        set(&mut doc, pointer, value);
        assert!(!v.is_valid(&doc), "schema accepted {pointer}");
        let err = from_json::<MitCase>(&doc.to_string()).unwrap_err();
        assert!(
            err.path.as_str().starts_with(path),
            "{pointer}: {} not under {path}",
            err.path
        );
    }
}

fn set(doc: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = if parent.is_empty() {
        doc
    } else {
        doc.pointer_mut(parent).unwrap()
    };
    target
        .as_object_mut()
        .unwrap()
        .insert(key.to_owned(), value);
}

// ---------------------------------------------------------------------------
// Validation.

#[test]
fn validation_reports_every_problem_at_once_with_paths_and_no_text() {
    let mut case = full_case();
    case.schema_version = 2;
    case.episodes[1].id = case.episodes[0].id.clone();
    case.episodes[0].account = "SECRET\u{1b}[2J".into();
    case.schemas[0].self_image = Some("   ".into());
    case.schemas.push(case.schemas[0].clone());
    case.schemas[1].episodes.clear();
    let profile = case.profile.as_mut().unwrap();
    profile.points[1].date = day(2026, 1, 1);
    profile.points[0].ratings.set(Mastery, 0);
    let problems = case.validate().unwrap_err();
    let shown: Vec<String> = problems.iter().map(|p| p.path.to_string()).collect();
    assert_eq!(
        shown,
        [
            "$.schema_version",
            "$.episodes[0].account",
            "$.episodes[1].id",
            "$.schemas[0].self_image",
            "$.schemas[0].episodes[1]",
            "$.schemas[1].id",
            "$.schemas[1].self_image",
            "$.schemas[1].episodes",
            "$.profile.points[0].ratings.mastery",
            "$.profile.points[1].date",
        ]
    );
    let text = problems.to_string();
    assert!(!text.contains("SECRET"));
    assert!(text.contains("U+001B"));
    let err: interpersonal::Error = problems.into();
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert_eq!(err.path().unwrap().as_str(), "$.schema_version");
}

#[test]
fn dates_after_as_of_are_refused() {
    let mut case = full_case();
    case.as_of = day(2026, 1, 31);
    let problems = case.validate().unwrap_err();
    let shown: Vec<String> = problems.iter().map(|p| p.path.to_string()).collect();
    assert_eq!(shown, ["$.episodes[1].date", "$.profile.points[1].date"]);
}

#[test]
fn errors_convert_into_the_crates_error() {
    let e = "rank".parse::<MotivationalSystem>().unwrap_err();
    let err: interpersonal::Error = e.into();
    assert_eq!(err.kind(), ErrorKind::Motive);
    let err = AutobiographicalEpisode::new("e1", "2026-13", "…").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Date);
    let mut profile = MetacognitiveProfile::new(RatingScale::ONE_TO_FIVE);
    let err = profile.record("2026-01-05", []).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert_eq!(err.path().unwrap().as_str(), "$.points[0].ratings");
}

// ---------------------------------------------------------------------------
// The formulation.

#[test]
fn the_formulation_is_deterministic_in_its_order_and_names_every_part() {
    let case = full_case();
    let f = MitFormulation::new(&case);
    let parts: Vec<MitFormulationPart> = f.sections.iter().map(|s| s.part).collect();
    assert_eq!(
        parts,
        [
            MitFormulationPart::Opening,
            MitFormulationPart::Episodes,
            MitFormulationPart::Schema,
            MitFormulationPart::Metacognition,
            MitFormulationPart::Stage,
            MitFormulationPart::AgreementCheck,
        ]
    );
    let text = f.to_string();
    assert_eq!(text, MitFormulation::new(&case.clone()).to_string());
    for word in [
        "PATIENT-TEXT-wish",
        "PATIENT-TEXT-self",
        "PATIENT-TEXT-other",
        "PATIENT-TEXT-primary",
        "PATIENT-TEXT-secondary",
        "PATIENT-TEXT-coping",
        "PATIENT-TEXT-one",
        "PATIENT-TEXT-two",
        "attachment (closeness and comfort)",
        "e1 (2025-12-24), e2 (2026-02)",
        "monitoring 3 on 2026-03-02, up from 2 on 2026-01-12",
        "integration 2 on 2026-01-12",
        "mastery 1 on 2026-03-02, down from 2 on 2026-01-12",
        "stage 2 of 4",
    ] {
        assert!(text.contains(word), "{word} missing from\n{text}");
    }
    // Title, then a blank line and one line per section.
    assert_eq!(text.lines().count(), 1 + 2 * f.sections.len());
    // Each section cites the MIT literature, never the IPT manuals.
    for s in &f.sections {
        for c in s.source.cites() {
            let key: &str = c.key();
            assert!(
                [
                    "dimaggio-2015-mit",
                    "dimaggio-2020-mit",
                    "semerari-2003-mas"
                ]
                .contains(&key),
                "{}",
                c.key()
            );
        }
    }
}

#[test]
fn missing_parts_are_said_to_be_not_reconstructed_never_absent() {
    let case = MitCase::new("2026-03-02")
        .unwrap()
        .with_episode(AutobiographicalEpisode::new("e1", "2026-01", "…").unwrap())
        .with_schema(
            InterpersonalSchema::builder("s1", Wish::new(MotivationalSystem::CAREGIVING, "…"))
                .episode("e1")
                .build()
                .unwrap(),
        );
    let text = MitFormulation::new(&case).to_string();
    assert_eq!(text.matches("not reconstructed yet").count(), 5);
    assert!(text.contains("have not been rated yet"));
    assert!(text.contains("stage of therapy is not recorded"));
}

#[test]
fn safety_flags_come_first() {
    let phq9 = interpersonal::Phq9Score::from_scores([1, 1, 1, 1, 1, 1, 1, 1, 1]).unwrap();
    let f = MitFormulation::with_safety_flags(&full_case(), &phq9.safety_flags());
    assert_eq!(f.sections[0].part, MitFormulationPart::Safety);
    let text = f.to_string();
    assert!(text.lines().nth(2).unwrap().starts_with("SAFETY FIRST"));
}

#[test]
fn the_profile_trend_reads_dates_not_list_order() {
    let mut profile = MetacognitiveProfile::new(RatingScale::ONE_TO_FIVE);
    profile.points = vec![
        ProfilePoint::new(
            day(2026, 3, 1),
            MetacognitiveRatings::from_pairs([(Integration, 4)]),
        ),
        ProfilePoint::new(
            day(2026, 1, 1),
            MetacognitiveRatings::from_pairs([(Integration, 2)]),
        ),
    ];
    let t = profile.trend().of(Integration);
    assert_eq!(t.change, Some(2));
    assert_eq!(t.direction, TrendDirection::Improved);
    assert_eq!(t.first.unwrap().date, day(2026, 1, 1));
    assert_eq!(profile.trend().of(Decentration).ratings, 0);
    assert_eq!(
        profile.trend().of(Differentiation).direction,
        TrendDirection::NotEnoughRatings
    );
}

// ---------------------------------------------------------------------------
// Properties.

fn any_text() -> impl Strategy<Value = String> {
    // Hostile text: control characters, line breaks, bidi overrides, escapes.
    prop::collection::vec(
        prop_oneof![
            any::<char>(),
            Just('\n'),
            Just('\r'),
            Just('\u{1b}'),
            Just('\u{85}'),
            Just('\u{2028}'),
            Just('\u{202E}'),
            Just('\u{2066}'),
        ],
        0..40,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn hostile_case(texts: Vec<String>) -> MitCase {
    let t = |i: usize| texts[i % texts.len()].clone();
    let schema =
        InterpersonalSchema::builder("s1", Wish::new(MotivationalSystem::EXPLORATION, t(0)))
            .self_image(t(1))
            .other_response(t(2))
            .self_response(SelfResponse::new(t(3)).with_secondary(t(4)))
            .coping(t(5))
            .episode("e1")
            .build()
            .unwrap();
    MitCase::new("2026-03-02")
        .unwrap()
        .with_episode(AutobiographicalEpisode::new("e1", "2026-01", t(6)).unwrap())
        .with_schema(schema)
        .with_stage(MitStage::BuildingHealthySelfAspects)
}

proptest! {
    #[test]
    fn formulation_never_carries_a_control_character_from_patient_text(
        texts in prop::collection::vec(any_text(), 1..8),
    ) {
        let case = hostile_case(texts);
        let f = MitFormulation::new(&case);
        let text = f.to_string();
        // Only the crate's own line breaks; no other control or layout
        // character survives.
        for c in text.chars() {
            prop_assert!(
                c == '\n' || !(c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{200E}' | '\u{200F}')),
                "{:?}", c
            );
        }
        prop_assert_eq!(text.lines().count(), 1 + 2 * f.sections.len());
        prop_assert_eq!(f.sections.len(), 6);
    }

    #[test]
    fn debug_never_shows_patient_text(word in "[A-Za-z]{12,20}") {
        let case = hostile_case(vec![format!("SECRET{word}")]);
        let f = MitFormulation::new(&case);
        for shown in [format!("{case:?}"), format!("{case:#?}"), format!("{f:?}"), format!("{:?}", case.schemas[0]), format!("{:?}", case.episodes[0])] {
            prop_assert!(!shown.contains(&word));
        }
        // Validation problems never show it either.
        let mut bad = case.clone();
        bad.episodes[0].account = format!("SECRET{word}\n").into();
        let problems = bad.validate().unwrap_err();
        prop_assert!(!problems.to_string().contains(&word));
    }

    #[test]
    fn the_trend_compares_the_earliest_and_latest_rating_of_each_function(
        ratings in prop::collection::vec(prop::array::uniform5(prop::option::of(1u8..=5)), 0..12),
        rotate in 0usize..12,
    ) {
        let start = day(2026, 1, 5);
        let mut points: Vec<ProfilePoint> = ratings
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let pairs = MetacognitiveFunction::iter().zip(r.iter()).filter_map(|(f, v)| v.map(|v| (f, v)));
                ProfilePoint::new(start + chrono::Days::new(7 * i as u64), MetacognitiveRatings::from_pairs(pairs))
            })
            .collect();
        let mut in_order = MetacognitiveProfile::new(RatingScale::ONE_TO_FIVE);
        in_order.points = points.clone();
        let trend = in_order.trend();
        if !points.is_empty() {
            let k = rotate % points.len();
            points.rotate_left(k);
        }
        let mut shuffled = MetacognitiveProfile::new(RatingScale::ONE_TO_FIVE);
        shuffled.points = points;
        // Dates are distinct, so list order does not matter.
        prop_assert_eq!(&shuffled.trend(), &trend);
        for (k, f) in MetacognitiveFunction::iter().enumerate() {
            let rated: Vec<u8> = ratings.iter().filter_map(|r| r[k]).collect();
            let t = trend.of(f);
            prop_assert_eq!(t.ratings, rated.len());
            prop_assert_eq!(t.first.map(|r| r.rating), rated.first().copied());
            prop_assert_eq!(t.latest.map(|r| r.rating), rated.last().copied());
            let expected = if rated.len() >= 2 {
                Some(i16::from(rated[rated.len() - 1]) - i16::from(rated[0]))
            } else {
                None
            };
            prop_assert_eq!(t.change, expected);
            let direction = match expected {
                None => TrendDirection::NotEnoughRatings,
                Some(c) if c > 0 => TrendDirection::Improved,
                Some(0) => TrendDirection::Unchanged,
                Some(_) => TrendDirection::Declined,
            };
            prop_assert_eq!(t.direction, direction);
        }
    }
}
