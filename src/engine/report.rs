//! A readable report of an assessment: the one place where the engine's
//! explanations and the patient's text meet (DESIGN.md "How data flows").

use crate::{
    catalogue::ProblemArea,
    engine::Subject,
    inventory::{Inventory, InventoryIndex as Index},
    source::Source,
};
use std::fmt;

use crate::printable::escape;

use super::assessment::{Assessment, MissingFact};
use super::ruleset::Indicator;

/// How many missing facts the report turns into questions before summarising
/// the rest.
const QUESTION_LIMIT: usize = 12;

/// A human-readable report of an [`Assessment`], with the inventory's labels
/// joined back in.
///
/// The report lists, in order: the safety advisory (when present, always
/// first), the suggested focus with the dispute's stage or the grief's kind,
/// each area's score, evidence strength and evidence (with the people and events it
/// is about, by their labels) or the rules that came closest, the other
/// advisories, the missing facts as questions worth asking next, the rule set's
/// id, version and fingerprint, and a line saying this is decision support,
/// not a diagnosis.
///
/// Labels are read with [`Sensitive::expose`](crate::sensitive::Sensitive::expose) here
/// and nowhere else in the engine, so a report holds patient text and must be
/// handled as such; the [`Assessment`] does not. `Debug` shows no patient text.
///
/// ```
/// use interpersonal::{from_json, Engine, Inventory, Report};
///
/// let inventory: Inventory = from_json(r#"{
///   "schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
///   "events": [{"id": "move", "kind": "relocation", "date": "2025-12", "linked_to_onset": true}]
/// }"#)?;
/// let assessment = Engine::standard()?.evaluate(&inventory);
/// let text = Report::new(&assessment, &inventory).to_string();
/// assert!(text.contains("Suggested focus"));
/// assert!(text.contains("role transition"));
/// assert!(text.contains("decision support, not a diagnosis"));
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Report<'a> {
    assessment: &'a Assessment,
    inventory: &'a Inventory,
}

impl<'a> Report<'a> {
    /// A report of `assessment`, which was made from `inventory`.
    ///
    /// ```
    /// use interpersonal::{Engine, date::EpisodeOnset, Inventory, Report};
    /// use chrono::NaiveDate;
    /// let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
    /// let a = Engine::standard()?.evaluate(&inv);
    /// assert!(Report::new(&a, &inv).to_string().contains("No area reached"));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn new(assessment: &'a Assessment, inventory: &'a Inventory) -> Self {
        Report {
            assessment,
            inventory,
        }
    }

    /// The assessment reported on.
    ///
    /// ```
    /// # use interpersonal::{Engine, date::EpisodeOnset, Inventory, Report};
    /// # use chrono::NaiveDate;
    /// # let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
    /// let a = Engine::standard()?.evaluate(&inv);
    /// assert_eq!(Report::new(&a, &inv).assessment(), &a);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn assessment(&self) -> &'a Assessment {
        self.assessment
    }

    /// A subject by its label: "Maria (sibling)", "the divorce (2025-11) of Tom".
    fn subject(&self, ix: &Index<'_>, s: &Subject) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = write_subject(&mut out, ix, s);
        out
    }
    /// The question a missing fact asks.
    fn question(&self, ix: &Index<'_>, m: &MissingFact) -> String {
        let who = m
            .subject
            .as_ref()
            .map_or_else(String::new, |s| self.subject(ix, s));
        // The question is the field's, from the fact tables.
        m.path.0.question().ask(&who)
    }
}

