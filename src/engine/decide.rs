//! The evaluation pass: every compiled node decided once for every person
//! and event, from the lane masks, and what is read back from the results
//! (a rule's truth, its subjects, the fields that held it back).
//!
//! Nodes come after their children, so one forward pass over the nodes
//! decides them all; results are kept per node and chunk on the stack for
//! typical inventories and rule sets (see [`INLINE_NODES`]).

use crate::inventory::Inventory;

use super::buffers::SubjectBits;
use super::compile::{Compiled, Leaf, Node, Space};
use super::condition::EventField;
use super::facts::{Facts, Truth};
use super::leaves::{Ctx, Discard, Sink};
use super::masks::{LANES, Mask, SubjectMasks, Tri, lanes_of};
use super::missing::MissingRef;

/// How many node results (nodes times chunks) are kept on the stack.
pub(crate) const INLINE_NODES: usize = 128;

/// Room for the result of every node in every chunk: on the stack up to
/// [`INLINE_NODES`] results, on the heap past that.
pub(crate) struct NodeTruths {
    inline: [Tri; INLINE_NODES],
    heap: Vec<Tri>,
}

impl NodeTruths {
    pub(crate) fn new() -> NodeTruths {
        NodeTruths {
            inline: [Tri::FALSE; INLINE_NODES],
            heap: Vec::new(),
        }
    }

    /// Room for `size` results.
    fn slice(&mut self, size: usize) -> &mut [Tri] {
        if size <= INLINE_NODES {
            self.inline.get_mut(..size).unwrap_or(&mut [])
        } else {
            self.heap.clear();
            self.heap.resize(size, Tri::FALSE);
            &mut self.heap
        }
    }
}

impl Compiled {
    /// The one set-up of an evaluation: derives the inventory's facts and
    /// lane masks, decides every node, and hands the results to `f`.
    pub(crate) fn evaluate_with<R>(
        &self,
        inventory: &Inventory,
        f: impl FnOnce(&Eval<'_, '_>) -> R,
    ) -> R {
        let facts = Facts::new(inventory, &self.windows);
        let masks = SubjectMasks::new(
            &facts,
            &self.windows,
            self.person_needs,
            self.event_person_needs,
        );
        let mut store = NodeTruths::new();
        let eval = Eval::new(self, &facts, &masks, &mut store);
        f(&eval)
    }
}

/// An evaluation of one compiled rule set against one inventory's facts.
pub(crate) struct Eval<'e, 'i> {
    pub(crate) compiled: &'e Compiled,
    pub(crate) facts: &'e Facts<'i>,
    masks: &'e SubjectMasks,
    chunks: usize,
    nodes: usize,
    /// The result of node `n` in chunk `c` at `c * nodes + n`; root-level
    /// nodes are kept in chunk 0.
    truths: &'e mut [Tri],
}

impl<'e, 'i> Eval<'e, 'i> {
    /// Decides every node, keeping the results in `store`: one pass per
    /// chunk over the nodes about people and events, then one over the nodes
    /// about the inventory as a whole (a single pass for a single chunk).
    pub(crate) fn new(
        compiled: &'e Compiled,
        facts: &'e Facts<'i>,
        masks: &'e SubjectMasks,
        store: &'e mut NodeTruths,
    ) -> Eval<'e, 'i> {
        let chunks = masks.chunks();
        let nodes = compiled.nodes.len();
        let mut eval = Eval {
            compiled,
            facts,
            masks,
            chunks,
            nodes,
            truths: store.slice(nodes.saturating_mul(chunks)),
        };
        if chunks == 1 {
            eval.pass(0, None);
        } else {
            for c in 0..chunks {
                eval.pass(c, Some(false));
            }
            eval.pass(0, Some(true));
        }
        eval
    }

