//! A person in the interpersonal inventory, and what the inventory asks about them.

use crate::{date::PartialDate, id::PersonId, inventory::OnsetLink, sensitive::Sensitive};
use serde::{Deserialize, Serialize};

use crate::macros::vocabulary_enum;

vocabulary_enum! {
    /// Who the person is to the patient (CLINICAL-BASIS.md §3.1 "identity & role").
    ///
    /// ```
    /// use interpersonal::inventory::RelationshipKind;
    /// assert_eq!(RelationshipKind::ExPartner.to_string(), "ex_partner");
    /// assert!(RelationshipKind::Spouse.is_partner());
    /// ```
    #[non_exhaustive]
    pub enum RelationshipKind {
        /// A partner the patient is not married to.
        Partner,
        /// A husband or wife.
        Spouse,
        /// A former partner or spouse.
        ExPartner,
        /// A parent or step-parent.
        Parent,
        /// A son or daughter.
        Child,
        /// A brother or sister.
        Sibling,
        /// Another relative.
        OtherFamily,
        /// A friend.
        Friend,
        /// A co-worker.
        Colleague,
        /// A boss or supervisor.
        Supervisor,
        /// A neighbour.
        Neighbour,
        /// Anyone else.
        Other,
    }
}

impl RelationshipKind {
    /// A partner or spouse.
    ///
    /// ```
    /// use interpersonal::inventory::RelationshipKind;
    /// assert!(RelationshipKind::Partner.is_partner());
    /// assert!(!RelationshipKind::ExPartner.is_partner());
    /// ```
    pub fn is_partner(self) -> bool {
        matches!(self, RelationshipKind::Partner | RelationshipKind::Spouse)
    }

    /// A member of the family: partner, spouse, parent, child, sibling or other
    /// relative.
    ///
    /// ```
    /// use interpersonal::inventory::RelationshipKind;
    /// assert!(RelationshipKind::Sibling.is_family());
    /// assert!(!RelationshipKind::Friend.is_family());
    /// ```
    pub fn is_family(self) -> bool {
        matches!(
            self,
            RelationshipKind::Partner
                | RelationshipKind::Spouse
                | RelationshipKind::Parent
                | RelationshipKind::Child
                | RelationshipKind::Sibling
                | RelationshipKind::OtherFamily
        )
    }
}

vocabulary_enum! {
    /// How close the person is, as placed on the closeness circle
    /// (CLINICAL-BASIS.md §3.2 [K: `mufson-2004-ipt-a`;
    /// `stuart-robertson-2012-clinicians-guide`]).
    ///
    /// ```
    /// use interpersonal::inventory::Closeness;
    /// assert_eq!(Closeness::Inner.to_string(), "inner");
    /// ```
    pub enum Closeness {
        /// The inner circle: the closest people.
        Inner,
        /// The middle circle.
        Middle,
        /// The outer circle.
        Outer,
    }
}

vocabulary_enum! {
    /// How often the patient is in contact with the person (§3.1 "contact frequency").
    ///
    /// ```
    /// use interpersonal::inventory::ContactFrequency;
    /// assert_eq!(ContactFrequency::Weekly.to_string(), "weekly");
    /// ```
    #[non_exhaustive]
    pub enum ContactFrequency {
        /// Every day or nearly.
        Daily,
        /// About weekly.
        Weekly,
        /// About monthly.
        Monthly,
        /// A few times a year or less.
        Rarely,
        /// No contact now.
        None,
    }
}

/// Whether the person is living, has died, or is estranged.
///
/// JSON: `"living"`, `"estranged"`, or `{"deceased": {"date": "2025-11"}}` (the
/// date may be omitted when not known; validation then looks for a death event).
/// An unknown field inside `deceased` is rejected like any other.
///
/// ```
/// use interpersonal::inventory::PersonStatus;
///
/// let s: PersonStatus = serde_json::from_str(r#"{"deceased": {"date": "2025-11"}}"#).unwrap();
/// assert!(s.is_deceased());
/// let living: PersonStatus = serde_json::from_str(r#""living""#).unwrap();
/// assert_eq!(living, PersonStatus::Living);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum PersonStatus {
    /// Living and in the patient's life.
    #[default]
    Living,
    /// Has died.
    Deceased {
        /// When, if known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<PartialDate>,
    },
    /// Living, but estranged from the patient.
    Estranged,
}

