//! The citations the crate makes, each written once.
//!
//! Catalogue, engine policy, course and goals cite the bibliography through
//! these constants, so a work's locator and basis for a claim are written in
//! one place. The rule sets cite by key in JSON (`rules/default.json`).
//!
//! Material of unknown authorship (study notes, slide decks, unattributed web
//! pages) is not cited: where it was once the only support of a claim, the
//! claim now rests on a named work at `known`, or is this crate's inference.

use super::Citation;
use crate::macros::source;
use crate::source::Basis::{Inferred, Known, Stated};
use crate::source::Source;

// Keys, written once.
const GUIDE: &str = "weissman-2018-guide";
const COMPREHENSIVE: &str = "weissman-2000-comprehensive-guide";
const CASEBOOK: &str = "markowitz-weissman-2012-casebook";
const MW_2004: &str = "markowitz-weissman-2004-world-psychiatry";
const PTSD_2016: &str = "markowitz-2016-ptsd";
const RAJHANS: &str = "rajhans-2020-ipt-guideline";

/// The locator of the Pocket Guide, an appendix of Markowitz 2016.
const POCKET_GUIDE: &str = "appendix \"A Pocket Guide to IPT\"";

// --- The Guide (Weissman, Markowitz & Klerman 2018) -------------------------

/// The Guide's role-disputes chapter: the disputes goals, the stages.
pub(crate) const GUIDE_DISPUTES: Citation = Citation::new(GUIDE, "ch. \"Role Disputes\"", Stated);
/// The role-disputes chapter, for details that were read only in unattributed
/// slides and are believed to be the chapter's.
pub(crate) const GUIDE_DISPUTES_KNOWN: Citation =
    Citation::new(GUIDE, "ch. \"Role Disputes\"", Known);
/// The role-disputes chapter on the impasse stage.
pub(crate) const GUIDE_IMPASSE_KNOWN: Citation =
    Citation::new(GUIDE, "ch. \"Role Disputes\" (impasse)", Known);
/// The Guide's interpersonal-deficits chapter.
pub(crate) const GUIDE_DEFICITS: Citation =
    Citation::new(GUIDE, "ch. \"Interpersonal Deficits\"", Stated);
/// The deficits chapter's "Hidden Death" case.
pub(crate) const GUIDE_HIDDEN_DEATH: Citation = Citation::new(
    GUIDE,
    "ch. \"Interpersonal Deficits\", \"Hidden Death\" case",
    Stated,
);
/// The Guide's grief chapter, not re-read at its source.
pub(crate) const GUIDE_GRIEF_KNOWN: Citation = Citation::new(GUIDE, "ch. \"Grief\"", Known);

// --- The Comprehensive Guide (2000), not re-read: known ---------------------

/// The Comprehensive Guide as a whole.
pub(crate) const COMPREHENSIVE_GUIDE: Citation = Citation::new(COMPREHENSIVE, "", Known);
/// Its initial-sessions checklist.
pub(crate) const COMPREHENSIVE_INITIAL: Citation =
    Citation::new(COMPREHENSIVE, "ch. 3 (initial sessions checklist)", Known);
/// Its risk indicators of abnormal grief.
pub(crate) const COMPREHENSIVE_GRIEF_RISK: Citation = Citation::new(
    COMPREHENSIVE,
    "grief: risk indicators of pathological grief",
    Known,
);
/// Its kinds of abnormal grief.
pub(crate) const COMPREHENSIVE_GRIEF_KINDS: Citation =
    Citation::new(COMPREHENSIVE, "grief: abnormal grief", Known);
/// Its role-transition goals and strategies.
pub(crate) const COMPREHENSIVE_TRANSITIONS: Citation =
    Citation::new(COMPREHENSIVE, "role transitions", Known);
/// Its interpersonal-deficits goals and strategies.
pub(crate) const COMPREHENSIVE_DEFICITS: Citation =
    Citation::new(COMPREHENSIVE, "interpersonal deficits", Known);
/// Its techniques chapter.
pub(crate) const COMPREHENSIVE_TECHNIQUES: Citation =
    Citation::new(COMPREHENSIVE, "techniques", Known);
/// Its grief strategies.
pub(crate) const COMPREHENSIVE_GRIEF_STRATEGIES: Citation =
    Citation::new(COMPREHENSIVE, "grief strategies", Known);
/// Its termination phase.
pub(crate) const COMPREHENSIVE_TERMINATION: Citation =
    Citation::new(COMPREHENSIVE, "termination", Known);
/// Its interpersonal inventory, from which the crate infers what to ask
/// when no area is found.
pub(crate) const COMPREHENSIVE_INVENTORY_INFERRED: Citation =
    Citation::new(COMPREHENSIVE, "interpersonal inventory", Inferred);

