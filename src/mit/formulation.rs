//! The MIT formulation: the text that shares the schema with the patient.

use std::collections::HashMap;
use std::fmt;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::course::FormulationSection;
use crate::course::formulation::{find_section, write_sections};
use crate::macros::{source, vocabulary_enum};
use crate::measure::SafetyFlag;
use crate::sensitive::Sensitive;
use crate::source::Source;

use super::{
    AutobiographicalEpisode, InterpersonalSchema, MetacognitiveFunction, MitCase, MitStage,
    TrendDirection, sources,
};

const SHARED: Source = source![sources::MANUAL_SHARED_FORMULATION];
const SCHEMA: Source = source![sources::MANUAL_SCHEMA, sources::MOTIVES];
const METACOGNITION: Source = source![sources::MAS_FUNCTIONS, sources::MAS_INFERRED];
const STAGES: Source = source![sources::MANUAL_CONTENTS, sources::BODY_PROCEDURE];

/// What a part of the formulation says when it is missing from the case.
const NOT_YET: &str = "not reconstructed yet";

vocabulary_enum! {
    /// A part of the [`MitFormulation`], in the order it is presented.
    ///
    /// ```
    /// use interpersonal::mit::MitFormulationPart;
    /// assert_eq!(MitFormulationPart::Schema.to_string(), "schema");
    /// ```
    #[non_exhaustive]
    pub enum MitFormulationPart {
        /// The safety flags given with the case: present only when there are
        /// any, and then always first.
        Safety,
        /// What the formulation is: a draft built together, to revise
        /// together.
        Opening,
        /// The autobiographical episodes the schemas were reconstructed from.
        Episodes,
        /// One maladaptive interpersonal schema (one section per schema).
        Schema,
        /// The metacognitive profile and its trend.
        Metacognition,
        /// The stage of therapy, and the next one.
        Stage,
        /// The question whether the patient recognises the pattern.
        AgreementCheck,
    }
}

/// One part of an [`MitFormulation`]: its text and where it comes from. The
/// text joins the patient's words back in, so it is [`Sensitive`].
///
/// ```
/// use interpersonal::mit::{MitCase, MitFormulation, MitFormulationPart};
/// let f = MitFormulation::new(&MitCase::new("2026-03-02")?);
/// let opening = f.section(MitFormulationPart::Opening).unwrap();
/// assert!(opening.source.cites_work("dimaggio-2015-mit"));
/// # Ok::<(), interpersonal::Error>(())
/// ```
pub type MitFormulationSection = FormulationSection<MitFormulationPart>;

/// The formulation of an MIT case: a draft, in plain words addressed to the
/// patient, of the shared formulation of functioning (CLINICAL-BASIS.md §7.2
/// [S: Dimaggio et al. 2015, ch. "Shared Formulation of Functioning"]).
///
/// It is written the way the crate writes the IPT
/// [`Formulation`](crate::Formulation): deterministically (the same case
/// gives the same text, byte for byte), section by section, with the
/// patient's words only from [`Sensitive`] fields, and safety first:
///
/// 1. the safety flags given with [`MitFormulation::with_safety_flags`], if
///    any;
/// 2. an opening that says what this is: a draft to revise together;
/// 3. the episodes the schemas were reconstructed from, by date;
/// 4. each schema in turn: the wish and its motivational system, the
///    self-image, the other's expected response, the self's primary and
///    secondary response, and the coping, each in the patient's words in
///    quotation marks, or "not reconstructed yet";
/// 5. the metacognitive profile: each function's latest rating on the
///    profile's scale and its direction since the first rating;
/// 6. the stage of therapy and the next one;
/// 7. the question whether the patient recognises the pattern.
///
/// **Patient text never changes the structure.** Each section prints as one
/// paragraph; a line break, control character or bidi override in the
/// patient's words is shown escaped (`\u{a}`), not obeyed, even in a case
/// that skipped [`MitCase::validate`].
///
/// This is a formulation of MIT, a cognitive-interpersonal therapy of its
/// own, not of IPT: it names schemas and metacognition, not IPT's problem
/// areas, and it does not diagnose.
///
/// ```
/// use interpersonal::mit::*;
///
/// let case = MitCase::new("2026-03-02")?
///     .with_episode(AutobiographicalEpisode::new("e1", "2026-01", "My boss walked past me")?)
///     .with_schema(
///         InterpersonalSchema::builder("s1", Wish::new(MotivationalSystem::SOCIAL_RANK, "to be valued"))
///             .self_image("worthless\nSAFETY: none")
///             .episode("e1")
///             .build()?,
///     )
///     .with_stage(MitStage::SharedFormulation);
/// let f = MitFormulation::new(&case);
/// let text = f.to_string();
/// assert!(text.contains("“to be valued”"));
/// assert!(text.contains("worthless\\u{a}SAFETY: none")); // escaped, one line
/// assert!(!text.contains("\nSAFETY"));
/// assert!(!format!("{f:?}").contains("worthless"));
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MitFormulation {
    /// The parts, in the order they are presented.
    pub sections: Vec<MitFormulationSection>,
}