/// The fields of `{"deceased": {..}}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeceasedFields {
    #[serde(default)]
    date: Option<PartialDate>,
}

const STATUS_NAMES: &[&str] = &["living", "deceased", "estranged"];

impl<'de> Deserialize<'de> for PersonStatus {
    /// Reads `"living"`, `"estranged"`, or an object with exactly one key,
    /// `{"deceased": {..}}` (or `{"living": null}`); a second key is refused
    /// with a message that says so.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{self, IgnoredAny, MapAccess, Visitor};

        fn unit<E: de::Error>(name: &str) -> Result<PersonStatus, E> {
            match name {
                "living" => Ok(PersonStatus::Living),
                "estranged" => Ok(PersonStatus::Estranged),
                "deceased" => Ok(PersonStatus::Deceased { date: None }),
                other => Err(E::unknown_variant(other, STATUS_NAMES)),
            }
        }

        struct StatusVisitor;

        impl<'de> Visitor<'de> for StatusVisitor {
            type Value = PersonStatus;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("`living`, `estranged`, or an object with one key, `deceased`")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<PersonStatus, E> {
                match v {
                    "living" | "estranged" => unit(v),
                    "deceased" => Err(E::custom(
                        "expected `deceased` as an object: {\"deceased\": {\"date\": ..}}",
                    )),
                    other => Err(E::unknown_variant(other, STATUS_NAMES)),
                }
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PersonStatus, A::Error> {
                let Some(key) = map.next_key::<String>()? else {
                    return Err(de::Error::custom(
                        "expected a status object with one key, `deceased`; found an empty object",
                    ));
                };
                let status = match key.as_str() {
                    "deceased" => PersonStatus::Deceased {
                        date: map.next_value::<DeceasedFields>()?.date,
                    },
                    "living" | "estranged" => {
                        map.next_value::<()>()?;
                        unit(&key)?
                    }
                    other => return Err(de::Error::unknown_variant(other, STATUS_NAMES)),
                };
                if map.next_key::<IgnoredAny>()?.is_some() {
                    return Err(de::Error::custom(
                        "expected a status object with exactly one key (`living`, `deceased` \
                         or `estranged`); found a second key",
                    ));
                }
                Ok(status)
            }
        }

        deserializer.deserialize_any(StatusVisitor)
    }
}

impl PersonStatus {
    /// Whether the person has died.
    ///
    /// ```
    /// use interpersonal::inventory::PersonStatus;
    /// assert!(PersonStatus::Deceased { date: None }.is_deceased());
    /// assert!(!PersonStatus::Estranged.is_deceased());
    /// ```
    pub fn is_deceased(self) -> bool {
        matches!(self, PersonStatus::Deceased { .. })
    }
}

vocabulary_enum! {
    /// Whether reciprocal expectations are met (§3.1 "reciprocal expectations";
    /// non-reciprocal expectations define a role dispute, §2.2
    /// [S: `markowitz-weissman-2012-casebook` ch. 3]).
    ///
    /// ```
    /// use interpersonal::inventory::ExpectationsMet;
    /// assert_eq!(ExpectationsMet::PartlyMet.to_string(), "partly_met");
    /// ```
    pub enum ExpectationsMet {
        /// Both sides' expectations are met.
        Met,
        /// Partly met.
        PartlyMet,
        /// Not met: the expectations are non-reciprocal.
        Unmet,
        /// Not known yet.
        Unknown,
    }
}

/// What the patient and the other person expect of each other, and whether it is
/// met.
///
/// ```
/// use interpersonal::{inventory::Expectations, inventory::ExpectationsMet};
///
/// let e: Expectations = serde_json::from_str(
///     r#"{"patient_expects": "help at home", "met": "unmet"}"#,
/// ).unwrap();
/// assert_eq!(e.met, ExpectationsMet::Unmet);
/// assert!(format!("{e:?}").contains("Sensitive(..)"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Expectations {
    /// What the patient expects of the other person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient_expects: Option<Sensitive<String>>,
    /// What the other person expects of the patient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_expects: Option<Sensitive<String>>,
    /// Whether the expectations are met.
    pub met: ExpectationsMet,
}

