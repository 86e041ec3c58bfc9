//! Near misses: for an area that was not suggested, which of its rules came
//! closest and which condition failed first (DESIGN.md decision 6), read from
//! the lane results of the evaluation pass.

use super::assessment::NearMiss;
use super::buffers::SpillVec;
use super::compile::{Compiled, Node, Space};
use super::decide::Eval;
use super::facts::Truth;
use super::masks::{LANES, Mask, lanes_of};
use super::ruleset::Rule;

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

/// Splits each class of lanes in two by `by`, when both halves have lanes.
/// `lanes` is the union of the classes: when `by` holds all of them or none,
/// nothing is split.
#[inline]
fn split(classes: &mut SpillVec<Mask, LANES>, by: Mask, lanes: Mask) {
    if by & lanes == 0 || by & lanes == lanes {
        return;
    }
    for i in 0..classes.len() {
        let mut apart = 0;
        if let Some(class) = classes.get_mut(i) {
            let (inside, outside) = (*class & by, *class & !by);
            if inside != 0 && outside != 0 {
                *class = inside;
                apart = outside;
            }
        }
        if apart != 0 {
            classes.push(apart);
        }
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
            let lanes = self.lanes(space, c);
            if lanes == 0 {
                continue;
            }
            if lanes.count_ones() <= 2 {
                // Too few lanes for classes to save a measure: each is
                // measured, in order.
                for j in lanes_of(lanes) {
                    let p = self.lane_proximity(k, c, j);
                    if best.is_none_or(|b| p.closer_than(&b)) {
                        best = Some(p);
                    }
                }
                continue;
            }
            // Lanes that agree on everything `lane_proximity` reads come
            // equally close: only the first of each such class is measured.
            // Classes are visited by their first lane, so the first of
            // equals is the same lane as when every lane is measured.
            let mut classes = SpillVec::<Mask, LANES>::new(0);
            classes.push(lanes);
            self.split_lanes(k, c, lanes, &mut classes);
            let firsts = classes
                .as_slice()
                .iter()
                .fold(0, |m: Mask, &class| m | (class & class.wrapping_neg()));
            for j in lanes_of(firsts) {
                let p = self.lane_proximity(k, c, j);
                if best.is_none_or(|b| p.closer_than(&b)) {
                    best = Some(p);
                }
            }
        }
        best.unwrap_or_else(|| self.compiled.absent(k))
    }

    /// Splits `classes`, sets of lanes of chunk `c` whose union is `lanes`, so that the lanes of a
    /// class agree on everything [`Eval::lane_proximity`] reads at or below
    /// node `n`: the results of its leaves and `not`s, and whether an event
    /// names a person. Quantifiers below are not looked into: how close they
    /// come does not depend on the lane.
    fn split_lanes(&self, n: u32, c: usize, lanes: Mask, classes: &mut SpillVec<Mask, LANES>) {
        match self.compiled.nodes.get(n as usize) {
            Some(&(Node::All { start, len } | Node::Any { start, len })) => {
                for &k in self.compiled.kids(start, len) {
                    self.split_lanes(k, c, lanes, classes);
                }
            }
            Some(&Node::EventPerson(k)) => {
                split(classes, self.event_people(c).1, lanes);
                self.split_lanes(k, c, lanes, classes);
            }
            Some(Node::Leaf(_) | Node::Not(_)) => {
                let tri = self.tri(c, n);
                split(classes, tri.t, lanes);
                split(classes, tri.nf, lanes);
            }
            None | Some(Node::SomePerson(_) | Node::SomeEvent(_)) => {}
        }
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
            None | Some(Node::SomePerson(_) | Node::SomeEvent(_)) => 0,
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
        if let Some(at) = at {
            // Insert at `at`, moving the later ones down; the last drops off.
            let mut carry = Some((p, rule, truth));
            for slot in self.closest.iter_mut().skip(at) {
                carry = std::mem::replace(slot, carry);
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
                failed: compiled.text(node),
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
    use crate::engine::decide::Eval;
    use crate::engine::decide::tests::{every_leaf, inventories};
    use crate::engine::leaves::Ctx;

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
        let standard = crate::engine::Engine::standard().unwrap();
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
                compiled.evaluate_with(&inv, |eval| {
                    for (n, &space) in (0u32..).zip(&compiled.space) {
                        assert_eq!(compiled.absent(n), alone(eval, n, Ctx::Absent), "node {n}");
                        if space == Space::Root {
                            assert_eq!(eval.proximity(n), alone(eval, n, Ctx::Root), "node {n}");
                            checked += 1;
                        }
                    }
                });
            }
        }
        assert!(checked > 1000, "{checked}");
    }
}
