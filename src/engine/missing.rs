//! A reference to an inventory field that a rule needed and found missing:
//! its JSON path, the person or event it belongs to, and the question to
//! ask. The fields themselves, with their paths and questions, are listed
//! in the tables of `condition.rs`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::inventory::Inventory;

use super::assessment::Subject;
use super::condition::{EventField, PersonField, SocialField};
use super::fact_table::Question;

/// The question for the onset.
const ONSET: Question = Question::Fixed("When did the current episode begin?");

/// A reference to an inventory field that was needed and missing. The
/// derived order is the inventory's document order: onset, people, events,
/// social context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum MissingRef {
    Onset,
    Person(usize, PersonField),
    Event(usize, EventField),
    Social(SocialField),
}

impl MissingRef {
    /// The question to ask about the field.
    pub(crate) fn question(self) -> Question {
        match self {
            MissingRef::Onset => ONSET,
            MissingRef::Person(_, f) => f.entry().1,
            MissingRef::Event(_, f) => f.entry().1,
            MissingRef::Social(f) => f.entry().1,
        }
    }

    /// The person or event the field belongs to.
    pub(crate) fn subject(self, inv: &Inventory) -> Option<Subject> {
        match self {
            MissingRef::Onset | MissingRef::Social(_) => None,
            MissingRef::Person(i, _) => inv.people.get(i).map(|p| Subject::Person(p.id.clone())),
            MissingRef::Event(i, _) => inv.events.get(i).map(|e| Subject::Event(e.id.clone())),
        }
    }
}

impl fmt::Display for MissingRef {
    /// The JSON path of the field.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            MissingRef::Onset => f.write_str("$.onset"),
            MissingRef::Person(i, field) => write!(f, "$.people[{i}].{}", field.suffix()),
            MissingRef::Event(i, field) => write!(f, "$.events[{i}].{}", field.suffix()),
            MissingRef::Social(field) => write!(f, "$.social_context.{}", field.suffix()),
        }
    }
}

impl MissingRef {
    /// The field at `path`, written as [`MissingRef`]'s `Display` writes it;
    /// `None` for any other text.
    fn parse(path: &str) -> Option<MissingRef> {
        if path == "$.onset" {
            return Some(MissingRef::Onset);
        }
        if let Some(tail) = path.strip_prefix("$.social_context.") {
            return SocialField::ALL
                .iter()
                .find(|f| f.suffix() == tail)
                .map(|&f| MissingRef::Social(f));
        }
        let (people, rest) = match path.strip_prefix("$.people[") {
            Some(rest) => (true, rest),
            None => (false, path.strip_prefix("$.events[")?),
        };
        let (index, suffix) = rest.split_once("].")?;
        // Decimal digits, without a leading zero: the one way `Display`
        // writes an index.
        let canonical = !index.is_empty()
            && index.bytes().all(|b| b.is_ascii_digit())
            && (index == "0" || !index.starts_with('0'));
        if !canonical {
            return None;
        }
        let i: usize = index.parse().ok()?;
        if people {
            PersonField::ALL
                .iter()
                .find(|f| f.suffix() == suffix)
                .map(|&f| MissingRef::Person(i, f))
        } else {
            EventField::ALL
                .iter()
                .find(|f| f.suffix() == suffix)
                .map(|&f| MissingRef::Event(i, f))
        }
    }
}

/// The JSON path of an inventory field the engine needed and found missing
/// ([`MissingFact::path`](super::MissingFact::path)), such as `$.onset`,
/// `$.people[2].conflict.course` or `$.social_context.prior_functioning`.
///
/// It holds the field and the person's or event's index, not the text, so
/// an assessment's missing facts cost no allocation for their paths; the
/// text is written by `Display` and in JSON, where it is a string.
/// Compared with a `&str` it compares that text. Paths order as the fields
/// do in an inventory document: the onset, then the people and the events
/// by index, then the social context.
///
/// ```
/// use interpersonal::{Engine, date::EpisodeOnset, engine::FieldPath, Inventory};
///
/// let inv = Inventory::new(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
/// let a = Engine::standard()?.evaluate(&inv);
/// let path: &FieldPath = &a.missing[0].path;
/// assert_eq!(path, "$.social_context.prior_functioning");
/// assert_eq!(path.to_string(), "$.social_context.prior_functioning");
/// assert_eq!(serde_json::to_string(path)?, r#""$.social_context.prior_functioning""#);
/// // Read back from JSON: a path the engine can name, and nothing else.
/// let read: FieldPath = serde_json::from_str(r#""$.people[3].conflict.course""#)?;
/// assert_eq!(read, "$.people[3].conflict.course");
/// assert!(serde_json::from_str::<FieldPath>(r#""$.people[3].label""#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath(pub(crate) MissingRef);

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Debug for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FieldPath({:?})", self.to_string())
    }
}

