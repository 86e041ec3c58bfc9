//! The session dates of a course of treatment, from its contract.

mod options;
mod session;

pub use options::{ScheduleOptions, SkipPolicy};
pub use session::{SchedulePhase, ScheduledSession};

use std::collections::BTreeSet;

use crate::{
    course::{Cadence, Modality, ModalitySpec, PlannedSession, SessionFormat, TreatmentContract},
    error::{JsonPath, Problems},
};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

/// Why a schedule could not be made or changed. Messages name session numbers,
/// dates and JSON paths, never patient text.
///
/// ```
/// use interpersonal::{ProblemArea, Schedule, course::ScheduleError, course::ScheduleOptions, TreatmentContract};
/// use chrono::NaiveDate;
///
/// let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
/// let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
/// let mut schedule = Schedule::generate(&contract, &ScheduleOptions::default())?;
/// let err = schedule.reschedule(2, start).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "session 2 cannot move to 2026-01-05: session 1 is on that date",
/// );
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ScheduleError {
    /// The contract is not valid ([`TreatmentContract::validate`]).
    #[error("the contract cannot be scheduled: {0}")]
    Contract(Problems),
    /// The options are not valid ([`ScheduleOptions::validate`]).
    #[error("invalid schedule options: {0}")]
    Options(Problems),
    /// A session would fall after the last date chrono can represent.
    #[error("session {session} would fall after {max}, the last date that can be represented", max = NaiveDate::MAX)]
    DateOutOfRange {
        /// The session's number.
        session: u8,
    },
    /// A maintenance schedule was asked for with no sessions.
    #[error("a maintenance schedule needs at least 1 session; found 0")]
    NoSessions,
    /// There is no session with this number.
    #[error("there is no session {session}: the schedule has sessions 1 to {sessions}")]
    UnknownSession {
        /// The number asked for.
        session: u8,
        /// How many sessions the schedule has.
        sessions: u8,
    },
    /// The new date is one of the schedule's skipped dates.
    #[error("session {session} cannot move to {date}: the date is marked to be skipped")]
    SkippedDate {
        /// The session's number.
        session: u8,
        /// The date refused.
        date: NaiveDate,
    },
    /// Another session is already on the new date.
    #[error("session {session} cannot move to {date}: session {other} is on that date")]
    DateTaken {
        /// The session's number.
        session: u8,
        /// The date refused.
        date: NaiveDate,
        /// The session already on that date.
        other: u8,
    },
    /// The new date is not after the session before.
    #[error(
        "session {session} cannot move to {date}: it must come after session {previous_session} on {previous}"
    )]
    NotAfterPrevious {
        /// The session's number.
        session: u8,
        /// The date refused.
        date: NaiveDate,
        /// The number of the session before.
        previous_session: u8,
        /// Its date.
        previous: NaiveDate,
    },
    /// The new date is not before the session after.
    #[error(
        "session {session} cannot move to {date}: it must come before session {next_session} on {next}"
    )]
    NotBeforeNext {
        /// The session's number.
        session: u8,
        /// The date refused.
        date: NaiveDate,
        /// The number of the session after.
        next_session: u8,
        /// Its date.
        next: NaiveDate,
    },
}

/// The dated sessions of a course: an acute course made from a
/// [`TreatmentContract`] by [`Schedule::generate`], or a maintenance course made
/// by [`Schedule::maintenance`].
///
/// A schedule always holds at least one session; sessions are numbered from 1
/// without gaps, their dates strictly increase, none falls on a skipped date, and
/// the phases follow each other (initial, middle, termination; or maintenance
/// only). Reading a schedule from JSON checks all of this.
///
/// The worked example: 12 weekly sessions from Monday 2026-01-05, with
/// 2026-01-19 and 2026-02-16 skipped. Under the default
/// [`SkipPolicy::NextFreeDay`] session 3 moves to Tuesday 2026-01-20 and session
/// 7 to Tuesday 2026-02-17; every other session keeps its Monday and the course
/// still ends on 2026-03-23.
///
/// ```
/// use interpersonal::{ProblemArea, Schedule, course::ScheduleOptions, course::SchedulePhase, TreatmentContract};
/// use chrono::NaiveDate;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let contract = TreatmentContract::builder(d(2026, 1, 5), [ProblemArea::Grief]).build()?;
/// let mut options = ScheduleOptions::default();
/// options.skip = vec![d(2026, 1, 19), d(2026, 2, 16)];
///
/// let schedule = Schedule::generate(&contract, &options)?;
/// assert_eq!(schedule.session_count(), 12);
/// let third = schedule.session(3).unwrap();
/// assert_eq!((third.date, third.moved_from), (d(2026, 1, 20), Some(d(2026, 1, 19))));
/// assert_eq!(schedule.session(4).unwrap().date, d(2026, 1, 26));
/// assert_eq!(schedule.session(7).unwrap().date, d(2026, 2, 17));
/// assert_eq!(schedule.end_date(), d(2026, 3, 23));
///
/// assert_eq!(schedule.phase_of(3), Some(SchedulePhase::Initial));
/// assert_eq!(schedule.phase_of(4), Some(SchedulePhase::Middle));
/// assert_eq!(schedule.sessions_in(SchedulePhase::Termination).len(), 3);
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(with = "ScheduleData")
)]
pub struct Schedule {
    cadence: Cadence,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(default, with = "crate::date::day_json::vec")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<crate::schema::types::Day>"))]
    skipped: Vec<NaiveDate>,
    sessions: Vec<ScheduledSession>,
}

