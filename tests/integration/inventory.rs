//! The inventory's builder and validation: happy paths, every validation rule
//! alone and all together, what is deliberately not an error, the JSON round
//! trip of generated valid inventories, and patient text kept out of `Debug`
//! and errors.

use chrono::NaiveDate;
use interpersonal::strategy;
use interpersonal::{
    Inventory, LifeEvent, Person, Problems, Sensitive,
    date::{EpisodeOnset, PartialDate},
    from_json,
    id::{EventId, PersonId},
    inventory::{
        Closeness, Conflict, ConflictCourse, ConflictLevel, ConflictVisibility, ContactFrequency,
        EventKind, Expectations, ExpectationsMet, GriefSign, INVENTORY_SCHEMA_VERSION,
        PersonStatus, PriorFunctioning, RelationshipChange, RelationshipKind, RelativeToOnset,
    },
};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

fn date(s: &str) -> PartialDate {
    s.parse().unwrap()
}

fn paths(problems: &Problems) -> Vec<&str> {
    problems.iter().map(|p| p.path.as_str()).collect()
}

fn shown(problems: &Problems) -> Vec<String> {
    problems.iter().map(|p| p.to_string()).collect()
}

/// A valid inventory: a father who died in December (with his death event) and
/// a partner in a stalled dispute.
fn base() -> Inventory {
    Inventory::builder(as_of())
        .onset("2026-01")
        .person(Person::builder("father", "Dad", RelationshipKind::Parent).deceased("2025-12"))
        .person(
            Person::builder("partner", "Sam", RelationshipKind::Partner)
                .conflict(Conflict::new(ConflictLevel::High).with_course(ConflictCourse::Stalled)),
        )
        .event(
            LifeEvent::builder("e1", EventKind::Death)
                .date("2025-12")
                .person("father"),
        )
        .build()
        .unwrap()
}

fn event(id: &str, kind: EventKind) -> interpersonal::inventory::EventBuilder {
    LifeEvent::builder(id, kind)
}

// ---------------------------------------------------------------- builder

#[test]
fn builder_sets_every_field_as_the_json_would() {
    let built = Inventory::builder(as_of())
        .onset("2026-01")
        .person(
            Person::builder("partner", "Sam", RelationshipKind::Spouse)
                .closeness(Closeness::Inner)
                .contact(ContactFrequency::Daily)
                .confidant(false)
                .supportive(true)
                .knows_about_episode(true)
                .shared_activity("cooking")
                .satisfaction("kind")
                .dissatisfaction("never home")
                .feeling("lonely")
                .expectations(
                    Expectations::new(ExpectationsMet::Unmet)
                        .with_patient_expects("help at home")
                        .with_other_expects("more money"),
                )
                .conflict(
                    Conflict::new(ConflictLevel::High)
                        .with_visibility(ConflictVisibility::Overt)
                        .with_course(ConflictCourse::Stalled)
                        .with_began(RelativeToOnset::BeforeOnset)
                        .with_topic("chores"),
                )
                .change_around_onset(RelationshipChange::Worse)
                .desired_change("talk calmly")
                .notes("married 2015"),
        )
        .person(Person::builder("father", "Dad", RelationshipKind::Parent).deceased("2025-12"))
        .person(Person::builder("brother", "Tom", RelationshipKind::Sibling).estranged())
        .event(
            event("e1", EventKind::Death)
                .date("2025-12-03")
                .person("father")
                .linked_to_onset(true)
                .grief_sign(GriefSign::AvoidedMourning)
                .notes("sudden"),
        )
        .event(event("e2", EventKind::JobLoss).date(PartialDate::month(2025, 10).unwrap()))
        .prior_functioning(PriorFunctioning::Adequate)
        .lives_alone(false)
        .confidants(1)
        .suicidal_thoughts_reported(true)
        .build()
        .unwrap();

    let parsed: Inventory = from_json(
        r#"{
          "schema_version": 1,
          "assessed_on": "2026-03-02",
          "onset": "2026-01",
          "people": [
            {"id": "partner", "label": "Sam", "relationship": "spouse", "closeness": "inner",
             "contact": "daily", "confidant": false, "supportive": true,
             "knows_about_episode": true, "shared_activities": ["cooking"],
             "satisfactions": ["kind"], "dissatisfactions": ["never home"],
             "feelings": ["lonely"],
             "expectations": {"patient_expects": "help at home", "other_expects": "more money",
                              "met": "unmet"},
             "conflict": {"level": "high", "visibility": "overt", "course": "stalled",
                          "began": "before_onset", "topic": "chores"},
             "change_around_onset": "worse", "desired_changes": ["talk calmly"],
             "notes": "married 2015"},
            {"id": "father", "label": "Dad", "relationship": "parent",
             "status": {"deceased": {"date": "2025-12"}}},
            {"id": "brother", "label": "Tom", "relationship": "sibling", "status": "estranged"}
          ],
          "events": [
            {"id": "e1", "kind": "death", "date": "2025-12-03", "person": "father",
             "linked_to_onset": true, "grief_signs": ["avoided_mourning"], "notes": "sudden"},
            {"id": "e2", "kind": "job_loss", "date": "2025-10"}
          ],
          "social_context": {"prior_functioning": "adequate", "lives_alone": false,
                             "confidants": 1},
          "safety": {"suicidal_thoughts_reported": true}
        }"#,
    )
    .unwrap();
    assert_eq!(built, parsed);
}

