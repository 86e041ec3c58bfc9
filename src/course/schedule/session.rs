//! One planned session of a [`Schedule`](crate::course::Schedule), and the phase it
//! belongs to.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The phase of treatment a scheduled session belongs to: the three acute
/// phases of IPT and the optional maintenance phase.
///
/// This is the catalogue's [`ClassicPhase`](crate::catalogue::ClassicPhase)
/// itself, under the name the schedule uses: one type, with its sources, for the
/// catalogue and the schedule. How many sessions each acute phase gets is set in
/// [`ScheduleOptions`](crate::course::ScheduleOptions).
///
/// ```
/// use interpersonal::{catalogue::ClassicPhase, course::SchedulePhase};
/// assert_eq!(SchedulePhase::Termination.to_string(), "termination");
/// assert!(SchedulePhase::Initial < SchedulePhase::Middle);
/// let phase: ClassicPhase = SchedulePhase::Middle; // the same type
/// assert_eq!(phase, ClassicPhase::Middle);
/// ```
pub type SchedulePhase = crate::catalogue::ClassicPhase;

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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ScheduledSession {
    /// The session's number, from 1.
    pub number: u8,
    /// The day it is held.
    #[serde(with = "crate::date::day_json")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
    pub date: NaiveDate,
    /// The phase it belongs to.
    pub phase: SchedulePhase,
    /// The date its cadence planned, when it was moved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::date::day_json::option")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::schema::types::Day>")
    )]
    pub moved_from: Option<NaiveDate>,
}
