//! Where a piece of clinical knowledge comes from: one or more citations of
//! works in the crate's [`bibliography`](crate::bibliography).

use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::bibliography::Citation;
use crate::macros::vocabulary_enum;

vocabulary_enum! {
    /// How firmly a source supports a statement.
    ///
    /// Values are ordered from the firmest to the weakest: `Stated < Known <
    /// Inferred`. Material of unknown authorship (study notes, slide decks,
    /// unattributed web pages) is not in the bibliography, so it can never be
    /// the support of a `stated` claim.
    ///
    /// ```
    /// use interpersonal::source::Basis;
    /// assert_eq!(Basis::Stated.to_string(), "stated");
    /// assert_eq!("inferred".parse::<Basis>().unwrap(), Basis::Inferred);
    /// assert!(Basis::Stated < Basis::Known && Basis::Known < Basis::Inferred);
    /// ```
    #[non_exhaustive]
    pub enum Basis {
        /// Stated in the cited work, in a passage that was read.
        Stated,
        /// Standard content of the cited work whose exact passage was not
        /// re-read; very likely right, to be verified against the work.
        Known,
        /// An inference or design choice of this crate, resting on the cited
        /// work but not a claim of it.
        Inferred,
    }
}

/// Where a statement comes from: one or more [`Citation`]s of works in the
/// [`bibliography`](crate::bibliography), the principal one first, each with
/// a locator and the [`Basis`] on which that work supports the statement.
///
/// The basis of the whole statement, [`Source::basis`], is the firmest basis
/// among its citations. A source holds no address: a citation's link is
/// derived from its work's primary record ([`Citation::link`]).
///
/// # JSON
///
/// An object with the citations under `"cites"`; each citation names its
/// work by key under `"ref"` (see [`Citation`]):
///
/// ```json
/// {"cites": [{"ref": "weissman-2018-guide", "locator": "ch. \"Role Disputes\"", "basis": "stated"}]}
/// ```
///
/// Unknown fields are rejected. Reading a source checks its shape only; a
/// rule set whose source has no citation or cites a key that is not in the
/// bibliography is refused by [`Engine::compile`](crate::engine::Engine::compile),
/// at the citation's JSON path. In an [`Assessment`](crate::engine::Assessment)
/// each citation also carries its author-year `"label"` and, when its work has
/// a primary record, a `"link"` to it.
///
/// # Building one
///
/// The crate's tables build sources in `const`s from static citations, with
/// no allocation; a source read from JSON shares its citations, so cloning a
/// source never copies them.
///
/// ```
/// use interpersonal::bibliography::Citation;
/// use interpersonal::source::{Basis, Source};
///
/// const GUIDE_DISPUTES: Citation =
///     Citation::new("weissman-2018-guide", "ch. \"Role Disputes\"", Basis::Stated);
/// const CITES: &[Citation; 2] = &[
///     GUIDE_DISPUTES,
///     Citation::new("weissman-2000-comprehensive-guide", "", Basis::Known),
/// ];
/// const SOURCE: Source = Source::new(CITES);
/// assert_eq!(SOURCE.cites().len(), 2);
/// assert_eq!(SOURCE.basis(), Basis::Stated);
/// assert_eq!(
///     SOURCE.to_string(),
///     "Weissman, Markowitz & Klerman 2018, ch. \"Role Disputes\"; Weissman, Markowitz & Klerman 2000",
/// );
/// let json = serde_json::to_string(&SOURCE)?;
/// assert!(json.starts_with(r#"{"cites":[{"ref":"weissman-2018-guide""#));
/// assert_eq!(serde_json::from_str::<Source>(&json)?, SOURCE);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone)]
pub struct Source(Cites);

#[derive(Clone)]
enum Cites {
    Static(&'static [Citation]),
    Shared(Arc<[Citation]>),
}

impl Source {
    /// A source citing the works in `cites`, principal first; usable in
    /// `const`s. An empty list does not compile.
    ///
    /// A [`Citation`] holds shared text, so a list of citations is made
    /// `'static` by naming it in a `const` of its own:
    ///
    /// ```
    /// use interpersonal::bibliography::Citation;
    /// use interpersonal::source::{Basis, Source};
    ///
    /// const PHQ9_CITES: &[Citation; 1] = &[Citation::new("kroenke-2001-phq9", "", Basis::Known)];
    /// const PHQ9: Source = Source::new(PHQ9_CITES);
    /// assert_eq!(PHQ9.basis(), Basis::Known);
    /// ```
    ///
    /// ```compile_fail
    /// use interpersonal::bibliography::Citation;
    /// use interpersonal::source::Source;
    /// const NONE: &[Citation; 0] = &[];
    /// const SOURCE: Source = Source::new(NONE);
    /// ```
    pub const fn new<const N: usize>(cites: &'static [Citation; N]) -> Self {
        const { assert!(N > 0, "a source cites at least one work") };
        Source(Cites::Static(cites))
    }

