//! Schemas generated from the document types with `schemars`.

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema};
use serde_json::Value;

use crate::macros::vocabulary_enum;

vocabulary_enum! {
    /// A JSON document the crate reads and writes, with a schema generated
    /// from its Rust type; its name is the schema's file name in `schema/`
    /// without `.schema.json`.
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
        /// A modality as data ([`ModalitySpec`](crate::course::ModalitySpec)).
        Modality,
        /// A therapy group ([`Group`](crate::course::Group)).
        Group,
        /// A Metacognitive Interpersonal Therapy case
        /// ([`MitCase`](crate::mit::MitCase)).
        MitCase,
        /// The metacognitive profile of an MIT case
        /// ([`MetacognitiveProfile`](crate::mit::MetacognitiveProfile)).
        MitProfile,
    }
}

impl Document {
    /// The schema's file name in `schema/`.
    ///
    /// ```
    /// use interpersonal::schema::Document;
    /// assert_eq!(Document::Phq9Answers.file_name(), "phq9_answers.schema.json");
    /// ```
    pub fn file_name(self) -> String {
        format!("{self}.schema.json")
    }

    /// The schema's `$id`: a name, not an address (`.invalid` is reserved,
    /// RFC 2606; see `schema/README.md`); its last segment is the version of
    /// the document's shape.
    ///
    /// ```
    /// use interpersonal::schema::Document;
    /// assert_eq!(
    ///     Document::Assessment.id(),
    ///     "https://interpersonal.invalid/schema/assessment/2"
    /// );
    /// ```
    pub fn id(self) -> String {
        format!(
            "https://interpersonal.invalid/schema/{self}/{}",
            self.version()
        )
    }

    /// The version of the document's shape: its `schema_version` where it
    /// has one, else 1.
    fn version(self) -> u32 {
        match self {
            Document::Inventory => crate::inventory::INVENTORY_SCHEMA_VERSION,
            Document::RuleSet => crate::engine::RULE_SET_SCHEMA_VERSION,
            Document::Assessment => crate::engine::ASSESSMENT_SCHEMA_VERSION,
            Document::Course => crate::course::COURSE_SCHEMA_VERSION,
            Document::RhythmSeries => crate::ipsrt::RHYTHM_SERIES_SCHEMA_VERSION,
            Document::Modality => crate::course::MODALITY_SCHEMA_VERSION,
            Document::Group => crate::course::GROUP_SCHEMA_VERSION,
            Document::MitCase => crate::mit::MIT_CASE_SCHEMA_VERSION,
            Document::TreatmentContract
            | Document::Goal
            | Document::Measurement
            | Document::Phq9Answers
            | Document::Gad7Answers
            | Document::Hamd17Ratings
            | Document::AsrmAnswers
            | Document::SrmWeek
            | Document::MitProfile => 1,
        }
    }

    /// Whether the document carries a `schema_version` field, which the
    /// schema pins to [`version`](Self::version).
    fn has_schema_version(self) -> bool {
        matches!(
            self,
            Document::Inventory
                | Document::RuleSet
                | Document::Assessment
                | Document::Course
                | Document::RhythmSeries
                | Document::Modality
                | Document::Group
                | Document::MitCase
        )
    }