#[test]
fn an_empty_builder_gives_an_empty_inventory_with_unknown_onset() {
    let inventory = Inventory::builder(as_of()).build().unwrap();
    assert_eq!(inventory, Inventory::new(as_of(), EpisodeOnset::Unknown));
    assert_eq!(inventory.schema_version, INVENTORY_SCHEMA_VERSION);
}

#[test]
fn builder_accepts_typed_values_and_finished_people_and_events() {
    let father = Person::builder(
        PersonId::new("father").unwrap(),
        "Dad",
        RelationshipKind::Parent,
    )
    .deceased(None)
    .build()
    .unwrap();
    let death = LifeEvent::builder(EventId::new("e1").unwrap(), EventKind::Death)
        .date(NaiveDate::from_ymd_opt(2025, 12, 3).unwrap())
        .person(PersonId::new("father").unwrap())
        .build()
        .unwrap();
    let inventory = Inventory::builder(as_of())
        .onset(EpisodeOnset::Known(date("2026-01")))
        .person(father.clone())
        .event(death.clone())
        .build()
        .unwrap();
    assert_eq!(inventory.people, [father]);
    assert_eq!(inventory.events, [death]);
    assert_eq!(inventory.onset, EpisodeOnset::Known(date("2026-01")));
    let unknown = Inventory::builder(as_of())
        .onset("unknown")
        .build()
        .unwrap();
    assert_eq!(unknown.onset, EpisodeOnset::Unknown);
}

#[test]
fn builder_reports_unreadable_text_at_its_path_with_the_validation_problems() {
    let problems = Inventory::builder(as_of())
        .onset("last spring")
        .person(Person::builder(
            "Maria Lopez",
            "Maria",
            RelationshipKind::Sibling,
        ))
        .person(Person::builder("father", "Dad", RelationshipKind::Parent).deceased("2025-02-30"))
        .person(Person::builder("friend", "", RelationshipKind::Friend))
        .event(event("", EventKind::Other).date("2026-13"))
        .event(event("e2", EventKind::Divorce).person("the ex"))
        .event(event("e3", EventKind::Divorce).person("nobody"))
        .build()
        .unwrap_err();
    assert_eq!(
        shown(&problems),
        [
            "$.onset: expected a date written YYYY-MM-DD or YYYY-MM, or `unknown`",
            "$.people[0].id: expected an id of 1 to 64 ASCII letters, digits, '_', '-' or '.'",
            "$.people[1].status.deceased.date: expected a date written YYYY-MM-DD or YYYY-MM, \
             or `unknown`",
            "$.people[2].label: expected a label that is not blank: how the patient names the \
             person",
            "$.events[0].id: expected an id of 1 to 64 ASCII letters, digits, '_', '-' or '.'",
            "$.events[0].date: expected a date written YYYY-MM-DD or YYYY-MM, or `unknown`",
            "$.events[1].person: expected an id of 1 to 64 ASCII letters, digits, '_', '-' or '.'",
            "$.events[2].person: expected an id of a person in $.people; found an unknown id \
             `nobody`",
        ]
    );
    // The malformed text itself is never quoted.
    let all = problems.to_string();
    for text in ["Maria", "last spring", "the ex", "2025-02-30", "2026-13"] {
        assert!(!all.contains(text), "{text} in {all}");
    }
}

