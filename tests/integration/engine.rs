//! Integration tests of the rule engine: compiling rule sets, three-valued
//! evaluation, windows, missing facts, the selection policy, explanations,
//! reports and serialisation.

// Test helpers outside #[test] functions may unwrap and index: a failure is a
// bug in the test data, and a panic is the clearest report of it.
use interpersonal::{
    Assessment, Engine, Inventory, ProblemArea, Report, RuleSet,
    bibliography::Citation,
    catalogue::{DisputeStage, GriefKind},
    engine::{
        AdvisoryCode, Condition, EventCondition, EvidenceStrength, Indicator, NeededFor,
        PersonCondition, Rule, Subject,
    },
    from_json,
    source::{Basis, Source},
};
use serde_json::{Value, json};

// ---------------------------------------------------------------- helpers

/// An inventory as of 2026-03-02 with onset January 2026, overridden by the
/// top-level keys of `v`.
fn inventory(v: Value) -> Inventory {
    let mut base = json!({
        "schema_version": 1,
        "assessed_on": "2026-03-02",
        "onset": "2026-01"
    });
    if let (Some(b), Some(o)) = (base.as_object_mut(), v.as_object()) {
        for (k, val) in o {
            b.insert(k.clone(), val.clone());
        }
    }
    from_json(&base.to_string()).unwrap()
}

fn engine() -> Engine {
    Engine::standard().unwrap()
}

fn assess(v: Value) -> Assessment {
    engine().evaluate(&inventory(v))
}

fn person(id: &str, relationship: &str, extra: Value) -> Value {
    let mut p = json!({"id": id, "label": format!("label-{id}"), "relationship": relationship});
    if let (Some(b), Some(o)) = (p.as_object_mut(), extra.as_object()) {
        for (k, val) in o {
            b.insert(k.clone(), val.clone());
        }
    }
    p
}

/// The missing facts that held rules back or settle something other than an
/// onset link (the questions about onset links are tested on their own).
fn missing_paths(a: &Assessment) -> Vec<String> {
    a.missing
        .iter()
        .filter(|m| {
            !m.held_back.is_empty() || m.needed_for.iter().any(|n| *n != NeededFor::OnsetLink)
        })
        .map(|m| m.path.to_string())
        .collect()
}

/// The paths whose onset link the assessment asks about.
fn link_questions(a: &Assessment) -> Vec<String> {
    a.missing
        .iter()
        .filter(|m| m.needed_for.contains(&NeededFor::OnsetLink))
        .map(|m| m.path.to_string())
        .collect()
}

/// A rule set whose only rule under test is `rule` (area grief, weight 1,
/// id `t.rule`), plus one never-true rule per area so that it compiles.
fn engine_with(when: Value) -> Engine {
    let never = json!({"all": [{"onset_known": true}, {"onset_known": false}]});
    let mut rules = vec![json!({
        "id": "t.rule", "version": 1, "area": "grief", "weight": 1.0,
        "summary": "test rule", "source": {"cites": [{"ref": "hamilton-1960-hamd", "basis": "inferred"}]},
        "when": when
    })];
    for area in [
        "grief",
        "role_dispute",
        "role_transition",
        "interpersonal_deficits",
    ] {
        rules.push(json!({
            "id": format!("never.{area}"), "version": 1, "area": area, "weight": 1.0,
            "summary": "never", "source": {"cites": [{"ref": "hamilton-1960-hamd", "basis": "inferred"}]},
            "when": never
        }));
    }
    let set = json!({
        "schema_version": 1, "id": "test", "version": "0.1.0",
        "parameters": {
            "windows": {"onset": {"before_months": 6, "after_months": 3}},
            "min_focus_score": 1.0, "second_focus_ratio": 0.75,
            "confidence": {"moderate": 3.0, "high": 5.0}, "max_depth": 8
        },
        "rules": rules
    });
    Engine::compile(RuleSet::from_json(&set.to_string()).unwrap()).unwrap()
}

fn fired(e: &Engine, inv: &Inventory) -> bool {
    e.evaluate(inv).score(ProblemArea::Grief) > 0.0
}

// ------------------------------------------------------- the default set

#[test]
fn the_embedded_default_compiles() {
    let e = engine();
    assert_eq!(e.rule_set(), &RuleSet::standard());
    assert_eq!(e.fingerprint(), RuleSet::standard().fingerprint());
    assert_eq!(e.rule_set().id.as_str(), "ipt.default");
    for area in [
        ProblemArea::Grief,
        ProblemArea::RoleDispute,
        ProblemArea::RoleTransition,
        ProblemArea::InterpersonalDeficits,
    ] {
        assert!(e.rule_set().rules.iter().any(|r| r.area == area), "{area}");
    }
    for r in &e.rule_set().rules {
        assert!(!r.source.cites().is_empty(), "{} cites a source", r.id);
        for cite in r.source.cites() {
            assert!(cite.reference().is_some(), "{}: {}", r.id, cite.key());
        }
    }
}

#[test]
fn every_default_rule_can_fire() {
    // One inventory per rule that makes it fire, so no rule is dead weight.
    let e = engine();
    let cases = [
        (
            "grief.death_near_onset",
            json!({"events": [{"id": "d", "kind": "death", "date": "2025-12", "linked_to_onset": true}]}),
        ),
        (
            "grief.complicated_grief_signs",
            json!({"people": [person("m", "parent", json!({"status": {"deceased": {"date": "2010-01"}}}))],
                   "events": [{"id": "d", "kind": "death", "date": "2010-01", "person": "m",
                               "grief_signs": ["multiple_losses"]}]}),
        ),
        (
            "grief.death_in_bereavement_window",
            json!({"people": [person("m", "parent", json!({"status": {"deceased": {"date": "2024-08"}}}))]}),
        ),
        (
            "dispute.conflict_around_onset",
            json!({"people": [person("w", "spouse", json!({"conflict": {"level": "high", "began": "after_onset"}}))]}),
        ),
        (
            "dispute.current_conflict",
            json!({"people": [person("w", "spouse", json!({"conflict": {"level": "high", "began": "before_onset"},
                "change_around_onset": "unchanged"}))]}),
        ),
        (
            "dispute.non_reciprocal_expectations",
            json!({"people": [person("w", "spouse", json!({"expectations": {"met": "unmet"}, "change_around_onset": "worse"}))]}),
        ),
        (
            "dispute.stalled_conflict",
            json!({"people": [person("w", "spouse", json!({"conflict": {"level": "moderate", "course": "stalled"}}))]}),
        ),
        (
            "dispute.relationship_worse_around_onset",
            json!({"people": [person("w", "spouse", json!({"change_around_onset": "worse",
                "expectations": {"met": "partly_met"}}))]}),
        ),
        (
            "transition.life_change_near_onset",
            json!({"events": [{"id": "m", "kind": "relocation", "date": "2025-11"}]}),
        ),
        (
            "transition.relationship_lost_around_onset",
            json!({"people": [person("f", "friend", json!({"closeness": "inner", "change_around_onset": "lost"}))],
                   "social_context": {"prior_functioning": "adequate"}}),
        ),
        (
            "transition.non_death_loss_near_onset",
            json!({"events": [{"id": "j", "kind": "job_loss", "date": "2025-12"}]}),
        ),
        (
            "deficits.lifelong_few_relationships",
            json!({"social_context": {"prior_functioning": "lifelong_few_relationships"}}),
        ),
        (
            "deficits.no_confidant",
            json!({"social_context": {"prior_functioning": "lifelong_few_relationships", "confidants": 0}}),
        ),
        (
            "deficits.lives_alone",
            json!({"social_context": {"prior_functioning": "lifelong_few_relationships", "lives_alone": true}}),
        ),
    ];
    assert_eq!(cases.len(), e.rule_set().rules.len());
    for (rule, v) in cases {
        let a = e.evaluate(&inventory(v));
        let found = a
            .areas
            .iter()
            .flat_map(|f| &f.evidence)
            .any(|ev| ev.rule.as_str() == rule);
        assert!(found, "{rule} did not fire");
    }
}

