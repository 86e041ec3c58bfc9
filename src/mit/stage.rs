//! The stages of MIT: its phase layout.

use crate::course::SchedulePhase;
use crate::macros::{source, vocabulary_enum};
use crate::source::Source;

use super::sources;

vocabulary_enum! {
    /// A stage of Metacognitive Interpersonal Therapy, in the order the
    /// manual presents them: MIT's phase layout (CLINICAL-BASIS.md §7.2).
    /// Each stage is one block of the MIT modality's layout;
    /// [`MitStage::schedule_phase`] and [`MitStage::of_phase`] convert between
    /// the two.
    ///
    /// The stages follow the treatment chapters of the 2015 manual
    /// [S: Dimaggio et al. 2015, table of contents and publisher's
    /// description]: the therapeutic relationship and contract, the shared
    /// formulation of functioning, promoting differentiation, and the
    /// construction of new, healthier self-aspects. The 2020 book names the
    /// same path as a decision-making procedure [S: Dimaggio et al. 2020,
    /// ch. 7 abstract]: handling symptoms and regulating emotion, joint
    /// formulation of functioning, change promotion.
    ///
    /// **A stage is not a block of sessions.** The manual describes a
    /// decision procedure, not a session plan: the relationship is watched
    /// (and ruptures repaired) throughout, the formulation is revised when new
    /// episodes bring new material, and a therapist returns to an earlier
    /// stage when needed. Neither book read here gives a number of sessions
    /// per stage; MIT for personality disorders typically runs for a year or
    /// more of weekly sessions (K), and the 16-session group programme
    /// (MIT-G) is a different format. So the crate orders the stages and
    /// records which one a case is in, and leaves the sessions to the
    /// modality table and to the clinician (I).
    ///
    /// ```
    /// use interpersonal::mit::MitStage;
    /// assert_eq!(MitStage::ALL[0], MitStage::AllianceAndContract);
    /// assert_eq!(MitStage::SharedFormulation.next(), Some(MitStage::PromotingDifferentiation));
    /// assert_eq!(MitStage::BuildingHealthySelfAspects.next(), None);
    /// assert_eq!(MitStage::PromotingDifferentiation.to_string(), "promoting_differentiation");
    /// ```
    #[non_exhaustive]
    pub enum MitStage {
        /// Building the therapeutic alliance and agreeing the therapy
        /// contract; symptoms that block the work are handled first. The
        /// relationship stays watched through every later stage.
        AllianceAndContract,
        /// Shared formulation of functioning: enriching autobiographical
        /// memory with concrete episodes, improving access to inner states,
        /// and reconstructing the maladaptive interpersonal schemas together.
        SharedFormulation,
        /// Promoting differentiation: helping the patient see the schema as
        /// a way of reading events, not as reality, and take critical
        /// distance from it.
        PromotingDifferentiation,
        /// Building new, healthier self-aspects: access to healthy parts and
        /// wishes, and acting on them (experiential techniques such as
        /// guided imagery and rescripting, role-play, body work, behavioural
        /// exploration).
        BuildingHealthySelfAspects,
    }
}

impl MitStage {
    /// The stage after this one, or `None` for the last.
    ///
    /// ```
    /// use interpersonal::mit::MitStage;
    /// assert_eq!(MitStage::AllianceAndContract.next(), Some(MitStage::SharedFormulation));
    /// ```
    pub fn next(self) -> Option<MitStage> {
        let at = MitStage::ALL.iter().position(|s| *s == self)?;
        MitStage::ALL.get(at + 1).copied()
    }

    /// The stage's position in the layout, from 1.
    ///
    /// ```
    /// use interpersonal::mit::MitStage;
    /// assert_eq!(MitStage::AllianceAndContract.number(), 1);
    /// assert_eq!(MitStage::BuildingHealthySelfAspects.number(), 4);
    /// ```
    pub fn number(self) -> usize {
        MitStage::ALL
            .iter()
            .position(|s| *s == self)
            .map_or(0, |i| i + 1)
    }

