//! Treatment goals: what a goal aims at, its status, its dated progress, and
//! the goal templates of each problem area.
//!
//! IPT's treatment contract names the agreed focus and goals
//! (ipt-domain.md §5 [K: Comprehensive-2000]); the manuals list goals for each
//! problem area (§2.1–§2.4), which [`GoalTemplate`] offers as a starting
//! point. A [`Goal`] adds what the seed article asks for, "specific,
//! measurable goals": a [`GoalTarget`], a [`GoalStatus`] that changes only
//! along allowed steps, and a progress log kept in date order.
//!
//! ```
//! use chrono::NaiveDate;
//! use interpersonal::{id::GoalId, goal::GoalStatus, goal::GoalTarget, goal::GoalTemplate, goal::InstrumentId, ProblemArea, goal::ProgressEntry};
//!
//! let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
//!
//! let template = &GoalTemplate::for_area(ProblemArea::Grief)[0];
//! let mut goal = template.goal(
//!     GoalId::new("g1")?,
//!     GoalTarget::MeasureAtMost { instrument: InstrumentId::PHQ9, value: 9 },
//! );
//! assert_eq!(goal.status(), GoalStatus::Proposed);
//!
//! goal.set_status(GoalStatus::Active, day(2))?;
//! goal.record_progress(ProgressEntry::new(day(2)).with_value(17))?;
//! goal.record_progress(ProgressEntry::new(day(30)).with_value(8))?;
//! assert_eq!(goal.target_met(), Some(true));
//!
//! // Progress goes forward in time; statuses along the allowed steps.
//! assert!(goal.record_progress(ProgressEntry::new(day(9))).is_err());
//! goal.set_status(GoalStatus::Achieved, day(30))?;
//! assert!(goal.set_status(GoalStatus::Active, day(31)).is_err());
//! # Ok::<(), interpersonal::Error>(())
//! ```

use crate::macros::vocabulary_enum;
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::catalogue::{
    GOAL_DEFICITS_ISOLATION, GOAL_DEFICITS_RELATIONSHIPS, GOAL_DISPUTE_IDENTIFY,
    GOAL_DISPUTE_MODIFY, GOAL_DISPUTE_PLAN, GOAL_GRIEF_MOURNING, GOAL_GRIEF_RELATIONSHIPS,
    GOAL_TRANSITION_MASTERY, GOAL_TRANSITION_MOURN_OLD_ROLE, GOAL_TRANSITION_NEW_ROLE,
};
use crate::{
    catalogue::{CatalogueEntry, ProblemArea},
    error::{JsonPath, Problems},
    id::GoalId,
    sensitive::Sensitive,
    source::Source,
};

// ---------------------------------------------------------------------------
// InstrumentId

/// The longest instrument id accepted, in bytes.
const MAX_INSTRUMENT_ID_LEN: usize = 32;

/// The id of a symptom rating instrument, such as the PHQ-9. Named constants
/// cover the instruments of ipt-domain.md §8; another instrument is any id of
/// 1 to 32 lowercase ASCII letters, digits, `_`, `-` and `.`.
///
/// JSON: the id as a string, `"phq9"`.
///
/// ```
/// use interpersonal::goal::InstrumentId;
///
/// assert_eq!(InstrumentId::PHQ9.as_str(), "phq9");
/// let custom: InstrumentId = "qids_sr16".parse()?;
/// assert_eq!(custom.to_string(), "qids_sr16");
/// assert!(InstrumentId::new("PHQ 9").is_err());
/// # Ok::<(), interpersonal::goal::InstrumentIdError>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct InstrumentId(Cow<'static, str>);

/// An instrument id that is empty, too long, or holds a character other than
/// lowercase ASCII letters, digits, `_`, `-` and `.`.
///
/// ```
/// use interpersonal::goal::InstrumentId;
/// let err = InstrumentId::new("Phq9").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "invalid instrument id: expected 1 to 32 lowercase ASCII letters, digits, '_', '-' or '.'",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[error("invalid instrument id: expected 1 to 32 lowercase ASCII letters, digits, '_', '-' or '.'")]
#[non_exhaustive]
pub struct InstrumentIdError;

impl InstrumentId {
    /// The PHQ-9 (Kroenke et al. 2001): nine self-rated items, total 0–27
    /// (ipt-domain.md §8.1).
    ///
    /// ```
    /// assert_eq!(interpersonal::goal::InstrumentId::PHQ9.as_str(), "phq9");
    /// ```
    pub const PHQ9: InstrumentId = InstrumentId(Cow::Borrowed("phq9"));

    /// The GAD-7 (Spitzer et al. 2006): seven self-rated items, total 0–21
    /// (ipt-domain.md §8.2).
    ///
    /// ```
    /// assert_eq!(interpersonal::goal::InstrumentId::GAD7.as_str(), "gad7");
    /// ```
    pub const GAD7: InstrumentId = InstrumentId(Cow::Borrowed("gad7"));

