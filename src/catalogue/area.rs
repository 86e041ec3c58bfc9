//! The four IPT problem areas, their sub-types, and the catalogue of each
//! area's definition, goals, strategies and indicators.
//!
//! Every catalogue entry is a [`CatalogueEntry`]: a sentence and the
//! [`Source`] it comes from, with its basis (CLINICAL-BASIS.md §0: stated, known
//! or inferred). The catalogue knows no patient; it is what the
//! [`Engine`](crate::engine::Engine) explains with and what a report prints.

use crate::macros::source;
use crate::macros::vocabulary_enum;
use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::bibliography::cited;
use crate::source::Source;

vocabulary_enum! {
    /// One of the interpersonal problem areas that IPT links an episode to
    /// (CLINICAL-BASIS.md §2 [S: `markowitz-weissman-2004-world-psychiatry`;
    /// `markowitz-2016-ptsd` appendix]). Standard IPT has four: three are life
    /// events (a death, a dispute, a life change); the fourth, interpersonal
    /// deficits, is the absence of them and is chosen only when none of the
    /// others is found. IPSRT adds a fifth, grief for the lost healthy self
    /// (CLINICAL-BASIS.md §7.1 [K: `frank-2005-ipsrt`]), which only an IPSRT
    /// rule set may suggest ([`AreaSet`]).
    ///
    /// The vocabulary grows by adding a value with its own serde name; the
    /// names of the existing values never change. A caller that shows areas
    /// should not assume there are four: use [`ProblemArea::ALL`], or
    /// [`AreaSet::areas`] for the areas of one kind of IPT.
    ///
    /// Each area carries its catalogue: a [`definition`](ProblemArea::definition),
    /// the manuals' [`goals`](ProblemArea::goals),
    /// [`strategies`](ProblemArea::strategies) and
    /// [`indicators`](ProblemArea::indicators), every entry with its [`Source`].
    ///
    /// ```
    /// use interpersonal::{source::Basis, ProblemArea};
    ///
    /// assert_eq!(ProblemArea::RoleDispute.to_string(), "role_dispute");
    /// assert_eq!("grief".parse::<ProblemArea>().unwrap(), ProblemArea::Grief);
    ///
    /// let area = ProblemArea::RoleTransition;
    /// assert_eq!(area.who_name(), "life changes");
    /// let goal = &area.goals()[0];
    /// assert_eq!(goal.text, "Mourn and accept the loss of the old role.");
    /// // `weissman-2000-comprehensive-guide` could not be re-read for the reference: marked known.
    /// assert_eq!(goal.source.basis(), Basis::Known);
    /// ```
    #[non_exhaustive]
    pub enum ProblemArea {
        /// Grief: onset linked to the death of a significant other.
        Grief,
        /// Role dispute: non-reciprocal expectations with a significant other.
        RoleDispute,
        /// Role transition: difficulty coping with a life change.
        RoleTransition,
        /// Interpersonal deficits: none of the other three; social isolation.
        InterpersonalDeficits,
        /// IPSRT only: grief for the lost healthy self, mourning the life and
        /// the self the patient had, or would have had, without bipolar
        /// disorder (CLINICAL-BASIS.md §7.1 [K: `frank-2005-ipsrt`]). JSON
        /// `grief_for_lost_healthy_self`.
        GriefForLostHealthySelf,
    }
}

vocabulary_enum! {
    /// Which problem areas a kind of IPT works with, and so which a rule set
    /// may score: the four of standard IPT, or IPSRT's five (the four and
    /// grief for the lost healthy self, CLINICAL-BASIS.md §7.1
    /// [K: `frank-2005-ipsrt`]).
    ///
    /// A rule set declares its set (JSON `"area_set"`, `standard` when left
    /// out); compiling a rule set whose rule names an area outside its set is
    /// an error at the rule's `area`, so a standard IPT assessment never
    /// suggests the fifth area.
    ///
    /// ```
    /// use interpersonal::{catalogue::AreaSet, ProblemArea};
    /// assert_eq!(AreaSet::Standard.areas().len(), 4);
    /// assert!(!AreaSet::Standard.allows(ProblemArea::GriefForLostHealthySelf));
    /// assert!(AreaSet::Ipsrt.allows(ProblemArea::GriefForLostHealthySelf));
    /// assert_eq!(AreaSet::default(), AreaSet::Standard);
    /// ```
    #[derive(Default)]
    #[non_exhaustive]
    pub enum AreaSet {
        /// Standard IPT's four areas (and every adaptation that keeps them).
        #[default]
        Standard,
        /// IPSRT: the four areas and grief for the lost healthy self.
        Ipsrt,
    }
}

impl AreaSet {
    /// The areas of the set, in [`ProblemArea`] declaration order.
    ///
    /// ```
    /// use interpersonal::{catalogue::AreaSet, ProblemArea};
    /// assert_eq!(AreaSet::Ipsrt.areas().last(), Some(&ProblemArea::GriefForLostHealthySelf));
    /// ```
    pub const fn areas(self) -> &'static [ProblemArea] {
        match self {
            AreaSet::Standard => &ProblemArea::STANDARD,
            AreaSet::Ipsrt => &ProblemArea::ALL,
        }
    }

    /// Whether the set has this area.
    ///
    /// ```
    /// use interpersonal::{catalogue::AreaSet, ProblemArea};
    /// assert!(AreaSet::Standard.allows(ProblemArea::Grief));
    /// ```
    pub fn allows(self, area: ProblemArea) -> bool {
        self.areas().contains(&area)
    }

    /// Where the set comes from: standard IPT's four areas (the Pocket Guide),
    /// IPSRT's fifth (Frank 2005, known).
    ///
    /// ```
    /// use interpersonal::catalogue::AreaSet;
    /// assert!(AreaSet::Ipsrt.source().cites_work("frank-2005-ipsrt"));
    /// ```
    pub const fn source(self) -> Source {
        match self {
            AreaSet::Standard => POCKET_GUIDE_TRANSITIONS,
            AreaSet::Ipsrt => LOST_SELF,
        }
    }
}

