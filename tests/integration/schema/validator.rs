//! The crate's schemas checked with the `jsonschema` crate, a maintained
//! validator of the whole of JSON Schema 2020-12 (ECMA-262 patterns included).
//! Built without its HTTP and file retrievers: every `$ref` in the schemas is
//! local, and a remote one fails to build instead of being fetched.

use std::collections::BTreeSet;

use serde_json::Value;

use super::schema;

/// Keywords that only annotate.
pub const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$id",
    "$comment",
    "title",
    "description",
    "$defs",
    "format",
    "default",
];

/// Keywords that assert. JSON Schema ignores a keyword it does not know, so
/// the schemas may use only these and [`ANNOTATIONS`]: a misspelt keyword is
/// then an error rather than a check silently skipped.
pub const ASSERTIONS: &[&str] = &[
    "$ref",
    "type",
    "enum",
    "const",
    "properties",
    "required",
    "additionalProperties",
    "prefixItems",
    "items",
    "minItems",
    "maxItems",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "minLength",
    "pattern",
    "oneOf",
    "anyOf",
];

pub const PATIENT_TEXT_REF: &str = "#/$defs/patient_text";

#[derive(Debug, Default)]
pub struct Outcome {
    /// Each problem, with the instance's JSON Pointer.
    pub errors: Vec<String>,
}

impl Outcome {
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }
}

pub struct Validator(jsonschema::Validator);

impl Validator {
    /// A validator for `schema` (JSON Schema 2020-12); panics if `schema` is
    /// not a valid schema.
    pub fn new(schema: &Value) -> Self {
        let validator = jsonschema::draft202012::options()
            .build(schema)
            .unwrap_or_else(|e| panic!("not a valid JSON Schema 2020-12: {e}"));
        Validator(validator)
    }

    pub fn validate(&self, instance: &Value) -> Outcome {
        let errors = self
            .0
            .iter_errors(instance)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        Outcome { errors }
    }

    pub fn is_valid(&self, instance: &Value) -> bool {
        self.0.is_valid(instance)
    }

    /// The paths (as the crate writes JSON paths) of `instance` that a valid
    /// evaluation checked against `#/$defs/patient_text`. Panics if
    /// `instance` is not valid.
    pub fn patient_text(&self, instance: &Value) -> BTreeSet<String> {
        let evaluation = self.0.evaluate(instance);
        assert!(evaluation.is_valid(), "{instance}");
        let mut found = BTreeSet::new();
        // Only units that passed: a failed branch of oneOf/anyOf marks nothing.
        let mut stack = vec![evaluation.root()];
        while let Some(unit) = stack.pop() {
            if !unit.valid() {
                continue;
            }
            if unit.schema_location().ends_with(PATIENT_TEXT_REF) {
                found.insert(crate_path(instance, unit.instance_location().as_str()));
            }
            stack.extend(unit.children());
        }
        found
    }
}

/// A JSON Pointer into `doc` written as the crate writes JSON paths
/// (`$.people[0].label`).
fn crate_path(doc: &Value, pointer: &str) -> String {
    let mut path = String::from("$");
    let mut at = doc;
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        at = match at {
            Value::Array(items) => {
                let i: usize = token.parse().unwrap();
                path.push_str(&format!("[{i}]"));
                &items[i]
            }
            _ => {
                path.push_str(&format!(".{token}"));
                &at[token.as_str()]
            }
        };
    }
    path
}

/// Whether `text` matches the ECMA-262 regular expression `pattern` as JSON
/// Schema reads it (unanchored: the pattern searches).
pub fn pattern_matches(pattern: &str, text: &str) -> bool {
    let schema = serde_json::json!({ "type": "string", "pattern": pattern });
    Validator::new(&schema).is_valid(&Value::from(text))
}

/// Validates `doc` against the named schema.
pub fn validate(schema_name: &str, doc: &Value) -> Outcome {
    let s = schema(schema_name);
    Validator::new(&s).validate(doc)
}

/// The patient-text paths of `doc`, which must be valid against the named
/// schema.
pub fn patient_text(schema_name: &str, doc: &Value) -> BTreeSet<String> {
    let s = schema(schema_name);
    Validator::new(&s).patient_text(doc)
}

#[track_caller]
pub fn assert_valid(schema_name: &str, what: &str, doc: &Value) {
    let out = validate(schema_name, doc);
    assert!(
        out.is_valid(),
        "{what} is not valid against schema/{schema_name}.schema.json:\n{}",
        out.errors.join("\n")
    );
}
