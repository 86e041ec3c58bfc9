//! The daily mood rating of an IPSRT diary.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A day's mood rated from -5 (very depressed) through 0 (balanced) to +5
/// (very elated), as IPSRT forms carry beside the Social Rhythm Metric (Frank
/// 2005 \[K\]: the scale is standard in IPSRT materials but was not re-read for
/// this crate).
///
/// JSON: the number, `-5` to `5`.
///
/// ```
/// use interpersonal::ipsrt::MoodRating;
///
/// let mood = MoodRating::new(-2)?;
/// assert_eq!(mood.value(), -2);
/// assert!(MoodRating::new(6).is_err());
/// assert!(serde_json::from_str::<MoodRating>("-6").is_err());
/// # Ok::<(), interpersonal::ipsrt::MoodRatingError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i8", into = "i8")]
pub struct MoodRating(i8);

impl MoodRating {
    /// The lowest rating, -5: very depressed.
    ///
    /// ```
    /// use interpersonal::ipsrt::MoodRating;
    /// assert_eq!(MoodRating::MOST_DEPRESSED.value(), -5);
    /// ```
    pub const MOST_DEPRESSED: MoodRating = MoodRating(-5);
    /// The middle rating, 0.
    ///
    /// ```
    /// use interpersonal::ipsrt::MoodRating;
    /// assert_eq!(MoodRating::BALANCED.value(), 0);
    /// ```
    pub const BALANCED: MoodRating = MoodRating(0);
    /// The highest rating, +5: very elated.
    ///
    /// ```
    /// use interpersonal::ipsrt::MoodRating;
    /// assert_eq!(MoodRating::MOST_ELATED.value(), 5);
    /// ```
    pub const MOST_ELATED: MoodRating = MoodRating(5);

    /// The rating `value`.
    ///
    /// ```
    /// use interpersonal::ipsrt::MoodRating;
    /// assert_eq!(MoodRating::new(5), Ok(MoodRating::MOST_ELATED));
    /// ```
    ///
    /// # Errors
    ///
    /// [`MoodRatingError`] unless `value` is -5 to 5.
    pub const fn new(value: i8) -> Result<Self, MoodRatingError> {
        if value >= -5 && value <= 5 {
            Ok(MoodRating(value))
        } else {
            Err(MoodRatingError { found: value })
        }
    }

    /// The rating, -5 to 5.
    ///
    /// ```
    /// assert_eq!(interpersonal::ipsrt::MoodRating::BALANCED.value(), 0);
    /// ```
    pub const fn value(self) -> i8 {
        self.0
    }
}

impl fmt::Display for MoodRating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:+}", self.0)
    }
}

/// A mood rating outside -5 to 5.
///
/// ```
/// use interpersonal::ipsrt::MoodRating;
/// let err = MoodRating::new(-9).unwrap_err();
/// assert_eq!(err.to_string(), "expected a mood rating from -5 to 5; found -9");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("expected a mood rating from -5 to 5; found {found}")]
pub struct MoodRatingError {
    /// The rating given.
    pub found: i8,
}

impl TryFrom<i8> for MoodRating {
    type Error = MoodRatingError;
    fn try_from(value: i8) -> Result<Self, MoodRatingError> {
        MoodRating::new(value)
    }
}

impl From<MoodRating> for i8 {
    fn from(rating: MoodRating) -> i8 {
        rating.0
    }
}
