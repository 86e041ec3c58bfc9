//! Building a [`LifeEvent`] in code: [`EventBuilder`].

use super::builder::{DateInput, PLACEHOLDER_ID};
use super::validate::{EventField, Found, MALFORMED_DATE, MALFORMED_ID, Order, check_event};
use super::{EventKind, GriefSign, LifeEvent};
use crate::{
    error::{JsonPath, Problems},
    id::{EventId, PersonId},
    sensitive::Sensitive,
};

impl LifeEvent {
    /// Starts building a life event. The id may be given as text (`"e1"`) or
    /// as an [`EventId`]; a malformed id is reported by `build()` at the id's
    /// path.
    ///
    /// ```
    /// use interpersonal::{inventory::EventKind, inventory::GriefSign, LifeEvent};
    ///
    /// let death = LifeEvent::builder("e1", EventKind::Death)
    ///     .date("2025-12-03")
    ///     .person("father")
    ///     .linked_to_onset(true)
    ///     .grief_sign(GriefSign::AvoidedMourning)
    ///     .build()?;
    /// assert_eq!(death.grief_signs, [GriefSign::AvoidedMourning]);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn builder(id: impl TryInto<EventId>, kind: EventKind) -> EventBuilder {
        let (id, id_readable) = match id.try_into() {
            Ok(id) => (Some(id), true),
            Err(_) => (EventId::new(PLACEHOLDER_ID).ok(), false),
        };
        EventBuilder {
            event: id.map(|id| LifeEvent::new(id, kind, None)),
            id_readable,
            date_readable: true,
            person_readable: true,
        }
    }
}

/// Builds a [`LifeEvent`]; made by [`LifeEvent::builder`]. Add it to an
/// inventory with [`InventoryBuilder::event`](crate::inventory::InventoryBuilder::event), or build it alone with
/// [`EventBuilder::build`].
///
/// ```
/// use interpersonal::{inventory::EventKind, LifeEvent};
///
/// let event = LifeEvent::builder("e2", EventKind::JobLoss).date("2025-10").build()?;
/// assert_eq!(event.date.map(|d| d.to_string()), Some("2025-10".into()));
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "a builder does nothing until it is built or added to an inventory"]
pub struct EventBuilder {
    /// `None` only if the placeholder id could not be made, which cannot
    /// happen; `build()` then fails rather than panicking.
    pub(super) event: Option<LifeEvent>,
    pub(super) id_readable: bool,
    pub(super) date_readable: bool,
    pub(super) person_readable: bool,
}

impl From<LifeEvent> for EventBuilder {
    fn from(event: LifeEvent) -> Self {
        EventBuilder {
            event: Some(event),
            id_readable: true,
            date_readable: true,
            person_readable: true,
        }
    }
}

impl EventBuilder {
    fn edit(mut self, f: impl FnOnce(&mut LifeEvent)) -> Self {
        if let Some(event) = self.event.as_mut() {
            f(event);
        }
        self
    }

