//! Conditions in words, and near misses: for an area that was not suggested,
//! which of its rules came closest and which condition failed (DESIGN.md
//! decision 6).
//!
//! Descriptions are deterministic: the same condition always reads the same,
//! built from the condition's own values (enum names with `_` read as spaces,
//! window lengths in months), never from patient text.

use std::collections::BTreeMap;

use super::assessment::NearMiss;
use super::compile::{Compiled, Node, Space};
use super::condition::{Condition, EventCondition, PersonCondition};
use super::evaluate::Eval;
use super::facts::Truth;
use super::masks::{Mask, lanes_of};
use super::ruleset::{MAX_CONDITION_DEPTH_LIMIT, Rule, Window};

impl Condition {
    /// The condition in words, with window names resolved to their lengths
    /// from `windows` (an unknown name is shown as such).
    ///
    /// ```
    /// use interpersonal::{Condition, RuleSet};
    ///
    /// let c: Condition = serde_json::from_str(
    ///     r#"{"some_event": {"all": [{"death": true}, {"within": "onset"}]}}"#,
    /// ).unwrap();
    /// assert_eq!(
    ///     c.describe(&RuleSet::standard().parameters.windows),
    ///     "some event: is a death, and dated from 6 months before to 3 months after onset",
    /// );
    /// ```
    pub fn describe(&self, windows: &BTreeMap<String, Window>) -> String {
        describe_condition(self, windows)
    }
}

impl PersonCondition {
    /// The person condition in words; see [`Condition::describe`].
    ///
    /// ```
    /// use interpersonal::{ConflictLevel, PersonCondition};
    /// let c = PersonCondition::ConflictLevelAtLeast(ConflictLevel::Moderate);
    /// assert_eq!(c.describe(&Default::default()), "conflict level is at least moderate");
    /// ```
    pub fn describe(&self, windows: &BTreeMap<String, Window>) -> String {
        describe_person(self, windows)
    }
}

impl EventCondition {
    /// The event condition in words; see [`Condition::describe`].
    ///
    /// ```
    /// use interpersonal::EventCondition;
    /// assert_eq!(EventCondition::RoleChange(true).describe(&Default::default()), "changes a social role");
    /// ```
    pub fn describe(&self, windows: &BTreeMap<String, Window>) -> String {
        describe_event(self, windows)
    }
}

/// An enum value's snake_case name with spaces.
fn words<T: Into<&'static str>>(v: T) -> String {
    let s: &'static str = v.into();
    s.replace('_', " ")
}

