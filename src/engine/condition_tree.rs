//! One condition tree for the three kinds of condition.
//!
//! [`Condition`], [`PersonCondition`] and [`EventCondition`] share their
//! shape: `all`, `any` and `not` over parts of the same kind, parts of
//! another kind (`some_person`, `some_event`, an event's `person`), and
//! leaves. Each kind is declared once, in its table in `condition.rs`, which
//! lists its variants by role and hands them to [`condition_kind!`]; every
//! operation on the tree is written once, for all three kinds, in that macro:
//!
//! * the shape a reader of the tree sees ([`Kind::shape`]: `all`, `any`,
//!   `not` or a fact), so explaining and compiling handle `all`, `any` and
//!   `not` in one place;
//! * `Drop`, `Clone`, `Debug`, `PartialEq`, `Hash` and `Serialize`.
//!
//! A condition built in code can nest as deep as memory allows (a chain of a
//! million `not`s). Derived impls would recurse once per level and overflow
//! the stack long before that. Here dropping, cloning, comparing and hashing
//! walk the tree with a stack on the heap; `Debug` shows the first
//! [`DEBUG_DEPTH`] levels and writes `..` below them; and serializing, which
//! a serde serializer does by recursion, refuses a condition nested deeper
//! than [`MAX_SERIALIZED_DEPTH`] with the serializer's error. A rule set read
//! from JSON is shallow anyway: reading refuses nesting deeper than
//! [`MAX_JSON_DEPTH`](crate::error::MAX_JSON_DEPTH), and compiling refuses
//! conditions deeper than the rule set's `max_depth`.
//!
//! Every `match` over the variants here is generated, with the enum itself,
//! from the kind's table, so each lists every variant.

use std::fmt;
use std::hash::Hasher;

use serde::{Serialize, Serializer, ser::Error as _};

use super::condition::{Condition, EventCondition, PersonCondition};

/// How many levels of a condition tree `Debug` shows before writing `..`.
pub(crate) const DEBUG_DEPTH: usize = 16;

/// How many levels deep a condition serializes. A serializer recurses once
/// per level, so a deeper condition is refused with the serializer's error
/// instead of overflowing the stack; no rule set that compiles or reads from
/// JSON comes near it.
pub(crate) const MAX_SERIALIZED_DEPTH: usize = 128;

/// What a reader of a condition of kind `K` sees at a node: a group, a
/// negation, or anything else (a fact, or a part of another kind), which
/// only the kind itself knows how to read.
pub(crate) enum Shape<'a, K> {
    All(&'a [K]),
    Any(&'a [K]),
    Not(&'a K),
    Fact,
}

/// A kind of condition: the tree operations are shared through this.
pub(crate) trait Kind: Sized {
    /// The node's shape.
    fn shape(&self) -> Shape<'_, Self>;
}

/// A condition of any of the three kinds, owned.
pub(crate) enum Owned {
    Whole(Condition),
    Person(PersonCondition),
    Event(EventCondition),
}

/// A condition of any of the three kinds, borrowed.
#[derive(Clone, Copy)]
pub(crate) enum Ref<'a> {
    Whole(&'a Condition),
    Person(&'a PersonCondition),
    Event(&'a EventCondition),
}

/// A leaf of each kind, left behind where a child was taken out.
pub(crate) const WHOLE_LEAF: Condition = Condition::LivesAlone(false);
pub(crate) const PERSON_LEAF: PersonCondition = PersonCondition::Deceased(false);
pub(crate) const EVENT_LEAF: EventCondition = EventCondition::Death(false);

/// The place of `key` in `keys` (its variant's serde index).
pub(crate) const fn position(keys: &[&str], key: &str) -> u32 {
    let mut rest = keys;
    let mut index = 0;
    while let Some((first, tail)) = rest.split_first() {
        if same(first.as_bytes(), key.as_bytes()) {
            return index;
        }
        rest = tail;
        index += 1;
    }
    index
}

/// Whether no two of `keys` are the same (in a constant).
pub(crate) const fn distinct(keys: &[&str]) -> bool {
    let mut rest = keys;
    while let Some((first, tail)) = rest.split_first() {
        let mut others = tail;
        while let Some((other, more)) = others.split_first() {
            if same(first.as_bytes(), other.as_bytes()) {
                return false;
            }
            others = more;
        }
        rest = tail;
    }
    true
}

/// Whether `a` and `b` are the same bytes (in a constant).
const fn same(mut a: &[u8], mut b: &[u8]) -> bool {
    while let (Some((x, a_tail)), Some((y, b_tail))) = (a.split_first(), b.split_first()) {
        if *x != *y {
            return false;
        }
        a = a_tail;
        b = b_tail;
    }
    a.is_empty() && b.is_empty()
}

/// A node serialized `depth` levels below the top.
pub(crate) struct DeepOne<'a, K>(pub(crate) &'a K, pub(crate) usize);

/// The parts of a group, serialized `depth` levels below the top.
pub(crate) struct DeepMany<'a, K>(pub(crate) &'a [K], pub(crate) usize);

/// Serializing a node whose parts know their depth.
pub(crate) trait SerializeAt {
    fn serialize_at<S: Serializer>(&self, s: S, depth: usize) -> Result<S::Ok, S::Error>;
}

impl<K: SerializeAt> Serialize for DeepOne<'_, K> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.1 > MAX_SERIALIZED_DEPTH {
            return Err(S::Error::custom(format_args!(
                "a condition nested at most {MAX_SERIALIZED_DEPTH} deep; this one is deeper"
            )));
        }
        self.0.serialize_at(s, self.1)
    }
}

