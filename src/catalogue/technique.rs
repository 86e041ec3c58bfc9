//! The techniques of IPT, the interventions of the seed article, and which
//! fit which problem area and phase.
//!
//! A [`Technique`] is one of the technique families the IPT manuals list
//! (CLINICAL-BASIS.md §4). An [`Intervention`] is one of the seven interventions
//! the project's seed article names; some are IPT as they stand, some only in
//! IPT's own form, and one is not IPT at all ([`InterventionStatus`],
//! CLINICAL-BASIS.md §4.1).
//!
//! ```
//! use interpersonal::{catalogue::Intervention, catalogue::InterventionStatus, ProblemArea, catalogue::Technique};
//!
//! let for_disputes = Intervention::for_area(ProblemArea::RoleDispute);
//! assert!(for_disputes.contains(&Intervention::RolePlaying));
//! assert!(!for_disputes.contains(&Intervention::ChallengingNegativeThoughts));
//!
//! assert_eq!(
//!     Intervention::CommunicationSkillsTraining.techniques(),
//!     [Technique::CommunicationAnalysis, Technique::RolePlay],
//! );
//! assert_eq!(
//!     Intervention::ChallengingNegativeThoughts.status(),
//!     InterventionStatus::NotIpt,
//! );
//! ```

use crate::macros::source;
use crate::macros::vocabulary_enum;
use crate::{
    bibliography::cited,
    catalogue::{Phase, ProblemArea},
    source::Source,
};

// Sources: citations of the bibliography (`bibliography::cited`).
const RAJHANS: Source = source![cited::RAJHANS_TECHNIQUES, cited::COMPREHENSIVE_TECHNIQUES];
const COMPREHENSIVE_TECHNIQUES: Source = source![cited::COMPREHENSIVE_TECHNIQUES];
const COMPREHENSIVE_GRIEF: Source = source![cited::COMPREHENSIVE_GRIEF_STRATEGIES];
const COMPREHENSIVE_TRANSITIONS: Source = source![cited::COMPREHENSIVE_TRANSITIONS];
/// Communication skills training mapped to IPT's communication analysis and
/// role play: the mapping is this crate's.
const MAPPED_COMMUNICATION: Source =
    source![cited::RAJHANS_TECHNIQUES_MAPPED, cited::CASEBOOK_3_MAPPED,];
/// Problem solving mapped to decision analysis: the mapping is this crate's;
/// IPT-A and WHO group IPT make problem solving explicit.
const MAPPED_PROBLEM_SOLVING: Source = source![
    cited::RAJHANS_TECHNIQUES_MAPPED,
    cited::IPT_A_MAPPED,
    cited::WHO_GIPT_MAPPED,
];
const NOT_IPT: Source = source![cited::LAW_DISCUSSION, cited::CASEBOOK_3_DISCUSSION];
const HERE_AND_NOW: Source = source![cited::CASEBOOK_3_DISCUSSION];

const ALL_AREAS: &[ProblemArea] = &[
    ProblemArea::Grief,
    ProblemArea::RoleDispute,
    ProblemArea::RoleTransition,
    ProblemArea::InterpersonalDeficits,
];

