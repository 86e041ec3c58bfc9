//! Evaluating a compiled rule set against an inventory: the assessment.
//!
//! Facts are derived once per inventory: scalar ones ([`Facts`]) and lane
//! masks over the people and events ([`SubjectMasks`]). One pass then decides
//! every compiled node for every person or event at once, with bit
//! operations, and keeps the results ([`Eval`]); the evidence's subjects, the
//! missing facts and the near misses are read from those results without
//! deciding anything twice. Only building the output allocates, for typical
//! inventories (up to 64 people and 64 events) and rule sets (see
//! [`INLINE_NODES`](super::decide::INLINE_NODES)).

use crate::{
    catalogue::ProblemArea,
    engine::{NeededFor, Subject},
    id::RuleId,
    inventory::{Inventory, LinkBasis},
};

use super::assessment::{AreaFinding, Assessment, Evidence, MissingFact};
use super::buffers::{Places, SpillVec, SubjectBits};
use super::compile::Engine;
use super::condition::{EventField, PersonField};
use super::decide::Eval;
use super::facts::{Facts, Truth};
use super::leaves::Sink;
use super::missing::{FieldPath, MissingRef};
use super::policy::{self, AreaTally};
use super::proximity::NearMisses;
use super::strength::{self, Counted, FactKey, FactRuns, SubjectIndex};

/// How many (missing field, rule) pairs are kept on the stack.
const INLINE_MISSING: usize = 64;

/// How many rules' truths are kept on the stack.
const INLINE_RULES: usize = 64;

/// How many subjects of one piece of evidence are kept on the stack.
const INLINE_SUBJECTS: usize = 64;

/// How many questions besides held-back rules (onset links, the dispute's
/// stage, the grief's kind) are kept on the stack.
const INLINE_QUESTIONS: usize = 32;

/// The questions besides held-back rules: a missing field and what it would
/// settle.
type Questions = SpillVec<(MissingRef, NeededFor), INLINE_QUESTIONS>;

/// The missing fields of all rules, each with the index of the rule it held
/// back.
type MissingList = SpillVec<(MissingRef, usize), INLINE_MISSING>;

/// Collects the fields one rule missed, and shows them to `open` too when
/// it is given: one walk of the rule for both.
struct HeldBack<'a, 'i> {
    list: &'a mut MissingList,
    rule: usize,
    open: Option<&'a mut OtherAreaOpen<'i>>,
}

impl Sink for HeldBack<'_, '_> {
    fn missing(&mut self, m: MissingRef) {
        if let Some(open) = &mut self.open {
            open.missing(m);
        }
        self.list.push((m, self.rule));
    }
}

/// Notes whether a rule of grief, a dispute or a transition missed the date
/// or link of a death or life event, the onset itself, whether someone who
/// died was close, or any fact about a living person with a recorded sign of
/// one of those areas (a conflict, or a relationship that worsened, ended or
/// began around the onset): the area may exist, so interpersonal deficits,
/// "only if none of the other three areas exists", waits for the answer
/// (not recorded is not "no").
struct OtherAreaOpen<'i> {
    inv: &'i Inventory,
    seen: bool,
}

impl Sink for OtherAreaOpen<'_> {
    fn missing(&mut self, m: MissingRef) {
        self.seen |= match m {
            MissingRef::Onset
            | MissingRef::Event(..)
            | MissingRef::Person(_, PersonField::DeceasedDate) => true,
            MissingRef::Person(i, field) => self.inv.people.get(i).is_some_and(|p| {
                if p.status.is_deceased() {
                    field == PersonField::Closeness
                } else {
                    shows_another_area(p)
                }
            }),
            _ => false,
        };
    }
}

/// Whether a living person's record shows a sign of a dispute or a
/// transition: a conflict at any level, or a relationship that worsened,
/// ended or began around the onset.
fn shows_another_area(p: &crate::inventory::Person) -> bool {
    use crate::inventory::{ConflictLevel, RelationshipChange};
    p.conflict
        .as_ref()
        .is_some_and(|c| c.level > ConflictLevel::None)
        || matches!(
            p.change_around_onset,
            Some(RelationshipChange::Worse | RelationshipChange::Lost | RelationshipChange::New)
        )
}

