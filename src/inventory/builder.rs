//! Building an inventory in code: [`InventoryBuilder`], and [`DateInput`],
//! what the builders accept where a date goes. People and events have their
//! own builders, [`PersonBuilder`] and [`EventBuilder`].
//!
//! The builders take ids and dates as text for ease of writing (`"father"`,
//! `"2025-12"`) as well as typed values. Text that is not a well-formed id or
//! date is not a panic and not an early error: `build()` reports it as a
//! [`Problem`](crate::error::Problem) at the JSON path the value would have in the
//! inventory's JSON, together with every problem that
//! [`Inventory::validate`] finds.

use crate::date::{DayInput, NaiveDate};

use super::validate::{
    Found, MALFORMED_DATE, MALFORMED_DAY, Order, Unreadable, check_inventory, check_limits,
};
use super::{EventBuilder, Inventory, PersonBuilder, PriorFunctioning, SocialContext};
use crate::{
    date::{DateError, EpisodeOnset, PartialDate},
    error::{JsonPath, Problems},
    inventory::RelationshipPattern,
};

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::date::PartialDate {}
    impl Sealed for chrono::NaiveDate {}
    impl Sealed for Option<crate::date::PartialDate> {}
    impl Sealed for crate::date::EpisodeOnset {}
    impl Sealed for &str {}
    impl Sealed for String {}
    impl Sealed for &String {}
}

/// What the builders accept where a date goes: a [`PartialDate`], a
/// [`NaiveDate`], an [`EpisodeOnset`], an `Option<PartialDate>` (`None` for not
/// known), or text: `"2026-03-14"`, `"2026-03"`, or `"unknown"`.
///
/// Text that is none of these is reported by the builder's `build()` at the
/// date's JSON path.
///
/// ```
/// use interpersonal::{inventory::DateInput, date::PartialDate};
///
/// assert_eq!("2026-03".into_date()?, Some(PartialDate::month(2026, 3)?));
/// assert_eq!("unknown".into_date()?, None);
/// assert!("March".into_date().is_err());
/// # Ok::<(), interpersonal::date::DateError>(())
/// ```
pub trait DateInput: sealed::Sealed {
    /// The date, or `None` when it is given as not known.
    ///
    /// ```
    /// use interpersonal::{inventory::DateInput, date::EpisodeOnset};
    /// use chrono::NaiveDate;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// assert_eq!(day.into_date()?.map(|d| d.to_string()), Some("2026-01-05".into()));
    /// assert_eq!(EpisodeOnset::Unknown.into_date()?, None);
    /// # Ok::<(), interpersonal::date::DateError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Returns [`DateError`] when text is not `YYYY-MM-DD`, `YYYY-MM` or
    /// `unknown`, or names a day or month that does not exist.
    fn into_date(self) -> Result<Option<PartialDate>, DateError>;
}

impl DateInput for PartialDate {
    fn into_date(self) -> Result<Option<PartialDate>, DateError> {
        Ok(Some(self))
    }
}

impl DateInput for NaiveDate {
    fn into_date(self) -> Result<Option<PartialDate>, DateError> {
        Ok(Some(PartialDate::day(self)))
    }
}

impl DateInput for Option<PartialDate> {
    fn into_date(self) -> Result<Option<PartialDate>, DateError> {
        Ok(self)
    }
}

impl DateInput for EpisodeOnset {
    fn into_date(self) -> Result<Option<PartialDate>, DateError> {
        Ok(self.date())
    }
}

impl DateInput for &str {
    fn into_date(self) -> Result<Option<PartialDate>, DateError> {
        if self == "unknown" {
            Ok(None)
        } else {
            self.parse().map(Some)
        }
    }
}

impl DateInput for String {
    fn into_date(self) -> Result<Option<PartialDate>, DateError> {
        self.as_str().into_date()
    }
}

impl DateInput for &String {
    fn into_date(self) -> Result<Option<PartialDate>, DateError> {
        self.as_str().into_date()
    }
}