/// The JSON shape of a [`Schedule`], checked before it becomes one.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct ScheduleData {
    cadence: Cadence,
    #[serde(default)]
    #[serde(with = "crate::date::day_json::vec")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<crate::schema::types::Day>"))]
    skipped: Vec<NaiveDate>,
    sessions: Vec<ScheduledSession>,
}

impl<'de> Deserialize<'de> for Schedule {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let data = ScheduleData::deserialize(deserializer)?;
        Schedule::checked(data).map_err(crate::error::problems_error)
    }
}

impl Schedule {
    /// Lays out the sessions of `contract`.
    ///
    /// Session `k` is planned on cadence slot `k − 1` counted from
    /// `contract.starts_on` ([`Cadence::slot`]: weekly +7 days, fortnightly +14,
    /// monthly the same day of the month, on the month's last day when the month
    /// is shorter). A planned date in `options.skip` moves as
    /// `options.skip_policy` says; a moved session records its planned date in
    /// [`ScheduledSession::moved_from`].
    ///
    /// The first `options.initial_sessions` sessions are the initial phase, the
    /// last `options.termination_sessions` the termination phase, and those
    /// between the middle phase (CLINICAL-BASIS.md §1.1). With the defaults (3 and 3)
    /// a 12-session course has initial 1–3, middle 4–9, termination 10–12.
    ///
    /// A fortnightly course:
    ///
    /// ```
    /// use interpersonal::{course::Cadence, ProblemArea, Schedule, course::ScheduleOptions, TreatmentContract};
    /// use chrono::NaiveDate;
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let contract = TreatmentContract::builder(d(2026, 1, 5), [ProblemArea::RoleDispute])
    ///     .cadence(Cadence::Fortnightly)
    ///     .build()?;
    /// let schedule = Schedule::generate(&contract, &ScheduleOptions::default())?;
    /// assert_eq!(schedule.session(2).unwrap().date, d(2026, 1, 19));
    /// assert_eq!(schedule.end_date(), d(2026, 6, 8));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// * [`ScheduleError::Contract`] when the contract is not valid;
    /// * [`ScheduleError::Options`] when the phase counts are out of range;
    /// * [`ScheduleError::DateOutOfRange`] when a session would fall after the
    ///   last date chrono can represent.
    pub fn generate(
        contract: &TreatmentContract,
        options: &ScheduleOptions,
    ) -> Result<Schedule, ScheduleError> {
        Schedule::generate_for(contract, &contract.modality.spec(), options)
    }