vocabulary_enum! {
    /// The stage of a role dispute, which the therapist must determine
    /// (CLINICAL-BASIS.md §2.2 [S: `weissman-2018-guide`; I: the wording of each stage]).
    ///
    /// ```
    /// use interpersonal::catalogue::DisputeStage;
    /// assert_eq!(DisputeStage::Impasse.to_string(), "impasse");
    /// ```
    pub enum DisputeStage {
        /// Both parties know of their differences and are still actively trying to
        /// change things.
        Renegotiation,
        /// Negotiation has stopped: a stalemate, a "cold war".
        Impasse,
        /// The relationship is judged irretrievably broken; the patient is ending it.
        Dissolution,
    }
}

vocabulary_enum! {
    /// Normal or complicated grief, with the manuals' sub-types of complicated grief
    /// (CLINICAL-BASIS.md §2.1 [K: `weissman-2000-comprehensive-guide`;
    /// `klerman-1984-ipt-depression`]).
    ///
    /// ```
    /// use interpersonal::catalogue::GriefKind;
    /// assert_eq!(GriefKind::Delayed.to_string(), "delayed");
    /// ```
    #[non_exhaustive]
    pub enum GriefKind {
        /// Normal grief: adaptive, not to be pathologised.
        Normal,
        /// Complicated grief, sub-type not determined.
        Complicated,
        /// Complicated: mourning avoided or postponed.
        Delayed,
        /// Complicated: other (e.g. somatic) symptoms instead of sadness.
        Distorted,
        /// Complicated: severe grief that does not end.
        Chronic,
    }
}

vocabulary_enum! {
    /// The kind of life change in a role transition (CLINICAL-BASIS.md §2.3
    /// [S: `markowitz-2016-ptsd` appendix; `ravitz-maunder-2012-role-transition`;
    /// `markowitz-weissman-2012-casebook` ch. 17]).
    ///
    /// ```
    /// use interpersonal::catalogue::TransitionKind;
    /// assert_eq!(TransitionKind::Retirement.to_string(), "retirement");
    /// ```
    #[non_exhaustive]
    pub enum TransitionKind {
        /// Marriage.
        Marriage,
        /// Divorce or separation.
        DivorceOrSeparation,
        /// The end of a long relationship.
        EndOfRelationship,
        /// Pregnancy, including a complicated pregnancy.
        Pregnancy,
        /// Birth of a child; becoming a parent.
        BecomingAParent,
        /// Starting a job.
        JobStart,
        /// Losing a job.
        JobLoss,
        /// Changing a job, a promotion or a demotion.
        JobChange,
        /// A geographic move.
        Relocation,
        /// Migration to another country.
        Migration,
        /// Diagnosis of a serious illness or a disabling or disfiguring condition.
        SeriousIllness,
        /// Retirement.
        Retirement,
        /// Children leaving home.
        ChildrenLeavingHome,
        /// Becoming a caregiver.
        BecomingACaregiver,
        /// Life after a traumatic event: IPT for PTSD frames the life the
        /// trauma changed as a role transition, its most common focus
        /// (CLINICAL-BASIS.md §7.8 [S: `markowitz-2016-ptsd` ch. 7]).
        AfterTrauma,
        /// Another change in social role.
        Other,
    }
}

/// One sentence of clinical knowledge and the source it comes from: a goal,
/// a strategy or an indicator of a problem area, as the manuals list them.
///
/// The crate's tables hold borrowed text; a `CatalogueEntry` read from JSON
/// owns its text.
///
/// ```
/// use interpersonal::{source::Basis, catalogue::CatalogueEntry, ProblemArea};
///
/// let first: &CatalogueEntry = &ProblemArea::RoleDispute.goals()[0];
/// assert_eq!(first.text, "Identify the dispute.");
/// assert_eq!(first.source.basis(), Basis::Stated);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CatalogueEntry {
    /// The statement, one sentence.
    pub text: Cow<'static, str>,
    /// Where it comes from.
    pub source: Source,
}

impl CatalogueEntry {
    /// An entry with borrowed text, for `const` and `static` tables.
    ///
    /// ```
    /// use interpersonal::bibliography::Citation;
    /// use interpersonal::{source::Basis, catalogue::CatalogueEntry, source::Source};
    ///
    /// const COMPREHENSIVE: &[Citation; 1] =
    ///     &[Citation::new("weissman-2000-comprehensive-guide", "", Basis::Known)];
    /// const ENTRY: CatalogueEntry = CatalogueEntry::new(
    ///     "Reduce the patient's social isolation.",
    ///     Source::new(COMPREHENSIVE),
    /// );
    /// assert_eq!(ENTRY.source.to_string(), "Weissman, Markowitz & Klerman 2000");
    /// ```
    pub const fn new(text: &'static str, source: Source) -> Self {
        CatalogueEntry {
            text: Cow::Borrowed(text),
            source,
        }
    }
}

// ---------------------------------------------------------------------------
// Sources: citations of the bibliography (`bibliography::cited`). One constant
// per claim's source.

const CASEBOOK_2: Source = source![cited::LAW_GRIEF];
const CASEBOOK_3: Source = source![cited::CASEBOOK_3];
const CASEBOOK_4: Source = source![cited::RAVITZ_TRANSITION];
const CASEBOOK_5: Source = source![cited::CASEBOOK_5];
const POCKET_GUIDE_TRANSITIONS: Source = source![cited::POCKET_P45, cited::RAVITZ_TRANSITION];
const POCKET_GUIDE_DIRECTION: Source = source![cited::POCKET_P45];
const TRANSITION_EXAMPLES: Source =
    source![cited::POCKET, cited::RAVITZ_TRANSITION, cited::CASEBOOK_17,];
