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
//!
//! Each kind is declared once below, in one table ([`fact_table!`]): its
//! public enum, and for every fact a condition of that kind may ask about,
//! one entry that gives the condition variant, how the fact is read from
//! the inventory, its codes, which of them stand for a missing field, its
//! JSON key and its words. The same table lists the inventory fields a rule
//! on that kind of subject may find missing, with their JSON paths and the
//! questions to ask. Adding a fact is one entry here (and, when it reads a
//! new inventory field that can be missing, that field's row in the same
//! table's `missing` list); compiling, explaining, deciding one subject
//! and deciding 64 at once all follow from it (DESIGN.md, "A rule fact").

use crate::inventory::{
    Closeness, ConflictCourse, ConflictLevel, ConflictVisibility, EventKind, ExpectationsMet,
    GriefSign, LifeEvent, OnsetLink, Person, PersonStatus, PriorFunctioning, RelationshipChange,
    RelationshipKind, RelativeToOnset, SocialContext,
};

use super::condition_tree::{EVENT_LEAF, PERSON_LEAF, WHOLE_LEAF};
use super::fact_table::{
    Asked, Coded, Question, UNRECORDED_BOOL, Wording, YES_NO, YES_NO_OR_UNRECORDED, as_listed,
    fact_table, opt, opt_bool, past, yes_no,
};
use super::facts::significance;

/// The question for the clinician's link of a person or an event to the
/// onset.
const LINK: Question = Question::About(
    "Does ",
    " go with the onset of the episode (linked, or not)?",
);

/// The question for a person's expectations.
const EXPECTATIONS: Question = Question::About(
    "What do the patient and ",
    " expect of each other, and are those expectations met?",
);

/// A recorded conflict of a person: present with a level above none.
fn conflict(p: &Person) -> Option<&crate::inventory::Conflict> {
    p.conflict
        .as_ref()
        .filter(|c| c.level > ConflictLevel::None)
}

fact_table! {
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
    pub enum Condition as Whole, placeholder WHOLE_LEAF, reads RootRead;
    /// A fact about the patient's social context (a condition on the
    /// inventory as a whole); read for the one inventory, so without lanes.
    facts SocialFact about SocialContext;
    /// A social-context field a rule may need, in JSON order.
    missing SocialField: [
        PriorFunctioning at "prior_functioning" asks Question::Fixed(
            "How were the patient's relationships before the episode: a lifelong \
             pattern of few relationships, or a decline since the onset?",
        ),
        LivesAlone at "lives_alone" asks Question::Fixed("Does the patient live alone?"),
        Confidants at "confidants" asks Question::Fixed("How many people can the patient confide in?"),
    ];
    parts: [
        /// Some person in the inventory satisfies the person condition. The people
        /// who do are the evidence's subjects.
        SomePerson(PersonCondition as Person, PERSON_LEAF) = "some_person"
            => |inner| RootRead::SomePerson(inner),
        /// Some life event satisfies the event condition. The events that do are
        /// the evidence's subjects.
        SomeEvent(EventCondition as Event, EVENT_LEAF) = "some_event"
            => |inner| RootRead::SomeEvent(inner),
    ];
    table: [
        /// The patient's prior social functioning is one of these. Unknown when it
        /// is not recorded (`$.social_context.prior_functioning`).
        PriorFunctioningIn(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<PriorFunctioning>) as In => PriorFunctioning {
            key: "prior_functioning_in",
            codes: PriorFunctioning::COUNT + 1,
            read: |_, _, sc| opt(sc.prior_functioning, PriorFunctioning::COUNT),
            unknown: [past(PriorFunctioning::COUNT) => SocialField::PriorFunctioning],
            listing: as_listed,
            words: ("prior functioning is ", ""),
        }
        /// Whether the patient lives alone is this. Unknown when not recorded.
        LivesAlone(bool) as Is => LivesAlone {
            key: "lives_alone",
            codes: YES_NO_OR_UNRECORDED,
            read: |_, _, sc| opt_bool(sc.lives_alone),
            unknown: [UNRECORDED_BOOL => SocialField::LivesAlone],
            listing: as_listed,
            words: ("the patient lives alone", "the patient does not live alone"),
        }
    ];
    others: [
        /// The patient has at most this many confidants. Unknown when not recorded.
        ConfidantsAtMost(u32) = "confidants_at_most" => |n| RootRead::ConfidantsAtMost(*n),
        /// Whether the onset of the episode is known is this. Never unknown.
        OnsetKnown(bool) = "onset_known" => |b| RootRead::OnsetKnown(*b),
    ];
}

