//! Safety flags raised by suicide-risk items and by a positive mania screen,
//! and advisories about how a form was scored (CLINICAL-BASIS.md §8.1 item 9, §9).

use std::fmt;

use crate::macros::vocabulary_enum;
use serde::{Deserialize, Serialize};

use super::{ASRM_CUTOFF, Instrument};

vocabulary_enum! {
    /// What a [`SafetyFlag`] is about.
    ///
    /// ```
    /// use interpersonal::measure::SafetyFlagKind;
    /// assert_eq!(SafetyFlagKind::SuicidalIdeation.to_string(), "suicidal_ideation");
    /// ```
    #[non_exhaustive]
    pub enum SafetyFlagKind {
        /// Thoughts of death or of self-harm were reported or rated.
        SuicidalIdeation,
        /// A self-rated mania screen was positive: an Altman Self-Rating Mania
        /// Scale total at or above its cut-off ([`ASRM_CUTOFF`]; Altman et al.
        /// 1997 \[S\]). Surfaced with the safety flags, first, because in
        /// bipolar disorder an emerging manic or hypomanic episode needs a
        /// clinician's attention before anything else the crate reports \[I\].
        PossibleMania,
    }
}

impl SafetyFlagKind {
    /// What the flag requires, in a sentence a clinician-facing app can show.
    ///
    /// Any positive PHQ-9 item 9 requires a same-day clinician risk assessment
    /// (CLINICAL-BASIS.md §9 [K for the rule]), whatever the total (§8.1 [K:
    /// `kroenke-2001-phq9` item 9]).
    ///
    /// A positive mania screen requires a clinician to review the patient for
    /// a manic or hypomanic episode; the screen is not a diagnosis (\[I\]: the
    /// ASRM paper gives a cut-off, not an action).
    ///
    /// ```
    /// use interpersonal::measure::SafetyFlagKind;
    /// assert!(SafetyFlagKind::SuicidalIdeation.required_action().contains("same day"));
    /// assert!(SafetyFlagKind::PossibleMania.required_action().contains("hypomanic"));
    /// ```
    pub const fn required_action(self) -> &'static str {
        match self {
            SafetyFlagKind::SuicidalIdeation => {
                "a clinician assesses suicide risk the same day, whatever the total score"
            }
            SafetyFlagKind::PossibleMania => {
                "a clinician reviews the patient for a manic or hypomanic episode; \
                 a positive screen is not a diagnosis"
            }
        }
    }

    /// The kind in words, for a sentence.
    ///
    /// ```
    /// use interpersonal::measure::SafetyFlagKind;
    /// assert_eq!(SafetyFlagKind::PossibleMania.words(), "possible mania");
    /// ```
    pub const fn words(self) -> &'static str {
        match self {
            SafetyFlagKind::SuicidalIdeation => "suicidal ideation",
            SafetyFlagKind::PossibleMania => "possible mania",
        }
    }
}

vocabulary_enum! {
    /// What raised a [`SafetyFlag`]: a suicide-risk item, or the total of a
    /// mania screen.
    ///
    /// JSON: `"phq9_item9"`, `"hamd17_item3"`, `"asrm_total"`.
    ///
    /// ```
    /// use interpersonal::{measure::Instrument, measure::SafetySource};
    /// assert_eq!(SafetySource::Phq9Item9.instrument(), Instrument::Phq9);
    /// assert_eq!(SafetySource::Hamd17Item3.item_number(), 3);
    /// assert_eq!(SafetySource::Phq9Item9.to_string(), "phq9_item9");
    /// ```
    #[non_exhaustive]
    pub enum SafetySource {
        /// PHQ-9 item 9, thoughts of being better off dead or of self-harm,
        /// scored 1 to 3 (CLINICAL-BASIS.md §8.1 [K: `kroenke-2001-phq9` item 9]).
        Phq9Item9,
        /// HAM-D-17 item 3, suicide, rated 1 to 4. Flagging it is an inference
        /// \[I\] consistent with CLINICAL-BASIS.md §9, which asks that any positive
        /// suicide-risk item be surfaced.
        Hamd17Item3,
        /// The Altman Self-Rating Mania Scale total, 6 to 20: a positive
        /// screen ([`ASRM_CUTOFF`]). Not an item: see
        /// [`SafetySource::is_total`].
        AsrmTotal,
    }
}

