//! A course of treatment: its modality, the treatment contract, and the session
//! schedule made from it.
//!
//! * [`Modality`]: standard IPT or one of its adaptations (CLINICAL-BASIS.md §1, §7).
//! * [`TreatmentContract`]: sessions, cadence, start, session length, focus,
//!   goals, practicalities and the patient's [`Agreement`] (CLINICAL-BASIS.md §5).
//! * [`Schedule`]: the session dates from a contract, with skipped dates, phases
//!   by session number, rescheduling, and monthly maintenance after the acute
//!   course (CLINICAL-BASIS.md §1.1, §7.6).
//!
//! Every date is an input: nothing here reads a clock.

mod cadence;
mod contract;
// The course itself is one concept of the course subsystem.
#[allow(clippy::module_inception)]
mod course;
mod course_error;
mod course_json;
mod course_safety;
mod formulation;
mod modality;
mod progression;
mod review;
mod review_advisory;
mod schedule;
mod schedule_options;
mod session;
mod session_record;
mod termination;

pub use cadence::Cadence;
pub use contract::{Agreement, TreatmentContract, TreatmentContractBuilder};
pub use course::{COURSE_SCHEMA_VERSION, Course};
pub use course_error::CourseError;
pub use course_safety::{CourseSafetyFlag, SafetyFlagOrigin};
pub use formulation::{Formulation, FormulationPart, FormulationSection};
pub use modality::{Modality, UnknownModality};
pub use progression::{CompletedTask, PhaseChange};
pub use review::{GoalReview, ProgressReview};
pub use review_advisory::{ReviewAdvisory, ReviewAdvisoryCode};
pub use schedule::{Schedule, ScheduleError};
pub use schedule_options::{ScheduleOptions, SkipPolicy};
pub use session::{SchedulePhase, ScheduledSession};
pub use session_record::SessionRecord;
pub use termination::{TerminationChecklist, TerminationItem};
