//! [`GoalTarget`]: what a goal aims at, and whether a value meets it.

use serde::{Deserialize, Serialize};

use super::{GoalRating, InstrumentId};
use crate::sensitive::Sensitive;

/// What would show that a goal is reached: a symptom score at most some value,
/// something done at least so often a week, a 0–10 rating, or a described
/// outcome.
///
/// JSON: one key naming the kind, e.g.
/// `{"measure_at_most": {"instrument": "phq9", "value": 9}}` or
/// `{"described": "…"}`.
///
/// ```
/// use interpersonal::{goal::GoalTarget, goal::InstrumentId, Sensitive};
///
/// let t: GoalTarget = serde_json::from_str(
///     r#"{"count_per_week": {"at_least": 2, "of": "calls with a friend"}}"#,
/// )?;
/// assert_eq!(t.is_met_by(3), Some(true));
/// assert!(!format!("{t:?}").contains("friend"));
///
/// let phq = GoalTarget::MeasureAtMost { instrument: InstrumentId::PHQ9, value: 4 };
/// assert_eq!(phq.is_met_by(5), Some(false));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum GoalTarget {
    /// A total score on an instrument at most `value`, such as PHQ-9 below 5.
    MeasureAtMost {
        /// The instrument.
        instrument: InstrumentId,
        /// The highest total that meets the goal.
        value: u16,
    },
    /// Something done at least `at_least` times a week.
    CountPerWeek {
        /// The fewest times a week that meet the goal.
        at_least: u16,
        /// What is counted, in the patient's words.
        of: Sensitive<String>,
    },
    /// A 0–10 rating of something at least `value`.
    RatingAtLeast {
        /// What is rated, in the patient's words.
        of: Sensitive<String>,
        /// The lowest rating that meets the goal.
        value: GoalRating,
    },
    /// A 0–10 rating of something at most `value`.
    RatingAtMost {
        /// What is rated, in the patient's words.
        of: Sensitive<String>,
        /// The highest rating that meets the goal.
        value: GoalRating,
    },
    /// An outcome described in words, judged by therapist and patient.
    Described(Sensitive<String>),
}

impl GoalTarget {
    /// Whether a progress value meets the target: a score at most the
    /// target's, a count or rating on the right side of it. `None` for a
    /// described target, which has no number, and for a rating target given a
    /// value above 10.
    ///
    /// ```
    /// use interpersonal::{goal::GoalRating, goal::GoalTarget};
    /// let t = GoalTarget::RatingAtLeast { of: "closeness".into(), value: GoalRating::new(7)? };
    /// assert_eq!(t.is_met_by(7), Some(true));
    /// assert_eq!(t.is_met_by(6), Some(false));
    /// assert_eq!(t.is_met_by(11), None);
    /// assert_eq!(GoalTarget::Described("…".into()).is_met_by(1), None);
    /// # Ok::<(), interpersonal::goal::GoalRatingError>(())
    /// ```
    pub fn is_met_by(&self, value: u16) -> Option<bool> {
        match self {
            GoalTarget::MeasureAtMost { value: max, .. } => Some(value <= *max),
            GoalTarget::CountPerWeek { at_least, .. } => Some(value >= *at_least),
            GoalTarget::RatingAtLeast { value: min, .. } => self
                .is_rating_value(value)
                .then(|| value >= u16::from(*min)),
            GoalTarget::RatingAtMost { value: max, .. } => self
                .is_rating_value(value)
                .then(|| value <= u16::from(*max)),
            GoalTarget::Described(_) => None,
        }
    }

    /// Whether the target is a 0–10 rating, whose progress values must be
    /// 0–10.
    ///
    /// ```
    /// use interpersonal::{goal::GoalRating, goal::GoalTarget};
    /// assert!(GoalTarget::RatingAtMost { of: "worry".into(), value: GoalRating::new(3)? }.is_rating());
    /// assert!(!GoalTarget::Described("…".into()).is_rating());
    /// # Ok::<(), interpersonal::goal::GoalRatingError>(())
    /// ```
    pub fn is_rating(&self) -> bool {
        matches!(
            self,
            GoalTarget::RatingAtLeast { .. } | GoalTarget::RatingAtMost { .. }
        )
    }

    pub(super) fn is_rating_value(&self, value: u16) -> bool {
        !self.is_rating() || value <= u16::from(GoalRating::MAX.get())
    }
}