vocabulary_enum! {
    /// A technique family of IPT (CLINICAL-BASIS.md §4 [K: `weissman-2000-comprehensive-guide`
    /// techniques chapter; S: `rajhans-2020-ipt-guideline`; S: `markowitz-weissman-2012-casebook`
    /// ch. 3]).
    ///
    /// IPT does not use transference interpretation or formal CBT homework,
    /// though it encourages patients to try new behaviours between sessions
    /// (CLINICAL-BASIS.md §4 [K: `weissman-2000-comprehensive-guide` techniques chapter]).
    ///
    /// ```
    /// use interpersonal::{ProblemArea, catalogue::Technique};
    ///
    /// let t = Technique::CommunicationAnalysis;
    /// assert_eq!(t.to_string(), "communication_analysis");
    /// assert_eq!(t.main_area(), Some(ProblemArea::RoleDispute));
    /// assert!(t.areas().contains(&ProblemArea::InterpersonalDeficits));
    /// ```
    #[non_exhaustive]
    pub enum Technique {
        /// Non-directive exploration and direct elicitation of material.
        Exploratory,
        /// Accepting, using and helping express affect.
        EncouragementOfAffect,
        /// Rephrasing; pointing out contradictions and implications.
        Clarification,
        /// Moment-by-moment reconstruction of a specific recent interaction.
        CommunicationAnalysis,
        /// Generating and weighing alternatives for an interpersonal problem.
        DecisionAnalysis,
        /// Rehearsing new communication, the therapist playing the other person.
        RolePlay,
        /// The patient's feelings about the therapist as a sample of interpersonal
        /// patterns.
        TherapeuticRelationship,
        /// Psychoeducation, limited advice, modelling, encouraging new behaviour.
        Directive,
        /// Contract setting and administrative details.
        Adjunctive,
    }
}

