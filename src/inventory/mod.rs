//! The interpersonal inventory: one patient's important people, their
//! relationships, life events and the onset of the current episode.
//!
//! The inventory is a semi-structured review of the patient's important
//! relationships, taken in the initial phase; it is not a fixed questionnaire
//! (CLINICAL-BASIS.md §3 [S: `lipsitz-markowitz-2013-mechanisms` for its purpose;
//! K: `weissman-2000-comprehensive-guide` for its content]). This module holds it as data, so that
//! the [`Engine`](crate::engine::Engine) can read it.
//!
//! Build one in code with [`Inventory::builder`], or read one from JSON with
//! [`from_json`](crate::error::from_json); check it with [`Inventory::validate`].

mod builder;
mod event;
mod event_builder;
mod index;
mod onset_link;
mod person;
mod person_builder;
mod validate;

use crate::macros::vocabulary_enum;
pub use builder::{DateInput, InventoryBuilder};
pub use event::{EventKind, GriefSign, LifeEvent, TraumaKind};
pub use event_builder::EventBuilder;
pub(crate) use index::InventoryIndex;
pub use onset_link::{LinkBasis, OnsetLink};
pub use person::{
    Closeness, Conflict, ConflictCourse, ConflictFrequency, ConflictLevel, ConflictVisibility,
    ContactFrequency, Expectations, ExpectationsMet, Person, PersonStatus, RelationshipChange,
    RelationshipKind, RelativeToOnset,
};
pub use person_builder::PersonBuilder;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::date::EpisodeOnset;

/// The inventory schema version this crate reads and writes.
///
/// ```
/// use interpersonal::{date::EpisodeOnset, inventory::INVENTORY_SCHEMA_VERSION, Inventory};
/// let inv = Inventory::new(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
/// assert_eq!(inv.schema_version, INVENTORY_SCHEMA_VERSION);
/// ```
pub const INVENTORY_SCHEMA_VERSION: u32 = 1;

vocabulary_enum! {
    /// The patient's social functioning before the episode, from the inventory's
    /// history (CLINICAL-BASIS.md §2.4: "distinguish depression-driven decline … from a
    /// lifelong pattern … via the inventory's history of prior functioning"
    /// [S: `weissman-2018-guide`; `markowitz-weissman-2012-casebook` ch. 5]).
    ///
    /// ```
    /// use interpersonal::inventory::PriorFunctioning;
    /// assert_eq!(
    ///     PriorFunctioning::LifelongFewRelationships.to_string(),
    ///     "lifelong_few_relationships",
    /// );
    /// ```
    #[non_exhaustive]
    pub enum PriorFunctioning {
        /// A lifelong pattern of few relationships (shyness, avoidance, isolation).
        LifelongFewRelationships,
        /// Relationships were adequate and declined after the episode began.
        DeclinedSinceOnset,
        /// Adequate relationships before and since.
        Adequate,
    }
}

vocabulary_enum! {
    /// A pattern the inventory shows across the patient's relationships
    /// (CLINICAL-BASIS.md §3.1: "patterns across relationships (e.g. difficulty
    /// asserting needs, avoiding confrontation, expressing anger, taking social
    /// risks)" [K: `weissman-2000-comprehensive-guide`]).
    ///
    /// ```
    /// use interpersonal::inventory::RelationshipPattern;
    /// assert_eq!(
    ///     RelationshipPattern::AvoidsConfrontation.to_string(),
    ///     "avoids_confrontation",
    /// );
    /// ```
    #[non_exhaustive]
    pub enum RelationshipPattern {
        /// Difficulty asserting needs.
        DifficultyAssertingNeeds,
        /// Avoids confrontation.
        AvoidsConfrontation,
        /// Difficulty expressing anger.
        DifficultyExpressingAnger,
        /// Avoids taking social risks.
        AvoidsSocialRisks,
    }
}

/// The patient's social context, beyond the people listed.
///
/// ```
/// use interpersonal::{inventory::PriorFunctioning, inventory::SocialContext};
///
/// let c: SocialContext = serde_json::from_str(
///     r#"{"prior_functioning": "lifelong_few_relationships", "lives_alone": true, "confidants": 0}"#,
/// ).unwrap();
/// assert_eq!(c.confidants, Some(0));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SocialContext {
    /// Social functioning before the episode, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_functioning: Option<PriorFunctioning>,
    /// Whether the patient lives alone, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lives_alone: Option<bool>,
    /// How many people the patient can confide in, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidants: Option<u32>,
    /// Patterns seen across the patient's relationships.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub patterns: Vec<RelationshipPattern>,
}

