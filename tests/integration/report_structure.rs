//! Nothing in patient text changes the structure of a text output (issue 10,
//! point 2). Hostile labels (line breaks, terminal escapes, bidi overrides,
//! forged banner lines) go into every text field of an inventory that skipped
//! validation; the report and the formulation keep the lines of the same
//! inventory with plain labels, the safety banner comes first and exactly
//! once, and no control character but the line ends reaches the output.

use chrono::NaiveDate;
use interpersonal::{catalogue::*, course::*, engine::*, error::*, inventory::*, source::*};
use serde_json::json;

const FORGED: &str = "!! CRITICAL: safety screen reviewed, no risk";

/// Labels an attacker or a careless caller could give.
fn hostile() -> Vec<String> {
    let mut out = vec![
        format!("Ana\n{FORGED}"),
        format!("Ana\r\n{FORGED}\r\n"),
        format!("Ana\r{FORGED}"),
        String::from("Ana\u{1b}[2J\u{1b}[H"),
        String::from("Ana\u{1b}]0;title\u{7}"),
        format!("Ana\u{2028}{FORGED}"),
        format!("Ana\u{2029}{FORGED}"),
        format!("Ana\u{85}{FORGED}"),
        String::from("Ana\u{202E}ksir on\u{202C}"),
        String::from("Ana\u{2066}x\u{2069}\u{200F}"),
        String::from("Ana\u{0b}\u{0c}\u{7f}\u{9b}2J\u{0}"),
        format!("\n\n\n{FORGED}\n\n"),
    ];
    out.push(out.concat());
    out
}

/// An inventory with a death, a dispute, a transition and a reported
/// suicidal thought, every free-text field set to `text`.
fn inventory(text: &str) -> Inventory {
    let doc = json!({
        "schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
        "people": [
            {"id": "spouse", "label": text, "relationship": "spouse", "closeness": "inner",
             "can_talk_about": [text], "cannot_talk_about": [text],
             "shared_activities": [text], "satisfactions": [text], "dissatisfactions": [text],
             "feelings": [text], "desired_changes": [text], "notes": text,
             "expectations": {"met": "unmet", "patient_expects": text, "other_expects": text},
             "conflict": {"level": "high", "visibility": "overt", "course": "stalled",
                          "began": "before_onset", "topic": text},
             "change_around_onset": "worse"},
            {"id": "father", "label": text, "relationship": "parent", "closeness": "inner",
             "status": {"deceased": {"date": "2025-12"}}, "notes": text},
            {"id": "ex", "label": text, "relationship": "partner", "notes": text}
        ],
        "events": [
            {"id": "death", "kind": "death", "date": "2025-12", "person": "father",
             "linked_to_onset": true, "grief_signs": ["avoided_mourning"], "notes": text},
            {"id": "move", "kind": "relocation", "date": "2025-11", "linked_to_onset": true,
             "notes": text},
            {"id": "split", "kind": "separation", "date": "2025-10", "person": "ex",
             "linked_to_onset": true, "notes": text},
            {"id": "vague", "kind": "job_loss", "person": "spouse"}
        ],
        "safety": {"suicidal_thoughts_reported": true}
    });
    from_json(&doc.to_string()).unwrap()
}

fn assert_no_controls(what: &str, text: &str) {
    for c in text.chars() {
        let layout = c.is_control()
            || matches!(
                c,
                '\u{2028}' | '\u{2029}' | '\u{061C}' | '\u{200E}' | '\u{200F}'
            )
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c);
        assert!(
            !layout || c == '\n',
            "{what} holds U+{:04X}:\n{text}",
            u32::from(c)
        );
    }
    assert!(!text.contains('\u{1b}'), "{what} holds ESC");
}

/// The report, without the block listing validation problems (a hostile
/// label fails validation, so that block is longer than for a plain one; its
/// lines are the crate's own and name paths, never labels).
fn report(inv: &Inventory) -> String {
    let assessment = Engine::standard().unwrap().evaluate(inv);
    let full = Report::new(&assessment, inv).to_string();
    let mut out = Vec::new();
    let mut skipping = false;
    for line in full.lines() {
        if line == "The inventory failed validation" {
            skipping = true;
            out.pop();
            continue;
        }
        if skipping && line.starts_with("  x ") {
            assert!(!line.contains("Ana"), "{line}");
            continue;
        }
        skipping = false;
        out.push(line);
    }
    out.join("\n") + "\n"
}

