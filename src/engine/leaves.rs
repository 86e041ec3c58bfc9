//! Deciding one leaf condition about one subject (the inventory as a whole,
//! a person or an event), reporting the inventory fields it found missing:
//! what [`Facts`] say, field by field. The lane masks decide leaves for many
//! subjects at once; this reads one, to say which facts held a rule back.

use super::compile::{EventLeaf, Leaf, PersonLeaf, RootLeaf};
use super::condition::{EventField, PersonField, SocialField};
use super::fact_table::decide;
use super::facts::{Facts, Truth, WindowRef, death_date};
use super::missing::MissingRef;

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

impl Facts<'_> {
    fn report_within<S: Sink>(
        &self,
        date: Option<crate::date::PartialDate>,
        w: WindowRef,
        date_ref: MissingRef,
        sink: &mut S,
    ) -> Truth {
        match (date, self.onset_known()) {
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
                let t = self.date_within(d, w);
                if t == Truth::Unknown {
                    // A month straddling the window's edge: the exact date
                    // would settle it.
                    sink.missing(date_ref);
                }
                t
            }
        }
    }

    /// The truth of `leaf` about `ctx`; an unknown leaf reports the fields
    /// it missed to `sink`.
    pub(crate) fn leaf<S: Sink>(&self, leaf: Leaf, ctx: Ctx, sink: &mut S) -> Truth {
        let inv = self.inv;
        match (leaf, ctx) {
            (Leaf::Root(leaf), Ctx::Root) => self.root_leaf(leaf, sink),
            (Leaf::Person(leaf), Ctx::Person(i)) => match inv.people.get(i) {
                Some(p) => self.person_leaf(leaf, i, p, sink),
                None => Truth::False,
            },
            (Leaf::Event(leaf), Ctx::Event(e)) => match inv.events.get(e) {
                Some(ev) => self.event_leaf(leaf, e, ev, sink),
                None => Truth::False,
            },
            // A leaf about something else than `ctx` (never compiled so),
            // or about nobody: false.
            (Leaf::Root(_), Ctx::Person(_) | Ctx::Event(_))
            | (Leaf::Person(_), Ctx::Root | Ctx::Event(_))
            | (Leaf::Event(_), Ctx::Root | Ctx::Person(_)) => Truth::False,
            #[cfg(test)]
            (Leaf::Root(_) | Leaf::Person(_) | Leaf::Event(_), Ctx::Absent) => Truth::False,
        }
    }

    fn root_leaf<S: Sink>(&self, leaf: RootLeaf, sink: &mut S) -> Truth {
        let sc = &self.inv.social_context;
        match leaf {
            RootLeaf::Is(fact, holds) => decide(fact.read(self, 0, sc), holds, |code| {
                if let Some(field) = fact.missing(code) {
                    sink.missing(MissingRef::Social(field));
                }
            }),
            RootLeaf::ConfidantsAtMost(n) => opt(
                sc.confidants.map(|c| c <= n),
                MissingRef::Social(SocialField::Confidants),
                sink,
            ),
            RootLeaf::OnsetKnown(b) => Truth::from_bool(self.onset_known() == b),
        }
    }

    fn person_leaf<S: Sink>(
        &self,
        leaf: PersonLeaf,
        i: usize,
        p: &crate::inventory::Person,
        sink: &mut S,
    ) -> Truth {
        match leaf {
            PersonLeaf::Is(fact, holds) => decide(fact.read(self, i, p), holds, |code| {
                if let Some(field) = fact.missing(code) {
                    sink.missing(MissingRef::Person(i, field));
                }
            }),
            PersonLeaf::DiedWithin(w) => {
                if p.status.is_deceased() {
                    let at = MissingRef::Person(i, PersonField::DeceasedDate);
                    self.report_within(death_date(p), w, at, sink)
                } else {
                    Truth::False
                }
            }
        }
    }

    fn event_leaf<S: Sink>(
        &self,
        leaf: EventLeaf,
        e: usize,
        ev: &crate::inventory::LifeEvent,
        sink: &mut S,
    ) -> Truth {
        let at = |f: EventField| MissingRef::Event(e, f);
        match leaf {
            EventLeaf::Is(fact, holds) => decide(fact.read(self, e, ev), holds, |code| {
                if let Some(field) = fact.missing(code) {
                    sink.missing(at(field));
                }
            }),
            EventLeaf::Within(w) => self.report_within(ev.date, w, at(EventField::Date), sink),
            EventLeaf::Linked(w) => match self.event_link(e) {
                crate::inventory::OnsetLink::Linked => Truth::True,
                crate::inventory::OnsetLink::NotLinked => Truth::False,
                crate::inventory::OnsetLink::Unknown => {
                    let truth = self.report_within(ev.date, w, at(EventField::Date), &mut Discard);
                    if truth == Truth::Unknown {
                        // Either fact would settle it: the window's, or the
                        // clinician's own link.
                        self.report_within(ev.date, w, at(EventField::Date), sink);
                        sink.missing(at(EventField::LinkedToOnset));
                    }
                    truth
                }
            },
        }
    }
}
