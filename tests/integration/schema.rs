//! The JSON Schemas in `schema/` describe exactly the JSON the crate reads and
//! writes (DESIGN.md decision 11).
//!
//! The schemas are generated from the Rust types (`interpersonal::schema::generate`,
//! `tests/integration/generated_schemas.rs` keeps the files equal to its
//! output). This file checks them with the
//! `jsonschema` crate (JSON Schema 2020-12; the schemas may use only the
//! keywords listed in `schema/validator.rs`, so a misspelt keyword is
//! not silently skipped) and checks that:
//! - every bundled document is valid: the clinical cases, the example data, the
//!   default rule set and the assessment of every case;
//! - documents built in code with every optional field set are valid;
//! - invalid documents are refused by both the schema and
//!   [`interpersonal::from_json`], and a systematic sweep of mutations (an
//!   unknown field, a field removed, a value of the wrong type or out of range
//!   at every node) finds the schema never accepting what the crate refuses,
//!   and stricter than the crate only where listed here;
//! - the schema's enums list exactly the Rust variants, in order;
//! - exactly the fields that hold patient text use `#/$defs/patient_text`.

use interpersonal::vocabulary::Vocabulary;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;
use std::path::PathBuf;

use chrono::NaiveDate;
use interpersonal::ipsrt::{
    ClockTime, Involvement, MoodRating, RhythmSeries, SrmActivity, SrmEntry, SrmForm, SrmWeek,
};
use interpersonal::measure::{AsrmAnswers, AsrmItem};
use interpersonal::{
    Assessment, Engine, Inventory, LifeEvent, Person, ProblemArea, RuleSet, TreatmentContract,
    catalogue::{DisputeStage, GriefKind, Intervention},
    course::{Cadence, Modality},
    date::{EpisodeOnset, PartialDate},
    engine::{AdvisoryCode, EvidenceStrength, Indicator, NeededFor},
    from_json,
    id::{EventId, GoalId, PersonId, RuleId},
    inventory::{
        Closeness, Conflict, ConflictCourse, ConflictLevel, ConflictVisibility, ContactFrequency,
        EventKind, Expectations, ExpectationsMet, GriefSign, PersonStatus, PriorFunctioning,
        RelationshipChange, RelationshipKind, RelativeToOnset,
    },
    measure::{
        Gad7Answers, Gad7Item, Hamd17Item, Hamd17Ratings, InstrumentItem, Phq9Answers, Phq9Item,
    },
    source::Basis,
};
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

mod validator;
use validator::*;

// ---------------------------------------------------------------------------
// Files

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `*.json` file of a folder of the crate, by file name, sorted.
fn json_files(folder: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(crate_dir().join(folder))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Every schema, by its name (the file name without `.schema.json`).
fn schemas() -> BTreeMap<String, Value> {
    json_files("schema")
        .into_iter()
        .map(|(file, text)| {
            let name = file
                .strip_suffix(".schema.json")
                .unwrap_or_else(|| panic!("schema/{file}: name it NAME.schema.json"))
                .to_owned();
            let value: Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("schema/{file} is not JSON: {e}"));
            (name, value)
        })
        .collect()
}

fn schema(name: &str) -> Value {
    schemas()
        .remove(name)
        .unwrap_or_else(|| panic!("no schema/{name}.schema.json"))
}

// ---------------------------------------------------------------------------
// The validator and its matcher work.

#[test]
fn the_matcher_matches_the_schema_patterns() {
    let id = "^[A-Za-z0-9_.-]{1,64}$";
    for ok in ["a", "p1", "grief.death_near_onset", "x-1", &"x".repeat(64)] {
        assert!(pattern_matches(id, ok), "{ok}");
    }
    for bad in ["", "a b", "é", "a/b", &"x".repeat(65)] {
        assert!(!pattern_matches(id, bad), "{bad}");
    }
    let partial = "^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$";
    for ok in ["2026-03", "2026-03-14", "0001-12-31", "2024-02-29"] {
        assert!(pattern_matches(partial, ok), "{ok}");
    }
    for bad in [
        "2026-3",
        "2026-13",
        "2026-00",
        "2026-03-32",
        "2026-03-",
        "+2026-03",
    ] {
        assert!(!pattern_matches(partial, bad), "{bad}");
    }
    let version = r"^[0-9]+\.[0-9]+\.[0-9]+(-[A-Za-z0-9.-]+)?$";
    for ok in ["1.0.0", "10.20.30-rc.1"] {
        assert!(pattern_matches(version, ok), "{ok}");
    }
    for bad in ["1.0", "1.0.0-", "1x0.0", "v1.0.0"] {
        assert!(!pattern_matches(version, bad), "{bad}");
    }
    // Unanchored patterns search, as in ECMA-262.
    assert!(pattern_matches("b+", "abbc"));
    assert!(!pattern_matches("^b", "ab"));
}

#[test]
fn the_validator_refuses_what_it_should() {
    let s = json!({
        "type": "object",
        "properties": {
            "n": {"type": "integer", "minimum": 1, "maximum": 3},
            "xs": {"type": "array", "prefixItems": [{"const": 1}], "items": false},
            "e": {"oneOf": [{"enum": ["a", "b"]}, {"enum": ["b"]}]}
        },
        "required": ["n"],
        "additionalProperties": false
    });
    let v = Validator::new(&s);
    assert!(v.validate(&json!({"n": 2, "xs": [1], "e": "a"})).is_valid());
    for bad in [
        json!({}),
        json!({"n": 0}),
        json!({"n": 4}),
        json!({"n": 2.5}),
        json!({"n": 2, "other": 1}),
        json!({"n": 2, "xs": [1, 2]}),
        json!({"n": 2, "xs": [2]}),
        json!({"n": 2, "e": "b"}),
    ] {
        assert!(!v.validate(&bad).is_valid(), "{bad}");
    }
}

// ---------------------------------------------------------------------------
// The schema files.

