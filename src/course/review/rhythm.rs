//! The rhythm diary in a progress review (IPSRT).

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ipsrt::{RhythmSeries, SrmActivity, TrendDirection};

/// Where the Social Rhythm Metric diary of an IPSRT course stands at a
/// review: the weeks recorded by the review date, the latest week's score,
/// the regularity trend, and the activities whose habitual time drifted
/// (CLINICAL-BASIS.md §7.1; the trend and the drift are this crate's summary
/// \[I\]). Numbers, dates and activity names only.
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{Course, ProblemArea, TreatmentContract};
/// use interpersonal::ipsrt::{ClockTime, SrmActivity, SrmEntry, SrmForm, SrmWeek, TrendDirection};
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
/// let contract = TreatmentContract::builder(day(2), [ProblemArea::RoleTransition]).build()?;
/// let mut course = Course::new(contract, Vec::new())?;
/// // Out of bed at 07:00 on four days of the first week, every day of the second.
/// for (start, days) in [(day(2), 4), (day(9), 7)] {
///     let mut week = SrmWeek::new(start, SrmForm::Srm5);
///     for d in 0..days {
///         week.record(d, SrmEntry::done(SrmActivity::OUT_OF_BED, ClockTime::from_hm(7, 0).unwrap()))?;
///     }
///     course.record_rhythm_week(week)?;
/// }
/// let rhythm = course.review(day(16)).rhythm.unwrap();
/// assert_eq!(rhythm.weeks, 2);
/// assert_eq!(rhythm.latest_score, Some(7.0));
/// assert_eq!(rhythm.direction, TrendDirection::MoreRegular);
/// // Before the second week began, the review sees only the first.
/// assert_eq!(course.review(day(8)).rhythm.unwrap().weeks, 1);
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RhythmReview {
    /// The weeks of the diary that began on or before the review date.
    pub weeks: usize,
    /// The start of the latest of them.
    #[serde(with = "crate::date::day_json")]
    pub latest_week: NaiveDate,
    /// Its SRM score, 0 to 7; `None` when the week is not scorable (no
    /// activity done at least 3 times), never 0.
    pub latest_score: Option<f64>,
    /// The regularity trend over those weeks.
    pub direction: TrendDirection,
    /// The change from the first scorable week's score to the last's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<f64>,
    /// The activities whose habitual time drifted between two consecutive
    /// weeks, each once, in the order first seen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drifted: Vec<SrmActivity>,
}

impl RhythmReview {
    /// The review of the weeks of `series` that began on or before `as_of`;
    /// `None` when there is none.
    pub(crate) fn of(series: &RhythmSeries, as_of: NaiveDate) -> Option<RhythmReview> {
        let weeks: Vec<_> = series
            .weeks()
            .iter()
            .filter(|w| w.week_start() <= as_of)
            .cloned()
            .collect();
        let latest = weeks.last()?;
        let latest_week = latest.week_start();
        let latest_score = latest.score().value();
        let count = weeks.len();
        let upto = RhythmSeries::new(weeks).ok()?;
        let trend = upto.trend();
        let mut drifted: Vec<SrmActivity> = Vec::new();
        for d in upto.drift() {
            if !drifted.contains(&d.activity) {
                drifted.push(d.activity);
            }
        }
        Some(RhythmReview {
            weeks: count,
            latest_week,
            latest_score,
            direction: trend.direction,
            change: trend.change,
            drifted,
        })
    }
}

impl fmt::Display for RhythmReview {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Social rhythm (SRM): {} week{}; latest week from {}: ",
            self.weeks,
            if self.weeks == 1 { "" } else { "s" },
            self.latest_week
        )?;
        match self.latest_score {
            Some(score) => write!(f, "score {score:.2} of 7")?,
            None => f.write_str("not scorable")?,
        }
        write!(
            f,
            "; trend: {}",
            self.direction.to_string().replace('_', " ")
        )?;
        if let Some(change) = self.change {
            write!(f, " ({change:+.2})")?;
        }
        if !self.drifted.is_empty() {
            let names: Vec<&str> = self.drifted.iter().map(|a| a.name()).collect();
            write!(f, "; drifted: {}", names.join(", "))?;
        }
        f.write_str(".")
    }
}