    /// The 17-item Hamilton Rating Scale for Depression (Hamilton 1960),
    /// clinician-rated, total 0–52 (ipt-domain.md §8.3).
    ///
    /// ```
    /// assert_eq!(interpersonal::goal::InstrumentId::HAMD17.as_str(), "hamd17");
    /// ```
    pub const HAMD17: InstrumentId = InstrumentId(Cow::Borrowed("hamd17"));

    /// Makes an instrument id, checking its form.
    ///
    /// # Errors
    ///
    /// Returns [`InstrumentIdError`] when the text is empty, longer than 32
    /// bytes, or holds a character other than lowercase ASCII letters,
    /// digits, `_`, `-` and `.`.
    ///
    /// ```
    /// use interpersonal::goal::InstrumentId;
    /// assert_eq!(InstrumentId::new("phq9")?, InstrumentId::PHQ9);
    /// # Ok::<(), interpersonal::goal::InstrumentIdError>(())
    /// ```
    pub fn new(id: impl Into<String>) -> Result<Self, InstrumentIdError> {
        let id = id.into();
        let ok = !id.is_empty()
            && id.len() <= MAX_INSTRUMENT_ID_LEN
            && id.bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'-' | b'.')
            });
        if ok {
            Ok(InstrumentId(Cow::Owned(id)))
        } else {
            Err(InstrumentIdError)
        }
    }

    /// The id as text.
    ///
    /// ```
    /// assert_eq!(interpersonal::goal::InstrumentId::GAD7.as_str(), "gad7");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for InstrumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "InstrumentId({:?})", self.as_str())
    }
}

impl fmt::Display for InstrumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for InstrumentId {
    type Err = InstrumentIdError;
    fn from_str(s: &str) -> Result<Self, InstrumentIdError> {
        InstrumentId::new(s)
    }
}

impl TryFrom<String> for InstrumentId {
    type Error = InstrumentIdError;
    fn try_from(value: String) -> Result<Self, InstrumentIdError> {
        InstrumentId::new(value)
    }
}

impl From<InstrumentId> for String {
    fn from(id: InstrumentId) -> String {
        id.0.into_owned()
    }
}

// ---------------------------------------------------------------------------
// GoalRating

/// A rating on a 0–10 scale, as a goal's target or a progress value: how
/// close the patient feels to a sister, how confident in speaking up. The
/// scale is the crate's choice for goals rated by the patient \[I\]; IPT-A's
/// session mood rating, for comparison, runs 1–10 [S: Casebook-2012 ch. 12].
///
/// JSON: the number, `7`.
///
/// ```
/// use interpersonal::goal::GoalRating;
///
/// let r = GoalRating::new(7)?;
/// assert_eq!(r.get(), 7);
/// assert!(GoalRating::new(11).is_err());
/// assert!(serde_json::from_str::<GoalRating>("11").is_err());
/// # Ok::<(), interpersonal::goal::GoalRatingError>(())
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(try_from = "u16", into = "u16")]
pub struct GoalRating(u8);

/// A rating outside 0–10.
///
/// ```
/// use interpersonal::goal::GoalRating;
/// let err = GoalRating::new(12).unwrap_err();
/// assert_eq!(err.to_string(), "invalid rating 12: expected a whole number from 0 to 10");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[error("invalid rating {value}: expected a whole number from 0 to 10")]
#[non_exhaustive]
pub struct GoalRatingError {
    /// The rating given.
    pub value: u16,
}

impl GoalRating {
    /// The lowest rating, 0.
    ///
    /// ```
    /// assert_eq!(interpersonal::goal::GoalRating::MIN.get(), 0);
    /// ```
    pub const MIN: GoalRating = GoalRating(0);

    /// The highest rating, 10.
    ///
    /// ```
    /// assert_eq!(interpersonal::goal::GoalRating::MAX.get(), 10);
    /// ```
    pub const MAX: GoalRating = GoalRating(10);

    /// A rating, checked to be 0–10.
    ///
    /// # Errors
    ///
    /// Returns [`GoalRatingError`] for a value above 10.
    ///
    /// ```
    /// use interpersonal::goal::GoalRating;
    /// assert_eq!(GoalRating::new(10)?, GoalRating::MAX);
    /// # Ok::<(), interpersonal::goal::GoalRatingError>(())
    /// ```
    pub const fn new(value: u8) -> Result<Self, GoalRatingError> {
        if value <= 10 {
            Ok(GoalRating(value))
        } else {
            Err(GoalRatingError {
                value: value as u16,
            })
        }
    }

    /// The rating as a number.
    ///
    /// ```
    /// assert_eq!(interpersonal::goal::GoalRating::new(3).unwrap().get(), 3);
    /// ```
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u16> for GoalRating {
    type Error = GoalRatingError;
    fn try_from(value: u16) -> Result<Self, GoalRatingError> {
        match u8::try_from(value) {
            Ok(v) if v <= 10 => Ok(GoalRating(v)),
            _ => Err(GoalRatingError { value }),
        }
    }
}

impl From<GoalRating> for u16 {
    fn from(r: GoalRating) -> u16 {
        u16::from(r.0)
    }
}

// ---------------------------------------------------------------------------
// GoalTarget

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

