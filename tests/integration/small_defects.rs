//! The smaller defects of issue 10, each fixed and covered: a repeated
//! window name, an invisible label, an unknown key that may be a name, a
//! status with a second key, deep condition trees, and deep JSON on a small
//! stack.

use chrono::NaiveDate;
use interpersonal::{engine::*, error::*, inventory::*};
use serde_json::json;

fn inventory_with(person: serde_json::Value) -> String {
    json!({"schema_version": 1, "assessed_on": "2026-03-02", "onset": "unknown",
           "people": [person]})
    .to_string()
}

#[test]
fn a_repeated_window_name_is_an_error() {
    let rules = serde_json::to_string(&RuleSet::standard()).unwrap();
    let doubled = rules.replacen(
        r#""windows":{"#,
        r#""windows":{"onset":{"before_months":1,"after_months":1},"#,
        1,
    );
    assert_ne!(doubled, rules);
    let err = from_json::<RuleSet>(&doubled).unwrap_err();
    assert_eq!(err.path.as_str(), "$.parameters.windows", "{err}");
    assert!(err.message.contains("`onset` is given twice"), "{err}");
    assert!(from_json::<RuleSet>(&rules).is_ok());
}

#[test]
fn a_label_of_invisible_characters_is_blank() {
    for label in [
        "\u{200B}",
        " \u{200B} ",
        "\u{FEFF}",
        "\u{2060}\u{00AD}\u{200D}",
        "\u{3164}",
    ] {
        let inv: Inventory = from_json(&inventory_with(
            json!({"id": "p", "label": label, "relationship": "friend"}),
        ))
        .unwrap();
        let problems = inv.validate().unwrap_err();
        assert_eq!(problems.as_slice()[0].path.as_str(), "$.people[0].label");
        assert!(problems.to_string().contains("not blank"), "{problems}");
    }
    let err = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
        .person(Person::builder("p", "\u{200B}", RelationshipKind::Friend))
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("not blank"), "{err}");
}

#[test]
fn an_unknown_key_shows_only_as_a_hint() {
    let err = from_json::<Inventory>(&inventory_with(
        json!({"id": "p", "label": "x", "relationship": "friend", "maria_lopez": true}),
    ))
    .unwrap_err();
    let shown = format!("{err} {err:?} {}", serde_json::to_string(&err).unwrap());
    assert!(
        !shown.contains("maria") && !shown.contains("lopez"),
        "{shown}"
    );
    assert_eq!(err.path.as_str(), "$.people[0]");
    assert!(err.message.contains("(name hidden)"), "{err}");

    let err = from_json::<Inventory>(&inventory_with(
        json!({"id": "p", "label": "x", "relationship": "friend", "clossness": "inner"}),
    ))
    .unwrap_err();
    assert!(err.message.contains("did you mean `closeness`?"), "{err}");
    assert!(!err.to_string().contains("clossness"), "{err}");

    let err = from_json::<Inventory>(&inventory_with(
        json!({"id": "p", "label": "x", "relationship": "spose"}),
    ))
    .unwrap_err();
    assert!(err.message.contains("did you mean `spouse`?"), "{err}");
    assert!(!err.to_string().contains("spose"), "{err}");
}

#[test]
fn a_status_with_a_second_key_is_named_as_such() {
    for status in [
        json!({"deceased": {"date": "2025-12"}, "living": null}),
        json!({"living": null, "estranged": null}),
    ] {
        let err = from_json::<Inventory>(&inventory_with(
            json!({"id": "p", "label": "x", "relationship": "friend", "status": status}),
        ))
        .unwrap_err();
        assert_eq!(err.path.as_str(), "$.people[0].status");
        assert!(err.message.contains("exactly one key"), "{err}");
        assert!(err.message.contains("second key"), "{err}");
    }
    for (status, expected) in [
        (json!("living"), PersonStatus::Living),
        (json!({"living": null}), PersonStatus::Living),
        (json!("estranged"), PersonStatus::Estranged),
        (
            json!({"deceased": {}}),
            PersonStatus::Deceased { date: None },
        ),
    ] {
        let read: PersonStatus = from_json(&status.to_string()).unwrap();
        assert_eq!(read, expected);
        let back: PersonStatus = from_json(&serde_json::to_string(&read).unwrap()).unwrap();
        assert_eq!(back, read);
    }
}

/// Runs `f` on a thread with a 64 KiB stack.
fn on_64k_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(64 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn json_at_serdes_nesting_limit_is_refused_on_a_small_stack() {
    for depth in [MAX_JSON_DEPTH + 1, 128, 129, 100_000] {
        let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let err = on_64k_stack(move || from_json::<Inventory>(&nested).unwrap_err());
        assert!(err.message.contains("nested at most"), "{err}");
        let mut cond = String::from(r#"{"lives_alone": true}"#);
        for _ in 0..depth.min(200) {
            cond = format!(r#"{{"not": {cond}}}"#);
        }
        let rules = serde_json::to_string(&RuleSet::standard()).unwrap();
        let at = rules.find(r#""when":"#).unwrap() + 7;
        let doc = format!("{}{cond},\"x\":{}", &rules[..at], &rules[at..]);
        let err = on_64k_stack(move || from_json::<RuleSet>(&doc).unwrap_err());
        assert!(
            err.path.as_str().starts_with("$.rules[0].when.not.not"),
            "{err}"
        );
        assert!(err.message.contains("nested at most"), "{err}");
    }
}

#[test]
fn a_condition_a_million_levels_deep_drops_clones_and_prints() {
    on_64k_stack(|| {
        let mut c = Condition::LivesAlone(true);
        for _ in 0..1_000_000 {
            c = Condition::Not(Box::new(c));
        }
        let copy = c.clone();
        let shown = format!("{copy:?}");
        assert!(shown.ends_with(")"), "{shown}");
        assert!(shown.len() < 2000);
        drop(copy);
        drop(c);
    });
}

#[test]
fn a_deep_condition_built_in_code_is_refused_when_compiled() {
    // Compiling still walks a tree built in code recursively before it
    // refuses its depth, so this runs on an ordinary stack (2 MiB) with a
    // tree far deeper than any rule set may be.
    let problems = std::thread::spawn(|| {
        let mut rules = RuleSet::standard();
        let mut c = Condition::LivesAlone(true);
        for _ in 0..1_000 {
            c = Condition::Not(Box::new(c));
        }
        rules.rules[0].when = c;
        Engine::compile(rules).unwrap_err()
    })
    .join()
    .unwrap();
    assert_eq!(
        problems.as_slice()[0].path.as_str().get(..15),
        Some("$.rules[0].when")
    );
    assert!(problems.to_string().contains("depth"), "{problems}");
}