    /// Decides the nodes of chunk `c` from their children's results, in one
    /// forward pass: all nodes, or only the root-level ones (`Some(true)`), or
    /// only the others (`Some(false)`).
    fn pass(&mut self, c: usize, root_level: Option<bool>) {
        let compiled = self.compiled;
        let people = self.masks.people(c);
        let events = self.masks.events(c);
        let person_lanes = people.map_or(0, |m| m.lanes);
        let event_lanes = events.map_or(0, |m| m.lanes);
        let base = c * self.nodes;
        for (n, (&node, &space)) in compiled.nodes.iter().zip(&compiled.space).enumerate() {
            if root_level.is_some_and(|root| root != (space == Space::Root)) {
                continue;
            }
            let truths = &*self.truths;
            let at = |c: usize, k: u32| {
                truths
                    .get(c * self.nodes + k as usize)
                    .copied()
                    .unwrap_or(Tri::FALSE)
            };
            let lanes = match space {
                Space::Root => 1,
                Space::Person => person_lanes,
                Space::Event | Space::EventPerson => event_lanes,
            };
            let tri = match node {
                Node::All { start, len } => compiled
                    .kids(start, len)
                    .iter()
                    .fold(Tri::all(lanes), |acc, &k| acc.and(at(c, k))),
                Node::Any { start, len } => compiled
                    .kids(start, len)
                    .iter()
                    .fold(Tri::FALSE, |acc, &k| acc.or(at(c, k))),
                Node::Not(k) => at(c, k).not(lanes),
                Node::SomePerson(k) | Node::SomeEvent(k) => {
                    let any = (0..self.chunks).fold(Tri::FALSE, |acc, c| acc.or(at(c, k)));
                    Tri {
                        t: Mask::from(any.t != 0),
                        nf: Mask::from(any.nf != 0),
                    }
                }
                Node::EventPerson(k) => match events {
                    // Unknown when the event names nobody known.
                    Some(ev) => {
                        let person = at(c, k);
                        Tri {
                            t: person.t & ev.has_person,
                            nf: (person.nf & ev.has_person) | (ev.present & !ev.has_person),
                        }
                    }
                    None => Tri::FALSE,
                },
                Node::Leaf(leaf) => match (leaf, space) {
                    (Leaf::Root(_), Space::Root) => {
                        Tri::from_truth(self.facts.leaf(leaf, Ctx::Root, &mut Discard), 1)
                    }
                    (Leaf::Person(l), Space::Person) => {
                        people.map_or(Tri::FALSE, |m| m.leaf(l, self.facts))
                    }
                    (Leaf::Person(l), Space::EventPerson) => {
                        events.map_or(Tri::FALSE, |m| m.people.leaf(l, self.facts))
                    }
                    (Leaf::Event(l), Space::Event) => {
                        events.map_or(Tri::FALSE, |m| m.leaf(l, self.facts))
                    }
                    // A leaf about something else than its space: never
                    // compiled so.
                    (Leaf::Root(_), Space::Person | Space::Event | Space::EventPerson)
                    | (Leaf::Person(_), Space::Root | Space::Event)
                    | (Leaf::Event(_), Space::Root | Space::Person | Space::EventPerson) => {
                        Tri::FALSE
                    }
                },
            };
            if let Some(slot) = self.truths.get_mut(base + n) {
                *slot = tri;
            }
        }
    }

    /// The lanes of chunk `c` in a space.
    pub(crate) fn lanes(&self, space: Space, c: usize) -> Mask {
        match space {
            Space::Root => 1,
            Space::Person => self.masks.people(c).map_or(0, |m| m.lanes),
            Space::Event | Space::EventPerson => self.masks.events(c).map_or(0, |m| m.lanes),
        }
    }

    /// The result of node `n` in chunk `c`.
    pub(crate) fn tri(&self, c: usize, n: u32) -> Tri {
        self.truths
            .get(c * self.nodes + n as usize)
            .copied()
            .unwrap_or(Tri::FALSE)
    }

    /// How many chunks of people and events there are.
    pub(crate) fn chunks(&self) -> usize {
        self.chunks
    }

    /// The lanes of chunk `c` with an event, and those whose event names a
    /// person of the inventory.
    pub(crate) fn event_people(&self, c: usize) -> (Mask, Mask) {
        self.masks
            .events(c)
            .map_or((0, 0), |ev| (ev.present, ev.has_person))
    }

    /// Whether event `c * LANES + j` names a person of the inventory.
    pub(crate) fn event_has_person(&self, c: usize, j: usize) -> bool {
        self.masks
            .events(c)
            .is_some_and(|ev| ev.has_person & super::masks::lane_bit(j) != 0)
    }

