//! One CDS Hooks card and its parts.

use std::fmt;

use serde::Serialize;

use crate::engine::Indicator;
use crate::source::Source;

/// The longest summary a card may have, in characters: the specification
/// asks for a summary of "<140" characters
/// (<https://cds-hooks.hl7.org/2.0/#card-attributes>).
///
/// ```
/// assert_eq!(interpersonal::cds_hooks::SUMMARY_MAX_CHARS, 139);
/// ```
pub const SUMMARY_MAX_CHARS: usize = 139;

/// A card's uuid, supplied by the caller: 32 lowercase hexadecimal digits in
/// the 8-4-4-4-12 form of RFC 9562 (`0b1d…-…`). The specification uses it to
/// tie feedback to the card.
///
/// ```
/// use interpersonal::cds_hooks::CardUuid;
/// let id = CardUuid::new("9b3b1f3e-2f5c-4e86-9a43-1c3d4e5f6a7b")?;
/// assert_eq!(id.as_str(), "9b3b1f3e-2f5c-4e86-9a43-1c3d4e5f6a7b");
/// assert!(CardUuid::new("not-a-uuid").is_err());
/// # Ok::<(), interpersonal::cds_hooks::CardUuidError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct CardUuid(String);

/// The text given for a [`CardUuid`] is not a lowercase 8-4-4-4-12 uuid.
///
/// ```
/// use interpersonal::cds_hooks::CardUuid;
/// let err = CardUuid::new("X").unwrap_err();
/// assert_eq!(err.to_string(), "invalid card uuid: expected 8-4-4-4-12 lowercase hexadecimal digits");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("invalid card uuid: expected 8-4-4-4-12 lowercase hexadecimal digits")]
pub struct CardUuidError;

impl CardUuid {
    /// Checks and keeps a uuid.
    ///
    /// # Errors
    ///
    /// [`CardUuidError`] when the text is not 8-4-4-4-12 lowercase
    /// hexadecimal digits.
    ///
    /// ```
    /// use interpersonal::cds_hooks::CardUuid;
    /// assert!(CardUuid::new("00000000-0000-0000-0000-000000000000").is_ok());
    /// assert!(CardUuid::new("ABCDEF00-0000-0000-0000-000000000000").is_err());
    /// ```
    pub fn new(uuid: impl Into<String>) -> Result<Self, CardUuidError> {
        let uuid = uuid.into();
        let groups: Vec<&str> = uuid.split('-').collect();
        let ok = groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
            && groups.iter().all(|g| {
                g.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            });
        if ok {
            Ok(CardUuid(uuid))
        } else {
            Err(CardUuidError)
        }
    }

    /// The uuid as text.
    ///
    /// ```
    /// use interpersonal::cds_hooks::CardUuid;
    /// let id = CardUuid::new("00000000-0000-0000-0000-000000000001")?;
    /// assert!(id.as_str().ends_with('1'));
    /// # Ok::<(), interpersonal::cds_hooks::CardUuidError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CardUuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A card's source: "the primary source of guidance for the decision
/// support" (CDS Hooks 2.0), a label and, when known, a URL.
///
/// ```
/// use interpersonal::{bibliography::Citation, cds_hooks::CardSource, source::{Basis, Source}};
/// let s = CardSource::from(&Source::from_cites([Citation::new(
///     "weissman-2018-guide",
///     "ch. 8",
///     Basis::Stated,
/// )]));
/// assert_eq!(s.label, "Weissman, Markowitz & Klerman 2018, ch. 8");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct CardSource {
    /// A short, human-readable label to display for the source.
    pub label: String,
    /// An absolute URL to read more about the source, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl From<&Source> for CardSource {
    fn from(source: &Source) -> Self {
        // The principal citation names the card's source; every citation's
        // label is listed, and the link goes to the principal work's primary
        // record (DOI, PubMed, PMC, WHO), never to a copy.
        let label = source
            .cites()
            .iter()
            .map(|c| c.label())
            .collect::<Vec<_>>()
            .join("; ");
        CardSource {
            label,
            url: source.cites().first().and_then(|c| c.link()),
        }
    }
}

/// One CDS Hooks 2.0 card; serialises to the card JSON of the specification
/// (`uuid`, `summary`, `detail`, `indicator`, `source`). Made by
/// [`cards`](super::cards()).
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{cds_hooks, date::EpisodeOnset, engine::Indicator, Engine, Inventory};
///
/// let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
/// let assessment = Engine::standard()?.evaluate(&inv);
/// let uuid = cds_hooks::CardUuid::new("00000000-0000-0000-0000-000000000000").unwrap();
/// let cards = cds_hooks::cards(&assessment, || uuid.clone());
/// let json = serde_json::to_value(&cards[0]).unwrap();
/// assert!(["info", "warning", "critical"].contains(&json["indicator"].as_str().unwrap()));
/// assert!(json["source"]["label"].is_string());
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct Card {
    /// The caller's uuid for the card.
    pub uuid: CardUuid,
    /// One line for the clinician, under 140 characters.
    pub summary: String,
    /// More, in GitHub Flavored Markdown.
    pub detail: String,
    /// How urgent the card is: `info`, `warning` or `critical`.
    pub indicator: Indicator,
    /// Where the guidance comes from.
    pub source: CardSource,
}