    /// A source citing a static list, for the crate's own tables; the
    /// `source!` macro calls it with a list that is never empty.
    pub(crate) const fn from_static(cites: &'static [Citation]) -> Self {
        Source(Cites::Static(cites))
    }

    /// A source citing the given works, principal first, for sources built
    /// at run time. The list may be empty here; a rule whose source cites
    /// nothing is refused when its rule set is compiled.
    ///
    /// ```
    /// use interpersonal::bibliography::Citation;
    /// use interpersonal::source::{Basis, Source};
    ///
    /// let source = Source::from_cites([Citation::new("spitzer-2006-gad7", "Results", Basis::Known)]);
    /// assert_eq!(source.to_string(), "Spitzer et al. 2006, Results");
    /// ```
    pub fn from_cites(cites: impl IntoIterator<Item = Citation>) -> Self {
        Source(Cites::Shared(cites.into_iter().collect()))
    }

    /// The same source, kept for the rest of the process, as
    /// [`SharedText::for_process`](crate::text::SharedText::for_process)
    /// keeps a text: only for the rules of the engines compiled once per
    /// process.
    pub(crate) fn for_process(self) -> Source {
        match self.0 {
            Cites::Shared(cites) => Source(Cites::Static(Box::leak(
                cites.iter().cloned().map(Citation::for_process).collect(),
            ))),
            cites => Source(cites),
        }
    }

    /// The citations, principal first.
    ///
    /// ```
    /// use interpersonal::ProblemArea;
    /// let source = ProblemArea::RoleDispute.source();
    /// assert_eq!(source.cites()[0].key(), "markowitz-weissman-2012-casebook");
    /// ```
    pub fn cites(&self) -> &[Citation] {
        match &self.0 {
            Cites::Static(cites) => cites,
            Cites::Shared(cites) => cites,
        }
    }

    /// The basis of the whole statement: the firmest among its citations
    /// ([`Basis::Inferred`] for a source that cites nothing).
    ///
    /// ```
    /// use interpersonal::bibliography::Citation;
    /// use interpersonal::source::{Basis, Source};
    ///
    /// let source = Source::from_cites([
    ///     Citation::new("weissman-2000-comprehensive-guide", "", Basis::Known),
    ///     Citation::new("markowitz-2016-ptsd", "appendix", Basis::Stated),
    /// ]);
    /// assert_eq!(source.basis(), Basis::Stated);
    /// assert_eq!(Source::from_cites([]).basis(), Basis::Inferred);
    /// ```
    pub fn basis(&self) -> Basis {
        self.cites()
            .iter()
            .map(|c| c.basis)
            .min()
            .unwrap_or(Basis::Inferred)
    }

    /// Whether the source cites the work with key `key`.
    ///
    /// ```
    /// use interpersonal::ProblemArea;
    /// assert!(ProblemArea::Grief.source().cites_work("law-2012-complicated-grief"));
    /// ```
    pub fn cites_work(&self, key: &str) -> bool {
        self.cites().iter().any(|c| c.key == key)
    }

    /// The keys cited that are not in the bibliography, with their
    /// positions in [`Source::cites`].
    pub(crate) fn unknown_keys(&self) -> impl Iterator<Item = (usize, &Citation)> + '_ {
        self.cites()
            .iter()
            .enumerate()
            .filter(|(_, c)| c.reference().is_none())
    }
}

/// Writes the citations' author-year labels with their locators, separated
/// by `"; "` ([`Citation::label`]).
impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, cite) in self.cites().iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            f.write_str(&cite.label())?;
        }
        Ok(())
    }
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Source")
            .field("cites", &self.cites())
            .finish()
    }
}

impl PartialEq for Source {
    fn eq(&self, other: &Self) -> bool {
        self.cites() == other.cites()
    }
}

impl Eq for Source {}

impl Hash for Source {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.cites().hash(state);
    }
}

#[derive(Serialize)]
struct SourceOut<'a> {
    cites: &'a [Citation],
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceIn {
    cites: Vec<Citation>,
}