/// The people recorded as deceased whose link to the onset is not recorded
/// and whom no death event names (a death event is asked about instead), in
/// order: each is a death whose link the clinician has not given.
fn unlinked_deaths_without_event<'f>(facts: &'f Facts<'_>) -> impl Iterator<Item = usize> + 'f {
    let inv = facts.inv;
    // Built only when someone qualifies: the people a death event names.
    let mut named: Option<SubjectBits> = None;
    inv.people
        .iter()
        .enumerate()
        .filter(move |&(i, p)| p.status.is_deceased() && facts.person_link(i).is_unknown())
        .filter(move |&(i, _)| {
            !named
                .get_or_insert_with(|| people_named_by_a_death(inv, facts))
                .contains(i)
        })
        .map(|(i, _)| i)
}

/// The index of an area in [`ProblemArea`] declaration order.
pub(crate) fn area_index(area: ProblemArea) -> usize {
    match area {
        ProblemArea::Grief => 0,
        ProblemArea::RoleDispute => 1,
        ProblemArea::RoleTransition => 2,
        ProblemArea::InterpersonalDeficits => 3,
        ProblemArea::GriefForLostHealthySelf => 4,
    }
}

/// Every area in declaration order. A rule set scores the areas of its
/// [`AreaSet`](crate::catalogue::AreaSet), which are the first of these (the
/// standard four, or all five for IPSRT), so `area_index` indexes both.
pub(crate) const AREAS: [ProblemArea; ProblemArea::COUNT] = ProblemArea::ALL;

impl Engine {
    /// Evaluates the rules against an inventory and applies the selection
    /// policy: scores and evidence for every area, the suggested focus (at most
    /// two areas), the dispute's stage and grief's kind when in focus,
    /// advisories (a safety advisory always first) and the missing facts that
    /// held rules back. See the [crate's engine docs](crate::engine::Engine) for the
    /// policy.
    ///
    /// Pure and deterministic: the same inventory gives the same assessment,
    /// byte for byte. It never panics, whatever the inventory holds.
    ///
    /// **An invalid inventory is never assessed silently.** The inventory is
    /// checked with [`Inventory::validate`] first; when it fails, the
    /// assessment carries every problem in
    /// [`Assessment::problems`](crate::engine::Assessment::problems), suggests no
    /// focus, reads no rule, and says so in an
    /// [`AdvisoryCode::InventoryInvalid`](crate::engine::AdvisoryCode::InventoryInvalid)
    /// advisory, after the safety advisories, which never wait. This design
    /// keeps one call for users (no second, validated type to build) while
    /// making it impossible to take a focus from data that failed its checks:
    /// the focus is empty and the reason is in the same value a caller stores
    /// or shows.
    ///
    /// ```
    /// use interpersonal::{from_json, Engine, Inventory, ProblemArea, catalogue::DisputeStage};
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
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn evaluate(&self, inventory: &Inventory) -> Assessment {
        if let Err(problems) = inventory.validate() {
            return self.refuse(inventory, problems);
        }
        self.compiled
            .evaluate_with(inventory, |eval| self.assess(inventory, eval))
    }