/// What a condition on the inventory as a whole reads: a table fact, a
/// quantifier over people or events, or a fact with logic of its own.
pub(crate) enum RootRead<'a> {
    /// `all`, `any` or `not`.
    Group,
    /// Some person satisfies this.
    SomePerson(&'a PersonCondition),
    /// Some event satisfies this.
    SomeEvent(&'a EventCondition),
    /// A table fact.
    Fact(SocialFact, Asked<'a>),
    /// The patient has at most this many confidants.
    ConfidantsAtMost(u32),
    /// Whether the onset is known is this.
    OnsetKnown(bool),
}

fact_table! {
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
    pub enum PersonCondition as Person, placeholder PERSON_LEAF, reads PersonRead;
    /// A fact about one person.
    facts PersonFact about Person, lanes PersonLanes;
    /// A person field a rule may need, in the order the fields appear in a
    /// person's JSON (so sorting [`MissingRef`](super::missing::MissingRef)s
    /// gives document order).
    missing PersonField: [
        Closeness at "closeness" asks Question::About("Where is ", " on the closeness circle?"),
        DeceasedDate at "status.deceased.date" asks Question::About("When did ", " die?"),
        Confidant at "confidant" asks Question::About("Can the patient confide in ", "?"),
        Supportive at "supportive" asks Question::About("Can the patient turn to ", " for help?"),
        Expectations at "expectations" asks EXPECTATIONS,
        ExpectationsMet at "expectations.met" asks EXPECTATIONS,
        ConflictVisibility at "conflict.visibility"
            asks Question::About("Is the conflict with ", " open or hidden?"),
        ConflictCourse at "conflict.course" asks Question::About(
            "Where does the conflict with ",
            " stand: still negotiating, stalled, or ending?",
        ),
        ConflictBegan at "conflict.began" asks Question::About(
            "Did the conflict with ",
            " begin before or after the onset?",
        ),
        ChangeAroundOnset at "change_around_onset" asks Question::About(
            "How did the relationship with ",
            " change around the onset?",
        ),
        LinkedToOnset at "linked_to_onset" asks LINK,
    ];
    parts: [];
    table: [
        /// The relationship is one of these.
        RelationshipIn(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<RelationshipKind>) as In => Relationship {
            key: "relationship_in",
            codes: RelationshipKind::COUNT,
            read: |_, _, p| bit(p.relationship.code()),
            unknown: [],
            listing: as_listed,
            words: ("relationship is ", ""),
        }
        /// The place on the closeness circle is one of these. Unknown when not
        /// recorded.
        ClosenessIn(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<Closeness>) as In => Closeness {
            key: "closeness_in",
            codes: Closeness::COUNT + 1,
            read: |_, _, p| opt(p.closeness, Closeness::COUNT),
            unknown: [past(Closeness::COUNT) => PersonField::Closeness],
            listing: as_listed,
            words: ("on the ", " circle"),
        }
        /// Whether the person has died is this.
        Deceased(bool) as Is => Deceased {
            key: "deceased",
            codes: YES_NO,
            read: |_, _, p| yes_no(p.status.is_deceased()),
            unknown: [],
            listing: as_listed,
            words: ("has died", "has not died"),
        }
        /// Whether the person is estranged is this.
        Estranged(bool) as Is => Estranged {
            key: "estranged",
            codes: YES_NO,
            read: |_, _, p| yes_no(p.status == PersonStatus::Estranged),
            unknown: [],
            listing: as_listed,
            words: ("is estranged", "is not estranged"),
        }
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
        Significant(bool) as Is => Significant {
            key: "significant",
            codes: YES_NO_OR_UNRECORDED,
            // Unknown closeness leaves it unknown for some (`significance`).
            read: |_, _, p| opt_bool(significance(p)),
            unknown: [UNRECORDED_BOOL => PersonField::Closeness],
            listing: as_listed,
            words: ("is a significant other", "is not a significant other"),
        }
        /// The recorded conflict's level is at least this (an absent conflict has
        /// level `none`).
        ConflictLevelAtLeast(ConflictLevel) as AtLeast => ConflictLevel {
            key: "conflict_level_at_least",
            codes: ConflictLevel::COUNT,
            read: |_, _, p| bit(p.conflict.as_ref().map_or(ConflictLevel::None, |c| c.level).code()),
            unknown: [],
            listing: as_listed,
            words: ("conflict level is at least ", ""),
        }
        /// There is a recorded conflict and it is open or hidden as listed.
        /// Unknown when the conflict's visibility is not recorded.
        ConflictVisibilityIn(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<ConflictVisibility>) as In => ConflictVisibility {
            key: "conflict_visibility_in",
            codes: ConflictVisibility::COUNT + 1,
            // No code without a recorded conflict: every condition is false.
            read: |_, _, p| conflict(p).map_or(0, |c| opt(c.visibility, ConflictVisibility::COUNT)),
            unknown: [past(ConflictVisibility::COUNT) => PersonField::ConflictVisibility],
            listing: as_listed,
            words: ("conflict is ", ""),
        }
        /// There is a recorded conflict and its course is one of these. Unknown
        /// when the course is not recorded.
        ConflictCourseIn(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<ConflictCourse>) as In => ConflictCourse {
            key: "conflict_course_in",
            codes: ConflictCourse::COUNT + 1,
            read: |_, _, p| conflict(p).map_or(0, |c| opt(c.course, ConflictCourse::COUNT)),
            unknown: [past(ConflictCourse::COUNT) => PersonField::ConflictCourse],
            listing: as_listed,
            words: ("conflict course is ", ""),
        }
        /// There is a recorded conflict and it began as listed relative to the
        /// onset. Unknown when that is not recorded.
        ConflictBeganIn(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<RelativeToOnset>) as In => ConflictBegan {
            key: "conflict_began_in",
            codes: RelativeToOnset::COUNT + 1,
            read: |_, _, p| conflict(p).map_or(0, |c| opt(c.began, RelativeToOnset::COUNT)),
            unknown: [past(RelativeToOnset::COUNT) => PersonField::ConflictBegan],
            listing: as_listed,
            words: ("conflict began ", ""),
        }
        /// Whether expectations are met is one of these. Unknown when the
        /// expectations are not recorded or recorded as `unknown` (unless `unknown`
        /// is listed).
        ExpectationsMetIn(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<ExpectationsMet>) as In => ExpectationsMet {
            key: "expectations_met_in",
            codes: ExpectationsMet::COUNT + 1,
            // No expectations recorded is its own code, which listing
            // `unknown` covers; otherwise it and `unknown` are unknown.
            read: |_, _, p| match &p.expectations {
                Some(e) => bit(e.met.code()),
                None => bit(past(ExpectationsMet::COUNT)),
            },
            unknown: [
                ExpectationsMet::Unknown as u32 => PersonField::ExpectationsMet,
                past(ExpectationsMet::COUNT) => PersonField::Expectations,
            ],
            listing: |codes| {
                if codes & bit(ExpectationsMet::Unknown.code()) != 0 {
                    codes | bit(past(ExpectationsMet::COUNT))
                } else {
                    codes
                }
            },
            words: ("expectations are ", ""),
        }
        /// How the relationship changed around the onset is one of these. Unknown
        /// when not recorded.
        ChangeAroundOnsetIn(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<RelationshipChange>) as In => ChangeAroundOnset {
            key: "change_around_onset_in",
            codes: RelationshipChange::COUNT + 1,
            read: |_, _, p| opt(p.change_around_onset, RelationshipChange::COUNT),
            unknown: [past(RelationshipChange::COUNT) => PersonField::ChangeAroundOnset],
            listing: as_listed,
            words: ("relationship around onset: ", ""),
        }
        /// Whether the patient can confide in the person is this. Unknown when not
        /// recorded.
        Confidant(bool) as Is => Confidant {
            key: "confidant",
            codes: YES_NO_OR_UNRECORDED,
            read: |_, _, p| opt_bool(p.confidant),
            unknown: [UNRECORDED_BOOL => PersonField::Confidant],
            listing: as_listed,
            words: ("is a confidant", "is not a confidant"),
        }
        /// Whether the person is supportive is this. Unknown when not recorded.
        Supportive(bool) as Is => Supportive {
            key: "supportive",
            codes: YES_NO_OR_UNRECORDED,
            read: |_, _, p| opt_bool(p.supportive),
            unknown: [UNRECORDED_BOOL => PersonField::Supportive],
            listing: as_listed,
            words: ("is supportive", "is not supportive"),
        }
        /// The clinician's link of what happened in this relationship to the
        /// onset is one of these ([`OnsetLink`]): the person's
        /// own `linked_to_onset`, or for a deceased person whose own link is not
        /// recorded, the link of a death event naming them. Never unknown (an
        /// unrecorded link is the value `unknown`).
        OnsetLinkIn(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<OnsetLink>) as In => OnsetLink {
            key: "onset_link_in",
            codes: OnsetLink::COUNT,
            read: |facts, i, _| bit(facts.person_link(i).code()),
            unknown: [],
            listing: as_listed,
            words: ("the clinician's link to onset is ", ""),
        }
    ];
    others: [
        /// The person has died, on a date inside the named window. Unknown when
        /// the date of death or the onset is not known, or when a month-precision
        /// date straddles the window's edge.
        DiedWithin(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] String) = "died_within" => |name| PersonRead::DiedWithin(name),
    ];
}

/// What a person condition reads: a table fact, or a fact with logic of its
/// own.
pub(crate) enum PersonRead<'a> {
    /// `all`, `any` or `not`.
    Group,
    /// A table fact.
    Fact(PersonFact, Asked<'a>),
    /// Died inside the named window.
    DiedWithin(&'a str),
}

fact_table! {
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
    pub enum EventCondition as Event, placeholder EVENT_LEAF, reads EventRead;
    /// A fact about one life event.
    facts EventFact about LifeEvent, lanes EventLanes;
    /// An event field a rule may need, in JSON order.
    missing EventField: [
        Date at "date" asks Question::About("When exactly did ", " happen?"),
        Person at "person" asks Question::About("Whom does ", " concern?"),
        LinkedToOnset at "linked_to_onset" asks LINK,
        GriefSigns at "grief_signs" asks Question::About(
            "Did the patient postpone or avoid mourning after ",
            ", or show other signs of complicated grief?",
        ),
    ];
    parts: [
        /// The event's person satisfies the person condition. Unknown when the
        /// event names no person, or a person not in the inventory.
        Person(PersonCondition as Person, PERSON_LEAF) = "person"
            => |inner| EventRead::Person(inner),
    ];
    table: [
        /// The event's kind is one of these.
        KindIn(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<EventKind>) as In => Kind {
            key: "kind_in",
            codes: EventKind::COUNT,
            read: |_, _, ev| bit(ev.kind.code()),
            unknown: [],
            listing: as_listed,
            words: ("kind is ", ""),
        }
        /// The event carries at least one of these complicated-grief signs (no
        /// signs recorded reads as none).
        HasGriefSignIn(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<GriefSign>) as In => GriefSigns {
            key: "has_grief_sign_in",
            codes: GriefSign::COUNT,
            // One code per sign the event carries.
            read: |_, _, ev| ev.grief_signs.iter().fold(0, |m, &s| m | bit(s.code())),
            unknown: [],
            listing: as_listed,
            words: ("shows a complicated-grief sign: ", ""),
        }
        /// The clinician's link of the event to the onset is one of these
        /// ([`OnsetLink`]): the event's own `linked_to_onset`, or for a death
        /// whose own link is not recorded, the link recorded on the deceased
        /// (one fact). Never unknown (an unrecorded link is the value
        /// `unknown`).
        OnsetLinkIn(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<OnsetLink>) as In => OnsetLink {
            key: "onset_link_in",
            codes: OnsetLink::COUNT,
            read: |facts, e, _| bit(facts.event_link(e).code()),
            unknown: [],
            listing: as_listed,
            words: ("the clinician's link to onset is ", ""),
        }
        /// Whether the clinician links the event to the onset is this: the
        /// event's `linked_to_onset` as yes or no (for a death whose own link
        /// is not recorded, the deceased's). Unknown when the link is not
        /// recorded (`unknown`).
        LinkedToOnset(bool) as Is => LinkedToOnset {
            key: "linked_to_onset",
            codes: YES_NO_OR_UNRECORDED,
            // The same field as `onset_link_in`, as yes, no or not recorded.
            read: |facts, e, _| opt_bool(facts.event_link(e).as_bool()),
            unknown: [UNRECORDED_BOOL => EventField::LinkedToOnset],
            listing: as_listed,
            words: (
                "the clinician links it to the onset",
                "the clinician does not link it to the onset",
            ),
        }
    ];
    others: [
        /// Whether the event is a death is this ([`EventKind::is_death`]).
        Death(bool) = "death" => |b| EventRead::KindWhere {
            yes: *b,
            holds: EventKind::is_death,
            words: Wording("is a death", "is not a death"),
        },
        /// Whether the event is a loss that is not a death is this
        /// ([`EventKind::is_non_death_loss`]).
        NonDeathLoss(bool) = "non_death_loss" => |b| EventRead::KindWhere {
            yes: *b,
            holds: EventKind::is_non_death_loss,
            words: Wording(
                "is a loss that is not a death",
                "is not a loss other than a death",
            ),
        },
        /// Whether the event changes a social role is this: it has a
        /// [`EventKind::transition`], so it is never a death
        /// (CLINICAL-BASIS.md §2.5 rule 4 [K: `weissman-2018-guide` ch. "Grief"]).
        RoleChange(bool) = "role_change" => |b| EventRead::KindWhere {
            yes: *b,
            holds: |k| k.transition().is_some() && !k.is_death(),
            words: Wording("changes a social role", "does not change a social role"),
        },
        /// The event's date lies inside the named window around the onset. Unknown
        /// when the date or the onset is not known, or when a month-precision date
        /// straddles the window's edge.
        Within(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] String) = "within" => |name| EventRead::Within(name),
        /// The event is linked to the onset: the clinician links it; or its
        /// link is unknown and it lies inside the named window. An event the
        /// clinician marks not linked is never linked, whatever its date. Unknown
        /// when the link is unknown and the window cannot be settled.
        Linked(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] String) = "linked" => |name| EventRead::Linked(name),
    ];
}