impl PartialEq<str> for FieldPath {
    fn eq(&self, other: &str) -> bool {
        // Compared piece by piece as `Display` would write it, without
        // writing it.
        struct Matches<'a>(&'a str);
        impl fmt::Write for Matches<'_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                match self.0.strip_prefix(s) {
                    Some(rest) => {
                        self.0 = rest;
                        Ok(())
                    }
                    None => Err(fmt::Error),
                }
            }
        }
        let mut rest = Matches(other);
        fmt::write(&mut rest, format_args!("{self}")).is_ok() && rest.0.is_empty()
    }
}

impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl PartialEq<FieldPath> for str {
    fn eq(&self, other: &FieldPath) -> bool {
        *other == *self
    }
}

impl PartialEq<FieldPath> for &str {
    fn eq(&self, other: &FieldPath) -> bool {
        *other == **self
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FieldPath {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = FieldPath;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "the JSON path of an inventory field the engine reads, such as \
                     \"$.onset\" or \"$.people[0].closeness\"",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<FieldPath, E> {
                // The text is not echoed: it may not be a path at all.
                MissingRef::parse(v).map(FieldPath).ok_or_else(|| {
                    E::invalid_value(serde::de::Unexpected::Other("a string"), &self)
                })
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl FieldPath {
    /// The pattern of every path: the schema's `pattern`, built from the
    /// fact tables so that it names the paths [`FieldPath`] reads (an index
    /// too large for a `usize`, which no inventory has, matches the pattern
    /// but is refused).
    #[cfg(feature = "schema")]
    pub(crate) fn pattern() -> String {
        // The fields' suffixes are lower-case words joined by `_` and `.`;
        // a dot is escaped.
        let alternatives = |suffixes: &mut dyn Iterator<Item = &'static str>| {
            suffixes
                .map(|s| s.replace('.', "\\."))
                .collect::<Vec<_>>()
                .join("|")
        };
        format!(
            "^\\$\\.(onset|people\\[(0|[1-9][0-9]*)\\]\\.({})|events\\[(0|[1-9][0-9]*)\\]\\.({})|social_context\\.({}))$",
            alternatives(&mut PersonField::ALL.iter().map(|f| f.suffix())),
            alternatives(&mut EventField::ALL.iter().map(|f| f.suffix())),
            alternatives(&mut SocialField::ALL.iter().map(|f| f.suffix())),
        )
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for FieldPath {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "field_path".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        "interpersonal::field_path".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string", "pattern": FieldPath::pattern()})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_refs_sort_in_document_order() {
        let mut refs = [
            MissingRef::Social(SocialField::PriorFunctioning),
            MissingRef::Event(0, EventField::Date),
            MissingRef::Person(1, PersonField::ConflictCourse),
            MissingRef::Person(0, PersonField::ChangeAroundOnset),
            MissingRef::Onset,
        ];
        refs.sort();
        let paths: Vec<String> = refs.iter().map(MissingRef::to_string).collect();
        assert_eq!(
            paths,
            [
                "$.onset",
                "$.people[0].change_around_onset",
                "$.people[1].conflict.course",
                "$.events[0].date",
                "$.social_context.prior_functioning"
            ]
        );
    }

    #[test]
    fn every_path_reads_back_as_itself_and_nothing_else_is_read() {
        let mut refs = vec![MissingRef::Onset];
        for i in [0, 7, 10, 123_456] {
            refs.extend(PersonField::ALL.iter().map(|&f| MissingRef::Person(i, f)));
            refs.extend(EventField::ALL.iter().map(|&f| MissingRef::Event(i, f)));
        }
        refs.extend(SocialField::ALL.iter().map(|&f| MissingRef::Social(f)));
        for m in refs {
            let path = FieldPath(m);
            let text = path.to_string();
            assert_eq!(MissingRef::parse(&text), Some(m), "{text}");
            assert!(path == *text.as_str() && path == text.as_str());
            // A path compares equal to its own text only.
            let shorter = text.get(..text.len() - 1).unwrap();
            assert!(path != *format!("{text}x") && path != *shorter && path != "");
            let json = serde_json::to_string(&path).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<FieldPath>(&json).unwrap(), path);
        }
        for bad in [
            "",
            "$",
            "$.onset.",
            "$.people[].closeness",
            "$.people[01].closeness",
            "$.people[+1].closeness",
            "$.people[1]closeness",
            "$.people[1].label",
            "$.events[1].closeness",
            "$.social_context.",
            "$.people[99999999999999999999999].closeness",
        ] {
            assert_eq!(MissingRef::parse(bad), None, "{bad}");
            let err = serde_json::from_str::<FieldPath>(&format!("{bad:?}")).unwrap_err();
            assert!(
                err.to_string()
                    .contains("the JSON path of an inventory field"),
                "{err}"
            );
        }
    }
}