impl<K: SerializeAt> Serialize for DeepMany<'_, K> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|k| DeepOne(k, self.1)))
    }
}

/// Declares a kind of condition by its variants, in declaration order (a
/// variant's place there is serde's variant index): every kind has `All`,
/// `Any` and `Not` first; then its parts of another kind (`Variant(ChildKind
/// as WRAP, placeholder) = "json_key"`); then its leaves (`Variant =
/// "json_key"`). Generates the tree operations and the trait impls. Invoked
/// by [`fact_table!`](super::fact_table::fact_table), which declares the
/// kind's enum in that order.
macro_rules! condition_kind {
    (
        $kind:ident as $wrap:ident, placeholder $leaf:expr;
        parts: [$($q:ident($qty:ident as $qwrap:ident, $qleaf:expr) = $qk:literal),* $(,)?];
        leaves: [$($l:ident = $lk:literal),* $(,)?]
    ) => {
        const _: () = {
        use std::fmt;
        use std::hash::{Hash, Hasher};

        use serde::{Serialize, Serializer};

        use $crate::engine::condition_tree::{
            DeepMany, DeepOne, Kind, Owned, Ref, SerializeAt, Shape, Shown, clone_tree, distinct,
            drop_children, position, shown_list, tree_eq, tree_hash,
        };

        /// The JSON keys of the variants, in declaration order.
        const KEYS: &[&str] = &["all", "any", "not", $($qk,)* $($lk,)*];
        assert!(distinct(KEYS), "a condition's JSON keys are distinct");

        impl Kind for $kind {
            fn shape(&self) -> Shape<'_, Self> {
                match self {
                    $kind::All(v) => Shape::All(v),
                    $kind::Any(v) => Shape::Any(v),
                    $kind::Not(b) => Shape::Not(b),
                    $( $kind::$q(_) => Shape::Fact, )*
                    $( $kind::$l(_) => Shape::Fact, )*
                }
            }
        }

        impl $kind {
            /// The node's children, in order.
            pub(crate) fn push_children<'a>(&'a self, out: &mut Vec<Ref<'a>>) {
                match self {
                    $kind::All(v) | $kind::Any(v) => out.extend(v.iter().map(Ref::$wrap)),
                    $kind::Not(b) => out.push(Ref::$wrap(b)),
                    $( $kind::$q(b) => out.push(Ref::$qwrap(b)), )*
                    $( $kind::$l(_) => {} )*
                }
            }

            /// Takes the node's children out, leaving it shallow, and
            /// pushes them.
            pub(crate) fn take_children(&mut self, into: &mut Vec<Owned>) {
                match self {
                    $kind::All(v) | $kind::Any(v) => {
                        into.extend(std::mem::take(v).into_iter().map(Owned::$wrap));
                    }
                    $kind::Not(b) => into.push(Owned::$wrap(std::mem::replace(&mut **b, $leaf))),
                    $( $kind::$q(b) => {
                        into.push(Owned::$qwrap(std::mem::replace(&mut **b, $qleaf)));
                    } )*
                    $( $kind::$l(_) => {} )*
                }
            }

            /// Whether the node has no children.
            pub(crate) fn is_leaf(&self) -> bool {
                match self {
                    $kind::All(v) | $kind::Any(v) => v.is_empty(),
                    $kind::Not(_) => false,
                    $( $kind::$q(_) => false, )*
                    $( $kind::$l(_) => true, )*
                }
            }

            /// Whether some child has children of its own: only then can
            /// dropping the node recurse more than two levels.
            pub(crate) fn has_deep_child(&self) -> bool {
                match self {
                    $kind::All(v) | $kind::Any(v) => v.iter().any(|k| !k.is_leaf()),
                    $kind::Not(b) => !b.is_leaf(),
                    $( $kind::$q(b) => !b.is_leaf(), )*
                    $( $kind::$l(_) => false, )*
                }
            }

            /// The node itself, with `kids` (already copied, in order) as
            /// its children.
            pub(crate) fn rebuild(&self, kids: Vec<Owned>) -> Self {
                let mut first = kids.into_iter();
                match self {
                    $kind::All(_) => $kind::All(first.map(Self::from_owned).collect()),
                    $kind::Any(_) => $kind::Any(first.map(Self::from_owned).collect()),
                    $kind::Not(_) => {
                        $kind::Not(Box::new(first.next().map_or($leaf, Self::from_owned)))
                    }
                    $( $kind::$q(_) => {
                        $kind::$q(Box::new(first.next().map_or($qleaf, $qty::from_owned)))
                    } )*
                    $( $kind::$l(x) => $kind::$l(x.clone()), )*
                }
            }

            /// The condition of this kind in `o`, or the placeholder.
            pub(crate) fn from_owned(o: Owned) -> Self {
                if let Owned::$wrap(c) = o { c } else { $leaf }
            }

            /// The same variant with the same facts (children aside; a
            /// group's parts are counted).
            pub(crate) fn shallow_eq(&self, other: &Self) -> bool {
                match self {
                    $kind::All(a) => matches!(other, $kind::All(b) if a.len() == b.len()),
                    $kind::Any(a) => matches!(other, $kind::Any(b) if a.len() == b.len()),
                    $kind::Not(_) => matches!(other, $kind::Not(_)),
                    $( $kind::$q(_) => matches!(other, $kind::$q(_)), )*
                    $( $kind::$l(a) => matches!(other, $kind::$l(b) if a == b), )*
                }
            }

            /// Hashes the variant and its facts (children aside; a group's
            /// parts are counted).
            pub(crate) fn shallow_hash<H: Hasher>(&self, h: &mut H) {
                std::mem::discriminant(self).hash(h);
                match self {
                    $kind::All(v) | $kind::Any(v) => v.len().hash(h),
                    $kind::Not(_) => {}
                    $( $kind::$q(_) => {} )*
                    $( $kind::$l(x) => x.hash(h), )*
                }
            }

            /// `Debug` of the node, its children shown one level deeper.
            pub(crate) fn fmt_node(&self, f: &mut fmt::Formatter<'_>, depth: usize) -> fmt::Result {
                match self {
                    $kind::All(v) => f.debug_tuple("All").field(&shown_list(v, Ref::$wrap, depth)).finish(),
                    $kind::Any(v) => f.debug_tuple("Any").field(&shown_list(v, Ref::$wrap, depth)).finish(),
                    $kind::Not(b) => f.debug_tuple("Not").field(&Shown(Ref::$wrap(b), depth + 1)).finish(),
                    $( $kind::$q(b) => {
                        f.debug_tuple(stringify!($q)).field(&Shown(Ref::$qwrap(b), depth + 1)).finish()
                    } )*
                    $( $kind::$l(x) => f.debug_tuple(stringify!($l)).field(x).finish(), )*
                }
            }
        }

        impl SerializeAt for $kind {
            fn serialize_at<S: Serializer>(&self, s: S, depth: usize) -> Result<S::Ok, S::Error> {
                let d = depth + 1;
                match self {
                    $kind::All(v) => s.serialize_newtype_variant(stringify!($kind), 0, "all", &DeepMany(v, d)),
                    $kind::Any(v) => s.serialize_newtype_variant(stringify!($kind), 1, "any", &DeepMany(v, d)),
                    $kind::Not(b) => s.serialize_newtype_variant(stringify!($kind), 2, "not", &DeepOne(&**b, d)),
                    $( $kind::$q(b) => s.serialize_newtype_variant(stringify!($kind), const { position(KEYS, $qk) }, $qk, &DeepOne(&**b, d)), )*
                    $( $kind::$l(x) => s.serialize_newtype_variant(stringify!($kind), const { position(KEYS, $lk) }, $lk, x), )*
                }
            }
        }

        impl Serialize for $kind {
            /// As serde derives it (`{"all": [..]}`, `{"significant": true}`),
            /// refusing a condition nested deeper than 128 levels with the
            /// serializer's error.
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                self.serialize_at(s, 1)
            }
        }

        impl Drop for $kind {
            fn drop(&mut self) {
                if self.has_deep_child() {
                    drop_children(Owned::$wrap(std::mem::replace(self, $leaf)));
                }
            }
        }

        impl Clone for $kind {
            fn clone(&self) -> Self {
                Self::from_owned(clone_tree(Ref::$wrap(self)))
            }
        }

        impl fmt::Debug for $kind {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                Shown(Ref::$wrap(self), 0).fmt(f)
            }
        }

        impl PartialEq for $kind {
            fn eq(&self, other: &Self) -> bool {
                tree_eq(Ref::$wrap(self), Ref::$wrap(other))
            }
        }

        impl Eq for $kind {}

        impl Hash for $kind {
            fn hash<H: Hasher>(&self, state: &mut H) {
                tree_hash(Ref::$wrap(self), state);
            }
        }
        };
    };
}

