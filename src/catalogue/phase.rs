//! The phases of a course of IPT and the tasks of each phase.
//!
//! Classic acute IPT has three phases, initial, middle and termination, over
//! usually 12–16 weekly sessions, and may be followed by an optional
//! maintenance phase (CLINICAL-BASIS.md §1.1 [S: `markowitz-weissman-2004-world-psychiatry`;
//! `rajhans-2020-ipt-guideline`; `markowitz-2016-ptsd` appendix; `markowitz-weissman-2012-casebook`
//! ch. 17]). [`Phase`] is the five-step view the crate works with: the initial phase split into
//! [`Phase::Assessment`] and [`Phase::GoalSetting`] (CLINICAL-BASIS.md §1.2), each mapped back to
//! the [`ClassicPhase`] of the manuals.
//!
//! ```
//! use interpersonal::{catalogue::ClassicPhase, Phase, catalogue::PhaseTask};
//!
//! let phase = Phase::Assessment;
//! assert_eq!(phase.classic(), ClassicPhase::Initial);
//!
//! // Leaving a phase needs its required tasks done.
//! let err = phase.advance(&[PhaseTask::ReviewSymptoms]).unwrap_err();
//! assert!(err.to_string().contains("screen_safety"));
//! let done = Phase::Assessment.tasks();
//! assert_eq!(phase.advance(done), Ok(Phase::GoalSetting));
//! ```

use crate::macros::source;
use crate::macros::vocabulary_enum;
use std::fmt;
use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use crate::bibliography::cited;
use crate::source::Source;

// ---------------------------------------------------------------------------
// Sources: citations of the bibliography (`bibliography::cited`).

/// The three acute phases.
const PHASES: Source = source![cited::MW, cited::RAJHANS_STEPS];
/// The initial phase's tasks.
const INITIAL_TASKS: Source = source![cited::MW, cited::POCKET, cited::COMPREHENSIVE_INITIAL,];
/// Assessment and goal setting: the crate's split of the initial phase.
const INITIAL_SPLIT: Source = source![cited::MW_INITIAL_SPLIT];
/// The interpersonal inventory and the changes around the onset.
const INVENTORY: Source = source![cited::MW, cited::POCKET];
const PSYCHOEDUCATION: Source = source![cited::MW_SICK_ROLE];
const FORMULATION: Source = source![cited::POCKET_FORMULATION];
const LINK_MOOD: Source = source![cited::CASEBOOK_18, cited::COMPREHENSIVE_GUIDE];
const RERATING: Source = source![cited::STUART_ROBERTSON_INFERRED];
const COMPREHENSIVE: Source = source![cited::COMPREHENSIVE_TERMINATION];
const REVIEW_PROGRESS: Source = source![cited::MW, cited::COMPREHENSIVE_TERMINATION];
const CASEBOOK_13: Source = source![cited::CASEBOOK_13, cited::COMPREHENSIVE_GUIDE];
const CASEBOOK_17: Source = source![cited::CASEBOOK_17];
const FRANK_1990: Source = source![cited::FRANK_1990, cited::FRANK_2007];

vocabulary_enum! {
    /// A phase of a course of IPT, in the five-step view the crate works with:
    /// the seed's four phases (assessment, goal setting, active treatment,
    /// consolidation and termination) plus the optional maintenance phase
    /// (CLINICAL-BASIS.md §1.2 \[I\], §7.6).
    ///
    /// In IPT, assessment and goal setting are one phase, the initial phase of
    /// 1–3 sessions; [`Phase::classic`] gives the manuals' phase for each step.
    /// The enum is `#[non_exhaustive]`: adaptations add steps of their own, such
    /// as WHO group IPT's individual pre-group meeting or brief IPT's engagement
    /// session (CLINICAL-BASIS.md §7.4, §7.5).
    ///
    /// ```
    /// use interpersonal::{catalogue::ClassicPhase, Phase};
    ///
    /// assert_eq!(Phase::GoalSetting.to_string(), "goal_setting");
    /// assert_eq!(Phase::GoalSetting.classic(), ClassicPhase::Initial);
    /// assert_eq!(Phase::Assessment.next(), Some(Phase::GoalSetting));
    /// assert_eq!(Phase::Maintenance.next(), None);
    /// ```
    #[non_exhaustive]
    pub enum Phase {
        /// The first part of the initial phase (sessions 1–2): symptoms, diagnosis,
        /// safety, medication, the interpersonal inventory.
        Assessment,
        /// The second part of the initial phase (sessions 2–3): the problem area,
        /// the formulation, the patient's agreement and the treatment contract.
        GoalSetting,
        /// The middle phase: work on the chosen problem area.
        ActiveTreatment,
        /// The termination phase, the last 2–4 sessions: consolidate gains and
        /// prepare for the end.
        ConsolidationTermination,
        /// Optional maintenance IPT after an acute response, usually monthly.
        Maintenance,
    }
}

