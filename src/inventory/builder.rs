//! Building an inventory in code: [`InventoryBuilder`], [`PersonBuilder`] and
//! [`EventBuilder`], and [`DateInput`], what they accept where a date goes.
//!
//! The builders take ids and dates as text for ease of writing (`"father"`,
//! `"2025-12"`) as well as typed values. Text that is not a well-formed id or
//! date is not a panic and not an early error: `build()` reports it as a
//! [`Problem`](crate::Problem) at the JSON path the value would have in the
//! inventory's JSON, together with every problem that
//! [`Inventory::validate`] finds.

use chrono::NaiveDate;

use super::validate::{
    EventField, Found, MALFORMED_DATE, MALFORMED_ID, Order, PersonField, Unreadable, check_event,
    check_inventory, check_person,
};
use super::{
    Closeness, Conflict, ContactFrequency, EventKind, Expectations, GriefSign, Inventory,
    LifeEvent, Person, PersonStatus, PriorFunctioning, RelationshipChange, RelationshipKind,
    SocialContext,
};
use crate::{
    DateError, EpisodeOnset, EventId, JsonPath, PartialDate, PersonId, Problems, Sensitive,
};

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::PartialDate {}
    impl Sealed for chrono::NaiveDate {}
    impl Sealed for Option<crate::PartialDate> {}
    impl Sealed for crate::EpisodeOnset {}
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
/// use interpersonal::{DateInput, PartialDate};
///
/// assert_eq!("2026-03".into_date()?, Some(PartialDate::month(2026, 3)?));
/// assert_eq!("unknown".into_date()?, None);
/// assert!("March".into_date().is_err());
/// # Ok::<(), interpersonal::DateError>(())
/// ```
pub trait DateInput: sealed::Sealed {
    /// The date, or `None` when it is given as not known.
    ///
    /// ```
    /// use interpersonal::{DateInput, EpisodeOnset};
    /// use chrono::NaiveDate;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// assert_eq!(day.into_date()?.map(|d| d.to_string()), Some("2026-01-05".into()));
    /// assert_eq!(EpisodeOnset::Unknown.into_date()?, None);
    /// # Ok::<(), interpersonal::DateError>(())
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
const PLACEHOLDER_ID: &str = "unreadable-id";

impl Inventory {
    /// Starts building an inventory as of `assessed_on`. The onset is unknown
    /// until [`InventoryBuilder::onset`] says otherwise.
    ///
    /// ```
    /// use interpersonal::{
    ///     Conflict, ConflictCourse, ConflictLevel, EventKind, Inventory, LifeEvent, Person,
    ///     RelationshipKind,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let inventory = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    ///     .onset("2026-01")
    ///     .person(
    ///         Person::builder("father", "Dad", RelationshipKind::Parent)
    ///             .closeness(interpersonal::Closeness::Inner)
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
    pub fn builder(assessed_on: NaiveDate) -> InventoryBuilder {
        InventoryBuilder {
            inventory: Inventory::new(assessed_on, EpisodeOnset::Unknown),
            onset_readable: true,
            people: Vec::new(),
            events: Vec::new(),
        }
    }
}

/// Builds an [`Inventory`]; made by [`Inventory::builder`].
///
/// [`build`](InventoryBuilder::build) checks what it was given and runs
/// [`Inventory::validate`], reporting every problem at once.
///
/// ```
/// use interpersonal::{Inventory, Person, RelationshipKind};
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
    onset_readable: bool,
    people: Vec<PersonBuilder>,
    events: Vec<EventBuilder>,
}

impl InventoryBuilder {
    /// Sets the onset of the current episode: a date, a month, or `"unknown"`.
    ///
    /// ```
    /// use interpersonal::{EpisodeOnset, Inventory};
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

