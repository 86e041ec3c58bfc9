//! The phase a scheduled session belongs to, in the words of its modality.

use crate::catalogue::ClassicPhase;
use crate::macros::vocabulary_enum;

vocabulary_enum! {
    /// The phase a session of a [`Schedule`](crate::course::Schedule) belongs
    /// to, named as its modality names it: the acute phases of IPT (initial,
    /// middle, termination), the meetings some adaptations add before them
    /// (brief IPT's engagement session, group IPT's individual pre-group
    /// meeting), maintenance, IPSRT's phases and MIT's stages
    /// (CLINICAL-BASIS.md §1.1, §7).
    ///
    /// The sessions of a schedule partition into phases in order: once a
    /// phase is left it does not come back, and the phases follow
    /// [`SchedulePhase::rank`]. [`SchedulePhase::classic`] gives the manuals'
    /// three acute phases and maintenance, where a phase is one of them.
    ///
    /// ```
    /// use interpersonal::{catalogue::ClassicPhase, course::SchedulePhase};
    /// assert_eq!(SchedulePhase::Termination.to_string(), "termination");
    /// assert!(SchedulePhase::Initial < SchedulePhase::Middle);
    /// assert_eq!(SchedulePhase::PreGroup.classic(), Some(ClassicPhase::Initial));
    /// assert_eq!(SchedulePhase::Preventive.classic(), None);
    /// ```
    #[non_exhaustive]
    pub enum SchedulePhase {
        /// The acute initial phase: diagnosis, inventory, formulation, contract.
        Initial,
        /// The middle phase: work on the problem area.
        Middle,
        /// The termination phase: the last sessions.
        Termination,
        /// Maintenance IPT, usually monthly, after an acute response.
        Maintenance,
        /// Brief IPT's engagement session before the first IPT session: an
        /// interview about barriers to care (CLINICAL-BASIS.md §7.5).
        Engagement,
        /// Group IPT's individual meeting with each member before the group
        /// starts (CLINICAL-BASIS.md §7.4).
        PreGroup,
        /// IPSRT's intermediate phase: weekly, rhythms and the problem area
        /// (CLINICAL-BASIS.md §7.1).
        Intermediate,
        /// IPSRT's preventive (maintenance or continuation) phase: sessions
        /// spaced out (CLINICAL-BASIS.md §7.1).
        Preventive,
        /// IPSRT's final phase (CLINICAL-BASIS.md §7.1).
        Final,
        /// MIT's first stage: the alliance and the contract (CLINICAL-BASIS.md §7.2).
        Alliance,
        /// MIT's shared formulation of schemas from autobiographical episodes.
        SharedFormulation,
        /// MIT's stage of promoting differentiation.
        Differentiation,
        /// MIT's stage of building healthy self-aspects and change.
        Change,
        /// A session whose phase or stage follows the patient's progress, judged
        /// by the clinician, not its number (IPSRT, MIT): the schedule cannot
        /// say it in advance.
        StageJudged,
    }
}

impl SchedulePhase {
    /// The manuals' phase this one is, or belongs to: engagement and
    /// pre-group meetings are part of the initial phase; IPSRT's and MIT's own
    /// phases and a judged stage are not one of IPT's acute phases (`None`).
    ///
    /// ```
    /// use interpersonal::{catalogue::ClassicPhase, course::SchedulePhase};
    /// assert_eq!(SchedulePhase::Engagement.classic(), Some(ClassicPhase::Initial));
    /// assert_eq!(SchedulePhase::Maintenance.classic(), Some(ClassicPhase::Maintenance));
    /// assert_eq!(SchedulePhase::Change.classic(), None);
    /// ```
    pub const fn classic(self) -> Option<ClassicPhase> {
        match self {
            SchedulePhase::Initial | SchedulePhase::Engagement | SchedulePhase::PreGroup => {
                Some(ClassicPhase::Initial)
            }
            SchedulePhase::Middle => Some(ClassicPhase::Middle),
            SchedulePhase::Termination => Some(ClassicPhase::Termination),
            SchedulePhase::Maintenance => Some(ClassicPhase::Maintenance),
            SchedulePhase::Intermediate
            | SchedulePhase::Preventive
            | SchedulePhase::Final
            | SchedulePhase::Alliance
            | SchedulePhase::SharedFormulation
            | SchedulePhase::Differentiation
            | SchedulePhase::Change
            | SchedulePhase::StageJudged => None,
        }
    }

    /// Where the phase falls in a course, from 0 (meetings before the first
    /// session) to 4 (the end); `None` for a judged stage, which may fall
    /// anywhere. In a schedule the ranks never decrease.
    ///
    /// ```
    /// use interpersonal::course::SchedulePhase;
    /// assert_eq!(SchedulePhase::PreGroup.rank(), Some(0));
    /// assert!(SchedulePhase::Initial.rank() < SchedulePhase::Middle.rank());
    /// assert!(SchedulePhase::Preventive.rank() < SchedulePhase::Final.rank());
    /// assert_eq!(SchedulePhase::StageJudged.rank(), None);
    /// ```
    pub const fn rank(self) -> Option<u8> {
        match self {
            SchedulePhase::Engagement | SchedulePhase::PreGroup => Some(0),
            SchedulePhase::Initial | SchedulePhase::Alliance => Some(1),
            SchedulePhase::Middle
            | SchedulePhase::Intermediate
            | SchedulePhase::SharedFormulation => Some(2),
            SchedulePhase::Preventive | SchedulePhase::Differentiation => Some(3),
            SchedulePhase::Termination
            | SchedulePhase::Final
            | SchedulePhase::Change
            | SchedulePhase::Maintenance => Some(4),
            SchedulePhase::StageJudged => None,
        }
    }
}

impl From<ClassicPhase> for SchedulePhase {
    fn from(phase: ClassicPhase) -> Self {
        match phase {
            ClassicPhase::Initial => SchedulePhase::Initial,
            ClassicPhase::Middle => SchedulePhase::Middle,
            ClassicPhase::Termination => SchedulePhase::Termination,
            ClassicPhase::Maintenance => SchedulePhase::Maintenance,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_phases_round_trip() {
        for c in ClassicPhase::iter() {
            assert_eq!(SchedulePhase::from(c).classic(), Some(c));
        }
    }
}
