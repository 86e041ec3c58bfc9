//! The condition tree of a rule, as data.
//!
//! A condition is read with three-valued (Kleene) logic: each predicate is
//! true, false or *unknown*. A predicate that needs a fact the inventory does
//! not have (the onset, an event's date, the course of a conflict, whether
//! expectations are met) is unknown, and the assessment lists that fact as
//! missing (DESIGN.md decision 5: "missing is not false"). `all` is false if
//! any part is false, else unknown if any part is unknown; `any` is true if
//! any part is true, else unknown if any part is unknown; `not` swaps true and
//! false and keeps unknown; `some_person` and `some_event` are `any` over the
//! inventory's people or events. A rule fires only when its condition is true.
//!
//! Three kinds of condition exist, one per thing they look at: [`Condition`]
//! (the inventory as a whole), [`PersonCondition`] (one person) and
//! [`EventCondition`] (one life event). The JSON of each is an object with a
//! single key: `{"all": [..]}`, `{"significant": true}`, `{"within": "onset"}`.
//! What the three kinds share (`all`, `any`, `not`, and the tree operations)
//! is written once, in `condition_tree.rs`.

use serde::Deserialize;

use crate::inventory::{
    Closeness, ConflictCourse, ConflictLevel, ConflictVisibility, EventKind, ExpectationsMet,
    GriefSign, PriorFunctioning, RelationshipChange, RelationshipKind, RelativeToOnset,
};

/// A condition on the inventory as a whole: the root of every rule.
///
/// A tree built in code may nest as deep as memory allows: dropping,
/// cloning, comparing and hashing it (this type and [`PersonCondition`] and
/// [`EventCondition`] alike) do not recurse once per level, and `Debug`
/// shows its first 16 levels. Serializing refuses a condition nested deeper
/// than 128 levels with the serializer's error rather than overflow the
/// stack; a rule set only compiles with conditions far shallower.
///
/// ```
/// use interpersonal::{engine::Condition, engine::EventCondition};
///
/// let c: Condition = serde_json::from_str(r#"{
///   "some_event": {"all": [{"death": true}, {"linked": "onset"}]}
/// }"#).unwrap();
/// assert!(matches!(c, Condition::SomeEvent(_)));
/// assert_eq!(
///     serde_json::to_string(&Condition::OnsetKnown(true)).unwrap(),
///     r#"{"onset_known":true}"#,
/// );
/// ```
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Condition {
    /// Every part holds. Must not be empty.
    All(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<Condition>),
    /// At least one part holds. Must not be empty.
    Any(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<Condition>),
    /// The part does not hold.
    Not(Box<Condition>),
    /// Some person in the inventory satisfies the person condition. The people
    /// who do are the evidence's subjects.
    SomePerson(Box<PersonCondition>),
    /// Some life event satisfies the event condition. The events that do are
    /// the evidence's subjects.
    SomeEvent(Box<EventCondition>),
    /// The patient's prior social functioning is one of these. Unknown when it
    /// is not recorded (`$.social_context.prior_functioning`).
    PriorFunctioningIn(
        #[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<PriorFunctioning>,
    ),
    /// Whether the patient lives alone is this. Unknown when not recorded.
    LivesAlone(bool),
    /// The patient has at most this many confidants. Unknown when not recorded.
    ConfidantsAtMost(u32),
    /// Whether the onset of the episode is known is this. Never unknown.
    OnsetKnown(bool),
}