#[test]
fn person_and_event_builders_check_what_they_can_alone() {
    let problems = Person::builder("p 1", " ", RelationshipKind::Parent)
        .deceased("2025-00")
        .conflict(Conflict::new(ConflictLevel::None).with_course(ConflictCourse::Ending))
        .build()
        .unwrap_err();
    assert_eq!(
        paths(&problems),
        [
            "$.id",
            "$.label",
            "$.status.deceased.date",
            "$.conflict.course"
        ]
    );
    let problems = event("e 1", EventKind::Promotion)
        .date("2025")
        .person("")
        .grief_sign(GriefSign::MultipleLosses)
        .build()
        .unwrap_err();
    assert_eq!(
        paths(&problems),
        ["$.id", "$.date", "$.person", "$.grief_signs"]
    );
}

// ------------------------------------------------------------- validation

/// One rule broken at a time, on the valid [`base`]: the exact problems.
#[test]
fn every_rule_alone() {
    type Mutation = fn(&mut Inventory);
    let cases: Vec<(Mutation, Vec<&str>)> = vec![
        (
            |i| i.schema_version = 2,
            vec!["$.schema_version: expected schema version 1; found 2"],
        ),
        (
            |i| i.onset = EpisodeOnset::Known(date("2026-04")),
            vec![
                "$.onset: expected an onset on or before the assessment date 2026-03-02; found \
                 2026-04",
            ],
        ),
        (
            |i| {
                let copy = i.people[1].clone();
                i.people.push(copy);
            },
            vec![
                "$.people[2].id: expected a unique person id; `partner` is already the id of \
                 $.people[1]",
            ],
        ),
        (
            |i| i.people[1].label = Sensitive::new(String::from(" \t")),
            vec![
                "$.people[1].label: expected a label that is not blank: how the patient names \
                 the person",
            ],
        ),
        (
            |i| {
                i.people[0].status = PersonStatus::Deceased {
                    date: Some(date("2026-03-03")),
                };
                i.events[0].date = None;
            },
            vec![
                "$.people[0].status.deceased.date: expected a death date on or before the \
                 assessment date 2026-03-02; found 2026-03-03",
            ],
        ),
        (
            |i| i.events[0].person = None,
            vec![
                // father keeps his date, so only a person with neither is a problem:
            ],
        ),
        (
            |i| {
                i.events[0].person = None;
                i.people[0].status = PersonStatus::Deceased { date: None };
            },
            vec![
                "$.people[0].status: expected a death date, or a death event in $.events naming \
                 `father`, for a person whose status is deceased",
            ],
        ),
        (
            |i| {
                i.people[1].conflict = Some(
                    Conflict::new(ConflictLevel::None).with_visibility(ConflictVisibility::Covert),
                )
            },
            vec![
                "$.people[1].conflict.visibility: expected no visibility when the conflict level \
                 is `none`; found `covert`",
            ],
        ),
        (
            |i| i.people[1].conflict.as_mut().unwrap().level = ConflictLevel::None,
            vec![
                "$.people[1].conflict.course: expected no course when the conflict level is \
                 `none`; found `stalled`",
            ],
        ),
        (
            |i| {
                i.people[1].conflict =
                    Some(Conflict::new(ConflictLevel::None).with_began(RelativeToOnset::AfterOnset))
            },
            vec![
                "$.people[1].conflict.began: expected no beginning when the conflict level is \
                 `none`; found `after_onset`",
            ],
        ),
        (
            |i| {
                i.people[0].conflict = Some(
                    Conflict::new(ConflictLevel::Moderate).with_course(ConflictCourse::Negotiating),
                )
            },
            vec![
                "$.people[0].conflict.course: expected a course other than `negotiating` for a \
                 person who has died (renegotiation needs both parties); found `negotiating`",
            ],
        ),
        (
            |i| {
                i.events.push(LifeEvent::new(
                    i.events[0].id.clone(),
                    EventKind::Relocation,
                    None,
                ))
            },
            vec![
                "$.events[1].id: expected a unique event id; `e1` is already the id of $.events[0]",
            ],
        ),
        (
            |i| {
                i.events.push(LifeEvent::new(
                    EventId::new("e2").unwrap(),
                    EventKind::JobLoss,
                    Some(date("2026-03-03")),
                ))
            },
            vec![
                "$.events[1].date: expected an event date on or before the assessment date \
                 2026-03-02; found 2026-03-03",
            ],
        ),
        (
            |i| {
                let mut e = LifeEvent::new(EventId::new("e2").unwrap(), EventKind::Divorce, None);
                e.person = Some(PersonId::new("ex").unwrap());
                i.events.push(e);
            },
            vec![
                "$.events[1].person: expected an id of a person in $.people; found an unknown id \
                 `ex`",
            ],
        ),
        (
            |i| {
                let mut e = LifeEvent::new(EventId::new("e2").unwrap(), EventKind::Death, None);
                e.person = Some(PersonId::new("partner").unwrap());
                i.events.push(e);
            },
            vec![
                "$.events[1].person: expected a person whose status is deceased, as this is a \
                 death event; `partner` at $.people[1] is `living`",
            ],
        ),
        (
            |i| {
                let mut e = i.events[0].clone();
                e.id = EventId::new("e2").unwrap();
                i.events.push(e);
            },
            vec![
                "$.events[1].person: expected at most one death event per person; `father` \
                 already died in $.events[0]",
            ],
        ),
        (
            |i| i.events[0].date = Some(date("2026-01-01")),
            vec![
                "$.events[0].date: expected a date that agrees with the death date 2025-12 of \
                 `father` at $.people[0].status.deceased.date; found 2026-01-01",
            ],
        ),
        (
            |i| {
                let mut e = LifeEvent::new(EventId::new("e2").unwrap(), EventKind::JobLoss, None);
                e.grief_signs = vec![GriefSign::AnniversaryReaction];
                i.events.push(e);
            },
            vec![
                "$.events[1].grief_signs: expected no grief signs on an event of kind \
                 `job_loss`; grief signs belong to a death",
            ],
        ),
    ];
    assert_eq!(base().validate(), Ok(()));
    for (n, (mutate, expected)) in cases.into_iter().enumerate() {
        let mut inventory = base();
        mutate(&mut inventory);
        let got = match inventory.validate() {
            Ok(()) => Vec::new(),
            Err(problems) => {
                assert!(!problems.is_empty());
                shown(&problems)
            }
        };
        assert_eq!(got, expected, "case {n}");
    }
}

