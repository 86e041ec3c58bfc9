//! The four IPT problem areas and their sub-types.

use serde::{Deserialize, Serialize};

/// One of the four interpersonal problem areas that IPT links a depressive
/// episode to (ipt-domain.md §2 [S: MW-2004; Pocket-Guide]).
///
/// ```
/// use interpersonal::ProblemArea;
/// assert_eq!(ProblemArea::RoleDispute.to_string(), "role_dispute");
/// assert_eq!("grief".parse::<ProblemArea>().unwrap(), ProblemArea::Grief);
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
    strum::IntoStaticStr,
    strum::EnumCount,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ProblemArea {
    /// Grief: onset linked to the death of a significant other.
    Grief,
    /// Role dispute: non-reciprocal expectations with a significant other.
    RoleDispute,
    /// Role transition: difficulty coping with a life change.
    RoleTransition,
    /// Interpersonal deficits: none of the other three; social isolation.
    InterpersonalDeficits,
}

/// The stage of a role dispute, which the therapist must determine
/// (ipt-domain.md §2.2 [S: Guide-2018; pdfslide deck; CITC summary]).
///
/// ```
/// use interpersonal::DisputeStage;
/// assert_eq!(DisputeStage::Impasse.to_string(), "impasse");
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
    strum::IntoStaticStr,
    strum::EnumCount,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum DisputeStage {
    /// Both parties know of their differences and are still actively trying to
    /// change things.
    Renegotiation,
    /// Negotiation has stopped: a stalemate, a "cold war".
    Impasse,
    /// The relationship is judged irretrievably broken; the patient is ending it.
    Dissolution,
}

/// Normal or complicated grief, with the manuals' sub-types of complicated grief
/// (ipt-domain.md §2.1 [S: Guide-2018 summary; K: Comprehensive-2000]).
///
/// ```
/// use interpersonal::GriefKind;
/// assert_eq!(GriefKind::Delayed.to_string(), "delayed");
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
    strum::IntoStaticStr,
    strum::EnumCount,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
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

/// The kind of life change in a role transition (ipt-domain.md §2.3
/// [S: Pocket-Guide; Casebook ch. 4; Markowitz-phases; Casebook ch. 17]).
///
/// ```
/// use interpersonal::TransitionKind;
/// assert_eq!(TransitionKind::Retirement.to_string(), "retirement");
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
    strum::IntoStaticStr,
    strum::EnumCount,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
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
    /// Another change in social role.
    Other,
}