impl Technique {
    /// What the technique is and what it is for, in one sentence; its source
    /// is [`Technique::source`].
    ///
    /// ```
    /// use interpersonal::catalogue::Technique;
    /// assert!(Technique::RolePlay.description().contains("therapist playing the other person"));
    /// ```
    pub const fn description(self) -> &'static str {
        match self {
            Technique::Exploratory => {
                "Non-directive exploration (open questions, supportive acknowledgement, extending topics) and direct elicitation of specific material, to gather material; used throughout."
            }
            Technique::EncouragementOfAffect => {
                "Accepting painful affect, using affect in relationships and helping the patient express suppressed affect, to make feelings usable."
            }
            Technique::Clarification => {
                "Rephrasing, and pointing out contradictions and implications, to sharpen understanding."
            }
            Technique::CommunicationAnalysis => {
                "Reconstructing a specific recent interaction moment by moment, linking each step to feelings, to find faulty patterns (indirect or non-verbal signals, assuming one has understood or been understood, silence) and ask what else could have been said."
            }
            Technique::DecisionAnalysis => {
                "Generating alternatives for an interpersonal problem and weighing their consequences."
            }
            Technique::RolePlay => {
                "Rehearsing new ways of communicating, with the therapist playing the other person."
            }
            Technique::TherapeuticRelationship => {
                "Using the patient's feelings about the therapist as a sample of his or her interpersonal patterns."
            }
            Technique::Directive => {
                "Psychoeducation, limited advice and modelling, and encouraging the patient to try new behaviours between sessions, to move from exploration to action."
            }
            Technique::Adjunctive => {
                "Contract setting and administrative details, which keep the frame of treatment."
            }
        }
    }

    /// The problem areas the technique mainly serves, as CLINICAL-BASIS.md §4's
    /// table gives them, in [`ProblemArea`] order; a technique "used in all
    /// areas" lists all four of standard IPT. The table does not cover IPSRT's
    /// grief for the lost healthy self, so no technique lists it.
    ///
    /// ```
    /// use interpersonal::{ProblemArea, catalogue::Technique};
    /// assert_eq!(
    ///     Technique::DecisionAnalysis.areas(),
    ///     [ProblemArea::RoleDispute, ProblemArea::RoleTransition],
    /// );
    /// assert_eq!(Technique::Clarification.areas().len(), 4);
    /// ```
    pub fn areas(self) -> &'static [ProblemArea] {
        use ProblemArea::*;
        match self {
            Technique::Exploratory
            | Technique::Clarification
            | Technique::Directive
            | Technique::Adjunctive => ALL_AREAS,
            Technique::EncouragementOfAffect => &[Grief, RoleDispute, RoleTransition],
            Technique::CommunicationAnalysis | Technique::RolePlay => {
                &[RoleDispute, RoleTransition, InterpersonalDeficits]
            }
            Technique::DecisionAnalysis => &[RoleDispute, RoleTransition],
            Technique::TherapeuticRelationship => &[InterpersonalDeficits],
        }
    }

    /// The area for which the manuals single the technique out: encouragement
    /// of affect is central to grief, exploration is used especially in grief,
    /// communication analysis and role play are core to disputes, and the
    /// therapeutic relationship is used mainly in deficits (CLINICAL-BASIS.md §4).
    /// `None` for a technique with no such area.
    ///
    /// ```
    /// use interpersonal::{ProblemArea, catalogue::Technique};
    /// assert_eq!(Technique::EncouragementOfAffect.main_area(), Some(ProblemArea::Grief));
    /// assert_eq!(Technique::Adjunctive.main_area(), None);
    /// ```
    pub const fn main_area(self) -> Option<ProblemArea> {
        match self {
            Technique::Exploratory | Technique::EncouragementOfAffect => Some(ProblemArea::Grief),
            Technique::CommunicationAnalysis | Technique::RolePlay => {
                Some(ProblemArea::RoleDispute)
            }
            Technique::TherapeuticRelationship => Some(ProblemArea::InterpersonalDeficits),
            Technique::Clarification
            | Technique::DecisionAnalysis
            | Technique::Directive
            | Technique::Adjunctive => None,
        }
    }

    /// Where the technique is listed. `rajhans-2020-ipt-guideline` states six of them
    /// (exploration, encouragement of affect, clarification, communication and
    /// decision analysis, role play); the therapeutic relationship, directive
    /// and adjunctive techniques are `weissman-2000-comprehensive-guide`'s, marked known.
    ///
    /// ```
    /// use interpersonal::{source::Basis, catalogue::Technique};
    /// assert_eq!(Technique::RolePlay.source().basis(), Basis::Stated);
    /// assert_eq!(Technique::Adjunctive.source().basis(), Basis::Known);
    /// ```
    pub const fn source(self) -> Source {
        match self {
            Technique::Exploratory
            | Technique::EncouragementOfAffect
            | Technique::Clarification
            | Technique::CommunicationAnalysis
            | Technique::DecisionAnalysis
            | Technique::RolePlay => RAJHANS,
            Technique::TherapeuticRelationship | Technique::Directive | Technique::Adjunctive => {
                COMPREHENSIVE_TECHNIQUES
            }
        }
    }

    /// The techniques that serve `area`, in declaration order.
    ///
    /// ```
    /// use interpersonal::{ProblemArea, catalogue::Technique};
    /// let grief = Technique::for_area(ProblemArea::Grief);
    /// assert!(grief.contains(&Technique::EncouragementOfAffect));
    /// assert!(!grief.contains(&Technique::RolePlay));
    /// ```
    pub fn for_area(area: ProblemArea) -> Vec<Technique> {
        Technique::iter()
            .filter(|t| t.areas().contains(&area))
            .collect()
    }
}

vocabulary_enum! {
    /// How an intervention of the seed article stands in IPT (CLINICAL-BASIS.md
    /// §4.1).
    ///
    /// ```
    /// use interpersonal::catalogue::InterventionStatus;
    /// assert!(InterventionStatus::Limited.is_ipt());
    /// assert!(!InterventionStatus::NotIpt.is_ipt());
    /// ```
    #[non_exhaustive]
    pub enum InterventionStatus {
        /// A core part of IPT as it stands.
        Core,
        /// Core, but done in IPT's own form (a named technique), not as the seed
        /// describes it.
        CoreAsIptTechnique,
        /// Used in IPT only in a limited way.
        Limited,
        /// Not an IPT intervention.
        NotIpt,
    }
}

impl InterventionStatus {
    /// Whether an intervention with this status belongs in an IPT treatment
    /// plan: every status but [`InterventionStatus::NotIpt`].
    ///
    /// ```
    /// use interpersonal::catalogue::InterventionStatus;
    /// assert!(InterventionStatus::CoreAsIptTechnique.is_ipt());
    /// ```
    pub const fn is_ipt(self) -> bool {
        !matches!(self, InterventionStatus::NotIpt)
    }
}

