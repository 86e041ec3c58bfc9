//! An assessment as CDS Hooks cards.

use std::fmt::Write as _;

use super::card::{Card, CardSource, CardUuid, SUMMARY_MAX_CHARS};
use crate::engine::{AdvisoryCode, Assessment, Indicator};
use crate::source::Source;

/// The label of the source of cards the crate writes itself (the focus and
/// missing-facts cards): the rule set that made the assessment.
fn rule_set_source(assessment: &Assessment) -> CardSource {
    CardSource {
        label: format!(
            "interpersonal rule set {} {}",
            assessment.rule_set.id.as_str(),
            assessment.rule_set.version
        ),
        url: None,
    }
}

/// An assessment as CDS Hooks 2.0 cards, in this order:
///
/// 1. the safety card, when the patient reported suicidal thoughts: always
///    first and always `critical`, whatever the rule set says;
/// 2. every other advisory, in the assessment's order, with its own indicator
///    and source;
/// 3. one card per suggested focus area (`info`): the area, its confidence and
///    score, and in the detail each piece of evidence with its rule and source;
/// 4. when facts are missing, one `info` card listing their JSON paths (in the
///    inventory) and how many rules each held back.
///
/// `uuid` is called once per card, in order: the crate has no randomness, so
/// the caller makes the uuids (a v4 uuid per card, as a CDS Service would).
/// A summary longer than [`SUMMARY_MAX_CHARS`] is cut with `…` and given in
/// full in the detail. Patient text is never in a card, nor are person or
/// event ids.
///
/// ```
/// use interpersonal::{cds_hooks, engine::Indicator, from_json, Engine, Inventory};
///
/// let inv: Inventory = from_json(r#"{
///   "schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
///   "people": [{"id": "father", "label": "Dad", "relationship": "parent",
///               "status": {"deceased": {"date": "2025-12"}}}],
///   "events": [{"id": "e1", "kind": "death", "date": "2025-12", "person": "father"}],
///   "safety": {"suicidal_thoughts_reported": true}
/// }"#)?;
/// let assessment = Engine::standard()?.evaluate(&inv);
/// let uuid = cds_hooks::CardUuid::new("00000000-0000-0000-0000-000000000000").unwrap();
/// let cards = cds_hooks::cards(&assessment, || uuid.clone());
/// assert_eq!(cards[0].indicator, Indicator::Critical);
/// assert!(cards.iter().any(|c| c.summary.contains("grief")));
/// assert!(cards.iter().all(|c| !c.detail.contains("Dad") && !c.detail.contains("father")));
/// # Ok::<(), interpersonal::Error>(())
/// ```
pub fn cards(assessment: &Assessment, mut uuid: impl FnMut() -> CardUuid) -> Vec<Card> {
    let mut cards = Vec::new();

    // 1 and 2: the safety advisory first, then the others in order.
    let (safety, others): (Vec<_>, Vec<_>) = assessment
        .advisories
        .iter()
        .partition(|a| a.code == AdvisoryCode::SuicidalThoughtsReported);
    for advisory in safety {
        cards.push(card(
            uuid(),
            &advisory.summary,
            String::new(),
            Indicator::Critical,
            &advisory.source,
        ));
    }
    for advisory in others {
        cards.push(card(
            uuid(),
            &advisory.summary,
            String::new(),
            advisory.indicator,
            &advisory.source,
        ));
    }

    // 3: the suggested focus.
    for &area in &assessment.focus {
        let Some(finding) = assessment.finding(area) else {
            continue;
        };
        let mut detail = format!(
            "**{}**: evidence strength {}, score {:.2}.\n\nThe clinician decides the focus with \
             the patient; this is a suggestion.\n",
            area.name(),
            finding.strength,
            finding.score
        );
        if !finding.evidence.is_empty() {
            detail.push_str("\nEvidence:\n\n");
        }
        for evidence in &finding.evidence {
            let _ = writeln!(
                detail,
                "- {} (rule `{}`; source: {})",
                evidence.summary,
                evidence.rule.as_str(),
                evidence.source.label
            );
        }
        let source = area.source();
        cards.push(card(
            uuid(),
            &format!("Suggested IPT focus: {}", area.name()),
            detail,
            Indicator::Info,
            &source,
        ));
    }

    // 4: what is missing.
    if !assessment.missing.is_empty() {
        let mut detail = String::from("Facts not in the inventory that held rules back:\n\n");
        for fact in &assessment.missing {
            let _ = writeln!(
                detail,
                "- `{}`: {} rule{} held back",
                fact.path,
                fact.held_back.len(),
                if fact.held_back.len() == 1 { "" } else { "s" }
            );
        }
        let n = assessment.missing.len();
        cards.push(Card {
            uuid: uuid(),
            summary: format!(
                "{n} missing fact{} would sharpen the suggestion",
                if n == 1 { "" } else { "s" }
            ),
            detail,
            indicator: Indicator::Info,
            source: rule_set_source(assessment),
        });
    }
    cards
}

/// A card whose summary is `summary`, cut to [`SUMMARY_MAX_CHARS`] with `…`
/// (and then given in full at the top of the detail) when longer.
fn card(
    uuid: CardUuid,
    summary: &str,
    detail: String,
    indicator: Indicator,
    source: &Source,
) -> Card {
    let (summary, detail) = if summary.chars().count() <= SUMMARY_MAX_CHARS {
        (summary.to_string(), detail)
    } else {
        let cut: String = summary.chars().take(SUMMARY_MAX_CHARS - 1).collect();
        let full = if detail.is_empty() {
            summary.to_string()
        } else {
            format!("{summary}\n\n{detail}")
        };
        (format!("{}…", cut.trim_end()), full)
    };
    let detail = if detail.is_empty() {
        format!("Source: {}", source.label)
    } else {
        detail
    };
    Card {
        uuid,
        summary,
        detail,
        indicator,
        source: CardSource::from(source),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Basis;

    fn id() -> CardUuid {
        CardUuid::new("00000000-0000-0000-0000-000000000000").unwrap()
    }

    #[test]
    fn long_summaries_are_cut_on_a_char_boundary_and_kept_whole_in_the_detail() {
        let long = "é".repeat(200);
        let c = card(
            id(),
            &long,
            String::new(),
            Indicator::Info,
            &Source::new("S", Basis::Stated),
        );
        assert_eq!(c.summary.chars().count(), SUMMARY_MAX_CHARS);
        assert!(c.summary.ends_with('…'));
        assert_eq!(c.detail, long);
        let short = card(
            id(),
            "ok",
            String::new(),
            Indicator::Info,
            &Source::new("S", Basis::Stated),
        );
        assert_eq!(
            (short.summary.as_str(), short.detail.as_str()),
            ("ok", "Source: S")
        );
    }
}
