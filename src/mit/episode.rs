//! An autobiographical episode: the material MIT formulates schemas from.

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;
use crate::error::Error;
use crate::id::EpisodeId;
use crate::sensitive::Sensitive;

/// A concrete autobiographical episode the patient told: when it happened and
/// the patient's account of it.
///
/// MIT builds its formulation from specific episodes rather than from general
/// statements about oneself: the therapist asks for a particular moment, with
/// who was there, what the patient wanted, felt and did, and what the other
/// did (CLINICAL-BASIS.md §7.2 [S: Dimaggio et al. 2015, ch. "Shared
/// Formulation of Functioning", abstract]). A schema names the episodes it
/// was reconstructed from by their ids.
///
/// The account is patient text: [`Sensitive`], never in `Debug` output or an
/// error. [`MitCase::validate`](crate::mit::MitCase::validate) refuses an
/// account that is blank or holds a line break or control character.
///
/// ```
/// use interpersonal::mit::AutobiographicalEpisode;
///
/// let e = AutobiographicalEpisode::new("party", "2025-11", "At my sister's party nobody asked me anything")?;
/// assert_eq!(e.id.as_str(), "party");
/// assert_eq!(e.date.to_string(), "2025-11");
/// assert!(!format!("{e:?}").contains("sister"));
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AutobiographicalEpisode {
    /// The episode's id.
    pub id: EpisodeId,
    /// When it happened, to the day or the month.
    pub date: PartialDate,
    /// The patient's account of the episode.
    pub account: Sensitive<String>,
}

impl AutobiographicalEpisode {
    /// An episode with an id, a date (`YYYY-MM-DD` or `YYYY-MM`) and the
    /// patient's account.
    ///
    /// # Errors
    ///
    /// An [`Error`] of kind [`Id`](crate::error::ErrorKind::Id) or
    /// [`Date`](crate::error::ErrorKind::Date) when the id or the date is not
    /// well formed. The account is checked by
    /// [`MitCase::validate`](crate::mit::MitCase::validate).
    ///
    /// ```
    /// use interpersonal::mit::AutobiographicalEpisode;
    /// assert!(AutobiographicalEpisode::new("e1", "2026-01-05", "…").is_ok());
    /// assert!(AutobiographicalEpisode::new("e 1", "2026-01-05", "…").is_err());
    /// assert!(AutobiographicalEpisode::new("e1", "last spring", "…").is_err());
    /// ```
    pub fn new(id: &str, date: &str, account: impl Into<String>) -> Result<Self, Error> {
        Ok(AutobiographicalEpisode {
            id: EpisodeId::new(id)?,
            date: date.parse()?,
            account: Sensitive::new(account.into()),
        })
    }
}
