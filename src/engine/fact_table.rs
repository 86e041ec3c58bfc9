//! The table of engine facts: what a rule may ask about a person or an
//! event, one entry per fact (DESIGN.md, "Where to add things").
//!
//! A fact's value is a set of *codes*, small numbers below 64: an enum's
//! values by discriminant, `false` and `true` as 0 and 1, and, past the
//! values, a code for "not recorded" where the fact can be missing. Most
//! facts have one code per subject; a list field (an event's grief signs)
//! has one per item, and a fact that does not apply (the visibility of a
//! conflict there is none of) has none, so every condition on it is false.
//!
//! A compiled leaf about a table fact is the fact and the set of codes for
//! which it holds ([`PersonLeaf::Is`](super::compile::PersonLeaf),
//! [`EventLeaf::Is`](super::compile::EventLeaf)). It is true where the
//! subject has a code in the set; unknown where it has one of the fact's
//! *unknown codes* not in the set (each names the inventory field whose
//! absence it stands for, in the tables of `facts.rs`); false elsewhere.
//! One subject is decided by [`decide`] (`leaves.rs`), 64 at once by
//! [`CodeLanes`] (`masks.rs`): both read the subject through the table's
//! accessor, so a fact has no code of its own in either.
//!
//! Each entry gives: the fact's accessor (`read`), how many codes it has,
//! its unknown codes with the field each reports missing, how a listed value
//! widens to the codes it covers (`listing`), the JSON key of the condition
//! that lists its values, and its words (for explanations and near misses).
//! The condition a rule set writes is mapped to its fact and values once, by
//! an exhaustive `match` ([`PersonCondition::read`], [`EventCondition::read`]),
//! which compiling and explaining both use.

use crate::inventory::{
    Closeness, ConflictCourse, ConflictLevel, ConflictVisibility, EventKind, ExpectationsMet,
    GriefSign, LifeEvent, OnsetLink, Person, PersonStatus, PriorFunctioning, RelationshipChange,
    RelationshipKind, RelativeToOnset, SocialContext,
};

use super::compile::bit;
use super::condition::{Condition, EventCondition, PersonCondition};
use super::facts::{EventField, Facts, PersonField, SocialField, Truth, significance};
use super::masks::{Mask, Tri};

/// A set of codes, one bit each.
pub(crate) type Codes = u64;

/// An enum a condition lists by value: its code is its discriminant.
pub(crate) trait Coded: Copy + Into<&'static str> {
    /// The value's code.
    fn code(self) -> u32;
}

macro_rules! coded {
    ($($t:ty),* $(,)?) => {
        $(impl Coded for $t {
            #[inline]
            fn code(self) -> u32 {
                self as u32
            }
        })*
    };
}

coded!(
    RelationshipKind,
    Closeness,
    ConflictLevel,
    ConflictVisibility,
    ConflictCourse,
    RelativeToOnset,
    ExpectationsMet,
    RelationshipChange,
    OnsetLink,
    EventKind,
    GriefSign,
    PriorFunctioning,
);

/// The code of `false` and `true`.
pub(crate) const fn yes_no(b: bool) -> Codes {
    if b { 0b10 } else { 0b01 }
}

/// The code "not recorded" of a yes-no fact.
const UNRECORDED_BOOL: u32 = 2;

/// The codes of an optional yes-no value.
fn opt_bool(v: Option<bool>) -> Codes {
    v.map_or(bit(UNRECORDED_BOOL), yes_no)
}

/// The code of an optional value, "not recorded" being `count` (the first
/// code past the enum's values).
fn opt<T: Coded>(v: Option<T>, count: usize) -> Codes {
    match v {
        Some(v) => bit(v.code()),
        None => bit(u32::try_from(count).unwrap_or(u32::MAX)),
    }
}

/// `count` as a code (the first past an enum's values).
const fn past(count: usize) -> u32 {
    count as u32
}

/// A list of values a condition names.
pub(crate) trait Listed {
    /// The values' codes.
    fn codes(&self) -> Codes;
    /// Whether the list is empty (a rule set error).
    fn is_empty(&self) -> bool;
    /// The values' names, in order.
    fn names(&self) -> Vec<&'static str>;
}