/// The 1984 manual, from which the Comprehensive Guide descends.
pub(crate) const KLERMAN_1984: Citation = Citation::new("klerman-1984-ipt-depression", "", Known);

// --- The Casebook (Markowitz & Weissman 2012) and its chapters --------------

/// Law, ch. 2: grief.
pub(crate) const LAW_GRIEF: Citation = Citation::new("law-2012-complicated-grief", "", Stated);
/// Law, ch. 2, the discussion.
pub(crate) const LAW_DISCUSSION: Citation =
    Citation::new("law-2012-complicated-grief", "discussion", Stated);
/// Ravitz & Maunder, ch. 4: role transition.
pub(crate) const RAVITZ_TRANSITION: Citation =
    Citation::new("ravitz-maunder-2012-role-transition", "", Stated);
/// Ravitz & Maunder, ch. 4, whose discussion is consistent with the
/// Comprehensive Guide's transitions goals.
pub(crate) const RAVITZ_TRANSITION_KNOWN: Citation =
    Citation::new("ravitz-maunder-2012-role-transition", "discussion", Known);
/// Ch. 3: a role dispute.
pub(crate) const CASEBOOK_3: Citation = Citation::new(CASEBOOK, "ch. 3", Stated);
/// Ch. 3, the discussion.
pub(crate) const CASEBOOK_3_DISCUSSION: Citation =
    Citation::new(CASEBOOK, "ch. 3, discussion", Stated);
/// Ch. 5: interpersonal deficits.
pub(crate) const CASEBOOK_5: Citation = Citation::new(CASEBOOK, "ch. 5", Stated);
/// Ch. 6: chronic depression, the mental-status examination.
pub(crate) const CASEBOOK_6: Citation =
    Citation::new(CASEBOOK, "ch. 6, mental-status examination", Stated);
/// Ch. 12: adolescent depression, the safety assessment before IPT-A.
pub(crate) const CASEBOOK_12_SAFETY: Citation =
    Citation::new(CASEBOOK, "ch. 12, diagnosis and treatment planning", Stated);
/// Ch. 13: peripartum depression, continuation treatment.
pub(crate) const CASEBOOK_13: Citation = Citation::new(CASEBOOK, "ch. 13", Stated);
/// Ch. 16: cultural issues, a formulation.
pub(crate) const CASEBOOK_16_FORMULATION: Citation =
    Citation::new(CASEBOOK, "ch. 16, formulation", Stated);
/// Ch. 17: women living on low incomes; two areas, monthly maintenance.
pub(crate) const CASEBOOK_17: Citation = Citation::new(CASEBOOK, "ch. 17", Stated);
/// Ch. 18: IPT in developing countries (group IPT).
pub(crate) const CASEBOOK_18: Citation = Citation::new(CASEBOOK, "ch. 18", Stated);

// --- Markowitz 2016 (the Pocket Guide) and Markowitz & Weissman 2004 --------

/// The Pocket Guide.
pub(crate) const POCKET: Citation = Citation::new(PTSD_2016, POCKET_GUIDE, Stated);
/// The Pocket Guide, p. 45: the problem areas and their strategies.
pub(crate) const POCKET_P45: Citation = Citation::new(
    PTSD_2016,
    "appendix \"A Pocket Guide to IPT\", p. 45",
    Stated,
);
/// The Pocket Guide's formulation script.
pub(crate) const POCKET_FORMULATION: Citation = Citation::new(
    PTSD_2016,
    "appendix \"A Pocket Guide to IPT\", formulation",
    Stated,
);
/// Markowitz & Weissman 2004: the phases and the problem areas.
pub(crate) const MW: Citation = Citation::new(MW_2004, "", Stated);
/// Markowitz & Weissman 2004 on the sick role and psychoeducation.
pub(crate) const MW_SICK_ROLE: Citation =
    Citation::new(MW_2004, "sick role; psychoeducation", Known);
/// Markowitz & Weissman 2004 on the initial phase, which the crate splits
/// into assessment and goal setting.
pub(crate) const MW_INITIAL_SPLIT: Citation = Citation::new(MW_2004, "initial phase", Inferred);
/// Markowitz & Weissman 2004 on changes around the onset, from which the
/// crate infers a dispute when a relationship worsened then.
pub(crate) const MW_WORSENED_INFERRED: Citation = Citation::new(MW_2004, "", Inferred);

// --- Rajhans et al. 2020, WHO group IPT, IPT-A ------------------------------

