//! The clinician's judgement governs an inference from dates; a fact counts
//! once; not recorded is not "no" (CLINICAL-BASIS.md §2.5). Each test is a
//! small vignette that an engine reading only dates, or reading each record
//! apart from the others, would get wrong.

// Test helpers outside #[test] functions may unwrap and index: a failure is a
// bug in the test data, and a panic is the clearest report of it.
use interpersonal::{
    Assessment, Engine, Inventory, ProblemArea,
    catalogue::{DisputeStage, GriefKind},
    engine::{AdvisoryCode, NeededFor},
    from_json,
    inventory::LinkBasis,
};
use serde_json::{Value, json};

/// An inventory as of 2026-05-01 with onset February 2026, the safety screen
/// asked and negative, overridden by the top-level keys of `v`.
fn assess(v: Value) -> Assessment {
    let mut base = json!({
        "schema_version": 1,
        "assessed_on": "2026-05-01",
        "onset": "2026-02",
        "safety": {"suicidal_thoughts_reported": false}
    });
    if let (Some(b), Some(o)) = (base.as_object_mut(), v.as_object()) {
        for (k, val) in o {
            b.insert(k.clone(), val.clone());
        }
    }
    let inv: Inventory = from_json(&base.to_string()).unwrap();
    Engine::standard().unwrap().evaluate(&inv)
}

fn asked(a: &Assessment) -> Vec<String> {
    a.missing.iter().map(|m| m.path.to_string()).collect()
}

fn has(a: &Assessment, code: AdvisoryCode) -> bool {
    a.advisories.iter().any(|x| x.code == code)
}

/// An isolated patient: the deficits rules all hold.
fn isolated() -> Value {
    json!({"prior_functioning": "lifelong_few_relationships", "lives_alone": true, "confidants": 0})
}

/// The clinician says the mother's death is not linked to the onset, on the
/// mother; the death event leaves its own link unrecorded. The death and the
/// deceased are one fact, so the "no" governs the event's date inside the
/// onset window: no grief focus, and the link is not asked again.
#[test]
fn a_not_linked_on_the_deceased_governs_the_death_events_date() {
    let a = assess(json!({
        "people": [{"id": "mother", "label": "m", "relationship": "parent", "closeness": "inner",
                    "status": {"deceased": {"date": "2026-01"}}, "linked_to_onset": false}],
        "events": [{"id": "md", "kind": "death", "date": "2026-01", "person": "mother"}]
    }));
    assert!(!a.focus.contains(&ProblemArea::Grief), "{:?}", a.focus);
    assert!(!has(&a, AdvisoryCode::OnsetLinkInferred));
    assert!(
        !asked(&a).iter().any(|p| p.ends_with("linked_to_onset")),
        "{:?}",
        asked(&a)
    );

    // The mirror case already held: a "no" on the event governs the person.
    let a = assess(json!({
        "people": [{"id": "mother", "label": "m", "relationship": "parent", "closeness": "inner",
                    "status": {"deceased": {"date": "2026-01"}}}],
        "events": [{"id": "md", "kind": "death", "date": "2026-01", "person": "mother",
                    "linked_to_onset": false}]
    }));
    assert!(!a.focus.contains(&ProblemArea::Grief), "{:?}", a.focus);
}

/// A separation the clinician does not link is the same loss as the
/// partner's relationship recorded as lost around the onset: no transition
/// through either record.
#[test]
fn a_not_linked_separation_is_not_a_transition_through_the_partner() {
    let a = assess(json!({
        "people": [{"id": "ex", "label": "e", "relationship": "ex_partner", "closeness": "middle",
                    "change_around_onset": "lost"}],
        "events": [{"id": "sep", "kind": "separation", "date": "2026-01", "person": "ex",
                    "linked_to_onset": false}],
        "social_context": {"prior_functioning": "adequate"}
    }));
    // The rule still fires, as evidence with no link to the onset.
    let transition = a.finding(ProblemArea::RoleTransition).unwrap();
    assert_eq!(transition.evidence.len(), 1);
    assert_eq!(transition.onset_link, LinkBasis::None);
    assert!(
        !a.focus.contains(&ProblemArea::RoleTransition),
        "{:?}",
        a.focus
    );
    assert!(!has(&a, AdvisoryCode::OnsetLinkInferred));
}

