//! The interpersonal formulation: deterministic text, labels joined back in
//! from the inventory, every section present and in order, safety first, and
//! the two-area case.

// Test helpers outside #[test] functions may unwrap and index too.
use chrono::{Days, NaiveDate};
use interpersonal::{
    Assessment, Course, Engine, Formulation, Inventory, Phase, Phq9Score, ProblemArea,
    TreatmentContract,
    catalogue::PhaseTask,
    course::{FormulationPart, SessionRecord},
    from_json,
};

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

fn week(n: u64) -> NaiveDate {
    start() + Days::new(7 * (n - 1))
}

/// Depression that began after a divorce from Sam; a stalled dispute with
/// him since; a move in the same months.
fn divorce_inventory(suicidal_thoughts: bool) -> Inventory {
    from_json(&format!(
        r#"{{
      "schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
      "people": [
        {{"id": "ex", "label": "Sam", "relationship": "ex_partner",
          "expectations": {{"met": "unmet"}},
          "conflict": {{"level": "high", "visibility": "overt", "course": "stalled",
                        "began": "before_onset"}},
          "change_around_onset": "worse"}},
        {{"id": "sister", "label": "Maria", "relationship": "sibling", "closeness": "inner",
          "confidant": true, "supportive": true, "expectations": {{"met": "met"}},
          "change_around_onset": "better"}}
      ],
      "events": [
        {{"id": "divorce", "kind": "divorce", "date": "2025-12", "person": "ex",
          "linked_to_onset": true}},
        {{"id": "move", "kind": "relocation", "date": "2026-01", "linked_to_onset": true}}
      ],
      "social_context": {{"prior_functioning": "adequate"}},
      "safety": {{"suicidal_thoughts_reported": {suicidal_thoughts}}}
    }}"#
    ))
    .unwrap()
}

fn assess(inventory: &Inventory) -> Assessment {
    Engine::standard().unwrap().evaluate(inventory)
}

/// A course on `focus` with a PHQ-9 of `total` (item 9 `item9`) at session 1.
fn course(focus: &[ProblemArea], total: u8, item9: u8) -> Course {
    let contract = TreatmentContract::builder(start(), focus.iter().copied())
        .build()
        .unwrap();
    let mut c = Course::new(contract, Vec::new()).unwrap();
    let mut items = [0u8; 9];
    let mut rest = total - item9;
    for slot in items.iter_mut().take(8) {
        *slot = rest.min(3);
        rest -= *slot;
    }
    items[8] = item9;
    let phq9 = Phq9Score::from_scores(items).unwrap();
    c.record_session(
        SessionRecord::new(1, start(), Phase::Assessment).with_measure(phq9.measurement(start())),
    )
    .unwrap();
    c
}

fn parts(f: &Formulation) -> Vec<FormulationPart> {
    f.sections.iter().map(|s| s.part).collect()
}

#[test]
fn every_section_is_present_in_order_with_a_source() {
    let inventory = divorce_inventory(false);
    let assessment = assess(&inventory);
    let c = course(&[ProblemArea::RoleDispute], 14, 0);
    let f = Formulation::new(&c, &assessment, &inventory);
    assert_eq!(
        parts(&f),
        [
            FormulationPart::Opening,
            FormulationPart::Diagnosis,
            FormulationPart::SickRole,
            FormulationPart::ProblemArea,
            FormulationPart::TimeLimit,
            FormulationPart::AgreementCheck,
        ]
    );
    for s in &f.sections {
        assert!(!s.text.expose().is_empty(), "{}", s.part);
        assert!(!s.source.cites().is_empty(), "{}", s.part);
    }
    let text = |p| f.section(p).unwrap().text.expose().clone();
    assert!(text(FormulationPart::Opening).contains("Can I tell you"));
    // The crate names no diagnosis; the severity comes from the measure.
    let diagnosis = text(FormulationPart::Diagnosis);
    assert!(
        diagnosis.contains("[the clinician's diagnosis]"),
        "{diagnosis}"
    );
    assert!(
        diagnosis.contains("depression of moderate severity (PHQ-9 14 on 2026-03-02)"),
        "{diagnosis}"
    );
    assert!(!diagnosis.to_lowercase().contains("major depression"));
    assert!(text(FormulationPart::SickRole).contains("not your fault"));
    let time = text(FormulationPart::TimeLimit);
    assert!(
        time.contains("12 weekly sessions of 50 minutes, from 2026-03-02 to 2026-05-18"),
        "{time}"
    );
    assert!(
        time.contains("\"disputes\"") || time.contains("disputes"),
        "{time}"
    );
    assert!(text(FormulationPart::AgreementCheck).ends_with('?'));
}