    /// Lays out the sessions of `contract` on the phase layout of `spec`, a
    /// built-in modality's or one defined in JSON, as [`Schedule::generate`]
    /// does. The contract is checked against `spec`
    /// ([`TreatmentContract::validate_for`]).
    ///
    /// Every session, the modality's extra meetings included, takes the next
    /// cadence slot (after the twice-weekly start, if any), and gets its phase,
    /// format and meeting from the layout ([`ModalitySpec::plan`]). The phase
    /// counts of `options` apply only where the modality's phase lengths are
    /// adjustable (standard IPT).
    ///
    /// WHO group IPT: a pre-group meeting and 8 group sessions.
    ///
    /// ```
    /// use interpersonal::{course::*, ProblemArea, Schedule, TreatmentContract};
    ///
    /// let contract = TreatmentContract::builder("2026-01-05", [ProblemArea::RoleTransition])
    ///     .modality(Modality::WHO_GROUP_IPT)
    ///     .sessions(8)
    ///     .build()?;
    /// let spec = Modality::WHO_GROUP_IPT.spec();
    /// let s = Schedule::generate_for(&contract, &spec, &ScheduleOptions::default())?;
    /// assert_eq!(s.session_count(), 9);
    /// let first = s.session(1).unwrap();
    /// assert_eq!((first.phase, first.extra), (SchedulePhase::PreGroup, Some(ExtraMeeting::PreGroup)));
    /// assert_eq!(s.session(2).unwrap().format, SessionFormat::Group);
    /// assert_eq!(s.phase_of(9), Some(SchedulePhase::Termination));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Schedule::generate`].
    pub fn generate_for(
        contract: &TreatmentContract,
        spec: &ModalitySpec,
        options: &ScheduleOptions,
    ) -> Result<Schedule, ScheduleError> {
        contract
            .validate_for(spec)
            .map_err(ScheduleError::Contract)?;
        options.validate().map_err(ScheduleError::Options)?;
        let plan = spec
            .plan(
                contract.sessions,
                Some(options.initial_sessions),
                Some(options.termination_sessions),
            )
            .map_err(ScheduleError::Contract)?;
        let count = u8::try_from(plan.len()).map_err(|_| {
            let mut p = Problems::default();
            p.at(
                JsonPath::root().field("sessions"),
                format!(
                    "at most {} sessions with the modality's extra meetings; found {}",
                    u8::MAX,
                    plan.len()
                ),
            );
            ScheduleError::Contract(p)
        })?;
        let skipped = normalise(&options.skip);
        let placed = place(
            |n| contract.slot(n),
            0,
            count,
            &skipped,
            options.skip_policy,
        )?;
        let sessions = number(placed, |i| {
            plan.get(i).cloned().unwrap_or(PlannedSession {
                phase: SchedulePhase::Middle,
                format: SessionFormat::Individual,
                extra: None,
            })
        });
        Ok(Schedule {
            cadence: contract.cadence,
            skipped: skipped.into_iter().collect(),
            sessions,
        })
    }

    /// Lays out `sessions` monthly maintenance sessions after the course `after`
    /// (CLINICAL-BASIS.md §1.1 and §7.6 "monthly maintenance IPT phase" [S:
    /// `markowitz-weissman-2012-casebook` ch. 17; K: `frank-1990-three-year-outcomes`]).
    ///
    /// Maintenance session `k` is planned `k` months after the last session of
    /// `after` (the same day of the month, on the month's last day when the month
    /// is shorter); `options.skip` and `options.skip_policy` apply as in
    /// [`Schedule::generate`]. Every session is in
    /// [`SchedulePhase::Maintenance`] and they are numbered from 1; the phase
    /// counts in `options` are ignored.
    ///
    /// ```
    /// use interpersonal::{ProblemArea, Schedule, course::ScheduleOptions, course::SchedulePhase, TreatmentContract};
    /// use chrono::NaiveDate;
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let contract = TreatmentContract::builder(d(2026, 1, 5), [ProblemArea::Grief]).build()?;
    /// let acute = Schedule::generate(&contract, &ScheduleOptions::default())?;
    /// assert_eq!(acute.end_date(), d(2026, 3, 23));
    ///
    /// let maintenance = Schedule::maintenance(&acute, 6, &ScheduleOptions::default())?;
    /// assert_eq!(maintenance.start_date(), d(2026, 4, 23));
    /// assert_eq!(maintenance.end_date(), d(2026, 9, 23));
    /// assert_eq!(maintenance.phase_of(1), Some(SchedulePhase::Maintenance));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// * [`ScheduleError::NoSessions`] when `sessions` is 0;
    /// * [`ScheduleError::DateOutOfRange`] when a session would fall after the
    ///   last date chrono can represent.
    pub fn maintenance(
        after: &Schedule,
        sessions: u8,
        options: &ScheduleOptions,
    ) -> Result<Schedule, ScheduleError> {
        if sessions == 0 {
            return Err(ScheduleError::NoSessions);
        }
        let skipped = normalise(&options.skip);
        let anchor = after.end_date();
        let cadence = Modality::MAINTENANCE_IPT.usual_cadence();
        let placed = place(
            |n| cadence.slot(anchor, n),
            1,
            sessions,
            &skipped,
            options.skip_policy,
        )?;
        let sessions = number(placed, |_| PlannedSession {
            phase: SchedulePhase::Maintenance,
            format: SessionFormat::Individual,
            extra: None,
        });
        Ok(Schedule {
            cadence,
            skipped: skipped.into_iter().collect(),
            sessions,
        })
    }

