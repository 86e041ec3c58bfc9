//! Facts as lane masks: the people and the events of an inventory in chunks
//! of up to 64, one bit ("lane") each, so that a leaf condition is decided
//! for a whole chunk with a few bit operations (DESIGN.md decision 10).
//!
//! The masks are derived once per inventory. Up to 64 people and 64 events
//! they live on the stack; larger inventories keep one chunk per 64 on the
//! heap.

use crate::inventory::{LifeEvent, OnsetLink, Person};

use super::compile::{EventLeaf, PersonLeaf, bit};
use super::condition::{ALL_EVENT_FACTS, EventFact, EventLanes, PersonFact, PersonLanes};
use super::fact_table::{Holds, yes_no};
use super::facts::{Facts, INLINE_WINDOWS, Truth, WindowRef, death_date};
use super::ruleset::Window;

/// One bit per lane of a chunk.
pub(crate) type Mask = u64;

/// How many people or events a chunk holds: the bits of a [`Mask`].
pub(crate) const LANES: usize = 64;

/// The bit of lane `j` (none past the last lane).
pub(crate) fn lane_bit(j: usize) -> Mask {
    u32::try_from(j)
        .ok()
        .and_then(|j| 1u64.checked_shl(j))
        .unwrap_or(0)
}

/// The bits of lanes `0..n`.
fn first_lanes(n: usize) -> Mask {
    if n >= LANES {
        Mask::MAX
    } else {
        lane_bit(n).wrapping_sub(1)
    }
}

/// The set lanes of a mask, lowest first.
pub(crate) fn lanes_of(mask: Mask) -> impl Iterator<Item = usize> {
    let mut rest = mask;
    std::iter::from_fn(move || {
        if rest == 0 {
            None
        } else {
            let j = rest.trailing_zeros() as usize;
            rest &= rest.wrapping_sub(1);
            Some(j)
        }
    })
}

/// Three-valued truth of every lane of a chunk: `t` holds the lanes where it
/// is true, `nf` those where it is not false (true or unknown). Always
/// `t ⊆ nf`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tri {
    pub(crate) t: Mask,
    pub(crate) nf: Mask,
}

impl Tri {
    /// False in every lane.
    pub(crate) const FALSE: Tri = Tri { t: 0, nf: 0 };

    /// True in `lanes`.
    pub(crate) fn all(lanes: Mask) -> Tri {
        Tri {
            t: lanes,
            nf: lanes,
        }
    }

    /// Known: true in `t`, false elsewhere.
    pub(crate) fn known(t: Mask) -> Tri {
        Tri { t, nf: t }
    }

    /// True in `t`, unknown in `unknown`, false elsewhere.
    pub(crate) fn new(t: Mask, unknown: Mask) -> Tri {
        Tri { t, nf: t | unknown }
    }

    /// `truth` in the lanes of `lanes`, false elsewhere.
    pub(crate) fn from_truth(truth: Truth, lanes: Mask) -> Tri {
        match truth {
            Truth::True => Tri::all(lanes),
            Truth::Unknown => Tri { t: 0, nf: lanes },
            Truth::False => Tri::FALSE,
        }
    }

    /// Kleene "and", lane by lane.
    pub(crate) fn and(self, other: Tri) -> Tri {
        Tri {
            t: self.t & other.t,
            nf: self.nf & other.nf,
        }
    }

    /// Kleene "or", lane by lane.
    pub(crate) fn or(self, other: Tri) -> Tri {
        Tri {
            t: self.t | other.t,
            nf: self.nf | other.nf,
        }
    }

    /// Kleene "not" in `lanes`.
    pub(crate) fn not(self, lanes: Mask) -> Tri {
        Tri {
            t: lanes & !self.nf,
            nf: lanes & !self.t,
        }
    }

    /// The lanes where it is unknown.
    pub(crate) fn unknown(self) -> Mask {
        self.nf & !self.t
    }

    /// The truth in lane `j`.
    #[inline]
    pub(crate) fn lane(self, j: usize) -> Truth {
        let shift = u32::try_from(j).unwrap_or(u32::MAX);
        let t = self.t.checked_shr(shift).unwrap_or(0) & 1;
        let nf = self.nf.checked_shr(shift).unwrap_or(0) & 1;
        match (t, nf) {
            (0, 0) => Truth::False,
            (0, _) => Truth::Unknown,
            _ => Truth::True,
        }
    }
}