#[test]
fn labels_are_joined_back_in_from_the_inventory() {
    let inventory = divorce_inventory(false);
    let assessment = assess(&inventory);
    let c = course(&[ProblemArea::RoleDispute], 14, 0);
    let f = Formulation::new(&c, &assessment, &inventory);
    let area = f
        .section(FormulationPart::ProblemArea)
        .unwrap()
        .text
        .expose();
    assert!(area.contains("your divorce from Sam"), "{area}");
    assert!(
        area.contains("you and Sam expect different things"),
        "{area}"
    );
    assert!(area.contains("\"disputes\""), "{area}");
    // The dispute's stage, from the assessment, in plain words.
    assert!(area.contains("got stuck"), "{area}");
    // Maria is not part of the dispute.
    assert!(!area.contains("Maria"), "{area}");
    // No patient text in Debug output.
    assert!(!format!("{f:?}").contains("Sam"));
}

#[test]
fn the_text_is_deterministic() {
    let inventory = divorce_inventory(false);
    let assessment = assess(&inventory);
    let c = course(
        &[ProblemArea::RoleDispute, ProblemArea::RoleTransition],
        18,
        0,
    );
    let a = Formulation::new(&c, &assessment, &inventory);
    // Rebuilt from JSON copies of every input: byte for byte the same.
    let inventory2: Inventory = from_json(&serde_json::to_string(&inventory).unwrap()).unwrap();
    let c2: Course = from_json(&serde_json::to_string(&c).unwrap()).unwrap();
    let assessment2 = assess(&inventory2);
    let b = Formulation::new(&c2, &assessment2, &inventory2);
    assert_eq!(a, b);
    assert_eq!(a.to_string(), b.to_string());
    let back: Formulation = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
    assert_eq!(back, a);
}

#[test]
fn two_areas_are_both_named_and_chosen_together() {
    let inventory = divorce_inventory(false);
    let assessment = assess(&inventory);
    let c = course(
        &[ProblemArea::RoleDispute, ProblemArea::RoleTransition],
        18,
        0,
    );
    let f = Formulation::new(&c, &assessment, &inventory);
    let area = f.section(FormulationPart::ProblemArea).unwrap();
    let text = area.text.expose();
    assert!(text.contains("\"disputes\" and \"life changes\""), "{text}");
    assert!(
        text.contains("decide together which one to work on first"),
        "{text}"
    );
    assert_eq!(area.source.to_string(), "Markowitz & Weissman 2012, ch. 17");
    // The onset is told once.
    assert_eq!(
        text.matches("began around the time of").count(),
        1,
        "{text}"
    );
    let time = f.section(FormulationPart::TimeLimit).unwrap().text.expose();
    assert!(time.contains("disputes and life changes"), "{time}");
}

#[test]
fn a_safety_flag_comes_first() {
    let inventory = divorce_inventory(false);
    let assessment = assess(&inventory);
    let c = course(&[ProblemArea::RoleDispute], 18, 2);
    let f = Formulation::new(&c, &assessment, &inventory);
    assert_eq!(parts(&f)[0], FormulationPart::Safety);
    let text = f.to_string();
    let first_paragraph = text.split("\n\n").nth(1).unwrap();
    assert!(first_paragraph.starts_with("SAFETY FIRST"), "{text}");
    assert!(first_paragraph.contains("PHQ-9 item 9 scored 2"), "{text}");

    // A suicidal thought in the inventory reaches the formulation through the
    // assessment's critical advisory.
    let inventory = divorce_inventory(true);
    let assessment = assess(&inventory);
    let c = course(&[ProblemArea::RoleDispute], 14, 0);
    let f = Formulation::new(&c, &assessment, &inventory);
    assert_eq!(parts(&f)[0], FormulationPart::Safety);
}