    /// Adds a person: a [`PersonBuilder`] or a [`Person`].
    ///
    /// ```
    /// use interpersonal::{Inventory, Person, PersonId, RelationshipKind};
    /// use chrono::NaiveDate;
    ///
    /// let inventory = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    ///     .person(Person::builder("sister", "Maria", RelationshipKind::Sibling))
    ///     .person(Person::new(PersonId::new("boss")?, "Mr K", RelationshipKind::Supervisor))
    ///     .build()?;
    /// assert_eq!(inventory.people[1].id.as_str(), "boss");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn person(mut self, person: impl Into<PersonBuilder>) -> Self {
        self.people.push(person.into());
        self
    }

    /// Adds a life event: an [`EventBuilder`] or a [`LifeEvent`].
    ///
    /// ```
    /// use interpersonal::{EventKind, Inventory, LifeEvent};
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

    /// Sets the whole social context.
    ///
    /// ```
    /// use interpersonal::{Inventory, SocialContext};
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
    /// use interpersonal::{Inventory, PriorFunctioning};
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

    /// Records whether the patient reported thoughts of death or self-harm
    /// (DESIGN.md decision 8).
    ///
    /// ```
    /// use interpersonal::Inventory;
    /// use chrono::NaiveDate;
    ///
    /// let inventory = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    ///     .suicidal_thoughts_reported(true)
    ///     .build()?;
    /// assert!(inventory.safety.suicidal_thoughts_reported);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn suicidal_thoughts_reported(mut self, reported: bool) -> Self {
        self.inventory.safety.suicidal_thoughts_reported = reported;
        self
    }

    /// Builds the inventory, checking it with [`Inventory::validate`].
    ///
    /// ```
    /// use interpersonal::{EventKind, Inventory, LifeEvent};
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
            onset_readable,
            people,
            events,
        } = self;
        let root = JsonPath::root();
        let mut found = Found::default();
        let mut unreadable = Unreadable::default();
        let mut complete = true;
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
            draft.report_unreadable(&at, j, &mut found);
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
        if complete {
            check_inventory(&inventory, &unreadable, &mut found);
        }
        found.into_problems().into_result(inventory)
    }
}

impl Person {
    /// Starts building a person. The id may be given as text (`"sister"`) or
    /// as a [`PersonId`]; a malformed id is reported by `build()` at the id's
    /// path.
    ///
    /// ```
    /// use interpersonal::{Closeness, ContactFrequency, Person, RelationshipKind};
    ///
    /// let sister = Person::builder("sister", "Maria", RelationshipKind::Sibling)
    ///     .closeness(Closeness::Inner)
    ///     .contact(ContactFrequency::Weekly)
    ///     .confidant(true)
    ///     .build()?;
    /// assert_eq!(sister.id.as_str(), "sister");
    /// assert_eq!(sister.label.expose(), "Maria");
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn builder(
        id: impl TryInto<PersonId>,
        label: impl Into<String>,
        relationship: RelationshipKind,
    ) -> PersonBuilder {
        let (id, id_readable) = match id.try_into() {
            Ok(id) => (Some(id), true),
            Err(_) => (PersonId::new(PLACEHOLDER_ID).ok(), false),
        };
        PersonBuilder {
            person: id.map(|id| Person::new(id, label, relationship)),
            id_readable,
            death_date_readable: true,
        }
    }
}

/// Builds a [`Person`]; made by [`Person::builder`]. Add it to an inventory
/// with [`InventoryBuilder::person`], or build it alone with
/// [`PersonBuilder::build`].
///
/// Text given to the builder (the label, satisfactions, notes) is held as
/// [`Sensitive`] patient text.
///
/// ```
/// use interpersonal::{Conflict, ConflictLevel, Person, RelationshipKind};
///
/// let person = Person::builder("partner", "Sam", RelationshipKind::Partner)
///     .conflict(Conflict::new(ConflictLevel::Moderate))
///     .build()?;
/// assert_eq!(person.conflict.map(|c| c.level), Some(ConflictLevel::Moderate));
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "a builder does nothing until it is built or added to an inventory"]
pub struct PersonBuilder {
    /// `None` only if the placeholder id could not be made, which cannot
    /// happen; `build()` then fails rather than panicking.
    person: Option<Person>,
    id_readable: bool,
    death_date_readable: bool,
}

impl From<Person> for PersonBuilder {
    fn from(person: Person) -> Self {
        PersonBuilder {
            person: Some(person),
            id_readable: true,
            death_date_readable: true,
        }
    }
}

impl PersonBuilder {
    fn edit(mut self, f: impl FnOnce(&mut Person)) -> Self {
        if let Some(person) = self.person.as_mut() {
            f(person);
        }
        self
    }