/// A condition on one person of the inventory.
///
/// A *recorded* conflict is the `conflict` field with a level above `none`;
/// when the field is absent the person is read as having no conflict, so the
/// conflict predicates are false rather than unknown (a conflict is recorded
/// when there is one). Fields that every relationship has a value for —
/// closeness, expectations, change around the onset, confidant, supportive — are
/// unknown when absent.
///
/// ```
/// use interpersonal::{inventory::ConflictLevel, engine::PersonCondition};
///
/// let c: PersonCondition = serde_json::from_str(r#"{"all": [
///   {"significant": true},
///   {"conflict_level_at_least": "moderate"}
/// ]}"#).unwrap();
/// assert_eq!(
///     c,
///     PersonCondition::All(vec![
///         PersonCondition::Significant(true),
///         PersonCondition::ConflictLevelAtLeast(ConflictLevel::Moderate),
///     ]),
/// );
/// ```
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum PersonCondition {
    /// Every part holds. Must not be empty.
    All(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<PersonCondition>),
    /// At least one part holds. Must not be empty.
    Any(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<PersonCondition>),
    /// The part does not hold.
    Not(Box<PersonCondition>),
    /// The relationship is one of these.
    RelationshipIn(
        #[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<RelationshipKind>,
    ),
    /// The place on the closeness circle is one of these. Unknown when not
    /// recorded.
    ClosenessIn(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<Closeness>),
    /// Whether the person has died is this.
    Deceased(bool),
    /// Whether the person is estranged is this.
    Estranged(bool),
    /// Whether the person is a *significant other* is this.
    ///
    /// Significant means: a partner, spouse, ex-partner, parent or child,
    /// whatever their place on the closeness circle; anyone else (a sibling,
    /// other family, a friend, a boss) when placed on the inner or middle
    /// circle, and not when placed on the outer circle. Unknown for anyone
    /// else whose place on the circle is not recorded: unknown closeness is
    /// unknown, not significant. The inventory lists the patient's
    /// important relationships (CLINICAL-BASIS.md §3 [S: `lipsitz-markowitz-2013-mechanisms`;
    /// K: `weissman-2000-comprehensive-guide`]), and a
    /// dispute's other party may be a boss or a friend as well as family
    /// (§2.2 [S: `markowitz-weissman-2012-casebook` ch. 3]); the outer circle marks the less close
    /// (§3.2 [K: `mufson-2004-ipt-a`;
    /// `stuart-robertson-2012-clinicians-guide`]). The exact line is a design
    /// choice of this crate \[I\].
    Significant(bool),
    /// The recorded conflict's level is at least this (an absent conflict has
    /// level `none`).
    ConflictLevelAtLeast(ConflictLevel),
    /// There is a recorded conflict and it is open or hidden as listed.
    /// Unknown when the conflict's visibility is not recorded.
    ConflictVisibilityIn(
        #[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<ConflictVisibility>,
    ),
    /// There is a recorded conflict and its course is one of these. Unknown
    /// when the course is not recorded.
    ConflictCourseIn(
        #[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<ConflictCourse>,
    ),
    /// There is a recorded conflict and it began as listed relative to the
    /// onset. Unknown when that is not recorded.
    ConflictBeganIn(
        #[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<RelativeToOnset>,
    ),
    /// Whether expectations are met is one of these. Unknown when the
    /// expectations are not recorded or recorded as `unknown` (unless `unknown`
    /// is listed).
    ExpectationsMetIn(
        #[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<ExpectationsMet>,
    ),
    /// How the relationship changed around the onset is one of these. Unknown
    /// when not recorded.
    ChangeAroundOnsetIn(
        #[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<RelationshipChange>,
    ),
    /// Whether the patient can confide in the person is this. Unknown when not
    /// recorded.
    Confidant(bool),
    /// Whether the person is supportive is this. Unknown when not recorded.
    Supportive(bool),
    /// The person has died, on a date inside the named window. Unknown when
    /// the date of death or the onset is not known, or when a month-precision
    /// date straddles the window's edge.
    DiedWithin(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] String),
    /// The clinician's link of what happened in this relationship to the
    /// onset is one of these ([`OnsetLink`](crate::inventory::OnsetLink)): the person's
    /// own `linked_to_onset`, or for a deceased person whose own link is not
    /// recorded, the link of a death event naming them. Never unknown (an
    /// unrecorded link is the value `unknown`).
    OnsetLinkIn(
        #[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<crate::inventory::OnsetLink>,
    ),
}

/// A condition on one life event of the inventory.
///
/// ```
/// use interpersonal::engine::EventCondition;
///
/// let c: EventCondition = serde_json::from_str(r#"{"all": [
///   {"role_change": true},
///   {"linked": "onset"}
/// ]}"#).unwrap();
/// assert!(matches!(c, EventCondition::All(_)));
/// ```
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum EventCondition {
    /// Every part holds. Must not be empty.
    All(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<EventCondition>),
    /// At least one part holds. Must not be empty.
    Any(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<EventCondition>),
    /// The part does not hold.
    Not(Box<EventCondition>),
    /// The event's kind is one of these.
    KindIn(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<EventKind>),
    /// Whether the event is a death is this ([`EventKind::is_death`]).
    Death(bool),
    /// Whether the event is a loss that is not a death is this
    /// ([`EventKind::is_non_death_loss`]).
    NonDeathLoss(bool),
    /// Whether the event changes a social role is this: it has a
    /// [`EventKind::transition`], so it is never a death
    /// (CLINICAL-BASIS.md §2.5 rule 4 [K: `weissman-2018-guide` ch. "Grief"]).
    RoleChange(bool),
    /// The event's date lies inside the named window around the onset. Unknown
    /// when the date or the onset is not known, or when a month-precision date
    /// straddles the window's edge.
    Within(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] String),
    /// The event is linked to the onset: the clinician links it; or its
    /// link is unknown and it lies inside the named window. An event the
    /// clinician marks not linked is never linked, whatever its date. Unknown
    /// when the link is unknown and the window cannot be settled.
    Linked(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] String),
    /// Whether the patient links the event to the episode is this. Unknown when
    /// not asked.
    LinkedToOnset(bool),
    /// The event carries at least one of these complicated-grief signs (no
    /// signs recorded reads as none).
    HasGriefSignIn(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<GriefSign>),
    /// The clinician's link of the event to the onset is one of these
    /// ([`OnsetLink`](crate::inventory::OnsetLink)). Never unknown (an unrecorded link is
    /// the value `unknown`).
    OnsetLinkIn(
        #[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<crate::inventory::OnsetLink>,
    ),
    /// The event's person satisfies the person condition. Unknown when the
    /// event names no person, or a person not in the inventory.
    Person(Box<PersonCondition>),
}
