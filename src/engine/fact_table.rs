//! How a table of engine facts works: what a rule may ask about a person,
//! an event or the inventory, one entry per fact. The three tables are in
//! `condition.rs`, one per kind of condition, declared through
//! [`fact_table!`] (DESIGN.md, "Where to add things").
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
//! absence it stands for, in the table's `missing` list); false elsewhere.
//! One subject is decided by [`decide`] (`leaves.rs`), 64 at once by
//! [`CodeLanes`] (`masks.rs`): both read the subject through the table's
//! accessor, so a fact has no code of its own in either.
//!
//! Each entry gives: the fact's accessor (`read`), how many codes it has,
//! its unknown codes with the field each reports missing, how a listed value
//! widens to the codes it covers (`listing`), the JSON key of the condition
//! that lists its values, and its words (for explanations and near misses).
//! The condition a rule set writes is mapped to its fact and values once, by
//! an exhaustive `match` the macro writes (`PersonCondition::read` and its
//! kin), which compiling and explaining both use.

use crate::inventory::{
    Closeness, ConflictCourse, ConflictLevel, ConflictVisibility, EventKind, ExpectationsMet,
    GriefSign, OnsetLink, PriorFunctioning, RelationshipChange, RelationshipKind, RelativeToOnset,
};

use super::compile::bit;
use super::facts::Truth;
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
pub(crate) const UNRECORDED_BOOL: u32 = 2;

/// How many codes a yes-no fact that is always recorded has: no and yes.
pub(crate) const YES_NO: usize = 2;

/// How many codes a yes-no fact that may be missing has: no, yes and
/// [`UNRECORDED_BOOL`].
pub(crate) const YES_NO_OR_UNRECORDED: usize = 3;

/// The codes of an optional yes-no value.
pub(crate) fn opt_bool(v: Option<bool>) -> Codes {
    v.map_or(bit(UNRECORDED_BOOL), yes_no)
}

/// The code of an optional value, "not recorded" being `count` (the first
/// code past the enum's values).
pub(crate) fn opt<T: Coded>(v: Option<T>, count: usize) -> Codes {
    match v {
        Some(v) => bit(v.code()),
        None => bit(u32::try_from(count).unwrap_or(u32::MAX)),
    }
}

