//! A citation: which work, where in it, and how firmly it supports the claim.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::reference::Reference;
use crate::source::Basis;
use crate::text::SharedText;

/// A claim's citation: the key of a [`Reference`] in the bibliography, a
/// locator inside the work, and the [`Basis`] on which the claim rests.
///
/// The locator names the place in the work the way a reader would look for it:
/// a chapter (`"ch. 8"`), a section, a page (`"p. 45"`), a table, an appendix,
/// or a code in a classification (`"6B42"`). It is empty when the whole work
/// is cited.
///
/// In JSON a citation is an object with the reference's key under `"ref"`:
///
/// ```json
/// {"ref": "weissman-2018-guide", "locator": "ch. 8", "basis": "stated"}
/// ```
///
/// `locator` may be left out when reading (it is then empty) and is always
/// written. Unknown fields are rejected. Reading a citation does not check
/// that the key exists; [`Citation::reference`] looks it up, and a rule set
/// that cites an unknown key is rejected when it is compiled.
///
/// ```
/// use interpersonal::source::Basis;
/// use interpersonal::bibliography::Citation;
///
/// const DEFICITS: Citation = Citation::new("weissman-2018-guide", "ch. 8", Basis::Stated);
/// assert_eq!(DEFICITS.reference().unwrap().year, 2018);
/// assert_eq!(DEFICITS.to_string(), "Weissman, Markowitz & Klerman 2018, ch. 8");
///
/// let json = serde_json::to_string(&DEFICITS).unwrap();
/// assert_eq!(json, r#"{"ref":"weissman-2018-guide","locator":"ch. 8","basis":"stated"}"#);
/// assert_eq!(serde_json::from_str::<Citation>(&json).unwrap(), DEFICITS);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Citation {
    /// The key of the cited work in the bibliography.
    #[serde(rename = "ref")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::types::bibliography_key")
    )]
    pub(crate) key: SharedText,
    /// Where in the work ([`Citation::locator`]).
    #[serde(default)]
    pub(crate) locator: SharedText,
    /// How firmly the work supports the claim.
    pub basis: Basis,
}

impl Citation {
    /// The same citation, its texts kept for the rest of the process
    /// ([`Source::for_process`](crate::Source)).
    pub(crate) fn for_process(self) -> Citation {
        Citation {
            key: self.key.for_process(),
            locator: self.locator.for_process(),
            basis: self.basis,
        }
    }
}

impl Citation {
    /// A citation of the work with key `key` at `locator`.
    ///
    /// ```
    /// use interpersonal::source::Basis;
    /// use interpersonal::bibliography::Citation;
    ///
    /// const PHQ9_BANDS: Citation = Citation::new("kroenke-2001-phq9", "", Basis::Known);
    /// assert!(PHQ9_BANDS.locator().is_empty());
    /// ```
    pub const fn new(key: &'static str, locator: &'static str, basis: Basis) -> Self {
        Citation {
            key: SharedText::from_static(key),
            locator: SharedText::from_static(locator),
            basis,
        }
    }

    /// The key of the cited work in the bibliography.
    ///
    /// ```
    /// use interpersonal::{bibliography::Citation, source::Basis};
    /// let cite = Citation::new("weissman-2018-guide", "ch. 8", Basis::Stated);
    /// assert_eq!(cite.key(), "weissman-2018-guide");
    /// ```
    pub fn key(&self) -> &str {
        self.key.as_str()
    }

    /// Where in the work: chapter, section, page, table or code; empty for
    /// the whole work.
    ///
    /// ```
    /// use interpersonal::{bibliography::Citation, source::Basis};
    /// let cite = Citation::new("weissman-2018-guide", "ch. 8", Basis::Stated);
    /// assert_eq!(cite.locator(), "ch. 8");
    /// ```
    pub fn locator(&self) -> &str {
        self.locator.as_str()
    }

    /// The same citation at another locator, for a locator not known at
    /// compile time.
    ///
    /// ```
    /// use interpersonal::{bibliography::Citation, source::Basis};
    /// let chapter = format!("ch. {}", 8);
    /// let cite = Citation::new("weissman-2018-guide", "", Basis::Stated).with_locator(chapter);
    /// assert_eq!(cite.to_string(), "Weissman, Markowitz & Klerman 2018, ch. 8");
    /// ```
    #[must_use]
    pub fn with_locator(mut self, locator: impl Into<String>) -> Self {
        self.locator = SharedText::from(locator.into());
        self
    }

