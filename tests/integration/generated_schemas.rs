//! The schemas generated from the types (feature `schema`): the files in
//! `schema/` are what [`schema::generate`] gives, every bundled and
//! built document is valid against them, and they refuse what the reviewed
//! schemas refuse for the rules those enforce (date and id patterns, enums,
//! bibliography keys, item ranges).
//!
//! Rewrite the files after a change to a document type with
//! `INTERPERSONAL_WRITE_SCHEMAS=1 cargo test --features schema --test integration generated_schemas`.

use std::path::PathBuf;

use chrono::NaiveDate;
use interpersonal::measure::{
    AsrmAnswers, Difficulty, Gad7Answers, Gad7Item, Hamd17Ratings, Instrument, Measurement,
    Phq9Answers,
};
use interpersonal::schema::{self, Document, generate};
use interpersonal::{
    Course, Engine, Goal, Inventory, ProblemArea, RuleSet, TreatmentContract, from_json,
    goal::{GoalTarget, InstrumentId},
    id::GoalId,
};
use serde_json::{Value, json};

use crate::support::cases::CASES;

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn generated_path(document: Document) -> PathBuf {
    crate_dir().join("schema").join(document.file_name())
}

/// The text a schema file holds: pretty JSON and a final newline.
fn file_text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap();
    text.push('\n');
    text
}