pub(crate) use condition_kind;

impl<'a> Ref<'a> {
    fn push_children(self, out: &mut Vec<Ref<'a>>) {
        match self {
            Ref::Whole(c) => c.push_children(out),
            Ref::Person(p) => p.push_children(out),
            Ref::Event(e) => e.push_children(out),
        }
    }

    fn rebuild(self, kids: Vec<Owned>) -> Owned {
        match self {
            Ref::Whole(c) => Owned::Whole(c.rebuild(kids)),
            Ref::Person(p) => Owned::Person(p.rebuild(kids)),
            Ref::Event(e) => Owned::Event(e.rebuild(kids)),
        }
    }

    /// Same kind, same variant, same facts (children aside).
    fn shallow_eq(self, other: Ref<'_>) -> bool {
        match (self, other) {
            (Ref::Whole(a), Ref::Whole(b)) => a.shallow_eq(b),
            (Ref::Person(a), Ref::Person(b)) => a.shallow_eq(b),
            (Ref::Event(a), Ref::Event(b)) => a.shallow_eq(b),
            (Ref::Whole(_) | Ref::Person(_) | Ref::Event(_), _) => false,
        }
    }

    fn shallow_hash<H: Hasher>(self, h: &mut H) {
        match self {
            Ref::Whole(c) => c.shallow_hash(h),
            Ref::Person(p) => p.shallow_hash(h),
            Ref::Event(e) => e.shallow_hash(h),
        }
    }
}