/// The id used in place of one that could not be read, so that the rest of the
/// person or event can still be checked. It is never part of a built value:
/// `build()` fails whenever it is used.
pub(super) const PLACEHOLDER_ID: &str = "unreadable-id";

impl Inventory {
    /// Starts building an inventory as of `assessed_on`. The onset is unknown
    /// until [`InventoryBuilder::onset`] says otherwise.
    ///
    /// ```
    /// use interpersonal::{inventory::Conflict, inventory::ConflictCourse, inventory::ConflictLevel, inventory::EventKind, Inventory, LifeEvent, Person, inventory::RelationshipKind};
    /// use chrono::NaiveDate;
    ///
    /// let inventory = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    ///     .onset("2026-01")
    ///     .person(
    ///         Person::builder("father", "Dad", RelationshipKind::Parent)
    ///             .closeness(interpersonal::inventory::Closeness::Inner)
    ///             .deceased("2025-12"),
    ///     )
    ///     .person(
    ///         Person::builder("partner", "Sam", RelationshipKind::Partner)
    ///             .conflict(Conflict::new(ConflictLevel::High).with_course(ConflictCourse::Stalled))
    ///             .dissatisfaction("never home"),
    ///     )
    ///     .event(
    ///         LifeEvent::builder("e1", EventKind::Death)
    ///             .date("2025-12")
    ///             .person("father")
    ///             .linked_to_onset(true),
    ///     )
    ///     .build()?;
    /// assert_eq!(inventory.people.len(), 2);
    /// assert_eq!(inventory.onset.to_string(), "2026-01");
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn builder(assessed_on: impl DayInput) -> InventoryBuilder {
        let (assessed_on, assessed_on_readable) = match assessed_on.into_day() {
            Ok(day) => (day, true),
            Err(_) => (NaiveDate::MIN, false),
        };
        InventoryBuilder {
            inventory: Inventory::new(assessed_on, EpisodeOnset::Unknown),
            assessed_on_readable,
            onset_readable: true,
            people: Vec::new(),
            events: Vec::new(),
            upcoming: Vec::new(),
        }
    }
}

/// Builds an [`Inventory`]; made by [`Inventory::builder`].
///
/// [`build`](InventoryBuilder::build) checks what it was given and runs
/// [`Inventory::validate`], reporting every problem at once.
///
/// ```
/// use interpersonal::{Inventory, Person, inventory::RelationshipKind};
/// use chrono::NaiveDate;
///
/// let problems = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
///     .onset("2026-04")
///     .person(Person::builder("has space", "Ann", RelationshipKind::Friend))
///     .build()
///     .unwrap_err();
/// let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
/// assert_eq!(paths, ["$.onset", "$.people[0].id"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "a builder does nothing until `build()` is called"]
pub struct InventoryBuilder {
    inventory: Inventory,
    assessed_on_readable: bool,
    onset_readable: bool,
    people: Vec<PersonBuilder>,
    events: Vec<EventBuilder>,
    upcoming: Vec<EventBuilder>,
}

