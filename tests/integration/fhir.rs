//! Every resource the `fhir` feature exports is checked by an implementation
//! of FHIR R4 that is not the crate's: the official FHIR R4 JSON schema
//! (`tests/fhir/fhir.schema.json`, see the README beside it), through the
//! `jsonschema` crate. Import is checked by round trips and by broken
//! responses.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use interpersonal::{
    Gad7Score, Goal, Phq9Score, ProblemArea, TreatmentContract,
    course::Cadence,
    fhir::{self, FhirInstrument, SubjectReference, Unanswered},
    goal::{GoalRating, GoalStatus, GoalTarget, InstrumentId},
    id::GoalId,
    measure::{
        DIFFICULTY_LOINC, Difficulty, Gad7Answers, Gad7Item, InstrumentScore, MissingItems,
        Phq9Answers, Phq9Item, ScoringOptions,
    },
};
use proptest::prelude::*;
use serde_json::{Value, json};

fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fhir/fhir.schema.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    })
}

/// A validator for one resource type: the FHIR schema with its root `oneOf`
/// narrowed to that type's definition, so an error names the real problem.
fn validator(resource_type: &str) -> jsonschema::Validator {
    let mut schema = schema().clone();
    schema["oneOf"] = json!([{"$ref": format!("#/definitions/{resource_type}")}]);
    schema.as_object_mut().unwrap().remove("discriminator");
    jsonschema::draft6::options().build(&schema).unwrap()
}

/// The validators of the exported resource types, built once: compiling the
/// whole FHIR schema is slow.
fn validators() -> &'static BTreeMap<&'static str, jsonschema::Validator> {
    static VALIDATORS: OnceLock<BTreeMap<&'static str, jsonschema::Validator>> = OnceLock::new();
    VALIDATORS.get_or_init(|| {
        ["QuestionnaireResponse", "Observation", "CarePlan", "Goal"]
            .into_iter()
            .map(|kind| (kind, validator(kind)))
            .collect()
    })
}

fn assert_valid(resource: &Value) {
    let kind = resource["resourceType"].as_str().unwrap();
    let v = &validators()[kind];
    let errors: Vec<String> = v
        .iter_errors(resource)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{kind} not valid FHIR R4: {errors:#?}\n{resource:#}"
    );
}

