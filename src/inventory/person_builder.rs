//! Building a [`Person`] in code: [`PersonBuilder`].

use super::builder::{DateInput, PLACEHOLDER_ID};
use super::validate::{Found, MALFORMED_DATE, MALFORMED_ID, Order, PersonField, check_person};
use super::{
    Closeness, Conflict, ContactFrequency, Expectations, Person, PersonStatus, RelationshipChange,
    RelationshipKind,
};
use crate::{
    error::{JsonPath, Problems},
    id::PersonId,
    sensitive::Sensitive,
};

impl Person {
    /// Starts building a person. The id may be given as text (`"sister"`) or
    /// as a [`PersonId`]; a malformed id is reported by `build()` at the id's
    /// path.
    ///
    /// ```
    /// use interpersonal::{inventory::Closeness, inventory::ContactFrequency, Person, inventory::RelationshipKind};
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
/// with [`InventoryBuilder::person`](crate::inventory::InventoryBuilder::person), or build it alone with
/// [`PersonBuilder::build`].
///
/// Text given to the builder (the label, satisfactions, notes) is held as
/// [`Sensitive`] patient text.
///
/// ```
/// use interpersonal::{inventory::Conflict, inventory::ConflictLevel, Person, inventory::RelationshipKind};
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
    pub(super) person: Option<Person>,
    pub(super) id_readable: bool,
    pub(super) death_date_readable: bool,
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
    /// use interpersonal::{inventory::Closeness, Person, inventory::RelationshipKind};
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
    /// use interpersonal::{inventory::ContactFrequency, Person, inventory::RelationshipKind};
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
    /// use interpersonal::{Person, inventory::PersonStatus, inventory::RelationshipKind};
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
    /// death event naming them (see [`Inventory::validate`](crate::inventory::Inventory::validate)).
    ///
    /// ```
    /// use interpersonal::{date::PartialDate, Person, inventory::PersonStatus, inventory::RelationshipKind};
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
    /// use interpersonal::{Person, inventory::PersonStatus, inventory::RelationshipKind};
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
    /// use interpersonal::{Person, inventory::RelationshipKind};
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
    /// use interpersonal::{Person, inventory::RelationshipKind};
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
    /// use interpersonal::{Person, inventory::RelationshipKind};
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
    /// use interpersonal::{Person, inventory::RelationshipKind};
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
    /// use interpersonal::{Person, inventory::RelationshipKind};
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
    /// use interpersonal::{Person, inventory::RelationshipKind};
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
    /// use interpersonal::{Person, inventory::RelationshipKind};
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
    /// use interpersonal::{inventory::Expectations, inventory::ExpectationsMet, Person, inventory::RelationshipKind};
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
    /// use interpersonal::{inventory::Conflict, inventory::ConflictLevel, inventory::ConflictVisibility, Person, inventory::RelationshipKind};
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
    /// use interpersonal::{Person, inventory::RelationshipChange, inventory::RelationshipKind};
    /// let p = Person::builder("p1", "A", RelationshipKind::Spouse)
    ///     .change_around_onset(RelationshipChange::Worse)
    ///     .build()?;
    /// assert_eq!(p.change_around_onset, Some(RelationshipChange::Worse));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn change_around_onset(self, change: RelationshipChange) -> Self {
        self.edit(|p| p.change_around_onset = Some(change))
    }

    /// Sets whether the clinician links what happened in this relationship
    /// (its conflict, its change, a death) to the onset: `true` linked,
    /// `false` not linked (see [`OnsetLink`](crate::inventory::OnsetLink)).
    ///
    /// ```
    /// use interpersonal::{inventory::{OnsetLink, RelationshipKind}, Person};
    /// let p = Person::builder("p1", "A", RelationshipKind::Spouse).linked_to_onset(true).build()?;
    /// assert_eq!(p.linked_to_onset, OnsetLink::Linked);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn linked_to_onset(self, linked: bool) -> Self {
        self.edit(|p| p.linked_to_onset = crate::inventory::OnsetLink::from(Some(linked)))
    }

    /// Adds something the patient can talk to the person about.
    ///
    /// ```
    /// use interpersonal::{Person, inventory::RelationshipKind};
    /// let p = Person::builder("p1", "A", RelationshipKind::Sibling)
    ///     .can_talk_about("work")
    ///     .cannot_talk_about("the depression")
    ///     .build()?;
    /// assert_eq!((p.can_talk_about.len(), p.cannot_talk_about.len()), (1, 1));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn can_talk_about(self, topic: impl Into<String>) -> Self {
        let topic = Sensitive::new(topic.into());
        self.edit(|p| p.can_talk_about.push(topic))
    }

    /// Adds something the patient cannot talk to the person about.
    ///
    /// ```
    /// use interpersonal::{Person, inventory::RelationshipKind};
    /// let p = Person::builder("p1", "A", RelationshipKind::Parent)
    ///     .cannot_talk_about("money")
    ///     .build()?;
    /// assert_eq!(p.cannot_talk_about.len(), 1);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn cannot_talk_about(self, topic: impl Into<String>) -> Self {
        let topic = Sensitive::new(topic.into());
        self.edit(|p| p.cannot_talk_about.push(topic))
    }

    /// Adds something the patient would like to change, in themselves or the
    /// other person.
    ///
    /// ```
    /// use interpersonal::{Person, inventory::RelationshipKind};
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
    /// use interpersonal::{Person, inventory::RelationshipKind};
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
    /// status (see [`Inventory::validate`](crate::inventory::Inventory::validate)). Paths are relative to the person
    /// (`$.id`); inside an [`InventoryBuilder`](crate::inventory::InventoryBuilder) the same problems are reported
    /// at `$.people[i].id`.
    ///
    /// ```
    /// use interpersonal::{Person, inventory::RelationshipKind};
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
                check_person(&person, &|| root.clone(), 0, &mut found);
                found.into_problems().into_result(person)
            }
            None => Err(found.into_problems()),
        }
    }

    pub(super) fn report_unreadable(&self, at: &JsonPath, index: usize, found: &mut Found) {
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
