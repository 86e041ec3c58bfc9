//! [`Error`]: the one error type that every fallible call in the crate can turn
//! into, with a [`ErrorKind`] and predicates to tell what went wrong.

use std::fmt;

use crate::catalogue::PhaseTransitionError;
use crate::course::{CourseError, ScheduleError, UnknownModality};
use crate::date::DateError;
use crate::error::{JsonError, JsonPath, Problems};
use crate::goal::{GoalProgressError, GoalRatingError, GoalStatusError, InstrumentIdError};
use crate::id::IdError;
use crate::ipsrt::{
    ClockTimeError, InvolvementError, MoodRatingError, SrmWeekError, UnknownActivity,
};
use crate::measure::{SafetyFlag, ScoreRefused, TrendError};
use crate::mit::UnknownMotivationalSystem;

/// Any error the crate returns.
///
/// Each subsystem keeps its own precise error type beside its code
/// ([`Problems`] for a validation, [`JsonError`] for a document that cannot be
/// read, [`CourseError`] for a refused session record, and so on), and every
/// one of them converts into `Error` with `?`. Programs that only need to
/// report an error, or to tell a few kinds apart, use this one type; programs
/// that need every detail match on the specific error before converting it, or
/// read it back through [`std::error::Error::source`].
///
/// Like every error in the crate, an `Error` names ids and JSON paths, never
/// patient text.
///
/// ```
/// use interpersonal::{Error, Inventory, from_json};
///
/// fn read(json: &str) -> Result<Inventory, Error> {
///     let inventory: Inventory = from_json(json)?; // a JsonError
///     inventory.validate()?;                       // Problems
///     Ok(inventory)
/// }
///
/// let err = read(r#"{"schema_version": 1, "assessed_on": "2026-13-01", "onset": "unknown"}"#)
///     .unwrap_err();
/// assert!(err.is_json());
/// assert_eq!(err.path().map(|p| p.as_str()), Some("$.assessed_on"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    repr: Box<Repr>,
}

/// What kind of error an [`Error`] is. New kinds may be added.
///
/// ```
/// use interpersonal::{Error, error::ErrorKind, id::PersonId};
///
/// let err: Error = PersonId::new("has space").unwrap_err().into();
/// assert_eq!(err.kind(), ErrorKind::Id);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A JSON document could not be read ([`JsonError`]).
    Json,
    /// A value was read but is not valid: one or more [`Problems`], each at its
    /// JSON path.
    Invalid,
    /// An id of the wrong form ([`IdError`]).
    Id,
    /// A date of the wrong form ([`DateError`]).
    Date,
    /// A refused change to a goal: its rating, status, progress or instrument
    /// ([`GoalRatingError`], [`GoalStatusError`], [`GoalProgressError`],
    /// [`InstrumentIdError`]).
    Goal,
    /// A refused phase transition ([`PhaseTransitionError`]).
    Phase,
    /// A refused change to a course of treatment ([`CourseError`]).
    Course,
    /// A schedule that cannot be laid out or changed ([`ScheduleError`]).
    Schedule,
    /// A modality name that is not known ([`UnknownModality`]).
    Modality,
    /// A symptom trend that cannot be computed ([`TrendError`]).
    Trend,
    /// A symptom measure that cannot be scored: items missing or out of range
    /// ([`ScoreRefused`]). A safety flag of its answered suicide item is kept:
    /// see [`Error::safety_flags`].
    Score,
    /// A value of a social rhythm diary of the wrong form: a clock time, an
    /// involvement code, a mood rating or an activity name
    /// ([`ClockTimeError`], [`InvolvementError`], [`MoodRatingError`],
    /// [`UnknownActivity`]).
    Rhythm,
    /// An entry a diary week refused: a day outside the week, an activity its
    /// form does not ask for ([`SrmWeekError`]).
    Diary,
    /// A motivational system name of Metacognitive Interpersonal Therapy that
    /// is not known ([`UnknownMotivationalSystem`]).
    Motive,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Repr {
    Json(JsonError),
    Invalid(Problems),
    Id(IdError),
    Date(DateError),
    GoalRating(GoalRatingError),
    GoalStatus(GoalStatusError),
    GoalProgress(GoalProgressError),
    Instrument(InstrumentIdError),
    Phase(PhaseTransitionError),
    Course(CourseError),
    Schedule(ScheduleError),
    Modality(UnknownModality),
    Trend(TrendError),
    Score(ScoreRefused),
    ClockTime(ClockTimeError),
    Involvement(InvolvementError),
    Mood(MoodRatingError),
    Activity(UnknownActivity),
    Diary(SrmWeekError),
    Motive(UnknownMotivationalSystem),
}

