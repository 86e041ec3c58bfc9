//! Every error names the path in the document the caller gave (issue 10,
//! point 4): a course's schedule, contract and goal problems come back at
//! `$.schedule…`, `$.contract…` and `$.goals[i]…`, with serde's line and
//! column.

use chrono::NaiveDate;
use interpersonal::{catalogue::*, course::*, engine::*, error::*, goal::*, id::*};
use serde_json::{Value, json};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn course_json() -> Value {
    let goal = Goal::new(
        GoalId::new("g1").unwrap(),
        ProblemArea::Grief,
        "mourn my father",
        GoalTarget::MeasureAtMost {
            instrument: InstrumentId::HAMD17,
            value: 7,
        },
    );
    let contract = TreatmentContract::builder(day(2026, 3, 2), [ProblemArea::Grief])
        .goal(GoalId::new("g1").unwrap())
        .build()
        .unwrap();
    let course = Course::new(contract, vec![goal]).unwrap();
    serde_json::to_value(&course).unwrap()
}

fn read(doc: &Value) -> JsonError {
    let text = serde_json::to_string_pretty(doc).unwrap();
    let err = from_json::<Course>(&text).unwrap_err();
    assert!(err.line > 0 && err.column > 0, "{err}");
    let again = from_json_reader::<Course, _>(text.as_bytes()).unwrap_err();
    assert_eq!(again, err);
    err
}

fn paths(err: &JsonError) -> Vec<&str> {
    err.problems.iter().map(|p| p.path.as_str()).collect()
}

#[test]
fn a_schedule_problem_is_at_its_path_in_the_course() {
    let mut doc = course_json();
    doc["schedule"]["sessions"][1]["number"] = json!(7);
    let err = read(&doc);
    assert!(
        err.path.as_str().starts_with("$.schedule.sessions[1]"),
        "{err}"
    );
    assert!(
        paths(&err).iter().all(|p| p.starts_with("$.schedule.")),
        "{err}"
    );
    assert!(
        err.to_string()
            .starts_with("invalid JSON at $.schedule.sessions[1]"),
        "{err}"
    );
}

#[test]
fn a_contract_problem_is_at_its_path_in_the_course() {
    let mut doc = course_json();
    doc["contract"]["focus"] = json!([]);
    let err = read(&doc);
    assert!(paths(&err).contains(&"$.contract.focus"), "{err}");
    assert_eq!(err.path.as_str(), paths(&err)[0]);
}

#[test]
fn a_goal_problem_is_at_its_path_in_the_course() {
    let mut doc = course_json();
    doc["goals"][0]["status_changes"] =
        json!([{"from": "proposed", "to": "achieved", "on": "2026-03-09"}]);
    let err = read(&doc);
    assert!(
        paths(&err).contains(&"$.goals[0].status_changes[0].to"),
        "{err}"
    );
    assert!(err.line > 1, "{err}");
}

#[test]
fn a_goal_alone_reports_from_its_own_root() {
    let doc = json!({"id": "g1", "area": "grief", "statement": "x",
        "target": {"measure_at_most": {"instrument": "hamd17", "value": 7}},
        "status": "active",
        "status_changes": [{"from": "proposed", "to": "achieved", "on": "2026-03-09"}]});
    let err = from_json::<Goal>(&doc.to_string()).unwrap_err();
    assert_eq!(err.path.as_str(), "$.status_changes[0].to", "{err}");
    assert_eq!((err.line, err.column), (1, doc.to_string().len()));
}

#[test]
fn a_rule_set_problem_is_at_its_path() {
    let mut doc = serde_json::to_value(RuleSet::standard()).unwrap();
    doc["rules"][4]["weight"] = json!(0);
    doc["rules"][6]["summary"] = json!(" ");
    let err = from_json::<Engine>(&serde_json::to_string_pretty(&doc).unwrap()).unwrap_err();
    assert_eq!(paths(&err), ["$.rules[4].weight", "$.rules[6].summary"]);
    assert_eq!(err.path.as_str(), "$.rules[4].weight");
    assert!(err.message.contains("and 1 more"), "{err}");
    assert!(err.line > 1);
}

#[test]
fn a_measurement_problem_in_a_course_is_at_its_path() {
    let mut doc = course_json();
    doc["measurements"] = json!([{"instrument": "gad7", "date": "2026-03-02", "total": 22}]);
    let err = read(&doc);
    assert!(
        paths(&err)
            .iter()
            .all(|p| p.starts_with("$.measurements[0]")),
        "{err}"
    );
}

#[test]
fn the_error_serialises_with_its_problems() {
    let mut doc = course_json();
    doc["contract"]["focus"] = json!([]);
    let err = read(&doc);
    let json = serde_json::to_string(&err).unwrap();
    assert!(json.contains("\"problems\""), "{json}");
    assert_eq!(serde_json::from_str::<JsonError>(&json).unwrap(), err);
}
