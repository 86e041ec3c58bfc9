//! A course of treatment: its modality, the treatment contract, and the session
//! schedule made from it.
//!
//! * [`Modality`]: standard IPT or one of its adaptations ([CLINICAL-BASIS.md §1](crate::_documentation::clinical_basis#1-phases), §7).
//! * [`TreatmentContract`]: sessions, cadence, start, session length, focus,
//!   goals, practicalities and the patient's [`Agreement`] ([CLINICAL-BASIS.md §5](crate::_documentation::clinical_basis#5-formulation-and-treatment-contract)).
//! * [`Schedule`]: the session dates from a contract, with skipped dates, phases
//!   by session number, rescheduling, and monthly maintenance after the acute
//!   course ([CLINICAL-BASIS.md §1.1](crate::_documentation::clinical_basis#11-acute-ipt), §7.6).
//!
//! Every date is an input: nothing here reads a clock.

mod contract;
mod formulation;
mod record;
mod review;
mod schedule;

pub use contract::{
    Agreement, Cadence, Modality, TreatmentContract, TreatmentContractBuilder, UnknownModality,
};
pub use formulation::{Formulation, FormulationPart, FormulationSection};
pub use record::{
    COURSE_SCHEMA_VERSION, CompletedTask, Course, CourseError, CourseSafetyFlag, PhaseChange,
    SafetyFlagOrigin, SessionRecord,
};
pub use review::{
    GoalReview, ProgressReview, ReviewAdvisory, ReviewAdvisoryCode, RhythmReview,
    TerminationChecklist, TerminationItem,
};
pub use schedule::{
    Schedule, ScheduleError, ScheduleOptions, SchedulePhase, ScheduledSession, SkipPolicy,
};
