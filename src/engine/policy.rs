//! The manuals' selection policy as explicit code (DESIGN.md decision 7):
//! which areas are in focus, the dispute's stage, the kind of grief, and the
//! advisories. Each step cites its source in `ipt-domain.md`.
use crate::macros::source;
use crate::{
    bibliography::cited,
    catalogue::{DisputeStage, GriefKind, ProblemArea},
    engine::{NeededFor, RuleParameters, Subject},
    id::{EventId, PersonId},
    inventory::{ConflictCourse, ConflictLevel, EventKind, GriefSign, Inventory},
    source::Source,
    text::SharedText,
};

use super::assessment::{Advisory, AdvisoryCode, Confidence, Evidence};
use super::buffers::SpillVec;
use super::compile::bit;
use super::facts::{MissingRef, PersonField, is_significant, same_id};
use super::ruleset::Indicator;

/// An area's score and whether any of its fired rules links it to the onset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct AreaTally {
    pub(crate) area: ProblemArea,
    pub(crate) score: f64,
    pub(crate) linked: bool,
}

/// The rank of an area in the fixed tie-break order: grief, role dispute, role
/// transition, interpersonal deficits.
fn fixed_rank(area: ProblemArea) -> u8 {
    match area {
        ProblemArea::Grief => 0,
        ProblemArea::RoleDispute => 1,
        ProblemArea::RoleTransition => 2,
        ProblemArea::InterpersonalDeficits => 3,
    }
}

/// Selects the focus.
///
/// 1. An area is a candidate when its score (the sum of its fired rules'
///    weights) is at least `min_focus_score`.
/// 2. Interpersonal deficits is not a candidate when grief, a role dispute or
///    a role transition has *any* evidence (score above 0): it is chosen "only
///    if none of the other three areas exists" (ipt-domain.md §2.4, §2.5 rule 3
///    [S: Guide-2018 ch. 8; Casebook-2012 ch. 5]).
/// 3. Candidates are ordered by score, highest first; equal scores by whether
///    the area's evidence is linked to the onset (a fired rule with
///    `links_onset`), linked first, then by the fixed order grief, role
///    dispute, role transition. The link to onset decides between candidates
///    (§2.5 rule 1 [S: Pocket-Guide; Markowitz-phases]); ranking by qualifying
///    event, then proximity to onset, is the reference's suggestion
///    [I: ipt-domain.md §2.5]; the fixed order is this crate's \[I\].
///    Nor is it a candidate when a death or life event whose date or link to
///    the onset is not known held back a rule that could put grief or a
///    transition in focus by itself (`trigger_undecided`): the other areas
///    cannot be ruled out yet (missing is not false, DESIGN.md decision 5).
/// 4. At most two areas, usually one: the second joins only when its score is
///    at least `second_focus_ratio` times the top score ("try to focus
///    treatment on only one problem area"; 12–16 sessions support one, at most
///    two [S: Guide-2018 ch. Role Disputes; K: Comprehensive-2000]).
pub(crate) fn select_focus(
    params: &RuleParameters,
    tallies: &[AreaTally],
    trigger_undecided: bool,
) -> Vec<ProblemArea> {
    let other_evidence = trigger_undecided
        || tallies
            .iter()
            .any(|t| t.area != ProblemArea::InterpersonalDeficits && t.score > 0.0);
    // The candidates, sorted in place in a fixed buffer: selecting allocates
    // nothing but the focus itself.
    let mut buffer = [None::<AreaTally>; ProblemArea::COUNT];
    let mut count = 0;
    for t in tallies
        .iter()
        .filter(|t| t.score >= params.min_focus_score)
        .filter(|t| !(t.area == ProblemArea::InterpersonalDeficits && other_evidence))
    {
        if let Some(slot) = buffer.get_mut(count) {
            *slot = Some(*t);
            count += 1;
        }
    }
    let candidates = buffer.get_mut(..count).unwrap_or(&mut []);
    candidates.sort_by(|a, b| match (a, b) {
        (Some(a), Some(b)) => b
            .score
            .total_cmp(&a.score)
            .then(b.linked.cmp(&a.linked))
            .then(fixed_rank(a.area).cmp(&fixed_rank(b.area))),
        _ => std::cmp::Ordering::Equal,
    });
    let top = candidates.first().copied().flatten();
    let second = candidates.get(1).copied().flatten();
    match (top, second) {
        (None, _) => Vec::new(),
        (Some(top), Some(second)) if second.score >= params.second_focus_ratio * top.score => {
            vec![top.area, second.area]
        }
        (Some(top), _) => vec![top.area],
    }
}