    /// Moves session `session` (numbered from 1) to `date`, keeping every
    /// invariant: the date must not be skipped, must not be another session's
    /// date, and must fall after the session before and before the session
    /// after. Moving a session to the date it already has does nothing. The
    /// session's [`moved_from`](ScheduledSession::moved_from) keeps the date its
    /// cadence planned (and is cleared if it moves back there).
    ///
    /// ```
    /// use interpersonal::{ProblemArea, Schedule, course::ScheduleError, course::ScheduleOptions, TreatmentContract};
    /// use chrono::NaiveDate;
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let contract = TreatmentContract::builder(d(2026, 1, 5), [ProblemArea::Grief]).build()?;
    /// let mut schedule = Schedule::generate(&contract, &ScheduleOptions::default())?;
    ///
    /// schedule.reschedule(2, d(2026, 1, 14))?;
    /// let second = schedule.session(2).unwrap();
    /// assert_eq!((second.date, second.moved_from), (d(2026, 1, 14), Some(d(2026, 1, 12))));
    ///
    /// assert!(matches!(
    ///     schedule.reschedule(2, d(2026, 1, 20)),
    ///     Err(ScheduleError::NotBeforeNext { session: 2, next_session: 3, .. })
    /// ));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ScheduleError::UnknownSession`], [`ScheduleError::SkippedDate`],
    /// [`ScheduleError::DateTaken`], [`ScheduleError::NotAfterPrevious`] or
    /// [`ScheduleError::NotBeforeNext`]; the schedule is then unchanged.
    pub fn reschedule(&mut self, session: u8, date: NaiveDate) -> Result<(), ScheduleError> {
        let count = self.session_count();
        let index = usize::from(session)
            .checked_sub(1)
            .filter(|&i| i < self.sessions.len())
            .ok_or(ScheduleError::UnknownSession {
                session,
                sessions: count,
            })?;
        let previous = index
            .checked_sub(1)
            .and_then(|i| self.sessions.get(i))
            .copied();
        let next = self.sessions.get(index + 1).copied();
        let Some(current) = self.sessions.get_mut(index) else {
            return Err(ScheduleError::UnknownSession {
                session,
                sessions: count,
            });
        };
        if current.date == date {
            return Ok(());
        }
        if self.skipped.binary_search(&date).is_ok() {
            return Err(ScheduleError::SkippedDate { session, date });
        }
        for other in [previous, next].into_iter().flatten() {
            if other.date == date {
                return Err(ScheduleError::DateTaken {
                    session,
                    date,
                    other: other.number,
                });
            }
        }
        if let Some(p) = previous.filter(|p| date <= p.date) {
            return Err(ScheduleError::NotAfterPrevious {
                session,
                date,
                previous_session: p.number,
                previous: p.date,
            });
        }
        if let Some(n) = next.filter(|n| date >= n.date) {
            return Err(ScheduleError::NotBeforeNext {
                session,
                date,
                next_session: n.number,
                next: n.date,
            });
        }
        let planned = current.moved_from.unwrap_or(current.date);
        current.date = date;
        current.moved_from = (planned != date).then_some(planned);
        Ok(())
    }