#[test]
fn severity_is_the_latest_score_by_the_day_the_formulation_is_presented() {
    let inventory = divorce_inventory(false);
    let assessment = assess(&inventory);
    let mut c = course(&[ProblemArea::RoleDispute], 18, 0);
    for task in Phase::Assessment.tasks() {
        c.complete_task(*task, week(1)).unwrap();
    }
    c.advance_phase(week(2)).unwrap();
    c.complete_task(PhaseTask::PresentFormulation, week(2))
        .unwrap();
    c.record_session(SessionRecord::new(2, week(2), Phase::GoalSetting))
        .unwrap();
    // A later, lower score does not change what was presented.
    c.record_measurement(
        Phq9Score::from_scores([1, 1, 1, 1, 0, 0, 0, 0, 0])
            .unwrap()
            .measurement(week(5)),
    )
    .unwrap();
    let f = Formulation::new(&c, &assessment, &inventory);
    let diagnosis = f.section(FormulationPart::Diagnosis).unwrap().text.expose();
    assert!(
        diagnosis.contains("moderately severe depression (PHQ-9 18"),
        "{diagnosis}"
    );

    // Without any score, the text asks for one instead of guessing.
    let contract = TreatmentContract::builder(start(), [ProblemArea::Grief])
        .agreed_on(week(3))
        .build()
        .unwrap();
    let bare = Course::new(contract, Vec::new()).unwrap();
    let f = Formulation::new(&bare, &assessment, &inventory);
    let diagnosis = f.section(FormulationPart::Diagnosis).unwrap().text.expose();
    assert!(
        diagnosis.contains("No PHQ-9 or HAM-D-17 score"),
        "{diagnosis}"
    );
    let agreement = f
        .section(FormulationPart::AgreementCheck)
        .unwrap()
        .text
        .expose();
    assert!(agreement.contains("agreed on 2026-03-16"), "{agreement}");
}

/// The formulation names as linked to the episode only what the clinician
/// links, or what the assessment linked by its dates when the link is
/// unknown: never an event marked not linked, whatever its date (issue 8).
/// A PHQ-9 in the lowest band reads as minimal or no symptoms.
#[test]
fn an_event_marked_not_linked_is_never_named_as_linked() {
    let mut inventory = divorce_inventory(false);
    // The move, in the onset window, is marked not linked.
    inventory.events[1].linked_to_onset = interpersonal::inventory::OnsetLink::NotLinked;
    let assessment = assess(&inventory);
    let c = course(&[ProblemArea::RoleTransition], 3, 0);
    let text = Formulation::new(&c, &assessment, &inventory).to_string();
    assert!(text.contains("your divorce from Sam"), "{text}");
    assert!(!text.contains("relocation"), "{text}");
    assert!(text.contains("minimal or absent"), "{text}");
    assert!(!text.contains("minimal severity"), "{text}");
}

/// An inventory that does not say whether suicidal thoughts were asked about
/// puts the missing safety screen first in the formulation (issue 8, CLINICAL-BASIS.md §9).
#[test]
fn a_safety_screen_not_asked_comes_first_in_the_formulation() {
    let mut inventory = divorce_inventory(false);
    inventory.safety = Default::default();
    let assessment = assess(&inventory);
    let c = course(&[ProblemArea::RoleTransition], 12, 0);
    let f = Formulation::new(&c, &assessment, &inventory);
    assert_eq!(parts(&f)[0], FormulationPart::Safety);
    assert!(
        f.sections[0]
            .text
            .expose()
            .contains("safety screen is missing")
    );
}
