//! The JSON Schemas (draft 2020-12) of the crate's documents, as constants,
//! and, with the feature `schema`, generated from the Rust types.
//!
//! Two sets ship in `schema/` and are reachable here without any feature:
//!
//! - the top-level constants ([`INVENTORY`], [`RULE_SET`], …) are the
//!   reviewed schemas of `schema/*.schema.json`: they mark patient text, carry
//!   descriptions, and are tested against every bundled document and a sweep of
//!   mutations (`tests/integration/schema.rs`);
//! - [`generated`] holds the schemas written from the types by
//!   [`generate`] (feature `schema`, with `schemars`), one for every document
//!   type: those with a reviewed schema, those with none yet (the course, a
//!   goal, a measurement, the MIT profile), and the modality, the group and
//!   the MIT case. A test (feature `schema`) fails when a file in
//!   `schema/generated/` differs from what the types give; run it with
//!   `INTERPERSONAL_WRITE_SCHEMAS=1` to rewrite them
//!   (`INTERPERSONAL_WRITE_SCHEMAS=1 cargo test --features schema --test integration generated_schemas`).
//!
//! What a generated schema cannot say, the crate checks when it reads and
//! validates: cross-references (an event naming a listed person), dates that
//! do not exist (`2025-02-30`), arithmetic and the other rules
//! `schema/README.md` lists. The generated schemas accept `null` for optional
//! fields, as the crate does when it reads; the reviewed ones refuse it. Both
//! pin `schema_version` and bound every integer to its Rust type's range.
//!
//! ```
//! use interpersonal::schema;
//!
//! let inventory: serde_json::Value = serde_json::from_str(schema::INVENTORY)?;
//! assert_eq!(inventory["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! let course: serde_json::Value = serde_json::from_str(schema::generated::COURSE)?;
//! assert_eq!(course["type"], "object");
//! # Ok::<(), serde_json::Error>(())
//! ```

#[cfg(feature = "schema")]
mod generate;
#[cfg(feature = "schema")]
pub(crate) mod types;

#[cfg(feature = "schema")]
pub use generate::{Document, generate};

/// `schema/inventory.schema.json`: an [`Inventory`](crate::Inventory).
///
/// ```
/// assert!(interpersonal::schema::INVENTORY.contains("patient_text"));
/// ```
pub const INVENTORY: &str = include_str!("../../schema/inventory.schema.json");

/// `schema/rule_set.schema.json`: a [`RuleSet`](crate::RuleSet).
///
/// ```
/// assert!(interpersonal::schema::RULE_SET.contains("weissman-2018-guide"));
/// ```
pub const RULE_SET: &str = include_str!("../../schema/rule_set.schema.json");

/// `schema/assessment.schema.json`: an [`Assessment`](crate::Assessment).
///
/// ```
/// assert!(interpersonal::schema::ASSESSMENT.contains("\"focus\""));
/// ```
pub const ASSESSMENT: &str = include_str!("../../schema/assessment.schema.json");

/// `schema/treatment_contract.schema.json`: a
/// [`TreatmentContract`](crate::TreatmentContract).
///
/// ```
/// assert!(interpersonal::schema::TREATMENT_CONTRACT.contains("\"cadence\""));
/// ```
pub const TREATMENT_CONTRACT: &str = include_str!("../../schema/treatment_contract.schema.json");

/// `schema/phq9_answers.schema.json`: [`Phq9Answers`](crate::measure::Phq9Answers).
///
/// ```
/// assert!(interpersonal::schema::PHQ9_ANSWERS.contains("self_harm_thoughts"));
/// ```
pub const PHQ9_ANSWERS: &str = include_str!("../../schema/phq9_answers.schema.json");

/// `schema/gad7_answers.schema.json`: [`Gad7Answers`](crate::measure::Gad7Answers).
///
/// ```
/// assert!(interpersonal::schema::GAD7_ANSWERS.contains("feeling_afraid"));
/// ```
pub const GAD7_ANSWERS: &str = include_str!("../../schema/gad7_answers.schema.json");

/// `schema/hamd17_ratings.schema.json`: [`Hamd17Ratings`](crate::measure::Hamd17Ratings).
///
/// ```
/// assert!(interpersonal::schema::HAMD17_RATINGS.contains("\"items\""));
/// ```
pub const HAMD17_RATINGS: &str = include_str!("../../schema/hamd17_ratings.schema.json");

/// `schema/asrm_answers.schema.json`: [`AsrmAnswers`](crate::measure::AsrmAnswers).
///
/// ```
/// assert!(interpersonal::schema::ASRM_ANSWERS.contains("\"items\""));
/// ```
pub const ASRM_ANSWERS: &str = include_str!("../../schema/asrm_answers.schema.json");

/// `schema/srm_week.schema.json`: an [`SrmWeek`](crate::ipsrt::SrmWeek).
///
/// ```
/// assert!(interpersonal::schema::SRM_WEEK.contains("\"form\""));
/// ```
pub const SRM_WEEK: &str = include_str!("../../schema/srm_week.schema.json");

/// `schema/rhythm_series.schema.json`: a [`RhythmSeries`](crate::ipsrt::RhythmSeries).
///
/// ```
/// assert!(interpersonal::schema::RHYTHM_SERIES.contains("\"weeks\""));
/// ```
pub const RHYTHM_SERIES: &str = include_str!("../../schema/rhythm_series.schema.json");