// ------------------------------------------------------- compile errors

fn problems_of(edit: impl FnOnce(&mut RuleSet)) -> Vec<(String, String)> {
    let mut rules = RuleSet::standard();
    edit(&mut rules);
    Engine::compile(rules)
        .unwrap_err()
        .iter()
        .map(|p| (p.path.to_string(), p.expected.clone()))
        .collect()
}

fn paths_of(edit: impl FnOnce(&mut RuleSet)) -> Vec<String> {
    problems_of(edit).into_iter().map(|(p, _)| p).collect()
}

#[test]
fn compile_refuses_duplicate_ids() {
    let problems = problems_of(|r| r.rules[3].id = r.rules[0].id.clone());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].0, "$.rules[3].id");
    assert!(problems[0].1.contains("$.rules[0]"), "{}", problems[0].1);
}

#[test]
fn compile_refuses_unknown_window_names() {
    let p = paths_of(|r| {
        r.rules[7].when = Condition::SomeEvent(Box::new(EventCondition::Within("nope".into())))
    });
    assert_eq!(p, ["$.rules[7].when.some_event.within"]);
    let p = paths_of(|r| {
        r.rules[0].when = Condition::SomePerson(Box::new(PersonCondition::DiedWithin("x".into())))
    });
    assert_eq!(p, ["$.rules[0].when.some_person.died_within"]);
}

#[test]
fn compile_refuses_nesting_too_deep() {
    let mut c = Condition::OnsetKnown(true);
    for _ in 0..8 {
        c = Condition::Not(Box::new(c));
    }
    // 8 nots + the leaf = depth 9 > 8: reported once, at the first level too deep.
    let problems = problems_of(|r| r.rules[0].when = c);
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].0,
        "$.rules[0].when.not.not.not.not.not.not.not.not"
    );
    assert!(problems[0].1.contains("nesting too deep"));
    // Exactly at the limit is fine.
    let mut ok = Condition::OnsetKnown(true);
    for _ in 0..7 {
        ok = Condition::Not(Box::new(ok));
    }
    let mut rules = RuleSet::standard();
    rules.rules[0].when = ok;
    assert!(Engine::compile(rules).is_ok());
}

#[test]
fn compile_survives_conditions_built_very_deep_in_code() {
    let mut c = Condition::OnsetKnown(true);
    for _ in 0..2_000 {
        c = Condition::Not(Box::new(c));
    }
    let problems = problems_of(|r| r.rules[0].when = c);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].1.contains("nesting too deep"));
}

/// Issue 10: comparing, hashing and serializing a condition built in code do
/// not recurse once per level, so deep trees do not overflow a small stack.
#[test]
fn deep_conditions_compare_hash_and_serialize_without_overflowing() {
    use std::hash::{DefaultHasher, Hash, Hasher};
    fn hash_of(c: &Condition) -> u64 {
        let mut h = DefaultHasher::new();
        c.hash(&mut h);
        h.finish()
    }
    fn chain(depth: usize) -> Condition {
        let mut p = PersonCondition::Significant(true);
        for _ in 0..depth {
            p = PersonCondition::Not(Box::new(p));
        }
        let mut c = Condition::SomePerson(Box::new(p));
        for _ in 0..depth {
            c = Condition::Any(vec![c]);
        }
        c
    }
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            for depth in [50_000, 500_000] {
                let c = chain(depth);
                let copy = c.clone();
                assert!(c == copy);
                assert_eq!(hash_of(&c), hash_of(&copy));
                assert!(c != chain(depth - 1));
                let err = serde_json::to_string(&c).unwrap_err();
                assert!(err.to_string().contains("nested at most 128 deep"), "{err}");
            }
            // A shallow tree serializes as before.
            let shallow = chain(2);
            assert_eq!(
                serde_json::to_string(&shallow).unwrap(),
                r#"{"any":[{"any":[{"some_person":{"not":{"not":{"significant":true}}}}]}]}"#
            );
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn compile_refuses_empty_groups_and_lists() {
    let p = paths_of(|r| {
        r.rules[0].when = Condition::All(vec![]);
        r.rules[1].when = Condition::SomePerson(Box::new(PersonCondition::Any(vec![])));
        r.rules[2].when = Condition::SomeEvent(Box::new(EventCondition::KindIn(vec![])));
    });
    assert_eq!(
        p,
        [
            "$.rules[0].when.all",
            "$.rules[1].when.some_person.any",
            "$.rules[2].when.some_event.kind_in"
        ]
    );
}

#[test]
fn compile_refuses_bad_weights_versions_and_summaries() {
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, -1.0] {
        assert_eq!(
            paths_of(|r| r.rules[2].weight = bad),
            ["$.rules[2].weight"],
            "{bad}"
        );
    }
    assert_eq!(paths_of(|r| r.rules[2].version = 0), ["$.rules[2].version"]);
    assert_eq!(
        paths_of(|r| r.rules[2].set_summary(" ")),
        ["$.rules[2].summary"]
    );
    assert_eq!(
        paths_of(|r| r.rules[2].source = Source::from_cites([])),
        ["$.rules[2].source.cites"]
    );
}

#[test]
fn compile_refuses_a_citation_of_a_work_not_in_the_bibliography() {
    // Reported with the other problems, each at its citation's path.
    let problems = problems_of(|r| {
        r.rules[3].source = Source::from_cites([
            Citation::new("weissman-2018-guide", "ch. 8", Basis::Stated),
            Citation::new("guide-2018", "ch. 8", Basis::Stated),
        ]);
        r.rules[5].source = Source::from_cites([Citation::new("", "", Basis::Known)]);
        r.rules[6].weight = 0.0;
    });
    let paths: Vec<&str> = problems.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "$.rules[3].source.cites[1].ref",
            "$.rules[5].source.cites[0].ref",
            "$.rules[6].weight"
        ]
    );
    assert!(problems[0].1.contains("`guide-2018`"), "{problems:?}");

    // The same from JSON.
    let mut json: Value = serde_json::from_str(RuleSet::standard_json()).unwrap();
    json["rules"][3]["source"]["cites"][0]["ref"] = json!("no-such-work");
    let rules = RuleSet::from_json(&json.to_string()).unwrap();
    let problems = Engine::compile(rules).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["$.rules[3].source.cites[0].ref"]);
}

#[test]
fn compile_refuses_an_unreachable_area() {
    let problems = problems_of(|r| r.rules.retain(|x| x.area != ProblemArea::RoleTransition));
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].0, "$.rules");
    assert!(problems[0].1.contains("role_transition"));
    let empty = problems_of(|r| r.rules.clear());
    assert_eq!(empty.len(), 4);
}

#[test]
fn compile_refuses_bad_parameters() {
    for ratio in [0.0, -0.5, 1.01, f64::NAN] {
        assert_eq!(
            paths_of(|r| r.parameters.second_focus_ratio = ratio),
            ["$.parameters.second_focus_ratio"],
            "{ratio}"
        );
    }
    assert!(
        Engine::compile({
            let mut r = RuleSet::standard();
            r.parameters.second_focus_ratio = 1.0;
            r
        })
        .is_ok()
    );
    for score in [0.0, f64::NAN, f64::INFINITY] {
        assert_eq!(
            paths_of(|r| r.parameters.min_focus_score = score),
            ["$.parameters.min_focus_score"]
        );
    }
    assert_eq!(
        paths_of(|r| {
            r.parameters.strength_bands.moderate = 6.0;
            r.parameters.strength_bands.high = 5.0;
        }),
        ["$.parameters.strength_bands.high"]
    );
    assert_eq!(
        paths_of(|r| r.parameters.strength_bands.moderate = f64::NAN),
        ["$.parameters.strength_bands.moderate"]
    );
    for depth in [0, 33] {
        assert_eq!(
            paths_of(|r| r.parameters.max_depth = depth),
            ["$.parameters.max_depth"]
        );
    }
    assert_eq!(
        paths_of(|r| r.parameters.windows.get_mut("onset").unwrap().before_months = 5000),
        ["$.parameters.windows.onset.before_months"]
    );
    assert_eq!(paths_of(|r| r.schema_version = 2), ["$.schema_version"]);
    assert_eq!(paths_of(|r| r.version = "1.0".into()), ["$.version"]);
}