/// The windows whose truth is derived per lane up front: the first
/// [`INLINE_WINDOWS`] of the rule set's. Leaves on later windows are decided
/// lane by lane when asked.
fn inline_windows(windows: &[Window]) -> impl Iterator<Item = WindowRef> + '_ {
    windows
        .iter()
        .take(INLINE_WINDOWS)
        .enumerate()
        .map(|(index, &window)| WindowRef { index, window })
}

/// Which facts about people a rule set reads in one space, one bit per
/// fact of the table (by its index) and one for the windows of death: only
/// those are derived.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct PersonNeeds(u64);

impl PersonNeeds {
    /// Whether the person died inside each inline window.
    const DIED: u64 = 1 << 63;

    /// The bit of a table fact.
    fn fact(fact: PersonFact) -> u64 {
        u32::try_from(fact.index()).map_or(0, bit)
    }

    /// What a person leaf reads.
    pub(crate) fn of(leaf: PersonLeaf) -> PersonNeeds {
        PersonNeeds(match leaf {
            PersonLeaf::Is(fact, _) => Self::fact(fact),
            PersonLeaf::DiedWithin(_) => Self::fact(PersonFact::Deceased) | Self::DIED,
        })
    }

    /// Both needs.
    pub(crate) fn and(self, other: PersonNeeds) -> PersonNeeds {
        PersonNeeds(self.0 | other.0)
    }

    fn has(self, bit: u64) -> bool {
        self.0 & bit != 0
    }

    fn any(self) -> bool {
        self.0 != 0
    }
}

/// Where a chunk's lanes come from, to find a lane's person or event when a
/// leaf must be decided lane by lane.
#[derive(Debug, Clone, Copy)]
enum Origin {
    /// Lane `j` is person `base + j`.
    People { base: usize },
    /// Lane `j` is event `base + j`.
    Events { base: usize },
    /// Lane `j` is the person event `base + j` names.
    EventPeople { base: usize },
}

/// The facts about up to 64 people, one lane each.
#[derive(Debug, Clone)]
pub(crate) struct PeopleMasks {
    /// The lanes of the chunk. A lane whose person is absent (an event that
    /// names nobody) still counts: there every leaf is false and `not` true.
    pub(crate) lanes: Mask,
    /// The lanes with a person.
    present: Mask,
    origin: Origin,
    windows: usize,
    /// The codes of the table facts, by lane.
    codes: PersonLanes,
    /// `died_within` each of the inline windows.
    died: [Tri; INLINE_WINDOWS],
}

impl PeopleMasks {
    fn empty(windows: usize) -> PeopleMasks {
        PeopleMasks {
            lanes: 0,
            present: 0,
            origin: Origin::People { base: 0 },
            windows,
            codes: PersonLanes::EMPTY,
            died: [Tri::FALSE; INLINE_WINDOWS],
        }
    }

    /// Records person `p` in lane `j`: the facts in `needs`.
    fn add(
        &mut self,
        j: usize,
        i: usize,
        p: &Person,
        facts: &Facts<'_>,
        needs: PersonNeeds,
        windows: &[Window],
    ) {
        let b = lane_bit(j);
        self.present |= b;
        self.codes.add(needs.0 & !PersonNeeds::DIED, facts, i, p, b);
        if needs.has(PersonNeeds::DIED) && p.status.is_deceased() {
            let days = death_date(p).map(|d| (d.earliest(), d.latest()));
            for (w, slot) in inline_windows(windows).zip(&mut self.died) {
                *slot = slot.or(Tri::from_truth(facts.days_within(days, w), b));
            }
        }
    }

