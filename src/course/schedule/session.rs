//! One planned session of a [`Schedule`](crate::course::Schedule), and the phase it
//! belongs to.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::course::{ExtraMeeting, SessionFormat};

fn is_individual(f: &SessionFormat) -> bool {
    *f == SessionFormat::Individual
}

pub use crate::course::modality::SchedulePhase;

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
    /// How it is held; individual when absent from JSON.
    #[serde(default, skip_serializing_if = "is_individual")]
    pub format: SessionFormat,
    /// The meeting, when the contract does not count the session (brief IPT's
    /// engagement session, group IPT's individual meetings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<ExtraMeeting>,
    /// The date its cadence planned, when it was moved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::date::day_json::option")]
    pub moved_from: Option<NaiveDate>,
}