    /// A title for people.
    ///
    /// ```
    /// use interpersonal::schema::Document;
    /// assert_eq!(Document::Phq9Answers.title(), "PHQ-9 answers");
    /// ```
    pub fn title(self) -> &'static str {
        match self {
            Document::Inventory => "Interpersonal inventory",
            Document::RuleSet => "Focus rule set",
            Document::Assessment => "Focus assessment",
            Document::TreatmentContract => "IPT treatment contract",
            Document::Course => "IPT course of treatment",
            Document::Goal => "Treatment goal",
            Document::Measurement => "Symptom measurement",
            Document::Phq9Answers => "PHQ-9 answers",
            Document::Gad7Answers => "GAD-7 answers",
            Document::Hamd17Ratings => "HAM-D-17 ratings",
            Document::AsrmAnswers => "ASRM answers",
            Document::SrmWeek => "Social Rhythm Metric week",
            Document::RhythmSeries => "Social rhythm series",
            Document::Modality => "IPT modality",
            Document::Group => "IPT therapy group",
            Document::MitCase => "Metacognitive Interpersonal Therapy case",
            Document::MitProfile => "MIT metacognitive profile",
        }
    }

    /// What the document is, how the crate reads it, what a schema cannot
    /// check, and whether (and where) it holds patient text.
    ///
    /// ```
    /// use interpersonal::schema::Document;
    /// assert!(Document::Inventory.description().contains("PATIENT TEXT"));
    /// ```
    pub fn description(self) -> &'static str {
        match self {
            Document::Inventory => {
                "One patient's interpersonal inventory as of a date: the important people, their relationships, life events, the onset of the current episode, the social context and the safety screen (interpersonal::Inventory, schema_version 1). Read it with interpersonal::from_json and check cross-references with Inventory::validate. PATIENT TEXT lives in the fields whose schema is #/$defs/patient_text: a person's label, shared_activities, satisfactions, dissatisfactions, feelings, desired_changes and notes; expectations.patient_expects and expectations.other_expects; conflict.topic; and an event's notes. Treat the whole document as confidential health data. Ids must never be made from names."
            }
            Document::RuleSet => {
                "A rule set for the focus-area engine (interpersonal::RuleSet, schema_version 1): its id, version, parameters (time windows, the focus threshold, confidence bands) and rules, each with a condition tree. rules/default.json and rules/ipsrt.json are instances. Read it with RuleSet::from_json and compile it with Engine::compile, which also checks what a schema cannot: unique rule ids, window names that exist, nesting depth, blank text, that every problem area of the rule set's area set has a rule, and that no rule names an area outside it. This document holds NO PATIENT TEXT: summary, detail, description and source are clinical text written by the rule set's authors."
            }
            Document::Assessment => {
                "What the focus-area engine says about one inventory (interpersonal::Assessment, written by Engine::evaluate): a finding with evidence for every problem area, the suggested focus (0, 1 or 2 areas), advisories (a safety advisory is always first and never suppressed), the facts whose absence held rules back, and recommendations for the focus. Decision support for a clinician, not a diagnosis. This document holds NO PATIENT TEXT: it names people and events by id and inventory fields by JSON path; summary, detail, failed and source are the rule set's and the crate's own words. Join it back to the inventory (interpersonal::Report) to show names. The crate always writes every field; dispute_stage, grief_kind and a missing fact's subject are null when there is none. Numbers are plain JSON numbers."
            }
            Document::TreatmentContract => {
                "The treatment contract agreed at the end of the initial phase (interpersonal::TreatmentContract): modality, number and cadence of sessions, a twice-weekly start, start date, session length, focus areas, goal ids, the patient's agreement, practicalities, an IPT-A contract's adolescent details and a maintenance contract's focus change. Read it with interpersonal::from_json and check it with TreatmentContract::validate, which checks it against its modality (Modality::spec, schema/modality.schema.json) and also checks what a schema cannot: the session count, cadence, session length, twice-weekly start, areas and age the modality allows, no area or goal listed twice, an agreement date no later than the planned last session, and practicalities that are not blank. PATIENT TEXT lives in practicalities (#/$defs/patient_text)."
            }
            Document::Course => {
                "A course of treatment (interpersonal::Course, schema_version 1): its treatment contract, schedule, session records, goals, symptom measurements, safety flags, phase and reviews. Read it with interpersonal::from_json, which also checks what a schema cannot (a goal the contract names, measurements in date order, sessions of the schedule). PATIENT TEXT lives in the fields whose schema is #/$defs/patient_text or a patient_text_ definition: goal statements, session notes and the contract's practicalities. Treat the whole document as confidential health data."
            }
            Document::Goal => {
                "One treatment goal (interpersonal::Goal): its id, problem area, statement, target, target date, status and progress ratings. Read it with interpersonal::from_json. PATIENT TEXT lives in the statement (#/$defs/patient_text)."
            }
            Document::Measurement => {
                "A dated total of one instrument (interpersonal::measure::Measurement), checked against the instrument's range when read. No free text, so NO PATIENT TEXT; the scores are still confidential health data."
            }
            Document::Phq9Answers => {
                "The item answers of one completed PHQ-9 (interpersonal::Phq9Answers), before scoring: nine items scored 0 to 3. Read it with interpersonal::from_json; scoring (InstrumentScore::from_answers) refuses unanswered items unless the scoring options allow pro-rating. No free text, so NO PATIENT TEXT; the scores are still confidential health data."
            }
            Document::Gad7Answers => {
                "The item answers of one completed GAD-7 (interpersonal::Gad7Answers), before scoring: seven items scored 0 to 3. Read it with interpersonal::from_json; scoring (InstrumentScore::from_answers) refuses unanswered items unless the scoring options allow pro-rating. No free text, so NO PATIENT TEXT; the scores are still confidential health data."
            }
            Document::Hamd17Ratings => {
                "The item answers of one completed HAM-D-17 (interpersonal::Hamd17Ratings), before scoring: seventeen clinician-rated items scored 0 to 4 or 0 to 2. Read it with interpersonal::from_json; scoring (InstrumentScore::from_answers) refuses unanswered items unless the scoring options allow pro-rating. No free text, so NO PATIENT TEXT; the scores are still confidential health data."
            }
            Document::AsrmAnswers => {
                "The item answers of one completed Altman Self-Rating Mania Scale (interpersonal::AsrmAnswers), before scoring: five items about the past week, each scored 0 to 4. Read it with interpersonal::from_json; scoring (InstrumentScore::from_answers) refuses unanswered items unless the scoring options allow pro-rating. A total of 6 or more is a positive screen and raises a possible-mania safety flag. No free text, so NO PATIENT TEXT; the scores are still confidential health data."
            }
            Document::SrmWeek => {
                "One week of the Social Rhythm Metric diary of IPSRT (interpersonal::ipsrt::SrmWeek): for each day and activity the clock time, or not done, and who was involved, and the day's mood rating (Monk et al. 1990; Monk et al. 2002). Score it with SrmWeek::score. Read it with interpersonal::from_json, which reports every problem at once, each at its JSON path (a time that is not HH:MM, an involvement code or a mood out of range, an activity the form does not ask for or named twice in a day, a week without exactly seven days). No free text, so NO PATIENT TEXT; the diary is still confidential health data."
            }
            Document::RhythmSeries => {
                "Diary weeks of one patient over time (interpersonal::ipsrt::RhythmSeries, schema_version 1): the weeks in date order, each starting at least seven days after the one before (checked by the crate, with gaps allowed). RhythmSeries gives each week's score, the regularity trend, the activities whose habitual time drifted and the dated mood ratings. Read it with interpersonal::from_json, which reports every problem of every week at once, at paths such as $.weeks[2].days[0].entries[1].time. No free text, so NO PATIENT TEXT; the diary is still confidential health data."
            }
            Document::Modality => {
                "A modality as data (interpersonal::course::ModalitySpec): the sessions a contract counts, the cadences it may choose, a twice-weekly start where allowed, session lengths, the phase layout with the extra meetings the modality adds, the problem areas it allows under its own names, who takes part, the sick role, an age range, and the works it rests on. The built-in modalities are written by Modality::spec; a custom one is read with interpersonal::from_json, which also checks what a schema cannot: a session count the layout can hold, phases in order and each once, at most one `rest` block, counted blocks all `judged` or none, no cadence, area or participant listed twice, names without control characters, and citation keys of the bibliography. No patient text."
            }
            Document::Group => {
                "A therapy group (interpersonal::course::Group): group IPT or WHO group IPT, its facilitators and members, each member with their own focus, goals, agreement and symptom measures. Read it with interpersonal::from_json, which also checks what a schema cannot: a group modality, the session count, cadence and length the modality allows, each member's focus among the modality's areas, ids used once across members and facilitators, labels that are not blank and measurements in date order. PATIENT TEXT lives in labels and goal statements (#/$defs/patient_text)."
            }
            Document::MitCase => {
                "One patient's case in Metacognitive Interpersonal Therapy (interpersonal::mit::MitCase), as of a date: the autobiographical episodes told, the maladaptive interpersonal schemas reconstructed from them (wish and motivational system, self-image, the other's response, the self's primary and secondary response, coping), the metacognitive profile rated at dated points, and the stage of therapy (Dimaggio et al. 2015; Dimaggio et al. 2020; Semerari et al. 2003). MIT is a cognitive-interpersonal therapy of its own, not a form of IPT. Read it with interpersonal::from_json and check it with MitCase::validate, which reports every problem at once, each at its JSON path (a duplicate id, an episode a schema names that is not in the case, a date after as_of, a rating off the profile's scale, dates of the profile not increasing, a blank text or one holding a control character). HOLDS PATIENT TEXT: the accounts of episodes and the words of each schema (#/$defs/patient_text)."
            }
            Document::MitProfile => {
                "The metacognitive profile of a Metacognitive Interpersonal Therapy case (interpersonal::mit::MetacognitiveProfile): the rating scale and the dated ratings of monitoring, integration, differentiation, decentration and mastery. MitCase::validate checks ratings within the scale and dates increasing. No free text, so NO PATIENT TEXT; the ratings are still confidential health data."
            }
        }
    }
}

