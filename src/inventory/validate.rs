//! Checking an inventory for contradictions and impossible data.
//!
//! Validation reports hard errors only: data that contradicts itself or cannot
//! be true as of the assessment date. Data that is unusual but possible (a
//! death event naming nobody, a conflict with someone whose expectations are
//! met) is left to the clinician and the engine. Every problem is reported at
//! once, at its JSON path, in document order (DESIGN.md decision 9), and its
//! message names ids, dates and enum values, never labels or notes.

use crate::collections::{HashSet, Places};
use crate::id::IdKey;

use chrono::NaiveDate;

use super::{
    ConflictCourse, ConflictLevel, INVENTORY_SCHEMA_VERSION, Inventory, LifeEvent, Person,
    PersonStatus,
};
use crate::limits::Limits;
use crate::printable;
use crate::sensitive::Sensitive;
use crate::{
    date::PartialDate,
    error::{JsonPath, Problem, Problems},
};

impl Inventory {
    /// Checks the inventory for contradictions and impossible data, reporting
    /// every problem at once, each at its JSON path, in document order.
    ///
    /// These are errors (the message after the path says what was expected):
    ///
    /// | path | when |
    /// | --- | --- |
    /// | `$.schema_version` | it is not [`INVENTORY_SCHEMA_VERSION`] |
    /// | `$.onset` | the onset is after `assessed_on` |
    /// | `$.people[i].id` | an earlier person has the same id |
    /// | `$.people[i].label` | the label is blank: empty, or only white space and invisible characters such as a zero-width space |
    /// | `$.people[i].label` | the label holds a control character (newline, tab, escape, any C0 or C1 code, DEL), a line or paragraph separator, or a bidi override; the error names its code point, never the label |
    /// | `$.people[i].status.deceased.date` | the death date is after `assessed_on` |
    /// | `$.people[i].status` | the person is deceased, with no death date and no death event naming them |
    /// | `$.people[i].conflict.visibility`, `.course`, `.began` | given although the conflict's level is `none` |
    /// | `$.people[i].conflict.course` | `negotiating` with a person who has died |
    /// | `$.events[j].id` | an earlier event has the same id |
    /// | `$.events[j].date` | the date is after `assessed_on` |
    /// | `$.events[j].date` | a death event's date does not overlap the death date of the person it names |
    /// | `$.events[j].person` | the id names no person in `$.people` |
    /// | `$.events[j].person` | a death event names a person whose status is not deceased |
    /// | `$.events[j].person` | a second death event names the same person |
    /// | `$.events[j].grief_signs` | grief signs on an event that is not a death |
    /// | `$.events[j].trauma_kind` | a trauma kind on an event that is not a trauma |
    /// | `$.upcoming[k].id` | an event in `$.events` or an earlier upcoming event has the same id |
    /// | `$.upcoming[k].date` | the date is before `assessed_on` (an upcoming event has not happened yet) |
    /// | `$.upcoming[k].kind` | a death (a death is recorded when it has happened) |
    /// | `$.upcoming[k].person` | the id names no person in `$.people` |
    /// | `$.upcoming[k].grief_signs`, `.trauma_kind`, `.linked_to_onset` | given for an event that has not happened |
    /// | `$.people`, `$.events`, `$.upcoming`, each patient text | beyond the default [`Limits`] (see [`Inventory::validate_with`]) |
    ///
    /// "After `assessed_on`" means after every day the date can stand for: a
    /// date known to the month is after it only when the month's first day is
    /// (an onset in `2026-03` is fine on `2026-03-02`). Two dates "overlap" when
    /// the days they can stand for do (`2025-12` and `2025-12-14` agree).
    ///
    /// Renegotiation means both parties are still actively trying to change
    /// things (CLINICAL-BASIS.md §2.2 [S: `weissman-2018-guide` ch. "Role Disputes"]), which a
    /// person who has died cannot be. The reference says nothing that rules
    /// out the other courses for someone who has died, so they are not refused
    /// \[I\]. Grief signs are signs about a death (CLINICAL-BASIS.md §2.1
    /// [K: `weissman-2018-guide` ch. "Grief"; `weissman-2000-comprehensive-guide`]).
    ///
    /// Not errors, because they are possible: a death event that names no one
    /// (the death of someone not listed); a person named by several events; a
    /// conflict with someone whose expectations are met; a conflict of level
    /// `none` that has a topic; a `confidants` count that differs from the people
    /// marked as confidants; contact with, or a conflict with, someone estranged
    /// or dead; a grief sign on a death of someone not listed.
    ///
    /// ```
    /// use interpersonal::{inventory::EventKind, Inventory, LifeEvent, Person, inventory::RelationshipKind};
    /// use chrono::NaiveDate;
    ///
    /// let mut inventory = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    ///     .onset("2026-01")
    ///     .person(Person::builder("father", "Dad", RelationshipKind::Parent).deceased("2025-12"))
    ///     .build()?;
    /// assert_eq!(inventory.validate(), Ok(()));
    ///
    /// // A death event for someone not listed, dated after the assessment.
    /// inventory.events.push(
    ///     LifeEvent::builder("e1", EventKind::Death).date("2026-04").person("uncle").build()?,
    /// );
    /// let problems = inventory.validate().unwrap_err();
    /// let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    /// assert_eq!(shown, [
    ///     "$.events[0].date: expected an event date on or before the assessment date \
    ///      2026-03-02; found 2026-04",
    ///     "$.events[0].person: expected an id of a person in $.people; found an unknown \
    ///      id `uncle`",
    /// ]);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Returns [`Problems`], never empty, listing every problem found.
    pub fn validate(&self) -> Result<(), Problems> {
        self.validate_with(&Limits::default())
    }

