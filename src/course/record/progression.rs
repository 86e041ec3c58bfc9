//! Moving a course through its phases: the tasks done, and the checked step
//! from one phase to the next.

use crate::{
    catalogue::{Phase, PhaseTask},
    course::{Agreement, Course, CourseError, MaintenancePlan},
    goal::Goal,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A phase task done on a date.
///
/// JSON: `{"task": "screen_safety", "on": "2026-03-02"}`.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{course::CompletedTask, catalogue::PhaseTask};
/// let done = CompletedTask::new(PhaseTask::ScreenSafety, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
/// assert_eq!(
///     serde_json::to_string(&done).unwrap(),
///     r#"{"task":"screen_safety","on":"2026-03-02"}"#,
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CompletedTask {
    /// The task.
    pub task: PhaseTask,
    /// The day it was done.
    #[serde(with = "crate::date::day_json")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
    pub on: NaiveDate,
}

impl CompletedTask {
    /// `task`, done on `on`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{course::CompletedTask, catalogue::PhaseTask};
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// assert_eq!(CompletedTask::new(PhaseTask::ReviewSymptoms, day).on, day);
    /// ```
    pub const fn new(task: PhaseTask, on: NaiveDate) -> Self {
        CompletedTask { task, on }
    }
}

/// A step of a course from one phase to the next, on a date.
///
/// JSON: `{"from": "assessment", "to": "goal_setting", "on": "2026-03-09"}`.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{Phase, course::PhaseChange};
/// let change = PhaseChange::new(Phase::Assessment, Phase::GoalSetting, NaiveDate::from_ymd_opt(2026, 3, 9).unwrap());
/// assert_eq!(change.to, Phase::GoalSetting);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PhaseChange {
    /// The phase left.
    pub from: Phase,
    /// The phase entered.
    pub to: Phase,
    /// The day of the change.
    #[serde(with = "crate::date::day_json")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
    pub on: NaiveDate,
}

impl PhaseChange {
    /// A change from `from` to `to` on `on`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Phase, course::PhaseChange};
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 16).unwrap();
    /// assert_eq!(PhaseChange::new(Phase::GoalSetting, Phase::ActiveTreatment, day).on, day);
    /// ```
    pub const fn new(from: Phase, to: Phase, on: NaiveDate) -> Self {
        PhaseChange { from, to, on }
    }
}

