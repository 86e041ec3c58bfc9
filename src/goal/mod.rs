//! Treatment goals: what a goal aims at, its status, its dated progress, and
//! the goal templates of each problem area.
//!
//! IPT's treatment contract names the agreed focus and goals
//! ([CLINICAL-BASIS.md
//! §5](crate::_documentation::clinical_basis#5-formulation-and-treatment-contract) [K:
//! `weissman-2000-comprehensive-guide`]); the manuals list goals for each problem area (§2.1–§2.4),
//! which [`GoalTemplate`] offers as a starting point. A [`Goal`] adds what the seed article asks
//! for, "specific, measurable goals": a [`GoalTarget`], a [`GoalStatus`] that changes only along
//! allowed steps, and a progress log kept in date order.
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

mod instrument;
mod progress;
mod rating;
mod status;
mod target;
mod template;

pub use instrument::{InstrumentId, InstrumentIdError};
pub use progress::{GoalProgressError, ProgressEntry};
pub use rating::{GoalRating, GoalRatingError};
pub use status::{GoalStatus, GoalStatusChange, GoalStatusError};
pub use target::GoalTarget;
pub use template::GoalTemplate;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    catalogue::ProblemArea,
    error::{JsonPath, Problems},
    id::GoalId,
    sensitive::Sensitive,
};

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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
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
    #[serde(default, with = "crate::date::day_json::option")]
    pub target_date: Option<NaiveDate>,
    status: GoalStatus,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    status_changes: Vec<GoalStatusChange>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    progress: Vec<ProgressEntry>,
}

impl<'de> Deserialize<'de> for Goal {
    /// Reads the goal's record and checks it, each problem at its path.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::error::read_checked::<D, GoalRecord, Goal>(deserializer)
    }
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
    #[serde(with = "crate::date::day_json::option")]
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