    /// Checks the inventory as [`Inventory::validate`] does, within `limits`
    /// ([`Limits`]): more people or events than the limit is a problem at
    /// `$.people` or `$.events`, and a patient text longer than the limit at
    /// its own path (`$.people[i].label`, `$.people[i].notes`,
    /// `$.people[i].feelings[k]`, `$.events[j].notes`, …).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::inventory::{EventKind, Inventory, LifeEvent};
    /// use interpersonal::limits::Limits;
    ///
    /// let inventory = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    ///     .event(LifeEvent::builder("a", EventKind::Relocation))
    ///     .event(LifeEvent::builder("b", EventKind::JobLoss))
    ///     .build()?;
    /// let problems = inventory.validate_with(&Limits::default().events(1)).unwrap_err();
    /// assert_eq!(problems.as_slice()[0].path.as_str(), "$.events");
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Returns [`Problems`], never empty, listing every problem found.
    pub fn validate_with(&self, limits: &Limits) -> Result<(), Problems> {
        let mut found = Found::default();
        check_inventory(self, &Unreadable::default(), &mut found);
        check_limits(self, limits, &mut found);
        found.into_problems().into_result(())
    }
}

/// Where a problem sits in document order. The derived order follows the
/// declaration order of the variants and of the fields, which is the order of
/// the inventory's JSON fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Order {
    SchemaVersion,
    AssessedOn,
    Onset,
    People,
    Person(usize, PersonField),
    Events,
    Event(usize, EventField),
    Upcoming(usize, EventField),
}

/// The fields of a person that validation or the builder can report, in
/// document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum PersonField {
    Id,
    Label,
    Status,
    ConflictVisibility,
    ConflictCourse,
    ConflictBegan,
    Text,
}

/// The fields of a life event that validation or the builder can report, in
/// document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum EventField {
    Id,
    Kind,
    Date,
    Person,
    LinkedToOnset,
    GriefSigns,
    TraumaKind,
    Text,
}

/// Problems found so far, each with its place in document order.
#[derive(Debug, Default)]
pub(crate) struct Found(Vec<(Order, Problem)>);

impl Found {
    pub(crate) fn push(&mut self, order: Order, path: JsonPath, expected: impl Into<String>) {
        self.0.push((order, Problem::new(path, expected)));
    }

    /// The problems in document order; problems at the same place keep the
    /// order in which they were found (the sort is stable).
    pub(crate) fn into_problems(mut self) -> Problems {
        self.0.sort_by_key(|(order, _)| *order);
        let mut problems = Problems::default();
        for (_, problem) in self.0 {
            problems.push(problem);
        }
        problems
    }
}

