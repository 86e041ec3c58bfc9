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
    inventory::Inventory,
};

use super::assessment::{AreaFinding, Assessment, Evidence, MissingFact};
use super::buffers::{SpillVec, SubjectBits};
use super::compile::Engine;
use super::decide::{Eval, NodeTruths};
use super::facts::{Facts, MissingRef, PersonField, Truth};
use super::leaves::Sink;
use super::masks::SubjectMasks;
use super::policy::{self, AreaTally};
use super::proximity::NearMisses;

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

/// Notes whether a rule missed the date or link of a death or life event, or
/// the onset itself.
struct EventTimingUnknown(bool);

impl Sink for EventTimingUnknown {
    fn missing(&mut self, m: MissingRef) {
        self.0 |= matches!(
            m,
            MissingRef::Onset
                | MissingRef::Event(..)
                | MissingRef::Person(_, PersonField::DeceasedDate)
        );
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
    /// held rules back. See the [crate's engine docs](crate::engine::Engine) for the
    /// policy.
    ///
    /// Pure and deterministic: the same inventory gives the same assessment,
    /// byte for byte. It never panics, whatever the inventory holds (an
    /// inventory that fails `validate` is still evaluated; references to
    /// unknown people read as unknown).
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
        let mut timing = EventTimingUnknown(false);
        for (rule, &root) in rules.iter().zip(&compiled.roots) {
            let truth = eval.rule_truth(root);
            // A death or life event whose timing or link is not known held
            // back a rule that could put grief or a transition in focus by
            // itself: the other areas cannot be ruled out, so deficits is not
            // suggested (§2.4: deficits "only if none of the other three areas
            // exists"; DESIGN.md decision 5: missing is not false).
            if truth == Truth::Unknown
                && rule.area != ProblemArea::InterpersonalDeficits
                && rule.weight >= params.min_focus_score
                && !timing.0
            {
                eval.missing(root, &mut timing);
            }
            if truth == Truth::True {
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
        let focus = policy::select_focus(params, &tallies, timing.0);

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
                    people.for_each(|i| {
                        if let Some(p) = inventory.people.get(i) {
                            subjects.push(Subject::Person(p.id.clone()));
                        }
                    });
                    events.for_each(|i| {
                        if let Some(e) = inventory.events.get(i) {
                            subjects.push(Subject::Event(e.id.clone()));
                        }
                    });
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
            policy::grief_kind(inventory, evidence, params)
        } else {
            None
        };
        let deficits_held_back = focus.is_empty()
            && findings
                .get(area_index(ProblemArea::InterpersonalDeficits))
                .is_some_and(|f| f.score >= params.min_focus_score);
        let advisories =
            policy::advisories(inventory, &focus, facts.onset_known(), deficits_held_back);
        let missing = merge_missing(inventory, rules, missing_raw.as_mut_slice(), extra_missing);

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
}

/// Merges missing fields by path: document order, held-back rule ids sorted
/// and deduplicated; `extra` adds what the policy needed (the dispute stage).
/// `raw` pairs each missing field with the index of a rule it held back; it
/// is sorted in place. Only the output allocates, each part at its final size.
fn merge_missing(
    inv: &Inventory,
    rules: &[crate::engine::Rule],
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