/// The confidence band of a score: none at 0, then low, moderate from
/// `confidence.moderate`, high from `confidence.high`.
pub(crate) fn confidence(params: &RuleParameters, score: f64) -> Confidence {
    if score <= 0.0 || score.is_nan() {
        Confidence::None
    } else if score >= params.confidence.high {
        Confidence::High
    } else if score >= params.confidence.moderate {
        Confidence::Moderate
    } else {
        Confidence::Low
    }
}

/// A person or event of the inventory, by reference to its id: compared
/// with evidence subjects without cloning the id.
#[derive(Debug, Clone, Copy)]
enum Named<'a> {
    Person(&'a PersonId),
    Event(&'a EventId),
}

/// Whether a piece of evidence names the person or event.
fn names(evidence: &Evidence, who: Named<'_>) -> bool {
    evidence.subjects.iter().any(|s| match (s, who) {
        (Subject::Person(a), Named::Person(b)) => same_id(a.as_str(), b.as_str()),
        (Subject::Event(a), Named::Event(b)) => same_id(a.as_str(), b.as_str()),
        _ => false,
    })
}

/// For each person id the evidence names, the sum of the weights of the
/// evidence naming it, added in evidence order (each piece of evidence counts
/// once per id, as [`names`] does).
fn named_weights(evidence: &[Evidence]) -> SpillVec<(&str, f64), INLINE_NAMED> {
    let mut weights = SpillVec::new(("", 0.0));
    for e in evidence {
        for (k, s) in e.subjects.iter().enumerate() {
            let Subject::Person(id) = s else {
                continue;
            };
            let id = id.as_str();
            let seen_in_e = e.subjects.get(..k).is_some_and(|before| {
                before
                    .iter()
                    .any(|b| matches!(b, Subject::Person(a) if same_id(a.as_str(), id)))
            });
            if seen_in_e {
                continue;
            }
            match weights
                .as_mut_slice()
                .iter_mut()
                .find(|(named, _)| same_id(named, id))
            {
                Some((_, w)) => *w += e.weight,
                // As `Iterator::sum` of f64 does, start from negative zero.
                None => weights.push((id, -0.0 + e.weight)),
            }
        }
    }
    weights
}

/// How many named people [`named_weights`] keeps on the stack.
const INLINE_NAMED: usize = 16;

/// The stage of the dispute in focus, from the principal disputant's conflict
/// course: negotiating is renegotiation, stalled is impasse, ending is
/// dissolution (ipt-domain.md §2.2 [S: Guide-2018; pdfslide deck; CITC
/// summary]).
///
/// The principal disputant is, among the living people the dispute evidence
/// names, the one with the most evidence weight, then the strongest conflict,
/// then the first in the inventory; when the evidence names nobody, the
/// living significant other with the strongest recorded conflict \[I\]. When
/// that person's course is not recorded the stage is left unset and the
/// course is reported missing.
pub(crate) fn dispute_stage(
    inv: &Inventory,
    evidence: &[Evidence],
) -> (Option<DisputeStage>, Option<(MissingRef, NeededFor)>) {
    let level =
        |p: &crate::inventory::Person| p.conflict.as_ref().map_or(ConflictLevel::None, |c| c.level);
    let mut named = named_weights(evidence);
    let weights = named.as_mut_slice();
    let mut best: Option<(ConflictLevel, f64, usize)> = None;
    for (i, p) in inv.people.iter().enumerate() {
        if p.status.is_deceased() {
            continue;
        }
        let weight = weights
            .iter()
            .find(|(id, _)| same_id(id, p.id.as_str()))
            .map_or(0.0, |&(_, w)| w);
        if weight <= 0.0 {
            continue;
        }
        let key = (level(p), weight, i);
        if best.is_none_or(|b| key.1 > b.1 || (key.1 == b.1 && key.0 > b.0)) {
            best = Some(key);
        }
    }
    let principal = best.map(|(_, _, i)| i).or_else(|| {
        let mut fallback: Option<(ConflictLevel, usize)> = None;
        for (i, p) in inv.people.iter().enumerate() {
            let l = level(p);
            if p.status.is_deceased() || !is_significant(p) || l == ConflictLevel::None {
                continue;
            }
            if fallback.is_none_or(|(fl, _)| l > fl) {
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
/// death.
///
/// The principal death is, among the deaths the grief evidence names (death
/// events first, then deceased people), the one named by a rule that links
/// it to the onset, then with the most evidence weight, then the first in the
/// inventory \[I\]. Its signs are those of every death event about the same
/// person.
///
/// Signs map to the manuals' sub-types of complicated grief
/// [K: Comprehensive-2000; S: Guide-2018 summary for avoided mourning and the
/// "professional mourner"]: avoided mourning is *delayed*; symptoms instead of
/// sadness is *distorted*; an environment preserved as it was, or severe grief
/// prolonged past about two months, is *chronic*; any other sign (anniversary
/// reactions, multiple losses, inadequate grieving, absent support, fear of the
/// same illness) is *complicated*, sub-type not determined. When several signs
/// are present the precedence is delayed, distorted, chronic, complicated: the
/// manuals' own order of the sub-types, with the named sub-types before the
/// general risk indicators \[I\]. Signs are read from every death the grief
/// evidence names, not only the principal one.
///
/// With no sign, the principal death is *normal* grief when it is linked to
/// the onset and falls inside the rule set's `onset` window (or its date is
/// not known), and *delayed* grief when it is not linked, or when it is
/// linked but dated before that window: the depression came long after the
/// death, the mourning postponed [K: Comprehensive-2000, delayed grief; the
/// reading of dates is \[I\]].
pub(crate) fn grief_kind(
    inv: &Inventory,
    evidence: &[Evidence],
    params: &RuleParameters,
) -> Option<GriefKind> {
    // (linked, weight, is_person, index)
    let mut best: Option<(bool, f64, bool, usize)> = None;
    let mut consider = |who: Named<'_>, is_person: bool, index: usize| {
        let linked = evidence.iter().any(|e| e.links_onset && names(e, who));
        let weight: f64 = evidence
            .iter()
            .filter(|e| names(e, who))
            .map(|e| e.weight)
            .sum();
        if weight <= 0.0 {
            return;
        }
        let key = (linked, weight, is_person, index);
        let better = best.is_none_or(|b| {
            (key.0, !key.2)
                .cmp(&(b.0, !b.2))
                .then(key.1.total_cmp(&b.1))
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
    let (linked, _, is_person, index) = best?;
    // The deceased person, and the death events about them.
    let person: Option<&PersonId> = if is_person {
        inv.people.get(index).map(|p| &p.id)
    } else {
        inv.events.get(index).and_then(|e| e.person.as_ref())
    };
    // The signs seen, as a set of bits by discriminant.
    let mut signs: u64 = 0;
    for (e, ev) in inv.events.iter().enumerate() {
        if ev.kind != EventKind::Death {
            continue;
        }
        let principal =
            (!is_person && e == index) || (person.is_some() && ev.person.as_ref() == person);
        let named = evidence.iter().any(|x| {
            x.subjects
                .iter()
                .any(|s| matches!(s, Subject::Event(id) if *id == ev.id))
                || ev.person.as_ref().is_some_and(|p| {
                    x.subjects
                        .iter()
                        .any(|s| matches!(s, Subject::Person(id) if id == p))
                })
        });
        if principal || named {
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
    let long_before_onset = match (death_date, inv.onset.date(), params.windows.get("onset")) {
        (Some(death), Some(onset), Some(window)) => onset
            .earliest()
            .checked_sub_months(chrono::Months::new(window.before_months))
            .is_some_and(|start| death.latest() < start),
        _ => false,
    };
    Some(if has(GriefSign::AvoidedMourning) {
        GriefKind::Delayed
    } else if has(GriefSign::SymptomsInsteadOfSadness) {
        GriefKind::Distorted
    } else if has(GriefSign::EnvironmentPreserved) || has(GriefSign::ProlongedSevereGrief) {
        GriefKind::Chronic
    } else if signs != 0 {
        GriefKind::Complicated
    } else if linked && !long_before_onset {
        GriefKind::Normal
    } else {
        GriefKind::Delayed
    })
}

/// The source of the safety advisory ([`cited::SAFETY_FIRST`]).
const SAFETY_SOURCE: Source = cited::SAFETY_FIRST;

/// IPT links the focus to changes around the onset.
const ONSET_SOURCE: Source = source![cited::POCKET, cited::MW];

/// Deficits is the area of last resort: look for a hidden grief or dispute.
const DEFICITS_SOURCE: Source = source![cited::GUIDE_HIDDEN_DEATH, cited::CASEBOOK_5];

/// Usually one area, at most two; ask the patient which matters more.
const ONE_AREA_SOURCE: Source = source![cited::GUIDE_DISPUTES];

/// When no area is found, take the inventory and timeline again: this
/// crate's advice, resting on the manuals' interpersonal inventory.
const NO_FOCUS_SOURCE: Source = source![cited::COMPREHENSIVE_INVENTORY_INFERRED];

/// The advisories, in a fixed order: the safety advisory first (critical),
/// then warnings, then information.
///
/// * `suicidal_thoughts_reported` (critical) whenever the inventory's safety
///   screen reports suicidal thoughts; no option suppresses it (DESIGN.md
///   decision 8; ipt-domain.md §9).
/// * `onset_unknown` (warning) when the onset is not known: IPT links the focus
///   to the onset (§2.5 rule 1).
/// * `look_for_hidden_grief_or_dispute` (warning) when deficits is in focus
///   (§2.4 [S: Guide-2018 ch. 8; Casebook-2012 ch. 5]).
/// * `deficits_held_back` (warning) when nothing is in focus and a lifelong
///   pattern of few relationships reached the threshold, but grief, a dispute
///   or a transition cannot be ruled out (§2.4).
/// * `ask_patient_which_matters` (info) when two areas are in focus (§2.2
///   [S: Guide-2018 ch. Role Disputes]).
/// * `no_focus_found` (info) when no area reached the threshold.
pub(crate) fn advisories(
    inv: &Inventory,
    focus: &[ProblemArea],
    onset_known: bool,
    deficits_held_back: bool,
) -> Vec<Advisory> {
    let mut out = Vec::new();
    let advisory = |code, indicator, summary: &'static str, source: Source| Advisory {
        code,
        indicator,
        summary: SharedText::from_static(summary),
        source,
        subjects: Vec::new(),
    };
    if inv.safety.suicidal_thoughts_reported {
        out.push(advisory(
            AdvisoryCode::SuicidalThoughtsReported,
            Indicator::Critical,
            "The patient reported thoughts of death or self-harm. A clinician's suicide risk \
             assessment (ideation, plan, intent) and, where needed, a safety plan come before \
             any focus work; no focus suggestion substitutes for it.",
            SAFETY_SOURCE,
        ));
    }
    if !onset_known {
        out.push(advisory(
            AdvisoryCode::OnsetUnknown,
            Indicator::Warning,
            "The onset of the current episode is not known, so no event or change can be \
             linked to it. IPT links the focus to the onset: ask when the symptoms began.",
            ONSET_SOURCE,
        ));
    }
    if focus.contains(&ProblemArea::InterpersonalDeficits) {
        out.push(advisory(
            AdvisoryCode::LookForHiddenGriefOrDispute,
            Indicator::Warning,
            "Interpersonal deficits is the focal area of last resort. Before settling on it, \
             look hard for a hidden grief or dispute: the Guide's \"Hidden Death\" case looked \
             like deficits until a concealed, unresolved grief emerged. Outcomes are poorer \
             with this focus; if there is no improvement, consider alternatives (another \
             therapy, adding medication).",
            DEFICITS_SOURCE,
        ));
    }
    if deficits_held_back {
        // Deficits reached the threshold but is residual: some grief, dispute or
        // transition evidence exists, too weak for focus. That is exactly where
        // a hidden grief or dispute may be (§2.4 [S: Guide-2018 ch. 8; Casebook-2012
        // ch. 5]).
        out.push(advisory(
            AdvisoryCode::DeficitsHeldBack,
            Indicator::Warning,
            "A lifelong pattern of few relationships points to interpersonal deficits, but \
             grief, a dispute or a transition cannot be ruled out: there is some evidence of \
             one, too weak to suggest as a focus, or a death or life event whose timing or \
             link to the onset is not known. Deficits is the focal area of last resort, chosen \
             only when none of the other three exists: explore that first (see the areas' \
             evidence and the missing facts).",
            DEFICITS_SOURCE,
        ));
    }
    if focus.len() >= 2 {
        out.push(advisory(
            AdvisoryCode::AskPatientWhichMatters,
            Indicator::Info,
            "Two areas are in focus. The Guide advises focusing on one area where possible, \
             whichever seems most important to the patient: ask the patient which matters \
             most, and agree the focus with them.",
            ONE_AREA_SOURCE,
        ));
    }
    if focus.is_empty() {
        out.push(advisory(
            AdvisoryCode::NoFocusFound,
            Indicator::Info,
            "No problem area reached the focus threshold. Complete the inventory (see the \
             missing facts) and review the timeline of symptom onset against life events.",
            NO_FOCUS_SOURCE,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tallies(scores: [f64; 4], linked: [bool; 4]) -> Vec<AreaTally> {
        [
            ProblemArea::Grief,
            ProblemArea::RoleDispute,
            ProblemArea::RoleTransition,
            ProblemArea::InterpersonalDeficits,
        ]
        .into_iter()
        .zip(scores.into_iter().zip(linked))
        .map(|(area, (score, linked))| AreaTally {
            area,
            score,
            linked,
        })
        .collect()
    }

    #[test]
    fn focus_threshold_and_ratio() {
        let p = RuleParameters::default();
        let none = [false; 4];
        assert!(select_focus(&p, &tallies([1.9, 1.0, 0.0, 0.0], none), false).is_empty());
        assert_eq!(
            select_focus(&p, &tallies([2.0, 0.0, 0.0, 0.0], none), false),
            [ProblemArea::Grief]
        );
        // 3 >= 0.6 * 5: two areas; 2.9 < 0.6 * 5: one.
        assert_eq!(
            select_focus(&p, &tallies([0.0, 5.0, 3.0, 0.0], none), false),
            [ProblemArea::RoleDispute, ProblemArea::RoleTransition]
        );
        assert_eq!(
            select_focus(&p, &tallies([0.0, 5.0, 2.9, 0.0], none), false),
            [ProblemArea::RoleDispute]
        );
        // Never more than two.
        assert_eq!(
            select_focus(&p, &tallies([3.0, 3.0, 3.0, 0.0], none), false).len(),
            2
        );
    }

    #[test]
    fn deficits_is_residual() {
        let p = RuleParameters::default();
        let none = [false; 4];
        assert_eq!(
            select_focus(&p, &tallies([0.0, 0.0, 0.0, 5.0], none), false),
            [ProblemArea::InterpersonalDeficits]
        );
        assert!(select_focus(&p, &tallies([0.5, 0.0, 0.0, 5.0], none), false).is_empty());
        // A death or event whose timing is unknown also holds deficits back.
        assert!(select_focus(&p, &tallies([0.0, 0.0, 0.0, 5.0], none), true).is_empty());
        assert_eq!(
            select_focus(&p, &tallies([0.0, 0.0, 2.0, 5.0], none), false),
            [ProblemArea::RoleTransition]
        );
    }

    #[test]
    fn ties_break_on_onset_link_then_fixed_order() {
        let p = RuleParameters::default();
        assert_eq!(
            select_focus(
                &p,
                &tallies([3.0, 3.0, 3.0, 0.0], [false, false, true, false]),
                false,
            ),
            [ProblemArea::RoleTransition, ProblemArea::Grief]
        );
        assert_eq!(
            select_focus(&p, &tallies([3.0, 3.0, 3.0, 0.0], [false; 4]), false),
            [ProblemArea::Grief, ProblemArea::RoleDispute]
        );
    }

    #[test]
    fn confidence_bands() {
        let p = RuleParameters::default();
        assert_eq!(confidence(&p, 0.0), Confidence::None);
        assert_eq!(confidence(&p, 2.9), Confidence::Low);
        assert_eq!(confidence(&p, 3.0), Confidence::Moderate);
        assert_eq!(confidence(&p, 5.0), Confidence::High);
        assert_eq!(confidence(&p, f64::NAN), Confidence::None);
    }

    #[test]
    fn safety_is_first_and_critical() {
        let mut inv = Inventory::new(
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            crate::date::EpisodeOnset::Unknown,
        );
        inv.safety.suicidal_thoughts_reported = true;
        let all = advisories(
            &inv,
            &[ProblemArea::InterpersonalDeficits, ProblemArea::Grief],
            false,
            false,
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
}
