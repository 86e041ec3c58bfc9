//! Documented input limits (issue 10, point 1): more people, events, text,
//! rules or condition depth than `Limits` allows is a problem at its path,
//! and a caller can lower each limit.

use chrono::NaiveDate;
use interpersonal::{
    date::EpisodeOnset, engine::*, error::*, id::*, inventory::*, limits::Limits,
    sensitive::Sensitive,
};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

fn paths(p: &Problems) -> Vec<&str> {
    p.iter().map(|x| x.path.as_str()).collect()
}

#[test]
fn the_defaults_are_the_ceilings() {
    let l = Limits::default();
    assert_eq!(
        (l.people, l.events, l.text_chars, l.rules, l.condition_depth),
        (100_000, 100_000, 10_000, 1_000, MAX_CONDITION_DEPTH_LIMIT)
    );
    let raised = Limits::default()
        .people(usize::MAX)
        .events(usize::MAX)
        .text_chars(usize::MAX)
        .rules(usize::MAX)
        .condition_depth(u32::MAX);
    assert_eq!(raised, Limits::MAX);
}

#[test]
fn too_many_events_at_the_default_limit() {
    let mut inv = Inventory::new(day(), EpisodeOnset::Unknown);
    let event = LifeEvent::builder("e", EventKind::Relocation)
        .build()
        .unwrap();
    inv.events = (0..=Limits::MAX.events)
        .map(|i| {
            let mut e = event.clone();
            e.id = EventId::new(format!("e{i}")).unwrap();
            e
        })
        .collect();
    let problems = inv.validate().unwrap_err();
    assert_eq!(paths(&problems), ["$.events"]);
    assert_eq!(
        problems.to_string(),
        "1 problem: $.events: expected at most 100000 events; found 100001"
    );
    inv.events.pop();
    assert_eq!(inv.validate(), Ok(()));
}

#[test]
fn lowered_limits_name_each_excess_by_path() {
    let long = "x".repeat(11);
    let inv = Inventory::builder(day())
        .person(
            Person::builder("a", "Ana", RelationshipKind::Friend)
                .feeling(long.clone())
                .notes(long.clone()),
        )
        .person(Person::builder("b", long.clone(), RelationshipKind::Friend))
        .event(LifeEvent::builder("e1", EventKind::Relocation).notes(long.clone()))
        .event(LifeEvent::builder("e2", EventKind::JobLoss))
        .build()
        .unwrap();
    assert_eq!(inv.validate(), Ok(()));
    let limits = Limits::default().people(1).events(1).text_chars(10);
    let problems = inv.validate_with(&limits).unwrap_err();
    assert_eq!(
        paths(&problems),
        [
            "$.people",
            "$.people[0].feelings[0]",
            "$.people[0].notes",
            "$.people[1].label",
            "$.events",
            "$.events[0].notes",
        ]
    );
    assert!(!problems.to_string().contains(&long));
}

#[test]
fn the_default_text_limit_holds_at_validation_and_building() {
    let inv = Inventory::builder(day())
        .person(Person::builder("a", "Ana", RelationshipKind::Friend).notes("é".repeat(10_000)))
        .build()
        .unwrap();
    assert_eq!(inv.validate(), Ok(()));
    let err = Inventory::builder(day())
        .person(Person::builder("a", "Ana", RelationshipKind::Friend).notes("é".repeat(10_001)))
        .build()
        .unwrap_err();
    assert_eq!(paths(&err), ["$.people[0].notes"]);
    let mut inv = inv;
    inv.people[0].notes = Some(Sensitive::new("é".repeat(10_001)));
    assert_eq!(paths(&inv.validate().unwrap_err()), ["$.people[0].notes"]);
}