    fn is_rating_value(&self, value: u16) -> bool {
        !self.is_rating() || value <= u16::from(GoalRating::MAX.get())
    }
}

// ---------------------------------------------------------------------------
// GoalStatus

vocabulary_enum! {
    /// Where a goal stands. A goal is proposed, agreed and made active, and then
    /// achieved, revised (and made active again) or discontinued; achieved and
    /// discontinued are final. [`Goal::set_status`] allows only these steps:
    ///
    /// | from | to |
    /// | --- | --- |
    /// | proposed | active, discontinued |
    /// | active | achieved, revised, discontinued |
    /// | revised | active, discontinued |
    /// | achieved | (none) |
    /// | discontinued | (none) |
    ///
    /// The graph is the crate's design \[I\]: IPT goals are agreed with the patient
    /// in the contract and can be revised, as the formulation can
    /// (ipt-domain.md §2.5 rule 5 [S: Markowitz-phases]).
    ///
    /// ```
    /// use interpersonal::goal::GoalStatus;
    /// assert!(GoalStatus::Proposed.can_change_to(GoalStatus::Active));
    /// assert!(!GoalStatus::Proposed.can_change_to(GoalStatus::Achieved));
    /// assert!(GoalStatus::Achieved.is_final());
    /// ```
    pub enum GoalStatus {
        /// Suggested, not yet agreed.
        Proposed,
        /// Agreed and being worked on.
        Active,
        /// Reached. Final.
        Achieved,
        /// Reformulated; to be made active again or discontinued.
        Revised,
        /// Given up. Final.
        Discontinued,
    }
}

impl GoalStatus {
    /// The statuses a goal may move to from this one, in declaration order.
    ///
    /// ```
    /// use interpersonal::goal::GoalStatus;
    /// assert_eq!(
    ///     GoalStatus::Revised.allowed_next(),
    ///     [GoalStatus::Active, GoalStatus::Discontinued],
    /// );
    /// assert!(GoalStatus::Discontinued.allowed_next().is_empty());
    /// ```
    pub const fn allowed_next(self) -> &'static [GoalStatus] {
        use GoalStatus::*;
        match self {
            Proposed => &[Active, Discontinued],
            Active => &[Achieved, Revised, Discontinued],
            Revised => &[Active, Discontinued],
            Achieved | Discontinued => &[],
        }
    }

    /// Whether a goal may move from this status to `to`. A status never
    /// "changes" to itself.
    ///
    /// ```
    /// use interpersonal::goal::GoalStatus;
    /// assert!(GoalStatus::Active.can_change_to(GoalStatus::Revised));
    /// assert!(!GoalStatus::Active.can_change_to(GoalStatus::Active));
    /// ```
    pub const fn can_change_to(self, to: GoalStatus) -> bool {
        use GoalStatus::*;
        matches!(
            (self, to),
            (Proposed, Active | Discontinued)
                | (Active, Achieved | Revised | Discontinued)
                | (Revised, Active | Discontinued)
        )
    }

    /// Whether no status can follow: achieved and discontinued.
    ///
    /// ```
    /// use interpersonal::goal::GoalStatus;
    /// assert!(GoalStatus::Discontinued.is_final());
    /// assert!(!GoalStatus::Revised.is_final());
    /// ```
    pub const fn is_final(self) -> bool {
        matches!(self, GoalStatus::Achieved | GoalStatus::Discontinued)
    }
}

/// One change of a goal's status, and the day it was made.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{goal::GoalStatus, goal::GoalStatusChange};
///
/// let c: GoalStatusChange = serde_json::from_str(
///     r#"{"from": "proposed", "to": "active", "on": "2026-03-02"}"#,
/// )?;
/// assert_eq!(c.to, GoalStatus::Active);
/// assert_eq!(c.on, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct GoalStatusChange {
    /// The status before.
    pub from: GoalStatus,
    /// The status after.
    pub to: GoalStatus,
    /// The day of the change.
    pub on: NaiveDate,
}

/// A refused change of a goal's status.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{id::GoalId, goal::GoalStatus, goal::GoalStatusError, goal::GoalTarget, Goal, ProblemArea};
///
/// let mut goal = Goal::new(
///     GoalId::new("g1")?,
///     ProblemArea::RoleDispute,
///     "speak up at home",
///     GoalTarget::Described("…".into()),
/// );
/// let err = goal
///     .set_status(GoalStatus::Achieved, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
///     .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "goal `g1`: status cannot change from `proposed` to `achieved`",
/// );
/// # Ok::<(), interpersonal::id::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum GoalStatusError {
    /// The step is not in the allowed graph (see [`GoalStatus`]).
    #[error("goal `{goal}`: status cannot change from `{from}` to `{to}`")]
    NotAllowed {
        /// The goal.
        goal: GoalId,
        /// Its current status.
        from: GoalStatus,
        /// The status asked for.
        to: GoalStatus,
    },
    /// The change is dated before the goal's previous status change.
    #[error(
        "goal `{goal}`: status change dated {on} is before the previous change, dated {previous}"
    )]
    DatedBeforePrevious {
        /// The goal.
        goal: GoalId,
        /// The date given.
        on: NaiveDate,
        /// The date of the previous change.
        previous: NaiveDate,
    },
}

