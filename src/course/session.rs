//! One planned session of a [`Schedule`](crate::course::Schedule), and the phase it
//! belongs to.

use crate::macros::vocabulary_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

vocabulary_enum! {
    /// The phase of treatment a scheduled session belongs to: the three acute phases
    /// of IPT and the optional maintenance phase (ipt-domain.md §1.1 [S: MW-2004;
    /// Markowitz-phases; Rajhans-2020]; maintenance [S: Casebook-2012 ch. 17;
    /// K: Frank et al. 1990]).
    ///
    /// This is the schedule's own view, by session number; how many sessions each
    /// acute phase gets is set in [`ScheduleOptions`](crate::course::ScheduleOptions).
    ///
    /// ```
    /// use interpersonal::course::SchedulePhase;
    /// assert_eq!(SchedulePhase::Termination.to_string(), "termination");
    /// assert!(SchedulePhase::Initial < SchedulePhase::Middle);
    /// ```
    #[non_exhaustive]
    pub enum SchedulePhase {
        /// The initial phase, sessions 1 to 3 ("fewer than three if possible"):
        /// assessment, inventory, formulation and contract (ipt-domain.md §1.1
        /// [S: Pocket-Guide; Markowitz-phases]).
        Initial,
        /// The middle phase: work on the chosen problem area (ipt-domain.md §1.1
        /// [S: MW-2004]).
        Middle,
        /// The termination phase, the last 2 to 4 sessions: review gains, plan for
        /// the future (ipt-domain.md §1.1 [K: Comprehensive-2000]).
        Termination,
        /// Maintenance IPT after the acute course, usually monthly (ipt-domain.md
        /// §7.6 [S: Casebook-2012 ch. 17; K: Frank et al. 1990]).
        Maintenance,
    }
}

/// One session in a [`Schedule`](crate::course::Schedule).
///
/// `moved_from` is the date the session was planned for by its cadence, when it
/// now falls on another date (a skipped date, or a
/// [`reschedule`](crate::course::Schedule::reschedule)).
///
/// ```
/// use interpersonal::{course::ScheduledSession, course::SchedulePhase};
///
/// let s: ScheduledSession = serde_json::from_str(
///     r#"{"number": 3, "date": "2026-01-20", "phase": "initial", "moved_from": "2026-01-19"}"#,
/// ).unwrap();
/// assert_eq!(s.phase, SchedulePhase::Initial);
/// assert!(s.moved_from.is_some());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ScheduledSession {
    /// The session's number, from 1.
    pub number: u8,
    /// The day it is held.
    #[serde(with = "crate::date::day_json")]
    pub date: NaiveDate,
    /// The phase it belongs to.
    pub phase: SchedulePhase,
    /// The date its cadence planned, when it was moved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::date::day_json::option")]
    pub moved_from: Option<NaiveDate>,
}
