//! How strongly the evidence supports an area: each fact counted once, and
//! how each fact is linked to the onset of the episode.
//!
//! A *fact* is what a piece of evidence is about: one person (with the death
//! events, divorces and other events naming them), one event naming nobody in
//! the inventory, or the social context (evidence naming nobody). Several
//! rules may restate one fact (a death near the onset, in the bereavement
//! window, with a grief sign); the fact then counts once, through its
//! strongest rule, plus at most
//! [`RuleParameters::support_cap`](crate::engine::RuleParameters::support_cap) from
//! the others. An area's score is the strength of its best-supported fact.

use crate::{
    catalogue::ProblemArea,
    engine::RuleParameters,
    inventory::{
        ConflictLevel, Inventory, LinkBasis, OnsetLink, PriorFunctioning, RelationshipChange,
        RelativeToOnset,
    },
};

use super::assessment::Evidence;
use super::buffers::{Places, SpillVec};
use super::facts::{Facts, Truth, WindowRef, death_date};

/// What a piece of evidence is about, for counting each fact once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum FactKey {
    /// The inventory as a whole (the social context).
    Context,
    /// A person, by index, with the events that name them.
    Person(usize),
    /// An event naming nobody in the inventory, by index.
    Event(usize),
}

/// A subject of a piece of evidence, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SubjectIndex {
    Person(usize),
    Event(usize),
}

/// The onset window of a rule set: the one named `onset`, which stands in
/// for the clinician's link when that is unknown.
pub(crate) fn onset_window(params: &RuleParameters) -> Option<WindowRef> {
    params.windows.get("onset").map(|&window| WindowRef {
        // Not one of the precomputed ranges: worked out when asked.
        index: usize::MAX,
        window,
    })
}

/// The fact a subject belongs to.
pub(crate) fn fact_of(facts: &Facts<'_>, s: SubjectIndex) -> FactKey {
    match s {
        SubjectIndex::Person(i) => FactKey::Person(i),
        SubjectIndex::Event(e) => facts
            .event_person(e)
            .map_or(FactKey::Event(e), FactKey::Person),
    }
}

/// How a subject is linked to the onset, as evidence for `area`.
///
/// The clinician's link decides: linked is [`LinkBasis::Stated`], not linked
/// is [`LinkBasis::None`], whatever the dates. When the link is unknown, the
/// dates stand in ([`LinkBasis::InferredFromDates`]): an event or death dated
/// inside the `onset` window; for a dispute, a relationship that worsened
/// around the onset or a conflict that began after it; for a transition, a
/// relationship lost or begun around the onset, unless social functioning
/// declined since the onset (then the loss may be the depression's own
/// withdrawal, which is not a transition [S: `weissman-2018-guide`;
/// `markowitz-weissman-2012-casebook` ch. 5]). Interpersonal deficits has no onset link: it is
/// defined by the absence of life events [S: `weissman-2018-guide` ch. 8].
pub(crate) fn subject_link(
    facts: &Facts<'_>,
    window: Option<WindowRef>,
    area: ProblemArea,
    s: SubjectIndex,
) -> LinkBasis {
    if area == ProblemArea::InterpersonalDeficits {
        return LinkBasis::None;
    }
    let inv = facts.inv;
    let in_window = |date| window.is_some_and(|w| facts.within(date, w) == Truth::True);
    let inferred = |yes: bool| {
        if yes {
            LinkBasis::InferredFromDates
        } else {
            LinkBasis::None
        }
    };
    match s {
        SubjectIndex::Event(e) => {
            let Some(ev) = inv.events.get(e) else {
                return LinkBasis::None;
            };
            match facts.event_link(e) {
                OnsetLink::Linked => LinkBasis::Stated,
                OnsetLink::NotLinked => LinkBasis::None,
                _ => inferred(in_window(ev.date)),
            }
        }
        SubjectIndex::Person(i) => {
            let Some(p) = inv.people.get(i) else {
                return LinkBasis::None;
            };
            let link = if area == ProblemArea::RoleTransition {
                facts.loss_link(i)
            } else {
                facts.person_link(i)
            };
            match link {
                OnsetLink::Linked => LinkBasis::Stated,
                OnsetLink::NotLinked => LinkBasis::None,
                _ => inferred(match area {
                    ProblemArea::Grief => p.status.is_deceased() && in_window(death_date(p)),
                    ProblemArea::RoleDispute => {
                        let conflict = p
                            .conflict
                            .as_ref()
                            .filter(|c| c.level > ConflictLevel::None);
                        p.change_around_onset == Some(RelationshipChange::Worse)
                            || conflict
                                .is_some_and(|c| c.began == Some(RelativeToOnset::AfterOnset))
                    }
                    ProblemArea::RoleTransition => {
                        matches!(
                            p.change_around_onset,
                            Some(RelationshipChange::Lost | RelationshipChange::New)
                        ) && inv.social_context.prior_functioning
                            != Some(PriorFunctioning::DeclinedSinceOnset)
                    }
                    _ => false,
                }),
            }
        }
    }
}