#[test]
fn every_schema_is_json_with_schema_id_title_and_description() {
    let all = schemas();
    assert!(all.len() >= 3);
    for (name, s) in &all {
        assert_eq!(
            s["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{name}"
        );
        // The assessment's shape changed in version 2 (evidence strength,
        // onset links, counted weights, validation problems).
        let version = if name == "assessment" { 2 } else { 1 };
        assert_eq!(
            s["$id"].as_str().unwrap(),
            format!("https://interpersonal.invalid/schema/{name}/{version}"),
            "{name}: $id"
        );
        assert!(!s["title"].as_str().unwrap().is_empty(), "{name}: title");
        let description = s["description"].as_str().unwrap().to_lowercase();
        assert!(
            description.contains("patient text"),
            "{name}: the description says whether patient text lives in the document"
        );
    }
}

#[test]
fn every_schema_documents_itself_in_the_readme() {
    let readme = std::fs::read_to_string(crate_dir().join("schema/README.md")).unwrap();
    for name in schemas().keys() {
        assert!(
            readme.contains(&format!("{name}.schema.json")),
            "schema/README.md does not list {name}.schema.json"
        );
    }
}

/// Calls `f` on every sub-schema of `s`, with a path for messages.
fn walk_schemas(s: &Value, at: &str, f: &mut dyn FnMut(&serde_json::Map<String, Value>, &str)) {
    let Value::Object(map) = s else { return };
    f(map, at);
    for (keyword, arg) in map {
        match keyword.as_str() {
            "properties" | "$defs" => {
                for (name, sub) in arg.as_object().unwrap() {
                    walk_schemas(sub, &format!("{at}/{keyword}/{name}"), f);
                }
            }
            "items" | "additionalProperties" => walk_schemas(arg, &format!("{at}/{keyword}"), f),
            "prefixItems" | "oneOf" | "anyOf" => {
                for (i, sub) in arg.as_array().unwrap().iter().enumerate() {
                    walk_schemas(sub, &format!("{at}/{keyword}/{i}"), f);
                }
            }
            _ => {}
        }
    }
}

#[test]
fn schemas_use_only_checked_keywords_and_every_ref_resolves_and_is_used() {
    for (name, s) in schemas() {
        let defs: BTreeSet<String> = s
            .get("$defs")
            .and_then(Value::as_object)
            .map(|d| d.keys().cloned().collect())
            .unwrap_or_default();
        let mut used = BTreeSet::new();
        walk_schemas(&s, "#", &mut |map, at| {
            for keyword in map.keys() {
                assert!(
                    ANNOTATIONS.contains(&keyword.as_str())
                        || ASSERTIONS.contains(&keyword.as_str()),
                    "{name} {at}: `{keyword}` is not a keyword the schemas use"
                );
            }
            if let Some(reference) = map.get("$ref") {
                let def = reference
                    .as_str()
                    .unwrap()
                    .strip_prefix("#/$defs/")
                    .unwrap();
                assert!(defs.contains(def), "{name} {at}: $ref to missing {def}");
                used.insert(def.to_owned());
            }
            if let Some(Value::Object(props)) = map.get("properties") {
                if let Some(Value::Array(required)) = map.get("required") {
                    for r in required {
                        assert!(props.contains_key(r.as_str().unwrap()), "{name} {at}: {r}");
                    }
                }
                if map.get("type") == Some(&json!("object")) {
                    assert_eq!(
                        map.get("additionalProperties"),
                        Some(&json!(false)),
                        "{name} {at}: every struct the crate reads denies unknown fields"
                    );
                }
            }
        });
        let unused: Vec<_> = defs.difference(&used).collect();
        assert!(unused.is_empty(), "{name}: unused $defs {unused:?}");
    }
}

#[test]
fn a_definition_shared_by_several_schemas_is_the_same_in_each() {
    let all = schemas();
    let mut seen: BTreeMap<String, (String, Value)> = BTreeMap::new();
    for (name, s) in &all {
        let Some(defs) = s.get("$defs").and_then(Value::as_object) else {
            continue;
        };
        for (def, body) in defs {
            match seen.get(def) {
                Some((first, other)) => assert_eq!(
                    other, body,
                    "$defs/{def} differs between {first} and {name}"
                ),
                None => {
                    seen.insert(def.clone(), (name.clone(), body.clone()));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Enums list exactly the Rust variants.

/// The snake_case names of an enum's variants, in declaration order, checking
/// that serde writes the same names as strum's Display.
fn names<E: Vocabulary + Display + Serialize>() -> Vec<String> {
    E::iter()
        .map(|variant| {
            let name = variant.to_string();
            assert_eq!(serde_json::to_value(variant).unwrap(), json!(name));
            name
        })
        .collect()
}

#[test]
fn every_enum_lists_exactly_the_rust_variants_in_order() {
    let expected: Vec<(&str, Vec<String>)> = vec![
        ("relationship_kind", names::<RelationshipKind>()),
        ("closeness", names::<Closeness>()),
        ("contact_frequency", names::<ContactFrequency>()),
        ("expectations_met", names::<ExpectationsMet>()),
        ("conflict_level", names::<ConflictLevel>()),
        ("conflict_visibility", names::<ConflictVisibility>()),
        ("conflict_course", names::<ConflictCourse>()),
        ("relative_to_onset", names::<RelativeToOnset>()),
        (
            "conflict_frequency",
            names::<interpersonal::inventory::ConflictFrequency>(),
        ),
        (
            "relationship_pattern",
            names::<interpersonal::inventory::RelationshipPattern>(),
        ),
        ("relationship_change", names::<RelationshipChange>()),
        ("event_kind", names::<EventKind>()),
        ("grief_sign", names::<GriefSign>()),
        (
            "trauma_kind",
            names::<interpersonal::inventory::TraumaKind>(),
        ),
        ("area_set", names::<interpersonal::catalogue::AreaSet>()),
        ("prior_functioning", names::<PriorFunctioning>()),
        ("problem_area", names::<ProblemArea>()),
        ("indicator", names::<Indicator>()),
        ("advisory_code", names::<AdvisoryCode>()),
        ("evidence_strength", names::<EvidenceStrength>()),
        ("link_basis", names::<interpersonal::inventory::LinkBasis>()),
        ("onset_link", names::<interpersonal::inventory::OnsetLink>()),
        ("intervention", names::<Intervention>()),
        ("grief_kind", names::<GriefKind>()),
        ("dispute_stage", names::<DisputeStage>()),
        ("basis", names::<Basis>()),
        ("needed_for", names::<NeededFor>()),
        ("cadence", names::<Cadence>()),
        ("srm_form", names::<SrmForm>()),
        ("difficulty", names::<interpersonal::measure::Difficulty>()),
        // SrmActivity is a newtype with named constants.
        (
            "srm_activity",
            SrmActivity::ALL
                .iter()
                .map(|a| a.name().to_owned())
                .collect(),
        ),
        // Modality is a newtype with named constants, not a strum enum.
        (
            "modality",
            Modality::ALL
                .iter()
                .map(|m| m.as_str().to_owned())
                .collect(),
        ),
    ];
    let all = schemas();
    for (def, rust) in &expected {
        let mut found = 0;
        for (name, s) in &all {
            if let Some(body) = s["$defs"].get(*def) {
                found += 1;
                let listed: Vec<String> = body["enum"]
                    .as_array()
                    .unwrap_or_else(|| panic!("{name} $defs/{def} has no enum"))
                    .iter()
                    .map(|v| v.as_str().unwrap().to_owned())
                    .collect();
                assert_eq!(&listed, rust, "{name} $defs/{def}");
            }
        }
        assert!(found > 0, "no schema defines {def}");
    }

    // PersonStatus has no strum derives (one variant carries a date): check
    // its unit variants through serde instead.
    let status: Vec<Value> = schema("inventory")["$defs"]["person_status"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|variant| variant.get("const").cloned())
        .collect();
    let units =
        [PersonStatus::Living, PersonStatus::Estranged].map(|s| serde_json::to_value(s).unwrap());
    assert_eq!(status, units);
}

/// The item names and maxima of an answers schema agree with the instrument.
fn check_items<I: InstrumentItem + Vocabulary>(schema_name: &str) {
    let s = schema(schema_name);
    let forms = s["properties"]["items"]["oneOf"].as_array().unwrap();
    let (array, object) = (&forms[0], &forms[1]);
    // A score is `null` or an integer up to the item's maximum, written in
    // place or as a definition.
    let maximum = |item: &Value| {
        let body = match item.get("$ref").and_then(Value::as_str) {
            Some(r) => &s["$defs"][r.strip_prefix("#/$defs/").unwrap()],
            None => item,
        };
        body["anyOf"]
            .as_array()
            .unwrap()
            .iter()
            .find_map(|branch| branch["maximum"].as_u64())
            .unwrap()
    };
    let prefix = array["prefixItems"].as_array().unwrap();
    assert_eq!(
        prefix.len(),
        <I as InstrumentItem>::ALL.len(),
        "{schema_name}"
    );
    assert_eq!(array["items"], json!(false));
    let properties = object["properties"].as_object().unwrap();
    let names: BTreeSet<&String> = properties.keys().collect();
    let rust: Vec<String> = I::iter().map(|i| i.to_string()).collect();
    assert_eq!(names, rust.iter().collect(), "{schema_name}");
    for (i, item) in <I as InstrumentItem>::ALL.iter().enumerate() {
        // The array form is in the instrument's order.
        assert_eq!(
            maximum(&prefix[i]),
            u64::from(item.max_score()),
            "{schema_name} {item}"
        );
        assert_eq!(
            maximum(&properties[item.name()]),
            u64::from(item.max_score()),
            "{schema_name} {item}"
        );
    }
}

#[test]
fn answers_schemas_list_every_item_with_its_maximum() {
    check_items::<Phq9Item>("phq9_answers");
    check_items::<Gad7Item>("gad7_answers");
    check_items::<Hamd17Item>("hamd17_ratings");
    check_items::<AsrmItem>("asrm_answers");
}

// ---------------------------------------------------------------------------
// Every bundled document is valid.

#[test]
fn every_bundled_inventory_is_valid() {
    let mut count = 0;
    for folder in ["tests/cases", "examples/data"] {
        for (file, text) in json_files(folder) {
            from_json::<Inventory>(&text).unwrap_or_else(|e| panic!("{folder}/{file}: {e}"));
            assert_valid(
                "inventory",
                &format!("{folder}/{file}"),
                &serde_json::from_str(&text).unwrap(),
            );
            count += 1;
        }
    }
    assert!(count >= 20, "found only {count} inventories");
}

#[test]
fn the_default_rule_set_is_valid() {
    let doc: Value = serde_json::from_str(RuleSet::standard_json()).unwrap();
    assert_valid("rule_set", "rules/default.json", &doc);
    // And as the crate writes it back.
    let written = serde_json::to_value(RuleSet::standard()).unwrap();
    assert_valid("rule_set", "RuleSet::standard()", &written);
    // The IPSRT rule set, as bundled and as written back.
    let doc: Value = serde_json::from_str(RuleSet::ipsrt_json()).unwrap();
    assert_valid("rule_set", "rules/ipsrt.json", &doc);
    let written = serde_json::to_value(RuleSet::ipsrt()).unwrap();
    assert_valid("rule_set", "RuleSet::ipsrt()", &written);
}

fn case_assessments() -> Vec<(String, Value)> {
    let engine = Engine::standard().unwrap();
    json_files("tests/cases")
        .into_iter()
        .chain(json_files("examples/data"))
        .map(|(file, text)| {
            let inventory: Inventory = from_json(&text).unwrap();
            (
                file,
                serde_json::to_value(engine.evaluate(&inventory)).unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_assessment_of_every_bundled_case_is_valid() {
    let assessments = case_assessments();
    for (file, doc) in &assessments {
        assert_valid("assessment", &format!("the assessment of {file}"), doc);
        from_json::<Assessment>(&doc.to_string()).unwrap();
    }
    // The cases reach the optional parts of an assessment.
    let all = Value::Array(assessments.into_iter().map(|(_, a)| a).collect()).to_string();
    for part in [
        "\"dispute_stage\":\"",
        "\"grief_kind\":\"",
        "\"needed_for\":",
        "\"event\":",
        "\"interventions\":[\"",
    ] {
        assert!(all.contains(part), "no bundled case yields {part}");
    }
}

// ---------------------------------------------------------------------------
// Documents built in code, with every optional field set.

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Inventories that between them set every optional field and use every
/// value of every enum. Patient text is `PATIENT-TEXT-<n>`, each unique.
fn built_inventories() -> Vec<Inventory> {
    let mut n = 0;
    let mut text = || {
        n += 1;
        format!("PATIENT-TEXT-{n}")
    };
    let kinds: Vec<RelationshipKind> = RelationshipKind::iter().collect();
    let statuses = [
        PersonStatus::Living,
        PersonStatus::Estranged,
        PersonStatus::Deceased { date: None },
        PersonStatus::Deceased {
            date: Some("2025-11".parse().unwrap()),
        },
        PersonStatus::Deceased {
            date: Some("2025-11-03".parse().unwrap()),
        },
    ];
    let onsets = [
        EpisodeOnset::Unknown,
        EpisodeOnset::Known("2026-01".parse().unwrap()),
        EpisodeOnset::Known("2026-01-15".parse().unwrap()),
    ];
    let mut out = Vec::new();
    for (k, onset) in onsets.into_iter().enumerate() {
        let mut inv = Inventory::new(day(2026, 3, 2), onset);
        for (i, kind) in kinds.iter().enumerate() {
            let v = i + k;
            let mut p = Person::new(PersonId::new(format!("p{i}")).unwrap(), text(), *kind);
            p.closeness = Closeness::iter().nth(v % Closeness::iter().len());
            p.contact = ContactFrequency::iter().nth(v % ContactFrequency::iter().len());
            p.status = statuses[v % statuses.len()];
            p.confidant = Some(v % 2 == 0);
            p.supportive = Some(v % 3 == 0);
            p.knows_about_episode = Some(v % 2 == 1);
            p.shared_activities = vec![text().into(), text().into()];
            p.satisfactions = vec![text().into()];
            p.dissatisfactions = vec![text().into()];
            p.feelings = vec![text().into()];
            p.expectations = Some(
                Expectations::new(ExpectationsMet::iter().nth(v % 4).unwrap())
                    .with_patient_expects(text())
                    .with_other_expects(text()),
            );
            p.conflict = Some(
                Conflict::new(ConflictLevel::iter().nth(v % 4).unwrap())
                    .with_visibility(ConflictVisibility::iter().nth(v % 2).unwrap())
                    .with_course(ConflictCourse::iter().nth(v % 3).unwrap())
                    .with_began(RelativeToOnset::iter().nth(v % 2).unwrap())
                    .with_topic(text()),
            );
            p.change_around_onset = RelationshipChange::iter().nth(v % 5);
            p.desired_changes = vec![text().into()];
            p.notes = Some(text().into());
            inv.people.push(p);
        }
        for (i, kind) in EventKind::iter().enumerate() {
            let date: PartialDate = if (i + k) % 2 == 0 {
                "2025-12".parse().unwrap()
            } else {
                "2025-12-24".parse().unwrap()
            };
            let mut e = LifeEvent::new(EventId::new(format!("e{i}")).unwrap(), kind, Some(date));
            e.person = Some(PersonId::new(format!("p{}", i % kinds.len())).unwrap());
            e.linked_to_onset = interpersonal::inventory::OnsetLink::from(Some(i % 2 == 0));
            e.grief_signs = GriefSign::iter().collect();
            e.trauma_kind = interpersonal::inventory::TraumaKind::iter()
                .nth((i + k) % interpersonal::inventory::TraumaKind::COUNT);
            e.notes = Some(text().into());
            inv.events.push(e);
        }
        for (i, kind) in EventKind::iter().enumerate() {
            let mut e = LifeEvent::new(
                EventId::new(format!("u{i}")).unwrap(),
                kind,
                Some("2026-04".parse().unwrap()),
            );
            e.notes = Some(text().into());
            inv.upcoming.push(e);
        }
        inv.social_context.prior_functioning = PriorFunctioning::iter().nth(k % 3);
        inv.social_context.lives_alone = Some(k % 2 == 0);
        inv.social_context.confidants = Some(u32::MAX - k as u32);
        inv.safety.suicidal_thoughts =
            interpersonal::inventory::ScreenAnswer::from(Some(k % 2 == 1));
        out.push(inv);
    }
    out
}

fn built_contract() -> TreatmentContract {
    TreatmentContract::builder(
        day(2026, 1, 12),
        [ProblemArea::Grief, ProblemArea::RoleDispute],
    )
    .sessions(16)
    .cadence(Cadence::Fortnightly)
    .session_minutes(120)
    .goal(GoalId::new("g1").unwrap())
    .goal(GoalId::new("g2").unwrap())
    .agreed_on(day(2026, 1, 19))
    .practicalities("PATIENT-TEXT-contract")
    .build()
    .unwrap()
}

/// Answers in both shapes, with unanswered items and every item's maximum.
fn built_answers() -> Vec<(&'static str, Value)> {
    let phq9_map = Phq9Item::ALL
        .iter()
        .fold(Phq9Answers::new(), |a, &i| a.with(i, i.max_score()));
    let hamd_map = Hamd17Item::ALL
        .iter()
        .fold(Hamd17Ratings::new(), |a, &i| a.with(i, i.max_score()));
    vec![
        ("phq9_answers", serde_json::to_value(phq9_map).unwrap()),
        (
            "phq9_answers",
            serde_json::to_value(Phq9Answers::from_optional_scores(
                Phq9Item::ALL
                    .iter()
                    .map(|i| (i.number() % 2 == 0).then_some(i.max_score())),
            ))
            .unwrap(),
        ),
        (
            "phq9_answers",
            serde_json::to_value(Phq9Answers::new().with(Phq9Item::SelfHarmThoughts, 1)).unwrap(),
        ),
        (
            "gad7_answers",
            serde_json::to_value(Gad7Answers::from_scores([3, 2, 1, 0, 3, 2, 1])).unwrap(),
        ),
        (
            "gad7_answers",
            serde_json::to_value(
                Gad7Answers::new()
                    .with(Gad7Item::Restless, 3)
                    .with_difficulty(interpersonal::measure::Difficulty::ExtremelyDifficult),
            )
            .unwrap(),
        ),
        (
            "phq9_answers",
            serde_json::to_value(
                Phq9Answers::from_scores([0; 9])
                    .with_difficulty(interpersonal::measure::Difficulty::NotDifficultAtAll),
            )
            .unwrap(),
        ),
        ("hamd17_ratings", serde_json::to_value(hamd_map).unwrap()),
        (
            "asrm_answers",
            serde_json::to_value(AsrmAnswers::from_scores([4, 3, 2, 1, 0])).unwrap(),
        ),
        (
            "asrm_answers",
            serde_json::to_value(AsrmAnswers::new().with(AsrmItem::Speech, 4)).unwrap(),
        ),
        (
            "hamd17_ratings",
            serde_json::to_value(Hamd17Ratings::from_scores(
                Hamd17Item::ALL.iter().map(|i| i.max_score()),
            ))
            .unwrap(),
        ),
    ]
}

#[test]
fn built_documents_with_every_optional_field_are_valid() {
    for (i, inv) in built_inventories().iter().enumerate() {
        let doc = serde_json::to_value(inv).unwrap();
        assert_valid("inventory", &format!("built inventory {i}"), &doc);
        assert_eq!(&from_json::<Inventory>(&doc.to_string()).unwrap(), inv);
    }
    let contract = serde_json::to_value(built_contract()).unwrap();
    assert_valid("treatment_contract", "built contract", &contract);
    for (name, doc) in built_answers() {
        assert_valid(name, &format!("built answers {doc}"), &doc);
    }
    // Every schema version the crate writes is the one the schemas describe.
    assert_eq!(interpersonal::inventory::INVENTORY_SCHEMA_VERSION, 1);
    assert_eq!(interpersonal::engine::RULE_SET_SCHEMA_VERSION, 1);
}

#[test]
fn exactly_the_patient_text_fields_use_the_patient_text_definition() {
    let mut docs: Vec<(&str, Value)> = built_inventories()
        .iter()
        .map(|inv| ("inventory", serde_json::to_value(inv).unwrap()))
        .collect();
    docs.push((
        "treatment_contract",
        serde_json::to_value(built_contract()).unwrap(),
    ));
    for (name, doc) in docs {
        let mut holding = BTreeSet::new();
        leaves(&doc, "$", &mut |path, v| {
            if v.as_str().is_some_and(|s| s.starts_with("PATIENT-TEXT-")) {
                holding.insert(path.to_owned());
            }
        });
        let marked = patient_text(name, &doc);
        assert!(!holding.is_empty());
        assert_eq!(marked, holding, "{name}");
    }
    // An assessment and a rule set hold none.
    for name in ["assessment", "rule_set"] {
        assert!(
            !schema(name)["$defs"]
                .as_object()
                .unwrap()
                .contains_key("patient_text")
        );
    }
}

/// Calls `f` on every scalar of `v`, with its path.
fn leaves(v: &Value, path: &str, f: &mut dyn FnMut(&str, &Value)) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                leaves(x, &format!("{path}.{k}"), f);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                leaves(x, &format!("{path}[{i}]"), f);
            }
        }
        scalar => f(path, scalar),
    }
}

// ---------------------------------------------------------------------------
// Invalid documents are refused by the schema and by the crate.

/// Refused by both the schema and `from_json::<T>`.
#[track_caller]
fn assert_both_refuse<T: DeserializeOwned>(schema_name: &str, doc: &Value, why: &str) {
    let out = validate(schema_name, doc);
    assert!(!out.is_valid(), "schema {schema_name} accepts {why}: {doc}");
    assert!(
        from_json::<T>(&doc.to_string()).is_err(),
        "the crate accepts {why}: {doc}"
    );
}

/// `base` with `value` put at the JSON pointer `pointer` (or the field removed
/// when `value` is `None`).
fn with(base: &Value, pointer: &str, value: Option<Value>) -> Value {
    let mut doc = base.clone();
    let (parent, last) = pointer.rsplit_once('/').unwrap();
    let target = doc
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"));
    match (target, value) {
        (Value::Object(map), Some(v)) => {
            map.insert(last.to_owned(), v);
        }
        (Value::Object(map), None) => {
            assert!(map.remove(last).is_some(), "no {pointer}");
        }
        (Value::Array(items), Some(v)) => items[last.parse::<usize>().unwrap()] = v,
        _ => panic!("cannot edit {pointer}"),
    }
    doc
}

#[test]
fn invalid_inventories_are_refused_by_schema_and_crate() {
    let base = serde_json::to_value(&built_inventories()[1]).unwrap();
    let unknown = Some(json!(1));
    let cases: Vec<(&str, Option<Value>, &str)> = vec![
        ("/wibble", unknown.clone(), "an unknown top-level field"),
        (
            "/people/0/wibble",
            unknown.clone(),
            "an unknown person field",
        ),
        (
            "/people/0/expectations/wibble",
            unknown.clone(),
            "an unknown expectations field",
        ),
        (
            "/people/0/conflict/wibble",
            unknown.clone(),
            "an unknown conflict field",
        ),
        (
            "/people/2/status/deceased/wibble",
            unknown.clone(),
            "an unknown field in deceased",
        ),
        (
            "/events/0/wibble",
            unknown.clone(),
            "an unknown event field",
        ),
        (
            "/social_context/wibble",
            unknown.clone(),
            "an unknown social-context field",
        ),
        ("/safety/wibble", unknown.clone(), "an unknown safety field"),
        (
            "/people/0/relationship",
            Some(json!("cousin")),
            "an unknown relationship",
        ),
        (
            "/people/0/closeness",
            Some(json!("Inner")),
            "a closeness not in snake_case",
        ),
        ("/people/0/status", Some(json!("dead")), "an unknown status"),
        (
            "/people/0/status",
            Some(json!({"buried": {}})),
            "an unknown status variant",
        ),
        (
            "/people/0/conflict/level",
            Some(json!("extreme")),
            "an unknown conflict level",
        ),
        (
            "/events/0/kind",
            Some(json!("funeral")),
            "an unknown event kind",
        ),
        (
            "/events/0/grief_signs/0",
            Some(json!("sadness")),
            "an unknown grief sign",
        ),
        (
            "/social_context/prior_functioning",
            Some(json!("fine")),
            "an unknown prior functioning",
        ),
        ("/assessed_on", None, "no assessed_on"),
        ("/onset", None, "no onset"),
        ("/schema_version", None, "no schema_version"),
        ("/people/0/label", None, "a person without a label"),
        ("/people/0/id", None, "a person without an id"),
        (
            "/people/0/expectations/met",
            None,
            "expectations without met",
        ),
        (
            "/people/0/conflict/level",
            None,
            "a conflict without a level",
        ),
        ("/events/0/kind", None, "an event without a kind"),
        (
            "/people/0/id",
            Some(json!("my sister")),
            "an id with a space",
        ),
        ("/people/0/id", Some(json!("")), "an empty id"),
        (
            "/people/0/id",
            Some(json!("x".repeat(65))),
            "an id of 65 characters",
        ),
        ("/events/0/id", Some(json!("événement")), "a non-ASCII id"),
        (
            "/events/0/person",
            Some(json!("a/b")),
            "a bad person reference",
        ),
        (
            "/assessed_on",
            Some(json!("2026-03")),
            "an as-of date without a day",
        ),
        ("/onset", Some(json!("Unknown")), "an onset of Unknown"),
        ("/onset", Some(json!("2026-13")), "an onset in month 13"),
        ("/events/0/date", Some(json!("2025-3")), "a one-digit month"),
        (
            "/people/0/confidant",
            Some(json!("yes")),
            "a string for a boolean",
        ),
        (
            "/social_context/confidants",
            Some(json!(-1)),
            "a negative count",
        ),
        (
            "/schema_version",
            Some(json!("1")),
            "a schema version as a string",
        ),
        (
            "/people/0/satisfactions",
            Some(json!("one")),
            "a string for a list",
        ),
    ];
    for (pointer, value, why) in cases {
        assert_both_refuse::<Inventory>("inventory", &with(&base, pointer, value), why);
    }
    assert_both_refuse::<Inventory>("inventory", &json!([]), "an array");
}

#[test]
fn invalid_rule_sets_are_refused_by_schema_and_crate() {
    let base: Value = serde_json::from_str(RuleSet::standard_json()).unwrap();
    let cases: Vec<(&str, Option<Value>, &str)> = vec![
        ("/wibble", Some(json!(1)), "an unknown top-level field"),
        ("/rules/0/wieght", Some(json!(1.0)), "a misspelt rule field"),
        ("/parameters/wibble", Some(json!(1)), "an unknown parameter"),
        (
            "/parameters/windows/onset/wibble",
            Some(json!(1)),
            "an unknown window field",
        ),
        (
            "/parameters/strength_bands/low",
            Some(json!(1.0)),
            "an unknown strength band",
        ),
        (
            "/rules/0/source/wibble",
            Some(json!(1)),
            "an unknown source field",
        ),
        (
            "/rules/0/area",
            Some(json!("grief_work")),
            "an unknown area",
        ),
        (
            "/rules/0/indicator",
            Some(json!("urgent")),
            "an unknown indicator",
        ),
        (
            "/rules/0/source/cites/0/basis",
            Some(json!("guessed")),
            "an unknown basis",
        ),
        (
            "/rules/0/source/cites/0/url",
            Some(json!("https://example.org/copy")),
            "a citation with an address",
        ),
        (
            "/rules/0/source/label",
            Some(json!("Guide-2018, ch. 8")),
            "a source in the old shape, with a label",
        ),
        (
            "/rules/0/when",
            Some(json!({"sometimes": true})),
            "an unknown condition",
        ),
        (
            "/rules/0/when",
            Some(json!({"lives_alone": true, "onset_known": true})),
            "a condition with two keys",
        ),
        (
            "/rules/0/when",
            Some(json!({"some_person": {"kind_in": ["death"]}})),
            "an event condition on a person",
        ),
        (
            "/rules/0/when",
            Some(json!({"some_event": {"relationship_in": ["spouse"]}})),
            "a person condition on an event",
        ),
        (
            "/rules/0/when",
            Some(json!({"some_person": {"relationship_in": ["cousin"]}})),
            "an unknown relationship",
        ),
        (
            "/rules/0/when",
            Some(json!({"lives_alone": "yes"})),
            "a string for a boolean",
        ),
        ("/rules/0/when", Some(json!({})), "an empty condition"),
        (
            "/rules/0/id",
            Some(json!("no spaces allowed")),
            "a bad rule id",
        ),
        ("/rules/0/when", None, "a rule without a condition"),
        ("/rules/0/source", None, "a rule without a source"),
        ("/rules/0/weight", None, "a rule without a weight"),
        ("/rules/0/source/cites", None, "a source without citations"),
        (
            "/rules/0/source/cites/0/basis",
            None,
            "a citation without a basis",
        ),
        (
            "/rules/0/source/cites/0/ref",
            None,
            "a citation without a key",
        ),
        (
            "/parameters/max_depth",
            None,
            "parameters without max_depth",
        ),
        (
            "/parameters/windows/onset/after_months",
            None,
            "a window without after_months",
        ),
        ("/parameters", None, "no parameters"),
        ("/version", None, "no version"),
    ];
    for (pointer, value, why) in cases {
        assert_both_refuse::<RuleSet>("rule_set", &with(&base, pointer, value), why);
    }
}

#[test]
fn invalid_assessments_contracts_and_answers_are_refused_by_schema_and_crate() {
    let (_, assessment) = case_assessments()
        .into_iter()
        .find(|(_, a)| {
            a["areas"][0]["evidence"]
                .as_array()
                .is_some_and(|e| !e.is_empty())
        })
        .unwrap();
    let cases: Vec<(&str, Option<Value>, &str)> = vec![
        ("/wibble", Some(json!(1)), "an unknown field"),
        (
            "/areas/0/evidence/0/wibble",
            Some(json!(1)),
            "an unknown evidence field",
        ),
        (
            "/areas/0/strength",
            Some(json!("certain")),
            "an unknown strength",
        ),
        (
            "/focus",
            Some(json!(["grief_work"])),
            "an unknown focus area",
        ),
        (
            "/recommendations/interventions",
            Some(json!(["hypnosis"])),
            "an unknown intervention",
        ),
        ("/grief_kind", Some(json!("sad")), "an unknown grief kind"),
        (
            "/dispute_stage",
            Some(json!("war")),
            "an unknown dispute stage",
        ),
        (
            "/areas/0/evidence/0/subjects/0",
            Some(json!({"place": "home"})),
            "an unknown subject",
        ),
        (
            "/areas/0/evidence/0/subjects/0",
            Some(json!({"person": "a", "event": "b"})),
            "a subject with two keys",
        ),
        ("/rule_set", None, "no rule set"),
        (
            "/areas/0/evidence/0/detail",
            None,
            "evidence without detail",
        ),
    ];
    for (pointer, value, why) in cases {
        assert_both_refuse::<Assessment>("assessment", &with(&assessment, pointer, value), why);
    }

    let contract = serde_json::to_value(built_contract()).unwrap();
    let cases: Vec<(&str, Option<Value>, &str)> = vec![
        ("/wibble", Some(json!(1)), "an unknown field"),
        (
            "/agreement/wibble",
            Some(json!(1)),
            "an unknown agreement field",
        ),
        (
            "/modality",
            Some(json!("ipt_deluxe")),
            "an unknown modality",
        ),
        ("/cadence", Some(json!("daily")), "an unknown cadence"),
        ("/focus", Some(json!("grief")), "a focus that is not a list"),
        ("/goals/0", Some(json!("goal one")), "a bad goal id"),
        (
            "/sessions",
            Some(json!(300)),
            "more sessions than fit in a byte",
        ),
        ("/starts_on", None, "no start date"),
        ("/agreement/on", None, "an agreement without a date"),
    ];
    for (pointer, value, why) in cases {
        assert_both_refuse::<TreatmentContract>(
            "treatment_contract",
            &with(&contract, pointer, value),
            why,
        );
    }

    for doc in [
        json!({}),
        json!({"items": [1], "total": 1}),
        json!({"items": {"feeling_blue": 1}}),
        json!({"items": [1, -1]}),
        json!({"items": ["1"]}),
        json!({"items": 5}),
    ] {
        assert_both_refuse::<Phq9Answers>("phq9_answers", &doc, "bad answers");
    }
    assert_both_refuse::<Hamd17Ratings>(
        "hamd17_ratings",
        &json!({"items": {"little_interest": 1}}),
        "a PHQ-9 item in HAM-D ratings",
    );
    assert_both_refuse::<Gad7Answers>(
        "gad7_answers",
        &json!({"items": [300]}),
        "a score above a byte",
    );
}

#[test]
fn the_one_known_gap_is_an_integer_written_with_a_fraction() {
    // JSON Schema counts 1.0 as the integer 1; serde refuses it for an integer
    // field. schema/README.md tells writers to leave the fraction out.
    let doc = json!({"schema_version": 1.0, "assessed_on": "2026-03-02", "onset": "unknown"});
    assert!(validate("inventory", &doc).is_valid());
    assert!(from_json::<Inventory>(&doc.to_string()).is_err());
    let doc = json!({"schema_version": 1, "assessed_on": "2026-03-02", "onset": "unknown"});
    assert!(validate("inventory", &doc).is_valid());
    assert!(from_json::<Inventory>(&doc.to_string()).is_ok());
}

// ---------------------------------------------------------------------------
// The mutation sweep: the schema never accepts what the crate refuses.

/// Every mutation of `doc`: (path of the node, what was done, the document).
fn mutations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    mutate(doc, doc, "", "$", &mut out);
    out
}

fn mutate(
    root: &Value,
    node: &Value,
    pointer: &str,
    path: &str,
    out: &mut Vec<(String, String, Value)>,
) {
    let mut put = |what: String, value: Option<Value>| {
        out.push((path.to_owned(), what, with(root, pointer, value)));
    };
    let replacements: Vec<Value> = match node {
        Value::String(_) => vec![json!(7), json!("NOT VALID"), json!("")],
        Value::Number(_) => vec![
            json!("7"),
            json!(-1),
            json!(1.5),
            json!(256),
            json!(65536),
            json!(4_294_967_296_u64),
        ],
        Value::Bool(_) => vec![json!("true")],
        Value::Null => vec![],
        Value::Array(items) if !items.is_empty() => vec![json!("x"), json!([])],
        Value::Array(_) | Value::Object(_) => vec![json!("x")],
    };
    if !pointer.is_empty() {
        for r in replacements {
            put(format!("set to {r}"), Some(r));
        }
    }
    match node {
        Value::Object(map) => {
            let mut doc = root.clone();
            doc.pointer_mut(pointer)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .insert("zz_unknown".into(), json!(0));
            out.push((path.to_owned(), "add an unknown field".into(), doc));
            for (k, v) in map {
                let child = format!("{pointer}/{k}");
                let mut doc = root.clone();
                doc.pointer_mut(pointer)
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .remove(k);
                out.push((format!("{path}.{k}"), "remove".into(), doc));
                mutate(root, v, &child, &format!("{path}.{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                mutate(
                    root,
                    v,
                    &format!("{pointer}/{i}"),
                    &format!("{path}[{i}]"),
                    out,
                );
            }
        }
        _ => {}
    }
}

/// A path with indices as `[*]`, and a condition subtree shortened to its
/// last key.
fn normalise(path: &str) -> String {
    let mut out = String::new();
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[*]");
            }
            ']' => in_index = false,
            c if !in_index => out.push(c),
            _ => {}
        }
    }
    match out.split_once(".when.") {
        Some((head, tail)) => format!("{head}.when..{}", tail.rsplit('.').next().unwrap()),
        None => out,
    }
}

/// Runs the sweep on `doc`; fails on any mutation the schema accepts and the
/// crate refuses; returns the normalised paths where the schema is stricter.
fn sweep<T: DeserializeOwned>(schema_name: &str, doc: &Value) -> BTreeSet<String> {
    let s = schema(schema_name);
    let validator = Validator::new(&s);
    assert!(validator.validate(doc).is_valid());
    assert!(from_json::<T>(&doc.to_string()).is_ok());
    let mut looser = Vec::new();
    let mut stricter = BTreeSet::new();
    for (path, what, mutated) in mutations(doc) {
        let schema_ok = validator.is_valid(&mutated);
        let crate_ok = from_json::<T>(&mutated.to_string()).is_ok();
        match (schema_ok, crate_ok) {
            (true, false) => looser.push(format!("{path}: {what}")),
            (false, true) => {
                stricter.insert(normalise(&path));
            }
            _ => {}
        }
    }
    assert!(
        looser.is_empty(),
        "schema {schema_name} accepts what the crate refuses:\n{}",
        looser.join("\n")
    );
    stricter
}

fn set(paths: &[&str]) -> BTreeSet<String> {
    paths.iter().map(|p| (*p).to_owned()).collect()
}

#[test]
fn sweep_inventories() {
    // The schema pins the version the crate reads; Inventory::validate checks it.
    let stricter = set(&["$.schema_version"]);
    // A built inventory cut to three people (estranged, deceased without and
    // with a date) and two events keeps every field and the sweep short.
    let mut inv = built_inventories().swap_remove(1);
    inv.people.truncate(3);
    inv.events.truncate(2);
    let doc = serde_json::to_value(&inv).unwrap();
    assert_eq!(sweep::<Inventory>("inventory", &doc), stricter);
    let quickstart = json_files("examples/data")
        .into_iter()
        .find(|(f, _)| f == "quickstart.json")
        .unwrap();
    let doc: Value = serde_json::from_str(&quickstart.1).unwrap();
    assert_eq!(sweep::<Inventory>("inventory", &doc), stricter);
}

#[test]
fn sweep_default_rule_set() {
    // Where the schema holds what Engine::compile checks after parsing: the
    // version read, the rule set's version form, the parameters' bounds,
    // rule weights, the citations, non-empty condition lists and window
    // names.
    let stricter = set(&[
        "$.schema_version",
        "$.version",
        "$.parameters.windows.bereavement.before_months",
        "$.parameters.windows.bereavement.after_months",
        "$.parameters.windows.onset.before_months",
        "$.parameters.windows.onset.after_months",
        "$.parameters.min_focus_score",
        "$.parameters.second_focus_ratio",
        "$.parameters.strength_bands.moderate",
        "$.parameters.strength_bands.high",
        "$.parameters.support_cap",
        "$.parameters.max_depth",
        "$.rules[*].weight",
        "$.rules[*].source.cites",
        "$.rules[*].source.cites[*].ref",
        "$.rules[*].when..died_within",
        "$.rules[*].when..linked",
        "$.rules[*].when..within",
        "$.rules[*].when..all",
        "$.rules[*].when..any",
        "$.rules[*].when..prior_functioning_in",
        "$.rules[*].when..change_around_onset_in",
        "$.rules[*].when..conflict_visibility_in",
        "$.rules[*].when..expectations_met_in",
        "$.rules[*].when..conflict_course_in",
        "$.rules[*].when..has_grief_sign_in",
        "$.rules[*].when..kind_in",
        "$.rules[*].when..onset_link_in",
        "$.rules[*].when..conflict_began_in",
    ]);
    let doc: Value = serde_json::from_str(RuleSet::standard_json()).unwrap();
    let found = sweep::<RuleSet>("rule_set", &doc);
    assert_eq!(found, stricter);
}

#[test]
fn sweep_assessments() {
    let assessments = case_assessments();
    let richest = [
        "all_four_areas.json",
        "dispute_impasse_covert.json",
        "grief_delayed_anniversary.json",
    ];
    let mut found = BTreeSet::new();
    let chosen: Vec<&Value> = assessments
        .iter()
        .filter(|(f, _)| richest.contains(&f.as_str()))
        .map(|(_, a)| a)
        .collect();
    assert_eq!(chosen.len(), richest.len());
    for doc in chosen {
        found.extend(sweep::<Assessment>("assessment", doc));
    }
    // The schema describes what the engine writes: the version it reads, a
    // rule set that compiled (semantic version, 64-hex fingerprint) and
    // sources citing at least one work of the bibliography by key. A
    // citation's link is a string; the crate ignores it when it reads.
    assert_eq!(
        found,
        set(&[
            "$.schema_version",
            "$.rule_set.version",
            "$.rule_set.fingerprint",
            "$.areas[*].evidence[*].source.cites",
            "$.areas[*].evidence[*].source.cites[*].ref",
            "$.advisories[*].source.cites",
            "$.advisories[*].source.cites[*].ref",
        ])
    );
}

#[test]
fn sweep_contracts_and_answers() {
    let contract = serde_json::to_value(built_contract()).unwrap();
    // TreatmentContract::validate checks the session length; the number of
    // focus areas depends on the modality (none for MIT), so only the crate
    // checks it.
    assert_eq!(
        sweep::<TreatmentContract>("treatment_contract", &contract),
        set(&["$.session_minutes"])
    );
    for (name, doc) in built_answers() {
        let found = match name {
            "phq9_answers" => sweep::<Phq9Answers>(name, &doc),
            "gad7_answers" => sweep::<Gad7Answers>(name, &doc),
            "asrm_answers" => sweep::<AsrmAnswers>(name, &doc),
            _ => sweep::<Hamd17Ratings>(name, &doc),
        };
        assert_eq!(found, BTreeSet::new(), "{name} {doc}");
    }
}

// ---------------------------------------------------------------------------
// The IPSRT diary and series.

/// A diary week with every optional field set: times past midnight, an
/// activity not done, involvement codes and moods.
fn built_week(start: NaiveDate, form: SrmForm) -> SrmWeek {
    let mut week = SrmWeek::new(start, form);
    for day in 0..7 {
        for (i, activity) in form.activities().iter().enumerate() {
            let entry = if (i + day) % 5 == 4 {
                SrmEntry::not_done(*activity)
            } else {
                let minutes = (i as u16 * 80 + day as u16 * 7 + 1430) % 1440;
                SrmEntry::done(*activity, ClockTime::from_minutes(minutes).unwrap())
            };
            let entry = entry.with_people(Involvement::new((i % 4) as u8).unwrap());
            week.record(day, entry).unwrap();
        }
        week.set_mood(day, MoodRating::new(day as i8 - 3).unwrap())
            .unwrap();
    }
    week
}

fn built_series() -> RhythmSeries {
    RhythmSeries::new(vec![
        built_week(day(2026, 3, 2), SrmForm::Srm5),
        built_week(day(2026, 3, 9), SrmForm::Srm17),
    ])
    .unwrap()
}

#[test]
fn diary_weeks_and_series_are_valid() {
    for form in [SrmForm::Srm5, SrmForm::Srm17] {
        let week = built_week(day(2026, 3, 2), form);
        let doc = serde_json::to_value(&week).unwrap();
        assert_valid("srm_week", &format!("built {form} week"), &doc);
        assert_eq!(from_json::<SrmWeek>(&doc.to_string()).unwrap(), week);
    }
    let doc = serde_json::to_value(built_series()).unwrap();
    assert_valid("rhythm_series", "built series", &doc);
    let text = std::fs::read_to_string(crate_dir().join("examples/ipsrt_data/rhythm_series.json"))
        .unwrap();
    let bundled: Value = serde_json::from_str(&text).unwrap();
    assert_valid(
        "rhythm_series",
        "examples/ipsrt_data/rhythm_series.json",
        &bundled,
    );
    for (i, week) in bundled["weeks"].as_array().unwrap().iter().enumerate() {
        assert_valid("srm_week", &format!("bundled week {i}"), week);
    }
    from_json::<RhythmSeries>(&text).unwrap();
    assert_eq!(interpersonal::ipsrt::RHYTHM_SERIES_SCHEMA_VERSION, 1);
    // The series describes its weeks exactly as the week schema does.
    let week = schema("srm_week");
    let series = schema("rhythm_series");
    let def = series["properties"]["weeks"]["items"]["$ref"]
        .as_str()
        .unwrap()
        .strip_prefix("#/$defs/")
        .unwrap();
    let inner = &series["$defs"][def];
    for key in ["type", "properties", "required", "additionalProperties"] {
        assert_eq!(inner[key], week[key], "rhythm_series $defs/{def} {key}");
    }
}

#[test]
fn invalid_diaries_are_refused_by_schema_and_crate() {
    let week = serde_json::to_value(built_week(day(2026, 3, 2), SrmForm::Srm5)).unwrap();
    let cases: Vec<(&str, Option<Value>, &str)> = vec![
        ("/days/0/entries/0/time", Some(json!("24:00")), "hour 24"),
        (
            "/days/0/entries/0/time",
            Some(json!("7:05")),
            "one-digit hour",
        ),
        ("/days/0/entries/0/time", Some(json!("07:60")), "minute 60"),
        ("/days/0/entries/0/people", Some(json!(4)), "involvement 4"),
        ("/days/0/mood", Some(json!(6)), "mood 6"),
        ("/days/0/mood", Some(json!(-6)), "mood -6"),
        (
            "/days/0/entries/0/activity",
            Some(json!("brunch")),
            "an unknown activity",
        ),
        (
            "/days/0/entries/0/when",
            Some(json!("07:00")),
            "an unknown entry field",
        ),
        ("/form", Some(json!("srm6")), "an unknown form"),
        ("/days", Some(json!([{}, {}, {}, {}, {}, {}])), "six days"),
        (
            "/days/0/entries/0/activity",
            None,
            "an entry without activity",
        ),
        ("/week_start", None, "no week start"),
    ];
    for (pointer, value, why) in cases {
        assert_both_refuse::<SrmWeek>("srm_week", &with(&week, pointer, value), why);
    }
    let series = serde_json::to_value(built_series()).unwrap();
    assert_both_refuse::<RhythmSeries>(
        "rhythm_series",
        &with(&series, "/schema_version", Some(json!(2))),
        "version 2",
    );
    assert_both_refuse::<RhythmSeries>(
        "rhythm_series",
        &with(&series, "/weeks/1/days/3/entries/0/people", Some(json!(9))),
        "involvement 9 in the second week",
    );
    // Known gaps, checked by the crate only: an SRM-17 activity in an SRM-5
    // diary, an activity twice in a day, weeks out of order.
    let lunch = with(&week, "/days/0/entries/0/activity", Some(json!("lunch")));
    assert!(validate("srm_week", &lunch).is_valid());
    assert!(from_json::<SrmWeek>(&lunch.to_string()).is_err());
    let swapped = with(&series, "/weeks/1/week_start", Some(json!("2026-03-01")));
    assert!(validate("rhythm_series", &swapped).is_valid());
    assert!(from_json::<RhythmSeries>(&swapped.to_string()).is_err());
}

#[test]
fn sweep_diaries() {
    let week = built_week(day(2026, 3, 2), SrmForm::Srm5);
    let doc = serde_json::to_value(&week).unwrap();
    assert_eq!(sweep::<SrmWeek>("srm_week", &doc), BTreeSet::new());
    let series = RhythmSeries::new(vec![week]).unwrap();
    let doc = serde_json::to_value(&series).unwrap();
    assert_eq!(
        sweep::<RhythmSeries>("rhythm_series", &doc),
        BTreeSet::new()
    );
}

// ---------------------------------------------------------------------------
// The id and date patterns agree with the crate.

fn pattern_of(schema_name: &str, def: &str) -> String {
    schema(schema_name)["$defs"][def]["pattern"]
        .as_str()
        .unwrap()
        .to_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_id_pattern_is_the_crates_id_rule(s in "[A-Za-z0-9_.é /-]{0,66}") {
        let pattern = pattern_of("inventory", "id");
        let crate_ok = PersonId::new(s.as_str()).is_ok();
        prop_assert_eq!(pattern_matches(&pattern, &s), crate_ok);
        prop_assert_eq!(RuleId::new(s.as_str()).is_ok(), crate_ok);
        prop_assert_eq!(GoalId::new(s.as_str()).is_ok(), crate_ok);
    }

    #[test]
    fn the_date_patterns_accept_every_date_the_crate_writes(
        y in 0i32..=9999, m in 1u32..=12, d in 1u32..=31,
    ) {
        let partial = pattern_of("inventory", "partial_date");
        let full = pattern_of("inventory", "date");
        let month = PartialDate::month(y, m).unwrap().to_string();
        prop_assert!(pattern_matches(&partial, &month));
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
            let text = serde_json::to_value(date).unwrap();
            prop_assert!(pattern_matches(&full, text.as_str().unwrap()));
            prop_assert!(pattern_matches(&partial, &PartialDate::day(date).to_string()));
        }
    }

    #[test]
    fn a_partial_date_the_pattern_accepts_is_refused_only_for_a_day_that_does_not_exist(
        s in "[0-9]{4}-[0-9]{2}(-[0-9]{2})?|[0-9-]{0,11}",
    ) {
        let partial = pattern_of("inventory", "partial_date");
        let crate_ok = s.parse::<PartialDate>().is_ok();
        let schema_ok = pattern_matches(&partial, &s);
        if crate_ok {
            prop_assert!(schema_ok);
        } else if schema_ok {
            // YYYY-MM-DD with a day 29..=31 past the month's end.
            let y: i32 = s[0..4].parse().unwrap();
            let m: u32 = s[5..7].parse().unwrap();
            let d: u32 = s[8..10].parse().unwrap();
            prop_assert!(d >= 29 && NaiveDate::from_ymd_opt(y, m, d).is_none());
        }
    }
}

#[test]
fn citations_name_exactly_the_works_of_the_bibliography() {
    // Both schemas list the bibliography's keys, in its (sorted) order; a new
    // entry is added to the schemas with it.
    let keys: Vec<Value> = interpersonal::bibliography::all()
        .iter()
        .map(|r| json!(r.key))
        .collect();
    for (name, pointer) in [
        ("rule_set", "/$defs/citation/properties/ref/enum"),
        ("modality", "/$defs/citation/properties/ref/enum"),
        (
            "assessment",
            "/$defs/shown_source/properties/cites/items/properties/ref/enum",
        ),
    ] {
        let s = schema(name);
        let listed = s
            .pointer(pointer)
            .and_then(Value::as_array)
            .unwrap_or_else(|| panic!("{name}: {pointer}"));
        assert_eq!(listed, &keys, "{name}");
    }
}

#[test]
fn every_built_in_modality_and_a_group_are_valid_documents() {
    use interpersonal::course::{Group, ModalitySpec};
    for m in Modality::ALL {
        let spec = serde_json::to_value(m.spec()).unwrap();
        assert_valid("modality", m.as_str(), &spec);
        let back: ModalitySpec = from_json(&spec.to_string()).unwrap();
        assert_eq!(back, m.spec());
    }
    let group = json!({
        "schema_version": 1, "modality": "who_group_ipt", "starts_on": "2026-01-05",
        "sessions": 8, "facilitators": [{"id": "f1", "label": "PATIENT-TEXT-f"}],
        "members": [{"id": "m1", "label": "PATIENT-TEXT-m", "focus": ["grief"],
            "measurements": [{"instrument": "phq9", "date": "2026-01-12", "total": 9}]}]
    });
    assert_valid("group", "a WHO group", &group);
    let read: Group = from_json(&group.to_string()).unwrap();
    assert_eq!(
        serde_json::to_value(&read).unwrap()["members"][0]["id"],
        "m1"
    );
    let texts = patient_text("group", &group);
    assert_eq!(
        texts,
        set(&["$.facilitators[0].label", "$.members[0].label"])
    );
    // A contract of every modality that fits it is valid against the schema.
    let mit = json!({"modality": "mit", "sessions": 40, "starts_on": "2026-01-05", "focus": []});
    assert_valid("treatment_contract", "an MIT contract", &mit);
    assert!(
        from_json::<TreatmentContract>(&mit.to_string())
            .unwrap()
            .validate()
            .is_ok()
    );
}