fn list<T: Copy + Into<&'static str>>(items: &[T]) -> String {
    let names: Vec<String> = items.iter().map(|&v| words(v)).collect();
    match names.as_slice() {
        [] => String::from("(nothing)"),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn window_text(name: &str, windows: &BTreeMap<String, Window>) -> String {
    match windows.get(name) {
        None => format!("within the unknown window `{name}`"),
        Some(w) => match (w.before_months, w.after_months) {
            (0, 0) => String::from("in the month of onset"),
            (b, 0) => format!("in the {b} months before onset"),
            (0, a) => format!("in the {a} months after onset"),
            (b, a) => format!("from {b} months before to {a} months after onset"),
        },
    }
}

fn group(parts: Vec<String>, any: bool, nested: bool) -> String {
    let joined = parts.join(if any { ", or " } else { ", and " });
    if nested && parts.len() > 1 {
        format!("({joined})")
    } else {
        joined
    }
}

pub(crate) fn describe_condition(c: &Condition, w: &BTreeMap<String, Window>) -> String {
    condition_text(c, w, false, 1)
}

fn condition_text(c: &Condition, w: &BTreeMap<String, Window>, nested: bool, depth: u32) -> String {
    if depth > MAX_CONDITION_DEPTH_LIMIT {
        return String::from("(...)");
    }
    let d = depth + 1;
    match c {
        Condition::All(parts) => group(
            parts
                .iter()
                .map(|p| condition_text(p, w, true, d))
                .collect(),
            false,
            nested,
        ),
        Condition::Any(parts) => group(
            parts
                .iter()
                .map(|p| condition_text(p, w, true, d))
                .collect(),
            true,
            nested,
        ),
        Condition::Not(inner) => format!("not ({})", condition_text(inner, w, false, d)),
        Condition::SomePerson(inner) => {
            let t = format!("some person: {}", person_text(inner, w, false, d));
            if nested { format!("({t})") } else { t }
        }
        Condition::SomeEvent(inner) => {
            let t = format!("some event: {}", event_text(inner, w, false, d));
            if nested { format!("({t})") } else { t }
        }
        Condition::PriorFunctioningIn(v) => format!("prior functioning is {}", list(v)),
        Condition::LivesAlone(true) => String::from("the patient lives alone"),
        Condition::LivesAlone(false) => String::from("the patient does not live alone"),
        Condition::ConfidantsAtMost(n) => format!("the patient has at most {n} confidants"),
        Condition::OnsetKnown(true) => String::from("the onset is known"),
        Condition::OnsetKnown(false) => String::from("the onset is not known"),
    }
}

pub(crate) fn describe_person(c: &PersonCondition, w: &BTreeMap<String, Window>) -> String {
    person_text(c, w, false, 1)
}

fn person_text(
    c: &PersonCondition,
    w: &BTreeMap<String, Window>,
    nested: bool,
    depth: u32,
) -> String {
    if depth > MAX_CONDITION_DEPTH_LIMIT {
        return String::from("(...)");
    }
    let d = depth + 1;
    let yes_no = |b: bool, yes: &str, no: &str| String::from(if b { yes } else { no });
    match c {
        PersonCondition::All(parts) => group(
            parts.iter().map(|p| person_text(p, w, true, d)).collect(),
            false,
            nested,
        ),
        PersonCondition::Any(parts) => group(
            parts.iter().map(|p| person_text(p, w, true, d)).collect(),
            true,
            nested,
        ),
        PersonCondition::Not(inner) => format!("not ({})", person_text(inner, w, false, d)),
        PersonCondition::RelationshipIn(v) => format!("relationship is {}", list(v)),
        PersonCondition::ClosenessIn(v) => format!("on the {} circle", list(v)),
        PersonCondition::Deceased(b) => yes_no(*b, "has died", "has not died"),
        PersonCondition::Estranged(b) => yes_no(*b, "is estranged", "is not estranged"),
        PersonCondition::Significant(b) => {
            yes_no(*b, "is a significant other", "is not a significant other")
        }
        PersonCondition::ConflictLevelAtLeast(l) => {
            format!("conflict level is at least {}", words(*l))
        }
        PersonCondition::ConflictVisibilityIn(v) => format!("conflict is {}", list(v)),
        PersonCondition::ConflictCourseIn(v) => format!("conflict course is {}", list(v)),
        PersonCondition::ConflictBeganIn(v) => format!("conflict began {}", list(v)),
        PersonCondition::ExpectationsMetIn(v) => format!("expectations are {}", list(v)),
        PersonCondition::ChangeAroundOnsetIn(v) => {
            format!("relationship around onset: {}", list(v))
        }
        PersonCondition::Confidant(b) => yes_no(*b, "is a confidant", "is not a confidant"),
        PersonCondition::Supportive(b) => yes_no(*b, "is supportive", "is not supportive"),
        PersonCondition::DiedWithin(name) => format!("died {}", window_text(name, w)),
    }
}

pub(crate) fn describe_event(c: &EventCondition, w: &BTreeMap<String, Window>) -> String {
    event_text(c, w, false, 1)
}

fn event_text(
    c: &EventCondition,
    w: &BTreeMap<String, Window>,
    nested: bool,
    depth: u32,
) -> String {
    if depth > MAX_CONDITION_DEPTH_LIMIT {
        return String::from("(...)");
    }
    let d = depth + 1;
    let yes_no = |b: bool, yes: &str, no: &str| String::from(if b { yes } else { no });
    match c {
        EventCondition::All(parts) => group(
            parts.iter().map(|p| event_text(p, w, true, d)).collect(),
            false,
            nested,
        ),
        EventCondition::Any(parts) => group(
            parts.iter().map(|p| event_text(p, w, true, d)).collect(),
            true,
            nested,
        ),
        EventCondition::Not(inner) => format!("not ({})", event_text(inner, w, false, d)),
        EventCondition::KindIn(v) => format!("kind is {}", list(v)),
        EventCondition::Death(b) => yes_no(*b, "is a death", "is not a death"),
        EventCondition::NonDeathLoss(b) => yes_no(
            *b,
            "is a loss that is not a death",
            "is not a loss other than a death",
        ),
        EventCondition::RoleChange(b) => {
            yes_no(*b, "changes a social role", "does not change a social role")
        }
        EventCondition::Within(name) => format!("dated {}", window_text(name, w)),
        EventCondition::Linked(name) => format!(
            "linked to onset (the patient links it, or it is dated {})",
            window_text(name, w)
        ),
        EventCondition::LinkedToOnset(b) => yes_no(
            *b,
            "the patient links it to the onset",
            "the patient does not link it to the onset",
        ),
        EventCondition::HasGriefSignIn(v) => {
            format!("shows a complicated-grief sign: {}", list(v))
        }
        EventCondition::Person(inner) => {
            let t = format!("its person: {}", person_text(inner, w, false, d));
            if nested { format!("({t})") } else { t }
        }
    }
}

/// How close a condition came: leaves satisfied and total on its best path,
/// and the first leaf on that path that did not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Proximity {
    pub(crate) satisfied: u32,
    pub(crate) total: u32,
    /// Leaves that held before the first that did not.
    pub(crate) prefix: u32,
    pub(crate) failed: Option<(u32, Truth)>,
}