#[test]
fn compile_reports_every_problem_at_once_in_document_order() {
    let problems = paths_of(|r| {
        r.schema_version = 9;
        r.parameters.second_focus_ratio = 2.0;
        r.rules[1].id = r.rules[0].id.clone();
        r.rules[1].weight = f64::NAN;
        r.rules[4].when = Condition::All(vec![
            Condition::OnsetKnown(true),
            Condition::Any(vec![]),
            Condition::SomeEvent(Box::new(EventCondition::Linked("later".into()))),
        ]);
        r.rules[5].version = 0;
        r.rules
            .retain(|x| x.area != ProblemArea::InterpersonalDeficits);
    });
    assert_eq!(
        problems,
        [
            "$.schema_version",
            "$.parameters.second_focus_ratio",
            "$.rules[1].id",
            "$.rules[1].weight",
            "$.rules[4].when.all[1].any",
            "$.rules[4].when.all[2].some_event.linked",
            "$.rules[5].version",
            "$.rules",
        ]
    );
}

#[test]
fn rule_set_json_errors_name_the_path() {
    let mut v: Value = serde_json::from_str(RuleSet::standard_json()).unwrap();
    v["rules"][2]["when"] = json!({"some_person": {"all": [{"significant": "yes"}]}});
    let err = RuleSet::from_json(&v.to_string()).unwrap_err();
    assert_eq!(
        err.path.as_str(),
        "$.rules[2].when.some_person.all[0].significant"
    );
    v["rules"][2]["when"] = json!({"some_persons": {"significant": true}});
    let err = RuleSet::from_json(&v.to_string()).unwrap_err();
    assert!(err.message.contains("unknown variant"), "{}", err.message);
    // JSON nested past serde's recursion limit is an error, not a crash.
    let deep = format!(
        "{}{}{}",
        "{\"not\":".repeat(200),
        "{\"onset_known\":true}",
        "}".repeat(200)
    );
    v["rules"][2]["when"] = Value::Null;
    let text = v.to_string().replace("null", &deep);
    assert!(RuleSet::from_json(&text).is_err());
}

// --------------------------------------------------------- Kleene logic

#[test]
fn kleene_all_any_not() {
    let unknown_inv = inventory(json!({"social_context": {}}));
    // any(unknown, true) is true.
    let e = engine_with(json!({"any": [{"lives_alone": true}, {"onset_known": true}]}));
    assert!(fired(&e, &unknown_inv));
    assert!(e.evaluate(&unknown_inv).missing.is_empty());
    // all(unknown, false) is false, and nothing is missing.
    let e = engine_with(json!({"all": [{"lives_alone": true}, {"onset_known": false}]}));
    let a = e.evaluate(&unknown_inv);
    assert!(!fired(&e, &unknown_inv));
    assert!(a.missing.is_empty());
    // all(unknown, true) is unknown: does not fire, and the fact is missing.
    let e = engine_with(json!({"all": [{"lives_alone": true}, {"onset_known": true}]}));
    let a = e.evaluate(&unknown_inv);
    assert_eq!(a.score(ProblemArea::Grief), 0.0);
    assert_eq!(missing_paths(&a), ["$.social_context.lives_alone"]);
    assert_eq!(a.missing[0].held_back[0].as_str(), "t.rule");
    // not(unknown) is unknown: missing is not false.
    let e = engine_with(json!({"not": {"lives_alone": true}}));
    let a = e.evaluate(&unknown_inv);
    assert!(!fired(&e, &unknown_inv));
    assert_eq!(missing_paths(&a), ["$.social_context.lives_alone"]);
    // not(false) is true.
    let known = inventory(json!({"social_context": {"lives_alone": false}}));
    assert!(fired(&e, &known));
}

#[test]
fn some_person_is_an_or_over_people() {
    let e = engine_with(json!({"some_person": {"confidant": true}}));
    let none = inventory(json!({"people": []}));
    assert!(!fired(&e, &none));
    assert!(e.evaluate(&none).missing.is_empty());
    let one_unknown = inventory(
        json!({"people": [person("a", "friend", json!({})), person("b", "friend", json!({"confidant": false}))]}),
    );
    let a = e.evaluate(&one_unknown);
    assert!(!fired(&e, &one_unknown));
    assert_eq!(missing_paths(&a), ["$.people[0].confidant"]);
    assert_eq!(
        a.missing[0].subject,
        Some(Subject::Person("a".parse().unwrap()))
    );
    let one_true = inventory(
        json!({"people": [person("a", "friend", json!({})), person("b", "friend", json!({"confidant": true}))]}),
    );
    let a = e.evaluate(&one_true);
    assert!(missing_paths(&a).is_empty());
    // The link of the person the evidence is about is a question to ask.
    assert_eq!(link_questions(&a), ["$.people[1].linked_to_onset"]);
    let ev = &a.finding(ProblemArea::Grief).unwrap().evidence[0];
    assert_eq!(ev.subjects, [Subject::Person("b".parse().unwrap())]);
}

#[test]
fn an_event_without_a_person_is_unknown_for_person_conditions() {
    let e = engine_with(json!({"some_event": {"person": {"significant": true}}}));
    let inv = inventory(json!({"events": [{"id": "x", "kind": "death"}]}));
    let a = e.evaluate(&inv);
    assert!(!fired(&e, &inv));
    assert_eq!(missing_paths(&a), ["$.events[0].person"]);
}

#[test]
fn an_invalid_inventory_gets_no_focus_and_says_why() {
    // An event naming someone not in the inventory fails validation.
    let inv = inventory(json!({
        "events": [{"id": "y", "kind": "death", "date": "2025-12", "person": "ghost",
                    "linked_to_onset": true}],
        "safety": {"suicidal_thoughts_reported": true}
    }));
    assert!(inv.validate().is_err());
    let a = engine().evaluate(&inv);
    assert!(a.focus.is_empty());
    assert!(
        a.areas
            .iter()
            .all(|f| f.score == 0.0 && f.evidence.is_empty())
    );
    assert_eq!(a.problems.len(), 1);
    assert_eq!(a.problems[0].path.as_str(), "$.events[0].person");
    // Safety never waits; then the refusal.
    assert_eq!(a.advisories[0].code, AdvisoryCode::SuicidalThoughtsReported);
    assert_eq!(a.advisories[1].code, AdvisoryCode::InventoryInvalid);
    let text = Report::new(&a, &inv).to_string();
    assert!(text.contains("failed validation"));
    assert!(text.contains("$.events[0].person"));
    // The JSON carries the problems; a valid inventory's leaves them out.
    let v = serde_json::to_value(&a).unwrap();
    assert_eq!(v["problems"][0]["path"], "$.events[0].person");
    let ok = engine().evaluate(&inventory(json!({})));
    assert!(serde_json::to_value(&ok).unwrap().get("problems").is_none());
}

// -------------------------------------------------------------- windows