vocabulary_enum! {
    /// A phase as the IPT manuals name it: initial, middle, termination, and the
    /// optional maintenance phase (CLINICAL-BASIS.md §1.1 [S:
    /// `markowitz-weissman-2004-world-psychiatry`; `rajhans-2020-ipt-guideline`;
    /// `markowitz-weissman-2012-casebook` ch. 17]).
    ///
    /// ```
    /// use interpersonal::catalogue::ClassicPhase;
    /// assert_eq!(ClassicPhase::Middle.to_string(), "middle");
    /// assert_eq!("termination".parse::<ClassicPhase>().unwrap(), ClassicPhase::Termination);
    /// ```
    pub enum ClassicPhase {
        /// Sessions 1–3: diagnosis, inventory, formulation and contract.
        Initial,
        /// Roughly session 4 to the last 2–4: work on the problem area.
        Middle,
        /// The last 2–4 sessions.
        Termination,
        /// Maintenance IPT (IPT-M), usually monthly.
        Maintenance,
    }
}

impl ClassicPhase {
    /// Where the phase is described: `markowitz-weissman-2004-world-psychiatry` for the three acute
    /// phases, `markowitz-weissman-2012-casebook` ch. 17 for the monthly maintenance phase; all
    /// stated.
    ///
    /// ```
    /// use interpersonal::{source::Basis, catalogue::ClassicPhase};
    /// let initial = ClassicPhase::Initial.source();
    /// assert_eq!(initial.cites()[0].key(), "markowitz-weissman-2004-world-psychiatry");
    /// assert_eq!(ClassicPhase::Maintenance.source().basis(), Basis::Stated);
    /// ```
    pub const fn source(self) -> Source {
        match self {
            ClassicPhase::Initial | ClassicPhase::Middle | ClassicPhase::Termination => PHASES,
            ClassicPhase::Maintenance => CASEBOOK_17,
        }
    }
}

/// A place in a course of treatment, counted from its first or from its last
/// session. Phase timings in the manuals are relative: the middle phase runs
/// "from about session 4 to the last 2–4 sessions" (CLINICAL-BASIS.md §1.1).
///
/// JSON: `{"from_first": 4}` or `{"from_last": 1}`.
///
/// ```
/// use interpersonal::catalogue::SessionPosition;
///
/// // In a 12-session course, the last session is 12, the third from last 10.
/// assert_eq!(SessionPosition::FromLast(1).resolve(12), Some(12));
/// assert_eq!(SessionPosition::FromLast(3).resolve(12), Some(10));
/// assert_eq!(SessionPosition::FromFirst(4).resolve(12), Some(4));
/// assert_eq!(SessionPosition::FromFirst(13).resolve(12), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SessionPosition {
    /// The n-th session from the start: `FromFirst(1)` is the first session.
    FromFirst(u8),
    /// The n-th session from the end: `FromLast(1)` is the last session.
    FromLast(u8),
}

impl SessionPosition {
    /// The session number this position is in a course of `total` sessions;
    /// `None` when the course has no such session (position 0, or past its
    /// end).
    ///
    /// ```
    /// use interpersonal::catalogue::SessionPosition;
    /// assert_eq!(SessionPosition::FromLast(4).resolve(16), Some(13));
    /// assert_eq!(SessionPosition::FromLast(0).resolve(16), None);
    /// ```
    pub const fn resolve(self, total: u8) -> Option<u8> {
        match self {
            SessionPosition::FromFirst(n) => {
                if n >= 1 && n <= total {
                    Some(n)
                } else {
                    None
                }
            }
            SessionPosition::FromLast(n) => {
                if n >= 1 && n <= total {
                    Some(total - n + 1)
                } else {
                    None
                }
            }
        }
    }
}

/// The sessions in which a phase typically falls, from its earliest first
/// session to its latest last one. Neighbouring phases overlap, as the manuals
/// give them: goal setting is "session 2–3" and assessment "sessions 1–2"
/// (CLINICAL-BASIS.md §1.2); termination is "the last 2–4 sessions".
///
/// ```
/// use interpersonal::{Phase, catalogue::SessionPosition, catalogue::SessionRange};
///
/// let middle = Phase::ActiveTreatment.typical_sessions().unwrap();
/// assert_eq!(middle.first, SessionPosition::FromFirst(4));
/// assert_eq!(middle.resolve(12), Some(4..=10));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SessionRange {
    /// The earliest session in which the phase typically begins.
    pub first: SessionPosition,
    /// The latest session in which the phase typically ends.
    pub last: SessionPosition,
}

