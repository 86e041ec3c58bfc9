//! Deciding one leaf condition about one subject (the inventory as a whole,
//! a person or an event), reporting the inventory fields it found missing:
//! what [`Facts`] say, field by field. The lane masks decide leaves for many
//! subjects at once; this reads one, to say which facts held a rule back.

use crate::inventory::{ConflictLevel, ExpectationsMet, PersonStatus};

use super::compile::{EventLeaf, Leaf, PersonLeaf, RootLeaf, bit};
use super::facts::{
    EventField, Facts, MissingRef, PersonField, SocialField, Truth, WindowRef, death_date,
    significance,
};

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
            RootLeaf::PriorFunctioningIn(m) => opt(
                sc.prior_functioning.map(|v| m & bit(v as u32) != 0),
                MissingRef::Social(SocialField::PriorFunctioning),
                sink,
            ),
            RootLeaf::LivesAlone(b) => opt(
                sc.lives_alone.map(|v| v == b),
                MissingRef::Social(SocialField::LivesAlone),
                sink,
            ),
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
        let at = |f: PersonField| MissingRef::Person(i, f);
        let known = Truth::from_bool;
        // A recorded conflict: present with a level above none.
        let conflict = p
            .conflict
            .as_ref()
            .filter(|c| c.level > ConflictLevel::None);
        match leaf {
            PersonLeaf::RelationshipIn(m) => known(m & bit(p.relationship as u32) != 0),
            PersonLeaf::ClosenessIn(m) => opt(
                p.closeness.map(|v| m & bit(v as u32) != 0),
                at(PersonField::Closeness),
                sink,
            ),
            PersonLeaf::Deceased(b) => known(p.status.is_deceased() == b),
            PersonLeaf::Estranged(b) => known((p.status == PersonStatus::Estranged) == b),
            PersonLeaf::Significant(b) => opt(
                significance(p).map(|s| s == b),
                at(PersonField::Closeness),
                sink,
            ),
            PersonLeaf::OnsetLinkIn(m) => known(m & bit(self.person_link(i) as u32) != 0),
            PersonLeaf::ConflictLevelAtLeast(l) => {
                let level = p.conflict.as_ref().map_or(ConflictLevel::None, |c| c.level);
                known(level >= l)
            }
            PersonLeaf::ConflictVisibilityIn(m) => match conflict {
                None => Truth::False,
                Some(c) => opt(
                    c.visibility.map(|v| m & bit(v as u32) != 0),
                    at(PersonField::ConflictVisibility),
                    sink,
                ),
            },
            PersonLeaf::ConflictCourseIn(m) => match conflict {
                None => Truth::False,
                Some(c) => opt(
                    c.course.map(|v| m & bit(v as u32) != 0),
                    at(PersonField::ConflictCourse),
                    sink,
                ),
            },
            PersonLeaf::ConflictBeganIn(m) => match conflict {
                None => Truth::False,
                Some(c) => opt(
                    c.began.map(|v| m & bit(v as u32) != 0),
                    at(PersonField::ConflictBegan),
                    sink,
                ),
            },
            PersonLeaf::ExpectationsMetIn(m) => {
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
            PersonLeaf::ChangeAroundOnsetIn(m) => opt(
                p.change_around_onset.map(|v| m & bit(v as u32) != 0),
                at(PersonField::ChangeAroundOnset),
                sink,
            ),
            PersonLeaf::Confidant(b) => opt(
                p.confidant.map(|v| v == b),
                at(PersonField::Confidant),
                sink,
            ),
            PersonLeaf::Supportive(b) => opt(
                p.supportive.map(|v| v == b),
                at(PersonField::Supportive),
                sink,
            ),
            PersonLeaf::DiedWithin(w) => {
                if p.status.is_deceased() {
                    self.report_within(death_date(p), w, at(PersonField::DeceasedDate), sink)
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
        let known = Truth::from_bool;
        match leaf {
            EventLeaf::KindIn(m) => known(m & bit(ev.kind as u32) != 0),
            EventLeaf::Within(w) => self.report_within(ev.date, w, at(EventField::Date), sink),
            EventLeaf::Linked(w) => match ev.linked_to_onset {
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
            EventLeaf::LinkedToOnset(b) => opt(
                ev.linked_to_onset.as_bool().map(|v| v == b),
                at(EventField::LinkedToOnset),
                sink,
            ),
            EventLeaf::OnsetLinkIn(m) => known(m & bit(ev.linked_to_onset as u32) != 0),
            EventLeaf::HasGriefSignIn(m) => {
                known(ev.grief_signs.iter().any(|&s| m & bit(s as u32) != 0))
            }
        }
    }
}
