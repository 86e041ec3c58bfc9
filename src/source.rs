//! Where a piece of clinical knowledge comes from.

use crate::macros::vocabulary_enum;
use serde::{Deserialize, Serialize};

use crate::text::SharedText;

vocabulary_enum! {
    /// How firmly a source supports a statement, using the markers of the crate's
    /// clinical basis (CLINICAL-BASIS.md).
    ///
    /// ```
    /// use interpersonal::source::Basis;
    /// assert_eq!(Basis::Stated.to_string(), "stated");
    /// assert_eq!("inferred".parse::<Basis>().unwrap(), Basis::Inferred);
    /// ```
    #[non_exhaustive]
    pub enum Basis {
        /// `[S]`: stated in a source that was read for the reference.
        Stated,
        /// `[K]`: standard content from the cited literature whose exact passage
        /// was not re-read; very likely right, to be verified against the book.
        Known,
        /// `[I]`: an inference or design choice of the reference, not a claim of
        /// any source.
        Inferred,
    }
}

/// A citation: a short label naming the source (the short names of
/// CLINICAL-BASIS.md §0, with a chapter or section), an optional address, and the
/// [`Basis`] on which the statement rests.
///
/// Catalogue entries use static text; sources read from a JSON rule set share
/// theirs ([`SharedText`]), so cloning a source never copies its text.
///
/// ```
/// use interpersonal::{source::Basis, source::Source};
///
/// const GUIDE: Source = Source::new("Guide-2018, ch. Role Disputes", Basis::Stated);
/// assert_eq!(GUIDE.label, "Guide-2018, ch. Role Disputes");
/// assert!(GUIDE.url.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The source's short name and locator, e.g. `"Guide-2018, ch. 8"`.
    pub label: SharedText,
    /// A public address for the source or an excerpt, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<SharedText>,
    /// How firmly the source supports the statement.
    pub basis: Basis,
}

impl Source {
    /// A source with no address.
    ///
    /// ```
    /// use interpersonal::{source::Basis, source::Source};
    /// let s = Source::new("Comprehensive-2000", Basis::Known);
    /// assert_eq!(s.basis, Basis::Known);
    /// ```
    pub const fn new(label: &'static str, basis: Basis) -> Self {
        Source {
            label: SharedText::from_static(label),
            url: None,
            basis,
        }
    }

    /// A source with an address.
    ///
    /// ```
    /// use interpersonal::{source::Basis, source::Source};
    /// let s = Source::with_url("MW-2004", "https://example.org/mw", Basis::Stated);
    /// assert_eq!(s.url.as_deref(), Some("https://example.org/mw"));
    /// ```
    pub const fn with_url(label: &'static str, url: &'static str, basis: Basis) -> Self {
        Source {
            label: SharedText::from_static(label),
            url: Some(SharedText::from_static(url)),
            basis,
        }
    }
}