impl SessionRange {
    /// The session numbers of this range in a course of `total` sessions;
    /// `None` when the course is too short for the range (an end before the
    /// start, or a position past the end).
    ///
    /// ```
    /// use interpersonal::Phase;
    /// let termination = Phase::ConsolidationTermination.typical_sessions().unwrap();
    /// assert_eq!(termination.resolve(16), Some(13..=16));
    /// let middle = Phase::ActiveTreatment.typical_sessions().unwrap();
    /// assert_eq!(middle.resolve(5), None);
    /// ```
    pub fn resolve(self, total: u8) -> Option<RangeInclusive<u8>> {
        let first = self.first.resolve(total)?;
        let last = self.last.resolve(total)?;
        (first <= last).then_some(first..=last)
    }
}

impl Phase {
    /// The phase of the IPT manuals this step belongs to: assessment and goal
    /// setting are both the initial phase (CLINICAL-BASIS.md §1.2).
    ///
    /// ```
    /// use interpersonal::{catalogue::ClassicPhase, Phase};
    /// assert_eq!(Phase::Assessment.classic(), ClassicPhase::Initial);
    /// assert_eq!(Phase::ConsolidationTermination.classic(), ClassicPhase::Termination);
    /// ```
    pub const fn classic(self) -> ClassicPhase {
        match self {
            Phase::Assessment | Phase::GoalSetting => ClassicPhase::Initial,
            Phase::ActiveTreatment => ClassicPhase::Middle,
            Phase::ConsolidationTermination => ClassicPhase::Termination,
            Phase::Maintenance => ClassicPhase::Maintenance,
        }
    }

