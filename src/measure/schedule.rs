//! When to give the symptom measures during a course of treatment.

/// How often, in sessions, the IPT Institute re-administers the PHQ-9 and
/// GAD-7: every 4 sessions (CLINICAL-BASIS.md §10 [I: the IPT Institute's training
/// practice, after `stuart-robertson-2012-clinicians-guide`, not checked in the book]).
///
/// ```
/// assert_eq!(interpersonal::measure::MEASUREMENT_INTERVAL_SESSIONS, 4);
/// ```
pub const MEASUREMENT_INTERVAL_SESSIONS: u32 = 4;

/// Whether the measures are due at a session (numbered from 1): at session 1,
/// for the baseline, and at every 4th session after that (4, 8, 12, 16, …).
///
/// The interval is the IPT Institute's (CLINICAL-BASIS.md §10 [I: after
/// `stuart-robertson-2012-clinicians-guide`, not checked in the book]);
/// taking the baseline at session 1 and counting from session 0 is this crate's
/// choice \[I\]. Nothing stops a clinician measuring more often. Session 0 does not exist and is
/// never due.
///
/// The same schedule is used for every modality, counted from the first
/// session of each course. For maintenance IPT, a course of its own, that
/// means maintenance sessions 1, 4, 8, 12, … (about every four months at the
/// usual monthly cadence); for MIT, sessions 1, 4, 8, 12, … of the MIT
/// course. **Both are this crate's choices, not published rules** \[I\]: the
/// maintenance IPT sources the crate relies on (`frank-1990-three-year-outcomes`,
/// `frank-2007-maintenance-frequency`, K) were not read for a measurement
/// schedule, and the MIT books read set no symptom schedule
/// (CLINICAL-BASIS.md §7.2, §7.6, §10).
///
/// ```
/// use interpersonal::measure::measurement_due;
///
/// let due: Vec<u32> = (0..=13).filter(|&s| measurement_due(s)).collect();
/// assert_eq!(due, [1, 4, 8, 12]);
/// ```
pub const fn measurement_due(session_number: u32) -> bool {
    session_number == 1
        || (session_number > 0 && session_number % MEASUREMENT_INTERVAL_SESSIONS == 0)
}