impl Serialize for Source {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        SourceOut {
            cites: self.cites(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let read = SourceIn::deserialize(deserializer)?;
        Ok(Source::from_cites(read.cites))
    }
}

/// The form of a source in reports: each citation with its author-year label
/// and, when its work has one, a link to the work's primary record. Used
/// with `#[serde(with = "crate::source::shown")]`; reading accepts the label
/// and link and ignores them, as both follow from the key.
pub(crate) mod shown {
    use super::{Citation, Source};
    use crate::source::Basis;
    use crate::text::SharedText;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize)]
    struct Out<'a> {
        cites: Vec<CiteOut<'a>>,
    }

    #[derive(Serialize)]
    struct CiteOut<'a> {
        #[serde(rename = "ref")]
        key: &'a str,
        locator: &'a str,
        basis: Basis,
        label: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        link: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct In {
        cites: Vec<CiteIn>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct CiteIn {
        #[serde(rename = "ref")]
        key: SharedText,
        #[serde(default)]
        locator: SharedText,
        basis: Basis,
        #[serde(default, rename = "label")]
        _label: Option<String>,
        #[serde(default, rename = "link")]
        _link: Option<String>,
    }

    pub(crate) fn serialize<S: Serializer>(
        source: &Source,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        Out {
            cites: source
                .cites()
                .iter()
                .map(|c| CiteOut {
                    key: &c.key,
                    locator: &c.locator,
                    basis: c.basis,
                    label: c.label(),
                    link: c.link(),
                })
                .collect(),
        }
        .serialize(serializer)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Source, D::Error> {
        let read = In::deserialize(deserializer)?;
        Ok(Source::from_cites(read.cites.into_iter().map(|c| {
            Citation {
                key: c.key,
                locator: c.locator,
                basis: c.basis,
            }
        })))
    }
}

impl Source {
    /// Whether the citations are static (no reference counting on clone).
    #[cfg(test)]
    pub(crate) fn is_static(&self) -> bool {
        matches!(self.0, Cites::Static(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GUIDE: Citation = Citation::new("weissman-2018-guide", "ch. 8", Basis::Stated);

    #[test]
    fn const_and_read_sources_are_equal_and_hash_alike() {
        use std::collections::hash_map::DefaultHasher;
        const S: Source = crate::macros::source![GUIDE];
        let read: Source = serde_json::from_str(
            r#"{"cites":[{"ref":"weissman-2018-guide","locator":"ch. 8","basis":"stated"}]}"#,
        )
        .unwrap();
        assert_eq!(S, read);
        let hash = |s: &Source| {
            let mut h = DefaultHasher::new();
            s.hash(&mut h);
            h.finish()
        };
        assert_eq!(hash(&S), hash(&read));
        assert_eq!(format!("{S:?}"), format!("{read:?}"));
    }

    #[test]
    fn old_shape_and_unknown_fields_are_refused() {
        for bad in [
            r#"{"label":"Guide-2018","basis":"stated"}"#,
            r#"{"cites":[],"url":"https://example.org"}"#,
            r#"[{"ref":"weissman-2018-guide","basis":"stated"}]"#,
        ] {
            assert!(serde_json::from_str::<Source>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_shown_form_adds_labels_and_links_and_reads_back() {
        #[derive(Serialize, Deserialize, PartialEq, Debug)]
        struct Holder {
            #[serde(with = "shown")]
            source: Source,
        }
        let held = Holder {
            source: Source::from_cites([
                Citation::new(
                    "markowitz-weissman-2004-world-psychiatry",
                    "",
                    Basis::Stated,
                ),
                Citation::new("klerman-1984-ipt-depression", "", Basis::Known),
            ]),
        };
        let json = serde_json::to_string(&held).unwrap();
        assert_eq!(
            json,
            r#"{"source":{"cites":[{"ref":"markowitz-weissman-2004-world-psychiatry","locator":"","basis":"stated","label":"Markowitz & Weissman 2004","link":"https://pubmed.ncbi.nlm.nih.gov/16633477/"},{"ref":"klerman-1984-ipt-depression","locator":"","basis":"known","label":"Klerman et al. 1984"}]}}"#
        );
        assert_eq!(serde_json::from_str::<Holder>(&json).unwrap(), held);
        let plain =
            r#"{"source":{"cites":[{"ref":"klerman-1984-ipt-depression","basis":"known"}]}}"#;
        assert!(serde_json::from_str::<Holder>(plain).is_ok());
        let extra = r#"{"source":{"cites":[{"ref":"x","basis":"known","url":"u"}]}}"#;
        assert!(serde_json::from_str::<Holder>(extra).is_err());
    }

    #[test]
    fn unknown_keys_are_found_by_position() {
        let s = Source::from_cites([GUIDE, Citation::new("no-such-work", "", Basis::Known)]);
        let unknown: Vec<usize> = s.unknown_keys().map(|(i, _)| i).collect();
        assert_eq!(unknown, [1]);
    }
}
