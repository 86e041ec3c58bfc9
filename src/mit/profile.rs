//! The metacognitive profile: ratings of the five functions at dated points.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::date::DayInput;
use crate::error::{Error, JsonPath, Problems};

use super::{MetacognitiveFunction, ProfileTrend, RatingScale};

/// The ratings of the five [`MetacognitiveFunction`]s at one point; a
/// function that was not rated is `None` (not recorded, never "absent").
///
/// ```
/// use interpersonal::mit::{MetacognitiveFunction, MetacognitiveRatings};
/// let mut r = MetacognitiveRatings::default();
/// r.set(MetacognitiveFunction::Monitoring, 2);
/// assert_eq!(r.get(MetacognitiveFunction::Monitoring), Some(2));
/// assert_eq!(r.get(MetacognitiveFunction::Mastery), None);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MetacognitiveRatings {
    /// Monitoring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitoring: Option<u8>,
    /// Integration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration: Option<u8>,
    /// Differentiation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub differentiation: Option<u8>,
    /// Decentration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decentration: Option<u8>,
    /// Mastery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mastery: Option<u8>,
}

impl MetacognitiveRatings {
    /// The rating of `function`, if it was rated.
    ///
    /// ```
    /// use interpersonal::mit::{MetacognitiveFunction, MetacognitiveRatings};
    /// assert_eq!(MetacognitiveRatings::default().get(MetacognitiveFunction::Integration), None);
    /// ```
    pub fn get(&self, function: MetacognitiveFunction) -> Option<u8> {
        match function {
            MetacognitiveFunction::Monitoring => self.monitoring,
            MetacognitiveFunction::Integration => self.integration,
            MetacognitiveFunction::Differentiation => self.differentiation,
            MetacognitiveFunction::Decentration => self.decentration,
            MetacognitiveFunction::Mastery => self.mastery,
        }
    }

    /// Rates `function`.
    ///
    /// ```
    /// use interpersonal::mit::{MetacognitiveFunction, MetacognitiveRatings};
    /// let mut r = MetacognitiveRatings::default();
    /// r.set(MetacognitiveFunction::Decentration, 4);
    /// assert_eq!(r.decentration, Some(4));
    /// ```
    pub fn set(&mut self, function: MetacognitiveFunction, rating: u8) {
        let slot = match function {
            MetacognitiveFunction::Monitoring => &mut self.monitoring,
            MetacognitiveFunction::Integration => &mut self.integration,
            MetacognitiveFunction::Differentiation => &mut self.differentiation,
            MetacognitiveFunction::Decentration => &mut self.decentration,
            MetacognitiveFunction::Mastery => &mut self.mastery,
        };
        *slot = Some(rating);
    }

    /// The rated functions and their ratings, in the functions' order.
    ///
    /// ```
    /// use interpersonal::mit::{MetacognitiveFunction, MetacognitiveRatings};
    /// let r = MetacognitiveRatings::from_pairs([(MetacognitiveFunction::Mastery, 1), (MetacognitiveFunction::Monitoring, 3)]);
    /// let rated: Vec<_> = r.rated().collect();
    /// assert_eq!(rated, [(MetacognitiveFunction::Monitoring, 3), (MetacognitiveFunction::Mastery, 1)]);
    /// ```
    pub fn rated(&self) -> impl Iterator<Item = (MetacognitiveFunction, u8)> + '_ {
        MetacognitiveFunction::iter().filter_map(|f| self.get(f).map(|r| (f, r)))
    }

    /// Ratings from `(function, rating)` pairs; a function named twice keeps
    /// its last rating.
    ///
    /// ```
    /// use interpersonal::mit::{MetacognitiveFunction, MetacognitiveRatings};
    /// let r = MetacognitiveRatings::from_pairs([(MetacognitiveFunction::Integration, 2)]);
    /// assert_eq!(r.integration, Some(2));
    /// ```
    pub fn from_pairs(pairs: impl IntoIterator<Item = (MetacognitiveFunction, u8)>) -> Self {
        let mut ratings = MetacognitiveRatings::default();
        for (f, r) in pairs {
            ratings.set(f, r);
        }
        ratings
    }

    /// Checks every rating against `scale` and that at least one function
    /// was rated.
    pub(crate) fn check(&self, scale: RatingScale, at: &JsonPath, problems: &mut Problems) {
        if self.rated().next().is_none() {
            problems.at(at.clone(), "at least one function rated");
        }
        for (f, r) in self.rated() {
            if !scale.contains(r) {
                let name: &'static str = f.into();
                problems.at(
                    at.field(name),
                    format!(
                        "a rating from {} to {} (the profile's scale); found {r}",
                        scale.min, scale.max
                    ),
                );
            }
        }
    }
}