    /// The cited work, or `None` when the key is not in the bibliography.
    ///
    /// ```
    /// use interpersonal::source::Basis;
    /// use interpersonal::bibliography::Citation;
    ///
    /// let known = Citation::new("hamilton-1960-hamd", "", Basis::Known);
    /// assert_eq!(known.reference().unwrap().title, "A rating scale for depression");
    /// let unknown = Citation::new("no-such-work", "", Basis::Known);
    /// assert!(unknown.reference().is_none());
    /// ```
    pub fn reference(&self) -> Option<&'static Reference> {
        super::get(&self.key)
    }

    /// A link to the cited work's primary record
    /// ([`Reference::primary_url`]): its DOI, PubMed Central or PubMed
    /// record, or WHO IRIS; `None` when the work has none or the key is
    /// unknown. Never a link to a copy.
    ///
    /// ```
    /// use interpersonal::source::Basis;
    /// use interpersonal::bibliography::Citation;
    ///
    /// let mw = Citation::new("markowitz-weissman-2004-world-psychiatry", "", Basis::Stated);
    /// assert_eq!(mw.link().as_deref(), Some("https://pubmed.ncbi.nlm.nih.gov/16633477/"));
    /// let book = Citation::new("klerman-1984-ipt-depression", "", Basis::Known);
    /// assert_eq!(book.link(), None);
    /// ```
    pub fn link(&self) -> Option<String> {
        self.reference().and_then(Reference::primary_url)
    }

    /// The author-year label of the cited work with the locator after it
    /// (`"Weissman, Markowitz & Klerman 2018, ch. 8"`); an unknown key is
    /// shown as it is.
    ///
    /// ```
    /// use interpersonal::source::Basis;
    /// use interpersonal::bibliography::Citation;
    ///
    /// let c = Citation::new("markowitz-2016-ptsd", "appendix (Pocket Guide), p. 45", Basis::Stated);
    /// assert_eq!(c.label(), "Markowitz 2016, appendix (Pocket Guide), p. 45");
    /// ```
    pub fn label(&self) -> String {
        let work = match self.reference() {
            Some(reference) => reference.short_label(),
            None => self.key.to_string(),
        };
        if self.locator.is_empty() {
            work
        } else {
            format!("{work}, {}", self.locator)
        }
    }
}

/// Writes [`Citation::label`]; the basis is not part of the text.
impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locator_defaults_to_empty_when_read() {
        let c: Citation =
            serde_json::from_str(r#"{"ref":"hamilton-1960-hamd","basis":"known"}"#).unwrap();
        assert_eq!(c, Citation::new("hamilton-1960-hamd", "", Basis::Known));
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"ref":"hamilton-1960-hamd","locator":"","basis":"known"}"#
        );
    }

    #[test]
    fn unknown_fields_and_bad_basis_are_rejected() {
        let extra = serde_json::from_str::<Citation>(
            r#"{"ref":"hamilton-1960-hamd","basis":"known","url":"https://example.org"}"#,
        );
        assert!(
            extra
                .unwrap_err()
                .to_string()
                .contains("unknown field `url`")
        );
        let basis = serde_json::from_str::<Citation>(r#"{"ref":"x","basis":"certain"}"#);
        assert!(basis.is_err());
        let no_ref = serde_json::from_str::<Citation>(r#"{"basis":"known"}"#);
        assert!(
            no_ref
                .unwrap_err()
                .to_string()
                .contains("missing field `ref`")
        );
    }

    #[test]
    fn labels_unknown_keys_verbatim() {
        let c = Citation::new("not-a-key", "p. 3", Basis::Inferred);
        assert_eq!(c.to_string(), "not-a-key, p. 3");
    }

    #[test]
    fn citations_read_from_json_share_their_text() {
        let c: Citation = serde_json::from_str(
            r#"{"ref":"kroenke-2001-phq9","locator":"table 3","basis":"stated"}"#,
        )
        .unwrap();
        let copy = c.clone();
        assert_eq!(copy.locator, "table 3");
        assert_eq!(copy.reference().unwrap().key, "kroenke-2001-phq9");
    }
}