/// What the builder was given but could not read (a malformed id or date). The
/// built inventory holds a placeholder or nothing there, and the checks that
/// would need the real value are skipped, so that one typo gives one problem.
#[derive(Debug, Default)]
pub(crate) struct Unreadable {
    /// People whose id could not be read.
    pub(crate) person_ids: HashSet<usize>,
    /// People whose death date could not be read.
    pub(crate) death_dates: HashSet<usize>,
    /// Events whose id could not be read.
    pub(crate) event_ids: HashSet<usize>,
    /// Upcoming events whose id could not be read.
    pub(crate) upcoming_ids: HashSet<usize>,
    /// Whether some death event's person id could not be read.
    pub(crate) death_event_person: bool,
}

/// The message for an id that is not well formed. The text is not quoted: it
/// may be a name typed where an id belongs.
pub(crate) const MALFORMED_ID: &str = "an id of 1 to 64 ASCII letters, digits, '_', '-' or '.'";

/// The message for a date that is not well formed; the text is not quoted.
pub(crate) const MALFORMED_DATE: &str = "a date written YYYY-MM-DD or YYYY-MM";

/// What a full day must look like.
pub(crate) const MALFORMED_DAY: &str = "a date written YYYY-MM-DD";

/// Whether two partial dates can stand for the same day.
fn overlap(a: PartialDate, b: PartialDate) -> bool {
    a.earliest() <= b.latest() && b.earliest() <= a.latest()
}

/// Whether every day the date can stand for is after `as_of`.
fn after(date: PartialDate, as_of: NaiveDate) -> bool {
    date.earliest() > as_of
}

fn status_name(status: PersonStatus) -> &'static str {
    match status {
        PersonStatus::Living => "living",
        PersonStatus::Deceased { .. } => "deceased",
        PersonStatus::Estranged => "estranged",
    }
}

/// The checks that need only the person: a label, and a conflict consistent
/// with itself and with the person's status. `at` makes the person's path,
/// only when there is a problem to place; `index` is its place among the
/// people.
pub(crate) fn check_person(
    person: &Person,
    at: &dyn Fn() -> JsonPath,
    index: usize,
    found: &mut Found,
) {
    let label = person.label.expose();
    if printable::is_blank(label) {
        found.push(
            Order::Person(index, PersonField::Label),
            at().field("label"),
            "a label that is not blank: how the patient names the person",
        );
    } else if let Some(c) = printable::first_layout_control(label) {
        found.push(
            Order::Person(index, PersonField::Label),
            at().field("label"),
            format!(
                "a label without control characters, line breaks or bidi overrides; found {}",
                printable::code_point(c)
            ),
        );
    }
    let Some(conflict) = &person.conflict else {
        return;
    };
    let at = || at().field("conflict");
    if conflict.level == ConflictLevel::None {
        if let Some(visibility) = conflict.visibility {
            found.push(
                Order::Person(index, PersonField::ConflictVisibility),
                at().field("visibility"),
                format!("no visibility when the conflict level is `none`; found `{visibility}`"),
            );
        }
        if let Some(course) = conflict.course {
            found.push(
                Order::Person(index, PersonField::ConflictCourse),
                at().field("course"),
                format!("no course when the conflict level is `none`; found `{course}`"),
            );
        }
        if let Some(began) = conflict.began {
            found.push(
                Order::Person(index, PersonField::ConflictBegan),
                at().field("began"),
                format!("no beginning when the conflict level is `none`; found `{began}`"),
            );
        }
    } else if person.status.is_deceased() && conflict.course == Some(ConflictCourse::Negotiating) {
        found.push(
            Order::Person(index, PersonField::ConflictCourse),
            at().field("course"),
            "a course other than `negotiating` for a person who has died \
             (renegotiation needs both parties); found `negotiating`",
        );
    }
}

/// The checks that need only the event: grief signs belong to a death.
/// `at` makes the event's path and `index` is its place among the events.
pub(crate) fn check_event(
    event: &LifeEvent,
    at: &dyn Fn() -> JsonPath,
    index: usize,
    found: &mut Found,
) {
    if let Some(kind) = event.trauma_kind {
        if !event.kind.is_trauma() {
            found.push(
                Order::Event(index, EventField::TraumaKind),
                at().field("trauma_kind"),
                format!(
                    "no trauma kind (`{kind}`) on an event of kind `{}`; a trauma kind belongs \
                     to an event of kind `trauma`",
                    event.kind
                ),
            );
        }
    }
    if !event.grief_signs.is_empty() && !event.kind.is_death() {
        found.push(
            Order::Event(index, EventField::GriefSigns),
            at().field("grief_signs"),
            format!(
                "no grief signs on an event of kind `{}`; grief signs belong to a death",
                event.kind
            ),
        );
    }
}