const GUIDE_DISPUTES: Source = source![cited::GUIDE_DISPUTES];
/// IPSRT's fifth area, grief for the lost healthy self (Frank 2005, known).
const LOST_SELF: Source = source![cited::IPSRT_LOST_SELF];
/// What the crate infers for the fifth area's goals and strategies, by
/// analogy with grief and transitions (the book not re-read).
const LOST_SELF_INFERRED: Source = source![cited::IPSRT_LOST_SELF_INFERRED];
/// Life after a trauma framed as a role transition (IPT for PTSD).
const AFTER_TRAUMA: Source = source![cited::PTSD_TRANSITIONS, cited::PTSD_NO_EXPOSURE];
const GUIDE_DEFICITS: Source = source![cited::GUIDE_DEFICITS];
/// A death is grief (stated in Law's chapter); the signs of complicated grief
/// are believed to be the Guide's grief chapter's (known).
const GRIEF_SIGNS: Source = source![cited::GUIDE_GRIEF_KNOWN, cited::COMPREHENSIVE_GRIEF_RISK];
/// Normal and complicated grief: Law's chapter states the distinction.
const GRIEF_NORMAL_OR_COMPLICATED: Source = source![cited::LAW_GRIEF, cited::GUIDE_GRIEF_KNOWN];
/// A loss that is not a death is a role transition.
const NON_DEATH_LOSS: Source = source![cited::RAVITZ_TRANSITION, cited::GUIDE_GRIEF_KNOWN];
const GRIEF_CHAPTER: Source = source![cited::GUIDE_GRIEF_KNOWN];
const DISPUTES_KNOWN: Source = source![cited::GUIDE_DISPUTES_KNOWN];
const DISPUTE_IMPASSE: Source = source![cited::GUIDE_IMPASSE_KNOWN];
const DISPUTE_WORSENED: Source = source![cited::MW_WORSENED_INFERRED];
const COMPREHENSIVE: Source = source![cited::COMPREHENSIVE_GUIDE];
/// The timing of prolonged grief disorder: assessed no earlier than 12
/// months after the death in adults, 6 in children and adolescents.
const DSM5TR_PROLONGED_GRIEF: Source = source![cited::DSM5TR_PROLONGED_GRIEF];
const COMPREHENSIVE_GRIEF_RISK: Source =
    source![cited::COMPREHENSIVE_GRIEF_RISK, cited::KLERMAN_1984,];
const COMPREHENSIVE_TRANSITIONS: Source = source![
    cited::COMPREHENSIVE_TRANSITIONS,
    cited::RAVITZ_TRANSITION_KNOWN
];
const COMPREHENSIVE_DEFICITS: Source = source![cited::COMPREHENSIVE_DEFICITS];
const COMPREHENSIVE_GRIEF_KINDS: Source =
    source![cited::COMPREHENSIVE_GRIEF_KINDS, cited::KLERMAN_1984,];

// ---------------------------------------------------------------------------
// Goals (CLINICAL-BASIS.md §2.1–§2.4). Named so that the goal templates of
// `goal.rs` are built from the same entries.

pub(crate) const GOAL_GRIEF_MOURNING: CatalogueEntry =
    CatalogueEntry::new("Facilitate the mourning process.", GRIEF_CHAPTER);
pub(crate) const GOAL_GRIEF_RELATIONSHIPS: CatalogueEntry = CatalogueEntry::new(
    "Help the patient re-establish interests and relationships that can partly substitute for what was lost.",
    GRIEF_CHAPTER,
);
pub(crate) const GOAL_DISPUTE_IDENTIFY: CatalogueEntry =
    CatalogueEntry::new("Identify the dispute.", GUIDE_DISPUTES);
pub(crate) const GOAL_DISPUTE_PLAN: CatalogueEntry =
    CatalogueEntry::new("Choose a plan of action.", GUIDE_DISPUTES);
pub(crate) const GOAL_DISPUTE_MODIFY: CatalogueEntry = CatalogueEntry::new(
    "Modify communication or expectations, or both, to resolve the dispute.",
    GUIDE_DISPUTES,
);
pub(crate) const GOAL_TRANSITION_MOURN_OLD_ROLE: CatalogueEntry = CatalogueEntry::new(
    "Mourn and accept the loss of the old role.",
    COMPREHENSIVE_TRANSITIONS,
);
pub(crate) const GOAL_TRANSITION_NEW_ROLE: CatalogueEntry = CatalogueEntry::new(
    "Help the patient regard the new role as more positive, seeing its opportunities.",
    COMPREHENSIVE_TRANSITIONS,
);
pub(crate) const GOAL_TRANSITION_MASTERY: CatalogueEntry = CatalogueEntry::new(
    "Restore self-esteem by developing a sense of mastery of the new role's demands.",
    COMPREHENSIVE_TRANSITIONS,
);
pub(crate) const GOAL_DEFICITS_ISOLATION: CatalogueEntry = CatalogueEntry::new(
    "Reduce the patient's social isolation.",
    COMPREHENSIVE_DEFICITS,
);
pub(crate) const GOAL_DEFICITS_RELATIONSHIPS: CatalogueEntry = CatalogueEntry::new(
    "Encourage the formation of new relationships and strengthen existing ones.",
    COMPREHENSIVE_DEFICITS,
);

pub(crate) const GOAL_LOST_SELF_MOURN: CatalogueEntry = CatalogueEntry::new(
    "Help the patient mourn the healthy self and the life that the illness took away.",
    LOST_SELF_INFERRED,
);
pub(crate) const GOAL_LOST_SELF_ACCEPT: CatalogueEntry = CatalogueEntry::new(
    "Help the patient accept the illness and its treatment, and find realistic goals for the life ahead.",
    LOST_SELF_INFERRED,
);