    /// What happens in the phase, in one sentence; its source is
    /// [`Phase::source`].
    ///
    /// ```
    /// use interpersonal::Phase;
    /// assert!(Phase::GoalSetting.description().contains("treatment contract"));
    /// ```
    pub const fn description(self) -> &'static str {
        match self {
            Phase::Assessment => {
                "The first part of the initial phase: review the symptoms and name the diagnosis, screen for safety, evaluate the need for medication and take the interpersonal inventory."
            }
            Phase::GoalSetting => {
                "The second part of the initial phase: select the problem area, present the interpersonal formulation, obtain the patient's agreement and set the treatment contract."
            }
            Phase::ActiveTreatment => {
                "The middle phase: work on the chosen problem area with its goals, strategies and techniques, re-rating symptoms periodically."
            }
            Phase::ConsolidationTermination => {
                "The termination phase: discuss the end, review and consolidate gains, anticipate stressors and warning signs, and decide on maintenance."
            }
            Phase::Maintenance => {
                "Optional maintenance IPT after an acute response, usually monthly, to prevent recurrence."
            }
        }
    }

    /// Where the phase is described. The split of the initial phase into
    /// assessment and goal setting is the reference's own (inferred); the
    /// other phases cite `markowitz-weissman-2004-world-psychiatry` and
    /// `markowitz-weissman-2012-casebook` ch. 17.
    ///
    /// ```
    /// use interpersonal::{source::Basis, Phase};
    /// assert_eq!(Phase::Assessment.source().basis(), Basis::Inferred);
    /// assert_eq!(Phase::ActiveTreatment.source().basis(), Basis::Stated);
    /// ```
    pub const fn source(self) -> Source {
        match self {
            Phase::Assessment | Phase::GoalSetting => INITIAL_SPLIT,
            Phase::ActiveTreatment | Phase::ConsolidationTermination | Phase::Maintenance => {
                self.classic().source()
            }
        }
    }

    /// The phase that follows in a course: assessment, goal setting, active
    /// treatment, consolidation and termination, maintenance. `None` after
    /// maintenance.
    ///
    /// `next` does not check anything: use [`Phase::advance`] to move through
    /// the acute course. Maintenance is optional, so the step from termination
    /// to maintenance is taken only with `next`, once therapist and patient
    /// have decided on it ([`PhaseTask::DecideOnMaintenance`]).
    ///
    /// ```
    /// use interpersonal::Phase;
    /// assert_eq!(Phase::ConsolidationTermination.next(), Some(Phase::Maintenance));
    /// assert_eq!(Phase::Maintenance.next(), None);
    /// ```
    pub const fn next(self) -> Option<Phase> {
        match self {
            Phase::Assessment => Some(Phase::GoalSetting),
            Phase::GoalSetting => Some(Phase::ActiveTreatment),
            Phase::ActiveTreatment => Some(Phase::ConsolidationTermination),
            Phase::ConsolidationTermination => Some(Phase::Maintenance),
            Phase::Maintenance => None,
        }
    }

    /// Where the phase typically falls in a standard 12–16-session course
    /// (CLINICAL-BASIS.md §1.1, §1.2): assessment sessions 1–2, goal setting 2–3,
    /// active treatment from about session 4 to the third from last, and
    /// termination the last 2–4 sessions. `None` for maintenance, which is not
    /// part of the acute course.
    ///
    /// The ranges are a guide for planning, not a rule: the initial phase
    /// takes sessions 1 to 3 [S: `markowitz-2016-ptsd` appendix], and may take fewer \[I\].
    ///
    /// ```
    /// use interpersonal::{Phase, catalogue::SessionPosition};
    /// let r = Phase::GoalSetting.typical_sessions().unwrap();
    /// assert_eq!((r.first, r.last), (SessionPosition::FromFirst(2), SessionPosition::FromFirst(3)));
    /// assert!(Phase::Maintenance.typical_sessions().is_none());
    /// ```
    pub const fn typical_sessions(self) -> Option<SessionRange> {
        use SessionPosition::{FromFirst, FromLast};
        let (first, last) = match self {
            Phase::Assessment => (FromFirst(1), FromFirst(2)),
            Phase::GoalSetting => (FromFirst(2), FromFirst(3)),
            Phase::ActiveTreatment => (FromFirst(4), FromLast(3)),
            Phase::ConsolidationTermination => (FromLast(4), FromLast(1)),
            Phase::Maintenance => return None,
        };
        Some(SessionRange { first, last })
    }

    /// The session numbers in which the phase typically falls in a course of
    /// `total` sessions: [`Phase::typical_sessions`] resolved. `None` for
    /// maintenance, and when the course is too short for the phase's usual
    /// place.
    ///
    /// ```
    /// use interpersonal::Phase;
    /// assert_eq!(Phase::Assessment.sessions_for(12), Some(1..=2));
    /// assert_eq!(Phase::ActiveTreatment.sessions_for(16), Some(4..=14));
    /// assert_eq!(Phase::ConsolidationTermination.sessions_for(12), Some(9..=12));
    /// assert_eq!(Phase::Maintenance.sessions_for(12), None);
    /// ```
    pub fn sessions_for(self, total: u8) -> Option<RangeInclusive<u8>> {
        self.typical_sessions()?.resolve(total)
    }

    /// The tasks of the phase, in the order the manuals present them
    /// (CLINICAL-BASIS.md §1.1, split by §1.2's table; §7.6 for maintenance).
    ///
    /// ```
    /// use interpersonal::{Phase, catalogue::PhaseTask};
    /// let tasks = Phase::GoalSetting.tasks();
    /// assert_eq!(tasks.first(), Some(&PhaseTask::SelectProblemArea));
    /// assert_eq!(tasks.last(), Some(&PhaseTask::SetTreatmentContract));
    /// ```
    pub fn tasks(self) -> &'static [PhaseTask] {
        use PhaseTask::*;
        match self {
            Phase::Assessment => &[
                ReviewSymptoms,
                NameDiagnosis,
                Psychoeducation,
                GiveSickRole,
                EvaluateMedication,
                ScreenSafety,
                TakeInterpersonalInventory,
                RelateChangesToOnset,
            ],
            Phase::GoalSetting => &[
                SelectProblemArea,
                PresentFormulation,
                ObtainAgreement,
                SetTreatmentContract,
            ],
            Phase::ActiveTreatment => &[WorkOnProblemArea, LinkMoodToEvents, RerateSymptoms],
            Phase::ConsolidationTermination => &[
                DiscussEnding,
                ReviewProgress,
                AttributeGainsToPatient,
                AnticipateStressors,
                PlanForWarningSigns,
                ConsiderOtherTreatments,
                DecideOnMaintenance,
            ],
            Phase::Maintenance => &[MonitorForRecurrence, TakeUpDeferredArea],
        }
    }

    /// The required tasks of this phase that are not in `done`, in the
    /// phase's order: what keeps [`Phase::advance`] from leaving it. Tasks of
    /// other phases in `done` are ignored.
    ///
    /// ```
    /// use interpersonal::{Phase, catalogue::PhaseTask};
    /// let open = Phase::GoalSetting.open_tasks(&[PhaseTask::SelectProblemArea]);
    /// assert_eq!(
    ///     open,
    ///     [PhaseTask::PresentFormulation, PhaseTask::ObtainAgreement, PhaseTask::SetTreatmentContract],
    /// );
    /// assert!(Phase::ActiveTreatment.open_tasks(&[]).is_empty());
    /// ```
    pub fn open_tasks(self, done: &[PhaseTask]) -> Vec<PhaseTask> {
        self.tasks()
            .iter()
            .copied()
            .filter(|t| t.is_required() && !done.contains(t))
            .collect()
    }

    /// Every task of this phase not in `done`, required or not, in the
    /// phase's order: the phase's to-do list.
    ///
    /// ```
    /// use interpersonal::{Phase, catalogue::PhaseTask};
    /// let left = Phase::Maintenance.remaining_tasks(&[PhaseTask::MonitorForRecurrence]);
    /// assert_eq!(left, [PhaseTask::TakeUpDeferredArea]);
    /// ```
    pub fn remaining_tasks(self, done: &[PhaseTask]) -> Vec<PhaseTask> {
        self.tasks()
            .iter()
            .copied()
            .filter(|t| !done.contains(t))
            .collect()
    }

    /// Moves to the next phase of the acute course when this phase's required
    /// tasks are all in `done`.
    ///
    /// Every task of assessment and of goal setting is required, so active
    /// treatment cannot begin without a selected problem area, the patient's
    /// agreement to the formulation and a treatment contract (CLINICAL-BASIS.md
    /// §1.1 tasks 8–10). Active treatment has no required task: the
    /// termination phase comes with the end date agreed at the start, which is
    /// kept [S: `markowitz-weissman-2012-casebook` ch. 3].
    ///
    /// # Errors
    ///
    /// * [`PhaseTransitionError::TasksOpen`] when required tasks are open; it
    ///   lists them and names both phases;
    /// * [`PhaseTransitionError::OptionalNextPhase`] from
    ///   [`Phase::ConsolidationTermination`]: the acute course ends there, and
    ///   maintenance is optional, entered with [`Phase::next`];
    /// * [`PhaseTransitionError::NoNextPhase`] from [`Phase::Maintenance`].
    ///
    /// ```
    /// use interpersonal::{Phase, catalogue::PhaseTask, catalogue::PhaseTransitionError};
    ///
    /// let done = [PhaseTask::SelectProblemArea, PhaseTask::PresentFormulation];
    /// let err = Phase::GoalSetting.advance(&done).unwrap_err();
    /// assert_eq!(
    ///     err,
    ///     PhaseTransitionError::TasksOpen {
    ///         from: Phase::GoalSetting,
    ///         to: Phase::ActiveTreatment,
    ///         open: vec![PhaseTask::ObtainAgreement, PhaseTask::SetTreatmentContract],
    ///     },
    /// );
    /// assert_eq!(
    ///     err.to_string(),
    ///     "cannot move from phase `goal_setting` to `active_treatment`: \
    ///      required tasks still open: `obtain_agreement`, `set_treatment_contract`",
    /// );
    ///
    /// assert_eq!(Phase::ActiveTreatment.advance(&[]), Ok(Phase::ConsolidationTermination));
    /// assert!(Phase::ConsolidationTermination.advance(&[]).is_err());
    /// ```
    pub fn advance(self, done: &[PhaseTask]) -> Result<Phase, PhaseTransitionError> {
        let to = match self {
            Phase::Maintenance => return Err(PhaseTransitionError::NoNextPhase { from: self }),
            Phase::ConsolidationTermination => {
                return Err(PhaseTransitionError::OptionalNextPhase {
                    from: self,
                    to: Phase::Maintenance,
                });
            }
            Phase::Assessment => Phase::GoalSetting,
            Phase::GoalSetting => Phase::ActiveTreatment,
            Phase::ActiveTreatment => Phase::ConsolidationTermination,
        };
        let open = self.open_tasks(done);
        if open.is_empty() {
            Ok(to)
        } else {
            Err(PhaseTransitionError::TasksOpen {
                from: self,
                to,
                open,
            })
        }
    }
}