impl SafetySource {
    /// The instrument the item belongs to.
    ///
    /// ```
    /// use interpersonal::{measure::Instrument, measure::SafetySource};
    /// assert_eq!(SafetySource::Hamd17Item3.instrument(), Instrument::Hamd17);
    /// ```
    pub const fn instrument(self) -> Instrument {
        match self {
            SafetySource::Phq9Item9 => Instrument::Phq9,
            SafetySource::Hamd17Item3 => Instrument::Hamd17,
            SafetySource::AsrmTotal => Instrument::Asrm,
        }
    }

    /// Whether the source is an instrument's total rather than one of its
    /// items.
    ///
    /// ```
    /// use interpersonal::measure::SafetySource;
    /// assert!(SafetySource::AsrmTotal.is_total());
    /// assert!(!SafetySource::Phq9Item9.is_total());
    /// ```
    pub const fn is_total(self) -> bool {
        matches!(self, SafetySource::AsrmTotal)
    }

    /// The item's number on its form; 0 for a total ([`SafetySource::is_total`]).
    ///
    /// ```
    /// use interpersonal::measure::SafetySource;
    /// assert_eq!(SafetySource::Phq9Item9.item_number(), 9);
    /// assert_eq!(SafetySource::AsrmTotal.item_number(), 0);
    /// ```
    pub const fn item_number(self) -> u8 {
        match self {
            SafetySource::Phq9Item9 => 9,
            SafetySource::Hamd17Item3 => 3,
            SafetySource::AsrmTotal => 0,
        }
    }

    /// The item's highest score, or the total's.
    ///
    /// ```
    /// use interpersonal::measure::SafetySource;
    /// assert_eq!(SafetySource::Hamd17Item3.max_score(), 4);
    /// assert_eq!(SafetySource::AsrmTotal.max_score(), 20);
    /// ```
    pub const fn max_score(self) -> u8 {
        match self {
            SafetySource::Phq9Item9 => 3,
            SafetySource::Hamd17Item3 => 4,
            SafetySource::AsrmTotal => 20,
        }
    }

    /// The lowest score that raises a flag: 1 on a suicide-risk item, the
    /// cut-off on a mania screen.
    ///
    /// ```
    /// use interpersonal::measure::SafetySource;
    /// assert_eq!(SafetySource::Phq9Item9.min_flagged(), 1);
    /// assert_eq!(SafetySource::AsrmTotal.min_flagged(), 6);
    /// ```
    pub const fn min_flagged(self) -> u8 {
        match self {
            SafetySource::Phq9Item9 | SafetySource::Hamd17Item3 => 1,
            SafetySource::AsrmTotal => ASRM_CUTOFF,
        }
    }

    /// The kind of flag this source raises.
    ///
    /// ```
    /// use interpersonal::{measure::SafetyFlagKind, measure::SafetySource};
    /// assert_eq!(SafetySource::AsrmTotal.kind(), SafetyFlagKind::PossibleMania);
    /// ```
    pub const fn kind(self) -> SafetyFlagKind {
        match self {
            SafetySource::Phq9Item9 | SafetySource::Hamd17Item3 => SafetyFlagKind::SuicidalIdeation,
            SafetySource::AsrmTotal => SafetyFlagKind::PossibleMania,
        }
    }

    /// The suicide-risk item of an instrument, if it has one (the GAD-7 and
    /// the ASRM have none).
    ///
    /// ```
    /// use interpersonal::{measure::Instrument, measure::SafetySource};
    /// assert_eq!(SafetySource::of(Instrument::Phq9), Some(SafetySource::Phq9Item9));
    /// assert_eq!(SafetySource::of(Instrument::Gad7), None);
    /// ```
    pub const fn of(instrument: Instrument) -> Option<Self> {
        match instrument {
            Instrument::Phq9 => Some(SafetySource::Phq9Item9),
            Instrument::Hamd17 => Some(SafetySource::Hamd17Item3),
            Instrument::Gad7 | Instrument::Asrm => None,
        }
    }

    /// The total that raises a flag on an instrument, if one does: the ASRM's.
    ///
    /// ```
    /// use interpersonal::{measure::Instrument, measure::SafetySource};
    /// assert_eq!(SafetySource::total_of(Instrument::Asrm), Some(SafetySource::AsrmTotal));
    /// assert_eq!(SafetySource::total_of(Instrument::Phq9), None);
    /// ```
    pub const fn total_of(instrument: Instrument) -> Option<Self> {
        match instrument {
            Instrument::Asrm => Some(SafetySource::AsrmTotal),
            Instrument::Phq9 | Instrument::Gad7 | Instrument::Hamd17 => None,
        }
    }
}