fn subject() -> SubjectReference {
    SubjectReference::new("Patient/example-1").unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_schema_refuses_what_fhir_refuses() {
    // The validator is not vacuous: an unknown field, a bad code, a bad date.
    let v = &validators()["Observation"];
    let ok = json!({"resourceType": "Observation", "status": "final", "code": {"text": "x"}});
    assert!(v.is_valid(&ok));
    for bad in [
        json!({"resourceType": "Observation", "status": "final", "code": {"text": "x"}, "name": "x"}),
        json!({"resourceType": "Observation", "status": "done", "code": {"text": "x"}}),
        json!({"resourceType": "Observation", "status": "final", "code": {"text": "x"}, "effectiveDateTime": "2026-13-01"}),
        json!({"resourceType": "Observation", "status": "final"}),
        json!({"resourceType": "Goal", "status": "final", "code": {"text": "x"}}),
    ] {
        assert!(!v.is_valid(&bad), "{bad}");
    }
}

fn check_score_resources<I: FhirInstrument>(score: &InstrumentScore<I>) {
    let on = day(2026, 3, 2);
    let qr = fhir::questionnaire_response(score, &subject(), on);
    assert_valid(&qr);
    assert_eq!(qr["status"], "completed");
    let obs = fhir::observation(score, &subject(), on);
    assert_valid(&obs);
    assert_eq!(obs["status"], "final");
    assert_eq!(obs["code"]["coding"][0]["code"], I::TOTAL_LOINC);
    assert_eq!(obs["valueQuantity"]["value"], score.total());
}

#[test]
fn phq9_and_gad7_resources_are_valid_fhir_r4() {
    check_score_resources(&Phq9Score::from_scores([0, 1, 2, 3, 0, 1, 2, 3, 1]).unwrap());
    check_score_resources(&Phq9Score::from_scores([0; 9]).unwrap());
    check_score_resources(&Gad7Score::from_scores([3; 7]).unwrap());
    // Pro-rated: one item unanswered, so one item and one component fewer.
    let answers = Phq9Answers::from_optional_scores([
        Some(2),
        Some(2),
        None,
        Some(2),
        Some(2),
        Some(2),
        Some(2),
        Some(2),
        Some(0),
    ]);
    let options = ScoringOptions::default().with_missing(MissingItems::ProRate { max_missing: 1 });
    let prorated = Phq9Score::from_answers(&answers, &options).unwrap();
    check_score_resources(&prorated);
    let qr = fhir::questionnaire_response(&prorated, &subject(), day(2026, 3, 2));
    assert_eq!(qr["item"].as_array().unwrap().len(), 8);
    let obs = fhir::observation(&prorated, &subject(), day(2026, 3, 2));
    assert_eq!(obs["component"].as_array().unwrap().len(), 8);
    assert!(obs["note"][0]["text"].as_str().unwrap().contains("8 of 9"));
}

#[test]
fn exported_codes_are_the_confirmed_loinc_codes() {
    let phq9 = Phq9Score::from_scores([0, 1, 2, 3, 0, 0, 0, 0, 0]).unwrap();
    let qr = fhir::questionnaire_response(&phq9, &subject(), day(2026, 3, 2));
    let links: Vec<&str> = qr["item"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["linkId"].as_str().unwrap())
        .collect();
    assert_eq!(
        links,
        [
            "44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3",
            "44260-8"
        ]
    );
    let answers: Vec<&str> = qr["item"]
        .as_array()
        .unwrap()
        .iter()
        .take(4)
        .map(|i| i["answer"][0]["valueCoding"]["code"].as_str().unwrap())
        .collect();
    assert_eq!(answers, ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"]);
    let gad7: Vec<&str> = Gad7Item::ALL.iter().map(|i| i.item_loinc()).collect();
    assert_eq!(
        gad7,
        [
            "69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"
        ]
    );
    assert_eq!(qr["questionnaire"], "http://loinc.org/q/44249-1");
    let gad = Gad7Score::from_scores([0; 7]).unwrap();
    let qr = fhir::questionnaire_response(&gad, &subject(), day(2026, 3, 2));
    assert_eq!(qr["questionnaire"], "http://loinc.org/q/69737-5");
}

fn contract(cadence: Cadence, agreed: bool) -> TreatmentContract {
    let mut b = TreatmentContract::builder(day(2026, 1, 19), [ProblemArea::RoleDispute])
        .sessions(16)
        .goal(GoalId::new("g-1").unwrap())
        .goal(GoalId::new("g.2").unwrap())
        .practicalities("call Ana's mobile if late");
    if agreed {
        b = b.agreed_on(day(2026, 1, 19));
    }
    // The builder takes only what the contract supports now (weekly standard
    // IPT); the export must still map every cadence a stored contract holds.
    let mut contract = b.build().unwrap();
    contract.cadence = cadence;
    contract
}

#[test]
fn care_plans_are_valid_fhir_r4_and_carry_no_patient_text() {
    for cadence in [Cadence::Weekly, Cadence::Fortnightly, Cadence::Monthly] {
        for agreed in [false, true] {
            let plan = fhir::care_plan(&contract(cadence, agreed), &subject()).unwrap();
            assert_valid(&plan);
            assert_eq!(plan["status"], if agreed { "active" } else { "draft" });
            assert_eq!(plan["intent"], "plan");
            assert_eq!(plan["goal"][1]["reference"], "Goal/g.2");
            assert!(!plan.to_string().contains("Ana"));
        }
    }
}

#[test]
fn the_care_plan_codes_ipt_in_snomed_ct_beside_its_text() {
    let plan = fhir::care_plan(&contract(Cadence::Weekly, true), &subject()).unwrap();
    let category = &plan["category"][0];
    assert_eq!(category["coding"][0]["system"], "http://snomed.info/sct");
    assert_eq!(category["coding"][0]["code"], fhir::IPT_SNOMED_CT);
    assert_eq!(category["text"], fhir::IPT_PROCEDURE_TEXT);
    assert_valid(&plan);
}

#[test]
fn a_goal_id_that_is_not_a_fhir_id_is_an_error_at_its_path() {
    let c = TreatmentContract::builder(day(2026, 1, 19), [ProblemArea::Grief])
        .goal(GoalId::new("ok").unwrap())
        .goal(GoalId::new("not_ok").unwrap())
        .build()
        .unwrap();
    let err = fhir::care_plan(&c, &subject()).unwrap_err();
    assert_eq!(err.problems()[0].path, "CarePlan.goal[1]");
}

fn goals() -> Vec<Goal> {
    let rating = |n| GoalRating::new(n).unwrap();
    let targets = [
        GoalTarget::MeasureAtMost {
            instrument: InstrumentId::PHQ9,
            value: 4,
        },
        GoalTarget::MeasureAtMost {
            instrument: InstrumentId::GAD7,
            value: 4,
        },
        GoalTarget::MeasureAtMost {
            instrument: InstrumentId::HAMD17,
            value: 7,
        },
        GoalTarget::CountPerWeek {
            at_least: 2,
            of: "calls with Maria".into(),
        },
        GoalTarget::RatingAtLeast {
            of: "closeness to Maria".into(),
            value: rating(7),
        },
        GoalTarget::RatingAtMost {
            of: "rows with Maria".into(),
            value: rating(3),
        },
        GoalTarget::Described("make peace with Maria".into()),
    ];
    targets
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let g = Goal::new(
                GoalId::new(format!("g{i}")).unwrap(),
                ProblemArea::RoleDispute,
                "Talk to Maria",
                t,
            );
            if i % 2 == 0 {
                g.with_target_date(day(2026, 5, 1))
            } else {
                g
            }
        })
        .collect()
}