vocabulary_enum! {
    /// A task of a phase of IPT: the initial phase's ten tasks and the safety
    /// screen (CLINICAL-BASIS.md §1.1, §1.2, §9), the middle phase's work, the
    /// termination phase's tasks, and maintenance's.
    ///
    /// [`PhaseTask::phase`] says which phase a task belongs to,
    /// [`PhaseTask::is_required`] whether the phase can be left without it.
    ///
    /// ```
    /// use interpersonal::{Phase, catalogue::PhaseTask};
    ///
    /// let task = PhaseTask::ScreenSafety;
    /// assert_eq!(task.phase(), Phase::Assessment);
    /// assert!(task.is_required());
    /// assert_eq!(task.to_string(), "screen_safety");
    /// ```
    #[non_exhaustive]
    pub enum PhaseTask {
        /// Review the depressive symptoms, often with a rating scale.
        ReviewSymptoms,
        /// Give the syndrome a name: make the diagnosis.
        NameDiagnosis,
        /// Explain depression and its treatment.
        Psychoeducation,
        /// Give the patient the sick role.
        GiveSickRole,
        /// Evaluate the need for medication.
        EvaluateMedication,
        /// Screen for suicide risk and other safety concerns.
        ScreenSafety,
        /// Take the interpersonal inventory.
        TakeInterpersonalInventory,
        /// Identify the relationship changes around the onset of the episode.
        RelateChangesToOnset,
        /// Select the problem area (at most two).
        SelectProblemArea,
        /// Present the interpersonal formulation.
        PresentFormulation,
        /// Obtain the patient's explicit agreement to the formulation and focus.
        ObtainAgreement,
        /// Set the treatment contract.
        SetTreatmentContract,
        /// Work on the chosen area with its goals and strategies.
        WorkOnProblemArea,
        /// Link mood to the interpersonal events since the last session.
        LinkMoodToEvents,
        /// Re-rate symptoms periodically.
        RerateSymptoms,
        /// Discuss the approaching end of treatment.
        DiscussEnding,
        /// Review progress and symptom change.
        ReviewProgress,
        /// Attribute the gains to the patient's own efforts.
        AttributeGainsToPatient,
        /// Anticipate future stressors and early warning symptoms.
        AnticipateStressors,
        /// Plan what to do if warning symptoms return.
        PlanForWarningSigns,
        /// On non-response: consider other treatments, without blaming the patient.
        ConsiderOtherTreatments,
        /// Decide on continuation or maintenance treatment.
        DecideOnMaintenance,
        /// Monitor for recurrence in monthly sessions.
        MonitorForRecurrence,
        /// Take up a new or a previously deferred problem area.
        TakeUpDeferredArea,
    }
}

