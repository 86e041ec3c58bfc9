//! The termination phase's checklist.

use std::fmt;

use crate::{
    catalogue::{Phase, PhaseTask},
    course::{Course, CourseSafetyFlag},
    measure::MeasureOutcome,
    source::Source,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One item of the [`TerminationChecklist`]: a task of the termination phase,
/// the day it was done, and its source.
///
/// The items are the termination phase's [`PhaseTask`]s (CLINICAL-BASIS.md §1.1
/// "Termination phase"): discuss the approaching end; review progress and
/// symptom change; attribute the gains to the patient; anticipate future
/// stressors and early warning symptoms; plan what to do; on non-response,
/// consider other treatments; decide on continuation or maintenance
/// treatment. Each cites its source through [`PhaseTask::source`]; most are
/// `weissman-2000-comprehensive-guide`'s and marked known \[K\].
///
/// ```
/// use interpersonal::{source::Basis, catalogue::PhaseTask, course::TerminationItem};
/// let item = TerminationItem::new(PhaseTask::DiscussEnding, None);
/// assert_eq!(item.source.basis(), Basis::Known);
/// assert!(item.description().contains("approaching end"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TerminationItem {
    /// The task.
    pub task: PhaseTask,
    /// The day it was done, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::date::day_json::option")]
    pub done_on: Option<NaiveDate>,
    /// Where the task comes from.
    pub source: Source,
}

impl TerminationItem {
    /// An item for `task`, done on `done_on` if given, citing the task's
    /// source.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{catalogue::PhaseTask, course::TerminationItem};
    /// let day = NaiveDate::from_ymd_opt(2026, 5, 4).unwrap();
    /// let item = TerminationItem::new(PhaseTask::ReviewProgress, Some(day));
    /// assert!(item.is_done());
    /// ```
    pub fn new(task: PhaseTask, done_on: Option<NaiveDate>) -> Self {
        TerminationItem {
            task,
            done_on,
            source: task.source(),
        }
    }

    /// Whether the item is checked off.
    ///
    /// ```
    /// use interpersonal::{catalogue::PhaseTask, course::TerminationItem};
    /// assert!(!TerminationItem::new(PhaseTask::DiscussEnding, None).is_done());
    /// ```
    pub fn is_done(&self) -> bool {
        self.done_on.is_some()
    }

    /// What the task is, in one sentence ([`PhaseTask::description`]).
    ///
    /// ```
    /// use interpersonal::{catalogue::PhaseTask, course::TerminationItem};
    /// let item = TerminationItem::new(PhaseTask::DecideOnMaintenance, None);
    /// assert!(item.description().contains("maintenance"));
    /// ```
    pub fn description(&self) -> &'static str {
        self.task.description()
    }
}

/// What is left to do before a course ends: the termination phase's tasks,
/// each checked off with the day it was done
/// ([`Course::complete_task`]), and the course's safety flags, which come
/// first.
///
/// Considering other treatments is an item only when the course shows no
/// response: "if non-response: do not blame the patient; consider other
/// treatments" (CLINICAL-BASIS.md §1.1 [K: `weissman-2000-comprehensive-guide`]). It is left out
/// when the primary depression scale ([`Course::depression_trend`]) shows a
/// response of at least 50% ([`SymptomTrend::response`](crate::measure::SymptomTrend::response)),
/// and kept when there is no response or too few measurements to show one,
/// or when it was done anyway.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{Course, catalogue::PhaseTask, ProblemArea, TreatmentContract};
///
/// let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
/// let course = Course::new(contract, Vec::new())?;
/// let checklist = course.termination_checklist();
/// // No measurements yet: no response shown, so other treatments are an item.
/// assert_eq!(checklist.items.len(), 7);
/// assert_eq!(checklist.open()[0], PhaseTask::DiscussEnding);
/// assert!(!checklist.is_complete());
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TerminationChecklist {
    /// Every safety flag of the course, newest first ([`Course::safety_flags`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safety_flags: Vec<CourseSafetyFlag>,
    /// The items, in the order the manuals present them.
    pub items: Vec<TerminationItem>,
}

impl TerminationChecklist {
    /// The tasks not checked off, in order.
    ///
    /// ```
    /// use interpersonal::{catalogue::PhaseTask, course::TerminationChecklist, course::TerminationItem};
    /// let c = TerminationChecklist::new(Vec::new(), vec![TerminationItem::new(PhaseTask::DiscussEnding, None)]);
    /// assert_eq!(c.open(), [PhaseTask::DiscussEnding]);
    /// ```
    pub fn open(&self) -> Vec<PhaseTask> {
        self.items
            .iter()
            .filter(|i| !i.is_done())
            .map(|i| i.task)
            .collect()
    }

    /// Whether every item is checked off.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{catalogue::PhaseTask, course::TerminationChecklist, course::TerminationItem};
    /// let day = NaiveDate::from_ymd_opt(2026, 5, 4).unwrap();
    /// let c = TerminationChecklist::new(Vec::new(), vec![TerminationItem::new(PhaseTask::DiscussEnding, Some(day))]);
    /// assert!(c.is_complete());
    /// ```
    pub fn is_complete(&self) -> bool {
        self.items.iter().all(TerminationItem::is_done)
    }

    /// A checklist of these flags and items.
    ///
    /// ```
    /// use interpersonal::course::TerminationChecklist;
    /// assert!(TerminationChecklist::new(Vec::new(), Vec::new()).is_complete());
    /// ```
    pub fn new(safety_flags: Vec<CourseSafetyFlag>, items: Vec<TerminationItem>) -> Self {
        TerminationChecklist {
            safety_flags,
            items,
        }
    }
}

impl fmt::Display for TerminationChecklist {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for flag in &self.safety_flags {
            writeln!(f, "SAFETY (critical): {flag}")?;
        }
        writeln!(f, "Termination checklist:")?;
        for item in &self.items {
            match item.done_on {
                Some(on) => write!(f, "  [x] {} (done {on})", item.task)?,
                None => write!(f, "  [ ] {}", item.task)?,
            }
            writeln!(f, ": {} [{}]", item.description(), item.source)?;
        }
        Ok(())
    }
}

impl Course {
    /// The termination checklist as the course stands: every termination task
    /// with the day it was done, considering other treatments only when no
    /// response is shown (see [`TerminationChecklist`]), and the course's
    /// safety flags first.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, measure::Instrument, measure::Measurement, catalogue::PhaseTask, ProblemArea, TreatmentContract};
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let contract = TreatmentContract::builder(day(3, 2), [ProblemArea::Grief]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// course.record_measurement(Measurement::new(Instrument::Phq9, day(3, 2), 18)?)?;
    /// course.record_measurement(Measurement::new(Instrument::Phq9, day(5, 18), 4)?)?;
    /// // A response: other treatments are not an item.
    /// let tasks: Vec<PhaseTask> = course.termination_checklist().items.iter().map(|i| i.task).collect();
    /// assert!(!tasks.contains(&PhaseTask::ConsiderOtherTreatments));
    /// assert_eq!(tasks.len(), 6);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn termination_checklist(&self) -> TerminationChecklist {
        let responded = self
            .depression_trend(chrono::NaiveDate::MAX)
            .is_some_and(|t| t.response() == MeasureOutcome::Met);
        let items = Phase::ConsolidationTermination
            .tasks()
            .iter()
            .copied()
            .map(|task| TerminationItem::new(task, self.task_done_on(task)))
            .filter(|item| {
                item.task != PhaseTask::ConsiderOtherTreatments || !responded || item.is_done()
            })
            .collect();
        TerminationChecklist::new(self.safety_flags(), items)
    }
}