    /// The truth of a rule whose root is `root`.
    pub(crate) fn rule_truth(&self, root: u32) -> Truth {
        self.tri(0, root).lane(0)
    }

    /// Collects the witnesses that made root-level node `n` true: the people
    /// and events for which quantifiers held, and the person of an event whose
    /// person condition held. Call only when `n` is true.
    pub(crate) fn witnesses(&self, n: u32, people: &mut SubjectBits, events: &mut SubjectBits) {
        match self.compiled.node(n) {
            Some(Node::All { start, len } | Node::Any { start, len }) => {
                for &k in self.compiled.kids(start, len) {
                    if self.compiled.yields_subjects(k) && self.tri(0, k).t & 1 != 0 {
                        self.witnesses(k, people, events);
                    }
                }
            }
            Some(Node::SomePerson(k)) => {
                let deeper = self.compiled.yields_subjects(k);
                for c in 0..self.chunks {
                    let t = self.tri(c, k).t;
                    people.add_lanes(c, t);
                    if deeper && t != 0 {
                        self.lane_witnesses(k, c, t, people);
                    }
                }
            }
            Some(Node::SomeEvent(k)) => {
                let deeper = self.compiled.yields_subjects(k);
                for c in 0..self.chunks {
                    let t = self.tri(c, k).t;
                    events.add_lanes(c, t);
                    if deeper && t != 0 {
                        self.lane_witnesses(k, c, t, people);
                    }
                }
            }
            None | Some(Node::Not(_) | Node::Leaf(_) | Node::EventPerson(_)) => {}
        }
    }

    /// The witnesses below a quantifier: node `n` holds in the `active` lanes
    /// of chunk `c`.
    fn lane_witnesses(&self, n: u32, c: usize, active: Mask, people: &mut SubjectBits) {
        match self.compiled.node(n) {
            Some(Node::All { start, len } | Node::Any { start, len }) => {
                for &k in self.compiled.kids(start, len) {
                    if self.compiled.yields_subjects(k) {
                        let a = active & self.tri(c, k).t;
                        if a != 0 {
                            self.lane_witnesses(k, c, a, people);
                        }
                    }
                }
            }
            Some(Node::EventPerson(k)) => {
                for j in lanes_of(active) {
                    if let Some(p) = self.facts.event_person(c * LANES + j) {
                        people.add(p);
                    }
                }
                if self.compiled.yields_subjects(k) {
                    self.lane_witnesses(k, c, active, people);
                }
            }
            None
            | Some(Node::Not(_) | Node::Leaf(_) | Node::SomePerson(_) | Node::SomeEvent(_)) => {}
        }
    }

    /// Collects the missing fields that made root-level node `n` unknown.
    /// Call only when `n` is unknown.
    pub(crate) fn missing<S: Sink>(&self, n: u32, sink: &mut S) {
        match self.compiled.node(n) {
            Some(Node::All { start, len } | Node::Any { start, len }) => {
                for &k in self.compiled.kids(start, len) {
                    if self.tri(0, k).unknown() & 1 != 0 {
                        self.missing(k, sink);
                    }
                }
            }
            Some(Node::Not(k)) => self.missing(k, sink),
            Some(Node::SomePerson(k) | Node::SomeEvent(k)) => {
                for c in 0..self.chunks {
                    let u = self.tri(c, k).unknown();
                    if u != 0 {
                        self.lane_missing(k, c, u, sink);
                    }
                }
            }
            Some(Node::Leaf(leaf)) => {
                self.facts.leaf(leaf, Ctx::Root, sink);
            }
            None | Some(Node::EventPerson(_)) => {}
        }
    }