const ALL_WRONG: &str = r#"{
  "schema_version": 2,
  "assessed_on": "2026-03-02",
  "onset": "2026-04",
  "people": [
    {"id": "father", "label": "Dad", "relationship": "parent",
     "status": {"deceased": {"date": "2025-12"}},
     "conflict": {"level": "moderate", "course": "negotiating"}},
    {"id": "partner", "label": " ", "relationship": "partner",
     "conflict": {"level": "none", "visibility": "covert", "course": "stalled",
                  "began": "after_onset", "topic": "money"}},
    {"id": "partner", "label": "Sam", "relationship": "friend"},
    {"id": "mother", "label": "Mum", "relationship": "parent", "status": {"deceased": {}}},
    {"id": "uncle", "label": "Bob", "relationship": "other_family",
     "status": {"deceased": {"date": "2026-04-01"}}}
  ],
  "events": [
    {"id": "e1", "kind": "death", "date": "2026-01", "person": "father"},
    {"id": "e1", "kind": "job_loss", "date": "2026-03-03", "grief_signs": ["avoided_mourning"]},
    {"id": "e2", "kind": "divorce", "person": "ex"},
    {"id": "e3", "kind": "death", "person": "partner"},
    {"id": "e4", "kind": "death", "date": "2025-12", "person": "father"}
  ]
}"#;