    /// The person in lane `j`, if any.
    fn person<'i>(&self, j: usize, facts: &Facts<'i>) -> Option<&'i Person> {
        let i = match self.origin {
            Origin::People { base } => base.checked_add(j)?,
            Origin::EventPeople { base } => facts.event_person(base.checked_add(j)?)?,
            Origin::Events { .. } => return None,
        };
        facts.inv.people.get(i)
    }

    /// The truth of a person leaf in every lane.
    pub(crate) fn leaf(&self, leaf: PersonLeaf, facts: &Facts<'_>) -> Tri {
        match leaf {
            PersonLeaf::Is(fact, holds) => self.codes.tri(fact, holds),
            PersonLeaf::DiedWithin(w) => match self.died.get(w.index) {
                Some(&tri) if w.index < self.windows => tri,
                _ => {
                    let mut tri = Tri::FALSE;
                    let deceased = self
                        .codes
                        .tri(
                            PersonFact::Deceased,
                            Holds {
                                yes: yes_no(true),
                                vague: 0,
                            },
                        )
                        .t;
                    for j in lanes_of(deceased) {
                        if let Some(p) = self.person(j, facts) {
                            tri = tri
                                .or(Tri::from_truth(facts.within(death_date(p), w), lane_bit(j)));
                        }
                    }
                    tri
                }
            },
        }
    }
}

/// The facts about up to 64 events, one lane each, with the facts about the
/// person each names in the same lanes.
#[derive(Debug, Clone)]
pub(crate) struct EventMasks {
    /// The lanes of the chunk.
    pub(crate) lanes: Mask,
    /// The lanes with an event.
    pub(crate) present: Mask,
    origin: Origin,
    windows: usize,
    /// The codes of the table facts, by lane.
    codes: EventLanes,
    /// `within` each of the inline windows.
    within: [Tri; INLINE_WINDOWS],
    /// The lanes whose event names a person of the inventory.
    pub(crate) has_person: Mask,
    /// The person each event names, by the event's lane (when the rule set
    /// reads them).
    pub(crate) people: PeopleMasks,
}

impl EventMasks {
    fn empty(windows: usize) -> EventMasks {
        EventMasks {
            lanes: 0,
            present: 0,
            origin: Origin::Events { base: 0 },
            windows,
            codes: EventLanes::EMPTY,
            within: [Tri::FALSE; INLINE_WINDOWS],
            has_person: 0,
            people: PeopleMasks::empty(windows),
        }
    }

    /// Records event `e` in lane `j`.
    fn add(
        &mut self,
        j: usize,
        e: usize,
        ev: &LifeEvent,
        facts: &Facts<'_>,
        windows: &[Window],
        people_needs: PersonNeeds,
    ) {
        let b = lane_bit(j);
        self.present |= b;
        self.codes.add(ALL_EVENT_FACTS, facts, e, ev, b);
        let days = ev.date.map(|d| (d.earliest(), d.latest()));
        for (w, slot) in inline_windows(windows).zip(&mut self.within) {
            *slot = slot.or(Tri::from_truth(facts.days_within(days, w), b));
        }
        if let Some(p) = facts.event_person(e) {
            self.has_person |= b;
            if people_needs.any() {
                if let Some(person) = facts.inv.people.get(p) {
                    self.people.add(j, p, person, facts, people_needs, windows);
                }
            }
        }
    }

    /// `within` a window in every lane.
    fn within(&self, w: WindowRef, facts: &Facts<'_>) -> Tri {
        match self.within.get(w.index) {
            Some(&tri) if w.index < self.windows => tri,
            _ => {
                let Origin::Events { base } = self.origin else {
                    return Tri::FALSE;
                };
                let mut tri = Tri::FALSE;
                for j in lanes_of(self.present) {
                    if let Some(ev) = base.checked_add(j).and_then(|e| facts.inv.events.get(e)) {
                        tri = tri.or(Tri::from_truth(facts.within(ev.date, w), lane_bit(j)));
                    }
                }
                tri
            }
        }
    }

    /// The truth of an event leaf in every lane.
    pub(crate) fn leaf(&self, leaf: EventLeaf, facts: &Facts<'_>) -> Tri {
        match leaf {
            EventLeaf::Is(fact, holds) => self.codes.tri(fact, holds),
            EventLeaf::Within(w) => self.within(w, facts),
            EventLeaf::Linked(w) => {
                // The clinician's link; when it is unknown, the window's.
                let link = |l: OnsetLink| {
                    let holds = Holds {
                        yes: bit(l as u32),
                        vague: 0,
                    };
                    self.codes.tri(EventFact::OnsetLink, holds).t
                };
                let linked = link(OnsetLink::Linked);
                let link_unknown = link(OnsetLink::Unknown);
                let window = self.within(w, facts);
                Tri {
                    t: linked | (window.t & link_unknown),
                    nf: linked | (window.nf & link_unknown),
                }
            }
        }
    }
}