    /// The missing fields below a quantifier: node `n` is unknown in the
    /// `active` lanes of chunk `c`.
    fn lane_missing<S: Sink>(&self, n: u32, c: usize, active: Mask, sink: &mut S) {
        match self.compiled.node(n) {
            Some(Node::All { start, len } | Node::Any { start, len }) => {
                for &k in self.compiled.kids(start, len) {
                    let a = active & self.tri(c, k).unknown();
                    if a != 0 {
                        self.lane_missing(k, c, a, sink);
                    }
                }
            }
            Some(Node::Not(k)) => self.lane_missing(k, c, active, sink),
            Some(Node::EventPerson(k)) => {
                let has_person = self.masks.events(c).map_or(0, |ev| ev.has_person);
                for j in lanes_of(active & !has_person) {
                    sink.missing(MissingRef::Event(c * LANES + j, EventField::Person));
                }
                let a = active & has_person;
                if a != 0 {
                    self.lane_missing(k, c, a, sink);
                }
            }
            Some(Node::Leaf(leaf)) => {
                let space = usize::try_from(n)
                    .ok()
                    .and_then(|n| self.compiled.space.get(n).copied());
                for j in lanes_of(active) {
                    let i = c * LANES + j;
                    let ctx = match space {
                        Some(Space::Person) => Ctx::Person(i),
                        Some(Space::Event) => Ctx::Event(i),
                        Some(Space::EventPerson) => match self.facts.event_person(i) {
                            Some(p) => Ctx::Person(p),
                            None => continue,
                        },
                        Some(Space::Root) | None => Ctx::Root,
                    };
                    self.facts.leaf(leaf, ctx, sink);
                }
            }
            None | Some(Node::SomePerson(_) | Node::SomeEvent(_)) => {}
        }
    }

