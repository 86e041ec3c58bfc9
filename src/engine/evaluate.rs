//! Evaluating a compiled rule set against an inventory.
//!
//! Facts are derived once per inventory: scalar ones ([`Facts`]) and lane
//! masks over the people and events ([`SubjectMasks`]). One forward pass over
//! the compiled nodes (children come before their parents) then decides every
//! node for every person or event at once, with bit operations, and keeps the
//! result per node; the evidence's subjects, the missing facts and the near
//! misses are read from those results without deciding anything twice. Only
//! building the output allocates, for typical inventories (up to 64 people
//! and 64 events, rule sets of up to [`INLINE_NODES`] nodes).

use crate::{
    ConflictLevel, ExpectationsMet, Inventory, NeededFor, PersonStatus, ProblemArea, RuleId,
    Subject,
};

use super::assessment::{AreaFinding, Assessment, Evidence, MissingFact, RuleSetInfo};
use super::buffers::{SpillVec, SubjectBits};
use super::compile::{Compiled, Engine, Leaf, Node, Space, bit};
use super::explain::NearMisses;
use super::facts::{
    EventField, Facts, MissingRef, PersonField, SocialField, Truth, WindowRef, death_date,
    is_significant,
};
use super::masks::{LANES, Mask, SubjectMasks, Tri, lanes_of};
use super::policy::{self, AreaTally};

/// What a condition is being evaluated about, when a single person or event
/// must be looked at (to report the facts a leaf missed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    /// The inventory as a whole.
    Root,
    /// One person, by index.
    Person(usize),
    /// One event, by index.
    Event(usize),
    /// Nothing (the person of an event that names nobody): every leaf is
    /// false. Only the tests' reference evaluation looks at it.
    #[cfg(test)]
    Absent,
}

/// Where a leaf reports the fields it missed when it is unknown.
pub(crate) trait Sink {
    fn missing(&mut self, m: MissingRef);
}

/// Drops reports.
pub(crate) struct Discard;

impl Sink for Discard {
    #[inline(always)]
    fn missing(&mut self, _: MissingRef) {}
}

impl Sink for Vec<MissingRef> {
    fn missing(&mut self, m: MissingRef) {
        self.push(m);
    }
}

/// How many (missing field, rule) pairs are kept on the stack.
const INLINE_MISSING: usize = 64;

/// The missing fields of all rules, each with the index of the rule it held
/// back.
type MissingList = SpillVec<(MissingRef, usize), INLINE_MISSING>;

/// Collects the fields one rule missed.
struct HeldBack<'a> {
    list: &'a mut MissingList,
    rule: usize,
}

impl Sink for HeldBack<'_> {
    fn missing(&mut self, m: MissingRef) {
        self.list.push((m, self.rule));
    }
}