    /// The stage in plain words, for a text addressed to the patient.
    ///
    /// ```
    /// use interpersonal::mit::MitStage;
    /// assert_eq!(MitStage::PromotingDifferentiation.plain_name(), "taking distance from the pattern");
    /// ```
    pub const fn plain_name(self) -> &'static str {
        match self {
            MitStage::AllianceAndContract => {
                "building our working relationship and agreeing the plan"
            }
            MitStage::SharedFormulation => "understanding together how the pattern works",
            MitStage::PromotingDifferentiation => "taking distance from the pattern",
            MitStage::BuildingHealthySelfAspects => {
                "building healthier ways of seeing yourself and others, and acting on them"
            }
        }
    }

    /// The stage as a phase of a schedule: MIT's phase layout in the modality
    /// data ([`Modality::MIT`](crate::course::Modality::MIT)'s
    /// [`layout`](crate::course::ModalitySpec::layout)) holds one block per
    /// stage, in this order. [`MitStage::of_phase`] is the way back.
    ///
    /// ```
    /// use interpersonal::{course::{Modality, SchedulePhase}, mit::MitStage};
    /// assert_eq!(MitStage::PromotingDifferentiation.schedule_phase(), SchedulePhase::Differentiation);
    /// let layout: Vec<SchedulePhase> = Modality::MIT.spec().layout.iter().map(|b| b.phase).collect();
    /// let stages: Vec<SchedulePhase> = MitStage::ALL.iter().map(|s| s.schedule_phase()).collect();
    /// assert_eq!(layout, stages);
    /// ```
    pub const fn schedule_phase(self) -> SchedulePhase {
        match self {
            MitStage::AllianceAndContract => SchedulePhase::Alliance,
            MitStage::SharedFormulation => SchedulePhase::SharedFormulation,
            MitStage::PromotingDifferentiation => SchedulePhase::Differentiation,
            MitStage::BuildingHealthySelfAspects => SchedulePhase::Change,
        }
    }

    /// The MIT stage a schedule phase is, or `None` for a phase that is not
    /// one of MIT's stages (IPT's phases, IPSRT's, and
    /// [`SchedulePhase::StageJudged`], whose stage the clinician judges).
    ///
    /// ```
    /// use interpersonal::{course::SchedulePhase, mit::MitStage};
    /// assert_eq!(MitStage::of_phase(SchedulePhase::Change), Some(MitStage::BuildingHealthySelfAspects));
    /// assert_eq!(MitStage::of_phase(SchedulePhase::Middle), None);
    /// ```
    pub const fn of_phase(phase: SchedulePhase) -> Option<MitStage> {
        match phase {
            SchedulePhase::Alliance => Some(MitStage::AllianceAndContract),
            SchedulePhase::SharedFormulation => Some(MitStage::SharedFormulation),
            SchedulePhase::Differentiation => Some(MitStage::PromotingDifferentiation),
            SchedulePhase::Change => Some(MitStage::BuildingHealthySelfAspects),
            SchedulePhase::Initial
            | SchedulePhase::Middle
            | SchedulePhase::Termination
            | SchedulePhase::Maintenance
            | SchedulePhase::Engagement
            | SchedulePhase::PreGroup
            | SchedulePhase::Intermediate
            | SchedulePhase::Preventive
            | SchedulePhase::Final
            | SchedulePhase::StageJudged => None,
        }
    }

    /// Where the stage comes from.
    ///
    /// ```
    /// use interpersonal::mit::MitStage;
    /// assert!(MitStage::SharedFormulation.source().cites_work("dimaggio-2015-mit"));
    /// ```
    pub fn source(self) -> Source {
        const STAGES: Source = source![
            sources::MANUAL_CONTENTS,
            sources::MANUAL_STEPS,
            sources::BODY_PROCEDURE
        ];
        STAGES
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_are_in_order() {
        let mut s = MitStage::ALL[0];
        let mut n = 1;
        while let Some(next) = s.next() {
            n += 1;
            assert_eq!(next.number(), n);
            s = next;
        }
        assert_eq!(n, MitStage::COUNT);
    }

    #[test]
    fn stages_and_schedule_phases_convert_both_ways() {
        for stage in MitStage::iter() {
            assert_eq!(MitStage::of_phase(stage.schedule_phase()), Some(stage));
        }
        for phase in SchedulePhase::iter() {
            if let Some(stage) = MitStage::of_phase(phase) {
                assert_eq!(stage.schedule_phase(), phase);
            }
        }
        let stages = SchedulePhase::iter()
            .filter(|p| MitStage::of_phase(*p).is_some())
            .count();
        assert_eq!(stages, MitStage::COUNT);
    }

    #[test]
    fn the_mit_layout_is_the_stages_in_order() {
        let layout: Vec<Option<MitStage>> = crate::course::Modality::MIT
            .spec()
            .layout
            .iter()
            .map(|b| MitStage::of_phase(b.phase))
            .collect();
        let stages: Vec<Option<MitStage>> = MitStage::iter().map(Some).collect();
        assert_eq!(layout, stages);
    }
}