/// Finding a compiled node's condition again, to describe it when its words
/// are first asked for: the compiler keeps, for each node, the steps from its
/// rule's `when` (compile.rs, `Origin`), each the index of a child as
/// [`Ref::child`] counts them.
impl<'a> Ref<'a> {
    /// A rule's condition.
    pub(crate) fn rule(when: &'a Condition) -> Ref<'a> {
        Ref::Whole(when)
    }

    /// The `k`th child, in the order of `push_children`: a group's parts,
    /// the condition under `not`, or the part under a quantifier (`k` 0).
    pub(crate) fn child(self, k: u32) -> Option<Ref<'a>> {
        let k = usize::try_from(k).ok()?;
        let group = match self {
            Ref::Whole(c) => match c.shape() {
                Shape::All(v) | Shape::Any(v) => Some(v.get(k).map(Ref::Whole)),
                Shape::Not(b) => Some((k == 0).then_some(Ref::Whole(b))),
                Shape::Fact => None,
            },
            Ref::Person(c) => match c.shape() {
                Shape::All(v) | Shape::Any(v) => Some(v.get(k).map(Ref::Person)),
                Shape::Not(b) => Some((k == 0).then_some(Ref::Person(b))),
                Shape::Fact => None,
            },
            Ref::Event(c) => match c.shape() {
                Shape::All(v) | Shape::Any(v) => Some(v.get(k).map(Ref::Event)),
                Shape::Not(b) => Some((k == 0).then_some(Ref::Event(b))),
                Shape::Fact => None,
            },
        };
        match group {
            Some(child) => child,
            // A fact: a quantifier's part, or nothing below a leaf.
            None => {
                let mut kids = Vec::new();
                self.push_children(&mut kids);
                kids.get(k).copied()
            }
        }
    }

