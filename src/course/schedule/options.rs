//! How a [`Schedule`](crate::course::Schedule) is laid out: dates to skip, what happens
//! to a session that falls on one, and how many sessions the initial and
//! termination phases get.

use crate::macros::vocabulary_enum;
use std::ops::RangeInclusive;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{JsonPath, Problems};

vocabulary_enum! {
    /// What happens to a session whose planned date is skipped (a holiday, a
    /// cancellation).
    ///
    /// ```
    /// use interpersonal::course::SkipPolicy;
    /// assert_eq!(SkipPolicy::default(), SkipPolicy::NextFreeDay);
    /// assert_eq!(SkipPolicy::NextCadenceSlot.to_string(), "next_cadence_slot");
    /// ```
    #[derive(Default)]
    #[non_exhaustive]
    pub enum SkipPolicy {
        /// The default. The session moves to the next day that is not skipped and
        /// is after the session before it; later sessions keep their planned dates
        /// unless the moved session reaches them, in which case they move on the
        /// same rule. The end date is kept unless the last session itself is moved,
        /// as IPT keeps the agreed end date (CLINICAL-BASIS.md §1.1 [S:
        /// `markowitz-weissman-2012-casebook` ch. 3 "keeping the frame of the treatment with an end
        /// date"]).
        ///
        /// Weekly from Monday 2026-01-05 with 2026-01-19 skipped: session 3 moves to
        /// Tuesday 2026-01-20, session 4 stays on Monday 2026-01-26.
        #[default]
        NextFreeDay,
        /// The session takes the next cadence slot that is not skipped, and every
        /// later session moves along by as many slots: the rhythm (the weekday) is
        /// kept and the course ends later.
        ///
        /// Weekly from Monday 2026-01-05 with 2026-01-19 skipped: session 3 moves to
        /// 2026-01-26, session 4 to 2026-02-02, and so on.
        NextCadenceSlot,
    }
}

/// Options for [`Schedule::generate`](crate::course::Schedule::generate) and
/// [`Schedule::maintenance`](crate::course::Schedule::maintenance).
///
/// ```
/// use interpersonal::{course::ScheduleOptions, course::SkipPolicy};
/// use chrono::NaiveDate;
///
/// let mut options = ScheduleOptions::default();
/// options.skip.push(NaiveDate::from_ymd_opt(2026, 1, 19).unwrap());
/// options.termination_sessions = 4;
/// assert_eq!(options.skip_policy, SkipPolicy::NextFreeDay);
/// assert_eq!(options.initial_sessions, 3);
///
/// let json: ScheduleOptions = serde_json::from_str(r#"{"skip": ["2026-01-19"]}"#).unwrap();
/// assert_eq!(json.termination_sessions, 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ScheduleOptions {
    /// Dates on which no session may be held: holidays, known absences, in any
    /// order; repeats are ignored.
    #[serde(default, with = "crate::date::day_json::vec")]
    pub skip: Vec<NaiveDate>,
    /// What happens to a session whose planned date is skipped.
    pub skip_policy: SkipPolicy,
    /// How many sessions the initial phase gets, 1 to 3 (CLINICAL-BASIS.md §1.1
    /// "sessions 1–3; fewer than three if possible"; [S: `markowitz-2016-ptsd` appendix "sessions
    /// 1–3"]). Default 3. Ignored by
    /// [`Schedule::maintenance`](crate::course::Schedule::maintenance).
    pub initial_sessions: u8,
    /// How many of the last sessions form the termination phase, 2 to 4
    /// (CLINICAL-BASIS.md §1.1 "last 2–4 sessions" [K: `weissman-2000-comprehensive-guide`]).
    /// Default 3, the middle of that range [I: a default of this crate].
    /// Ignored by [`Schedule::maintenance`](crate::course::Schedule::maintenance).
    pub termination_sessions: u8,
}

impl ScheduleOptions {
    /// The default number of initial-phase sessions, 3 (CLINICAL-BASIS.md §1.1
    /// [S: `markowitz-2016-ptsd` appendix "sessions 1–3"]).
    ///
    /// ```
    /// assert_eq!(interpersonal::course::ScheduleOptions::DEFAULT_INITIAL_SESSIONS, 3);
    /// ```
    pub const DEFAULT_INITIAL_SESSIONS: u8 = 3;

    /// The default number of termination-phase sessions, 3, within the manuals'
    /// 2 to 4 (CLINICAL-BASIS.md §1.1 [K: `weissman-2000-comprehensive-guide`]) [I: choosing 3, the
    /// middle of that range, is this crate's default].
    ///
    /// ```
    /// assert_eq!(interpersonal::course::ScheduleOptions::DEFAULT_TERMINATION_SESSIONS, 3);
    /// ```
    pub const DEFAULT_TERMINATION_SESSIONS: u8 = 3;

    /// The numbers of initial-phase sessions accepted, 1 to 3 (CLINICAL-BASIS.md §1.1
    /// "sessions 1–3; fewer than three if possible"; [S: `markowitz-2016-ptsd` appendix "sessions
    /// 1–3"]).
    ///
    /// ```
    /// assert!(interpersonal::course::ScheduleOptions::INITIAL_SESSIONS.contains(&1));
    /// ```
    pub const INITIAL_SESSIONS: RangeInclusive<u8> = 1..=3;

    /// The numbers of termination-phase sessions accepted, 2 to 4 (CLINICAL-BASIS.md
    /// §1.1 [K: `weissman-2000-comprehensive-guide`]).
    ///
    /// ```
    /// assert!(!interpersonal::course::ScheduleOptions::TERMINATION_SESSIONS.contains(&5));
    /// ```
    pub const TERMINATION_SESSIONS: RangeInclusive<u8> = 2..=4;

    /// Checks the phase counts, reporting every problem at its JSON path
    /// (`$.initial_sessions`, `$.termination_sessions`).
    ///
    /// ```
    /// use interpersonal::course::ScheduleOptions;
    /// let mut options = ScheduleOptions::default();
    /// assert!(options.validate().is_ok());
    /// options.initial_sessions = 0;
    /// options.termination_sessions = 6;
    /// assert_eq!(options.validate().unwrap_err().len(), 2);
    /// ```
    ///
    /// # Errors
    ///
    /// Returns [`Problems`] when a count is out of its range.
    pub fn validate(&self) -> Result<(), Problems> {
        let mut problems = Problems::default();
        let checks = [
            (
                "initial_sessions",
                self.initial_sessions,
                Self::INITIAL_SESSIONS,
            ),
            (
                "termination_sessions",
                self.termination_sessions,
                Self::TERMINATION_SESSIONS,
            ),
        ];
        for (field, value, range) in checks {
            if !range.contains(&value) {
                problems.at(
                    JsonPath::root().field(field),
                    format!(
                        "from {} to {} sessions; found {value}",
                        range.start(),
                        range.end()
                    ),
                );
            }
        }
        problems.into_result(())
    }
}

impl Default for ScheduleOptions {
    fn default() -> Self {
        ScheduleOptions {
            skip: Vec::new(),
            skip_policy: SkipPolicy::NextFreeDay,
            initial_sessions: Self::DEFAULT_INITIAL_SESSIONS,
            termination_sessions: Self::DEFAULT_TERMINATION_SESSIONS,
        }
    }
}