#[test]
fn rule_count_and_depth_limits() {
    let mut rules = RuleSet::standard();
    let n = rules.rules.len();
    let extra = rules.rules[0].clone();
    rules.rules.extend((0..=Limits::MAX.rules - n).map(|i| {
        let mut r = extra.clone();
        r.id = RuleId::new(format!("extra.r{i}")).unwrap();
        r
    }));
    assert_eq!(rules.rules.len(), Limits::MAX.rules + 1);
    let problems = Engine::compile(rules).unwrap_err();
    assert_eq!(paths(&problems), ["$.rules"]);

    // The standard rules nest at most a few levels; a caller allowing two
    // refuses the deeper ones at their paths.
    let problems = Engine::compile_with(RuleSet::standard(), &Limits::default().condition_depth(2))
        .unwrap_err();
    assert!(!problems.is_empty());
    assert!(
        problems.iter().all(|p| p.path.as_str().contains(".when")),
        "{problems}"
    );
    assert!(
        problems.to_string().contains("nested at most 2 deep"),
        "{problems}"
    );
}

#[test]
fn reading_stops_at_the_list_limits_with_the_list_path() {
    // One person past the limit, then something that is not a person at
    // all: reading stops at the limit, so the item past it is never built
    // and the error is the limit's.
    let person = r#"{"id":"p","label":"x","relationship":"friend"}"#;
    let mut json = String::from(
        r#"{"schema_version":1,"assessed_on":"2026-03-02","onset":"unknown","people":["#,
    );
    for _ in 0..Limits::MAX.people {
        json.push_str(person);
        json.push(',');
    }
    json.push_str(r#"{"not":"a person"}]}"#);
    let err = interpersonal::from_json::<Inventory>(&json).unwrap_err();
    assert_eq!(err.path.as_str(), "$.people");
    assert_eq!(err.message, "expected at most 100000 people; found more");
    assert!(err.line > 0 && err.column > 0, "{err}");

    let events = format!(
        r#"{{"schema_version":1,"assessed_on":"2026-03-02","onset":"unknown","events":[{}]}}"#,
        vec![r#"{"id":"e","kind":"relocation"}"#; Limits::MAX.events + 1].join(",")
    );
    let err = interpersonal::from_json::<Inventory>(&events).unwrap_err();
    assert_eq!(err.path.as_str(), "$.events");
    assert_eq!(err.message, "expected at most 100000 events; found more");
}

/// Upcoming events are held to the events limit while reading, as events
/// are: one too many stops the reading at `$.upcoming`, unbuilt.
#[test]
fn reading_stops_at_the_upcoming_event_limit() {
    let upcoming = |n: usize| {
        format!(
            r#"{{"schema_version":1,"assessed_on":"2026-03-02","onset":"unknown","upcoming":[{}]}}"#,
            vec![r#"{"id":"e","kind":"relocation","date":"2026-04"}"#; n].join(",")
        )
    };
    let err = interpersonal::from_json::<Inventory>(&upcoming(Limits::MAX.events + 1)).unwrap_err();
    assert_eq!(err.path.as_str(), "$.upcoming");
    assert_eq!(
        err.message,
        "expected at most 100000 upcoming events; found more"
    );
    let inv = interpersonal::from_json::<Inventory>(&upcoming(Limits::MAX.events)).unwrap();
    assert_eq!(inv.upcoming.len(), Limits::MAX.events);
}

#[test]
fn a_list_at_the_limit_reads() {
    let json = format!(
        r#"{{"schema_version":1,"assessed_on":"2026-03-02","onset":"unknown","events":[{}]}}"#,
        vec![r#"{"id":"e","kind":"relocation"}"#; Limits::MAX.events].join(",")
    );
    let inv = interpersonal::from_json::<Inventory>(&json).unwrap();
    assert_eq!(inv.events.len(), Limits::MAX.events);
}

#[test]
fn reading_a_rule_set_stops_at_the_rule_limit() {
    let mut rules = RuleSet::standard();
    let extra = rules.rules[0].clone();
    rules.rules = vec![extra; Limits::MAX.rules + 1];
    let json = interpersonal::to_json(&rules).unwrap();
    let err = RuleSet::from_json(&json).unwrap_err();
    assert_eq!(err.path.as_str(), "$.rules");
    assert_eq!(err.message, "expected at most 1000 rules; found more");
}