/// The JSON Schema (draft 2020-12) of `document`, generated from its Rust
/// type: what the crate reads, field for field, with the enums, id and date
/// patterns, item ranges, list and number bounds and bibliography keys the
/// types carry, and the document's [title](Document::title) and
/// [description](Document::description) at the root. The descriptions of
/// fields are left out, so the output changes only when a document's shape
/// does. Deterministic: the same crate gives the same value.
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
/// let file: serde_json::Value = serde_json::from_str(interpersonal::schema::COURSE)?;
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
        Document::Modality => schema_of::<crate::course::ModalitySpec>(),
        Document::Group => schema_of::<crate::course::Group>(),
        Document::MitCase => schema_of::<crate::mit::MitCase>(),
        Document::MitProfile => schema_of::<crate::mit::MetacognitiveProfile>(),
    };
    snake_case_definitions(&mut schema);
    if let Some(root) = schema.as_object_mut() {
        root.insert("$id".into(), Value::String(document.id()));
        root.insert("title".into(), Value::String(document.title().into()));
        root.insert(
            "description".into(),
            Value::String(document.description().into()),
        );
        if document.has_schema_version() {
            // The version the crate reads; its validation refuses any other.
            if let Some(version) = root
                .get_mut("properties")
                .and_then(|p| p.get_mut("schema_version"))
            {
                *version = serde_json::json!({"const": document.version()});
            }
        }
    }
    schema
}