// ---------------------------------------------------------------------------
// Progress

/// One dated note of progress on a goal: a value (a score, a weekly count or a
/// 0–10 rating, in the unit of the goal's [`GoalTarget`]), a note, or both.
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
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ProgressEntry {
    /// The day the progress was noted.
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
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum GoalProgressError {
    /// The entry is dated before the goal's latest entry.
    #[error("goal `{goal}`: progress dated {date} is before the latest entry, dated {previous}")]
    DatedBeforePrevious {
        /// The goal.
        goal: GoalId,
        /// The date given.
        date: NaiveDate,
        /// The date of the latest entry.
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

// ---------------------------------------------------------------------------
// Goal

/// A treatment goal: a statement in the patient's words, the problem area it
/// belongs to, a measurable [`GoalTarget`], an optional target date, a
/// [`GoalStatus`] and a dated progress log.
///
/// The status changes only along the allowed steps ([`Goal::set_status`]) and
/// the progress log stays in date order ([`Goal::record_progress`]); reading a
/// goal from JSON checks the same, reporting every problem at once. Progress
/// values are checked against the target when they are recorded.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{Goal, id::GoalId, goal::GoalStatus, goal::GoalTarget, ProblemArea, Sensitive};
///
/// let goal = Goal::new(
///     GoalId::new("g1")?,
///     ProblemArea::RoleTransition,
///     "feel at home in the new job",
///     GoalTarget::CountPerWeek { at_least: 2, of: "lunches with colleagues".into() },
/// )
/// .with_target_date(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
///
/// assert_eq!(goal.status(), GoalStatus::Proposed);
/// assert!(!format!("{goal:?}").contains("new job"));
/// let back: Goal = interpersonal::from_json(&interpersonal::to_json(&goal)?)?;
/// assert_eq!(back, goal);
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "GoalRecord")]
pub struct Goal {
    /// The goal's id.
    pub id: GoalId,
    /// The problem area the goal belongs to.
    pub area: ProblemArea,
    /// The goal in words, the patient's or the template's.
    pub statement: Sensitive<String>,
    /// What would show that the goal is reached.
    pub target: GoalTarget,
    /// The day by which the goal should be reached, if one was set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_date: Option<NaiveDate>,
    status: GoalStatus,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    status_changes: Vec<GoalStatusChange>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    progress: Vec<ProgressEntry>,
}

/// The JSON shape of a [`Goal`], checked into one by `TryFrom`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoalRecord {
    id: GoalId,
    area: ProblemArea,
    statement: Sensitive<String>,
    target: GoalTarget,
    #[serde(default)]
    target_date: Option<NaiveDate>,
    status: GoalStatus,
    #[serde(default)]
    status_changes: Vec<GoalStatusChange>,
    #[serde(default)]
    progress: Vec<ProgressEntry>,
}

impl TryFrom<GoalRecord> for Goal {
    type Error = Problems;

    fn try_from(r: GoalRecord) -> Result<Self, Problems> {
        let mut problems = Problems::default();
        let changes = JsonPath::root().field("status_changes");
        let mut previous: Option<&GoalStatusChange> = None;
        for (i, c) in r.status_changes.iter().enumerate() {
            let at = changes.index(i);
            if !c.from.can_change_to(c.to) {
                problems.at(
                    at.field("to"),
                    format!("a status allowed after `{}`; found `{}`", c.from, c.to),
                );
            }
            if let Some(p) = previous {
                if c.from != p.to {
                    problems.at(
                        at.field("from"),
                        format!("`{}`, the status the previous change led to", p.to),
                    );
                }
                if c.on < p.on {
                    problems.at(
                        at.field("on"),
                        format!("a date on or after {}, the previous change's", p.on),
                    );
                }
            }
            previous = Some(c);
        }
        if let Some(last) = previous {
            if last.to != r.status {
                problems.at(
                    JsonPath::root().field("status"),
                    format!("`{}`, the status the last change led to", last.to),
                );
            }
        }
        let progress = JsonPath::root().field("progress");
        for (i, pair) in r.progress.windows(2).enumerate() {
            if let [before, after] = pair {
                if after.date < before.date {
                    problems.at(
                        progress.index(i + 1).field("date"),
                        format!("a date on or after {}, the previous entry's", before.date),
                    );
                }
            }
        }
        problems.into_result(Goal {
            id: r.id,
            area: r.area,
            statement: r.statement,
            target: r.target,
            target_date: r.target_date,
            status: r.status,
            status_changes: r.status_changes,
            progress: r.progress,
        })
    }
}