static LOST_SELF_GOALS: [CatalogueEntry; 2] = [GOAL_LOST_SELF_MOURN, GOAL_LOST_SELF_ACCEPT];

static GRIEF_GOALS: [CatalogueEntry; 2] = [GOAL_GRIEF_MOURNING, GOAL_GRIEF_RELATIONSHIPS];
static DISPUTE_GOALS: [CatalogueEntry; 3] = [
    GOAL_DISPUTE_IDENTIFY,
    GOAL_DISPUTE_PLAN,
    GOAL_DISPUTE_MODIFY,
];
static TRANSITION_GOALS: [CatalogueEntry; 3] = [
    GOAL_TRANSITION_MOURN_OLD_ROLE,
    GOAL_TRANSITION_NEW_ROLE,
    GOAL_TRANSITION_MASTERY,
];
static DEFICITS_GOALS: [CatalogueEntry; 2] = [GOAL_DEFICITS_ISOLATION, GOAL_DEFICITS_RELATIONSHIPS];

// ---------------------------------------------------------------------------
// Strategies (CLINICAL-BASIS.md §2.1–§2.4).

static GRIEF_STRATEGIES: [CatalogueEntry; 7] = [
    CatalogueEntry::new("Review depressive symptoms.", COMPREHENSIVE),
    CatalogueEntry::new(
        "Relate the onset of symptoms to the death of the significant other.",
        COMPREHENSIVE,
    ),
    CatalogueEntry::new(
        "Reconstruct the patient's relationship with the deceased, its good and its bad sides.",
        COMPREHENSIVE,
    ),
    CatalogueEntry::new(
        "Describe the sequence and consequences of events just before, during and after the death.",
        COMPREHENSIVE,
    ),
    CatalogueEntry::new(
        "Explore the feelings that go with them, including negative and ambivalent ones such as anger and guilt.",
        COMPREHENSIVE,
    ),
    CatalogueEntry::new(
        "Consider ways of becoming involved with others again.",
        COMPREHENSIVE,
    ),
    CatalogueEntry::new(
        "Help the patient find new supports and a new purpose and direction, such as volunteering linked to the cause of the death.",
        POCKET_GUIDE_DIRECTION,
    ),
];

static DISPUTE_STRATEGIES: [CatalogueEntry; 7] = [
    CatalogueEntry::new("Review depressive symptoms.", COMPREHENSIVE),
    CatalogueEntry::new(
        "Relate the onset of symptoms to the overt or covert dispute with the significant other.",
        COMPREHENSIVE,
    ),
    CatalogueEntry::new(
        "Determine the stage of the dispute: renegotiation, impasse or dissolution.",
        GUIDE_DISPUTES,
    ),
    CatalogueEntry::new(
        "Understand how non-reciprocal role expectations relate to the dispute: the issues, the differences in expectations and values, the options, how likely the alternatives are, and what resources exist to bring change.",
        COMPREHENSIVE,
    ),
    CatalogueEntry::new(
        "Ask how the relationship was before, what changed, what each person expects, what the patient wishes would change, and what stops a resolution.",
        DISPUTES_KNOWN,
    ),
    CatalogueEntry::new("Look for parallels in other relationships.", COMPREHENSIVE),
    CatalogueEntry::new(
        "Ask what the patient gains from the dispute, what unspoken assumptions lie behind the behaviour, and how the dispute is perpetuated.",
        COMPREHENSIVE,
    ),
];

static TRANSITION_STRATEGIES: [CatalogueEntry; 8] = [
    CatalogueEntry::new("Review depressive symptoms.", COMPREHENSIVE),
    CatalogueEntry::new(
        "Relate the onset of symptoms to difficulty in coping with the life change.",
        COMPREHENSIVE,
    ),
    CatalogueEntry::new(
        "Review the positive and negative aspects of the old and the new roles; the old role is usually idealised and the new one devalued.",
        COMPREHENSIVE_TRANSITIONS,
    ),
    CatalogueEntry::new(
        "Explore the patient's feelings about what was lost and about the change itself.",
        COMPREHENSIVE,
    ),
    CatalogueEntry::new("Explore the opportunities in the new role.", COMPREHENSIVE),
    CatalogueEntry::new("Realistically evaluate what was lost.", COMPREHENSIVE),
    CatalogueEntry::new("Encourage appropriate release of affect.", COMPREHENSIVE),
    CatalogueEntry::new(
        "Help build a social-support system and the new skills the new role requires.",
        COMPREHENSIVE,
    ),
];

static DEFICITS_STRATEGIES: [CatalogueEntry; 6] = [
    CatalogueEntry::new("Review depressive symptoms.", COMPREHENSIVE),
    CatalogueEntry::new(
        "Relate depressive symptoms to social isolation or unfulfilment.",
        COMPREHENSIVE,
    ),
    CatalogueEntry::new(
        "Review the patient's past significant relationships, positive and negative.",
        COMPREHENSIVE,
    ),
    CatalogueEntry::new(
        "Explore repetitive patterns in relationships.",
        COMPREHENSIVE,
    ),
    CatalogueEntry::new(
        "Discuss the patient's feelings about the therapist and look for parallels in other relationships.",
        COMPREHENSIVE,
    ),
    CatalogueEntry::new(
        "Use role play to practise making new contacts.",
        COMPREHENSIVE,
    ),
];