/// The root schema of `T` for what the crate reads, without descriptions.
fn schema_of<T: JsonSchema>() -> Value {
    let settings = SchemaSettings::draft2020_12()
        .for_deserialize()
        .with_transform(RecursiveTransform(|schema: &mut Schema| {
            schema.remove("description");
            bound_integer(schema);
            enum_of_names(schema);
        }));
    settings
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value()
}

/// Writes a `oneOf` of string constants (an enum whose variants carry doc
/// comments) as `{"type": "string", "enum": [...]}`: the same values, in
/// declaration order, in the form the JSON Schema readers know best.
fn enum_of_names(schema: &mut Schema) {
    let Some(Value::Array(variants)) = schema.get("oneOf") else {
        return;
    };
    let names: Option<Vec<Value>> = variants
        .iter()
        .map(|variant| {
            let map = variant.as_object()?;
            let name = map.get("const")?.as_str()?;
            let only_name = map
                .iter()
                .all(|(k, v)| k == "const" || k == "description" || (k == "type" && v == "string"));
            only_name.then(|| Value::String(name.to_owned()))
        })
        .collect();
    if let Some(names) = names.filter(|n| !n.is_empty()) {
        schema.remove("oneOf");
        schema.insert("type".into(), Value::String("string".into()));
        schema.insert("enum".into(), Value::Array(names));
    }
}

