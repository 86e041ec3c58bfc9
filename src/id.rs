//! Stable string ids: people, life events, goals, rules, and the episodes and
//! schemas of an MIT case.
//!
//! Ids are how an [`Assessment`](crate::engine::Assessment) names what it is about without
//! copying patient text ([DESIGN.md decision 2](crate::_documentation::design#2-ids-not-text)). An id is 1 to 64 characters of
//! ASCII letters, digits, `_`, `-` and `.`, so it cannot hold a sentence; it must
//! still never be made from a name.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::text::SharedText;

/// The longest id accepted, in bytes.
///
/// ```
/// use interpersonal::{id::MAX_ID_LEN, id::PersonId};
/// assert!(PersonId::new("x".repeat(MAX_ID_LEN)).is_ok());
/// assert!(PersonId::new("x".repeat(MAX_ID_LEN + 1)).is_err());
/// ```
pub const MAX_ID_LEN: usize = 64;

/// An id that is empty, too long, or holds a character other than ASCII letters,
/// digits, `_`, `-` and `.`.
///
/// ```
/// use interpersonal::id::PersonId;
/// let err = PersonId::new("has space").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "invalid id: expected 1 to 64 ASCII letters, digits, '_', '-' or '.'",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid id: expected 1 to 64 ASCII letters, digits, '_', '-' or '.'")]
#[non_exhaustive]
pub struct IdError;

fn check_id(s: &str) -> Result<(), IdError> {
    let ok = !s.is_empty()
        && s.len() <= MAX_ID_LEN
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.');
    if ok { Ok(()) } else { Err(IdError) }
}

/// Whether two ids are equal, looking at their lengths and last bytes first
/// (ids that differ mostly differ there, and a full comparison costs a call).
#[inline]
pub(crate) fn same_id(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.last() == b.last() && a == b
}

/// An id's bytes as a lookup key: compared with [`same_id`], so that a scan
/// of a few keys ([`Places`](crate::collections::Places)) rarely calls a
/// full comparison; hashed as the bytes, which agrees with that equality
/// (equal keys have equal bytes).
#[derive(Debug, Clone, Copy, Eq)]
pub(crate) struct IdKey<'a>(pub(crate) &'a [u8]);

impl PartialEq for IdKey<'_> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        same_id(self.0, other.0)
    }
}

impl std::hash::Hash for IdKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// Cloning an id makes no allocation: an id of up to 22 bytes is
        /// kept in the value itself and copied with it, a longer one is
        /// shared by its clones.
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(SharedText);

        impl $name {
            /// Makes an id, checking its form.
            ///
            /// # Errors
            ///
            /// Returns [`IdError`] when the text is empty, longer than
            #[doc = concat!("[`MAX_ID_LEN`], or holds another character.")]
            ///
            #[doc = concat!("```\nuse interpersonal::id::", stringify!($name), ";\nassert!(", stringify!($name), "::new(\"ok_1\").is_ok());\nassert!(", stringify!($name), "::new(\"not ok\").is_err());\n```")]
            pub fn new(id: impl Into<String>) -> Result<Self, IdError> {
                let id = id.into();
                check_id(&id)?;
                Ok($name(SharedText::from(id)))
            }

            /// An id from text known at compile time to be well formed; for
            /// the crate's own constants only.
            // Only some id types have constants, so the others never call it.
            #[allow(dead_code)]
            pub(crate) fn from_known(id: &'static str) -> Self {
                $name(SharedText::from_static(id))
            }

            /// The same id, kept for the rest of the process
            /// ([`SharedText::for_process`]).
            // Only rule ids are kept so, the others never call it.
            #[allow(dead_code)]
            pub(crate) fn for_process(self) -> Self {
                $name(self.0.for_process())
            }

            /// The id as text.
            ///
            #[doc = concat!("```\nlet id = interpersonal::id::", stringify!($name), "::new(\"x-1\").unwrap();\nassert_eq!(id.as_str(), \"x-1\");\n```")]
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The id's bytes (ASCII), for lookups that only compare ids:
            /// unlike [`Self::as_str`], no check of the text is made.
            // Only some id types are looked up so, the others never call it.
            #[allow(dead_code)]
            pub(crate) fn as_bytes(&self) -> &[u8] {
                self.0.as_bytes()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), self.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(value: String) -> Result<Self, IdError> {
                $name::new(value)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = IdError;
            fn try_from(value: &str) -> Result<Self, IdError> {
                $name::new(value)
            }
        }

        impl std::str::FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, IdError> {
                $name::new(s)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                String::from(id.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                // Checked on the borrowed text, then copied once (or not
                // at all, from an embedded document: `SharedText::read`).
                crate::text::read_str(deserializer, |text| {
                    check_id(text).map(|()| $name(SharedText::read(text)))
                })
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                "id".into()
            }

            fn schema_id() -> std::borrow::Cow<'static, str> {
                "interpersonal::id".into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                crate::schema::types::id_schema()
            }
        }

    };
}

