//! Schemas for the types whose JSON form serde's derive does not show: days,
//! partial dates, ids, patient text, bibliography keys.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

/// The pattern of a day, `YYYY-MM-DD` (the crate also refuses days that do
/// not exist, such as `2025-02-30`: a pattern cannot).
pub(crate) const DAY_PATTERN: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

/// The pattern of a partial date, `YYYY-MM-DD` or `YYYY-MM`.
pub(crate) const PARTIAL_DATE_PATTERN: &str =
    "^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$";

/// The pattern of every id: 1 to 64 ASCII letters, digits, `_`, `-` or `.`.
pub(crate) const ID_PATTERN: &str = "^[A-Za-z0-9_.-]{1,64}$";

/// A day written `YYYY-MM-DD`: the schema of every field read with
/// `crate::date::day_json`.
pub(crate) struct Day;

impl JsonSchema for Day {
    fn schema_name() -> Cow<'static, str> {
        "date".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "interpersonal::date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "pattern": DAY_PATTERN,
        })
    }
}

/// A source as reports write it (`crate::source::shown`): each citation with
/// its label and link.
pub(crate) struct ShownSource;

impl JsonSchema for ShownSource {
    fn schema_name() -> Cow<'static, str> {
        "shown_source".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "interpersonal::shown_source".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "properties": {
                "cites": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "properties": {
                            "ref": bibliography_keys(),
                            "locator": {"type": "string"},
                            "basis": {"enum": crate::source::Basis::ALL.map(|b| b.to_string())},
                            "label": {"type": "string"},
                            "link": {"type": "string"},
                        },
                        "required": ["ref", "basis"],
                        "additionalProperties": false,
                    },
                },
            },
            "required": ["cites"],
            "additionalProperties": false,
        })
    }
}

/// Every key of [`crate::bibliography::all`], as an enum.
fn bibliography_keys() -> serde_json::Value {
    let keys: Vec<&str> = crate::bibliography::all().iter().map(|r| r.key).collect();
    serde_json::json!({"enum": keys})
}

/// The schema of a citation's `ref`: one of the bibliography's keys.
pub(crate) fn bibliography_key(_: &mut SchemaGenerator) -> Schema {
    let mut schema = json_schema!({"type": "string"});
    if let Some(keys) = bibliography_keys().get("enum") {
        schema.insert("enum".into(), keys.clone());
    }
    schema
}

/// The schema of an id: the pattern [`ID_PATTERN`].
pub(crate) fn id_schema() -> Schema {
    json_schema!({"type": "string", "pattern": ID_PATTERN})
}

impl JsonSchema for crate::date::PartialDate {
    fn schema_name() -> Cow<'static, str> {
        "partial_date".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "interpersonal::partial_date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "string", "pattern": PARTIAL_DATE_PATTERN})
    }
}

impl JsonSchema for crate::date::EpisodeOnset {
    fn schema_name() -> Cow<'static, str> {
        "episode_onset".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "interpersonal::episode_onset".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let date = generator.subschema_for::<crate::date::PartialDate>();
        json_schema!({"anyOf": [date, {"const": "unknown"}]})
    }
}

impl JsonSchema for crate::text::SharedText {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "string".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "string"})
    }
}

/// Patient text: every field that holds it uses the definition
/// `patient_text`, so a consumer can find them mechanically.
impl<T: JsonSchema> JsonSchema for crate::sensitive::Sensitive<T> {
    fn schema_name() -> Cow<'static, str> {
        match T::schema_name() {
            name if name == "String" || name == "string" => "patient_text".into(),
            name => format!("patient_text_{name}").into(),
        }
    }

    fn schema_id() -> Cow<'static, str> {
        format!("interpersonal::patient_text<{}>", T::schema_id()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

impl JsonSchema for crate::source::Source {
    fn schema_name() -> Cow<'static, str> {
        "source".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "interpersonal::source".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let citation = generator.subschema_for::<crate::bibliography::Citation>();
        json_schema!({
            "type": "object",
            "properties": {
                "cites": {"type": "array", "minItems": 1, "items": citation},
            },
            "required": ["cites"],
            "additionalProperties": false,
        })
    }
}