static LOST_SELF_STRATEGIES: [CatalogueEntry; 5] = [
    CatalogueEntry::new(
        "Review mood symptoms, depressive and manic.",
        LOST_SELF_INFERRED,
    ),
    CatalogueEntry::new(
        "Relate the patient's distress to the diagnosis and to what the illness has cost.",
        LOST_SELF_INFERRED,
    ),
    CatalogueEntry::new(
        "Explore the patient's feelings about the self that was lost and about the illness.",
        LOST_SELF_INFERRED,
    ),
    CatalogueEntry::new(
        "Realistically evaluate what was lost and what remains possible.",
        LOST_SELF_INFERRED,
    ),
    CatalogueEntry::new(
        "Help the patient build a life that makes room for the illness, its treatment and regular daily rhythms.",
        LOST_SELF_INFERRED,
    ),
];

// ---------------------------------------------------------------------------
// Indicators (CLINICAL-BASIS.md §2.1, §2.2, §2.5).

static GRIEF_INDICATORS: [CatalogueEntry; 11] = [
    CatalogueEntry::new("The death of a significant other.", CASEBOOK_2),
    CatalogueEntry::new(
        "The onset of symptoms is temporally associated with the death.",
        CASEBOOK_2,
    ),
    CatalogueEntry::new(
        "Mourning avoided or postponed: keeping busy, numbing.",
        GRIEF_SIGNS,
    ),
    CatalogueEntry::new(
        "A life organised around the dead person, such as a room kept unchanged.",
        GRIEF_SIGNS,
    ),
    CatalogueEntry::new(
        "Grief that stays intense and impairing long after the death; prolonged grief is assessed by its own criteria, no earlier than 12 months after the death in adults (6 months in children and adolescents), not diagnosed here.",
        DSM5TR_PROLONGED_GRIEF,
    ),
    CatalogueEntry::new(
        "Symptoms around anniversaries of the death.",
        COMPREHENSIVE_GRIEF_RISK,
    ),
    CatalogueEntry::new("Multiple losses.", COMPREHENSIVE_GRIEF_RISK),
    CatalogueEntry::new(
        "Inadequate grieving during the bereavement period.",
        COMPREHENSIVE_GRIEF_RISK,
    ),
    CatalogueEntry::new(
        "Avoidance of the death, such as of the funeral or the grave.",
        COMPREHENSIVE_GRIEF_RISK,
    ),
    CatalogueEntry::new(
        "Fear of the illness that caused the death.",
        COMPREHENSIVE_GRIEF_RISK,
    ),
    CatalogueEntry::new(
        "No family or social support during the bereavement.",
        COMPREHENSIVE_GRIEF_RISK,
    ),
];

static DISPUTE_INDICATORS: [CatalogueEntry; 6] = [
    CatalogueEntry::new(
        "A current conflict with a significant other, overt or covert.",
        DISPUTES_KNOWN,
    ),
    CatalogueEntry::new(
        "Non-reciprocal expectations about the relationship.",
        CASEBOOK_3,
    ),
    CatalogueEntry::new(
        "Marital or other strife that worsened around the onset of the episode.",
        DISPUTE_WORSENED,
    ),
    CatalogueEntry::new(
        "The dispute is stalled or repetitive, with little hope of improvement.",
        DISPUTE_IMPASSE,
    ),
    CatalogueEntry::new(
        "The patient feels unable to control the dispute and fears losing what the relationship provides.",
        DISPUTES_KNOWN,
    ),
    CatalogueEntry::new(
        "An important relationship omitted or glossed over in the inventory, a sign of covert conflict.",
        DISPUTES_KNOWN,
    ),
];

static TRANSITION_INDICATORS: [CatalogueEntry; 3] = [
    CatalogueEntry::new(
        "A life change that alters the patient's social role, such as a move, a new or lost job, a birth, a divorce, an illness, retirement, migration or becoming a caregiver, before the onset.",
        TRANSITION_EXAMPLES,
    ),
    CatalogueEntry::new(
        "A loss that is not a death, such as of a marriage, a job or health.",
        NON_DEATH_LOSS,
    ),
    CatalogueEntry::new(
        "Limited social support or insecure attachment, which raise the risk a transition carries.",
        CASEBOOK_4,
    ),
];

static DEFICITS_INDICATORS: [CatalogueEntry; 4] = [
    CatalogueEntry::new(
        "No acute life event: no death, no dispute, no life change.",
        GUIDE_DEFICITS,
    ),
    CatalogueEntry::new(
        "Long-standing social isolation, a paucity of attachments.",
        GUIDE_DEFICITS,
    ),
    CatalogueEntry::new(
        "A depression that came \"out of the blue\", with no precipitant.",
        GUIDE_DEFICITS,
    ),
    CatalogueEntry::new(
        "A lifelong pattern of few relationships, shyness or avoidance, rather than a decline since the onset.",
        CASEBOOK_5,
    ),
];

static LOST_SELF_INDICATORS: [CatalogueEntry; 3] = [
    CatalogueEntry::new(
        "A diagnosis of bipolar disorder, or an episode of it, that changed the life the patient had or expected.",
        LOST_SELF,
    ),
    CatalogueEntry::new(
        "Losses the patient ties to the illness: work, studies, relationships, plans.",
        LOST_SELF,
    ),
    CatalogueEntry::new(
        "Mourning for the person the patient was, or would have been, without the illness.",
        LOST_SELF,
    ),
];

impl ProblemArea {
    /// The four areas of standard IPT, in declaration order: every area but
    /// IPSRT's grief for the lost healthy self.
    ///
    /// ```
    /// use interpersonal::ProblemArea;
    /// assert_eq!(ProblemArea::STANDARD.len(), 4);
    /// assert!(!ProblemArea::STANDARD.contains(&ProblemArea::GriefForLostHealthySelf));
    /// ```
    pub const STANDARD: [ProblemArea; 4] = [
        ProblemArea::Grief,
        ProblemArea::RoleDispute,
        ProblemArea::RoleTransition,
        ProblemArea::InterpersonalDeficits,
    ];