/// `Some(b)` is known; `None` is unknown for want of `m`.
#[inline]
fn opt<S: Sink>(value: Option<bool>, m: MissingRef, sink: &mut S) -> Truth {
    match value {
        Some(b) => Truth::from_bool(b),
        None => {
            sink.missing(m);
            Truth::Unknown
        }
    }
}

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
                Node::Leaf(leaf) => match space {
                    Space::Root => Tri::from_truth(self.leaf(leaf, Ctx::Root, &mut Discard), 1),
                    Space::Person => people.map_or(Tri::FALSE, |m| m.leaf(leaf, self.facts)),
                    Space::Event => events.map_or(Tri::FALSE, |m| m.leaf(leaf, self.facts)),
                    Space::EventPerson => {
                        events.map_or(Tri::FALSE, |m| m.people.leaf(leaf, self.facts))
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
    fn witnesses(&self, n: u32, people: &mut SubjectBits, events: &mut SubjectBits) {
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
            _ => {}
        }
    }

    /// Collects the missing fields that made root-level node `n` unknown.
    /// Call only when `n` is unknown.
    fn missing<S: Sink>(&self, n: u32, sink: &mut S) {
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
                self.leaf(leaf, Ctx::Root, sink);
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
                    self.leaf(leaf, ctx, sink);
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
            Some(Node::Leaf(leaf)) => self.leaf(leaf, ctx, &mut Discard),
        }
    }

    fn within<S: Sink>(
        &self,
        date: Option<crate::PartialDate>,
        w: WindowRef,
        date_ref: MissingRef,
        sink: &mut S,
    ) -> Truth {
        match (date, self.facts.onset_known()) {
            (None, true) => {
                sink.missing(date_ref);
                Truth::Unknown
            }
            (None, false) => {
                sink.missing(MissingRef::Onset);
                sink.missing(date_ref);
                Truth::Unknown
            }
            (Some(_), false) => {
                sink.missing(MissingRef::Onset);
                Truth::Unknown
            }
            (Some(d), true) => {
                let t = self.facts.date_within(d, w);
                if t == Truth::Unknown {
                    // A month straddling the window's edge: the exact date
                    // would settle it.
                    sink.missing(date_ref);
                }
                t
            }
        }
    }

    fn leaf<S: Sink>(&self, leaf: Leaf, ctx: Ctx, sink: &mut S) -> Truth {
        let inv = self.facts.inv;
        match ctx {
            Ctx::Root => {
                let sc = &inv.social_context;
                match leaf {
                    Leaf::PriorFunctioningIn(m) => opt(
                        sc.prior_functioning.map(|v| m & bit(v as u32) != 0),
                        MissingRef::Social(SocialField::PriorFunctioning),
                        sink,
                    ),
                    Leaf::LivesAlone(b) => opt(
                        sc.lives_alone.map(|v| v == b),
                        MissingRef::Social(SocialField::LivesAlone),
                        sink,
                    ),
                    Leaf::ConfidantsAtMost(n) => opt(
                        sc.confidants.map(|c| c <= n),
                        MissingRef::Social(SocialField::Confidants),
                        sink,
                    ),
                    Leaf::OnsetKnown(b) => Truth::from_bool(self.facts.onset_known() == b),
                    _ => Truth::False,
                }
            }
            Ctx::Person(i) => match inv.people.get(i) {
                Some(p) => self.person_leaf(leaf, i, p, sink),
                None => Truth::False,
            },
            Ctx::Event(e) => match inv.events.get(e) {
                Some(ev) => self.event_leaf(leaf, e, ev, sink),
                None => Truth::False,
            },
            #[cfg(test)]
            Ctx::Absent => Truth::False,
        }
    }

    fn person_leaf<S: Sink>(&self, leaf: Leaf, i: usize, p: &crate::Person, sink: &mut S) -> Truth {
        let at = |f: PersonField| MissingRef::Person(i, f);
        let known = Truth::from_bool;
        // A recorded conflict: present with a level above none.
        let conflict = p
            .conflict
            .as_ref()
            .filter(|c| c.level > ConflictLevel::None);
        match leaf {
            Leaf::RelationshipIn(m) => known(m & bit(p.relationship as u32) != 0),
            Leaf::ClosenessIn(m) => opt(
                p.closeness.map(|v| m & bit(v as u32) != 0),
                at(PersonField::Closeness),
                sink,
            ),
            Leaf::Deceased(b) => known(p.status.is_deceased() == b),
            Leaf::Estranged(b) => known((p.status == PersonStatus::Estranged) == b),
            Leaf::Significant(b) => known(is_significant(p) == b),
            Leaf::ConflictLevelAtLeast(l) => {
                let level = p.conflict.as_ref().map_or(ConflictLevel::None, |c| c.level);
                known(level >= l)
            }
            Leaf::ConflictVisibilityIn(m) => match conflict {
                None => Truth::False,
                Some(c) => opt(
                    c.visibility.map(|v| m & bit(v as u32) != 0),
                    at(PersonField::ConflictVisibility),
                    sink,
                ),
            },
            Leaf::ConflictCourseIn(m) => match conflict {
                None => Truth::False,
                Some(c) => opt(
                    c.course.map(|v| m & bit(v as u32) != 0),
                    at(PersonField::ConflictCourse),
                    sink,
                ),
            },
            Leaf::ConflictBeganIn(m) => match conflict {
                None => Truth::False,
                Some(c) => opt(
                    c.began.map(|v| m & bit(v as u32) != 0),
                    at(PersonField::ConflictBegan),
                    sink,
                ),
            },
            Leaf::ExpectationsMetIn(m) => {
                let lists_unknown = m & bit(ExpectationsMet::Unknown as u32) != 0;
                match &p.expectations {
                    None if lists_unknown => Truth::True,
                    None => opt(None, at(PersonField::Expectations), sink),
                    Some(e) if m & bit(e.met as u32) != 0 => Truth::True,
                    Some(e) if e.met == ExpectationsMet::Unknown => {
                        opt(None, at(PersonField::ExpectationsMet), sink)
                    }
                    Some(_) => Truth::False,
                }
            }
            Leaf::ChangeAroundOnsetIn(m) => opt(
                p.change_around_onset.map(|v| m & bit(v as u32) != 0),
                at(PersonField::ChangeAroundOnset),
                sink,
            ),
            Leaf::Confidant(b) => opt(
                p.confidant.map(|v| v == b),
                at(PersonField::Confidant),
                sink,
            ),
            Leaf::Supportive(b) => opt(
                p.supportive.map(|v| v == b),
                at(PersonField::Supportive),
                sink,
            ),
            Leaf::DiedWithin(w) => {
                if p.status.is_deceased() {
                    self.within(death_date(p), w, at(PersonField::DeceasedDate), sink)
                } else {
                    Truth::False
                }
            }
            _ => Truth::False,
        }
    }

    fn event_leaf<S: Sink>(
        &self,
        leaf: Leaf,
        e: usize,
        ev: &crate::LifeEvent,
        sink: &mut S,
    ) -> Truth {
        let at = |f: EventField| MissingRef::Event(e, f);
        let known = Truth::from_bool;
        match leaf {
            Leaf::KindIn(m) => known(m & bit(ev.kind as u32) != 0),
            Leaf::Within(w) => self.within(ev.date, w, at(EventField::Date), sink),
            Leaf::Linked(w) => {
                let patient = ev.linked_to_onset.map_or(Truth::Unknown, Truth::from_bool);
                if patient == Truth::True {
                    return Truth::True;
                }
                let window = self.within(ev.date, w, at(EventField::Date), &mut Discard);
                let truth = patient.or(window);
                if truth == Truth::Unknown {
                    // Either fact would settle it: the window's, or the
                    // patient's own link when not asked.
                    self.within(ev.date, w, at(EventField::Date), sink);
                    if patient == Truth::Unknown {
                        sink.missing(at(EventField::LinkedToOnset));
                    }
                }
                truth
            }
            Leaf::LinkedToOnset(b) => opt(
                ev.linked_to_onset.map(|v| v == b),
                at(EventField::LinkedToOnset),
                sink,
            ),
            Leaf::HasGriefSignIn(m) => {
                known(ev.grief_signs.iter().any(|&s| m & bit(s as u32) != 0))
            }
            _ => Truth::False,
        }
    }
}

