//! A course of treatment: its modality, the treatment contract, and the session
//! schedule made from it.
//!
//! * [`Modality`]: standard IPT or one of its adaptations ([CLINICAL-BASIS.md §1](crate::_documentation::clinical_basis#1-phases), §7),
//!   each as data in a [`ModalitySpec`] ([`Modality::spec`], or one of your
//!   own read from JSON): sessions, cadences, phase layout with the meetings
//!   it adds, areas and their names, participants, sources.
//! * [`TreatmentContract`]: sessions, cadence, start, session length, focus,
//!   goals, practicalities and the patient's [`Agreement`] ([CLINICAL-BASIS.md §5](crate::_documentation::clinical_basis#5-formulation-and-treatment-contract)).
//! * [`Schedule`]: the session dates from a contract, with skipped dates, phases
//!   by session number, rescheduling, and monthly maintenance after the acute
//!   course ([CLINICAL-BASIS.md §1.1](crate::_documentation::clinical_basis#11-acute-ipt), §7.6).
//! * [`Group`]: a therapy group of group IPT or WHO group IPT, each member
//!   with their own focus, goals and measures, and its review, safety first.
//! * [`TreatmentContract::maintenance`]: from an acute course to maintenance
//!   IPT, with a change of focus recorded with the patient's agreement.
//!
//! Every date is an input: nothing here reads a clock.

mod contract;
mod first_seen;
pub(crate) mod formulation;
mod group;
mod modality;
mod record;
mod review;
mod schedule;

pub use contract::{
    AdolescentDetails, AdolescentMood, AdolescentMoodRating, Agreement, Cadence, ContractAdvisory,
    ContractAdvisoryCode, Exclusion, ExclusionScreen, FocusChange, FocusChangeReason,
    MaintenancePlan, Modality, ScreenResult, TreatmentContract, TreatmentContractBuilder,
    UnknownModality,
};
pub use formulation::{Formulation, FormulationPart, FormulationSection};
pub use group::{
    Facilitator, GROUP_SCHEMA_VERSION, Group, GroupMember, GroupReview, MemberReview,
    MemberSafetyFlag,
};
pub use modality::{
    AreaName, BlockLength, Bounds, ExtraMeeting, MODALITY_SCHEMA_VERSION, ModalitySpec,
    Participant, PhaseBlock, PlannedSession, SchedulePhase, SessionCount, SessionFormat, SickRole,
};
pub use record::{
    COURSE_SCHEMA_VERSION, CompletedTask, Course, CourseError, CourseSafetyFlag, PhaseChange,
    SafetyFlagOrigin, SessionRecord,
};
pub use review::{
    GoalReview, ProgressReview, ReviewAdvisory, ReviewAdvisoryCode, RhythmReview,
    TerminationChecklist, TerminationItem,
};
pub use schedule::{Schedule, ScheduleError, ScheduleOptions, ScheduledSession, SkipPolicy};