#[test]
fn every_rule_together_in_document_order() {
    let inventory: Inventory = from_json(ALL_WRONG).unwrap();
    let problems = inventory.validate().unwrap_err();
    assert_eq!(
        paths(&problems),
        [
            "$.schema_version",
            "$.onset",
            "$.people[0].conflict.course",
            "$.people[1].label",
            "$.people[1].conflict.visibility",
            "$.people[1].conflict.course",
            "$.people[1].conflict.began",
            "$.people[2].id",
            "$.people[3].status",
            "$.people[4].status.deceased.date",
            "$.events[0].date",
            "$.events[1].id",
            "$.events[1].date",
            "$.events[1].grief_signs",
            "$.events[2].person",
            "$.events[3].person",
            "$.events[4].person",
        ]
    );
    // Same input, same output.
    assert_eq!(inventory.validate(), Err(problems));
}

#[test]
fn dates_on_the_assessment_day_or_in_its_month_are_not_in_the_future() {
    for ok in ["2026-03", "2026-03-02", "2026-02-28"] {
        let mut inventory = base();
        inventory.onset = EpisodeOnset::Known(date(ok));
        inventory.events.push(LifeEvent::new(
            EventId::new("e2").unwrap(),
            EventKind::Relocation,
            Some(date(ok)),
        ));
        assert_eq!(inventory.validate(), Ok(()), "{ok}");
    }
    for late in ["2026-04", "2026-03-03"] {
        let mut inventory = base();
        inventory.onset = EpisodeOnset::Known(date(late));
        assert_eq!(
            paths(&inventory.validate().unwrap_err()),
            ["$.onset"],
            "{late}"
        );
    }
}

#[test]
fn a_death_date_and_its_event_agree_when_their_days_overlap() {
    for (person, event, agree) in [
        ("2025-12", "2025-12-31", true),
        ("2025-12-01", "2025-12", true),
        ("2025-12", "2025-12", true),
        ("2025-12-01", "2025-12-02", false),
        ("2025-11", "2025-12-01", false),
        ("2025-12", "2025-11-30", false),
    ] {
        let mut inventory = base();
        inventory.people[0].status = PersonStatus::Deceased {
            date: Some(date(person)),
        };
        inventory.events[0].date = Some(date(event));
        let result = inventory.validate();
        assert_eq!(result.is_ok(), agree, "{person} vs {event}: {result:?}");
    }
}

#[test]
fn unusual_but_possible_data_is_not_an_error() {
    let inventory = Inventory::builder(as_of())
        .onset("unknown")
        // A death event naming no one: someone not listed died; with grief signs.
        .event(
            event("e1", EventKind::Death)
                .date("2025-06")
                .grief_sign(GriefSign::MultipleLosses),
        )
        // A deceased person with no date, named by an undated death event.
        .person(Person::builder("grandma", "Nan", RelationshipKind::OtherFamily).deceased(None))
        .event(event("e2", EventKind::Death).person("grandma"))
        // A stalled dispute and daily contact with someone who has died.
        .person(
            Person::builder("father", "Dad", RelationshipKind::Parent)
                .deceased("2024-01-15")
                .contact(ContactFrequency::Daily)
                .conflict(Conflict::new(ConflictLevel::High).with_course(ConflictCourse::Stalled)),
        )
        // A conflict with someone whose expectations are met; an estranged
        // sibling still negotiating; a level-none conflict with a topic.
        .person(
            Person::builder("partner", "Sam", RelationshipKind::Partner)
                .expectations(Expectations::new(ExpectationsMet::Met))
                .conflict(Conflict::new(ConflictLevel::Low)),
        )
        .person(
            Person::builder("brother", "Tom", RelationshipKind::Sibling)
                .estranged()
                .conflict(
                    Conflict::new(ConflictLevel::High).with_course(ConflictCourse::Negotiating),
                ),
        )
        .person(
            Person::builder("friend", "Ann", RelationshipKind::Friend)
                .confidant(true)
                .conflict(Conflict::new(ConflictLevel::None).with_topic("old argument")),
        )
        // Several events about one person; a death date before the onset.
        .event(event("e3", EventKind::Divorce).person("partner"))
        .event(event("e4", EventKind::Relocation).person("partner"))
        // More confidants than listed.
        .confidants(5)
        .lives_alone(true)
        .build();
    assert_eq!(inventory.map(|_| ()), Ok(()));
}

