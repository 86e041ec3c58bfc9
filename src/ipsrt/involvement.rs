//! Who was involved in an activity of the Social Rhythm Metric diary.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How far other people were involved in an activity, the 0 to 3 code of the
/// Social Rhythm Metric form: 0 alone, 1 others present, 2 others actively
/// involved, 3 others very stimulating.
///
/// The codes and their meanings are \[K\]: standard on the SRM form (Monk et
/// al. 1990) but not re-read for this crate. Some adaptations ask instead
/// *which* people were involved (partner, children, friends...); this crate
/// models the 0 to 3 code only. Scoring does not use it: the SRM score and
/// the Activity Level Index are computed from the times alone.
///
/// JSON: the number, `0` to `3`.
///
/// ```
/// use interpersonal::ipsrt::Involvement;
///
/// let code = Involvement::new(2)?;
/// assert_eq!(code, Involvement::ACTIVELY_INVOLVED);
/// assert_eq!(code.value(), 2);
/// assert!(Involvement::new(4).is_err());
/// assert!(serde_json::from_str::<Involvement>("4").is_err());
/// # Ok::<(), interpersonal::ipsrt::InvolvementError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Involvement(u8);

impl Involvement {
    /// 0: the patient was alone.
    ///
    /// ```
    /// use interpersonal::ipsrt::Involvement;
    /// assert_eq!(Involvement::ALONE.value(), 0);
    /// ```
    pub const ALONE: Involvement = Involvement(0);
    /// 1: others were present.
    ///
    /// ```
    /// use interpersonal::ipsrt::Involvement;
    /// assert_eq!(Involvement::OTHERS_PRESENT.value(), 1);
    /// ```
    pub const OTHERS_PRESENT: Involvement = Involvement(1);
    /// 2: others were actively involved.
    ///
    /// ```
    /// use interpersonal::ipsrt::Involvement;
    /// assert_eq!(Involvement::ACTIVELY_INVOLVED.value(), 2);
    /// ```
    pub const ACTIVELY_INVOLVED: Involvement = Involvement(2);
    /// 3: others were very stimulating.
    ///
    /// ```
    /// use interpersonal::ipsrt::Involvement;
    /// assert_eq!(Involvement::VERY_STIMULATING.value(), 3);
    /// ```
    pub const VERY_STIMULATING: Involvement = Involvement(3);

    /// The code `value`.
    ///
    /// ```
    /// use interpersonal::ipsrt::Involvement;
    /// assert_eq!(Involvement::new(0), Ok(Involvement::ALONE));
    /// ```
    ///
    /// # Errors
    ///
    /// [`InvolvementError`] when `value` is above 3.
    pub const fn new(value: u8) -> Result<Self, InvolvementError> {
        if value <= 3 {
            Ok(Involvement(value))
        } else {
            Err(InvolvementError { found: value })
        }
    }

    /// The code, 0 to 3.
    ///
    /// ```
    /// assert_eq!(interpersonal::ipsrt::Involvement::VERY_STIMULATING.value(), 3);
    /// ```
    pub const fn value(self) -> u8 {
        self.0
    }

    /// What the code means, as the form words it (a paraphrase).
    ///
    /// ```
    /// use interpersonal::ipsrt::Involvement;
    /// assert_eq!(Involvement::ALONE.meaning(), "alone");
    /// ```
    pub const fn meaning(self) -> &'static str {
        match self.0 {
            0 => "alone",
            1 => "others present",
            2 => "others actively involved",
            _ => "others very stimulating",
        }
    }
}

impl fmt::Display for Involvement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.0, self.meaning())
    }
}

/// An involvement code above 3.
///
/// ```
/// use interpersonal::ipsrt::Involvement;
/// let err = Involvement::new(7).unwrap_err();
/// assert_eq!(err.to_string(), "expected an involvement code from 0 to 3; found 7");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("expected an involvement code from 0 to 3; found {found}")]
pub struct InvolvementError {
    /// The code given.
    pub found: u8,
}

impl TryFrom<u8> for Involvement {
    type Error = InvolvementError;
    fn try_from(value: u8) -> Result<Self, InvolvementError> {
        Involvement::new(value)
    }
}

impl From<Involvement> for u8 {
    fn from(code: Involvement) -> u8 {
        code.0
    }
}