impl InventoryBuilder {
    /// Sets the onset of the current episode: a date, a month, or `"unknown"`.
    ///
    /// ```
    /// use interpersonal::{date::EpisodeOnset, Inventory};
    /// use chrono::NaiveDate;
    ///
    /// let as_of = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let inventory = Inventory::builder(as_of).onset("2026-01-15").build()?;
    /// assert_eq!(inventory.onset.to_string(), "2026-01-15");
    /// let unknown = Inventory::builder(as_of).onset(EpisodeOnset::Unknown).build()?;
    /// assert_eq!(unknown.onset, EpisodeOnset::Unknown);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn onset(mut self, onset: impl DateInput) -> Self {
        match onset.into_date() {
            Ok(date) => {
                self.inventory.onset = date.map_or(EpisodeOnset::Unknown, EpisodeOnset::Known);
                self.onset_readable = true;
            }
            Err(_) => {
                self.inventory.onset = EpisodeOnset::Unknown;
                self.onset_readable = false;
            }
        }
        self
    }

    /// Adds a person: a [`PersonBuilder`] or a [`Person`](crate::inventory::Person).
    ///
    /// ```
    /// use interpersonal::{Inventory, Person, id::PersonId, inventory::RelationshipKind};
    /// use chrono::NaiveDate;
    ///
    /// let inventory = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    ///     .person(Person::builder("sister", "Maria", RelationshipKind::Sibling))
    ///     .person(Person::new(PersonId::new("boss")?, "Mr K", RelationshipKind::Supervisor))
    ///     .build()?;
    /// assert_eq!(inventory.people[1].id.as_str(), "boss");
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn person(mut self, person: impl Into<PersonBuilder>) -> Self {
        self.people.push(person.into());
        self
    }

    /// Adds a life event: an [`EventBuilder`] or a [`LifeEvent`](crate::inventory::LifeEvent).
    ///
    /// ```
    /// use interpersonal::{inventory::EventKind, Inventory, LifeEvent};
    /// use chrono::NaiveDate;
    ///
    /// let inventory = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    ///     .event(LifeEvent::builder("move", EventKind::Relocation).date("2025-09"))
    ///     .build()?;
    /// assert_eq!(inventory.events[0].kind, EventKind::Relocation);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn event(mut self, event: impl Into<EventBuilder>) -> Self {
        self.events.push(event.into());
        self
    }

    /// Adds an upcoming event: one that has not happened yet, dated on or
    /// after the assessment date ([`Inventory::upcoming`]); problems are
    /// reported at `$.upcoming[k]`.
    ///
    /// ```
    /// use interpersonal::{Inventory, LifeEvent, inventory::EventKind};
    /// use chrono::NaiveDate;
    ///
    /// let inventory = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    ///     .upcoming(LifeEvent::builder("trip", EventKind::TimeZoneTravel).date("2026-04-10"))
    ///     .build()?;
    /// assert_eq!(inventory.upcoming[0].kind, EventKind::TimeZoneTravel);
    /// let problems = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    ///     .upcoming(LifeEvent::builder("new job", EventKind::JobStart).date("2026-02"))
    ///     .build()
    ///     .unwrap_err();
    /// let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    /// assert_eq!(paths, ["$.upcoming[0].id", "$.upcoming[0].date"]);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn upcoming(mut self, event: impl Into<EventBuilder>) -> Self {
        self.upcoming.push(event.into());
        self
    }

    /// Sets the whole social context.
    ///
    /// ```
    /// use interpersonal::{Inventory, inventory::SocialContext};
    /// use chrono::NaiveDate;
    ///
    /// let mut context = SocialContext::default();
    /// context.lives_alone = Some(true);
    /// let inventory = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    ///     .social_context(context)
    ///     .build()?;
    /// assert_eq!(inventory.social_context.lives_alone, Some(true));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn social_context(mut self, context: SocialContext) -> Self {
        self.inventory.social_context = context;
        self
    }

    /// Sets the patient's social functioning before the episode.
    ///
    /// ```
    /// use interpersonal::{Inventory, inventory::PriorFunctioning};
    /// use chrono::NaiveDate;
    ///
    /// let inventory = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    ///     .prior_functioning(PriorFunctioning::Adequate)
    ///     .build()?;
    /// assert_eq!(inventory.social_context.prior_functioning, Some(PriorFunctioning::Adequate));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn prior_functioning(mut self, prior: PriorFunctioning) -> Self {
        self.inventory.social_context.prior_functioning = Some(prior);
        self
    }

    /// Sets whether the patient lives alone.
    ///
    /// ```
    /// use interpersonal::Inventory;
    /// use chrono::NaiveDate;
    ///
    /// let inventory = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    ///     .lives_alone(false)
    ///     .build()?;
    /// assert_eq!(inventory.social_context.lives_alone, Some(false));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn lives_alone(mut self, lives_alone: bool) -> Self {
        self.inventory.social_context.lives_alone = Some(lives_alone);
        self
    }

    /// Sets how many people the patient can confide in.
    ///
    /// ```
    /// use interpersonal::Inventory;
    /// use chrono::NaiveDate;
    ///
    /// let inventory = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    ///     .confidants(0)
    ///     .build()?;
    /// assert_eq!(inventory.social_context.confidants, Some(0));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn confidants(mut self, confidants: u32) -> Self {
        self.inventory.social_context.confidants = Some(confidants);
        self
    }

    /// Adds a pattern seen across the patient's relationships.
    ///
    /// ```
    /// use interpersonal::{Inventory, inventory::RelationshipPattern};
    /// use chrono::NaiveDate;
    ///
    /// let inventory = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    ///     .pattern(RelationshipPattern::AvoidsConfrontation)
    ///     .build()?;
    /// assert_eq!(inventory.social_context.patterns, [RelationshipPattern::AvoidsConfrontation]);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn pattern(mut self, pattern: RelationshipPattern) -> Self {
        self.inventory.social_context.patterns.push(pattern);
        self
    }

    /// Records that the safety screen was asked, and whether the patient
    /// reported thoughts of death or self-harm (`true`) or denied them
    /// (`false`). Left unset, the screen was not asked, and every assessment
    /// leads with that.
    ///
    /// ```
    /// use interpersonal::Inventory;
    /// use chrono::NaiveDate;
    ///
    /// let inventory = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    ///     .suicidal_thoughts_reported(true)
    ///     .build()?;
    /// assert!(inventory.safety.is_reported());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn suicidal_thoughts_reported(mut self, reported: bool) -> Self {
        self.inventory.safety.suicidal_thoughts =
            crate::inventory::ScreenAnswer::from(Some(reported));
        self
    }

    /// Sets the whole safety screen, including "not asked".
    ///
    /// ```
    /// use interpersonal::{inventory::{SafetyScreen, ScreenAnswer}, Inventory};
    /// use chrono::NaiveDate;
    ///
    /// let inventory = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    ///     .safety(SafetyScreen::new(ScreenAnswer::Denied))
    ///     .build()?;
    /// assert!(inventory.safety.is_asked());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn safety(mut self, screen: crate::inventory::SafetyScreen) -> Self {
        self.inventory.safety = screen;
        self
    }

    /// Builds the inventory, checking it with [`Inventory::validate`].
    ///
    /// ```
    /// use interpersonal::{inventory::EventKind, Inventory, LifeEvent};
    /// use chrono::NaiveDate;
    ///
    /// let problems = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    ///     .event(LifeEvent::builder("e1", EventKind::JobLoss).date("2026-02-30"))
    ///     .event(LifeEvent::builder("e1", EventKind::Divorce).person("ex"))
    ///     .build()
    ///     .unwrap_err();
    /// let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    /// assert_eq!(shown, [
    ///     "$.events[0].date: expected a date written YYYY-MM-DD or YYYY-MM, or `unknown`",
    ///     "$.events[1].id: expected a unique event id; `e1` is already the id of $.events[0]",
    ///     "$.events[1].person: expected an id of a person in $.people; found an unknown id `ex`",
    /// ]);
    /// ```
    ///
    /// # Errors
    ///
    /// Returns [`Problems`] listing, in document order, every id or date given
    /// as text that could not be read and every problem
    /// [`Inventory::validate`] finds. Checks that need a value that could not
    /// be read are skipped, so one typo gives one problem.
    pub fn build(self) -> Result<Inventory, Problems> {
        let InventoryBuilder {
            mut inventory,
            assessed_on_readable,
            onset_readable,
            people,
            events,
            upcoming,
        } = self;
        let root = JsonPath::root();
        let mut found = Found::default();
        let mut unreadable = Unreadable::default();
        let mut complete = assessed_on_readable;
        if !assessed_on_readable {
            found.push(
                Order::AssessedOn,
                root.field("assessed_on"),
                MALFORMED_DAY.to_owned(),
            );
        }
        if !onset_readable {
            found.push(
                Order::Onset,
                root.field("onset"),
                format!("{MALFORMED_DATE}, or `unknown`"),
            );
        }
        for (i, draft) in people.into_iter().enumerate() {
            let at = root.field("people").index(i);
            draft.report_unreadable(&at, i, &mut found);
            if !draft.id_readable {
                unreadable.person_ids.insert(i);
            }
            if !draft.death_date_readable {
                unreadable.death_dates.insert(i);
            }
            match draft.person {
                Some(person) => inventory.people.push(person),
                None => complete = false,
            }
        }
        for (j, draft) in events.into_iter().enumerate() {
            let at = root.field("events").index(j);
            draft.report_unreadable(&at, j, Order::Event, &mut found);
            if !draft.id_readable {
                unreadable.event_ids.insert(j);
            }
            match draft.event {
                Some(event) => {
                    if !draft.person_readable && event.kind.is_death() {
                        unreadable.death_event_person = true;
                    }
                    inventory.events.push(event);
                }
                None => complete = false,
            }
        }
        for (k, draft) in upcoming.into_iter().enumerate() {
            let at = root.field("upcoming").index(k);
            draft.report_unreadable(&at, k, Order::Upcoming, &mut found);
            if !draft.id_readable {
                unreadable.upcoming_ids.insert(k);
            }
            match draft.event {
                Some(event) => inventory.upcoming.push(event),
                None => complete = false,
            }
        }
        if complete {
            check_inventory(&inventory, &unreadable, &mut found);
            check_limits(&inventory, &crate::limits::Limits::default(), &mut found);
        }
        found.into_problems().into_result(inventory)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::{EventKind, LifeEvent, Person, RelationshipKind};

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    #[test]
    fn later_setting_replaces_an_unreadable_one() {
        let inventory = Inventory::builder(as_of())
            .onset("soon")
            .onset("2026-01")
            .person(
                Person::builder("p1", "A", RelationshipKind::Parent)
                    .deceased("last year")
                    .deceased("2025-06"),
            )
            .event(
                LifeEvent::builder("e1", EventKind::Death)
                    .date("?")
                    .date("2025-06")
                    .person("no such id!")
                    .person("p1"),
            )
            .build()
            .unwrap();
        assert_eq!(inventory.people[0].id.as_str(), "p1");
    }

    #[test]
    fn an_unreadable_death_event_person_does_not_also_report_a_missing_death() {
        // The person has no death date; the only death event's person id is
        // malformed: one problem, not two.
        let problems = Inventory::builder(as_of())
            .person(Person::builder("p1", "A", RelationshipKind::Parent).deceased(None))
            .event(LifeEvent::builder("e1", EventKind::Death).person("p 1"))
            .build()
            .unwrap_err();
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["$.events[0].person"]);
    }

    #[test]
    fn unreadable_ids_are_not_duplicates_of_each_other() {
        let problems = Inventory::builder(as_of())
            .person(Person::builder("a b", "A", RelationshipKind::Friend))
            .person(Person::builder("c d", "C", RelationshipKind::Friend))
            .person(Person::builder(
                PLACEHOLDER_ID,
                "D",
                RelationshipKind::Friend,
            ))
            .event(LifeEvent::builder("", EventKind::Other))
            .event(LifeEvent::builder(" ", EventKind::Other))
            .build()
            .unwrap_err();
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "$.people[0].id",
                "$.people[1].id",
                "$.events[0].id",
                "$.events[1].id"
            ]
        );
    }

    #[test]
    fn an_unreadable_upcoming_id_is_not_a_duplicate_of_a_readable_one() {
        // The unreadable id stands in as the placeholder; a later upcoming
        // event that really has that id is not its duplicate.
        let problems = Inventory::builder(as_of())
            .upcoming(LifeEvent::builder("a b", EventKind::Other))
            .upcoming(LifeEvent::builder(PLACEHOLDER_ID, EventKind::Other))
            .build()
            .unwrap_err();
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["$.upcoming[0].id"]);
    }

    #[test]
    fn date_input_forms() {
        assert_eq!("unknown".into_date(), Ok(None));
        assert_eq!(
            String::from("2026-02")
                .into_date()
                .unwrap()
                .unwrap()
                .to_string(),
            "2026-02"
        );
        assert!("2026-02-30".into_date().is_err());
        assert!("Unknown".into_date().is_err());
        assert_eq!(None::<PartialDate>.into_date(), Ok(None));
    }
}