    /// The assessment of a valid inventory, read from its evaluation.
    fn assess(&self, inventory: &Inventory, eval: &Eval<'_, '_>) -> Assessment {
        let compiled = &self.compiled;
        let facts = eval.facts;
        let rules = &self.rule_set().rules;
        let params = &self.rule_set().parameters;
        let window = strength::onset_window(params);

        // Every rule decided once. How many fired in each area sizes the
        // evidence lists exactly: an assessment holds no spare room.
        let mut truths = SpillVec::<Truth, INLINE_RULES>::new(Truth::False);
        let mut fired = [0usize; ProblemArea::COUNT];
        for (rule, &root) in rules.iter().zip(&compiled.roots) {
            let truth = eval.rule_truth(root);
            truths.push(truth);
            if truth == Truth::True {
                if let Some(n) = fired.get_mut(area_index(rule.area)) {
                    *n += 1;
                }
            }
        }
        let truths = truths.as_mut_slice();

        // Its evidence when it fired, the facts it missed when it was
        // unknown.
        let mut evidence: [Vec<Evidence>; ProblemArea::COUNT] = fired.map(Vec::with_capacity);
        // How each piece of evidence counts, every area's in rule order, and
        // their facts: scratch kept inline for a typical inventory.
        let mut counted = SpillVec::<Counted, INLINE_RULES>::new(Counted::NONE);
        let mut runs = FactRuns::new();
        let mut places = Places::new(FactKey::Context);
        let areas = self.rule_set().area_set.areas();
        let mut open = OtherAreaOpen {
            inv: inventory,
            seen: false,
        };
        let mut people = SubjectBits::new(inventory.people.len());
        let mut events = SubjectBits::new(inventory.events.len());
        let mut missing_raw = MissingList::new((MissingRef::Onset, 0));
        let mut link_questions = Questions::new((MissingRef::Onset, NeededFor::OnsetLink));
        // The people a death event names, found when first needed.
        let mut death_named: Option<SubjectBits> = None;
        // The subjects of one piece of evidence by index, reused.
        let mut indices = SpillVec::<SubjectIndex, INLINE_SUBJECTS>::new(SubjectIndex::Person(0));
        for (ri, ((rule, &root), &truth)) in rules
            .iter()
            .zip(&compiled.roots)
            .zip(truths.iter())
            .enumerate()
        {
            let ai = area_index(rule.area);
            match truth {
                Truth::True => {
                    people.clear();
                    events.clear();
                    eval.witnesses(root, &mut people, &mut events);
                    let mut subjects: Vec<Subject> =
                        Vec::with_capacity(people.count() + events.count());
                    indices.clear();
                    people.for_each(|i| {
                        if let Some(p) = inventory.people.get(i) {
                            subjects.push(Subject::Person(p.id.clone()));
                            indices.push(SubjectIndex::Person(i));
                        }
                    });
                    events.for_each(|i| {
                        if let Some(e) = inventory.events.get(i) {
                            subjects.push(Subject::Event(e.id.clone()));
                            indices.push(SubjectIndex::Event(i));
                        }
                    });
                    if rule.area != ProblemArea::InterpersonalDeficits {
                        for &s in indices.as_slice() {
                            if !strength::link_unknown(facts, s) {
                                continue;
                            }
                            // A deceased person's link is asked on their
                            // death event, when there is one. The people a
                            // death event names are found once, by one pass
                            // over the events, the first time a deceased
                            // person's link is unknown: a scan per person
                            // would make the time quadratic.
                            if let SubjectIndex::Person(i) = s {
                                if inventory
                                    .people
                                    .get(i)
                                    .is_some_and(|p| p.status.is_deceased())
                                    && death_named
                                        .get_or_insert_with(|| {
                                            people_named_by_a_death(inventory, facts)
                                        })
                                        .contains(i)
                                {
                                    continue;
                                }
                            }
                            link_questions.push((
                                match s {
                                    SubjectIndex::Person(i) => {
                                        MissingRef::Person(i, PersonField::LinkedToOnset)
                                    }
                                    SubjectIndex::Event(e) => {
                                        MissingRef::Event(e, EventField::LinkedToOnset)
                                    }
                                },
                                NeededFor::OnsetLink,
                            ));
                        }
                    }
                    let c = Counted::new(
                        &mut runs,
                        &mut places,
                        facts,
                        window,
                        rule.area,
                        indices.as_slice(),
                    );
                    counted.push(c);
                    if let Some(list) = evidence.get_mut(ai) {
                        list.push(Evidence {
                            rule: rule.id.clone(),
                            rule_version: rule.version,
                            area: rule.area,
                            summary: rule.summary.clone(),
                            detail: rule.detail.clone(),
                            indicator: rule.indicator,
                            source: rule.source.clone(),
                            subjects,
                            weight: rule.weight,
                            counted: 0.0,
                            onset_link: c.link(),
                        });
                    }
                }
                Truth::Unknown => {
                    // A fact that could still point to grief, a dispute or a
                    // transition ([`OtherAreaOpen`]) held back one of their
                    // rules: the other areas cannot be ruled out, so deficits
                    // is not suggested (CLINICAL-BASIS.md §2.4: deficits "only
                    // if none of the other three areas exists"; missing is
                    // not false).
                    let watch = rule.area != ProblemArea::InterpersonalDeficits && !open.seen;
                    eval.missing(
                        root,
                        &mut HeldBack {
                            list: &mut missing_raw,
                            rule: ri,
                            open: watch.then_some(&mut open),
                        },
                    );
                }
                Truth::False => {}
            }
        }

        // Indexed like `areas`, which are the first of `AREAS`: kept on the
        // stack, and only the rule set's areas are selected from.
        let mut tallies = AREAS.map(|area| AreaTally {
            area,
            score: 0.0,
            link: LinkBasis::None,
        });
        let mut findings: Vec<AreaFinding> = Vec::with_capacity(areas.len());
        for (ai, (area, list)) in areas.iter().zip(evidence).enumerate() {
            let mut list = list;
            let st = strength::count_area(
                inventory,
                *area,
                &mut list,
                counted.as_slice(),
                &runs,
                (params.support_cap, params.min_focus_score),
            );
            if let Some(t) = tallies.get_mut(ai) {
                t.score = st.linked_score;
                t.link = st.link;
            }
            findings.push(AreaFinding {
                area: *area,
                score: st.score,
                strength: policy::strength(params, st.score),
                onset_link: st.link,
                evidence: list,
                near_misses: Vec::new(),
            });
        }
        let any_other_evidence = findings
            .iter()
            .any(|f| f.area != ProblemArea::InterpersonalDeficits && f.score > 0.0);
        // A death or a life change whose link to the onset is not recorded
        // (on the event, or, for a death, on the deceased): deficits is "only
        // if none of the other three areas exists", so it waits for the
        // clinician's answer, whatever the event's date. A person recorded as
        // deceased with no death event is the same fact and waits the same
        // way.
        let unresolved = || {
            inventory
                .events
                .iter()
                .enumerate()
                .filter(|&(e, ev)| {
                    facts.event_link(e).is_unknown()
                        && (ev.kind.is_death() || ev.kind.transition().is_some())
                })
                .map(|(e, _)| MissingRef::Event(e, EventField::LinkedToOnset))
                .chain(
                    unlinked_deaths_without_event(facts)
                        .map(|i| MissingRef::Person(i, PersonField::LinkedToOnset)),
                )
        };
        let deficits_scored = tallies
            .get(area_index(ProblemArea::InterpersonalDeficits))
            .is_some_and(|t| t.score >= params.min_focus_score);
        if deficits_scored && !any_other_evidence {
            for m in unresolved() {
                link_questions.push((m, NeededFor::OnsetLink));
            }
        }
        let selection = policy::select_focus(
            params,
            tallies.get(..areas.len()).unwrap_or(&tallies),
            open.seen || any_other_evidence || unresolved().next().is_some(),
        );
        let focus = selection.focus;

        let mut near_misses = [NearMisses::default(); ProblemArea::COUNT];
        for (ri, ((rule, &root), &truth)) in rules
            .iter()
            .zip(&compiled.roots)
            .zip(truths.iter())
            .enumerate()
        {
            if truth != Truth::True && !focus.contains(&rule.area) {
                if let Some(near) = near_misses.get_mut(area_index(rule.area)) {
                    near.offer(eval.proximity(root), ri, truth);
                }
            }
        }
        for (f, near) in findings.iter_mut().zip(&near_misses) {
            if !focus.contains(&f.area) {
                f.near_misses = near.listed(rules, compiled);
            }
        }

        let mut extra_missing = link_questions;
        let dispute_stage = if focus.contains(&ProblemArea::RoleDispute) {
            let evidence = findings
                .get(area_index(ProblemArea::RoleDispute))
                .map_or(&[][..], |f| f.evidence.as_slice());
            let area_facts = strength::AreaFacts::of_area(
                ProblemArea::RoleDispute,
                evidence,
                counted.as_slice(),
                &runs,
                params.support_cap,
            );
            let (stage, missing) = policy::dispute_stage(inventory, evidence, &area_facts, params);
            if let Some(m) = missing {
                extra_missing.push(m);
            }
            stage
        } else {
            None
        };
        let grief_kind = if focus.contains(&ProblemArea::Grief) {
            let evidence = findings
                .get(area_index(ProblemArea::Grief))
                .map_or(&[][..], |f| f.evidence.as_slice());
            let area_facts = strength::AreaFacts::of_area(
                ProblemArea::Grief,
                evidence,
                counted.as_slice(),
                &runs,
                params.support_cap,
            );
            policy::grief_kind(facts, evidence, &area_facts, params, |m| {
                extra_missing.push(m)
            })
        } else {
            None
        };
        let deficits_held_back = focus.is_empty()
            && findings
                .get(area_index(ProblemArea::InterpersonalDeficits))
                .is_some_and(|f| f.score >= params.min_focus_score);
        let inferred = focus.iter().any(|a| {
            findings
                .get(area_index(*a))
                .is_some_and(|f| f.onset_link == LinkBasis::InferredFromDates)
        });
        let advisories = policy::advisories(
            inventory,
            &policy::Situation {
                focus: &focus,
                onset_known: facts.onset_known(),
                deficits_held_back,
                tied: selection.tied,
                link_inferred: inferred,
                invalid: false,
                ipsrt: self.rule_set().area_set == crate::catalogue::AreaSet::Ipsrt,
            },
        );
        let missing = merge_missing(
            inventory,
            rules,
            &compiled.id_rank,
            missing_raw.as_mut_slice(),
            extra_missing.as_mut_slice(),
        );

        Assessment {
            schema_version: super::assessment::ASSESSMENT_SCHEMA_VERSION,
            rule_set: self.info.clone(),
            assessed_on: inventory.assessed_on,
            areas: findings,
            recommendations: compiled.recommendations.for_focus(&focus),
            focus,
            dispute_stage,
            grief_kind,
            advisories,
            missing,
            problems: Vec::new(),
        }
    }