id_type!(
    /// The id of a person in an [`Inventory`](crate::inventory::Inventory).
    ///
    /// ```
    /// use interpersonal::id::PersonId;
    /// let id = PersonId::new("partner")?;
    /// assert_eq!(id.as_str(), "partner");
    /// assert_eq!(format!("{id:?}"), r#"PersonId("partner")"#);
    /// # Ok::<(), interpersonal::id::IdError>(())
    /// ```
    PersonId
);

id_type!(
    /// The id of a life event in an [`Inventory`](crate::inventory::Inventory).
    ///
    /// ```
    /// use interpersonal::id::EventId;
    /// let id: EventId = "e1".parse()?;
    /// assert_eq!(id.to_string(), "e1");
    /// # Ok::<(), interpersonal::id::IdError>(())
    /// ```
    EventId
);

id_type!(
    /// The id of a treatment [`Goal`](crate::goal::Goal).
    ///
    /// ```
    /// use interpersonal::id::GoalId;
    /// let id = GoalId::new("g-mourning")?;
    /// assert_eq!(id.as_str(), "g-mourning");
    /// # Ok::<(), interpersonal::id::IdError>(())
    /// ```
    GoalId
);

id_type!(
    /// The id of a member or a facilitator of a therapy
    /// [`Group`](crate::course::Group).
    ///
    /// ```
    /// use interpersonal::id::MemberId;
    /// let id = MemberId::new("m1")?;
    /// assert_eq!(id.as_str(), "m1");
    /// # Ok::<(), interpersonal::id::IdError>(())
    /// ```
    MemberId
);

id_type!(
    /// The id of a rule in a rule set, or of a rule set itself.
    ///
    /// ```
    /// use interpersonal::id::RuleId;
    /// let id = RuleId::new("grief.death_near_onset")?;
    /// assert_eq!(id.as_str(), "grief.death_near_onset");
    /// # Ok::<(), interpersonal::id::IdError>(())
    /// ```
    RuleId
);

id_type!(
    /// The id of an autobiographical episode in an MIT case
    /// ([`MitCase`](crate::mit::MitCase)): a schema names the episodes it was
    /// formulated from by these ids.
    ///
    /// ```
    /// use interpersonal::id::EpisodeId;
    /// let id = EpisodeId::new("ep-2025-11-party")?;
    /// assert_eq!(id.as_str(), "ep-2025-11-party");
    /// # Ok::<(), interpersonal::id::IdError>(())
    /// ```
    EpisodeId
);

id_type!(
    /// The id of a maladaptive interpersonal schema in an MIT case
    /// ([`InterpersonalSchema`](crate::mit::InterpersonalSchema)).
    ///
    /// ```
    /// use interpersonal::id::SchemaId;
    /// let id: SchemaId = "s1".parse()?;
    /// assert_eq!(id.to_string(), "s1");
    /// # Ok::<(), interpersonal::id::IdError>(())
    /// ```
    SchemaId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_form() {
        assert!(PersonId::new("p1").is_ok());
        assert!(PersonId::new("").is_err());
        assert!(PersonId::new("a b").is_err());
        assert!(PersonId::new("x".repeat(65)).is_err());
        assert!(PersonId::new("x".repeat(64)).is_ok());
        assert!(PersonId::new("é").is_err());
    }

    #[test]
    fn serde_checks_form() {
        assert!(serde_json::from_str::<PersonId>(r#""ok""#).is_ok());
        assert!(serde_json::from_str::<PersonId>(r#""not ok""#).is_err());
        let id = PersonId::new("p1").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), r#""p1""#);
    }
}