impl Proximity {
    /// An empty `all`.
    const NONE: Proximity = Proximity {
        satisfied: 0,
        total: 0,
        prefix: 0,
        failed: None,
    };

    /// One condition that is not looked into (a leaf or a `not`), node `n`.
    pub(crate) fn atomic(n: u32, t: Truth) -> Proximity {
        Proximity {
            satisfied: u32::from(t == Truth::True),
            total: 1,
            prefix: u32::from(t == Truth::True),
            failed: (t != Truth::True).then_some((n, t)),
        }
    }

    /// `self` and then `next`, as parts of an `all`.
    pub(crate) fn then(self, next: Proximity) -> Proximity {
        Proximity {
            satisfied: self.satisfied.saturating_add(next.satisfied),
            total: self.total.saturating_add(next.total),
            prefix: if self.failed.is_none() {
                self.prefix.saturating_add(next.prefix)
            } else {
                self.prefix
            },
            failed: self.failed.or(next.failed),
        }
    }

    /// Whether `self` is closer than `other`: a higher fraction satisfied,
    /// then more satisfied, then a later first failure. Ties keep the earlier
    /// one.
    pub(crate) fn closer_than(&self, other: &Proximity) -> bool {
        let lhs = u64::from(self.satisfied) * u64::from(other.total.max(1));
        let rhs = u64::from(other.satisfied) * u64::from(self.total.max(1));
        (lhs, self.satisfied, self.prefix) > (rhs, other.satisfied, other.prefix)
    }
}

/// The closest of the parts of an `any` (the first of equals), node `n`.
fn closest(n: u32, parts: impl Iterator<Item = Proximity>) -> Proximity {
    let mut best: Option<Proximity> = None;
    for p in parts {
        if best.is_none_or(|b| p.closer_than(&b)) {
            best = Some(p);
        }
    }
    best.unwrap_or_else(|| Proximity::atomic(n, Truth::False))
}