    /// Whether the area is one of standard IPT's four
    /// ([`ProblemArea::STANDARD`]).
    ///
    /// ```
    /// use interpersonal::ProblemArea;
    /// assert!(ProblemArea::Grief.is_standard());
    /// assert!(!ProblemArea::GriefForLostHealthySelf.is_standard());
    /// ```
    pub const fn is_standard(self) -> bool {
        !matches!(self, ProblemArea::GriefForLostHealthySelf)
    }

    /// Where the WHO group IPT manual's plain-language names of the areas come
    /// from (CLINICAL-BASIS.md §2.5 rule 7 [K: `who-2016-group-ipt`, seen in
    /// descriptions of the manual, not in its text]).
    ///
    /// ```
    /// use interpersonal::{source::Basis, ProblemArea};
    /// assert!(ProblemArea::WHO_NAME_SOURCE.cites_work("who-2016-group-ipt"));
    /// // The manual's own text was not re-read at its source.
    /// assert_eq!(ProblemArea::WHO_NAME_SOURCE.basis(), Basis::Known);
    /// ```
    pub const WHO_NAME_SOURCE: Source = source![cited::WHO_GIPT];

    /// The area's name in the clinic's words, for reports: "grief",
    /// "role dispute", "role transition", "interpersonal deficits".
    ///
    /// ```
    /// use interpersonal::ProblemArea;
    /// assert_eq!(ProblemArea::RoleDispute.name(), "role dispute");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            ProblemArea::Grief => "grief",
            ProblemArea::RoleDispute => "role dispute",
            ProblemArea::RoleTransition => "role transition",
            ProblemArea::InterpersonalDeficits => "interpersonal deficits",
            ProblemArea::GriefForLostHealthySelf => "grief for the lost healthy self",
        }
    }

    /// The name WHO group IPT gives the area in plain language: "grief",
    /// "disputes", "life changes", "loneliness and social isolation"
    /// (CLINICAL-BASIS.md §2.5 rule 7; see [`ProblemArea::WHO_NAME_SOURCE`]).
    ///
    /// ```
    /// use interpersonal::ProblemArea;
    /// assert_eq!(ProblemArea::RoleTransition.who_name(), "life changes");
    /// assert_eq!(
    ///     ProblemArea::InterpersonalDeficits.who_name(),
    ///     "loneliness and social isolation",
    /// );
    /// ```
    pub const fn who_name(self) -> &'static str {
        match self {
            ProblemArea::Grief => "grief",
            ProblemArea::RoleDispute => "disputes",
            ProblemArea::RoleTransition => "life changes",
            ProblemArea::InterpersonalDeficits => "loneliness and social isolation",
            // Not a WHO group IPT area: its clinic name.
            ProblemArea::GriefForLostHealthySelf => "grief for the lost healthy self",
        }
    }

    /// When the area is chosen, in one sentence (CLINICAL-BASIS.md §2.1–§2.4); its
    /// source is [`ProblemArea::source`].
    ///
    /// In the Weissman/Markowitz model only a death is grief; a loss that is
    /// not a death is a role transition [K: `weissman-2018-guide` ch. "Grief"].
    ///
    /// ```
    /// use interpersonal::ProblemArea;
    /// assert!(ProblemArea::Grief.definition().contains("death"));
    /// assert!(ProblemArea::RoleDispute.definition().contains("non-reciprocal expectations"));
    /// ```
    pub const fn definition(self) -> &'static str {
        match self {
            ProblemArea::Grief => {
                "The onset of depressive symptoms is associated with the death of a significant other, and the patient is struggling to come to terms with it."
            }
            ProblemArea::RoleDispute => {
                "The patient and at least one significant other have non-reciprocal expectations about their relationship, about what each owes the other."
            }
            ProblemArea::RoleTransition => {
                "The patient has difficulty coping with a life change that alters his or her social roles."
            }
            ProblemArea::InterpersonalDeficits => {
                "None of the other three areas exists (no death, no dispute, no life change) and the patient has a paucity of attachments; the focal area of last resort."
            }
            ProblemArea::GriefForLostHealthySelf => {
                "In IPSRT only: the patient mourns the healthy self lost to bipolar disorder, the life and the self he or she had, or would have had, without the illness."
            }
        }
    }

    /// The source of [`ProblemArea::definition`]: `law-2012-complicated-grief` (grief),
    /// ch. 3 (disputes), the `markowitz-2016-ptsd` appendix and
    /// `ravitz-maunder-2012-role-transition` (transitions), `weissman-2018-guide`'s deficits
    /// chapter (deficits), all stated.
    ///
    /// ```
    /// use interpersonal::{source::Basis, ProblemArea};
    /// let s = ProblemArea::InterpersonalDeficits.source();
    /// assert!(s.cites_work("weissman-2018-guide"));
    /// assert_eq!(s.basis(), Basis::Stated);
    /// ```
    pub const fn source(self) -> Source {
        match self {
            ProblemArea::Grief => CASEBOOK_2,
            ProblemArea::RoleDispute => CASEBOOK_3,
            ProblemArea::RoleTransition => POCKET_GUIDE_TRANSITIONS,
            ProblemArea::InterpersonalDeficits => GUIDE_DEFICITS,
            ProblemArea::GriefForLostHealthySelf => LOST_SELF,
        }
    }

    /// The goals of treatment in this area, as the manuals list them
    /// (CLINICAL-BASIS.md §2.1–§2.4), each with its source. The disputes goals are
    /// stated in `weissman-2018-guide`; the transitions and deficits goals are the
    /// canonical lists of `weissman-2000-comprehensive-guide`, marked known.
    ///
    /// [`GoalTemplate::for_area`](crate::goal::GoalTemplate::for_area) turns these
    /// into goals for a course.
    ///
    /// ```
    /// use interpersonal::ProblemArea;
    /// let goals = ProblemArea::Grief.goals();
    /// assert_eq!(goals.len(), 2);
    /// assert_eq!(goals[0].text, "Facilitate the mourning process.");
    /// ```
    pub fn goals(self) -> &'static [CatalogueEntry] {
        match self {
            ProblemArea::Grief => &GRIEF_GOALS,
            ProblemArea::RoleDispute => &DISPUTE_GOALS,
            ProblemArea::RoleTransition => &TRANSITION_GOALS,
            ProblemArea::InterpersonalDeficits => &DEFICITS_GOALS,
            ProblemArea::GriefForLostHealthySelf => &LOST_SELF_GOALS,
        }
    }

    /// The strategies the therapist uses in this area, in the manuals' order
    /// (CLINICAL-BASIS.md §2.1–§2.4). Most come from `weissman-2000-comprehensive-guide`'s tables
    /// and are marked known; the rest cite the source that states them.
    ///
    /// ```
    /// use interpersonal::ProblemArea;
    /// let strategies = ProblemArea::RoleDispute.strategies();
    /// assert!(strategies.iter().any(|s| s.text.contains("stage of the dispute")));
    /// ```
    pub fn strategies(self) -> &'static [CatalogueEntry] {
        match self {
            ProblemArea::Grief => &GRIEF_STRATEGIES,
            ProblemArea::RoleDispute => &DISPUTE_STRATEGIES,
            ProblemArea::RoleTransition => &TRANSITION_STRATEGIES,
            ProblemArea::InterpersonalDeficits => &DEFICITS_STRATEGIES,
            ProblemArea::GriefForLostHealthySelf => &LOST_SELF_STRATEGIES,
        }
    }

    /// What in the inventory and the timeline points to this area
    /// (CLINICAL-BASIS.md §2.5 table, with the details of §2.1 and §2.2). All
    /// hinge on a temporal link to the onset of the current episode.
    ///
    /// ```
    /// use interpersonal::ProblemArea;
    /// let indicators = ProblemArea::InterpersonalDeficits.indicators();
    /// assert!(indicators[0].text.starts_with("No acute life event"));
    /// ```
    pub fn indicators(self) -> &'static [CatalogueEntry] {
        match self {
            ProblemArea::Grief => &GRIEF_INDICATORS,
            ProblemArea::RoleDispute => &DISPUTE_INDICATORS,
            ProblemArea::RoleTransition => &TRANSITION_INDICATORS,
            ProblemArea::InterpersonalDeficits => &DEFICITS_INDICATORS,
            ProblemArea::GriefForLostHealthySelf => &LOST_SELF_INDICATORS,
        }
    }
}