#[test]
fn month_precision_dates_inside_outside_and_straddling() {
    let e = engine_with(json!({"some_event": {"within": "onset"}}));
    let at = |onset: &str, date: &str| {
        inventory(
            json!({"assessed_on": "2026-06-30", "onset": onset, "events": [{"id": "e", "kind": "relocation", "date": date}]}),
        )
    };
    // Onset January 2026 (a month): the window is 2025-07-01 .. 2026-04-30.
    assert!(fired(&e, &at("2026-01", "2025-07")));
    assert!(fired(&e, &at("2026-01", "2026-04")));
    assert!(fired(&e, &at("2026-01", "2026-04-30")));
    assert!(!fired(&e, &at("2026-01", "2025-06-30")));
    assert!(!fired(&e, &at("2026-01", "2026-05")));
    // Onset on a day: 2025-07-15 .. 2026-04-15; July 2025 straddles the edge.
    assert!(fired(&e, &at("2026-01-15", "2025-07-15")));
    assert!(!fired(&e, &at("2026-01-15", "2025-07-14")));
    let a = e.evaluate(&at("2026-01-15", "2025-07"));
    assert_eq!(a.score(ProblemArea::Grief), 0.0);
    assert_eq!(missing_paths(&a), ["$.events[0].date"]);
    let a = e.evaluate(&at("2026-01-15", "2026-04"));
    assert_eq!(missing_paths(&a), ["$.events[0].date"]);
}

#[test]
fn unknown_onset_and_dates_are_missing_facts() {
    let e = engine_with(json!({"some_event": {"within": "onset"}}));
    let a = e.evaluate(&inventory(json!({"onset": "unknown", "events": [{"id": "e", "kind": "relocation", "date": "2025-12"}]})));
    assert_eq!(missing_paths(&a), ["$.onset"]);
    assert!(a.has_advisory(AdvisoryCode::OnsetUnknown));
    let a = e.evaluate(&inventory(
        json!({"events": [{"id": "e", "kind": "relocation"}]}),
    ));
    assert_eq!(missing_paths(&a), ["$.events[0].date"]);
    assert!(!a.has_advisory(AdvisoryCode::OnsetUnknown));
}

#[test]
fn linked_means_the_clinician_links_it_or_else_the_window_stands_in() {
    let e = engine_with(json!({"some_event": {"linked": "onset"}}));
    let ev = |extra: Value| {
        let mut event = json!({"id": "e", "kind": "job_loss"});
        for (k, v) in extra.as_object().unwrap() {
            event[k] = v.clone();
        }
        inventory(json!({"events": [event]}))
    };
    assert!(fired(&e, &ev(json!({"linked_to_onset": true}))));
    assert!(fired(
        &e,
        &ev(json!({"linked_to_onset": true, "date": "2019-01"}))
    ));
    // Not linked is not linked, whatever the date.
    assert!(!fired(
        &e,
        &ev(json!({"linked_to_onset": false, "date": "2025-12"}))
    ));
    assert!(!fired(
        &e,
        &ev(json!({"linked_to_onset": false, "date": "2019-01"}))
    ));
    // Unknown: the window stands in, and the assessment asks.
    let a = e.evaluate(&ev(json!({"date": "2025-12"})));
    assert!(a.score(ProblemArea::Grief) > 0.0);
    assert_eq!(
        a.finding(ProblemArea::Grief).unwrap().evidence[0].onset_link,
        interpersonal::inventory::LinkBasis::InferredFromDates
    );
    assert_eq!(link_questions(&a), ["$.events[0].linked_to_onset"]);
    let stated = e.evaluate(&ev(json!({"date": "2019-01", "linked_to_onset": true})));
    assert_eq!(
        stated.finding(ProblemArea::Grief).unwrap().evidence[0].onset_link,
        interpersonal::inventory::LinkBasis::Stated
    );
    assert!(link_questions(&stated).is_empty());
    let a = e.evaluate(&ev(json!({"date": "2019-01"})));
    assert!(!fired(&e, &ev(json!({"date": "2019-01"}))));
    assert!(missing_paths(&a).is_empty());
    let a = e.evaluate(&ev(json!({})));
    assert_eq!(
        missing_paths(&a),
        ["$.events[0].date", "$.events[0].linked_to_onset"]
    );
}

