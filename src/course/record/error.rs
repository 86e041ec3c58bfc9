//! A refused change to a [`Course`](crate::course::Course).

use crate::{
    catalogue::{Phase, PhaseTask, PhaseTransitionError, ProblemArea},
    error::Problems,
    goal::{GoalProgressError, GoalStatusError},
    id::GoalId,
    measure::Instrument,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Why a [`Course`](crate::course::Course) refused a session record, a task, a phase
/// change, a measurement, a goal update or a revised focus.
///
/// Messages name session numbers, dates, ids, tasks and areas, never patient
/// text: a session's notes never appear in an error (DESIGN.md decision 3).
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{Course, course::CourseError, Phase, ProblemArea, course::SessionRecord, TreatmentContract};
///
/// let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// let contract = TreatmentContract::builder(start, [ProblemArea::RoleDispute]).build()?;
/// let mut course = Course::new(contract, Vec::new())?;
/// let err = course
///     .record_session(SessionRecord::new(13, start, Phase::Assessment))
///     .unwrap_err();
/// assert_eq!(err, CourseError::SessionNotInContract { session: 13, sessions: 12 });
/// assert_eq!(
///     err.to_string(),
///     "session 13 is not in the contract: expected a session number from 1 to 12",
/// );
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum CourseError {
    /// The session number is 0 or beyond the number of sessions contracted.
    #[error(
        "session {session} is not in the contract: expected a session number from 1 to {sessions}"
    )]
    SessionNotInContract {
        /// The number given.
        session: u8,
        /// The number of sessions contracted.
        sessions: u8,
    },
    /// A session with this number is already recorded.
    #[error("session {session} is already recorded")]
    DuplicateSession {
        /// The number given.
        session: u8,
    },
    /// Sessions are recorded in order: the number must be above the last one
    /// recorded.
    #[error(
        "session {session} cannot be recorded after session {last}: expected a number above {last}"
    )]
    SessionOutOfOrder {
        /// The number given.
        session: u8,
        /// The last session recorded.
        last: u8,
    },
    /// The session's date is not after the date of the session recorded before
    /// it.
    #[error(
        "session {session} is dated {date}: expected a date after {previous}, the date of session {previous_session}"
    )]
    SessionDateNotAfterPrevious {
        /// The number given.
        session: u8,
        /// The date given.
        #[serde(with = "crate::date::day_json")]
        date: NaiveDate,
        /// The last session recorded.
        previous_session: u8,
        /// Its date.
        #[serde(with = "crate::date::day_json")]
        previous: NaiveDate,
    },
    /// The session worked on an area outside the contract's agreed focus.
    /// IPT keeps the agreed focus, and the focus may be revised only with the
    /// patient (CLINICAL-BASIS.md §2.5 rule 5 [S: `markowitz-weissman-2012-casebook`
    /// ch. 17]): revise the contract first with
    /// [`Course::revise_focus`](crate::course::Course::revise_focus).
    #[error(
        "session {session} worked on `{area}`, which is not in the contract's agreed focus: revise the focus with the patient first (Course::revise_focus), then record the session"
    )]
    AreaNotInFocus {
        /// The session number.
        session: u8,
        /// The area outside the focus.
        area: ProblemArea,
    },
    /// The record's phase is not the course's current phase.
    #[error(
        "session {session} is recorded in phase `{recorded}`, but the course is in phase `{current}`"
    )]
    SessionPhaseMismatch {
        /// The session number.
        session: u8,
        /// The phase on the record.
        recorded: Phase,
        /// The course's current phase.
        current: Phase,
    },
    /// An adolescent mood rating on a session of a course whose modality has
    /// no age range: only IPT-A rates it (CLINICAL-BASIS.md §7.3).
    #[error(
        "session {session}: an adolescent mood rating belongs to a course of a modality with an age range (adolescent_ipt); this course is `{modality}`"
    )]
    AdolescentMoodOutsideAdolescentIpt {
        /// The session number.
        session: u8,
        /// The course's modality.
        modality: crate::course::Modality,
    },
    /// An adolescent mood rating whose `session` is not the record's number.
    #[error("session {session}: the adolescent mood rating is for session {rated}")]
    AdolescentMoodForAnotherSession {
        /// The session number.
        session: u8,
        /// The session the rating names.
        rated: u8,
    },
    /// An adolescent mood rating whose best of the week is worse than its
    /// worst (10 is the most negative mood).
    #[error(
        "session {session}: the adolescent's best mood of the week ({best}) is worse than the worst ({worst})"
    )]
    AdolescentMoodBestWorseThanWorst {
        /// The session number.
        session: u8,
        /// The best mood of the week.
        best: u8,
        /// The worst mood of the week.
        worst: u8,
    },
    /// A measure recorded with a session is dated after the session.
    #[error(
        "session {session}: the {instrument} measure is dated {date}, after the session on {session_date}"
    )]
    MeasureAfterSession {
        /// The session number.
        session: u8,
        /// The measure's instrument.
        instrument: Instrument,
        /// The measure's date.
        #[serde(with = "crate::date::day_json")]
        date: NaiveDate,
        /// The session's date.
        #[serde(with = "crate::date::day_json")]
        session_date: NaiveDate,
    },
    /// A measure recorded with a session is dated on or before the previous
    /// session, to which it belongs.
    #[error(
        "session {session}: the {instrument} measure is dated {date}, not after the previous session on {previous}"
    )]
    MeasureBeforePreviousSession {
        /// The session number.
        session: u8,
        /// The measure's instrument.
        instrument: Instrument,
        /// The measure's date.
        #[serde(with = "crate::date::day_json")]
        date: NaiveDate,
        /// The previous session's date.
        #[serde(with = "crate::date::day_json")]
        previous: NaiveDate,
    },
    /// A measurement of this instrument on this date is already on the course
    /// (a symptom trend holds one total per instrument and date).
    #[error("a {instrument} measurement dated {date} is already recorded")]
    MeasureDateTaken {
        /// The instrument.
        instrument: Instrument,
        /// The date.
        #[serde(with = "crate::date::day_json")]
        date: NaiveDate,
    },
    /// A week of the rhythm diary starts less than seven days after the
    /// course's last one: weeks are recorded in date order, one per week.
    #[error(
        "the rhythm diary week starting {week_start} cannot be recorded: expected a week starting on or after {earliest}, seven days after the last week recorded"
    )]
    RhythmWeekTooSoon {
        /// The start of the week given.
        #[serde(with = "crate::date::day_json")]
        week_start: NaiveDate,
        /// The earliest start allowed.
        #[serde(with = "crate::date::day_json")]
        earliest: NaiveDate,
    },
    /// No goal of the course has this id.
    #[error("the course has no goal `{goal}`")]
    UnknownGoal {
        /// The id given.
        goal: GoalId,
    },
    /// A goal refused a status change.
    #[error(transparent)]
    GoalStatus(#[from] GoalStatusError),
    /// A goal refused a progress entry.
    #[error(transparent)]
    GoalProgress(#[from] GoalProgressError),
    /// The task is already done.
    #[error("task `{task}` was already done on {on}")]
    TaskAlreadyDone {
        /// The task.
        task: PhaseTask,
        /// When it was done.
        #[serde(with = "crate::date::day_json")]
        on: NaiveDate,
    },
    /// The task belongs to a phase the course has not reached.
    #[error("task `{task}` belongs to phase `{task_phase}`; the course is in phase `{current}`")]
    TaskOfLaterPhase {
        /// The task.
        task: PhaseTask,
        /// The task's phase.
        task_phase: Phase,
        /// The course's current phase.
        current: Phase,
    },
    /// The task belongs to a phase before the one the course began in: a
    /// maintenance course (IPT-M) begins in [`Phase::Maintenance`], and the
    /// acute course's tasks belong to the acute course's record.
    #[error(
        "task `{task}` belongs to phase `{task_phase}`, before `{first}`, the phase this course began in"
    )]
    TaskBeforeCourse {
        /// The task.
        task: PhaseTask,
        /// The task's phase.
        task_phase: Phase,
        /// The phase the course began in.
        first: Phase,
    },
    /// The course cannot be followed by maintenance yet: maintenance follows
    /// the termination phase, once [`PhaseTask::DecideOnMaintenance`] is done
    /// (CLINICAL-BASIS.md §7.6).
    #[error(
        "maintenance follows the termination phase once `decide_on_maintenance` is done; the course is in phase `{phase}` and the decision is recorded: {decided}"
    )]
    MaintenanceNotDecided {
        /// The course's current phase.
        phase: Phase,
        /// Whether `decide_on_maintenance` is done.
        decided: bool,
    },
    /// The date is before the day the relevant phase began.
    #[error("date {on} is before {began}, when phase `{phase}` began")]
    DatedBeforePhase {
        /// The date given.
        #[serde(with = "crate::date::day_json")]
        on: NaiveDate,
        /// The phase.
        phase: Phase,
        /// The day it began.
        #[serde(with = "crate::date::day_json")]
        began: NaiveDate,
    },
    /// The phase change was refused: required tasks are still open (the error
    /// lists them), or the phase has no next step.
    #[error(transparent)]
    PhaseTransition(#[from] PhaseTransitionError),
    /// Active treatment needs the patient's explicit agreement recorded on the
    /// contract (CLINICAL-BASIS.md §1.1 tasks 9–10
    /// [S: `markowitz-2016-ptsd` appendix, formulation; `markowitz-weissman-2012-casebook` ch.
    /// 17]).
    #[error(
        "active treatment cannot begin: the contract records no agreement by the patient (complete `obtain_agreement` or revise the focus with the patient)"
    )]
    ContractNotAgreed,
    /// A revised agreement is dated before the one it replaces.
    #[error("the agreement dated {on} is before the previous agreement, dated {previous}")]
    AgreementBeforePrevious {
        /// The date given.
        #[serde(with = "crate::date::day_json")]
        on: NaiveDate,
        /// The previous agreement's date.
        #[serde(with = "crate::date::day_json")]
        previous: NaiveDate,
    },
    /// The change would leave the contract invalid.
    #[error("the contract would not be valid: {0}")]
    Contract(Problems),
}