/// Whether the clinician's link of a subject is not recorded: a question to
/// ask.
pub(crate) fn link_unknown(facts: &Facts<'_>, s: SubjectIndex) -> bool {
    match s {
        SubjectIndex::Event(e) => facts.event_link(e).is_unknown(),
        SubjectIndex::Person(i) => facts.person_link(i).is_unknown(),
    }
}

/// How many facts of one evaluation's evidence are kept inline.
const INLINE_FACTS: usize = 64;

/// The facts of every piece of evidence in one evaluation, each with the link
/// of the subjects that belong to it: one run per piece, in evidence order,
/// kept inline for a typical inventory (no allocation).
pub(crate) struct FactRuns(SpillVec<(FactKey, LinkBasis), INLINE_FACTS>);

impl FactRuns {
    /// No facts yet.
    pub(crate) fn new() -> FactRuns {
        FactRuns(SpillVec::new((FactKey::Context, LinkBasis::None)))
    }
}

/// One piece of evidence as counted: the area of its rule and the run of its
/// facts in [`FactRuns`], each fact once.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Counted {
    area: ProblemArea,
    start: usize,
    end: usize,
    /// The strongest link among its facts.
    link: LinkBasis,
}

impl Counted {
    /// A placeholder for unused room in a list.
    pub(crate) const NONE: Counted = Counted {
        area: ProblemArea::InterpersonalDeficits,
        start: 0,
        end: 0,
        link: LinkBasis::None,
    };

    /// The facts of evidence about `subjects`, with their links for `area`,
    /// added to `runs`. `places` is scratch room, reused between calls.
    pub(crate) fn new(
        runs: &mut FactRuns,
        places: &mut Places<FactKey>,
        facts: &Facts<'_>,
        window: Option<WindowRef>,
        area: ProblemArea,
        subjects: &[SubjectIndex],
    ) -> Counted {
        let runs = &mut runs.0;
        let start = runs.len();
        // Each fact's place in `runs`, so that finding it is a bounded scan
        // or a probe: one piece of evidence may be about 100k people.
        places.clear();
        for &s in subjects {
            let key = fact_of(facts, s);
            let link = subject_link(facts, window, area, s);
            match places.get(key).and_then(|i| runs.get_mut(i)) {
                Some((_, l)) => *l = (*l).max(link),
                None => {
                    places.insert(key, runs.len());
                    runs.push((key, link));
                }
            }
        }
        if runs.len() == start {
            runs.push((FactKey::Context, LinkBasis::None));
        }
        let end = runs.len();
        let link = runs
            .as_slice()
            .get(start..end)
            .unwrap_or(&[])
            .iter()
            .map(|&(_, l)| l)
            .max()
            .unwrap_or(LinkBasis::None);
        Counted {
            area,
            start,
            end,
            link,
        }
    }

    /// The strongest link among its facts.
    pub(crate) fn link(&self) -> LinkBasis {
        self.link
    }

    /// Its facts, each once, with their link.
    fn facts<'r>(&self, runs: &'r FactRuns) -> &'r [(FactKey, LinkBasis)] {
        runs.0.as_slice().get(self.start..self.end).unwrap_or(&[])
    }
}

/// An area's evidence, counted: its score, the score of its best fact linked
/// to the onset, and that fact's link.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct AreaStrength {
    /// The strength of the best-supported fact.
    pub(crate) score: f64,
    /// The strength of the best-supported fact linked to the onset (stated
    /// or inferred); for interpersonal deficits, the score.
    pub(crate) linked_score: f64,
    /// The area's link ([`count_area`]): the strongest among its facts
    /// strong enough to be a focus on their own, else that of its best
    /// linked fact ([`LinkBasis::None`] when no fact is linked).
    pub(crate) link: LinkBasis,
}