impl PhaseTask {
    /// The tasks without which active treatment does not begin: a selected
    /// problem area, the patient's explicit agreement, and a treatment
    /// contract (CLINICAL-BASIS.md §1.1 tasks 8–10, §5
    /// [S: `markowitz-2016-ptsd` appendix, formulation; `markowitz-weissman-2012-casebook` ch. 16
    /// and 17; K: `weissman-2000-comprehensive-guide` for the contract]).
    ///
    /// ```
    /// use interpersonal::{Phase, catalogue::PhaseTask};
    /// for task in PhaseTask::AGREED_FOCUS {
    ///     assert_eq!(task.phase(), Phase::GoalSetting);
    ///     assert!(task.is_required());
    /// }
    /// ```
    pub const AGREED_FOCUS: [PhaseTask; 3] = [
        PhaseTask::SelectProblemArea,
        PhaseTask::ObtainAgreement,
        PhaseTask::SetTreatmentContract,
    ];

    /// The phase the task belongs to.
    ///
    /// ```
    /// use interpersonal::{Phase, catalogue::PhaseTask};
    /// assert_eq!(PhaseTask::ObtainAgreement.phase(), Phase::GoalSetting);
    /// assert_eq!(PhaseTask::RerateSymptoms.phase(), Phase::ActiveTreatment);
    /// ```
    pub const fn phase(self) -> Phase {
        use PhaseTask::*;
        match self {
            ReviewSymptoms
            | NameDiagnosis
            | Psychoeducation
            | GiveSickRole
            | EvaluateMedication
            | ScreenSafety
            | TakeInterpersonalInventory
            | RelateChangesToOnset => Phase::Assessment,
            SelectProblemArea | PresentFormulation | ObtainAgreement | SetTreatmentContract => {
                Phase::GoalSetting
            }
            WorkOnProblemArea | LinkMoodToEvents | RerateSymptoms => Phase::ActiveTreatment,
            DiscussEnding
            | ReviewProgress
            | AttributeGainsToPatient
            | AnticipateStressors
            | PlanForWarningSigns
            | ConsiderOtherTreatments
            | DecideOnMaintenance => Phase::ConsolidationTermination,
            MonitorForRecurrence | TakeUpDeferredArea => Phase::Maintenance,
        }
    }