/// A positive answer on a suicide-risk item, or a positive mania screen. It is
/// computed from the items (or, for the mania screen, the total) every time it
/// is asked for, and no option suppresses it: a suicide-risk flag does not
/// depend on the total, the severity band or the pro-rating (DESIGN.md
/// decision 8).
///
/// A flag requires a same-day clinician risk assessment, for instance with a
/// structured tool such as the Columbia Suicide Severity Rating Scale
/// (CLINICAL-BASIS.md §9 [K for the rule]); see
/// [`SafetyFlagKind::required_action`]. It is never a conclusion of the crate:
/// a suggestion of a focus area is no substitute for that assessment (§9 \[I\]).
///
/// A positive ASRM screen raises a flag of kind
/// [`SafetyFlagKind::PossibleMania`], source [`SafetySource::AsrmTotal`], with
/// the total as its score; see [`SafetyFlag::possible_mania`].
///
/// JSON: `{"kind": "suicidal_ideation", "source": "phq9_item9", "score": 1}`,
/// `{"kind": "possible_mania", "source": "asrm_total", "score": 7}`. Reading one
/// checks that the kind fits the source and that the score is one that raises
/// a flag (1 to the item's maximum; the ASRM cut-off to 20).
///
/// Its `Display` says what raised it: `PHQ-9 item 9 scored 2`, `ASRM total 7
/// (cut-off 6)`.
///
/// ```
/// use interpersonal::{Phq9Score, SafetyFlag, measure::SafetyFlagKind, measure::SafetySource};
///
/// let phq9 = Phq9Score::from_scores([0, 0, 0, 0, 0, 0, 0, 0, 2])?;
/// let flags = phq9.safety_flags();
/// assert_eq!(flags.len(), 1);
/// assert_eq!(flags[0].kind, SafetyFlagKind::SuicidalIdeation);
/// assert_eq!(flags[0].source, SafetySource::Phq9Item9);
/// assert_eq!(flags[0].score, 2);
///
/// let bad = serde_json::from_str::<SafetyFlag>(
///     r#"{"kind": "suicidal_ideation", "source": "phq9_item9", "score": 0}"#,
/// );
/// assert!(bad.is_err());
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "SafetyFlagRecord")]
#[non_exhaustive]
pub struct SafetyFlag {
    /// What the flag is about.
    pub kind: SafetyFlagKind,
    /// The item that raised it.
    pub source: SafetySource,
    /// The item's score, at least 1.
    pub score: u8,
}

impl SafetyFlag {
    /// The flag for a suicide-risk item scored `score`, or `None` when the score
    /// is 0 (no flag) or above the item's maximum (not a valid score).
    ///
    /// ```
    /// use interpersonal::{SafetyFlag, measure::SafetySource};
    /// assert!(SafetyFlag::suicidal_ideation(SafetySource::Phq9Item9, 1).is_some());
    /// assert!(SafetyFlag::suicidal_ideation(SafetySource::Phq9Item9, 0).is_none());
    /// assert!(SafetyFlag::suicidal_ideation(SafetySource::Phq9Item9, 4).is_none());
    /// ```
    pub const fn suicidal_ideation(source: SafetySource, score: u8) -> Option<Self> {
        if !source.is_total() && score >= 1 && score <= source.max_score() {
            Some(SafetyFlag {
                kind: SafetyFlagKind::SuicidalIdeation,
                source,
                score,
            })
        } else {
            None
        }
    }
}

impl SafetyFlag {
    /// The flag of a positive Altman Self-Rating Mania Scale screen: a total
    /// from [`ASRM_CUTOFF`] (6) to 20; `None` below the cut-off or above 20.
    ///
    /// ```
    /// use interpersonal::{SafetyFlag, measure::SafetyFlagKind};
    /// let flag = SafetyFlag::possible_mania(6).unwrap();
    /// assert_eq!(flag.kind, SafetyFlagKind::PossibleMania);
    /// assert_eq!(flag.to_string(), "ASRM total 6 (cut-off 6)");
    /// assert!(SafetyFlag::possible_mania(5).is_none());
    /// assert!(SafetyFlag::possible_mania(21).is_none());
    /// ```
    pub const fn possible_mania(total: u8) -> Option<Self> {
        let source = SafetySource::AsrmTotal;
        if total >= source.min_flagged() && total <= source.max_score() {
            Some(SafetyFlag {
                kind: SafetyFlagKind::PossibleMania,
                source,
                score: total,
            })
        } else {
            None
        }
    }

