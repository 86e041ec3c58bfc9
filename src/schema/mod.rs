//! The JSON Schemas (draft 2020-12) of the crate's documents, generated
//! from the Rust types, as constants.
//!
//! Every schema in `schema/` is written from its document's Rust type by
//! [`generate`] (feature `schema`, with `schemars`), one file per
//! [`Document`]: the inventory, the rule set, the assessment, the treatment
//! contract, the course, a goal, a measurement, the answers to each form, the
//! Social Rhythm Metric week and the rhythm series, a modality, a group, and
//! the MIT case and profile. The constants here are those files, reachable
//! without any feature. A test (feature `schema`) fails when a file differs
//! from what the types give; rewrite them with
//! `INTERPERSONAL_WRITE_SCHEMAS=1 cargo test --features schema --test integration generated_schemas`.
//!
//! Each schema marks patient text (the definition `patient_text`), pins
//! `schema_version`, bounds every integer by its Rust type and holds the
//! simple bounds the crate checks when it reads and validates (id and date
//! patterns, enums, bibliography keys, item ranges, list lengths). What a
//! schema cannot say, the crate checks: cross-references (an event naming a
//! listed person), dates that do not exist (`2025-02-30`), arithmetic and the
//! other rules `schema/README.md` lists. Optional fields accept `null`, as the
//! crate does when it reads.
//!
//! ```
//! use interpersonal::schema;
//!
//! let inventory: serde_json::Value = serde_json::from_str(schema::INVENTORY)?;
//! assert_eq!(inventory["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! let course: serde_json::Value = serde_json::from_str(schema::COURSE)?;
//! assert_eq!(course["type"], "object");
//! # Ok::<(), serde_json::Error>(())
//! ```

#[cfg(feature = "schema")]
mod generate;
#[cfg(feature = "schema")]
pub(crate) mod types;

#[cfg(feature = "schema")]
pub use generate::{Document, generate};

/// `schema/inventory.schema.json`: the schema of an [`Inventory`](crate::Inventory).
///
/// ```
/// assert!(interpersonal::schema::INVENTORY.contains(r#""patient_text""#));
/// ```
pub const INVENTORY: &str = include_str!("../../schema/inventory.schema.json");

/// `schema/rule_set.schema.json`: the schema of a [`RuleSet`](crate::RuleSet).
///
/// ```
/// assert!(interpersonal::schema::RULE_SET.contains(r#""weissman-2018-guide""#));
/// ```
pub const RULE_SET: &str = include_str!("../../schema/rule_set.schema.json");

/// `schema/assessment.schema.json`: the schema of an [`Assessment`](crate::Assessment).
///
/// ```
/// assert!(interpersonal::schema::ASSESSMENT.contains(r#""focus""#));
/// ```
pub const ASSESSMENT: &str = include_str!("../../schema/assessment.schema.json");

/// `schema/treatment_contract.schema.json`: the schema of a
/// [`TreatmentContract`](crate::TreatmentContract).
///
/// ```
/// assert!(interpersonal::schema::TREATMENT_CONTRACT.contains(r#""cadence""#));
/// ```
pub const TREATMENT_CONTRACT: &str = include_str!("../../schema/treatment_contract.schema.json");

/// `schema/course.schema.json`: the schema of a [`Course`](crate::Course).
///
/// ```
/// assert!(interpersonal::schema::COURSE.contains(r#""schedule""#));
/// ```
pub const COURSE: &str = include_str!("../../schema/course.schema.json");

/// `schema/goal.schema.json`: the schema of a [`Goal`](crate::Goal).
///
/// ```
/// assert!(interpersonal::schema::GOAL.contains(r#""target""#));
/// ```
pub const GOAL: &str = include_str!("../../schema/goal.schema.json");

/// `schema/measurement.schema.json`: the schema of a [`Measurement`](crate::measure::Measurement).
///
/// ```
/// assert!(interpersonal::schema::MEASUREMENT.contains(r#""total""#));
/// ```
pub const MEASUREMENT: &str = include_str!("../../schema/measurement.schema.json");

/// `schema/phq9_answers.schema.json`: the schema of [`Phq9Answers`](crate::measure::Phq9Answers).
///
/// ```
/// assert!(interpersonal::schema::PHQ9_ANSWERS.contains(r#""self_harm_thoughts""#));
/// ```
pub const PHQ9_ANSWERS: &str = include_str!("../../schema/phq9_answers.schema.json");

/// `schema/gad7_answers.schema.json`: the schema of [`Gad7Answers`](crate::measure::Gad7Answers).
///
/// ```
/// assert!(interpersonal::schema::GAD7_ANSWERS.contains(r#""feeling_afraid""#));
/// ```
pub const GAD7_ANSWERS: &str = include_str!("../../schema/gad7_answers.schema.json");

/// `schema/hamd17_ratings.schema.json`: the schema of [`Hamd17Ratings`](crate::measure::Hamd17Ratings).
///
/// ```
/// assert!(interpersonal::schema::HAMD17_RATINGS.contains(r#""items""#));
/// ```
pub const HAMD17_RATINGS: &str = include_str!("../../schema/hamd17_ratings.schema.json");

/// `schema/asrm_answers.schema.json`: the schema of [`AsrmAnswers`](crate::measure::AsrmAnswers).
///
/// ```
/// assert!(interpersonal::schema::ASRM_ANSWERS.contains(r#""items""#));
/// ```
pub const ASRM_ANSWERS: &str = include_str!("../../schema/asrm_answers.schema.json");

/// `schema/srm_week.schema.json`: the schema of an [`SrmWeek`](crate::ipsrt::SrmWeek).
///
/// ```
/// assert!(interpersonal::schema::SRM_WEEK.contains(r#""form""#));
/// ```
pub const SRM_WEEK: &str = include_str!("../../schema/srm_week.schema.json");

/// `schema/rhythm_series.schema.json`: the schema of a [`RhythmSeries`](crate::ipsrt::RhythmSeries).
///
/// ```
/// assert!(interpersonal::schema::RHYTHM_SERIES.contains(r#""weeks""#));
/// ```
pub const RHYTHM_SERIES: &str = include_str!("../../schema/rhythm_series.schema.json");

/// `schema/modality.schema.json`: the schema of a [`ModalitySpec`](crate::course::ModalitySpec).
///
/// ```
/// assert!(interpersonal::schema::MODALITY.contains(r#""layout""#));
/// ```
pub const MODALITY: &str = include_str!("../../schema/modality.schema.json");

/// `schema/group.schema.json`: the schema of a [`Group`](crate::course::Group).
///
/// ```
/// assert!(interpersonal::schema::GROUP.contains(r#""facilitators""#));
/// ```
pub const GROUP: &str = include_str!("../../schema/group.schema.json");

/// `schema/mit_case.schema.json`: the schema of a [`MitCase`](crate::mit::MitCase).
///
/// ```
/// assert!(interpersonal::schema::MIT_CASE.contains(r#""episodes""#));
/// ```
pub const MIT_CASE: &str = include_str!("../../schema/mit_case.schema.json");

/// `schema/mit_profile.schema.json`: the schema of a
/// [`MetacognitiveProfile`](crate::mit::MetacognitiveProfile).
///
/// ```
/// assert!(interpersonal::schema::MIT_PROFILE.contains(r#""points""#));
/// ```
pub const MIT_PROFILE: &str = include_str!("../../schema/mit_profile.schema.json");