#[test]
fn twenty_thousand_people_validate_and_a_late_duplicate_is_found() {
    let mut inventory = Inventory::new(as_of(), EpisodeOnset::Unknown);
    for (i, id) in strategy::person_ids(20_000).into_iter().enumerate() {
        inventory
            .people
            .push(Person::new(id, format!("P{i}"), RelationshipKind::Friend));
    }
    assert_eq!(inventory.validate(), Ok(()));
    let copy = inventory.people[0].clone();
    inventory.people.push(copy);
    assert_eq!(
        paths(&inventory.validate().unwrap_err()),
        ["$.people[20000].id"]
    );
}

// -------------------------------------------------------------- generated

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_inventories_are_valid(inventory in strategy::inventory()) {
        prop_assert_eq!(inventory.validate(), Ok(()));
        prop_assert!(inventory.people.len() <= 15);
        prop_assert!(inventory.events.len() <= 10);
    }

    #[test]
    fn json_round_trip(inventory in strategy::inventory()) {
        let json = serde_json::to_string(&inventory).unwrap();
        let back: Inventory = from_json(&json).unwrap();
        prop_assert_eq!(&back, &inventory);
        let pretty = serde_json::to_string_pretty(&inventory).unwrap();
        prop_assert_eq!(from_json::<Inventory>(&pretty).unwrap(), inventory);
    }

    #[test]
    fn builder_round_trip(inventory in strategy::inventory()) {
        // Feeding a valid inventory's parts back through the builder gives it back.
        let mut builder = Inventory::builder(inventory.assessed_on)
            .onset(inventory.onset)
            .social_context(inventory.social_context.clone())
            .safety(inventory.safety);
        for p in &inventory.people {
            builder = builder.person(p.clone());
        }
        for e in &inventory.events {
            builder = builder.event(e.clone());
        }
        prop_assert_eq!(builder.build(), Ok(inventory));
    }

    #[test]
    fn a_copied_person_is_one_problem_at_its_id(
        inventory in strategy::inventory().prop_filter("needs people", |i| !i.people.is_empty()),
        pick in any::<prop::sample::Index>(),
    ) {
        let mut inventory = inventory;
        let i = pick.index(inventory.people.len());
        let copy = inventory.people[i].clone();
        inventory.people.push(copy);
        let problems = inventory.validate().unwrap_err();
        let expected = format!("$.people[{}].id", inventory.people.len() - 1);
        prop_assert_eq!(paths(&problems), vec![expected.as_str()]);
    }

    #[test]
    fn a_late_event_is_one_problem_at_its_date(
        inventory in strategy::inventory().prop_filter("needs non-death events", |i| {
            i.events.iter().any(|e| !e.kind.is_death())
        }),
        days in 1u64..400,
    ) {
        let mut inventory = inventory;
        let j = inventory.events.iter().position(|e| !e.kind.is_death()).unwrap();
        let late = inventory.assessed_on.checked_add_days(chrono::Days::new(days)).unwrap();
        inventory.events[j].date = Some(PartialDate::day(late));
        let problems = inventory.validate().unwrap_err();
        let expected = format!("$.events[{j}].date");
        prop_assert_eq!(paths(&problems), vec![expected.as_str()]);
    }

    #[test]
    fn standalone_people_and_events_build(
        person in strategy::person(PersonId::new("p1").unwrap()),
        event in strategy::event(EventId::new("e1").unwrap(), strategy::person_ids(3)),
    ) {
        prop_assert_eq!(Person::builder(person.id.clone(), "x", person.relationship)
            .build().map(|p| p.id), Ok(person.id.clone()));
        prop_assert!(event.date.is_none_or(|d| d.latest() <= NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()));
        prop_assert!(event.grief_signs.is_empty() || event.kind.is_death());
        if let Some(p) = &event.person {
            prop_assert!(strategy::person_ids(3).contains(p));
        }
    }
}