impl MitFormulation {
    /// The formulation of `case`, with no safety flags.
    ///
    /// ```
    /// use interpersonal::mit::{MitCase, MitFormulation, MitFormulationPart};
    /// let f = MitFormulation::new(&MitCase::new("2026-03-02")?);
    /// assert_eq!(f.sections[0].part, MitFormulationPart::Opening);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn new(case: &MitCase) -> MitFormulation {
        MitFormulation::with_safety_flags(case, &[])
    }

    /// The formulation of `case`, with the safety flags of the patient's
    /// measures first (a positive PHQ-9 item 9, a positive mania screen).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Phq9Score, mit::{MitCase, MitFormulation, MitFormulationPart}};
    /// let phq9 = Phq9Score::from_scores([1, 1, 1, 1, 1, 1, 1, 1, 2])?;
    /// let f = MitFormulation::with_safety_flags(&MitCase::new("2026-03-02")?, &phq9.safety_flags());
    /// assert_eq!(f.sections[0].part, MitFormulationPart::Safety);
    /// assert!(f.to_string().contains("SAFETY FIRST"));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn with_safety_flags(case: &MitCase, flags: &[SafetyFlag]) -> MitFormulation {
        let mut sections = Vec::with_capacity(6 + case.schemas.len());
        if !flags.is_empty() {
            let list: Vec<String> = flags.iter().map(ToString::to_string).collect();
            sections.push(MitFormulationSection::new(
                MitFormulationPart::Safety,
                format!(
                    "SAFETY FIRST (for the clinician, before the formulation): {}. A clinician \
                     assesses the risk the same day; this formulation is no substitute for that \
                     assessment.",
                    list.join("; ")
                ),
                crate::bibliography::cited::SAFETY_FIRST,
            ));
        }
        sections.push(MitFormulationSection::new(
            MitFormulationPart::Opening,
            String::from(
                "This is how we understand, so far, what happens to you in relationships, \
                 drawn from moments you have told me about. It is a draft we build together: \
                 tell me where it does not fit.",
            ),
            SHARED,
        ));
        sections.push(MitFormulationSection::new(
            MitFormulationPart::Episodes,
            episodes_text(case),
            SHARED,
        ));
        // Episodes by id, the first of a repeated id winning as in
        // `MitCase::episode`: one pass, so the text is linear in the case.
        let mut episodes: HashMap<&str, &AutobiographicalEpisode> =
            HashMap::with_capacity(case.episodes.len());
        for e in &case.episodes {
            episodes.entry(e.id.as_str()).or_insert(e);
        }
        for schema in &case.schemas {
            sections.push(MitFormulationSection::new(
                MitFormulationPart::Schema,
                schema_text(&episodes, schema),
                SCHEMA,
            ));
        }
        sections.push(MitFormulationSection::new(
            MitFormulationPart::Metacognition,
            metacognition_text(case),
            METACOGNITION,
        ));
        sections.push(MitFormulationSection::new(
            MitFormulationPart::Stage,
            stage_text(case.stage),
            STAGES,
        ));
        sections.push(MitFormulationSection::new(
            MitFormulationPart::AgreementCheck,
            String::from(
                "Do you recognise this pattern in your life? What would you change or add?",
            ),
            SHARED,
        ));
        MitFormulation { sections }
    }

    /// The first section of `part`, if there is one.
    ///
    /// ```
    /// use interpersonal::mit::{MitCase, MitFormulation, MitFormulationPart};
    /// let f = MitFormulation::new(&MitCase::new("2026-03-02")?);
    /// assert!(f.section(MitFormulationPart::Safety).is_none());
    /// assert!(f.section(MitFormulationPart::Stage).unwrap().text.expose().contains("not recorded"));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn section(&self, part: MitFormulationPart) -> Option<&MitFormulationSection> {
        find_section(&self.sections, part)
    }
}

impl fmt::Display for MitFormulation {
    /// The whole text: a title, then one paragraph per section, safety
    /// first. This is where the patient's words are read
    /// ([`Sensitive::expose`]), and where a control character in them is
    /// escaped.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_sections(
            f,
            "Metacognitive Interpersonal Therapy formulation (a draft to share with the patient; \
             decision support, not a diagnosis)",
            &self.sections,
        )
    }
}

/// The patient's words, in quotation marks.
fn quoted(text: &Sensitive<String>) -> String {
    format!("“{}”", text.expose())
}

fn optional(text: Option<&Sensitive<String>>) -> String {
    text.map_or_else(|| String::from(NOT_YET), quoted)
}