/// A subject by its label, written straight into `out`: one pass, no
/// text built and thrown away, so a report naming 100k subjects stays quick
/// (issue 10). Labels are escaped: no control character reaches the report.
fn write_subject(out: &mut impl fmt::Write, ix: &Index<'_>, s: &Subject) -> fmt::Result {
    match s {
        Subject::Person(id) => match ix.person(id.as_str()) {
            Some(p) => write!(
                out,
                "{} ({})",
                escape(p.label.expose()),
                words(p.relationship)
            ),
            None => write!(out, "person `{id}`"),
        },
        Subject::Event(id) => match ix.event(id.as_str()) {
            Some(e) => {
                write!(out, "the {}", words(e.kind))?;
                if let Some(d) = e.date {
                    write!(out, " ({d})")?;
                }
                if let Some(p) = e.person.as_ref().and_then(|p| ix.person(p.as_str())) {
                    write!(out, " of {}", escape(p.label.expose()))?;
                }
                Ok(())
            }
            None => write!(out, "event `{id}`"),
        },
    }
}

/// Subjects by their labels, separated by `"; "`, written as the report is.
struct Subjects<'r>(&'r Index<'r>, &'r [Subject]);

impl fmt::Display for Subjects<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.1.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write_subject(f, self.0, s)?;
        }
        Ok(())
    }
}

/// A vocabulary value's name in words: `ex_partner` as "ex partner".
fn words<T: Into<&'static str>>(v: T) -> Words {
    Words(v.into())
}

/// A name whose underscores are written as spaces.
struct Words(&'static str);

impl fmt::Display for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, part) in self.0.split('_').enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(part)?;
        }
        Ok(())
    }
}

/// A source as the report shows it: each citation's author-year label and
/// locator, its basis, and a link to its work's primary record when there is
/// one; citations separated by `"; "`.
fn cited(source: &Source) -> String {
    let mut out = String::new();
    for (i, cite) in source.cites().iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        out.push_str(&cite.label());
        out.push_str(" (");
        out.push_str(cite.basis.into());
        out.push(')');
        if let Some(link) = cite.link() {
            out.push(' ');
            out.push_str(&link);
        }
    }
    out
}

fn link_words(link: crate::inventory::LinkBasis) -> String {
    match link {
        crate::inventory::LinkBasis::Stated => String::from("stated by the clinician"),
        crate::inventory::LinkBasis::InferredFromDates => {
            String::from("inferred from dates, to confirm")
        }
        _ => String::from("none"),
    }
}

fn score(v: f64) -> String {
    format!("{v:.1}")
}