/// The ratings given on one day.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::mit::{MetacognitiveRatings, ProfilePoint};
/// let p = ProfilePoint::new(NaiveDate::from_ymd_opt(2026, 1, 12).unwrap(), MetacognitiveRatings::default());
/// assert_eq!(p.date.to_string(), "2026-01-12");
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ProfilePoint {
    /// The day of the rating.
    #[serde(with = "crate::date::day_json")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
    pub date: NaiveDate,
    /// The ratings.
    pub ratings: MetacognitiveRatings,
}

impl ProfilePoint {
    /// The ratings of `date`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::mit::{MetacognitiveRatings, ProfilePoint};
    /// let day = NaiveDate::from_ymd_opt(2026, 2, 2).unwrap();
    /// assert_eq!(ProfilePoint::new(day, MetacognitiveRatings::default()).date, day);
    /// ```
    pub fn new(date: NaiveDate, ratings: MetacognitiveRatings) -> Self {
        ProfilePoint { date, ratings }
    }
}

/// A patient's metacognitive profile over time: the five
/// [`MetacognitiveFunction`]s rated on a [`RatingScale`] at dated points, in
/// date order (CLINICAL-BASIS.md §7.2).
///
/// MIT assesses metacognition at the start and follows it through therapy
/// [K: Semerari et al. 2003; Dimaggio et al. 2015]; the crate records the
/// ratings the clinician gives and computes their [`trend`](Self::trend). It
/// does not rate anything itself, and its trend is descriptive: no
/// published threshold says how large a change on these ratings is
/// meaningful (I).
///
/// When to rate is the clinician's: the crate sets no schedule for the
/// profile and no source read gives one. A progress review of a course of
/// MIT asks for the PHQ-9 and the GAD-7 at sessions 1, 4, 8, 12, …
/// ([`measurement_due`](crate::measure::measurement_due)): the crate's
/// standard schedule kept for MIT, not a rule of MIT's (I).
///
/// ```
/// use interpersonal::mit::{MetacognitiveFunction::*, MetacognitiveProfile, RatingScale, TrendDirection};
///
/// let mut profile = MetacognitiveProfile::new(RatingScale::ONE_TO_FIVE);
/// profile.record("2026-01-12", [(Monitoring, 2), (Differentiation, 1)])?;
/// profile.record("2026-04-13", [(Monitoring, 3), (Differentiation, 1)])?;
/// let trend = profile.trend();
/// assert_eq!(trend.of(Monitoring).direction, TrendDirection::Improved);
/// assert_eq!(trend.of(Differentiation).direction, TrendDirection::Unchanged);
/// assert_eq!(trend.of(Mastery).direction, TrendDirection::NotEnoughRatings);
///
/// // A rating off the scale, or a date not after the last, is refused.
/// assert!(profile.record("2026-05-11", [(Mastery, 6)]).is_err());
/// assert!(profile.record("2026-04-13", [(Mastery, 2)]).is_err());
/// assert_eq!(profile.points.len(), 2);
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MetacognitiveProfile {
    /// The scale of every rating.
    pub scale: RatingScale,
    /// The dated ratings, in strictly increasing date order.
    pub points: Vec<ProfilePoint>,
}

impl MetacognitiveProfile {
    /// An empty profile rated on `scale`.
    ///
    /// ```
    /// use interpersonal::mit::{MetacognitiveProfile, RatingScale};
    /// assert!(MetacognitiveProfile::new(RatingScale::ONE_TO_FIVE).points.is_empty());
    /// ```
    pub fn new(scale: RatingScale) -> Self {
        MetacognitiveProfile {
            scale,
            points: Vec::new(),
        }
    }