#[test]
fn generated_schema_files_are_what_the_types_give() {
    let write = std::env::var_os("INTERPERSONAL_WRITE_SCHEMAS").is_some();
    let mut stale = Vec::new();
    for document in Document::iter() {
        let path = generated_path(document);
        let expected = file_text(&generate(document));
        let found = std::fs::read_to_string(&path).unwrap_or_default();
        if found != expected {
            if write {
                std::fs::write(&path, &expected).unwrap();
            } else {
                stale.push(document.file_name());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "schema/ is out of date for {stale:?}; rewrite with \
         INTERPERSONAL_WRITE_SCHEMAS=1 cargo test --features schema --test integration generated_schemas"
    );
    // No other schema lives in the folder (the README and `v1/`, the
    // assessment's first version kept for documents stored before, aside).
    let mut names: Vec<String> = std::fs::read_dir(crate_dir().join("schema"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".schema.json"))
        .collect();
    names.sort();
    let mut expected: Vec<String> = Document::iter().map(Document::file_name).collect();
    expected.sort();
    assert_eq!(names, expected);
}

#[test]
fn each_generated_constant_is_its_file() {
    let constants = [
        (Document::Inventory, schema::INVENTORY),
        (Document::RuleSet, schema::RULE_SET),
        (Document::Assessment, schema::ASSESSMENT),
        (Document::TreatmentContract, schema::TREATMENT_CONTRACT),
        (Document::Course, schema::COURSE),
        (Document::Goal, schema::GOAL),
        (Document::Measurement, schema::MEASUREMENT),
        (Document::Phq9Answers, schema::PHQ9_ANSWERS),
        (Document::Gad7Answers, schema::GAD7_ANSWERS),
        (Document::Hamd17Ratings, schema::HAMD17_RATINGS),
        (Document::AsrmAnswers, schema::ASRM_ANSWERS),
        (Document::SrmWeek, schema::SRM_WEEK),
        (Document::RhythmSeries, schema::RHYTHM_SERIES),
        (Document::Modality, schema::MODALITY),
        (Document::Group, schema::GROUP),
        (Document::MitCase, schema::MIT_CASE),
        (Document::MitProfile, schema::MIT_PROFILE),
    ];
    assert_eq!(constants.len(), Document::COUNT);
    for (document, text) in constants {
        let value: Value = serde_json::from_str(text).unwrap();
        assert_eq!(value, generate(document), "{document}");
    }
}

fn validator(document: Document) -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .build(&generate(document))
        .unwrap_or_else(|e| panic!("{document}: not a valid JSON Schema 2020-12: {e}"))
}

fn assert_valid(document: Document, what: &str, instance: &Value) {
    let v = validator(document);
    let errors: Vec<String> = v
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what} against {document}: {errors:#?}");
}

fn assert_refused(document: Document, what: &str, instance: &Value) {
    assert!(
        !validator(document).is_valid(instance),
        "{what}: the generated {document} schema accepts it"
    );
}

fn read(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(crate_dir().join(path)).unwrap()).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn every_bundled_document_is_valid_against_the_generated_schemas() {
    let engine = Engine::standard().unwrap();
    for (name, text) in CASES {
        let doc: Value = serde_json::from_str(text).unwrap();
        assert_valid(Document::Inventory, name, &doc);
        let inventory: Inventory = from_json(text).unwrap();
        let assessment = serde_json::to_value(engine.evaluate(&inventory)).unwrap();
        assert_valid(Document::Assessment, name, &assessment);
    }
    for entry in std::fs::read_dir(crate_dir().join("examples/data")).unwrap() {
        let path = entry.unwrap().path();
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_valid(Document::Inventory, &path.display().to_string(), &doc);
    }
    assert_valid(
        Document::RuleSet,
        "rules/default.json",
        &read("rules/default.json"),
    );
    assert_valid(
        Document::RhythmSeries,
        "examples/ipsrt_data/rhythm_series.json",
        &read("examples/ipsrt_data/rhythm_series.json"),
    );
    for week in read("examples/ipsrt_data/rhythm_series.json")["weeks"]
        .as_array()
        .unwrap()
    {
        assert_valid(Document::SrmWeek, "a week of the series", week);
    }
}

fn built_course() -> Course {
    let start = day(2026, 3, 2);
    let goal = Goal::new(
        GoalId::new("g1").unwrap(),
        ProblemArea::RoleDispute,
        "talk with Sam without shouting",
        GoalTarget::MeasureAtMost {
            instrument: InstrumentId::PHQ9,
            value: 9,
        },
    )
    .with_target_date(day(2026, 6, 1));
    let contract = TreatmentContract::builder(start, [ProblemArea::RoleDispute])
        .sessions(14)
        .goal(GoalId::new("g1").unwrap())
        .agreed_on(start)
        .build()
        .unwrap();
    let mut course = Course::new(contract, vec![goal]).unwrap();
    course
        .record_measurement(Measurement::new(Instrument::Phq9, start, 17).unwrap())
        .unwrap();
    course
        .record_measurement(Measurement::new(Instrument::Gad7, start, 9).unwrap())
        .unwrap();
    course
}

#[test]
fn built_documents_are_valid_against_the_generated_schemas() {
    let course = built_course();
    let doc = serde_json::to_value(&course).unwrap();
    assert_valid(Document::Course, "a built course", &doc);
    assert_valid(
        Document::TreatmentContract,
        "its contract",
        &doc["contract"],
    );
    assert_valid(Document::Goal, "its goal", &doc["goals"][0]);
    assert_valid(
        Document::Measurement,
        "its measurement",
        &doc["measurements"][0],
    );
    let answers = [
        (
            Document::Phq9Answers,
            serde_json::to_value(
                Phq9Answers::from_scores([3; 9]).with_difficulty(Difficulty::VeryDifficult),
            )
            .unwrap(),
        ),
        (
            Document::Gad7Answers,
            json!({"items": {"feeling_nervous": 3, "restless": null}, "difficulty": "not_difficult_at_all"}),
        ),
        (
            Document::Gad7Answers,
            serde_json::to_value(
                Gad7Answers::new()
                    .with(Gad7Item::Restless, 2)
                    .with_difficulty(Difficulty::SomewhatDifficult),
            )
            .unwrap(),
        ),
        (
            Document::Hamd17Ratings,
            serde_json::to_value(Hamd17Ratings::from_scores([0; 17])).unwrap(),
        ),
        (
            Document::AsrmAnswers,
            serde_json::to_value(AsrmAnswers::from_scores([4, 4, 4, 4, 4])).unwrap(),
        ),
    ];
    for (document, doc) in answers {
        assert_valid(document, "built answers", &doc);
    }
}

/// `doc` with the value at the JSON pointer `at` replaced by `value`.
fn with(doc: &Value, at: &str, value: Value) -> Value {
    let mut doc = doc.clone();
    *doc.pointer_mut(at)
        .unwrap_or_else(|| panic!("no {at} in the document")) = value;
    doc
}

#[test]
fn the_generated_schemas_enforce_the_rules_the_reviewed_ones_do() {
    // Each mutation is refused by the crate, by the reviewed schema where one
    // exists, and by the generated schema.
    let inventory: Value = serde_json::from_str(CASES[0].1).unwrap();
    assert!(inventory["people"][0].is_object(), "{}", CASES[0].0);
    let refused_inventories = [
        (
            "a day that is not a date",
            with(&inventory, "/assessed_on", json!("2026-3-1")),
        ),
        (
            "a month that is not a month",
            with(&inventory, "/onset", json!("2026-13")),
        ),
        (
            "an onset word other than unknown",
            with(&inventory, "/onset", json!("recently")),
        ),
        (
            "an id with a space",
            with(&inventory, "/people/0/id", json!("my mum")),
        ),
        (
            "an unknown relationship",
            with(
                &inventory,
                "/people/0/relationship",
                json!("cousin_twice_removed"),
            ),
        ),
        ("an unknown field", {
            let mut doc = inventory.clone();
            doc["people"][0]["nickname"] = json!("x");
            doc
        }),
        (
            "a status that is not one",
            with(&inventory, "/people/0/status", json!("missing")),
        ),
    ];
    for (what, doc) in &refused_inventories {
        assert!(
            from_json::<Inventory>(&doc.to_string()).is_err(),
            "{what}: the crate reads it"
        );
        assert_refused(Document::Inventory, what, doc);
    }

    let rules = read("rules/default.json");
    let refused_rule_sets = [
        (
            "an unknown bibliography key",
            with(&rules, "/rules/0/source/cites/0/ref", json!("nobody-2099")),
        ),
        (
            "an unknown area",
            with(&rules, "/rules/0/area", json!("loneliness")),
        ),
        (
            "no citations",
            with(&rules, "/rules/0/source/cites", json!([])),
        ),
    ];
    for (what, doc) in &refused_rule_sets {
        let refused = RuleSet::from_json(&doc.to_string())
            .map_err(|_| ())
            .and_then(|rules| Engine::compile(rules).map_err(|_| ()));
        assert!(refused.is_err(), "{what}: the crate accepts it");
        assert_refused(Document::RuleSet, what, doc);
    }

    let phq9 = json!({"items": [0, 1, 2, 3, 0, 1, 2, 3, 0]});
    let refused_answers = [
        ("an item above its range", with(&phq9, "/items/3", json!(4))),
        (
            "a tenth entry",
            json!({"items": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}),
        ),
        (
            "an unknown difficulty",
            json!({"items": [], "difficulty": "hard"}),
        ),
        ("an unknown item name", json!({"items": {"sleepy": 1}})),
    ];
    for (what, doc) in &refused_answers {
        assert_refused(Document::Phq9Answers, what, doc);
    }
    // The crate reads the first two and refuses them when scoring.
    assert!(from_json::<Phq9Answers>(&refused_answers[2].1.to_string()).is_err());
    assert!(from_json::<Phq9Answers>(&refused_answers[3].1.to_string()).is_err());
    // No difficulty question on the HAM-D-17.
    assert_refused(
        Document::Hamd17Ratings,
        "a difficulty answer",
        &json!({"items": [], "difficulty": "very_difficult"}),
    );

    let course = serde_json::to_value(built_course()).unwrap();
    let refused_courses = [
        (
            "a session date that is not a date",
            with(&course, "/contract/starts_on", json!("soon")),
        ),
        (
            "an unknown modality",
            with(&course, "/contract/modality", json!("ipt_plus")),
        ),
        ("an unknown phase", with(&course, "/phase", json!("finale"))),
        (
            "an unknown instrument",
            with(&course, "/measurements/0/instrument", json!("bdi")),
        ),
    ];
    for (what, doc) in &refused_courses {
        assert!(
            from_json::<Course>(&doc.to_string()).is_err(),
            "{what}: the crate reads it"
        );
        assert_refused(Document::Course, what, doc);
    }
}

#[test]
fn patient_text_is_marked_in_the_generated_inventory_schema() {
    let s = generate(Document::Inventory);
    assert!(s["$defs"].get("patient_text").is_some(), "{:#}", s["$defs"]);
    let person = s["$defs"]["person"].clone();
    assert_eq!(
        person["properties"]["label"]["$ref"],
        "#/$defs/patient_text"
    );
}

#[test]
fn modalities_groups_and_mit_cases_are_valid_against_the_generated_schemas() {
    use interpersonal::course::{Group, Modality, ModalitySpec};
    use interpersonal::mit::MitCase;
    for m in Modality::ALL {
        let spec = serde_json::to_value(m.spec()).unwrap();
        assert_valid(Document::Modality, m.as_str(), &spec);
        assert!(from_json::<ModalitySpec>(&spec.to_string()).is_ok());
    }
    let group = json!({
        "schema_version": 1, "modality": "who_group_ipt", "starts_on": "2026-01-05",
        "sessions": 8, "facilitators": [{"id": "f1", "label": "Ana"}],
        "members": [{"id": "m1", "label": "Bea", "focus": ["grief"],
            "measurements": [{"instrument": "phq9", "date": "2026-01-12", "total": 9}]}]
    });
    assert!(from_json::<Group>(&group.to_string()).is_ok());
    assert_valid(Document::Group, "a WHO group", &group);
    let written = serde_json::to_value(from_json::<Group>(&group.to_string()).unwrap()).unwrap();
    assert_valid(Document::Group, "a group as the crate writes it", &written);

    let case = read("examples/mit_data/mit_case.json");
    let read_case: MitCase = from_json(&case.to_string()).unwrap();
    assert_valid(Document::MitCase, "examples/mit_data/mit_case.json", &case);
    let written = serde_json::to_value(&read_case).unwrap();
    assert_valid(
        Document::MitCase,
        "the case as the crate writes it",
        &written,
    );
    assert_valid(Document::MitProfile, "its profile", &case["profile"]);
    let s = generate(Document::MitCase);
    assert_eq!(
        s["$defs"]["autobiographical_episode"]["properties"]["account"]["$ref"],
        "#/$defs/patient_text"
    );
}

#[test]
fn the_generated_schemas_hold_the_bounds_the_crate_checks() {
    // Each mutation is refused by the crate (reading, or validating where the
    // document has a validation step) and by the generated schema; the
    // schema was looser on each before the bounds were added.
    let inventory: Value = serde_json::from_str(CASES[0].1).unwrap();
    let too_big = json!(4_294_967_296_u64);
    for (what, doc) in [
        (
            "another schema version",
            with(&inventory, "/schema_version", json!(2)),
        ),
        ("a count past u32", {
            let doc = read("tests/cases/all_four_areas.json");
            with(&doc, "/social_context/confidants", too_big.clone())
        }),
    ] {
        let refused = from_json::<Inventory>(&doc.to_string())
            .map_err(|_| ())
            .and_then(|inv| inv.validate().map_err(|_| ()));
        assert!(refused.is_err(), "{what}: the crate accepts it");
        assert_refused(Document::Inventory, what, &doc);
    }

    let rules = read("rules/default.json");
    let doc = with(&rules, "/parameters/max_depth", too_big.clone());
    assert!(RuleSet::from_json(&doc.to_string()).is_err());
    assert_refused(Document::RuleSet, "a depth past u32", &doc);

    let week = read("examples/ipsrt_data/rhythm_series.json")["weeks"][0].clone();
    let mut six = week.clone();
    six["days"].as_array_mut().unwrap().pop();
    assert!(from_json::<interpersonal::ipsrt::SrmWeek>(&six.to_string()).is_err());
    assert_refused(Document::SrmWeek, "six days", &six);

    let contract = serde_json::to_value(built_course().contract()).unwrap();
    for (what, doc) in [
        ("no sessions", with(&contract, "/sessions", json!(0))),
        (
            "a 10-minute session",
            with(&contract, "/session_minutes", json!(10)),
        ),
        (
            "a 3-hour session",
            with(&contract, "/session_minutes", json!(180)),
        ),
        (
            "three focus areas",
            with(
                &contract,
                "/focus",
                json!(["grief", "role_dispute", "role_transition"]),
            ),
        ),
    ] {
        let refused = from_json::<TreatmentContract>(&doc.to_string())
            .map_err(|_| ())
            .and_then(|c| c.validate().map_err(|_| ()));
        assert!(refused.is_err(), "{what}: the crate accepts it");
        assert_refused(Document::TreatmentContract, what, &doc);
    }
    // The bounds refuse nothing the crate reads: a contract at the edges.
    for minutes in [20, 120] {
        let doc = with(&contract, "/session_minutes", json!(minutes));
        assert!(
            from_json::<TreatmentContract>(&doc.to_string())
                .unwrap()
                .validate()
                .is_ok()
        );
        assert_valid(Document::TreatmentContract, "a contract at the edge", &doc);
    }
}