vocabulary_enum! {
    /// The answer to the safety screen's question about thoughts of death or
    /// self-harm: asked and reported, asked and denied, or not asked.
    ///
    /// Not asked is not safe: an inventory whose screen was not asked gets a
    /// first-place advisory that the safety screen is missing (symptom review,
    /// which includes suicidal ideation, is a mandatory task of the initial
    /// phase [S: `markowitz-weissman-2012-casebook` ch. 6; K:
    /// `weissman-2000-comprehensive-guide`]).
    ///
    /// ```
    /// use interpersonal::inventory::ScreenAnswer;
    /// assert_eq!(ScreenAnswer::default(), ScreenAnswer::NotAsked);
    /// assert_eq!(ScreenAnswer::from(Some(true)), ScreenAnswer::Reported);
    /// ```
    #[non_exhaustive]
    #[derive(Default)]
    pub enum ScreenAnswer {
        /// Asked, and the patient reported thoughts of death or self-harm.
        Reported,
        /// Asked, and the patient denied them.
        Denied,
        /// Not asked, or not recorded.
        #[default]
        NotAsked,
    }
}

impl From<Option<bool>> for ScreenAnswer {
    fn from(value: Option<bool>) -> Self {
        match value {
            Some(true) => ScreenAnswer::Reported,
            Some(false) => ScreenAnswer::Denied,
            None => ScreenAnswer::NotAsked,
        }
    }
}

impl ScreenAnswer {
    /// `Some(true)` reported, `Some(false)` denied, `None` not asked: the JSON
    /// value of `suicidal_thoughts_reported`.
    ///
    /// ```
    /// use interpersonal::inventory::ScreenAnswer;
    /// assert_eq!(ScreenAnswer::Denied.as_bool(), Some(false));
    /// ```
    pub fn as_bool(self) -> Option<bool> {
        match self {
            ScreenAnswer::Reported => Some(true),
            ScreenAnswer::Denied => Some(false),
            ScreenAnswer::NotAsked => None,
        }
    }

    /// Whether it was not asked: the default, left out of the JSON.
    ///
    /// ```
    /// use interpersonal::inventory::ScreenAnswer;
    /// assert!(ScreenAnswer::NotAsked.is_not_asked());
    /// ```
    pub fn is_not_asked(&self) -> bool {
        *self == ScreenAnswer::NotAsked
    }
}

mod screen_answer_as_bool {
    use super::ScreenAnswer;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub(super) fn serialize<S: Serializer>(a: &ScreenAnswer, s: S) -> Result<S::Ok, S::Error> {
        a.as_bool().serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<ScreenAnswer, D::Error> {
        Option::<bool>::deserialize(d).map(ScreenAnswer::from)
    }
}

/// What the safety screen found. A reported suicidal thought is surfaced
/// first, as critical, on every assessment and report; a screen that was not
/// asked is surfaced first too, as missing; nothing suppresses either
/// (missing is not false).
///
/// JSON: `{"suicidal_thoughts_reported": true}` (asked, reported), `false`
/// (asked, denied), or the field or the whole block left out (not asked).
///
/// ```
/// use interpersonal::inventory::{SafetyScreen, ScreenAnswer};
/// let s: SafetyScreen = serde_json::from_str(r#"{"suicidal_thoughts_reported": true}"#).unwrap();
/// assert!(s.is_reported());
/// let denied: SafetyScreen = serde_json::from_str(r#"{"suicidal_thoughts_reported": false}"#).unwrap();
/// assert!(denied.is_asked() && !denied.is_reported());
/// assert!(!SafetyScreen::default().is_asked());
/// assert_eq!(SafetyScreen::new(ScreenAnswer::Denied).suicidal_thoughts, ScreenAnswer::Denied);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SafetyScreen {
    /// Whether the patient was asked about thoughts of death or self-harm,
    /// and what they said. JSON field `suicidal_thoughts_reported`.
    #[serde(
        rename = "suicidal_thoughts_reported",
        default,
        with = "screen_answer_as_bool",
        skip_serializing_if = "ScreenAnswer::is_not_asked"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub suicidal_thoughts: ScreenAnswer,
}

impl SafetyScreen {
    /// A screen with this answer.
    ///
    /// ```
    /// use interpersonal::inventory::{SafetyScreen, ScreenAnswer};
    /// assert!(SafetyScreen::new(ScreenAnswer::Reported).is_reported());
    /// ```
    pub fn new(suicidal_thoughts: ScreenAnswer) -> Self {
        SafetyScreen { suicidal_thoughts }
    }

    /// Whether the patient reported thoughts of death or self-harm.
    ///
    /// ```
    /// use interpersonal::inventory::SafetyScreen;
    /// assert!(!SafetyScreen::default().is_reported());
    /// ```
    pub fn is_reported(&self) -> bool {
        self.suicidal_thoughts == ScreenAnswer::Reported
    }

    /// Whether the screen was asked (reported or denied).
    ///
    /// ```
    /// use interpersonal::inventory::SafetyScreen;
    /// assert!(!SafetyScreen::default().is_asked());
    /// ```
    pub fn is_asked(&self) -> bool {
        !self.suicidal_thoughts.is_not_asked()
    }
}