/// A chunk, or many: one inline, the rest on the heap only past 64.
#[derive(Debug, Clone)]
enum Chunks<T> {
    One(T),
    Many(Vec<T>),
}

impl<T> Chunks<T> {
    fn get(&self, c: usize) -> Option<&T> {
        match self {
            Chunks::One(t) => (c == 0).then_some(t),
            Chunks::Many(v) => v.get(c),
        }
    }

    fn len(&self) -> usize {
        match self {
            Chunks::One(_) => 1,
            Chunks::Many(v) => v.len(),
        }
    }
}

/// How many chunks `n` lanes take (at least one).
fn chunk_count(n: usize) -> usize {
    n.div_ceil(LANES).max(1)
}

/// The lane masks of an inventory's people and events.
#[derive(Debug, Clone)]
pub(crate) struct SubjectMasks {
    people: Chunks<PeopleMasks>,
    events: Chunks<EventMasks>,
}

impl SubjectMasks {
    /// Derives the masks, in place: `windows` are the rule set's (in
    /// compiled order); `needs` the facts read about people (under
    /// `some_person`) and `event_needs` those read about the people events
    /// name.
    pub(crate) fn new(
        facts: &Facts<'_>,
        windows: &[Window],
        needs: PersonNeeds,
        event_needs: PersonNeeds,
    ) -> SubjectMasks {
        let inv = facts.inv;
        let inline = windows.len().min(INLINE_WINDOWS);
        let fill_people = |m: &mut PeopleMasks, c: usize| {
            let base = c.saturating_mul(LANES);
            let chunk = inv.people.get(base..).unwrap_or(&[]);
            let chunk = chunk.get(..LANES).unwrap_or(chunk);
            m.lanes = first_lanes(chunk.len());
            m.origin = Origin::People { base };
            for (j, p) in chunk.iter().enumerate() {
                m.add(j, base + j, p, facts, needs, windows);
            }
        };
        let fill_events = |m: &mut EventMasks, c: usize| {
            let base = c.saturating_mul(LANES);
            let chunk = inv.events.get(base..).unwrap_or(&[]);
            let chunk = chunk.get(..LANES).unwrap_or(chunk);
            m.lanes = first_lanes(chunk.len());
            m.origin = Origin::Events { base };
            m.people.lanes = m.lanes;
            m.people.origin = Origin::EventPeople { base };
            for (j, ev) in chunk.iter().enumerate() {
                m.add(j, base + j, ev, facts, windows, event_needs);
            }
        };
        let mut masks = SubjectMasks {
            people: Chunks::One(PeopleMasks::empty(inline)),
            events: Chunks::One(EventMasks::empty(inline)),
        };
        match chunk_count(inv.people.len()) {
            1 => {
                if let Chunks::One(m) = &mut masks.people {
                    fill_people(m, 0);
                }
            }
            n => {
                masks.people = Chunks::Many(
                    (0..n)
                        .map(|c| {
                            let mut m = PeopleMasks::empty(inline);
                            fill_people(&mut m, c);
                            m
                        })
                        .collect(),
                );
            }
        }
        match chunk_count(inv.events.len()) {
            1 => {
                if let Chunks::One(m) = &mut masks.events {
                    fill_events(m, 0);
                }
            }
            n => {
                masks.events = Chunks::Many(
                    (0..n)
                        .map(|c| {
                            let mut m = EventMasks::empty(inline);
                            fill_events(&mut m, c);
                            m
                        })
                        .collect(),
                );
            }
        }
        masks
    }

    /// How many chunks evaluation walks: enough for the people and events.
    pub(crate) fn chunks(&self) -> usize {
        self.people.len().max(self.events.len())
    }

    /// The people of chunk `c`.
    pub(crate) fn people(&self, c: usize) -> Option<&PeopleMasks> {
        self.people.get(c)
    }

    /// The events of chunk `c`.
    pub(crate) fn events(&self, c: usize) -> Option<&EventMasks> {
        self.events.get(c)
    }
}