/// Every check of [`Inventory::validate`], skipping those that need a value
/// the builder could not read.
pub(crate) fn check_inventory(inventory: &Inventory, unreadable: &Unreadable, found: &mut Found) {
    let as_of = inventory.assessed_on;

    if inventory.schema_version != INVENTORY_SCHEMA_VERSION {
        found.push(
            Order::SchemaVersion,
            JsonPath::root().field("schema_version"),
            format!(
                "schema version {INVENTORY_SCHEMA_VERSION}; found {}",
                inventory.schema_version
            ),
        );
    }
    if let Some(onset) = inventory.onset.date() {
        if after(onset, as_of) {
            found.push(
                Order::Onset,
                JsonPath::root().field("onset"),
                format!("an onset on or before the assessment date {as_of}; found {onset}"),
            );
        }
    }

    // The people named by a death event, for the "deceased without a date" check.
    let mut named_by_death: Vec<&[u8]> = inventory
        .events
        .iter()
        .filter(|e| e.kind.is_death())
        .filter_map(|e| e.person.as_ref().map(|p| p.as_bytes()))
        .collect();
    named_by_death.sort_unstable();

    let people_at = || JsonPath::root().field("people");
    // The first person with each (readable) id.
    let person_index = FirstUses::new(
        inventory
            .people
            .iter()
            .enumerate()
            .filter(|(i, _)| !unreadable.person_ids.contains(i))
            .map(|(i, p)| (p.id.as_bytes(), i)),
    );
    for (i, person) in inventory.people.iter().enumerate() {
        let at = || people_at().index(i);
        let id_readable = !unreadable.person_ids.contains(&i);
        if id_readable {
            if let Some(expected) = person_index.repeated(&person.id, i, "person", "people") {
                found.push(
                    Order::Person(i, PersonField::Id),
                    at().field("id"),
                    expected,
                );
            }
        }
        check_person(person, &at, i, found);
        if let PersonStatus::Deceased { date } = person.status {
            match date {
                Some(date) if after(date, as_of) => found.push(
                    Order::Person(i, PersonField::Status),
                    at().field("status").field("deceased").field("date"),
                    format!("a death date on or before the assessment date {as_of}; found {date}"),
                ),
                None if id_readable
                    && !unreadable.death_dates.contains(&i)
                    && !unreadable.death_event_person
                    && named_by_death.binary_search(&person.id.as_bytes()).is_err() =>
                {
                    found.push(
                        Order::Person(i, PersonField::Status),
                        at().field("status"),
                        format!(
                            "a death date, or a death event in $.events naming `{}`, for a \
                             person whose status is deceased",
                            person.id
                        ),
                    );
                }
                _ => {}
            }
        }
    }

    let events_at = || JsonPath::root().field("events");
    let event_index = event_ids(&inventory.events, &unreadable.event_ids);
    let mut death_event_of: Places<IdKey<'_>> = Places::new(IdKey(&[]));
    for (j, event) in inventory.events.iter().enumerate() {
        let at = || events_at().index(j);
        if !unreadable.event_ids.contains(&j) {
            if let Some(expected) = event_index.repeated(&event.id, j, "event", "events") {
                found.push(Order::Event(j, EventField::Id), at().field("id"), expected);
            }
        }
        if let Some(date) = event.date {
            if after(date, as_of) {
                found.push(
                    Order::Event(j, EventField::Date),
                    at().field("date"),
                    format!("an event date on or before the assessment date {as_of}; found {date}"),
                );
            }
        }
        if let Some(person_id) = &event.person {
            let named = person_index
                .first(person_id.as_bytes())
                .and_then(|i| inventory.people.get(i).map(|p| (i, p)));
            match named {
                None => found.push(
                    Order::Event(j, EventField::Person),
                    at().field("person"),
                    unknown_person(person_id.as_str()),
                ),
                Some((i, person)) if event.kind.is_death() => {
                    check_death_event(event, &at, j, i, person, &mut death_event_of, found);
                }
                Some(_) => {}
            }
        }
        check_event(event, &at, j, found);
    }

    let upcoming_index = event_ids(&inventory.upcoming, &unreadable.upcoming_ids);
    for (k, event) in inventory.upcoming.iter().enumerate() {
        // Paths are made only for a problem: a valid inventory allocates none.
        let at = || JsonPath::root().field("upcoming").index(k);
        let order = |f| Order::Upcoming(k, f);
        if unreadable.upcoming_ids.contains(&k) {
            // Reported already, as an id that could not be read.
        } else if let Some(j) = event_index.first(event.id.as_bytes()) {
            found.push(
                order(EventField::Id),
                at().field("id"),
                format!(
                    "a unique event id; `{}` is already the id of $.events[{j}]",
                    event.id
                ),
            );
        } else if let Some(expected) = upcoming_index.repeated(&event.id, k, "event", "upcoming") {
            found.push(order(EventField::Id), at().field("id"), expected);
        }
        if let Some(date) = event.date {
            if date.latest() < as_of {
                found.push(
                    order(EventField::Date),
                    at().field("date"),
                    format!(
                        "a date on or after the assessment date {as_of} for an upcoming event \
                         (one that has happened goes in $.events); found {date}"
                    ),
                );
            }
        }
        if event.kind.is_death() {
            found.push(
                order(EventField::Kind),
                at().field("kind"),
                "a kind other than `death` for an upcoming event (a death goes in $.events \
                 when it has happened); found `death`",
            );
        }
        if let Some(person_id) = &event.person {
            if person_index.first(person_id.as_bytes()).is_none() {
                found.push(
                    order(EventField::Person),
                    at().field("person"),
                    unknown_person(person_id.as_str()),
                );
            }
        }
        if !event.grief_signs.is_empty() {
            found.push(
                order(EventField::GriefSigns),
                at().field("grief_signs"),
                "no grief signs on an upcoming event",
            );
        }
        if event.trauma_kind.is_some() {
            found.push(
                order(EventField::TraumaKind),
                at().field("trauma_kind"),
                "no trauma kind on an upcoming event",
            );
        }
        if !event.linked_to_onset.is_unknown() {
            found.push(
                order(EventField::LinkedToOnset),
                at().field("linked_to_onset"),
                "no link to the onset for an upcoming event (it has not happened)",
            );
        }
    }
}