    /// Whether the task must be done before [`Phase::advance`] leaves its
    /// phase: every task of assessment and goal setting, none of the later
    /// phases (whose end is set by the contract's end date, or, for
    /// termination, by a decision on maintenance).
    ///
    /// ```
    /// use interpersonal::catalogue::PhaseTask;
    /// assert!(PhaseTask::TakeInterpersonalInventory.is_required());
    /// assert!(!PhaseTask::RerateSymptoms.is_required());
    /// ```
    pub const fn is_required(self) -> bool {
        matches!(self.phase(), Phase::Assessment | Phase::GoalSetting)
    }

    /// What the task is, in one sentence; its source is
    /// [`PhaseTask::source`].
    ///
    /// ```
    /// use interpersonal::catalogue::PhaseTask;
    /// assert!(PhaseTask::GiveSickRole.description().contains("sick role"));
    /// assert!(PhaseTask::RerateSymptoms.description().contains("every 4 sessions"));
    /// ```
    pub const fn description(self) -> &'static str {
        use PhaseTask::*;
        match self {
            ReviewSymptoms => {
                "Review the depressive symptoms in a standard psychiatric evaluation, commonly with a rating scale such as the HAM-D."
            }
            NameDiagnosis => {
                "Give the syndrome a name: make the diagnosis, such as major depression, by standard criteria."
            }
            Psychoeducation => {
                "Explain depression and its treatment: it is common, treatable, has a good prognosis and is not the patient's fault."
            }
            GiveSickRole => {
                "Give the sick role: the patient is temporarily excused from some obligations but is expected to work on recovery."
            }
            EvaluateMedication => {
                "Evaluate the need for medication from severity, prior history and response, and the patient's preference."
            }
            ScreenSafety => {
                "Screen for suicidal ideation and other risk as part of the symptom review and the mental-status examination, which records its presence or absence."
            }
            TakeInterpersonalInventory => {
                "Take the interpersonal inventory, IPT's semi-structured review of the patient's important relationships."
            }
            RelateChangesToOnset => {
                "Identify the changes in relationships around the onset of symptoms, such as a death, children leaving or worsening strife."
            }
            SelectProblemArea => {
                "Select the problem area linked to the onset of the episode: usually one, at most two."
            }
            PresentFormulation => {
                "Present the interpersonal formulation that links the diagnosis to the problem area, in the patient's terms."
            }
            ObtainAgreement => {
                "Obtain the patient's explicit agreement to the formulation and the focus of treatment."
            }
            SetTreatmentContract => {
                "Set the treatment contract: time limit, frequency, focus and goals, practicalities, and IPT's here-and-now focus."
            }
            WorkOnProblemArea => {
                "Work on the chosen problem area with that area's goals and strategies."
            }
            LinkMoodToEvents => {
                "Open each session by asking how things have been since the last one, linking mood to the week's interpersonal events."
            }
            RerateSymptoms => {
                "Re-rate symptoms periodically, with the PHQ-9 and GAD-7 every 4 sessions in IPT Institute training."
            }
            DiscussEnding => {
                "Discuss the approaching end of treatment explicitly; it can feel bittersweet, like a grief."
            }
            ReviewProgress => {
                "Review progress and the change in symptoms, and consolidate the gains."
            }
            AttributeGainsToPatient => {
                "Attribute the gains to the patient's own efforts, to build a sense of competence."
            }
            AnticipateStressors => "Anticipate future stressors and early warning symptoms.",
            PlanForWarningSigns => "Plan what to do if stressors come or warning symptoms return.",
            ConsiderOtherTreatments => {
                "If the patient has not responded, do not blame the patient; consider other treatments such as medication or another psychotherapy."
            }
            DecideOnMaintenance => {
                "Decide jointly whether to continue with continuation or maintenance treatment, especially when the risk of relapse is high."
            }
            MonitorForRecurrence => {
                "Meet, usually monthly, to sustain the gains and watch for a recurrence of depression."
            }
            TakeUpDeferredArea => {
                "Take up a new problem area, or one deferred from the acute phase, as the focus of maintenance."
            }
        }
    }

    /// Where the task comes from. The initial-phase tasks are stated in
    /// Markowitz & Weissman 2004 and the Pocket Guide (Markowitz 2016); the
    /// termination tasks are the Comprehensive Guide's (2000) and marked known.
    ///
    /// ```
    /// use interpersonal::{source::Basis, catalogue::PhaseTask};
    /// assert_eq!(PhaseTask::SelectProblemArea.source().basis(), Basis::Stated);
    /// assert_eq!(PhaseTask::DiscussEnding.source().basis(), Basis::Known);
    /// // Re-rating every 4 sessions is this crate's schedule.
    /// assert_eq!(PhaseTask::RerateSymptoms.source().basis(), Basis::Inferred);
    /// ```
    pub const fn source(self) -> Source {
        use PhaseTask::*;
        match self {
            ReviewSymptoms | NameDiagnosis | GiveSickRole | EvaluateMedication
            | SelectProblemArea | SetTreatmentContract => INITIAL_TASKS,
            Psychoeducation => PSYCHOEDUCATION,
            ScreenSafety => cited::SAFETY_SCREEN,
            TakeInterpersonalInventory | RelateChangesToOnset => INVENTORY,
            PresentFormulation | ObtainAgreement => FORMULATION,
            WorkOnProblemArea => PHASES,
            LinkMoodToEvents => LINK_MOOD,
            RerateSymptoms => RERATING,
            ReviewProgress => REVIEW_PROGRESS,
            DiscussEnding
            | AttributeGainsToPatient
            | AnticipateStressors
            | PlanForWarningSigns
            | ConsiderOtherTreatments => COMPREHENSIVE,
            DecideOnMaintenance => CASEBOOK_13,
            MonitorForRecurrence => FRANK_1990,
            TakeUpDeferredArea => CASEBOOK_17,
        }
    }
}

