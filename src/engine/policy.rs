//! The manuals' selection policy as explicit code (DESIGN.md decision 7):
//! which areas are in focus, the dispute's stage, the kind of grief, and the
//! advisories. Each step cites its source in CLINICAL-BASIS.md §2.5.

use crate::collections::{HashSet, HashSetExt};

use crate::macros::source;
use crate::{
    bibliography::cited,
    catalogue::{DisputeStage, GriefKind, ProblemArea},
    engine::{NeededFor, RuleParameters, Subject},
    id::{EventId, PersonId},
    inventory::{
        ConflictCourse, ConflictLevel, EventKind, GriefSign, Inventory, LinkBasis, OnsetLink,
    },
    source::Source,
    text::SharedText,
};

use super::assessment::{Advisory, AdvisoryCode, Evidence, EvidenceStrength};
use super::buffers::{Places, SpillVec};
use super::compile::bit;
use super::condition::{EventField, PersonField};
use super::facts::{Facts, is_significant};
use super::missing::MissingRef;
use super::ruleset::Indicator;
use super::strength::{AreaFacts, FactKey, SubjectIndex, fact_of};

/// An area's score for selection (the strength of its best fact linked to
/// the onset; for interpersonal deficits, its score) and that fact's link.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct AreaTally {
    pub(crate) area: ProblemArea,
    pub(crate) score: f64,
    pub(crate) link: LinkBasis,
}

/// The focus, and whether a tie decided who is in it or in what order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Selection {
    pub(crate) focus: Vec<ProblemArea>,
    pub(crate) tied: bool,
}

/// Selects the focus.
///
/// 1. An area is a candidate when the strength of its best fact *linked to
///    the onset* (by the clinician, or inferred from dates when the link is
///    unknown) is at least `min_focus_score`: the chosen area is the
///    interpersonal situation linked to the onset or persistence of the
///    episode [S: `markowitz-2016-ptsd` appendix;
///    `markowitz-weissman-2004-world-psychiatry`].
///    Evidence with no link (a death years before the onset, a long-standing
///    conflict that did not change around it) supports an area and raises
///    questions, but does not make it a focus. Interpersonal deficits, defined
///    by the absence of life events, is scored on its own evidence.
/// 2. Interpersonal deficits is not a candidate when grief, a role dispute or
///    a role transition has *any* evidence, or when something not recorded
///    could still point to one (`others`): a death or life event whose date
///    or link is not known (a deceased person's too, with or without a death
///    event), or a fact about a living person whose record shows a conflict
///    or a relationship that changed around the onset, held back a rule of
///    another area; it is chosen "only if none of the other three areas
///    exists" (§2.4, §2.5 rule 3 [S: `weissman-2018-guide` ch. 8;
///    `markowitz-weissman-2012-casebook` ch. 5]).
/// 3. Candidates are ordered by score, highest first; equal scores by the
///    strength of their onset link (stated by the clinician before inferred
///    from dates: the link decides tie-breaks, CLINICAL-BASIS.md §2.5 \[I\]).
///    Areas still equal **tie**: no order of areas is assumed
///    (no source gives one); they are listed in declaration order, and the
///    assessment says they tie and advises asking the patient which matters
///    most (§2.5 rule 2 [S: `weissman-2018-guide` ch. "Role Disputes"]).
/// 4. At most two areas, usually one: the second joins only when its score is
///    at least `second_focus_ratio` times the top score ("try to focus
///    treatment on only one problem area"; 12–16 sessions support one, at most
///    two [S: `weissman-2018-guide` ch. "Role Disputes"; K: `weissman-2000-comprehensive-guide`]).
pub(crate) fn select_focus(
    params: &RuleParameters,
    tallies: &[AreaTally],
    others: bool,
) -> Selection {
    // The candidates, sorted in place in a fixed buffer.
    let mut buffer = [None::<AreaTally>; ProblemArea::COUNT];
    let mut count = 0;
    for t in tallies
        .iter()
        .filter(|t| t.score >= params.min_focus_score)
        .filter(|t| !(t.area == ProblemArea::InterpersonalDeficits && others))
    {
        if let Some(slot) = buffer.get_mut(count) {
            *slot = Some(*t);
            count += 1;
        }
    }
    let candidates = buffer.get_mut(..count).unwrap_or(&mut []);
    let rank = |a: &AreaTally, b: &AreaTally| b.score.total_cmp(&a.score).then(b.link.cmp(&a.link));
    // A stable sort: areas that tie stay in declaration order.
    candidates.sort_by(|a, b| match (a, b) {
        (Some(a), Some(b)) => rank(a, b),
        _ => std::cmp::Ordering::Equal,
    });
    let ties = |a: Option<AreaTally>, b: Option<AreaTally>| match (a, b) {
        (Some(a), Some(b)) => rank(&a, &b) == std::cmp::Ordering::Equal,
        _ => false,
    };
    let top = candidates.first().copied().flatten();
    let second = candidates.get(1).copied().flatten();
    let third = candidates.get(2).copied().flatten();
    match (top, second) {
        (None, _) => Selection {
            focus: Vec::new(),
            tied: false,
        },
        (Some(t), Some(s)) if s.score >= params.second_focus_ratio * t.score => Selection {
            focus: vec![t.area, s.area],
            tied: ties(top, second) || ties(second, third),
        },
        (Some(t), _) => Selection {
            focus: vec![t.area],
            tied: ties(top, second),
        },
    }
}

