//! The trend of a metacognitive profile.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::macros::{source, vocabulary_enum};
use crate::source::Source;

use super::{MetacognitiveFunction, ProfilePoint, sources};

vocabulary_enum! {
    /// Which way a function's rating moved from its first to its latest
    /// rating.
    ///
    /// ```
    /// use interpersonal::mit::TrendDirection;
    /// assert_eq!(TrendDirection::NotEnoughRatings.to_string(), "not_enough_ratings");
    /// ```
    #[non_exhaustive]
    pub enum TrendDirection {
        /// The latest rating is higher than the first.
        Improved,
        /// The latest rating equals the first.
        Unchanged,
        /// The latest rating is lower than the first.
        Declined,
        /// Fewer than two ratings: no trend can be told.
        NotEnoughRatings,
    }
}

/// A rating and its day.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::mit::DatedRating;
/// let r = DatedRating { date: NaiveDate::from_ymd_opt(2026, 1, 12).unwrap(), rating: 2 };
/// assert_eq!(r.rating, 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedRating {
    /// The day.
    #[serde(with = "crate::date::day_json")]
    pub date: NaiveDate,
    /// The rating.
    pub rating: u8,
}

/// The trend of one function: its first and latest ratings, how many times it
/// was rated, the change, and its direction.
///
/// ```
/// use interpersonal::mit::{MetacognitiveFunction::Integration, MetacognitiveProfile, RatingScale, TrendDirection};
/// let mut p = MetacognitiveProfile::new(RatingScale::ONE_TO_FIVE);
/// p.record("2026-01-12", [(Integration, 1)])?;
/// let t = p.trend().of(Integration);
/// assert_eq!(t.ratings, 1);
/// assert_eq!(t.change, None);
/// assert_eq!(t.direction, TrendDirection::NotEnoughRatings);
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FunctionTrend {
    /// The function.
    pub function: MetacognitiveFunction,
    /// Its earliest rating.
    pub first: Option<DatedRating>,
    /// Its latest rating.
    pub latest: Option<DatedRating>,
    /// How many points rated it.
    pub ratings: usize,
    /// The latest rating minus the first, with two ratings or more.
    pub change: Option<i16>,
    /// Which way it moved.
    pub direction: TrendDirection,
}

/// The trend of every [`MetacognitiveFunction`] over a
/// [`MetacognitiveProfile`](crate::mit::MetacognitiveProfile), in the
/// functions' order.
///
/// For each function the trend compares its earliest and its latest rating,
/// by date, skipping the points that did not rate it. It is descriptive
/// (I): the sign of the change, with no claim that a change of one step is
/// reliable or clinically meaningful, because no such threshold was found in
/// the sources (CLINICAL-BASIS.md §7.2). When two points share a date (a
/// profile that failed validation), the later one in the list counts as the
/// later rating.
///
/// ```
/// use interpersonal::mit::{MetacognitiveFunction, MetacognitiveProfile, RatingScale};
/// let p = MetacognitiveProfile::new(RatingScale::ONE_TO_FIVE);
/// assert_eq!(p.trend().functions.len(), MetacognitiveFunction::COUNT);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ProfileTrend {
    /// One trend per function, in the functions' order.
    pub functions: Vec<FunctionTrend>,
}

impl ProfileTrend {
    pub(crate) fn of_points(points: &[ProfilePoint]) -> ProfileTrend {
        // Date order, stable: linear when the points are already in order.
        let mut ordered: Vec<&ProfilePoint> = points.iter().collect();
        ordered.sort_by_key(|p| p.date);
        let functions = MetacognitiveFunction::iter()
            .map(|function| {
                let mut rated = ordered.iter().filter_map(|p| {
                    p.ratings.get(function).map(|rating| DatedRating {
                        date: p.date,
                        rating,
                    })
                });
                let first = rated.next();
                let mut count = usize::from(first.is_some());
                let mut latest = first;
                for r in rated {
                    count += 1;
                    latest = Some(r);
                }
                let change = match (first, latest) {
                    (Some(a), Some(b)) if count >= 2 => {
                        Some(i16::from(b.rating) - i16::from(a.rating))
                    }
                    _ => None,
                };
                let direction = match change {
                    None => TrendDirection::NotEnoughRatings,
                    Some(c) if c > 0 => TrendDirection::Improved,
                    Some(0) => TrendDirection::Unchanged,
                    Some(_) => TrendDirection::Declined,
                };
                FunctionTrend {
                    function,
                    first,
                    latest,
                    ratings: count,
                    change,
                    direction,
                }
            })
            .collect();
        ProfileTrend { functions }
    }

    /// The trend of `function` (a copy; with no entry for it, a trend of
    /// no ratings).
    ///
    /// ```
    /// use interpersonal::mit::{MetacognitiveFunction, MetacognitiveProfile, RatingScale, TrendDirection};
    /// let t = MetacognitiveProfile::new(RatingScale::ONE_TO_FIVE).trend();
    /// assert_eq!(t.of(MetacognitiveFunction::Mastery).direction, TrendDirection::NotEnoughRatings);
    /// ```
    pub fn of(&self, function: MetacognitiveFunction) -> FunctionTrend {
        self.functions
            .iter()
            .find(|t| t.function == function)
            .cloned()
            .unwrap_or(FunctionTrend {
                function,
                first: None,
                latest: None,
                ratings: 0,
                change: None,
                direction: TrendDirection::NotEnoughRatings,
            })
    }

    /// Where the trend's reading comes from: an inference of the crate.
    ///
    /// ```
    /// use interpersonal::mit::ProfileTrend;
    /// assert!(ProfileTrend::source().cites_work("semerari-2003-mas"));
    /// ```
    pub fn source() -> Source {
        const TREND: Source = source![sources::MAS_INFERRED];
        TREND
    }
}