    /// The assessment of an inventory that failed validation: no focus, no
    /// evidence, the problems, and the advisories that never wait (the safety
    /// screen's) before the one saying the inventory is invalid.
    fn refuse(&self, inventory: &Inventory, problems: crate::Problems) -> Assessment {
        let params = &self.rule_set().parameters;
        let advisories = policy::advisories(
            inventory,
            &policy::Situation {
                focus: &[],
                onset_known: inventory.onset.date().is_some(),
                deficits_held_back: false,
                tied: false,
                link_inferred: false,
                invalid: true,
                ipsrt: self.rule_set().area_set == crate::catalogue::AreaSet::Ipsrt,
            },
        );
        Assessment {
            schema_version: super::assessment::ASSESSMENT_SCHEMA_VERSION,
            rule_set: self.info.clone(),
            assessed_on: inventory.assessed_on,
            areas: self
                .rule_set()
                .area_set
                .areas()
                .iter()
                .map(|&area| AreaFinding {
                    area,
                    score: 0.0,
                    strength: policy::strength(params, 0.0),
                    onset_link: LinkBasis::None,
                    evidence: Vec::new(),
                    near_misses: Vec::new(),
                })
                .collect(),
            recommendations: self.compiled.recommendations.for_focus(&[]),
            focus: Vec::new(),
            dispute_stage: None,
            grief_kind: None,
            advisories,
            missing: Vec::new(),
            problems: problems.into_iter().collect(),
        }
    }