/// The strength band of a score: none at 0, then low, moderate from
/// `strength_bands.moderate`, high from `strength_bands.high`.
pub(crate) fn strength(params: &RuleParameters, score: f64) -> EvidenceStrength {
    if score <= 0.0 || score.is_nan() {
        EvidenceStrength::None
    } else if score >= params.strength_bands.high {
        EvidenceStrength::High
    } else if score >= params.strength_bands.moderate {
        EvidenceStrength::Moderate
    } else {
        EvidenceStrength::Low
    }
}

/// A person or event of the inventory, by reference to its id: compared
/// with evidence subjects without cloning the id.
#[derive(Debug, Clone, Copy)]
enum Named<'a> {
    Person(&'a PersonId),
    Event(&'a EventId),
}

/// For each subject the evidence names (people and events, told apart by
/// the flag, `true` for a person), the sum of the weights of the evidence
/// naming it, added in evidence order (each piece of evidence counts once per
/// subject). (A subject's link is its fact's, [`AreaFacts`], not that of
/// evidence that may also name others.) Built once, so
/// that each person or event is a lookup, not a scan of all the evidence:
/// linear in the evidence's subjects.
///
/// The subjects are found by a bounded scan while they are few, and through
/// a hash map past that ([`Places`]): a typical evaluation needs no
/// allocation here.
struct NamedWeights<'a> {
    /// Where each subject's weight is in `weights`.
    at: Places<(bool, &'a [u8])>,
    weights: SpillVec<f64, INLINE_NAMED>,
}

/// How many subjects' weights [`NamedWeights`] keeps on the stack.
const INLINE_NAMED: usize = 16;

impl<'a> NamedWeights<'a> {
    fn new(evidence: &'a [Evidence]) -> Self {
        let mut at = Places::new((false, &[][..]));
        let mut weights = SpillVec::new(-0.0);
        let mut seen: Option<HashSet<(bool, &[u8])>> = None;
        for e in evidence {
            // A subject named twice by one piece of evidence counts once: a
            // short list is checked in place, a long one through a set.
            let mut set = (e.subjects.len() > 8).then(|| {
                let set = seen.get_or_insert_with(HashSet::new);
                set.clear();
                set
            });
            for (i, s) in e.subjects.iter().enumerate() {
                let key = subject_key(s);
                let repeated = match &mut set {
                    Some(set) => !set.insert(key),
                    None => e
                        .subjects
                        .get(..i)
                        .is_some_and(|before| before.iter().any(|b| subject_key(b) == key)),
                };
                if repeated {
                    continue;
                }
                let place = match at.get(key) {
                    Some(place) => place,
                    None => {
                        let place = weights.len();
                        at.insert(key, place);
                        // As `Iterator::sum` of f64 does, start from
                        // negative zero.
                        weights.push(-0.0);
                        place
                    }
                };
                if let Some(weight) = weights.get_mut(place) {
                    *weight += e.weight;
                }
            }
        }
        NamedWeights { at, weights }
    }

    /// The summed weight of the evidence naming `who` (negative zero when
    /// none does).
    fn weight(&self, who: Named<'_>) -> f64 {
        self.at
            .get(key(who))
            .and_then(|place| self.weights.as_slice().get(place))
            .copied()
            .unwrap_or(-0.0)
    }

    /// Whether some evidence names `who`.
    fn names(&self, who: Named<'_>) -> bool {
        self.at.get(key(who)).is_some()
    }
}

fn subject_key(s: &Subject) -> (bool, &[u8]) {
    match s {
        Subject::Person(id) => (true, id.as_bytes()),
        Subject::Event(id) => (false, id.as_bytes()),
    }
}

fn key(who: Named<'_>) -> (bool, &[u8]) {
    match who {
        Named::Person(id) => (true, id.as_bytes()),
        Named::Event(id) => (false, id.as_bytes()),
    }
}

/// The stage of the dispute in focus, from the principal disputant's conflict
/// course: negotiating is renegotiation, stalled is impasse, ending is
/// dissolution (CLINICAL-BASIS.md §2.2 [S: `weissman-2018-guide` for the stages; I: the
/// mapping from the conflict's course]).
///
/// The principal disputant is, among the living people the dispute evidence
/// names, the one whose relationship is most strongly linked to the onset
/// (stated by the clinician before inferred from dates, CLINICAL-BASIS.md
/// §2.5; counted only for a relationship whose evidence could be a focus on
/// its own, [`AreaFacts::focus_link`]), then with the most evidence weight,
/// then the strongest conflict; when the evidence names nobody, the
/// living significant other with the strongest recorded conflict; remaining
/// ties go to the smallest id, so the inventory's order decides nothing \[I\]. When
/// that person's course is not recorded the stage is left unset and the
/// course is reported missing.
pub(crate) fn dispute_stage(
    inv: &Inventory,
    evidence: &[Evidence],
    area_facts: &AreaFacts,
    params: &RuleParameters,
) -> (Option<DisputeStage>, Option<(MissingRef, NeededFor)>) {
    let level =
        |p: &crate::inventory::Person| p.conflict.as_ref().map_or(ConflictLevel::None, |c| c.level);
    let named = NamedWeights::new(evidence);
    let mut best: Option<(LinkBasis, f64, ConflictLevel, usize)> = None;
    for (i, p) in inv.people.iter().enumerate() {
        if p.status.is_deceased() {
            continue;
        }
        let weight = named.weight(Named::Person(&p.id));
        if weight <= 0.0 {
            continue;
        }
        let link = area_facts.focus_link(FactKey::Person(i), params.min_focus_score);
        let key = (link, weight, level(p), i);
        // The strongest link (the clinician's before the dates'), then most
        // weight, then strongest conflict, then the smallest id: the
        // inventory's order decides nothing.
        let id_of = |i: usize| inv.people.get(i).map_or(&[][..], |p| p.id.as_bytes());
        if best.is_none_or(|b| {
            key.0
                .cmp(&b.0)
                .then(key.1.total_cmp(&b.1))
                .then(key.2.cmp(&b.2))
                .then_with(|| id_of(b.3).cmp(id_of(i)))
                == std::cmp::Ordering::Greater
        }) {
            best = Some(key);
        }
    }
    let principal = best.map(|(.., i)| i).or_else(|| {
        let mut fallback: Option<(ConflictLevel, usize)> = None;
        for (i, p) in inv.people.iter().enumerate() {
            let l = level(p);
            if p.status.is_deceased() || !is_significant(p) || l == ConflictLevel::None {
                continue;
            }
            let smaller = |j: usize| {
                inv.people
                    .get(j)
                    .is_some_and(|q| p.id.as_bytes() < q.id.as_bytes())
            };
            if fallback.is_none_or(|(fl, fi)| l > fl || (l == fl && smaller(fi))) {
                fallback = Some((l, i));
            }
        }
        fallback.map(|(_, i)| i)
    });
    let Some(i) = principal else {
        return (None, None);
    };
    let course = inv
        .people
        .get(i)
        .and_then(|p| p.conflict.as_ref())
        .and_then(|c| c.course);
    match course {
        Some(ConflictCourse::Negotiating) => (Some(DisputeStage::Renegotiation), None),
        Some(ConflictCourse::Stalled) => (Some(DisputeStage::Impasse), None),
        Some(ConflictCourse::Ending) => (Some(DisputeStage::Dissolution), None),
        None => (
            None,
            Some((
                MissingRef::Person(i, PersonField::ConflictCourse),
                NeededFor::DisputeStage,
            )),
        ),
    }
}

/// The kind of grief in focus, from the signs recorded on the principal
/// death, and the fact that would settle it when it is not known.
///
/// The principal death is, among the deaths the grief evidence names (death
/// events first, then deceased people), the one most strongly linked to the
/// onset (stated by the clinician, then inferred from dates; the link of the
/// death itself, not of evidence that also names other deaths, and counted
/// only for a death whose evidence could be a focus on its own,
/// [`AreaFacts::focus_link`]), then with the most evidence weight, then the smallest id (the
/// inventory's order decides nothing) \[I\]. Its signs are those of every death event about the
/// same person.
///
/// Signs map to the manuals' sub-types of complicated grief
/// [K: `weissman-2000-comprehensive-guide`; I: the "professional mourner", from
/// secondary notes not checked in `weissman-2018-guide`]: avoided or postponed mourning is
/// *delayed*; symptoms instead of sadness is *distorted*; an environment preserved as it
/// was, or grief that stays intense and impairing long after the death, is
/// *chronic*; any other sign (anniversary reactions, multiple losses,
/// inadequate grieving, absent support, fear of the same illness) is
/// *complicated*, sub-type not determined. When several signs are present the
/// precedence is delayed, distorted, chronic, complicated: the manuals' own
/// order of the sub-types, with the named sub-types before the general risk
/// indicators \[I\]. Signs are read from the principal death and from every
/// other death the grief evidence names, except one the clinician does not
/// link (CLINICAL-BASIS.md §2.5: the link decides the grief kind). A death
/// whose link is not recorded counts (not recorded is not "no"): postponed
/// mourning of an old loss is what delayed grief is.
/// This names the IPT sub-type to work with; it is not a diagnosis (prolonged
/// grief disorder is assessed by its own criteria, from 12 months after the
/// death in adults and 6 months in children and adolescents
/// [K: `apa-2022-dsm5tr`]).
///
/// With no sign, the principal death is *normal* grief when it is linked to
/// the onset and not dated before the rule set's `onset` window. A death
/// dated long before the onset, with no sign recorded, is **not** read as
/// delayed grief: delayed grief needs signs of postponed mourning, not a date
/// gap alone [K: `weissman-2000-comprehensive-guide`]. The kind is then left unset and the
/// death event's `grief_signs` are listed as a question to ask.
pub(crate) fn grief_kind(
    facts: &Facts<'_>,
    evidence: &[Evidence],
    area_facts: &AreaFacts,
    params: &RuleParameters,
    mut ask: impl FnMut((MissingRef, NeededFor)),
) -> Option<GriefKind> {
    let inv = facts.inv;
    // The link of a death: that of its fact (the death event and the
    // deceased are one), not of the evidence, which may name other deaths.
    let link_of =
        |s: SubjectIndex| area_facts.focus_link(fact_of(facts, s), params.min_focus_score);
    // (link, weight, is_person, index)
    let mut best: Option<(LinkBasis, f64, bool, usize)> = None;
    let named = NamedWeights::new(evidence);
    let mut consider = |who: Named<'_>, is_person: bool, index: usize| {
        let weight = named.weight(who);
        if weight <= 0.0 {
            return;
        }
        let link = link_of(if is_person {
            SubjectIndex::Person(index)
        } else {
            SubjectIndex::Event(index)
        });
        let key = (link, weight, is_person, index);
        let id_of = |is_person: bool, i: usize| {
            if is_person {
                inv.people.get(i).map_or(&[][..], |p| p.id.as_bytes())
            } else {
                inv.events.get(i).map_or(&[][..], |e| e.id.as_bytes())
            }
        };
        let better = best.is_none_or(|b| {
            (key.0, !key.2)
                .cmp(&(b.0, !b.2))
                .then(key.1.total_cmp(&b.1))
                .then_with(|| id_of(b.2, b.3).cmp(id_of(key.2, key.3)))
                == std::cmp::Ordering::Greater
        });
        if better {
            best = Some(key);
        }
    };
    for (e, ev) in inv.events.iter().enumerate() {
        if ev.kind == EventKind::Death {
            consider(Named::Event(&ev.id), false, e);
        }
    }
    for (i, p) in inv.people.iter().enumerate() {
        if p.status.is_deceased() {
            consider(Named::Person(&p.id), true, i);
        }
    }
    let (link, _, is_person, index) = best?;
    // The deceased person, and the death events about them.
    let person: Option<&PersonId> = if is_person {
        inv.people.get(index).map(|p| &p.id)
    } else {
        inv.events.get(index).and_then(|e| e.person.as_ref())
    };
    // The principal death events: those the question is asked about.
    let principal = |e: usize, ev: &crate::inventory::LifeEvent| {
        ev.kind == EventKind::Death
            && ((!is_person && e == index) || (person.is_some() && ev.person.as_ref() == person))
    };
    // The signs seen, as a set of bits by discriminant.
    let mut signs: u64 = 0;
    for (e, ev) in inv.events.iter().enumerate() {
        if ev.kind != EventKind::Death {
            continue;
        }
        let named = named.names(Named::Event(&ev.id))
            || ev
                .person
                .as_ref()
                .is_some_and(|p| named.names(Named::Person(p)));
        // Another death the evidence names adds its signs unless the
        // clinician does not link it (on the event or on the deceased, and
        // neither says it is linked); a death whose link is not recorded
        // counts (not recorded is not "no").
        let says = [
            Some(facts.event_link(e)),
            facts.event_person(e).map(|p| facts.person_link(p)),
        ];
        let not_linked =
            says.contains(&Some(OnsetLink::NotLinked)) && !says.contains(&Some(OnsetLink::Linked));
        if principal(e, ev) || (named && !not_linked) {
            for &s in &ev.grief_signs {
                signs |= bit(s as u32);
            }
        }
    }
    let has = |s: GriefSign| signs & bit(s as u32) != 0;
    // The principal death's date, from the person or the death event.
    let death_date = if is_person {
        inv.people.get(index).and_then(super::facts::death_date)
    } else {
        inv.events.get(index).and_then(|ev| ev.date)
    };
    let long_before_onset = super::strength::long_before_onset(inv, params, death_date);
    let kind = if has(GriefSign::AvoidedMourning) {
        Some(GriefKind::Delayed)
    } else if has(GriefSign::SymptomsInsteadOfSadness) {
        Some(GriefKind::Distorted)
    } else if has(GriefSign::EnvironmentPreserved) || has(GriefSign::ProlongedSevereGrief) {
        Some(GriefKind::Chronic)
    } else if signs != 0 {
        Some(GriefKind::Complicated)
    } else if link.is_linked() && !long_before_onset {
        Some(GriefKind::Normal)
    } else {
        None
    };
    if kind.is_none() {
        for (e, ev) in inv.events.iter().enumerate() {
            if principal(e, ev) {
                ask((
                    MissingRef::Event(e, EventField::GriefSigns),
                    NeededFor::GriefKind,
                ));
            }
        }
    }
    kind
}