/// One fact of an area's evidence as counted so far.
#[derive(Debug, Clone, Copy)]
struct FactTally {
    key: FactKey,
    /// The strongest link of the evidence about it.
    link: LinkBasis,
    /// The largest weight of the evidence about it.
    max: f64,
    /// The sum of those weights.
    sum: f64,
}

impl FactTally {
    /// A fact no evidence is about yet.
    fn new(key: FactKey) -> FactTally {
        FactTally {
            key,
            link: LinkBasis::None,
            max: 0.0,
            sum: 0.0,
        }
    }

    /// Counts a piece of evidence about the fact, of `weight`, whose
    /// subjects have `link`.
    fn add(&mut self, link: LinkBasis, weight: f64) {
        self.link = self.link.max(link);
        self.max = self.max.max(weight);
        self.sum += weight;
    }

    /// The fact's strength: its strongest rule's weight, plus the other
    /// rules' weights up to `cap`.
    fn strength(&self, cap: f64) -> f64 {
        self.max + (self.sum - self.max).clamp(0.0, cap.max(0.0))
    }
}

/// The facts an area's evidence is about, each once, in first-seen order,
/// with the strongest link of its subjects (a death event and the deceased
/// are one fact) and the largest and the sum of the weights of the evidence
/// about it, added in evidence order (a `Counted` names each fact once).
/// Built in one pass with a bounded scan or a probe per fact, so in time
/// linear in the evidence's subjects; found by fact afterwards.
pub(crate) struct AreaFacts {
    at: Places<FactKey>,
    tallies: SpillVec<FactTally, 16>,
    cap: f64,
}

impl AreaFacts {
    /// The facts of `area`'s `evidence`, from every area's `counted` pieces
    /// (`evidence` is `area`'s, in the same order as its pieces), with the
    /// rule set's `support_cap`.
    pub(crate) fn of_area(
        area: ProblemArea,
        evidence: &[Evidence],
        counted: &[Counted],
        runs: &FactRuns,
        cap: f64,
    ) -> AreaFacts {
        let mut tallies = SpillVec::<FactTally, 16>::new(FactTally::new(FactKey::Context));
        let mut at = Places::new(FactKey::Context);
        let ours = counted.iter().filter(|c| c.area == area);
        for (e, c) in evidence.iter().zip(ours) {
            for &(key, link) in c.facts(runs) {
                let i = match at.get(key) {
                    Some(i) => i,
                    None => {
                        let i = tallies.len();
                        at.insert(key, i);
                        tallies.push(FactTally::new(key));
                        i
                    }
                };
                if let Some(t) = tallies.get_mut(i) {
                    t.add(link, e.weight);
                }
            }
        }
        AreaFacts { at, tallies, cap }
    }

    /// The link that counts in choosing among the area's facts (the
    /// principal death, the principal disputant, the area's own link): the
    /// fact's link when the fact is strong enough to be a focus on its own
    /// (`min`, the rule set's `min_focus_score`), else none. So the
    /// clinician's link on a fact governs the dates of another, but a fact
    /// too weak to be a focus does not displace one that is.
    pub(crate) fn focus_link(&self, key: FactKey, min: f64) -> LinkBasis {
        self.at
            .get(key)
            .and_then(|i| self.tallies.as_slice().get(i))
            .filter(|t| t.strength(self.cap) >= min)
            .map_or(LinkBasis::None, |t| t.link)
    }
}