/// `count` as a code (the first past an enum's values).
pub(crate) const fn past(count: usize) -> u32 {
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

/// What to ask when a field is missing: fixed words, or words around the
/// name of the person or event the field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Question {
    Fixed(&'static str),
    About(&'static str, &'static str),
}

impl Question {
    /// The question, naming `who` (the person or event, as the report names
    /// it).
    pub(crate) fn ask(self, who: &str) -> String {
        match self {
            Question::Fixed(q) => String::from(q),
            Question::About(before, after) => format!("{before}{who}{after}"),
        }
    }
}

/// Declares one kind of condition and the table of facts it reads (see the
/// module's documentation and `condition.rs`, where the three tables are).
///
/// An invocation gives, in order:
///
/// * the public condition enum's docs, name, its place in the condition
///   tree (`as Whole`), a leaf to leave behind where a child was taken out,
///   and the enum of what its conditions read;
/// * the facts' enum, the subject they are about and, for people and events,
///   the lanes that hold the codes of up to 64 subjects;
/// * `missing`: the inventory fields a rule on this kind of subject may find
///   missing, **in the order they appear in the subject's JSON** (that order
///   sorts the assessment's missing facts; a test checks it), each with its
///   JSON path below the subject and the question to ask;
/// * `parts`: the conditions that hold conditions of another kind;
/// * `table`: one entry per fact: the condition variant that asks about it
///   (with how it asks: `Is` a yes-no value, `In` a list of values,
///   `AtLeast` a value), then the fact's `key` (the JSON key of that
///   condition), `codes`, `read`, `unknown`, `listing` and `words`;
/// * `others`: the conditions with logic of their own, each with what it
///   reads.
///
/// In `parts` and `others`, `=> |name| expression` looks like a closure but
/// only names the variant's value (borrowed) for the expression, which
/// becomes an arm of the condition's `read`.
///
/// It generates the public enum (its variants in that order after `all`,
/// `any` and `not`, each named in JSON by its key), the tree operations
/// ([`condition_kind!`](super::condition_tree::condition_kind)), the
/// condition's `read`, the facts' enum with its exhaustive lookups and
/// lanes, and the fields' enum with its paths and questions. Every `match`
/// it writes is exhaustive, so nothing can be left out of one.
macro_rules! fact_table {
    (@asked In $v:ident) => { Asked::In($v) };
    (@asked Is $v:ident) => { Asked::Is(*$v) };
    (@asked AtLeast $v:ident) => { Asked::AtLeast($v.code(), (*$v).into()) };
    (
        $(#[$cmeta:meta])*
        pub enum $Cond:ident as $wrap:ident, placeholder $cleaf:expr, reads $Read:ident;
        $(#[$meta:meta])*
        facts $Fact:ident about $Subject:ty $(, lanes $Lanes:ident)?;
        $(#[$mmeta:meta])*
        missing $Field:ident: [
            $( $(#[$mdoc:meta])* $mv:ident at $mpath:literal asks $mq:expr ),* $(,)?
        ];
        parts: [
            $(
                $(#[$qdoc:meta])*
                $q:ident($qty:ident as $qwrap:ident, $qleaf:expr) = $qk:literal
                    => |$qx:ident| $qread:expr
            ),* $(,)?
        ];
        table: [
            $(
                $(#[$doc:meta])*
                $cv:ident($(#[$cattr:meta])* $cty:ty) as $how:ident => $name:ident {
                    key: $key:literal,
                    codes: $codes:expr,
                    read: $read:expr,
                    unknown: [$($uc:expr => $uf:expr),* $(,)?],
                    listing: $listing:expr,
                    words: ($first:literal, $second:literal $(,)?),
                }
            )*
        ];
        others: [
            $(
                $(#[$odoc:meta])*
                $o:ident($(#[$oattr:meta])* $oty:ty) = $ok:literal => |$ox:ident| $oread:expr
            ),* $(,)?
        ];
    ) => {
        $(#[$cmeta])*
        #[derive(serde::Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        #[non_exhaustive]
        pub enum $Cond {
            /// Every part holds. Must not be empty.
            #[serde(rename = "all")]
            All(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<$Cond>),
            /// At least one part holds. Must not be empty.
            #[serde(rename = "any")]
            Any(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<$Cond>),
            /// The part does not hold.
            #[serde(rename = "not")]
            Not(Box<$Cond>),
            $(
                $(#[$qdoc])*
                #[serde(rename = $qk)]
                $q(Box<$qty>),
            )*
            $(
                $(#[$doc])*
                #[serde(rename = $key)]
                $cv($(#[$cattr])* $cty),
            )*
            $(
                $(#[$odoc])*
                #[serde(rename = $ok)]
                $o($(#[$oattr])* $oty),
            )*
        }

        $crate::engine::condition_tree::condition_kind! {
            $Cond as $wrap, placeholder $cleaf;
            parts: [$($q($qty as $qwrap, $qleaf) = $qk),*];
            leaves: [$($cv = $key,)* $($o = $ok),*]
        }

        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub(crate) enum $Fact {
            $( $(#[$doc])* $name, )*
        }

        $(#[$mmeta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub(crate) enum $Field {
            $( $(#[$mdoc])* $mv, )*
        }

        const _: () = {
            use $crate::engine::compile::bit;
            use $crate::engine::facts::Facts;
            use $crate::engine::fact_table::{Asked, Codes, Holds, Question, Wording, fits};

            impl $Cond {
                /// What the condition reads.
                pub(crate) fn read(&self) -> $Read<'_> {
                    match self {
                        $Cond::All(_) | $Cond::Any(_) | $Cond::Not(_) => $Read::Group,
                        $( $Cond::$q($qx) => $qread, )*
                        $( $Cond::$cv(v) => $Read::Fact($Fact::$name, $crate::engine::fact_table::fact_table!(@asked $how v)), )*
                        $( $Cond::$o($ox) => $oread, )*
                    }
                }
            }

            impl $Field {
                /// Every field, in document order.
                pub(crate) const ALL: &'static [$Field] = &[$($Field::$mv),*];

                /// The field's JSON path below its subject, and the question
                /// to ask when it is missing.
                pub(crate) fn entry(self) -> (&'static str, Question) {
                    match self {
                        $( $Field::$mv => ($mpath, $mq), )*
                    }
                }

                /// The field's JSON path below its subject.
                pub(crate) fn suffix(self) -> &'static str {
                    self.entry().0
                }
            }

            impl $Fact {
                /// Every fact, in declaration order.
                #[cfg(test)]
                pub(crate) const ALL: &'static [$Fact] = &[$($Fact::$name),*];

                /// How the fact's condition asks about it: `Is`, `In` or
                /// `AtLeast`.
                #[cfg(test)]
                pub(crate) fn asked_as(self) -> &'static str {
                    match self {
                        $( $Fact::$name => stringify!($how), )*
                    }
                }

                /// How many facts there are.
                pub(crate) const COUNT: usize = [$($Fact::$name),*].len();

                /// How many codes each fact has, by fact.
                pub(crate) const CODE_COUNTS: [usize; Self::COUNT] = [$($codes),*];

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

                /// The JSON key of the condition that asks about the fact.
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

            assert!(fits(&$Fact::CODE_COUNTS), "at most 64 codes a fact, 63 facts");
        };

        $crate::engine::fact_table::fact_table!(@lanes [$($Lanes)?] $Fact about $Subject; $($name: $read),*);
    };
    // No lanes: the table's facts are read one subject at a time.
    (@lanes [] $Fact:ident about $Subject:ty; $($name:ident: $read:expr),*) => {};
    // Lanes: the facts' codes for a chunk of up to 64 subjects.
    (@lanes [$Lanes:ident] $Fact:ident about $Subject:ty; $($name:ident: $read:expr),*) => {
        /// The facts' codes in the lanes of a chunk.
        #[derive(Debug, Clone, Copy)]
        pub(crate) struct $Lanes(
            $crate::engine::fact_table::CodeLanes<{ $Fact::TOTAL_CODES }, { $Fact::COUNT }>,
        );

        const _: () = {
            use $crate::engine::compile::bit;
            use $crate::engine::facts::Facts;
            use $crate::engine::fact_table::{offset, sum, CodeLanes, Codes, Holds};
            use $crate::engine::masks::{Mask, Tri};

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
                /// subject `i` (`s`): gives `each` the index, offset and codes
                /// of each, in order.
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
    };
}

pub(crate) use fact_table;

/// Whether every count fits a set of codes, and the facts fit a set of
/// facts with a bit to spare.
pub(crate) const fn fits(counts: &[usize]) -> bool {
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
pub(crate) const fn sum(counts: &[usize]) -> usize {
    offset(counts, counts.len())
}

/// The sum of the first `n` of `counts`.
pub(crate) const fn offset(counts: &[usize], n: usize) -> usize {
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
pub(crate) fn as_listed(codes: Codes) -> Codes {
    codes
}

/// Where a compiled leaf about a table fact holds: the codes for which it
/// is true, and those (of the fact's unknown codes) for which it is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Holds {
    pub(crate) yes: Codes,
    pub(crate) vague: Codes,
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