/// How close each node comes about nobody (a quantifier over no people or
/// events, the person of an event that names nobody): every leaf is false
/// there, so this depends on the rule set alone and is computed once, when it
/// is compiled. Children precede their parents, so one forward pass suffices.
pub(crate) fn absent_proximities(nodes: &[Node], kids: &[u32]) -> Vec<Proximity> {
    let mut truths: Vec<Truth> = Vec::with_capacity(nodes.len());
    let mut proximities: Vec<Proximity> = Vec::with_capacity(nodes.len());
    for (n, node) in (0u32..).zip(nodes) {
        let truth = |k: u32| {
            usize::try_from(k)
                .ok()
                .and_then(|k| truths.get(k))
                .copied()
                .unwrap_or(Truth::Unknown)
        };
        let proximity = |k: u32| {
            usize::try_from(k)
                .ok()
                .and_then(|k| proximities.get(k))
                .copied()
                .unwrap_or(Proximity::atomic(k, Truth::Unknown))
        };
        let parts = |start: u32, len: u32| {
            let (s, l) = (start as usize, len as usize);
            kids.get(s..s.saturating_add(l)).unwrap_or(&[])
        };
        let (t, p) = match *node {
            Node::Leaf(_) => (Truth::False, Proximity::atomic(n, Truth::False)),
            Node::Not(k) => {
                let t = truth(k).not();
                (t, Proximity::atomic(n, t))
            }
            Node::All { start, len } => {
                let parts = parts(start, len);
                (
                    parts.iter().fold(Truth::True, |acc, &k| acc.and(truth(k))),
                    parts
                        .iter()
                        .fold(Proximity::NONE, |acc, &k| acc.then(proximity(k))),
                )
            }
            Node::Any { start, len } => {
                let parts = parts(start, len);
                (
                    parts.iter().fold(Truth::False, |acc, &k| acc.or(truth(k))),
                    closest(n, parts.iter().map(|&k| proximity(k))),
                )
            }
            Node::SomePerson(k) | Node::SomeEvent(k) => (Truth::False, proximity(k)),
            Node::EventPerson(k) => (
                Truth::False,
                Proximity {
                    failed: Some((n, Truth::False)),
                    ..proximity(k)
                },
            ),
        };
        truths.push(t);
        proximities.push(p);
    }
    proximities
}

impl Eval<'_, '_> {
    /// How close root-level node `n` came, read from the lane results.
    pub(crate) fn proximity(&self, n: u32) -> Proximity {
        match self.compiled.node(n) {
            Some(Node::All { start, len }) => self
                .compiled
                .kids(start, len)
                .iter()
                .fold(Proximity::NONE, |acc, &k| acc.then(self.proximity(k))),
            Some(Node::Any { start, len }) => closest(
                n,
                self.compiled
                    .kids(start, len)
                    .iter()
                    .map(|&k| self.proximity(k)),
            ),
            Some(Node::SomePerson(k)) => self.best_over(k, Space::Person),
            Some(Node::SomeEvent(k)) => self.best_over(k, Space::Event),
            // Not about an event: as for an event that names nobody.
            Some(Node::EventPerson(k)) => self.nobody(n, k),
            Some(Node::Leaf(_) | Node::Not(_)) => Proximity::atomic(n, self.tri(0, n).lane(0)),
            None => Proximity::atomic(n, Truth::Unknown),
        }
    }

    /// How close node `n` came in lane `j` of chunk `c`.
    fn lane_proximity(&self, n: u32, c: usize, j: usize) -> Proximity {
        match self.compiled.nodes.get(n as usize) {
            Some(&Node::All { start, len }) => {
                let mut acc = Proximity::NONE;
                for &k in self.compiled.kids(start, len) {
                    acc = acc.then(self.lane_part(k, c, j));
                }
                acc
            }
            Some(&Node::Any { start, len }) => {
                let mut best: Option<Proximity> = None;
                for &k in self.compiled.kids(start, len) {
                    let p = self.lane_part(k, c, j);
                    if best.is_none_or(|b| p.closer_than(&b)) {
                        best = Some(p);
                    }
                }
                best.unwrap_or_else(|| Proximity::atomic(n, Truth::False))
            }
            Some(&Node::EventPerson(k)) => {
                if self.event_has_person(c, j) {
                    self.lane_part(k, c, j)
                } else {
                    self.nobody(n, k)
                }
            }
            Some(&Node::SomePerson(k)) => self.best_over(k, Space::Person),
            Some(&Node::SomeEvent(k)) => self.best_over(k, Space::Event),
            Some(Node::Leaf(_) | Node::Not(_)) => Proximity::atomic(n, self.tri(c, n).lane(j)),
            None => Proximity::atomic(n, Truth::Unknown),
        }
    }

    /// [`Eval::lane_proximity`] of a part of a group, with leaves and `not`s
    /// (most parts) read in place.
    #[inline(always)]
    fn lane_part(&self, k: u32, c: usize, j: usize) -> Proximity {
        if self.compiled.is_atomic(k) {
            Proximity::atomic(k, self.tri(c, k).lane(j))
        } else {
            self.lane_proximity(k, c, j)
        }
    }