    /// The truth of node `n` about one `ctx`, decided afresh: the reference
    /// the lane results are tested against.
    #[cfg(test)]
    pub(crate) fn truth(&self, n: u32, ctx: Ctx) -> Truth {
        match self.compiled.node(n) {
            None => Truth::Unknown,
            Some(Node::All { start, len }) => {
                let mut acc = Truth::True;
                for &k in self.compiled.kids(start, len) {
                    acc = acc.and(self.truth(k, ctx));
                    if acc == Truth::False {
                        break;
                    }
                }
                acc
            }
            Some(Node::Any { start, len }) => {
                let mut acc = Truth::False;
                for &k in self.compiled.kids(start, len) {
                    acc = acc.or(self.truth(k, ctx));
                    if acc == Truth::True {
                        break;
                    }
                }
                acc
            }
            Some(Node::Not(k)) => self.truth(k, ctx).not(),
            Some(Node::SomePerson(k)) => {
                if ctx == Ctx::Absent {
                    return Truth::False;
                }
                let mut acc = Truth::False;
                for i in 0..self.facts.inv.people.len() {
                    acc = acc.or(self.truth(k, Ctx::Person(i)));
                    if acc == Truth::True {
                        break;
                    }
                }
                acc
            }
            Some(Node::SomeEvent(k)) => {
                if ctx == Ctx::Absent {
                    return Truth::False;
                }
                let mut acc = Truth::False;
                for e in 0..self.facts.inv.events.len() {
                    acc = acc.or(self.truth(k, Ctx::Event(e)));
                    if acc == Truth::True {
                        break;
                    }
                }
                acc
            }
            Some(Node::EventPerson(k)) => match ctx {
                Ctx::Event(e) => match self.facts.event_person(e) {
                    Some(p) => self.truth(k, Ctx::Person(p)),
                    None => Truth::Unknown,
                },
                _ => Truth::False,
            },
            Some(Node::Leaf(leaf)) => self.facts.leaf(leaf, ctx, &mut Discard),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::engine::evaluate::AREAS;
    use crate::{
        catalogue::ProblemArea,
        engine::Engine,
        id::RuleId,
        inventory::{ConflictLevel, ExpectationsMet, Inventory},
    };
    use crate::{
        date::{EpisodeOnset, PartialDate},
        engine::{Condition, EventCondition, PersonCondition, Rule, RuleSet, Window},
        id::{EventId, PersonId},
        inventory::{
            Closeness, ConflictCourse, ConflictVisibility, EventKind, GriefSign, PriorFunctioning,
            RelationshipChange, RelationshipKind, RelativeToOnset,
        },
        source::{Basis, Source},
    };

    fn each<T: crate::vocabulary::Vocabulary>() -> Vec<Vec<T>> {
        let all: Vec<T> = T::ALL.to_vec();
        let mut lists: Vec<Vec<T>> = all.iter().map(|&v| vec![v]).collect();
        lists.push(all.iter().copied().step_by(2).collect());
        lists
    }

    /// Every person leaf, with values and windows (past the inline ones too).
    fn person_leaves(windows: &[String]) -> Vec<PersonCondition> {
        let mut out = Vec::new();
        for b in [true, false] {
            out.extend([
                PersonCondition::Deceased(b),
                PersonCondition::Estranged(b),
                PersonCondition::Significant(b),
                PersonCondition::Confidant(b),
                PersonCondition::Supportive(b),
            ]);
        }
        out.extend(
            each::<RelationshipKind>()
                .into_iter()
                .map(PersonCondition::RelationshipIn),
        );
        out.extend(
            each::<Closeness>()
                .into_iter()
                .map(PersonCondition::ClosenessIn),
        );
        out.extend(ConflictLevel::iter().map(PersonCondition::ConflictLevelAtLeast));
        out.extend(
            each::<ConflictVisibility>()
                .into_iter()
                .map(PersonCondition::ConflictVisibilityIn),
        );
        out.extend(
            each::<ConflictCourse>()
                .into_iter()
                .map(PersonCondition::ConflictCourseIn),
        );
        out.extend(
            each::<RelativeToOnset>()
                .into_iter()
                .map(PersonCondition::ConflictBeganIn),
        );
        out.extend(
            each::<ExpectationsMet>()
                .into_iter()
                .map(PersonCondition::ExpectationsMetIn),
        );
        out.push(PersonCondition::ExpectationsMetIn(vec![
            ExpectationsMet::Met,
            ExpectationsMet::Unknown,
        ]));
        out.extend(
            each::<RelationshipChange>()
                .into_iter()
                .map(PersonCondition::ChangeAroundOnsetIn),
        );
        out.extend(
            each::<crate::inventory::OnsetLink>()
                .into_iter()
                .map(PersonCondition::OnsetLinkIn),
        );
        out.extend(windows.iter().cloned().map(PersonCondition::DiedWithin));
        out
    }

    fn event_leaves(windows: &[String]) -> Vec<EventCondition> {
        let mut out = Vec::new();
        for b in [true, false] {
            out.extend([
                EventCondition::Death(b),
                EventCondition::NonDeathLoss(b),
                EventCondition::RoleChange(b),
                EventCondition::LinkedToOnset(b),
            ]);
        }
        out.extend(each::<EventKind>().into_iter().map(EventCondition::KindIn));
        out.extend(
            each::<GriefSign>()
                .into_iter()
                .map(EventCondition::HasGriefSignIn),
        );
        out.extend(
            each::<crate::inventory::OnsetLink>()
                .into_iter()
                .map(EventCondition::OnsetLinkIn),
        );
        out.extend(windows.iter().cloned().map(EventCondition::Within));
        out.extend(windows.iter().cloned().map(EventCondition::Linked));
        out
    }

    /// A rule set whose nodes cover every leaf in every space, under `not`,
    /// `all` and `any`.
    pub(crate) fn every_leaf() -> Engine {
        let mut rules = RuleSet::standard();
        rules.parameters.max_depth = 16;
        let mut names = Vec::new();
        for i in 0..11u32 {
            let name = format!("w{i}");
            rules
                .parameters
                .windows
                .insert(name.clone(), Window::new(i * 3, i % 4));
            names.push(name);
        }
        let person: Vec<PersonCondition> = person_leaves(&names);
        let mut person_groups = person.clone();
        for pair in person.chunks(2) {
            person_groups.push(PersonCondition::Not(Box::new(PersonCondition::All(
                pair.to_vec(),
            ))));
        }
        let event: Vec<EventCondition> = event_leaves(&names);
        let mut event_groups = event.clone();
        for pair in event.chunks(2) {
            event_groups.push(EventCondition::Not(Box::new(EventCondition::Any(
                pair.to_vec(),
            ))));
        }
        event_groups.push(EventCondition::Person(Box::new(PersonCondition::Any(
            person_groups.clone(),
        ))));
        event_groups.push(EventCondition::Not(Box::new(EventCondition::Person(
            Box::new(PersonCondition::All(person.clone())),
        ))));
        let mut root = vec![
            Condition::SomePerson(Box::new(PersonCondition::Any(person_groups))),
            Condition::SomeEvent(Box::new(EventCondition::All(event_groups))),
            Condition::LivesAlone(true),
            Condition::LivesAlone(false),
            Condition::ConfidantsAtMost(0),
            Condition::ConfidantsAtMost(2),
            Condition::OnsetKnown(true),
            Condition::OnsetKnown(false),
        ];
        root.extend(
            each::<PriorFunctioning>()
                .into_iter()
                .map(Condition::PriorFunctioningIn),
        );
        let when = Condition::Any(vec![
            Condition::All(root.clone()),
            Condition::Not(Box::new(Condition::Any(root))),
        ]);
        rules.rules.truncate(4);
        for (rule, area) in rules.rules.iter_mut().zip(AREAS) {
            rule.area = area;
            rule.when = when.clone();
        }
        rules.rules.push(Rule::new(
            RuleId::new("t.extra").unwrap(),
            ProblemArea::Grief,
            1.0,
            "extra",
            Source::from_cites([crate::bibliography::Citation::new(
                "hamilton-1960-hamd",
                "",
                Basis::Inferred,
            )]),
            Condition::OnsetKnown(true),
        ));
        Engine::compile(rules).unwrap()
    }

    /// The case and example inventories, each also with an unknown and a
    /// month-precision onset and an event naming nobody known, and one large
    /// inventory of several chunks.
    pub(crate) fn inventories() -> Vec<Inventory> {
        let mut out = Vec::new();
        let root = env!("CARGO_MANIFEST_DIR");
        for dir in ["tests/cases", "examples/data"] {
            let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            paths.sort();
            for path in paths {
                let inv: Inventory =
                    crate::error::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
                let mut unknown = inv.clone();
                unknown.onset = EpisodeOnset::Unknown;
                let mut month = inv.clone();
                if let Some(d) = inv.onset.date() {
                    use chrono::Datelike;
                    let first = d.earliest();
                    month.onset = EpisodeOnset::Known(
                        PartialDate::month(first.year(), first.month()).unwrap(),
                    );
                }
                let mut ghost = inv.clone();
                if let Some(e) = ghost.events.first_mut() {
                    e.person = Some(PersonId::new("ghost").unwrap());
                }
                out.extend([inv, unknown, month, ghost]);
            }
        }
        let mut big = out[0].clone();
        let (people, events) = (big.people.clone(), big.events.clone());
        for i in 0..150 {
            let mut p = people[i % people.len().max(1)].clone();
            p.id = PersonId::new(format!("big-p{i}")).unwrap();
            big.people.push(p);
        }
        for i in 0..70 {
            let mut e = events[i % events.len().max(1)].clone();
            e.id = EventId::new(format!("big-e{i}")).unwrap();
            e.person = Some(PersonId::new(format!("big-p{}", i * 2)).unwrap());
            big.events.push(e);
        }
        out.push(big);
        out
    }

    #[test]
    fn lane_masks_agree_with_deciding_each_subject_alone() {
        let engine = every_leaf();
        let compiled = &engine.compiled;
        let mut seen = [0usize; 3];
        for inv in inventories() {
            compiled.evaluate_with(&inv, |eval| {
                for (n, &space) in (0u32..).zip(&compiled.space) {
                    let subjects = match space {
                        Space::Root => 1,
                        Space::Person => inv.people.len(),
                        Space::Event | Space::EventPerson => inv.events.len(),
                    };
                    for i in 0..subjects {
                        let (c, j) = if space == Space::Root {
                            (0, 0)
                        } else {
                            (i / LANES, i % LANES)
                        };
                        let ctx = match space {
                            Space::Root => Ctx::Root,
                            Space::Person => Ctx::Person(i),
                            Space::Event => Ctx::Event(i),
                            Space::EventPerson => {
                                eval.facts.event_person(i).map_or(Ctx::Absent, Ctx::Person)
                            }
                        };
                        let truth = eval.truth(n, ctx);
                        assert_eq!(
                            eval.tri(c, n).lane(j),
                            truth,
                            "node {n} {space:?} subject {i}"
                        );
                        seen[truth as usize] += 1;
                    }
                }
            });
        }
        assert!(seen.iter().all(|&n| n > 10_000), "{seen:?}");
    }
}