impl Expectations {
    /// Expectations whose text is not recorded, only whether they are met.
    ///
    /// ```
    /// use interpersonal::{inventory::Expectations, inventory::ExpectationsMet};
    /// assert_eq!(Expectations::new(ExpectationsMet::Met).met, ExpectationsMet::Met);
    /// ```
    pub fn new(met: ExpectationsMet) -> Self {
        Expectations {
            patient_expects: None,
            other_expects: None,
            met,
        }
    }

    /// These expectations with what the patient expects of the other person.
    ///
    /// ```
    /// use interpersonal::{inventory::Expectations, inventory::ExpectationsMet};
    /// let e = Expectations::new(ExpectationsMet::Unmet).with_patient_expects("help at home");
    /// assert_eq!(e.patient_expects.map(|t| t.into_inner()), Some("help at home".into()));
    /// ```
    #[must_use]
    pub fn with_patient_expects(mut self, text: impl Into<String>) -> Self {
        self.patient_expects = Some(Sensitive::new(text.into()));
        self
    }

    /// These expectations with what the other person expects of the patient.
    ///
    /// ```
    /// use interpersonal::{inventory::Expectations, inventory::ExpectationsMet};
    /// let e = Expectations::new(ExpectationsMet::PartlyMet).with_other_expects("more time");
    /// assert!(e.other_expects.is_some());
    /// ```
    #[must_use]
    pub fn with_other_expects(mut self, text: impl Into<String>) -> Self {
        self.other_expects = Some(Sensitive::new(text.into()));
        self
    }
}

vocabulary_enum! {
    /// How strong a conflict is.
    ///
    /// ```
    /// use interpersonal::inventory::ConflictLevel;
    /// assert!(ConflictLevel::High > ConflictLevel::Low);
    /// ```
    pub enum ConflictLevel {
        /// No conflict.
        None,
        /// Low.
        Low,
        /// Moderate.
        Moderate,
        /// High.
        High,
    }
}

vocabulary_enum! {
    /// Whether a conflict is open or hidden. IPT counts both
    /// (CLINICAL-BASIS.md §2.2 [K: `weissman-2000-comprehensive-guide`]; WHO: "open or hidden").
    ///
    /// ```
    /// use interpersonal::inventory::ConflictVisibility;
    /// assert_eq!(ConflictVisibility::Covert.to_string(), "covert");
    /// ```
    pub enum ConflictVisibility {
        /// Open disagreement.
        Overt,
        /// Hidden: smouldering resentment, things left unsaid.
        Covert,
    }
}

vocabulary_enum! {
    /// Where a dispute stands; this is what stages it (§2.2 [S: `weissman-2018-guide`]).
    ///
    /// ```
    /// use interpersonal::inventory::ConflictCourse;
    /// assert_eq!(ConflictCourse::Stalled.to_string(), "stalled");
    /// ```
    pub enum ConflictCourse {
        /// Both are still actively negotiating: renegotiation.
        Negotiating,
        /// Negotiation has stopped: impasse.
        Stalled,
        /// The patient is ending the relationship: dissolution.
        Ending,
    }
}

vocabulary_enum! {
    /// When something began relative to the onset of the current episode.
    ///
    /// ```
    /// use interpersonal::inventory::RelativeToOnset;
    /// assert_eq!(RelativeToOnset::AfterOnset.to_string(), "after_onset");
    /// ```
    pub enum RelativeToOnset {
        /// Before the episode began.
        BeforeOnset,
        /// After the episode began.
        AfterOnset,
    }
}

vocabulary_enum! {
    /// How often the patient and the person argue (CLINICAL-BASIS.md §3.1
    /// "conflicts: do you argue; about what; how often"
    /// [K: `weissman-2000-comprehensive-guide`]).
    ///
    /// ```
    /// use interpersonal::inventory::ConflictFrequency;
    /// assert_eq!(ConflictFrequency::Weekly.to_string(), "weekly");
    /// ```
    #[non_exhaustive]
    pub enum ConflictFrequency {
        /// Every day or nearly.
        Daily,
        /// About weekly.
        Weekly,
        /// About monthly.
        Monthly,
        /// Now and then, less than monthly.
        Rarely,
    }
}