/// The source of the safety advisory ([`cited::SAFETY_FIRST`]).
const SAFETY_SOURCE: Source = cited::SAFETY_FIRST;

/// The source of the missing-screen advisory ([`cited::SAFETY_SCREEN`]).
const SAFETY_SCREEN_SOURCE: Source = cited::SAFETY_SCREEN;

/// IPT links the focus to changes around the onset.
const ONSET_SOURCE: Source = source![cited::POCKET, cited::MW];

/// Deficits is the area of last resort: look for a hidden grief or dispute.
const DEFICITS_SOURCE: Source = source![cited::GUIDE_HIDDEN_DEATH, cited::CASEBOOK_5];

/// Usually one area, at most two; ask the patient which matters more.
const ONE_AREA_SOURCE: Source = source![cited::GUIDE_DISPUTES];

/// When no area is found, take the inventory and timeline again: this
/// crate's advice, resting on the manuals' interpersonal inventory.
/// IPT for PTSD: the trauma's aftermath as a role transition, no exposure.
const TRAUMA_SOURCE: Source = source![cited::PTSD_TRANSITIONS, cited::PTSD_NO_EXPOSURE];
/// IPSRT: plan the routine around rhythm disruptors.
const DISRUPTOR_SOURCE: Source = source![cited::IPSRT_DISRUPTORS];
const NO_FOCUS_SOURCE: Source = source![cited::COMPREHENSIVE_INVENTORY_INFERRED];