impl<T: Coded> Listed for Vec<T> {
    fn codes(&self) -> Codes {
        self.iter().fold(0, |m, &v| m | bit(v.code()))
    }

    fn is_empty(&self) -> bool {
        <[T]>::is_empty(self)
    }

    fn names(&self) -> Vec<&'static str> {
        self.iter().map(|&v| v.into()).collect()
    }
}

/// What a condition asks of a table fact.
#[derive(Clone, Copy)]
pub(crate) enum Asked<'a> {
    /// The yes-no fact is this.
    Is(bool),
    /// The fact is one of these values.
    In(&'a dyn Listed),
    /// The fact is at least this value (in the enum's order), named so.
    AtLeast(u32, &'static str),
}

impl Asked<'_> {
    /// The codes the values name (before the fact's `listing` widens them).
    pub(crate) fn codes(self) -> Codes {
        match self {
            Asked::Is(b) => yes_no(b),
            Asked::In(list) => list.codes(),
            Asked::AtLeast(code, _) => u64::MAX.checked_shl(code).unwrap_or(0),
        }
    }
}

/// A fact's words: for a yes-no fact, what it reads as when asked for yes
/// and for no; for the others, the words before and after the values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Wording(pub(crate) &'static str, pub(crate) &'static str);

impl Wording {
    /// The words of `asked`, with `list` to put values in words.
    pub(crate) fn say(self, asked: Asked<'_>, list: impl Fn(&[&'static str]) -> String) -> String {
        let Wording(first, second) = self;
        match asked {
            Asked::Is(true) => String::from(first),
            Asked::Is(false) => String::from(second),
            Asked::In(values) => format!("{first}{}{second}", list(&values.names())),
            Asked::AtLeast(_, name) => format!("{first}{}{second}", list(&[name])),
        }
    }
}