/// A conflict with the person (§3.1 "conflicts"; §2.2 indicators).
///
/// ```
/// use interpersonal::{inventory::Conflict, inventory::ConflictCourse, inventory::ConflictLevel, inventory::ConflictVisibility};
///
/// let c: Conflict = serde_json::from_str(
///     r#"{"level": "high", "visibility": "overt", "course": "stalled", "began": "before_onset"}"#,
/// ).unwrap();
/// assert_eq!(c.course, Some(ConflictCourse::Stalled));
/// assert_eq!(c.visibility, Some(ConflictVisibility::Overt));
/// assert_eq!(c.level, ConflictLevel::High);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Conflict {
    /// How strong it is.
    pub level: ConflictLevel,
    /// Open or hidden, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<ConflictVisibility>,
    /// Still negotiated, stalled, or being ended, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub course: Option<ConflictCourse>,
    /// Whether it began before or after the onset, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub began: Option<RelativeToOnset>,
    /// How often they argue, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<ConflictFrequency>,
    /// What it is about, in the patient's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<Sensitive<String>>,
}

impl Conflict {
    /// A conflict of the given level with nothing else known.
    ///
    /// ```
    /// use interpersonal::{inventory::Conflict, inventory::ConflictLevel};
    /// let c = Conflict::new(ConflictLevel::Moderate);
    /// assert!(c.course.is_none());
    /// ```
    pub fn new(level: ConflictLevel) -> Self {
        Conflict {
            level,
            visibility: None,
            course: None,
            began: None,
            frequency: None,
            topic: None,
        }
    }

    /// This conflict, open or hidden.
    ///
    /// ```
    /// use interpersonal::{inventory::Conflict, inventory::ConflictLevel, inventory::ConflictVisibility};
    /// let c = Conflict::new(ConflictLevel::Moderate).with_visibility(ConflictVisibility::Covert);
    /// assert_eq!(c.visibility, Some(ConflictVisibility::Covert));
    /// ```
    #[must_use]
    pub fn with_visibility(mut self, visibility: ConflictVisibility) -> Self {
        self.visibility = Some(visibility);
        self
    }

    /// This conflict, with where it stands.
    ///
    /// ```
    /// use interpersonal::{inventory::Conflict, inventory::ConflictCourse, inventory::ConflictLevel};
    /// let c = Conflict::new(ConflictLevel::High).with_course(ConflictCourse::Stalled);
    /// assert_eq!(c.course, Some(ConflictCourse::Stalled));
    /// ```
    #[must_use]
    pub fn with_course(mut self, course: ConflictCourse) -> Self {
        self.course = Some(course);
        self
    }

    /// This conflict, with when it began relative to the onset.
    ///
    /// ```
    /// use interpersonal::{inventory::Conflict, inventory::ConflictLevel, inventory::RelativeToOnset};
    /// let c = Conflict::new(ConflictLevel::Low).with_began(RelativeToOnset::BeforeOnset);
    /// assert_eq!(c.began, Some(RelativeToOnset::BeforeOnset));
    /// ```
    #[must_use]
    pub fn with_began(mut self, began: RelativeToOnset) -> Self {
        self.began = Some(began);
        self
    }

    /// This conflict, with how often they argue.
    ///
    /// ```
    /// use interpersonal::{inventory::Conflict, inventory::ConflictFrequency, inventory::ConflictLevel};
    /// let c = Conflict::new(ConflictLevel::High).with_frequency(ConflictFrequency::Weekly);
    /// assert_eq!(c.frequency, Some(ConflictFrequency::Weekly));
    /// ```
    #[must_use]
    pub fn with_frequency(mut self, frequency: ConflictFrequency) -> Self {
        self.frequency = Some(frequency);
        self
    }

    /// This conflict, with what it is about in the patient's words.
    ///
    /// ```
    /// use interpersonal::{inventory::Conflict, inventory::ConflictLevel};
    /// let c = Conflict::new(ConflictLevel::High).with_topic("money");
    /// assert_eq!(c.topic.map(|t| t.into_inner()), Some("money".into()));
    /// ```
    #[must_use]
    pub fn with_topic(mut self, topic: impl Into<String>) -> Self {
        self.topic = Some(Sensitive::new(topic.into()));
        self
    }
}

vocabulary_enum! {
    /// How the relationship changed around the onset of the episode (§3.1
    /// "change around onset"; §1.1 task 7
    /// [K: `weissman-2000-comprehensive-guide` ch. 3]).
    ///
    /// ```
    /// use interpersonal::inventory::RelationshipChange;
    /// assert_eq!(RelationshipChange::Worse.to_string(), "worse");
    /// ```
    pub enum RelationshipChange {
        /// The relationship is new.
        New,
        /// The relationship was lost.
        Lost,
        /// It got worse.
        Worse,
        /// It got better.
        Better,
        /// No change.
        Unchanged,
    }
}

