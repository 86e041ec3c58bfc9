//! Safety flags raised by suicide-risk items, and advisories about how a form
//! was scored (ipt-domain.md §8.1 item 9, §9).

use crate::macros::vocabulary_enum;
use serde::{Deserialize, Serialize};

use super::Instrument;

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
    }
}

impl SafetyFlagKind {
    /// What the flag requires, in a sentence a clinician-facing app can show.
    ///
    /// Any positive PHQ-9 item 9 requires a same-day clinician risk assessment
    /// (ipt-domain.md §9 [K for the rule]), whatever the total (§8.1 [K:
    /// standard PHQ guidance]).
    ///
    /// ```
    /// use interpersonal::measure::SafetyFlagKind;
    /// assert!(SafetyFlagKind::SuicidalIdeation.required_action().contains("same day"));
    /// ```
    pub const fn required_action(self) -> &'static str {
        match self {
            SafetyFlagKind::SuicidalIdeation => {
                "a clinician assesses suicide risk the same day, whatever the total score"
            }
        }
    }
}

vocabulary_enum! {
    /// The item that raised a [`SafetyFlag`].
    ///
    /// JSON: `"phq9_item9"`, `"hamd17_item3"`.
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
        /// scored 1 to 3 (ipt-domain.md §8.1 [K: standard PHQ guidance; S: the VA
        /// VistA record attaches a suicide-risk routine to the PHQ-9]).
        Phq9Item9,
        /// HAM-D-17 item 3, suicide, rated 1 to 4. Flagging it is an inference
        /// \[I\] consistent with ipt-domain.md §9, which asks that any positive
        /// suicide-risk item be surfaced.
        Hamd17Item3,
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
        }
    }

    /// The item's number on its form.
    ///
    /// ```
    /// assert_eq!(interpersonal::measure::SafetySource::Phq9Item9.item_number(), 9);
    /// ```
    pub const fn item_number(self) -> u8 {
        match self {
            SafetySource::Phq9Item9 => 9,
            SafetySource::Hamd17Item3 => 3,
        }
    }

    /// The item's highest score.
    ///
    /// ```
    /// assert_eq!(interpersonal::measure::SafetySource::Hamd17Item3.max_score(), 4);
    /// ```
    pub const fn max_score(self) -> u8 {
        match self {
            SafetySource::Phq9Item9 => 3,
            SafetySource::Hamd17Item3 => 4,
        }
    }

    /// The suicide-risk item of an instrument, if it has one (the GAD-7 has
    /// none).
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
            Instrument::Gad7 => None,
        }
    }
}

/// A positive answer on a suicide-risk item. It is computed from the items
/// every time it is asked for, and no option suppresses it: it does not depend
/// on the total, the severity band or the pro-rating (DESIGN.md decision 8).
///
/// A flag requires a same-day clinician risk assessment, for instance with a
/// structured tool such as the Columbia Suicide Severity Rating Scale
/// (ipt-domain.md §9 [K for the rule]); see
/// [`SafetyFlagKind::required_action`]. It is never a conclusion of the crate:
/// a suggestion of a focus area is no substitute for that assessment (§9 \[I\]).
///
/// JSON: `{"kind": "suicidal_ideation", "source": "phq9_item9", "score": 1}`.
/// Reading one checks that the score is between 1 and the item's maximum.
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
        if score >= 1 && score <= source.max_score() {
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
        match r.kind {
            SafetyFlagKind::SuicidalIdeation => SafetyFlag::suicidal_ideation(r.source, r.score)
                .ok_or_else(|| {
                    format!(
                        "a score from 1 to {} for {}; found {}",
                        r.source.max_score(),
                        r.source,
                        r.score
                    )
                }),
        }
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
        /// risk: ask the question (ipt-domain.md §9: symptom review, which
        /// includes suicidal ideation, is mandatory [S: Casebook ch. 6]).
        SuicideItemUnanswered,
        /// The total was pro-rated from the answered items
        /// ([`MissingItems::ProRate`](crate::measure::MissingItems::ProRate)).
        ProRated,
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