/// The first use of each event id of `events` (in `$.events` or
/// `$.upcoming`), leaving out the ids that could not be read, which are
/// reported on their own.
fn event_ids<'a>(events: &'a [LifeEvent], unreadable: &HashSet<usize>) -> FirstUses<'a> {
    FirstUses::new(
        events
            .iter()
            .enumerate()
            .filter(|(j, _)| !unreadable.contains(j))
            .map(|(j, e)| (e.id.as_bytes(), j)),
    )
}

/// What an event's `person` should have been when it names no one in
/// `$.people`.
fn unknown_person(id: &str) -> String {
    format!("an id of a person in $.people; found an unknown id `{id}`")
}

/// The checks of [`Limits`]: how many people and events, and how long each
/// patient text is.
pub(crate) fn check_limits(inventory: &Inventory, limits: &Limits, found: &mut Found) {
    if inventory.people.len() > limits.people {
        found.push(
            Order::People,
            JsonPath::root().field("people"),
            format!(
                "at most {} people; found {}",
                limits.people,
                inventory.people.len()
            ),
        );
    }
    if inventory.events.len() > limits.events {
        found.push(
            Order::Events,
            JsonPath::root().field("events"),
            format!(
                "at most {} events; found {}",
                limits.events,
                inventory.events.len()
            ),
        );
    }
    if inventory.upcoming.len() > limits.events {
        found.push(
            Order::Events,
            JsonPath::root().field("upcoming"),
            format!(
                "at most {} upcoming events; found {}",
                limits.events,
                inventory.upcoming.len()
            ),
        );
    }
    let max = limits.text_chars;
    let mut text = |order: Order, path: &dyn Fn() -> JsonPath, t: &Sensitive<String>| {
        // A text of at most `max` bytes has at most `max` characters; a
        // longer one is counted, stopping one past the limit.
        let t_bytes = t.expose().len();
        if t_bytes > max && t.expose().chars().take(max.saturating_add(1)).count() > max {
            let length = t.expose().chars().count();
            found.push(
                order,
                path(),
                format!("a text of at most {max} characters; found {length}"),
            );
        }
    };
    for (i, p) in inventory.people.iter().enumerate() {
        let at = || JsonPath::root().field("people").index(i);
        let order = || Order::Person(i, PersonField::Text);
        text(
            Order::Person(i, PersonField::Label),
            &|| at().field("label"),
            &p.label,
        );
        for (name, list) in [
            ("can_talk_about", &p.can_talk_about),
            ("cannot_talk_about", &p.cannot_talk_about),
            ("shared_activities", &p.shared_activities),
            ("satisfactions", &p.satisfactions),
            ("dissatisfactions", &p.dissatisfactions),
            ("feelings", &p.feelings),
            ("desired_changes", &p.desired_changes),
        ] {
            for (k, t) in list.iter().enumerate() {
                text(order(), &|| at().field(name).index(k), t);
            }
        }
        if let Some(e) = &p.expectations {
            for (name, t) in [
                ("patient_expects", &e.patient_expects),
                ("other_expects", &e.other_expects),
            ] {
                if let Some(t) = t {
                    text(order(), &|| at().field("expectations").field(name), t);
                }
            }
        }
        if let Some(t) = p.conflict.as_ref().and_then(|c| c.topic.as_ref()) {
            text(order(), &|| at().field("conflict").field("topic"), t);
        }
        if let Some(t) = &p.notes {
            text(order(), &|| at().field("notes"), t);
        }
    }
    for (j, e) in inventory.events.iter().enumerate() {
        if let Some(t) = &e.notes {
            let at = || JsonPath::root().field("events").index(j).field("notes");
            text(Order::Event(j, EventField::Text), &at, t);
        }
    }
    for (k, e) in inventory.upcoming.iter().enumerate() {
        if let Some(t) = &e.notes {
            let at = || JsonPath::root().field("upcoming").index(k).field("notes");
            text(Order::Upcoming(k, EventField::Text), &at, t);
        }
    }
}