/// An important person in the patient's life, with what the interpersonal
/// inventory asks about them (CLINICAL-BASIS.md §3.1
/// [K: `weissman-2000-comprehensive-guide`]).
///
/// Everything but the id, label and relationship is optional or may be empty: a
/// clinician records what is known, and the engine treats what is missing as
/// missing, not as false (DESIGN.md decision 5).
///
/// ```
/// use interpersonal::{Person, id::PersonId, inventory::RelationshipKind};
///
/// let p = Person::new(PersonId::new("sister")?, "Maria", RelationshipKind::Sibling);
/// assert_eq!(p.label.expose(), "Maria");
/// assert!(!format!("{p:?}").contains("Maria"));
/// # Ok::<(), interpersonal::id::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Person {
    /// The person's id.
    pub id: PersonId,
    /// How the patient names the person.
    pub label: Sensitive<String>,
    /// Who the person is to the patient.
    pub relationship: RelationshipKind,
    /// Place on the closeness circle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closeness: Option<Closeness>,
    /// How often they are in contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<ContactFrequency>,
    /// Living, deceased or estranged.
    #[serde(default)]
    pub status: PersonStatus,
    /// Whether the patient can confide in them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidant: Option<bool>,
    /// Whether the patient can turn to them for help.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supportive: Option<bool>,
    /// Whether they know the patient has been depressed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knows_about_episode: Option<bool>,
    /// What the patient can talk to them about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub can_talk_about: Vec<Sensitive<String>>,
    /// What the patient cannot talk to them about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cannot_talk_about: Vec<Sensitive<String>>,
    /// What they do together.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_activities: Vec<Sensitive<String>>,
    /// What the patient likes about the relationship.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub satisfactions: Vec<Sensitive<String>>,
    /// What the patient does not like about it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dissatisfactions: Vec<Sensitive<String>>,
    /// How the patient feels when with them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feelings: Vec<Sensitive<String>>,
    /// Reciprocal expectations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expectations: Option<Expectations>,
    /// A conflict with them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict: Option<Conflict>,
    /// How the relationship changed around the onset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_around_onset: Option<RelationshipChange>,
    /// Whether the clinician links what happened in this relationship (its
    /// conflict, its change around the onset, the person's death when no
    /// death event is recorded) to the onset of the episode: JSON `true`,
    /// `false`, or left out when not known ([`OnsetLink`]). A death event's
    /// own link speaks for a deceased person whose link is not recorded.
    #[serde(
        default,
        with = "super::onset_link::as_bool",
        skip_serializing_if = "OnsetLink::is_unknown"
    )]
    pub linked_to_onset: OnsetLink,
    /// What the patient would like to change, in themselves or the other.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub desired_changes: Vec<Sensitive<String>>,
    /// Free notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Sensitive<String>>,
}

impl Person {
    /// A person with only an id, label and relationship known.
    ///
    /// ```
    /// use interpersonal::{Person, id::PersonId, inventory::PersonStatus, inventory::RelationshipKind};
    /// let p = Person::new(PersonId::new("boss")?, "Mr K", RelationshipKind::Supervisor);
    /// assert_eq!(p.status, PersonStatus::Living);
    /// # Ok::<(), interpersonal::id::IdError>(())
    /// ```
    pub fn new(id: PersonId, label: impl Into<String>, relationship: RelationshipKind) -> Self {
        Person {
            id,
            label: Sensitive::new(label.into()),
            relationship,
            closeness: None,
            contact: None,
            status: PersonStatus::Living,
            confidant: None,
            supportive: None,
            knows_about_episode: None,
            can_talk_about: Vec::new(),
            cannot_talk_about: Vec::new(),
            shared_activities: Vec::new(),
            satisfactions: Vec::new(),
            dissatisfactions: Vec::new(),
            feelings: Vec::new(),
            expectations: None,
            conflict: None,
            change_around_onset: None,
            linked_to_onset: OnsetLink::Unknown,
            desired_changes: Vec::new(),
            notes: None,
        }
    }
}
