//! [`ProgressEntry`]: one dated entry in a goal's progress log.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{id::GoalId, sensitive::Sensitive};

/// One dated note of progress on a goal: a value (a score, a weekly count or a
/// 0–10 rating, in the unit of the goal's [`GoalTarget`](crate::goal::GoalTarget)), a note, or both.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::goal::ProgressEntry;
///
/// let e = ProgressEntry::new(NaiveDate::from_ymd_opt(2026, 3, 9).unwrap())
///     .with_value(12)
///     .with_note("called her sister twice");
/// assert_eq!(e.value, Some(12));
/// assert_eq!(format!("{e:?}").contains("sister"), false);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ProgressEntry {
    /// The day the progress was noted.
    #[serde(with = "crate::date::day_json")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
    pub date: NaiveDate,
    /// The value, in the unit of the goal's target, if one was taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<u16>,
    /// A note, in the clinician's or patient's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Sensitive<String>>,
}

impl ProgressEntry {
    /// An entry with only a date.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::goal::ProgressEntry;
    /// let e = ProgressEntry::new(NaiveDate::from_ymd_opt(2026, 3, 9).unwrap());
    /// assert!(e.value.is_none() && e.note.is_none());
    /// ```
    pub fn new(date: NaiveDate) -> Self {
        ProgressEntry {
            date,
            value: None,
            note: None,
        }
    }

    /// This entry with a value.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::goal::ProgressEntry;
    /// let e = ProgressEntry::new(NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()).with_value(4);
    /// assert_eq!(e.value, Some(4));
    /// ```
    #[must_use]
    pub fn with_value(mut self, value: u16) -> Self {
        self.value = Some(value);
        self
    }

    /// This entry with a note.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::goal::ProgressEntry;
    /// let e = ProgressEntry::new(NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()).with_note("went to choir");
    /// assert_eq!(e.note.as_ref().map(|n| n.expose().as_str()), Some("went to choir"));
    /// ```
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(Sensitive::new(note.into()));
        self
    }
}

/// A refused progress entry.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{Goal, id::GoalId, goal::GoalProgressError, goal::GoalRating, goal::GoalTarget, ProblemArea, goal::ProgressEntry};
///
/// let mut goal = Goal::new(
///     GoalId::new("g2")?,
///     ProblemArea::InterpersonalDeficits,
///     "feel less alone",
///     GoalTarget::RatingAtMost { of: "loneliness".into(), value: GoalRating::new(4)? },
/// );
/// let day = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
/// let err = goal.record_progress(ProgressEntry::new(day).with_value(14)).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "goal `g2`: progress value 14 is not a rating: expected a whole number from 0 to 10",
/// );
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum GoalProgressError {
    /// The entry is dated before the goal's latest entry.
    #[error("goal `{goal}`: progress dated {date} is before the latest entry, dated {previous}")]
    DatedBeforePrevious {
        /// The goal.
        goal: GoalId,
        /// The date given.
        #[serde(with = "crate::date::day_json")]
        #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
        date: NaiveDate,
        /// The date of the latest entry.
        #[serde(with = "crate::date::day_json")]
        #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
        previous: NaiveDate,
    },
    /// The goal's target is a 0–10 rating and the value is above 10.
    #[error(
        "goal `{goal}`: progress value {value} is not a rating: expected a whole number from 0 to 10"
    )]
    RatingOutOfRange {
        /// The goal.
        goal: GoalId,
        /// The value given.
        value: u16,
    },
}