impl Error {
    /// What kind of error this is.
    ///
    /// ```
    /// use interpersonal::{Error, Problems, JsonPath, error::{ErrorKind, Problem}};
    ///
    /// let mut problems = Problems::default();
    /// problems.push(Problem::new(JsonPath::root().field("onset"), "a date"));
    /// let err = Error::from(problems);
    /// assert_eq!(err.kind(), ErrorKind::Invalid);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        match &*self.repr {
            Repr::Json(_) => ErrorKind::Json,
            Repr::Invalid(_) => ErrorKind::Invalid,
            Repr::Id(_) => ErrorKind::Id,
            Repr::Date(_) => ErrorKind::Date,
            Repr::GoalRating(_)
            | Repr::GoalStatus(_)
            | Repr::GoalProgress(_)
            | Repr::Instrument(_) => ErrorKind::Goal,
            Repr::Phase(_) => ErrorKind::Phase,
            Repr::Course(_) => ErrorKind::Course,
            Repr::Schedule(_) => ErrorKind::Schedule,
            Repr::Modality(_) => ErrorKind::Modality,
            Repr::Trend(_) => ErrorKind::Trend,
            Repr::Score(_) => ErrorKind::Score,
            Repr::ClockTime(_) | Repr::Involvement(_) | Repr::Mood(_) | Repr::Activity(_) => {
                ErrorKind::Rhythm
            }
            Repr::Diary(_) => ErrorKind::Diary,
            Repr::Motive(_) => ErrorKind::Motive,
        }
    }

    /// Whether a JSON document could not be read.
    ///
    /// ```
    /// use interpersonal::{Error, Inventory, from_json};
    /// let err: Error = from_json::<Inventory>("{").unwrap_err().into();
    /// assert!(err.is_json());
    /// assert!(!err.is_invalid());
    /// ```
    pub fn is_json(&self) -> bool {
        self.kind() == ErrorKind::Json
    }

    /// Whether a value was read but failed its validation.
    ///
    /// ```
    /// use interpersonal::{Error, Inventory, from_json};
    /// let inventory: Inventory = from_json(r#"{"schema_version": 1,
    ///     "assessed_on": "2026-03-02", "onset": "2026-05"}"#)?;
    /// let err = Error::from(inventory.validate().unwrap_err());
    /// assert!(err.is_invalid());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn is_invalid(&self) -> bool {
        self.kind() == ErrorKind::Invalid
    }

    /// Whether an id, a date or a value of a social rhythm diary (a clock
    /// time, an involvement code, a mood rating, an activity name) was of the
    /// wrong form.
    ///
    /// ```
    /// use interpersonal::{Error, date::PartialDate, ipsrt::ClockTime};
    /// let err: Error = "2026-1".parse::<PartialDate>().unwrap_err().into();
    /// assert!(err.is_malformed());
    /// let err: Error = "25:00".parse::<ClockTime>().unwrap_err().into();
    /// assert!(err.is_malformed());
    /// ```
    pub fn is_malformed(&self) -> bool {
        matches!(
            self.kind(),
            ErrorKind::Id | ErrorKind::Date | ErrorKind::Rhythm
        )
    }

    /// Whether a change was refused by the rules of a course of treatment: a
    /// goal, a phase transition, a session record or a schedule change; or an
    /// entry was refused by a diary week.
    ///
    /// ```
    /// use interpersonal::{Error, Phase, catalogue::PhaseTask};
    /// let err: Error = Phase::Assessment.advance(&[PhaseTask::ReviewSymptoms]).unwrap_err().into();
    /// assert!(err.is_refused());
    /// ```
    pub fn is_refused(&self) -> bool {
        matches!(
            self.kind(),
            ErrorKind::Goal
                | ErrorKind::Phase
                | ErrorKind::Course
                | ErrorKind::Schedule
                | ErrorKind::Diary
        )
    }

    /// The JSON path of the (first) problem, when the error has one.
    ///
    /// ```
    /// use interpersonal::{Error, Inventory, from_json};
    /// let err: Error = from_json::<Inventory>(r#"{"schema_version": "one"}"#).unwrap_err().into();
    /// assert_eq!(err.path().unwrap().as_str(), "$.schema_version");
    /// ```
    pub fn path(&self) -> Option<&JsonPath> {
        match &*self.repr {
            Repr::Json(e) => Some(&e.path),
            Repr::Invalid(p) => p.iter().next().map(|p| &p.path),
            _ => None,
        }
    }

    /// Every problem of a failed validation, when the error is one.
    ///
    /// ```
    /// use interpersonal::{Error, Inventory, from_json};
    /// let inventory: Inventory = from_json(r#"{"schema_version": 1,
    ///     "assessed_on": "2026-03-02", "onset": "2026-05"}"#)?;
    /// let err = Error::from(inventory.validate().unwrap_err());
    /// assert!(!err.problems().unwrap().is_empty());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn problems(&self) -> Option<&Problems> {
        match &*self.repr {
            Repr::Invalid(p) => Some(p),
            Repr::Score(e) => Some(&e.problems),
            _ => None,
        }
    }

    /// The safety flags this error carries: those of a refused symptom
    /// measure whose suicide item was answered at 1 or more. A safety flag is
    /// never lost because the rest of the form could not be scored.
    ///
    /// ```
    /// use interpersonal::{Error, Phq9Score, measure::{Phq9Answers, ScoringOptions}};
    ///
    /// // Item 1 unanswered, item 9 answered 2.
    /// let answers = Phq9Answers::from_optional_scores([
    ///     None, Some(1), Some(1), Some(1), Some(1), Some(1), Some(1), Some(1), Some(2),
    /// ]);
    /// let refused = Phq9Score::from_answers(&answers, &ScoringOptions::default()).unwrap_err();
    /// let err = Error::from(refused);
    /// assert_eq!(err.safety_flags().len(), 1);
    /// assert!(err.to_string().starts_with("SAFETY"), "{err}");
    /// assert_eq!(err.problems().map(|p| p.len()), Some(1));
    /// ```
    pub fn safety_flags(&self) -> &[SafetyFlag] {
        match &*self.repr {
            Repr::Score(e) => &e.safety_flags,
            _ => &[],
        }
    }

    fn inner(&self) -> &(dyn std::error::Error + 'static) {
        match &*self.repr {
            Repr::Json(e) => e,
            Repr::Invalid(e) => e,
            Repr::Id(e) => e,
            Repr::Date(e) => e,
            Repr::GoalRating(e) => e,
            Repr::GoalStatus(e) => e,
            Repr::GoalProgress(e) => e,
            Repr::Instrument(e) => e,
            Repr::Phase(e) => e,
            Repr::Course(e) => e,
            Repr::Schedule(e) => e,
            Repr::Modality(e) => e,
            Repr::Trend(e) => e,
            Repr::Score(e) => e,
            Repr::ClockTime(e) => e,
            Repr::Involvement(e) => e,
            Repr::Mood(e) => e,
            Repr::Activity(e) => e,
            Repr::Diary(e) => e,
            Repr::Motive(e) => e,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.inner(), f)
    }
}