    /// An event's person condition `n` (on `k`) when the event names nobody
    /// known: as close as `k` comes about nobody, failed at `n`, unknown.
    fn nobody(&self, n: u32, k: u32) -> Proximity {
        Proximity {
            failed: Some((n, Truth::Unknown)),
            ..self.compiled.absent(k)
        }
    }

    /// The closest of the people or events (the first of equals) for the
    /// condition `k` under a quantifier; about nobody when there are none.
    pub(crate) fn best_over(&self, k: u32, space: Space) -> Proximity {
        if let Some(parts) = self.compiled.unit_parts(k) {
            // The common case: found for all subjects at once.
            return match self.closest_lane(parts, space) {
                Some((c, j)) => self.lane_proximity(k, c, j),
                None => self.compiled.absent(k),
            };
        }
        let mut best: Option<Proximity> = None;
        for c in 0..self.chunks() {
            for j in lanes_of(self.lanes(space, c)) {
                let p = self.lane_proximity(k, c, j);
                if best.is_none_or(|b| p.closer_than(&b)) {
                    best = Some(p);
                }
            }
        }
        best.unwrap_or_else(|| self.compiled.absent(k))
    }

    /// The lanes where unit node `n` (see [`Compiled::is_unit`]) counts as
    /// satisfied in chunk `c`.
    fn unit_mask(&self, n: u32, c: usize) -> Mask {
        match self.compiled.nodes.get(n as usize) {
            Some(Node::Leaf(_) | Node::Not(_)) => self.tri(c, n).t,
            Some(&Node::Any { start, len }) => self
                .compiled
                .kids(start, len)
                .iter()
                .fold(0, |m, &k| m | self.unit_mask(k, c)),
            Some(&Node::All { start, len }) => self
                .compiled
                .kids(start, len)
                .first()
                .map_or(0, |&k| self.unit_mask(k, c)),
            Some(&Node::EventPerson(k)) => {
                let (present, has_person) = self.event_people(c);
                let nobody = if self.compiled.absent(k).satisfied > 0 {
                    present & !has_person
                } else {
                    0
                };
                (self.unit_mask(k, c) & has_person) | nobody
            }
            _ => 0,
        }
    }

    /// The chunk and lane closest for an `all` of unit parts: every lane has
    /// the same total, so the closest has the most parts satisfied, then the
    /// longest run of them from the first, then comes first. Counted for all
    /// lanes at once with a vertical counter (one bit plane per binary digit).
    fn closest_lane(&self, parts: &[u32], space: Space) -> Option<(usize, usize)> {
        let mut best: Option<(u32, u32, usize, usize)> = None;
        for c in 0..self.chunks() {
            let lanes = self.lanes(space, c);
            if lanes == 0 {
                continue;
            }
            // The parts' masks, kept for the second look below (the first
            // parts; any further ones are worked out again).
            let mut seen: [Mask; 16] = [0; 16];
            let mut planes: [Mask; 8] = [0; 8];
            for (i, &p) in parts.iter().enumerate() {
                let unit = self.unit_mask(p, c);
                if let Some(slot) = seen.get_mut(i) {
                    *slot = unit;
                }
                let mut carry = unit & lanes;
                for plane in &mut planes {
                    if carry == 0 {
                        break;
                    }
                    let next = *plane & carry;
                    *plane ^= carry;
                    carry = next;
                }
            }
            let mut most = lanes;
            for plane in planes.iter().rev() {
                if most & plane != 0 {
                    most &= plane;
                }
            }
            let first = most.trailing_zeros();
            let satisfied = (0u32..).zip(&planes).fold(0u32, |s, (b, plane)| {
                s | (u32::from(plane.checked_shr(first).unwrap_or(0) & 1 != 0) << b)
            });
            let mut alive = most;
            let mut prefix = 0u32;
            for (i, &p) in parts.iter().enumerate() {
                let unit = match seen.get(i) {
                    Some(&unit) => unit,
                    None => self.unit_mask(p, c),
                };
                let next = alive & unit;
                if next == 0 {
                    break;
                }
                alive = next;
                prefix += 1;
            }
            let j = alive.trailing_zeros() as usize;
            if best.is_none_or(|(s, pre, ..)| (satisfied, prefix) > (s, pre)) {
                best = Some((satisfied, prefix, c, j));
            }
        }
        best.map(|(.., c, j)| (c, j))
    }
}