    /// The sessions, in order.
    ///
    /// ```
    /// # use interpersonal::{ProblemArea, Schedule, course::ScheduleOptions, TreatmentContract};
    /// # use chrono::NaiveDate;
    /// # let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let schedule = Schedule::generate(&contract, &ScheduleOptions::default())?;
    /// assert!(schedule.sessions().windows(2).all(|w| w[0].date < w[1].date));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn sessions(&self) -> &[ScheduledSession] {
        &self.sessions
    }

    /// The session with this number (from 1), if there is one.
    ///
    /// ```
    /// # use interpersonal::{ProblemArea, Schedule, course::ScheduleOptions, TreatmentContract};
    /// # use chrono::NaiveDate;
    /// # let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let schedule = Schedule::generate(&contract, &ScheduleOptions::default())?;
    /// assert_eq!(schedule.session(1).unwrap().date, start);
    /// assert!(schedule.session(0).is_none());
    /// assert!(schedule.session(13).is_none());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn session(&self, number: u8) -> Option<&ScheduledSession> {
        usize::from(number)
            .checked_sub(1)
            .and_then(|i| self.sessions.get(i))
    }

    /// How many sessions there are (at least 1).
    ///
    /// ```
    /// # use interpersonal::{ProblemArea, Schedule, course::ScheduleOptions, TreatmentContract};
    /// # use chrono::NaiveDate;
    /// # let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).sessions(14).build()?;
    /// assert_eq!(Schedule::generate(&contract, &ScheduleOptions::default())?.session_count(), 14);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn session_count(&self) -> u8 {
        u8::try_from(self.sessions.len()).unwrap_or(u8::MAX)
    }

    /// The phase of session `number` (from 1), if there is such a session.
    ///
    /// ```
    /// # use interpersonal::{ProblemArea, Schedule, course::ScheduleOptions, course::SchedulePhase, TreatmentContract};
    /// # use chrono::NaiveDate;
    /// # let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).sessions(16).build()?;
    /// let schedule = Schedule::generate(&contract, &ScheduleOptions::default())?;
    /// assert_eq!(schedule.phase_of(1), Some(SchedulePhase::Initial));
    /// assert_eq!(schedule.phase_of(13), Some(SchedulePhase::Middle));
    /// assert_eq!(schedule.phase_of(14), Some(SchedulePhase::Termination));
    /// assert_eq!(schedule.phase_of(17), None);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn phase_of(&self, number: u8) -> Option<SchedulePhase> {
        self.session(number).map(|s| s.phase)
    }

    /// The sessions in `phase`, in order; they are always consecutive. Empty
    /// when the schedule has none in that phase.
    ///
    /// ```
    /// # use interpersonal::{ProblemArea, Schedule, course::ScheduleOptions, course::SchedulePhase, TreatmentContract};
    /// # use chrono::NaiveDate;
    /// # let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let schedule = Schedule::generate(&contract, &ScheduleOptions::default())?;
    /// let middle: Vec<u8> = schedule.sessions_in(SchedulePhase::Middle).iter().map(|s| s.number).collect();
    /// assert_eq!(middle, [4, 5, 6, 7, 8, 9]);
    /// assert!(schedule.sessions_in(SchedulePhase::Maintenance).is_empty());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn sessions_in(&self, phase: SchedulePhase) -> &[ScheduledSession] {
        let first = self.sessions.iter().position(|s| s.phase == phase);
        let last = self.sessions.iter().rposition(|s| s.phase == phase);
        match (first, last) {
            (Some(first), Some(last)) => self.sessions.get(first..=last).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The date of the first session.
    ///
    /// ```
    /// # use interpersonal::{ProblemArea, Schedule, course::ScheduleOptions, TreatmentContract};
    /// # use chrono::NaiveDate;
    /// # let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let mut options = ScheduleOptions::default();
    /// options.skip.push(start);
    /// let schedule = Schedule::generate(&contract, &options)?;
    /// assert_eq!(schedule.start_date(), NaiveDate::from_ymd_opt(2026, 1, 6).unwrap());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn start_date(&self) -> NaiveDate {
        // A schedule is never empty; MIN is never returned.
        self.sessions.first().map_or(NaiveDate::MIN, |s| s.date)
    }

    /// The date of the last session: the end of the course.
    ///
    /// ```
    /// # use interpersonal::{ProblemArea, Schedule, course::ScheduleOptions, TreatmentContract};
    /// # use chrono::NaiveDate;
    /// # let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let schedule = Schedule::generate(&contract, &ScheduleOptions::default())?;
    /// assert_eq!(Some(schedule.end_date()), contract.planned_end());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn end_date(&self) -> NaiveDate {
        // A schedule is never empty; MIN is never returned.
        self.sessions.last().map_or(NaiveDate::MIN, |s| s.date)
    }

    /// The cadence the schedule was planned with (monthly for maintenance).
    ///
    /// ```
    /// # use interpersonal::{course::Cadence, ProblemArea, Schedule, course::ScheduleOptions, TreatmentContract};
    /// # use chrono::NaiveDate;
    /// # let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let schedule = Schedule::generate(&contract, &ScheduleOptions::default())?;
    /// assert_eq!(schedule.cadence(), Cadence::Weekly);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn cadence(&self) -> Cadence {
        self.cadence
    }

    /// The dates no session may fall on, sorted, without repeats.
    ///
    /// ```
    /// # use interpersonal::{ProblemArea, Schedule, course::ScheduleOptions, TreatmentContract};
    /// # use chrono::NaiveDate;
    /// # let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let holiday = NaiveDate::from_ymd_opt(2026, 2, 16).unwrap();
    /// let mut options = ScheduleOptions::default();
    /// options.skip = vec![holiday, holiday];
    /// let schedule = Schedule::generate(&contract, &options)?;
    /// assert_eq!(schedule.skipped(), [holiday]);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn skipped(&self) -> &[NaiveDate] {
        &self.skipped
    }

    /// Checks a schedule read from JSON against every invariant.
    fn checked(data: ScheduleData) -> Result<Schedule, Problems> {
        let root = JsonPath::root();
        let path = root.field("sessions");
        let skipped = normalise(&data.skipped);
        let mut problems = Problems::default();
        if data.sessions.is_empty() {
            problems.at(path.clone(), "at least 1 session; found none");
        } else if data.sessions.len() > usize::from(u8::MAX) {
            problems.at(
                path.clone(),
                format!(
                    "at most {} sessions; found {}",
                    u8::MAX,
                    data.sessions.len()
                ),
            );
        }
        let maintenance = data
            .sessions
            .first()
            .is_some_and(|s| s.phase == SchedulePhase::Maintenance);
        let mut previous: Option<&ScheduledSession> = None;
        let mut ended: Vec<SchedulePhase> = Vec::new();
        let mut rank = 0;
        for (i, s) in data.sessions.iter().enumerate() {
            let at = path.index(i);
            if usize::from(s.number) != i + 1 {
                problems.at(at.field("number"), format!("{}; found {}", i + 1, s.number));
            }
            if let Some(p) = previous.filter(|p| s.date <= p.date) {
                problems.at(
                    at.field("date"),
                    format!(
                        "a date after {} (the session before); found {}",
                        p.date, s.date
                    ),
                );
            }
            if skipped.contains(&s.date) {
                problems.at(
                    at.field("date"),
                    format!("a date not in $.skipped; found {}", s.date),
                );
            }
            if s.moved_from == Some(s.date) {
                problems.at(
                    at.field("moved_from"),
                    "a date other than the session's own date, or no field",
                );
            }
            let returns = previous.is_some_and(|p| p.phase != s.phase) && ended.contains(&s.phase);
            let out_of_order = s.phase.rank().is_some_and(|r| r < rank);
            let mixed = maintenance != (s.phase == SchedulePhase::Maintenance);
            if returns || out_of_order || mixed {
                problems.at(
                    at.field("phase"),
                    "phases in order, each once (initial, middle, termination, or a modality's \
                     own), or maintenance for every session",
                );
            }
            // Each phase once: the list stays as short as the phases, so
            // the check above is constant time however the sessions alternate.
            if let Some(p) = previous.filter(|p| p.phase != s.phase) {
                if !ended.contains(&p.phase) {
                    ended.push(p.phase);
                }
            }
            rank = rank.max(s.phase.rank().unwrap_or(rank));
            previous = Some(s);
        }
        problems.into_result(Schedule {
            cadence: data.cadence,
            skipped: skipped.into_iter().collect(),
            sessions: data.sessions,
        })
    }
}