impl std::error::Error for Error {
    /// The specific error this one was made from.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(self.inner())
    }
}

macro_rules! from_specific {
    ($($ty:ty => $variant:ident),* $(,)?) => {
        $(
            impl From<$ty> for Error {
                fn from(e: $ty) -> Self {
                    Error { repr: Box::new(Repr::$variant(e)) }
                }
            }
        )*
    };
}

from_specific! {
    JsonError => Json,
    Problems => Invalid,
    IdError => Id,
    DateError => Date,
    GoalRatingError => GoalRating,
    GoalStatusError => GoalStatus,
    GoalProgressError => GoalProgress,
    InstrumentIdError => Instrument,
    PhaseTransitionError => Phase,
    CourseError => Course,
    ScheduleError => Schedule,
    UnknownModality => Modality,
    TrendError => Trend,
    ScoreRefused => Score,
    ClockTimeError => ClockTime,
    InvolvementError => Involvement,
    MoodRatingError => Mood,
    UnknownActivity => Activity,
    SrmWeekError => Diary,
    UnknownMotivationalSystem => Motive,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_is_the_specific_error() {
        let err: Error = crate::id::PersonId::new("").unwrap_err().into();
        let source = std::error::Error::source(&err).unwrap();
        assert_eq!(source.to_string(), err.to_string());
        assert!(err.is_malformed());
        assert!(err.path().is_none());
        assert!(err.problems().is_none());
    }

    #[test]
    fn error_is_send_sync_and_small() {
        fn check<T: Send + Sync + 'static>() {}
        check::<Error>();
        assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
    }
}
