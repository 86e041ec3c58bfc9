//! The catalogue: what IPT is made of, as the manuals describe it.
//!
//! [`ProblemArea`] names the four problem areas, with their sub-types
//! ([`DisputeStage`], [`GriefKind`], [`TransitionKind`]) and, for each area, its
//! definition, goals, strategies and clinical indicators ([`CatalogueEntry`]).
//! [`Phase`] and [`PhaseTask`] lay out the phases of a course and the tasks that
//! must be done before a phase is left; [`Technique`] and [`Intervention`] name
//! what the therapist does. Every entry cites its source.
//!
//! The catalogue depends on nothing else in the crate: the inventory, the engine
//! and the course all read it.
//!
//! ```
//! use interpersonal::catalogue::{Intervention, ProblemArea};
//!
//! let area = ProblemArea::RoleDispute;
//! assert_eq!(area.who_name(), "disputes");
//! assert!(Intervention::for_area(area).contains(&Intervention::CommunicationSkillsTraining));
//! ```

mod area;
mod phase;
mod technique;

pub use area::{AreaSet, CatalogueEntry, DisputeStage, GriefKind, ProblemArea, TransitionKind};
pub(crate) use area::{
    GOAL_DEFICITS_ISOLATION, GOAL_DEFICITS_RELATIONSHIPS, GOAL_DISPUTE_IDENTIFY,
    GOAL_DISPUTE_MODIFY, GOAL_DISPUTE_PLAN, GOAL_GRIEF_MOURNING, GOAL_GRIEF_RELATIONSHIPS,
    GOAL_LOST_SELF_ACCEPT, GOAL_LOST_SELF_MOURN, GOAL_TRANSITION_MASTERY,
    GOAL_TRANSITION_MOURN_OLD_ROLE, GOAL_TRANSITION_NEW_ROLE,
};
pub use phase::{
    ClassicPhase, Phase, PhaseTask, PhaseTransitionError, SessionPosition, SessionRange,
};
pub use technique::{Intervention, InterventionStatus, Technique};