/// One patient's interpersonal inventory, as of a date.
///
/// Build one in code with [`Inventory::builder`] or read one from JSON with
/// [`from_json`](crate::error::from_json); check it with [`Inventory::validate`].
///
/// ```
/// use interpersonal::{from_json, Inventory};
///
/// let inventory: Inventory = from_json(r#"{
///   "schema_version": 1,
///   "assessed_on": "2026-03-02",
///   "onset": "2026-01",
///   "people": [
///     {"id": "father", "label": "Dad", "relationship": "parent",
///      "status": {"deceased": {"date": "2025-12"}}}
///   ],
///   "events": [
///     {"id": "e1", "kind": "death", "date": "2025-12", "person": "father",
///      "linked_to_onset": true}
///   ]
/// }"#).unwrap();
/// assert_eq!(inventory.people.len(), 1);
/// assert!(format!("{inventory:?}").contains("Sensitive(..)"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Inventory {
    /// The schema version, [`INVENTORY_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The date the inventory describes: the as-of date for every time window.
    #[serde(with = "crate::date::day_json")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
    pub assessed_on: NaiveDate,
    /// The onset of the current episode.
    pub onset: EpisodeOnset,
    /// The important people.
    #[serde(default, deserialize_with = "crate::limits::read::people")]
    pub people: Vec<Person>,
    /// The life events.
    #[serde(default, deserialize_with = "crate::limits::read::events")]
    pub events: Vec<LifeEvent>,
    /// The social context.
    #[serde(default)]
    pub social_context: SocialContext,
    /// The safety screen; left out, it was not asked.
    #[serde(default)]
    pub safety: SafetyScreen,
    /// Life events that have not happened yet: planned or expected changes,
    /// dated on or after `assessed_on` (a trip across time zones, starting
    /// shift work, a baby due, a move, a new job). They are never evidence
    /// for a problem area, since nothing that has not happened can be linked
    /// to the onset; an IPSRT assessment advises planning the daily routine
    /// around each rhythm disruptor among them
    /// ([`EventKind::is_rhythm_disruptor`]; CLINICAL-BASIS.md §7.1
    /// [K: `frank-2005-ipsrt`]). Ids are unique across `events` and
    /// `upcoming`. JSON: left out when empty.
    ///
    /// ```
    /// use interpersonal::{from_json, inventory::EventKind, Inventory};
    /// let inv: Inventory = from_json(r#"{
    ///   "schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
    ///   "upcoming": [{"id": "trip", "kind": "time_zone_travel", "date": "2026-04-10"}]
    /// }"#)?;
    /// assert_eq!(inv.upcoming[0].kind, EventKind::TimeZoneTravel);
    /// assert_eq!(inv.validate(), Ok(()));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::limits::read::upcoming"
    )]
    pub upcoming: Vec<LifeEvent>,
}

impl Inventory {
    /// An empty inventory as of `assessed_on`.
    ///
    /// ```
    /// use interpersonal::{date::EpisodeOnset, Inventory};
    /// use chrono::NaiveDate;
    /// let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
    /// assert!(inv.people.is_empty());
    /// ```
    pub fn new(assessed_on: NaiveDate, onset: EpisodeOnset) -> Self {
        Inventory {
            schema_version: INVENTORY_SCHEMA_VERSION,
            assessed_on,
            onset,
            people: Vec::new(),
            events: Vec::new(),
            social_context: SocialContext::default(),
            safety: SafetyScreen::default(),
            upcoming: Vec::new(),
        }
    }

    /// The person with this id, if any.
    ///
    /// ```
    /// use interpersonal::{date::EpisodeOnset, Inventory, Person, id::PersonId, inventory::RelationshipKind};
    /// use chrono::NaiveDate;
    /// let mut inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
    /// inv.people.push(Person::new(PersonId::new("p1")?, "A", RelationshipKind::Friend));
    /// assert!(inv.person(&PersonId::new("p1")?).is_some());
    /// # Ok::<(), interpersonal::id::IdError>(())
    /// ```
    pub fn person(&self, id: &crate::id::PersonId) -> Option<&Person> {
        self.people.iter().find(|p| &p.id == id)
    }

    /// The event with this id, if any.
    ///
    /// ```
    /// use interpersonal::{date::EpisodeOnset, id::EventId, Inventory};
    /// use chrono::NaiveDate;
    /// let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
    /// assert!(inv.event(&EventId::new("e1")?).is_none());
    /// # Ok::<(), interpersonal::id::IdError>(())
    /// ```
    pub fn event(&self, id: &crate::id::EventId) -> Option<&LifeEvent> {
        self.events.iter().find(|e| &e.id == id)
    }
}