impl Goal {
    /// A proposed goal with no target date and no progress.
    ///
    /// ```
    /// use interpersonal::{Goal, id::GoalId, goal::GoalStatus, goal::GoalTarget, goal::InstrumentId, ProblemArea};
    /// let goal = Goal::new(
    ///     GoalId::new("g1")?,
    ///     ProblemArea::Grief,
    ///     "mourn my father",
    ///     GoalTarget::MeasureAtMost { instrument: InstrumentId::HAMD17, value: 7 },
    /// );
    /// assert_eq!(goal.status(), GoalStatus::Proposed);
    /// assert!(goal.progress().is_empty());
    /// # Ok::<(), interpersonal::id::IdError>(())
    /// ```
    pub fn new(
        id: GoalId,
        area: ProblemArea,
        statement: impl Into<String>,
        target: GoalTarget,
    ) -> Self {
        Goal {
            id,
            area,
            statement: Sensitive::new(statement.into()),
            target,
            target_date: None,
            status: GoalStatus::Proposed,
            status_changes: Vec::new(),
            progress: Vec::new(),
        }
    }

    /// This goal with a target date.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Goal, id::GoalId, goal::GoalTarget, ProblemArea};
    /// let date = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    /// let goal = Goal::new(GoalId::new("g1")?, ProblemArea::Grief, "…", GoalTarget::Described("…".into()))
    ///     .with_target_date(date);
    /// assert_eq!(goal.target_date, Some(date));
    /// # Ok::<(), interpersonal::id::IdError>(())
    /// ```
    #[must_use]
    pub fn with_target_date(mut self, date: NaiveDate) -> Self {
        self.target_date = Some(date);
        self
    }

    /// The goal's status.
    ///
    /// ```
    /// use interpersonal::{id::GoalId, goal::GoalStatus, goal::GoalTarget, goal::GoalTemplate, ProblemArea};
    /// let goal = GoalTemplate::for_area(ProblemArea::RoleDispute)[0]
    ///     .goal(GoalId::new("g1")?, GoalTarget::Described("…".into()));
    /// assert_eq!(goal.status(), GoalStatus::Proposed);
    /// # Ok::<(), interpersonal::id::IdError>(())
    /// ```
    pub fn status(&self) -> GoalStatus {
        self.status
    }

    /// The goal's status changes, oldest first.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Goal, id::GoalId, goal::GoalStatus, goal::GoalTarget, ProblemArea};
    /// let mut goal = Goal::new(GoalId::new("g1")?, ProblemArea::Grief, "…", GoalTarget::Described("…".into()));
    /// goal.set_status(GoalStatus::Active, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())?;
    /// assert_eq!(goal.status_changes()[0].from, GoalStatus::Proposed);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn status_changes(&self) -> &[GoalStatusChange] {
        &self.status_changes
    }

    /// The progress log, in date order (entries of the same day in the order
    /// recorded).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Goal, id::GoalId, goal::GoalTarget, ProblemArea, goal::ProgressEntry};
    /// let mut goal = Goal::new(GoalId::new("g1")?, ProblemArea::Grief, "…", GoalTarget::Described("…".into()));
    /// goal.record_progress(ProgressEntry::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()))?;
    /// assert_eq!(goal.progress().len(), 1);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn progress(&self) -> &[ProgressEntry] {
        &self.progress
    }

    /// Whether the latest progress value meets the target
    /// ([`GoalTarget::is_met_by`]); `None` when no entry has a value or the
    /// target is described in words.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Goal, id::GoalId, goal::GoalTarget, goal::InstrumentId, ProblemArea, goal::ProgressEntry};
    /// let mut goal = Goal::new(
    ///     GoalId::new("g1")?,
    ///     ProblemArea::Grief,
    ///     "…",
    ///     GoalTarget::MeasureAtMost { instrument: InstrumentId::PHQ9, value: 4 },
    /// );
    /// assert_eq!(goal.target_met(), None);
    /// goal.record_progress(ProgressEntry::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()).with_value(6))?;
    /// assert_eq!(goal.target_met(), Some(false));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn target_met(&self) -> Option<bool> {
        let value = self.progress.iter().rev().find_map(|e| e.value)?;
        self.target.is_met_by(value)
    }

    /// Moves the goal to status `to` on day `on`, recording the change.
    ///
    /// The allowed steps are those of [`GoalStatus`]'s table: proposed to
    /// active or discontinued; active to achieved, revised or discontinued;
    /// revised to active or discontinued; nothing after achieved or
    /// discontinued.
    ///
    /// # Errors
    ///
    /// * [`GoalStatusError::NotAllowed`] when the step is not allowed; it names
    ///   both statuses;
    /// * [`GoalStatusError::DatedBeforePrevious`] when `on` is before the
    ///   previous change.
    ///
    /// The goal is unchanged on error.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Goal, id::GoalId, goal::GoalStatus, goal::GoalStatusError, goal::GoalTarget, ProblemArea};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let mut goal = Goal::new(GoalId::new("g1")?, ProblemArea::Grief, "…", GoalTarget::Described("…".into()));
    /// goal.set_status(GoalStatus::Active, day(2))?;
    /// goal.set_status(GoalStatus::Revised, day(16))?;
    /// let err = goal.set_status(GoalStatus::Active, day(9)).unwrap_err();
    /// assert!(matches!(err, GoalStatusError::DatedBeforePrevious { .. }));
    /// goal.set_status(GoalStatus::Active, day(16))?;
    /// assert_eq!(goal.status_changes().len(), 3);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn set_status(&mut self, to: GoalStatus, on: NaiveDate) -> Result<(), GoalStatusError> {
        let from = self.status;
        if !from.can_change_to(to) {
            return Err(GoalStatusError::NotAllowed {
                goal: self.id.clone(),
                from,
                to,
            });
        }
        if let Some(previous) = self.status_changes.last().map(|c| c.on) {
            if on < previous {
                return Err(GoalStatusError::DatedBeforePrevious {
                    goal: self.id.clone(),
                    on,
                    previous,
                });
            }
        }
        self.status_changes.push(GoalStatusChange { from, to, on });
        self.status = to;
        Ok(())
    }

    /// Adds an entry to the progress log. Entries go forward in time: an
    /// entry may share the latest entry's day but not precede it.
    ///
    /// # Errors
    ///
    /// * [`GoalProgressError::DatedBeforePrevious`] when the entry is dated
    ///   before the latest entry;
    /// * [`GoalProgressError::RatingOutOfRange`] when the target is a 0–10
    ///   rating and the value is above 10.
    ///
    /// The goal is unchanged on error.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Goal, id::GoalId, goal::GoalProgressError, goal::GoalTarget, ProblemArea, goal::ProgressEntry};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let mut goal = Goal::new(GoalId::new("g1")?, ProblemArea::Grief, "…", GoalTarget::Described("…".into()));
    /// goal.record_progress(ProgressEntry::new(day(9)).with_note("visited the grave"))?;
    /// goal.record_progress(ProgressEntry::new(day(9)))?;
    /// let err = goal.record_progress(ProgressEntry::new(day(2))).unwrap_err();
    /// assert!(matches!(err, GoalProgressError::DatedBeforePrevious { .. }));
    /// assert_eq!(goal.progress().len(), 2);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn record_progress(&mut self, entry: ProgressEntry) -> Result<(), GoalProgressError> {
        if let Some(previous) = self.progress.last().map(|e| e.date) {
            if entry.date < previous {
                return Err(GoalProgressError::DatedBeforePrevious {
                    goal: self.id.clone(),
                    date: entry.date,
                    previous,
                });
            }
        }
        if let Some(value) = entry.value {
            if !self.target.is_rating_value(value) {
                return Err(GoalProgressError::RatingOutOfRange {
                    goal: self.id.clone(),
                    value,
                });
            }
        }
        self.progress.push(entry);
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// GoalTemplate