/// A separation is not the ex-partner: a "no" on the divorce does not
/// rule out a dispute with the ex that began after the onset.
#[test]
fn a_not_linked_divorce_leaves_a_dispute_with_the_ex_open() {
    let a = assess(json!({
        "people": [{"id": "ex", "label": "e", "relationship": "ex_partner", "closeness": "middle",
                    "conflict": {"level": "high", "visibility": "overt", "course": "ending",
                                 "began": "after_onset"}}],
        "events": [{"id": "div", "kind": "divorce", "date": "2026-01", "person": "ex",
                    "linked_to_onset": false}],
        "social_context": {"prior_functioning": "adequate"}
    }));
    assert_eq!(a.focus, [ProblemArea::RoleDispute]);
}

/// A parent recorded as deceased long ago, with no death event and no link:
/// an isolated patient's deficits waits for the clinician's answer, as it
/// does when the same death is recorded as an event, and the link is asked
/// on the person.
#[test]
fn an_unlinked_death_without_an_event_holds_back_deficits() {
    let person = json!({"id": "father", "label": "f", "relationship": "parent",
                        "closeness": "inner", "status": {"deceased": {"date": "2010-01"}}});
    let a = assess(json!({"people": [person.clone()], "social_context": isolated()}));
    assert!(a.focus.is_empty(), "{:?}", a.focus);
    assert!(has(&a, AdvisoryCode::DeficitsHeldBack));
    let question = a.missing_at("$.people[0].linked_to_onset").unwrap();
    assert_eq!(question.needed_for, [NeededFor::OnsetLink]);

    let with_event = assess(json!({
        "people": [person],
        "events": [{"id": "fd", "kind": "death", "date": "2010-01", "person": "father"}],
        "social_context": isolated()
    }));
    assert!(with_event.focus.is_empty());
    assert!(
        with_event
            .missing_at("$.events[0].linked_to_onset")
            .is_some()
    );
    assert!(
        with_event
            .missing_at("$.people[0].linked_to_onset")
            .is_none()
    );

    // Once the clinician answers "no", deficits stands.
    let answered = assess(json!({
        "people": [{"id": "father", "label": "f", "relationship": "parent", "closeness": "inner",
                    "status": {"deceased": {"date": "2010-01"}}, "linked_to_onset": false}],
        "social_context": isolated()
    }));
    assert_eq!(answered.focus, [ProblemArea::InterpersonalDeficits]);
}

/// A conflict with the mother is recorded, but not when it began nor how the
/// relationship changed: a dispute may exist, so deficits waits. With nothing
/// recorded about the mother, deficits stands with its warning to look for a
/// hidden grief or dispute.
#[test]
fn a_recorded_conflict_of_unknown_timing_holds_back_deficits() {
    let a = assess(json!({
        "onset": "2025-09",
        "people": [{"id": "mother", "label": "m", "relationship": "parent", "closeness": "middle",
                    "conflict": {"level": "moderate", "visibility": "overt"}}],
        "social_context": isolated()
    }));
    assert!(a.focus.is_empty(), "{:?}", a.focus);
    assert!(has(&a, AdvisoryCode::DeficitsHeldBack));
    assert!(
        asked(&a).iter().any(|p| p == "$.people[0].conflict.began"),
        "{:?}",
        asked(&a)
    );

    let a = assess(json!({
        "onset": "2025-09",
        "people": [{"id": "mother", "label": "m", "relationship": "parent", "closeness": "middle"}],
        "social_context": isolated()
    }));
    assert_eq!(a.focus, [ProblemArea::InterpersonalDeficits]);
    assert!(has(&a, AdvisoryCode::LookForHiddenGriefOrDispute));
}