/// Every event fact, to be read for every event.
pub(crate) const ALL_EVENT_FACTS: u64 = (1 << EventFact::COUNT) - 1;

/// What an event condition reads: a table fact, a yes-no reading of the
/// event's kind, its person, or a fact with logic of its own.
pub(crate) enum EventRead<'a> {
    /// `all`, `any` or `not`.
    Group,
    /// A table fact.
    Fact(EventFact, Asked<'a>),
    /// Whether the kind is one for which `holds` is true is `yes`, in the
    /// words `words`.
    KindWhere {
        yes: bool,
        holds: fn(EventKind) -> bool,
        words: Wording,
    },
    /// The event's person satisfies this.
    Person(&'a PersonCondition),
    /// Dated inside the named window.
    Within(&'a str),
    /// Linked to the onset by the clinician, or by the named window.
    Linked(&'a str),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::compile::bit;

    macro_rules! check_table {
        ($Fact:ident) => {
            for (k, &f) in $Fact::ALL.iter().enumerate() {
                let count = $Fact::CODE_COUNTS[k];
                assert!(count <= 64, "{f:?}");
                assert_eq!(f.unknown() >> count, 0, "{f:?}");
                for code in 0..64 {
                    assert_eq!(
                        f.missing(code).is_some(),
                        f.unknown() & bit(code) != 0,
                        "{f:?}"
                    );
                }
                assert!(!f.key().is_empty());
            }
        };
    }

    #[test]
    fn codes_fit_in_a_set() {
        check_table!(PersonFact);
        check_table!(EventFact);
        check_table!(SocialFact);
        for &f in PersonFact::ALL {
            assert!(f.offset() + PersonFact::CODE_COUNTS[f.index()] <= PersonFact::TOTAL_CODES);
        }
        for &f in EventFact::ALL {
            assert!(f.offset() + EventFact::CODE_COUNTS[f.index()] <= EventFact::TOTAL_CODES);
        }
        assert_eq!(ALL_EVENT_FACTS.count_ones() as usize, EventFact::COUNT);
    }
}

#[cfg(test)]
mod table_reads {
    use std::fmt::Debug;

    use crate::engine::compile::{EventLeaf, Leaf, Node, PersonLeaf, RootLeaf};
    use crate::engine::decide::tests::{every_leaf, inventories};
    use crate::engine::fact_table::Codes;
    use crate::engine::facts::Facts;

    use super::{EventFact, PersonFact, SocialFact};

    /// A fact reads only its declared codes, and a yes-no fact's codes past
    /// no and yes are unknown codes (so "not recorded" never reads as "no").
    fn check(codes: Codes, count: usize, unknown: Codes, asked: &str, fact: &dyn Debug) {
        assert_eq!(
            codes
                .checked_shr(u32::try_from(count).unwrap())
                .unwrap_or(0),
            0,
            "{fact:?} reads a code past its {count} codes"
        );
        if asked == "Is" {
            assert_eq!(
                codes & !0b11 & !unknown,
                0,
                "{fact:?}: a yes-no fact's codes past no and yes must be unknown codes"
            );
        }
    }

    #[test]
    fn every_code_a_fact_reads_is_declared() {
        for inv in inventories() {
            let facts = Facts::new(&inv, &[]);
            for (i, p) in inv.people.iter().enumerate() {
                for (k, &f) in PersonFact::ALL.iter().enumerate() {
                    let count = PersonFact::CODE_COUNTS[k];
                    check(f.read(&facts, i, p), count, f.unknown(), f.asked_as(), &f);
                }
            }
            for (j, e) in inv.events.iter().enumerate() {
                for (k, &f) in EventFact::ALL.iter().enumerate() {
                    let count = EventFact::CODE_COUNTS[k];
                    check(f.read(&facts, j, e), count, f.unknown(), f.asked_as(), &f);
                }
            }
            for (k, &f) in SocialFact::ALL.iter().enumerate() {
                let count = SocialFact::CODE_COUNTS[k];
                let codes = f.read(&facts, 0, &inv.social_context);
                check(codes, count, f.unknown(), f.asked_as(), &f);
            }
        }
    }

    /// The rule set of `every_leaf`, on which the decision tests (lanes
    /// against one subject at a time) run, asks about every table fact: a
    /// fact added to a table and not to that rule set fails here.
    #[test]
    fn the_decision_tests_cover_every_table_fact() {
        let engine = every_leaf();
        let (mut people, mut events, mut social) = (Vec::new(), Vec::new(), Vec::new());
        for node in &engine.compiled.nodes {
            match node {
                Node::Leaf(Leaf::Person(PersonLeaf::Is(f, _))) => people.push(*f),
                Node::Leaf(Leaf::Event(EventLeaf::Is(f, _))) => events.push(*f),
                Node::Leaf(Leaf::Root(RootLeaf::Is(f, _))) => social.push(*f),
                _ => {}
            }
        }
        for f in PersonFact::ALL {
            assert!(people.contains(f), "{f:?}");
        }
        for f in EventFact::ALL {
            assert!(events.contains(f), "{f:?}");
        }
        for f in SocialFact::ALL {
            assert!(social.contains(f), "{f:?}");
        }
    }
}

#[cfg(test)]
mod document_order {
    use std::fmt;

    use serde::de::{self, Visitor};

    use crate::inventory::{Conflict, Expectations, LifeEvent, Person, SocialContext};

    use super::{EventField, PersonField, SocialField};

    /// An error that stops a reading.
    #[derive(Debug)]
    struct Stop;

    impl fmt::Display for Stop {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("stop")
        }
    }

    impl std::error::Error for Stop {}

    impl de::Error for Stop {
        fn custom<T: fmt::Display>(_: T) -> Self {
            Stop
        }
    }

    /// A deserializer that keeps the field names serde's derive passes to
    /// `deserialize_struct`, in declaration order, and reads nothing.
    struct Names<'a>(&'a mut &'static [&'static str]);

    impl<'de> de::Deserializer<'de> for Names<'_> {
        type Error = Stop;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            Err(Stop)
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Stop> {
            *self.0 = fields;
            Err(Stop)
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
            enum identifier ignored_any
        }
    }

    /// The JSON keys of `T`, in the order its JSON has them.
    fn keys<T: de::DeserializeOwned>() -> &'static [&'static str] {
        let mut names: &'static [&'static str] = &[];
        let _ = T::deserialize(Names(&mut names));
        assert!(!names.is_empty(), "{}", std::any::type_name::<T>());
        names
    }

    /// A path's place in document order: its first key's place among
    /// `top`, then its second key's place among the keys of the nested
    /// object `nested` names (if any).
    fn place(
        path: &str,
        top: &[&str],
        nested: &dyn Fn(&str) -> Option<&'static [&'static str]>,
    ) -> (usize, Option<usize>) {
        let mut parts = path.split('.');
        let first = parts.next().unwrap_or_default();
        let at = top.iter().position(|k| *k == first);
        assert!(
            at.is_some(),
            "{path}: `{first}` is not a key of the subject"
        );
        let second = match (nested(first), parts.next()) {
            (Some(inner), Some(key)) => {
                let at = inner.iter().position(|k| *k == key);
                assert!(at.is_some(), "{path}: `{key}` is not a key of `{first}`");
                at
            }
            _ => None,
        };
        (at.unwrap_or_default(), second)
    }

    fn assert_in_order(places: &[(usize, Option<usize>)], what: &str) {
        for pair in places.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{what}: fields out of document order: {places:?}"
            );
        }
    }

    #[test]
    fn missing_fields_are_listed_in_document_order_at_real_paths() {
        let person = keys::<Person>();
        let nested = |key: &str| match key {
            "conflict" => Some(keys::<Conflict>()),
            "expectations" => Some(keys::<Expectations>()),
            _ => None,
        };
        let places: Vec<_> = PersonField::ALL
            .iter()
            .map(|f| place(f.suffix(), person, &nested))
            .collect();
        assert_in_order(&places, "person");

        let event = keys::<LifeEvent>();
        let places: Vec<_> = EventField::ALL
            .iter()
            .map(|f| place(f.suffix(), event, &|_| None))
            .collect();
        assert_in_order(&places, "event");

        let social = keys::<SocialContext>();
        let places: Vec<_> = SocialField::ALL
            .iter()
            .map(|f| place(f.suffix(), social, &|_| None))
            .collect();
        assert_in_order(&places, "social context");
    }
}
