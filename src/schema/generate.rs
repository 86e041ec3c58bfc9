//! Schemas generated from the document types with `schemars`.

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema};
use serde_json::Value;

use crate::macros::vocabulary_enum;

vocabulary_enum! {
    /// A JSON document the crate reads and writes, with a schema generated
    /// from its Rust type; its name is the schema's file name in
    /// `schema/generated/` without `.schema.json`.
    ///
    /// ```
    /// use interpersonal::schema::Document;
    /// assert_eq!(Document::Course.to_string(), "course");
    /// assert_eq!(Document::Course.file_name(), "course.schema.json");
    /// assert!(Document::ALL.contains(&Document::Inventory));
    /// ```
    #[non_exhaustive]
    pub enum Document {
        /// An interpersonal inventory ([`Inventory`](crate::Inventory)).
        Inventory,
        /// A focus rule set ([`RuleSet`](crate::RuleSet)).
        RuleSet,
        /// What the engine writes ([`Assessment`](crate::Assessment)).
        Assessment,
        /// A treatment contract ([`TreatmentContract`](crate::TreatmentContract)).
        TreatmentContract,
        /// A course of treatment ([`Course`](crate::Course)), with its
        /// contract, schedule, sessions, goals and measurements.
        Course,
        /// One treatment goal ([`Goal`](crate::Goal)).
        Goal,
        /// A dated total of one instrument
        /// ([`Measurement`](crate::measure::Measurement)).
        Measurement,
        /// PHQ-9 answers ([`Phq9Answers`](crate::measure::Phq9Answers)).
        Phq9Answers,
        /// GAD-7 answers ([`Gad7Answers`](crate::measure::Gad7Answers)).
        Gad7Answers,
        /// HAM-D-17 ratings ([`Hamd17Ratings`](crate::measure::Hamd17Ratings)).
        Hamd17Ratings,
        /// ASRM answers ([`AsrmAnswers`](crate::measure::AsrmAnswers)).
        AsrmAnswers,
        /// One week of the Social Rhythm Metric ([`SrmWeek`](crate::ipsrt::SrmWeek)).
        SrmWeek,
        /// Diary weeks over time ([`RhythmSeries`](crate::ipsrt::RhythmSeries)).
        RhythmSeries,
    }
}

impl Document {
    /// The schema's file name in `schema/generated/`.
    ///
    /// ```
    /// use interpersonal::schema::Document;
    /// assert_eq!(Document::Phq9Answers.file_name(), "phq9_answers.schema.json");
    /// ```
    pub fn file_name(self) -> String {
        format!("{self}.schema.json")
    }

    /// The schema's `$id`: a name, not an address (`.invalid` is reserved,
    /// RFC 2606; see `schema/README.md`).
    fn id(self) -> String {
        format!("https://interpersonal.invalid/schema/generated/{self}")
    }
}

/// The JSON Schema (draft 2020-12) of `document`, generated from its Rust
/// type: what the crate reads, field for field, with the enums, id and date
/// patterns, item ranges and bibliography keys the types carry. Descriptions
/// are left out (the reviewed schemas in `schema/` carry them), so the output
/// changes only when a document's shape does. Deterministic: the same crate
/// gives the same value.
///
/// ```
/// use interpersonal::schema::{generate, Document};
///
/// let course = generate(Document::Course);
/// assert_eq!(course["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(course["additionalProperties"], false);
/// assert!(course["required"].as_array().unwrap().contains(&"schedule".into()));
///
/// // Every document type's schema is the file the crate ships.
/// let file: serde_json::Value = serde_json::from_str(interpersonal::schema::generated::COURSE)?;
/// assert_eq!(file, course);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn generate(document: Document) -> Value {
    let mut schema = match document {
        Document::Inventory => schema_of::<crate::Inventory>(),
        Document::RuleSet => schema_of::<crate::RuleSet>(),
        Document::Assessment => schema_of::<crate::Assessment>(),
        Document::TreatmentContract => schema_of::<crate::TreatmentContract>(),
        Document::Course => schema_of::<crate::Course>(),
        Document::Goal => schema_of::<crate::Goal>(),
        Document::Measurement => schema_of::<crate::measure::Measurement>(),
        Document::Phq9Answers => schema_of::<crate::measure::Phq9Answers>(),
        Document::Gad7Answers => schema_of::<crate::measure::Gad7Answers>(),
        Document::Hamd17Ratings => schema_of::<crate::measure::Hamd17Ratings>(),
        Document::AsrmAnswers => schema_of::<crate::measure::AsrmAnswers>(),
        Document::SrmWeek => schema_of::<crate::ipsrt::SrmWeek>(),
        Document::RhythmSeries => schema_of::<crate::ipsrt::RhythmSeries>(),
    };
    if let Some(root) = schema.as_object_mut() {
        root.insert("$id".into(), Value::String(document.id()));
        root.insert("title".into(), Value::String(document.to_string()));
    }
    schema
}

/// The root schema of `T` for what the crate reads, without descriptions.
fn schema_of<T: JsonSchema>() -> Value {
    let settings = SchemaSettings::draft2020_12()
        .for_deserialize()
        .with_transform(RecursiveTransform(|schema: &mut Schema| {
            schema.remove("description");
        }));
    settings
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value()
}