/// The schemas generated from the types (`schema/generated/`), one per
/// [`Document`](self) type; with the feature `schema`, [`generate`] makes
/// them and a test keeps these files equal to its output.
pub mod generated {
    /// A generated schema: `schema/generated/inventory.schema.json`.
    ///
    /// ```
    /// assert!(interpersonal::schema::generated::INVENTORY.contains("\"people\""));
    /// ```
    pub const INVENTORY: &str = include_str!("../../schema/generated/inventory.schema.json");
    /// A generated schema: `schema/generated/rule_set.schema.json`.
    ///
    /// ```
    /// assert!(interpersonal::schema::generated::RULE_SET.contains("\"rules\""));
    /// ```
    pub const RULE_SET: &str = include_str!("../../schema/generated/rule_set.schema.json");
    /// A generated schema: `schema/generated/assessment.schema.json`.
    ///
    /// ```
    /// assert!(interpersonal::schema::generated::ASSESSMENT.contains("\"focus\""));
    /// ```
    pub const ASSESSMENT: &str = include_str!("../../schema/generated/assessment.schema.json");
    /// A generated schema: `schema/generated/treatment_contract.schema.json`.
    ///
    /// ```
    /// assert!(interpersonal::schema::generated::TREATMENT_CONTRACT.contains("\"cadence\""));
    /// ```
    pub const TREATMENT_CONTRACT: &str =
        include_str!("../../schema/generated/treatment_contract.schema.json");
    /// A generated schema: `schema/generated/course.schema.json`.
    ///
    /// ```
    /// assert!(interpersonal::schema::generated::COURSE.contains("\"schedule\""));
    /// ```
    pub const COURSE: &str = include_str!("../../schema/generated/course.schema.json");
    /// A generated schema: `schema/generated/goal.schema.json`.
    ///
    /// ```
    /// assert!(interpersonal::schema::generated::GOAL.contains("\"target\""));
    /// ```
    pub const GOAL: &str = include_str!("../../schema/generated/goal.schema.json");
    /// A generated schema: `schema/generated/measurement.schema.json`.
    ///
    /// ```
    /// assert!(interpersonal::schema::generated::MEASUREMENT.contains("\"total\""));
    /// ```
    pub const MEASUREMENT: &str = include_str!("../../schema/generated/measurement.schema.json");
    /// A generated schema: `schema/generated/phq9_answers.schema.json`.
    ///
    /// ```
    /// assert!(interpersonal::schema::generated::PHQ9_ANSWERS.contains("difficulty"));
    /// ```
    pub const PHQ9_ANSWERS: &str = include_str!("../../schema/generated/phq9_answers.schema.json");
    /// A generated schema: `schema/generated/gad7_answers.schema.json`.
    ///
    /// ```
    /// assert!(interpersonal::schema::generated::GAD7_ANSWERS.contains("difficulty"));
    /// ```
    pub const GAD7_ANSWERS: &str = include_str!("../../schema/generated/gad7_answers.schema.json");
    /// A generated schema: `schema/generated/hamd17_ratings.schema.json`.
    ///
    /// ```
    /// assert!(interpersonal::schema::generated::HAMD17_RATINGS.contains("\"items\""));
    /// ```
    pub const HAMD17_RATINGS: &str =
        include_str!("../../schema/generated/hamd17_ratings.schema.json");
    /// A generated schema: `schema/generated/asrm_answers.schema.json`.
    ///
    /// ```
    /// assert!(interpersonal::schema::generated::ASRM_ANSWERS.contains("\"items\""));
    /// ```
    pub const ASRM_ANSWERS: &str = include_str!("../../schema/generated/asrm_answers.schema.json");
    /// A generated schema: `schema/generated/srm_week.schema.json`.
    ///
    /// ```
    /// assert!(interpersonal::schema::generated::SRM_WEEK.contains("\"form\""));
    /// ```
    pub const SRM_WEEK: &str = include_str!("../../schema/generated/srm_week.schema.json");
    /// A generated schema: `schema/generated/rhythm_series.schema.json`.
    ///
    /// ```
    /// assert!(interpersonal::schema::generated::RHYTHM_SERIES.contains("\"weeks\""));
    /// ```
    pub const RHYTHM_SERIES: &str =
        include_str!("../../schema/generated/rhythm_series.schema.json");
    /// A generated schema: `schema/generated/modality.schema.json`.
    ///
    /// ```
    /// assert!(interpersonal::schema::generated::MODALITY.contains(r#""layout""#));
    /// ```
    pub const MODALITY: &str = include_str!("../../schema/generated/modality.schema.json");
    /// A generated schema: `schema/generated/group.schema.json`.
    ///
    /// ```
    /// assert!(interpersonal::schema::generated::GROUP.contains(r#""facilitators""#));
    /// ```
    pub const GROUP: &str = include_str!("../../schema/generated/group.schema.json");
    /// A generated schema: `schema/generated/mit_case.schema.json`.
    ///
    /// ```
    /// assert!(interpersonal::schema::generated::MIT_CASE.contains(r#""episodes""#));
    /// ```
    pub const MIT_CASE: &str = include_str!("../../schema/generated/mit_case.schema.json");
    /// A generated schema: `schema/generated/mit_profile.schema.json`.
    ///
    /// ```
    /// assert!(interpersonal::schema::generated::MIT_PROFILE.contains(r#""points""#));
    /// ```
    pub const MIT_PROFILE: &str = include_str!("../../schema/generated/mit_profile.schema.json");
}