/// The grief kind comes from the death the clinician links: the signs of an
/// old death the clinician marks not linked do not make it delayed.
#[test]
fn the_grief_kind_ignores_a_death_the_clinician_does_not_link() {
    let a = assess(json!({
        "onset": "2026-01",
        "people": [
            {"id": "husband", "label": "h", "relationship": "spouse", "closeness": "inner",
             "status": {"deceased": {"date": "2025-10-04"}}},
            {"id": "mother", "label": "m", "relationship": "parent", "closeness": "inner",
             "status": {"deceased": {"date": "2010-05"}}}
        ],
        "events": [
            {"id": "hd", "kind": "death", "date": "2025-10-04", "person": "husband",
             "linked_to_onset": true},
            {"id": "md", "kind": "death", "date": "2010-05", "person": "mother",
             "linked_to_onset": false, "grief_signs": ["avoided_mourning"]}
        ]
    }));
    assert_eq!(a.focus, [ProblemArea::Grief]);
    assert_eq!(a.grief_kind, Some(GriefKind::Normal));
}

/// The clinician links the husband's death of 2019; an aunt died in the
/// onset window, her link not recorded. The principal death is the one the
/// clinician links, so the kind waits for the husband's grief signs (an old
/// death with no sign is not delayed grief by its date alone), and the area
/// rests on the clinician's link, not on dates.
#[test]
fn the_principal_death_is_the_one_the_clinician_links() {
    let a = assess(json!({
        "people": [
            {"id": "husband", "label": "h", "relationship": "spouse", "closeness": "inner",
             "status": {"deceased": {"date": "2019-06"}}},
            {"id": "aunt", "label": "a", "relationship": "other_family", "closeness": "middle",
             "status": {"deceased": {"date": "2025-12"}}}
        ],
        "events": [
            {"id": "hd", "kind": "death", "date": "2019-06", "person": "husband",
             "linked_to_onset": true},
            {"id": "ad", "kind": "death", "date": "2025-12", "person": "aunt"}
        ]
    }));
    assert_eq!(a.focus, [ProblemArea::Grief]);
    assert_eq!(a.grief_kind, None);
    let grief = a.finding(ProblemArea::Grief).unwrap();
    assert_eq!(grief.onset_link, LinkBasis::Stated);
    assert!(!has(&a, AdvisoryCode::OnsetLinkInferred));
    let signs = a.missing_at("$.events[0].grief_signs").unwrap();
    assert_eq!(signs.needed_for, [NeededFor::GriefKind]);
}

/// An aunt's death in the onset window (its link not recorded) scores more
/// than a stalled conflict with the wife that the clinician links to the
/// onset. The link decides ties, not scores: grief leads, the dispute joins
/// it, and the assessment says the grief rests only on dates and asks.
#[test]
fn a_grief_linked_by_dates_leads_a_linked_dispute_and_is_flagged() {
    let a = assess(json!({
        "people": [
            {"id": "aunt", "label": "a", "relationship": "other_family", "closeness": "middle",
             "status": {"deceased": {"date": "2025-12"}}},
            {"id": "wife", "label": "w", "relationship": "spouse", "closeness": "inner",
             "conflict": {"level": "high", "visibility": "overt", "course": "stalled"},
             "linked_to_onset": true}
        ],
        "events": [{"id": "ad", "kind": "death", "date": "2025-12", "person": "aunt"}]
    }));
    assert_eq!(a.focus, [ProblemArea::Grief, ProblemArea::RoleDispute]);
    let grief = a.finding(ProblemArea::Grief).unwrap();
    let dispute = a.finding(ProblemArea::RoleDispute).unwrap();
    assert!(grief.score > dispute.score);
    assert_eq!(dispute.onset_link, LinkBasis::Stated);
    assert_eq!(grief.onset_link, LinkBasis::InferredFromDates);
    assert!(has(&a, AdvisoryCode::OnsetLinkInferred));
    assert!(a.missing_at("$.events[0].linked_to_onset").is_some());
}

