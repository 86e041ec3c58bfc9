//! The clinical cases in `tests/cases/` are valid inventories.
//!
//! `clinical_cases.rs` runs the rule engine on these cases; this file only
//! checks that every case parses with [`interpersonal::from_json`], survives a
//! JSON round trip, and is internally consistent (ids unique, events point at
//! listed people, a deceased person has a death event on the same date, no date
//! after the assessment), so that an engine failure on a case is never a typo in
//! the case.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use interpersonal::{
    Inventory,
    date::EpisodeOnset,
    from_json,
    inventory::{EventKind, PersonStatus},
};

use crate::support::cases::CASES;

/// Cases that deliberately list nobody.
const EMPTY_CASES: &[&str] = &["empty_inventory", "safety_no_focus"];

fn parse(name: &str, json: &str) -> Inventory {
    from_json::<Inventory>(json).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn every_case_parses() {
    for (name, json) in CASES {
        let inv = parse(name, json);
        assert_eq!(inv.schema_version, 1, "{name}");
    }
}

#[test]
fn the_list_names_every_file_in_the_cases_folder() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let on_disk: BTreeSet<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|f| f.ends_with(".json"))
        .map(|f| f.trim_end_matches(".json").to_owned())
        .collect();
    let listed: BTreeSet<String> = CASES.iter().map(|(n, _)| (*n).to_owned()).collect();
    assert_eq!(on_disk, listed);
    assert!(listed.len() >= 18);
}

#[test]
fn every_case_survives_a_json_round_trip() {
    for (name, json) in CASES {
        let inv = parse(name, json);
        let again: Inventory = from_json(&serde_json::to_string(&inv).unwrap()).unwrap();
        assert_eq!(inv, again, "{name}");
    }
}

#[test]
fn cases_are_dated_2025_to_2026_and_nothing_happens_after_the_assessment() {
    for (name, json) in CASES {
        let inv = parse(name, json);
        assert!(
            (day(2025, 1, 1)..=day(2026, 12, 31)).contains(&inv.assessed_on),
            "{name}: assessed_on"
        );
        if let EpisodeOnset::Known(onset) = inv.onset {
            assert!(onset.latest() <= inv.assessed_on, "{name}: onset");
        }
        for e in &inv.events {
            if let Some(d) = e.date {
                assert!(d.earliest() <= inv.assessed_on, "{name}: {}", e.id);
            }
        }
        for p in &inv.people {
            if let PersonStatus::Deceased { date: Some(d) } = p.status {
                assert!(d.earliest() <= inv.assessed_on, "{name}: {}", p.id);
            }
        }
    }
}

#[test]
fn ids_are_unique_and_events_name_listed_people() {
    for (name, json) in CASES {
        let inv = parse(name, json);
        let people: BTreeSet<_> = inv.people.iter().map(|p| p.id.clone()).collect();
        assert_eq!(
            people.len(),
            inv.people.len(),
            "{name}: duplicate person id"
        );
        let events: BTreeSet<_> = inv.events.iter().map(|e| e.id.clone()).collect();
        assert_eq!(events.len(), inv.events.len(), "{name}: duplicate event id");
        for e in &inv.events {
            if let Some(p) = &e.person {
                assert!(people.contains(p), "{name}: {} names {p}", e.id);
            }
        }
    }
}

#[test]
fn deaths_and_deceased_people_agree() {
    for (name, json) in CASES {
        let inv = parse(name, json);
        for p in inv.people.iter().filter(|p| p.status.is_deceased()) {
            let death = inv
                .events
                .iter()
                .find(|e| e.kind == EventKind::Death && e.person.as_ref() == Some(&p.id))
                .unwrap_or_else(|| panic!("{name}: no death event for {}", p.id));
            if let PersonStatus::Deceased { date } = p.status {
                assert_eq!(date, death.date, "{name}: {}", p.id);
            }
        }
        for e in inv.events.iter().filter(|e| e.kind.is_death()) {
            let who = e.person.as_ref().unwrap();
            assert!(
                inv.person(who).unwrap().status.is_deceased(),
                "{name}: {who}"
            );
        }
        for e in inv.events.iter().filter(|e| !e.kind.is_death()) {
            assert!(e.grief_signs.is_empty(), "{name}: grief signs on {}", e.id);
        }
    }
}

#[test]
fn every_event_the_patient_links_precedes_the_onset() {
    for (name, json) in CASES {
        let inv = parse(name, json);
        let Some(onset) = inv.onset.date() else {
            continue;
        };
        for e in inv
            .events
            .iter()
            .filter(|e| e.linked_to_onset == interpersonal::inventory::OnsetLink::Linked)
        {
            let d = e
                .date
                .unwrap_or_else(|| panic!("{name}: {} has no date", e.id));
            assert!(d.earliest() <= onset.latest(), "{name}: {}", e.id);
        }
    }
}

#[test]
fn cases_list_three_to_ten_people_unless_deliberately_empty() {
    for (name, json) in CASES {
        let inv = parse(name, json);
        if EMPTY_CASES.contains(name) {
            assert!(inv.people.is_empty() && inv.events.is_empty(), "{name}");
        } else {
            assert!((3..=10).contains(&inv.people.len()), "{name}");
        }
    }
}

#[test]
fn a_case_with_an_unknown_field_is_refused_with_its_path() {
    // The cases rely on the schema refusing unknown fields, so a misspelt field
    // in a case can never be silently ignored.
    let (_, json) = CASES
        .iter()
        .find(|(n, _)| *n == "grief_normal_spouse")
        .unwrap();
    let misspelt = json.replacen("\"linked_to_onset\"", "\"linked_to_onsett\"", 1);
    let err = from_json::<Inventory>(&misspelt).unwrap_err();
    assert_eq!(err.path.as_str(), "$.events[0].linked_to_onsett");
}