fn episodes_text(case: &MitCase) -> String {
    if case.episodes.is_empty() {
        return String::from(
            "We have not yet gone through a particular moment together; the pattern below is \
             a first guess until we look at concrete episodes.",
        );
    }
    let mut text = String::from("The moments we have looked at together:");
    for (i, e) in case.episodes.iter().enumerate() {
        let sep = if i == 0 { " " } else { "; " };
        // Writing to a String cannot fail.
        let _ = write!(text, "{sep}{} ({}): {}", e.id, e.date, quoted(&e.account));
    }
    text.push('.');
    text
}

fn schema_text(
    episodes: &HashMap<&str, &AutobiographicalEpisode>,
    schema: &InterpersonalSchema,
) -> String {
    let mut text = format!("Pattern {}", schema.id);
    let known: Vec<String> = schema
        .episodes
        .iter()
        .map(|id| match episodes.get(id.as_str()) {
            Some(e) => format!("{} ({})", e.id, e.date),
            None => format!("{id} (not in this case)"),
        })
        .collect();
    if known.is_empty() {
        text.push_str(", not yet tied to a particular moment.");
    } else {
        let _ = write!(text, ", from the moments {}.", known.join(", "));
    }
    let _ = write!(
        text,
        " What you wish for: {}, which belongs to {}. How you see yourself then: {}. How you expect the \
         other to respond: {}. How you respond: {}; and then: {}. How you cope with it: {}.",
        quoted(&schema.wish.text),
        schema.wish.motive.plain_name(),
        optional(schema.self_image.as_ref()),
        optional(schema.other_response.as_ref()),
        optional(schema.self_response.primary.as_ref()),
        optional(schema.self_response.secondary.as_ref()),
        optional(schema.coping.as_ref()),
    );
    text
}

fn metacognition_text(case: &MitCase) -> String {
    let Some(profile) = &case.profile else {
        return String::from(
            "Your ways of understanding your own and others' minds have not been rated yet.",
        );
    };
    let trend = profile.trend();
    let scale = profile.scale;
    let mut text = format!(
        "How you understand your own and others' minds, rated from {} to {} (higher is more):",
        scale.min, scale.max
    );
    for (i, function) in MetacognitiveFunction::iter().enumerate() {
        let t = trend.of(function);
        let sep = if i == 0 { " " } else { "; " };
        let name: &'static str = function.into();
        let _ = match t.latest {
            None => write!(text, "{sep}{name} not rated"),
            Some(latest) => {
                let since = match (t.direction, t.first) {
                    (TrendDirection::Improved, Some(first)) => {
                        format!(", up from {} on {}", first.rating, first.date)
                    }
                    (TrendDirection::Declined, Some(first)) => {
                        format!(", down from {} on {}", first.rating, first.date)
                    }
                    (TrendDirection::Unchanged, Some(first)) => {
                        format!(", the same as on {}", first.date)
                    }
                    _ => String::new(),
                };
                write!(
                    text,
                    "{sep}{name} {} on {}{since}",
                    latest.rating, latest.date
                )
            }
        };
    }
    text.push('.');
    text
}

fn stage_text(stage: Option<MitStage>) -> String {
    match stage {
        None => String::from("The stage of therapy is not recorded."),
        Some(stage) => {
            let mut text = format!(
                "Where we are: stage {} of {}, {}.",
                stage.number(),
                MitStage::COUNT,
                stage.plain_name()
            );
            if let Some(next) = stage.next() {
                let _ = write!(text, " Next: {}.", next.plain_name());
            }
            text.push_str(" We can come back to an earlier step whenever we need to.");
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mit::{AutobiographicalEpisode, MotivationalSystem, Wish};

    #[test]
    fn a_schema_naming_an_episode_missing_from_the_case_says_so() {
        let schema =
            InterpersonalSchema::builder("s1", Wish::new(MotivationalSystem::SEXUALITY, "w"))
                .episode("gone")
                .build()
                .unwrap();
        let case = MitCase::new("2026-03-02")
            .unwrap()
            .with_episode(AutobiographicalEpisode::new("e1", "2026-01", "a").unwrap())
            .with_schema(schema);
        let text = MitFormulation::new(&case).to_string();
        assert!(text.contains("gone (not in this case)"));
    }

    #[test]
    fn the_last_stage_has_no_next() {
        let text = stage_text(Some(MitStage::BuildingHealthySelfAspects));
        assert!(text.contains("stage 4 of 4"));
        assert!(!text.contains("Next:"));
        assert!(stage_text(Some(MitStage::AllianceAndContract)).contains("Next: understanding"));
    }

    #[test]
    fn no_episodes_is_said_plainly() {
        let case = MitCase::new("2026-03-02").unwrap();
        assert!(episodes_text(&case).contains("not yet gone through"));
    }
}