vocabulary_enum! {
    /// An intervention named by the project's seed article, with its honest
    /// standing in IPT (CLINICAL-BASIS.md §4.1).
    ///
    /// Communication skills training and problem solving are IPT only in IPT's
    /// form (communication analysis with role play; decision analysis); grief
    /// work, role-transition support and role play are core; exploring past
    /// relationships is limited to the inventory and the deficits strategies;
    /// challenging negative thoughts is cognitive behavioural therapy, not IPT,
    /// which treats such thoughts as symptoms of the depression.
    ///
    /// ```
    /// use interpersonal::{catalogue::Intervention, catalogue::InterventionStatus, Phase, ProblemArea};
    ///
    /// let i = Intervention::GriefWork;
    /// assert_eq!(i.status(), InterventionStatus::Core);
    /// assert_eq!(i.areas(), [ProblemArea::Grief]);
    /// assert_eq!(i.phases(), [Phase::ActiveTreatment]);
    /// assert_eq!(i.to_string(), "grief_work");
    /// ```
    #[non_exhaustive]
    pub enum Intervention {
        /// Improving how the patient communicates.
        CommunicationSkillsTraining,
        /// Generating and weighing options for an interpersonal problem.
        ProblemSolving,
        /// Working through a death and its feelings.
        GriefWork,
        /// Helping the patient through a life change.
        RoleTransitionSupport,
        /// Rehearsing new communication in role play.
        RolePlaying,
        /// Identifying and challenging negative thoughts (a CBT technique).
        ChallengingNegativeThoughts,
        /// Exploring past relationship experiences.
        ExploringPastRelationships,
    }
}