#[test]
fn goals_are_valid_fhir_r4_in_every_status_and_carry_no_patient_text() {
    for mut goal in goals() {
        for (to, on) in [
            (None, None),
            (Some(GoalStatus::Active), Some(day(2026, 2, 1))),
            (Some(GoalStatus::Revised), Some(day(2026, 2, 8))),
            (Some(GoalStatus::Active), Some(day(2026, 2, 15))),
            (Some(GoalStatus::Achieved), Some(day(2026, 3, 1))),
        ] {
            if let (Some(to), Some(on)) = (to, on) {
                goal.set_status(to, on).unwrap();
            }
            let r = fhir::goal(&goal, &subject(), fhir::GoalExport::default()).unwrap();
            assert_valid(&r);
            assert!(!r.to_string().contains("Maria"), "{r}");
            let with = fhir::goal(
                &goal,
                &subject(),
                fhir::GoalExport::default().with_statement(),
            )
            .unwrap();
            assert_valid(&with);
            assert_eq!(with["description"]["text"], "Talk to Maria");
        }
    }
    let mut dropped = goals().remove(0);
    dropped
        .set_status(GoalStatus::Discontinued, day(2026, 2, 1))
        .unwrap();
    let r = fhir::goal(&dropped, &subject(), fhir::GoalExport::default()).unwrap();
    assert_valid(&r);
    assert_eq!(r["lifecycleStatus"], "cancelled");
}

#[test]
fn a_missing_or_out_of_range_item_is_an_error_at_its_fhir_path() {
    let gad7 = Gad7Score::from_scores([1, 2, 3, 0, 1, 2, 3]).unwrap();
    let mut qr = fhir::questionnaire_response(&gad7, &subject(), day(2026, 3, 2));
    qr["item"][3]["answer"][0]["valueCoding"]["code"] = json!("LA6572-7");
    qr["item"].as_array_mut().unwrap().remove(5);
    let err =
        fhir::answers_from_questionnaire_response::<Gad7Item>(&qr, Unanswered::Reject).unwrap_err();
    let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "QuestionnaireResponse.item[3].answer[0].valueCoding",
            "QuestionnaireResponse.item"
        ]
    );
    assert!(err.problems()[1].expected.contains("69689-8"));
    // Kept unanswered, the rest is read and scoring can pro-rate.
    qr["item"][3]["answer"][0]["valueCoding"]["code"] = json!("LA6568-5");
    let answers: Gad7Answers =
        fhir::answers_from_questionnaire_response(&qr, Unanswered::Keep).unwrap();
    assert_eq!(answers.get(Gad7Item::EasilyAnnoyed), None);
}