    /// Evaluates many inventories; the result is `inventories` mapped through
    /// [`Engine::evaluate`], in order.
    ///
    /// ```
    /// use interpersonal::{Engine, date::EpisodeOnset, Inventory};
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

    /// Evaluates inventories one at a time, as they are asked for: each
    /// assessment is made when the iterator reaches it and kept only as long
    /// as the caller keeps it, so a batch of any size is read in constant
    /// memory (beyond the inventories themselves). The assessments are those
    /// of [`Engine::evaluate`], in order.
    ///
    /// ```
    /// use interpersonal::{Engine, date::EpisodeOnset, Inventory, ProblemArea};
    /// use chrono::NaiveDate;
    ///
    /// let engine = Engine::standard()?;
    /// let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
    /// let batch = vec![inv.clone(); 1000];
    /// // Count the inventories with grief in focus, keeping no assessment.
    /// let grief = engine
    ///     .evaluate_iter(&batch)
    ///     .filter(|a| a.focus.contains(&ProblemArea::Grief))
    ///     .count();
    /// assert_eq!(grief, 0);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn evaluate_iter<'a, I>(&'a self, inventories: I) -> impl Iterator<Item = Assessment> + 'a
    where
        I: IntoIterator<Item = &'a Inventory>,
        I::IntoIter: 'a,
    {
        inventories.into_iter().map(|inv| self.evaluate(inv))
    }