fn normalise(dates: &[NaiveDate]) -> BTreeSet<NaiveDate> {
    dates.iter().copied().collect()
}

/// Places `count` sessions on the slots `slot_date` gives, starting with slot
/// `first_slot`, avoiding `skipped` as `policy` says. Returns
/// each session's planned and actual date; actual dates strictly increase.
fn place(
    slot_date: impl Fn(u32) -> Option<NaiveDate>,
    first_slot: u32,
    count: u8,
    skipped: &BTreeSet<NaiveDate>,
    policy: SkipPolicy,
) -> Result<Vec<(NaiveDate, NaiveDate)>, ScheduleError> {
    let mut placed: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(usize::from(count));
    // The next slot NextCadenceSlot may use.
    let mut next_slot = first_slot;
    for i in 0..count {
        let session = i.saturating_add(1);
        let out_of_range = ScheduleError::DateOutOfRange { session };
        let planned = first_slot
            .checked_add(u32::from(i))
            .and_then(&slot_date)
            .ok_or(out_of_range.clone())?;
        let date = match policy {
            SkipPolicy::NextCadenceSlot => loop {
                let slot = next_slot;
                next_slot = next_slot.checked_add(1).ok_or(out_of_range.clone())?;
                let date = slot_date(slot).ok_or(out_of_range.clone())?;
                if !skipped.contains(&date) {
                    break date;
                }
            },
            SkipPolicy::NextFreeDay => {
                let mut date = match placed.last() {
                    Some(&(_, previous)) if previous >= planned => {
                        previous.succ_opt().ok_or(out_of_range.clone())?
                    }
                    _ => planned,
                };
                while skipped.contains(&date) {
                    date = date.succ_opt().ok_or(out_of_range.clone())?;
                }
                date
            }
        };
        placed.push((planned, date));
    }
    Ok(placed)
}