impl JsonSchema for crate::course::Modality {
    fn schema_name() -> Cow<'static, str> {
        "modality".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "interpersonal::modality".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let names: Vec<&str> = crate::course::Modality::ALL
            .iter()
            .map(|m| m.as_str())
            .collect();
        json_schema!({"type": "string", "enum": names})
    }
}

impl JsonSchema for crate::goal::GoalRating {
    fn schema_name() -> Cow<'static, str> {
        "goal_rating".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "interpersonal::goal_rating".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "integer", "minimum": 0, "maximum": 10})
    }
}

impl JsonSchema for crate::goal::InstrumentId {
    fn schema_name() -> Cow<'static, str> {
        "instrument_id".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "interpersonal::instrument_id".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "string", "pattern": "^[a-z0-9_.-]{1,32}$"})
    }
}

/// The answers to a form: `items` as an array in the instrument's order or
/// an object from item name to score, each score within its item's range;
/// the difficulty question where the instrument asks it.
impl<I: crate::measure::InstrumentItem + 'static> JsonSchema for crate::measure::ItemAnswers<I> {
    fn schema_name() -> Cow<'static, str> {
        format!("{}_answers", I::INSTRUMENT).into()
    }

    fn schema_id() -> Cow<'static, str> {
        format!("interpersonal::answers::{}", I::INSTRUMENT).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let score = |item: &I| {
            json_schema!({
                "anyOf": [
                    {"type": "null"},
                    {"type": "integer", "minimum": 0, "maximum": item.max_score()},
                ]
            })
        };
        let prefix: Vec<Schema> = I::ALL.iter().map(score).collect();
        let mut by_name = serde_json::Map::new();
        for item in I::ALL {
            by_name.insert(item.name().to_owned(), score(item).to_value());
        }
        let mut properties = serde_json::Map::new();
        properties.insert(
            "items".into(),
            serde_json::json!({
                "oneOf": [
                    {"type": "array", "prefixItems": prefix, "items": false},
                    {"type": "object", "properties": by_name, "additionalProperties": false},
                ]
            }),
        );
        if I::INSTRUMENT.asks_difficulty() {
            properties.insert(
                "difficulty".into(),
                generator
                    .subschema_for::<crate::measure::Difficulty>()
                    .to_value(),
            );
        }
        json_schema!({
            "type": "object",
            "properties": properties,
            "required": ["items"],
            "additionalProperties": false,
        })
    }
}

impl JsonSchema for crate::ipsrt::SrmActivity {
    fn schema_name() -> Cow<'static, str> {
        "srm_activity".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "interpersonal::srm_activity".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let names: Vec<&str> = crate::ipsrt::SrmActivity::ALL
            .iter()
            .map(|a| a.name())
            .collect();
        json_schema!({"type": "string", "enum": names})
    }
}

impl JsonSchema for crate::ipsrt::ClockTime {
    fn schema_name() -> Cow<'static, str> {
        "clock_time".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "interpersonal::clock_time".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"})
    }
}

impl JsonSchema for crate::ipsrt::Involvement {
    fn schema_name() -> Cow<'static, str> {
        "involvement".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "interpersonal::involvement".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "integer", "minimum": 0, "maximum": 3})
    }
}

impl JsonSchema for crate::ipsrt::MoodRating {
    fn schema_name() -> Cow<'static, str> {
        "mood_rating".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "interpersonal::mood_rating".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "integer", "minimum": -5, "maximum": 5})
    }
}

impl JsonSchema for crate::mit::MotivationalSystem {
    fn schema_name() -> Cow<'static, str> {
        "motivational_system".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "interpersonal::motivational_system".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let names: Vec<&str> = crate::mit::MotivationalSystem::ALL
            .iter()
            .map(|m| m.as_str())
            .collect();
        json_schema!({"type": "string", "enum": names})
    }
}