/// The index of an area in [`ProblemArea`] declaration order.
pub(crate) fn area_index(area: ProblemArea) -> usize {
    match area {
        ProblemArea::Grief => 0,
        ProblemArea::RoleDispute => 1,
        ProblemArea::RoleTransition => 2,
        ProblemArea::InterpersonalDeficits => 3,
    }
}

/// The four areas in declaration order.
pub(crate) const AREAS: [ProblemArea; 4] = [
    ProblemArea::Grief,
    ProblemArea::RoleDispute,
    ProblemArea::RoleTransition,
    ProblemArea::InterpersonalDeficits,
];

impl Engine {
    /// Evaluates the rules against an inventory and applies the selection
    /// policy: scores and evidence for every area, the suggested focus (at most
    /// two areas), the dispute's stage and grief's kind when in focus,
    /// advisories (a safety advisory always first) and the missing facts that
    /// held rules back. See the [crate's engine docs](crate::Engine) for the
    /// policy.
    ///
    /// Pure and deterministic: the same inventory gives the same assessment,
    /// byte for byte. It never panics, whatever the inventory holds (an
    /// inventory that fails `validate` is still evaluated; references to
    /// unknown people read as unknown).
    ///
    /// ```
    /// use interpersonal::{from_json, Engine, Inventory, ProblemArea, DisputeStage};
    ///
    /// let inv: Inventory = from_json(r#"{
    ///   "schema_version": 1, "assessed_on": "2026-03-02", "onset": "2025-11",
    ///   "people": [{"id": "wife", "label": "W", "relationship": "spouse",
    ///     "conflict": {"level": "high", "visibility": "overt", "course": "stalled",
    ///                  "began": "before_onset"},
    ///     "expectations": {"met": "unmet"}, "change_around_onset": "worse"}]
    /// }"#)?;
    /// let a = Engine::standard()?.evaluate(&inv);
    /// assert_eq!(a.focus, vec![ProblemArea::RoleDispute]);
    /// assert_eq!(a.dispute_stage, Some(DisputeStage::Impasse));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn evaluate(&self, inventory: &Inventory) -> Assessment {
        let compiled = &self.compiled;
        let facts = Facts::new(inventory, &compiled.windows);
        let masks = SubjectMasks::new(
            &facts,
            &compiled.windows,
            compiled.person_needs,
            compiled.event_person_needs,
        );
        let mut store = NodeTruths::new();
        let eval = Eval::new(compiled, &facts, &masks, &mut store);
        let rules = &self.rule_set().rules;
        let params = &self.rule_set().parameters;