/// The checks of a death event that names a listed person: the person has
/// died, once, on a date that agrees with the event's.
fn check_death_event<'a>(
    event: &LifeEvent,
    at: &dyn Fn() -> JsonPath,
    j: usize,
    i: usize,
    person: &'a Person,
    death_event_of: &mut Places<IdKey<'a>>,
    found: &mut Found,
) {
    match person.status {
        PersonStatus::Deceased { date: Some(died) } => {
            if let Some(date) = event.date {
                if !overlap(died, date) {
                    found.push(
                        Order::Event(j, EventField::Date),
                        at().field("date"),
                        format!(
                            "a date that agrees with the death date {died} of `{}` at \
                             $.people[{i}].status.deceased.date; found {date}",
                            person.id
                        ),
                    );
                }
            }
        }
        PersonStatus::Deceased { date: None } => {}
        other => found.push(
            Order::Event(j, EventField::Person),
            at().field("person"),
            format!(
                "a person whose status is deceased, as this is a death event; `{}` at \
                 $.people[{i}] is `{}`",
                person.id,
                status_name(other)
            ),
        ),
    }
    match death_event_of.get(IdKey(person.id.as_bytes())) {
        Some(first) => found.push(
            Order::Event(j, EventField::Person),
            at().field("person"),
            format!(
                "at most one death event per person; `{}` already died in $.events[{first}]",
                person.id,
            ),
        ),
        None => death_event_of.insert(IdKey(person.id.as_bytes()), j),
    }
}

/// The index of the first use of each id, and the uses that repeat an
/// earlier one: a scan of the first few ids ([`Places`], comparing lengths
/// and last bytes first), then one map, so expected linear time for any
/// number of people or events (a hash map, seeded per map, so ids crafted
/// to collide cannot make it quadratic), and no allocation for a typical
/// inventory.
struct FirstUses<'a> {
    first: Places<IdKey<'a>>,
    /// Each use that repeats an id, with the index of the id's first use,
    /// in the order of the uses (usually none).
    repeats: Vec<(usize, usize)>,
}