impl Course {
    /// The phase changes so far, in order.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use interpersonal::{Course, Phase, ProblemArea, TreatmentContract};
    /// # let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// for task in Phase::Assessment.tasks() {
    ///     course.complete_task(*task, start)?;
    /// }
    /// course.advance_phase(start)?;
    /// assert_eq!(course.phase_changes()[0].to, Phase::GoalSetting);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn phase_changes(&self) -> &[PhaseChange] {
        &self.phase_changes
    }

    /// The day `phase` began, if the course has entered it by a phase change.
    /// `None` for the phase a course begins in ([`Course::first_phase`]:
    /// assessment, or maintenance for IPT-M) and for a phase not reached.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use interpersonal::{Course, Phase, ProblemArea, TreatmentContract};
    /// # let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let course = Course::new(contract, Vec::new())?;
    /// assert_eq!(course.phase_began(Phase::GoalSetting), None);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn phase_began(&self, phase: Phase) -> Option<NaiveDate> {
        self.phase_changes
            .iter()
            .find(|c| c.to == phase)
            .map(|c| c.on)
    }

    /// The tasks done, in the order they were recorded.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use interpersonal::{Course, catalogue::PhaseTask, ProblemArea, TreatmentContract};
    /// # let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// course.complete_task(PhaseTask::ScreenSafety, start)?;
    /// assert_eq!(course.tasks_done()[0].task, PhaseTask::ScreenSafety);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn tasks_done(&self) -> &[CompletedTask] {
        &self.tasks_done
    }

    /// The day `task` was done, if it was.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use interpersonal::{Course, catalogue::PhaseTask, ProblemArea, TreatmentContract};
    /// # let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// course.complete_task(PhaseTask::ScreenSafety, start)?;
    /// assert_eq!(course.task_done_on(PhaseTask::ScreenSafety), Some(start));
    /// assert_eq!(course.task_done_on(PhaseTask::ReviewSymptoms), None);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn task_done_on(&self, task: PhaseTask) -> Option<NaiveDate> {
        self.tasks_done
            .iter()
            .find(|t| t.task == task)
            .map(|t| t.on)
    }

    /// The required tasks of the current phase not done yet: what keeps
    /// [`Course::advance_phase`] from moving on (see [`Phase::open_tasks`]).
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use interpersonal::{Course, Phase, catalogue::PhaseTask, ProblemArea, TreatmentContract};
    /// # let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// # let contract = TreatmentContract::builder(start, [ProblemArea::Grief]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// assert_eq!(course.open_tasks().len(), Phase::Assessment.tasks().len());
    /// course.complete_task(PhaseTask::ReviewSymptoms, start)?;
    /// assert!(!course.open_tasks().contains(&PhaseTask::ReviewSymptoms));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn open_tasks(&self) -> Vec<PhaseTask> {
        self.phase.open_tasks(&self.done_tasks(None))
    }

    /// The tasks done, or done on or before `by`.
    pub(super) fn done_tasks(&self, by: Option<NaiveDate>) -> Vec<PhaseTask> {
        self.tasks_done
            .iter()
            .filter(|t| by.is_none_or(|by| t.on <= by))
            .map(|t| t.task)
            .collect()
    }

    /// Marks a task of the current phase, or of an earlier one, as done on
    /// `on`.
    ///
    /// Completing [`PhaseTask::ObtainAgreement`] records the patient's
    /// [`Agreement`] on the contract, dated `on`, when the contract has none
    /// yet: the patient's explicit agreement to the formulation and focus
    /// (CLINICAL-BASIS.md §1.1 task 9 [S: `markowitz-2016-ptsd` appendix, formulation]).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, course::CourseError, catalogue::PhaseTask, ProblemArea, TreatmentContract};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let contract = TreatmentContract::builder(day(2), [ProblemArea::Grief]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// course.complete_task(PhaseTask::ReviewSymptoms, day(2))?;
    /// assert!(matches!(
    ///     course.complete_task(PhaseTask::ReviewSymptoms, day(9)),
    ///     Err(CourseError::TaskAlreadyDone { .. }),
    /// ));
    /// // A termination task is not done during assessment.
    /// assert!(matches!(
    ///     course.complete_task(PhaseTask::DiscussEnding, day(9)),
    ///     Err(CourseError::TaskOfLaterPhase { .. }),
    /// ));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// * [`CourseError::TaskAlreadyDone`] when it was done before (with the
    ///   date);
    /// * [`CourseError::TaskOfLaterPhase`] when the task belongs to a phase the
    ///   course has not reached;
    /// * [`CourseError::TaskBeforeCourse`] when it belongs to a phase before the
    ///   one the course began in (an acute task in a maintenance course);
    /// * [`CourseError::DatedBeforePhase`] when `on` is before the day the
    ///   task's phase began;
    /// * [`CourseError::Contract`] when the agreement it would record is after
    ///   the contract's planned last session.
    pub fn complete_task(&mut self, task: PhaseTask, on: NaiveDate) -> Result<(), CourseError> {
        if let Some(done) = self.task_done_on(task) {
            return Err(CourseError::TaskAlreadyDone { task, on: done });
        }
        let task_phase = task.phase();
        let first = self.first_phase();
        if task_phase < first {
            return Err(CourseError::TaskBeforeCourse {
                task,
                task_phase,
                first,
            });
        }
        if task_phase > self.phase {
            return Err(CourseError::TaskOfLaterPhase {
                task,
                task_phase,
                current: self.phase,
            });
        }
        if let Some(began) = self.phase_began(task_phase).filter(|b| on < *b) {
            return Err(CourseError::DatedBeforePhase {
                on,
                phase: task_phase,
                began,
            });
        }
        if task == PhaseTask::ObtainAgreement && self.contract.agreement.is_none() {
            let mut agreed = self.contract.clone();
            agreed.agreement = Some(Agreement::new(on));
            agreed.validate().map_err(CourseError::Contract)?;
            self.contract = agreed;
        }
        self.tasks_done.push(CompletedTask::new(task, on));
        Ok(())
    }

    /// Moves the course to the next phase on `on`, with [`Phase::advance`]
    /// over the tasks done on or before `on`.
    ///
    /// Active treatment does not begin without an agreed focus and contract
    /// (CLINICAL-BASIS.md §1.1 tasks 8–10
    /// [S: `markowitz-2016-ptsd` appendix, formulation; `markowitz-weissman-2012-casebook` ch.
    /// 17]): every goal-setting task done, among them [`PhaseTask::AGREED_FOCUS`] (the problem area
    /// selected, the patient's agreement obtained, the contract set); the
    /// contract agreed by the patient on or before `on`; and a focus of one or
    /// two areas (which a valid contract always has). The step from
    /// termination to maintenance is not taken here: maintenance is optional,
    /// decided with [`PhaseTask::DecideOnMaintenance`], and is a course of its
    /// own with its own contract (CLINICAL-BASIS.md §7.6).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, course::CourseError, Phase, catalogue::PhaseTask, catalogue::PhaseTransitionError, ProblemArea, TreatmentContract};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let contract = TreatmentContract::builder(day(2), [ProblemArea::RoleDispute]).build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// for task in Phase::Assessment.tasks() {
    ///     course.complete_task(*task, day(2))?;
    /// }
    /// course.advance_phase(day(9))?;
    /// course.complete_task(PhaseTask::SelectProblemArea, day(9))?;
    ///
    /// // No active treatment without the patient's agreement and a contract.
    /// let err = course.advance_phase(day(16)).unwrap_err();
    /// assert_eq!(
    ///     err,
    ///     CourseError::PhaseTransition(PhaseTransitionError::TasksOpen {
    ///         from: Phase::GoalSetting,
    ///         to: Phase::ActiveTreatment,
    ///         open: vec![
    ///             PhaseTask::PresentFormulation,
    ///             PhaseTask::ObtainAgreement,
    ///             PhaseTask::SetTreatmentContract,
    ///         ],
    ///     }),
    /// );
    /// assert!(err.to_string().contains("`obtain_agreement`"));
    ///
    /// for task in [PhaseTask::PresentFormulation, PhaseTask::ObtainAgreement, PhaseTask::SetTreatmentContract] {
    ///     course.complete_task(task, day(16))?;
    /// }
    /// assert_eq!(course.advance_phase(day(16))?, Phase::ActiveTreatment);
    /// assert!(course.contract().is_agreed());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// * [`CourseError::DatedBeforePhase`] when `on` is before the day the
    ///   current phase began;
    /// * [`CourseError::PhaseTransition`] with
    ///   [`PhaseTransitionError::TasksOpen`](crate::catalogue::PhaseTransitionError::TasksOpen)
    ///   naming the required tasks still open, or the error for a phase with
    ///   no next step in the acute course;
    /// * [`CourseError::ContractNotAgreed`] when active treatment would begin
    ///   with no agreement on the contract by `on`;
    /// * [`CourseError::Contract`] when the contract has no valid focus.
    pub fn advance_phase(&mut self, on: NaiveDate) -> Result<Phase, CourseError> {
        let current = self.phase;
        if let Some(began) = self.phase_began(current).filter(|b| on < *b) {
            return Err(CourseError::DatedBeforePhase {
                on,
                phase: current,
                began,
            });
        }
        let next = current.advance(&self.done_tasks(Some(on)))?;
        if next == Phase::ActiveTreatment {
            self.contract.validate().map_err(CourseError::Contract)?;
            if self.contract.agreement.is_none_or(|a| a.on > on) {
                return Err(CourseError::ContractNotAgreed);
            }
        }
        self.phase_changes.push(PhaseChange::new(current, next, on));
        self.phase = next;
        Ok(next)
    }

    /// The maintenance course that follows this acute one (IPT-M,
    /// CLINICAL-BASIS.md §7.6): the contract made by
    /// [`TreatmentContract::maintenance`](crate::TreatmentContract::maintenance) from `plan`, with `goals` agreed for
    /// it, starting in [`Phase::Maintenance`] with a schedule at the plan's
    /// cadence. The maintenance focus may be the acute one, or a new or
    /// deferred area with the patient's agreement recorded on the new
    /// contract's [`focus_change`](crate::TreatmentContract::focus_change).
    ///
    /// The acute course must be in the termination phase with
    /// [`PhaseTask::DecideOnMaintenance`] done: maintenance is decided with the
    /// patient as the acute course ends.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, Phase, ProblemArea, TreatmentContract, catalogue::PhaseTask};
    /// use interpersonal::course::{CourseError, FocusChangeReason, MaintenancePlan};
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let contract = TreatmentContract::builder(day(1, 5), [ProblemArea::Grief])
    ///     .agreed_on(day(1, 5))
    ///     .build()?;
    /// let mut course = Course::new(contract, Vec::new())?;
    /// let plan = MaintenancePlan::new("2026-04-27", 6, [ProblemArea::RoleDispute])
    ///     .because(FocusChangeReason::DeferredArea)
    ///     .agreed_on("2026-03-23");
    /// assert!(matches!(
    ///     course.maintenance(&plan, Vec::new()),
    ///     Err(CourseError::MaintenanceNotDecided { phase: Phase::Assessment, decided: false }),
    /// ));
    ///
    /// for phase in [Phase::Assessment, Phase::GoalSetting, Phase::ActiveTreatment] {
    ///     for task in phase.tasks() {
    ///         course.complete_task(*task, day(3, 2))?;
    ///     }
    ///     course.advance_phase(day(3, 2))?;
    /// }
    /// course.complete_task(PhaseTask::DecideOnMaintenance, day(3, 23))?;
    /// let maintenance = course.maintenance(&plan, Vec::new())?;
    /// assert_eq!(maintenance.phase(), Phase::Maintenance);
    /// assert_eq!(maintenance.contract().focus, [ProblemArea::RoleDispute]);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// * [`CourseError::MaintenanceNotDecided`] when the course is not in the
    ///   termination phase or the decision is not recorded;
    /// * [`CourseError::Contract`] with the plan's problems at its paths
    ///   ([`TreatmentContract::maintenance`](crate::TreatmentContract::maintenance)), or the new course's
    ///   ([`Course::new`]: a goal the contract does not list, at `$.goals[i].id`).
    pub fn maintenance(
        &self,
        plan: &MaintenancePlan,
        goals: Vec<Goal>,
    ) -> Result<Course, CourseError> {
        let decided = self.task_done_on(PhaseTask::DecideOnMaintenance).is_some();
        if self.phase != Phase::ConsolidationTermination || !decided {
            return Err(CourseError::MaintenanceNotDecided {
                phase: self.phase,
                decided,
            });
        }
        let contract = self
            .contract
            .maintenance(plan)
            .map_err(CourseError::Contract)?;
        Course::new(contract, goals).map_err(CourseError::Contract)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{catalogue::ProblemArea, course::TreatmentContract};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn obtaining_agreement_keeps_an_agreement_already_on_the_contract() {
        let contract = TreatmentContract::builder(day(2), [ProblemArea::Grief])
            .agreed_on(day(1))
            .build()
            .unwrap();
        let mut course = Course::new(contract, Vec::new()).unwrap();
        for task in Phase::Assessment.tasks() {
            course.complete_task(*task, day(2)).unwrap();
        }
        course.advance_phase(day(2)).unwrap();
        course
            .complete_task(PhaseTask::ObtainAgreement, day(9))
            .unwrap();
        assert_eq!(course.contract.agreement.map(|a| a.on), Some(day(1)));
    }

    #[test]
    fn an_agreement_after_the_planned_end_is_refused_and_nothing_changes() {
        let contract = TreatmentContract::builder(day(2), [ProblemArea::Grief])
            .build()
            .unwrap();
        let mut course = Course::new(contract, Vec::new()).unwrap();
        for task in Phase::Assessment.tasks() {
            course.complete_task(*task, day(2)).unwrap();
        }
        course.advance_phase(day(2)).unwrap();
        let late = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert!(matches!(
            course.complete_task(PhaseTask::ObtainAgreement, late),
            Err(CourseError::Contract(_))
        ));
        assert!(course.task_done_on(PhaseTask::ObtainAgreement).is_none());
        assert!(!course.contract.is_agreed());
    }
}