impl Intervention {
    /// What the intervention is, and what IPT makes of it, in one or two
    /// sentences; the source is [`Intervention::source`].
    ///
    /// ```
    /// use interpersonal::catalogue::Intervention;
    /// assert!(Intervention::ChallengingNegativeThoughts.description().contains("not of IPT"));
    /// ```
    pub const fn description(self) -> &'static str {
        match self {
            Intervention::CommunicationSkillsTraining => {
                "Improving how the patient communicates; IPT does this through communication analysis and role play, not didactic skills training."
            }
            Intervention::ProblemSolving => {
                "Generating and weighing options for an interpersonal problem; in IPT this is decision analysis, and IPT-A and WHO group IPT use explicit problem solving."
            }
            Intervention::GriefWork => {
                "The grief strategies: reconstructing the relationship with the deceased, exploring the feelings around the death, and finding new relationships and direction."
            }
            Intervention::RoleTransitionSupport => {
                "The role-transition strategies: mourning the old role, seeing the new role's opportunities, and building mastery and support in it."
            }
            Intervention::RolePlaying => {
                "Rehearsing new ways of communicating, with the therapist playing the other person."
            }
            Intervention::ChallengingNegativeThoughts => {
                "Identifying and challenging negative thoughts, a technique of cognitive behavioural therapy and not of IPT: IPT treats such thoughts as symptoms of the depression and works on interpersonal events."
            }
            Intervention::ExploringPastRelationships => {
                "Reviewing past relationships, which IPT does in the interpersonal inventory and in the deficits strategies, looking for repetitive patterns; otherwise IPT stays in the here and now."
            }
        }
    }

    /// The IPT techniques through which the intervention is done, in
    /// [`Technique`] order. Where CLINICAL-BASIS.md §4.1 names techniques
    /// (communication analysis and role play; decision analysis; role play)
    /// they are given; for grief work and role-transition support, which §4.1
    /// maps to an area's strategies, they are the techniques whose §4 area fit
    /// names that area specifically \[I\]. Empty for an intervention that is
    /// not IPT.
    ///
    /// ```
    /// use interpersonal::{catalogue::Intervention, catalogue::Technique};
    /// assert_eq!(Intervention::ProblemSolving.techniques(), [Technique::DecisionAnalysis]);
    /// assert!(Intervention::ChallengingNegativeThoughts.techniques().is_empty());
    /// ```
    pub fn techniques(self) -> &'static [Technique] {
        use Technique::*;
        match self {
            Intervention::CommunicationSkillsTraining => &[CommunicationAnalysis, RolePlay],
            Intervention::ProblemSolving => &[DecisionAnalysis],
            Intervention::GriefWork => &[Exploratory, EncouragementOfAffect],
            Intervention::RoleTransitionSupport => &[
                EncouragementOfAffect,
                CommunicationAnalysis,
                DecisionAnalysis,
                RolePlay,
            ],
            Intervention::RolePlaying => &[RolePlay],
            Intervention::ChallengingNegativeThoughts => &[],
            Intervention::ExploringPastRelationships => &[Exploratory],
        }
    }

    /// The problem areas the intervention serves in IPT (CLINICAL-BASIS.md §4.1
    /// "maps to"), in [`ProblemArea`] order. Empty for an intervention that is
    /// not IPT.
    ///
    /// ```
    /// use interpersonal::{catalogue::Intervention, ProblemArea};
    /// assert_eq!(
    ///     Intervention::ProblemSolving.areas(),
    ///     [ProblemArea::RoleDispute, ProblemArea::RoleTransition],
    /// );
    /// assert_eq!(
    ///     Intervention::ExploringPastRelationships.areas(),
    ///     [ProblemArea::InterpersonalDeficits],
    /// );
    /// ```
    pub fn areas(self) -> &'static [ProblemArea] {
        use ProblemArea::*;
        match self {
            Intervention::CommunicationSkillsTraining | Intervention::RolePlaying => {
                &[RoleDispute, RoleTransition, InterpersonalDeficits]
            }
            Intervention::ProblemSolving => &[RoleDispute, RoleTransition],
            Intervention::GriefWork => &[Grief],
            Intervention::RoleTransitionSupport => &[RoleTransition],
            Intervention::ChallengingNegativeThoughts => &[],
            Intervention::ExploringPastRelationships => &[InterpersonalDeficits],
        }
    }

    /// The phases in which the intervention is used: the middle phase for the
    /// core interventions; for exploring past relationships also assessment,
    /// where the interpersonal inventory reviews them. Empty for an
    /// intervention that is not IPT.
    ///
    /// ```
    /// use interpersonal::{catalogue::Intervention, Phase};
    /// assert_eq!(
    ///     Intervention::ExploringPastRelationships.phases(),
    ///     [Phase::Assessment, Phase::ActiveTreatment],
    /// );
    /// ```
    pub fn phases(self) -> &'static [Phase] {
        match self {
            Intervention::CommunicationSkillsTraining
            | Intervention::ProblemSolving
            | Intervention::GriefWork
            | Intervention::RoleTransitionSupport
            | Intervention::RolePlaying => &[Phase::ActiveTreatment],
            Intervention::ChallengingNegativeThoughts => &[],
            Intervention::ExploringPastRelationships => {
                &[Phase::Assessment, Phase::ActiveTreatment]
            }
        }
    }

    /// How the intervention stands in IPT (CLINICAL-BASIS.md §4.1).
    ///
    /// ```
    /// use interpersonal::{catalogue::Intervention, catalogue::InterventionStatus};
    /// assert_eq!(
    ///     Intervention::CommunicationSkillsTraining.status(),
    ///     InterventionStatus::CoreAsIptTechnique,
    /// );
    /// assert_eq!(Intervention::ExploringPastRelationships.status(), InterventionStatus::Limited);
    /// ```
    pub const fn status(self) -> InterventionStatus {
        match self {
            Intervention::CommunicationSkillsTraining | Intervention::ProblemSolving => {
                InterventionStatus::CoreAsIptTechnique
            }
            Intervention::GriefWork
            | Intervention::RoleTransitionSupport
            | Intervention::RolePlaying => InterventionStatus::Core,
            Intervention::ChallengingNegativeThoughts => InterventionStatus::NotIpt,
            Intervention::ExploringPastRelationships => InterventionStatus::Limited,
        }
    }

    /// Where the intervention's standing comes from. The mapping of
    /// communication skills training and problem solving onto IPT techniques
    /// is the reference's (inferred, from the techniques `rajhans-2020-ipt-guideline` lists);
    /// the standing of the others is stated or known.
    ///
    /// ```
    /// use interpersonal::{source::Basis, catalogue::Intervention};
    /// assert_eq!(Intervention::ChallengingNegativeThoughts.source().basis(), Basis::Stated);
    /// assert_eq!(Intervention::ProblemSolving.source().basis(), Basis::Inferred);
    /// ```
    pub const fn source(self) -> Source {
        match self {
            Intervention::CommunicationSkillsTraining => MAPPED_COMMUNICATION,
            Intervention::ProblemSolving => MAPPED_PROBLEM_SOLVING,
            Intervention::GriefWork => COMPREHENSIVE_GRIEF,
            Intervention::RoleTransitionSupport => COMPREHENSIVE_TRANSITIONS,
            Intervention::RolePlaying => RAJHANS,
            Intervention::ChallengingNegativeThoughts => NOT_IPT,
            Intervention::ExploringPastRelationships => HERE_AND_NOW,
        }
    }

    /// The IPT interventions for `area`: those whose status
    /// [is IPT](InterventionStatus::is_ipt) and whose areas include `area`, in
    /// declaration order (so the limited one comes last). Challenging negative
    /// thoughts is never returned.
    ///
    /// ```
    /// use interpersonal::{catalogue::Intervention, ProblemArea};
    /// assert_eq!(Intervention::for_area(ProblemArea::Grief), [Intervention::GriefWork]);
    /// assert_eq!(
    ///     Intervention::for_area(ProblemArea::InterpersonalDeficits),
    ///     [
    ///         Intervention::CommunicationSkillsTraining,
    ///         Intervention::RolePlaying,
    ///         Intervention::ExploringPastRelationships,
    ///     ],
    /// );
    /// ```
    pub fn for_area(area: ProblemArea) -> Vec<Intervention> {
        Intervention::iter()
            .filter(|i| i.status().is_ipt() && i.areas().contains(&area))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_area_has_an_ipt_intervention_and_technique() {
        // The techniques table (CLINICAL-BASIS.md §4) covers standard IPT's
        // four areas; IPSRT's fifth has none mapped (the book not re-read).
        for area in ProblemArea::STANDARD {
            assert!(!Intervention::for_area(area).is_empty(), "{area}");
            assert!(!Technique::for_area(area).is_empty(), "{area}");
        }
    }

    #[test]
    fn not_ipt_has_no_fit_and_ipt_has_fit() {
        for i in Intervention::iter() {
            let ipt = i.status().is_ipt();
            assert_eq!(!i.areas().is_empty(), ipt, "{i}");
            assert_eq!(!i.techniques().is_empty(), ipt, "{i}");
            assert_eq!(!i.phases().is_empty(), ipt, "{i}");
        }
    }

    #[test]
    fn intervention_techniques_fit_its_areas() {
        for i in Intervention::iter() {
            for t in i.techniques() {
                assert!(
                    i.areas().iter().any(|a| t.areas().contains(a)),
                    "{i} uses {t}, which fits none of its areas"
                );
            }
        }
    }

    #[test]
    fn main_area_is_among_areas() {
        for t in Technique::iter() {
            if let Some(a) = t.main_area() {
                assert!(t.areas().contains(&a), "{t}");
            }
        }
    }
}