#[test]
fn died_within_reads_the_date_of_death() {
    let e = engine_with(json!({"some_person": {"died_within": "onset"}}));
    let with = |status: Value| {
        inventory(json!({"people": [person("m", "parent", json!({"status": status}))]}))
    };
    assert!(fired(&e, &with(json!({"deceased": {"date": "2025-10"}}))));
    assert!(!fired(&e, &with(json!({"deceased": {"date": "2020-10"}}))));
    assert!(!fired(&e, &with(json!("living"))));
    // A death with no date anywhere fails validation; with an undated death
    // event, the date is a missing fact.
    let mut undated = with(json!({"deceased": {}}));
    assert!(undated.validate().is_err());
    undated
        .events
        .push(from_json(r#"{"id": "d", "kind": "death", "person": "m"}"#).unwrap());
    let a = e.evaluate(&undated);
    assert_eq!(missing_paths(&a), ["$.people[0].status.deceased.date"]);
}

// -------------------------------------------------------- missing facts

#[test]
fn missing_facts_are_merged_by_path_in_document_order() {
    let a = assess(json!({
        "people": [
            person("w", "spouse", json!({"conflict": {"level": "low"}})),
            person("s", "sibling", json!({"expectations": {"met": "met"}}))
        ],
        "social_context": {"lives_alone": true}
    }));
    // Document order: people by index, each person's fields in JSON order,
    // then the social context in JSON order.
    assert_eq!(
        missing_paths(&a),
        [
            "$.people[0].expectations",
            "$.people[0].conflict.visibility",
            "$.people[0].conflict.course",
            "$.people[0].conflict.began",
            "$.people[0].change_around_onset",
            "$.people[1].closeness",
            "$.people[1].change_around_onset",
            "$.social_context.prior_functioning",
            "$.social_context.confidants",
        ]
    );
    let change = a.missing_at("$.people[0].change_around_onset").unwrap();
    let ids: Vec<&str> = change.held_back.iter().map(|r| r.as_str()).collect();
    let mut sorted_ids = ids.clone();
    sorted_ids.sort();
    assert_eq!(ids, sorted_ids);
    assert!(ids.len() >= 2, "merged: {ids:?}");
    assert_eq!(
        a.missing
            .iter()
            .filter(|m| m.path == "$.people[0].change_around_onset")
            .count(),
        1
    );
    assert!(a.missing_at("$.people[0].conflict.visibility").is_some());
    assert!(a.missing_at("$.social_context.prior_functioning").is_some());
    assert!(
        a.missing_at("$.social_context.lives_alone").is_none(),
        "known facts are not missing"
    );
}

#[test]
fn unknown_course_leaves_the_stage_unset_and_asks_for_it() {
    let a = assess(json!({"people": [person("w", "spouse", json!({
        "conflict": {"level": "high", "visibility": "overt", "began": "before_onset"},
        "linked_to_onset": true
    }))]}));
    assert_eq!(a.focus, [ProblemArea::RoleDispute]);
    assert_eq!(a.dispute_stage, None);
    let m = a.missing_at("$.people[0].conflict.course").unwrap();
    assert_eq!(
        m.needed_for,
        [interpersonal::engine::NeededFor::DisputeStage]
    );
    assert_eq!(m.subject, Some(Subject::Person("w".parse().unwrap())));
}

// ------------------------------------------------------ selection policy

fn dispute_with(course: &str, relationship: &str) -> Assessment {
    assess(json!({"people": [person("x", relationship, json!({
        "conflict": {"level": "high", "visibility": "overt", "course": course, "began": "before_onset"},
        "change_around_onset": "worse", "closeness": "middle"
    }))]}))
}

#[test]
fn dispute_stage_follows_the_conflict_course() {
    assert_eq!(
        dispute_with("negotiating", "spouse").dispute_stage,
        Some(DisputeStage::Renegotiation)
    );
    assert_eq!(
        dispute_with("stalled", "supervisor").dispute_stage,
        Some(DisputeStage::Impasse)
    );
    assert_eq!(
        dispute_with("ending", "ex_partner").dispute_stage,
        Some(DisputeStage::Dissolution)
    );
}

#[test]
fn the_principal_disputant_has_the_strongest_conflict() {
    let a = assess(json!({"people": [
        person("mild", "friend", json!({"closeness": "middle", "conflict": {"level": "moderate", "visibility": "overt", "course": "negotiating", "began": "after_onset"}})),
        person("main", "spouse", json!({"conflict": {"level": "high", "visibility": "overt", "course": "stalled", "began": "after_onset"}}))
    ]}));
    assert_eq!(a.dispute_stage, Some(DisputeStage::Impasse));
}

#[test]
fn covert_conflict_counts_at_any_level_but_overt_needs_moderate() {
    let covert = assess(
        json!({"people": [person("w", "spouse", json!({"conflict": {"level": "low", "visibility": "covert", "began": "after_onset"}}))]}),
    );
    assert!(covert.score(ProblemArea::RoleDispute) >= 3.0);
    let overt = assess(
        json!({"people": [person("w", "spouse", json!({"conflict": {"level": "low", "visibility": "overt", "began": "after_onset"}}))]}),
    );
    assert_eq!(overt.score(ProblemArea::RoleDispute), 0.0);
}

#[test]
fn a_dispute_needs_a_significant_living_other() {
    let outer = assess(
        json!({"people": [person("n", "neighbour", json!({"closeness": "outer",
        "conflict": {"level": "high", "visibility": "overt", "began": "after_onset"}}))]}),
    );
    assert_eq!(outer.score(ProblemArea::RoleDispute), 0.0);
    // A sibling the patient placed on the outer circle is not a significant
    // other; a parent is, wherever placed.
    let outer_sibling = assess(
        json!({"people": [person("b", "sibling", json!({"closeness": "outer",
        "conflict": {"level": "high", "visibility": "overt", "began": "after_onset"}}))]}),
    );
    assert_eq!(outer_sibling.score(ProblemArea::RoleDispute), 0.0);
    let outer_parent = assess(
        json!({"people": [person("m", "parent", json!({"closeness": "outer",
        "conflict": {"level": "high", "visibility": "overt", "began": "after_onset"}}))]}),
    );
    assert!(outer_parent.score(ProblemArea::RoleDispute) > 0.0);
    let dead = assess(
        json!({"people": [person("f", "parent", json!({"status": {"deceased": {"date": "2010-01"}},
        "conflict": {"level": "high", "visibility": "overt", "began": "after_onset"}}))]}),
    );
    assert_eq!(dead.score(ProblemArea::RoleDispute), 0.0);
}

#[test]
fn a_death_is_grief_never_a_transition() {
    let a = assess(json!({
        "people": [person("h", "spouse", json!({"status": {"deceased": {"date": "2025-12"}}, "change_around_onset": "lost"}))],
        "events": [{"id": "d", "kind": "death", "date": "2025-12", "person": "h", "linked_to_onset": true}]
    }));
    assert_eq!(a.focus, [ProblemArea::Grief]);
    assert_eq!(a.score(ProblemArea::RoleTransition), 0.0);
    assert_eq!(a.grief_kind, Some(GriefKind::Normal));
    let ev = &a.finding(ProblemArea::Grief).unwrap().evidence[0];
    assert_eq!(
        ev.subjects,
        [
            Subject::Person("h".parse().unwrap()),
            Subject::Event("d".parse().unwrap())
        ]
    );
}

#[test]
fn a_loss_that_is_not_a_death_is_a_transition() {
    let a = assess(json!({"events": [{"id": "s", "kind": "separation", "date": "2025-11"}]}));
    assert_eq!(a.focus, [ProblemArea::RoleTransition]);
    assert_eq!(a.score(ProblemArea::Grief), 0.0);
    let lost = assess(
        json!({"people": [person("p", "partner", json!({"change_around_onset": "lost"}))],
        "social_context": {"prior_functioning": "adequate"}}),
    );
    assert_eq!(lost.focus, [ProblemArea::RoleTransition]);
    // Relationships lost as the depression withdrew the patient are a
    // question, not a transition.
    let withdrawn = assess(
        json!({"people": [person("p", "partner", json!({"change_around_onset": "lost"}))],
        "social_context": {"prior_functioning": "declined_since_onset"}}),
    );
    assert!(withdrawn.focus.is_empty());
    assert_eq!(link_questions(&withdrawn), Vec::<&str>::new());
}

#[test]
fn grief_kind_from_signs_with_documented_precedence() {
    let kind = |signs: Value, linked: bool| {
        assess(json!({
            "people": [person("m", "parent", json!({"status": {"deceased": {"date": "2025-12"}}}))],
            "events": [{"id": "d", "kind": "death", "date": if linked { "2025-12" } else { "2019-12" },
                        "person": "m", "linked_to_onset": linked, "grief_signs": signs}]
        }))
        .grief_kind
    };
    assert_eq!(kind(json!([]), true), Some(GriefKind::Normal));
    assert_eq!(
        kind(
            json!([
                "avoided_mourning",
                "symptoms_instead_of_sadness",
                "environment_preserved"
            ]),
            true
        ),
        Some(GriefKind::Delayed)
    );
    assert_eq!(
        kind(
            json!(["prolonged_severe_grief", "symptoms_instead_of_sadness"]),
            true
        ),
        Some(GriefKind::Distorted)
    );
    assert_eq!(
        kind(
            json!(["anniversary_reaction", "environment_preserved"]),
            true
        ),
        Some(GriefKind::Chronic)
    );
    // A death the clinician does not link to the onset is not the focus, so
    // it has no kind.
    assert_eq!(kind(json!(["prolonged_severe_grief"]), false), None);
    assert_eq!(
        kind(json!(["fear_of_same_illness"]), true),
        Some(GriefKind::Complicated)
    );
}

#[test]
fn an_old_death_without_signs_is_not_evidence() {
    let a = assess(json!({
        "people": [person("f", "parent", json!({"status": {"deceased": {"date": "2010-05"}}}))],
        "events": [{"id": "d", "kind": "death", "date": "2010-05", "person": "f", "linked_to_onset": false}],
        "social_context": {"prior_functioning": "lifelong_few_relationships"}
    }));
    assert_eq!(a.score(ProblemArea::Grief), 0.0);
    assert_eq!(a.focus, [ProblemArea::InterpersonalDeficits]);
}

#[test]
fn a_hidden_death_with_avoided_mourning_holds_deficits_back() {
    // The clinician does not (yet) link the death to the onset: it is not a
    // focus, but a death with avoided mourning means deficits cannot be
    // chosen either (the Guide's "Hidden Death" case).
    let a = assess(json!({
        "people": [person("b", "sibling", json!({"closeness": "inner", "status": {"deceased": {"date": "2015-05"}}}))],
        "events": [{"id": "d", "kind": "death", "date": "2015-05", "person": "b", "linked_to_onset": false,
                    "grief_signs": ["avoided_mourning"]}],
        "social_context": {"prior_functioning": "lifelong_few_relationships", "lives_alone": true, "confidants": 0}
    }));
    assert!(a.focus.is_empty());
    assert!(a.has_advisory(AdvisoryCode::DeficitsHeldBack));
    assert!(a.score(ProblemArea::Grief) > 0.0);
    // Once the clinician links it, grief is the focus, delayed.
    let linked = assess(json!({
        "people": [person("b", "sibling", json!({"closeness": "inner", "status": {"deceased": {"date": "2015-05"}}}))],
        "events": [{"id": "d", "kind": "death", "date": "2015-05", "person": "b", "linked_to_onset": true,
                    "grief_signs": ["avoided_mourning"]}],
        "social_context": {"prior_functioning": "lifelong_few_relationships", "lives_alone": true, "confidants": 0}
    }));
    assert_eq!(linked.focus, [ProblemArea::Grief]);
    assert_eq!(linked.grief_kind, Some(GriefKind::Delayed));
    // With the sibling's closeness unknown, the death may still be a
    // significant one: deficits waits.
    let unknown_closeness = assess(json!({
        "people": [person("b", "sibling", json!({"status": {"deceased": {"date": "2015-05"}}}))],
        "events": [{"id": "d", "kind": "death", "date": "2015-05", "person": "b", "linked_to_onset": false,
                    "grief_signs": ["avoided_mourning"]}],
        "social_context": {"prior_functioning": "lifelong_few_relationships", "lives_alone": true, "confidants": 0}
    }));
    assert!(unknown_closeness.focus.is_empty());
    assert!(
        unknown_closeness
            .missing_at("$.people[0].closeness")
            .is_some()
    );
}

#[test]
fn deficits_only_when_nothing_else_and_with_an_advisory() {
    let base = json!({"prior_functioning": "lifelong_few_relationships", "lives_alone": true, "confidants": 0});
    let a = assess(json!({"social_context": base}));
    assert_eq!(a.focus, [ProblemArea::InterpersonalDeficits]);
    assert!(a.has_advisory(AdvisoryCode::LookForHiddenGriefOrDispute));
    // Any evidence elsewhere, even below the focus threshold, rules deficits
    // out, and says to look there first.
    let a = assess(json!({"social_context": base,
        "people": [person("w", "spouse", json!({"change_around_onset": "worse",
            "conflict": {"level": "low"}}))]}));
    assert!(a.score(ProblemArea::RoleDispute) > 0.0);
    assert!(a.score(ProblemArea::RoleDispute) < 2.0);
    assert!(!a.focus.contains(&ProblemArea::InterpersonalDeficits));
    assert!(a.has_advisory(AdvisoryCode::NoFocusFound));
    assert!(a.has_advisory(AdvisoryCode::DeficitsHeldBack));
    // A relationship that only worsened since onset, with no strife and met
    // expectations, is withdrawal, not a dispute: deficits stays in focus.
    let a = assess(json!({"social_context": base,
        "people": [person("m", "parent", json!({"change_around_onset": "worse",
            "expectations": {"met": "met"}}))]}));
    assert_eq!(a.score(ProblemArea::RoleDispute), 0.0);
    assert_eq!(a.focus, [ProblemArea::InterpersonalDeficits]);
}

#[test]
fn withdrawal_since_onset_is_not_deficits() {
    let a = assess(
        json!({"social_context": {"prior_functioning": "declined_since_onset", "lives_alone": true, "confidants": 0}}),
    );
    assert_eq!(a.score(ProblemArea::InterpersonalDeficits), 0.0);
    assert!(a.focus.is_empty());
}

#[test]
fn two_areas_when_close_with_an_advisory_to_ask_the_patient() {
    let a = assess(json!({
        "people": [person("w", "spouse", json!({"conflict": {"level": "high", "visibility": "overt", "course": "negotiating", "began": "after_onset"}}))],
        "events": [{"id": "b", "kind": "birth_of_child", "date": "2025-11"}]
    }));
    // Dispute 3 (a conflict that began after the onset), transition 3 (a
    // birth in the onset window): equal, both inferred from dates, so a tie,
    // said as such.
    assert_eq!(
        a.focus,
        [ProblemArea::RoleDispute, ProblemArea::RoleTransition]
    );
    assert!(a.has_advisory(AdvisoryCode::AskPatientWhichMatters));
    assert!(a.has_advisory(AdvisoryCode::AreasTied));
    // A much stronger area keeps the focus on one: a death linked to the onset
    // with its support (grief 4 + 1) against a change the clinician links only
    // weakly, a job loss whose supporting loss rule is all there is (1 < 0.6 * 5).
    let a = assess(json!({
        "people": [person("m", "parent", json!({"status": {"deceased": {"date": "2025-12"}}}))],
        "events": [{"id": "d", "kind": "death", "date": "2025-12", "person": "m", "linked_to_onset": true}]
    }));
    assert_eq!(a.focus, [ProblemArea::Grief]);
    assert_eq!(a.score(ProblemArea::Grief), 5.0);
    assert!(!a.has_advisory(AdvisoryCode::AskPatientWhichMatters));
}

#[test]
fn equal_scores_go_to_the_stronger_onset_link_and_otherwise_tie() {
    // A rule set where grief and transition each score 1, each fact once.
    let mut rules = RuleSet::standard();
    rules.parameters.min_focus_score = 1.0;
    rules.parameters.second_focus_ratio = 1.0;
    rules.parameters.support_cap = 0.0;
    for r in &mut rules.rules {
        r.weight = 1.0;
    }
    let e = Engine::compile(rules).unwrap();
    let at = |retirement_linked: Value| {
        e.evaluate(&inventory(json!({
            "people": [person("m", "parent", json!({"status": {"deceased": {"date": "2025-12"}}}))],
            "events": [{"id": "r", "kind": "retirement", "date": "2025-12", "linked_to_onset": retirement_linked}]
        })))
    };
    // The death is linked by its date only; the clinician links the
    // retirement: transition first, no tie.
    let a = at(json!(true));
    assert_eq!(
        a.score(ProblemArea::Grief),
        a.score(ProblemArea::RoleTransition)
    );
    assert_eq!(a.focus, [ProblemArea::RoleTransition, ProblemArea::Grief]);
    assert!(!a.has_advisory(AdvisoryCode::AreasTied));
    // Both by dates only: a tie, said as such, in the areas' usual order.
    let a = at(Value::Null);
    assert_eq!(a.focus, [ProblemArea::Grief, ProblemArea::RoleTransition]);
    assert!(a.has_advisory(AdvisoryCode::AreasTied));
    assert!(a.has_advisory(AdvisoryCode::AskPatientWhichMatters));
}

#[test]
fn confidence_bands() {
    let a = assess(json!({"events": [{"id": "m", "kind": "relocation", "date": "2025-11"}]}));
    assert_eq!(
        a.finding(ProblemArea::RoleTransition).unwrap().strength,
        EvidenceStrength::Moderate
    );
    assert_eq!(
        a.finding(ProblemArea::Grief).unwrap().strength,
        EvidenceStrength::None
    );
    let a = assess(
        json!({"people": [person("w", "spouse", json!({"change_around_onset": "worse",
        "conflict": {"level": "low"}}))]}),
    );
    assert_eq!(
        a.finding(ProblemArea::RoleDispute).unwrap().strength,
        EvidenceStrength::Low
    );
}

// --------------------------------------------------------------- safety

#[test]
fn a_reported_suicidal_thought_is_always_the_first_advisory() {
    let cases = [
        json!({}),
        json!({"onset": "unknown"}),
        json!({"social_context": {"prior_functioning": "lifelong_few_relationships"}}),
        json!({"events": [{"id": "d", "kind": "death", "date": "2025-12", "linked_to_onset": true}]}),
    ];
    for mut v in cases {
        v["safety"] = json!({"suicidal_thoughts_reported": true});
        let a = assess(v);
        let first = &a.advisories[0];
        assert_eq!(first.code, AdvisoryCode::SuicidalThoughtsReported);
        assert_eq!(first.indicator, Indicator::Critical);
        assert!(first.summary().contains("risk assessment"));
        assert_eq!(
            a.advisories
                .iter()
                .filter(|x| x.indicator == Indicator::Critical)
                .count(),
            1
        );
    }
    assert!(!assess(json!({})).has_advisory(AdvisoryCode::SuicidalThoughtsReported));
}

#[test]
fn the_report_puts_safety_first() {
    let inv = inventory(json!({"safety": {"suicidal_thoughts_reported": true},
        "events": [{"id": "m", "kind": "relocation", "date": "2025-11"}]}));
    let text = Report::new(&engine().evaluate(&inv), &inv).to_string();
    let safety = text.find("CRITICAL").unwrap();
    let focus = text.find("Suggested focus").unwrap();
    assert!(safety < focus);
}

// --------------------------------------------------------- near misses

#[test]
fn near_misses_say_which_condition_failed() {
    let a = assess(json!({
        "people": [person("f", "parent", json!({"status": {"deceased": {"date": "2010-05"}}}))],
        "events": [{"id": "m", "kind": "relocation", "date": "2025-11"}]
    }));
    assert_eq!(a.focus, [ProblemArea::RoleTransition]);
    assert!(
        a.finding(ProblemArea::RoleTransition)
            .unwrap()
            .near_misses
            .is_empty()
    );
    let grief = &a.finding(ProblemArea::Grief).unwrap().near_misses;
    assert!(!grief.is_empty() && grief.len() <= 3);
    let closest = &grief[0];
    assert_eq!(closest.rule.as_str(), "grief.death_near_onset");
    assert_eq!(
        closest.failed(),
        "some person: died from 6 months before to 3 months after onset"
    );
    assert_eq!((closest.satisfied, closest.total), (3, 4));
    assert_eq!(grief[1].rule.as_str(), "grief.death_in_bereavement_window");
    assert_eq!(
        grief[1].failed(),
        "some person: died in the 24 months before onset"
    );
    assert!(!closest.unknown);
    assert!(grief.windows(2).all(|w| {
        u64::from(w[0].satisfied) * u64::from(w[1].total)
            >= u64::from(w[1].satisfied) * u64::from(w[0].total)
    }));
}

#[test]
fn a_near_miss_on_a_missing_fact_says_so() {
    let a = assess(json!({}));
    let deficits = &a
        .finding(ProblemArea::InterpersonalDeficits)
        .unwrap()
        .near_misses;
    assert!(deficits.iter().all(|m| m.unknown));
    assert_eq!(
        deficits[0].failed(),
        "prior functioning is lifelong few relationships"
    );
}

// ---------------------------------------------- privacy and the report

const SENTINEL: &str = "SENTINEL-7f3a";

fn sentinel_inventory() -> Inventory {
    let s = |t: &str| format!("{SENTINEL}-{t}");
    inventory(json!({
        "people": [{
            "id": "w", "label": s("label"), "relationship": "spouse",
            "conflict": {"level": "high", "visibility": "overt", "course": "stalled", "began": "before_onset", "topic": s("topic")},
            "expectations": {"patient_expects": s("pe"), "other_expects": s("oe"), "met": "unmet"},
            "shared_activities": [s("act")], "satisfactions": [s("sat")], "dissatisfactions": [s("dis")],
            "feelings": [s("feel")], "desired_changes": [s("chg")], "notes": s("note")
        }, {
            "id": "m", "label": s("label2"), "relationship": "parent", "status": {"deceased": {"date": "2025-12"}}
        }],
        "events": [{"id": "d", "kind": "death", "date": "2025-12", "person": "m", "notes": s("enote")}],
        "safety": {"suicidal_thoughts_reported": true}
    }))
}

#[test]
fn the_assessment_holds_no_patient_text_but_the_report_does() {
    let inv = sentinel_inventory();
    let a = engine().evaluate(&inv);
    let json = serde_json::to_string(&a).unwrap();
    assert!(!json.contains(SENTINEL), "{json}");
    assert!(!format!("{a:?}").contains(SENTINEL));
    let report = Report::new(&a, &inv);
    assert!(!format!("{report:?}").contains(SENTINEL));
    let text = report.to_string();
    assert!(text.contains(&format!("{SENTINEL}-label")));
    assert!(text.contains(&format!("{SENTINEL}-label2")));
    // Only labels are joined back in; notes, topics and expectations are not.
    for field in ["topic", "pe", "oe", "note", "enote", "act"] {
        assert!(!text.contains(&format!("{SENTINEL}-{field}")), "{field}");
    }
    assert!(text.contains("decision support, not a diagnosis"));
    assert!(text.contains(a.rule_set.fingerprint()));
}

// ------------------------------------------- determinism and round trips

#[test]
fn evaluation_is_deterministic() {
    let inv = sentinel_inventory();
    let e = engine();
    let a = serde_json::to_string(&e.evaluate(&inv)).unwrap();
    let b = serde_json::to_string(&e.evaluate(&inv)).unwrap();
    let c = serde_json::to_string(&Engine::standard().unwrap().evaluate(&inv.clone())).unwrap();
    assert_eq!(a, b);
    assert_eq!(a, c);
}

#[test]
fn batch_equals_map() {
    let e = engine();
    let invs = vec![
        sentinel_inventory(),
        inventory(json!({})),
        inventory(json!({"onset": "unknown"})),
        inventory(json!({"social_context": {"prior_functioning": "lifelong_few_relationships"}})),
    ];
    let batch = e.evaluate_batch(&invs);
    let mapped: Vec<Assessment> = invs.iter().map(|i| e.evaluate(i)).collect();
    assert_eq!(batch, mapped);
    assert!(e.evaluate_batch(&[]).is_empty());
}

#[test]
fn rule_sets_round_trip_through_json() {
    let rules = RuleSet::standard();
    let text = serde_json::to_string_pretty(&rules).unwrap();
    let back = RuleSet::from_json(&text).unwrap();
    assert_eq!(back, rules);
    assert_eq!(back.fingerprint(), rules.fingerprint());
    // The fingerprint ignores formatting of the source file.
    let compact: Value = serde_json::from_str(RuleSet::standard_json()).unwrap();
    assert_eq!(
        RuleSet::from_json(&compact.to_string())
            .unwrap()
            .fingerprint(),
        rules.fingerprint()
    );
}

#[test]
fn assessments_round_trip_through_json() {
    let a = engine().evaluate(&sentinel_inventory());
    let text = serde_json::to_string(&a).unwrap();
    let back: Assessment = from_json(&text).unwrap();
    assert_eq!(back, a);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["areas"].as_array().unwrap().len(), 4);
    assert_eq!(v["areas"][0]["area"], "grief");
    assert_eq!(v["advisories"][0]["code"], "suicidal_thoughts_reported");
    assert_eq!(v["advisories"][0]["indicator"], "critical");
}

#[test]
fn engines_serialise_as_their_rule_set() {
    let e = engine();
    let text = serde_json::to_string(&e).unwrap();
    let back: Engine = serde_json::from_str(&text).unwrap();
    assert_eq!(back, e);
    let mut broken: Value = serde_json::from_str(&text).unwrap();
    broken["rules"][0]["weight"] = json!(-1.0);
    assert!(serde_json::from_str::<Engine>(&broken.to_string()).is_err());
}

#[test]
fn rules_can_be_built_in_code() {
    let mut rules = RuleSet::standard();
    let mut rule = Rule::new(
        "grief.extra".parse().unwrap(),
        ProblemArea::Grief,
        0.5,
        "Extra",
        Source::from_cites([Citation::new("hamilton-1960-hamd", "", Basis::Inferred)]),
        Condition::OnsetKnown(true),
    );
    rule.links_onset = true;
    rules.rules.push(rule);
    let e = Engine::compile(rules).unwrap();
    assert_eq!(
        e.evaluate(&inventory(json!({}))).score(ProblemArea::Grief),
        0.5
    );
}

#[test]
fn the_bundled_examples_read_as_intended() {
    let e = engine();
    let case = |name: &str| -> Assessment {
        let path = format!("{}/examples/data/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let inv: Inventory = from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
        e.evaluate(&inv)
    };
    let q = case("quickstart");
    // The dispute with the ex and the divorce, both linked by the clinician,
    // score the same: a tie, and the patient is asked which matters most.
    assert_eq!(
        q.focus,
        [ProblemArea::RoleDispute, ProblemArea::RoleTransition]
    );
    assert!(q.has_advisory(AdvisoryCode::AreasTied));
    assert_eq!(q.dispute_stage, Some(DisputeStage::Impasse));
    assert!(q.score(ProblemArea::RoleTransition) > 0.0);
    // The cut in hours, marked not linked, is not transition evidence.
    assert!(
        !q.finding(ProblemArea::RoleTransition)
            .unwrap()
            .evidence
            .iter()
            .any(|e| e
                .subjects
                .contains(&Subject::Event("hours_cut".parse().unwrap())))
    );
    assert_eq!(
        q.score(ProblemArea::Grief),
        0.0,
        "a death in 2014 is not evidence"
    );
    let g = case("delayed_grief");
    assert_eq!(
        (g.focus.as_slice(), g.grief_kind),
        (&[ProblemArea::Grief][..], Some(GriefKind::Delayed))
    );
    let d = case("deficits");
    assert_eq!(d.focus, [ProblemArea::InterpersonalDeficits]);
    assert!(d.has_advisory(AdvisoryCode::LookForHiddenGriefOrDispute));
    let n = case("new_parent_incomplete");
    assert_eq!(n.advisories[0].code, AdvisoryCode::SuicidalThoughtsReported);
    assert!(n.has_advisory(AdvisoryCode::OnsetUnknown));
    assert_eq!(n.focus, [ProblemArea::RoleTransition]);
    assert!(!n.missing.is_empty());
}

#[test]
fn many_events_are_read_like_few() {
    // Past the inline limit of the event-to-person index, lookups are made on
    // demand; results must not change.
    let mut events: Vec<Value> = (0..40)
        .map(|i| json!({"id": format!("e{i}"), "kind": "graduation", "date": "2001-01", "linked_to_onset": false}))
        .collect();
    events.push(json!({"id": "d", "kind": "death", "date": "2025-12", "person": "m"}));
    let inv = inventory(json!({
        "people": [person("m", "parent", json!({"status": {"deceased": {"date": "2025-12"}}}))],
        "events": events
    }));
    let a = engine().evaluate(&inv);
    assert_eq!(a.focus, [ProblemArea::Grief]);
    let ev = &a.finding(ProblemArea::Grief).unwrap().evidence[0];
    assert!(ev.subjects.contains(&Subject::Event("d".parse().unwrap())));
    assert!(ev.subjects.contains(&Subject::Person("m".parse().unwrap())));
}

// ------------------------------------------- policy found in review

/// CLINICAL-BASIS.md §2.4: deficits "only if none of the other three areas exists"; a death or
/// a life event whose timing or link is not known means grief or a
/// transition cannot be ruled out (missing is not false).
#[test]
fn an_event_of_unknown_timing_holds_deficits_back() {
    let lifelong = json!({"prior_functioning": "lifelong_few_relationships", "lives_alone": true, "confidants": 0});
    // A death whose person and link are not recorded.
    let a = assess(json!({"social_context": lifelong,
        "events": [{"id": "d", "kind": "death", "date": "2025-12"}]}));
    assert!(a.focus.is_empty(), "{:?}", a.focus);
    assert!(a.has_advisory(AdvisoryCode::DeficitsHeldBack));
    assert!(a.missing_at("$.events[0].linked_to_onset").is_some());
    // A job loss outside the onset window whose link was not asked.
    let a = assess(json!({"social_context": lifelong,
        "events": [{"id": "j", "kind": "job_loss", "date": "2025-01"}]}));
    assert!(a.focus.is_empty(), "{:?}", a.focus);
    // Once the patient says it is not linked, deficits is the focus again.
    let a = assess(json!({"social_context": lifelong,
        "events": [{"id": "j", "kind": "job_loss", "date": "2025-01", "linked_to_onset": false}]}));
    assert_eq!(a.focus, [ProblemArea::InterpersonalDeficits]);
}

/// A death the clinician links to an onset long after it, with no sign of
/// postponed mourning recorded, is not read as delayed grief from the date
/// gap alone: the kind is left open and the signs are asked for; a
/// complicated-grief sign on any death the grief evidence names counts.
#[test]
fn grief_kind_reads_the_timing_and_every_death() {
    let a = assess(json!({
        "people": [person("son", "child", json!({"status": {"deceased": {"date": "2024-02"}}}))],
        "events": [{"id": "d", "kind": "death", "date": "2024-02", "person": "son", "linked_to_onset": true}]
    }));
    assert_eq!(a.focus, [ProblemArea::Grief]);
    assert_eq!(a.grief_kind, None);
    let signs = a.missing_at("$.events[0].grief_signs").unwrap();
    assert_eq!(signs.needed_for, [NeededFor::GriefKind]);
    let a = assess(json!({
        "people": [
            person("mother", "parent", json!({"status": {"deceased": {"date": "2025-11"}}})),
            person("father", "parent", json!({"status": {"deceased": {"date": "2024-06"}}}))
        ],
        "events": [
            {"id": "dm", "kind": "death", "date": "2025-11", "person": "mother"},
            {"id": "df", "kind": "death", "date": "2024-06", "person": "father", "grief_signs": ["avoided_mourning"]}
        ]
    }));
    assert_eq!(a.grief_kind, Some(GriefKind::Delayed));
}

/// The stage comes from the person the dispute evidence weighs most, not
/// merely the loudest conflict (CLINICAL-BASIS.md §2.2 [S: Guide-2018]).
#[test]
fn the_stage_comes_from_the_principal_disputant() {
    let a = assess(json!({"people": [
        person("h", "spouse", json!({"conflict": {"level": "moderate", "course": "ending", "began": "before_onset"},
            "expectations": {"met": "unmet"}, "change_around_onset": "worse"})),
        person("b", "supervisor", json!({"conflict": {"level": "high", "course": "negotiating", "began": "after_onset"}}))
    ]}));
    assert_eq!(a.focus, [ProblemArea::RoleDispute]);
    assert_eq!(a.dispute_stage, Some(DisputeStage::Dissolution));
}

/// A deceased person's link to the onset is asked once: on their death event
/// when there is one, on the person when there is none, whatever else the
/// inventory holds (the people a death event names are found once, not by a
/// scan of the events per person).
#[test]
fn a_deceased_persons_link_is_asked_on_the_death_event_or_the_person() {
    let deceased = json!({"closeness": "inner", "status": {"deceased": {"date": "2025-12"}}});
    let a = assess(json!({
        "people": [
            person("m", "parent", deceased.clone()),
            person("f", "parent", deceased),
        ],
        "events": [
            {"id": "moved", "kind": "relocation", "date": "2025-12"},
            {"id": "d", "kind": "death", "person": "f", "date": "2025-12"},
        ]
    }));
    let asked: Vec<String> = a
        .missing
        .iter()
        .map(|m| m.path.to_string())
        .filter(|p| p.ends_with("linked_to_onset"))
        .collect();
    assert!(
        asked.iter().any(|p| p == "$.people[0].linked_to_onset"),
        "{asked:?}"
    );
    assert!(
        !asked.iter().any(|p| p == "$.people[1].linked_to_onset"),
        "{asked:?}"
    );
    assert!(
        asked.iter().any(|p| p == "$.events[1].linked_to_onset"),
        "{asked:?}"
    );
}