        let mut tallies = AREAS.map(|area| AreaTally {
            area,
            score: 0.0,
            linked: false,
        });
        let mut fired = [0usize; AREAS.len()];
        for (rule, &root) in rules.iter().zip(&compiled.roots) {
            if eval.rule_truth(root) == Truth::True {
                let ai = area_index(rule.area);
                if let Some(t) = tallies.get_mut(ai) {
                    t.score += rule.weight;
                    t.linked |= rule.links_onset;
                }
                if let Some(n) = fired.get_mut(ai) {
                    *n += 1;
                }
            }
        }
        let focus = policy::select_focus(params, &tallies);

        let mut findings: Vec<AreaFinding> = tallies
            .iter()
            .zip(fired)
            .map(|(t, fired)| AreaFinding {
                area: t.area,
                score: t.score,
                confidence: policy::confidence(params, t.score),
                evidence: Vec::with_capacity(fired),
                near_misses: Vec::new(),
            })
            .collect();
        let mut near_misses = AREAS.map(|_| NearMisses::default());
        let mut people = SubjectBits::new(inventory.people.len());
        let mut events = SubjectBits::new(inventory.events.len());
        let mut missing_raw = MissingList::new((MissingRef::Onset, 0));
        for (ri, (rule, &root)) in rules.iter().zip(&compiled.roots).enumerate() {
            let ai = area_index(rule.area);
            let truth = eval.rule_truth(root);
            match truth {
                Truth::True => {
                    people.clear();
                    events.clear();
                    eval.witnesses(root, &mut people, &mut events);
                    let mut subjects: Vec<Subject> =
                        Vec::with_capacity(people.count() + events.count());
                    subjects.extend(
                        people
                            .iter()
                            .filter_map(|i| inventory.people.get(i))
                            .map(|p| Subject::Person(p.id.clone())),
                    );
                    subjects.extend(
                        events
                            .iter()
                            .filter_map(|e| inventory.events.get(e))
                            .map(|e| Subject::Event(e.id.clone())),
                    );
                    if let Some(f) = findings.get_mut(ai) {
                        f.evidence.push(Evidence {
                            rule: rule.id.clone(),
                            rule_version: rule.version,
                            area: rule.area,
                            summary: rule.summary.clone(),
                            detail: rule.detail.clone(),
                            indicator: rule.indicator,
                            source: rule.source.clone(),
                            subjects,
                            weight: rule.weight,
                            links_onset: rule.links_onset,
                        });
                    }
                }
                Truth::Unknown => eval.missing(
                    root,
                    &mut HeldBack {
                        list: &mut missing_raw,
                        rule: ri,
                    },
                ),
                Truth::False => {}
            }
            if truth != Truth::True && !focus.contains(&rule.area) {
                if let Some(near) = near_misses.get_mut(ai) {
                    near.offer(eval.proximity(root), ri, truth);
                }
            }
        }
        for (f, near) in findings.iter_mut().zip(&near_misses) {
            if !focus.contains(&f.area) {
                f.near_misses = near.listed(rules, compiled);
            }
        }

        let mut extra_missing = None;
        let dispute_stage = if focus.contains(&ProblemArea::RoleDispute) {
            let evidence = findings
                .get(area_index(ProblemArea::RoleDispute))
                .map_or(&[][..], |f| f.evidence.as_slice());
            let (stage, missing) = policy::dispute_stage(inventory, evidence);
            extra_missing = missing;
            stage
        } else {
            None
        };
        let grief_kind = if focus.contains(&ProblemArea::Grief) {
            let evidence = findings
                .get(area_index(ProblemArea::Grief))
                .map_or(&[][..], |f| f.evidence.as_slice());
            policy::grief_kind(inventory, evidence)
        } else {
            None
        };
        let advisories = policy::advisories(inventory, &focus, facts.onset_known());
        let missing = merge_missing(inventory, rules, missing_raw.as_mut_slice(), extra_missing);

