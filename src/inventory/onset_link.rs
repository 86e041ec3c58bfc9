//! The clinician's judgement of whether something is linked to the onset of
//! the episode: linked, not linked, or not yet known.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::macros::vocabulary_enum;

vocabulary_enum! {
    /// Whether the clinician links an event, or what happened in a
    /// relationship (its conflict, its change, a death), to the onset or the
    /// persistence of the current episode.
    ///
    /// IPT links the focus to the interpersonal situation that goes with the
    /// onset of the episode, whichever way round (`markowitz-2016-ptsd` appendix: "the direction
    /// does not matter as much as the connection";
    /// `markowitz-weissman-2004-world-psychiatry`: the onset or persistence of the episode). Dates
    /// only stand in for the clinician's judgement: the engine reads [`OnsetLink::NotLinked`] as
    /// removing the item from every condition about the onset, whatever its date; it reads
    /// [`OnsetLink::Linked`] as stronger evidence than a date near the onset;
    /// only [`OnsetLink::Unknown`] falls back to the date windows, and the
    /// assessment then says the link was inferred from dates and asks.
    ///
    /// JSON: the field `linked_to_onset` holds `true` (linked), `false` (not
    /// linked) or is left out (unknown), so inventories written before this
    /// type existed read unchanged; here, for a lone value, `"linked"`,
    /// `"not_linked"` or `"unknown"`.
    ///
    /// ```
    /// use interpersonal::inventory::OnsetLink;
    /// assert_eq!(OnsetLink::default(), OnsetLink::Unknown);
    /// assert_eq!(OnsetLink::from(Some(false)), OnsetLink::NotLinked);
    /// assert_eq!(OnsetLink::Linked.as_bool(), Some(true));
    /// ```
    #[non_exhaustive]
    #[derive(Default)]
    pub enum OnsetLink {
        /// The clinician links it to the onset (or the persistence) of the
        /// episode.
        Linked,
        /// The clinician judges it not linked to the episode.
        NotLinked,
        /// Not asked or not known.
        #[default]
        Unknown,
    }
}

impl From<Option<bool>> for OnsetLink {
    fn from(value: Option<bool>) -> Self {
        match value {
            Some(true) => OnsetLink::Linked,
            Some(false) => OnsetLink::NotLinked,
            None => OnsetLink::Unknown,
        }
    }
}

impl OnsetLink {
    /// `Some(true)` when linked, `Some(false)` when not linked, `None` when
    /// unknown: the JSON value of a `linked_to_onset` field.
    ///
    /// ```
    /// use interpersonal::inventory::OnsetLink;
    /// assert_eq!(OnsetLink::Unknown.as_bool(), None);
    /// ```
    pub fn as_bool(self) -> Option<bool> {
        match self {
            OnsetLink::Linked => Some(true),
            OnsetLink::NotLinked => Some(false),
            OnsetLink::Unknown => None,
        }
    }

    /// Whether it is unknown: the default, left out of the JSON.
    ///
    /// ```
    /// use interpersonal::inventory::OnsetLink;
    /// assert!(OnsetLink::Unknown.is_unknown());
    /// ```
    pub fn is_unknown(&self) -> bool {
        *self == OnsetLink::Unknown
    }
}

/// Serde for a `linked_to_onset` field: `true`, `false`, or absent (with
/// `#[serde(default, skip_serializing_if = "OnsetLink::is_unknown")]`).
pub(crate) mod as_bool {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(link: &OnsetLink, s: S) -> Result<S::Ok, S::Error> {
        link.as_bool().serialize(s)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OnsetLink, D::Error> {
        Option::<bool>::deserialize(d).map(OnsetLink::from)
    }
}

vocabulary_enum! {
    /// How a piece of evidence came to be linked to the onset of the episode.
    ///
    /// JSON: `"stated"`, `"inferred_from_dates"`, `"none"`.
    ///
    /// ```
    /// use interpersonal::inventory::LinkBasis;
    /// assert!(LinkBasis::Stated > LinkBasis::InferredFromDates);
    /// assert!(LinkBasis::InferredFromDates > LinkBasis::None);
    /// assert_eq!(LinkBasis::InferredFromDates.to_string(), "inferred_from_dates");
    /// ```
    #[non_exhaustive]
    pub enum LinkBasis {
        /// No link: not linked by the clinician, or the link is unknown and the
        /// dates do not place it near the onset (or are not known).
        None,
        /// The link is unknown and was assumed from the dates (a date inside
        /// the onset window, a relationship that changed around the onset):
        /// the assessment asks the clinician to confirm it.
        InferredFromDates,
        /// The clinician stated the link.
        Stated,
    }
}

impl LinkBasis {
    /// Whether there is a link at all (stated or inferred).
    ///
    /// ```
    /// use interpersonal::inventory::LinkBasis;
    /// assert!(!LinkBasis::None.is_linked());
    /// ```
    pub fn is_linked(self) -> bool {
        self != LinkBasis::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Holder {
        #[serde(
            default,
            with = "as_bool",
            skip_serializing_if = "OnsetLink::is_unknown"
        )]
        linked_to_onset: OnsetLink,
    }

    #[test]
    fn reads_and_writes_the_old_boolean_field() {
        for (json, link) in [
            (r#"{"linked_to_onset":true}"#, OnsetLink::Linked),
            (r#"{"linked_to_onset":false}"#, OnsetLink::NotLinked),
            (r#"{}"#, OnsetLink::Unknown),
        ] {
            let h: Holder = serde_json::from_str(json).unwrap();
            assert_eq!(h.linked_to_onset, link);
            assert_eq!(serde_json::to_string(&h).unwrap(), json);
        }
        let null: Holder = serde_json::from_str(r#"{"linked_to_onset":null}"#).unwrap();
        assert_eq!(null.linked_to_onset, OnsetLink::Unknown);
    }
}
