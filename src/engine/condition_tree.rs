//! Deep condition trees without deep recursion.
//!
//! A [`Condition`] built in code can nest as deep as memory allows (a chain
//! of a million `not`s). A derived `Drop`, `Clone` or `Debug` would recurse
//! once per level and overflow the stack long before that. Here dropping and
//! cloning walk the tree with a stack on the heap, and `Debug` shows the
//! first [`DEBUG_DEPTH`] levels and writes `..` below them. A rule set read
//! from JSON is shallow anyway: reading refuses nesting deeper than
//! [`MAX_JSON_DEPTH`](crate::error::MAX_JSON_DEPTH), and compiling refuses
//! conditions deeper than the rule set's `max_depth`.

use std::fmt;

use super::condition::{Condition, EventCondition, PersonCondition};

/// How many levels of a condition tree `Debug` shows before writing `..`.
pub(crate) const DEBUG_DEPTH: usize = 16;

/// A condition of any of the three kinds, owned.
enum Owned {
    Whole(Condition),
    Person(PersonCondition),
    Event(EventCondition),
}

/// A condition of any of the three kinds, borrowed.
#[derive(Clone, Copy)]
enum Ref<'a> {
    Whole(&'a Condition),
    Person(&'a PersonCondition),
    Event(&'a EventCondition),
}

/// A leaf of each kind, left behind where a child was taken out.
const WHOLE_LEAF: Condition = Condition::LivesAlone(false);
const PERSON_LEAF: PersonCondition = PersonCondition::Deceased(false);
const EVENT_LEAF: EventCondition = EventCondition::Death(false);

impl Owned {
    /// Takes the node's children out, leaving it shallow, and pushes them.
    fn take_children(&mut self, into: &mut Vec<Owned>) {
        match self {
            Owned::Whole(c) => match c {
                Condition::All(v) | Condition::Any(v) => {
                    into.extend(std::mem::take(v).into_iter().map(Owned::Whole));
                }
                Condition::Not(b) => {
                    into.push(Owned::Whole(std::mem::replace(&mut **b, WHOLE_LEAF)))
                }
                Condition::SomePerson(b) => {
                    into.push(Owned::Person(std::mem::replace(&mut **b, PERSON_LEAF)));
                }
                Condition::SomeEvent(b) => {
                    into.push(Owned::Event(std::mem::replace(&mut **b, EVENT_LEAF)));
                }
                _ => {}
            },
            Owned::Person(p) => match p {
                PersonCondition::All(v) | PersonCondition::Any(v) => {
                    into.extend(std::mem::take(v).into_iter().map(Owned::Person));
                }
                PersonCondition::Not(b) => {
                    into.push(Owned::Person(std::mem::replace(&mut **b, PERSON_LEAF)));
                }
                _ => {}
            },
            Owned::Event(e) => match e {
                EventCondition::All(v) | EventCondition::Any(v) => {
                    into.extend(std::mem::take(v).into_iter().map(Owned::Event));
                }
                EventCondition::Not(b) => {
                    into.push(Owned::Event(std::mem::replace(&mut **b, EVENT_LEAF)));
                }
                EventCondition::Person(b) => {
                    into.push(Owned::Person(std::mem::replace(&mut **b, PERSON_LEAF)));
                }
                _ => {}
            },
        }
    }
}

/// Whether some child of the node has children of its own: only then can
/// dropping the node recurse more than two levels.
fn has_deep_child(node: Ref<'_>) -> bool {
    let inner = |c: Ref<'_>| !is_leaf(c);
    match node {
        Ref::Whole(c) => match c {
            Condition::All(v) | Condition::Any(v) => v.iter().any(|k| inner(Ref::Whole(k))),
            Condition::Not(b) => inner(Ref::Whole(b)),
            Condition::SomePerson(b) => inner(Ref::Person(b)),
            Condition::SomeEvent(b) => inner(Ref::Event(b)),
            _ => false,
        },
        Ref::Person(p) => match p {
            PersonCondition::All(v) | PersonCondition::Any(v) => {
                v.iter().any(|k| inner(Ref::Person(k)))
            }
            PersonCondition::Not(b) => inner(Ref::Person(b)),
            _ => false,
        },
        Ref::Event(e) => match e {
            EventCondition::All(v) | EventCondition::Any(v) => {
                v.iter().any(|k| inner(Ref::Event(k)))
            }
            EventCondition::Not(b) => inner(Ref::Event(b)),
            EventCondition::Person(b) => inner(Ref::Person(b)),
            _ => false,
        },
    }
}

/// Whether the node has no children.
fn is_leaf(node: Ref<'_>) -> bool {
    match node {
        Ref::Whole(c) => match c {
            Condition::All(v) | Condition::Any(v) => v.is_empty(),
            Condition::Not(_) | Condition::SomePerson(_) | Condition::SomeEvent(_) => false,
            _ => true,
        },
        Ref::Person(p) => match p {
            PersonCondition::All(v) | PersonCondition::Any(v) => v.is_empty(),
            PersonCondition::Not(_) => false,
            _ => true,
        },
        Ref::Event(e) => match e {
            EventCondition::All(v) | EventCondition::Any(v) => v.is_empty(),
            EventCondition::Not(_) | EventCondition::Person(_) => false,
            _ => true,
        },
    }
}

/// The node's children, in order.
fn children(node: Ref<'_>) -> Vec<Ref<'_>> {
    match node {
        Ref::Whole(c) => match c {
            Condition::All(v) | Condition::Any(v) => v.iter().map(Ref::Whole).collect(),
            Condition::Not(b) => vec![Ref::Whole(b)],
            Condition::SomePerson(b) => vec![Ref::Person(b)],
            Condition::SomeEvent(b) => vec![Ref::Event(b)],
            _ => Vec::new(),
        },
        Ref::Person(p) => match p {
            PersonCondition::All(v) | PersonCondition::Any(v) => {
                v.iter().map(Ref::Person).collect()
            }
            PersonCondition::Not(b) => vec![Ref::Person(b)],
            _ => Vec::new(),
        },
        Ref::Event(e) => match e {
            EventCondition::All(v) | EventCondition::Any(v) => v.iter().map(Ref::Event).collect(),
            EventCondition::Not(b) => vec![Ref::Event(b)],
            EventCondition::Person(b) => vec![Ref::Person(b)],
            _ => Vec::new(),
        },
    }
}

/// Drops the children of a node one level at a time: each node is made
/// shallow (its children taken out and pushed) before it is dropped, so no
/// drop recurses more than two levels.
fn drop_children(mut root: Owned) {
    let mut stack = Vec::new();
    root.take_children(&mut stack);
    while let Some(mut node) = stack.pop() {
        node.take_children(&mut stack);
        // `node` is shallow now: dropping it recurses no further.
    }
}

impl Drop for Condition {
    fn drop(&mut self) {
        if has_deep_child(Ref::Whole(self)) {
            drop_children(Owned::Whole(std::mem::replace(self, WHOLE_LEAF)));
        }
    }
}

impl Drop for PersonCondition {
    fn drop(&mut self) {
        if has_deep_child(Ref::Person(self)) {
            drop_children(Owned::Person(std::mem::replace(self, PERSON_LEAF)));
        }
    }
}

impl Drop for EventCondition {
    fn drop(&mut self) {
        if has_deep_child(Ref::Event(self)) {
            drop_children(Owned::Event(std::mem::replace(self, EVENT_LEAF)));
        }
    }
}

/// A copy of `node` whose children are `kids` (in order), or of a leaf.
fn rebuild(node: Ref<'_>, kids: Vec<Owned>) -> Owned {
    fn whole(o: Owned) -> Condition {
        match o {
            Owned::Whole(c) => c,
            _ => WHOLE_LEAF,
        }
    }
    fn person(o: Owned) -> PersonCondition {
        match o {
            Owned::Person(p) => p,
            _ => PERSON_LEAF,
        }
    }
    fn event(o: Owned) -> EventCondition {
        match o {
            Owned::Event(e) => e,
            _ => EVENT_LEAF,
        }
    }
    let first = |kids: Vec<Owned>| kids.into_iter().next();
    match node {
        Ref::Whole(c) => Owned::Whole(match c {
            Condition::All(_) => Condition::All(kids.into_iter().map(whole).collect()),
            Condition::Any(_) => Condition::Any(kids.into_iter().map(whole).collect()),
            Condition::Not(_) => Condition::Not(Box::new(first(kids).map_or(WHOLE_LEAF, whole))),
            Condition::SomePerson(_) => {
                Condition::SomePerson(Box::new(first(kids).map_or(PERSON_LEAF, person)))
            }
            Condition::SomeEvent(_) => {
                Condition::SomeEvent(Box::new(first(kids).map_or(EVENT_LEAF, event)))
            }
            Condition::PriorFunctioningIn(v) => Condition::PriorFunctioningIn(v.clone()),
            Condition::LivesAlone(b) => Condition::LivesAlone(*b),
            Condition::ConfidantsAtMost(n) => Condition::ConfidantsAtMost(*n),
            Condition::OnsetKnown(b) => Condition::OnsetKnown(*b),
        }),
        Ref::Person(p) => Owned::Person(match p {
            PersonCondition::All(_) => PersonCondition::All(kids.into_iter().map(person).collect()),
            PersonCondition::Any(_) => PersonCondition::Any(kids.into_iter().map(person).collect()),
            PersonCondition::Not(_) => {
                PersonCondition::Not(Box::new(first(kids).map_or(PERSON_LEAF, person)))
            }
            PersonCondition::RelationshipIn(v) => PersonCondition::RelationshipIn(v.clone()),
            PersonCondition::ClosenessIn(v) => PersonCondition::ClosenessIn(v.clone()),
            PersonCondition::Deceased(b) => PersonCondition::Deceased(*b),
            PersonCondition::Estranged(b) => PersonCondition::Estranged(*b),
            PersonCondition::Significant(b) => PersonCondition::Significant(*b),
            PersonCondition::ConflictLevelAtLeast(l) => PersonCondition::ConflictLevelAtLeast(*l),
            PersonCondition::ConflictVisibilityIn(v) => {
                PersonCondition::ConflictVisibilityIn(v.clone())
            }
            PersonCondition::ConflictCourseIn(v) => PersonCondition::ConflictCourseIn(v.clone()),
            PersonCondition::ConflictBeganIn(v) => PersonCondition::ConflictBeganIn(v.clone()),
            PersonCondition::ExpectationsMetIn(v) => PersonCondition::ExpectationsMetIn(v.clone()),
            PersonCondition::ChangeAroundOnsetIn(v) => {
                PersonCondition::ChangeAroundOnsetIn(v.clone())
            }
            PersonCondition::Confidant(b) => PersonCondition::Confidant(*b),
            PersonCondition::Supportive(b) => PersonCondition::Supportive(*b),
            PersonCondition::DiedWithin(w) => PersonCondition::DiedWithin(w.clone()),
            PersonCondition::OnsetLinkIn(v) => PersonCondition::OnsetLinkIn(v.clone()),
        }),
        Ref::Event(e) => Owned::Event(match e {
            EventCondition::All(_) => EventCondition::All(kids.into_iter().map(event).collect()),
            EventCondition::Any(_) => EventCondition::Any(kids.into_iter().map(event).collect()),
            EventCondition::Not(_) => {
                EventCondition::Not(Box::new(first(kids).map_or(EVENT_LEAF, event)))
            }
            EventCondition::Person(_) => {
                EventCondition::Person(Box::new(first(kids).map_or(PERSON_LEAF, person)))
            }
            EventCondition::KindIn(v) => EventCondition::KindIn(v.clone()),
            EventCondition::Death(b) => EventCondition::Death(*b),
            EventCondition::NonDeathLoss(b) => EventCondition::NonDeathLoss(*b),
            EventCondition::RoleChange(b) => EventCondition::RoleChange(*b),
            EventCondition::Within(w) => EventCondition::Within(w.clone()),
            EventCondition::Linked(w) => EventCondition::Linked(w.clone()),
            EventCondition::LinkedToOnset(b) => EventCondition::LinkedToOnset(*b),
            EventCondition::HasGriefSignIn(v) => EventCondition::HasGriefSignIn(v.clone()),
            EventCondition::OnsetLinkIn(v) => EventCondition::OnsetLinkIn(v.clone()),
        }),
    }
}

/// A deep copy of the tree under `root`, made with a stack on the heap:
/// children are copied before their parent (post-order).
fn clone_tree(root: Ref<'_>) -> Owned {
    let mut work: Vec<(Ref<'_>, bool)> = vec![(root, false)];
    let mut done: Vec<Owned> = Vec::new();
    while let Some((node, expanded)) = work.pop() {
        let kids = children(node);
        if expanded || kids.is_empty() {
            let kids = done.split_off(done.len().saturating_sub(kids.len()));
            done.push(rebuild(node, kids));
        } else {
            work.push((node, true));
            work.extend(kids.into_iter().rev().map(|k| (k, false)));
        }
    }
    done.pop().unwrap_or(Owned::Whole(WHOLE_LEAF))
}

impl Clone for Condition {
    fn clone(&self) -> Self {
        match clone_tree(Ref::Whole(self)) {
            Owned::Whole(c) => c,
            _ => WHOLE_LEAF,
        }
    }
}

impl Clone for PersonCondition {
    fn clone(&self) -> Self {
        match clone_tree(Ref::Person(self)) {
            Owned::Person(p) => p,
            _ => PERSON_LEAF,
        }
    }
}

impl Clone for EventCondition {
    fn clone(&self) -> Self {
        match clone_tree(Ref::Event(self)) {
            Owned::Event(e) => e,
            _ => EVENT_LEAF,
        }
    }
}

/// A node shown by `Debug` at `depth` levels below the top.
struct Shown<'a>(Ref<'a>, usize);

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Shown(node, depth) = *self;
        if depth >= DEBUG_DEPTH {
            return f.write_str("..");
        }
        let list = |f: &mut fmt::Formatter<'_>, name: &str, kids: Vec<Ref<'_>>| {
            let shown: Vec<Shown<'_>> = kids.into_iter().map(|k| Shown(k, depth + 1)).collect();
            f.debug_tuple(name).field(&shown).finish()
        };
        let one = |f: &mut fmt::Formatter<'_>, name: &str, kids: Vec<Ref<'_>>| {
            let mut t = f.debug_tuple(name);
            for k in kids {
                t.field(&Shown(k, depth + 1));
            }
            t.finish()
        };
        match node {
            Ref::Whole(c) => match c {
                Condition::All(_) => list(f, "All", children(node)),
                Condition::Any(_) => list(f, "Any", children(node)),
                Condition::Not(_) => one(f, "Not", children(node)),
                Condition::SomePerson(_) => one(f, "SomePerson", children(node)),
                Condition::SomeEvent(_) => one(f, "SomeEvent", children(node)),
                Condition::PriorFunctioningIn(v) => {
                    f.debug_tuple("PriorFunctioningIn").field(v).finish()
                }
                Condition::LivesAlone(b) => f.debug_tuple("LivesAlone").field(b).finish(),
                Condition::ConfidantsAtMost(n) => {
                    f.debug_tuple("ConfidantsAtMost").field(n).finish()
                }
                Condition::OnsetKnown(b) => f.debug_tuple("OnsetKnown").field(b).finish(),
            },
            Ref::Person(p) => match p {
                PersonCondition::All(_) => list(f, "All", children(node)),
                PersonCondition::Any(_) => list(f, "Any", children(node)),
                PersonCondition::Not(_) => one(f, "Not", children(node)),
                leaf => leaf_person(leaf, f),
            },
            Ref::Event(e) => match e {
                EventCondition::All(_) => list(f, "All", children(node)),
                EventCondition::Any(_) => list(f, "Any", children(node)),
                EventCondition::Not(_) => one(f, "Not", children(node)),
                EventCondition::Person(_) => one(f, "Person", children(node)),
                leaf => leaf_event(leaf, f),
            },
        }
    }
}

fn leaf_person(p: &PersonCondition, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match p {
        PersonCondition::RelationshipIn(v) => f.debug_tuple("RelationshipIn").field(v).finish(),
        PersonCondition::ClosenessIn(v) => f.debug_tuple("ClosenessIn").field(v).finish(),
        PersonCondition::Deceased(b) => f.debug_tuple("Deceased").field(b).finish(),
        PersonCondition::Estranged(b) => f.debug_tuple("Estranged").field(b).finish(),
        PersonCondition::Significant(b) => f.debug_tuple("Significant").field(b).finish(),
        PersonCondition::ConflictLevelAtLeast(l) => {
            f.debug_tuple("ConflictLevelAtLeast").field(l).finish()
        }
        PersonCondition::ConflictVisibilityIn(v) => {
            f.debug_tuple("ConflictVisibilityIn").field(v).finish()
        }
        PersonCondition::ConflictCourseIn(v) => f.debug_tuple("ConflictCourseIn").field(v).finish(),
        PersonCondition::ConflictBeganIn(v) => f.debug_tuple("ConflictBeganIn").field(v).finish(),
        PersonCondition::ExpectationsMetIn(v) => {
            f.debug_tuple("ExpectationsMetIn").field(v).finish()
        }
        PersonCondition::ChangeAroundOnsetIn(v) => {
            f.debug_tuple("ChangeAroundOnsetIn").field(v).finish()
        }
        PersonCondition::Confidant(b) => f.debug_tuple("Confidant").field(b).finish(),
        PersonCondition::Supportive(b) => f.debug_tuple("Supportive").field(b).finish(),
        PersonCondition::DiedWithin(w) => f.debug_tuple("DiedWithin").field(w).finish(),
        PersonCondition::OnsetLinkIn(v) => f.debug_tuple("OnsetLinkIn").field(v).finish(),
        PersonCondition::All(_) | PersonCondition::Any(_) | PersonCondition::Not(_) => {
            f.write_str("..")
        }
    }
}

fn leaf_event(e: &EventCondition, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match e {
        EventCondition::KindIn(v) => f.debug_tuple("KindIn").field(v).finish(),
        EventCondition::Death(b) => f.debug_tuple("Death").field(b).finish(),
        EventCondition::NonDeathLoss(b) => f.debug_tuple("NonDeathLoss").field(b).finish(),
        EventCondition::RoleChange(b) => f.debug_tuple("RoleChange").field(b).finish(),
        EventCondition::Within(w) => f.debug_tuple("Within").field(w).finish(),
        EventCondition::Linked(w) => f.debug_tuple("Linked").field(w).finish(),
        EventCondition::LinkedToOnset(b) => f.debug_tuple("LinkedToOnset").field(b).finish(),
        EventCondition::HasGriefSignIn(v) => f.debug_tuple("HasGriefSignIn").field(v).finish(),
        EventCondition::OnsetLinkIn(v) => f.debug_tuple("OnsetLinkIn").field(v).finish(),
        EventCondition::All(_)
        | EventCondition::Any(_)
        | EventCondition::Not(_)
        | EventCondition::Person(_) => f.write_str(".."),
    }
}

impl fmt::Debug for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Shown(Ref::Whole(self), 0).fmt(f)
    }
}

impl fmt::Debug for PersonCondition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Shown(Ref::Person(self), 0).fmt(f)
    }
}

impl fmt::Debug for EventCondition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Shown(Ref::Event(self), 0).fmt(f)
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