impl DisputeStage {
    /// What the stage means (CLINICAL-BASIS.md §2.2 table; see
    /// [`DisputeStage::source`]).
    ///
    /// ```
    /// use interpersonal::catalogue::DisputeStage;
    /// assert!(DisputeStage::Impasse.meaning().contains("stalemate"));
    /// ```
    pub const fn meaning(self) -> &'static str {
        match self {
            DisputeStage::Renegotiation => {
                "Both parties are aware of their differences and are still actively trying to change things."
            }
            DisputeStage::Impasse => {
                "Negotiation has stopped: a stalemate, a \"cold war\" of smouldering resentment."
            }
            DisputeStage::Dissolution => {
                "The relationship is judged irretrievably broken and the patient is ending it."
            }
        }
    }

    /// What the therapist does at this stage (CLINICAL-BASIS.md §2.2 table). The
    /// therapist does not push an outcome: staying, changing and leaving are
    /// all legitimate resolutions [K: `weissman-2000-comprehensive-guide`].
    ///
    /// ```
    /// use interpersonal::catalogue::DisputeStage;
    /// assert!(DisputeStage::Impasse.therapist_task().starts_with("Reopen negotiation"));
    /// assert!(DisputeStage::Dissolution.therapist_task().contains("mourn"));
    /// ```
    pub const fn therapist_task(self) -> &'static str {
        match self {
            DisputeStage::Renegotiation => {
                "Calm the parties, improve their communication and facilitate a resolution."
            }
            DisputeStage::Impasse => {
                "Reopen negotiation, which may for a while increase overt disagreement, or consider dissolution."
            }
            DisputeStage::Dissolution => {
                "Help the patient end the relationship and mourn it, as in grief or a role transition, so as to move on."
            }
        }
    }

    /// The source of the stage's meaning and task: the role-disputes chapter
    /// of Weissman, Markowitz & Klerman 2018, stated.
    ///
    /// ```
    /// use interpersonal::{source::Basis, catalogue::DisputeStage};
    /// assert_eq!(DisputeStage::Renegotiation.source().basis(), Basis::Stated);
    /// ```
    pub const fn source(self) -> Source {
        GUIDE_DISPUTES
    }
}

impl GriefKind {
    /// Whether this is complicated grief: every kind but [`GriefKind::Normal`]
    /// (CLINICAL-BASIS.md §2.1).
    ///
    /// ```
    /// use interpersonal::catalogue::GriefKind;
    /// assert!(!GriefKind::Normal.is_complicated());
    /// assert!(GriefKind::Chronic.is_complicated());
    /// ```
    pub const fn is_complicated(self) -> bool {
        !matches!(self, GriefKind::Normal)
    }