    /// Sets when the event happened: a date, a month, `None` or `"unknown"`.
    ///
    /// ```
    /// use interpersonal::{inventory::EventKind, LifeEvent};
    /// use chrono::NaiveDate;
    ///
    /// let e = LifeEvent::builder("e1", EventKind::Retirement)
    ///     .date(NaiveDate::from_ymd_opt(2025, 6, 30).unwrap())
    ///     .build()?;
    /// assert_eq!(e.date.map(|d| d.to_string()), Some("2025-06-30".into()));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn date(mut self, date: impl DateInput) -> Self {
        let date = match date.into_date() {
            Ok(date) => {
                self.date_readable = true;
                date
            }
            Err(_) => {
                self.date_readable = false;
                None
            }
        };
        self.edit(|e| e.date = date)
    }

    /// Sets the person the event concerns, by id (text or a [`PersonId`]); a
    /// malformed id is reported by `build()` at the event's `person` path.
    ///
    /// ```
    /// use interpersonal::{inventory::EventKind, LifeEvent};
    /// let e = LifeEvent::builder("e1", EventKind::Divorce).person("ex").build()?;
    /// assert_eq!(e.person.map(|p| p.to_string()), Some("ex".into()));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn person(mut self, person: impl TryInto<PersonId>) -> Self {
        let person = match person.try_into() {
            Ok(id) => {
                self.person_readable = true;
                Some(id)
            }
            Err(_) => {
                self.person_readable = false;
                None
            }
        };
        self.edit(|e| e.person = person)
    }

    /// Sets whether the clinician links the event to the onset of the
    /// episode: `true` linked, `false` not linked (see [`OnsetLink`](crate::inventory::OnsetLink)).
    ///
    /// ```
    /// use interpersonal::{inventory::{EventKind, OnsetLink}, LifeEvent};
    /// let e = LifeEvent::builder("e1", EventKind::Relocation).linked_to_onset(false).build()?;
    /// assert_eq!(e.linked_to_onset, OnsetLink::NotLinked);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn linked_to_onset(self, linked: bool) -> Self {
        self.edit(|e| e.linked_to_onset = crate::inventory::OnsetLink::from(Some(linked)))
    }

    /// Adds a sign that the grief may be complicated; only a death may have
    /// them (see [`Inventory::validate`](crate::inventory::Inventory::validate)). A sign given twice is kept once.
    ///
    /// ```
    /// use interpersonal::{inventory::EventKind, inventory::GriefSign, LifeEvent};
    /// let e = LifeEvent::builder("e1", EventKind::Death)
    ///     .grief_sign(GriefSign::AnniversaryReaction)
    ///     .grief_sign(GriefSign::AnniversaryReaction)
    ///     .build()?;
    /// assert_eq!(e.grief_signs, [GriefSign::AnniversaryReaction]);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn grief_sign(self, sign: GriefSign) -> Self {
        self.edit(|e| {
            if !e.grief_signs.contains(&sign) {
                e.grief_signs.push(sign);
            }
        })
    }

    /// Sets what kind of traumatic event it was; only an event of kind
    /// [`EventKind::Trauma`](crate::inventory::EventKind::Trauma) may have one (see
    /// [`Inventory::validate`](crate::inventory::Inventory::validate)).
    ///
    /// ```
    /// use interpersonal::{inventory::EventKind, inventory::TraumaKind, LifeEvent};
    /// let e = LifeEvent::builder("e1", EventKind::Trauma)
    ///     .trauma_kind(TraumaKind::Accident)
    ///     .build()?;
    /// assert_eq!(e.trauma_kind, Some(TraumaKind::Accident));
    /// let problems = LifeEvent::builder("e2", EventKind::JobLoss)
    ///     .trauma_kind(TraumaKind::Assault)
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(problems.iter().next().unwrap().path.as_str(), "$.trauma_kind");
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn trauma_kind(self, kind: crate::inventory::TraumaKind) -> Self {
        self.edit(|e| e.trauma_kind = Some(kind))
    }

    /// Sets free notes about the event.
    ///
    /// ```
    /// use interpersonal::{inventory::EventKind, LifeEvent};
    /// let e = LifeEvent::builder("e1", EventKind::JobLoss).notes("laid off").build()?;
    /// assert!(e.notes.is_some());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn notes(self, notes: impl Into<String>) -> Self {
        let notes = Sensitive::new(notes.into());
        self.edit(|e| e.notes = Some(notes))
    }

    /// Builds the event alone, checking what can be checked without the rest
    /// of the inventory: a readable id, date and person id, and grief signs on
    /// a death only. Paths are relative to the event (`$.date`); inside an
    /// [`InventoryBuilder`](crate::inventory::InventoryBuilder) the same problems are reported at
    /// `$.events[j].date`.
    ///
    /// ```
    /// use interpersonal::{inventory::EventKind, inventory::GriefSign, LifeEvent};
    ///
    /// let problems = LifeEvent::builder("e1", EventKind::JobLoss)
    ///     .date("2025-13")
    ///     .grief_sign(GriefSign::MultipleLosses)
    ///     .build()
    ///     .unwrap_err();
    /// let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    /// assert_eq!(paths, ["$.date", "$.grief_signs"]);
    /// ```
    ///
    /// # Errors
    ///
    /// Returns [`Problems`] listing every problem found, in document order.
    pub fn build(self) -> Result<LifeEvent, Problems> {
        let root = JsonPath::root();
        let mut found = Found::default();
        self.report_unreadable(&root, 0, Order::Event, &mut found);
        match self.event {
            Some(event) => {
                check_event(&event, &|| root.clone(), 0, &mut found);
                found.into_problems().into_result(event)
            }
            None => Err(found.into_problems()),
        }
    }

    /// Reports what could not be read, at `at`, ordered by `order` (the
    /// event's place among the events, or among the upcoming events).
    pub(super) fn report_unreadable(
        &self,
        at: &JsonPath,
        index: usize,
        order: fn(usize, EventField) -> Order,
        found: &mut Found,
    ) {
        if !self.id_readable || self.event.is_none() {
            found.push(order(index, EventField::Id), at.field("id"), MALFORMED_ID);
        }
        if !self.date_readable {
            found.push(
                order(index, EventField::Date),
                at.field("date"),
                format!("{MALFORMED_DATE}, or `unknown`"),
            );
        }
        if !self.person_readable {
            found.push(
                order(index, EventField::Person),
                at.field("person"),
                MALFORMED_ID,
            );
        }
    }
}
