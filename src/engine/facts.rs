//! Facts derived once per inventory before the rules run, and three-valued
//! truth.

use crate::collections::{HashMap, HashMapExt};
use crate::{
    date::PartialDate,
    id::PersonId,
    inventory::{Inventory, Person, PersonStatus, RelationshipKind},
};

use chrono::{Datelike, Months, NaiveDate};

use crate::inventory::{EventKind, OnsetLink};

use super::ruleset::Window;

/// Three-valued (Kleene) truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Truth {
    False,
    Unknown,
    True,
}

impl Truth {
    pub(crate) fn from_bool(b: bool) -> Truth {
        if b { Truth::True } else { Truth::False }
    }

    pub(crate) fn not(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
        }
    }

    /// Kleene "or": the larger of the two under False < Unknown < True.
    pub(crate) fn or(self, other: Truth) -> Truth {
        self.max(other)
    }

    /// Kleene "and": the smaller of the two.
    pub(crate) fn and(self, other: Truth) -> Truth {
        self.min(other)
    }
}

/// How many events' person indices are kept inline (no allocation).
const INLINE_EVENTS: usize = 64;
const NO_PERSON: u32 = u32::MAX;

/// For each event, the index of the person it names (or none): kept inline
/// up to [`INLINE_EVENTS`] events and people, and past that in a list built once from a
/// map of the people's ids, so that the lookup stays linear in the
/// inventory however many events name people.
#[derive(Debug)]
struct EventPeople {
    inline: bool,
    index: [u32; INLINE_EVENTS],
    spilled: Vec<u32>,
}

/// A window as compiled: its index among the rule set's windows (for the
/// ranges precomputed per inventory) and its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct WindowRef {
    pub(crate) index: usize,
    pub(crate) window: Window,
}

impl WindowRef {
    fn key(self) -> (usize, u32, u32) {
        (
            self.index,
            self.window.before_months,
            self.window.after_months,
        )
    }
}