/// A goal as the IPT manuals state it for a problem area (ipt-domain.md
/// §2.1–§2.4), with a stable key and its source: the starting point for a
/// patient's [`Goal`]. The templates of an area are the area's
/// [`goals`](ProblemArea::goals), in the same order.
///
/// JSON: `{"key": "grief.facilitate_mourning", "area": "grief", "goal": {"text": …, "source": …}}`.
///
/// ```
/// use interpersonal::{id::GoalId, goal::GoalStatus, goal::GoalTarget, goal::GoalTemplate, ProblemArea};
///
/// let t = GoalTemplate::by_key("role_dispute.choose_plan").unwrap();
/// assert_eq!(t.area(), ProblemArea::RoleDispute);
/// assert_eq!(t.text(), "Choose a plan of action.");
///
/// let goal = t.goal(GoalId::new(t.key())?, GoalTarget::Described("agree a plan".into()));
/// assert_eq!(goal.statement.expose(), "Choose a plan of action.");
/// assert_eq!(goal.status(), GoalStatus::Proposed);
/// # Ok::<(), interpersonal::id::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalTemplate {
    key: Cow<'static, str>,
    area: ProblemArea,
    goal: CatalogueEntry,
}

impl GoalTemplate {
    const fn from_entry(key: &'static str, area: ProblemArea, entry: CatalogueEntry) -> Self {
        GoalTemplate {
            key: Cow::Borrowed(key),
            area,
            goal: entry,
        }
    }

