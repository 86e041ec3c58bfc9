//! Evaluating a compiled rule set against an inventory.
//!
//! Facts are derived once per inventory ([`Facts`]); each rule's flat
//! condition is then walked with three-valued logic without allocating. Only
//! building the output allocates: the evidence of rules that fired (with their
//! subjects), the missing facts of rules that ended unknown, and the near
//! misses of areas not in focus.

use crate::{
    ConflictLevel, ExpectationsMet, Inventory, NeededFor, PersonStatus, ProblemArea, RuleId,
    Subject,
};

use super::assessment::{AreaFinding, Assessment, Evidence, MissingFact, RuleSetInfo};
use super::compile::{Compiled, Engine, Leaf, Node, bit};
use super::facts::{
    EventField, Facts, MissingRef, PersonField, SocialField, SubjectRef, Truth, WindowRef,
    death_date, is_significant,
};
use super::policy::{self, AreaTally};

/// What a condition is being evaluated about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    /// The inventory as a whole.
    Root,
    /// One person, by index.
    Person(usize),
    /// One event, by index.
    Event(usize),
    /// Nothing (used to measure how close a quantifier with no subjects came):
    /// every leaf is false.
    Absent,
}

/// Where a leaf reports the fields it missed when it is unknown.
trait Sink {
    fn missing(&mut self, m: MissingRef);
}

/// Drops reports: plain evaluation, which must not allocate.
struct Discard;

impl Sink for Discard {
    #[inline(always)]
    fn missing(&mut self, _: MissingRef) {}
}