/// Rajhans et al. 2020, "Steps in IPT": the three phases.
pub(crate) const RAJHANS_STEPS: Citation = Citation::new(RAJHANS, "Steps in IPT", Stated);
/// Rajhans et al. 2020, "Common IPT techniques".
pub(crate) const RAJHANS_TECHNIQUES: Citation =
    Citation::new(RAJHANS, "Common IPT techniques", Stated);
/// Rajhans et al. 2020's techniques, from which the crate maps a general
/// intervention to IPT's own.
pub(crate) const RAJHANS_TECHNIQUES_MAPPED: Citation =
    Citation::new(RAJHANS, "Common IPT techniques", Inferred);
/// Ch. 3, read for IPT's communication analysis, from which the crate maps a
/// general intervention to IPT's own.
pub(crate) const CASEBOOK_3_MAPPED: Citation = Citation::new(CASEBOOK, "ch. 3", Inferred);
/// IPT-A, whose explicit problem solving the crate maps to decision analysis.
pub(crate) const IPT_A_MAPPED: Citation = Citation::new("mufson-2004-ipt-a", "", Inferred);
/// IPT-A's exclusions (acutely suicidal or homicidal, psychotic, bipolar,
/// intellectual disability, active substance abuse), as program registries
/// describe the manual.
pub(crate) const IPT_A_EXCLUSIONS: Citation =
    Citation::new("mufson-2004-ipt-a", "exclusions", Known);
/// WHO group IPT, whose explicit problem solving the crate maps to decision
/// analysis.
pub(crate) const WHO_GIPT_MAPPED: Citation = Citation::new("who-2016-group-ipt", "", Inferred);
/// WHO group IPT: the problem areas in plain words.
pub(crate) const WHO_GIPT: Citation = Citation::new("who-2016-group-ipt", "problem areas", Known);

/// DSM-5-TR: prolonged grief disorder, assessed no earlier than 12 months
/// after the death in adults (6 in children and adolescents).
pub(crate) const DSM5TR_PROLONGED_GRIEF: Citation =
    Citation::new("apa-2022-dsm5tr", "prolonged grief disorder", Known);

// --- Maintenance, measures and outcomes -------------------------------------

/// Frank et al. 1990: maintenance IPT.
pub(crate) const FRANK_1990: Citation = Citation::new("frank-1990-three-year-outcomes", "", Known);
/// Frank et al. 2007: the frequency of maintenance IPT.
pub(crate) const FRANK_2007: Citation =
    Citation::new("frank-2007-maintenance-frequency", "", Known);
/// Kroenke et al. 2001, PHQ-9 item 9 (thoughts of death or self-harm).
pub(crate) const PHQ9_ITEM9: Citation = Citation::new("kroenke-2001-phq9", "item 9", Known);
/// Kroenke et al. 2001: the PHQ-9, its scoring and bands.
pub(crate) const PHQ9: Citation = Citation::new("kroenke-2001-phq9", "", Known);
/// Spitzer et al. 2006: the GAD-7, its scoring and bands.
pub(crate) const GAD7: Citation = Citation::new("spitzer-2006-gad7", "", Known);
/// Hamilton 1960: the HAM-D.
pub(crate) const HAMD: Citation = Citation::new("hamilton-1960-hamd", "", Known);
/// Zimmerman et al. 2013: HAM-D severity cut-offs 17 and 24 (abstract).
pub(crate) const HAMD_BANDS: Citation =
    Citation::new("zimmerman-2013-hamd-severity", "abstract", Stated);
/// Frank et al. 1991: response and remission.
pub(crate) const RESPONSE_DEFINITION: Citation =
    Citation::new("frank-1991-consensus-definitions", "", Known);
/// Gyani et al. 2013: IAPT caseness, reliable improvement and recovery.
pub(crate) const IAPT: Citation = Citation::new("gyani-2013-iapt-recovery", "", Known);
/// Jacobson & Truax 1991: reliable change.
pub(crate) const RELIABLE_CHANGE: Citation =
    Citation::new("jacobson-truax-1991-clinical-significance", "", Known);
/// Altman et al. 1997: the ASRM, its items and cut-off.
pub(crate) const ASRM: Citation = Citation::new("altman-1997-asrm", "", Known);
/// Monk et al. 1990: the SRM-17 form (its exact wording not re-read).
pub(crate) const SRM17: Citation = Citation::new("monk-1990-srm", "the SRM-17 form", Known);
/// Monk et al. 2002: the five SRM-5 activities, named in its abstract.
pub(crate) const SRM5: Citation = Citation::new("monk-2002-srm5", "abstract", Stated);
/// Stuart & Robertson 2012, from whose training practice the crate takes
/// its re-rating schedule (not checked in the book).
pub(crate) const STUART_ROBERTSON_INFERRED: Citation =
    Citation::new("stuart-robertson-2012-clinicians-guide", "", Inferred);