/// A refused move from one [`Phase`] to the next.
///
/// ```
/// use interpersonal::{Phase, catalogue::PhaseTransitionError};
/// let err = Phase::Maintenance.advance(&[]).unwrap_err();
/// assert_eq!(err, PhaseTransitionError::NoNextPhase { from: Phase::Maintenance });
/// assert_eq!(err.to_string(), "phase `maintenance` has no next phase");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum PhaseTransitionError {
    /// Required tasks of the current phase are not done.
    #[error(
        "cannot move from phase `{from}` to `{to}`: required tasks still open: {}",
        TaskList(open)
    )]
    TasksOpen {
        /// The current phase.
        from: Phase,
        /// The phase that was to follow.
        to: Phase,
        /// The required tasks not done, in the phase's order.
        open: Vec<PhaseTask>,
    },
    /// The acute course ends with termination; maintenance is optional and is
    /// entered with [`Phase::next`] once decided on.
    #[error(
        "phase `{from}` ends the acute course; `{to}` is optional: enter it with Phase::next once decided on"
    )]
    OptionalNextPhase {
        /// The current phase.
        from: Phase,
        /// The optional phase that may follow.
        to: Phase,
    },
    /// The phase is the last one.
    #[error("phase `{from}` has no next phase")]
    NoNextPhase {
        /// The current phase.
        from: Phase,
    },
}

/// Formats tasks as "`a`, `b`".
struct TaskList<'a>(&'a [PhaseTask]);

impl fmt::Display for TaskList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, task) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "`{task}`")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tasks_and_phase_agree() {
        for phase in Phase::iter() {
            for task in phase.tasks() {
                assert_eq!(task.phase(), phase, "{task}");
            }
        }
        for task in PhaseTask::iter() {
            assert!(task.phase().tasks().contains(&task), "{task}");
        }
    }

    #[test]
    fn advance_walks_the_acute_course() {
        let mut phase = Phase::Assessment;
        let mut seen = vec![phase];
        while let Ok(next) = phase.advance(phase.tasks()) {
            phase = next;
            seen.push(phase);
        }
        assert_eq!(
            seen,
            [
                Phase::Assessment,
                Phase::GoalSetting,
                Phase::ActiveTreatment,
                Phase::ConsolidationTermination
            ]
        );
    }

    #[test]
    fn one_open_task_blocks() {
        for phase in [Phase::Assessment, Phase::GoalSetting] {
            for missing in phase.tasks() {
                let done: Vec<_> = phase
                    .tasks()
                    .iter()
                    .copied()
                    .filter(|t| t != missing)
                    .collect();
                match phase.advance(&done) {
                    Err(PhaseTransitionError::TasksOpen { from, to, open }) => {
                        assert_eq!(from, phase);
                        assert_eq!(Some(to), phase.next());
                        assert_eq!(open, [*missing]);
                    }
                    other => panic!("{phase} without {missing}: {other:?}"),
                }
            }
        }
    }

    #[test]
    fn session_ranges_for_12_and_16() {
        assert_eq!(Phase::GoalSetting.sessions_for(12), Some(2..=3));
        assert_eq!(Phase::ActiveTreatment.sessions_for(12), Some(4..=10));
        assert_eq!(
            Phase::ConsolidationTermination.sessions_for(16),
            Some(13..=16)
        );
        assert_eq!(Phase::Assessment.sessions_for(0), None);
        assert_eq!(Phase::GoalSetting.sessions_for(2), None);
    }
}