impl Sink for Vec<MissingRef> {
    fn missing(&mut self, m: MissingRef) {
        self.push(m);
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

/// An evaluation of one compiled rule set against one inventory's facts.
pub(crate) struct Eval<'e, 'i> {
    pub(crate) compiled: &'e Compiled,
    pub(crate) facts: &'e Facts<'i>,
}

impl Eval<'_, '_> {
    /// The truth of node `n` about `ctx`. Allocation-free.
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

    /// Collects the missing fields that made node `n` unknown about `ctx`.
    /// Call only when `truth(n, ctx)` is unknown.
    fn collect_missing(&self, n: u32, ctx: Ctx, out: &mut Vec<MissingRef>) {
        match self.compiled.node(n) {
            None => {}
            Some(Node::All { start, len } | Node::Any { start, len }) => {
                for &k in self.compiled.kids(start, len) {
                    if self.truth(k, ctx) == Truth::Unknown {
                        self.collect_missing(k, ctx, out);
                    }
                }
            }
            Some(Node::Not(k)) => self.collect_missing(k, ctx, out),
            Some(Node::SomePerson(k)) => {
                for i in 0..self.facts.inv.people.len() {
                    if self.truth(k, Ctx::Person(i)) == Truth::Unknown {
                        self.collect_missing(k, Ctx::Person(i), out);
                    }
                }
            }
            Some(Node::SomeEvent(k)) => {
                for e in 0..self.facts.inv.events.len() {
                    if self.truth(k, Ctx::Event(e)) == Truth::Unknown {
                        self.collect_missing(k, Ctx::Event(e), out);
                    }
                }
            }
            Some(Node::EventPerson(k)) => {
                if let Ctx::Event(e) = ctx {
                    match self.facts.event_person(e) {
                        Some(p) => self.collect_missing(k, Ctx::Person(p), out),
                        None => out.push(MissingRef::Event(e, EventField::Person)),
                    }
                }
            }
            Some(Node::Leaf(leaf)) => {
                self.leaf(leaf, ctx, out);
            }
        }
    }

    /// Collects the witnesses that made node `n` true about `ctx`: the people
    /// and events for which quantifiers held, and the person of an event whose
    /// person condition held. Call only when `truth(n, ctx)` is true.
    fn collect_witnesses(&self, n: u32, ctx: Ctx, out: &mut Vec<SubjectRef>) {
        match self.compiled.node(n) {
            None | Some(Node::Not(_) | Node::Leaf(_)) => {}
            Some(Node::All { start, len } | Node::Any { start, len }) => {
                for &k in self.compiled.kids(start, len) {
                    if self.compiled.yields_subjects(k) && self.truth(k, ctx) == Truth::True {
                        self.collect_witnesses(k, ctx, out);
                    }
                }
            }
            Some(Node::SomePerson(k)) => {
                let deeper = self.compiled.yields_subjects(k);
                for i in 0..self.facts.inv.people.len() {
                    if self.truth(k, Ctx::Person(i)) == Truth::True {
                        out.push(SubjectRef::Person(i));
                        if deeper {
                            self.collect_witnesses(k, Ctx::Person(i), out);
                        }
                    }
                }
            }
            Some(Node::SomeEvent(k)) => {
                let deeper = self.compiled.yields_subjects(k);
                for e in 0..self.facts.inv.events.len() {
                    if self.truth(k, Ctx::Event(e)) == Truth::True {
                        out.push(SubjectRef::Event(e));
                        if deeper {
                            self.collect_witnesses(k, Ctx::Event(e), out);
                        }
                    }
                }
            }
            Some(Node::EventPerson(k)) => {
                if let Ctx::Event(e) = ctx {
                    if let Some(p) = self.facts.event_person(e) {
                        out.push(SubjectRef::Person(p));
                        if self.compiled.yields_subjects(k) {
                            self.collect_witnesses(k, Ctx::Person(p), out);
                        }
                    }
                }
            }
        }
    }

    /// The truth of a leaf, without reporting missing facts.
    pub(crate) fn leaf_truth(&self, leaf: Leaf, ctx: Ctx) -> Truth {
        self.leaf(leaf, ctx, &mut Discard)
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
            Leaf::Death(b) => known(ev.kind.is_death() == b),
            Leaf::NonDeathLoss(b) => known(ev.kind.is_non_death_loss() == b),
            Leaf::RoleChange(b) => {
                known((ev.kind.transition().is_some() && !ev.kind.is_death()) == b)
            }
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

/// How many near misses are listed per area.
const NEAR_MISS_LIMIT: usize = 3;

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
        let facts = Facts::new(inventory, &self.compiled.windows);
        let eval = Eval {
            compiled: &self.compiled,
            facts: &facts,
        };
        let rules = &self.rule_set().rules;
        let mut findings: Vec<AreaFinding> = AREAS
            .iter()
            .map(|&area| AreaFinding {
                area,
                score: 0.0,
                confidence: crate::Confidence::None,
                evidence: Vec::new(),
                near_misses: Vec::new(),
            })
            .collect();
        let mut tallies = AREAS.map(|area| AreaTally {
            area,
            score: 0.0,
            linked: false,
        });
        let mut missing_raw: Vec<(MissingRef, usize)> = Vec::new();
        let mut scratch_subjects: Vec<SubjectRef> = Vec::new();
        let mut scratch_missing: Vec<MissingRef> = Vec::new();

        let mut truths: Vec<Truth> = Vec::with_capacity(rules.len());
        for (ri, (rule, &root)) in rules.iter().zip(&self.compiled.roots).enumerate() {
            let truth = eval.truth(root, Ctx::Root);
            truths.push(truth);
            match truth {
                Truth::True => {
                    scratch_subjects.clear();
                    eval.collect_witnesses(root, Ctx::Root, &mut scratch_subjects);
                    scratch_subjects.sort_unstable();
                    scratch_subjects.dedup();
                    let mut subjects: Vec<Subject> = Vec::with_capacity(scratch_subjects.len());
                    subjects.extend(scratch_subjects.iter().filter_map(|s| s.resolve(inventory)));
                    let ai = area_index(rule.area);
                    if let Some(t) = tallies.get_mut(ai) {
                        t.score += rule.weight;
                        t.linked |= rule.links_onset;
                    }
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
                Truth::Unknown => {
                    scratch_missing.clear();
                    eval.collect_missing(root, Ctx::Root, &mut scratch_missing);
                    missing_raw.extend(scratch_missing.iter().map(|&m| (m, ri)));
                }
                Truth::False => {}
            }
        }

        let params = &self.rule_set().parameters;
        let focus = policy::select_focus(params, &tallies);
        for (f, t) in findings.iter_mut().zip(&tallies) {
            f.score = t.score;
            f.confidence = policy::confidence(params, t.score);
            if !focus.contains(&f.area) {
                f.near_misses = eval.near_misses(f.area, rules, &truths, NEAR_MISS_LIMIT);
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
        let missing = merge_missing(inventory, rules, &mut missing_raw, extra_missing);

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
