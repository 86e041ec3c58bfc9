//! Scores are always finite (issue 10, point 3): a weight is bounded by
//! `MAX_RULE_WEIGHT`, refused at its JSON path otherwise, and an assessment
//! made with the heaviest weights allowed reads back from its JSON.

use interpersonal::strategy;
use interpersonal::{engine::*, error::*, inventory::*};
use proptest::prelude::*;

fn heaviest() -> Engine {
    let mut rules = RuleSet::standard();
    for rule in &mut rules.rules {
        rule.weight = MAX_RULE_WEIGHT;
    }
    Engine::compile(rules).unwrap()
}

#[test]
fn a_weight_beyond_the_bound_is_refused_at_its_path() {
    for bad in [
        f64::MAX,
        f64::INFINITY,
        f64::NAN,
        MAX_RULE_WEIGHT * 1.000_001,
        0.0,
        -1.0,
    ] {
        let mut rules = RuleSet::standard();
        rules.rules[3].weight = bad;
        let problems = Engine::compile(rules).unwrap_err();
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["$.rules[3].weight"], "{bad}");
        assert!(problems.to_string().contains("at most 1000"), "{problems}");
    }
    // And from JSON, at the weight's path.
    let mut doc: serde_json::Value = serde_json::to_value(RuleSet::standard()).unwrap();
    doc["rules"][2]["weight"] = serde_json::json!(1.7976931348623157e308);
    let err = from_json::<Engine>(&doc.to_string()).unwrap_err();
    assert!(err.to_string().contains("$.rules[2].weight"), "{err}");
}

#[test]
fn the_heaviest_rule_set_scores_finitely_and_reads_back() {
    let engine = heaviest();
    let inv: Inventory = from_json(include_str!("../cases/all_four_areas.json")).unwrap();
    let a = engine.evaluate(&inv);
    assert!(a.areas.iter().all(|f| f.score.is_finite()));
    assert!(a.areas.iter().any(|f| f.score >= MAX_RULE_WEIGHT));
    let json = serde_json::to_string(&a).unwrap();
    assert!(!json.contains("\"score\":null"), "{json}");
    assert_eq!(from_json::<Assessment>(&json).unwrap(), a);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_allowed_weights_give_finite_scores_that_read_back(
        weights in proptest::collection::vec(
            prop_oneof![Just(MAX_RULE_WEIGHT), Just(f64::MIN_POSITIVE), 1e-9..=MAX_RULE_WEIGHT],
            64,
        ),
        inv in strategy::inventory(),
    ) {
        let mut rules = RuleSet::standard();
        for (rule, w) in rules.rules.iter_mut().zip(weights.iter().cycle()) {
            rule.weight = *w;
        }
        let engine = Engine::compile(rules).unwrap();
        let a = engine.evaluate(&inv);
        for f in &a.areas {
            prop_assert!(f.score.is_finite());
            prop_assert!(f.evidence.iter().all(|e| e.weight.is_finite()));
        }
        let json = serde_json::to_string(&a).unwrap();
        prop_assert_eq!(from_json::<Assessment>(&json).unwrap(), a);
    }
}