    /// The flag an instrument's total raises, if it raises one.
    pub(crate) fn of_total(instrument: Instrument, total: u8) -> Option<Self> {
        match SafetySource::total_of(instrument)? {
            SafetySource::AsrmTotal => SafetyFlag::possible_mania(total),
            _ => None,
        }
    }
}

impl fmt::Display for SafetyFlag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = self.source.instrument().label();
        if self.source.is_total() {
            write!(
                f,
                "{label} total {} (cut-off {})",
                self.score,
                self.source.min_flagged()
            )
        } else {
            write!(
                f,
                "{label} item {} scored {}",
                self.source.item_number(),
                self.score
            )
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SafetyFlagRecord {
    kind: SafetyFlagKind,
    source: SafetySource,
    score: u8,
}

impl TryFrom<SafetyFlagRecord> for SafetyFlag {
    type Error = String;

    fn try_from(r: SafetyFlagRecord) -> Result<Self, String> {
        if r.kind != r.source.kind() {
            return Err(format!(
                "kind `{}` for a flag from {}; found `{}`",
                r.source.kind(),
                r.source,
                r.kind
            ));
        }
        let flag = match r.kind {
            SafetyFlagKind::SuicidalIdeation => SafetyFlag::suicidal_ideation(r.source, r.score),
            SafetyFlagKind::PossibleMania => SafetyFlag::possible_mania(r.score),
        };
        flag.ok_or_else(|| {
            format!(
                "a score from {} to {} for {}; found {}",
                r.source.min_flagged(),
                r.source.max_score(),
                r.source,
                r.score
            )
        })
    }
}

vocabulary_enum! {
    /// Something a reader of a scored form must know about how it was scored.
    ///
    /// ```
    /// use interpersonal::{measure::MissingItems, measure::Phq9Answers, Phq9Score, measure::ScoreAdvisory, measure::ScoringOptions};
    ///
    /// let answers = Phq9Answers::from_optional_scores([
    ///     Some(1), Some(1), Some(1), Some(1), Some(1), Some(1), Some(1), Some(1), None,
    /// ]);
    /// let options = ScoringOptions::default().with_missing(MissingItems::ProRate { max_missing: 1 });
    /// let phq9 = Phq9Score::from_answers(&answers, &options)?;
    /// assert_eq!(
    ///     phq9.advisories(),
    ///     vec![ScoreAdvisory::SuicideItemUnanswered, ScoreAdvisory::ProRated],
    /// );
    /// assert!(phq9.safety_flags().is_empty()); // no flag, but not "no risk" either
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    #[non_exhaustive]
    pub enum ScoreAdvisory {
        /// The suicide-risk item (PHQ-9 item 9, HAM-D-17 item 3) was not
        /// answered. The absence of a [`SafetyFlag`] then says nothing about
        /// risk: ask the question (CLINICAL-BASIS.md §9: symptom review, which
        /// includes suicidal ideation, is mandatory [S: `markowitz-weissman-2012-casebook` ch. 6]).
        SuicideItemUnanswered,
        /// The total was pro-rated from the answered items
        /// ([`MissingItems::ProRate`](crate::measure::MissingItems::ProRate)).
        ProRated,
        /// Only the total was recorded
        /// ([`Measurement::new`](crate::measure::Measurement::new)): the
        /// suicide-risk item (PHQ-9 item 9, HAM-D-17 item 3) was not seen, so
        /// the absence of a [`SafetyFlag`] says nothing about risk. Ask the
        /// question, or record the items (a positive item 9 calls for a risk
        /// assessment whatever the total \[K\]).
        SuicideItemNotSeen,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_json_shape_is_flat() {
        let flag = SafetyFlag::suicidal_ideation(SafetySource::Hamd17Item3, 4).unwrap();
        let json = serde_json::to_string(&flag).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"suicidal_ideation","source":"hamd17_item3","score":4}"#
        );
        assert_eq!(serde_json::from_str::<SafetyFlag>(&json).unwrap(), flag);
        assert!(
            serde_json::from_str::<SafetyFlag>(
                r#"{"kind":"suicidal_ideation","source":"hamd17_item3","score":5}"#
            )
            .is_err()
        );
    }
}