    /// Places the person on the closeness circle.
    ///
    /// ```
    /// use interpersonal::{Closeness, Person, RelationshipKind};
    /// let p = Person::builder("p1", "A", RelationshipKind::Friend)
    ///     .closeness(Closeness::Outer)
    ///     .build()?;
    /// assert_eq!(p.closeness, Some(Closeness::Outer));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn closeness(self, closeness: Closeness) -> Self {
        self.edit(|p| p.closeness = Some(closeness))
    }

    /// Sets how often the patient is in contact with the person.
    ///
    /// ```
    /// use interpersonal::{ContactFrequency, Person, RelationshipKind};
    /// let p = Person::builder("p1", "A", RelationshipKind::Friend)
    ///     .contact(ContactFrequency::Daily)
    ///     .build()?;
    /// assert_eq!(p.contact, Some(ContactFrequency::Daily));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn contact(self, contact: ContactFrequency) -> Self {
        self.edit(|p| p.contact = Some(contact))
    }

    /// Sets the person's status.
    ///
    /// ```
    /// use interpersonal::{Person, PersonStatus, RelationshipKind};
    /// let p = Person::builder("p1", "A", RelationshipKind::Friend)
    ///     .status(PersonStatus::Estranged)
    ///     .build()?;
    /// assert_eq!(p.status, PersonStatus::Estranged);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn status(mut self, status: PersonStatus) -> Self {
        self.death_date_readable = true;
        self.edit(|p| p.status = status)
    }

    /// Marks the person as deceased, with the date of death: a date, a month,
    /// `None` or `"unknown"`. A person whose death date is not known needs a
    /// death event naming them (see [`Inventory::validate`]).
    ///
    /// ```
    /// use interpersonal::{PartialDate, Person, PersonStatus, RelationshipKind};
    ///
    /// let p = Person::builder("father", "Dad", RelationshipKind::Parent)
    ///     .deceased("2025-11")
    ///     .build()?;
    /// assert_eq!(p.status, PersonStatus::Deceased { date: Some(PartialDate::month(2025, 11).unwrap()) });
    ///
    /// let q = Person::builder("mother", "Mum", RelationshipKind::Parent)
    ///     .deceased(None)
    ///     .build()?;
    /// assert!(q.status.is_deceased());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn deceased(mut self, date: impl DateInput) -> Self {
        let date = match date.into_date() {
            Ok(date) => {
                self.death_date_readable = true;
                date
            }
            Err(_) => {
                self.death_date_readable = false;
                None
            }
        };
        self.edit(|p| p.status = PersonStatus::Deceased { date })
    }

    /// Marks the person as living but estranged from the patient.
    ///
    /// ```
    /// use interpersonal::{Person, PersonStatus, RelationshipKind};
    /// let p = Person::builder("brother", "Tom", RelationshipKind::Sibling).estranged().build()?;
    /// assert_eq!(p.status, PersonStatus::Estranged);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn estranged(self) -> Self {
        self.status(PersonStatus::Estranged)
    }

    /// Sets whether the patient can confide in the person.
    ///
    /// ```
    /// use interpersonal::{Person, RelationshipKind};
    /// let p = Person::builder("p1", "A", RelationshipKind::Friend).confidant(false).build()?;
    /// assert_eq!(p.confidant, Some(false));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn confidant(self, confidant: bool) -> Self {
        self.edit(|p| p.confidant = Some(confidant))
    }

    /// Sets whether the patient can turn to the person for help.
    ///
    /// ```
    /// use interpersonal::{Person, RelationshipKind};
    /// let p = Person::builder("p1", "A", RelationshipKind::Friend).supportive(true).build()?;
    /// assert_eq!(p.supportive, Some(true));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn supportive(self, supportive: bool) -> Self {
        self.edit(|p| p.supportive = Some(supportive))
    }

    /// Sets whether the person knows the patient has been depressed.
    ///
    /// ```
    /// use interpersonal::{Person, RelationshipKind};
    /// let p = Person::builder("p1", "A", RelationshipKind::Friend)
    ///     .knows_about_episode(true)
    ///     .build()?;
    /// assert_eq!(p.knows_about_episode, Some(true));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn knows_about_episode(self, knows: bool) -> Self {
        self.edit(|p| p.knows_about_episode = Some(knows))
    }

    /// Adds something they do together.
    ///
    /// ```
    /// use interpersonal::{Person, RelationshipKind};
    /// let p = Person::builder("p1", "A", RelationshipKind::Friend)
    ///     .shared_activity("Sunday walks")
    ///     .build()?;
    /// assert_eq!(p.shared_activities[0].expose(), "Sunday walks");
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn shared_activity(self, activity: impl Into<String>) -> Self {
        let activity = Sensitive::new(activity.into());
        self.edit(|p| p.shared_activities.push(activity))
    }

    /// Adds something the patient likes about the relationship.
    ///
    /// ```
    /// use interpersonal::{Person, RelationshipKind};
    /// let p = Person::builder("p1", "A", RelationshipKind::Friend)
    ///     .satisfaction("always listens")
    ///     .build()?;
    /// assert_eq!(p.satisfactions.len(), 1);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn satisfaction(self, satisfaction: impl Into<String>) -> Self {
        let satisfaction = Sensitive::new(satisfaction.into());
        self.edit(|p| p.satisfactions.push(satisfaction))
    }

    /// Adds something the patient does not like about the relationship.
    ///
    /// ```
    /// use interpersonal::{Person, RelationshipKind};
    /// let p = Person::builder("p1", "A", RelationshipKind::Partner)
    ///     .dissatisfaction("never home")
    ///     .build()?;
    /// assert_eq!(p.dissatisfactions.len(), 1);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn dissatisfaction(self, dissatisfaction: impl Into<String>) -> Self {
        let dissatisfaction = Sensitive::new(dissatisfaction.into());
        self.edit(|p| p.dissatisfactions.push(dissatisfaction))
    }

    /// Adds how the patient feels when with the person.
    ///
    /// ```
    /// use interpersonal::{Person, RelationshipKind};
    /// let p = Person::builder("p1", "A", RelationshipKind::Parent).feeling("small").build()?;
    /// assert_eq!(p.feelings.len(), 1);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn feeling(self, feeling: impl Into<String>) -> Self {
        let feeling = Sensitive::new(feeling.into());
        self.edit(|p| p.feelings.push(feeling))
    }

    /// Sets the reciprocal expectations.
    ///
    /// ```
    /// use interpersonal::{Expectations, ExpectationsMet, Person, RelationshipKind};
    /// let p = Person::builder("p1", "A", RelationshipKind::Spouse)
    ///     .expectations(Expectations::new(ExpectationsMet::Unmet).with_patient_expects("help"))
    ///     .build()?;
    /// assert_eq!(p.expectations.map(|e| e.met), Some(ExpectationsMet::Unmet));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn expectations(self, expectations: Expectations) -> Self {
        self.edit(|p| p.expectations = Some(expectations))
    }

    /// Sets the conflict with the person.
    ///
    /// ```
    /// use interpersonal::{Conflict, ConflictLevel, ConflictVisibility, Person, RelationshipKind};
    /// let p = Person::builder("boss", "Mr K", RelationshipKind::Supervisor)
    ///     .conflict(Conflict::new(ConflictLevel::Low).with_visibility(ConflictVisibility::Covert))
    ///     .build()?;
    /// assert_eq!(p.conflict.and_then(|c| c.visibility), Some(ConflictVisibility::Covert));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn conflict(self, conflict: Conflict) -> Self {
        self.edit(|p| p.conflict = Some(conflict))
    }

    /// Sets how the relationship changed around the onset.
    ///
    /// ```
    /// use interpersonal::{Person, RelationshipChange, RelationshipKind};
    /// let p = Person::builder("p1", "A", RelationshipKind::Spouse)
    ///     .change_around_onset(RelationshipChange::Worse)
    ///     .build()?;
    /// assert_eq!(p.change_around_onset, Some(RelationshipChange::Worse));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn change_around_onset(self, change: RelationshipChange) -> Self {
        self.edit(|p| p.change_around_onset = Some(change))
    }

    /// Adds something the patient would like to change, in themselves or the
    /// other person.
    ///
    /// ```
    /// use interpersonal::{Person, RelationshipKind};
    /// let p = Person::builder("p1", "A", RelationshipKind::Spouse)
    ///     .desired_change("share the chores")
    ///     .build()?;
    /// assert_eq!(p.desired_changes.len(), 1);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn desired_change(self, change: impl Into<String>) -> Self {
        let change = Sensitive::new(change.into());
        self.edit(|p| p.desired_changes.push(change))
    }

    /// Sets free notes about the person.
    ///
    /// ```
    /// use interpersonal::{Person, RelationshipKind};
    /// let p = Person::builder("p1", "A", RelationshipKind::Friend).notes("met at school").build()?;
    /// assert!(p.notes.is_some());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn notes(self, notes: impl Into<String>) -> Self {
        let notes = Sensitive::new(notes.into());
        self.edit(|p| p.notes = Some(notes))
    }

    /// Builds the person alone, checking what can be checked without the
    /// rest of the inventory: a readable id and death date, a label that is
    /// not blank, and a conflict consistent with itself and with the person's
    /// status (see [`Inventory::validate`]). Paths are relative to the person
    /// (`$.id`); inside an [`InventoryBuilder`] the same problems are reported
    /// at `$.people[i].id`.
    ///
    /// ```
    /// use interpersonal::{Person, RelationshipKind};
    ///
    /// let problems = Person::builder("has space", "", RelationshipKind::Friend)
    ///     .build()
    ///     .unwrap_err();
    /// let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    /// assert_eq!(paths, ["$.id", "$.label"]);
    /// ```
    ///
    /// # Errors
    ///
    /// Returns [`Problems`] listing every problem found, in document order.
    pub fn build(self) -> Result<Person, Problems> {
        let root = JsonPath::root();
        let mut found = Found::default();
        self.report_unreadable(&root, 0, &mut found);
        match self.person {
            Some(person) => {
                check_person(&person, &root, 0, &mut found);
                found.into_problems().into_result(person)
            }
            None => Err(found.into_problems()),
        }
    }

    fn report_unreadable(&self, at: &JsonPath, index: usize, found: &mut Found) {
        if !self.id_readable || self.person.is_none() {
            found.push(
                Order::Person(index, PersonField::Id),
                at.field("id"),
                MALFORMED_ID,
            );
        }
        if !self.death_date_readable {
            found.push(
                Order::Person(index, PersonField::Status),
                at.field("status").field("deceased").field("date"),
                format!("{MALFORMED_DATE}, or `unknown`"),
            );
        }
    }
}