/// Bounds an integer to the range of its Rust type, which `schemars` names
/// in `format` (`uint8`, `int32`, …) but leaves unbounded above: the crate
/// refuses `4294967296` for a `u32`, so the schema does too. A bound the type
/// already sets (a `range` attribute) is kept.
fn bound_integer(schema: &mut Schema) {
    let range: (i128, i128) = match schema.get("format").and_then(Value::as_str) {
        Some("uint8") => (0, u8::MAX.into()),
        Some("uint16") => (0, u16::MAX.into()),
        Some("uint32") => (0, u32::MAX.into()),
        Some("uint64") => (0, u64::MAX.into()),
        Some("int8") => (i8::MIN.into(), i8::MAX.into()),
        Some("int16") => (i16::MIN.into(), i16::MAX.into()),
        Some("int32") => (i32::MIN.into(), i32::MAX.into()),
        Some("int64") => (i64::MIN.into(), i64::MAX.into()),
        _ => return,
    };
    let number = |n: i128| {
        i64::try_from(n)
            .map(Value::from)
            .or_else(|_| u64::try_from(n).map(Value::from))
            .unwrap_or(Value::Null)
    };
    if schema.get("minimum").is_none() {
        schema.insert("minimum".into(), number(range.0));
    }
    if schema.get("maximum").is_none() {
        schema.insert("maximum".into(), number(range.1));
    }
}

/// Renames the definitions after the JSON's own style (`RelationshipKind`
/// becomes `relationship_kind`), as the documents name their fields, and
/// every `$ref` to them. A name that would collide is kept as it is.
fn snake_case_definitions(schema: &mut Value) {
    let Some(Value::Object(defs)) = schema.get_mut("$defs") else {
        return;
    };
    let old = std::mem::take(defs);
    let mut renamed: std::collections::BTreeMap<String, String> = Default::default();
    let mut taken: std::collections::BTreeSet<String> = old.keys().cloned().collect();
    for name in old.keys() {
        let snake = snake_case(name);
        if snake != *name && !taken.contains(&snake) {
            taken.insert(snake.clone());
            renamed.insert(name.clone(), snake);
        }
    }
    for (name, body) in old {
        let key = renamed.get(&name).cloned().unwrap_or(name);
        defs.insert(key, body);
    }
    rewrite_refs(schema, &renamed);
}

/// `name` in snake case: an underscore before a capital that follows a
/// lower-case letter or a digit, and every letter in lower case.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let mut previous: Option<char> = None;
    for c in name.chars() {
        if c.is_ascii_uppercase()
            && previous.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
        {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
        previous = Some(c);
    }
    out
}

/// Points every `$ref` to a renamed definition at its new name.
fn rewrite_refs(value: &mut Value, renamed: &std::collections::BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (key, sub) in map.iter_mut() {
                if key == "$ref" {
                    if let Value::String(target) = sub {
                        if let Some(new) = target
                            .strip_prefix("#/$defs/")
                            .and_then(|name| renamed.get(name))
                        {
                            *target = format!("#/$defs/{new}");
                        }
                    }
                } else {
                    rewrite_refs(sub, renamed);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                rewrite_refs(item, renamed);
            }
        }
        _ => {}
    }
}