    /// What the kind of grief is, in one sentence; its source is
    /// [`GriefKind::source`].
    ///
    /// ```
    /// use interpersonal::catalogue::GriefKind;
    /// assert!(GriefKind::Normal.description().contains("adaptive"));
    /// assert!(GriefKind::Distorted.description().contains("instead of sadness"));
    /// ```
    pub const fn description(self) -> &'static str {
        match self {
            GriefKind::Normal => {
                "Grief that resembles depression but is an adaptive process and should not be pathologised."
            }
            GriefKind::Complicated => {
                "Grief in which mourning is avoided or postponed, or, less commonly, a life organised around the dead person. It names the IPT work to do, not a diagnosis: prolonged grief is assessed by its own criteria, no earlier than 12 months after the death in adults (6 months in children and adolescents)."
            }
            GriefKind::Delayed => {
                "Complicated grief in which mourning is postponed or avoided: it needs signs of that postponement, not only a long gap between the death and the depression."
            }
            GriefKind::Distorted => {
                "Complicated grief that shows as other symptoms, such as somatic ones, instead of sadness."
            }
            GriefKind::Chronic => "Complicated grief that is severe and does not end.",
        }
    }

    /// The source of [`GriefKind::description`]. Normal and complicated grief
    /// are stated in Law's Casebook chapter on complicated grief (2012); the
    /// sub-types delayed, distorted and chronic are the 1984/2000 manuals' and
    /// marked known, to be verified against the books.
    ///
    /// ```
    /// use interpersonal::{source::Basis, catalogue::GriefKind};
    /// assert_eq!(GriefKind::Complicated.source().basis(), Basis::Stated);
    /// assert_eq!(GriefKind::Delayed.source().basis(), Basis::Known);
    /// ```
    pub const fn source(self) -> Source {
        match self {
            GriefKind::Normal | GriefKind::Complicated => GRIEF_NORMAL_OR_COMPLICATED,
            GriefKind::Delayed | GriefKind::Distorted | GriefKind::Chronic => {
                COMPREHENSIVE_GRIEF_KINDS
            }
        }
    }
}

impl TransitionKind {
    /// What the life change is, for reports. Every kind is named as a role
    /// transition in the sources of [`TransitionKind::source`].
    ///
    /// ```
    /// use interpersonal::catalogue::TransitionKind;
    /// assert_eq!(TransitionKind::BecomingAParent.description(), "The birth of a child: becoming a parent.");
    /// ```
    pub const fn description(self) -> &'static str {
        match self {
            TransitionKind::Marriage => "Marriage.",
            TransitionKind::DivorceOrSeparation => "Divorce or separation.",
            TransitionKind::EndOfRelationship => "The end of a long relationship.",
            TransitionKind::Pregnancy => "Pregnancy, including a complicated pregnancy.",
            TransitionKind::BecomingAParent => "The birth of a child: becoming a parent.",
            TransitionKind::JobStart => "Starting a job.",
            TransitionKind::JobLoss => "Losing a job.",
            TransitionKind::JobChange => "Changing a job, a promotion or a demotion.",
            TransitionKind::Relocation => "A geographic move.",
            TransitionKind::Migration => "Migration to another country.",
            TransitionKind::SeriousIllness => {
                "The diagnosis of a serious illness or of a disabling or disfiguring condition."
            }
            TransitionKind::Retirement => "Retirement.",
            TransitionKind::ChildrenLeavingHome => "Children leaving home.",
            TransitionKind::BecomingACaregiver => "Becoming a caregiver.",
            TransitionKind::AfterTrauma => "Life changed by a traumatic event.",
            TransitionKind::Other => "Another change in a social role.",
        }
    }

    /// Where the kind is named as a role transition (CLINICAL-BASIS.md §2.3:
    /// `markowitz-2016-ptsd` appendix; `ravitz-maunder-2012-role-transition`;
    /// `markowitz-weissman-2012-casebook` ch. 17 for pregnancy), stated.
    ///
    /// ```
    /// use interpersonal::{source::Basis, catalogue::TransitionKind};
    /// assert_eq!(TransitionKind::Retirement.source().basis(), Basis::Stated);
    /// ```
    pub const fn source(self) -> Source {
        match self {
            TransitionKind::AfterTrauma => AFTER_TRAUMA,
            _ => TRANSITION_EXAMPLES,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Basis;

    #[test]
    fn every_area_has_a_catalogue() {
        for area in ProblemArea::iter() {
            assert!(!area.definition().is_empty());
            for list in [area.goals(), area.strategies(), area.indicators()] {
                assert!(!list.is_empty(), "{area}");
                for e in list {
                    assert!(e.text.ends_with('.'), "{area}: {}", e.text);
                    assert!(!e.source.cites().is_empty());
                }
            }
        }
    }

    #[test]
    fn every_area_strategy_list_starts_with_symptom_review() {
        for area in ProblemArea::STANDARD {
            assert_eq!(area.strategies()[0].text, "Review depressive symptoms.");
        }
        // IPSRT treats both poles.
        assert_eq!(
            ProblemArea::GriefForLostHealthySelf.strategies()[0].text,
            "Review mood symptoms, depressive and manic."
        );
    }

    #[test]
    fn the_area_sets_are_the_standard_four_and_ipsrts_five() {
        assert_eq!(AreaSet::Standard.areas(), &ProblemArea::STANDARD[..]);
        assert_eq!(AreaSet::Ipsrt.areas(), &ProblemArea::ALL[..]);
        assert!(ProblemArea::iter().all(|a| a.is_standard() == AreaSet::Standard.allows(a)));
        assert_eq!(
            "grief_for_lost_healthy_self"
                .parse::<ProblemArea>()
                .unwrap(),
            ProblemArea::GriefForLostHealthySelf
        );
    }

    #[test]
    fn only_normal_grief_is_uncomplicated() {
        let complicated: Vec<_> = GriefKind::iter().filter(|k| !k.is_complicated()).collect();
        assert_eq!(complicated, vec![GriefKind::Normal]);
    }

    #[test]
    fn delayed_distorted_chronic_are_known_not_stated() {
        for k in [GriefKind::Delayed, GriefKind::Distorted, GriefKind::Chronic] {
            assert_eq!(k.source().basis(), Basis::Known);
        }
    }
}