/// The strategy's mix covers what the module docs promise.
#[test]
fn generated_inventories_cover_the_realistic_mix() {
    let mut runner = TestRunner::deterministic();
    let inventories = strategy::inventory();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..400 {
        let inventory = inventories.new_tree(&mut runner).unwrap().current();
        seen.insert(match inventory.onset {
            EpisodeOnset::Unknown => "onset unknown",
            EpisodeOnset::Known(d) if d.is_month_only() => "onset month",
            EpisodeOnset::Known(_) => "onset day",
        });
        if inventory.people.is_empty() {
            seen.insert("no people");
        }
        if inventory.people.len() == 15 {
            seen.insert("15 people");
        }
        for p in &inventory.people {
            match p.status {
                PersonStatus::Deceased { date: Some(_) } => seen.insert("dated death"),
                PersonStatus::Deceased { date: None } => seen.insert("undated death"),
                PersonStatus::Estranged => seen.insert("estranged"),
                _ => seen.insert("living"),
            };
            if let Some(c) = &p.conflict {
                seen.insert(match c.level {
                    ConflictLevel::None => "conflict none",
                    ConflictLevel::Low => "conflict low",
                    ConflictLevel::Moderate => "conflict moderate",
                    ConflictLevel::High => "conflict high",
                });
                seen.insert(match c.course {
                    None => "course unknown",
                    Some(ConflictCourse::Negotiating) => "negotiating",
                    Some(ConflictCourse::Stalled) => "stalled",
                    Some(ConflictCourse::Ending) => "ending",
                });
            }
        }
        for e in &inventory.events {
            if e.kind.is_death() && e.person.is_some() {
                seen.insert("death event naming a person");
            }
            if e.kind.is_death() && e.person.is_none() {
                seen.insert("death event naming no one");
            }
            if !e.grief_signs.is_empty() {
                seen.insert("grief signs");
            }
            seen.insert(match e.linked_to_onset.as_bool() {
                Some(true) => "linked",
                Some(false) => "not linked",
                None => "link unknown",
            });
            if let (Some(d), Some(onset)) = (e.date, inventory.onset.date()) {
                let gap = (d.earliest() - onset.earliest()).num_days().abs();
                if gap <= 180 {
                    seen.insert("event near onset");
                }
            }
        }
        if inventory.events.len() == 10 {
            seen.insert("10 events");
        }
    }
    for wanted in [
        "onset unknown",
        "onset month",
        "onset day",
        "no people",
        "15 people",
        "dated death",
        "undated death",
        "estranged",
        "living",
        "conflict none",
        "conflict low",
        "conflict moderate",
        "conflict high",
        "course unknown",
        "negotiating",
        "stalled",
        "ending",
        "death event naming a person",
        "death event naming no one",
        "grief signs",
        "linked",
        "not linked",
        "link unknown",
        "event near onset",
        "10 events",
    ] {
        assert!(seen.contains(wanted), "never generated: {wanted}");
    }
}

// ------------------------------------------------------------- privacy

const SENTINEL: &str = "SENTINEL-xyz";

/// The inventory of [`sentinel_json`], built with the builder: every
/// patient-text field holds the sentinel, and it has problems to report.
fn sentinel_builder() -> interpersonal::inventory::InventoryBuilder {
    Inventory::builder(as_of())
        .onset("2026-04")
        .person(
            Person::builder("partner", SENTINEL, RelationshipKind::Partner)
                .shared_activity(SENTINEL)
                .satisfaction(SENTINEL)
                .dissatisfaction(SENTINEL)
                .feeling(SENTINEL)
                .desired_change(SENTINEL)
                .notes(SENTINEL)
                .expectations(
                    Expectations::new(ExpectationsMet::Unmet)
                        .with_patient_expects(SENTINEL)
                        .with_other_expects(SENTINEL),
                )
                .conflict(
                    Conflict::new(ConflictLevel::None)
                        .with_course(ConflictCourse::Stalled)
                        .with_topic(SENTINEL),
                ),
        )
        .person(Person::builder("partner", SENTINEL, RelationshipKind::Friend).deceased(None))
        .event(
            event("e1", EventKind::JobLoss)
                .date("2027-01")
                .person("ghost")
                .grief_sign(GriefSign::AbsentSupport)
                .notes(SENTINEL),
        )
}