        Assessment {
            rule_set: RuleSetInfo {
                id: self.rule_set().id.clone(),
                version: self.rule_set().version.clone(),
                fingerprint: self.fingerprint().to_owned(),
            },
            assessed_on: inventory.assessed_on,
            areas: findings,
            focus,
            dispute_stage,
            grief_kind,
            advisories,
            missing,
        }
    }

    /// Evaluates many inventories; the result is `inventories` mapped through
    /// [`Engine::evaluate`], in order.
    ///
    /// ```
    /// use interpersonal::{Engine, EpisodeOnset, Inventory};
    /// use chrono::NaiveDate;
    ///
    /// let engine = Engine::standard()?;
    /// let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
    /// let batch = engine.evaluate_batch(&[inv.clone(), inv.clone()]);
    /// assert_eq!(batch, vec![engine.evaluate(&inv), engine.evaluate(&inv)]);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn evaluate_batch(&self, inventories: &[Inventory]) -> Vec<Assessment> {
        inventories.iter().map(|inv| self.evaluate(inv)).collect()
    }
}

/// Merges missing fields by path: document order, held-back rule ids sorted
/// and deduplicated; `extra` adds what the policy needed (the dispute stage).
/// `raw` pairs each missing field with the index of a rule it held back; it
/// is sorted in place. Only the output allocates, each part at its final size.
fn merge_missing(
    inv: &Inventory,
    rules: &[crate::Rule],
    raw: &mut [(MissingRef, usize)],
    extra: Option<(MissingRef, NeededFor)>,
) -> Vec<MissingFact> {
    raw.sort_unstable();
    let distinct = raw.chunk_by(|a, b| a.0 == b.0).count();
    let extra_alone = extra.filter(|(m, _)| raw.binary_search_by(|(r, _)| r.cmp(m)).is_err());
    let mut out: Vec<MissingFact> =
        Vec::with_capacity(distinct + usize::from(extra_alone.is_some()));
    let fact = |m: MissingRef, held_back: Vec<RuleId>| MissingFact {
        path: m.path(),
        subject: m.subject(inv),
        held_back,
        needed_for: match extra {
            Some((r, n)) if r == m => vec![n],
            _ => Vec::new(),
        },
    };
    let mut pending = extra_alone;
    for group in raw.chunk_by(|a, b| a.0 == b.0) {
        let Some(&(m, _)) = group.first() else {
            continue;
        };
        if let Some((e, _)) = pending.filter(|(e, _)| *e < m) {
            out.push(fact(e, Vec::new()));
            pending = None;
        }
        let rules_held = group
            .chunk_by(|a, b| a.1 == b.1)
            .filter(|g| g.first().is_some_and(|&(_, ri)| ri < rules.len()))
            .count();
        let mut held_back: Vec<RuleId> = Vec::with_capacity(rules_held);
        for g in group.chunk_by(|a, b| a.1 == b.1) {
            if let Some(rule) = g.first().and_then(|&(_, ri)| rules.get(ri)) {
                held_back.push(rule.id.clone());
            }
        }
        // Rule ids are unique in a rule set, so an unstable sort is stable here.
        held_back.sort_unstable();
        held_back.dedup();
        out.push(fact(m, held_back));
    }
    if let Some((e, _)) = pending {
        out.push(fact(e, Vec::new()));
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::{
        Basis, Closeness, Condition, ConflictCourse, ConflictVisibility, EpisodeOnset,
        EventCondition, EventId, EventKind, GriefSign, PartialDate, PersonCondition, PersonId,
        PriorFunctioning, RelationshipChange, RelationshipKind, RelativeToOnset, Rule, RuleSet,
        Source, Window,
    };
    use strum::IntoEnumIterator;

    fn each<T: IntoEnumIterator + Copy>() -> Vec<Vec<T>> {
        let all: Vec<T> = T::iter().collect();
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
            Source::new("test", Basis::Inferred),
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
                    crate::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
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
            let facts = Facts::new(&inv, &compiled.windows);
            let masks = SubjectMasks::new(
                &facts,
                &compiled.windows,
                compiled.person_needs,
                compiled.event_person_needs,
            );
            let mut store = NodeTruths::new();
            let eval = Eval::new(compiled, &facts, &masks, &mut store);
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
                            facts.event_person(i).map_or(Ctx::Absent, Ctx::Person)
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
        }
        assert!(seen.iter().all(|&n| n > 10_000), "{seen:?}");
    }
}