/// Frank et al. 1991's definition of response, from which the crate checks
/// for no response by mid-treatment.
pub(crate) const RESPONSE_DEFINITION_INFERRED: Citation =
    Citation::new("frank-1991-consensus-definitions", "", Inferred);
/// The Guide's deficits chapter (consider alternatives if there is no
/// improvement), from which the crate checks every area at mid-treatment.
pub(crate) const GUIDE_DEFICITS_ALTERNATIVES_INFERRED: Citation =
    Citation::new(GUIDE, "ch. \"Interpersonal Deficits\"", Inferred);
/// The Comprehensive Guide's termination on non-response (consider other
/// treatments), from which the crate checks at mid-treatment.
pub(crate) const COMPREHENSIVE_NON_RESPONSE_INFERRED: Citation =
    Citation::new(COMPREHENSIVE, "termination: non-response", Inferred);
/// The Comprehensive Guide's treatment contract and its agreed goals, from
/// which the crate asks for recorded progress on each goal.
pub(crate) const COMPREHENSIVE_CONTRACT_INFERRED: Citation =
    Citation::new(COMPREHENSIVE, "treatment contract", Inferred);

// --- IPSRT (Frank 2005) and IPT for PTSD (Markowitz 2016) --------------------

const IPSRT_2005: &str = "frank-2005-ipsrt";

/// Frank 2005: the fifth problem area of IPSRT, grief for the lost healthy
/// self (the book not re-read: known).
pub(crate) const IPSRT_LOST_SELF: Citation =
    Citation::new(IPSRT_2005, "grief for the lost healthy self", Known);
/// Frank 2005: the fifth area's goals and strategies, as this crate infers
/// them from the book's description by analogy with grief and transitions.
pub(crate) const IPSRT_LOST_SELF_INFERRED: Citation =
    Citation::new(IPSRT_2005, "grief for the lost healthy self", Inferred);
/// Frank 2005: anticipating the events that disrupt social rhythms (travel,
/// a new job, childbirth) and planning the routine around them (known).
pub(crate) const IPSRT_DISRUPTORS: Citation =
    Citation::new(IPSRT_2005, "social rhythm disruptors", Known);
/// Markowitz 2016, the role-transitions chapter: role transitions are the
/// most common focus in PTSD (30 of 38 patients in the trial), the trauma's
/// aftermath framed as a transition; the grief chapter treats a traumatic
/// death. Read in the publisher's chapter summaries and the chapter's
/// opening.
pub(crate) const PTSD_TRANSITIONS: Citation = Citation::new(
    PTSD_2016,
    "ch. 7 \"IPT for PTSD: Role Transitions\"",
    Stated,
);
/// Markowitz 2016: IPT for PTSD works on the interpersonal consequences of
/// the trauma (detachment, mistrust, interpersonal hypervigilance), not by
/// exposure to it.
pub(crate) const PTSD_NO_EXPOSURE: Citation =
    Citation::new(PTSD_2016, "ch. \"Adapting IPT for PTSD\"", Stated);

// --- Sources cited from more than one place --------------------------------

/// Safety first: the Casebook's adolescent case checked ideation, plan and
/// intent and made a safety plan before starting IPT-A; PHQ-9 item 9 asks
/// about thoughts of death or self-harm. The engine's safety advisory and the
/// formulation's safety section cite it.
pub(crate) const SAFETY_FIRST: Source = source![CASEBOOK_12_SAFETY, PHQ9_ITEM9];

/// Screening for suicidal ideation: the Casebook's mental-status
/// examinations record its presence or absence, and the symptom review of the
/// initial sessions includes it. The phase task of screening cites it (and the
/// engine's advisory on a missing safety screen may).
pub(crate) const SAFETY_SCREEN: Source = source![CASEBOOK_6, COMPREHENSIVE_INITIAL];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_citation_names_a_work_of_the_bibliography() {
        for c in [
            GUIDE_DISPUTES,
            GUIDE_DEFICITS,
            COMPREHENSIVE_GUIDE,
            LAW_GRIEF,
            RAVITZ_TRANSITION,
            CASEBOOK_3,
            POCKET,
            MW,
            RAJHANS_STEPS,
            WHO_GIPT,
            IPT_A_MAPPED,
            FRANK_1990,
            FRANK_2007,
            PHQ9_ITEM9,
            STUART_ROBERTSON_INFERRED,
            IPSRT_LOST_SELF,
            IPSRT_DISRUPTORS,
            PTSD_TRANSITIONS,
            PTSD_NO_EXPOSURE,
        ] {
            assert!(c.reference().is_some(), "{}", c.key);
        }
    }
}
