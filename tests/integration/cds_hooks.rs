//! The `cds-hooks` cards are CDS Hooks 2.0 cards: every card of every
//! clinical case validates against the card schema in
//! `tests/cds_hooks/card.schema.json`, written from the specification's text
//! (https://cds-hooks.hl7.org/2.0/#card-attributes; no official schema file
//! is published in a registry), the safety card comes first and critical, and
//! no patient text reaches a card.

use interpersonal::{
    Engine, Inventory,
    cds_hooks::{self, CardUuid},
    engine::{AdvisoryCode, Indicator},
    from_json,
};
use serde_json::Value;

use crate::support::cases::CASES;

fn card_validator() -> jsonschema::Validator {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/cds_hooks/card.schema.json"
    ));
    let schema: Value = serde_json::from_str(text).unwrap();
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn uuids() -> impl FnMut() -> CardUuid {
    let mut n = 0u64;
    move || {
        n += 1;
        CardUuid::new(format!("00000000-0000-4000-8000-{n:012x}")).unwrap()
    }
}

/// The free text of an inventory document: every string under a key that
/// holds patient words.
fn patient_text(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if let (true, Value::String(s)) = (
                    matches!(
                        k.as_str(),
                        "label" | "notes" | "note" | "description" | "details"
                    ),
                    v,
                ) {
                    out.push(s.clone());
                }
                patient_text(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| patient_text(v, out)),
        _ => {}
    }
}

#[test]
fn every_card_of_every_case_is_a_valid_card_without_patient_text() {
    let validator = card_validator();
    let engine = Engine::standard().unwrap();
    for (name, text) in CASES {
        let inventory: Inventory = from_json(text).unwrap();
        let assessment = engine.evaluate(&inventory);
        let cards = cds_hooks::cards(&assessment, uuids());
        assert!(!cards.is_empty(), "{name}: no card");
        let mut words = Vec::new();
        patient_text(&serde_json::from_str(text).unwrap(), &mut words);
        let mut seen = std::collections::BTreeSet::new();
        for card in &cards {
            let json = serde_json::to_value(card).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&json)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{name}: {errors:?}\n{json:#}");
            assert!(seen.insert(card.uuid.clone()), "{name}: uuid used twice");
            let all = json.to_string();
            for w in &words {
                assert!(
                    !all.contains(w.as_str()),
                    "{name}: patient text `{w}` in a card"
                );
            }
        }
        if assessment.has_advisory(AdvisoryCode::SuicidalThoughtsReported) {
            let advisory = assessment
                .advisories
                .iter()
                .find(|a| a.code == AdvisoryCode::SuicidalThoughtsReported)
                .unwrap();
            assert_eq!(cards[0].indicator, Indicator::Critical, "{name}");
            assert!(
                advisory
                    .summary()
                    .starts_with(cards[0].summary.trim_end_matches('…')),
                "{name}: the first card is not the safety card"
            );
        }
    }
}

#[test]
fn the_schema_is_not_vacuous() {
    let v = card_validator();
    let ok = serde_json::json!({"summary": "s", "indicator": "info", "source": {"label": "l"}});
    assert!(v.is_valid(&ok));
    for bad in [
        serde_json::json!({"summary": "s".repeat(140), "indicator": "info", "source": {"label": "l"}}),
        serde_json::json!({"summary": "s", "indicator": "hint", "source": {"label": "l"}}),
        serde_json::json!({"summary": "s", "indicator": "info", "source": {}}),
        serde_json::json!({"summary": "s", "indicator": "info"}),
        serde_json::json!({"summary": "s", "indicator": "info", "source": {"label": "l"}, "x": 1}),
    ] {
        assert!(!v.is_valid(&bad), "{bad}");
    }
}
