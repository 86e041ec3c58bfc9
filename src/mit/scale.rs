//! The scale metacognitive ratings are given on.

use serde::{Deserialize, Serialize};

use crate::error::{JsonPath, Problems};

/// The ordinal scale a [`MetacognitiveProfile`](crate::mit::MetacognitiveProfile)
/// is rated on: whole numbers from `min` (the function is absent or very
/// poor) to `max` (it is fully present), higher being better.
///
/// **The crate does not fix the scale, and its default is its own (I).** The
/// Metacognition Assessment Scale (Semerari et al. 2003) rates the functions
/// from transcripts of sessions; its later revisions, the interview (MAI) and
/// the self-report (MSAS) built on it rate them in other ways, and the crate
/// did not read the scoring of any of them at its source. So the profile
/// records the range of the instrument the clinician uses, and
/// [`RatingScale::ONE_TO_FIVE`] is only a default for a clinician's own
/// rating. Ratings on different scales are not comparable, and the trend
/// compares ratings of one profile only.
///
/// ```
/// use interpersonal::mit::RatingScale;
/// let scale = RatingScale::new(0, 9)?;
/// assert!(scale.contains(9) && !scale.contains(10));
/// assert!(RatingScale::new(3, 3).is_err());
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RatingScale {
    /// The lowest rating.
    pub min: u8,
    /// The highest rating; greater than `min`.
    pub max: u8,
}

impl RatingScale {
    /// Ratings from 1 to 5: the crate's default for a clinician's own
    /// ordinal rating (I), not a published scoring.
    ///
    /// ```
    /// use interpersonal::mit::RatingScale;
    /// assert_eq!((RatingScale::ONE_TO_FIVE.min, RatingScale::ONE_TO_FIVE.max), (1, 5));
    /// ```
    pub const ONE_TO_FIVE: RatingScale = RatingScale { min: 1, max: 5 };

    /// A scale from `min` to `max`.
    ///
    /// # Errors
    ///
    /// [`Problems`] at `$` when `max` is not greater than `min`.
    ///
    /// ```
    /// use interpersonal::mit::RatingScale;
    /// let err = RatingScale::new(5, 1).unwrap_err();
    /// assert_eq!(err.iter().next().unwrap().path.as_str(), "$.max");
    /// ```
    pub fn new(min: u8, max: u8) -> Result<Self, Problems> {
        let scale = RatingScale { min, max };
        let mut problems = Problems::default();
        scale.check(&JsonPath::root(), &mut problems);
        problems.into_result(scale)
    }

    /// Whether `rating` is on the scale.
    ///
    /// ```
    /// use interpersonal::mit::RatingScale;
    /// assert!(RatingScale::ONE_TO_FIVE.contains(1));
    /// assert!(!RatingScale::ONE_TO_FIVE.contains(0));
    /// ```
    pub fn contains(self, rating: u8) -> bool {
        (self.min..=self.max).contains(&rating)
    }

    pub(crate) fn check(self, at: &JsonPath, problems: &mut Problems) {
        if self.max <= self.min {
            problems.at(
                at.field("max"),
                format!("a maximum greater than the minimum {}", self.min),
            );
        }
    }
}

impl Default for RatingScale {
    /// [`RatingScale::ONE_TO_FIVE`].
    fn default() -> Self {
        RatingScale::ONE_TO_FIVE
    }
}