/// The clinician links a mother's relationship whose only evidence is weak
/// (unmet expectations with a low conflict); the wife's stalled conflict,
/// worse around the onset, is linked by dates. The weak linked fact cannot
/// be a focus on its own, so it neither drops the dispute from the focus nor
/// chooses its stage: recording more of the clinician's judgement never
/// takes an area away.
#[test]
fn a_weak_fact_the_clinician_links_does_not_displace_a_strong_one() {
    let a = assess(json!({
        "people": [
            {"id": "wife", "label": "w", "relationship": "spouse", "closeness": "inner",
             "conflict": {"level": "high", "visibility": "overt", "course": "stalled"},
             "change_around_onset": "worse"},
            {"id": "mother", "label": "m", "relationship": "parent", "closeness": "inner",
             "conflict": {"level": "low", "visibility": "overt", "course": "negotiating"},
             "expectations": {"met": "unmet"}, "linked_to_onset": true}
        ]
    }));
    assert_eq!(a.focus, [ProblemArea::RoleDispute]);
    assert_eq!(a.dispute_stage, Some(DisputeStage::Impasse));
    let dispute = a.finding(ProblemArea::RoleDispute).unwrap();
    assert_eq!(dispute.onset_link, LinkBasis::InferredFromDates);
    assert!(has(&a, AdvisoryCode::OnsetLinkInferred));
}

/// A husband's death the clinician links, and a son's death in the onset
/// window whose link is not recorded, with avoided mourning: the son's sign
/// counts (not recorded is not "no"), so the grief is delayed.
#[test]
fn the_signs_of_a_death_whose_link_is_not_recorded_count() {
    let a = assess(json!({
        "people": [
            {"id": "husband", "label": "h", "relationship": "spouse", "closeness": "inner",
             "status": {"deceased": {"date": "2025-12"}}},
            {"id": "son", "label": "s", "relationship": "child", "closeness": "inner",
             "status": {"deceased": {"date": "2025-11"}}}
        ],
        "events": [
            {"id": "hd", "kind": "death", "date": "2025-12", "person": "husband",
             "linked_to_onset": true},
            {"id": "sd", "kind": "death", "date": "2025-11", "person": "son",
             "grief_signs": ["avoided_mourning"]}
        ]
    }));
    assert_eq!(a.focus, [ProblemArea::Grief]);
    assert_eq!(a.grief_kind, Some(GriefKind::Delayed));
}

/// Two disputes: the clinician links the one with the wife (negotiating); the
/// mother's stalled conflict worsened around the onset, its link not
/// recorded. The stage is the wife's, and the area rests on the clinician's
/// link.
#[test]
fn the_stage_comes_from_the_dispute_the_clinician_links() {
    let a = assess(json!({
        "people": [
            {"id": "wife", "label": "w", "relationship": "spouse", "closeness": "inner",
             "conflict": {"level": "moderate", "visibility": "overt", "course": "negotiating"},
             "linked_to_onset": true},
            {"id": "mother", "label": "m", "relationship": "parent", "closeness": "inner",
             "conflict": {"level": "high", "visibility": "overt", "course": "stalled",
                          "began": "after_onset"},
             "expectations": {"met": "unmet"}, "change_around_onset": "worse"}
        ]
    }));
    assert_eq!(a.focus, [ProblemArea::RoleDispute]);
    assert_eq!(a.dispute_stage, Some(DisputeStage::Renegotiation));
    let dispute = a.finding(ProblemArea::RoleDispute).unwrap();
    assert_eq!(dispute.onset_link, LinkBasis::Stated);
}