/// Counts an area's evidence, each fact once, and sets each piece's
/// `counted` weight: the evidence about the best fact adds its strongest
/// rule in full (the first such, in rule order) and the others' weights in
/// rule order until the cap is spent; every other piece adds 0.
///
/// The area's score is its best fact's strength; its linked score that of
/// its best fact linked to the onset; its link the strongest among its facts
/// strong enough to be a focus on their own (at least `min`), or, when none
/// is, that of its best linked fact: a focus that rests on a fact the
/// clinician links does not rest only on dates, even when a fact linked by
/// its dates scores more.
pub(crate) fn count_area(
    inv: &Inventory,
    area: ProblemArea,
    evidence: &mut [Evidence],
    counted: &[Counted],
    runs: &FactRuns,
    (cap, min): (f64, f64),
) -> AreaStrength {
    // The area's pieces, in evidence order: `counted` holds every area's.
    let ours = || counted.iter().filter(move |c| c.area == area);
    let facts = AreaFacts::of_area(area, evidence, counted, runs, cap);
    // The best fact: highest strength, then strongest link, then smallest
    // id (the inventory's order decides nothing).
    // Ids order by their bytes, as their text does.
    let id_of = |key: FactKey| match key {
        FactKey::Context => &[][..],
        FactKey::Person(i) => inv.people.get(i).map_or(&[][..], |p| p.id.as_bytes()),
        FactKey::Event(e) => inv.events.get(e).map_or(&[][..], |e| e.id.as_bytes()),
    };
    let mut best: Option<(FactKey, f64, LinkBasis)> = None;
    let mut best_linked: Option<(f64, LinkBasis)> = None;
    let mut focus_link = LinkBasis::None;
    for t in facts.tallies.as_slice() {
        let (key, link, s) = (t.key, t.link, t.strength(cap));
        if best.is_none_or(|(bk, bs, bl)| {
            s > bs || (s == bs && (link > bl || (link == bl && id_of(key) < id_of(bk))))
        }) {
            best = Some((key, s, link));
        }
        if link.is_linked() && best_linked.is_none_or(|(bs, bl)| s > bs || (s == bs && link > bl)) {
            best_linked = Some((s, link));
        }
        if s >= min {
            focus_link = focus_link.max(link);
        }
    }
    for e in evidence.iter_mut() {
        e.counted = 0.0;
    }
    let Some((key, score, link)) = best else {
        return AreaStrength {
            score: 0.0,
            linked_score: 0.0,
            link: LinkBasis::None,
        };
    };
    // The strongest rule about the fact counts in full (the first with the
    // largest weight), then support, in evidence order.
    let about = || {
        ours()
            .enumerate()
            .filter(move |(_, c)| c.facts(runs).iter().any(|&(k, _)| k == key))
            .map(|(i, _)| i)
    };
    let strongest = about().fold(None::<usize>, |acc, i| {
        let w = evidence.get(i).map_or(0.0, |e| e.weight);
        match acc {
            Some(a) if evidence.get(a).map_or(0.0, |e| e.weight) >= w => Some(a),
            _ => Some(i),
        }
    });
    let mut support = cap.max(0.0);
    for i in about() {
        if let Some(e) = evidence.get_mut(i) {
            if Some(i) == strongest {
                e.counted = e.weight;
            } else {
                let add = e.weight.min(support);
                e.counted = add;
                support -= add;
            }
        }
    }
    let (linked_score, link) = if area == ProblemArea::InterpersonalDeficits {
        (score, link)
    } else {
        let (linked_score, best_link) = best_linked.unwrap_or((0.0, LinkBasis::None));
        (linked_score, focus_link.max(best_link))
    };
    AreaStrength {
        score,
        linked_score,
        link,
    }
}

/// Whether a death of person `i` or event `e` is dated before the onset
/// window opens (long before the onset).
pub(crate) fn long_before_onset(
    inv: &Inventory,
    params: &RuleParameters,
    date: Option<crate::date::PartialDate>,
) -> bool {
    match (date, inv.onset.date(), params.windows.get("onset")) {
        (Some(death), Some(onset), Some(window)) => onset
            .earliest()
            .checked_sub_months(chrono::Months::new(window.before_months))
            .is_some_and(|start| death.latest() < start),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact_strength(weights: impl Iterator<Item = f64>, cap: f64) -> f64 {
        let mut fact = FactTally::new(FactKey::Context);
        for w in weights {
            fact.add(LinkBasis::None, w);
        }
        fact.strength(cap)
    }

    #[test]
    fn a_fact_counts_its_strongest_rule_and_capped_support() {
        assert_eq!(fact_strength([4.0, 2.0, 2.0].into_iter(), 1.0), 5.0);
        assert_eq!(fact_strength([3.0, 0.5].into_iter(), 1.0), 3.5);
        assert_eq!(fact_strength([1.0].into_iter(), 1.0), 1.0);
        assert_eq!(fact_strength([3.0, 3.0, 3.0].into_iter(), 0.0), 3.0);
    }
}