impl<'a> FirstUses<'a> {
    /// The uses come in the order of their indices (every caller
    /// enumerates a list), so `repeats` is sorted by index as it is built.
    fn new(uses: impl Iterator<Item = (&'a [u8], usize)>) -> Self {
        let mut first = Places::new(IdKey(&[]));
        let mut repeats = Vec::new();
        for (id, index) in uses {
            match first.get(IdKey(id)) {
                Some(earlier) => repeats.push((index, earlier)),
                None => first.insert(IdKey(id), index),
            }
        }
        FirstUses { first, repeats }
    }

    /// The index of the first use of `id`.
    fn first(&self, id: &'a [u8]) -> Option<usize> {
        self.first.get(IdKey(id))
    }

    /// For the use at `index` of `id`, when it repeats an earlier use, what
    /// was expected, naming the first use (`$.people[0]`).
    fn repeated(
        &self,
        id: &dyn std::fmt::Display,
        index: usize,
        what: &str,
        collection: &str,
    ) -> Option<String> {
        let at = self
            .repeats
            .binary_search_by_key(&index, |&(i, _)| i)
            .ok()?;
        let &(_, first) = self.repeats.get(at)?;
        Some(format!(
            "a unique {what} id; `{id}` is already the id of $.{collection}[{first}]"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_order_sorts_people_before_events_and_indices_numerically() {
        let mut found = Found::default();
        let root = JsonPath::root();
        found.push(Order::Event(0, EventField::Id), root.field("e"), "x");
        found.push(Order::Person(10, PersonField::Id), root.field("p10"), "x");
        found.push(Order::Person(2, PersonField::Label), root.field("p2"), "x");
        found.push(Order::Person(2, PersonField::Id), root.field("p2id"), "x");
        found.push(Order::SchemaVersion, root.field("v"), "x");
        let paths: Vec<String> = found
            .into_problems()
            .iter()
            .map(|p| p.path.to_string())
            .collect();
        assert_eq!(paths, ["$.v", "$.p2id", "$.p2", "$.p10", "$.e"]);
    }

    #[test]
    fn repeated_ids_are_found_before_and_past_the_scan() {
        use crate::{
            date::EpisodeOnset,
            id::{EventId, PersonId},
            inventory::{EventKind, Inventory, LifeEvent, Person, RelationshipKind},
        };
        let mut inv = Inventory::new(
            NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            EpisodeOnset::Unknown,
        );
        // 40 people and events: ids 5 and 25 (inside and past the scan of
        // the first 16) used again at 30 and 35.
        let id = |i: usize| match i {
            30 => 5,
            35 => 25,
            i => i,
        };
        for i in 0..40 {
            inv.people.push(Person::new(
                PersonId::new(format!("p{}", id(i))).unwrap(),
                "someone",
                RelationshipKind::Friend,
            ));
            inv.events.push(LifeEvent::new(
                EventId::new(format!("e{}", id(i))).unwrap(),
                EventKind::Relocation,
                None,
            ));
        }
        let problems: Vec<String> = inv
            .validate()
            .unwrap_err()
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            problems,
            [
                "$.people[30].id: expected a unique person id; `p5` is already the id of $.people[5]",
                "$.people[35].id: expected a unique person id; `p25` is already the id of $.people[25]",
                "$.events[30].id: expected a unique event id; `e5` is already the id of $.events[5]",
                "$.events[35].id: expected a unique event id; `e25` is already the id of $.events[25]",
            ]
        );
    }

    #[test]
    fn month_dates_overlap_their_days() {
        let month: PartialDate = "2025-12".parse().unwrap();
        let day: PartialDate = "2025-12-31".parse().unwrap();
        let next: PartialDate = "2026-01-01".parse().unwrap();
        assert!(overlap(month, day));
        assert!(overlap(day, month));
        assert!(!overlap(month, next));
        let as_of = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert!(!after("2026-03".parse().unwrap(), as_of));
        assert!(!after("2026-03-02".parse().unwrap(), as_of));
        assert!(after("2026-03-03".parse().unwrap(), as_of));
        assert!(after("2026-04".parse().unwrap(), as_of));
    }
}