    /// Whether two conditions are the same fact with the same values (their
    /// children aside): for leaves, the same condition.
    pub(crate) fn same_fact(self, other: Ref<'_>) -> bool {
        self.shallow_eq(other)
    }

    /// The condition in words, as `describe` writes it, `depth` levels deep.
    pub(crate) fn words(
        self,
        windows: &std::collections::BTreeMap<String, super::ruleset::Window>,
        depth: u32,
    ) -> String {
        use super::explain::text;
        match self {
            Ref::Whole(c) => text(c, windows, false, depth),
            Ref::Person(c) => text(c, windows, false, depth),
            Ref::Event(c) => text(c, windows, false, depth),
        }
    }
}

impl Owned {
    fn take_children(&mut self, into: &mut Vec<Owned>) {
        match self {
            Owned::Whole(c) => c.take_children(into),
            Owned::Person(p) => p.take_children(into),
            Owned::Event(e) => e.take_children(into),
        }
    }
}

/// Drops the children of a node one level at a time: each node is made
/// shallow (its children taken out and pushed) before it is dropped, so no
/// drop recurses more than two levels.
pub(crate) fn drop_children(mut root: Owned) {
    let mut stack = Vec::new();
    root.take_children(&mut stack);
    while let Some(mut node) = stack.pop() {
        node.take_children(&mut stack);
        // `node` is shallow now: dropping it recurses no further.
    }
}

/// A deep copy of the tree under `root`, made with a stack on the heap:
/// children are copied before their parent (post-order).
pub(crate) fn clone_tree(root: Ref<'_>) -> Owned {
    let mut work: Vec<(Ref<'_>, bool)> = vec![(root, false)];
    let mut done: Vec<Owned> = Vec::new();
    let mut kids = Vec::new();
    while let Some((node, expanded)) = work.pop() {
        kids.clear();
        node.push_children(&mut kids);
        if expanded || kids.is_empty() {
            let copied = done.split_off(done.len().saturating_sub(kids.len()));
            done.push(node.rebuild(copied));
        } else {
            work.push((node, true));
            work.extend(kids.drain(..).rev().map(|k| (k, false)));
        }
    }
    done.pop().unwrap_or(Owned::Whole(WHOLE_LEAF))
}

/// Whether two trees are equal, compared node by node with a stack on the
/// heap.
pub(crate) fn tree_eq<'a>(a: Ref<'a>, b: Ref<'a>) -> bool {
    let mut stack = vec![(a, b)];
    let (mut left, mut right) = (Vec::new(), Vec::new());
    while let Some((a, b)) = stack.pop() {
        if !a.shallow_eq(b) {
            return false;
        }
        left.clear();
        right.clear();
        a.push_children(&mut left);
        b.push_children(&mut right);
        if left.len() != right.len() {
            return false;
        }
        stack.extend(left.drain(..).zip(right.drain(..)));
    }
    true
}

/// Hashes a tree node by node, in pre-order, with a stack on the heap:
/// equal trees hash the same sequence.
pub(crate) fn tree_hash<H: Hasher>(root: Ref<'_>, h: &mut H) {
    let mut stack = vec![root];
    let mut kids = Vec::new();
    while let Some(node) = stack.pop() {
        node.shallow_hash(h);
        kids.clear();
        node.push_children(&mut kids);
        stack.extend(kids.drain(..).rev());
    }
}