/// The same inventory as JSON, built by hand so that it parses without the
/// builder's checks.
fn sentinel_json() -> String {
    format!(
        r#"{{
  "schema_version": 1,
  "assessed_on": "2026-03-02",
  "onset": "2026-04",
  "people": [
    {{"id": "partner", "label": "{s}", "relationship": "partner",
     "shared_activities": ["{s}"], "satisfactions": ["{s}"], "dissatisfactions": ["{s}"],
     "feelings": ["{s}"], "desired_changes": ["{s}"], "notes": "{s}",
     "expectations": {{"patient_expects": "{s}", "other_expects": "{s}", "met": "unmet"}},
     "conflict": {{"level": "none", "course": "stalled", "topic": "{s}"}}}},
    {{"id": "partner", "label": "{s}", "relationship": "friend", "status": {{"deceased": {{}}}}}}
  ],
  "events": [
    {{"id": "e1", "kind": "job_loss", "date": "2027-01", "person": "ghost",
     "grief_signs": ["absent_support"], "notes": "{s}"}}
  ]
}}"#,
        s = SENTINEL
    )
}

#[test]
fn patient_text_never_shows_in_debug_or_problems() {
    let inventory: Inventory = from_json(&sentinel_json()).unwrap();
    // Every sensitive field really holds the sentinel: 10 for the partner, a
    // label, an event's notes.
    let json = serde_json::to_string(&inventory).unwrap();
    assert_eq!(json.matches(SENTINEL).count(), 12);

    for shown in [format!("{inventory:?}"), format!("{inventory:#?}")] {
        assert!(!shown.contains(SENTINEL), "{shown}");
        assert!(!shown.contains("SENTINEL"));
    }
    let problems = inventory.validate().unwrap_err();
    assert_eq!(sentinel_builder().build(), Err(problems.clone()));
    assert_eq!(problems.len(), 7, "{problems}");
    for p in &problems {
        for shown in [format!("{p:?}"), format!("{p:#?}"), p.to_string()] {
            assert!(!shown.contains("SENTINEL"), "{shown}");
        }
    }
    for shown in [format!("{problems:?}"), problems.to_string()] {
        assert!(!shown.contains("SENTINEL"), "{shown}");
    }
    // Builders hold patient text too.
    let builder = Person::builder("p1", SENTINEL, RelationshipKind::Friend).notes(SENTINEL);
    assert!(!format!("{builder:?}").contains("SENTINEL"));
    let builder = Inventory::builder(as_of())
        .person(builder)
        .event(event("e1", EventKind::Other).notes(SENTINEL));
    assert!(!format!("{builder:?}").contains("SENTINEL"));
}

#[test]
fn patient_text_never_shows_in_json_errors() {
    let good = sentinel_json();
    let mut broken: Vec<String> = vec![
        good.replacen(
            "\"schema_version\": 1",
            "\"schema_version\": \"SENTINEL-xyz\"",
            1,
        ),
        good.replacen(
            "\"met\": \"unmet\"",
            "\"met\": \"unmet\", \"x\": \"SENTINEL-xyz\"",
            1,
        ),
        good.replacen("\"id\": \"e1\"", "\"id\": \"SENTINEL xyz\"", 1),
        good.replacen("\"date\": \"2027-01\"", "\"date\": \"SENTINEL-xyz\"", 1),
        good.replacen("\"level\": \"none\"", "\"level\": 7", 1),
        good.replacen(
            "\"label\": \"SENTINEL-xyz\"",
            "\"label\": [\"SENTINEL-xyz\"]",
            1,
        ),
        good.replacen(
            "\"notes\": \"SENTINEL-xyz\"",
            "\"notes\": {\"SENTINEL\": 1}",
            1,
        ),
        format!("{good} \"SENTINEL-xyz\""),
    ];
    // Every prefix of the document: cut inside, before and after the text.
    for (cut, _) in good.char_indices().step_by(7) {
        broken.push(good[..cut].to_owned());
    }
    for json in &broken {
        let err = from_json::<Inventory>(json).unwrap_err();
        for shown in [format!("{err:?}"), err.to_string()] {
            assert!(!shown.contains("SENTINEL-xyz"), "{shown}");
            assert!(!shown.contains("SENTINEL xyz"), "{shown}");
        }
    }
}