    /// Evaluates a batch on every core (with the `rayon` feature): the same
    /// assessments as [`Engine::evaluate_batch`], in the same order, made in
    /// parallel on rayon's global thread pool.
    ///
    /// ```
    /// use interpersonal::{Engine, date::EpisodeOnset, Inventory};
    /// use chrono::NaiveDate;
    ///
    /// let engine = Engine::standard()?;
    /// let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
    /// let batch = vec![inv; 100];
    /// assert_eq!(engine.par_evaluate_batch(&batch), engine.evaluate_batch(&batch));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    #[cfg(feature = "rayon")]
    pub fn par_evaluate_batch(&self, inventories: &[Inventory]) -> Vec<Assessment> {
        use rayon::prelude::*;
        inventories
            .par_iter()
            .map(|inv| self.evaluate(inv))
            .collect()
    }

    /// Evaluates a batch on every core (with the `rayon` feature), handing
    /// each assessment with the index of its inventory to `each` and keeping
    /// none: a streaming batch whose memory does not grow with the batch.
    /// `each` is called from several threads at once, in no set order; the
    /// assessment it is given for index `i` is that of
    /// [`Engine::evaluate`] for `inventories[i]`. To gather results, fold
    /// them in `each` into something shared (an atomic counter, a channel)
    /// or use [`Engine::par_evaluate_batch`].
    ///
    /// ```
    /// use std::sync::atomic::{AtomicUsize, Ordering};
    /// use interpersonal::{Engine, date::EpisodeOnset, Inventory};
    /// use chrono::NaiveDate;
    ///
    /// let engine = Engine::standard()?;
    /// let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
    /// let batch = vec![inv; 1000];
    /// let without_focus = AtomicUsize::new(0);
    /// engine.par_evaluate_each(&batch, |_, a| {
    ///     if a.focus.is_empty() {
    ///         without_focus.fetch_add(1, Ordering::Relaxed);
    ///     }
    /// });
    /// assert_eq!(without_focus.into_inner(), 1000);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    #[cfg(feature = "rayon")]
    pub fn par_evaluate_each<F>(&self, inventories: &[Inventory], each: F)
    where
        F: Fn(usize, Assessment) + Sync + Send,
    {
        use rayon::prelude::*;
        inventories
            .par_iter()
            .enumerate()
            .for_each(|(i, inv)| each(i, self.evaluate(inv)));
    }
}

/// The people a death event of the inventory names: one pass over the
/// events.
fn people_named_by_a_death(inventory: &Inventory, facts: &Facts<'_>) -> SubjectBits {
    let mut named = SubjectBits::new(inventory.people.len());
    for (e, ev) in inventory.events.iter().enumerate() {
        if ev.kind.is_death() {
            if let Some(i) = facts.event_person(e) {
                named.add(i);
            }
        }
    }
    named
}