    /// The templates of `area`, in the manuals' order.
    ///
    /// ```
    /// use interpersonal::{goal::GoalTemplate, ProblemArea};
    /// let keys: Vec<_> = GoalTemplate::for_area(ProblemArea::Grief).iter().map(|t| t.key()).collect();
    /// assert_eq!(keys, ["grief.facilitate_mourning", "grief.reestablish_relationships"]);
    /// ```
    pub fn for_area(area: ProblemArea) -> &'static [GoalTemplate] {
        match area {
            ProblemArea::Grief => &GRIEF_TEMPLATES,
            ProblemArea::RoleDispute => &DISPUTE_TEMPLATES,
            ProblemArea::RoleTransition => &TRANSITION_TEMPLATES,
            ProblemArea::InterpersonalDeficits => &DEFICITS_TEMPLATES,
        }
    }

    /// Every template, area by area.
    ///
    /// ```
    /// assert_eq!(interpersonal::goal::GoalTemplate::all().count(), 10);
    /// ```
    pub fn all() -> impl Iterator<Item = &'static GoalTemplate> {
        ProblemArea::iter().flat_map(GoalTemplate::for_area)
    }

    /// The template with this key, if there is one.
    ///
    /// ```
    /// use interpersonal::goal::GoalTemplate;
    /// assert!(GoalTemplate::by_key("interpersonal_deficits.reduce_isolation").is_some());
    /// assert!(GoalTemplate::by_key("grief.forget").is_none());
    /// ```
    pub fn by_key(key: &str) -> Option<&'static GoalTemplate> {
        GoalTemplate::all().find(|t| t.key == key)
    }

    /// The template's stable key, `<area>.<goal>`, such as
    /// `"grief.facilitate_mourning"`. Keys are valid [`GoalId`]s.
    ///
    /// ```
    /// use interpersonal::{goal::GoalTemplate, ProblemArea};
    /// assert_eq!(
    ///     GoalTemplate::for_area(ProblemArea::RoleTransition)[0].key(),
    ///     "role_transition.mourn_old_role",
    /// );
    /// ```
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The problem area the goal belongs to.
    ///
    /// ```
    /// use interpersonal::{goal::GoalTemplate, ProblemArea};
    /// assert_eq!(GoalTemplate::for_area(ProblemArea::Grief)[1].area(), ProblemArea::Grief);
    /// ```
    pub fn area(&self) -> ProblemArea {
        self.area
    }

    /// The goal as the manuals state it.
    ///
    /// ```
    /// use interpersonal::{goal::GoalTemplate, ProblemArea};
    /// assert_eq!(
    ///     GoalTemplate::for_area(ProblemArea::InterpersonalDeficits)[0].text(),
    ///     "Reduce the patient's social isolation.",
    /// );
    /// ```
    pub fn text(&self) -> &str {
        &self.goal.text
    }

    /// Where the goal is stated.
    ///
    /// ```
    /// use interpersonal::{source::Basis, goal::GoalTemplate, ProblemArea};
    /// let t = &GoalTemplate::for_area(ProblemArea::RoleDispute)[0];
    /// assert_eq!(t.source().basis(), Basis::Stated);
    /// assert!(t.source().cites_work("weissman-2018-guide"));
    /// ```
    pub fn source(&self) -> &Source {
        &self.goal.source
    }

    /// A proposed goal from this template: its statement is the template's
    /// text, to be reworded with the patient; no target date, no progress.
    ///
    /// ```
    /// use interpersonal::{id::GoalId, goal::GoalTarget, goal::GoalTemplate, goal::InstrumentId, ProblemArea};
    /// let t = &GoalTemplate::for_area(ProblemArea::RoleTransition)[2];
    /// let goal = t.goal(
    ///     GoalId::new("g3")?,
    ///     GoalTarget::MeasureAtMost { instrument: InstrumentId::PHQ9, value: 9 },
    /// );
    /// assert_eq!(goal.area, ProblemArea::RoleTransition);
    /// assert_eq!(goal.statement.expose(), t.text());
    /// # Ok::<(), interpersonal::id::IdError>(())
    /// ```
    pub fn goal(&self, id: GoalId, target: GoalTarget) -> Goal {
        Goal::new(id, self.area, self.goal.text.as_ref(), target)
    }
}

static GRIEF_TEMPLATES: [GoalTemplate; 2] = [
    GoalTemplate::from_entry(
        "grief.facilitate_mourning",
        ProblemArea::Grief,
        GOAL_GRIEF_MOURNING,
    ),
    GoalTemplate::from_entry(
        "grief.reestablish_relationships",
        ProblemArea::Grief,
        GOAL_GRIEF_RELATIONSHIPS,
    ),
];

static DISPUTE_TEMPLATES: [GoalTemplate; 3] = [
    GoalTemplate::from_entry(
        "role_dispute.identify_dispute",
        ProblemArea::RoleDispute,
        GOAL_DISPUTE_IDENTIFY,
    ),
    GoalTemplate::from_entry(
        "role_dispute.choose_plan",
        ProblemArea::RoleDispute,
        GOAL_DISPUTE_PLAN,
    ),
    GoalTemplate::from_entry(
        "role_dispute.modify_communication_or_expectations",
        ProblemArea::RoleDispute,
        GOAL_DISPUTE_MODIFY,
    ),
];

static TRANSITION_TEMPLATES: [GoalTemplate; 3] = [
    GoalTemplate::from_entry(
        "role_transition.mourn_old_role",
        ProblemArea::RoleTransition,
        GOAL_TRANSITION_MOURN_OLD_ROLE,
    ),
    GoalTemplate::from_entry(
        "role_transition.regard_new_role_positively",
        ProblemArea::RoleTransition,
        GOAL_TRANSITION_NEW_ROLE,
    ),
    GoalTemplate::from_entry(
        "role_transition.master_new_role",
        ProblemArea::RoleTransition,
        GOAL_TRANSITION_MASTERY,
    ),
];