/// Declares a table of facts about one kind of subject. Each entry:
/// `Name { key, codes, read, unknown, listing, words }` (see the module's
/// documentation). Generates the enum and its exhaustive lookups.
macro_rules! fact_table {
    (
        $(#[$meta:meta])*
        enum $Fact:ident about $Subject:ty, missing $Field:ty $(, lanes $Lanes:ident)?;
        $(
            $(#[$doc:meta])*
            $name:ident {
                key: $key:literal,
                codes: $codes:expr,
                read: $read:expr,
                unknown: [$($uc:expr => $uf:expr),* $(,)?],
                listing: $listing:expr,
                words: ($first:literal, $second:literal $(,)?),
            }
        )*
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub(crate) enum $Fact {
            $( $(#[$doc])* $name, )*
        }

        impl $Fact {
            /// Every fact, in declaration order.
            #[cfg(test)]
            pub(crate) const ALL: &'static [$Fact] = &[$($Fact::$name),*];

            /// How many facts there are.
            pub(crate) const COUNT: usize = [$($Fact::$name),*].len();

            /// How many codes each fact has, by fact.
            const CODE_COUNTS: [usize; Self::COUNT] = [$($codes),*];

            /// The codes subject `i` (`s`) has.
            #[inline]
            pub(crate) fn read(self, facts: &Facts<'_>, i: usize, s: &$Subject) -> Codes {
                match self {
                    $( $Fact::$name => {
                        let read: fn(&Facts<'_>, usize, &$Subject) -> Codes = $read;
                        read(facts, i, s)
                    } )*
                }
            }

            /// The codes that are unknown unless listed.
            #[inline]
            pub(crate) fn unknown(self) -> Codes {
                match self {
                    $( $Fact::$name => 0 $( | bit($uc) )*, )*
                }
            }

            /// The field whose absence unknown code `code` stands for.
            pub(crate) fn missing(self, code: u32) -> Option<$Field> {
                match self {
                    $( $Fact::$name => {
                        $( if code == $uc {
                            return Some($uf);
                        } )*
                        None
                    } )*
                }
            }

            /// The codes a condition listing `codes` holds for.
            fn listing(self, codes: Codes) -> Codes {
                match self {
                    $( $Fact::$name => {
                        let listing: fn(Codes) -> Codes = $listing;
                        listing(codes)
                    } )*
                }
            }

            /// Where a condition listing `codes` holds, and where it is
            /// unknown.
            pub(crate) fn holds(self, codes: Codes) -> Holds {
                let yes = self.listing(codes);
                Holds {
                    yes,
                    vague: self.unknown() & !yes,
                }
            }

            /// The JSON key of the condition that lists the fact's values.
            pub(crate) fn key(self) -> &'static str {
                match self {
                    $( $Fact::$name => $key, )*
                }
            }

            /// The fact's words.
            pub(crate) fn words(self) -> Wording {
                match self {
                    $( $Fact::$name => Wording($first, $second), )*
                }
            }
        }

        const _: () = assert!(fits(&$Fact::CODE_COUNTS), "at most 64 codes a fact, 63 facts");

        fact_table!(@lanes [$($Lanes)?] $Fact about $Subject; $($name: $read),*);
    };
    // No lanes: the table's facts are read one subject at a time.
    (@lanes [] $Fact:ident about $Subject:ty; $($name:ident: $read:expr),*) => {};
    // Lanes: the facts' codes for a chunk of up to 64 subjects.
    (@lanes [$Lanes:ident] $Fact:ident about $Subject:ty; $($name:ident: $read:expr),*) => {
        /// The facts' codes in the lanes of a chunk.
        #[derive(Debug, Clone, Copy)]
        pub(crate) struct $Lanes(CodeLanes<{ $Fact::TOTAL_CODES }, { $Fact::COUNT }>);

        impl $Lanes {
            /// No lanes.
            pub(crate) const EMPTY: Self = $Lanes(CodeLanes::EMPTY);

            /// Records the codes subject `i` (`s`) has of the facts in
            /// `needs` (by index), in `lanes`.
            #[inline]
            pub(crate) fn add(
                &mut self,
                needs: u64,
                facts: &Facts<'_>,
                i: usize,
                s: &$Subject,
                lanes: Mask,
            ) {
                $Fact::read_needed(needs, facts, i, s, |index, offset, codes| {
                    self.0.add(index, offset, codes, lanes);
                });
            }

            /// The truth in every lane of a leaf on `fact` that `holds`.
            #[inline]
            pub(crate) fn tri(&self, fact: $Fact, holds: Holds) -> Tri {
                self.0.tri(fact.index(), fact.offset(), holds)
            }
        }

        impl $Fact {
            /// How many codes all facts have together.
            pub(crate) const TOTAL_CODES: usize = sum(&Self::CODE_COUNTS);

            /// The fact's place in declaration order.
            #[inline]
            pub(crate) fn index(self) -> usize {
                self as usize
            }

            /// Where the fact's codes start among all facts' codes.
            #[inline]
            pub(crate) fn offset(self) -> usize {
                match self {
                    $( $Fact::$name => const { offset(&Self::CODE_COUNTS, $Fact::$name as usize) }, )*
                }
            }

            /// Reads the facts in `needs` (a set of facts by index) about
            /// subject `i` (`s`): gives `each` the index, offset and codes of
            /// each, in order.
            #[inline(always)]
            pub(crate) fn read_needed(
                needs: u64,
                facts: &Facts<'_>,
                i: usize,
                s: &$Subject,
                mut each: impl FnMut(usize, usize, Codes),
            ) {
                $( {
                    const INDEX: usize = $Fact::$name as usize;
                    if needs & bit(INDEX as u32) != 0 {
                        let read: fn(&Facts<'_>, usize, &$Subject) -> Codes = $read;
                        each(
                            INDEX,
                            const { offset(&$Fact::CODE_COUNTS, INDEX) },
                            read(facts, i, s),
                        );
                    }
                } )*
            }

        }
    };
}

/// Whether every count fits a set of codes, and the facts fit a set of
/// facts with a bit to spare.
const fn fits(counts: &[usize]) -> bool {
    let mut rest = counts;
    while let Some((count, tail)) = rest.split_first() {
        if *count > 64 {
            return false;
        }
        rest = tail;
    }
    counts.len() < 64
}

/// The sum of `counts`.
const fn sum(counts: &[usize]) -> usize {
    offset(counts, counts.len())
}

/// The sum of the first `n` of `counts`.
const fn offset(counts: &[usize], n: usize) -> usize {
    let mut total = 0;
    let mut rest = counts;
    let mut k = 0;
    while k < n {
        let Some((count, tail)) = rest.split_first() else {
            break;
        };
        total += *count;
        rest = tail;
        k += 1;
    }
    total
}

/// Listing the values as they are.
fn as_listed(codes: Codes) -> Codes {
    codes
}

/// A recorded conflict of a person: present with a level above none.
fn conflict(p: &Person) -> Option<&crate::inventory::Conflict> {
    p.conflict
        .as_ref()
        .filter(|c| c.level > ConflictLevel::None)
}

fact_table! {
    /// A fact about one person.
    enum PersonFact about Person, missing PersonField, lanes PersonLanes;
    /// The kind of relationship.
    Relationship {
        key: "relationship_in",
        codes: RelationshipKind::COUNT,
        read: |_, _, p| bit(p.relationship.code()),
        unknown: [],
        listing: as_listed,
        words: ("relationship is ", ""),
    }
    /// The place on the closeness circle.
    Closeness {
        key: "closeness_in",
        codes: Closeness::COUNT + 1,
        read: |_, _, p| opt(p.closeness, Closeness::COUNT),
        unknown: [past(Closeness::COUNT) => PersonField::Closeness],
        listing: as_listed,
        words: ("on the ", " circle"),
    }
    /// Whether the person has died.
    Deceased {
        key: "deceased",
        codes: 2,
        read: |_, _, p| yes_no(p.status.is_deceased()),
        unknown: [],
        listing: as_listed,
        words: ("has died", "has not died"),
    }
    /// Whether the person is estranged.
    Estranged {
        key: "estranged",
        codes: 2,
        read: |_, _, p| yes_no(p.status == PersonStatus::Estranged),
        unknown: [],
        listing: as_listed,
        words: ("is estranged", "is not estranged"),
    }
    /// Whether the person is a significant other ([`significance`]);
    /// unknown closeness leaves it unknown for some.
    Significant {
        key: "significant",
        codes: 3,
        read: |_, _, p| opt_bool(significance(p)),
        unknown: [UNRECORDED_BOOL => PersonField::Closeness],
        listing: as_listed,
        words: ("is a significant other", "is not a significant other"),
    }
    /// The conflict's level, `none` when no conflict is recorded.
    ConflictLevel {
        key: "conflict_level_at_least",
        codes: ConflictLevel::COUNT,
        read: |_, _, p| bit(p.conflict.as_ref().map_or(ConflictLevel::None, |c| c.level).code()),
        unknown: [],
        listing: as_listed,
        words: ("conflict level is at least ", ""),
    }
    /// Whether a recorded conflict is open or hidden; no code without one.
    ConflictVisibility {
        key: "conflict_visibility_in",
        codes: ConflictVisibility::COUNT + 1,
        read: |_, _, p| conflict(p).map_or(0, |c| opt(c.visibility, ConflictVisibility::COUNT)),
        unknown: [past(ConflictVisibility::COUNT) => PersonField::ConflictVisibility],
        listing: as_listed,
        words: ("conflict is ", ""),
    }
    /// The course of a recorded conflict; no code without one.
    ConflictCourse {
        key: "conflict_course_in",
        codes: ConflictCourse::COUNT + 1,
        read: |_, _, p| conflict(p).map_or(0, |c| opt(c.course, ConflictCourse::COUNT)),
        unknown: [past(ConflictCourse::COUNT) => PersonField::ConflictCourse],
        listing: as_listed,
        words: ("conflict course is ", ""),
    }
    /// When a recorded conflict began, relative to the onset; no code
    /// without one.
    ConflictBegan {
        key: "conflict_began_in",
        codes: RelativeToOnset::COUNT + 1,
        read: |_, _, p| conflict(p).map_or(0, |c| opt(c.began, RelativeToOnset::COUNT)),
        unknown: [past(RelativeToOnset::COUNT) => PersonField::ConflictBegan],
        listing: as_listed,
        words: ("conflict began ", ""),
    }
    /// Whether expectations are met. No expectations recorded is its own
    /// code, which listing `unknown` covers; otherwise it and `unknown` are
    /// unknown.
    ExpectationsMet {
        key: "expectations_met_in",
        codes: ExpectationsMet::COUNT + 1,
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
    /// How the relationship changed around the onset.
    ChangeAroundOnset {
        key: "change_around_onset_in",
        codes: RelationshipChange::COUNT + 1,
        read: |_, _, p| opt(p.change_around_onset, RelationshipChange::COUNT),
        unknown: [past(RelationshipChange::COUNT) => PersonField::ChangeAroundOnset],
        listing: as_listed,
        words: ("relationship around onset: ", ""),
    }
    /// Whether the patient can confide in the person.
    Confidant {
        key: "confidant",
        codes: 3,
        read: |_, _, p| opt_bool(p.confidant),
        unknown: [UNRECORDED_BOOL => PersonField::Confidant],
        listing: as_listed,
        words: ("is a confidant", "is not a confidant"),
    }
    /// Whether the person is supportive.
    Supportive {
        key: "supportive",
        codes: 3,
        read: |_, _, p| opt_bool(p.supportive),
        unknown: [UNRECORDED_BOOL => PersonField::Supportive],
        listing: as_listed,
        words: ("is supportive", "is not supportive"),
    }
    /// The clinician's link to the onset ([`Facts::person_link`]).
    OnsetLink {
        key: "onset_link_in",
        codes: OnsetLink::COUNT,
        read: |facts, i, _| bit(facts.person_link(i).code()),
        unknown: [],
        listing: as_listed,
        words: ("the clinician's link to onset is ", ""),
    }
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

impl PersonCondition {
    /// What the condition reads.
    pub(crate) fn read(&self) -> PersonRead<'_> {
        use PersonFact as F;
        use PersonRead::Fact;
        match self {
            PersonCondition::All(_) | PersonCondition::Any(_) | PersonCondition::Not(_) => {
                PersonRead::Group
            }
            PersonCondition::RelationshipIn(v) => Fact(F::Relationship, Asked::In(v)),
            PersonCondition::ClosenessIn(v) => Fact(F::Closeness, Asked::In(v)),
            PersonCondition::Deceased(b) => Fact(F::Deceased, Asked::Is(*b)),
            PersonCondition::Estranged(b) => Fact(F::Estranged, Asked::Is(*b)),
            PersonCondition::Significant(b) => Fact(F::Significant, Asked::Is(*b)),
            PersonCondition::ConflictLevelAtLeast(l) => {
                Fact(F::ConflictLevel, Asked::AtLeast(l.code(), (*l).into()))
            }
            PersonCondition::ConflictVisibilityIn(v) => Fact(F::ConflictVisibility, Asked::In(v)),
            PersonCondition::ConflictCourseIn(v) => Fact(F::ConflictCourse, Asked::In(v)),
            PersonCondition::ConflictBeganIn(v) => Fact(F::ConflictBegan, Asked::In(v)),
            PersonCondition::ExpectationsMetIn(v) => Fact(F::ExpectationsMet, Asked::In(v)),
            PersonCondition::ChangeAroundOnsetIn(v) => Fact(F::ChangeAroundOnset, Asked::In(v)),
            PersonCondition::Confidant(b) => Fact(F::Confidant, Asked::Is(*b)),
            PersonCondition::Supportive(b) => Fact(F::Supportive, Asked::Is(*b)),
            PersonCondition::DiedWithin(name) => PersonRead::DiedWithin(name),
            PersonCondition::OnsetLinkIn(v) => Fact(F::OnsetLink, Asked::In(v)),
        }
    }
}

/// Where a compiled leaf about a table fact holds: the codes for which it
/// is true, and those (of the fact's unknown codes) for which it is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Holds {
    pub(crate) yes: Codes,
    pub(crate) vague: Codes,
}

fact_table! {
    /// A fact about one life event.
    enum EventFact about LifeEvent, missing EventField, lanes EventLanes;
    /// The event's kind.
    Kind {
        key: "kind_in",
        codes: EventKind::COUNT,
        read: |_, _, ev| bit(ev.kind.code()),
        unknown: [],
        listing: as_listed,
        words: ("kind is ", ""),
    }
    /// The complicated-grief signs it carries: one code each (none recorded
    /// reads as none).
    GriefSigns {
        key: "has_grief_sign_in",
        codes: GriefSign::COUNT,
        read: |_, _, ev| ev.grief_signs.iter().fold(0, |m, &s| m | bit(s.code())),
        unknown: [],
        listing: as_listed,
        words: ("shows a complicated-grief sign: ", ""),
    }
    /// The clinician's link to the onset.
    OnsetLink {
        key: "onset_link_in",
        codes: OnsetLink::COUNT,
        read: |_, _, ev| bit(ev.linked_to_onset.code()),
        unknown: [],
        listing: as_listed,
        words: ("the clinician's link to onset is ", ""),
    }
    /// Whether the clinician links it to the onset: the same field as yes,
    /// no or not recorded.
    LinkedToOnset {
        key: "linked_to_onset",
        codes: 3,
        read: |_, _, ev| opt_bool(ev.linked_to_onset.as_bool()),
        unknown: [UNRECORDED_BOOL => EventField::LinkedToOnset],
        listing: as_listed,
        words: (
            "the clinician links it to the onset",
            "the clinician does not link it to the onset",
        ),
    }
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

impl EventCondition {
    /// What the condition reads.
    pub(crate) fn read(&self) -> EventRead<'_> {
        use EventFact as F;
        use EventRead::{Fact, KindWhere};
        match self {
            EventCondition::All(_) | EventCondition::Any(_) | EventCondition::Not(_) => {
                EventRead::Group
            }
            EventCondition::KindIn(v) => Fact(F::Kind, Asked::In(v)),
            EventCondition::Death(b) => KindWhere {
                yes: *b,
                holds: EventKind::is_death,
                words: Wording("is a death", "is not a death"),
            },
            EventCondition::NonDeathLoss(b) => KindWhere {
                yes: *b,
                holds: EventKind::is_non_death_loss,
                words: Wording(
                    "is a loss that is not a death",
                    "is not a loss other than a death",
                ),
            },
            EventCondition::RoleChange(b) => KindWhere {
                yes: *b,
                holds: |k| k.transition().is_some() && !k.is_death(),
                words: Wording("changes a social role", "does not change a social role"),
            },
            EventCondition::Within(name) => EventRead::Within(name),
            EventCondition::Linked(name) => EventRead::Linked(name),
            EventCondition::LinkedToOnset(b) => Fact(F::LinkedToOnset, Asked::Is(*b)),
            EventCondition::HasGriefSignIn(v) => Fact(F::GriefSigns, Asked::In(v)),
            EventCondition::OnsetLinkIn(v) => Fact(F::OnsetLink, Asked::In(v)),
            EventCondition::Person(inner) => EventRead::Person(inner),
        }
    }
}

fact_table! {
    /// A fact about the patient's social context (a condition on the
    /// inventory as a whole); read for the one inventory, so without lanes.
    enum SocialFact about SocialContext, missing SocialField;
    /// The patient's social functioning before the episode.
    PriorFunctioning {
        key: "prior_functioning_in",
        codes: PriorFunctioning::COUNT + 1,
        read: |_, _, sc| opt(sc.prior_functioning, PriorFunctioning::COUNT),
        unknown: [past(PriorFunctioning::COUNT) => SocialField::PriorFunctioning],
        listing: as_listed,
        words: ("prior functioning is ", ""),
    }
    /// Whether the patient lives alone.
    LivesAlone {
        key: "lives_alone",
        codes: 3,
        read: |_, _, sc| opt_bool(sc.lives_alone),
        unknown: [UNRECORDED_BOOL => SocialField::LivesAlone],
        listing: as_listed,
        words: ("the patient lives alone", "the patient does not live alone"),
    }
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

impl Condition {
    /// What the condition reads.
    pub(crate) fn read(&self) -> RootRead<'_> {
        match self {
            Condition::All(_) | Condition::Any(_) | Condition::Not(_) => RootRead::Group,
            Condition::SomePerson(inner) => RootRead::SomePerson(inner),
            Condition::SomeEvent(inner) => RootRead::SomeEvent(inner),
            Condition::PriorFunctioningIn(v) => {
                RootRead::Fact(SocialFact::PriorFunctioning, Asked::In(v))
            }
            Condition::LivesAlone(b) => RootRead::Fact(SocialFact::LivesAlone, Asked::Is(*b)),
            Condition::ConfidantsAtMost(n) => RootRead::ConfidantsAtMost(*n),
            Condition::OnsetKnown(b) => RootRead::OnsetKnown(*b),
        }
    }
}

/// The truth of a table leaf that `holds` about a subject with the codes
/// `has`; an unknown one reports the code that made it so to `missing`.
#[inline]
pub(crate) fn decide(has: Codes, holds: Holds, missing: impl FnOnce(u32)) -> Truth {
    if has & holds.yes != 0 {
        Truth::True
    } else {
        let vague = has & holds.vague;
        if vague == 0 {
            Truth::False
        } else {
            missing(vague.trailing_zeros());
            Truth::Unknown
        }
    }
}

/// For each code of each fact of a table, the lanes (of a chunk of up to 64
/// subjects) that have it: `N` is the table's total of codes, `F` its count
/// of facts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CodeLanes<const N: usize, const F: usize> {
    /// For each fact, the codes present in some lane.
    seen: [Codes; F],
    /// For each fact's code, from the fact's offset, its lanes.
    by: [Mask; N],
}

impl<const N: usize, const F: usize> CodeLanes<N, F> {
    /// No lanes.
    pub(crate) const EMPTY: Self = CodeLanes {
        seen: [0; F],
        by: [0; N],
    };

    /// Records that the lanes `lanes` have the codes `codes` of the fact at
    /// `index` whose codes start at `offset`.
    #[inline]
    pub(crate) fn add(&mut self, index: usize, offset: usize, codes: Codes, lanes: Mask) {
        if let Some(seen) = self.seen.get_mut(index) {
            *seen |= codes;
        }
        let mut rest = codes;
        if rest & rest.wrapping_sub(1) == 0 {
            // One code at most, as most facts have: no loop.
            if rest != 0 {
                if let Some(m) = self.by.get_mut(offset + rest.trailing_zeros() as usize) {
                    *m |= lanes;
                }
            }
            return;
        }
        while rest != 0 {
            let c = rest.trailing_zeros() as usize;
            if let Some(m) = self.by.get_mut(offset + c) {
                *m |= lanes;
            }
            rest &= rest.wrapping_sub(1);
        }
    }

    /// The lanes with one of the codes `codes` of the fact at `index`
    /// (codes from `offset`).
    #[inline]
    pub(crate) fn select(&self, index: usize, offset: usize, codes: Codes) -> Mask {
        let mut wanted = codes & self.seen.get(index).copied().unwrap_or(0);
        let mut lanes = 0;
        while wanted != 0 {
            let c = wanted.trailing_zeros() as usize;
            lanes |= self.by.get(offset + c).copied().unwrap_or(0);
            wanted &= wanted.wrapping_sub(1);
        }
        lanes
    }
}

impl<const N: usize, const F: usize> CodeLanes<N, F> {
    /// The truth in every lane of a leaf that `holds` on the fact at
    /// `index` (codes from `offset`).
    #[inline]
    pub(crate) fn tri(&self, index: usize, offset: usize, holds: Holds) -> Tri {
        let t = self.select(index, offset, holds.yes);
        if holds.vague == 0 {
            Tri::known(t)
        } else {
            Tri::new(t, self.select(index, offset, holds.vague))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