impl PartialOrd for WindowRef {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for WindowRef {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

/// How many windows' date ranges are precomputed inline (no allocation);
/// further windows are computed when asked for.
pub(crate) const INLINE_WINDOWS: usize = 8;

/// Facts derived once per inventory.
#[derive(Debug)]
pub(crate) struct Facts<'a> {
    pub(crate) inv: &'a Inventory,
    /// The first and last day the onset can be, when known.
    onset: Option<(NaiveDate, NaiveDate)>,
    onset_month_only: bool,
    event_people: EventPeople,
    /// The date range of each of the first windows, when the onset is known.
    ranges: [(NaiveDate, NaiveDate); INLINE_WINDOWS],
    range_count: usize,
    /// For each person, the link stated on the death events naming them,
    /// then the one stated on the separations and divorces naming them
    /// (each linked when any says linked, else not linked when any says so);
    /// empty when no such event naming a person states a link. One list for
    /// both, so one allocation at most.
    ended_links: Vec<[OnsetLink; 2]>,
}

impl<'a> Facts<'a> {
    /// Derives the facts of `inv`, with the date ranges of `windows` (the
    /// rule set's windows, in compiled order).
    pub(crate) fn new(inv: &'a Inventory, windows: &[Window]) -> Facts<'a> {
        let onset_date = inv.onset.date();
        // A scan of the people per event only when both lists are short: a
        // few events naming people late in a long list would otherwise cost
        // 64 scans of all the people.
        let inline = inv.events.len() <= INLINE_EVENTS && inv.people.len() <= INLINE_EVENTS;
        let mut index = [NO_PERSON; INLINE_EVENTS];
        if inline {
            for (slot, event) in index.iter_mut().zip(&inv.events) {
                if let Some(pid) = &event.person {
                    if let Some(i) = find_person(inv, pid) {
                        *slot = u32::try_from(i).unwrap_or(NO_PERSON);
                    }
                }
            }
        }
        let mut spilled = Vec::new();
        if !inline {
            // The first person with each id, as `find_person` finds it.
            let mut first: HashMap<&[u8], usize> = HashMap::with_capacity(inv.people.len());
            for (i, p) in inv.people.iter().enumerate() {
                first.entry(p.id.as_bytes()).or_insert(i);
            }
            spilled = inv
                .events
                .iter()
                .map(|event| {
                    event
                        .person
                        .as_ref()
                        .and_then(|pid| first.get(pid.as_bytes()))
                        .and_then(|&i| u32::try_from(i).ok())
                        .unwrap_or(NO_PERSON)
                })
                .collect();
        }
        let event_people = EventPeople {
            inline,
            index,
            spilled,
        };
        let mut facts = Facts {
            inv,
            onset: onset_date.map(|d| (d.earliest(), d.latest())),
            onset_month_only: onset_date.is_some_and(PartialDate::is_month_only),
            event_people,
            ranges: [(NaiveDate::MIN, NaiveDate::MAX); INLINE_WINDOWS],
            range_count: 0,
            ended_links: Vec::new(),
        };
        for (e, ev) in inv.events.iter().enumerate() {
            let parting = matches!(ev.kind, EventKind::Separation | EventKind::Divorce);
            if !(ev.kind == EventKind::Death || parting) || ev.linked_to_onset.is_unknown() {
                continue;
            }
            let Some(p) = facts.event_person(e) else {
                continue;
            };
            if facts.ended_links.is_empty() {
                facts.ended_links = vec![[OnsetLink::Unknown; 2]; inv.people.len()];
            }
            let slot = facts
                .ended_links
                .get_mut(p)
                .and_then(|links| links.get_mut(usize::from(parting)));
            if let Some(slot) = slot {
                if *slot != OnsetLink::Linked {
                    *slot = ev.linked_to_onset;
                }
            }
        }
        if facts.onset.is_some() {
            let mut ranges = facts.ranges;
            for (slot, w) in ranges.iter_mut().zip(windows) {
                if let Some(r) = facts.window(*w) {
                    *slot = r;
                }
            }
            facts.ranges = ranges;
            facts.range_count = windows.len().min(INLINE_WINDOWS);
        }
        facts
    }

    /// The index of the person event `e` names, if it names one in the
    /// inventory.
    pub(crate) fn event_person(&self, e: usize) -> Option<usize> {
        if self.event_people.inline {
            match self.event_people.index.get(e) {
                Some(&i) if i != NO_PERSON => usize::try_from(i).ok(),
                _ => None,
            }
        } else {
            match self.event_people.spilled.get(e) {
                Some(&i) if i != NO_PERSON => usize::try_from(i).ok(),
                _ => None,
            }
        }
    }

    /// The clinician's link to the onset of what happened with person `i`:
    /// the person's own, or, when that is unknown, the one stated on a death
    /// event naming them: the death and the deceased are one fact, so a link
    /// the clinician stated on either governs ([`Facts::event_link`]).
    pub(crate) fn person_link(&self, i: usize) -> OnsetLink {
        let own = self
            .inv
            .people
            .get(i)
            .map_or(OnsetLink::Unknown, |p| p.linked_to_onset);
        if own.is_unknown() {
            self.ended_link(i, false)
        } else {
            own
        }
    }

    /// The link stated on the events that ended person `i`'s relationship:
    /// their death, or (`parting`) a separation or divorce.
    fn ended_link(&self, i: usize, parting: bool) -> OnsetLink {
        self.ended_links
            .get(i)
            .and_then(|links| links.get(usize::from(parting)))
            .copied()
            .unwrap_or(OnsetLink::Unknown)
    }

    /// The clinician's link to the onset of the loss of a relationship with
    /// person `i` (a transition): the person's own link ([`Facts::person_link`]),
    /// or, when that is unknown, the one stated on a separation or divorce
    /// naming them, the same loss. Only for the transition: the person's
    /// record may also be about a dispute, which the separation's link does
    /// not speak for.
    pub(crate) fn loss_link(&self, i: usize) -> OnsetLink {
        let own = self.person_link(i);
        if own.is_unknown() {
            self.ended_link(i, true)
        } else {
            own
        }
    }

    /// The clinician's link to the onset of event `e`: the event's own, or,
    /// when that is unknown and the event is the death of a person of the
    /// inventory, the link the clinician stated on that person. The death and
    /// the deceased are one fact: a "not linked" on the person is not
    /// overruled by the death's date (CLINICAL-BASIS.md §2.5: the
    /// clinician's judgement governs; dates only stand in for it). Other
    /// events naming a person (a separation, say) keep their own link: the
    /// person's may be about something else, such as a dispute.
    pub(crate) fn event_link(&self, e: usize) -> OnsetLink {
        let Some(ev) = self.inv.events.get(e) else {
            return OnsetLink::Unknown;
        };
        if !ev.linked_to_onset.is_unknown() || ev.kind != EventKind::Death {
            return ev.linked_to_onset;
        }
        self.event_person(e)
            .and_then(|p| self.inv.people.get(p))
            .map_or(OnsetLink::Unknown, |p| p.linked_to_onset)
    }

    pub(crate) fn onset_known(&self) -> bool {
        self.onset.is_some()
    }

    /// The first and last day of a window around the onset, when the onset is
    /// known. A month-precision onset anchors the window on its whole month.
    pub(crate) fn window(&self, w: Window) -> Option<(NaiveDate, NaiveDate)> {
        let (first, last) = self.onset?;
        if self.onset_month_only && first.day() == 1 {
            Some(month_window(first, w))
        } else if self.onset_month_only {
            let lo = first
                .checked_sub_months(Months::new(w.before_months))
                .unwrap_or(NaiveDate::MIN);
            let hi = first
                .checked_add_months(Months::new(w.after_months))
                .map_or(NaiveDate::MAX, last_day_of_month);
            Some((lo, hi))
        } else {
            let lo = first
                .checked_sub_months(Months::new(w.before_months))
                .unwrap_or(NaiveDate::MIN);
            let hi = last
                .checked_add_months(Months::new(w.after_months))
                .unwrap_or(NaiveDate::MAX);
            Some((lo, hi))
        }
    }

    /// Whether a recorded date lies inside a window around the onset: unknown
    /// when the date or the onset is not recorded; see [`Facts::date_within`].
    pub(crate) fn within(&self, date: Option<PartialDate>, w: WindowRef) -> Truth {
        match date {
            Some(d) if self.onset_known() => self.date_within(d, w),
            _ => Truth::Unknown,
        }
    }

    /// [`Facts::within`] for a date given as its first and last day, worked
    /// out once for several windows.
    pub(crate) fn days_within(&self, days: Option<(NaiveDate, NaiveDate)>, w: WindowRef) -> Truth {
        match days {
            Some(days) if self.onset_known() => self.range_within(days, w),
            _ => Truth::Unknown,
        }
    }

    /// Whether a date lies inside a window: true when every day it can stand
    /// for is inside, false when every day is outside, unknown otherwise (a
    /// month straddling an edge) or when the onset is unknown.
    pub(crate) fn date_within(&self, date: PartialDate, w: WindowRef) -> Truth {
        self.range_within((date.earliest(), date.latest()), w)
    }

    /// [`Facts::date_within`] for a date given as its first and last day.
    fn range_within(&self, (a, b): (NaiveDate, NaiveDate), w: WindowRef) -> Truth {
        let range = if w.index < self.range_count {
            self.ranges.get(w.index).copied()
        } else {
            self.window(w.window)
        };
        let Some((lo, hi)) = range else {
            return Truth::Unknown;
        };
        if a >= lo && b <= hi {
            Truth::True
        } else if b < lo || a > hi {
            Truth::False
        } else {
            Truth::Unknown
        }
    }
}

/// The first day of the month `months` months after (before, when negative)
/// the month of `d`; `None` outside the dates chrono can represent.
fn month_start(d: NaiveDate, months: i64) -> Option<NaiveDate> {
    let total = i64::from(d.year()) * 12 + i64::from(d.month0()) + months;
    let year = i32::try_from(total.div_euclid(12)).ok()?;
    let month = u32::try_from(total.rem_euclid(12)).ok()? + 1;
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// The window around an onset known to the month, `first` being the first
/// day of that month: from the first day of the month `before_months` earlier
/// to the last day of the month `after_months` later. The same as chrono's
/// month arithmetic followed by [`last_day_of_month`], with less work.
fn month_window(first: NaiveDate, w: Window) -> (NaiveDate, NaiveDate) {
    let lo = month_start(first, -i64::from(w.before_months)).unwrap_or(NaiveDate::MIN);
    let after = i64::from(w.after_months);
    let hi = month_start(first, after).map_or(NaiveDate::MAX, |start| {
        month_start(first, after + 1)
            .and_then(|next| next.pred_opt())
            .unwrap_or(start)
    });
    (lo, hi)
}

fn last_day_of_month(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1)
        .and_then(|first| first.checked_add_months(Months::new(1)))
        .and_then(|next| next.pred_opt())
        .unwrap_or(d)
}

pub(crate) fn find_person(inv: &Inventory, id: &PersonId) -> Option<usize> {
    inv.people
        .iter()
        .position(|p| crate::id::same_id(p.id.as_bytes(), id.as_bytes()))
}

/// Whether a person is a significant other: a partner, spouse, ex-partner,
/// parent or child on any circle; anyone else (siblings, other family,
/// friends, colleagues) when the patient placed them on the inner or middle
/// circle, not when on the outer one, and unknown (`None`) when their place
/// is not recorded (see
/// [`PersonCondition::Significant`](crate::engine::PersonCondition::Significant)).
pub(crate) fn significance(p: &Person) -> Option<bool> {
    if matches!(
        p.relationship,
        RelationshipKind::Partner
            | RelationshipKind::Spouse
            | RelationshipKind::ExPartner
            | RelationshipKind::Parent
            | RelationshipKind::Child
    ) {
        Some(true)
    } else {
        p.closeness.map(|c| c != crate::inventory::Closeness::Outer)
    }
}

/// Whether a person is known to be a significant other.
pub(crate) fn is_significant(p: &Person) -> bool {
    significance(p) == Some(true)
}

/// The date of death, if the person has died and it is recorded.
pub(crate) fn death_date(p: &Person) -> Option<PartialDate> {
    match p.status {
        PersonStatus::Deceased { date } => date,
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{EpisodeOnset, PartialDate};

    #[test]
    fn month_windows_match_chrono_month_arithmetic() {
        let firsts = [
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 1).unwrap(),
            NaiveDate::from_ymd_opt(2023, 12, 1).unwrap(),
            NaiveDate::from_ymd_opt(0, 3, 1).unwrap(),
            NaiveDate::from_ymd_opt(NaiveDate::MIN.year(), 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(NaiveDate::MIN.year() + 1, 6, 1).unwrap(),
            NaiveDate::from_ymd_opt(NaiveDate::MAX.year(), 12, 1).unwrap(),
            NaiveDate::from_ymd_opt(NaiveDate::MAX.year(), 11, 1).unwrap(),
            NaiveDate::from_ymd_opt(NaiveDate::MAX.year() - 1, 7, 1).unwrap(),
        ];
        let months = [
            0,
            1,
            2,
            6,
            11,
            12,
            13,
            24,
            25,
            120,
            3_200_000,
            i32::MAX as u32,
            u32::MAX,
        ];
        for first in firsts {
            for &before_months in &months {
                for &after_months in &months {
                    let w = Window {
                        before_months,
                        after_months,
                    };
                    let lo = first
                        .checked_sub_months(Months::new(before_months))
                        .unwrap_or(NaiveDate::MIN);
                    let hi = first
                        .checked_add_months(Months::new(after_months))
                        .map_or(NaiveDate::MAX, last_day_of_month);
                    assert_eq!(month_window(first, w), (lo, hi), "{first} {w:?}");
                }
            }
        }
    }

    fn inventory(onset: &str) -> Inventory {
        let onset: EpisodeOnset = serde_json::from_str(&format!("\"{onset}\"")).unwrap();
        Inventory::new(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(), onset)
    }

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    /// A window not precomputed: computed on demand.
    fn wr(window: Window) -> WindowRef {
        WindowRef { index: 99, window }
    }

    #[test]
    fn precomputed_ranges_match_computed_ones() {
        let inv = inventory("2026-01-15");
        let windows = [Window::new(6, 3), Window::new(24, 0)];
        let f = Facts::new(&inv, &windows);
        for (index, window) in windows.into_iter().enumerate() {
            for date in [
                "2025-07",
                "2025-07-15",
                "2024-01-15",
                "2024-01",
                "2026-04-15",
                "2026-04-16",
            ] {
                assert_eq!(
                    f.date_within(d(date), WindowRef { index, window }),
                    f.date_within(d(date), wr(window)),
                    "{date}"
                );
            }
        }
    }

    #[test]
    fn kleene_tables() {
        use Truth::*;
        assert_eq!(Unknown.and(False), False);
        assert_eq!(Unknown.and(True), Unknown);
        assert_eq!(Unknown.or(True), True);
        assert_eq!(Unknown.or(False), Unknown);
        assert_eq!(Unknown.not(), Unknown);
    }

    #[test]
    fn month_onset_window_spans_whole_months() {
        let inv = inventory("2026-01");
        let f = Facts::new(&inv, &[]);
        let w = Window::new(6, 3);
        let (lo, hi) = f.window(w).unwrap();
        assert_eq!(lo.to_string(), "2025-07-01");
        assert_eq!(hi.to_string(), "2026-04-30");
        assert_eq!(f.date_within(d("2025-07"), wr(w)), Truth::True);
        assert_eq!(f.date_within(d("2025-06"), wr(w)), Truth::False);
        assert_eq!(f.date_within(d("2026-05-01"), wr(w)), Truth::False);
        // February + 3 months ends on 31 May, not 28 May.
        let inv2 = inventory("2026-02");
        let f2 = Facts::new(&inv2, &[]);
        assert_eq!(f2.date_within(d("2026-05"), wr(w)), Truth::True);
    }

    #[test]
    fn day_onset_month_event_straddles() {
        let inv = inventory("2026-01-15");
        let f = Facts::new(&inv, &[]);
        let w = Window::new(6, 0);
        // 2025-07-15 .. 2026-01-15: July 2025 straddles the edge.
        assert_eq!(f.date_within(d("2025-07"), wr(w)), Truth::Unknown);
        assert_eq!(f.date_within(d("2025-07-15"), wr(w)), Truth::True);
        assert_eq!(f.date_within(d("2025-07-14"), wr(w)), Truth::False);
        assert_eq!(f.date_within(d("2026-01"), wr(w)), Truth::Unknown);
        assert_eq!(f.date_within(d("2025-08"), wr(w)), Truth::True);
    }

    #[test]
    fn unknown_onset_makes_windows_unknown() {
        let inv = inventory("unknown");
        let f = Facts::new(&inv, &[]);
        assert!(!f.onset_known());
        assert_eq!(
            f.date_within(d("2025-07"), wr(Window::new(6, 3))),
            Truth::Unknown
        );
    }
}