    /// Records the ratings of one day, after the last recorded day.
    ///
    /// # Errors
    ///
    /// An [`Error`] of kind [`Date`](crate::error::ErrorKind::Date) when the
    /// date is not a day; of kind [`Invalid`](crate::error::ErrorKind::Invalid)
    /// when a rating is off the scale, nothing was rated, or the day is not
    /// after the last recorded one, each problem at its path in the profile
    /// (`$.points[i]...`). The profile is unchanged on error.
    ///
    /// ```
    /// use interpersonal::mit::{MetacognitiveFunction::Mastery, MetacognitiveProfile, RatingScale};
    /// let mut p = MetacognitiveProfile::new(RatingScale::ONE_TO_FIVE);
    /// let err = p.record("2026-01-12", [(Mastery, 9)]).unwrap_err();
    /// assert_eq!(err.path().unwrap().as_str(), "$.points[0].ratings.mastery");
    /// ```
    pub fn record(
        &mut self,
        date: impl DayInput,
        ratings: impl IntoIterator<Item = (MetacognitiveFunction, u8)>,
    ) -> Result<(), Error> {
        let point = ProfilePoint::new(date.into_day()?, MetacognitiveRatings::from_pairs(ratings));
        let at = JsonPath::root().field("points").index(self.points.len());
        let mut problems = Problems::default();
        self.check_point(&point, self.points.last(), &at, &mut problems);
        problems.into_result(())?;
        self.points.push(point);
        Ok(())
    }

    /// Checks the profile: its scale, every rating on it, at least one
    /// rating per point, dates strictly increasing. Every problem at once,
    /// each at its path from the profile (`$.points[1].date`).
    ///
    /// # Errors
    ///
    /// The [`Problems`] found.
    ///
    /// ```
    /// use interpersonal::{from_json, mit::MetacognitiveProfile};
    /// let p: MetacognitiveProfile = from_json(r#"{"scale": {"min": 1, "max": 5}, "points": [
    ///   {"date": "2026-02-02", "ratings": {"monitoring": 7}},
    ///   {"date": "2026-01-05", "ratings": {}}]}"#)?;
    /// let problems = p.validate().unwrap_err();
    /// let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    /// assert_eq!(paths, ["$.points[0].ratings.monitoring", "$.points[1].date", "$.points[1].ratings"]);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn validate(&self) -> Result<(), Problems> {
        let mut problems = Problems::default();
        self.check(&JsonPath::root(), &mut problems);
        problems.into_result(())
    }

    pub(crate) fn check(&self, at: &JsonPath, problems: &mut Problems) {
        self.scale.check(&at.field("scale"), problems);
        let mut previous = None;
        for (i, point) in self.points.iter().enumerate() {
            self.check_point(point, previous, &at.field("points").index(i), problems);
            previous = Some(point);
        }
    }

    fn check_point(
        &self,
        point: &ProfilePoint,
        previous: Option<&ProfilePoint>,
        at: &JsonPath,
        problems: &mut Problems,
    ) {
        if let Some(previous) = previous.filter(|p| point.date <= p.date) {
            problems.at(
                at.field("date"),
                format!(
                    "a date after the previous point's {}; found {}",
                    previous.date, point.date
                ),
            );
        }
        point
            .ratings
            .check(self.scale, &at.field("ratings"), problems);
    }

    /// The trend of each function over the profile's points.
    ///
    /// ```
    /// use interpersonal::mit::{MetacognitiveFunction::Monitoring, MetacognitiveProfile, RatingScale};
    /// let mut p = MetacognitiveProfile::new(RatingScale::ONE_TO_FIVE);
    /// p.record("2026-01-12", [(Monitoring, 3)])?;
    /// p.record("2026-02-09", [(Monitoring, 2)])?;
    /// assert_eq!(p.trend().of(Monitoring).change, Some(-1));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn trend(&self) -> ProfileTrend {
        ProfileTrend::of_points(&self.points)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use MetacognitiveFunction::*;

    #[test]
    fn a_refused_record_leaves_the_profile_unchanged() {
        let mut p = MetacognitiveProfile::new(RatingScale::ONE_TO_FIVE);
        p.record("2026-01-05", [(Monitoring, 2)]).unwrap();
        assert!(p.record("2026-01-05", [(Monitoring, 3)]).is_err());
        assert!(p.record("2026-01-12", [(Monitoring, 0)]).is_err());
        assert!(p.record("2026-01", [(Monitoring, 3)]).is_err());
        assert_eq!(p.points.len(), 1);
        p.record("2026-01-12", [(Monitoring, 5)]).unwrap();
        assert_eq!(p.validate(), Ok(()));
    }

    #[test]
    fn a_bad_scale_is_reported_at_its_path() {
        let mut p = MetacognitiveProfile::new(RatingScale::ONE_TO_FIVE);
        p.scale.max = 1;
        let problems = p.validate().unwrap_err();
        assert_eq!(problems.iter().next().unwrap().path.as_str(), "$.scale.max");
    }
}