impl LifeEvent {
    /// Starts building a life event. The id may be given as text (`"e1"`) or
    /// as an [`EventId`]; a malformed id is reported by `build()` at the id's
    /// path.
    ///
    /// ```
    /// use interpersonal::{EventKind, GriefSign, LifeEvent};
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
/// inventory with [`InventoryBuilder::event`], or build it alone with
/// [`EventBuilder::build`].
///
/// ```
/// use interpersonal::{EventKind, LifeEvent};
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
    event: Option<LifeEvent>,
    id_readable: bool,
    date_readable: bool,
    person_readable: bool,
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
    /// use interpersonal::{EventKind, LifeEvent};
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
    /// use interpersonal::{EventKind, LifeEvent};
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

    /// Sets whether the patient connects the event with the episode.
    ///
    /// ```
    /// use interpersonal::{EventKind, LifeEvent};
    /// let e = LifeEvent::builder("e1", EventKind::Relocation).linked_to_onset(false).build()?;
    /// assert_eq!(e.linked_to_onset, Some(false));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn linked_to_onset(self, linked: bool) -> Self {
        self.edit(|e| e.linked_to_onset = Some(linked))
    }

    /// Adds a sign that the grief may be complicated; only a death may have
    /// them (see [`Inventory::validate`]). A sign given twice is kept once.
    ///
    /// ```
    /// use interpersonal::{EventKind, GriefSign, LifeEvent};
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

    /// Sets free notes about the event.
    ///
    /// ```
    /// use interpersonal::{EventKind, LifeEvent};
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
    /// [`InventoryBuilder`] the same problems are reported at
    /// `$.events[j].date`.
    ///
    /// ```
    /// use interpersonal::{EventKind, GriefSign, LifeEvent};
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
        self.report_unreadable(&root, 0, &mut found);
        match self.event {
            Some(event) => {
                check_event(&event, &root, 0, &mut found);
                found.into_problems().into_result(event)
            }
            None => Err(found.into_problems()),
        }
    }

    fn report_unreadable(&self, at: &JsonPath, index: usize, found: &mut Found) {
        if !self.id_readable || self.event.is_none() {
            found.push(
                Order::Event(index, EventField::Id),
                at.field("id"),
                MALFORMED_ID,
            );
        }
        if !self.date_readable {
            found.push(
                Order::Event(index, EventField::Date),
                at.field("date"),
                format!("{MALFORMED_DATE}, or `unknown`"),
            );
        }
        if !self.person_readable {
            found.push(
                Order::Event(index, EventField::Person),
                at.field("person"),
                MALFORMED_ID,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