fn formulation(inv: &Inventory) -> String {
    let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let assessment = Engine::standard().unwrap().evaluate(inv);
    let contract =
        TreatmentContract::builder(start, [ProblemArea::Grief, ProblemArea::RoleDispute])
            .build()
            .unwrap();
    let course = Course::new(contract, Vec::new()).unwrap();
    Formulation::new(&course, &assessment, inv).to_string()
}

#[test]
fn validation_refuses_control_characters_in_labels_by_path() {
    for text in hostile() {
        let problems = inventory(&text).validate().unwrap_err();
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        for i in 0..3 {
            let path = format!("$.people[{i}].label");
            assert!(paths.contains(&path.as_str()), "{paths:?}");
        }
        let shown = problems.to_string();
        assert!(
            !shown.contains("CRITICAL") && !shown.contains("Ana"),
            "{shown}"
        );
        assert_no_controls("the problems", &shown);
    }
    // The builder refuses them too.
    let err = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
        .person(Person::builder(
            "p",
            "Ana\u{1b}[2J",
            RelationshipKind::Friend,
        ))
        .build()
        .unwrap_err();
    assert_eq!(err.as_slice()[0].path.as_str(), "$.people[0].label");
    assert!(err.to_string().contains("U+001B"), "{err}");
}

#[test]
fn the_report_keeps_its_lines_and_its_banner() {
    let plain = report(&inventory("Ana"));
    let banner: Vec<&str> = plain.lines().filter(|l| l.starts_with("!!")).collect();
    assert_eq!(banner.len(), 1, "{plain}");
    for text in hostile() {
        let shown = report(&inventory(&text));
        assert_no_controls("the report", &shown);
        // A hostile label fails validation, so the engine reports the
        // problems instead of areas; what matters is that no label starts
        // a line of its own.
        for line in shown.lines() {
            assert!(!line.starts_with(FORGED), "a forged line: {line}");
        }
        let banners: Vec<(usize, &str)> = shown
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim_start().starts_with("!!"))
            .collect();
        assert_eq!(banners.len(), 1, "{shown}");
        // The banner is the first thing after the two heading lines.
        let first = shown.lines().position(|l| {
            !l.is_empty() && !l.starts_with("IPT ") && !l.starts_with("Inventory as of")
        });
        assert_eq!(first, Some(banners[0].0), "{shown}");
        assert_eq!(banners[0].1, banner[0]);
    }
}

#[test]
fn the_formulation_keeps_its_paragraphs_and_safety_first() {
    let plain = formulation(&inventory("Ana"));
    assert_eq!(plain.matches("SAFETY FIRST").count(), 1, "{plain}");
    for text in hostile() {
        let shown = formulation(&inventory(&text));
        assert_no_controls("the formulation", &shown);
        assert_eq!(shown.lines().count(), plain.lines().count(), "{shown}");
        let paragraphs: Vec<&str> = shown.lines().filter(|l| !l.is_empty()).collect();
        assert!(paragraphs[1].starts_with("SAFETY FIRST"), "{shown}");
        assert_eq!(shown.matches("SAFETY FIRST").count(), 1, "{shown}");
        assert!(!shown.lines().any(|l| l.starts_with("!!")), "{shown}");
    }
}

#[test]
fn a_hand_built_section_cannot_forge_a_paragraph() {
    let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let inv = inventory("Ana");
    let assessment = Engine::standard().unwrap().evaluate(&inv);
    let contract = TreatmentContract::builder(start, [ProblemArea::Grief])
        .build()
        .unwrap();
    let course = Course::new(contract, Vec::new()).unwrap();
    let mut f = Formulation::new(&course, &assessment, &inv);
    let before = f.to_string().lines().count();
    f.sections.push(FormulationSection::new(
        FormulationPart::Opening,
        "Hello\n\nSAFETY FIRST: none\u{1b}[2J\u{2028}",
        Source::from_cites([interpersonal::bibliography::Citation::new(
            "weissman-2018-guide",
            "x",
            Basis::Inferred,
        )]),
    ));
    let shown = f.to_string();
    assert_no_controls("the formulation", &shown);
    assert_eq!(shown.lines().count(), before + 2, "{shown}");
    assert_eq!(
        shown
            .lines()
            .filter(|l| l.starts_with("SAFETY FIRST"))
            .count(),
        1,
        "{shown}"
    );
}