/// What the advisories are about, besides the inventory.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Situation<'a> {
    pub(crate) focus: &'a [ProblemArea],
    pub(crate) onset_known: bool,
    pub(crate) deficits_held_back: bool,
    /// A tie decided who is in focus or in what order.
    pub(crate) tied: bool,
    /// An area in focus is linked to the onset only by dates.
    pub(crate) link_inferred: bool,
    /// The inventory failed validation.
    pub(crate) invalid: bool,
    /// The rule set is IPSRT's (it plans routines around rhythm disruptors).
    pub(crate) ipsrt: bool,
}

/// The advisories, in a fixed order: the safety advisory first (critical),
/// then warnings, then information.
///
/// * `suicidal_thoughts_reported` (critical) whenever the inventory's safety
///   screen reports suicidal thoughts; `safety_screen_missing` (critical)
///   whenever it does not say whether they were asked about. One of the two
///   comes first unless the patient denied them; no option suppresses either
///   (not screened is not safe).
/// * `inventory_invalid` (warning, first after safety) when the inventory failed validation: no
///   focus is suggested.
/// * `onset_unknown` (warning) when the onset is not known: IPT links the focus
///   to the onset (§2.5 rule 1).
/// * `look_for_hidden_grief_or_dispute` (warning) when deficits is in focus
///   (§2.4 [S: `weissman-2018-guide` ch. 8; `markowitz-weissman-2012-casebook` ch. 5]).
/// * `deficits_held_back` (warning) when nothing is in focus and a lifelong
///   pattern of few relationships reached the threshold, but grief, a dispute
///   or a transition cannot be ruled out (§2.4).
/// * `areas_tied` (warning) when areas tie on score and onset link (§2.5
///   rule 2 [S: `weissman-2018-guide` ch. "Role Disputes"]).
/// * `onset_link_inferred` (warning) when an area in focus is linked to the
///   onset only by dates: confirm the link with the patient.
/// * `ask_patient_which_matters` (info) when two areas are in focus (§2.2
///   [S: `weissman-2018-guide` ch. "Role Disputes"]).
/// * `trauma_linked_to_onset` (warning) for the traumatic events linked to
///   the onset, or whose link is not recorded (one advisory naming them): IPT
///   for PTSD works on the trauma's interpersonal consequences
///   (CLINICAL-BASIS.md §7.8 [S: `markowitz-2016-ptsd`]).
/// * `plan_routine_around_disruptor` (info), with an IPSRT rule set only, for
///   the upcoming rhythm disruptors of the inventory (one advisory naming
///   them; CLINICAL-BASIS.md §7.1 [K: `frank-2005-ipsrt`]).
/// * `no_focus_found` (info) when no area reached the threshold.
pub(crate) fn advisories(inv: &Inventory, at: &Situation<'_>) -> Vec<Advisory> {
    let reported = inv.safety.is_reported();
    let traumas: Vec<Subject> = inv
        .events
        .iter()
        .filter(|e| {
            e.kind.is_trauma() && e.linked_to_onset != crate::inventory::OnsetLink::NotLinked
        })
        .map(|e| Subject::Event(e.id.clone()))
        .collect();
    let upcoming: Vec<Subject> = if at.ipsrt {
        inv.upcoming
            .iter()
            .filter(|e| e.kind.is_rhythm_disruptor())
            .map(|e| Subject::Event(e.id.clone()))
            .collect()
    } else {
        Vec::new()
    };
    let advisory = |code, indicator, summary: &'static str, source: Source| Advisory {
        code,
        indicator,
        summary: SharedText::from_static(summary),
        source,
        subjects: Vec::new(),
    };
    // Every advisory in its place in the list, present or not: the list is
    // then allocated at its final length.
    let all = [
        reported.then(|| advisory(
            AdvisoryCode::SuicidalThoughtsReported,
            Indicator::Critical,
            "The patient reported thoughts of death or self-harm. A clinician's suicide risk \
             assessment (ideation, plan, intent) and, where needed, a safety plan come before \
             any focus work; no focus suggestion substitutes for it.",
            SAFETY_SOURCE,
        )),
        (!reported && !inv.safety.is_asked()).then(|| advisory(
            AdvisoryCode::SafetyScreenMissing,
            Indicator::Critical,
            "The safety screen is missing: the inventory does not say whether the patient was \
             asked about thoughts of death or self-harm. Not asked is not safe. Ask, and record \
             the answer, before any focus work; if thoughts are reported, a clinician's suicide \
             risk assessment comes first.",
            SAFETY_SCREEN_SOURCE,
        )),
        at.invalid.then(|| advisory(
            AdvisoryCode::InventoryInvalid,
            Indicator::Warning,
            "The inventory failed validation, so no focus is suggested: fix the problems listed \
             with the assessment (each at its JSON path) and evaluate it again.",
            NO_FOCUS_SOURCE,
        )),
        (!at.onset_known).then(|| advisory(
            AdvisoryCode::OnsetUnknown,
            Indicator::Warning,
            "The onset of the current episode is not known, so no event or change can be \
             linked to it. IPT links the focus to the onset: ask when the symptoms began.",
            ONSET_SOURCE,
        )),
        at.focus.contains(&ProblemArea::InterpersonalDeficits).then(|| advisory(
            AdvisoryCode::LookForHiddenGriefOrDispute,
            Indicator::Warning,
            "Interpersonal deficits is the focal area of last resort. Before settling on it, \
             look hard for a hidden grief or dispute: the Guide's \"Hidden Death\" case looked \
             like deficits until a concealed, unresolved grief emerged. Outcomes are poorer \
             with this focus; if there is no improvement, consider alternatives (another \
             therapy, adding medication).",
            DEFICITS_SOURCE,
        )),
        // Deficits reached the threshold but is residual: some grief, dispute or
        // transition evidence exists, too weak for focus. That is exactly where
        // a hidden grief or dispute may be (§2.4 [S: `weissman-2018-guide` ch. 8;
        // `markowitz-weissman-2012-casebook` ch. 5]).
        at.deficits_held_back.then(|| advisory(
            AdvisoryCode::DeficitsHeldBack,
            Indicator::Warning,
            "A lifelong pattern of few relationships points to interpersonal deficits, but \
             grief, a dispute or a transition cannot be ruled out: there is some evidence of \
             one, too weak or not linked to the onset, or a death or life event whose timing or \
             link to the onset is not known. Deficits is the focal area of last resort, chosen \
             only when none of the other three exists: explore that first (see the areas' \
             evidence and the missing facts).",
            DEFICITS_SOURCE,
        )),
        at.tied.then(|| advisory(
            AdvisoryCode::AreasTied,
            Indicator::Warning,
            "Areas tie: they have the same score and equally strong links to the onset, so \
             their order in the focus is not a ranking (they are listed in the usual order of \
             the areas). Ask the patient which matters most to them, and agree the focus \
             together.",
            ONE_AREA_SOURCE,
        )),
        at.link_inferred.then(|| advisory(
            AdvisoryCode::OnsetLinkInferred,
            Indicator::Warning,
            "The focus rests on evidence linked to the onset only by its dates: the link was \
             not recorded. Confirm with the patient that it goes with the episode (see the \
             missing facts needed for the onset link).",
            ONSET_SOURCE,
        )),
        (!traumas.is_empty()).then(|| Advisory {
            subjects: traumas,
            ..advisory(
                AdvisoryCode::TraumaLinkedToOnset,
                Indicator::Warning,
                "A traumatic event is linked to the onset, or its link is not recorded. Ask \
                 about symptoms of posttraumatic stress. IPT for PTSD works on the trauma's \
                 interpersonal consequences (withdrawal, mistrust, a life the trauma changed), \
                 most often as a role transition, or as grief when someone close died in it \
                 (record the death as its own event); it does not ask the patient to relive \
                 the trauma.",
                TRAUMA_SOURCE,
            )
        }),
        (!upcoming.is_empty()).then(|| Advisory {
            subjects: upcoming,
            ..advisory(
                AdvisoryCode::PlanRoutineAroundDisruptor,
                Indicator::Info,
                "An upcoming change can disrupt daily rhythms (travel across time zones, \
                 shift work, a new baby, a move, a new job). Plan with the patient how to \
                 keep sleep, meals, activity and social contact regular around it, and \
                 watch the rhythm diary and mood in the weeks around it.",
                DISRUPTOR_SOURCE,
            )
        }),
        (at.focus.len() >= 2).then(|| advisory(
            AdvisoryCode::AskPatientWhichMatters,
            Indicator::Info,
            "Two areas are in focus. The Guide advises focusing on one area where possible, \
             whichever seems most important to the patient: ask the patient which matters \
             most, and agree the focus with them.",
            ONE_AREA_SOURCE,
        )),
        (at.focus.is_empty() && !at.invalid).then(|| advisory(
            AdvisoryCode::NoFocusFound,
            Indicator::Info,
            "No problem area reached the focus threshold with evidence linked to the onset. \
             Complete the inventory (see the missing facts) and review the timeline of symptom \
             onset against life events.",
            NO_FOCUS_SOURCE,
        )),
    ];
    let mut out = Vec::with_capacity(all.iter().flatten().count());
    out.extend(all.into_iter().flatten());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tallies(scores: [f64; 4], links: [LinkBasis; 4]) -> Vec<AreaTally> {
        [
            ProblemArea::Grief,
            ProblemArea::RoleDispute,
            ProblemArea::RoleTransition,
            ProblemArea::InterpersonalDeficits,
        ]
        .into_iter()
        .zip(scores.into_iter().zip(links))
        .map(|(area, (score, link))| AreaTally { area, score, link })
        .collect()
    }

    const S: LinkBasis = LinkBasis::Stated;
    const I: LinkBasis = LinkBasis::InferredFromDates;
    const N: LinkBasis = LinkBasis::None;

    fn focus(p: &RuleParameters, t: &[AreaTally], others: bool) -> Vec<ProblemArea> {
        select_focus(p, t, others).focus
    }

    #[test]
    fn focus_threshold_and_ratio() {
        let p = RuleParameters::default();
        let links = [S; 4];
        assert!(focus(&p, &tallies([1.9, 1.0, 0.0, 0.0], links), false).is_empty());
        assert_eq!(
            focus(&p, &tallies([2.0, 0.0, 0.0, 0.0], links), false),
            [ProblemArea::Grief]
        );
        // 3 >= 0.6 * 5: two areas; 2.9 < 0.6 * 5: one.
        assert_eq!(
            focus(&p, &tallies([0.0, 5.0, 3.0, 0.0], links), false),
            [ProblemArea::RoleDispute, ProblemArea::RoleTransition]
        );
        assert_eq!(
            focus(&p, &tallies([0.0, 5.0, 2.9, 0.0], links), false),
            [ProblemArea::RoleDispute]
        );
        // Never more than two.
        assert_eq!(
            focus(&p, &tallies([3.0, 3.0, 3.0, 0.0], links), false).len(),
            2
        );
    }

    #[test]
    fn deficits_is_residual() {
        let p = RuleParameters::default();
        assert_eq!(
            focus(&p, &tallies([0.0, 0.0, 0.0, 5.0], [N; 4]), false),
            [ProblemArea::InterpersonalDeficits]
        );
        // Other evidence, or an event of unknown timing, holds deficits back.
        assert!(focus(&p, &tallies([0.0, 0.0, 0.0, 5.0], [N; 4]), true).is_empty());
        assert_eq!(
            focus(&p, &tallies([0.0, 0.0, 2.0, 5.0], [N, N, S, N]), true),
            [ProblemArea::RoleTransition]
        );
    }

    #[test]
    fn ties_break_on_onset_link_and_otherwise_are_ties() {
        let p = RuleParameters::default();
        let stated_transition =
            select_focus(&p, &tallies([3.0, 3.0, 3.0, 0.0], [I, I, S, N]), false);
        assert_eq!(stated_transition.focus[0], ProblemArea::RoleTransition);
        // The two inferred areas tie for second place.
        assert!(stated_transition.tied);
        let one_stated = select_focus(&p, &tallies([3.0, 3.0, 0.0, 0.0], [I, S, N, N]), false);
        assert_eq!(
            one_stated.focus,
            [ProblemArea::RoleDispute, ProblemArea::Grief]
        );
        assert!(!one_stated.tied);
        let tie = select_focus(&p, &tallies([3.0, 3.0, 0.0, 0.0], [S, S, N, N]), false);
        assert_eq!(tie.focus, [ProblemArea::Grief, ProblemArea::RoleDispute]);
        assert!(tie.tied);
        let clear = select_focus(&p, &tallies([4.0, 3.0, 0.0, 0.0], [S, S, N, N]), false);
        assert!(!clear.tied);
    }

    #[test]
    fn strength_bands() {
        let p = RuleParameters::default();
        assert_eq!(strength(&p, 0.0), EvidenceStrength::None);
        assert_eq!(strength(&p, 2.9), EvidenceStrength::Low);
        assert_eq!(strength(&p, 3.0), EvidenceStrength::Moderate);
        assert_eq!(strength(&p, 5.0), EvidenceStrength::High);
        assert_eq!(strength(&p, f64::NAN), EvidenceStrength::None);
    }

    fn situation(focus: &[ProblemArea]) -> Situation<'_> {
        Situation {
            focus,
            onset_known: false,
            deficits_held_back: false,
            tied: false,
            link_inferred: false,
            invalid: false,
            ipsrt: false,
        }
    }

    #[test]
    fn safety_is_first_and_critical() {
        let mut inv = Inventory::new(
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            crate::date::EpisodeOnset::Unknown,
        );
        inv.safety.suicidal_thoughts = crate::inventory::ScreenAnswer::Reported;
        let all = advisories(
            &inv,
            &situation(&[ProblemArea::InterpersonalDeficits, ProblemArea::Grief]),
        );
        let codes: Vec<AdvisoryCode> = all.iter().map(|a| a.code).collect();
        assert_eq!(
            codes,
            [
                AdvisoryCode::SuicidalThoughtsReported,
                AdvisoryCode::OnsetUnknown,
                AdvisoryCode::LookForHiddenGriefOrDispute,
                AdvisoryCode::AskPatientWhichMatters,
            ]
        );
        assert!(all.windows(2).all(|w| w[0].indicator >= w[1].indicator));
    }

    #[test]
    fn a_screen_not_asked_leads_and_a_denied_one_is_silent() {
        let mut inv = Inventory::new(
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            crate::date::EpisodeOnset::Unknown,
        );
        let mut at = situation(&[]);
        at.invalid = true;
        let all = advisories(&inv, &at);
        assert_eq!(all[0].code, AdvisoryCode::SafetyScreenMissing);
        assert_eq!(all[0].indicator, Indicator::Critical);
        assert_eq!(all[1].code, AdvisoryCode::InventoryInvalid);
        inv.safety.suicidal_thoughts = crate::inventory::ScreenAnswer::Denied;
        let denied = advisories(&inv, &at);
        assert!(
            denied
                .iter()
                .all(|a| a.code != AdvisoryCode::SafetyScreenMissing
                    && a.code != AdvisoryCode::SuicidalThoughtsReported)
        );
    }
}