/// Merges missing fields by path: document order, held-back rule ids sorted
/// and deduplicated; `extra` adds what else each fact would settle (the
/// dispute stage, an onset link, the grief kind). `raw` pairs each missing
/// field with the index of a rule it held back; it is sorted in place, by
/// field and then by the place of the rule's id among the ids (`rank`, see
/// [`Compiled::id_rank`](super::compile::Compiled::id_rank)), so that each
/// field's rules come out in id order with no second sort and no string
/// compared; `extra` is sorted in place too. The two sorted lists are then
/// walked side by side. Every list is allocated at its final length.
fn merge_missing(
    inv: &Inventory,
    rules: &[crate::engine::Rule],
    rank: &[u32],
    raw: &mut [(MissingRef, usize)],
    extra: &mut [(MissingRef, NeededFor)],
) -> Vec<MissingFact> {
    // A rule out of range (never the case) sorts last and is skipped.
    let place = |ri: usize| match rules.get(ri) {
        Some(_) => rank.get(ri).copied().unwrap_or(u32::MAX),
        None => u32::MAX,
    };
    raw.sort_unstable_by_key(|&(m, ri)| (m, place(ri), ri));
    extra.sort_unstable();
    let raw = &*raw;
    let extra = &*extra;
    let mut count = 0;
    each_field(raw, extra, |_, _, _| count += 1);
    let mut out: Vec<MissingFact> = Vec::with_capacity(count);
    each_field(raw, extra, |m, held, needed| {
        // `held` is sorted by place; a rule out of range (never the case)
        // would only leave one slot unused.
        let mut held_back: Vec<RuleId> =
            Vec::with_capacity(count_distinct_by(held, |&(_, ri)| place(ri)));
        let mut last: Option<u32> = None;
        for &(_, ri) in held {
            if let Some(rule) = rules.get(ri) {
                if last != Some(place(ri)) {
                    held_back.push(rule.id.clone());
                    last = Some(place(ri));
                }
            }
        }
        let mut needed_for: Vec<NeededFor> =
            Vec::with_capacity(count_distinct_by(needed, |&(_, n)| n));
        for &(_, n) in needed {
            if needed_for.last() != Some(&n) {
                needed_for.push(n);
            }
        }
        out.push(MissingFact {
            path: FieldPath(m),
            subject: m.subject(inv),
            held_back,
            needed_for,
        });
    });
    out
}

/// Calls `f` with each distinct field of `raw` and `extra`, both sorted by
/// field, in order, with the entries of each list about it.
fn each_field(
    raw: &[(MissingRef, usize)],
    extra: &[(MissingRef, NeededFor)],
    mut f: impl FnMut(MissingRef, &[(MissingRef, usize)], &[(MissingRef, NeededFor)]),
) {
    let (mut r, mut x) = (0, 0);
    loop {
        let held = raw.get(r..).unwrap_or_default();
        let needed = extra.get(x..).unwrap_or_default();
        let m = match (held.first(), needed.first()) {
            (Some(&(a, _)), Some(&(b, _))) => a.min(b),
            (Some(&(a, _)), None) => a,
            (None, Some(&(b, _))) => b,
            (None, None) => return,
        };
        let n = held.iter().take_while(|&&(field, _)| field == m).count();
        let k = needed.iter().take_while(|&&(field, _)| field == m).count();
        r += n;
        x += k;
        f(
            m,
            held.get(..n).unwrap_or_default(),
            needed.get(..k).unwrap_or_default(),
        );
    }
}

/// How many distinct keys a list sorted by them holds.
fn count_distinct_by<T, K: PartialEq>(sorted: &[T], key: impl Fn(&T) -> K) -> usize {
    let mut n = 0;
    let mut last: Option<K> = None;
    for t in sorted {
        let k = key(t);
        if last.as_ref() != Some(&k) {
            n += 1;
        }
        last = Some(k);
    }
    n
}
