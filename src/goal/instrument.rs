//! [`InstrumentId`]: the symptom rating instrument a goal is measured with.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The longest instrument id accepted, in bytes.
const MAX_INSTRUMENT_ID_LEN: usize = 32;

/// The id of a symptom rating instrument, such as the PHQ-9. Named constants
/// cover the instruments of ipt-domain.md §8; another instrument is any id of
/// 1 to 32 lowercase ASCII letters, digits, `_`, `-` and `.`.
///
/// JSON: the id as a string, `"phq9"`.
///
/// ```
/// use interpersonal::goal::InstrumentId;
///
/// assert_eq!(InstrumentId::PHQ9.as_str(), "phq9");
/// let custom: InstrumentId = "qids_sr16".parse()?;
/// assert_eq!(custom.to_string(), "qids_sr16");
/// assert!(InstrumentId::new("PHQ 9").is_err());
/// # Ok::<(), interpersonal::goal::InstrumentIdError>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct InstrumentId(Cow<'static, str>);

/// An instrument id that is empty, too long, or holds a character other than
/// lowercase ASCII letters, digits, `_`, `-` and `.`.
///
/// ```
/// use interpersonal::goal::InstrumentId;
/// let err = InstrumentId::new("Phq9").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "invalid instrument id: expected 1 to 32 lowercase ASCII letters, digits, '_', '-' or '.'",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[error("invalid instrument id: expected 1 to 32 lowercase ASCII letters, digits, '_', '-' or '.'")]
#[non_exhaustive]
pub struct InstrumentIdError;

impl InstrumentId {
    /// The PHQ-9 (Kroenke et al. 2001): nine self-rated items, total 0–27
    /// (ipt-domain.md §8.1).
    ///
    /// ```
    /// assert_eq!(interpersonal::goal::InstrumentId::PHQ9.as_str(), "phq9");
    /// ```
    pub const PHQ9: InstrumentId = InstrumentId(Cow::Borrowed("phq9"));

    /// The GAD-7 (Spitzer et al. 2006): seven self-rated items, total 0–21
    /// (ipt-domain.md §8.2).
    ///
    /// ```
    /// assert_eq!(interpersonal::goal::InstrumentId::GAD7.as_str(), "gad7");
    /// ```
    pub const GAD7: InstrumentId = InstrumentId(Cow::Borrowed("gad7"));

    /// The 17-item Hamilton Rating Scale for Depression (Hamilton 1960),
    /// clinician-rated, total 0–52 (ipt-domain.md §8.3).
    ///
    /// ```
    /// assert_eq!(interpersonal::goal::InstrumentId::HAMD17.as_str(), "hamd17");
    /// ```
    pub const HAMD17: InstrumentId = InstrumentId(Cow::Borrowed("hamd17"));

    /// Makes an instrument id, checking its form.
    ///
    /// # Errors
    ///
    /// Returns [`InstrumentIdError`] when the text is empty, longer than 32
    /// bytes, or holds a character other than lowercase ASCII letters,
    /// digits, `_`, `-` and `.`.
    ///
    /// ```
    /// use interpersonal::goal::InstrumentId;
    /// assert_eq!(InstrumentId::new("phq9")?, InstrumentId::PHQ9);
    /// # Ok::<(), interpersonal::goal::InstrumentIdError>(())
    /// ```
    pub fn new(id: impl Into<String>) -> Result<Self, InstrumentIdError> {
        let id = id.into();
        let ok = !id.is_empty()
            && id.len() <= MAX_INSTRUMENT_ID_LEN
            && id.bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'-' | b'.')
            });
        if ok {
            Ok(InstrumentId(Cow::Owned(id)))
        } else {
            Err(InstrumentIdError)
        }
    }

    /// The id as text.
    ///
    /// ```
    /// assert_eq!(interpersonal::goal::InstrumentId::GAD7.as_str(), "gad7");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for InstrumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "InstrumentId({:?})", self.as_str())
    }
}

impl fmt::Display for InstrumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for InstrumentId {
    type Err = InstrumentIdError;
    fn from_str(s: &str) -> Result<Self, InstrumentIdError> {
        InstrumentId::new(s)
    }
}

impl TryFrom<String> for InstrumentId {
    type Error = InstrumentIdError;
    fn try_from(value: String) -> Result<Self, InstrumentIdError> {
        InstrumentId::new(value)
    }
}

impl From<InstrumentId> for String {
    fn from(id: InstrumentId) -> String {
        id.0.into_owned()
    }
}