fn tag(i: Indicator) -> &'static str {
    match i {
        Indicator::Info => "info",
        Indicator::Warning => "WARNING",
        Indicator::Critical => "CRITICAL",
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = self.assessment;
        let ix = Index::new(self.inventory);
        writeln!(
            f,
            "IPT problem-area suggestion (decision support, not a diagnosis)"
        )?;
        writeln!(f, "Inventory as of {}", a.assessed_on)?;

        // Safety first, before anything else.
        let (critical, others): (Vec<_>, Vec<_>) = a
            .advisories
            .iter()
            .partition(|x| x.indicator == Indicator::Critical);
        for x in &critical {
            writeln!(f)?;
            writeln!(f, "!! {}: {}", tag(x.indicator), escape(&x.summary))?;
            writeln!(f, "   Source: {}", escape(&cited(&x.source)))?;
        }
        if !a.problems.is_empty() {
            writeln!(f)?;
            writeln!(f, "The inventory failed validation")?;
            for p in &a.problems {
                writeln!(f, "  x {p}")?;
            }
        }

        writeln!(f)?;
        writeln!(f, "Suggested focus")?;
        if a.focus.is_empty() {
            writeln!(f, "  No area reached the focus threshold.")?;
        }
        for (n, area) in a.focus.iter().enumerate() {
            let finding = a.finding(*area);
            write!(
                f,
                "  {}. {} (score {}, {} evidence strength, onset link: {})",
                n + 1,
                words(*area),
                score(finding.map_or(0.0, |x| x.score)),
                finding.map_or_else(|| String::from("no"), |x| x.strength.to_string()),
                finding.map_or_else(|| String::from("none"), |x| link_words(x.onset_link)),
            )?;
            match area {
                ProblemArea::RoleDispute => match a.dispute_stage {
                    Some(stage) => write!(f, "; stage: {stage}")?,
                    None => write!(f, "; stage: not yet known")?,
                },
                ProblemArea::Grief => {
                    if let Some(kind) = a.grief_kind {
                        write!(f, "; grief: {kind}")?;
                    }
                }
                _ => {}
            }
            writeln!(f)?;
        }

        writeln!(f)?;
        writeln!(f, "Areas")?;
        for finding in &a.areas {
            writeln!(
                f,
                "  {}: score {}, evidence strength {}{}",
                words(finding.area),
                score(finding.score),
                finding.strength,
                if a.focus.contains(&finding.area) {
                    " (in focus)"
                } else {
                    ""
                },
            )?;
            for e in &finding.evidence {
                writeln!(
                    f,
                    "    + {} [{} v{}, weight {}, counted +{}; onset link: {}]",
                    escape(&e.summary),
                    e.rule,
                    e.rule_version,
                    score(e.weight),
                    score(e.counted),
                    link_words(e.onset_link),
                )?;
                if !e.subjects.is_empty() {
                    writeln!(f, "      about: {}", Subjects(&ix, &e.subjects))?;
                }
                writeln!(f, "      source: {}", escape(&cited(&e.source)))?;
            }
            for m in &finding.near_misses {
                writeln!(
                    f,
                    "    - closest: {} ({} of {} conditions held); {}: {}",
                    m.rule,
                    m.satisfied,
                    m.total,
                    if m.unknown {
                        "not known"
                    } else {
                        "did not hold"
                    },
                    escape(&m.failed),
                )?;
            }
        }

        let rec = &a.recommendations;
        if !rec.interventions.is_empty() || !rec.goal_templates.is_empty() {
            writeln!(f)?;
            writeln!(f, "For the focus, the manuals offer")?;
            for i in rec.interventions.iter() {
                writeln!(f, "  * {}: {}", i, i.description())?;
            }
            for key in rec.goal_templates.iter() {
                if let Some(t) = crate::goal::GoalTemplate::by_key(key) {
                    writeln!(f, "  goal: {} [{}]", t.text(), key)?;
                }
            }
        }

        if !others.is_empty() {
            writeln!(f)?;
            writeln!(f, "Advisories")?;
            for x in &others {
                writeln!(f, "  [{}] {}", tag(x.indicator), escape(&x.summary))?;
                if !x.subjects.is_empty() {
                    writeln!(f, "      about: {}", Subjects(&ix, &x.subjects))?;
                }
                writeln!(f, "      source: {}", escape(&cited(&x.source)))?;
            }
        }

        if !a.missing.is_empty() {
            writeln!(f)?;
            writeln!(f, "Worth asking next")?;
            for m in a.missing.iter().take(QUESTION_LIMIT) {
                let mut settles: Vec<String> =
                    m.held_back.iter().map(ToString::to_string).collect();
                settles.extend(m.needed_for.iter().map(|n| n.to_string()));
                writeln!(f, "  ? {} ({})", escape(&self.question(&ix, m)), m.path)?;
                if !settles.is_empty() {
                    writeln!(f, "      would settle: {}", settles.join(", "))?;
                }
            }
            if a.missing.len() > QUESTION_LIMIT {
                writeln!(
                    f,
                    "  ... and {} more (see the assessment's missing facts)",
                    a.missing.len() - QUESTION_LIMIT
                )?;
            }
        }

        writeln!(f)?;
        writeln!(
            f,
            "Rule set {} {} (fingerprint {})",
            escape(a.rule_set.id.as_str()),
            escape(&a.rule_set.version),
            escape(&a.rule_set.fingerprint)
        )?;
        writeln!(
            f,
            "This is decision support, not a diagnosis: the clinician decides, and the focus \
             is agreed with the patient."
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{engine::Engine, error::from_json};

    #[test]
    fn sources_show_author_year_labels_and_primary_links_only() {
        let inv: Inventory = from_json(
            r#"{"schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
                "safety": {"suicidal_thoughts_reported": true},
                "people": [{"id": "f", "label": "Dad", "relationship": "parent",
                            "closeness": "inner", "status": {"deceased": {"date": "2025-12"}}}],
                "events": [{"id": "d", "kind": "death", "date": "2025-12", "person": "f",
                            "linked_to_onset": true}]}"#,
        )
        .unwrap();
        let a = Engine::standard().unwrap().evaluate(&inv);
        let text = Report::new(&a, &inv).to_string();
        // The critical advisory cites the Casebook's chapter and PHQ-9 item 9.
        assert!(
            text.contains(
                "   Source: Markowitz & Weissman 2012, ch. 12, diagnosis and treatment planning \
                 (stated) https://doi.org/10.1093/med:psych/9780199746903.001.0001; \
                 Kroenke et al. 2001, item 9 (known) \
                 https://doi.org/10.1046/j.1525-1497.2001.016009606.x\n"
            ),
            "{text}"
        );
        // Grief evidence cites Law's chapter, linked to its DOI.
        assert!(
            text.contains("      source: Law 2012 (stated) https://doi.org/"),
            "{text}"
        );
        for line in text.lines().filter(|l| l.contains("://")) {
            let host = line
                .split("://")
                .nth(1)
                .and_then(|rest| rest.split('/').next())
                .unwrap_or_default();
            assert!(
                [
                    "doi.org",
                    "pmc.ncbi.nlm.nih.gov",
                    "pubmed.ncbi.nlm.nih.gov",
                    "iris.who.int"
                ]
                .contains(&host),
                "{line}"
            );
        }
    }

    #[test]
    fn a_source_lists_each_citation_with_its_basis() {
        let source = Source::from_cites([
            crate::bibliography::Citation::new(
                "hamilton-1960-hamd",
                "",
                crate::source::Basis::Known,
            ),
            crate::bibliography::Citation::new(
                "no-such-work",
                "p. 1",
                crate::source::Basis::Inferred,
            ),
        ]);
        assert_eq!(
            cited(&source),
            "Hamilton 1960 (known); no-such-work, p. 1 (inferred)"
        );
    }

    #[test]
    fn questions_name_the_person_by_label() {
        let inv: Inventory = from_json(
            r#"{"schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
                "people": [{"id": "w", "label": "Robin", "relationship": "spouse",
                            "conflict": {"level": "high", "visibility": "overt"},
                            "change_around_onset": "worse"}],
                "events": [{"id": "e", "kind": "job_loss"}]}"#,
        )
        .unwrap();
        let a = Engine::standard().unwrap().evaluate(&inv);
        let text = Report::new(&a, &inv).to_string();
        assert!(text.contains(
            "Where does the conflict with Robin (spouse) stand: still negotiating, stalled, or ending?"
        ));
        assert!(text.contains("When exactly did the job loss happen?"));
        assert!(text.contains("($.people[0].conflict.course)"));
        assert!(text.contains("would settle: dispute.stalled_conflict, dispute_stage"));
        // The dispute rests on a worsening around the onset, not on the
        // clinician's link: that is a question too.
        assert!(text.contains("Does Robin (spouse) go with the onset of the episode"));
        assert!(text.contains("onset link: inferred from dates, to confirm"));
    }

    #[test]
    fn long_lists_of_questions_are_cut_short() {
        let people: Vec<String> = (0..20)
            .map(|i| format!(r#"{{"id": "p{i}", "label": "P{i}", "relationship": "friend"}}"#))
            .collect();
        let inv: Inventory = from_json(&format!(
            r#"{{"schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01", "people": [{}]}}"#,
            people.join(",")
        ))
        .unwrap();
        let a = Engine::standard().unwrap().evaluate(&inv);
        assert!(a.missing.len() > QUESTION_LIMIT);
        let text = Report::new(&a, &inv).to_string();
        assert!(text.contains(&format!("and {} more", a.missing.len() - QUESTION_LIMIT)));
    }
}