/// How many near misses are listed per area.
pub(crate) const NEAR_MISS_LIMIT: usize = 3;

/// The rules of one area that came closest, closest first: kept while the
/// rules are evaluated, in a fixed array.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct NearMisses {
    /// How close, the rule's index and its truth.
    closest: [Option<(Proximity, usize, Truth)>; NEAR_MISS_LIMIT],
}

impl NearMisses {
    /// Offers rule `rule` (which did not fire): it takes its place among the
    /// closest, after those at least as close, so that ties keep rule-set
    /// order (a stable sort, cut at the limit).
    pub(crate) fn offer(&mut self, p: Proximity, rule: usize, truth: Truth) {
        let at = self
            .closest
            .iter()
            .position(|slot| slot.is_none_or(|(q, ..)| p.closer_than(&q)));
        if let Some(tail) = at.and_then(|at| self.closest.get_mut(at..)) {
            tail.rotate_right(1);
            if let Some(first) = tail.first_mut() {
                *first = Some((p, rule, truth));
            }
        }
    }

    /// The near misses, closest first.
    pub(crate) fn listed(&self, rules: &[Rule], compiled: &Compiled) -> Vec<NearMiss> {
        let count = self.closest.iter().flatten().count();
        let mut out = Vec::with_capacity(count);
        out.extend(self.closest.iter().flatten().filter_map(|&(p, i, truth)| {
            let rule = &rules.get(i)?.id;
            let (node, t) = p.failed.unwrap_or((compiled.roots.get(i).copied()?, truth));
            Some(NearMiss {
                rule: rule.clone(),
                failed: compiled.text(node).to_owned(),
                satisfied: p.satisfied,
                total: p.total,
                unknown: t == Truth::Unknown,
            })
        }));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::evaluate::Ctx;
    use crate::{ConflictCourse, ConflictLevel, EventKind, GriefSign, PriorFunctioning};

    fn windows() -> BTreeMap<String, Window> {
        let mut w = BTreeMap::new();
        w.insert(String::from("onset"), Window::new(6, 3));
        w.insert(String::from("recent"), Window::new(24, 0));
        w
    }

    #[test]
    fn nested_groups_are_parenthesised() {
        let c = Condition::SomePerson(Box::new(PersonCondition::All(vec![
            PersonCondition::Significant(true),
            PersonCondition::Any(vec![
                PersonCondition::ConflictLevelAtLeast(ConflictLevel::Moderate),
                PersonCondition::ConflictCourseIn(vec![
                    ConflictCourse::Stalled,
                    ConflictCourse::Ending,
                ]),
            ]),
        ])));
        assert_eq!(
            c.describe(&windows()),
            "some person: is a significant other, and (conflict level is at least moderate, \
             or conflict course is stalled or ending)"
        );
    }

    /// How close node `n` comes about `ctx`, measured subject by subject
    /// with the reference evaluation and no pruning: what the lane results
    /// must reproduce.
    fn alone(eval: &Eval<'_, '_>, n: u32, ctx: Ctx) -> Proximity {
        let compiled = eval.compiled;
        let inv = eval.facts.inv;
        let best = |k: u32, ctxs: Vec<Ctx>| {
            let mut best: Option<Proximity> = None;
            for ctx in ctxs {
                let p = alone(eval, k, ctx);
                if best.is_none_or(|b| p.closer_than(&b)) {
                    best = Some(p);
                }
            }
            best.unwrap_or_else(|| alone(eval, k, Ctx::Absent))
        };
        match compiled.node(n) {
            None => Proximity::atomic(n, Truth::Unknown),
            Some(Node::Leaf(_)) => Proximity::atomic(n, eval.truth(n, ctx)),
            Some(Node::Not(k)) => Proximity::atomic(n, eval.truth(k, ctx).not()),
            Some(Node::All { start, len }) => compiled
                .kids(start, len)
                .iter()
                .fold(Proximity::NONE, |acc, &k| acc.then(alone(eval, k, ctx))),
            Some(Node::Any { start, len }) => closest(
                n,
                compiled
                    .kids(start, len)
                    .iter()
                    .map(|&k| alone(eval, k, ctx)),
            ),
            Some(Node::SomePerson(k)) => {
                let count = if ctx == Ctx::Absent {
                    0
                } else {
                    inv.people.len()
                };
                best(k, (0..count).map(Ctx::Person).collect())
            }
            Some(Node::SomeEvent(k)) => {
                let count = if ctx == Ctx::Absent {
                    0
                } else {
                    inv.events.len()
                };
                best(k, (0..count).map(Ctx::Event).collect())
            }
            Some(Node::EventPerson(k)) => {
                let person = match ctx {
                    Ctx::Event(e) => eval.facts.event_person(e),
                    _ => None,
                };
                match person {
                    Some(p) => alone(eval, k, Ctx::Person(p)),
                    None => {
                        let t = if ctx == Ctx::Absent {
                            Truth::False
                        } else {
                            Truth::Unknown
                        };
                        Proximity {
                            failed: Some((n, t)),
                            ..alone(eval, k, Ctx::Absent)
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn near_misses_agree_with_measuring_each_subject_alone() {
        use crate::engine::evaluate::tests::{every_leaf, inventories};
        use crate::engine::facts::Facts;
        use crate::engine::masks::SubjectMasks;
        let standard = crate::Engine::standard().unwrap();
        let every = every_leaf();
        // Both ways of finding the closest subject are exercised.
        let bodies: Vec<u32> = every
            .compiled
            .nodes
            .iter()
            .filter_map(|n| match *n {
                Node::SomePerson(k) | Node::SomeEvent(k) => Some(k),
                _ => None,
            })
            .collect();
        assert!(
            bodies
                .iter()
                .any(|&k| every.compiled.unit_parts(k).is_some())
        );
        assert!(
            bodies
                .iter()
                .any(|&k| every.compiled.unit_parts(k).is_none())
        );
        let mut checked = 0;
        for engine in [&standard, &every] {
            let compiled = &engine.compiled;
            for inv in inventories() {
                let facts = Facts::new(&inv, &compiled.windows);
                let masks = SubjectMasks::new(
                    &facts,
                    &compiled.windows,
                    compiled.person_needs,
                    compiled.event_person_needs,
                );
                let mut store = crate::engine::evaluate::NodeTruths::new();
                let eval = Eval::new(compiled, &facts, &masks, &mut store);
                for (n, &space) in (0u32..).zip(&compiled.space) {
                    assert_eq!(compiled.absent(n), alone(&eval, n, Ctx::Absent), "node {n}");
                    if space == Space::Root {
                        assert_eq!(eval.proximity(n), alone(&eval, n, Ctx::Root), "node {n}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn very_deep_conditions_are_cut_short() {
        let mut c = Condition::OnsetKnown(true);
        for _ in 0..10_000 {
            c = Condition::Not(Box::new(c));
        }
        let text = c.describe(&windows());
        assert!(text.contains("(...)"));
        assert!(text.len() < 400);
        // Dropping a tree this deep recursively could itself overflow the
        // stack; unwind it by hand.
        let mut cur = c;
        while let Condition::Not(inner) = cur {
            cur = *inner;
        }
    }

    #[test]
    fn windows_and_lists_read_naturally() {
        let w = windows();
        assert_eq!(
            EventCondition::Within(String::from("recent")).describe(&w),
            "dated in the 24 months before onset"
        );
        assert_eq!(
            EventCondition::Within(String::from("nope")).describe(&w),
            "dated within the unknown window `nope`"
        );
        assert_eq!(
            EventCondition::KindIn(vec![
                EventKind::JobLoss,
                EventKind::Divorce,
                EventKind::Death
            ])
            .describe(&w),
            "kind is job loss, divorce or death"
        );
        assert_eq!(
            EventCondition::HasGriefSignIn(vec![GriefSign::AvoidedMourning]).describe(&w),
            "shows a complicated-grief sign: avoided mourning"
        );
        assert_eq!(
            Condition::PriorFunctioningIn(vec![PriorFunctioning::LifelongFewRelationships])
                .describe(&w),
            "prior functioning is lifelong few relationships"
        );
    }
}