/// Items nested deeper than any form nests them are an error at their path,
/// not a recursion as deep as the value (a value built in code has no
/// parser's depth limit).
#[test]
fn items_nested_too_deep_are_an_error_not_a_deep_recursion() {
    let mut items = json!([{"linkId": "x"}]);
    for _ in 0..200 {
        items = json!([{"linkId": "group", "item": items}]);
    }
    let qr = json!({"resourceType": "QuestionnaireResponse", "status": "completed", "item": items});
    let err =
        fhir::answers_from_questionnaire_response::<Phq9Item>(&qr, Unanswered::Reject).unwrap_err();
    let deep = err
        .problems()
        .iter()
        .find(|p| p.expected.contains("nested at most 32 deep"))
        .unwrap();
    assert_eq!(
        deep.path,
        format!("QuestionnaireResponse{}.item", ".item[0]".repeat(32))
    );
}

#[test]
fn the_difficulty_question_is_exported_as_loinc_69722_7_and_valid_fhir() {
    let answers = Phq9Answers::from_scores([1; 9]).with_difficulty(Difficulty::SomewhatDifficult);
    let phq9 = Phq9Score::from_answers(&answers, &ScoringOptions::default()).unwrap();
    assert_eq!(phq9.total(), 9, "the difficulty is not in the total");
    check_score_resources(&phq9);
    let qr = fhir::questionnaire_response(&phq9, &subject(), day(2026, 3, 2));
    assert_eq!(qr["item"][9]["linkId"], DIFFICULTY_LOINC);
    assert_eq!(
        qr["item"][9]["answer"][0]["valueCoding"]["code"],
        "LA6573-5"
    );
    let obs = fhir::observation(&phq9, &subject(), day(2026, 3, 2));
    assert_eq!(obs["component"][9]["code"]["coding"][0]["code"], "69722-7");
    assert_eq!(
        obs["component"][9]["valueCodeableConcept"]["coding"][0]["display"],
        "Somewhat difficult"
    );
    let answers = Gad7Answers::from_scores([0; 7]).with_difficulty(Difficulty::NotDifficultAtAll);
    check_score_resources(&Gad7Score::from_answers(&answers, &ScoringOptions::default()).unwrap());
}

fn round_trip<I: FhirInstrument>(scores: Vec<u8>, difficulty: Option<Difficulty>) {
    let mut answers = interpersonal::measure::ItemAnswers::<I>::from_scores(scores.clone());
    answers.set_difficulty(difficulty);
    let score = InstrumentScore::<I>::from_answers(&answers, &ScoringOptions::default()).unwrap();
    let qr = fhir::questionnaire_response(&score, &subject(), day(2026, 3, 2));
    let answers = fhir::answers_from_questionnaire_response::<I>(&qr, Unanswered::Reject).unwrap();
    let back: Vec<u8> = I::ALL.iter().map(|&i| answers.get(i).unwrap()).collect();
    assert_eq!(back, scores);
    assert_eq!(answers.difficulty(), difficulty);
}

fn arb_difficulty() -> impl Strategy<Value = Option<Difficulty>> {
    proptest::option::of(proptest::sample::select(Difficulty::ALL.to_vec()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn phq9_round_trips_through_fhir(
        scores in proptest::collection::vec(0u8..=3, 9),
        difficulty in arb_difficulty(),
    ) {
        round_trip::<Phq9Item>(scores, difficulty);
    }

    #[test]
    fn gad7_round_trips_through_fhir(
        scores in proptest::collection::vec(0u8..=3, 7),
        difficulty in arb_difficulty(),
    ) {
        round_trip::<Gad7Item>(scores, difficulty);
    }

    #[test]
    fn import_never_panics_on_any_json(value in arb_json()) {
        let _ = fhir::answers_from_questionnaire_response::<Phq9Item>(&value, Unanswered::Reject);
        let wrapped = json!({"resourceType": "QuestionnaireResponse", "status": "completed", "item": value});
        let _ = fhir::answers_from_questionnaire_response::<Gad7Item>(&wrapped, Unanswered::Keep);
    }
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        prop_oneof![Just("44250-9"), Just("LA6571-9"), Just("linkId"), Just("x")]
            .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("item".to_string()),
                    Just("linkId".to_string()),
                    Just("answer".to_string()),
                    Just("valueCoding".to_string()),
                    Just("valueInteger".to_string()),
                    Just("code".to_string()),
                    Just("system".to_string()),
                ],
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}