/// Numbers placed sessions from 1 and gives each its phase. `placed` holds at
/// most `u8::MAX` sessions, as it comes from a `u8` count.
fn number(
    placed: Vec<(NaiveDate, NaiveDate)>,
    plan: impl Fn(usize) -> PlannedSession,
) -> Vec<ScheduledSession> {
    (1..=u8::MAX)
        .zip(placed)
        .enumerate()
        .map(|(i, (number, (planned, date)))| {
            let p = plan(i);
            ScheduledSession {
                number,
                date,
                phase: p.phase,
                format: p.format,
                extra: p.extra,
                moved_from: (planned != date).then_some(planned),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::ProblemArea;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn contract(start: NaiveDate, sessions: u8) -> TreatmentContract {
        TreatmentContract::builder(start, [ProblemArea::Grief])
            .sessions(sessions)
            .build()
            .unwrap()
    }

    #[test]
    fn a_run_of_skipped_days_pushes_the_next_session() {
        // Skip every day from 2026-01-12 to 2026-01-19: session 2 lands on the
        // 20th, which is after session 3's planned 19th, so session 3 moves to
        // the 21st; session 4 keeps the 26th.
        let skip: Vec<_> = (12..=19).map(|day| d(2026, 1, day)).collect();
        let options = ScheduleOptions {
            skip,
            ..ScheduleOptions::default()
        };
        let s = Schedule::generate(&contract(d(2026, 1, 5), 12), &options).unwrap();
        let dates: Vec<_> = s.sessions().iter().take(4).map(|s| s.date).collect();
        assert_eq!(
            dates,
            [
                d(2026, 1, 5),
                d(2026, 1, 20),
                d(2026, 1, 21),
                d(2026, 1, 26)
            ]
        );
        assert_eq!(s.session(3).unwrap().moved_from, Some(d(2026, 1, 19)));
        assert_eq!(s.session(4).unwrap().moved_from, None);
    }

    #[test]
    fn moving_back_to_the_planned_date_clears_moved_from() {
        let mut s =
            Schedule::generate(&contract(d(2026, 1, 5), 12), &ScheduleOptions::default()).unwrap();
        s.reschedule(5, d(2026, 2, 3)).unwrap();
        s.reschedule(5, d(2026, 2, 4)).unwrap();
        assert_eq!(s.session(5).unwrap().moved_from, Some(d(2026, 2, 2)));
        s.reschedule(5, d(2026, 2, 2)).unwrap();
        assert_eq!(s.session(5).unwrap().moved_from, None);
    }

    #[test]
    fn json_invariants_are_checked() {
        let bad = r#"{"cadence": "weekly", "skipped": ["2026-01-12"], "sessions": [
            {"number": 1, "date": "2026-01-05", "phase": "middle"},
            {"number": 3, "date": "2026-01-05", "phase": "initial"},
            {"number": 3, "date": "2026-01-12", "phase": "maintenance", "moved_from": "2026-01-12"}
        ]}"#;
        let err = serde_json::from_str::<Schedule>(bad)
            .unwrap_err()
            .to_string();
        for needle in [
            "$.sessions[1].number",
            "$.sessions[1].date",
            "$.sessions[1].phase",
            "$.sessions[2].date: expected a date not in $.skipped",
            "$.sessions[2].moved_from",
            "$.sessions[2].phase",
        ] {
            assert!(err.contains(needle), "{needle} missing from {err}");
        }
        let empty = r#"{"cadence": "weekly", "sessions": []}"#;
        assert!(serde_json::from_str::<Schedule>(empty).is_err());
    }
}
