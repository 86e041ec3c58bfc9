//! [`GoalRating`]: a goal rated on a 0 to 10 scale.

use serde::{Deserialize, Serialize};

/// A rating on a 0–10 scale, as a goal's target or a progress value: how
/// close the patient feels to a sister, how confident in speaking up. The
/// scale is the crate's choice for goals rated by the patient \[I\]; IPT-A's
/// session mood rating, for comparison, runs 1–10 [S: `markowitz-weissman-2012-casebook` ch. 12].
///
/// JSON: the number, `7`.
///
/// ```
/// use interpersonal::goal::GoalRating;
///
/// let r = GoalRating::new(7)?;
/// assert_eq!(r.get(), 7);
/// assert!(GoalRating::new(11).is_err());
/// assert!(serde_json::from_str::<GoalRating>("11").is_err());
/// # Ok::<(), interpersonal::goal::GoalRatingError>(())
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(try_from = "u16", into = "u16")]
pub struct GoalRating(u8);

/// A rating outside 0–10.
///
/// ```
/// use interpersonal::goal::GoalRating;
/// let err = GoalRating::new(12).unwrap_err();
/// assert_eq!(err.to_string(), "invalid rating 12: expected a whole number from 0 to 10");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[error("invalid rating {value}: expected a whole number from 0 to 10")]
#[non_exhaustive]
pub struct GoalRatingError {
    /// The rating given.
    pub value: u16,
}

impl GoalRating {
    /// The lowest rating, 0.
    ///
    /// ```
    /// assert_eq!(interpersonal::goal::GoalRating::MIN.get(), 0);
    /// ```
    pub const MIN: GoalRating = GoalRating(0);

    /// The highest rating, 10.
    ///
    /// ```
    /// assert_eq!(interpersonal::goal::GoalRating::MAX.get(), 10);
    /// ```
    pub const MAX: GoalRating = GoalRating(10);

    /// A rating, checked to be 0–10.
    ///
    /// # Errors
    ///
    /// Returns [`GoalRatingError`] for a value above 10.
    ///
    /// ```
    /// use interpersonal::goal::GoalRating;
    /// assert_eq!(GoalRating::new(10)?, GoalRating::MAX);
    /// # Ok::<(), interpersonal::goal::GoalRatingError>(())
    /// ```
    pub const fn new(value: u8) -> Result<Self, GoalRatingError> {
        if value <= 10 {
            Ok(GoalRating(value))
        } else {
            Err(GoalRatingError {
                value: value as u16,
            })
        }
    }

    /// The rating as a number.
    ///
    /// ```
    /// assert_eq!(interpersonal::goal::GoalRating::new(3).unwrap().get(), 3);
    /// ```
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u16> for GoalRating {
    type Error = GoalRatingError;
    fn try_from(value: u16) -> Result<Self, GoalRatingError> {
        match u8::try_from(value) {
            Ok(v) if v <= 10 => Ok(GoalRating(v)),
            _ => Err(GoalRatingError { value }),
        }
    }
}

impl From<GoalRating> for u16 {
    fn from(r: GoalRating) -> u16 {
        u16::from(r.0)
    }
}