static DEFICITS_TEMPLATES: [GoalTemplate; 2] = [
    GoalTemplate::from_entry(
        "interpersonal_deficits.reduce_isolation",
        ProblemArea::InterpersonalDeficits,
        GOAL_DEFICITS_ISOLATION,
    ),
    GoalTemplate::from_entry(
        "interpersonal_deficits.form_relationships",
        ProblemArea::InterpersonalDeficits,
        GOAL_DEFICITS_RELATIONSHIPS,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn goal(target: GoalTarget) -> Goal {
        Goal::new(GoalId::new("g").unwrap(), ProblemArea::Grief, "x", target)
    }

    #[test]
    fn templates_mirror_area_goals() {
        for area in ProblemArea::iter() {
            let texts: Vec<&str> = GoalTemplate::for_area(area)
                .iter()
                .map(|t| t.text())
                .collect();
            let goals: Vec<&str> = area.goals().iter().map(|g| g.text.as_ref()).collect();
            assert_eq!(texts, goals, "{area}");
            for t in GoalTemplate::for_area(area) {
                assert_eq!(t.area(), area);
                assert!(t.key().starts_with(&format!("{area}.")), "{}", t.key());
                assert!(GoalId::new(t.key()).is_ok());
            }
        }
    }

    #[test]
    fn template_keys_are_unique() {
        let mut keys: Vec<_> = GoalTemplate::all().map(|t| t.key()).collect();
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n);
    }

    #[test]
    fn rating_boundaries() {
        let mut g = goal(GoalTarget::RatingAtLeast {
            of: "x".into(),
            value: GoalRating::new(6).unwrap(),
        });
        assert!(
            g.record_progress(ProgressEntry::new(day(1)).with_value(10))
                .is_ok()
        );
        assert_eq!(
            g.record_progress(ProgressEntry::new(day(2)).with_value(11)),
            Err(GoalProgressError::RatingOutOfRange {
                goal: GoalId::new("g").unwrap(),
                value: 11
            })
        );
        assert_eq!(g.progress().len(), 1);
        // A score target takes any value.
        let mut g = goal(GoalTarget::MeasureAtMost {
            instrument: InstrumentId::HAMD17,
            value: 7,
        });
        assert!(
            g.record_progress(ProgressEntry::new(day(1)).with_value(52))
                .is_ok()
        );
    }

    #[test]
    fn same_day_progress_keeps_order() {
        let mut g = goal(GoalTarget::Described("x".into()));
        g.record_progress(ProgressEntry::new(day(3)).with_value(1))
            .unwrap();
        g.record_progress(ProgressEntry::new(day(3)).with_value(2))
            .unwrap();
        let values: Vec<_> = g.progress().iter().map(|e| e.value).collect();
        assert_eq!(values, [Some(1), Some(2)]);
    }

    #[test]
    fn refused_status_change_leaves_goal_unchanged() {
        let mut g = goal(GoalTarget::Described("x".into()));
        let before = g.clone();
        assert!(g.set_status(GoalStatus::Revised, day(1)).is_err());
        assert_eq!(g, before);
    }

    #[test]
    fn json_with_disordered_history_reports_every_problem() {
        let json = r#"{
            "id": "g", "area": "grief", "statement": "x", "target": {"described": "y"},
            "status": "achieved",
            "status_changes": [
                {"from": "proposed", "to": "active", "on": "2026-03-05"},
                {"from": "revised", "to": "active", "on": "2026-03-01"}
            ],
            "progress": [{"date": "2026-03-05"}, {"date": "2026-03-04"}]
        }"#;
        let err = serde_json::from_str::<Goal>(json).unwrap_err().to_string();
        assert!(err.starts_with("4 problems"), "{err}");
        assert!(err.contains("$.status_changes[1].from"), "{err}");
        assert!(err.contains("$.status_changes[1].on"), "{err}");
        assert!(err.contains("$.status:"), "{err}");
        assert!(err.contains("$.progress[1].date"), "{err}");

        let json2 = json.replace(
            r#""to": "active", "on": "2026-03-01""#,
            r#""to": "achieved", "on": "2026-03-01""#,
        );
        let err = serde_json::from_str::<Goal>(&json2)
            .unwrap_err()
            .to_string();
        assert!(err.contains("$.status_changes[1].to: expected a status allowed after `revised`; found `achieved`"), "{err}");

        let json = json.replace(r#""status": "achieved""#, r#""status": "active""#);
        let json = json.replace(
            r#"{"from": "revised", "to": "active", "on": "2026-03-01"}"#,
            r#"{"from": "active", "to": "revised", "on": "2026-03-06"}, {"from": "revised", "to": "active", "on": "2026-03-06"}"#,
        );
        let err = serde_json::from_str::<Goal>(&json).unwrap_err().to_string();
        assert!(err.starts_with("1 problem: $.progress[1].date"), "{err}");
    }
}