/// A node shown by `Debug` at `depth` levels below the top.
pub(crate) struct Shown<'a>(pub(crate) Ref<'a>, pub(crate) usize);

/// The parts of a group, shown one level deeper.
pub(crate) fn shown_list<'a, K>(
    parts: &'a [K],
    wrap: fn(&'a K) -> Ref<'a>,
    depth: usize,
) -> Vec<Shown<'a>> {
    parts.iter().map(|k| Shown(wrap(k), depth + 1)).collect()
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Shown(node, depth) = *self;
        if depth >= DEBUG_DEPTH {
            return f.write_str("..");
        }
        match node {
            Ref::Whole(c) => c.fmt_node(f, depth),
            Ref::Person(p) => p.fmt_node(f, depth),
            Ref::Event(e) => e.fmt_node(f, depth),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deep_not(depth: usize) -> Condition {
        let mut c = Condition::LivesAlone(true);
        for _ in 0..depth {
            c = Condition::Not(Box::new(c));
        }
        c
    }

    fn deep_mixed(depth: usize) -> Condition {
        let mut p = PersonCondition::Deceased(true);
        for i in 0..depth {
            p = if i % 2 == 0 {
                PersonCondition::Not(Box::new(p))
            } else {
                PersonCondition::All(vec![p, PersonCondition::Significant(true)])
            };
        }
        let mut e = EventCondition::Person(Box::new(p));
        for _ in 0..depth {
            e = EventCondition::Any(vec![EventCondition::Death(false), e]);
        }
        let mut c = Condition::SomeEvent(Box::new(e));
        for _ in 0..depth {
            c = Condition::All(vec![c]);
        }
        c
    }

    /// Runs `f` on a thread with a small stack, so that recursion per level
    /// would overflow it.
    fn on_small_stack(f: impl FnOnce() + Send + 'static) {
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(f)
            .unwrap()
            .join()
            .unwrap();
    }

    #[test]
    fn a_million_levels_drop_clone_and_debug_on_a_small_stack() {
        on_small_stack(|| {
            let c = deep_not(1_000_000);
            let copy = c.clone();
            let shown = format!("{copy:?}");
            assert!(shown.starts_with("Not(Not("), "{}", &shown[..40]);
            assert!(shown.contains(".."));
            assert!(shown.len() < 1000);
            drop(c);
            drop(copy);
        });
        on_small_stack(|| {
            let c = deep_mixed(100_000);
            let copy = c.clone();
            let _ = format!("{copy:#?}");
            drop(c);
            drop(copy);
        });
    }

    fn hash_of<T: std::hash::Hash>(t: &T) -> u64 {
        use std::collections::hash_map::DefaultHasher;
        let mut h = DefaultHasher::new();
        t.hash(&mut h);
        h.finish()
    }

    #[test]
    fn a_million_levels_compare_hash_and_serialize_on_a_small_stack() {
        on_small_stack(|| {
            let c = deep_not(1_000_000);
            let copy = c.clone();
            assert!(c == copy);
            assert_eq!(hash_of(&c), hash_of(&copy));
            let other = Condition::Not(Box::new(deep_not(999_999)));
            assert!(c == other);
            let different = Condition::Not(Box::new(deep_not(999_998)));
            assert!(c != different);
            // Serializing refuses the depth with the serializer's error.
            let err = serde_json::to_string(&c).unwrap_err();
            assert!(err.to_string().contains("nested at most"), "{err}");
        });
        on_small_stack(|| {
            let c = deep_mixed(50_000);
            let copy = c.clone();
            assert!(c == copy);
            assert_eq!(hash_of(&c), hash_of(&copy));
            assert!(c != deep_mixed(49_999));
            assert!(serde_json::to_vec(&c).is_err());
        });
    }

    #[test]
    fn serialization_stops_at_its_depth_and_not_before() {
        let at_limit = deep_not(MAX_SERIALIZED_DEPTH - 1);
        let json = serde_json::to_string(&at_limit).unwrap();
        assert_eq!(json.matches("not").count(), MAX_SERIALIZED_DEPTH - 1);
        assert!(serde_json::to_string(&deep_not(MAX_SERIALIZED_DEPTH)).is_err());
    }

    #[test]
    fn every_variant_serializes_as_serde_derives_it() {
        use crate::inventory::{
            Closeness, ConflictCourse, ConflictLevel, ConflictVisibility, EventKind,
            ExpectationsMet, GriefSign, OnsetLink, PriorFunctioning, RelationshipChange,
            RelationshipKind, RelativeToOnset,
        };
        let person = PersonCondition::All(vec![
            PersonCondition::Any(vec![PersonCondition::Not(Box::new(
                PersonCondition::RelationshipIn(vec![RelationshipKind::Spouse]),
            ))]),
            PersonCondition::ClosenessIn(vec![Closeness::Inner]),
            PersonCondition::Deceased(true),
            PersonCondition::Estranged(false),
            PersonCondition::Significant(true),
            PersonCondition::ConflictLevelAtLeast(ConflictLevel::Moderate),
            PersonCondition::ConflictVisibilityIn(vec![ConflictVisibility::Overt]),
            PersonCondition::ConflictCourseIn(vec![ConflictCourse::Stalled]),
            PersonCondition::ConflictBeganIn(vec![RelativeToOnset::AfterOnset]),
            PersonCondition::ExpectationsMetIn(vec![ExpectationsMet::Unmet]),
            PersonCondition::ChangeAroundOnsetIn(vec![RelationshipChange::Worse]),
            PersonCondition::Confidant(true),
            PersonCondition::Supportive(false),
            PersonCondition::DiedWithin("onset".into()),
            PersonCondition::OnsetLinkIn(vec![OnsetLink::Linked]),
        ]);
        let event = EventCondition::All(vec![
            EventCondition::Any(vec![EventCondition::Not(Box::new(EventCondition::KindIn(
                vec![EventKind::Divorce],
            )))]),
            EventCondition::Death(true),
            EventCondition::NonDeathLoss(false),
            EventCondition::RoleChange(true),
            EventCondition::Within("onset".into()),
            EventCondition::Linked("onset".into()),
            EventCondition::LinkedToOnset(true),
            EventCondition::HasGriefSignIn(vec![GriefSign::AvoidedMourning]),
            EventCondition::OnsetLinkIn(vec![OnsetLink::NotLinked]),
            EventCondition::Person(Box::new(person.clone())),
        ]);
        let c = Condition::All(vec![
            Condition::Any(vec![Condition::Not(Box::new(Condition::OnsetKnown(true)))]),
            Condition::SomePerson(Box::new(person)),
            Condition::SomeEvent(Box::new(event)),
            Condition::PriorFunctioningIn(vec![PriorFunctioning::LifelongFewRelationships]),
            Condition::LivesAlone(true),
            Condition::ConfidantsAtMost(1),
        ]);
        let json = serde_json::to_value(&c).unwrap();
        let back: Condition = serde_json::from_value(json.clone()).unwrap();
        assert!(back == c);
        assert_eq!(hash_of(&back), hash_of(&c));
        assert_eq!(
            json["all"][2]["some_event"]["all"][9]["person"]["all"][14],
            serde_json::json!({"onset_link_in": ["linked"]})
        );
        assert_eq!(
            serde_json::to_string(&Condition::Not(Box::new(Condition::LivesAlone(false)))).unwrap(),
            r#"{"not":{"lives_alone":false}}"#
        );
    }

    #[test]
    fn clone_and_debug_keep_shallow_trees_as_they_are() {
        let c = deep_mixed(3);
        let copy = c.clone();
        // Compare through JSON: equality of the copy, field by field.
        assert_eq!(
            serde_json::to_string(&copy).unwrap(),
            serde_json::to_string(&c).unwrap()
        );
        assert_eq!(copy, c);
        assert_eq!(
            format!("{:?}", Condition::All(vec![Condition::LivesAlone(true)])),
            "All([LivesAlone(true)])"
        );
        assert_eq!(
            format!(
                "{:?}",
                Condition::SomePerson(Box::new(PersonCondition::DiedWithin("w".into())))
            ),
            "SomePerson(DiedWithin(\"w\"))"
        );
    }
}
